//! The help overlay: every binding of the keymap, filterable by typing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::action::Action;
use super::app::App;
use super::input::Input;
use super::keymap::{Context, Keymap};
use super::text::truncate_to;

/// Help state: the filter and the first row shown.
#[derive(Debug, Clone, Default)]
pub struct Help {
    filter: Input,
    pub scroll: usize,
}

impl Help {
    #[must_use]
    pub fn filter(&self) -> &str {
        self.filter.text()
    }

    pub fn apply(&mut self, action: &Action, rows: usize) {
        match action {
            Action::InsertChar(c) => {
                self.filter.push(*c);
                self.scroll = 0;
            }
            Action::InsertText(t) => {
                self.filter.paste(t);
                self.scroll = 0;
            }
            Action::DeleteBackward => self.filter.delete_backward(),
            Action::ClearInput => self.filter.clear(),
            Action::SelectNext => self.scroll = (self.scroll + 1).min(rows.saturating_sub(1)),
            Action::SelectPrevious => self.scroll = self.scroll.saturating_sub(1),
            _ => {}
        }
    }
}

/// One row of help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub context: Context,
    pub keys: String,
    pub name: String,
    pub describe: &'static str,
}

/// The rows matching a filter (keys, action name or description, case-insensitive).
#[must_use]
pub fn rows(keymap: &Keymap, filter: &str) -> Vec<Row> {
    let f = filter.to_lowercase();
    let mut out = Vec::new();
    for ctx in [
        Context::Normal,
        Context::Global,
        Context::Palette,
        Context::Help,
    ] {
        for (action, keys) in keymap.bindings(ctx) {
            if keys.is_empty() {
                continue;
            }
            let keys = keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ");
            let name = action.name().unwrap_or_default();
            let describe = action.describe();
            let hay = format!("{keys} {name} {describe} {}", ctx.name()).to_lowercase();
            if f.split_whitespace().all(|w| hay.contains(w)) {
                out.push(Row {
                    context: ctx,
                    keys,
                    name,
                    describe,
                });
            }
        }
    }
    out
}

/// Draws the help overlay.
pub fn render(app: &App, h: &Help, screen: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let width = screen
        .width
        .saturating_sub(4)
        .min(72)
        .max(screen.width.min(20));
    let height = screen.height.saturating_sub(2).max(screen.height.min(4));
    let r = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    };
    Clear.render(r, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Span::styled(" Keys · type to filter ", t.title));
    let inner = block.inner(r);
    block.render(r, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let prompt = Line::from(vec![
        Span::styled("filter: ", t.meta),
        Span::raw(crate::sanitize::sanitize_inline(h.filter())),
        Span::styled("█", t.meta),
    ]);
    buf.set_line(inner.x, inner.y, &prompt, inner.width);
    let all = rows(&app.config.keymap, h.filter());
    let keys_w = 18.min(usize::from(inner.width) / 2);
    let mut y = inner.y + 1;
    let mut last_ctx = None;
    for row in all.iter().skip(h.scroll) {
        if y >= inner.bottom() {
            break;
        }
        if last_ctx != Some(row.context) {
            last_ctx = Some(row.context);
            let heading = match row.context {
                Context::Normal => "Reading",
                Context::Global => "Anywhere",
                Context::Palette => "Search palette",
                Context::Help => "This help",
            };
            buf.set_stringn(inner.x, y, heading, usize::from(inner.width), t.heading);
            y += 1;
            if y >= inner.bottom() {
                break;
            }
        }
        let keys = truncate_to(&row.keys, keys_w.saturating_sub(1));
        let line = Line::from(vec![
            Span::styled(
                format!(" {keys:<keys_w$}"),
                t.status_key.bg(ratatui::style::Color::Reset),
            ),
            Span::styled(row.describe, t.text),
            Span::styled(format!("  {}", row.name), t.meta),
        ]);
        buf.set_line(inner.x, y, &line, inner.width);
        y += 1;
    }
    if all.is_empty() {
        buf.set_stringn(
            inner.x + 1,
            inner.y + 1,
            "no key matches",
            usize::from(inner.width.saturating_sub(1)),
            t.meta,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_from_the_keymap_and_filter() {
        let k = Keymap::default();
        let all = rows(&k, "");
        assert!(
            all.iter()
                .any(|r| r.name == "open_palette" && r.keys == "/")
        );
        let some = rows(&k, "jump");
        assert!(
            !some.is_empty()
                && some
                    .iter()
                    .all(|r| format!("{} {}", r.name, r.describe).contains("jump"))
        );
        assert!(rows(&k, "zzzz").is_empty());
    }
}
