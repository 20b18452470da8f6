//! The reading pane: a header with the title, language, date and path, then the wrapped
//! text, centred at the reading width, with boilerplate and repeats dimmed and search hits
//! and figures highlighted.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::app::App;
use super::layout::{self, HEADER_ROWS};
use super::text::truncate_to;
use super::theme::Theme;
use super::wrap;
use crate::corpus::ParagraphKind;
use crate::extract::figures::FigureList;
use crate::sanitize::sanitize_inline;

/// Draws the reader inside `inner` (the pane without its border).
pub fn render(app: &App, pane: Rect, inner: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let width = usize::from(inner.width);
    let Some(c) = app.corpus.as_ref() else {
        let more = t.glyphs.ellipsis;
        let msg = match app.loading {
            Some(p) if p.total > 0 => format!("Loading documents{more} {}/{}", p.done, p.total),
            _ => format!("Loading documents{more}"),
        };
        buf.set_stringn(inner.x + 1, inner.y, msg, width.saturating_sub(1), t.meta);
        return;
    };
    let Some(doc) = c.docs.get(app.current) else {
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            "No document.",
            width.saturating_sub(1),
            t.meta,
        );
        // Why: every input was skipped or failed, and the status bar has room for one reason.
        for (y, w) in (inner.y + 2..inner.bottom()).zip(c.problems()) {
            let line = truncate_to(
                &sanitize_inline(&w),
                width.saturating_sub(1),
                t.glyphs.ellipsis,
            );
            buf.set_stringn(inner.x + 1, y, line, width.saturating_sub(1), t.error);
        }
        return;
    };
    let text = layout::reader_text(pane, app.config.reading_width, app.full_width);
    if text.y > inner.y {
        let title = truncate_to(
            &sanitize_inline(&doc.title),
            width.saturating_sub(2),
            t.glyphs.ellipsis,
        );
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            title,
            width.saturating_sub(1),
            t.title,
        );
        let mut meta = vec![doc.lang.code().to_string()];
        if let Some(b) = &doc.byline {
            meta.push(sanitize_inline(b));
        }
        if let Some(d) = app.figures.dates.get(app.current).and_then(Option::as_ref) {
            meta.push(sanitize_inline(d));
        }
        // A page's own metadata, and its address in place of where it was read from.
        let page = &doc.meta;
        for said in [&page.site, &page.published].into_iter().flatten() {
            meta.push(sanitize_inline(said));
        }
        let from = page.url.clone().unwrap_or_else(|| doc.origin.display());
        meta.push(sanitize_inline(&from));
        let meta = truncate_to(
            &meta.join(&format!(" {} ", t.glyphs.dot)),
            width.saturating_sub(2),
            t.glyphs.ellipsis,
        );
        buf.set_stringn(
            inner.x + 1,
            inner.y + 1,
            meta,
            width.saturating_sub(1),
            t.meta,
        );
        let rule = t.glyphs.rule.repeat(width);
        buf.set_stringn(inner.x, inner.y + HEADER_ROWS, rule, width, t.border);
    }
    let Some(view) = app.views.get(app.current) else {
        return;
    };
    if view.block_count() == 0 {
        buf.set_stringn(
            text.x,
            text.y,
            "(empty document)",
            usize::from(text.width),
            t.meta,
        );
        return;
    }
    let hit = app
        .highlight
        .as_ref()
        .filter(|(d, _)| *d == app.current)
        .map(|(_, r)| r.clone());
    let visible = view.visible(usize::from(text.height));
    let figures: Vec<Range<usize>> = if app.figure_highlights {
        let shown = visible
            .iter()
            .flat_map(|(_, l)| l.spans.iter().filter(|s| !s.note).map(|s| s.src.clone()));
        let (lo, hi) = shown.fold((usize::MAX, 0), |(lo, hi), r| {
            (lo.min(r.start), hi.max(r.end))
        });
        app.figures
            .per_doc
            .get(app.current)
            .map(|list| figures_within(list, lo..hi))
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    for (row, (b, line)) in visible.into_iter().enumerate() {
        let y = text.y + u16::try_from(row).unwrap_or(u16::MAX);
        let kind = view
            .block(b)
            .and_then(|bl| doc.paragraphs.get(bl.paragraph()))
            .map_or(ParagraphKind::Body, |p| p.kind);
        let base = match kind {
            ParagraphKind::Body => t.text,
            ParagraphKind::Heading => t.heading,
            ParagraphKind::Boilerplate | ParagraphKind::Repeat(_) | ParagraphKind::Unread => {
                t.dimmed
            }
        };
        let spans = styled_line(line, base, t, hit.as_ref(), &figures);
        buf.set_line(text.x, y, &Line::from(spans), text.width);
    }
}

/// The ranges of the figures in `rows` (in text order, never overlapping) that reach into
/// `shown`: a large document has millions of figures, and a frame looks at a screenful.
fn figures_within(list: &FigureList, shown: Range<usize>) -> Vec<Range<usize>> {
    (list.first_ending_after(shown.start)..list.len())
        .map(|i| list.range(i))
        .take_while(|r| r.start < shown.end)
        .collect()
}

/// Styles one display line: placeholders, the search hit and figures.
fn styled_line(
    line: &wrap::Line,
    base: Style,
    t: &Theme,
    hit: Option<&Range<usize>>,
    figures: &[Range<usize>],
) -> Vec<Span<'static>> {
    let mut out = Vec::with_capacity(line.spans.len());
    for s in &line.spans {
        if s.note {
            out.push(Span::styled(
                s.text.clone(),
                base.patch(t.dimmed)
                    .add_modifier(ratatui::style::Modifier::ITALIC),
            ));
            continue;
        }
        if s.inert {
            let style = if hit.is_some_and(|h| overlaps(h, &s.src)) {
                base.patch(t.inert).patch(t.hit)
            } else {
                base.patch(t.inert)
            };
            out.push(Span::styled(s.text.clone(), style));
            continue;
        }
        let style_at = |src: usize| {
            let mut st = base;
            if figures.iter().any(|f| f.contains(&src)) {
                st = st.patch(t.figure);
            }
            if hit.is_some_and(|h| h.contains(&src)) {
                st = st.patch(t.hit);
            }
            st
        };
        if !s.linear {
            out.push(Span::styled(s.text.clone(), style_at(s.src.start)));
            continue;
        }
        // Cut the span where a highlight starts or ends.
        let mut cuts: Vec<usize> = vec![0, s.text.len()];
        for r in hit.into_iter().chain(figures.iter()) {
            for edge in [r.start, r.end] {
                if edge > s.src.start && edge < s.src.end {
                    let local = edge - s.src.start;
                    if s.text.is_char_boundary(local) {
                        cuts.push(local);
                    }
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let piece = &s.text[w[0]..w[1]];
            out.push(Span::styled(
                piece.to_string(),
                style_at(s.src.start + w[0]),
            ));
        }
    }
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Lang;
    use crate::extract::figures::extract;
    use crate::ui::config::ThemeName;

    #[test]
    fn only_the_figures_reaching_the_shown_text_are_highlighted() {
        let text = "En 2023, 10 millions. En 2024, 20 millions. En 2025, 30 millions.";
        let rows = FigureList::from_figures(&extract(text, Lang::FR));
        assert_eq!(rows.len(), 6, "{rows:?}");
        let second = text.find("En 2024").expect("sentence");
        let third = text.find("En 2025").expect("sentence");
        let shown: Vec<&str> = figures_within(&rows, second..third)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(shown, ["2024", "20 millions"]);
        // A figure cut by the edge of what is shown is still highlighted.
        let inside = text.find("0 millions. En 2024").expect("edge");
        let shown = figures_within(&rows, inside..second);
        assert_eq!(shown.len(), 1);
        assert!(figures_within(&rows, text.len()..text.len()).is_empty());
    }

    #[test]
    fn highlights_split_spans_at_their_edges() {
        let text = "Il y a 170 millions d’utilisateurs.";
        let block = wrap::Block::new(0..text.len(), 0, true);
        let lines = wrap::wrap_block(text, &block, 80, true);
        let t = Theme::new(ThemeName::Dark, false);
        let fig = text.find("170").expect("figure");
        let spans = styled_line(
            &lines[0],
            t.text,
            &t,
            Some(&(0..2)),
            std::slice::from_ref(&(fig..fig + 3)),
        );
        let joined: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(joined, text);
        assert!(
            spans
                .iter()
                .any(|s| s.content == "Il" && s.style == t.text.patch(t.hit))
        );
        assert!(
            spans
                .iter()
                .any(|s| s.content == "170" && s.style == t.text.patch(t.figure))
        );
    }
}
