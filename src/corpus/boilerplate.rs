//! Scrape boilerplate and repeated paragraphs.
//!
//! Scraped articles carry navigation crumbs, ad markers, comment forms, "read also" links,
//! image credits and copyright lines. The reader dims them; figures and search skip them.

use std::collections::HashMap;

/// Whole paragraphs (compared case-insensitively, trimmed) that are always boilerplate.
const EXACT: &[&str] = &[
    "spot_img",
    "- advertisement -",
    "advertisement",
    "publicité",
    "iklan",
    "scroll to continue with content",
    "laissez un commentaire",
    "leave a reply",
    "leave a comment",
    "articles similaires",
    "les plus lus",
    "les derniers articles",
    "commentaires récents",
    "related articles",
    "related posts",
    "most read",
    "recent comments",
    "artikel terkait",
    "berita terkait",
    "terpopuler",
    "share this",
    "partager",
    "bagikan",
];

/// Prefixes that mark a paragraph as boilerplate.
const PREFIXES: &[&str] = &[
    "baca juga:",
    "baca juga :",
    "lihat juga:",
    "simak juga:",
    "lire aussi",
    "à lire aussi",
    "read also:",
    "read more:",
    "see also:",
    "gambar istimewa",
    "foto:",
    "foto :",
    "photo:",
    "photo :",
    "image:",
    "crédit photo",
    "credit:",
    "copyright",
    "©",
    "(c) ",
    "pewarta:",
    "editor:",
    "s'il vous plaît entrez",
    "s’il vous plaît entrez",
    "enter your",
    "masukkan ",
    "tags:",
    "mots-clés",
];

/// Phrases that, anywhere in a short paragraph, mark it as boilerplate.
const INSIDE: &[&str] = &[
    "all rights reserved",
    "tous droits réservés",
    "hak cipta dilindungi",
    "contactez-nous",
    "sponsoring",
    "abonnez-vous",
    "subscribe to our newsletter",
];

/// Paragraphs longer than this (in bytes) are prose: only [`PREFIXES`] are checked.
const LONG_BYTES: usize = 400;

/// Longest paragraph (in words) that [`INSIDE`] phrases may mark.
const INSIDE_MAX_WORDS: usize = 40;

/// True when a paragraph is scrape boilerplate.
#[must_use]
pub fn is_boilerplate(para: &str) -> bool {
    let para = para.trim();
    // This runs on every paragraph of every document: no allocation, and the common case (a
    // prose paragraph) is decided by a few byte comparisons and one automaton pass.
    if PREFIXES
        .iter()
        .any(|p| starts_with_ignore_ascii_case(para, p))
    {
        return true;
    }
    if para.len() <= EXACT_MAX_BYTES && EXACT.iter().any(|e| para.eq_ignore_ascii_case(e)) {
        return true;
    }
    if para.len() > LONG_BYTES {
        return false;
    }
    // Counting words walks every char: only done once a cheaper test has matched.
    if inside_finder().is_match(para) && word_count(para) <= INSIDE_MAX_WORDS {
        return true;
    }
    is_breadcrumb(para)
}

fn word_count(para: &str) -> usize {
    para.split_whitespace().count()
}

/// Longest [`EXACT`] entry, in bytes.
const EXACT_MAX_BYTES: usize = 40;

fn starts_with_ignore_ascii_case(hay: &str, prefix: &str) -> bool {
    hay.as_bytes()
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// One automaton for all [`INSIDE`] phrases, built on first use.
fn inside_finder() -> &'static aho_corasick::AhoCorasick {
    static FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            // A DFA: a few kilobytes for these phrases, and the fastest scan of the short
            // paragraphs this runs on.
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(INSIDE)
                .expect("a few short phrases always build an automaton")
        });
    &FINDER
}

/// Navigation crumbs: "ActualitésInternational", "AccueilCommuniquéUn grand nombre…",
/// "Home > World > Asia".
fn is_breadcrumb(para: &str) -> bool {
    if memchr::memchr2(b'>', 0xBB, para.as_bytes()).is_some()
        && (para.matches(" > ").count() >= 2 || para.matches(" » ").count() >= 2)
        && word_count(para) <= 12
    {
        return true;
    }
    let Some(first) = para.split_whitespace().next() else {
        return false;
    };
    let joins = glued_words(first);
    if joins == 0 {
        return false;
    }
    let words = word_count(para);
    let truncated = para.ends_with("...") || para.ends_with('…');
    (words == 1 && !first.contains(['.', ',', ':'])) || joins >= 2 || (truncated && words <= 30)
}

/// How many times a lowercase letter is directly followed by an uppercase one in a token,
/// the mark of menu labels scraped without their separators.
fn glued_words(token: &str) -> usize {
    token
        .chars()
        .zip(token.chars().skip(1))
        .filter(|(a, b)| a.is_lowercase() && b.is_uppercase())
        .count()
}

/// For each paragraph, the index of an earlier paragraph with the same text, if any.
/// Short paragraphs (under 12 characters) are never called repeats.
#[must_use]
pub fn repeats(paras: &[&str]) -> Vec<Option<usize>> {
    // Keyed by a hash of the normalised text, so no copy of the corpus is kept; equal hashes
    // are confirmed by comparing the texts. Distinct texts sharing a hash (rare) wait in
    // `more`, so the common case costs one map entry and no allocation per paragraph.
    let keys = keys(paras);
    let mut seen: HashMap<u64, usize, KeyHash> =
        HashMap::with_capacity_and_hasher(paras.len(), KeyHash::default());
    let mut more: HashMap<u64, Vec<usize>, KeyHash> = HashMap::default();
    let mut out = Vec::with_capacity(paras.len());
    for (i, (p, key)) in paras.iter().zip(keys).enumerate() {
        let Some(h) = key else {
            out.push(None);
            continue;
        };
        let first = match seen.entry(h) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(i);
                None
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                let j = *o.get();
                if same_text(paras[j], p) {
                    Some(j)
                } else {
                    let others = more.entry(h).or_default();
                    let found = others.iter().copied().find(|&k| same_text(paras[k], p));
                    if found.is_none() {
                        others.push(i);
                    }
                    found
                }
            }
        };
        out.push(first);
    }
    out
}

/// The maps of [`repeats`] are keyed by xxh3 hashes, already well mixed: hashing them again
/// would only cost time. `HashMap`'s default hasher is keyed so that no text can be made to
/// collide on purpose; the xxh3 hashes get the same guard from a random seed (see [`keys`]).
type KeyHash = std::hash::BuildHasherDefault<PassThrough>;

/// A hasher that hands back the `u64` it is given.
#[derive(Default)]
struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used; any other input is folded in, never dropped.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Paragraphs hashed per thread at least; fewer are hashed on the calling thread.
const PARALLEL_MIN_PARAGRAPHS: usize = 8192;

/// The normalised hash of each paragraph long enough to be called a repeat.
///
/// Hashing is most of the work of [`repeats`] and needs no order, so on large documents it
/// runs on every core; only the lookups that follow are sequential.
fn keys(paras: &[&str]) -> Vec<Option<u64>> {
    use std::hash::BuildHasher as _;
    let seed = std::collections::hash_map::RandomState::new().hash_one(0u8);
    let key = |p: &str| {
        let long = p.len() >= 12 && p.chars().filter(|c| !c.is_whitespace()).nth(10).is_some();
        long.then(|| normalised_hash(p, seed))
    };
    crate::par::map_runs(paras, PARALLEL_MIN_PARAGRAPHS, |run| {
        run.iter().map(|p| key(p)).collect()
    })
}

fn normalised_words(p: &str) -> impl Iterator<Item = char> + '_ {
    p.split_whitespace().enumerate().flat_map(|(i, w)| {
        (i > 0)
            .then_some(' ')
            .into_iter()
            .chain(w.chars().flat_map(char::to_lowercase))
    })
}

/// The hash of [`normalised_words`], built without decoding most characters: this runs on
/// every paragraph. Runs of plain ASCII are copied and lower-cased whole; Latin-1 letters,
/// and the blocks that have no case (CJK, Arabic, emoji...), are lower-cased byte by byte.
fn normalised_hash(p: &str, seed: u64) -> u64 {
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::default();
    }
    BUF.with(|b| {
        let mut buf = b.borrow_mut();
        buf.clear();
        normalise_into(p.trim(), &mut buf);
        xxhash_rust::xxh3::xxh3_64_with_seed(&buf, seed)
    })
}

/// Appends [`normalised_words`] of `t`, which is trimmed, to `buf` as UTF-8. A whitespace
/// character adds a space unless one was just added; since `t` is trimmed, no space starts or
/// ends the result.
fn normalise_into(t: &str, buf: &mut Vec<u8>) {
    let bytes = t.as_bytes();
    let mut i = 0;
    while let Some(&b0) = bytes.get(i) {
        if b0.is_ascii() && !is_ascii_break(b0) {
            let end = i + plain_ascii_len(&bytes[i..]);
            let run = &bytes[i..end];
            let collapse = (run[0] == b' ' && buf.last() == Some(&b' '))
                || memchr::memmem::find(run, b"  ").is_some();
            if collapse {
                for &b in run {
                    if b != b' ' || buf.last() != Some(&b' ') {
                        buf.push(b.to_ascii_lowercase());
                    }
                }
            } else {
                let at = buf.len();
                buf.extend_from_slice(run);
                buf[at..].make_ascii_lowercase();
            }
            i = end;
            continue;
        }
        let b1 = bytes.get(i + 1).copied().unwrap_or(0);
        let len = match b0 {
            // Tab, line feed, vertical tab, form feed, carriage return.
            _ if b0.is_ascii() => {
                push_space(buf);
                1
            }
            // U+0080..U+00BF: no case; U+0085 and U+00A0 are whitespace.
            0xC2 => {
                if matches!(b1, 0x85 | 0xA0) {
                    push_space(buf);
                } else {
                    buf.extend_from_slice(&[b0, b1]);
                }
                2
            }
            // U+00C0..U+00FF: the capitals (all but U+00D7 ×) lower-case 0x20 further on.
            0xC3 => {
                let lower = if (0x80..=0x9E).contains(&b1) && b1 != 0x97 {
                    b1 + 0x20
                } else {
                    b1
                };
                buf.extend_from_slice(&[b0, lower]);
                2
            }
            _ => match caseless_len(b0, b1) {
                0 => {
                    let c = t[i..].chars().next().unwrap_or(' ');
                    if c.is_whitespace() {
                        push_space(buf);
                    } else {
                        let mut tmp = [0u8; 4];
                        for l in c.to_lowercase() {
                            buf.extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
                        }
                    }
                    c.len_utf8()
                }
                n => {
                    buf.extend_from_slice(&bytes[i..i + n]);
                    n
                }
            },
        };
        i += len;
    }
}

/// ASCII whitespace other than the space, as `char::is_whitespace` has it (VT included).
const fn is_ascii_break(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r')
}

/// How many first bytes of `bytes` are ASCII and not [`is_ascii_break`]. Sixteen bytes are
/// tested at a time, without an early exit, so the test compiles to vector instructions.
fn plain_ascii_len(bytes: &[u8]) -> usize {
    let plain = |b: u8| b.is_ascii() && !is_ascii_break(b);
    let mut n = 0;
    for chunk in bytes.chunks_exact(16) {
        if !chunk.iter().fold(true, |all, &b| all & plain(b)) {
            break;
        }
        n += 16;
    }
    n + bytes[n..].iter().take_while(|&&b| plain(b)).count()
}

fn push_space(buf: &mut Vec<u8>) {
    if buf.last() != Some(&b' ') {
        buf.push(b' ');
    }
}

/// The byte length of the character starting with bytes `b0 b1` when its block has no case
/// and no whitespace (Armenian small letters to Arabic, kana and CJK, most hangul, emoji), so
/// it lower-cases to itself byte for byte; 0 for any other character.
fn caseless_len(b0: u8, b1: u8) -> usize {
    match b0 {
        // U+0580..U+06FF.
        0xD6..=0xDB => 2,
        // U+3040..U+3FFF: U+3000..U+303F holds the ideographic space.
        0xE3 if b1 != 0x80 => 3,
        // U+4000..U+9FFF and U+B000..U+D7FF.
        0xE4..=0xE9 | 0xEB..=0xED => 3,
        // U+1F000..U+1FFFF.
        0xF0 if b1 == 0x9F => 4,
        _ => 0,
    }
}

fn same_text(a: &str, b: &str) -> bool {
    normalised_words(a).eq(normalised_words(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrape_junk_is_boilerplate() {
        for p in [
            "spot_img",
            "- Advertisement -",
            "ActualitésInternational",
            "AccueilCommuniquéUn grand nombre d’utilisateurs américains affluent vers Xiaohongshu: les échanges sino-américains connaissent...",
            "S'il vous plaît entrez votre commentaire!",
            "Baca juga: China akan salurkan bantuan ke Gaza saat masa gencatan senjata",
            "Gambar Istimewa : kingshiper.com",
            "Copyright © ANTARA 2025",
            "Home > World > Asia",
        ] {
            assert!(is_boilerplate(p), "{p}");
        }
    }

    #[test]
    fn prose_is_not_boilerplate() {
        for p in [
            "RakyatIndonesia, Ancaman pemblokiran TikTok di Amerika Serikat pada 19 Januari mendatang telah menciptakan gelombang migrasi.",
            "Des créateurs américains quittent TikTok pour Xiaohongshu",
            "Lonjakan Pengguna Baru",
            "Oh, vous ne voulez pas que les Chinois aient nos données personnelles très sensibles ?",
            "iPhone sales rose.",
        ] {
            assert!(!is_boilerplate(p), "{p}");
        }
    }

    #[test]
    fn repeats_ignore_case_and_spacing_in_any_script() {
        let r = repeats(&[
            "Les Réfugiés de TikTok arrivent",
            "les réfugiés  de tiktok ARRIVENT",
            "USERS are moving\tfast",
            "users are moving fast",
        ]);
        assert_eq!(r, [None, Some(0), None, Some(2)]);
    }

    #[test]
    fn repeats_across_thread_chunks_point_to_first() {
        // Enough paragraphs to be hashed on several threads; repeats cross chunk borders.
        let texts: Vec<String> = (0..3 * PARALLEL_MIN_PARAGRAPHS)
            .map(|i| format!("Paragraphe numéro {} du corpus", i % 7000))
            .collect();
        let paras: Vec<&str> = texts.iter().map(String::as_str).collect();
        let r = repeats(&paras);
        for (i, got) in r.iter().enumerate() {
            assert_eq!(*got, (i >= 7000).then_some(i % 7000), "paragraph {i}");
        }
    }

    #[test]
    fn caseless_blocks_lowercase_to_themselves() {
        let ranges = [
            '\u{0580}'..='\u{06FF}',
            '\u{3040}'..='\u{3FFF}',
            '\u{4000}'..='\u{9FFF}',
            '\u{B000}'..='\u{D7FF}',
            '\u{1F000}'..='\u{1FFFF}',
        ];
        let mut tmp = [0u8; 4];
        for c in ranges.into_iter().flatten() {
            let b = c.encode_utf8(&mut tmp).as_bytes();
            assert_eq!(caseless_len(b[0], b[1]), b.len(), "U+{:04X}", u32::from(c));
            assert!(c.to_lowercase().eq([c]), "U+{:04X}", u32::from(c));
            assert!(!c.is_whitespace(), "U+{:04X}", u32::from(c));
        }
        for c in ['É', 'Ж', 'Ա', '\u{3000}', 'Ꙁ', 'Ａ', '\u{1E900}', '\u{A0}'] {
            let b = c.encode_utf8(&mut tmp).as_bytes();
            assert_eq!(caseless_len(b[0], b[1]), 0, "{c}");
        }
    }

    use proptest::prelude::Strategy as _;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn hash_is_that_of_the_normalised_words(
            parts in proptest::collection::vec(proptest::prop_oneof![
                proptest::prelude::Just("Réfugiés ".to_string()),
                proptest::prelude::Just("难民\u{3000}".to_string()),
                proptest::prelude::Just("ÉTATS-UNIS\u{0B}".to_string()),
                proptest::prelude::Just("Ꙁ İ K\u{A0}".to_string()),
                proptest::prelude::Just("لاجئ 👩‍👩‍👧 ".to_string()),
                proptest::prelude::Just("À ÞÜ×ß\u{85}Ÿ¡".to_string()),
                proptest::prelude::Just("  The Quick  Brown FOX jumps over the lazy dog ".to_string()),
                "[ A-Za-z\t]{0,40}",
                "\\PC{0,6}",
                proptest::prelude::any::<char>().prop_map(String::from),
            ], 0..12)
        ) {
            let p = parts.concat();
            let words: String = normalised_words(&p).collect();
            let mut buf = Vec::new();
            normalise_into(p.trim(), &mut buf);
            proptest::prop_assert_eq!(&buf, words.as_bytes(), "{:?}", p);
            proptest::prop_assert_eq!(
                normalised_hash(&p, 7),
                xxhash_rust::xxh3::xxh3_64_with_seed(words.as_bytes(), 7),
                "{:?}", p
            );
        }
    }

    #[test]
    fn repeats_point_to_first() {
        let r = repeats(&[
            "Une interdiction quasi certaine",
            "x",
            "Une  interdiction quasi certaine",
            "x",
        ]);
        assert_eq!(r, [None, None, Some(0), None]);
    }
}
