//! The figures panel: this document's figures, or the cross-source groups with agreement
//! marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::app::App;
use super::layout::Pane;
use super::text::{fit_spans, truncate_to};
use super::view_model::{GroupRow, HEADING_INDENT, heading_lines};
use crate::sanitize::sanitize_inline;
use unicode_width::UnicodeWidthStr;

/// Rows above the list (the mode line).
pub const HEADER_ROWS: usize = 1;

/// The first row shown so that the selection is visible.
#[must_use]
pub fn first_row(app: &App, height: usize) -> usize {
    let fit = height.saturating_sub(HEADER_ROWS).max(1);
    app.figures_selected.saturating_sub(fit - 1)
}

/// Draws the panel inside `inner`.
pub fn render(app: &App, inner: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let width = usize::from(inner.width);
    let mode = if app.figure_groups {
        "across sources"
    } else {
        "this document"
    };
    // The mode always shows whole; the key to switch it as fully as the width allows.
    let key = app.config.keymap.hint(
        super::keymap::Context::Normal,
        &super::action::Action::ToggleFigureGroups,
    );
    let heading = [
        key.as_ref().map(|k| format!(" {mode} ({k}: switch)")),
        key.as_ref().map(|k| format!(" {mode} ({k})")),
    ]
    .into_iter()
    .flatten()
    .find(|h| h.width() <= width)
    .unwrap_or_else(|| truncate_to(&format!(" {mode}"), width, t.glyphs.ellipsis));
    buf.set_stringn(inner.x, inner.y, heading, width, t.meta);
    let first = first_row(app, usize::from(inner.height));
    let focused = app.focus == Pane::Figures;
    let rows = app.figure_rows();
    let group_rows = if app.figure_groups {
        app.group_rows()
    } else {
        Vec::new()
    };
    if rows == 0 && inner.height > 1 {
        let y = inner.y + 1;
        let msg = if app.figures.per_doc.is_empty() && app.figures.groups.is_empty() {
            "no figures yet"
        } else if app.figure_groups {
            "no figure appears in several sources"
        } else {
            "no figures in this document"
        };
        buf.set_stringn(
            inner.x,
            y,
            truncate_to(&format!(" {msg}"), width, t.glyphs.ellipsis),
            width,
            t.meta,
        );
        return;
    }
    for (y, i) in (inner.y + 1..inner.bottom()).zip(first..rows) {
        let selected = i == app.figures_selected;
        let base = if selected && focused {
            t.selected
        } else {
            t.text
        };
        let line = if app.figure_groups {
            group_line(app, group_rows.get(i).copied(), base, width)
        } else {
            let Some(f) = app.figures.row(app.current, i) else {
                continue;
            };
            // Read as written: "about 100 million users", the qualifier first.
            let qualifier = if f.qualifier().is_empty() {
                String::new()
            } else {
                format!("{} ", sanitize_inline(f.qualifier()))
            };
            Line::from(fit_spans(
                vec![
                    Span::styled(qualifier, if selected && focused { base } else { t.meta }),
                    Span::styled(sanitize_inline(&f.value()), base.patch(t.figure)),
                    Span::styled(format!(" {}", sanitize_inline(f.unit())), base),
                ],
                width,
                t.glyphs.ellipsis,
            ))
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
        buf.set_line(inner.x, y, &line, inner.width);
    }
}

fn group_line(
    app: &App,
    row: Option<GroupRow>,
    base: ratatui::style::Style,
    width: usize,
) -> Line<'static> {
    let t = &app.theme;
    match row {
        Some(GroupRow::Heading(g) | GroupRow::HeadingMore(g, _)) => {
            let group = &app.figures.groups[g];
            let (mark, style) = if group.agree {
                (t.glyphs.agree, t.agree)
            } else {
                (t.glyphs.disagree, t.disagree)
            };
            // The heading wraps: every value the sources give shows, at any width.
            let k = match row {
                Some(GroupRow::HeadingMore(_, k)) => k,
                _ => 0,
            };
            let lines = heading_lines(group, width.saturating_sub(HEADING_INDENT));
            let text = lines.get(k).cloned().unwrap_or_default();
            let mark = if k == 0 { mark } else { "  " };
            Line::from(vec![
                Span::styled(mark, style),
                Span::styled(text, base.patch(t.heading)),
            ])
        }
        Some(GroupRow::Member(g, m)) => {
            let member = &app.figures.groups[g].members[m];
            let doc = app.corpus.as_ref().and_then(|c| c.docs.get(member.doc));
            let tag = doc.map_or_else(String::new, |d| {
                format!("{} {}", sanitize_inline(&d.id), d.lang.code())
            });
            // A document that states the figure more than once is one member, counted.
            let times = if member.count > 1 {
                format!(" ×{}", member.count)
            } else {
                String::new()
            };
            let value = if member.disagrees {
                base.patch(t.disagree)
            } else {
                base
            };
            Line::from(fit_spans(
                vec![
                    Span::styled(format!("  {tag} "), base.patch(t.lang)),
                    Span::styled(sanitize_inline(&member.value), value),
                    Span::styled(times, base.patch(t.meta)),
                ],
                width,
                t.glyphs.ellipsis,
            ))
        }
        None => Line::default(),
    }
}
