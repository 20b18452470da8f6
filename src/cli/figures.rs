//! `dossier figures`: the figures of every document, one per row, or grouped across sources.

use std::io::Write;

use serde::Serialize;

use super::args::{FiguresArgs, Format};
use super::{Failure, inputs, output};
use crate::corpus::{Document, Lang, LoadOptions};
use crate::extract::figures::{self, Disagreement, Fact, Figure, Group, Kind, Value};

/// One figure. Field names are the jsonl keys documented in the README.
#[derive(Debug, Serialize)]
pub struct FigureRow<'a> {
    pub doc: &'a str,
    pub lang: &'static str,
    pub kind: Kind,
    pub value: &'a Value,
    pub to: Option<&'a Value>,
    pub unit: Option<&'a str>,
    pub qualifier: Option<&'static str>,
    pub surface: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub sentence: &'a str,
    /// What the figure is about, what it measures and when, as far as its sentence says.
    pub subject: Option<&'a str>,
    pub measure: Option<&'a str>,
    pub as_of: Option<&'a str>,
}

impl<'a> FigureRow<'a> {
    #[must_use]
    pub fn new(d: &'a Document, f: &'a Figure, fact: &'a Fact) -> Self {
        let sentence = f
            .sentence()
            .and_then(|i| d.sentences.get(i))
            .map_or("", |s| d.slice(&s.range));
        Self {
            doc: &d.id,
            lang: d.lang.code(),
            kind: f.kind,
            value: &f.value,
            to: f.to.as_ref(),
            unit: f.unit.as_deref(),
            qualifier: f.qualifier.map(|q| q.name()),
            surface: f.surface(&d.text),
            start: f.start,
            end: f.end,
            line: f.line,
            sentence,
            subject: fact.subject.as_deref(),
            measure: fact.measure.as_deref(),
            as_of: fact.as_of.as_deref(),
        }
    }
}

/// One group of figures stating the same fact.
#[derive(Debug, Serialize)]
pub struct GroupRow<'a> {
    pub id: usize,
    pub kind: Kind,
    pub value: &'a Value,
    pub unit: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub measure: Option<&'a str>,
    pub as_of: Option<&'a str>,
    pub docs: &'a [String],
    pub members: Vec<FigureRow<'a>>,
    pub disagrees: &'a [Disagreement],
}

/// Runs `figures`.
///
/// # Errors
/// A [`Failure`] for an unknown `--lang`, or when loading or writing fails.
pub fn run(args: &FiguresArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let lang = match &args.lang {
        Some(code) => Some(Lang::parse(code).ok_or_else(|| {
            Failure::usage(format!(
                "unknown language '{code}' (try fr, id, en, zh or es)"
            ))
        })?),
        None => None,
    };
    let corpus = inputs::load(
        &args.inputs.paths,
        &LoadOptions {
            lang,
            ..args.inputs.options()
        },
    )?;
    let docs = &corpus.docs;
    if args.group {
        let figs: Vec<figures::FigureList> = docs.iter().map(figures::FigureList::of).collect();
        let groups = figures::group(docs, &figs);
        write_groups(args.format, docs, &figs, &groups, out)?;
        return inputs::done(&corpus);
    }
    // Rows are made as they are written, a run of paragraphs at a time: a listing of
    // millions of figures never holds them all, let alone their cells.
    let pass = |fill_cells: &(dyn Fn(&FigureRow, &mut [String]) + Sync),
                visit: &mut output::Visit|
     -> std::io::Result<()> {
        for d in docs {
            figures::each_run(d, |figs, facts| {
                let fill = |i: usize, cells: &mut [String]| {
                    fill_cells(&FigureRow::new(d, &figs[i], &facts[i]), cells)
                };
                visit(figs.len(), &fill)
            })?;
        }
        Ok(())
    };
    match args.format {
        Format::Jsonl => {
            for d in docs {
                figures::each_run(d, |figs, facts| {
                    let rows = figs
                        .iter()
                        .zip(facts)
                        .map(|(f, fact)| FigureRow::new(d, f, fact));
                    output::write_jsonl(out, rows)
                })?;
            }
        }
        Format::Table => {
            let headers = [
                "doc",
                "line",
                "kind",
                "value",
                "unit",
                "qualifier",
                "subject",
                "measure",
                "as_of",
                "surface",
            ];
            let fill = |r: &FigureRow, cells: &mut [String]| {
                let texts = [
                    r.doc,
                    &r.line.to_string(),
                    r.kind.name(),
                    &value_cell(r.value, r.to),
                    r.unit.unwrap_or(""),
                    r.qualifier.unwrap_or(""),
                    r.subject.unwrap_or(""),
                    r.measure.unwrap_or(""),
                    r.as_of.unwrap_or(""),
                    r.surface,
                ];
                // When measuring, the last column is left out.
                for (cell, text) in cells.iter_mut().zip(texts) {
                    cell.push_str(text);
                }
            };
            output::write_table_batches(out, &headers, |visit| pass(&fill, visit))?;
        }
        Format::Csv => {
            let headers = [
                "doc",
                "lang",
                "kind",
                "value",
                "to",
                "unit",
                "qualifier",
                "surface",
                "start",
                "end",
                "line",
                "sentence",
                "subject",
                "measure",
                "as_of",
            ];
            let fill = |r: &FigureRow, cells: &mut [String]| {
                let texts = [
                    r.doc,
                    r.lang,
                    r.kind.name(),
                    &r.value.to_string(),
                    &r.to.map(ToString::to_string).unwrap_or_default(),
                    r.unit.unwrap_or(""),
                    r.qualifier.unwrap_or(""),
                    r.surface,
                    &r.start.to_string(),
                    &r.end.to_string(),
                    &r.line.to_string(),
                    r.sentence,
                    r.subject.unwrap_or(""),
                    r.measure.unwrap_or(""),
                    r.as_of.unwrap_or(""),
                ];
                for (cell, text) in cells.iter_mut().zip(texts) {
                    cell.push_str(text);
                }
            };
            output::write_csv_batches(out, &headers, |visit| pass(&fill, visit))?;
        }
    }
    inputs::done(&corpus)
}

fn value_cell(v: &Value, to: Option<&Value>) -> String {
    match to {
        Some(t) => format!("{v}–{t}"),
        None => v.to_string(),
    }
}

fn others(g: &Group) -> String {
    g.disagrees
        .iter()
        .map(|d| format!("{} ({})", d.value, d.docs.join(" ")))
        .collect::<Vec<_>>()
        .join("; ")
}

fn write_groups(
    format: Format,
    docs: &[Document],
    figs: &[figures::FigureList],
    groups: &[Group],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    match format {
        Format::Jsonl => {
            // Only members need their facts, one group at a time: most figures of a large
            // document are in no group.
            let readers: Vec<figures::FactReader> = docs
                .iter()
                .zip(figs)
                .map(|(d, f)| figures::FactReader::new(d, f))
                .collect();
            for g in groups {
                let read: Vec<(Figure, Fact)> = g
                    .members
                    .iter()
                    .map(|m| readers[m.doc()].fact(m.figure()))
                    .collect();
                let row = GroupRow {
                    id: g.id,
                    kind: g.kind,
                    value: &g.value,
                    unit: g.unit.as_deref(),
                    subject: g.fact.subject.as_deref(),
                    measure: g.fact.measure.as_deref(),
                    as_of: g.fact.as_of.as_deref(),
                    docs: &g.docs,
                    members: g
                        .members
                        .iter()
                        .zip(&read)
                        .map(|(m, (f, fact))| FigureRow::new(&docs[m.doc()], f, fact))
                        .collect(),
                    disagrees: &g.disagrees,
                };
                output::write_jsonl(out, std::iter::once(row))?;
            }
        }
        Format::Table | Format::Csv => {
            let headers = [
                "id",
                "kind",
                "subject",
                "measure",
                "value",
                "unit",
                "as_of",
                "docs",
                "disagrees",
                "surfaces",
            ];
            let cells: Vec<Vec<String>> = groups
                .iter()
                .map(|g| {
                    let surfaces: Vec<&str> = g
                        .members
                        .iter()
                        .map(|m| figs[m.doc()].surface(m.figure(), &docs[m.doc()].text))
                        .collect();
                    vec![
                        g.id.to_string(),
                        g.kind.name().to_string(),
                        g.fact.subject.clone().unwrap_or_default(),
                        g.fact.measure.clone().unwrap_or_default(),
                        g.value.to_string(),
                        g.unit.clone().unwrap_or_default(),
                        g.fact.as_of.clone().unwrap_or_default(),
                        g.docs.join(" "),
                        others(g),
                        surfaces.join(" | "),
                    ]
                })
                .collect();
            if format == Format::Csv {
                output::write_csv(out, &headers, &cells)?;
            } else {
                output::write_table(out, &headers, &cells)?;
            }
        }
    }
    Ok(())
}
