//! The status bar: key hints taken from the keymap, or a message; then language, document
//! n/N and position.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::app::{App, Overlay};
use super::layout::Pane;
use super::text::truncate_to;
use crate::sanitize::sanitize_inline;

/// The hints shown for a context: (action, short label).
fn hints(app: &App) -> Vec<(Action, &'static str)> {
    match app.overlays.last() {
        Some(Overlay::Palette(_)) => vec![
            (Action::ConfirmSelection, "jump"),
            (Action::SelectNextOrRecall, "next"),
            (Action::SelectPreviousOrRecall, "earlier searches"),
            (Action::ToggleSearchScope, "scope"),
            (Action::CloseOverlay, "close"),
        ],
        Some(Overlay::Open(_)) => vec![
            (Action::ConfirmSelection, "open"),
            (Action::CompletePath, "complete"),
            (Action::CloseOverlay, "close"),
        ],
        Some(Overlay::Marks(_) | Overlay::Details { .. }) => vec![
            (Action::ConfirmSelection, "jump"),
            (Action::SelectNext, "next"),
            (Action::CloseOverlay, "close"),
        ],
        Some(Overlay::Help(_)) => vec![
            (Action::CloseOverlay, "close"),
            (Action::SelectNext, "scroll"),
        ],
        None => {
            let mut h = vec![
                (Action::OpenPalette, "search"),
                (Action::OpenHelp, "help"),
                (Action::FocusNextPane, "pane"),
            ];
            if !app.layout().shows(Pane::Figures) {
                h.push((Action::ToggleFiguresPane, "figures"));
            }
            if app.last_search.is_some() {
                h.push((Action::JumpToNextHit, "next hit"));
            }
            h.push((Action::Quit, "quit"));
            h
        }
    }
}

/// Draws the bar in `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    buf.set_style(area, t.status);
    let width = usize::from(area.width);
    let mut right = String::new();
    if let Some(c) = app.corpus.as_ref()
        && let Some(d) = c.docs.get(app.current)
    {
        let pct = app.percent(app.current);
        let dot = t.glyphs.dot;
        right = format!(
            " {} {dot} {}/{} {dot} {pct}% ",
            d.lang.code(),
            app.current + 1,
            c.docs.len()
        );
    } else if let Some(p) = app.loading {
        right = format!(" loading {}/{} ", p.done, p.total);
    }
    let right_w = if right.width() * 2 <= width {
        right.width()
    } else {
        0
    };
    let left_w = width - right_w;
    if let Some(m) = &app.message {
        // Messages quote paths and errors: placeholders, not silence, for what could act on
        // the terminal.
        let text = truncate_to(
            &format!(" {}", sanitize_inline(&m.text)),
            left_w,
            t.glyphs.ellipsis,
        );
        buf.set_stringn(
            area.x,
            area.y,
            text,
            left_w,
            if m.error { t.error } else { t.status },
        );
    } else {
        let ctx = app.context();
        let mut spans = vec![Span::styled(" ", t.status)];
        let mut used = 1;
        for (action, label) in hints(app) {
            let Some(key) = app.config.keymap.hint(ctx, &action) else {
                continue;
            };
            let label = format!(" {label}  ");
            // Whole hints only: a cut-off hint reads as a different word.
            let w = key.width() + label.width();
            if used + w > left_w + 2 {
                break;
            }
            used += w;
            spans.push(Span::styled(key, t.status_key));
            spans.push(Span::styled(label, t.status));
        }
        buf.set_line(
            area.x,
            area.y,
            &Line::from(spans),
            u16::try_from(left_w).unwrap_or(0),
        );
    }
    if right_w > 0 {
        let x = area.x + u16::try_from(left_w).unwrap_or(0);
        buf.set_stringn(x, area.y, &right, right_w, t.status);
    }
}
