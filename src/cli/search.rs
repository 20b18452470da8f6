//! `dossier search`: ranked hits for a query across every document.

use std::io::Write;

use serde::Serialize;

use super::args::{Format, KindArg, MatcherArg, SearchArgs};
use super::{Failure, inputs, output};
use crate::corpus::LoadOptions;
use crate::search::{KindSet, MatcherKind, Query, SearchOptions, UnitKind, one_shot};

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
    // Paragraphs that cannot hold a hit are not analysed: on a large corpus most of the
    // work of loading is skipped, and the hits are the same.
    let focus = one_shot::focus(&query, &opts);
    let corpus = inputs::load(
        &args.inputs.paths,
        &LoadOptions {
            focus,
            ..args.inputs.options()
        },
    )?;
    let limit = (args.limit > 0).then_some(args.limit);
    let found = one_shot::search_best(&corpus.docs, &query, &opts, limit);
    let hits = found.ranked();
    match args.format {
        Format::Jsonl => {
            let rows = hits.iter().map(|m| {
                let i = m.unit as usize;
                let u = found.units()[i];
                SearchRow {
                    doc: found.doc_id(u.doc as usize),
                    kind: u.kind,
                    line: u.line,
                    start: u.start,
                    end: u.end,
                    score: m.score,
                    text: found.text(i),
                    positions: found.positions(i),
                }
            });
            output::write_jsonl(out, rows)?;
        }
        Format::Table | Format::Csv => {
            let table = args.format == Format::Table;
            // Cells are written into reused strings: hundreds of thousands of hits print
            // without an allocation each.
            let fill = |n: usize, cells: &mut [String]| {
                let m = hits[n];
                let i = m.unit as usize;
                let u = found.units()[i];
                let text = found.text(i);
                cells[0].push_str(found.doc_id(u.doc as usize));
                cells[1].push_str(u.kind.name());
                // itoa, not `write!`: a search may print a million rows, and the
                // formatting machinery showed in their profile.
                let mut num = itoa::Buffer::new();
                cells[2].push_str(num.format(u.line));
                cells[3].push_str(num.format(u.start));
                cells[4].push_str(num.format(u.end));
                cells[5].push_str(num.format(m.score));
                // Absent while the table measures its padded columns.
                let Some(cell) = cells.get_mut(6) else {
                    return;
                };
                // Bytes bound characters: only a long text needs them counted.
                let long = text.len() > TABLE_TEXT_MAX && text.chars().count() > TABLE_TEXT_MAX;
                if table && long {
                    table_text(text, found.first_position(i), cell);
                } else {
                    cell.push_str(text);
                }
            };
            let headers = ["doc", "kind", "line", "start", "end", "score", "text"];
            if table {
                output::write_table_rows(out, &headers, hits.len(), fill)?;
            } else {
                output::write_csv_rows(out, &headers, hits.len(), fill)?;
            }
        }
    }
    inputs::done(&corpus)
}

/// Characters shown before the first match when a long hit is shown from its middle.
const TABLE_CONTEXT: usize = 20;

/// A long hit cut to [`TABLE_TEXT_MAX`] characters for the table, so that its first match
/// (a byte offset) is in view: from the start when it is near enough, else from a little
/// before it, with `…` where text is left out.
fn table_text(text: &str, first_match: Option<usize>, out: &mut String) {
    let at = first_match.map_or(0, |b| text[..b.min(text.len())].chars().count());
    let from = if at + TABLE_CONTEXT < TABLE_TEXT_MAX {
        0
    } else {
        at - TABLE_CONTEXT
    };
    let Some((mut start, _)) = text.char_indices().nth(from) else {
        return;
    };
    if from > 0 {
        // Start on a word: after the first space of the context, if there is one.
        let context = &text[start..first_match.unwrap_or(start).max(start)];
        if let Some(sp) = context.find(' ') {
            start += sp + 1;
        }
    }
    let room = if from > 0 {
        out.push('…');
        TABLE_TEXT_MAX - 1
    } else {
        TABLE_TEXT_MAX
    };
    match text[start..].char_indices().nth(room) {
        Some((cut, _)) => {
            out.push_str(text[start..start + cut].trim_end());
            out.push('…');
        }
        None => out.push_str(&text[start..]),
    }
}

const fn unit_kind(k: KindArg) -> UnitKind {
    match k {
        KindArg::Title => UnitKind::Title,
        KindArg::Sentence => UnitKind::Sentence,
        KindArg::Quote => UnitKind::Quote,
        KindArg::Figure => UnitKind::Figure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_hit_is_shown_around_its_first_match() {
        let text = format!("{} réfugiés {}", "mot ".repeat(40), "fin ".repeat(40));
        let at = text.find("réfugiés");
        let mut out = String::new();
        table_text(&text, at, &mut out);
        assert!(out.starts_with("…mot") && out.ends_with('…'), "{out}");
        assert!(out.contains("réfugiés"), "{out}");
        assert!(out.chars().count() <= TABLE_TEXT_MAX + 1, "{out}");
        // A match near the start keeps the start.
        let mut out = String::new();
        table_text(&text, Some(4), &mut out);
        assert!(out.starts_with("mot mot") && out.ends_with('…'), "{out}");
        assert_eq!(out.chars().count(), TABLE_TEXT_MAX, "{out}");
    }
}
