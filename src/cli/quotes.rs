//! `dossier quotes`: quoted speech in every document and who said it.

use std::io::Write;

use serde::Serialize;

use super::args::{Format, QuotesArgs};
use super::{Failure, inputs, output};
use crate::extract::quotes::{Quote, QuoteForm, extract};
use crate::search::fold::fold_str;

/// One quote. Field names are the jsonl keys documented in the README.
#[derive(Debug, Serialize)]
pub struct QuoteRow<'a> {
    pub doc: &'a str,
    pub speaker: Option<&'a str>,
    pub role: Option<&'a str>,
    pub text: &'a str,
    /// Byte range of the quoted words in the document's text.
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    pub form: QuoteForm,
}

/// Runs `quotes`.
///
/// # Errors
/// A [`Failure`] when loading or writing fails.
pub fn run(args: &QuotesArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let corpus = inputs::load(&args.inputs.paths, &args.inputs.options())?;
    let found: Vec<_> = corpus.docs.iter().map(|d| (d, extract(d))).collect();
    // Folded (accents) and lowercased: "--speaker echeverria" finds Luis Echeverría.
    let key = |s: &str| fold_str(s).to_lowercase();
    let wanted = args.speaker.as_deref().map(key);
    let by_speaker = |q: &&Quote| {
        wanted
            .as_deref()
            .is_none_or(|w| q.speaker.as_deref().is_some_and(|s| key(s).contains(w)))
    };
    let rows = found.iter().flat_map(|(d, qs)| {
        qs.iter().filter(by_speaker).map(|q| QuoteRow {
            doc: &d.id,
            speaker: q.speaker.as_deref(),
            role: q.role.as_deref(),
            text: d.slice(&q.range()),
            start: q.start,
            end: q.end,
            line: q.line,
            form: q.form,
        })
    });
    match args.format {
        Format::Jsonl => output::write_jsonl(out, rows)?,
        Format::Table | Format::Csv => {
            let cells: Vec<Vec<String>> = rows
                .map(|r| {
                    // A table marks an unknown with "-"; csv leaves the cell empty.
                    let none = if args.format == Format::Table {
                        "-"
                    } else {
                        ""
                    };
                    vec![
                        r.doc.to_string(),
                        r.line.to_string(),
                        r.speaker.unwrap_or(none).to_string(),
                        r.role.unwrap_or(none).to_string(),
                        r.text.to_string(),
                    ]
                })
                .collect();
            let headers = ["doc", "line", "speaker", "role", "text"];
            if args.format == Format::Table {
                output::write_table(out, &headers, &cells)?;
            } else {
                output::write_csv(out, &headers, &cells)?;
            }
        }
    }
    inputs::done(&corpus)
}
