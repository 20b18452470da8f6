//! Drawing the whole screen from an [`App`]. Nothing here changes state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Widget};

use super::app::{App, Overlay};
use super::layout::{Pane, inner};
use super::{
    details, figures_pane, help, list, marks, palette, quotes_pane, reader, sources, status,
};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.text);
        let l = self.layout();
        for pane in Pane::ALL {
            let Some(r) = l.rect(pane) else {
                continue;
            };
            let focused = self.focus == pane;
            let title = match pane {
                Pane::Sources => " 1 Sources ",
                Pane::Reader => " 2 Reader ",
                Pane::Figures if self.quotes.shown => " 3 Quotes ",
                Pane::Figures => " 3 Figures ",
            };
            let inside = inner(r);
            if inside != r {
                let style = if focused {
                    self.theme.border_focused
                } else {
                    self.theme.border
                };
                Block::default()
                    .borders(Borders::ALL)
                    .border_set(self.theme.glyphs.border)
                    .border_style(style)
                    .title(Span::styled(title, style))
                    .render(r, buf);
            }
            match pane {
                Pane::Sources => sources::render(self, inside, buf),
                Pane::Reader => reader::render(self, r, inside, buf),
                Pane::Figures if self.quotes.shown => quotes_pane::render(self, inside, buf),
                Pane::Figures => figures_pane::render(self, inside, buf),
            }
        }
        if let Some(s) = l.status {
            status::render(self, s, buf);
        }
        for o in &self.overlays {
            match o {
                Overlay::Palette(p) => palette::render(self, p, area, buf),
                Overlay::Help(h) => help::render(self, h, area, buf),
                Overlay::Open(prompt) => super::open::render(self, prompt, area, buf),
                Overlay::Details { group, list } => {
                    list::render(self, &details::view(self, *group, *list), area, buf);
                }
                Overlay::Marks(state) => {
                    let rows: Vec<_> = marks::listed(self).into_iter().map(|(r, _)| r).collect();
                    let view = list::View {
                        title: format!("Marks {} {}", self.theme.glyphs.dot, rows.len()),
                        head: Vec::new(),
                        rows,
                        state: *state,
                        empty: "no marks yet: M marks the reading position",
                    };
                    list::render(self, &view, area, buf);
                }
            }
        }
    }
}
