//! Quoted speech and who said it. No UI dependency.
//!
//! Two forms are found in the paragraphs that count (boilerplate and repeats are skipped):
//!
//! - **Marked quotes** between « », “ ”, " ", „ “, 「」 or 『』 in one paragraph.
//! - **Block quotes**: a paragraph on its own followed by an attribution line such as
//!   "– Jen Hamilton, influenceuse", or introduced by a paragraph ending in a speech verb and
//!   a colon ("Jen Hamilton, une infirmière influente, ironise :").
//!
//! The speaker is taken from what the text says around the quote: a dash line after a block
//! quote, "ungkap X", "kata X", "said X", "selon X", "a déclaré X" after the closing mark,
//! "X said" after it, or "Selon X, « … »", "Menurut X, "…"", "X a déclaré : « … »" before it.
//! A speech verb earlier in the sentence speaks for a quote that reports what it says ("Carmen
//! Villalobos explica que … «…»"), and a quote that opens a sentence is most likely said by
//! the subject of the sentence before ("Il note que … . « … »").
//! Pronouns ("selon elle") are not names: the speaker is then left unknown.
//!
//! **Scare quotes are not speech.** A marked quote is kept only when a speaker is found or
//! when it reads like speech: at least [`SPEECH_MIN_WORDS`] words, or ending with sentence
//! punctuation. « sécurité nationale », “pengungsi TikTok” or "réfugiés numériques" name a
//! term, so they are left out rather than listed with an unknown speaker.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::corpus::Document;

mod cjk;
mod cues;
mod latin;
mod lexicon;
mod not_speech;
mod speaker;

pub use cues::serves;
pub use not_speech::SPEECH_MIN_WORDS;
use speaker::{Cue, Mention, Pending};

/// Longest attribution line after a block quote, in words.
const ATTRIBUTION_MAX_WORDS: usize = 12;

/// Longest speaker name run, in words.
const NAME_MAX_WORDS: usize = 10;

/// How a quote is marked in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteForm {
    /// Between quotation marks.
    Marked,
    /// A paragraph of its own with an attribution line or an introducing sentence.
    Block,
}

/// One quote in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Byte range of the quoted words in the document text, without the marks.
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// Who said it, when the text says so.
    pub speaker: Option<String>,
    /// The speaker's role or title when the attribution gives one ("influenceuse").
    pub role: Option<String>,
    pub form: QuoteForm,
}

impl Quote {
    /// The byte range of the quoted words.
    #[must_use]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Opening marks and the marks that may close them.
const PAIRS: &[(char, &[char])] = &[
    ('«', &['»']),
    // German's »…«.
    ('»', &['«']),
    ('“', &['”']),
    ('„', &['“', '”']),
    ('「', &['」']),
    ('『', &['』']),
    ('"', &['"']),
];

/// Whether a paragraph may hold a quote or what attributes one: a quotation mark, an
/// attribution line or an introduction. A search that analyses only some paragraphs also
/// analyses these, so that it finds the quotes, with their speakers, the whole document has.
#[must_use]
pub fn may_hold(text: &str) -> bool {
    let s = serves(text);
    Openers::new(text).find(0).is_some() || s.previous || s.next
}

/// The text a quote is searched by: its words and its speaker.
#[must_use]
pub fn searchable(text: &str, speaker: &str) -> String {
    format!("{text} — {speaker}")
}

/// Extracts the quotes of a document, in text order.
#[must_use]
pub fn extract(doc: &Document) -> Vec<Quote> {
    let (pending, mentions) = read_all(doc);
    // Room for every quote at once: a large document's quotes are kept a while by callers,
    // and are never grown by copying.
    let mut out: Vec<Quote> = Vec::with_capacity(pending.iter().map(Vec::len).sum());
    speaker::resolve(pending.iter().flatten(), mentions.iter().flatten(), |r| {
        out.push(make(
            doc,
            r.start..r.end,
            r.speaker.map(|s| (s, r.role)),
            r.form,
        ));
    });
    drop((pending, mentions));
    consolidate(&mut out);
    out.shrink_to_fit();
    out
}

/// Every paragraph's quotes and mentions, in order, in runs. Each paragraph depends only on
/// the (read-only) document, so a large one is split into runs of paragraphs, kept in order
/// and not joined (joining would hold them twice); speakers are then resolved in one pass.
fn read_all(doc: &Document) -> (Vec<Vec<Pending>>, Vec<Vec<Mention>>) {
    use rayon::prelude::*;
    let n = doc.paragraphs.len();
    if n < 2 * PARALLEL_MIN_PARAGRAPHS {
        let (pending, mentions) = read_paragraphs(doc, 0..n);
        return (vec![pending], vec![mentions]);
    }
    (0..n.div_ceil(PARALLEL_MIN_PARAGRAPHS))
        .into_par_iter()
        .map(|k| {
            let start = k * PARALLEL_MIN_PARAGRAPHS;
            read_paragraphs(doc, start..(start + PARALLEL_MIN_PARAGRAPHS).min(n))
        })
        .unzip()
}

/// How many paragraphs before a quote are read for the people they name: a reference is to
/// someone named a few paragraphs up, and most of a long text is far from any quote.
const MENTION_WINDOW: usize = 10;

/// Paragraphs in a run when quotes are extracted in parallel.
const PARALLEL_MIN_PARAGRAPHS: usize = 8192;

/// The quotes of paragraphs `range` with what their surroundings say of the speaker, and the
/// people the paragraphs name outside quotes.
fn read_paragraphs(doc: &Document, range: Range<usize>) -> (Vec<Pending>, Vec<Mention>) {
    let mut out: Vec<Pending> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let paras = &doc.paragraphs;
    let lang = doc.lang.code();
    // Whether each paragraph from the run's start to a window past its end may hold a quote,
    // by its text alone: the same however the document is split or analysed.
    let holds: Vec<bool> = (range.start..(range.end + MENTION_WINDOW).min(paras.len()))
        .map(|j| may_hold(doc.slice(&paras[j].range)))
        .collect();
    let first = range.start;
    let near_quote = |i: usize| {
        let k = i - first;
        holds[k..(k + MENTION_WINDOW + 1).min(holds.len())]
            .iter()
            .any(|&h| h)
    };
    let people_in = |text: &str, at: usize, mentions: &mut Vec<Mention>| {
        if text.chars().any(cjk::is_han) {
            cjk::mentions(text, at, cjk::is_japanese(text), mentions);
        } else {
            latin::mentions(text, at, lang, mentions);
        }
    };
    for i in range {
        let p = &paras[i];
        let text = doc.slice(&p.range);
        let base = p.range.start;
        // People are read from every paragraph's text, whether analysed or not: a search that
        // analyses some paragraphs resolves the same speakers as the whole document.
        if !p.kind.counts() || attribution_line(text).is_some() {
            if near_quote(i) {
                people_in(text, base, &mut mentions);
            }
            continue;
        }
        if let Some((range, cue)) = block_quote(doc, i) {
            out.push(Pending {
                start: range.start,
                end: range.end,
                paragraph: i,
                paragraph_start: base,
                form: QuoteForm::Block,
                cue,
                bare: true,
                speech_like: true,
            });
            continue;
        }
        let found = marked(text);
        let cjk_text = text.chars().any(cjk::is_han);
        let ja = cjk_text && cjk::is_japanese(text);
        let mut gap = 0;
        for m in found
            .iter()
            .map(|m| (m.open, m.close))
            .chain([(text.len(), text.len())])
        {
            let prose = &text[gap..m.0];
            if cjk_text {
                cjk::mentions(prose, base + gap, ja, &mut mentions);
            } else {
                latin::mentions(prose, base + gap, lang, &mut mentions);
            }
            gap = m.1;
        }
        let lead = text.len() - text.trim_start().len();
        for (k, m) in found.iter().enumerate() {
            let prev_close = k.checked_sub(1).map_or(0, |j| found[j].close);
            let next_open = found.get(k + 1).map_or(text.len(), |n| n.open);
            let before = last_bytes(&text[prev_close..m.open], CONTEXT_BYTES);
            let after = first_bytes(&text[m.close..next_open], CONTEXT_BYTES);
            let inner = &text[m.inner.clone()];
            let cue = if cjk::is_cjk(before, after) {
                cjk::cue(before, after, ja)
            } else {
                match latin::after(after, lang) {
                    Cue::None => latin::before(before, lang),
                    c => c,
                }
            };
            if not_speech::is_label(inner) {
                continue;
            }
            out.push(Pending {
                start: base + m.inner.start,
                end: base + m.inner.end,
                paragraph: i,
                paragraph_start: base,
                form: QuoteForm::Marked,
                cue,
                bare: m.open == lead && m.close == text.trim_end().len(),
                speech_like: not_speech::reads_like_speech(inner),
            });
        }
    }
    Mention::share(&mut mentions);
    (out, mentions)
}

/// How much text before and after a marked quote its attribution is looked for in: more than
/// a sentence of attribution needs, and a bound that keeps a paragraph of thousands of quotes
/// linear.
const CONTEXT_BYTES: usize = 256;

/// The first `n` bytes of `s`, or a little less, to end on a character.
fn first_bytes(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The last `n` bytes of `s`, or a little less, to start on a character.
fn last_bytes(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// A quote from its range and speaker (a name, and a role when the attribution gave one).
fn make(
    doc: &Document,
    range: Range<usize>,
    speaker: Option<(String, Option<String>)>,
    form: QuoteForm,
) -> Quote {
    let (speaker, role) = match speaker {
        Some((s, given)) => {
            let (name, role) = split_role(&s);
            (Some(name), given.or(role))
        }
        None => (None, None),
    };
    Quote {
        start: range.start,
        end: range.end,
        line: doc.line_of(range.start),
        speaker,
        role,
        form,
    }
}

/// A paragraph quoted on its own: followed by "– Name, role", or introduced by a paragraph
/// ending in a speech verb and a colon. Its range and what names its speaker.
fn block_quote(doc: &Document, i: usize) -> Option<(Range<usize>, Cue)> {
    let paras = &doc.paragraphs;
    let p = &paras[i];
    let text = doc.slice(&p.range);
    let by_line = paras
        .get(i + 1)
        .filter(|n| n.kind.counts())
        .and_then(|n| attribution_line(doc.slice(&n.range)))
        .map(|(name, role)| Cue::Named {
            name,
            role,
            strong: true,
        });
    // Checked only when there is no attribution line: most paragraphs have neither.
    let by_intro = || {
        i.checked_sub(1)
            .map(|j| &paras[j])
            .filter(|prev| prev.kind.counts())
            .and_then(|prev| {
                let intro = doc.slice(&prev.range).trim_end();
                cues::before_colon(intro)?;
                let cue = if intro.chars().any(cjk::is_han) {
                    cjk::cue(intro, "", cjk::is_japanese(intro))
                } else {
                    latin::before(intro, doc.lang.code())
                };
                matches!(cue, Cue::Named { .. } | Cue::Reference { .. }).then_some(cue)
            })
    };
    let cue = by_line.or_else(by_intro)?;
    text.unicode_words().nth(SPEECH_MIN_WORDS - 1)?;
    // A paragraph wrapped whole in quote marks: the quote is what is inside them.
    let range = match marked(text).first() {
        Some(m) if m.open == 0 && m.close == text.len() => {
            p.range.start + m.inner.start..p.range.start + m.inner.end
        }
        _ => p.range.clone(),
    };
    Some((range, cue))
}

/// "– Jen Hamilton, influenceuse" → ("Jen Hamilton, influenceuse" as speaker text, role).
fn attribution_line(text: &str) -> Option<(String, Option<String>)> {
    let rest = cues::after_dash(text)?;
    if rest.unicode_words().count() > ATTRIBUTION_MAX_WORDS {
        return None;
    }
    let (name_part, role) = match rest.split_once(',') {
        Some((n, r)) => (n.trim(), Some(r.trim().trim_end_matches('.').to_string())),
        None => (rest.trim_end_matches('.'), None),
    };
    let name = name_run(name_part)?;
    if name.len() != name_part.len() {
        return None;
    }
    Some((name, role.filter(|r| !r.is_empty())))
}

/// A marked quote inside a paragraph: byte offsets relative to the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Marked {
    /// Offset of the opening mark.
    open: usize,
    /// The quoted words, trimmed of spaces and a trailing comma.
    inner: Range<usize>,
    /// Offset just past the closing mark.
    close: usize,
}

/// The opening marks of [`PAIRS`] in one text, found by their first bytes with `memchr`:
/// most paragraphs have none, and this tells so at memory speed.
struct Openers<'a> {
    text: &'a str,
    /// The first 0xE3 byte (「 and 『 start with it) at or after the last search, once
    /// looked for: `memchr3` takes only the other three first bytes.
    next_e3: Option<Option<usize>>,
}

impl<'a> Openers<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            next_e3: None,
        }
    }

    /// The first opening mark at or after byte `from`, and where it is.
    fn find(&mut self, mut from: usize) -> Option<(usize, char)> {
        let bytes = self.text.as_bytes();
        loop {
            let rest = bytes.get(from..)?;
            let other = memchr::memchr3(b'"', 0xC2, 0xE2, rest).map(|k| from + k);
            let e3 = match self.next_e3 {
                Some(known) if known.is_none_or(|at| at >= from) => known,
                _ => {
                    let at = memchr::memchr(0xE3, rest).map(|k| from + k);
                    self.next_e3 = Some(at);
                    at
                }
            };
            let at = match (other, e3) {
                (Some(a), Some(b)) => a.min(b),
                (a, b) => a.or(b)?,
            };
            // Each byte looked for starts a character.
            let c = self.text.get(at..)?.chars().next()?;
            if PAIRS.iter().any(|&(o, _)| o == c) {
                return Some((at, c));
            }
            from = at + 1;
        }
    }
}

/// Top-level quotes between marks, in order. Unclosed marks are ignored.
///
/// An opening mark closes at the first of its closing marks that is not taken by a mark of
/// its kind opened after it (`"` closes at the next `"`). Finding that is one scan from the
/// mark; a scan that reaches the end without closing notes on its way where every mark of its
/// kind opened after it closes, so none of those is scanned again: a text full of unclosed
/// marks costs one scan per kind of mark, not one per mark.
fn marked(text: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut openers = Openers::new(text);
    // Where marks already scanned past close (`None`: never).
    let mut known: HashMap<usize, Option<usize>> = HashMap::new();
    while let Some((open, c)) = openers.find(pos) {
        let body_start = open + c.len_utf8();
        let found = match known.remove(&open) {
            Some(found) => found,
            None => closing(text, open, c, &mut known),
        };
        let Some(close_at) = found else {
            pos = body_start;
            continue;
        };
        let close_len = text[close_at..].chars().next().map_or(1, char::len_utf8);
        let inner = trim_inner(text, body_start..close_at);
        if !inner.is_empty() {
            out.push(Marked {
                open,
                inner,
                close: close_at + close_len,
            });
        }
        pos = close_at + close_len;
    }
    out
}

/// Where the mark `c` opened at byte `open` closes, if it does. The marks of its kind opened
/// after it that the scan passes go to `known`, with where they close.
fn closing(
    text: &str,
    open: usize,
    c: char,
    known: &mut HashMap<usize, Option<usize>>,
) -> Option<usize> {
    let closers = PAIRS
        .iter()
        .find(|&&(o, _)| o == c)
        .map_or(&[][..], |&(_, cl)| cl);
    let body_start = open + c.len_utf8();
    // Marks of the same kind opened inside this one, innermost last.
    let mut nested: Vec<usize> = Vec::new();
    for (j, d) in text[body_start..].char_indices() {
        let at = body_start + j;
        if closers.contains(&d) && c != d {
            match nested.pop() {
                Some(inner) => {
                    known.insert(inner, Some(at));
                }
                None => return Some(at),
            }
        } else if d == c {
            if c == '"' {
                return Some(at);
            }
            nested.push(at);
        }
    }
    known.extend(nested.into_iter().map(|inner| (inner, None)));
    None
}

fn trim_inner(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim().trim_end_matches([',', ';']).trim_end();
    r.start + lead..r.start + lead + t.len()
}

/// The run of capitalised words at the start of `s`: a name like "Guo Jiakun" or
/// "Juru Bicara Kementerian Luar Negeri China Guo Jiakun". Particles (de, van, bin) are
/// allowed inside. Returns it as a prefix slice of `s`, without trailing punctuation.
fn name_run(s: &str) -> Option<String> {
    let mut end = 0;
    let mut words = 0;
    let mut pending_particle = None;
    for (i, w) in s.split_word_bound_indices() {
        if w.chars().all(char::is_whitespace) {
            if w.contains('\n') {
                break;
            }
            continue;
        }
        let first = w.chars().next()?;
        if first.is_uppercase() {
            words += 1;
            end = i + w.len();
            pending_particle = None;
            if words >= NAME_MAX_WORDS {
                break;
            }
        } else if words > 0 && PARTICLES.contains(&w) && pending_particle.is_none() {
            pending_particle = Some(i);
        } else if words > 0 && (w == "-" || w == "'") {
            continue;
        } else {
            break;
        }
    }
    (words > 0).then(|| s[..end].to_string())
}

const PARTICLES: &[&str] = &[
    "de", "van", "von", "bin", "binti", "al", "da", "di", "del", "le",
];

/// "Juru Bicara Kementerian Luar Negeri China Guo Jiakun" → name "Guo Jiakun" and the rest
/// as role: long capitalised runs are a title followed by a two-word name.
fn split_role(s: &str) -> (String, Option<String>) {
    let words: Vec<&str> = s.split_whitespace().collect();
    // A lowercase particle makes the run a body's name ("Sociedad Española de Medicina del
    // Sueño Infantil"), not a title before a name.
    let particle = words
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase));
    if words.len() >= SPLIT_ROLE_MIN_WORDS && !particle {
        let cut = words.len() - 2;
        return (words[cut..].join(" "), Some(words[..cut].join(" ")));
    }
    (s.to_string(), None)
}

/// Fewest words in a speaker's name that are a title followed by a two-word name ("I Gusti
/// Ngurah Putu Ardana" is five words and one name).
const SPLIT_ROLE_MIN_WORDS: usize = 6;

/// Within a document, a speaker written in full once ("Juru Bicara … Guo Jiakun") and short
/// elsewhere ("Guo Jiakun") is the same person: use the short name, keep the rest as role.
fn consolidate(quotes: &mut [Quote]) {
    // A set and a walk over each name's word suffixes, not every name against every other:
    // a long document can hold tens of thousands of attributed quotes.
    let names: std::collections::HashSet<String> =
        quotes.iter().filter_map(|q| q.speaker.clone()).collect();
    for q in quotes.iter_mut() {
        let Some(full) = q.speaker.as_deref() else {
            continue;
        };
        // The shortest known name that ends `full` after a space.
        let short = full
            .rmatch_indices(' ')
            .map(|(i, _)| &full[i + 1..])
            .find(|n| !n.is_empty() && names.contains(*n));
        if let Some(short) = short {
            let role = full[..full.len() - short.len()].trim().to_string();
            let short = short.to_string();
            q.speaker = Some(short);
            q.role = q.role.take().or(Some(role));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain way to find [`marked`]'s quotes: a scan from every opening mark, each to its
    /// closing mark or the end of the text. Quadratic on unclosed marks, and the reference.
    fn marked_by_rescanning(text: &str) -> Vec<Marked> {
        let mut out = Vec::new();
        let mut pos = 0;
        let mut openers = Openers::new(text);
        while let Some((open, c)) = openers.find(pos) {
            let body_start = open + c.len_utf8();
            let closers = PAIRS
                .iter()
                .find(|&&(o, _)| o == c)
                .map_or(&[][..], |&(_, cl)| cl);
            let mut depth = 0usize;
            let mut found = None;
            for (j, d) in text[body_start..].char_indices() {
                if closers.contains(&d) && c != d {
                    if depth == 0 {
                        found = Some(body_start + j);
                        break;
                    }
                    depth -= 1;
                } else if d == c {
                    if c == '"' {
                        found = Some(body_start + j);
                        break;
                    }
                    depth += 1;
                }
            }
            let Some(close_at) = found else {
                pos = body_start;
                continue;
            };
            let close_len = text[close_at..].chars().next().map_or(1, char::len_utf8);
            let inner = trim_inner(text, body_start..close_at);
            if !inner.is_empty() {
                out.push(Marked {
                    open,
                    inner,
                    close: close_at + close_len,
                });
            }
            pos = close_at + close_len;
        }
        out
    }

    proptest::proptest! {
        /// Scanning once per kind of mark finds the quotes a scan from every mark finds.
        #[test]
        fn marks_close_as_a_scan_from_each_mark_finds(
            text in "[a «»“”„「」『』\"]{0,60}",
        ) {
            let (a, b) = (marked(&text), marked_by_rescanning(&text));
            let key = |m: &Marked| (m.open, m.inner.clone(), m.close);
            proptest::prop_assert_eq!(
                a.iter().map(key).collect::<Vec<_>>(),
                b.iter().map(key).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn a_paragraph_of_many_quotes_is_read_in_linear_time() {
        // 20,000 quotes in one paragraph, each with the rest of the paragraph after it and
        // no sentence end: attribution looks at a bounded window around each one.
        let text = format!(
            "{}.",
            "「一二三四五六七八九」Jen Hamilton said ".repeat(20_000)
        );
        let d = doc(&text);
        let found = extract(&d);
        assert_eq!(found.len(), 20_000);
        assert_eq!(found[0].speaker.as_deref(), Some("Jen Hamilton"));
    }

    #[test]
    fn a_text_of_unclosed_marks_is_read_in_one_pass_per_kind() {
        // 60,000 unclosed marks of every kind, and one quote at the end: a scan from each mark
        // would read about 10^10 characters.
        let text = format!("{}« fin »", "« “ 「 『 a ".repeat(15_000));
        let found = marked(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].inner.clone()], "fin");
    }

    proptest::proptest! {
        /// The opening marks found by their first bytes are exactly those a walk over the
        /// characters finds, whatever else shares those bytes (« and NBSP, “ and –, 「 and 。).
        #[test]
        fn openers_are_found_wherever_they_are(text in "[a \u{a0}«»“”„–「」『』。\"é难]{0,40}") {
            let want: Vec<(usize, char)> = text
                .char_indices()
                .filter(|&(_, c)| PAIRS.iter().any(|&(o, _)| o == c))
                .collect();
            let mut got = Vec::new();
            let mut openers = Openers::new(&text);
            let mut from = 0;
            while let Some((at, c)) = openers.find(from) {
                got.push((at, c));
                from = at + 1;
            }
            proptest::prop_assert_eq!(got, want);
        }
    }
    use crate::corpus::Origin;

    fn doc(t: &str) -> Document {
        Document::from_text("t".into(), Origin::Stdin, t.into(), None)
    }

    #[test]
    fn a_large_document_gives_the_same_quotes_on_several_threads() {
        let text: String = (0..3 * PARALLEL_MIN_PARAGRAPHS)
            .map(|i| match i % 3 {
                0 => {
                    format!("« Nous partirons le {i} au matin, c'est décidé », a dit Marie {i}.\n")
                }
                1 => format!("Paragraphe ordinaire numéro {i}, sans citation.\n"),
                _ => format!("\"We will not stay here {i} days,\" said John Smith.\n"),
            })
            .collect();
        let d = doc(&text);
        let one = read_paragraphs(&d, 0..d.paragraphs.len());
        let many = read_all(&d);
        assert_eq!(extract(&d).len(), 2 * PARALLEL_MIN_PARAGRAPHS);
        assert_eq!(many.0.concat(), one.0);
        assert_eq!(many.1.concat(), one.1);
    }

    fn quotes(t: &str) -> Vec<(String, Option<String>)> {
        let d = doc(t);
        extract(&d)
            .into_iter()
            .map(|q| (d.slice(&q.range()).to_string(), q.speaker))
            .collect()
    }

    #[test]
    fn marks_of_many_languages() {
        let got = quotes(
            "Il a dit « nous partirons demain matin », a déclaré Marie Curie.\n\
             She wrote “we will leave tomorrow morning,” said John Smith.\n\
             Er sagte „wir gehen morgen früh los“, so Angela Weber.\n\
             彼は「明日の朝に出発します」と言った。\n\
             『本当に明日出発するのですか』",
        );
        assert_eq!(
            got,
            [
                (
                    "nous partirons demain matin".into(),
                    Some("Marie Curie".into())
                ),
                (
                    "we will leave tomorrow morning".into(),
                    Some("John Smith".into())
                ),
                (
                    "wir gehen morgen früh los".into(),
                    Some("Angela Weber".into())
                ),
                // 彼 ("he") is the person named last, and the next quote continues.
                ("明日の朝に出発します".into(), Some("Angela Weber".into())),
                (
                    "本当に明日出発するのですか".into(),
                    Some("Angela Weber".into())
                ),
            ]
        );
    }

    #[test]
    fn an_apposition_after_the_speaker_is_the_role() {
        let roles = |t: &str| -> Vec<(Option<String>, Option<String>)> {
            extract(&doc(t))
                .into_iter()
                .map(|q| (q.speaker, q.role))
                .collect()
        };
        assert_eq!(
            roles("\"We will not fly,\" said Jane Porter, union president."),
            [(Some("Jane Porter".into()), Some("union president".into()))]
        );
        assert_eq!(
            roles("\"We will not fly,\" said Jane Porter, who leads the union."),
            [(Some("Jane Porter".into()), None)]
        );
    }

    #[test]
    fn speaker_before_the_quote() {
        assert_eq!(
            quotes("Selon Jean Dupont, « le marché va encore monter cette année ».")[0].1,
            Some("Jean Dupont".into())
        );
        assert_eq!(
            quotes("Menurut Joko Widodo, \"ekonomi akan tumbuh\".")[0].1,
            Some("Joko Widodo".into())
        );
        // A pronoun is not a name.
        assert_eq!(
            quotes("Selon elle, « la plateforme est vraiment super marrante ».")[0].1,
            None
        );
    }

    #[test]
    fn a_body_speaks_when_no_person_is_named() {
        let speaker = |t: &str| quotes(t).first().and_then(|q| q.1.clone());
        assert_eq!(
            speaker(
                "Por su parte, la Secretaría de Movilidad del estado difundió un comunicado en el que aseguró:\n\n\
                 “La nueva ley no desaparece ninguna concesión ni afecta los derechos de nadie.”"
            ),
            Some("Secretaría de Movilidad".into())
        );
        assert_eq!(
            speaker("The Health Ministry said: \"cases fell for a third week in a row.\""),
            Some("Health Ministry".into())
        );
        assert_eq!(
            speaker("警方表示：“目前没有发现其他受害者，调查仍在进行中。”"),
            Some("警方".into())
        );
    }

    #[test]
    fn a_chinese_introduction_ending_in_a_colon_names_the_block_quote() {
        let d = doc("北台科技大學資訊管理系教授鄭文彬則在臉書寫道：\n\n\
             「小紅書沒有國際版，所有用戶資料都放在同一套系統裡。」\n");
        let q = extract(&d);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker.as_deref(), Some("鄭文彬"));
    }

    #[test]
    fn japanese_particles_around_a_quote_are_read_as_japanese() {
        let q = quotes(
            "研究チームの北村智子准教授は「地球の生命の材料が宇宙から運ばれてきた」と述べた。\
             同氏は「試料は一度も地球の大気に触れておらず、汚染の心配がほとんどない」と説明した。\
             事務局は「日本の法律が適用される場合がある」としている。",
        );
        let speakers: Vec<_> = q.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("北村智子"), Some("北村智子"), Some("事務局")]
        );
    }

    #[test]
    fn scare_quotes_are_not_speech() {
        assert!(quotes("La « sécurité nationale » est invoquée par le gouvernement.").is_empty());
        assert!(quotes("istilah “pengungsi TikTok” mulai viral di Xiaohongshu.").is_empty());
        // Even short, an attributed quote counts.
        assert_eq!(quotes("« Non », a dit Paul Martin.").len(), 1);
    }

    #[test]
    fn block_quote_with_dash_line() {
        let d = doc("Jen Hamilton, une infirmière influente, ironise :\n\n\
             Oh, vous ne voulez pas que les Chinois aient nos données ? Eh bien !\n\n\
             – Jen Hamilton, influenceuse\n");
        let q = extract(&d);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker.as_deref(), Some("Jen Hamilton"));
        assert_eq!(q[0].role.as_deref(), Some("influenceuse"));
        assert_eq!(q[0].form, QuoteForm::Block);
        assert!(d.slice(&q[0].range()).starts_with("Oh, vous"));
    }

    #[test]
    fn a_long_body_name_is_not_split_into_a_title_and_a_name() {
        assert_eq!(
            split_role("Sociedad Española de Medicina del Sueño Infantil"),
            (
                "Sociedad Española de Medicina del Sueño Infantil".into(),
                None
            )
        );
        assert_eq!(
            split_role("Juru Bicara Kementerian Luar Negeri China Guo Jiakun").0,
            "Guo Jiakun"
        );
    }

    #[test]
    fn reported_speech_and_the_sentence_before_name_the_speaker() {
        let got = quotes(
            "Le prévisionniste Romain Delorme rappelle que les orages sont difficiles à prévoir.\n\n\
             Il note que la grêle a augmenté depuis 2010. « Ce n'est plus exceptionnel, c'est un \
             risque estival comme un autre. »\n\n\
             Contactée, la dirigeante Anaïs Roche a précisé que l'entreprise disposait encore de \
             « dix-huit mois de trésorerie ».",
        );
        assert_eq!(got[0].1.as_deref(), Some("Romain Delorme"));
        assert_eq!(
            got[1],
            (
                "dix-huit mois de trésorerie".into(),
                Some("Anaïs Roche".into())
            )
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "«",
            "»«",
            "\"",
            "「",
            "– ,",
            "— ",
            "« »",
            "\u{202e}« x »",
            "a \"b",
            ":\n\nx y z w\n\n–",
        ] {
            let _ = quotes(t);
        }
    }

    #[test]
    fn rtl_and_emoji_inside_quotes() {
        let got = quotes("قال \"هذا نص طويل جدا هنا\" 👩‍👩‍👧 ok.");
        assert_eq!(got, [("هذا نص طويل جدا هنا".into(), None)]);
    }
}
