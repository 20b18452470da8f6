//! The `o` prompt: a file, folder or URL to open, with Tab completing paths.
//!
//! What is typed goes to the same loading as the command line's arguments
//! ([`crate::corpus::load`]), so whatever inputs the command line accepts, this accepts.

use std::path::{Path, PathBuf};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::app::App;
use super::input::Input;
use crate::sanitize::sanitize_inline;

/// Most completions named in the status bar.
const SHOWN: usize = 4;

/// The prompt's state.
#[derive(Debug, Clone, Default)]
pub struct OpenPrompt {
    pub input: Input,
}

/// The path a typed string stands for: `~/` is the home folder.
#[must_use]
pub fn expand(typed: &str, home: Option<&Path>) -> PathBuf {
    match (typed.strip_prefix("~/"), home) {
        (Some(rest), Some(h)) => h.join(rest),
        _ => PathBuf::from(typed),
    }
}

/// Completes `typed` against the folder it names: one match is completed (a folder gets
/// its `/`), several are completed to what they share. Returns the new text and, when
/// several remain, a few of their names to show.
#[must_use]
pub fn complete(typed: &str, home: Option<&Path>) -> (String, Vec<String>) {
    if typed.contains("://") {
        return (typed.to_string(), Vec::new());
    }
    let (dir_part, prefix) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let dir = if dir_part.is_empty() {
        PathBuf::from(".")
    } else {
        expand(dir_part, home)
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return (typed.to_string(), Vec::new());
    };
    let mut names: Vec<(String, bool)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            // Hidden entries only when asked for with a dot.
            if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
                return None;
            }
            let is_dir = e.path().is_dir();
            Some((name, is_dir))
        })
        .collect();
    names.sort();
    match names.as_slice() {
        [] => (typed.to_string(), Vec::new()),
        [(name, is_dir)] => {
            let slash = if *is_dir { "/" } else { "" };
            (format!("{dir_part}{name}{slash}"), Vec::new())
        }
        many => {
            let first = &many[0].0;
            let shared = many.iter().fold(first.len(), |n, (name, _)| {
                first
                    .char_indices()
                    .zip(name.chars())
                    .take_while(|((_, a), b)| a == b)
                    .last()
                    .map_or(0, |((i, a), _)| i + a.len_utf8())
                    .min(n)
            });
            let shown = many.iter().take(SHOWN).map(|(n, _)| n.clone()).collect();
            (format!("{dir_part}{}", &first[..shared]), shown)
        }
    }
}

/// Draws the prompt: one line in a box near the top.
pub fn render(app: &App, prompt: &OpenPrompt, screen: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let width = screen
        .width
        .saturating_sub(4)
        .min(100)
        .max(screen.width.min(20));
    let r = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + u16::from(screen.height > 3),
        width,
        height: screen.height.min(3),
    };
    let Some(inner) = super::overlay::framed(
        r,
        buf,
        t,
        format!(" Open {} a file, folder or URL ", t.glyphs.dot),
    ) else {
        return;
    };
    // The end of a long path is what is being typed: show that.
    let room = usize::from(inner.width).saturating_sub(3);
    let typed = sanitize_inline(prompt.input.text());
    let chars: Vec<char> = typed.chars().collect();
    let mut shown = String::new();
    let mut w = 0;
    for c in chars.iter().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
        if w + cw > room {
            break;
        }
        w += cw;
        shown.insert(0, *c);
    }
    let line = Line::from(vec![
        Span::styled("o ", t.status_key),
        Span::raw(shown),
        Span::styled(t.glyphs.cursor, t.meta),
    ]);
    buf.set_line(inner.x, inner.y, &line, inner.width);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_completes_one_name_and_the_shared_part_of_several() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("rapport-fr.txt"), "x").expect("write");
        std::fs::write(dir.path().join("rapport-id.txt"), "x").expect("write");
        std::fs::create_dir(dir.path().join("sources")).expect("mkdir");
        std::fs::write(dir.path().join(".cache"), "x").expect("write");
        let base = format!("{}/", dir.path().display());
        let (text, shown) = complete(&format!("{base}so"), None);
        assert_eq!(text, format!("{base}sources/"));
        assert!(shown.is_empty());
        let (text, shown) = complete(&format!("{base}ra"), None);
        assert_eq!(text, format!("{base}rapport-"));
        assert_eq!(shown, ["rapport-fr.txt", "rapport-id.txt"]);
        let (_, shown) = complete(&base, None);
        assert!(!shown.iter().any(|n| n.starts_with('.')), "{shown:?}");
        assert_eq!(complete("https://exa", None).0, "https://exa");
        assert_eq!(complete(&format!("{base}zz"), None).0, format!("{base}zz"));
        assert_eq!(
            expand("~/notes.txt", Some(Path::new("/home/a"))),
            PathBuf::from("/home/a/notes.txt")
        );
    }
}
