//! The user's configuration file: theme, reading width, mouse and key overrides.
//!
//! A bad file never stops dossier: [`load`] returns the defaults together with a
//! [`ConfigError`] naming the file and line, which the status bar shows.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::keymap::{Keymap, RawKeymap};

/// The shipped configuration, which documents every setting.
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/config.toml");

/// Environment variable that overrides the configuration folder (used by tests).
pub const CONFIG_DIR_ENV: &str = "DOSSIER_CONFIG_DIR";

/// Narrowest and widest reading widths accepted.
const WIDTH_RANGE: std::ops::RangeInclusive<u16> = 20..=1000;

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    None,
}

/// The file as written.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<ThemeName>,
    reading_width: Option<u16>,
    mouse: Option<bool>,
    clipboard: Option<bool>,
    #[serde(default)]
    keys: RawKeymap,
}

/// Resolved settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub theme: ThemeName,
    pub reading_width: u16,
    pub mouse: bool,
    /// Copy with OSC 52: `None` decides from `TERM` (see [`super::clipboard::support`]).
    pub clipboard: Option<bool>,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            theme: ThemeName::Dark,
            reading_width: 88,
            mouse: false,
            clipboard: None,
            keymap: Keymap::default(),
        }
    }
}

/// A configuration problem: which file, which line, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(" line {l}")).unwrap_or_default())]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

/// The folder holding `config.toml`: `$DOSSIER_CONFIG_DIR`, else `$XDG_CONFIG_HOME/dossier`,
/// else the platform's configuration folder.
#[must_use]
pub fn config_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CONFIG_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("dossier"));
    }
    dirs::config_dir().map(|d| d.join("dossier"))
}

/// True when the environment asks for no colour (<https://no-color.org>).
#[must_use]
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Largest configuration file read (1 MiB).
const MAX_BYTES: u64 = 1 << 20;

/// Loads the configuration from the default place. A missing file means defaults.
#[must_use]
pub fn load() -> (Config, Option<ConfigError>) {
    match config_dir() {
        Some(dir) => load_from(&dir.join("config.toml")),
        None => (Config::default(), None),
    }
}

/// Loads a configuration file; on any problem, the defaults and the error.
#[must_use]
pub fn load_from(path: &Path) -> (Config, Option<ConfigError>) {
    let text = match super::small_file::read_small_file(path, MAX_BYTES) {
        Ok(Some(t)) => t,
        Ok(None) => return (Config::default(), None),
        Err(why) => {
            let err = ConfigError {
                path: path.to_path_buf(),
                line: None,
                message: format!("cannot read: {why}"),
            };
            return (Config::default(), Some(err));
        }
    };
    match parse(&text) {
        Ok(c) => (c, None),
        Err((line, message)) => (
            Config::default(),
            Some(ConfigError {
                path: path.to_path_buf(),
                line,
                message,
            }),
        ),
    }
}

/// Parses configuration text; the error carries a 1-based line when one is known.
///
/// # Errors
/// The line and a one-line message.
pub fn parse(text: &str) -> Result<Config, (Option<usize>, String)> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        (line, e.message().trim().to_string())
    })?;
    let mut config = Config::default();
    if let Some(t) = raw.theme {
        config.theme = t;
    }
    if let Some(w) = raw.reading_width {
        if !WIDTH_RANGE.contains(&w) {
            let line = find_line(text, "reading_width");
            return Err((
                line,
                format!(
                    "reading_width must be between {} and {}",
                    WIDTH_RANGE.start(),
                    WIDTH_RANGE.end()
                ),
            ));
        }
        config.reading_width = w;
    }
    if let Some(m) = raw.mouse {
        config.mouse = m;
    }
    config.clipboard = raw.clipboard;
    config.keymap.apply(&raw.keys).map_err(|e| {
        let line = e.needle().and_then(|n| find_line(text, n));
        (line, format!("keys: {e}"))
    })?;
    Ok(config)
}

fn line_of(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(1, |s| s.matches('\n').count() + 1)
}

/// The first line mentioning `needle` outside a comment.
fn find_line(text: &str, needle: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let code = l.split('#').next().unwrap_or("");
            code.contains(needle)
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::action::Action;
    use crate::ui::keymap::{Context, Key};

    #[test]
    fn shipped_config_parses_to_the_defaults() {
        let c = parse(DEFAULT_CONFIG).expect("shipped config parses");
        assert_eq!(c.theme, ThemeName::Dark);
        assert_eq!(c.reading_width, 88);
        assert!(!c.mouse);
    }

    #[test]
    fn settings_and_key_overrides_apply() {
        let c =
            parse("theme = \"light\"\nreading_width = 70\n[keys.normal]\nquit = [\"ctrl-q\"]\n")
                .expect("parses");
        assert_eq!(c.theme, ThemeName::Light);
        assert_eq!(c.reading_width, 70);
        let k = Key::parse("ctrl-q").expect("key");
        assert_eq!(c.keymap.action_for(Context::Normal, k), Some(Action::Quit));
    }

    #[test]
    fn errors_name_the_line() {
        let (line, msg) =
            parse("theme = \"dark\"\nreading_width = \"wide\"\n").expect_err("bad type");
        assert_eq!(line, Some(2));
        assert!(!msg.is_empty());
        let (line, _) = parse("\n\ntheme = \"purple\"\n").expect_err("bad theme");
        assert_eq!(line, Some(3));
        let (line, msg) = parse("# c\n[keys.normal]\nfly = [\"f\"]\n").expect_err("bad action");
        assert_eq!(line, Some(3));
        assert!(msg.contains("fly"), "{msg}");
        let (line, _) = parse("reading_width = 5\n").expect_err("too narrow");
        assert_eq!(line, Some(1));
        let (_, msg) = parse("colour = 1\n").expect_err("unknown field");
        assert!(msg.contains("colour"), "{msg}");
    }

    #[test]
    fn a_bad_file_gives_defaults_and_an_error_with_file_and_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "reading_width = 60\ntheme = [\n").expect("write");
        let (c, err) = load_from(&path);
        assert_eq!(c.reading_width, 88, "defaults, not half the file");
        let err = err.expect("error reported");
        let shown = err.to_string();
        assert!(shown.contains("config.toml line"), "{shown}");
        let (_, none) = load_from(&dir.path().join("missing.toml"));
        assert!(none.is_none());
    }
}
