//! A cheap test that a paragraph cannot hold a hit for a query, so a one-shot search can skip
//! analysing it (sentences, quotes, figures) altogether.
//!
//! Every positive term of a query matches only units that contain its characters in order,
//! and a term that must match as one run (exact, prefix, suffix, whole) only units that
//! contain it as one run. Titles, sentences and quotes are slices of one paragraph, so a
//! paragraph that does not contain every term so holds none of those hits. The test compares
//! characters more coarsely than any matcher does (case and accents always ignored;
//! characters with case outside ASCII match anything; whitespace skipped) so it never
//! rejects a paragraph that holds a hit: it may only let through some that do not.
//!
//! Figures need allowances. A figure's unit text is its surface form, then its counted noun
//! (found later in the paragraph) or a label that is not always in the paragraph, such as
//! `(USD)` or `(2025-01-15)`. The end of a term that such a label could supply is not
//! looked for, and a run may be cut where the surface ends and the noun starts.

mod absent;
mod runs;

pub use absent::Absent;
use runs::Runs;

use crate::extract::figures::{self, label};
use crate::search::fold::fold_char;
use crate::search::query::{Query, Term, TermKind};

/// One character class, for comparing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// An ASCII character, lower-cased.
    Ascii(u8),
    /// A character without case (CJK, Arabic, emoji...): it matches only itself.
    Caseless(char),
    /// Anything else: may equal any character under some matcher's case folding.
    Any,
}

impl Class {
    /// The class of a character, from its lower-case form, or `None` for whitespace and for
    /// what folding drops.
    ///
    /// Taking the lower-case form, and ignoring whitespace, makes a paragraph pass exactly
    /// when its repeat key does (see [`Prefilter::passes`]). No matcher matches whitespace
    /// against anything else, and a test checks every character: those a matcher may match
    /// with each other never get two different classes but [`Class::Any`].
    fn of(c: char) -> Option<Self> {
        if c.is_whitespace() {
            return None;
        }
        // Only U+0130 (İ) lower-cases to more than one character: "i" and a combining dot,
        // which folding drops.
        let f = fold_char(c.to_lowercase().next().unwrap_or(c))?;
        Some(if f.is_ascii() {
            // `fold_char` keeps ASCII as is, so the cast is lossless.
            #[allow(clippy::cast_possible_truncation)]
            Self::Ascii((f as u8).to_ascii_lowercase())
        } else if is_caseless(f) {
            Self::Caseless(f)
        } else {
            Self::Any
        })
    }

    /// Whether this needle character may match a character of a counted noun that the
    /// figure scanner took from before its number ([`label::noun_may_precede`]).
    fn may_precede_as_noun(self) -> bool {
        match self {
            Self::Ascii(b) => label::noun_may_precede(char::from(b)),
            Self::Caseless(c) => label::noun_may_precede(c),
            Self::Any => true,
        }
    }

    /// Whether a needle character of class `self` may match a text character of class `t`.
    fn accepts(self, t: Self) -> bool {
        self == t || self == Self::Any || t == Self::Any
    }
}

/// A character with no case at all, which any matcher's case folding leaves alone: it only
/// ever matches itself. The common caseless scripts (CJK, kana, hangul, Arabic, Hebrew, Thai)
/// are told by their range; the rest (emoji, joiners, symbols) by their case mappings.
fn is_caseless(c: char) -> bool {
    if is_caseless_block(c) {
        return true;
    }
    is_just(c.to_lowercase(), c) && is_just(c.to_uppercase(), c)
}

/// Blocks of caseless characters only, told without the case tables: CJK, kana, hangul,
/// Hebrew, Arabic, Thai, the joiners and marks of general punctuation, and emoji (a test
/// checks every character).
fn is_caseless_block(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{0E00}'..='\u{0E7F}' | '\u{2000}'..='\u{206F}'
        | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}' | '\u{1F300}'..='\u{1FAFF}')
}

fn is_just(mut chars: impl Iterator<Item = char>, c: char) -> bool {
    chars.next() == Some(c) && chars.next().is_none()
}

/// The paragraph test of one query.
#[derive(Debug, Clone)]
pub struct Prefilter {
    terms: Vec<Needle>,
    /// Figure units are searched too.
    figures: bool,
}

/// A term's characters as the tests compare them, with its automata when it must match as
/// one run.
#[derive(Debug, Clone)]
struct Shape {
    /// The term's classes (whitespace has none).
    all: Vec<Class>,
    /// For a term that must match as one run (exact, prefix, suffix, whole), its automata;
    /// `None` for a fuzzy term, and for a term too long for them, which is then only
    /// looked for in order.
    runs: Option<Runs>,
}

impl Shape {
    fn of(t: &Term) -> Self {
        let all: Vec<Class> = t.folded.chars().filter_map(Class::of).collect();
        let runs = (t.kind != TermKind::Fuzzy)
            .then(|| Runs::new(&all))
            .flatten();
        Self { all, runs }
    }

    /// False only when `text` cannot hold the term: its characters are not in order, or,
    /// for a term that must match as one run, not as one run.
    fn may_occur(&self, text: &str) -> bool {
        contains_in_order(text, &self.all)
            && self
                .runs
                .as_ref()
                .is_none_or(|r| r.find(text, false).is_ok())
    }
}

/// What one positive term demands of a paragraph.
#[derive(Debug, Clone)]
struct Needle {
    shape: Shape,
    /// With figures, how many first characters a figure unit needs from the paragraph: a
    /// money label (` (USD)`) may supply the rest.
    keep: usize,
    /// Shorter demands that hold instead when the paragraph has a given character: the
    /// label of a currency read only from text with that character may supply more.
    or_with: Vec<(char, usize)>,
    /// The shorter demand that holds instead when the paragraph may hold a date, whose
    /// label (` (2025-01-15)`) may supply more. Dates are only read from digits or with 月.
    with_date: usize,
    /// With figures, a Chinese count's noun may stand before its number (用户超过3亿 gives
    /// "3亿 用户"): the term may then be found as two runs in order, the
    /// second made of this many last characters at most.
    han_tail: usize,
}

impl Needle {
    /// Whether a figure unit of `paragraph` may hold the term when its first `found`
    /// characters occur in the paragraph in order: a label may supply the rest. It then
    /// holds for any larger `found` too. The paragraph is only looked at when needed.
    fn label_may_end(&self, found: usize, paragraph: &str) -> bool {
        found >= self.keep
            || self
                .or_with
                .iter()
                .any(|&(cue, n)| found >= n && paragraph.contains(cue))
            || (found >= self.with_date && may_hold_date(paragraph))
    }
}

/// Whether `paragraph` has what every date is read from: a digit, or 月.
fn may_hold_date(paragraph: &str) -> bool {
    let bytes = paragraph.as_bytes();
    // Thirty-two bytes at a time, without stopping early inside a block, so that the
    // compiler can compare a whole block at once.
    let ascii_digit = bytes
        .chunks(32)
        .any(|block| block.iter().fold(false, |any, b| any | b.is_ascii_digit()));
    // Full-width digits (U+FF10..U+FF19) and 月 (U+6708) by their UTF-8 bytes.
    ascii_digit
        || memchr::memchr_iter(0xEF, bytes).any(|i| {
            bytes.get(i + 1) == Some(&0xBC)
                && bytes.get(i + 2).is_some_and(|b| (0x90..=0x99).contains(b))
        })
        || memchr::memmem::find(bytes, "月".as_bytes()).is_some()
}

impl Prefilter {
    /// The test for `query`, or `None` when every paragraph may hold a hit (an empty query,
    /// or only excluded terms). With `figures`, figure units are searched too.
    #[must_use]
    pub fn new(query: &Query, figures: bool) -> Option<Self> {
        let mut terms = Vec::new();
        for t in query.terms.iter().filter(|t| !t.negated) {
            let shape = Shape::of(t);
            let all = &shape.all;
            let n = all.len();
            let (mut keep, mut or_with, mut with_date) = (n, Vec::new(), n);
            if figures {
                keep -= money_suffix(all, None);
                with_date = keep.min(n - date_suffix(all));
                for &(code, cue) in &figures::CURRENCIES {
                    if let Some(cue) = cue {
                        let with = n - money_suffix(all, Some(code));
                        if with < keep {
                            or_with.push((cue, with));
                        }
                    }
                }
            }
            if keep == 0 {
                // Every paragraph may hold a hit for this term.
                continue;
            }
            // A figure's text puts its noun after its number, and a space between them, even
            // where the paragraph has the noun first (用户超过3亿 gives "3亿 用户").
            let han_tail = if figures {
                all.iter()
                    .rev()
                    .take_while(|c| c.may_precede_as_noun())
                    .count()
            } else {
                0
            };
            terms.push(Needle {
                shape,
                keep,
                or_with,
                with_date,
                han_tail,
            });
        }
        (!terms.is_empty()).then_some(Self { terms, figures })
    }

    /// The test of one unit's own text (a sentence, a quote, or a figure with its label):
    /// every positive term's characters in order, none left out, and in one run for a term
    /// that must match as one. `None` when every unit may match.
    #[must_use]
    pub fn for_units(query: &Query) -> Option<Self> {
        Self::new(query, false)
    }

    /// False only when `paragraph` cannot hold a unit the query matches.
    ///
    /// A unit matches when it matches every term. Sentences, quotes and titles are slices of
    /// one paragraph, so each term must occur in it: in order, and for a term that must
    /// match as one run, as one run. A figure's text is its surface, a slice of the
    /// paragraph, then a label or its counted noun, another slice that starts a word. So a
    /// term that must match as one run may also be cut in two: a head that ends where a
    /// token may end (the surface's end) and a tail that starts a word (the noun) or that a
    /// label may supply.
    ///
    /// Paragraphs that differ only in case and spacing, as a repeat differs from the
    /// paragraph it repeats, get the same answer: characters are classed by their lower-case
    /// form, whitespace is ignored, the currency cues and what dates are read from have no
    /// case, and lower-casing moves no token's edges.
    #[must_use]
    pub fn passes(&self, paragraph: &str) -> bool {
        // Whether units made of slices of the paragraph, and figure units, may match.
        let (mut slices, mut figures) = (true, self.figures);
        for t in &self.terms {
            let Shape { all, runs } = &t.shape;
            let found = matched_prefix(paragraph, all);
            let in_order = found == all.len();
            let figure_in_order = figures
                && (in_order
                    || t.label_may_end(found, paragraph)
                    || (t.han_tail > 0 && in_two_runs(paragraph, all, found, t.han_tail)));
            match runs {
                Some(runs) if in_order || figure_in_order => {
                    match runs.find(paragraph, figure_in_order) {
                        // As one run, the term may be in any unit.
                        Ok(()) => figures = figure_in_order,
                        Err(heads) => {
                            slices = false;
                            figures = figure_in_order && cut_in_two(t, runs, heads, paragraph);
                        }
                    }
                }
                _ => {
                    slices &= in_order;
                    figures = figure_in_order;
                }
            }
            if !slices && !figures {
                return false;
            }
        }
        true
    }
}

/// Whether term `t`, which must match as one run, may be cut into a head that ends where a
/// token may end (`heads`, from [`Runs::find`]) and a tail that starts a word or that a
/// label may supply.
fn cut_in_two(t: &Needle, runs: &Runs, heads: u64, paragraph: &str) -> bool {
    // Where a head of `k` characters may be cut off, bit `k`.
    let cuts = (1..runs.len())
        .filter(|&k| heads & (1 << (k - 1)) != 0)
        .fold(0u64, |cuts, k| cuts | 1 << k);
    // A label may supply all of the term, or what follows a head. What follows a longer
    // head is shorter, so asking about the longest head is enough.
    let longest = cuts.checked_ilog2().map_or(0, |k| k as usize);
    t.label_may_end(0, paragraph)
        || (cuts != 0 && t.label_may_end(longest, paragraph))
        || (cuts != 0 && runs.tail_from(paragraph, cuts))
}

/// Whether `needle` splits into a head and a tail of at most `tail` characters that each
/// occur in `text` in order, the tail anywhere (before the head, too), given that its first
/// `head` characters, and no more, occur in order.
fn in_two_runs(text: &str, needle: &[Class], head: usize, tail: usize) -> bool {
    // The longest head found leaves the shortest tail to find. With no head at all the tail
    // is the whole needle, which is not in order.
    head == needle.len()
        || (head > 0 && needle.len() - head <= tail && contains_in_order(text, &needle[head..]))
}

/// Whether the characters of `needle` occur in `text` in order, gaps allowed.
fn contains_in_order(text: &str, needle: &[Class]) -> bool {
    matched_prefix(text, needle) == needle.len()
}

/// How many first characters of `needle` occur in `text` in order.
///
/// This reads every byte of every paragraph, so it skips, without decoding, every byte that
/// cannot start a character the one wanted may match (see [`next_candidate`]).
fn matched_prefix(text: &str, needle: &[Class]) -> usize {
    let Some(mut want) = needle.first().copied() else {
        return 0;
    };
    let mut found = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match next_candidate(&bytes[i..], want) {
            Some(k) => i += k,
            None => break,
        }
        let (class, len) = class_at(text, i);
        i += len;
        let Some(class) = class else { continue };
        if want.accepts(class) {
            found += 1;
            match needle.get(found) {
                Some(&next) => want = next,
                None => return found,
            }
        }
    }
    found
}

/// Where in `bytes` (a char boundary, in a `&str`) the first character starts that a needle
/// character of class `want` may match, or at least one that must be decoded to tell; every
/// byte before it is skipped without decoding. For an ASCII character, that skips other ASCII
/// and the characters of blocks that hold only caseless ones (Han, kana, hangul, Arabic...);
/// for a caseless one, all but its own lead byte and those of [`Class::Any`]. The answer is
/// always a char boundary: only lead bytes stop the scan outside ASCII.
fn next_candidate(bytes: &[u8], want: Class) -> Option<usize> {
    match want {
        Class::Ascii(w) => {
            let up = w.to_ascii_uppercase();
            let may_be_ascii = leads_of(LeadsOf::AsciiOrAny);
            bytes
                .iter()
                .position(|&b| b == w || b == up || may_be_ascii[usize::from(b)])
        }
        // Only the character itself, or one of class `Any`, may match: neither is ASCII. A
        // simplified Han character also matches its traditional forms, which may start with
        // any lead byte of the Han blocks.
        Class::Caseless(c) => {
            let lead = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            let may_be_any = leads_of(LeadsOf::Any);
            if crate::corpus::han::has_variants(c) {
                outside_ascii(bytes, |b| {
                    b == lead || HAN_LEADS.contains(&b) || may_be_any[usize::from(b)]
                })
            } else {
                outside_ascii(bytes, |b| b == lead || may_be_any[usize::from(b)])
            }
        }
        Class::Any => (!bytes.is_empty()).then_some(0),
    }
}

/// Lead bytes of the Han blocks that fold to simplified forms (U+3400..U+9FFF).
const HAN_LEADS: std::ops::RangeInclusive<u8> = 0xE3..=0xE9;

/// The first byte of `bytes` that `stop` holds for, when it holds for no ASCII byte. Runs of
/// ASCII are passed over eight bytes at a time: a caseless term (Han, Arabic...) is looked for
/// mostly through Latin text.
fn outside_ascii(bytes: &[u8], stop: impl Fn(u8) -> bool) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut blocks = bytes.chunks_exact(8);
    let mut at = 0;
    for block in &mut blocks {
        let mut word = [0u8; 8];
        word.copy_from_slice(block);
        if u64::from_le_bytes(word) & HIGH_BITS != 0
            && let Some(k) = block.iter().position(|&b| stop(b))
        {
            return Some(at + k);
        }
        at += 8;
    }
    blocks
        .remainder()
        .iter()
        .position(|&b| stop(b))
        .map(|k| at + k)
}

/// The lead bytes [`leads_of`] gives.
#[derive(Debug, Clone, Copy)]
enum LeadsOf {
    /// Characters whose class is ASCII or [`Class::Any`].
    AsciiOrAny,
    /// Characters whose class is [`Class::Any`].
    Any,
}

/// For each byte, whether it starts a character outside ASCII of the classes `which` names:
/// decided once from every character of one to three bytes; every lead byte of a four-byte
/// character (emoji, rare scripts) is taken to.
fn leads_of(which: LeadsOf) -> &'static [bool; 256] {
    fn table(which: LeadsOf) -> [bool; 256] {
        let mut t = [false; 256];
        // Bytes that never start a character in UTF-8 stop the scan too; they cannot occur
        // in a `&str`, so this only keeps the table simple.
        for b in (0xC0..=0xC1).chain(0xF0..=0xFF) {
            t[b] = true;
        }
        let mut buf = [0u8; 4];
        for c in '\u{80}'..='\u{FFFF}' {
            let taken = match (Class::of(c), which) {
                (Some(Class::Any), _) | (Some(Class::Ascii(_)), LeadsOf::AsciiOrAny) => true,
                (None | Some(Class::Caseless(_) | Class::Ascii(_)), _) => false,
            };
            if taken {
                t[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])] = true;
            }
        }
        t
    }
    static ASCII_OR_ANY: std::sync::LazyLock<[bool; 256]> =
        std::sync::LazyLock::new(|| table(LeadsOf::AsciiOrAny));
    static ANY: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| table(LeadsOf::Any));
    match which {
        LeadsOf::AsciiOrAny => &ASCII_OR_ANY,
        LeadsOf::Any => &ANY,
    }
}

/// The class of the character at byte `i` of `text` (`None` for one folding drops) and its
/// length in bytes.
#[inline(always)]
fn class_at(text: &str, i: usize) -> (Option<Class>, usize) {
    let bytes = text.as_bytes();
    let b0 = bytes[i];
    match b0 {
        b'\t'..=b'\r' | b' ' => (None, 1),
        0..=0x7F => (Some(Class::Ascii(b0.to_ascii_lowercase())), 1),
        // Two bytes: U+0080..U+07FF, from a table.
        0xC2..=0xDF => {
            let b1 = bytes.get(i + 1).copied().unwrap_or(0);
            let c = (usize::from(b0 & 0x1F) << 6) | usize::from(b1 & 0x3F);
            (two_byte_classes()[c], 2)
        }
        // U+4000..U+9FFF: Han (and Yijing symbols), caseless (a test checks every one) and
        // folded only from traditional to simplified, so the case lookups of `Class::of` are
        // skipped.
        0xE4..=0xE9 => {
            let c = text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            (Some(Class::Caseless(crate::corpus::han::simplified(c))), 3)
        }
        _ => {
            let c = text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            (Class::of(c), c.len_utf8())
        }
    }
}

/// [`Class::of`] for every character below U+0800, computed once.
fn two_byte_classes() -> &'static [Option<Class>] {
    static TABLE: std::sync::LazyLock<Vec<Option<Class>>> = std::sync::LazyLock::new(|| {
        (0..0x800u32)
            .map(|c| char::from_u32(c).and_then(Class::of))
            .collect()
    });
    &TABLE
}

/// How many characters at the end of `needle` a money label could supply: the longest suffix
/// that occurs in order in the label (` (USD)`) of some currency read from any text, or of
/// `also` when given.
fn money_suffix(needle: &[Class], also: Option<&str>) -> usize {
    figures::CURRENCIES
        .iter()
        .filter(|&&(code, cue)| cue.is_none() || also == Some(code))
        .map(|&(code, _)| {
            let label: Vec<Class> = format!("{}{}", label::SEPARATOR, label::money(code))
                .chars()
                .filter_map(Class::of)
                .collect();
            longest_suffix_in(needle, |suffix| in_order(suffix, &label))
        })
        .max()
        .unwrap_or(0)
}

/// How many characters at the end of `needle` a date label (` (2025-01-15)`) could supply.
fn date_suffix(needle: &[Class]) -> usize {
    longest_suffix_in(needle, in_date_label)
}

/// The longest suffix of `needle` for which `fits` holds (`fits` holds for shorter suffixes
/// whenever it holds for a longer one).
fn longest_suffix_in(needle: &[Class], fits: impl Fn(&[Class]) -> bool) -> usize {
    (0..=needle.len())
        .rev()
        .find(|&k| fits(&needle[needle.len() - k..]))
        .unwrap_or(0)
}

/// Whether `needle` occurs in order in `label`.
fn in_order(needle: &[Class], label: &[Class]) -> bool {
    let mut rest = label.iter();
    needle.iter().all(|&n| rest.any(|&l| n.accepts(l)))
}

/// Whether `needle` occurs in order in some date label (` (2025-01-15)`): in the parts of
/// [`label::DATE_SHAPE`], in order, each taken once or, for a part of many, any number of times.
fn in_date_label(needle: &[Class]) -> bool {
    let shape = &label::DATE_SHAPE;
    // Whitespace has no class: only a character that may be anything may stand for it.
    let accepts = |l: char, c: Class| Class::of(l).map_or(c == Class::Any, |l| l.accepts(c));
    let takes = |part: label::Part, c: Class| match part {
        label::Part::One(l) => accepts(l, c),
        label::Part::Many(set) => set.chars().any(|l| accepts(l, c)),
    };
    // A needle character may use the earliest part at or after the current one that takes
    // it; a part of many may take more.
    let mut at = 0;
    for &c in needle {
        match (at..shape.len()).find(|&k| takes(shape[k], c)) {
            Some(k) => {
                at = if matches!(shape[k], label::Part::Many(_)) {
                    k
                } else {
                    k + 1
                }
            }
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pf(q: &str, figures: bool) -> Option<Prefilter> {
        Prefilter::new(&Query::parse(q).expect("query"), figures)
    }

    #[test]
    fn a_paragraph_without_the_letters_in_order_is_rejected() {
        let p = pf("tiktok", false).expect("filter");
        assert!(p.passes("Les utilisateurs de TikTok partent."));
        assert!(p.passes("t i k t o k"));
        assert!(!p.passes("Les utilisateurs partent vers Xiaohongshu."));
        assert!(!p.passes("kottik"));
    }

    #[test]
    fn accents_and_case_never_reject() {
        assert!(
            pf("refugies", false)
                .expect("f")
                .passes("Des « réfugiés » TikTok")
        );
        assert!(pf("réfugiés", false).expect("f").passes("REFUGIES"));
        assert!(pf("Jen", false).expect("f").passes("jen hamilton"));
    }

    #[test]
    fn cjk_compares_exactly_and_other_scripts_loosely() {
        let p = pf("难民", false).expect("f");
        assert!(p.passes("所谓的难民"));
        assert!(!p.passes("所谓的民难"));
        // Greek has case, so it may match anything; an emoji only itself.
        assert!(!pf("😀", false).expect("f").passes("😁 x"));
        assert!(pf("σ", false).expect("f").passes("ς"));
        // So in a run too, on either side (the text's "ο" is Greek).
        assert!(pf("'σ", false).expect("f").passes("ς"));
        assert!(pf("'tiktok", false).expect("f").passes("tiktοk"));
        assert!(!pf("'tiktok", false).expect("f").passes("tiktk"));
        assert!(pf("k", false).expect("f").passes("\u{212A}"));
    }

    #[test]
    fn every_positive_term_must_be_there_and_excluded_ones_do_not_matter() {
        let p = pf("tiktok !rednote 'chine ^les", false).expect("f");
        assert!(p.passes("les gens en Chine quittent TikTok pour RedNote"));
        assert!(!p.passes("TikTok"));
        assert!(pf("!tiktok", false).is_none());
        assert!(pf("", false).is_none());
    }

    #[test]
    fn the_end_a_figure_label_can_supply_is_not_required() {
        // "(USD)" can supply "usd"; "(2025-01-15)" can supply "-01".
        let p = pf("dollarsusd", true).expect("f");
        assert!(p.passes("10 dollars"));
        assert!(!pf("dollarsusd", false).expect("f").passes("10 dollars"));
        assert!(pf("janvier-01", true).expect("f").passes("15 janvier"));
        // A term a money label could supply whole puts no demand on the paragraph; one a
        // date label could supply, only that the paragraph may hold a date.
        assert!(pf("usd", true).is_none());
        let p = pf("2025", true).expect("f");
        assert!(p.passes("le 15 janvier"));
        assert!(p.passes("1月"));
        assert!(p.passes("\u{ff11}"));
        assert!(!p.passes("le quinze janvier"));
        assert!(!pf("2025", false).expect("f").passes("le 15 janvier"));
        // A Chinese count's noun may come before its number, and its text has a space the
        // paragraph lacks.
        assert!(pf("亿用户", true).expect("f").passes("用户超过3亿"));
        assert!(!pf("亿用户", false).expect("f").passes("用户超过3亿"));
        assert!(pf("亿\\ 用户", true).expect("f").passes("3亿用户"));
        assert!(!pf("超户用", true).expect("f").passes("用户超过3亿"));
        // No label holds a "k" but "(HKD)", given only for text with "港".
        let p = pf("tiktok", true).expect("f");
        assert!(!p.passes("tikto"));
        assert!(p.passes("tiktok"));
        assert!(p.passes("tikto 港"));
        assert!(!p.passes("tikt 港"));
    }

    #[test]
    fn a_term_that_must_match_as_one_run_must_be_one_in_the_paragraph() {
        for q in ["'chine", "^chine", "chine$", "^chine$"] {
            let p = pf(q, false).expect("f");
            assert!(p.passes("La Chine"), "{q}");
            assert!(p.passes("une machine"), "{q}");
            assert!(p.passes("CHI\u{301}NE"), "{q}");
            assert!(p.passes("ch ine"), "{q}: spaces are not compared");
            assert!(!p.passes("chinoise"), "{q}");
            assert!(!p.passes("ch-ine"), "{q}");
        }
        // Every other term still only needs its characters in order.
        let p = pf("'chine tk", false).expect("f");
        assert!(p.passes("Chine et TikTok"));
        assert!(!p.passes("Chine"));
        assert!(!p.passes("TikTok chinoise"));
    }

    #[test]
    fn a_figure_may_join_a_run_from_its_surface_and_its_noun_or_label() {
        // "170 millions d'utilisateurs" gives "170 millions utilisateurs".
        let p = pf("'millions\\ util", true).expect("f");
        assert!(p.passes("170 millions d'utilisateurs"));
        assert!(
            !pf("'millions\\ util", false)
                .expect("f")
                .passes("170 millions d'utilisateurs")
        );
        // The head must end where a token may, the tail must start a word.
        assert!(!p.passes("170 millionsx d'utilisateurs"));
        assert!(!p.passes("170 millions d'xutilisateurs"));
        // Chinese: every Han character is a token.
        let p = pf("'亿用户", true).expect("f");
        assert!(p.passes("用户超过3亿"));
        assert!(!p.passes("用户"));
        // A label may supply the tail: "15 janvier (2025-01-15)", "12 dollars (USD)".
        assert!(
            pf("'janvier\\ (2025", true)
                .expect("f")
                .passes("15 janvier")
        );
        assert!(!pf("'janvier\\ (2025", true).expect("f").passes("janvier"));
        assert!(pf("'dollars\\ (us", true).expect("f").passes("12 dollars"));
        assert!(!pf("'dollars\\ (us", true).expect("f").passes("12 dollarsx"));
        // Or all of it.
        assert!(pf("'(2025-01", true).expect("f").passes("15 janvier"));
        assert!(!pf("'(2025-01", true).expect("f").passes("janvier"));
    }

    #[test]
    fn ascii_han_and_two_byte_characters_have_their_own_class() {
        for c in ('\0'..='\u{7FF}').chain('\u{4000}'..='\u{9FFF}') {
            let s = format!("{c}x");
            assert_eq!(
                class_at(&s, 0),
                (Class::of(c), c.len_utf8()),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn the_bytes_skipped_for_an_ascii_character_never_start_one_that_may_match_it() {
        let t = leads_of(LeadsOf::AsciiOrAny);
        // Han, kana, hangul and Arabic are skipped; Latin-1, Greek and Cyrillic are not.
        for c in ['难', 'の', '한', 'ي'] {
            assert!(!t[usize::from(c.to_string().as_bytes()[0])], "{c}");
        }
        for c in ['é', 'Ω', 'Ж', '’', 'Ａ', '😀'] {
            assert!(t[usize::from(c.to_string().as_bytes()[0])], "{c}");
        }
        let p = pf("tk", false).expect("f");
        assert!(p.passes("难t民é难k"));
        assert!(p.passes("难t民Ж")); // Ж may match anything
        assert!(!p.passes("难t民难"));
        // For a caseless character, ASCII and Latin are skipped, but not Greek or Cyrillic.
        let t = leads_of(LeadsOf::Any);
        for c in ['a', '难', 'ي'] {
            assert!(!t[usize::from(c.to_string().as_bytes()[0])], "{c}");
        }
        for c in ['Ω', 'Ж', '😀'] {
            assert!(t[usize::from(c.to_string().as_bytes()[0])], "{c}");
        }
        let p = pf("难民", false).expect("f");
        assert!(p.passes("abc 难 é 民"));
        assert!(p.passes("难 Ж"));
        assert!(!p.passes("民 难 é"));
        assert!(!p.passes("难 é 氏"));
    }

    #[test]
    fn the_caseless_blocks_have_no_case() {
        for c in (0..=0x10_FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_caseless_block(c))
        {
            assert!(
                is_just(c.to_lowercase(), c) && is_just(c.to_uppercase(), c),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn a_character_has_the_class_of_its_lower_case_form() {
        // Lower-casing a paragraph, as its repeat key does, leaves its classes as they were.
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let lower: Vec<Class> = c.to_lowercase().filter_map(Class::of).collect();
            assert_eq!(
                lower,
                Vec::from_iter(Class::of(c)),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn characters_a_matcher_may_match_with_each_other_never_have_two_classes() {
        use std::collections::HashMap;
        // What each matcher compares, given folded text: the character itself (case
        // respected), nucleo's simple case folding, and skim's ASCII case folding.
        let keys: [fn(char) -> char; 3] = [
            |f| f,
            |f| nucleo_matcher::chars::to_lower_case(f.to_ascii_lowercase()),
            |f| f.to_ascii_lowercase(),
        ];
        for (k, key) in keys.iter().enumerate() {
            // Per key: each class seen (None for whitespace) with an example.
            let mut seen: HashMap<char, Vec<(Option<Class>, char)>> = HashMap::new();
            for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
                let Some(f) = fold_char(c) else { continue };
                // Queries are folded before matching: folding again changes nothing.
                assert_eq!(fold_char(f), Some(f), "U+{:04X}", u32::from(c));
                let class = Class::of(c);
                let group = seen.entry(key(f)).or_default();
                if !group.iter().any(|&(g, _)| g == class) {
                    group.push((class, c));
                }
            }
            for group in seen.values() {
                // Whitespace is skipped, so nothing else may match it; other characters may
                // share a key only with `Any`.
                let classes: Vec<Option<Class>> = group.iter().map(|&(g, _)| g).collect();
                let ignored = classes.contains(&None) && classes.len() > 1;
                let distinct = classes.iter().filter(|&&g| g != Some(Class::Any)).count();
                assert!(!ignored && distinct <= 1, "key {k}: {group:?}");
            }
        }
    }

    #[test]
    fn a_unit_must_hold_every_term_whole() {
        let p = Prefilter::for_units(&Query::parse("tiktok usd").expect("q")).expect("f");
        assert!(p.passes("10 dollars (USD) TikTok"));
        assert!(!p.passes("10 dollars TikTok"));
        assert!(Prefilter::for_units(&Query::parse("!x").expect("q")).is_none());
    }

    #[test]
    fn label_suffixes() {
        let classes = |s: &str| s.chars().filter_map(Class::of).collect::<Vec<_>>();
        assert_eq!(money_suffix(&classes("abz"), None), 0);
        assert_eq!(money_suffix(&classes("abc"), None), 1);
        assert_eq!(money_suffix(&classes("xusd)"), None), 4);
        assert_eq!(date_suffix(&classes("xusd)")), 1);
        // Spaces have no class: all but the "x" is left.
        assert_eq!(date_suffix(&classes("x (2025-01-15)")), 12);
        assert_eq!(money_suffix(&classes("x (2025-01-15)"), None), 1);
        assert_eq!(date_suffix(&classes("x15)")), 3);
        assert_eq!(money_suffix(&classes("xhk"), None), 0);
        assert_eq!(money_suffix(&classes("xhk"), Some("HKD")), 2);
    }
}
