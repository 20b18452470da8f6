//! Analysing a document's decoded text: paragraphs, sentences, headings, boilerplate,
//! repeats, language and title, all of it or only the paragraphs a [`Focus`] selects.

use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::document::{self, Document, Origin, Paragraph, ParagraphKind, Sentence};
use super::lang::{self, Lang};
use super::layout::Layout;
use super::load::Focus;
use super::{boilerplate, masthead, segment, title};

/// Longest a paragraph may be (in words) and still count as a heading.
const HEADING_WORDS: usize = 12;

impl Document {
    /// Builds a document from decoded text: segments it, marks boilerplate and repeats,
    /// detects the language and finds the title.
    #[must_use]
    pub fn from_text(id: String, origin: Origin, text: String, lang: Option<Lang>) -> Self {
        Self::from_text_with(id, origin, text, lang, None)
    }

    /// [`Document::from_text`], analysing only the paragraphs `focus` selects when given.
    ///
    /// A paragraph that `focus` does not select is left [`ParagraphKind::Unread`] (no
    /// sentences, not checked for boilerplate, never counted), unless it is near the top. The
    /// paragraphs analysed are exactly as [`Document::from_text`] has them, and so are the
    /// language and title: the top is always analysed, and when that is not enough to decide
    /// them the whole document is.
    #[must_use]
    pub fn from_text_with(
        id: String,
        origin: Origin,
        text: String,
        lang: Option<Lang>,
        focus: Option<&Focus>,
    ) -> Self {
        let layout = Layout::of(&text);
        Self::from_layout(id, origin, text, layout, lang, focus)
    }

    /// [`Document::from_text_with`] for a text whose [`Layout`] is known, as when it was
    /// found while the text was read.
    #[must_use]
    pub fn from_layout(
        id: String,
        origin: Origin,
        text: String,
        layout: Layout,
        lang: Option<Lang>,
        focus: Option<&Focus>,
    ) -> Self {
        let Layout {
            paragraphs: ranges,
            line_starts,
            hash,
        } = layout;
        // On one thread: slicing costs less than joining the slices of several.
        let para_texts: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        let (wanted, repeat_among) = focus.map_or((None, None), |f| {
            let w = wanted(&para_texts, f);
            (Some(w.analyse), w.repeat_among)
        });
        let wanted = wanted.as_deref();
        let repeats = || repeat_pairs(&para_texts, repeat_among.as_deref());
        // Repeat detection is sequential (it looks back); the per-paragraph checks are not.
        // On large documents both run at once, the per-paragraph ones split across threads.
        let (repeats, (mut paragraphs, sentences)) = if para_texts.len() >= PARALLEL_MIN_PARAGRAPHS
        {
            rayon::join(repeats, || {
                analyse_parallel(&text, &ranges, &para_texts, &line_starts, wanted)
            })
        } else {
            (
                repeats(),
                analyse(&text, &ranges, &para_texts, &line_starts, 0, wanted),
            )
        };
        // Only the paragraphs read were made: the others go in between, unread.
        if wanted.is_some() {
            paragraphs = with_unread(&ranges, &line_starts, paragraphs);
        }
        // A repeat of an earlier paragraph is only told apart now; boilerplate stays so.
        for (i, first) in repeats {
            if let Some(p) = paragraphs.get_mut(i)
                && p.kind.counts()
            {
                p.kind = ParagraphKind::Repeat(small(first));
            }
        }
        drop(repeat_among);
        drop(para_texts);
        let given_lang = lang;
        let again = |ranges, line_starts| Layout {
            paragraphs: ranges,
            line_starts,
            hash,
        };
        if focus.is_some() && !top_is_read(&paragraphs) {
            let layout = again(ranges, line_starts);
            return Self::from_layout(id, origin, text, layout, given_lang, None);
        }
        let lang = lang.unwrap_or_else(|| lang::detect(&lang::counted_sample(&text, &paragraphs)));
        let mut doc = Self {
            id,
            origin,
            title: String::new(),
            byline: None,
            lang,
            text: std::sync::Arc::new(text),
            paragraphs,
            sentences: std::sync::Arc::new(sentences),
            line_starts: std::sync::Arc::new(line_starts),
            hash,
            meta: document::Meta::default(),
        };
        doc.title = make_title(&doc);
        doc.byline = masthead::find_byline(&doc.text, &doc.paragraphs);
        doc
    }
}

/// Paragraphs from the top that are always analysed with a [`Focus`]: enough for the language
/// sample and the headline in any ordinary document.
const TOP_BYTES: usize = 64 * 1024;
const TOP_PARAGRAPHS: usize = 16;

/// The paragraphs of a document loaded with a [`Focus`] that need looking at.
struct Wanted {
    /// Which to analyse.
    analyse: Vec<bool>,
    /// With a focus that is the same for repeats, the paragraphs among which to look for
    /// repeats, in order.
    repeat_among: Option<Vec<usize>>,
}

/// Which paragraphs to analyse: the top of the document, those `focus` keeps, and the
/// neighbours that serve a kept one (as an attribution line serves the quote before it).
///
/// Whether a wanted paragraph is a repeat depends on every paragraph before it. But when
/// `focus` is the same for repeats, the paragraphs it keeps and those that serve a neighbour
/// hold every earlier copy of such a paragraph, and so does the top (it has every paragraph
/// before its own). Only those, then, are looked through for repeats.
fn wanted(para_texts: &[&str], focus: &Focus) -> Wanted {
    let keep = focus.keep();
    // Per paragraph, whether it is kept, and which neighbours it serves.
    let marks: Vec<(bool, super::Serves)> = para_texts
        .par_iter()
        .with_min_len(PARALLEL_MIN_PARAGRAPHS / 2)
        .map(|p| (keep(p), focus.serves(p)))
        .collect();
    let is_kept = |j: usize| marks.get(j).is_some_and(|m| m.0);
    // The top: paragraphs before the first that is past both limits.
    let mut bytes = 0;
    let top_end = para_texts
        .iter()
        .position(|p| {
            let past = bytes >= TOP_BYTES;
            bytes += p.len();
            past
        })
        .map_or(para_texts.len(), |i| {
            i.max(TOP_PARAGRAPHS).min(para_texts.len())
        });
    let analyse = (0..para_texts.len())
        .into_par_iter()
        .with_min_len(PARALLEL_MIN_PARAGRAPHS / 2)
        .map(|i| {
            let (kept, serves) = marks[i];
            i < top_end
                || kept
                || (serves.previous && i.checked_sub(1).is_some_and(is_kept))
                || (serves.next && is_kept(i + 1))
        })
        .collect();
    let repeat_among = focus.is_same_for_repeats().then(|| {
        (0..para_texts.len())
            .filter(|&i| {
                let (kept, serves) = marks[i];
                i < top_end || kept || serves.previous || serves.next
            })
            .collect()
    });
    Wanted {
        analyse,
        repeat_among,
    }
}

/// The repeats among `para_texts`: (paragraph, the earlier paragraph it repeats). With
/// `among`, only those paragraphs are compared, as if every other were empty: a document
/// loaded for a search then hashes and looks up only the few it may analyse.
fn repeat_pairs(para_texts: &[&str], among: Option<&[usize]>) -> Vec<(usize, usize)> {
    let picked: Vec<&str>;
    let texts = match among {
        Some(among) => {
            picked = among.iter().map(|&i| para_texts[i]).collect();
            &picked
        }
        None => para_texts,
    };
    // The paragraph that text `k` of `texts` is.
    let paragraph = |k: usize| among.map_or(k, |among| among[k]);
    boilerplate::repeats(texts)
        .into_iter()
        .enumerate()
        .filter_map(|(k, first)| Some((paragraph(k), paragraph(first?))))
        .collect()
}

/// True when the paragraphs read decide the language sample and the title exactly as a
/// full analysis would: neither walks into an unread paragraph before it is done.
fn top_is_read(paras: &[Paragraph]) -> bool {
    let unread = |p: &Paragraph| p.kind == ParagraphKind::Unread;
    if paras.iter().take(title::HEADLINE_WINDOW).any(unread) {
        return false;
    }
    // The title falls back on the first counted sentence.
    let first_sentence = paras
        .iter()
        .find(|p| unread(p) || (p.kind.counts() && !p.sentences.is_empty()));
    if first_sentence.is_some_and(unread) {
        return false;
    }
    // The language sample: counted paragraphs until it passes its size.
    let mut len = 0;
    for p in paras {
        if len > lang::SAMPLE_BYTES {
            break;
        }
        if unread(p) {
            return false;
        }
        if p.kind.counts() {
            len += p.range.len() + 1;
        }
    }
    true
}

/// Paragraph count above which a document is analysed on several threads.
const PARALLEL_MIN_PARAGRAPHS: usize = 20_000;

/// Analyses paragraphs `first..first + ranges.len()` of a document, all but for repeats
/// (those that count are `Body` or `Heading`): the paragraphs, and all their sentences in one
/// list (a list per paragraph costs an allocation each), which their sentence ranges index.
/// With `wanted`, only the paragraphs it marks are made (see [`with_unread`]).
fn analyse(
    text: &str,
    ranges: &[std::ops::Range<usize>],
    para_texts: &[&str],
    line_starts: &[usize],
    first: usize,
    wanted: Option<&[bool]>,
) -> (Vec<Paragraph>, Vec<Sentence>) {
    let mut sentences = Vec::with_capacity(ranges.len());
    // Paragraphs come in order: each line is searched for from the one before.
    let mut last_line = 1;
    let analysed =
        ranges
            .iter()
            .enumerate()
            .filter(|&(k, _)| wanted.is_none_or(|w| w[first + k]))
            .map(|(k, r)| {
                let i = first + k;
                let s = para_texts[i];
                let line = document::line_after(line_starts, last_line, r.start);
                last_line = line;
                let boilerplate = boilerplate::is_boilerplate(s);
                let heading = !boilerplate && is_heading(s, para_texts.get(i + 1).copied());
                let before = sentences.len();
                // Lines only grow through a paragraph: search from the paragraph's own line.
                sentences.extend(segment::sentences(text, r.clone()).into_iter().map(|sr| {
                    Sentence {
                        line: small(line_from(line_starts, line, sr.start)),
                        range: sr,
                        paragraph: small(i),
                    }
                }));
                let kind = if boilerplate {
                    ParagraphKind::Boilerplate
                } else if heading {
                    ParagraphKind::Heading
                } else {
                    ParagraphKind::Body
                };
                Paragraph {
                    range: r.clone(),
                    line: small(line),
                    kind,
                    sentences: before..sentences.len(),
                }
            })
            .collect();
    (analysed, sentences)
}

/// The 1-based line of byte `at`, knowing it is on line `from` or later.
fn line_from(line_starts: &[usize], from: usize, at: usize) -> usize {
    // Most sentences start on their paragraph's line: check the next line start first.
    match line_starts.get(from) {
        Some(&next) if next <= at => document::line_after(line_starts, from, at),
        _ => from,
    }
}

/// All the paragraphs of `ranges`: those of `read`, in order, and an unread one for each
/// other range. Made here in one pass rather than by [`analyse`], since on a document loaded
/// for a search most paragraphs are not read, and each run's would only be copied again.
fn with_unread(
    ranges: &[std::ops::Range<usize>],
    line_starts: &[usize],
    read: Vec<Paragraph>,
) -> Vec<Paragraph> {
    let mut out = Vec::with_capacity(ranges.len());
    let mut read = read.into_iter().peekable();
    let (mut line, mut sentence) = (1, 0);
    for r in ranges {
        match read.next_if(|p| p.range == *r) {
            Some(p) => {
                (line, sentence) = (p.line as usize, p.sentences.end);
                out.push(p);
            }
            None => {
                line = document::line_after(line_starts, line, r.start);
                out.push(Paragraph {
                    range: r.clone(),
                    line: small(line),
                    kind: ParagraphKind::Unread,
                    sentences: sentence..sentence,
                });
            }
        }
    }
    out
}

/// [`analyse`] over all paragraphs, in runs on every core.
fn analyse_parallel(
    text: &str,
    ranges: &[std::ops::Range<usize>],
    para_texts: &[&str],
    line_starts: &[usize],
    wanted: Option<&[bool]>,
) -> (Vec<Paragraph>, Vec<Sentence>) {
    let runs: Vec<(Vec<Paragraph>, Vec<Sentence>)> = ranges
        .par_chunks(PARALLEL_MIN_PARAGRAPHS / 4)
        .enumerate()
        .map(|(k, run)| {
            let first = k * (PARALLEL_MIN_PARAGRAPHS / 4);
            analyse(text, run, para_texts, line_starts, first, wanted)
        })
        .collect();
    // Each run's sentences follow those of the runs before.
    let mut base = 0;
    let (paragraphs, sentences): (Vec<_>, Vec<_>) = runs
        .into_iter()
        .map(|(mut paragraphs, s)| {
            for p in &mut paragraphs {
                p.sentences = p.sentences.start + base..p.sentences.end + base;
            }
            base += s.len();
            (paragraphs, s)
        })
        .unzip();
    (
        crate::runs::concat(paragraphs),
        crate::runs::concat(sentences),
    )
}

/// A heading: short, not ending like a sentence, followed by a longer paragraph.
fn is_heading(s: &str, next: Option<&str>) -> bool {
    // Cheap tests first: this runs on every paragraph of every document.
    if s.len() > HEADING_WORDS * 24
        || segment::ends_sentence(s)
        || !s.chars().next().is_some_and(char::is_uppercase)
    {
        return false;
    }
    let words = s.unicode_words().take(HEADING_WORDS + 1).count();
    (1..=HEADING_WORDS).contains(&words)
        && next.is_some_and(|n| n.unicode_words().nth(words * 2).is_some())
}

fn make_title(doc: &Document) -> String {
    if let Some(i) = title::headline(&doc.text, &doc.paragraphs) {
        return title::shorten(title::strip_dateline(doc.slice(&doc.paragraphs[i].range)));
    }
    let first = doc
        .counted_sentences()
        .next()
        .map(|(_, s)| doc.slice(&s.range));
    match first {
        Some(s) => title::shorten(title::strip_dateline(s)),
        None => match &doc.origin {
            Origin::File(p) => p
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            Origin::Seed(n) => n.clone(),
            Origin::Stdin => "(standard input)".to_string(),
            Origin::Url(u) => u.clone(),
        },
    }
}

/// A line or paragraph number in 32 bits, as [`Sentence`] and [`Paragraph`] keep it to stay
/// small: a document capped in size never comes near the limit, and past it the number
/// saturates.
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
