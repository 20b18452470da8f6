//! The scanner: walks the tokens once and recognises figures in the languages written with
//! spaces between words (French, Indonesian, English, Spanish, and digits in any language).
//! Chinese patterns live in `zh.rs` and share this context.

use std::borrow::Cow;

use super::lexicon::{Entry, Lex, lex};
use super::number::{Part, Spelled, parse_digits};
use super::token::{Tk, Tok, tokenize};
use super::{Figure, Kind, Qualifier, Value};
use crate::corpus::Lang;

/// Text is scanned in pieces of about this many bytes, cut after a line break: no figure
/// spans a line break, and small pieces keep the token buffers in cache.
const CHUNK: usize = 32 * 1024;

/// The token buffers of [`Scanner::scan`], kept between texts: a document is scanned a
/// paragraph at a time, and most paragraphs are short.
#[derive(Debug, Default)]
pub struct Scanner {
    toks: Vec<Tok>,
    ents: Vec<Option<&'static Entry>>,
}

/// Scans `text` (which starts at byte `base` of the document) and appends its figures.
pub fn scan(text: &str, base: usize, lang: Lang, out: &mut Vec<Figure>) {
    Scanner::default().scan(text, base, lang, out);
}

impl Scanner {
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
        let Self { toks, ents } = self;
        let zh = lang == Lang::ZH;
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
            if skip_unanchored && !toks.iter().zip(ents.iter()).any(|(t, e)| anchor(t, *e, zh)) {
                start = end;
                continue;
            }
            let mut cx = Cx {
                text: piece,
                toks,
                ents,
                lex: lx,
                lang: lang.code(),
                zh,
                base: base + start,
                out: &mut *out,
            };
            cx.run();
            start = end;
        }
    }
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

pub struct Cx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// Lexicon entry of each token.
    pub ents: &'a [Option<&'static Entry>],
    pub lex: &'static Lex,
    pub lang: &'static str,
    pub zh: bool,
    pub base: usize,
    pub out: &'a mut Vec<Figure>,
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

const LINE_SPACES: [char; 5] = [' ', '\u{A0}', '\u{202F}', '\u{2009}', '\t'];

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
    fn num_raw_is(&self, i: usize, f: impl Fn(&str) -> bool) -> bool {
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

    /// Records a figure spanning tokens `s..=e`.
    #[allow(clippy::too_many_arguments)] // each argument is a field of the figure
    pub fn push(
        &mut self,
        kind: Kind,
        value: Value,
        to: Option<Value>,
        unit: Option<String>,
        qualifier: Option<Qualifier>,
        s: usize,
        e: usize,
    ) {
        let (Some(a), Some(b)) = (self.tok(s), self.tok(e)) else {
            return;
        };
        let (start, end) = (a.s, b.e);
        self.out.push(Figure {
            kind,
            value,
            to,
            unit,
            qualifier,
            surface: self.text[start..end].to_string(),
            start: start + self.base,
            end: end + self.base,
            line: 0,
            sentence: None,
        });
    }

    // ---- punctuation -----------------------------------------------------------------------

    fn at_punct(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        match t.ch {
            '#' | '@' if self.adj(i, i + 1) => Some(self.glued_end(i + 1)),
            '+' if self.adj(i, i + 1) && self.is_kind(i + 1, Tk::Num) => {
                Some(self.phone_end(i + 1))
            }
            '$' | '€' | '£' | '¥' | '￥' => {
                let code = match t.ch {
                    '$' => "USD",
                    '€' => "EUR",
                    '£' => "GBP",
                    _ if self.zh => "CNY",
                    _ => "JPY",
                };
                self.money_prefix(i, i + 1, code)
            }
            _ => None,
        }
    }

    /// Skips a phone number: digit groups joined by spaces, dots, hyphens or brackets.
    fn phone_end(&self, i: usize) -> usize {
        let mut k = i;
        loop {
            let mut j = k + 1;
            if self.tok(j).is_some_and(|t| {
                (t.kind == Tk::Space && !t.nl && t.e - t.s == 1)
                    || t.kind == Tk::Punct && matches!(t.ch, '-' | '.' | '(' | ')')
            }) {
                j += 1;
            }
            if self.is_p(j, '(') || self.is_p(j, ')') {
                j += 1;
            }
            if j > k + 1 && self.is_kind(j, Tk::Num) {
                k = j;
            } else {
                return k + 1;
            }
        }
    }

    /// `$ 5`, `Rp5.000`, `US$ 3 millions`: currency first, then an amount.
    fn money_prefix(&mut self, s: usize, after: usize, code: &'static str) -> Option<usize> {
        let j = self.skip_sp(after);
        if !self.is_kind(j, Tk::Num) {
            return None;
        }
        let mut am = self.amount(j)?;
        // $1.2bn, $300m
        if am.scale == 1.0 && self.adj(am.e, am.e + 1) && self.is_kind(am.e + 1, Tk::Word) {
            let f = match self.low(am.e + 1).as_ref() {
                "bn" | "b" => 1e9,
                "m" | "mn" => 1e6,
                "k" => 1e3,
                "tn" => 1e12,
                _ => 0.0,
            };
            if f > 0.0 {
                am.v *= f;
                am.e += 1;
            }
        }
        let qual = self.qualifier_before(s);
        let (to, e) = match self.range_after(&am, Some((code, s))) {
            Some(b) => (Some(Value::Number(b.v)), b.e),
            None => (None, am.e),
        };
        // "Rp 5 juta rupiah" and "US$ 5 dollars" repeat the currency: take it in.
        let mut end = e;
        let k = self.skip_sp(e + 1);
        if self.entry(k).is_some_and(|en| en.currency == Some(code)) {
            end = k;
        }
        self.push(
            Kind::Money,
            Value::Number(am.v),
            to,
            Some(code.into()),
            qual,
            s,
            end,
        );
        Some(end + 1)
    }

    // ---- words ------------------------------------------------------------------------------

    fn at_word(&mut self, i: usize) -> Option<usize> {
        let next_adj = self.adj(i, i + 1);
        // Fast path: most words are neither in the lexicon, nor glued to digits, nor one of
        // the few words that introduce a figure.
        if self.entry(i).is_none() {
            let glued = next_adj
                && (self.is_kind(i + 1, Tk::Num) || self.is_p(i + 1, '-') || self.is_p(i + 1, '$'));
            let raw = self.raw(i);
            if !glued && !is_introducer(raw) {
                return None;
            }
        }
        let low = self.low(i);
        // Glued to digits: model names (A320, G20, COVID-19), codes, and a few real shapes.
        if next_adj
            && (self.is_kind(i + 1, Tk::Num)
                || self.is_p(i + 1, '-') && self.is_kind(i + 2, Tk::Num) && self.adj(i + 1, i + 2))
        {
            if self.lang == "id"
                && low == "ke"
                && self.is_p(i + 1, '-')
                && let Some(v) = self.small(i + 2)
            {
                self.push(
                    Kind::Ordinal,
                    Value::Number(f64::from(v)),
                    None,
                    None,
                    None,
                    i,
                    i + 2,
                );
                return Some(i + 3);
            }
            if let Some(code) = prefix_code(self.raw(i))
                && self.is_kind(i + 1, Tk::Num)
            {
                return self.money_prefix(i, i + 1, code);
            }
            if matches!(low.as_ref(), "v" | "ver") {
                return Some(self.glued_end(i));
            }
            // A letter run glued to digits, unless the digits close a sentence-initial word.
            return Some(self.glued_end(i));
        }
        if low == "us" && next_adj && self.is_p(i + 1, '$') {
            return self.money_prefix(i, i + 2, "USD");
        }
        if let Some(code) = prefix_code(self.raw(i)) {
            let j = self.skip_sp(i + 1);
            if self.is_kind(j, Tk::Num) && (self.raw(i) != "RP") {
                return self.money_prefix(i, i + 1, code);
            }
        }
        match low.as_ref() {
            "version" | "versi" | "versión" | "release" | "build" | "update" => {
                let j = self.skip_sp(i + 1);
                if self.is_kind(j, Tk::Num) {
                    return Some(self.glued_end(j));
                }
            }
            "pukul" | "jam" if self.lang == "id" => {
                let j = self.skip_sp(i + 1);
                if let Some(r) = self.time_at(j, true, i) {
                    return Some(r);
                }
            }
            "las" if self.lang == "es" => {
                let j = self.skip_sp(i + 1);
                if self.prev(i).is_some_and(|p| self.is_w(p, "a"))
                    && let Some(r) = self.time_at(j, true, i)
                {
                    return Some(r);
                }
            }
            "tahun" | "année" | "year" | "año" => {
                let j = self.skip_sp(i + 1);
                if self.num_raw_is(j, |r| r.len() == 4)
                    && !self.is_followed_by_month(j)
                    && let Some(y) = self.small(j).filter(|y| (1000..=2200).contains(y))
                {
                    self.push(
                        Kind::Year,
                        Value::Number(f64::from(y)),
                        None,
                        None,
                        None,
                        j,
                        j,
                    );
                    return Some(j + 1);
                }
            }
            _ => {}
        }
        let e = self.entry(i)?;
        if e.weekday
            && let Some(r) = self.weekday_date(i)
        {
            return Some(r);
        }
        if e.month > 0
            && let Some(r) = self.month_first_date(i, e.month)
        {
            return Some(r);
        }
        if e.ordinal > 0
            && let Some(r) = self.ordinal_word(i, e.ordinal)
        {
            return Some(r);
        }
        if !e.parts.is_empty() {
            let am = self.spelled(i)?;
            return self.finish(am);
        }
        None
    }

    fn ordinal_word(&mut self, i: usize, v: u32) -> Option<usize> {
        let j = self.skip_sp(i + 1);
        let next = self.low(j);
        if matches!(
            next.as_ref(),
            "ministre" | "ministère" | "ministro" | "ministra" | "lady"
        ) {
            return Some(j + 1);
        }
        if self.lang == "id" && v > 1 && self.is_kind(j, Tk::Word) {
            // "kedua negara" is "both countries"; "tahap kedua" is "second stage".
            let first_upper = self.tok(j).is_some_and(|t| t.ch.is_uppercase());
            if !first_upper
                && !self.lex.stop.contains(next.as_ref())
                && next != "kalinya"
                && next != "kali"
            {
                return None;
            }
        }
        self.push(
            Kind::Ordinal,
            Value::Number(f64::from(v)),
            None,
            None,
            None,
            i,
            i,
        );
        Some(i + 1)
    }

    /// A number written in words, starting at `i`.
    fn spelled(&self, i: usize) -> Option<Amount> {
        let first = self.entry(i)?;
        let head = *first.parts.first()?;
        let starts_ok = match head {
            Part::Add(_) => true,
            Part::Hundred | Part::Thousand => matches!(self.lang, "fr" | "es"),
            _ => false,
        };
        if !starts_ok {
            return None;
        }
        let mut sp = Spelled::default();
        let mut k = i;
        let mut last = i;
        let mut scale = 1.0;
        while let Some(e) = self.entry(k) {
            if e.parts.is_empty() {
                break;
            }
            let before = sp;
            let mut ok = true;
            for &p in e.parts {
                if !sp.push(p) {
                    ok = false;
                    break;
                }
                if let Part::Big(s) = p {
                    scale = s;
                }
                if p == Part::Thousand && scale == 1.0 {
                    scale = 1000.0;
                }
            }
            if !ok {
                sp = before;
                break;
            }
            last = k;
            // Next part: after a hyphen, a space, or a connector word.
            let mut j = k + 1;
            if self.is_p(j, '-') && self.adj(k, j) && self.adj(j, j + 1) {
                j += 1;
            } else {
                j = self.skip_sp(j);
                if self.entry(j).is_some_and(|c| c.connector) {
                    j = self.skip_sp(j + 1);
                }
            }
            if j == k + 1 && !self.is_kind(j, Tk::Word) {
                break;
            }
            k = j;
        }
        let v = sp.value();
        Some(Amount {
            v,
            s: i,
            e: last,
            spelled: true,
            one: (v - 1.0).abs() < f64::EPSILON && first.one && last == i,
            scale,
            year_like: false,
        })
    }

    // ---- digits -----------------------------------------------------------------------------

    fn at_num(&mut self, i: usize) -> Option<usize> {
        let raw = self.raw(i);
        let t = *self.tok(i)?;
        // Glued to a preceding letter or hyphenated word: part of a name.
        if let Some(p) = i.checked_sub(1)
            && self.adj(p, i)
            && (self.is_kind(p, Tk::Word) || self.is_p(p, '_'))
        {
            return Some(self.glued_end(i));
        }
        if let Some(r) = self.list_marker(i) {
            return Some(r);
        }
        if let Some(r) = self.numeric_date(i) {
            return Some(r);
        }
        if let Some(r) = self.time_at(i, false, i) {
            return Some(r);
        }
        let leading_zero =
            raw.len() > 1 && raw.starts_with('0') && raw.as_bytes()[1].is_ascii_digit();
        if leading_zero {
            return Some(self.phone_end(i));
        }
        if self.hyphen_code(i) || self.spaced_code(i) {
            return Some(self.phone_end(i));
        }
        if let Some(r) = self.area_code(i) {
            return Some(r);
        }
        if self.model_suffix_after(i) {
            return Some(i + 1);
        }
        if self.zh && self.tok(i + 1).is_some_and(|n| n.kind == Tk::Han) {
            // "iPhone 16系列": a model number, unless a scale follows ("TikTok 2亿").
            if self.model_word_before(i)
                && self
                    .tok(i + 1)
                    .is_none_or(|n| super::number::han_scale(n.ch).is_none())
            {
                return Some(self.glued_end(i));
            }
            return self.zh_after_digits(i);
        }
        let am = self.amount(i)?;
        if self.lang == "fr" && am.scale == 1.0 && dotted_code(self.raw(i)) {
            // French writes decimals with a comma: "49.3" and "7.1" are references.
            let k = self.skip_sp(am.e + 1);
            if !(self.is_p(k, '%')
                || self.currency_after(k).is_some()
                || self.percent_words(k).is_some())
            {
                return Some(self.glued_end(i));
            }
        }
        // Glued letters: ordinals (3e, 21st), times (9h30), scales ($1.2bn) or a model name (5G).
        if self.adj(am.e, am.e + 1) && self.is_kind(am.e + 1, Tk::Word) {
            return self.glued_suffix(am);
        }
        if self.adj(am.e, am.e + 1)
            && self.is_p(am.e + 1, '-')
            && self.is_kind(am.e + 2, Tk::Word)
            && self.adj(am.e + 1, am.e + 2)
        {
            // "10-day", "19-year-old", "COVID-19-era": a duration only when a unit follows.
            if let Some(u) = self.entry(am.e + 2).and_then(|e| e.duration) {
                self.push(
                    Kind::Duration,
                    Value::Number(am.v),
                    None,
                    Some(u.into()),
                    self.qualifier_before(i),
                    i,
                    am.e + 2,
                );
                return Some(am.e + 3);
            }
            return Some(self.glued_end(i));
        }
        if let Some(r) = self.day_month_date(am) {
            return Some(r);
        }
        let _ = t;
        if self.names_a_model(&am) {
            // The whole model name: "Boeing 737-800".
            return Some(self.glued_end(am.s));
        }
        if self.is_address(&am) {
            return Some(am.e + 1);
        }
        self.finish(am)
    }

    /// `1.` or `2)` at the start of a line: a list marker.
    fn list_marker(&self, i: usize) -> Option<usize> {
        let at_line_start = match i.checked_sub(1) {
            None => true,
            Some(p) => {
                let t = self.tok(p)?;
                (t.kind == Tk::Space && t.nl)
                    || (t.kind == Tk::Punct && matches!(t.ch, '-' | '•' | '*') && p == 0)
            }
        };
        let small = self.raw(i).len() <= 3 && self.raw(i).bytes().all(|b| b.is_ascii_digit());
        let closes = (self.is_p(i + 1, '.') || self.is_p(i + 1, ')'))
            && self.tok(i + 2).is_none_or(|t| t.kind == Tk::Space);
        (at_line_start && small && closes).then_some(i + 2)
    }

    /// `555-1234`, `0812-3456-7890`: digits joined by hyphens that no range is written as.
    fn hyphen_code(&self, i: usize) -> bool {
        let joined = |a: usize| {
            self.adj(a, a + 1)
                && self.is_p(a + 1, '-')
                && self.adj(a + 1, a + 2)
                && self.is_kind(a + 2, Tk::Num)
        };
        if !joined(i) {
            return false;
        }
        if joined(i + 2) {
            return true;
        }
        let (a, b) = (self.raw(i), self.raw(i + 2));
        let year = |s: &str| s.len() == 4 && s.starts_with(['1', '2']);
        b.len() >= 4 && !(year(a) && year(b))
    }

    /// `91 123 45 67`: three or more digit groups split by single spaces, not all of three
    /// digits after the first, as phone numbers are written.
    fn spaced_code(&self, i: usize) -> bool {
        let mut groups = 1;
        let mut short = self.raw(i).len() <= 4;
        let mut not_three = false;
        let mut k = i;
        while self
            .tok(k + 1)
            .is_some_and(|t| t.kind == Tk::Space && t.e - t.s <= 3 && !t.nl)
            && self.is_kind(k + 2, Tk::Num)
            && self.raw(k + 2).bytes().all(|b| b.is_ascii_digit())
        {
            let g = self.raw(k + 2).len();
            groups += 1;
            short &= g <= 4;
            not_three |= g != 3;
            k += 2;
        }
        groups >= 3 && short && not_three
    }

    /// A number right after a capitalised name that is not a known word (`Boeing 737`,
    /// `MAX 8`, `iPhone 16`): part of a model name, not a quantity.
    fn names_a_model(&self, am: &Amount) -> bool {
        if am.spelled || am.scale != 1.0 || am.year_like || am.e != am.s {
            return false;
        }
        if !self.model_word_before(am.s) {
            return false;
        }
        let k = self.skip_sp(am.e + 1);
        let measured = self.is_p(k, '%')
            || self.currency_after(k).is_some()
            || self.percent_words(k).is_some();
        !measured
    }

    /// The token before the number at `s` is a capitalised word outside the lexicon that
    /// does not start a sentence and is not a currency: the name of a model or product.
    fn model_word_before(&self, s: usize) -> bool {
        let Some(p) = self.prev(s) else {
            return false;
        };
        if p + 2 != s || !self.is_kind(p, Tk::Word) || self.entry(p).is_some() {
            return false;
        }
        let w = self.raw(p);
        let capital = w.chars().next().is_some_and(char::is_uppercase)
            || w.chars().nth(1).is_some_and(char::is_uppercase);
        // The first word of a sentence is capitalised anyway.
        let sentence_start = match self.prev(p) {
            None => true,
            Some(q) => self.tok(q).is_some_and(|t| {
                t.kind == Tk::Punct && matches!(t.ch, '.' | '!' | '?' | '«' | '"' | '“' | '(')
            }),
        };
        capital && !sentence_start && prefix_code(w).is_none()
    }

    /// A number followed by a model-line word (`16 Pro`, `8 Gen 3`, `737 MAX`): part of a
    /// product name in any language.
    fn model_suffix_after(&self, i: usize) -> bool {
        let k = i + 1;
        if !self.tok(k).is_some_and(|t| t.kind == Tk::Space && !t.nl) {
            return false;
        }
        let w = self.raw(k + 1);
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && MODEL_WORDS.iter().any(|m| w.eq_ignore_ascii_case(m))
    }

    /// `(202) 555-0143`, `(021) 5550 1234`: an area code in brackets before a phone number.
    fn area_code(&self, i: usize) -> Option<usize> {
        let r = self.raw(i);
        let bracketed = i > 0
            && self.is_p(i - 1, '(')
            && self.adj(i - 1, i)
            && self.is_p(i + 1, ')')
            && self.adj(i, i + 1);
        if !bracketed || !(2..=4).contains(&r.len()) || !r.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let j = self.skip_sp(i + 2);
        if j == i + 2 || !self.is_kind(j, Tk::Num) {
            return None;
        }
        let phone = self.hyphen_code(j)
            || self.spaced_code(j)
            || self.is_tok_sp(j + 1) && self.is_kind(j + 2, Tk::Num)
            || self.raw(j).len() >= 6 && self.raw(j).bytes().all(|b| b.is_ascii_digit());
        phone.then(|| self.phone_end(j))
    }

    fn is_tok_sp(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Tk::Space && !t.nl)
    }

    /// A street number: `12, rue de la Paix`, `Jalan Sudirman 5` is left alone.
    fn is_address(&self, am: &Amount) -> bool {
        let mut k = self.skip_sp(am.e + 1);
        if self.is_p(k, ',') {
            k = self.skip_sp(k + 1);
        }
        matches!(
            self.low(k).as_ref(),
            "rue"
                | "avenue"
                | "boulevard"
                | "bd"
                | "place"
                | "impasse"
                | "chemin"
                | "street"
                | "calle"
                | "avenida"
        ) && !self.lex.stop.contains(self.low(k).as_ref())
    }

    /// `one in five`, `uno de cada cinco`, `un sur dix`: the second number of a ratio.
    fn in_ratio(&self, s: usize) -> bool {
        let Some(p) = self.prev(s) else { return false };
        let w = self.low(p);
        let before_is_number = |q: Option<usize>| {
            q.is_some_and(|q| {
                self.is_kind(q, Tk::Num) || self.entry(q).is_some_and(|e| !e.parts.is_empty())
            })
        };
        match (self.lang, w.as_ref()) {
            ("en", "in") | ("fr", "sur") | ("id", "dari") => before_is_number(self.prev(p)),
            ("es", "cada") => {
                self.prev(p).is_some_and(|q| self.is_w(q, "de"))
                    && before_is_number(self.prev(p).and_then(|q| self.prev(q)))
            }
            ("en", "of") => self.prev(p).is_some_and(|q| self.is_w(q, "out")),
            _ => false,
        }
    }

    /// Digits with their separators, French space groups and scale words after them.
    pub fn amount(&self, i: usize) -> Option<Amount> {
        let raw = self.raw(i);
        let mut v = parse_digits(raw, self.lex.dec)?;
        let mut e = i;
        let plain = raw.bytes().all(|b| b.is_ascii_digit());
        if self.lex.space_groups && plain && raw.len() <= 3 {
            loop {
                let sp = e + 1;
                let Some(st) = self.tok(sp) else { break };
                let one_space = st.kind == Tk::Space
                    && self.text[st.s..st.e].chars().count() == 1
                    && self.text[st.s..st.e].starts_with(LINE_SPACES);
                let g = self.raw(sp + 1);
                let group = self.is_kind(sp + 1, Tk::Num)
                    && g.len() >= 3
                    && g.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                    && (g.len() == 3 || g.as_bytes()[3] == b',');
                if !(one_space && group) {
                    break;
                }
                let rest = parse_digits(g, self.lex.dec)?;
                v = v * 1000.0 + rest;
                e = sp + 1;
            }
        }
        let year_like = e == i && plain && raw.len() == 4 && (1800.0..=2100.0).contains(&v);
        let mut am = Amount {
            v,
            s: i,
            e,
            spelled: false,
            one: false,
            scale: 1.0,
            year_like,
        };
        self.scales_after(&mut am);
        Some(am)
    }

    /// Applies scale words after an amount (`3,9 millions`, `114 mil`, `2 mil millones`).
    fn scales_after(&self, am: &mut Amount) {
        let mut sp = Spelled::from_value(am.v);
        let mut k = self.skip_sp(am.e + 1);
        let mut took = false;
        while let Some(en) = self.entry(k) {
            let [p] = en.parts else { break };
            let f = match *p {
                Part::Big(s) => s,
                Part::Thousand => 1000.0,
                _ => break,
            };
            if !sp.push(*p) {
                break;
            }
            am.scale *= f;
            am.e = k;
            took = true;
            k = self.skip_sp(k + 1);
        }
        if took {
            am.v = sp.value();
            am.year_like = false;
        }
    }

    /// Letters glued after digits.
    fn glued_suffix(&mut self, am: Amount) -> Option<usize> {
        let w = am.e + 1;
        let suf = self.low(w);
        let qual = self.qualifier_before(am.s);
        let ord = match self.lang {
            "fr" => matches!(
                suf.as_ref(),
                "e" | "er" | "re" | "ère" | "ème" | "eme" | "è" | "es" | "ers"
            ),
            "en" | "zh" => matches!(suf.as_ref(), "st" | "nd" | "rd" | "th"),
            "es" => matches!(suf.as_ref(), "º" | "ª" | "o" | "a"),
            _ => false,
        };
        if ord && am.scale == 1.0 && am.v.fract() == 0.0 {
            // "1er janvier" is a date.
            let after = self.skip_sp(w + 1);
            if let Some(m) = self.entry(after).map(|e| e.month).filter(|&m| m > 0) {
                return Some(self.push_day_month(am.s, am.v, m, after));
            }
            self.push(
                Kind::Ordinal,
                Value::Number(am.v),
                None,
                None,
                None,
                am.s,
                w,
            );
            return Some(w + 1);
        }
        match suf.as_ref() {
            "h" if self.lang == "fr" => {
                let mins = if self.adj(w, w + 1) {
                    self.small(w + 1)
                } else {
                    None
                };
                let end = if mins.is_some() { w + 1 } else { w };
                let duration_ctx = self.prev(am.s).is_some_and(|p| {
                    matches!(
                        self.low(p).as_ref(),
                        "en" | "pendant" | "durant" | "dans" | "les" | "de" | "sous"
                    )
                });
                if !duration_ctx && am.v <= 24.0 && am.v.fract() == 0.0 {
                    self.push(
                        Kind::Time,
                        Value::Text(hhmm(am.v, mins.unwrap_or(0))),
                        None,
                        None,
                        qual,
                        am.s,
                        end,
                    );
                } else {
                    self.push(
                        Kind::Duration,
                        Value::Number(am.v),
                        None,
                        Some("hour".into()),
                        qual,
                        am.s,
                        end,
                    );
                }
                Some(end + 1)
            }
            "am" | "pm" if self.lang == "en" || self.zh => {
                let v = am.v
                    + if suf == "pm" && am.v < 12.0 {
                        12.0
                    } else {
                        0.0
                    };
                self.push(
                    Kind::Time,
                    Value::Text(hhmm(v, 0)),
                    None,
                    None,
                    None,
                    am.s,
                    w,
                );
                Some(w + 1)
            }
            "bn" | "m" | "mn" | "k" | "tn" => {
                // Without a currency these are lengths or abbreviations; skip them.
                Some(w + 1)
            }
            _ => Some(self.glued_end(am.s)),
        }
    }

    // ---- classification ---------------------------------------------------------------------

    /// Decides what an amount measures from what follows it, and records it.
    pub fn finish(&mut self, mut am: Amount) -> Option<usize> {
        let qual = self.qualifier_before(am.s);
        let mut to = None;
        let mut e = am.e;
        if let Some(b) = self.range_after(&am, None) {
            if am.scale == 1.0 && b.scale > 1.0 && am.v < b.v / b.scale * 1000.0 {
                am.v *= b.scale;
                am.scale = b.scale;
            }
            to = Some(b.v);
            e = b.e;
            am.year_like &= b.year_like;
        }
        let to_v = to.map(Value::Number);
        let k = self.skip_sp(e + 1);
        if self.in_ratio(am.s) {
            return Some(e + 1);
        }
        // "18 h 30": a French time with spaces.
        if self.lang == "fr"
            && self.raw(k) == "h"
            && am.v <= 24.0
            && am.v.fract() == 0.0
            && !am.spelled
        {
            let j = self.skip_sp(k + 1);
            let (mins, end) = match self.small(j).filter(|m| *m < 60 && self.raw(j).len() == 2) {
                Some(m) => (m, j),
                None => (0, k),
            };
            self.push(
                Kind::Time,
                Value::Text(hhmm(am.v, mins)),
                None,
                None,
                qual,
                am.s,
                end,
            );
            return Some(end + 1);
        }
        // Percent.
        if self.is_p(k, '%') || self.is_p(k, '％') {
            self.push(
                Kind::Percent,
                Value::Number(am.v),
                to_v,
                None,
                qual,
                am.s,
                k,
            );
            return Some(k + 1);
        }
        if let Some(end) = self.percent_words(k) {
            self.push(
                Kind::Percent,
                Value::Number(am.v),
                to_v,
                None,
                qual,
                am.s,
                end,
            );
            return Some(end + 1);
        }
        // Money after the amount.
        if let Some((code, end)) = self.currency_after(k) {
            let cents = self.entry(end).is_some_and(|e| e.cents);
            let (v, to_v) = if cents {
                (am.v / 100.0, to.map(|t| Value::Number(t / 100.0)))
            } else {
                (am.v, to_v)
            };
            self.push(
                Kind::Money,
                Value::Number(v),
                to_v,
                Some(code.into()),
                qual,
                am.s,
                end,
            );
            return Some(end + 1);
        }
        // Durations and hours.
        if let Some(u) = self.entry(k).and_then(|en| en.duration)
            && !(self.lang == "id"
                && u == "week"
                && self.low(k) == "minggu"
                && self.is_p(self.skip_sp(k + 1), ','))
        {
            if u == "hour" && am.v <= 24.0 && am.v.fract() == 0.0 && self.hour_is_time(am.s, k) {
                let mut end = k;
                let mut mins = 0;
                let j = self.skip_sp(k + 1);
                if let Some(m) = self.small(j).filter(|m| *m < 60) {
                    mins = m;
                    end = j;
                }
                self.push(
                    Kind::Time,
                    Value::Text(hhmm(am.v, mins)),
                    None,
                    None,
                    qual,
                    am.s,
                    end,
                );
                return Some(end + 1);
            }
            if am.one && self.lang == "en" && self.low(am.s) != "one" {
                // "twice a day", "$5 a month": an article, not a figure; "in a month" and
                // "for a year" state a length of time ("a second wave" is an ordinal).
                let timed = u != "second"
                    && self.prev(am.s).is_some_and(|p| {
                        matches!(
                            self.low(p).as_ref(),
                            "in" | "within" | "for" | "after" | "than"
                        )
                    });
                if !timed {
                    return Some(am.e + 1);
                }
            }
            // "worth $300 million over five years": `over` spreads the amount across the
            // time; "for over three hours" and "in over a decade" mean more than.
            let qual = if qual == Some(Qualifier::Over) && self.over_means_across(am.s) {
                None
            } else {
                qual
            };
            self.push(
                Kind::Duration,
                Value::Number(am.v),
                to_v,
                Some(u.into()),
                qual,
                am.s,
                k,
            );
            return Some(k + 1);
        }
        if self.is_time_suffix(k) {
            let end = if self.is_w(k, "a") || self.is_w(k, "p") {
                k + 3
            } else {
                k
            };
            let pm = self.low(k).starts_with('p');
            let v = am.v + if pm && am.v < 12.0 { 12.0 } else { 0.0 };
            self.push(
                Kind::Time,
                Value::Text(hhmm(v, 0)),
                None,
                None,
                qual,
                am.s,
                end.min(self.toks.len() - 1),
            );
            return Some(end + 1);
        }
        if am.one {
            return Some(am.e + 1);
        }
        let unit = self.noun_after(e + 1);
        if am.year_like && qual.is_none() {
            let counted = unit
                .as_deref()
                .is_some_and(|u| super::nouns::concept(u).is_some());
            if !counted {
                self.push(Kind::Year, Value::Number(am.v), to_v, None, None, am.s, e);
                return Some(e + 1);
            }
        }
        if am.spelled && unit.is_none() && am.scale == 1.0 {
            return Some(e + 1);
        }
        self.push(Kind::Count, Value::Number(am.v), to_v, unit, qual, am.s, e);
        Some(e + 1)
    }

    /// English `over` right before a duration, not led by a word that makes it "more
    /// than" (`for over`, `in over`, `lasted over`).
    fn over_means_across(&self, s: usize) -> bool {
        if self.lang != "en" {
            return false;
        }
        let Some(p) = self.prev(s).filter(|&p| self.is_w(p, "over")) else {
            return false;
        };
        !self.prev(p).is_some_and(|q| {
            matches!(
                self.low(q).as_ref(),
                "for" | "in" | "after" | "of" | "lasted" | "lasting" | "took" | "taking" | "spent"
            )
        })
    }

    /// "à 9 heures", "4 heures du matin": an hour of the day rather than a duration.
    fn hour_is_time(&self, s: usize, unit: usize) -> bool {
        let before = self
            .prev(s)
            .map(|p| self.low(p).into_owned())
            .unwrap_or_default();
        if matches!(
            before.as_str(),
            "à" | "vers" | "dès" | "pukul" | "las" | "at"
        ) {
            return true;
        }
        let j = self.skip_sp(unit + 1);
        let j2 = self.skip_sp(j + 1);
        (self.is_w(j, "du") || self.is_w(j, "de"))
            && matches!(
                self.low(j2).as_ref(),
                "matin" | "soir" | "après" | "l" | "la"
            )
            || matches!(
                self.low(j).as_ref(),
                "pagi" | "siang" | "sore" | "malam" | "wib" | "wita" | "wit"
            )
    }

    fn is_time_suffix(&self, k: usize) -> bool {
        if !(self.lang == "en" || self.zh) {
            return false;
        }
        let w = self.low(k);
        matches!(w.as_ref(), "am" | "pm")
            || matches!(w.as_ref(), "a" | "p")
                && self.is_p(k + 1, '.')
                && self.is_w(k + 2, "m")
                && self.adj(k, k + 1)
    }

    fn percent_words(&self, k: usize) -> Option<usize> {
        if self.entry(k).is_some_and(|e| e.percent) {
            return Some(k);
        }
        let j = self.skip_sp(k + 1);
        let pair = (self.low(k), self.low(j));
        match (pair.0.as_ref(), pair.1.as_ref()) {
            ("pour", "cent") | ("per", "cent") | ("por", "ciento") => Some(j),
            _ => None,
        }
    }

    /// A currency after an amount: `€`, `euros`, `de dollars`, `d'euros`, `USD`, `dolar AS`.
    fn currency_after(&self, k: usize) -> Option<(&'static str, usize)> {
        if let Some(t) = self.tok(k)
            && t.kind == Tk::Punct
        {
            return match t.ch {
                '€' => Some(("EUR", k)),
                '$' => Some(("USD", k)),
                '£' => Some(("GBP", k)),
                _ => None,
            };
        }
        if let Some(code) = suffix_code(self.raw(k)) {
            return Some((code, k));
        }
        let mut j = k;
        if self.lex.noun_links.contains(&self.low(k).as_ref()) {
            j = if self.is_p(k + 1, '\'') || self.is_p(k + 1, '’') {
                k + 2
            } else {
                self.skip_sp(k + 1)
            };
        }
        let code = self.entry(j)?.currency?;
        // "dollars américains", "dolar AS", "dólares estadounidenses"
        let n = self.skip_sp(j + 1);
        let us = matches!(
            self.raw(n),
            "AS" | "US" | "américains" | "estadounidenses" | "Amerika" | "américain"
        );
        Some((code, if us && code == "USD" { n } else { j }))
    }

    /// The counted noun after a count: up to a few words, stopping at function words.
    pub fn noun_after(&self, j: usize) -> Option<String> {
        let mut k = self.skip_sp(j);
        if self.lex.noun_words == 0 {
            return None;
        }
        let link = self.low(k);
        if self.lex.noun_links.contains(&link.as_ref()) {
            if self.is_p(k + 1, '\'') || self.is_p(k + 1, '’') {
                k += 2;
            } else {
                k = self.skip_sp(k + 1);
            }
        }
        let first = k;
        let mut last = None;
        let mut words = 0;
        while words < self.lex.noun_words && self.is_kind(k, Tk::Word) {
            let w = self.low(k);
            if self.lex.stop.contains(w.as_ref())
                || self
                    .entry(k)
                    .is_some_and(|e| !e.parts.is_empty() || e.month > 0)
                || self.looks_verb(&w)
                // "12,000 pilots walked out": after the noun, an English past tense ends it
                // ("3 million registered users" keeps its first word).
                || (words > 0 && self.lang == "en" && w.len() > 4 && w.ends_with("ed"))
            {
                break;
            }
            last = Some(k);
            words += 1;
            let n = k + 1;
            if self.is_p(n, '-')
                && self.adj(k, n)
                && self.is_kind(n + 1, Tk::Word)
                && self.adj(n, n + 1)
            {
                k = n + 1;
                continue;
            }
            let n2 = self.skip_sp(n);
            if n2 == n {
                break;
            }
            k = n2;
        }
        let last = last?;
        Some(self.text[self.tok(first)?.s..self.tok(last)?.e].to_string())
    }

    fn looks_verb(&self, w: &str) -> bool {
        match self.lang {
            "fr" => w.ends_with("aient") || w.ends_with("ront") || w.ends_with("èrent"),
            "id" => {
                ["mem", "men", "meng", "meny", "ber"]
                    .iter()
                    .any(|p| w.starts_with(p))
                    && w.len() > 5
            }
            _ => false,
        }
    }

    /// The approximation phrase just before token `s`, if any.
    pub fn qualifier_before(&self, s: usize) -> Option<Qualifier> {
        if let Some(q) = self.zh.then(|| self.zh_qual(s)).flatten() {
            return Some(q);
        }
        if self.lex.quals.is_empty() {
            return None;
        }
        // Up to three words before `s`, nearest first; `d'` and `qu'` read as `de`.
        let mut words: [&str; 3] = [""; 3];
        let mut n = 0;
        let mut k = s;
        while n < 3 {
            let Some(p) = self.prev(k) else { break };
            let t = self.tok(p)?;
            if t.kind == Tk::Punct && matches!(t.ch, '\'' | '’') {
                k = p;
                continue;
            }
            if t.kind == Tk::Word {
                let w = self.raw(p);
                words[n] = if w.eq_ignore_ascii_case("d") || w.eq_ignore_ascii_case("qu") {
                    "de"
                } else {
                    w
                };
                n += 1;
                k = p;
            } else if t.kind == Tk::Punct
                && t.ch == '-'
                && n > 0
                && self.is_kind(p.wrapping_sub(1), Tk::Word)
            {
                // "kira-kira" arrives as two words and a hyphen: read it whole.
                let Some(ws) = self.tok(p - 1) else { break };
                words[n - 1] = &self.text[ws.s..self.tok(p + 1)?.e];
                k = p - 1;
            } else {
                break;
            }
        }
        // Lower-cased once here, not once per phrase compared.
        let words = words.map(lower);
        let mut best: Option<(usize, Qualifier)> = None;
        for (phrase, q) in &self.lex.quals {
            let len = phrase.len();
            if len <= n
                && phrase.iter().rev().zip(&words[..n]).all(|(a, b)| b == a)
                && best.is_none_or(|(l, _)| len > l)
            {
                best = Some((len, *q));
            }
        }
        best.map(|(_, q)| q)
    }

    /// The upper end of a range after `am`: `10-20`, `10 à 20`, `between 10 and 20`. For
    /// money (its code and first token), the upper end may repeat the currency: `Rp 15.000 hingga Rp 17.000`.
    fn range_after(&self, am: &Amount, money: Option<(&str, usize)>) -> Option<Amount> {
        let k = self.skip_sp(am.e + 1);
        let t = self.tok(k)?;
        let conn = match t.kind {
            Tk::Punct => matches!(t.ch, '-' | '–' | '—' | '~'),
            Tk::Word => {
                let w = self.low(k);
                // For money the range opens before the currency: "between $10 and $15".
                let first = money.map_or(am.s, |m| m.1);
                let before = self.prev(first).map(|p| self.low(p)).unwrap_or_default();
                match w.as_ref() {
                    "à" | "au" => self.lang == "fr",
                    "a" => self.lang == "es" && before == "de",
                    "to" => self.lang == "en",
                    "hingga" | "sampai" => self.lang == "id",
                    "et" | "and" | "y" | "dan" => {
                        matches!(before.as_ref(), "entre" | "between" | "antara")
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        if !conn {
            return None;
        }
        let mut j = self.skip_sp(k + 1);
        // A repeated currency makes a range only when the text says it is one: "rose $2 to
        // $78.50" is a change and a level.
        if let Some((code, start)) = money
            && (t.kind == Tk::Punct
                || self.prev(start).is_some_and(|p| {
                    matches!(
                        self.low(p).as_ref(),
                        "between" | "from" | "entre" | "de" | "antara" | "dari" | "berkisar"
                    )
                }))
            && let Some((c, after)) = self.currency_prefix(j)
            && c == code
        {
            j = self.skip_sp(after);
        }
        if !self.is_kind(j, Tk::Num) {
            return None;
        }
        let b = self.amount(j)?;
        let a_v = if am.scale == 1.0 && b.scale > 1.0 {
            am.v * b.scale
        } else {
            am.v
        };
        ((am.year_like || !b.year_like) && b.v > a_v).then_some(b)
    }

    /// A currency written before an amount at `j` (`$`, `US$`, `Rp`, `EUR`): its code and
    /// the token after it.
    fn currency_prefix(&self, j: usize) -> Option<(&'static str, usize)> {
        let t = self.tok(j)?;
        match t.kind {
            Tk::Punct => {
                let code = match t.ch {
                    '$' => "USD",
                    '€' => "EUR",
                    '£' => "GBP",
                    _ => return None,
                };
                Some((code, j + 1))
            }
            Tk::Word if self.raw(j) == "US" && self.adj(j, j + 1) && self.is_p(j + 1, '$') => {
                Some(("USD", j + 2))
            }
            Tk::Word => prefix_code(self.raw(j)).map(|c| (c, j + 1)),
            _ => None,
        }
    }

    // ---- dates and times --------------------------------------------------------------------

    /// `16/1`, `16/1/2025`, `2025-01-19`, `16.01.2025`.
    fn numeric_date(&mut self, i: usize) -> Option<usize> {
        let raw = self.raw(i);
        // 16.01.2025 arrives as one token.
        let mut dotted = raw.split('.');
        if let (Some(a), Some(b), Some(y), None) =
            (dotted.next(), dotted.next(), dotted.next(), dotted.next())
            && y.len() == 4
            && a.len() <= 2
            && b.len() <= 2
        {
            let (a, b, y) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
            let (d, m) = if self.lex.day_first { (a, b) } else { (b, a) };
            if valid(m, d) {
                self.push(
                    Kind::Date,
                    Value::Text(iso(Some(y), m, Some(d))),
                    None,
                    None,
                    None,
                    i,
                    i,
                );
                return Some(i + 1);
            }
        }
        let sep = if self.is_p(i + 1, '/') {
            '/'
        } else if self.is_p(i + 1, '-') {
            '-'
        } else {
            return None;
        };
        if !(self.adj(i, i + 1) && self.adj(i + 1, i + 2)) {
            return None;
        }
        let a = self.small(i)?;
        let b = self.small(i + 2)?;
        let third = (self.is_p(i + 3, sep) && self.adj(i + 2, i + 3) && self.adj(i + 3, i + 4))
            .then(|| self.small(i + 4))
            .flatten();
        if sep == '-' {
            // ISO 8601 only.
            let c = third?;
            if self.raw(i).len() == 4 && valid(b, c) {
                self.push(
                    Kind::Date,
                    Value::Text(iso(Some(a), b, Some(c))),
                    None,
                    None,
                    None,
                    i,
                    i + 4,
                );
                return Some(i + 5);
            }
            return None;
        }
        let (d, m) = if self.lex.day_first { (a, b) } else { (b, a) };
        if !valid(m, d) {
            return None;
        }
        let year = third.map(|y| if y < 100 { 2000 + y } else { y });
        let after_weekday = {
            let mut p = self.prev(i);
            if p.is_some_and(|p| self.is_p(p, '(')) {
                p = p.and_then(|p| self.prev(p));
            }
            p.is_some_and(|p| self.entry(p).is_some_and(|e| e.weekday))
        };
        if year.is_none() && !after_weekday {
            return Some(i + 3);
        }
        let end = if year.is_some() { i + 4 } else { i + 2 };
        self.push(
            Kind::Date,
            Value::Text(iso(year, m, Some(d))),
            None,
            None,
            None,
            i,
            end,
        );
        Some(end + 1)
    }

    /// `Kamis (16/1)`: a weekday with a numeric date in brackets.
    fn weekday_date(&mut self, i: usize) -> Option<usize> {
        let j = self.skip_sp(i + 1);
        if !self.is_p(j, '(') {
            return None;
        }
        let a = self.small(j + 1)?;
        if !(self.is_p(j + 2, '/') && self.adj(j + 1, j + 2)) {
            return None;
        }
        let b = self.small(j + 3)?;
        let (d, m) = if self.lex.day_first { (a, b) } else { (b, a) };
        let (year, close) = if self.is_p(j + 4, '/') {
            (
                self.small(j + 5)
                    .map(|y| if y < 100 { 2000 + y } else { y }),
                j + 6,
            )
        } else {
            (None, j + 4)
        };
        if !valid(m, d) || !self.is_p(close, ')') {
            return None;
        }
        self.push(
            Kind::Date,
            Value::Text(iso(year, m, Some(d))),
            None,
            None,
            None,
            i,
            close,
        );
        Some(close + 1)
    }

    fn is_followed_by_month(&self, j: usize) -> bool {
        let k = self.skip_sp(j + 1);
        self.entry(k).is_some_and(|e| e.month > 0)
    }

    /// `19 janvier 2025`, `lundi 13 janvier`, `Selasa, 14 Januari`, `13 de enero de 2025`,
    /// `13-15 janvier`.
    fn day_month_date(&mut self, am: Amount) -> Option<usize> {
        if am.spelled || am.e != am.s || am.v.fract() != 0.0 || !(1.0..=31.0).contains(&am.v) {
            return None;
        }
        let mut k = self.skip_sp(am.e + 1);
        let mut to_day = None;
        let joins = self.is_p(k, '-')
            || self.is_p(k, '–')
            || matches!(
                self.low(k).as_ref(),
                "au" | "et" | "to" | "hingga" | "sampai" | "al" | "y" | "and"
            );
        let d2_at = self.skip_sp(k + 1);
        if joins && self.small(d2_at).is_some() {
            let d2 = self.small(d2_at)?;
            let after = self.skip_sp(d2_at + 1);
            if self.entry(after).is_some_and(|e| e.month > 0) && d2 > 0 && f64::from(d2) > am.v {
                to_day = Some(d2);
                k = after;
            }
        }
        if self.lang == "es" && self.is_w(k, "de") {
            k = self.skip_sp(k + 1);
        }
        let m = self.entry(k).map(|e| e.month).filter(|&m| m > 0)?;
        if self.lang == "en" && self.low(k) == "may" && !self.raw(k).starts_with('M') {
            return None;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let d = am.v as u32;
        let (year, end) = self.year_after(k);
        if !valid(u32::from(m), d) {
            return None;
        }
        let start = self.weekday_before(am.s);
        let to = to_day.map(|d2| Value::Text(iso(year, m, Some(d2))));
        self.push(
            Kind::Date,
            Value::Text(iso(year, m, Some(d))),
            to,
            None,
            None,
            start,
            end,
        );
        Some(end + 1)
    }

    fn push_day_month(&mut self, s: usize, d: f64, m: u8, month_tok: usize) -> usize {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let d = d as u32;
        let (year, end) = self.year_after(month_tok);
        let start = self.weekday_before(s);
        self.push(
            Kind::Date,
            Value::Text(iso(year, m, Some(d))),
            None,
            None,
            None,
            start,
            end,
        );
        end + 1
    }

    /// A year right after a month (`janvier 2025`, `de 2025`, `, 2025`).
    fn year_after(&self, month_tok: usize) -> (Option<u32>, usize) {
        let mut k = self.skip_sp(month_tok + 1);
        if self.lang == "es" && self.is_w(k, "de") || self.is_p(k, ',') && self.lang == "en" {
            k = self.skip_sp(k + 1);
        }
        match self.small(k) {
            Some(y) if self.raw(k).len() == 4 && (1000..=2200).contains(&y) => (Some(y), k),
            _ => (None, month_tok),
        }
    }

    /// Where a date starting at `s` really starts: at a weekday before it (`lundi 13`,
    /// `Selasa, 14`).
    fn weekday_before(&self, s: usize) -> usize {
        let mut p = self.prev(s);
        if p.is_some_and(|p| self.is_p(p, ',')) {
            p = p.and_then(|p| self.prev(p));
        }
        match p {
            Some(p) if self.entry(p).is_some_and(|e| e.weekday) => p,
            _ => s,
        }
    }

    /// `January 19, 2025`, `janvier 2025`, `Desember 2024`, `enero de 2025`.
    fn month_first_date(&mut self, i: usize, m: u8) -> Option<usize> {
        if self.lang == "en" && self.low(i) == "may" && !self.raw(i).starts_with('M') {
            return None;
        }
        let mut k = i + 1;
        if self.is_p(k, '.') && self.adj(i, k) {
            k += 1;
        }
        k = self.skip_sp(k);
        if self.lang == "es" && self.is_w(k, "de") {
            k = self.skip_sp(k + 1);
        }
        let n = self.small(k)?;
        if self.raw(k).len() == 4 && (1800..=2200).contains(&n) {
            let start = self.weekday_before(i);
            self.push(
                Kind::Date,
                Value::Text(iso(Some(n), m, None)),
                None,
                None,
                None,
                start,
                k,
            );
            return Some(k + 1);
        }
        if self.lang != "en"
            || !valid(u32::from(m), n)
            || self.adj(k, k + 1)
                && self.is_kind(k + 1, Tk::Word)
                && !matches!(self.low(k + 1).as_ref(), "st" | "nd" | "rd" | "th")
        {
            return None;
        }
        let mut end = k;
        if self.adj(k, k + 1) && self.is_kind(k + 1, Tk::Word) {
            end = k + 1;
        }
        let (year, yend) = self.year_after(end);
        let start = self.weekday_before(i);
        self.push(
            Kind::Date,
            Value::Text(iso(year, m, Some(n))),
            None,
            None,
            None,
            start,
            yend.max(end),
        );
        Some(yend.max(end) + 1)
    }

    /// `14:30`, `09.00` (after `pukul`), `9 pagi`: a time of day at `i`. `intro` is the
    /// first token of the time phrase (`pukul` in `sekitar pukul 02.30`): an approximation
    /// word stands before it.
    fn time_at(&mut self, i: usize, marked: bool, intro: usize) -> Option<usize> {
        if !self.is_kind(i, Tk::Num) {
            return None;
        }
        let raw = self.raw(i);
        let (h, m, end) = if self.is_p(i + 1, ':') && self.adj(i, i + 1) && self.adj(i + 1, i + 2) {
            let h = self.small(i)?;
            let m = self.small(i + 2).filter(|_| self.raw(i + 2).len() == 2)?;
            (h, m, i + 2)
        } else if marked && raw.len() == 5 && raw.as_bytes()[2] == b'.' {
            (raw[..2].parse().ok()?, raw[3..].parse().ok()?, i)
        } else if marked {
            (self.small(i)?, 0, i)
        } else {
            return None;
        };
        if h > 24 || m > 59 {
            return None;
        }
        let mut end = end;
        let mut h = h;
        let k = self.skip_sp(end + 1);
        if self.is_time_suffix(k) {
            if self.low(k).starts_with('p') && h < 12 {
                h += 12;
            }
            end = if self.is_w(k, "a") || self.is_w(k, "p") {
                k + 3
            } else {
                k
            };
        }
        let v = Value::Text(hhmm(f64::from(h), m));
        let start = i;
        // Only "about" reads as an approximation of a time of day: "hingga pukul 10.00" and
        // "up to 3 p.m." say until when, not how near.
        let qual = self
            .qualifier_before(intro)
            .filter(|q| *q == Qualifier::About);
        self.push(
            Kind::Time,
            v,
            None,
            None,
            qual,
            start,
            end.min(self.toks.len() - 1),
        );
        Some(end + 1)
    }
}

/// Words that, capitalised after a number, make it part of a product name.
const MODEL_WORDS: &[&str] = &[
    "pro", "max", "ultra", "plus", "gen", "mini", "lite", "se", "xl", "air", "neo",
];

/// A digit token with a dot that does not group thousands (`49.3`, `7.12`).
fn dotted_code(raw: &str) -> bool {
    !raw.contains(',')
        && raw
            .rsplit_once('.')
            .is_some_and(|(_, tail)| tail.len() != 3)
}

/// Words outside the lexicon that can introduce a figure (see `at_word`). Asked for
/// almost every word of the text, so it lower-cases into a stack buffer and lets `match`
/// dispatch on length before comparing.
fn is_introducer(raw: &str) -> bool {
    let b = raw.as_bytes();
    if b.len() > 8 {
        return false;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    // Non-ASCII words as their UTF-8 bytes: lower-casing ASCII bytes leaves those alone.
    matches!(
        &buf[..b.len()],
        b"version"
            | b"versi"
            | b"versi\xc3\xb3n"
            | b"release"
            | b"build"
            | b"update"
            | b"pukul"
            | b"jam"
            | b"las"
            | b"tahun"
            | b"ann\xc3\xa9e"
            | b"year"
            | b"a\xc3\xb1o"
            | b"rp"
            | b"usd"
            | b"eur"
            | b"idr"
            | b"cny"
            | b"rmb"
            | b"gbp"
            | b"jpy"
            | b"v"
            | b"ver"
    )
}

/// A currency code or symbol-word written before an amount.
fn prefix_code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "Rp" | "RP" | "rp" => "IDR",
        "USD" => "USD",
        "EUR" => "EUR",
        "IDR" => "IDR",
        "CNY" | "RMB" => "CNY",
        "GBP" => "GBP",
        "JPY" => "JPY",
        _ => return None,
    })
}

/// A currency code written after an amount.
fn suffix_code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "USD" => "USD",
        "EUR" => "EUR",
        "IDR" => "IDR",
        "CNY" | "RMB" => "CNY",
        "GBP" => "GBP",
        "JPY" => "JPY",
        _ => return None,
    })
}

/// True for a real month and day.
pub fn valid(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// An ISO 8601 date with the unknown parts left out.
pub fn iso(y: Option<u32>, m: impl Into<u32>, d: Option<u32>) -> String {
    let m: u32 = m.into();
    match (y, d) {
        (Some(y), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), None) => format!("{y:04}-{m:02}"),
        (None, Some(d)) => format!("--{m:02}-{d:02}"),
        (None, None) => format!("--{m:02}"),
    }
}

/// `09:30`.
pub fn hhmm(h: f64, m: u32) -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let h = h as u32;
    format!("{h:02}:{m:02}")
}
