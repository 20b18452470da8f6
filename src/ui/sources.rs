//! The sources pane: each document's title, language and reading progress.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::app::App;
use super::text::truncate_to;

/// Screen rows per document.
pub const ROWS_PER_ITEM: usize = 2;

/// The first document shown so that `selected` is visible in `height` rows.
#[must_use]
pub fn first_row(selected: usize, count: usize, height: usize) -> usize {
    let fit = (height / ROWS_PER_ITEM).max(1);
    if count <= fit {
        return 0;
    }
    selected.saturating_sub(fit - 1).min(count - fit)
}

/// Draws the list inside `inner`.
pub fn render(app: &App, inner: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(c) = app.corpus.as_ref() else {
        let msg = app.loading.map_or_else(String::new, |p| {
            if p.total > 0 {
                format!("loading {}/{}", p.done, p.total)
            } else {
                format!("loading{}", t.glyphs.ellipsis)
            }
        });
        buf.set_stringn(inner.x, inner.y, msg, usize::from(inner.width), t.meta);
        return;
    };
    let width = usize::from(inner.width);
    let first = first_row(
        app.sources_selected,
        c.docs.len(),
        usize::from(inner.height),
    );
    let mut y = inner.y;
    for (i, d) in c.docs.iter().enumerate().skip(first) {
        if y >= inner.bottom() {
            break;
        }
        let selected = i == app.sources_selected;
        let current = i == app.current;
        let style = if selected && app.focus == super::layout::Pane::Sources {
            t.selected
        } else if current {
            t.title
        } else {
            t.text
        };
        let marker = if current { t.glyphs.current } else { " " };
        let title = crate::sanitize::sanitize_inline(&d.title);
        let title = truncate_to(&title, width.saturating_sub(1), t.glyphs.ellipsis);
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        buf.set_line(
            inner.x,
            y,
            &Line::from(vec![
                Span::styled(marker, t.border_focused),
                Span::styled(title, style),
            ]),
            inner.width,
        );
        y += 1;
        if y >= inner.bottom() {
            break;
        }
        let pct = app.percent(i);
        let lang = d.lang.code();
        let pct = format!(" {pct:>3}%");
        // The id gives way first: the language and the percentage always show.
        let room = width.saturating_sub(2 + 1 + lang.len() + pct.len());
        let id = truncate_to(
            &crate::sanitize::sanitize_inline(&d.id),
            room,
            t.glyphs.ellipsis,
        );
        let line = Line::from(vec![
            Span::styled(format!("  {id} "), t.meta),
            Span::styled(lang, t.lang),
            Span::styled(pct, t.meta),
        ]);
        buf.set_line(inner.x, y, &line, inner.width);
        y += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_visible() {
        assert_eq!(first_row(0, 5, 20), 0);
        assert_eq!(first_row(4, 5, 4), 3);
        assert_eq!(first_row(2, 50, 6), 0);
        assert_eq!(first_row(49, 50, 6), 47);
        assert_eq!(first_row(3, 5, 0), 3);
    }
}
