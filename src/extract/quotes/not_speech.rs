//! Quoted words that are not speech: a scare-quoted term (« super marrant », “内卷”), the
//! name of a law, book or programme, a hashtag. A quote with no speaker is kept only when it
//! reads like speech; a label is never kept.

use unicode_segmentation::UnicodeSegmentation;

/// Fewest words an unattributed marked quote needs to count as speech.
pub const SPEECH_MIN_WORDS: usize = 4;

/// Fewest characters (a Latin word counts as one) an unattributed quote in Chinese or
/// Japanese needs to count as speech.
pub const SPEECH_MIN_CJK_CHARS: usize = 8;

/// Fewest letters a word needs to count in the title-case test ("The Quiet Crates").
const TITLE_WORD_MIN_LETTERS: usize = 5;

fn is_cjk_char(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

fn ends_like_speech(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Whether quoted words read like speech without a cue: four words or more (eight
/// characters in Chinese and Japanese), or a sentence's end, and not a title.
#[must_use]
pub fn reads_like_speech(s: &str) -> bool {
    let cjk = s.chars().filter(|&c| is_cjk_char(c)).count();
    if cjk > 0 {
        let latin_words = s
            .split(|c: char| !c.is_alphanumeric() || is_cjk_char(c))
            .filter(|w| !w.is_empty())
            .count();
        return cjk + latin_words >= SPEECH_MIN_CJK_CHARS;
    }
    (s.unicode_words().count() >= SPEECH_MIN_WORDS || ends_like_speech(s)) && !is_title(s)
}

/// A title in title case: every long word capitalised ("American Foundry Renewal Act",
/// "Kami Butuh Drainase, Bukan Janji"), with no sentence end.
fn is_title(s: &str) -> bool {
    if ends_like_speech(s) {
        return false;
    }
    let long: Vec<&str> = s
        .unicode_words()
        .filter(|w| w.chars().count() >= TITLE_WORD_MIN_LETTERS)
        .collect();
    long.len() >= 2
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A label, never speech: a hashtag ("#ShotsBeforeSchool"), or a short name in title case,
/// which a verb near it does not make speech (the programme “Biota Serra do Mar”,
/// « Deeptech Région »). A longer run of capitals is a German sentence as often as a title.
#[must_use]
pub fn is_label(s: &str) -> bool {
    s.starts_with(['#', '＃']) || (is_title(s) && s.unicode_words().count() <= SPEECH_MIN_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_titles_and_short_words_do_not_read_like_speech() {
        assert!(!reads_like_speech("super marrant"));
        assert!(!reads_like_speech("内卷"));
        assert!(!reads_like_speech("以旧换新"));
        assert!(!reads_like_speech("TikTok難民"));
        assert!(!reads_like_speech("The Quiet Crates"));
        assert!(!reads_like_speech("Kami Butuh Drainase, Bukan Janji"));
        assert!(reads_like_speech("Vergonha!"));
        assert!(reads_like_speech("We are not walking away from Nevada"));
        assert!(reads_like_speech("门票没涨，停车费翻了三倍。"));
        assert!(is_label("#PetaniMelekAI"));
        assert!(is_label("Biota Serra do Mar"));
        assert!(!is_label("Nicht betreten – Lebensgefahr!"));
        assert!(!is_label(
            "Die Kameradinnen und Kameraden sind seit Stunden auf den Beinen"
        ));
    }
}
