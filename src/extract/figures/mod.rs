//! Figures: the numbers in a text that mean something (counts, money, percentages, dates,
//! years, ordinals, durations, times of day), with normalised values, and groups of figures
//! that state the same fact across sources. No UI dependency.
//!
//! [`extract`] scans raw text in one pass over its tokens with tables built once per
//! process; [`extract_document`] scans only the paragraphs of a [`Document`] that count and
//! fills in lines and sentences; [`group`] compares figures across documents.

mod facts;
mod group;
pub mod label;
mod lexicon;
mod list;
mod nouns;
mod number;
mod scan;
mod token;
mod zh;

use serde::Serialize;

use crate::corpus::{Document, Lang};

pub use facts::Fact;

/// The fact of each figure of `doc` (`figs` as [`extract_document`] gives them): subject,
/// measure and as-of date, as far as its sentence tells.
#[must_use]
pub fn facts(doc: &Document, figs: &[Figure]) -> Vec<Fact> {
    let names = facts::Names::of(doc);
    (0..figs.len())
        .map(|i| facts::fact(doc, figs, i, &names))
        .collect()
}

/// Reads the facts of a document's packed figures one at a time, for a caller that needs a
/// few of them (a group's members) and not a list as long as the figures.
pub struct FactReader<'a> {
    doc: &'a Document,
    figs: &'a FigureList,
    names: facts::Names,
}

impl<'a> FactReader<'a> {
    /// Reads the names `doc` uses once, for every fact asked of it later.
    #[must_use]
    pub fn new(doc: &'a Document, figs: &'a FigureList) -> Self {
        Self {
            doc,
            figs,
            names: facts::Names::of(doc),
        }
    }

    /// Figure `i` whole, and its fact as [`facts`] gives it.
    #[must_use]
    pub fn fact(&self, i: usize) -> (Figure, Fact) {
        let (first, run) = self.figs.sentence_run(i, self.doc);
        let fact = facts::fact(self.doc, &run, i - first, &self.names);
        let figure = run.into_iter().nth(i - first);
        (
            figure.unwrap_or_else(|| self.figs.figure(i, self.doc)),
            fact,
        )
    }
}
pub use group::{Disagreement, Group, group};
pub use list::FigureList;
pub use nouns::concept;
pub use token::Edges;

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Count,
    Money,
    Percent,
    Date,
    Year,
    Ordinal,
    /// A place in a ranking, chart or competition ("No. 1 on the App Store", "Platz drei",
    /// "第一名", "1位"); narrative ordinals ("the first time") are no figure at all.
    Rank,
    Duration,
    Time,
}

impl Kind {
    /// The lower-case name used in output.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Money => "money",
            Self::Percent => "percent",
            Self::Date => "date",
            Self::Year => "year",
            Self::Ordinal => "ordinal",
            Self::Rank => "rank",
            Self::Duration => "duration",
            Self::Time => "time",
        }
    }

    /// Parses a name given by [`Kind::name`].
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        ALL_KINDS.iter().copied().find(|k| k.name() == s)
    }
}

/// Every ISO currency code a money figure can carry in [`Figure::unit`], with a character the
/// text always holds when the code is given, if there is one (`港`: Hong Kong dollars are
/// only read from Chinese). Search relies on this list being whole and right (a test checks
/// it against every way the scanner names a currency).
pub const CURRENCIES: [(&str, Option<char>); 9] = [
    ("USD", None),
    ("EUR", None),
    ("GBP", None),
    ("CNY", None),
    ("JPY", None),
    ("IDR", None),
    ("HKD", Some('港')),
    ("TWD", None),
    ("BRL", None),
];

/// Every kind, in output order.
pub const ALL_KINDS: [Kind; 9] = [
    Kind::Count,
    Kind::Money,
    Kind::Percent,
    Kind::Date,
    Kind::Year,
    Kind::Ordinal,
    Kind::Rank,
    Kind::Duration,
    Kind::Time,
];

/// An approximation stated with the number ("plus de", "sekitar", "nearly", "约").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// More than, at least.
    Over,
    /// Around, roughly.
    About,
    /// Nearly, less than, up to.
    Under,
}

impl Qualifier {
    /// The lower-case name used in output.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Over => "over",
            Self::About => "about",
            Self::Under => "under",
        }
    }
}

/// A figure's normalised value: a number, or text for dates (`2025-01-19`, `2025-01`,
/// `--01-16`) and times of day (`09:00`).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
}

impl Serialize for Value {
    /// Whole numbers print without a fraction (`114000`, not `114000.0`); dates as strings.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            #[allow(clippy::cast_possible_truncation)]
            Self::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
            Self::Number(n) => s.serialize_f64(*n),
            Self::Text(t) => s.serialize_str(t),
        }
    }
}

impl Value {
    /// The number, if it is one.
    #[must_use]
    pub const fn number(&self) -> Option<f64> {
        match self {
            Self::Number(n) => Some(*n),
            Self::Text(_) => None,
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Number(n) => f.write_str(&format_number(*n)),
            Self::Text(s) => f.write_str(s),
        }
    }
}

/// A number without a trailing `.0` and without float noise (`3900000`, `3.9`, `0.25`).
#[must_use]
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A figure's unit: shared, because a document states the same few units (`USD`, `day`,
/// `utilisateurs`) over and over, and a large document has millions of figures.
pub type Unit = std::sync::Arc<str>;

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub kind: Kind,
    /// The value; for a range, its lower end.
    pub value: Value,
    /// For a range ("entre 10 et 20 millions"), its upper end.
    pub to: Option<Value>,
    /// ISO currency code for money, unit for durations (`day`, `month`...), and for counts
    /// the counted noun as written (`utilisateurs américains`).
    pub unit: Option<Unit>,
    pub qualifier: Option<Qualifier>,
    /// Byte offsets of the figure as written (without its qualifier or counted noun) in the
    /// scanned text: see [`Figure::surface`].
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// Index into [`Document::sentences`] (filled by [`extract_document`]).
    pub sentence: Option<u32>,
}

impl Figure {
    /// The figure as written in `text`, the text it was found in. It is not kept with the
    /// figure: it is always that text's `start..end`.
    #[must_use]
    pub fn surface<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or_default()
    }

    /// The sentence it is in, as an index into [`Document::sentences`].
    #[must_use]
    pub fn sentence(&self) -> Option<usize> {
        self.sentence.map(|s| s as usize)
    }
}

/// Extracts the figures of a raw text in `lang`, in text order. Offsets index into `text`;
/// lines are counted in `text`; sentences are left unset.
#[must_use]
pub fn extract(text: &str, lang: Lang) -> Vec<Figure> {
    let mut out = Vec::new();
    scan::scan(text, 0, lang, &mut out);
    let mut line = 1;
    let mut at = 0;
    for f in &mut out {
        line += memchr_count(&text.as_bytes()[at..f.start]);
        at = f.start;
        f.line = line;
    }
    out
}

fn memchr_count(b: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', b).count()
}

/// Documents at least this big (in bytes) are scanned on several threads, in runs of
/// [`PARALLEL_PARAGRAPHS`] paragraphs.
const PARALLEL_BYTES: usize = 1 << 20;
const PARALLEL_PARAGRAPHS: usize = 2048;

/// Extracts the figures of the paragraphs of `doc` that count (boilerplate and repeated
/// paragraphs are skipped), with lines and sentences filled in.
#[must_use]
pub fn extract_document(doc: &Document) -> Vec<Figure> {
    extract_document_as(doc, doc.lang)
}

/// [`extract_document`] reading the text as `lang` instead of the detected language.
#[must_use]
pub fn extract_document_as(doc: &Document, lang: Lang) -> Vec<Figure> {
    let dec = scan::text_decimal(&doc.text, lang);
    // Paragraphs are independent, so a big document is scanned on every core, in order.
    if doc.text.len() < PARALLEL_BYTES {
        scan_run(doc, lang, dec, &doc.paragraphs)
    } else {
        use rayon::prelude::*;
        crate::runs::concat(
            doc.paragraphs
                .par_chunks(PARALLEL_PARAGRAPHS)
                .map(|run| scan_run(doc, lang, dec, run))
                .collect(),
        )
    }
}

/// The figures of `doc` with their facts, one run of paragraphs at a time and in text order:
/// `sink` gets each run's figures (as [`extract_document`] has them) and their facts, and
/// the run is dropped. A listing of millions of figures so holds a few runs, never all of
/// them.
///
/// # Errors
/// The first error `sink` returns, which stops the reading.
pub fn each_run<E>(
    doc: &Document,
    mut sink: impl FnMut(&[Figure], &[Fact]) -> Result<(), E>,
) -> Result<(), E> {
    let names = facts::Names::of(doc);
    // A figure's fact reads only its own sentence's figures and paragraph, both in its run.
    in_runs(
        doc,
        |figs| {
            let facts: Vec<Fact> = (0..figs.len())
                .map(|i| facts::fact(doc, &figs, i, &names))
                .collect();
            (figs, facts)
        },
        |(figs, facts)| sink(&figs, &facts),
    )
}

/// The figures of `doc` one run of paragraphs at a time, as [`each_run`] gives them, without
/// their facts.
///
/// # Errors
/// The first error `sink` returns, which stops the reading.
pub fn each_figure_run<E>(
    doc: &Document,
    mut sink: impl FnMut(&[Figure]) -> Result<(), E>,
) -> Result<(), E> {
    in_runs(doc, |figs| figs, |figs| sink(&figs))
}

/// Scans `doc` a run of paragraphs at a time, the runs of a window on every core, and gives
/// `sink` what `then` makes of each run's figures, in text order. The runs are those of
/// [`extract_document`], so the figures are the same.
fn in_runs<T: Send, E>(
    doc: &Document,
    then: impl Fn(Vec<Figure>) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    use rayon::prelude::*;
    let lang = doc.lang;
    let dec = scan::text_decimal(&doc.text, lang);
    if doc.text.len() < PARALLEL_BYTES {
        return sink(then(scan_run(doc, lang, dec, &doc.paragraphs)));
    }
    let window = PARALLEL_PARAGRAPHS * 2 * rayon::current_num_threads();
    for paras in doc.paragraphs.chunks(window) {
        let runs: Vec<T> = paras
            .par_chunks(PARALLEL_PARAGRAPHS)
            .map(|run| then(scan_run(doc, lang, dec, run)))
            .collect();
        for t in runs {
            sink(t)?;
        }
    }
    Ok(())
}

/// The figures of the paragraphs of `run` that count, with lines and sentences filled in.
fn scan_run(
    doc: &Document,
    lang: Lang,
    dec: number::Decimal,
    run: &[crate::corpus::Paragraph],
) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut scanner = scan::Scanner::grouping(dec);
    for p in run.iter().filter(|p| p.kind.counts()) {
        if let Some(text) = doc.text.get(p.range.clone()) {
            scanner.scan(text, p.range.start, lang, &mut out);
        }
    }
    // Figures come in order: each search starts from the last answer.
    let (mut line, mut sentence) = (1, 0);
    for f in &mut out {
        line = crate::corpus::document::line_after(&doc.line_starts, line, f.start);
        f.line = line;
        let at = doc.sentence_at_from(sentence, f.start);
        // Sentences of a document capped in size always number fewer than u32::MAX.
        f.sentence = at.and_then(|s| u32::try_from(s).ok());
        sentence = at.unwrap_or(0);
    }
    out
}

#[cfg(test)]
mod tests;
