//! Where a term occurs as one run of characters, for the terms that must match contiguously
//! (`'exact`, `^prefix`, `suffix$`). A paragraph is read as matching compares it (classes,
//! whitespace and combining marks skipped) and, at once, as the figure scanner tokenizes it,
//! to tell where a figure's surface may end and its counted noun may start. Bit-parallel
//! automata (Shift-And) find every prefix or suffix of the term in one pass.

use super::{Class, class_at, next_candidate};
use crate::extract::figures::Edges;

/// The automata of one term of 1 to 64 characters.
#[derive(Debug, Clone)]
pub(super) struct Runs {
    needle: Vec<Class>,
    /// Per ASCII text character, the needle positions that accept it.
    ascii: Box<[u64; 128]>,
    /// The positions that accept any character: those of class `Any`.
    any: u64,
    /// The needle has caseless characters, which only accept themselves (or `Any`).
    caseless: bool,
}

/// The positions of `needle` whose class `f` holds for, bit `k` for position `k`.
fn positions(needle: &[Class], f: impl Fn(Class) -> bool) -> u64 {
    needle
        .iter()
        .enumerate()
        .filter(|&(_, &c)| f(c))
        .fold(0, |bits, (k, _)| bits | 1 << k)
}

impl Runs {
    /// The automata of `needle`, or `None` when it is empty or longer than 64 characters.
    pub fn new(needle: &[Class]) -> Option<Self> {
        if needle.is_empty() || needle.len() > 64 {
            return None;
        }
        let mut ascii = Box::new([0u64; 128]);
        for (b, bits) in (0u8..128).zip(ascii.iter_mut()) {
            *bits = positions(needle, |c| c.accepts(Class::Ascii(b)));
        }
        Some(Self {
            needle: needle.to_vec(),
            ascii,
            any: positions(needle, |c| c == Class::Any),
            caseless: needle.iter().any(|c| matches!(c, Class::Caseless(_))),
        })
    }

    /// The term's length in characters.
    pub fn len(&self) -> usize {
        self.needle.len()
    }

    /// The needle positions that accept text character `t`, bit `k` for position `k`.
    #[inline(always)]
    fn mask(&self, t: Class) -> u64 {
        match t {
            Class::Ascii(b) => self.ascii[usize::from(b & 0x7F)],
            Class::Caseless(_) if !self.caseless => self.any,
            // Every needle position accepts a character of class `Any`.
            Class::Any => u64::MAX >> (64 - self.needle.len()),
            Class::Caseless(_) => positions(&self.needle, |c| c.accepts(t)),
        }
    }

    /// Whether the term occurs in `text` as one run; when it does not and `heads` is asked
    /// for, where its heads end: bit `k - 1` is set when its first `k` characters occur as a
    /// run that ends where a token may end.
    pub fn find(&self, text: &str, heads: bool) -> Result<(), u64> {
        let last = 1u64 << (self.needle.len() - 1);
        let bytes = text.as_bytes();
        let mut d = 0u64;
        let mut ends = 0;
        let mut tokens = Edges::default();
        let mut i = 0;
        while i < bytes.len() {
            if d == 0 {
                // No run is under way: pass over what cannot start one without decoding it.
                // The token edges need not follow: where no run is under way, where a token
                // may end adds nothing, and the character that starts a run is no mark
                // (folding drops marks), so what follows it depends on it alone.
                match next_candidate(&bytes[i..], self.needle[0]) {
                    Some(k) => i += k,
                    None => break,
                }
            }
            let (class, len, (ends_before, _)) = read_at(text, i, heads.then_some(&mut tokens));
            if ends_before {
                // A token may end after the last character compared.
                ends |= d;
            }
            i += len;
            if let Some(class) = class {
                d = ((d << 1) | 1) & self.mask(class);
                if d & last != 0 {
                    return Ok(());
                }
            }
        }
        Err(ends | d)
    }

    /// Whether, for some `k` in `cuts` (bit `k` for `k`), the term's characters from `k` on
    /// occur as a run that starts where a word or Han token does.
    pub fn tail_from(&self, text: &str, cuts: u64) -> bool {
        let n = self.needle.len();
        // One automaton per cut, for the needle's characters from it on.
        let mut states: Vec<(usize, u64)> = (1..n)
            .filter(|&k| cuts & (1 << k) != 0)
            .map(|k| (k, 0))
            .collect();
        let mut started = false;
        let mut hit = false;
        walk(text, true, |class, _, starts| {
            started |= starts;
            let Some(class) = class else { return true };
            let mask = self.mask(class);
            for (k, d) in &mut states {
                *d = ((*d << 1) | u64::from(started)) & (mask >> *k);
                if *d & (1 << (n - *k - 1)) != 0 {
                    hit = true;
                    return false;
                }
            }
            started = false;
            true
        });
        hit
    }
}

/// Reads `text` a character at a time, telling `each` its class (`None` for what matching
/// skips), whether a token may end just before it, and whether a word or Han token starts
/// at it, until `each` returns false. Token edges are only followed when `edges` is true.
#[inline]
fn walk(text: &str, edges: bool, mut each: impl FnMut(Option<Class>, bool, bool) -> bool) {
    let bytes = text.as_bytes();
    let mut tokens = Edges::default();
    let mut i = 0;
    while i < bytes.len() {
        let (class, len, (ends_before, starts)) = read_at(text, i, edges.then_some(&mut tokens));
        i += len;
        if !each(class, ends_before, starts) {
            return;
        }
    }
}

/// The class of the character at byte `i` of `text` (`None` for what matching skips) and its
/// length; with `tokens`, stepped onto it, whether a token may end just before it and whether
/// a word or Han token starts at it (else both false).
#[inline(always)]
fn read_at(
    text: &str,
    i: usize,
    tokens: Option<&mut Edges>,
) -> (Option<Class>, usize, (bool, bool)) {
    let b = text.as_bytes()[i];
    let (class, len) = if b.is_ascii() {
        (ASCII_CLASSES[usize::from(b)], 1)
    } else {
        class_at(text, i)
    };
    let edges = match tokens {
        None => (false, false),
        Some(tokens) if b.is_ascii() => tokens.step(char::from(b)),
        Some(tokens) => tokens.step(
            text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER),
        ),
    };
    (class, len, edges)
}

/// The class of every ASCII character, as [`class_at`] gives it.
static ASCII_CLASSES: [Option<Class>; 128] = {
    let mut t = [None; 128];
    let mut b = 0;
    while b < 128 {
        #[allow(clippy::cast_possible_truncation)]
        let c = b as u8;
        if !matches!(c, b'\t'..=b'\r' | b' ') {
            t[b] = Some(Class::Ascii(c.to_ascii_lowercase()));
        }
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// [`Runs::find`] without skipping: every character stepped through.
    fn find_stepping(runs: &Runs, text: &str, heads: bool) -> Result<(), u64> {
        let last = 1u64 << (runs.needle.len() - 1);
        let (mut d, mut ends, mut whole) = (0u64, 0, false);
        walk(text, heads, |class, ends_before, _| {
            if ends_before {
                ends |= d;
            }
            if let Some(class) = class {
                d = ((d << 1) | 1) & runs.mask(class);
                whole = d & last != 0;
            }
            !whole
        });
        if whole { Ok(()) } else { Err(ends | d) }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Skipping to where a run may start finds what stepping through every character
        /// finds: the run, or the same heads.
        #[test]
        fn skipping_finds_what_stepping_finds(
            text in "[cChiInNeE ,.'\u{e9}\u{301}\u{3b9}\u{4e2d}\u{56fd}2\u{ff12}\u{1f600}]{0,20}",
            needle in prop::sample::select(vec!["chine", "c", "e", "2e", "\u{4e2d}\u{56fd}", "\u{3b9}n", "n'e"]),
        ) {
            let classes: Vec<Class> = needle.chars().filter_map(Class::of).collect();
            let runs = Runs::new(&classes).expect("a short needle");
            for heads in [false, true] {
                prop_assert_eq!(
                    runs.find(&text, heads),
                    find_stepping(&runs, &text, heads),
                    "{:?} in {:?}", needle, text
                );
            }
        }
    }

    #[test]
    fn ascii_classes_are_those_of_class_at() {
        for b in 0u8..128 {
            let s = [b];
            let text = std::str::from_utf8(&s).expect("ascii");
            assert_eq!(ASCII_CLASSES[usize::from(b)], class_at(text, 0).0, "{b}");
        }
    }
}
