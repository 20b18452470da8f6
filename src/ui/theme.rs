//! Colours and text attributes, in one place.
//!
//! Both colour themes use only the 16 basic ANSI colours, which every terminal and every SSH
//! hop renders; the `none` theme (and `NO_COLOR`) keeps only bold, dim, underline and reverse.

use ratatui::style::{Color, Modifier, Style};

use super::config::ThemeName;
use super::glyphs::Glyphs;

/// Every style the interface uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub heading: Style,
    pub dimmed: Style,
    pub inert: Style,
    pub hit: Style,
    pub figure: Style,
    pub title: Style,
    pub meta: Style,
    pub lang: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub status: Style,
    pub status_key: Style,
    pub error: Style,
    pub agree: Style,
    pub disagree: Style,
    pub matched: Style,
    /// Borders and markers: Unicode, or ASCII where the locale is not UTF-8.
    pub glyphs: Glyphs,
}

impl Theme {
    /// The theme for a configured name; `no_color` wins over it.
    #[must_use]
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        if no_color {
            return Self::plain();
        }
        match name {
            ThemeName::Dark => Self::dark(),
            ThemeName::Light => Self::light(),
            ThemeName::None => Self::plain(),
        }
    }

    fn dark() -> Self {
        let base = Self::plain();
        Self {
            heading: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            dimmed: Style::new().fg(Color::DarkGray),
            inert: Style::new().fg(Color::Magenta),
            hit: Style::new().fg(Color::Black).bg(Color::Yellow),
            figure: Style::new()
                .fg(Color::Cyan)
                .add_modifier(Modifier::UNDERLINED),
            title: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            meta: Style::new().fg(Color::Gray),
            lang: Style::new().fg(Color::Blue),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            status: Style::new().fg(Color::White).bg(Color::DarkGray),
            status_key: Style::new()
                .fg(Color::Yellow)
                .bg(Color::DarkGray)
                .add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::White).bg(Color::Red),
            agree: Style::new().fg(Color::Green),
            disagree: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ..base
        }
    }

    fn light() -> Self {
        Self {
            heading: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            dimmed: Style::new().fg(Color::Gray),
            meta: Style::new().fg(Color::DarkGray),
            title: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            lang: Style::new().fg(Color::Blue),
            border: Style::new().fg(Color::Gray),
            border_focused: Style::new().fg(Color::Blue),
            selected: Style::new().fg(Color::White).bg(Color::Blue),
            status: Style::new().fg(Color::Black).bg(Color::Gray),
            status_key: Style::new()
                .fg(Color::Blue)
                .bg(Color::Gray)
                .add_modifier(Modifier::BOLD),
            matched: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            figure: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            ..Self::dark()
        }
    }

    fn plain() -> Self {
        let none = Style::new();
        Self {
            text: none,
            heading: none.add_modifier(Modifier::BOLD),
            dimmed: none.add_modifier(Modifier::DIM),
            inert: none.add_modifier(Modifier::DIM | Modifier::ITALIC),
            hit: none.add_modifier(Modifier::REVERSED),
            figure: none.add_modifier(Modifier::UNDERLINED),
            title: none.add_modifier(Modifier::BOLD),
            meta: none,
            lang: none,
            border: none,
            border_focused: none.add_modifier(Modifier::BOLD),
            selected: none.add_modifier(Modifier::REVERSED),
            status: none.add_modifier(Modifier::REVERSED),
            status_key: none.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            error: none.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            agree: none,
            disagree: none.add_modifier(Modifier::BOLD),
            matched: none.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            glyphs: Glyphs::UNICODE,
        }
    }

    /// The same colours with other drawing characters.
    #[must_use]
    pub const fn with_glyphs(self, glyphs: Glyphs) -> Self {
        Self { glyphs, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colours(t: &Theme) -> Vec<Color> {
        [
            t.text,
            t.heading,
            t.dimmed,
            t.inert,
            t.hit,
            t.figure,
            t.title,
            t.meta,
            t.lang,
            t.border,
            t.border_focused,
            t.selected,
            t.status,
            t.status_key,
            t.error,
            t.agree,
            t.disagree,
            t.matched,
        ]
        .iter()
        .flat_map(|s| [s.fg, s.bg])
        .flatten()
        .collect()
    }

    #[test]
    fn colour_themes_use_the_sixteen_colours_only() {
        for name in [ThemeName::Dark, ThemeName::Light] {
            for c in colours(&Theme::new(name, false)) {
                assert!(
                    !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                    "{name:?} uses {c:?}"
                );
            }
        }
    }

    #[test]
    fn no_color_and_none_have_no_colours() {
        assert!(colours(&Theme::new(ThemeName::Dark, true)).is_empty());
        assert!(colours(&Theme::new(ThemeName::None, false)).is_empty());
    }
}
