//! The quotes view: the current document's quotes, each with its speaker, shown in the side
//! panel in place of the figures (a key toggles between them). Enter jumps to a quote.

use std::ops::Range;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::app::App;
use super::layout::Pane;
use super::text::{fit_spans, truncate_to};
use crate::extract::quotes;
use crate::sanitize::sanitize_inline;

/// Rows above the list (the mode line).
pub const HEADER_ROWS: usize = 1;

/// One quote as the view lists it. Its words are read from the document when drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRow {
    /// The quoted words' byte range in the document.
    pub range: Range<usize>,
    pub speaker: Option<String>,
}

/// Every document's quotes, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Quotes {
    pub per_doc: Vec<Vec<QuoteRow>>,
}

/// The view of `quotes`, each document's quotes as [`quotes::extract`] finds them.
#[must_use]
pub fn quotes_view(quotes: &[Vec<quotes::Quote>]) -> Quotes {
    Quotes {
        per_doc: quotes
            .iter()
            .map(|qs| {
                qs.iter()
                    .map(|q| QuoteRow {
                        range: q.range(),
                        speaker: q.speaker.clone(),
                    })
                    .collect()
            })
            .collect(),
    }
}

/// Whether the side panel shows quotes, which one is selected, and the quotes.
#[derive(Debug, Clone, Default)]
pub struct QuotesView {
    pub shown: bool,
    pub selected: usize,
    pub quotes: Arc<Quotes>,
}

impl QuotesView {
    /// The current document's quotes.
    #[must_use]
    pub fn rows(&self, doc: usize) -> &[QuoteRow] {
        self.quotes.per_doc.get(doc).map_or(&[], Vec::as_slice)
    }

    /// The selected quote of document `doc`: where to jump.
    #[must_use]
    pub fn target(&self, doc: usize) -> Option<Range<usize>> {
        self.rows(doc).get(self.selected).map(|q| q.range.clone())
    }
}

/// The first row shown so that the selection is visible.
#[must_use]
pub fn first_row(app: &App, height: usize) -> usize {
    let fit = height.saturating_sub(HEADER_ROWS).max(1);
    app.quotes.selected.saturating_sub(fit - 1)
}

/// Draws the view inside `inner`.
pub fn render(app: &App, inner: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let width = usize::from(inner.width);
    let hint = app
        .config
        .keymap
        .hint(
            super::keymap::Context::Normal,
            &super::action::Action::ToggleQuotesView,
        )
        .map(|k| format!(" ({k}: figures)"))
        .unwrap_or_default();
    buf.set_stringn(
        inner.x,
        inner.y,
        truncate_to(&format!(" quotes{hint}"), width, t.glyphs.ellipsis),
        width,
        t.meta,
    );
    let rows = app.quotes.rows(app.current);
    if rows.is_empty() && inner.height > 1 {
        let msg = if app.quotes.quotes.per_doc.is_empty() {
            "no quotes yet"
        } else {
            "no quotes in this document"
        };
        buf.set_stringn(inner.x, inner.y + 1, format!(" {msg}"), width, t.meta);
        return;
    }
    let focused = app.focus == Pane::Figures;
    let first = first_row(app, usize::from(inner.height));
    let doc = app.corpus.as_ref().and_then(|c| c.docs.get(app.current));
    let words = |q: &QuoteRow| doc.map_or("", |d| d.slice(&q.range));
    for (y, i) in (inner.y + 1..inner.bottom()).zip(first..rows.len()) {
        let q = &rows[i];
        let selected = i == app.quotes.selected;
        let base = if selected && focused {
            t.selected
        } else {
            t.text
        };
        let speaker = q
            .speaker
            .as_deref()
            .map_or_else(|| "?".to_string(), sanitize_inline);
        let line = Line::from(fit_spans(
            vec![
                Span::styled(format!(" {speaker}: "), base.patch(t.heading)),
                Span::styled(sanitize_inline(words(q)), base),
            ],
            width,
            t.glyphs.ellipsis,
        ));
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
        buf.set_line(inner.x, y, &line, inner.width);
    }
}
