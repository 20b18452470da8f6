//! What `y` and `Y` copy: the passage in view with where it comes from, or the reading
//! position as `path:line`. Document text is sanitized first, so a copied passage holds
//! nothing that could act on a terminal it is pasted into.

use std::ops::Range;

use super::app::App;
use super::layout::Pane;
use crate::corpus::Document;
use crate::sanitize::sanitize_inline;

/// The passage `y` copies: the selected figure's sentence when the figures panel has the
/// focus, else the highlighted hit or figure when it is in this document, else the sentence
/// at the top of the reader. Returns the text to copy and a short name for the status bar.
#[must_use]
pub fn passage(app: &App) -> Option<(String, &'static str)> {
    let corpus = app.corpus.as_ref()?;
    let doc = corpus.docs.get(app.current)?;
    let (range, what) = if app.focus == Pane::Figures && !app.figure_groups {
        let f = app.figures.row(app.current, app.figures_selected)?;
        (sentence_around(doc, f.range().start), "figure")
    } else if let Some((_, r)) = app.highlight.as_ref().filter(|(d, _)| *d == app.current) {
        (r.clone(), "passage")
    } else {
        let anchor = app.views.get(app.current).map_or(0, |v| v.anchor);
        let first = doc
            .sentences
            .iter()
            .find(|s| s.range.start >= anchor)
            .or_else(|| doc.sentences.last())?;
        (first.range.clone(), "sentence")
    };
    let text = sanitize_inline(doc.slice(&range).trim());
    if text.is_empty() {
        return None;
    }
    Some((format!("“{text}” — {}", source(doc, range.start)), what))
}

/// The reading position as `path:line` (`Y`).
#[must_use]
pub fn position(app: &App) -> Option<String> {
    let doc = app.corpus.as_ref()?.docs.get(app.current)?;
    let anchor = app.views.get(app.current).map_or(0, |v| v.anchor);
    Some(format!(
        "{}:{}",
        sanitize_inline(&doc.origin.display()),
        doc.line_of(anchor)
    ))
}

/// Where a passage comes from: the title, then the path or URL and the line.
fn source(doc: &Document, byte: usize) -> String {
    format!(
        "{}, {}:{}",
        sanitize_inline(&doc.title),
        sanitize_inline(&doc.origin.display()),
        doc.line_of(byte)
    )
}

/// The sentence holding a byte, or just the byte's paragraph when sentences are unknown.
fn sentence_around(doc: &Document, byte: usize) -> Range<usize> {
    doc.sentence_at(byte)
        .and_then(|i| doc.sentences.get(i))
        .map_or(byte..byte, |s| s.range.clone())
}
