//! The scanner: walks the tokens once and recognises figures in the languages written with
//! spaces between words (French, Indonesian, English, Spanish, and digits in any language).
//! Chinese patterns live in `zh.rs` and share this context.
//!
//! This file holds the walk and the context every pattern reads ([`Cx`]); the patterns are
//! split by what starts them: `punct`, `words` and `digits`; `classify` decides what an amount
//! measures, and `dates` reads dates and times.

use std::borrow::Cow;

use super::lexicon::{Entry, Lex, lex};
use super::number::{Decimal, Part, Spelled, decimal_in, parse_digits};
use super::token::{Tk, Tok, tokenize};
use super::{Figure, Kind, Qualifier, Unit, Value};
use crate::corpus::Lang;

mod classify;
mod dates;
mod digits;
mod punct;
mod words;

pub use dates::{hhmm, iso, valid};

/// Text is scanned in pieces of about this many bytes, cut after a line break: no figure
/// spans a line break, and small pieces keep the token buffers in cache.
const CHUNK: usize = 32 * 1024;

/// The token buffers of [`Scanner::scan`], kept between texts: a document is scanned a
/// paragraph at a time, and most paragraphs are short.
#[derive(Debug, Default)]
pub struct Scanner {
    toks: Vec<Tok>,
    ents: Vec<Option<&'static Entry>>,
    /// How the whole text groups its digits, when it was read beforehand (a document
    /// scanned a paragraph at a time); else each scanned text decides for itself.
    dec: Option<Decimal>,
}

/// Scans `text` (which starts at byte `base` of the document) and appends its figures.
pub fn scan(text: &str, base: usize, lang: Lang, out: &mut Vec<Figure>) {
    Scanner::default().scan(text, base, lang, out);
}

impl Scanner {
    /// A scanner for the paragraphs of a text that groups its digits as `dec` says (see
    /// [`text_decimal`]).
    pub fn grouping(dec: Decimal) -> Self {
        Self {
            dec: Some(dec),
            ..Self::default()
        }
    }

    /// [`scan`], reusing this scanner's buffers.
    pub fn scan(&mut self, text: &str, base: usize, lang: Lang, out: &mut Vec<Figure>) {
        self.scan_pieces(text, base, lang, out, true);
    }

    /// [`Scanner::scan`]; with `skip_unanchored`, a piece of text without an [`anchor`] is
    /// not walked by the patterns (they would find nothing in it).
    pub(super) fn scan_pieces(
        &mut self,
        text: &str,
        base: usize,
        lang: Lang,
        out: &mut Vec<Figure>,
        skip_unanchored: bool,
    ) {
        let Self { toks, ents, dec } = self;
        let dec = dec.unwrap_or_else(|| text_decimal(text, lang));
        // Japanese writes its figures with the same characters and patterns as Chinese.
        let zh = lang.is_chinese() || lang == Lang::JA;
        let lx = lex(lang);
        let mut start = 0;
        while start < text.len() {
            let mut end = (start + CHUNK).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            if end < text.len() {
                // Cut after the next line break, or take the rest when there is none.
                end = text[end..].find('\n').map_or(text.len(), |n| end + n + 1);
            }
            let piece = &text[start..end];
            tokenize(piece, toks);
            // One lexicon lookup per word, shared by every pattern that asks about it.
            ents.clear();
            ents.extend(toks.iter().map(|t| {
                if t.kind == Tk::Word {
                    lx.lookup(&piece[t.s..t.e])
                } else {
                    None
                }
            }));
            // Many paragraphs hold no number at all, and telling so from the tokens and their
            // entries costs a fraction of walking the patterns over them.
            let de = lang == Lang::DE;
            if skip_unanchored
                && !toks.iter().zip(ents.iter()).any(|(t, e)| {
                    anchor(t, *e, zh) || de && t.kind == Tk::Word && german_anchor(&piece[t.s..t.e])
                })
            {
                start = end;
                continue;
            }
            let mut cx = Cx {
                text: piece,
                toks,
                ents,
                lex: lx,
                lang,
                zh,
                dec,
                base: base + start,
                out: &mut *out,
            };
            cx.run();
            start = end;
        }
    }
}

/// How `text`, read as `lang`, groups its digits.
pub fn text_decimal(text: &str, lang: Lang) -> Decimal {
    decimal_in(text, lex(lang).dec, matches!(lang, Lang::ES | Lang::EN))
}

/// Whether a figure can be read from token `t` (with lexicon entry `e`) on: every pattern
/// starts from a digit run, a spelled-out number, an ordinal word or, in Chinese, a Han
/// character (which may be a numeral), and everything else it reads (months, currencies,
/// units, qualifiers, introducers such as `pukul` or `version`) only counts next to one.
fn anchor(t: &Tok, e: Option<&Entry>, zh: bool) -> bool {
    match t.kind {
        Tk::Num => true,
        Tk::Han => zh,
        Tk::Word => e.is_some_and(anchor_word),
        Tk::Punct | Tk::Space => false,
    }
}

/// A German word that holds a number of its own: `zweieinhalb`, `anderthalb`,
/// `dreistündigen` (see `Cx::german_compound`).
fn german_anchor(raw: &str) -> bool {
    raw.len() >= 8
        && (raw.ends_with("einhalb")
            || raw.ends_with("anderthalb")
            || ["tägig", "stündig", "wöchig", "monatig"]
                .iter()
                .any(|s| raw.contains(s)))
}

/// A word with entry `e` is an [`anchor`]: a spelled-out number or an ordinal.
pub(super) fn anchor_word(e: &Entry) -> bool {
    !e.parts.is_empty() || e.ordinal > 0
}

/// A number read from the text, before deciding what it measures.
#[derive(Debug, Clone, Copy)]
pub struct Amount {
    pub v: f64,
    /// First and last token.
    pub s: usize,
    pub e: usize,
    /// Written in words.
    pub spelled: bool,
    /// A word for one with no scale (`un`, `satu`, `a`): an article more often than a figure.
    pub one: bool,
    /// A scale word or character was applied; the factor.
    pub scale: f64,
    /// Four plain digits that can be a year.
    pub year_like: bool,
}

/// A figure as a pattern reads it, over tokens `first..=last`: what [`Cx::push`] records.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: Kind,
    pub value: Value,
    /// For a range, its upper end.
    pub to: Option<Value>,
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub first: usize,
    pub last: usize,
}

impl Found {
    /// A figure of `kind` and `value` over tokens `first..=last`, with no range, unit or
    /// qualifier yet.
    pub const fn new(kind: Kind, value: Value, first: usize, last: usize) -> Self {
        Self {
            kind,
            value,
            to: None,
            unit: None,
            qualifier: None,
            first,
            last,
        }
    }

    /// With the upper end of a range.
    pub fn to(self, to: Option<Value>) -> Self {
        Self { to, ..self }
    }

    /// With a unit: a currency, a duration's unit, a count's noun.
    pub fn unit(self, unit: Option<String>) -> Self {
        Self { unit, ..self }
    }

    pub fn qualifier(self, qualifier: Option<Qualifier>) -> Self {
        Self { qualifier, ..self }
    }
}

/// What every pattern reads: one piece of text, its tokens and their lexicon entries, and
/// where found figures go.
pub struct Cx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// Lexicon entry of each token.
    pub ents: &'a [Option<&'static Entry>],
    pub lex: &'static Lex,
    pub lang: Lang,
    pub zh: bool,
    /// How this text groups its digits (see `number::decimal_in`).
    pub dec: Decimal,
    pub base: usize,
    pub out: &'a mut Vec<Figure>,
}

/// A value without the noise of binary arithmetic: `1.13 × 10⁸` is 113000000, not
/// 113000000.00000001. The text never states more than a millionth.
fn exact(v: Value) -> Value {
    match v {
        Value::Number(n) if n.fract() != 0.0 && n.is_finite() => {
            let r = if n.abs() < 1e9 {
                (n * 1e6).round() / 1e6
            } else {
                n.round()
            };
            Value::Number(if (r - n).abs() <= n.abs() * 1e-12 + 1e-9 {
                r
            } else {
                n
            })
        }
        other => other,
    }
}

/// Lower-cases only when needed.
fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// True when the number at byte `s` is a parameter of a terminal escape sequence in the text
/// (`ESC[1;31m`, `ESC]52;…`, or their C1 forms): control data, not a figure.
fn in_escape(text: &str, s: usize) -> bool {
    let b = text.as_bytes();
    let mut k = s.min(b.len());
    while k > 0 && matches!(b[k - 1], b'0'..=b'9' | b';' | b':' | b'?') {
        k -= 1;
    }
    let before = &b[..k];
    [
        b"\x1b[".as_slice(),
        b"\x1b]",
        "\u{9b}".as_bytes(),
        "\u{9d}".as_bytes(),
    ]
    .iter()
    .any(|p| before.ends_with(p))
}

impl<'a> Cx<'a> {
    fn run(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let next = match self.toks[i].kind {
                Tk::Num if in_escape(self.text, self.toks[i].s) => None,
                Tk::Num => self.at_num(i),
                Tk::Word => self.at_word(i),
                Tk::Punct => self.at_punct(i),
                Tk::Han if self.zh => self.at_han(i),
                Tk::Han | Tk::Space => None,
            };
            i = next.unwrap_or(i + 1).max(i + 1);
        }
    }

    // ---- token helpers -------------------------------------------------------------------

    pub fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }
    pub fn raw(&self, i: usize) -> &'a str {
        let text: &'a str = self.text;
        self.toks.get(i).map_or("", |t| &text[t.s..t.e])
    }
    pub fn low(&self, i: usize) -> Cow<'a, str> {
        lower(self.raw(i))
    }
    pub fn is_kind(&self, i: usize, k: Tk) -> bool {
        self.tok(i).is_some_and(|t| t.kind == k)
    }
    pub fn is_p(&self, i: usize, c: char) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Tk::Punct && t.ch == c)
    }
    pub fn is_han(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Tk::Han && t.ch == c)
    }
    /// Token `i` is the word `w` (given in lower case), in any case.
    pub fn is_w(&self, i: usize, w: &str) -> bool {
        if !self.is_kind(i, Tk::Word) {
            return false;
        }
        let raw = self.raw(i);
        if raw.is_ascii() {
            raw.eq_ignore_ascii_case(w)
        } else {
            self.low(i) == w
        }
    }
    /// Token `j` starts where `i` ends.
    pub fn adj(&self, i: usize, j: usize) -> bool {
        match (self.tok(i), self.tok(j)) {
            (Some(a), Some(b)) => a.e == b.s,
            _ => false,
        }
    }
    /// `j`, or the token after it when `j` is a space within the line.
    pub fn skip_sp(&self, j: usize) -> usize {
        match self.tok(j) {
            Some(t) if t.kind == Tk::Space && !t.nl => j + 1,
            _ => j,
        }
    }
    /// The token before `i`, skipping one in-line space.
    pub fn prev(&self, i: usize) -> Option<usize> {
        let p = i.checked_sub(1)?;
        match self.tok(p) {
            Some(t) if t.kind == Tk::Space => {
                if t.nl {
                    None
                } else {
                    p.checked_sub(1)
                }
            }
            Some(_) => Some(p),
            None => None,
        }
    }
    pub fn entry(&self, i: usize) -> Option<&'static Entry> {
        self.ents.get(i).copied().flatten()
    }
    pub fn num_raw_is(&self, i: usize, f: impl Fn(&str) -> bool) -> bool {
        self.is_kind(i, Tk::Num) && f(self.raw(i))
    }
    /// Small plain integer value of a digit token.
    pub fn small(&self, i: usize) -> Option<u32> {
        if !self.is_kind(i, Tk::Num) {
            return None;
        }
        let r = self.raw(i);
        if r.len() > 4 || !r.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        r.parse().ok()
    }
    /// Token `i` is a word written in kana (`は`, `ドル`): Japanese runs words and numbers
    /// together, so a kana word glued to a number does not make it a name.
    pub fn is_kana(&self, i: usize) -> bool {
        self.is_kind(i, Tk::Word) && self.raw(i).starts_with(super::token::is_kana)
    }

    /// Index after the run of tokens glued to `i` with no space (hashtags, model names, URLs).
    pub fn glued_end(&self, i: usize) -> usize {
        let mut k = i;
        while let Some(t) = self.tok(k + 1) {
            if t.kind == Tk::Space || !self.adj(k, k + 1) {
                break;
            }
            let joins = matches!(t.kind, Tk::Word | Tk::Num)
                || t.kind == Tk::Punct
                    && matches!(t.ch, '-' | '_' | '.' | '/' | '#' | '@' | ':' | '+')
                    && self
                        .tok(k + 2)
                        .is_some_and(|n| matches!(n.kind, Tk::Word | Tk::Num))
                    && self.adj(k + 1, k + 2);
            if !joins {
                break;
            }
            k += 1;
        }
        k + 1
    }

    /// Records a figure found.
    pub fn push(&mut self, found: Found) {
        let Found {
            kind,
            value,
            to,
            unit,
            qualifier,
            first,
            last,
        } = found;
        let (Some(a), Some(b)) = (self.tok(first), self.tok(last)) else {
            return;
        };
        let (start, end) = (a.s, b.e);
        let (value, to) = (exact(value), to.map(exact));
        self.out.push(Figure {
            kind,
            value,
            to,
            unit: unit.map(|u| intern(&u)),
            qualifier,
            start: start + self.base,
            end: end + self.base,
            line: 0,
            sentence: None,
        });
    }
}

/// The shared [`Unit`] for `name`. Units repeat within a document, so each scanning thread
/// keeps the ones it has made; the cache is emptied when it grows past a bound, so text with
/// endless different nouns cannot grow it.
fn intern(name: &str) -> Unit {
    const MAX_UNITS: usize = 4096;
    thread_local! {
        static UNITS: std::cell::RefCell<std::collections::HashSet<Unit>> =
            std::cell::RefCell::default();
    }
    UNITS.with_borrow_mut(|units| {
        if let Some(u) = units.get(name) {
            return Unit::clone(u);
        }
        if units.len() >= MAX_UNITS {
            units.clear();
        }
        let u = Unit::from(name);
        units.insert(Unit::clone(&u));
        u
    })
}
