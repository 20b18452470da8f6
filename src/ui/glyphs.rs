//! The characters the interface draws itself (borders, markers, the input cursor), in
//! Unicode or, when the locale does not say UTF-8, in plain ASCII.

use ratatui::symbols::border;

/// Drawing characters for one character set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub border: border::Set<'static>,
    /// A horizontal rule, one column.
    pub rule: &'static str,
    /// Before the document being read in the sources list.
    pub current: &'static str,
    /// Before the selected row of a list (two columns).
    pub pointer: &'static str,
    /// The end of a text input.
    pub cursor: &'static str,
    /// Between items of a line (two spaces around it), and before the note of a dimmed
    /// paragraph.
    pub dot: &'static str,
    /// Where text is cut to fit (one column in Unicode, three in ASCII).
    pub ellipsis: &'static str,
    /// Before a paragraph's number ("repeat of ¶4").
    pub paragraph: &'static str,
    /// Before a figure group whose sources agree, and one whose sources do not (two columns).
    pub agree: &'static str,
    pub disagree: &'static str,
}

/// Borders of `+`, `-` and `|`.
const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Glyphs {
    pub const UNICODE: Self = Self {
        border: border::PLAIN,
        rule: "─",
        current: "▌",
        pointer: "▶ ",
        cursor: "█",
        dot: "·",
        ellipsis: "…",
        paragraph: "¶",
        agree: "= ",
        disagree: "≠ ",
    };

    pub const ASCII: Self = Self {
        border: ASCII_BORDER,
        rule: "-",
        current: ">",
        pointer: "> ",
        cursor: "_",
        dot: "-",
        ellipsis: "...",
        paragraph: "#",
        agree: "= ",
        disagree: "! ",
    };

    /// Unicode when the locale's character set is UTF-8, else ASCII. As in C, the first of
    /// `LC_ALL`, `LC_CTYPE` and `LANG` that is set decides; none set means the C locale.
    #[must_use]
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Self {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .into_iter()
            .find_map(|k| var(k).filter(|v| !v.is_empty()))
            .unwrap_or_default()
            .to_ascii_lowercase();
        if locale.contains("utf-8") || locale.contains("utf8") {
            Self::UNICODE
        } else {
            Self::ASCII
        }
    }

    /// [`Self::from_locale`] for this process's environment.
    #[must_use]
    pub fn from_env() -> Self {
        Self::from_locale(|k| std::env::var(k).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> Glyphs {
        Glyphs::from_locale(|k| {
            vars.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| (*v).to_string())
        })
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        assert_eq!(with(&[("LANG", "fr_FR.UTF-8")]), Glyphs::UNICODE);
        assert_eq!(with(&[("LANG", "en_US.utf8")]), Glyphs::UNICODE);
        assert_eq!(
            with(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")]),
            Glyphs::ASCII
        );
        assert_eq!(
            with(&[("LC_CTYPE", "C.UTF-8"), ("LANG", "C")]),
            Glyphs::UNICODE
        );
        assert_eq!(with(&[("LC_ALL", ""), ("LANG", "POSIX")]), Glyphs::ASCII);
        assert_eq!(with(&[]), Glyphs::ASCII);
    }

    #[test]
    fn ascii_glyphs_are_ascii() {
        let g = Glyphs::ASCII;
        let b = g.border;
        for s in [
            g.rule,
            g.current,
            g.pointer,
            g.cursor,
            g.dot,
            g.ellipsis,
            g.paragraph,
            g.agree,
            g.disagree,
            b.top_left,
            b.top_right,
            b.bottom_left,
            b.bottom_right,
            b.vertical_left,
            b.vertical_right,
            b.horizontal_top,
            b.horizontal_bottom,
        ] {
            assert!(s.is_ascii(), "{s:?}");
        }
    }
}
