//! The date a document states near its top (a dateline such as `15 janvier 2025` or
//! `Beijing, Kamis (16/1)`), read with the figure extractor.

use super::figures::{self, Kind, Value};
use crate::corpus::{Document, Lang, Paragraph};

/// How many paragraphs from the top may hold the dateline.
const TOP_PARAGRAPHS: usize = 3;
/// How far into each of them to look, in bytes.
const TOP_BYTES: usize = 2000;

/// Words after a date that make it an announced deadline rather than the document's date.
const AHEAD: &[&str] = &[
    "mendatang",
    "depan",
    "prochain",
    "prochaine",
    "next",
    "upcoming",
    "próximo",
    "próxima",
];

/// The date `doc` states near its top, as ISO 8601 with unknown parts left out: the first
/// dated day there. A date without a year takes the year of a full date of the same month
/// elsewhere in the document (`Kamis (16/1)` with `19 Januari 2025` gives `2025-01-16`).
#[must_use]
pub fn stated(doc: &Document) -> Option<String> {
    stated_in(&doc.text, &doc.paragraphs, doc.lang)
}

fn stated_in(text: &str, paras: &[Paragraph], lang: Lang) -> Option<String> {
    let date = top(text, paras, lang)?;
    let Some(md) = date.strip_prefix("--") else {
        return Some(date);
    };
    let month = md.get(..2)?;
    let year = paras.iter().filter(|p| p.kind.counts()).find_map(|p| {
        figures::extract(text.get(p.range.clone())?, lang)
            .into_iter()
            .find_map(|f| match f.value {
                Value::Text(v)
                    if f.kind == Kind::Date
                        && !v.starts_with("--")
                        && v.get(5..7) == Some(month) =>
                {
                    v.get(..4).map(str::to_string)
                }
                _ => None,
            })
    });
    Some(year.map_or(date.clone(), |y| format!("{y}-{md}")))
}

/// The first dated day in the top paragraphs, as written (`--01-16` when the year is not
/// given): what [`stated`] starts from.
fn top(text: &str, paras: &[Paragraph], lang: Lang) -> Option<String> {
    paras.iter().take(TOP_PARAGRAPHS).find_map(|p| {
        let mut end = p.range.end.min(p.range.start + TOP_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let seg = text.get(p.range.start..end)?;
        figures::extract(seg, lang).into_iter().find_map(|f| {
            let Value::Text(v) = f.value else { return None };
            let next = seg[f.end..]
                .split(|c: char| !c.is_alphabetic())
                .find(|w| !w.is_empty())
                .unwrap_or("")
                .to_lowercase();
            (f.kind == Kind::Date && v.len() >= 7 && !AHEAD.contains(&next.as_str())).then_some(v)
        })
    })
}
