//! Han characters in their two written standards: traditional (Taiwan, Hong Kong, Macau) and
//! simplified (mainland China, Singapore). Search folds both to simplified, so 我應該 finds
//! 我应该 and the other way round; language detection tells which one a text is written in.
//!
//! The mapping is the character table of the `simplet2s` crate (MIT), read once into a
//! dense array over the common Han blocks so that folding a character is one lookup.

use std::sync::LazyLock;

/// First and last code points of the table: CJK Unified Ideographs Extension A and the main
/// block, where every character with a simplified form lies.
const FIRST: u32 = 0x3400;
const LAST: u32 = 0x9FFF;

/// For each code point from [`FIRST`] to [`LAST`], its simplified form.
static SIMPLIFIED: LazyLock<Vec<char>> = LazyLock::new(|| {
    let all: Vec<char> = (FIRST..=LAST).filter_map(char::from_u32).collect();
    // One character a word, so that no two neighbours are read as a phrase.
    let spaced: String = all.iter().flat_map(|&c| [c, ' ']).collect();
    let converted = simplet2s::convert(&spaced);
    let out: Vec<char> = converted
        .split(' ')
        .filter_map(|w| w.chars().next())
        .collect();
    if out.len() == all.len() {
        out
    } else {
        // The table maps characters one to one; if that ever changes, fold nothing rather
        // than misalign every character after the first difference.
        all
    }
});

/// For each code point of the table, whether it is the simplified form of another
/// character (说 of 說): text holding it may match text holding the other.
static HAS_VARIANTS: LazyLock<Vec<bool>> = LazyLock::new(|| {
    let mut targets = vec![false; SIMPLIFIED.len()];
    for (i, &s) in SIMPLIFIED.iter().enumerate() {
        if u32::from(s) != FIRST + i as u32
            && let Some(k) = u32::from(s).checked_sub(FIRST)
            && let Some(slot) = targets.get_mut(k as usize)
        {
            *slot = true;
        }
    }
    targets
});

/// Simplified characters that have a distinct traditional form (说, 应, 该…) and are not
/// themselves the traditional form of another: text using them is simplified.
static SIMPLIFIED_ONLY: LazyLock<Vec<bool>> = LazyLock::new(|| {
    HAS_VARIANTS
        .iter()
        .zip(SIMPLIFIED.iter().enumerate())
        .map(|(&target, (i, &s))| target && u32::from(s) == FIRST + i as u32)
        .collect()
});

/// True when `c` is the simplified form of some other character, which folding turns into
/// `c`: a search for `c` must look at those too.
#[must_use]
pub fn has_variants(c: char) -> bool {
    u32::from(c)
        .checked_sub(FIRST)
        .and_then(|i| HAS_VARIANTS.get(i as usize))
        .copied()
        .unwrap_or(false)
}

/// The simplified form of a Han character; any other character is returned as it is.
#[must_use]
pub fn simplified(c: char) -> char {
    let u = u32::from(c);
    if !(FIRST..=LAST).contains(&u) {
        return c;
    }
    SIMPLIFIED.get((u - FIRST) as usize).copied().unwrap_or(c)
}

/// True when the Han characters of `text` are mostly in their traditional forms: at least
/// twice as many traditional-only as simplified-only characters, and a few of them.
///
/// Shared characters (人, 台, 的) say nothing; only those whose forms differ are counted.
#[must_use]
pub fn is_traditional(text: &str) -> bool {
    let (mut traditional, mut simplified_only) = (0usize, 0usize);
    for c in text.chars() {
        let u = u32::from(c);
        if !(FIRST..=LAST).contains(&u) {
            continue;
        }
        let i = (u - FIRST) as usize;
        if SIMPLIFIED.get(i).is_some_and(|&s| s != c) {
            traditional += 1;
        } else if SIMPLIFIED_ONLY.get(i).copied().unwrap_or(false) {
            simplified_only += 1;
        }
    }
    traditional >= 3 && traditional >= 2 * simplified_only
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_to_simplified() {
        let fold = |s: &str| s.chars().map(simplified).collect::<String>();
        assert_eq!(fold("我應該說"), "我应该说");
        assert_eq!(fold("我应该说"), "我应该说");
        assert_eq!(fold("小紅書"), "小红书");
        assert_eq!(fold("TikTok"), "TikTok");
        assert!(has_variants('应') && has_variants('书'));
        assert!(!has_variants('應') && !has_variants('我'));
    }

    #[test]
    fn tells_the_standards_apart() {
        assert!(is_traditional("颱風山貓逼近 氣象署：最快今晚發布陸上警報"));
        assert!(!is_traditional(
            "大批美国网友涌入小红书 平台连夜招聘英语内容审核员"
        ));
        assert!(!is_traditional("TikTok"));
        // Japanese kanji share many traditional forms; detection only asks this of Chinese.
        assert!(!is_traditional("人大"));
    }
}
