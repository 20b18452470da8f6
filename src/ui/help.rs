//! The help overlay: every binding of the keymap, filterable by typing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::action::Action;
use super::app::App;
use super::input::Input;
use super::keymap::{Context, Keymap};
use super::text::{fit_spans, truncate_to};

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

    /// Edits the filter or scrolls; `max_scroll` is the first row that still fills the
    /// overlay, so scrolling stops at the last row instead of running into blank space.
    pub fn apply(&mut self, action: &Action, max_scroll: usize) {
        match action {
            Action::InsertChar(c) => {
                self.filter.push(*c);
                self.scroll = 0;
            }
            Action::InsertText(t) => {
                self.filter.paste(t);
                self.scroll = 0;
            }
            Action::DeleteBackward => {
                self.filter.delete_backward();
                self.scroll = 0;
            }
            Action::ClearInput => {
                self.filter.clear();
                self.scroll = 0;
            }
            Action::SelectNext => self.scroll = (self.scroll + 1).min(max_scroll),
            Action::SelectPrevious => self.scroll = self.scroll.saturating_sub(1),
            _ => {}
        }
        self.scroll = self.scroll.min(max_scroll);
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
        Context::List,
        Context::Prompt,
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

/// One line of the overlay's list: a context heading or a binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Heading(Context),
    Binding(Row),
}

/// The list as drawn: each context's heading before its rows.
#[must_use]
pub fn entries(keymap: &Keymap, filter: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut last = None;
    for row in rows(keymap, filter) {
        if last != Some(row.context) {
            last = Some(row.context);
            out.push(Entry::Heading(row.context));
        }
        out.push(Entry::Binding(row));
    }
    out
}

/// Where the overlay goes on a screen.
#[must_use]
pub fn area(screen: Rect) -> Rect {
    let width = screen
        .width
        .saturating_sub(4)
        .min(72)
        .max(screen.width.min(20));
    let height = screen.height.saturating_sub(2).max(screen.height.min(4));
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

/// Lines of the list that fit on a screen (inside the border, under the filter line).
fn list_height(screen: Rect) -> usize {
    usize::from(area(screen).height.saturating_sub(3))
}

/// The largest scroll that still fills the overlay on `screen` for a filter.
#[must_use]
pub fn max_scroll(keymap: &Keymap, filter: &str, screen: Rect) -> usize {
    entries(keymap, filter)
        .len()
        .saturating_sub(list_height(screen))
}

/// Draws the help overlay.
pub fn render(app: &App, h: &Help, screen: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let r = area(screen);
    let Some(inner) =
        super::overlay::framed(r, buf, t, format!(" Keys {} type to filter ", t.glyphs.dot))
    else {
        return;
    };
    let prompt = Line::from(vec![
        Span::styled("filter: ", t.meta),
        Span::raw(crate::sanitize::sanitize_inline(h.filter())),
        Span::styled(t.glyphs.cursor, t.meta),
    ]);
    buf.set_line(inner.x, inner.y, &prompt, inner.width);
    let all = entries(&app.config.keymap, h.filter());
    let keys_w = 18.min(usize::from(inner.width) / 2);
    let list = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    for (y, entry) in (list.y..list.bottom()).zip(all.iter().skip(h.scroll)) {
        match entry {
            Entry::Heading(ctx) => {
                let heading = match ctx {
                    Context::Normal => "Reading",
                    Context::Global => "Anywhere",
                    Context::Palette => "Search palette",
                    Context::List => "Marks and figure details",
                    Context::Prompt => "Open (o)",
                    Context::Help => "This help",
                };
                buf.set_stringn(inner.x, y, heading, usize::from(inner.width), t.heading);
            }
            Entry::Binding(row) => {
                let keys = truncate_to(&row.keys, keys_w.saturating_sub(1), t.glyphs.ellipsis);
                let line = Line::from(fit_spans(
                    vec![
                        Span::styled(
                            format!(" {keys:<keys_w$}"),
                            t.status_key.bg(ratatui::style::Color::Reset),
                        ),
                        Span::styled(row.describe, t.text),
                        Span::styled(format!("  {}", row.name), t.meta),
                    ],
                    usize::from(inner.width),
                    t.glyphs.ellipsis,
                ));
                buf.set_line(inner.x, y, &line, inner.width);
            }
        }
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
