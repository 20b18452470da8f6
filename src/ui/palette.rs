//! The search palette: a query line, streamed results with their matches highlighted, a
//! source tag and a preview of the selected hit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::action::Action;
use super::app::App;
use super::input::Input;
use super::text::{highlighted, truncate_to};
use super::view_model::Hit;
use unicode_width::UnicodeWidthStr;

/// Palette state.
#[derive(Debug, Clone)]
pub struct Palette {
    input: Input,
    /// `Some(doc)` limits the search to one document.
    pub scope: Option<usize>,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The search request whose results are awaited.
    pub pending: Option<u64>,
    /// The newest request answered so far, so late answers to old queries are dropped.
    answered: u64,
    /// Why the newest query could not run.
    pub error: Option<String>,
    /// The document open when the palette opened.
    pub origin: usize,
    /// Which past search the query is, while stepping through them; typing ends it.
    pub recall: Option<usize>,
}

impl Palette {
    #[must_use]
    pub fn new(origin: usize) -> Self {
        Self {
            input: Input::default(),
            scope: None,
            hits: Vec::new(),
            selected: 0,
            pending: None,
            answered: 0,
            error: None,
            origin,
            recall: None,
        }
    }

    #[must_use]
    pub fn query(&self) -> &str {
        self.input.text()
    }

    pub fn set_query(&mut self, q: &str) {
        self.input.set(q);
    }

    #[must_use]
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }

    /// Takes results for request `generation`; older answers are ignored.
    pub fn receive(&mut self, generation: u64, hits: Vec<Hit>, done: bool) {
        if generation < self.answered {
            return;
        }
        if generation > self.answered {
            self.selected = 0;
        }
        self.answered = generation;
        self.error = None;
        self.hits = hits;
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
        if done && self.pending == Some(generation) {
            self.pending = None;
        }
    }

    /// Request `generation` is not a valid query: say why, keep no results.
    pub fn fail(&mut self, generation: u64, message: String) {
        if generation < self.answered {
            return;
        }
        self.answered = generation;
        self.hits.clear();
        self.selected = 0;
        self.error = Some(message);
        if self.pending == Some(generation) {
            self.pending = None;
        }
    }

    /// Up and down: between hits, and from the first hit through the searches in `history`
    /// (oldest first) — up for earlier ones, down for later ones and then a blank query.
    pub fn step_or_recall(&mut self, older: bool, history: &[String]) {
        let at_top = self.selected == 0;
        match (older, self.recall) {
            (true, _) if !at_top => self.selected -= 1,
            (true, None) => {
                if let Some(last) = history.len().checked_sub(1) {
                    self.show_past(last, history);
                }
            }
            (true, Some(i)) => self.show_past(i.saturating_sub(1), history),
            (false, Some(i)) if at_top => {
                if i + 1 < history.len() {
                    self.show_past(i + 1, history);
                } else {
                    self.recall = None;
                    self.input.clear();
                }
            }
            (false, _) => {
                self.selected = (self.selected + 1).min(self.hits.len().saturating_sub(1));
            }
        }
    }

    fn show_past(&mut self, i: usize, history: &[String]) {
        if let Some(q) = history.get(i) {
            self.recall = Some(i);
            self.input.set(q);
            self.selected = 0;
        }
    }

    /// Editing and selection.
    pub fn apply(&mut self, action: &Action, rows: usize) {
        if matches!(
            action,
            Action::InsertChar(_)
                | Action::InsertText(_)
                | Action::DeleteBackward
                | Action::DeleteWord
                | Action::ClearInput
        ) {
            self.recall = None;
        }
        match action {
            Action::InsertChar(c) => self.input.push(*c),
            Action::InsertText(t) => self.input.paste(t),
            Action::DeleteBackward => self.input.delete_backward(),
            Action::DeleteWord => self.input.delete_word(),
            Action::ClearInput => self.input.clear(),
            Action::SelectNext if rows > 0 => self.selected = (self.selected + 1).min(rows - 1),
            Action::SelectPrevious => self.selected = self.selected.saturating_sub(1),
            _ => {}
        }
    }
}

/// Where the palette goes on a screen.
#[must_use]
pub fn area(screen: Rect) -> Rect {
    let width = screen
        .width
        .saturating_sub(4)
        .min(110)
        .max(screen.width.min(20));
    let height = screen
        .height
        .saturating_sub(2)
        .min(26)
        .max(screen.height.min(5));
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + u16::from(screen.height > height),
        width,
        height,
    }
}

/// Draws the palette.
pub fn render(app: &App, p: &Palette, screen: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let r = area(screen);
    let scope = match p.scope {
        Some(d) => app.corpus.as_ref().and_then(|c| c.docs.get(d)).map_or_else(
            || "this document".to_string(),
            |d| format!("in {}", crate::sanitize::sanitize_inline(&d.id)),
        ),
        None => "all sources".to_string(),
    };
    let status = if p.pending.is_some() {
        format!(" {}", t.glyphs.ellipsis)
    } else {
        String::new()
    };
    let dot = t.glyphs.dot;
    let title = format!(" Search {dot} {scope} {dot} {} hits{status} ", p.hits.len());
    let Some(inner) = super::overlay::framed(r, buf, t, title) else {
        return;
    };
    let prompt = Line::from(vec![
        Span::styled("/ ", t.status_key),
        Span::raw(crate::sanitize::sanitize_inline(p.query())),
        Span::styled(t.glyphs.cursor, t.meta),
    ]);
    buf.set_line(inner.x, inner.y, &prompt, inner.width);
    let preview_rows: u16 = if inner.height >= 12 { 4 } else { 0 };
    let list_top = inner.y + 1;
    let list_h = inner.height.saturating_sub(1 + preview_rows);
    // Every tag as wide as the widest id (up to a third of the line), so hits line up.
    let id_w = app
        .corpus
        .as_ref()
        .map_or(0, |c| {
            c.docs
                .iter()
                .map(|d| crate::sanitize::sanitize_inline(&d.id).width())
                .max()
                .unwrap_or(0)
        })
        .min(usize::from(inner.width) / 3);
    let first = usize::from(list_h)
        .checked_sub(1)
        .map_or(0, |h| p.selected.saturating_sub(h));
    for (row, (i, hit)) in p
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list_h))
        .enumerate()
    {
        let y = list_top + u16::try_from(row).unwrap_or(0);
        let doc = app.corpus.as_ref().and_then(|c| c.docs.get(hit.doc));
        let tag = doc.map_or_else(String::new, |d| {
            let id = truncate_to(
                &crate::sanitize::sanitize_inline(&d.id),
                id_w,
                t.glyphs.ellipsis,
            );
            let pad = id_w.saturating_sub(id.width());
            format!("{id}{} {:<3} ", " ".repeat(pad), d.lang.code())
        });
        let selected = i == p.selected;
        let base = if selected { t.selected } else { t.text };
        let mut spans = vec![
            Span::styled(if selected { t.glyphs.pointer } else { "  " }, base),
            Span::styled(tag, if selected { base } else { t.lang }),
            Span::styled(
                format!("{:<5} ", hit.kind.tag()),
                if selected { base } else { t.meta },
            ),
        ];
        let used: usize = spans.iter().map(Span::width).sum();
        let room = usize::from(inner.width).saturating_sub(used);
        spans.extend(highlighted(
            &hit.text,
            &hit.matches,
            room,
            (base, t.matched),
            t.glyphs.ellipsis,
        ));
        let line = Line::from(spans);
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
        buf.set_line(inner.x, y, &line, inner.width);
    }
    if p.hits.is_empty() && list_h > 0 {
        let msg = if let Some(e) = &p.error {
            crate::sanitize::sanitize_inline(e)
        } else if p.pending.is_some() {
            format!("searching{}", t.glyphs.ellipsis)
        } else if p.query().trim().is_empty() {
            "type to search titles, sentences, quotes and figures".into()
        } else {
            "no match".into()
        };
        buf.set_stringn(
            inner.x + 2,
            list_top,
            &msg,
            usize::from(inner.width.saturating_sub(2)),
            t.meta,
        );
    }
    if preview_rows > 0 {
        let y = inner.bottom() - preview_rows;
        let rule = t.glyphs.rule.repeat(usize::from(inner.width));
        buf.set_stringn(inner.x, y, &rule, usize::from(inner.width), t.border);
        if let Some(hit) = p.selected_hit() {
            let width = usize::from(inner.width);
            let text = crate::sanitize::sanitize_inline(&hit.text);
            let lines = textwrap::wrap(
                &text,
                textwrap::Options::new(width.max(1)).break_words(true),
            );
            for (k, l) in lines.iter().take(usize::from(preview_rows - 1)).enumerate() {
                let yy = y + 1 + u16::try_from(k).unwrap_or(0);
                buf.set_stringn(
                    inner.x,
                    yy,
                    truncate_to(l, width, t.glyphs.ellipsis),
                    width,
                    t.text,
                );
            }
        }
    }
}
