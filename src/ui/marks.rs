//! Marks: places the reader set with `M`, in any document, kept with the reading positions.

use super::app::{App, Place};
use super::list::Row;
use super::state::{self, Mark};
use crate::sanitize::sanitize_inline;

/// Longest sentence kept with a mark, in characters.
const SENTENCE_CHARS: usize = 200;

/// A mark for the reading position of the document shown, with the sentence there.
#[must_use]
pub fn here(app: &App) -> Option<Mark> {
    let doc = app.corpus.as_ref()?.docs.get(app.current)?;
    let byte = app.views.get(app.current)?.anchor;
    let sentence = doc
        .sentences
        .iter()
        .find(|s| s.range.end > byte)
        .map_or("", |s| doc.slice(&s.range));
    Some(Mark {
        doc: state::key(doc.hash),
        byte,
        path: doc.origin.display(),
        sentence: sanitize_inline(sentence.trim())
            .chars()
            .take(SENTENCE_CHARS)
            .collect(),
        made: state::now(),
    })
}

/// The marks as listed, newest first: each with the place to jump to when its document is
/// open.
#[must_use]
pub fn listed(app: &App) -> Vec<(Row, Option<Place>)> {
    let docs = app
        .corpus
        .as_ref()
        .map(|c| c.docs.as_slice())
        .unwrap_or_default();
    app.marks
        .iter()
        .rev()
        .map(|m| {
            let open = docs.iter().position(|d| state::key(d.hash) == m.doc);
            let (tag, place) = match open {
                Some(i) => {
                    let d = &docs[i];
                    (
                        format!("{} {}", sanitize_inline(&d.id), d.lang.code()),
                        Some(Place {
                            doc: i,
                            byte: m.byte.min(d.text.len()),
                        }),
                    )
                }
                None => (sanitize_inline(&m.path), None),
            };
            let row = Row {
                tag,
                text: sanitize_inline(&m.sentence),
                style: place.is_none().then_some(app.theme.meta),
                jumps: place.is_some(),
            };
            (row, place)
        })
        .collect()
}
