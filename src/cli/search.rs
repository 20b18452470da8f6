//! `dossier search`: ranked hits for a query across every document.

use std::io::Write;

use serde::Serialize;

use super::args::{Format, KindArg, MatcherArg, SearchArgs};
use super::{Failure, inputs, output};
use crate::corpus::LoadOptions;
use crate::search::{Highlighter, KindSet, MatcherKind, Query, SearchOptions, UnitKind};

/// Longest text shown in a table cell, in characters; jsonl and csv keep it whole.
const TABLE_TEXT_MAX: usize = 100;

/// One hit. Field names are the jsonl keys documented in the README.
#[derive(Debug, Serialize)]
pub struct SearchRow<'a> {
    pub doc: &'a str,
    pub kind: UnitKind,
    /// 1-based line of `start`.
    pub line: u32,
    /// Byte range of the unit in the document's text.
    pub start: usize,
    pub end: usize,
    pub score: u32,
    pub text: &'a str,
    /// Byte offsets in `text` of each matched character.
    pub positions: Vec<usize>,
}

/// Runs `search`.
///
/// # Errors
/// A [`Failure`] (exit 2) for a bad query or an unreadable path, or when writing fails.
pub fn run(args: &SearchArgs, out: &mut dyn Write) -> Result<(), Failure> {
    // A bad query fails before any loading.
    let query = Query::parse(&args.query).map_err(|e| Failure::usage(e.to_string()))?;
    let corpus = inputs::load(&args.inputs.paths, &LoadOptions::default())?;
    let figures: Vec<_> = corpus
        .docs
        .iter()
        .map(crate::figures::extract_document)
        .collect();
    let index = crate::search::index_corpus(&corpus.docs, &figures, &mut |_| {});
    let matcher = match args.matcher {
        MatcherArg::Nucleo => MatcherKind::Nucleo,
        MatcherArg::Skim => MatcherKind::Skim,
    };
    let kinds = if args.kind.is_empty() {
        KindSet::ALL
    } else {
        KindSet::of(&args.kind.iter().map(|&k| unit_kind(k)).collect::<Vec<_>>())
    };
    let opts = SearchOptions {
        matcher,
        kinds,
        threads: 0,
    };
    let mut hits = index.search(&query, &opts);
    if args.limit > 0 {
        hits.truncate(args.limit);
    }
    let want_positions = args.format == Format::Jsonl;
    let mut hl = Highlighter::new(&query, matcher);
    let rows = hits.iter().map(|m| {
        let i = m.unit as usize;
        let u = index.units()[i];
        SearchRow {
            doc: index.doc_id(u.doc as usize),
            kind: u.kind,
            line: u.line,
            start: u.start,
            end: u.end,
            score: m.score,
            text: index.text(i),
            positions: if want_positions {
                hl.positions(&index, i)
            } else {
                Vec::new()
            },
        }
    });
    match args.format {
        Format::Jsonl => output::write_jsonl(out, rows)?,
        Format::Table | Format::Csv => {
            let table = args.format == Format::Table;
            let cells: Vec<Vec<String>> = rows
                .map(|r| {
                    vec![
                        r.doc.to_string(),
                        r.kind.name().to_string(),
                        r.line.to_string(),
                        r.start.to_string(),
                        r.end.to_string(),
                        r.score.to_string(),
                        if table {
                            shorten(r.text)
                        } else {
                            r.text.to_string()
                        },
                    ]
                })
                .collect();
            let headers = ["doc", "kind", "line", "start", "end", "score", "text"];
            if table {
                output::write_table(out, &headers, &cells)?;
            } else {
                output::write_csv(out, &headers, &cells)?;
            }
        }
    }
    Ok(())
}

const fn unit_kind(k: KindArg) -> UnitKind {
    match k {
        KindArg::Title => UnitKind::Title,
        KindArg::Sentence => UnitKind::Sentence,
        KindArg::Quote => UnitKind::Quote,
        KindArg::Figure => UnitKind::Figure,
    }
}

fn shorten(s: &str) -> String {
    match s.char_indices().nth(TABLE_TEXT_MAX) {
        Some((cut, _)) => format!("{}…", s[..cut].trim_end()),
        None => s.to_string(),
    }
}
