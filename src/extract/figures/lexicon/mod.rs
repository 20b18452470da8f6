//! Per-language word tables: number words, scales, months, weekdays, ordinals, currencies,
//! duration units, percent words, approximation phrases and the function words that end a
//! counted noun phrase. Built once per process. Each language's tables are in its own file
//! (`fr.rs`, `id.rs`, `en.rs`, `es.rs`, `de.rs`, `pt.rs`); any other language gets no words at all.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::Qualifier;
use super::number::{Decimal, Part};
use crate::corpus::Lang;

mod de;
mod en;
mod es;
mod fr;
mod id;
mod pt;

/// What one lower-case word can mean.
#[derive(Debug, Clone, Copy, Default)]
pub struct Entry {
    /// Parts of a spelled-out number (`seribu` = one, thousand).
    pub parts: &'static [Part],
    /// The word for one, or an article: a figure only before a scale or a unit.
    pub one: bool,
    /// Joins spelled-out parts: `et`, `y`, `and`.
    pub connector: bool,
    /// 1..=12.
    pub month: u8,
    pub weekday: bool,
    pub ordinal: u32,
    pub currency: Option<&'static str>,
    /// The currency word names a hundredth of the unit (`centimes`, `cents`, `céntimos`).
    pub cents: bool,
    pub duration: Option<&'static str>,
    pub percent: bool,
}

/// The tables of one language.
pub struct Lex {
    pub words: Words,
    /// Which words `words` can hold, by first letter and length.
    pub shapes: Shapes,
    pub stop: HashSet<&'static str>,
    /// Approximation phrases, lower case, as the words before a number.
    pub quals: Vec<(&'static [&'static str], Qualifier)>,
    pub dec: Decimal,
    /// Spaces group thousands (`12 480`).
    pub space_groups: bool,
    /// Words between a scale and its noun (`de`, `d`).
    pub noun_links: &'static [&'static str],
    /// Longest counted noun phrase, in words.
    pub noun_words: usize,
    /// Day first in numeric dates (`16/1`).
    pub day_first: bool,
}

const ONE: &[Part] = &[Part::Add(1)];
const HUNDRED: &[Part] = &[Part::Hundred];
const THOUSAND: &[Part] = &[Part::Thousand];
const MILLION: &[Part] = &[Part::Big(1e6)];
const BILLION: &[Part] = &[Part::Big(1e9)];
const TRILLION: &[Part] = &[Part::Big(1e12)];

/// Leaked single-part slices for the small values, built once.
static ADDS: LazyLock<Vec<[Part; 1]>> =
    LazyLock::new(|| (0..=1000).map(|v| [Part::Add(v)]).collect());

fn add(v: u32) -> &'static [Part] {
    // ADDS lives for the whole process.
    let all: &'static Vec<[Part; 1]> = &ADDS;
    &all[v as usize]
}

/// A multiply-rotate hash (the rustc "Fx" scheme): word lookups are the hot path of the
/// scanner, and the keys are fixed lexicon words, so flooding resistance is not needed.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Lower-case word to its meanings.
pub type Words = HashMap<&'static str, Entry, BuildHasherDefault<WordHasher>>;

/// For each ASCII first byte of a lexicon word, and for each ASCII last byte, the set of
/// the byte lengths of the words with it (63 stands for 63 and more): table lookups rule
/// out most words of running text before any hashing. On mixed French and Indonesian text,
/// the first byte and length alone let half the words through to the hash table; with the
/// last byte, a third (a twentieth are lexicon words). `ends` asks for both bytes at once,
/// folded to their low five bits (so `D` and `d` meet): many words share a first byte and
/// a length with one lexicon word and a last byte and a length with another.
#[derive(Debug, Clone)]
pub struct Shapes {
    first: [u64; 128],
    last: [u64; 128],
    ends: Box<[u64; 1024]>,
}

impl Default for Shapes {
    fn default() -> Self {
        Self {
            first: [0; 128],
            last: [0; 128],
            ends: Box::new([0; 1024]),
        }
    }
}

/// Where the first and last bytes `b0` and `bl` (both ASCII) are in [`Shapes::ends`].
fn ends_at(b0: u8, bl: u8) -> usize {
    usize::from(b0 & 31) << 5 | usize::from(bl & 31)
}

impl Shapes {
    fn of(words: &Words) -> Self {
        let mut s = Self::default();
        for w in words.keys() {
            let len = 1 << w.len().min(63);
            let b = w.as_bytes();
            if let Some(&b0) = b.first().filter(|b| b.is_ascii()) {
                s.first[usize::from(b0)] |= len;
            }
            if let Some(&bl) = b.last().filter(|b| b.is_ascii()) {
                s.last[usize::from(bl)] |= len;
            }
            if let (Some(&b0), Some(&bl)) = (b.first(), b.last())
                && b0.is_ascii()
                && bl.is_ascii()
            {
                s.ends[ends_at(b0, bl)] |= len;
            }
        }
        s
    }

    /// False when no lexicon word can be `raw` lower-cased. A word is not ruled out by a
    /// non-ASCII first or last byte: lower-casing may change it. An ASCII byte lower-cases
    /// to an ASCII byte, so a word with ASCII ends can only be a lexicon word with the same
    /// ends lower-cased.
    fn may_hold(&self, raw: &[u8]) -> bool {
        let (Some(&b0), Some(&bl)) = (raw.first(), raw.last()) else {
            return false;
        };
        let ascii = raw.is_ascii();
        // Lower-casing may change the byte length of a non-ASCII letter.
        let fits = |lens: u64| {
            if ascii {
                lens >> raw.len().min(63) & 1 == 1
            } else {
                lens != 0
            }
        };
        if b0.is_ascii() && bl.is_ascii() {
            return fits(self.ends[ends_at(b0, bl)]);
        }
        (!b0.is_ascii() || fits(self.first[usize::from(b0.to_ascii_lowercase())]))
            && (!bl.is_ascii() || fits(self.last[usize::from(bl.to_ascii_lowercase())]))
    }
}

impl Lex {
    /// The entry of a word as written, lower-cased without allocating for short ASCII words.
    #[must_use]
    pub fn lookup(&self, raw: &str) -> Option<&Entry> {
        let b = raw.as_bytes();
        if self.words.is_empty() || !self.shapes.may_hold(b) {
            return None;
        }
        if !b.iter().any(u8::is_ascii_uppercase) {
            if raw.is_ascii() || !raw.chars().any(char::is_uppercase) {
                return self.words.get(raw);
            }
            return self.words.get(raw.to_lowercase().as_str());
        }
        if raw.is_ascii() && b.len() <= 32 {
            let mut buf = [0u8; 32];
            for (d, s) in buf.iter_mut().zip(b) {
                *d = s.to_ascii_lowercase();
            }
            return std::str::from_utf8(&buf[..b.len()])
                .ok()
                .and_then(|w| self.words.get(w));
        }
        self.words.get(raw.to_lowercase().as_str())
    }
}

struct B {
    words: Words,
}

impl B {
    fn new() -> Self {
        Self {
            words: Words::default(),
        }
    }
    fn set(&mut self, words: &[&'static str], f: impl Fn(&mut Entry)) -> &mut Self {
        for w in words {
            f(self.words.entry(w).or_default());
        }
        self
    }
    fn nums(&mut self, list: &[(&'static str, u32)]) -> &mut Self {
        for &(w, v) in list {
            self.words.entry(w).or_default().parts = add(v);
        }
        self
    }
    fn parts(&mut self, words: &[&'static str], p: &'static [Part]) -> &mut Self {
        self.set(words, |e| e.parts = p)
    }
    fn months(&mut self, list: &[&'static str]) -> &mut Self {
        for (i, w) in list.iter().enumerate() {
            if !w.is_empty() {
                self.words.entry(w).or_default().month = u8::try_from(i % 12 + 1).unwrap_or(1);
            }
        }
        self
    }
    fn ordinals(&mut self, list: &[(&'static str, u32)]) -> &mut Self {
        for &(w, v) in list {
            self.words.entry(w).or_default().ordinal = v;
        }
        self
    }
    fn unit(&mut self, words: &[&'static str], u: &'static str) -> &mut Self {
        self.set(words, |e| e.duration = Some(u))
    }
    fn money(&mut self, words: &[&'static str], c: &'static str) -> &mut Self {
        self.set(words, |e| e.currency = Some(c))
    }
    fn cents(&mut self, words: &[&'static str], c: &'static str) -> &mut Self {
        self.set(words, |e| {
            e.currency = Some(c);
            e.cents = true;
        })
    }
}

fn other() -> Lex {
    Lex {
        words: Words::default(),
        shapes: Shapes::default(),
        stop: HashSet::new(),
        quals: Vec::new(),
        dec: Decimal::Either,
        space_groups: false,
        noun_links: &[],
        noun_words: 0,
        day_first: true,
    }
}

fn set(words: &[&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

static FR: LazyLock<Lex> = LazyLock::new(fr::french);
static ID: LazyLock<Lex> = LazyLock::new(id::indonesian);
static EN: LazyLock<Lex> = LazyLock::new(en::english);
static ES: LazyLock<Lex> = LazyLock::new(es::spanish);
static DE: LazyLock<Lex> = LazyLock::new(de::german);
static PT: LazyLock<Lex> = LazyLock::new(pt::portuguese);
static OTHER: LazyLock<Lex> = LazyLock::new(other);

/// The tables for a language; Chinese and Japanese text use the English ones for their
/// Latin words.
#[must_use]
pub fn lex(lang: Lang) -> &'static Lex {
    match lang {
        Lang::FR => &FR,
        Lang::EN | Lang::ZH | Lang::ZH_HANT | Lang::JA => &EN,
        Lang::ES => &ES,
        Lang::DE => &DE,
        Lang::PT => &PT,
        // Malay is written as Indonesian is.
        _ if lang == Lang::ID || lang.code() == "ms" => &ID,
        _ => &OTHER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Lang;

    #[test]
    fn the_shape_filter_never_hides_a_lexicon_word() {
        for lang in [Lang::FR, Lang::ID, Lang::EN, Lang::ES, Lang::DE, Lang::PT] {
            let lx = lex(lang);
            for &w in lx.words.keys() {
                let mut capital = w.chars();
                let capital: String = capital
                    .next()
                    .map(|c| c.to_uppercase().chain(capital).collect())
                    .unwrap_or_default();
                for form in [w.to_string(), w.to_uppercase(), capital] {
                    assert!(lx.lookup(&form).is_some(), "{lang:?} {form}");
                }
            }
        }
        let fr = lex(Lang::FR);
        assert!(fr.lookup("Memperkuat").is_none() && fr.lookup("xq").is_none());
        // "deux" has the first letter and length, but no four-letter word ends in "z".
        assert!(fr.shapes.may_hold(b"DEUX") && !fr.shapes.may_hold(b"deuz"));
    }

    proptest::proptest! {
        /// The shape tables and the stack lower-casing of `lookup` give what a plain
        /// lower-cased lookup gives, for words near lexicon words and for others.
        #[test]
        fn lookup_is_the_plain_lookup(
            lang in proptest::sample::select(vec![Lang::FR, Lang::ID, Lang::EN, Lang::ES, Lang::DE, Lang::PT]),
            pick: proptest::sample::Index,
            noise in "[a-zA-ZéÉüÜßİ]{0,3}",
            at: proptest::sample::Index,
            upper: bool,
        ) {
            let lx = lex(lang);
            let mut keys: Vec<&str> = lx.words.keys().copied().collect();
            keys.sort_unstable();
            let w = keys[pick.index(keys.len())];
            let cut = w.char_indices().map(|(k, _)| k).chain([w.len()]).collect::<Vec<_>>();
            let cut = cut[at.index(cut.len())];
            for raw in [format!("{}{noise}{}", &w[..cut], &w[cut..]), noise.clone(), w.to_string()] {
                let raw = if upper { raw.to_uppercase() } else { raw };
                let plain = lx.words.get(raw.to_lowercase().as_str());
                proptest::prop_assert_eq!(
                    lx.lookup(&raw).map(|e| e as *const Entry),
                    plain.map(|e| e as *const Entry),
                    "{:?} {}", lang, raw
                );
            }
        }
    }
}
