//! A list over the reader (the marks, a figure group's details): a box of rows, one
//! selected, Enter to jump. The rows are built by their owners; this draws them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::action::Action;
use super::app::App;
use super::text::{fit_spans, truncate_to};

/// Which row is selected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
}

impl ListState {
    /// Moves the selection among `rows` rows.
    pub fn apply(&mut self, action: &Action, rows: usize) {
        match action {
            Action::SelectNext => self.selected = (self.selected + 1).min(rows.saturating_sub(1)),
            Action::SelectPrevious => self.selected = self.selected.saturating_sub(1),
            _ => {}
        }
    }
}

/// One row: a short tag (document, language) and the text, with its own style for the text
/// (a disagreeing value, a document that is not open).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub tag: String,
    pub text: String,
    pub style: Option<Style>,
    /// Whether Enter can jump to it.
    pub jumps: bool,
}

/// Where a list goes on a screen: like the palette, centred, at most 100 columns.
#[must_use]
pub fn area(screen: Rect) -> Rect {
    let width = screen
        .width
        .saturating_sub(4)
        .min(100)
        .max(screen.width.min(20));
    let height = screen
        .height
        .saturating_sub(2)
        .min(24)
        .max(screen.height.min(5));
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + u16::from(screen.height > height),
        width,
        height,
    }
}

/// What a list overlay shows.
#[derive(Debug, Clone)]
pub struct View<'a> {
    pub title: String,
    /// Lines (already styled) above the rows.
    pub head: Vec<Line<'static>>,
    pub rows: Vec<Row>,
    pub state: ListState,
    /// Shown when there are no rows.
    pub empty: &'a str,
}

/// Draws a list overlay.
pub fn render(app: &App, view: &View<'_>, screen: Rect, buf: &mut Buffer) {
    let View {
        title,
        head,
        rows,
        state,
        empty,
    } = view;
    let t = &app.theme;
    let r = area(screen);
    let Some(inner) = super::overlay::framed(
        r,
        buf,
        t,
        truncate_to(
            &format!(" {title} "),
            usize::from(r.width.saturating_sub(2)),
            t.glyphs.ellipsis,
        ),
    ) else {
        return;
    };
    let width = usize::from(inner.width);
    let mut y = inner.y;
    for line in head {
        if y >= inner.bottom() {
            return;
        }
        buf.set_line(
            inner.x,
            y,
            &Line::from(fit_spans(line.spans.clone(), width, t.glyphs.ellipsis)),
            inner.width,
        );
        y += 1;
    }
    if rows.is_empty() {
        if y < inner.bottom() {
            buf.set_stringn(
                inner.x + 1,
                y,
                truncate_to(empty, width.saturating_sub(1), t.glyphs.ellipsis),
                width,
                t.meta,
            );
        }
        return;
    }
    let room = usize::from(inner.bottom().saturating_sub(y));
    let first = room
        .checked_sub(1)
        .map_or(0, |h| state.selected.saturating_sub(h));
    let tag_w = rows
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(r.tag.as_str()))
        .max()
        .unwrap_or(0)
        .min(width / 3);
    for (i, row) in rows.iter().enumerate().skip(first).take(room) {
        let selected = i == state.selected;
        let base = if selected { t.selected } else { t.text };
        let tag = truncate_to(&row.tag, tag_w, t.glyphs.ellipsis);
        let pad = tag_w.saturating_sub(unicode_width::UnicodeWidthStr::width(tag.as_str()));
        let line = Line::from(fit_spans(
            vec![
                Span::styled(if selected { t.glyphs.pointer } else { "  " }, base),
                Span::styled(
                    format!("{tag}{} ", " ".repeat(pad)),
                    if selected { base } else { t.lang },
                ),
                Span::styled(
                    row.text.clone(),
                    if selected {
                        base
                    } else {
                        row.style.unwrap_or(base)
                    },
                ),
            ],
            width,
            t.glyphs.ellipsis,
        ));
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
        buf.set_line(inner.x, y, &line, inner.width);
        y += 1;
    }
}
