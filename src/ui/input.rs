//! A one-line text input that edits by grapheme cluster, so deleting never splits an
//! accented letter, an emoji sequence or a CJK character.

use unicode_segmentation::UnicodeSegmentation;

/// The text typed so far; the cursor is always at the end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    text: String,
}

impl Input {
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn set(&mut self, s: &str) {
        self.text = s.to_string();
    }

    pub fn push(&mut self, c: char) {
        // Control characters would reach the screen through the prompt line.
        if !c.is_control() {
            self.text.push(c);
        }
    }

    /// Inserts pasted text: a line break or tab becomes a space, as the input has one line.
    pub fn paste(&mut self, text: &str) {
        for c in text.chars() {
            self.push(if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            });
        }
    }

    /// Deletes the last grapheme cluster.
    pub fn delete_backward(&mut self) {
        if let Some((i, _)) = self.text.grapheme_indices(true).next_back() {
            self.text.truncate(i);
        }
    }

    /// Deletes trailing spaces, then the word before them.
    pub fn delete_word(&mut self) {
        let trimmed = self.text.trim_end().len();
        self.text.truncate(trimmed);
        let cut = self
            .text
            .unicode_word_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        self.text.truncate(cut);
    }

    pub fn clear(&mut self) {
        self.text.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> Input {
        let mut i = Input::default();
        s.chars().for_each(|c| i.push(c));
        i
    }

    #[test]
    fn deletes_whole_graphemes() {
        for (s, left) in [
            ("cafe\u{301}", "caf"),
            ("a👨\u{200D}👩\u{200D}👧", "a"),
            ("小红书", "小红"),
            ("שלום", "שלו"),
            ("", ""),
        ] {
            let mut i = typed(s);
            i.delete_backward();
            assert_eq!(i.text(), left, "{s}");
        }
    }

    #[test]
    fn deletes_words_and_refuses_controls() {
        let mut i = typed("vous ne voulez  ");
        i.delete_word();
        assert_eq!(i.text(), "vous ne ");
        i.push('\u{1b}');
        i.push('\n');
        assert_eq!(i.text(), "vous ne ");
        i.clear();
        assert_eq!(i.text(), "");
    }
}
