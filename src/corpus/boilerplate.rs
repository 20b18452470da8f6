//! Scrape boilerplate and repeated paragraphs.
//!
//! Scraped articles carry navigation crumbs, ad markers, comment forms, "read also" links,
//! image credits and copyright lines. The reader dims them; figures and search skip them.

use std::collections::HashMap;

use super::masthead;
use super::segment::ends_sentence;

/// Whole paragraphs (compared case-insensitively, trimmed) that are always boilerplate:
/// menu items, share and comment buttons, section ends.
const EXACT: &[&str] = &[
    "spot_img",
    "- advertisement -",
    "advertisement",
    "publicité",
    "publicidad",
    "publicidade",
    "anzeige",
    "werbung",
    "iklan",
    "scroll to continue with content",
    "skip to main content",
    "skip to content",
    "ir al contenido",
    "laissez un commentaire",
    "leave a reply",
    "leave a comment",
    "articles similaires",
    "les plus lus",
    "les derniers articles",
    "commentaires récents",
    "commentaires",
    "sur le même sujet",
    "related articles",
    "related posts",
    "related stories",
    "most read",
    "recent comments",
    "comments",
    "share",
    "share this",
    "share this story",
    "share this article",
    "artikel terkait",
    "berita terkait",
    "berita terkini",
    "terpopuler",
    "komentar",
    "tulis komentar",
    "partager",
    "bagikan",
    "teilen",
    "artikel teilen",
    "artikel vorlesen",
    "artikel hören",
    "kommentare",
    "mehr zum thema",
    "auch interessant",
    "diskutieren sie mit",
    "zur startseite",
    "zur merkliste hinzufügen",
    "lesen sie auch",
    "menú",
    "buscar",
    "suscríbete",
    "comentarios",
    "comentar",
    "compartir",
    "lee también",
    "leé también",
    "archivado en",
    "comentários",
    "partilhar",
    "compartilhar",
    "assine já",
    "leia também:",
    "leia também",
    "シェア",
    "ポスト",
    "ブックマーク",
    "関連記事",
    "あわせて読みたい",
    "この記事をシェアする",
    "有料記事",
    "ページトップに戻る",
    "分享到：",
    "分享到",
    "相关新闻",
    "相關新聞",
    "相关阅读",
    "熱門推播",
    "延伸阅读",
    "延伸閱讀",
    "【更多新聞】",
    "分享給朋友",
    "留言 分享",
    "关注我们",
    "举报/反馈",
    "扫码下载客户端",
    "请继续往下阅读...",
    "請繼續往下閱讀...",
];

/// Prefixes that mark a paragraph as boilerplate: "read also" links, tags, credits,
/// newsletter and follow prompts, copyright lines, editor credits (lowercase; compared
/// case-insensitively).
const PREFIXES: &[&str] = &[
    "baca juga",
    "lihat juga",
    "simak juga",
    "simak berita",
    "ikuti berita",
    "dapatkan update",
    "artikel ini telah tayang",
    "lire aussi",
    "à lire aussi",
    "à lire également",
    "à voir aussi",
    "les plus lus :",
    "read also:",
    "read more:",
    "related:",
    "see also:",
    "more from ",
    "lee también:",
    "lea también:",
    "leé también:",
    "te puede interesar",
    "relacionado:",
    "más noticias de",
    "leia também:",
    "leia mais",
    "ler mais:",
    "veja também",
    "veja mais notícias",
    "saiba mais:",
    "+ leia mais",
    "lesen sie auch",
    "mehr zum thema:",
    "mehr lesen über",
    "kommentare lesen",
    "lesezeit:",
    "liveblog:",
    "sendungsbezug:",
    "tiempo de lectura",
    "listen to this article",
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
    "tag:",
    "topics:",
    "temas:",
    "etiquetas:",
    "tópicos:",
    "mots-clés",
    "share on ",
    "compartir en ",
    "compartilhe",
    "partilhe ",
    "partilhar:",
    "partager sur ",
    "bagikan:",
    "síguenos en",
    "siga-nos",
    "siga o canal",
    "sign up for ",
    "subscribe to ",
    "article continues ",
    "continue a ler",
    "continua após a publicidade",
    "comments are closed",
    "have a news tip",
    "a version of this article appears",
    "延伸阅读：",
    "延伸閱讀：",
    "相关阅读：",
    "推荐阅读：",
    "看更多：",
    "关键字：",
    "關鍵字：",
    "相關字詞",
    "责任编辑",
    "【责任编辑",
    "【纠错】",
    "【字体",
    "编辑：",
    "編輯：",
    "（編輯：",
    "声明：",
    "上一篇：",
    "版权",
    "版權",
    "本网站",
    "本網站",
    "本文系",
    "本文为",
    "本文為",
    "【関連記事】",
    "関連トピック",
    "トピックス：",
    "前のページへ",
    "この記事は有料記事です",
    "有料会員になると",
    "※",
];

/// Phrases that, anywhere in a short paragraph, mark it as boilerplate (lowercase).
const INSIDE: &[&str] = &[
    "all rights reserved",
    "tous droits réservés",
    "todos los derechos reservados",
    "derechos reservados",
    "todos os direitos reservados",
    "hak cipta dilindungi",
    "contactez-nous",
    "sponsoring",
    "abonnez-vous",
    "inscrivez-vous à notre newsletter",
    "subscribe to our newsletter",
    "sign up for our",
    "suscríbete a nuestro",
    "suscribite al newsletter",
    "assine já",
    "we use cookies",
    "utilizamos cookies",
    "wir verwenden cookies",
    "cookie policy",
    "prohibida la reproducción",
    "未经授权",
    "未經授權",
    "非經授權",
    "转载请注明",
    "轉載請注明",
    "点我下载",
    "點我下載",
    "点我订阅",
    "點我訂閱",
];

/// Paragraphs longer than this (in bytes) are prose: only [`PREFIXES`] are checked.
const LONG_BYTES: usize = 600;

/// Longest paragraph (in words, see [`masthead::size`]) that [`INSIDE`] phrases may mark.
const INSIDE_MAX_WORDS: usize = 40;

/// Longest run of crumbs (in words): "Home › News › Local › Port Alder".
const CRUMBS_MAX_WORDS: usize = 12;

/// True when a paragraph is scrape boilerplate.
#[must_use]
pub fn is_boilerplate(para: &str) -> bool {
    let para = para.trim();
    // This runs on every paragraph of every document: no allocation, and the common case (a
    // prose paragraph) is decided by a few byte comparisons and one automaton pass.
    if PREFIXES.iter().any(|p| starts_with_caseless(para, p)) {
        return true;
    }
    if para.len() <= EXACT_MAX_BYTES && EXACT.iter().any(|e| eq_caseless(para, e)) {
        return true;
    }
    if para.len() > LONG_BYTES {
        return false;
    }
    // Counting words walks every char: only done once a cheaper test has matched.
    if inside_finder().is_match(para) && masthead::size(para) <= INSIDE_MAX_WORDS {
        return true;
    }
    // A full sentence is prose: only a phrase above can say otherwise. A teaser cut short
    // ("…") is not a full sentence.
    let cut_short = para.ends_with("...") || para.ends_with('…');
    if ends_sentence(para) && !cut_short && masthead::size(para) >= 4 {
        return false;
    }
    is_breadcrumb(para) || masthead::is_credit(para)
}

/// Longest [`EXACT`] entry, in bytes.
const EXACT_MAX_BYTES: usize = 48;

/// `hay` starts with `prefix`, which is lowercase, whatever the case of `hay`.
fn starts_with_caseless(hay: &str, prefix: &str) -> bool {
    if prefix.is_ascii() {
        return hay
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()));
    }
    let mut h = hay.chars();
    prefix
        .chars()
        .all(|p| h.next().is_some_and(|c| c == p || lowercase_is(c, p)))
}

/// `a` equals `b`, which is lowercase, whatever the case of `a`.
fn eq_caseless(a: &str, b: &str) -> bool {
    if b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars().count() == b.chars().count() && starts_with_caseless(a, b)
}

fn lowercase_is(c: char, lower: char) -> bool {
    let mut l = c.to_lowercase();
    l.next() == Some(lower) && l.next().is_none()
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

/// Separators of crumbs and menu rows.
const CRUMB_SEPARATORS: &[&str] = &[" > ", " › ", " » ", " | ", " / ", " · ", "｜", " ＞ "];

/// Navigation crumbs and menus: "ActualitésInternational", "AccueilCommuniquéUn grand
/// nombre…", "Home > World > Asia", "Weather | Energy | Gulf Plains", "首页 | 新闻 | 前沿".
fn is_breadcrumb(para: &str) -> bool {
    // Short parts between separators: "Salud | Investigación", "財經 > 房產".
    if CRUMB_SEPARATORS.iter().any(|s| para.contains(s))
        && masthead::size(para) <= CRUMBS_MAX_WORDS
        && para
            .split(['>', '›', '»', '|', '/', '·', '｜', '＞'])
            .all(|part| masthead::size(part) <= 4)
    {
        return true;
    }
    // Glued menu labels: only letters of cased scripts glue visibly (a capital inside
    // "TikTok" in a line of Chinese says nothing of menus).
    let Some(first) = para.split_whitespace().next() else {
        return false;
    };
    if first.chars().any(masthead::is_unspaced) {
        return false;
    }
    let joins = glued_words(first);
    if joins == 0 {
        return false;
    }
    let words = word_count(para);
    let truncated = para.ends_with("...") || para.ends_with('…');
    (words == 1 && !first.contains(['.', ',', ':'])) || joins >= 2 || (truncated && words <= 30)
}

fn word_count(para: &str) -> usize {
    para.split_whitespace().count()
}

/// How many times a lowercase letter is directly followed by an uppercase one in a token,
/// the mark of menu labels scraped without their separators.
fn glued_words(token: &str) -> usize {
    token
        .chars()
        .zip(token.chars().skip(1))
        .filter(|&(a, b)| {
            a.is_lowercase()
                && b.is_uppercase()
                && masthead::is_cased_script(a)
                && masthead::is_cased_script(b)
        })
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
    // Sized for the paragraphs with a key: a document loaded for a search has most of its
    // paragraphs left out, and a table sized for all of them costs memory it fills sparsely.
    let keyed = keys.iter().flatten().count();
    let mut seen: HashMap<u64, usize, KeyHash> =
        HashMap::with_capacity_and_hasher(keyed, KeyHash::default());
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
    use rayon::prelude::*;
    paras
        .par_iter()
        .with_min_len(PARALLEL_MIN_PARAGRAPHS)
        .map(|p| key(p))
        .collect()
}

/// The text a paragraph and its repeats share: its words lower-cased, one space between them.
/// A test of paragraphs that answers alike for a paragraph and its key answers alike for a
/// paragraph and its repeats (see [`super::Focus::same_for_repeats`]).
#[must_use]
pub fn repeat_key(p: &str) -> String {
    normalised_words(p).collect()
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
/// every paragraph. Runs of characters that lower-case to themselves (or, for ASCII, by a
/// flip of one bit) are copied whole; only the others are decoded.
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

/// Appends [`normalised_words`] of `t`, which is trimmed, to `buf` as UTF-8.
///
/// Most bytes go through unchanged but for ASCII case: they are found sixteen at a time
/// (see [`plain_len`]) and copied as a block. At the other characters, whitespace adds one
/// space for its whole run and the rest are lower-cased. Since `t` is trimmed, no space
/// starts or ends the result.
fn normalise_into(t: &str, buf: &mut Vec<u8>) {
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let plain = plain_len(&bytes[i..]);
        if plain > 0 {
            let at = buf.len();
            buf.extend_from_slice(&bytes[i..i + plain]);
            buf[at..].make_ascii_lowercase();
            i += plain;
        }
        let Some(&b0) = bytes.get(i) else { break };
        let b1 = bytes.get(i + 1).copied().unwrap_or(0);
        let c = if b0 == 0xC3 && b1 < 0x9F && b1 != 0x97 {
            // A Latin-1 capital: its small letter is 0x20 further on.
            buf.extend_from_slice(&[b0, b1 + 0x20]);
            i += 2;
            continue;
        } else if b0.is_ascii() {
            char::from(b0)
        } else {
            t[i..].chars().next().unwrap_or(' ')
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            if buf.last() != Some(&b' ') {
                buf.push(b' ');
            }
            // The rest of an ASCII run of whitespace would pass as plain.
            while bytes
                .get(i)
                .is_some_and(|&b| b == b' ' || is_ascii_break(b))
            {
                i += 1;
            }
        } else {
            let mut tmp = [0u8; 4];
            for l in c.to_lowercase() {
                buf.extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
            }
        }
    }
}

/// How many first bytes of `bytes` [`normalise_into`] may copy with only ASCII lowered: none
/// is whitespace other than a single space, and every character lower-cases to itself or
/// is ASCII. A byte is judged with the one after it, as the first two bytes of a character
/// tell its block (see [`stops_plain`]); the last byte of the text, which never starts a
/// character, is judged with a 0 after it.
fn plain_len(bytes: &[u8]) -> usize {
    let mut n = 0;
    // Sixteen bytes and the one after them at a time, with no early exit, so the test
    // compiles to vector instructions.
    while let Some(w) = bytes.get(n..n + 17) {
        let mut stop = 0u8;
        for k in 0..16 {
            stop |= u8::from(stops_plain(w[k], w[k + 1]));
        }
        if stop != 0 {
            break;
        }
        n += 16;
    }
    while let Some(&b) = bytes.get(n) {
        if stops_plain(b, bytes.get(n + 1).copied().unwrap_or(0)) {
            break;
        }
        n += 1;
    }
    n
}

/// Whether byte `b`, followed by `next`, ends a run of [`plain_len`]: whitespace but a single
/// space, or the first byte of a character outside ASCII that may not lower-case to itself.
/// The first two bytes of a character tell its block; those taken are:
/// - U+0080..U+00BF but U+0085 and U+00A0, which are whitespace;
/// - U+00C0..U+00FF but the capitals U+00C0..U+00DE (U+00D7 × is not one);
/// - U+0300..U+033F, combining marks;
/// - U+0580..U+06FF: Armenian small letters, Hebrew, Arabic;
/// - U+3000..U+9FFF but U+3000..U+303F, which holds the ideographic space: kana, CJK;
/// - U+B000..U+D7FF, most hangul; U+1F000..U+1FFFF, emoji.
///
/// Continuation bytes never stop a run: their character's first byte decided. Written with
/// `|` and `&`, not `||` and `&&`, so that it has no branches.
#[inline]
#[allow(clippy::nonminimal_bool)]
fn stops_plain(b: u8, next: u8) -> bool {
    let between = |lo: u8, hi: u8| b.wrapping_sub(lo) <= hi - lo;
    let whitespace = between(b'\t', b'\r') | ((b == b' ') & (next == b' '));
    let verbatim_lead = (b == 0xC2)
        | (b == 0xC3)
        | (b == 0xCC)
        | between(0xD6, 0xDB)
        | between(0xE3, 0xE9)
        | between(0xEB, 0xED)
        | (b == 0xF0);
    let not_verbatim = ((b == 0xC2) & ((next == 0x85) | (next == 0xA0)))
        | ((b == 0xC3) & (next < 0x9F) & (next != 0x97))
        | ((b == 0xE3) & (next == 0x80))
        | ((b == 0xF0) & (next != 0x9F));
    whitespace | ((b >= 0xC0) & !verbatim_lead) | not_verbatim
}

/// ASCII whitespace other than the space, as `char::is_whitespace` has it (VT included).
const fn is_ascii_break(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r')
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
            "Weather | Energy | Gulf Plains",
            "首页 | 新闻 | 前沿",
            "Article continues after this advertisement",
            "READ MORE: Harbor Line ridership hits post-pandemic high",
            "Lihat juga: Wali Kota Samarinda Targetkan Normalisasi Sungai",
            "Subscribe to The Circuit, our free weekly newsletter on the chip industry. Sign up",
            "LEÉ TAMBIÉN",
            "延伸阅读：TikTok禁令进入倒计时 美国最高法院将作出裁决",
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
            "这几天，小红书（RedNote）突然“国际化”了。",
            "iPhone用户更新到最新版本后即可体验。",
            "不少年輕觀眾是在TikTok和IG看到預告片後購票。",
            "RedNoteは中国では「シャオホンシュー」の名で知られる。",
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
    fn characters_copied_as_is_lowercase_to_themselves() {
        let mut tmp = [0u8; 4];
        let stops = |c: char| {
            let mut b = c.encode_utf8(&mut [0u8; 4]).as_bytes().to_vec();
            b.push(0);
            stops_plain(b[0], b[1])
        };
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if !stops(c) {
                assert!(c.to_lowercase().eq([c]), "U+{:04X}", u32::from(c));
                assert!(!c.is_whitespace(), "U+{:04X}", u32::from(c));
            } else if c.encode_utf8(&mut tmp).as_bytes()[0] == 0xC3 {
                // The Latin-1 capitals are lower-cased by offset.
                let small = char::from_u32(u32::from(c) + 0x20);
                assert!(c.to_lowercase().eq(small), "U+{:04X}", u32::from(c));
            }
        }
        // The common caseless scripts are copied whole.
        let copied = [
            '\u{0580}'..='\u{06FF}',
            '\u{3040}'..='\u{3FFF}',
            '\u{4000}'..='\u{9FFF}',
            '\u{B000}'..='\u{D7FF}',
            '\u{1F000}'..='\u{1FFFF}',
        ];
        for c in copied
            .into_iter()
            .flatten()
            .chain(['é', 'ß', '×', '«', '\u{301}'])
        {
            assert!(!stops(c), "U+{:04X}", u32::from(c));
        }
        for c in [
            'É',
            'Ж',
            'Ա',
            '\u{3000}',
            'Ꙁ',
            'Ａ',
            '\u{1E900}',
            '\u{A0}',
            '\u{85}',
        ] {
            assert!(stops(c), "{c}");
        }
        for b in [b'\t', b'\n', 0x0B, 0x0C, b'\r'] {
            assert!(stops_plain(b, b'x'));
        }
        assert!(stops_plain(b' ', b' ') && !stops_plain(b' ', b'x'));
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
