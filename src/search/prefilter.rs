//! A cheap test that a paragraph cannot hold a hit for a query, so a one-shot search can skip
//! analysing it (sentences, quotes, figures) altogether.
//!
//! Every positive term of a query matches only units that contain its characters in order,
//! whatever its kind (fuzzy, exact, prefix, suffix, whole), and sentences and quotes are
//! slices of one paragraph. So a paragraph that does not contain some positive term as a
//! subsequence holds no hit. The test compares characters more coarsely than any matcher
//! does (case and accents always ignored; characters with case outside ASCII match anything)
//! so it never rejects a paragraph that holds a hit: it may only let through some that do not.
//!
//! Figures need one allowance: a figure's unit text is its surface form followed by a label
//! that is not always in the paragraph, such as `(USD)` or `(2025-01-15)`. The end of a term
//! that such a label could supply is not looked for.

use super::fold::fold_char;
use super::query::Query;

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
    fn of(c: char) -> Option<Self> {
        let f = fold_char(c)?;
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

    /// Whether this needle character may match a Han character.
    fn may_be_han(self) -> bool {
        matches!(self, Self::Caseless(_) | Self::Any)
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
    if matches!(c, '\u{0590}'..='\u{08FF}' | '\u{0E00}'..='\u{0E7F}' | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}')
    {
        return true;
    }
    is_just(c.to_lowercase(), c) && is_just(c.to_uppercase(), c)
}

fn is_just(mut chars: impl Iterator<Item = char>, c: char) -> bool {
    chars.next() == Some(c) && chars.next().is_none()
}

/// The paragraph test of one query.
#[derive(Debug, Clone)]
pub struct Prefilter {
    terms: Vec<Needle>,
}

/// What one positive term demands of a paragraph.
#[derive(Debug, Clone)]
struct Needle {
    /// Classes that must occur in order: the term, less the end a figure label may supply.
    chars: Vec<Class>,
    /// Shorter demands that hold instead when the paragraph has a given character: the
    /// label of a currency read only from text with that character may supply more.
    or_with: Vec<(char, Vec<Class>)>,
    /// With figures, a Chinese count's noun may stand before its number (用户超过3亿 gives
    /// "3亿 用户"): the term, spaces left out, may then be found as two runs in order, the
    /// second made of this many last characters at most.
    han_tail: usize,
    /// `chars` for that case: the whole term without spaces.
    split: Vec<Class>,
}

impl Prefilter {
    /// The test for `query`, or `None` when every paragraph may hold a hit (an empty query,
    /// or only excluded terms). With `figures`, figure units are searched too.
    #[must_use]
    pub fn new(query: &Query, figures: bool) -> Option<Self> {
        let mut terms = Vec::new();
        for t in query.terms.iter().filter(|t| !t.negated) {
            let all: Vec<Class> = t.folded.chars().filter_map(Class::of).collect();
            let (mut keep, mut or_with) = (all.len(), Vec::new());
            if figures {
                keep -= label_suffix(&all, None);
                for &(code, cue) in &crate::figures::CURRENCIES {
                    if let Some(cue) = cue {
                        let with = all.len() - label_suffix(&all, Some(code));
                        if with < keep {
                            or_with.push((cue, all[..with].to_vec()));
                        }
                    }
                }
            }
            // A figure's text puts a space between its number and its noun that the paragraph
            // may not have (3亿用户 gives "3亿 用户").
            let no_space = |n: &[Class]| -> Vec<Class> {
                n.iter()
                    .copied()
                    .filter(|&c| !(figures && c == Class::Ascii(b' ')))
                    .collect()
            };
            let chars = no_space(&all[..keep]);
            let or_with: Vec<(char, Vec<Class>)> = or_with
                .into_iter()
                .map(|(c, n)| (c, no_space(&n)))
                .collect();
            let split = no_space(&all);
            let han_tail = if figures {
                split.iter().rev().take_while(|c| c.may_be_han()).count()
            } else {
                0
            };
            if chars.is_empty() || or_with.iter().any(|(_, n)| n.is_empty()) {
                // Every paragraph may hold a hit for this term.
                continue;
            }
            terms.push(Needle {
                chars,
                or_with,
                han_tail,
                split,
            });
        }
        (!terms.is_empty()).then_some(Self { terms })
    }

    /// False only when `paragraph` cannot hold a unit the query matches.
    #[must_use]
    pub fn passes(&self, paragraph: &str) -> bool {
        self.terms.iter().all(|t| {
            contains_in_order(paragraph, &t.chars)
                || t.or_with
                    .iter()
                    .any(|(cue, n)| paragraph.contains(*cue) && contains_in_order(paragraph, n))
                || (t.han_tail > 0 && in_two_runs(paragraph, &t.split, t.han_tail))
        })
    }
}

/// Whether `needle` splits into a head and a tail of at most `tail` characters that each
/// occur in `text` in order, the tail anywhere (before the head, too).
fn in_two_runs(text: &str, needle: &[Class], tail: usize) -> bool {
    // The longest head found leaves the shortest tail to find.
    let head = matched_prefix(text, needle);
    head == needle.len()
        || (needle.len() - head <= tail && contains_in_order(text, &needle[head..]))
}

/// Whether the characters of `needle` occur in `text` in order, gaps allowed.
fn contains_in_order(text: &str, needle: &[Class]) -> bool {
    matched_prefix(text, needle) == needle.len()
}

/// How many first characters of `needle` occur in `text` in order.
fn matched_prefix(text: &str, needle: &[Class]) -> usize {
    let Some(mut want) = needle.first().copied() else {
        return 0;
    };
    let mut found = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = if b.is_ascii() {
            i += 1;
            Class::Ascii(b.to_ascii_lowercase())
        } else {
            let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            match Class::of(c) {
                Some(class) => class,
                None => continue,
            }
        };
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

/// How many characters at the end of `needle` a figure's label could supply: the longest
/// suffix that occurs in order in some date label (` (2025-01-15)`) or money label
/// (` (USD)`) of the currencies read from any text, plus `also` when given.
fn label_suffix(needle: &[Class], also: Option<&str>) -> usize {
    let codes = crate::figures::CURRENCIES
        .iter()
        .filter(|&&(code, cue)| cue.is_none() || also == Some(code))
        .map(|&(code, _)| code);
    let money = codes
        .map(|code| {
            let label: Vec<Class> = format!(" ({code})").chars().filter_map(Class::of).collect();
            longest_suffix_in(needle, |suffix| in_order(suffix, &label))
        })
        .max()
        .unwrap_or(0);
    let date = longest_suffix_in(needle, in_date_label);
    money.max(date)
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

/// Whether `needle` occurs in order in some ` (…)` label of a date: a space, an opening
/// bracket, any digits and hyphens, a closing bracket.
fn in_date_label(needle: &[Class]) -> bool {
    let digit_or_dash = |c: Class| matches!(c, Class::Ascii(b'0'..=b'9' | b'-')) || c == Class::Any;
    // Stages of the label; a needle character may use the earliest stage at or after the
    // current one that takes it, and the digits stage takes any number.
    let mut stage = 0;
    for &c in needle {
        let takes = |s: usize| match s {
            0 => Class::Ascii(b' ').accepts(c),
            1 => Class::Ascii(b'(').accepts(c),
            2 => digit_or_dash(c),
            3 => Class::Ascii(b')').accepts(c),
            _ => false,
        };
        match (stage..4).find(|&s| takes(s)) {
            Some(s) => stage = if s == 2 { 2 } else { s + 1 },
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
        // A term a label could supply whole puts no demand on the paragraph.
        assert!(pf("2025", true).is_none());
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
    fn label_suffixes() {
        let classes = |s: &str| s.chars().filter_map(Class::of).collect::<Vec<_>>();
        assert_eq!(label_suffix(&classes("abz"), None), 0);
        assert_eq!(label_suffix(&classes("abc"), None), 1);
        assert_eq!(label_suffix(&classes("xusd)"), None), 4);
        assert_eq!(label_suffix(&classes("x (2025-01-15)"), None), 13);
        assert_eq!(label_suffix(&classes("x15)"), None), 3);
        assert_eq!(label_suffix(&classes("xhk"), None), 0);
        assert_eq!(label_suffix(&classes("xhk"), Some("HKD")), 2);
    }
}
