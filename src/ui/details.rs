//! A figure group's details: every source's value as written, its sentence and document,
//! the sources that disagree marked; Enter jumps to the chosen one.

use ratatui::text::{Line, Span};

use super::app::App;
use super::list::{ListState, Row, View};
use super::view_model::heading_lines;
use crate::sanitize::sanitize_inline;

/// The list for group `group`.
#[must_use]
pub fn view(app: &App, group: usize, state: ListState) -> View<'static> {
    let t = &app.theme;
    let Some(g) = app.figures.groups.get(group) else {
        return View {
            title: "Figure".into(),
            head: Vec::new(),
            rows: Vec::new(),
            state,
            empty: "no such group",
        };
    };
    let docs = app
        .corpus
        .as_ref()
        .map(|c| c.docs.as_slice())
        .unwrap_or_default();
    let width = usize::from(super::list::area(app.size).width.saturating_sub(2));
    let (mark, style) = if g.agree {
        (t.glyphs.agree, t.agree)
    } else {
        (t.glyphs.disagree, t.disagree)
    };
    let head = heading_lines(g, width.saturating_sub(2))
        .into_iter()
        .enumerate()
        .map(|(k, l)| {
            Line::from(vec![
                Span::styled(if k == 0 { mark } else { "  " }, style),
                Span::styled(l, t.heading),
            ])
        })
        .collect();
    let rows = g
        .members
        .iter()
        .map(|m| {
            let doc = docs.get(m.doc);
            let tag = doc.map_or_else(String::new, |d| {
                format!("{} {}", sanitize_inline(&d.id), d.lang.code())
            });
            let sentence = doc.map_or("", |d| d.slice(&m.range));
            let times = if m.count > 1 {
                format!(" ×{}", m.count)
            } else {
                String::new()
            };
            Row {
                tag,
                text: format!(
                    "{}{times} {} {}",
                    sanitize_inline(&m.value),
                    t.glyphs.dot,
                    sanitize_inline(sentence.trim())
                ),
                style: m.disagrees.then_some(t.disagree),
                jumps: true,
            }
        })
        .collect();
    View {
        title: format!("Figure across sources {} Enter jumps", t.glyphs.dot),
        head,
        rows,
        state,
        empty: "no sources",
    }
}
