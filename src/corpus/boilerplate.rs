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

/// Longest paragraph (in words) that [`INSIDE`] phrases may mark.
const INSIDE_MAX_WORDS: usize = 40;

/// True when a paragraph is scrape boilerplate.
#[must_use]
pub fn is_boilerplate(para: &str) -> bool {
    let lower = para.trim().to_lowercase();
    if EXACT.contains(&lower.as_str()) {
        return true;
    }
    if PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let words = lower.split_whitespace().count();
    if words <= INSIDE_MAX_WORDS && INSIDE.iter().any(|p| lower.contains(p)) {
        return true;
    }
    is_breadcrumb(para.trim(), words)
}

/// Navigation crumbs: "ActualitésInternational", "AccueilCommuniquéUn grand nombre…",
/// "Home > World > Asia".
fn is_breadcrumb(para: &str, words: usize) -> bool {
    if words <= 12 && (para.matches(" > ").count() >= 2 || para.matches(" » ").count() >= 2) {
        return true;
    }
    let Some(first) = para.split_whitespace().next() else {
        return false;
    };
    let joins = glued_words(first);
    let truncated = para.ends_with("...") || para.ends_with('…');
    (words == 1 && joins >= 1 && !first.contains(['.', ',', ':']))
        || joins >= 2
        || (truncated && joins >= 1 && words <= 30)
}

/// How many times a lowercase letter is directly followed by an uppercase one in a token,
/// the mark of menu labels scraped without their separators.
fn glued_words(token: &str) -> usize {
    let cs: Vec<char> = token.chars().collect();
    cs.windows(2)
        .filter(|w| w[0].is_lowercase() && w[1].is_uppercase())
        .count()
}

/// For each paragraph, the index of an earlier paragraph with the same text, if any.
/// Short paragraphs (under 12 characters) are never called repeats.
#[must_use]
pub fn repeats(paras: &[&str]) -> Vec<Option<usize>> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let key: String = p
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if key.chars().count() < 12 {
                return None;
            }
            match seen.get(&key) {
                Some(&first) => Some(first),
                None => {
                    seen.insert(key, i);
                    None
                }
            }
        })
        .collect()
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
