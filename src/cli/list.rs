//! `dossier list`: one row per document.

use std::io::Write;

use serde::Serialize;

use super::args::{Format, ListArgs};
use super::{Failure, inputs, output};
use crate::corpus::Document;
use crate::extract::dateline;

/// One `list` row. Field names are the jsonl keys documented in the README.
#[derive(Debug, Serialize)]
pub struct ListRow<'a> {
    pub id: &'a str,
    pub path: String,
    pub lang: &'static str,
    pub date: Option<String>,
    pub title: &'a str,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    /// The page's address: canonical, else fetched from; empty for text files.
    pub url: Option<&'a str>,
    /// The site or outlet that published the page.
    pub site: Option<&'a str>,
    /// The author names the page's metadata or its byline line gives.
    pub byline: Option<&'a str>,
    /// When the page says it was published.
    pub published: Option<&'a str>,
}

impl<'a> ListRow<'a> {
    #[must_use]
    pub fn new(d: &'a Document) -> Self {
        Self {
            id: &d.id,
            path: d.origin.display(),
            lang: d.lang.code(),
            date: dateline::stated(d),
            title: &d.title,
            words: d.words(),
            sentences: d.counted_sentences().count(),
            paragraphs: d.paragraphs.iter().filter(|p| p.kind.counts()).count(),
            url: d.meta.url.as_deref(),
            site: d.meta.site.as_deref(),
            byline: d.byline.as_deref(),
            published: d.meta.published.as_deref(),
        }
    }
}

/// Every field of a row, in CSV column order (the jsonl keys).
const CSV_COLUMNS: [&str; 12] = [
    "id",
    "path",
    "lang",
    "date",
    "title",
    "words",
    "sentences",
    "paragraphs",
    "url",
    "site",
    "byline",
    "published",
];

/// Runs `list`.
///
/// # Errors
/// A [`Failure`] when loading or writing fails.
pub fn run(args: &ListArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let corpus = inputs::load(&args.inputs.paths, &args.inputs.options())?;
    let rows: Vec<ListRow> = corpus.docs.iter().map(ListRow::new).collect();
    match args.format {
        Format::Jsonl => output::write_jsonl(out, &rows)?,
        Format::Table | Format::Csv => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        r.path.clone(),
                        r.lang.to_string(),
                        r.date.clone().unwrap_or_default(),
                        r.title.to_string(),
                        r.words.to_string(),
                        r.sentences.to_string(),
                        r.paragraphs.to_string(),
                        r.url.unwrap_or_default().to_string(),
                        r.site.unwrap_or_default().to_string(),
                        r.byline.unwrap_or_default().to_string(),
                        r.published.unwrap_or_default().to_string(),
                    ]
                })
                .collect();
            if args.format == Format::Csv {
                output::write_csv(out, &CSV_COLUMNS, &cells)?;
            } else {
                // People get the short view: id, lang, words, sentences, then the title.
                let pick = [0, 2, 5, 6, 4];
                let headers: Vec<&str> = pick.iter().map(|&i| CSV_COLUMNS[i]).collect();
                let short: Vec<Vec<String>> = cells
                    .iter()
                    .map(|r| pick.iter().map(|&i| r[i].clone()).collect())
                    .collect();
                output::write_table(out, &headers, &short)?;
            }
        }
    }
    inputs::done(&corpus)
}
