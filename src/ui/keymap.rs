//! Key bindings as data: the embedded default keymap merged with the user's overrides.
//!
//! The help overlay and the status bar hints are built from a [`Keymap`], so what they show
//! is always what the keys do.

use std::collections::BTreeMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// The shipped keymap.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Where a binding applies. `Global` bindings work in every other context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Normal,
    Palette,
    Help,
    /// A list overlay: the marks, a figure group's details.
    List,
    /// The `o` prompt: a path or URL to open.
    Prompt,
}

impl Context {
    pub const ALL: [Self; 6] = [
        Self::Global,
        Self::Normal,
        Self::Palette,
        Self::Help,
        Self::List,
        Self::Prompt,
    ];

    /// The section name in the keymap file.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::Normal => "normal",
            Self::Palette => "palette",
            Self::Help => "help",
            Self::List => "list",
            Self::Prompt => "prompt",
        }
    }
}

/// One key with its modifiers, normalised so that `J` and `shift-j` are the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// Normalises a terminal key event: Shift is folded into the character's case and
    /// Shift-Tab is always `BackTab`.
    #[must_use]
    pub fn from_event(ev: KeyEvent) -> Self {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                // Ctrl-letter arrives lowercase from most terminals; make it so always.
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Self { code, mods }
    }

    /// Parses a key as written in the keymap file.
    ///
    /// # Errors
    /// A message naming the part that was not understood.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 1 && lower.starts_with("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.len() > 1 && lower.starts_with("alt-") {
                mods |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else if rest.len() > 1 && lower.starts_with("shift-") {
                mods |= KeyModifiers::SHIFT;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        let code = match lower.as_str() {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" => KeyCode::Insert,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                let n: u8 = f[1..].parse().map_err(|_| format!("unknown key '{s}'"))?;
                if !(1..=24).contains(&n) {
                    return Err(format!("unknown key '{s}'"));
                }
                KeyCode::F(n)
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => {
                        if mods.contains(KeyModifiers::SHIFT) && c.is_alphabetic() {
                            KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
                        } else {
                            KeyCode::Char(c)
                        }
                    }
                    _ => return Err(format!("unknown key '{s}'")),
                }
            }
        };
        let mut key = KeyEvent::new(code, mods);
        key.modifiers = mods;
        Ok(Self::from_event(key))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// A keymap problem, reported with the section and action it is in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("unknown section [{0}] (expected global, normal, palette, help, list or prompt)")]
    UnknownContext(String),
    #[error("[{context}] unknown action '{action}'")]
    UnknownAction { context: String, action: String },
    #[error("[{context}] {action}: {reason}")]
    BadKey {
        context: String,
        action: String,
        reason: String,
    },
    #[error("{0}")]
    Syntax(String),
}

impl KeymapError {
    /// A word to look for in the file to find the line of the problem.
    #[must_use]
    pub fn needle(&self) -> Option<&str> {
        match self {
            Self::UnknownContext(s) => Some(s),
            Self::UnknownAction { action, .. } | Self::BadKey { action, .. } => Some(action),
            Self::Syntax(_) => None,
        }
    }
}

/// Bindings as written: section → action name → keys.
pub type RawKeymap = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// The resolved keymap.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Per context, each bindable action with its keys, in [`Action::BINDABLE`] order.
    bindings: BTreeMap<Context, Vec<(Action, Vec<Key>)>>,
}

impl Default for Keymap {
    fn default() -> Self {
        match Self::from_toml(DEFAULT_KEYMAP) {
            Ok(k) => k,
            // The shipped file is tested to parse; an empty keymap still lets Ctrl-c quit
            // through the event loop's fallback.
            Err(_) => Self {
                bindings: BTreeMap::new(),
            },
        }
    }
}

fn context_of(name: &str) -> Option<Context> {
    Context::ALL.into_iter().find(|c| c.name() == name)
}

impl Keymap {
    /// Parses a keymap file.
    ///
    /// # Errors
    /// A syntax error, an unknown section or action, or a key that cannot be parsed.
    pub fn from_toml(text: &str) -> Result<Self, KeymapError> {
        let raw: RawKeymap =
            toml::from_str(text).map_err(|e| KeymapError::Syntax(e.to_string()))?;
        let mut map = Self {
            bindings: BTreeMap::new(),
        };
        map.apply(&raw)?;
        Ok(map)
    }

    /// Applies overrides: each action named gets exactly the keys given, and those keys are
    /// taken away from other actions of the same context.
    ///
    /// # Errors
    /// An unknown section or action, or a key that cannot be parsed. Nothing is changed then.
    pub fn apply(&mut self, raw: &RawKeymap) -> Result<(), KeymapError> {
        let mut next = self.bindings.clone();
        for (section, actions) in raw {
            let ctx =
                context_of(section).ok_or_else(|| KeymapError::UnknownContext(section.clone()))?;
            let list = next.entry(ctx).or_default();
            for (name, keys) in actions {
                let action = Action::from_name(name).ok_or_else(|| KeymapError::UnknownAction {
                    context: section.clone(),
                    action: name.clone(),
                })?;
                let parsed = keys
                    .iter()
                    .map(|k| Key::parse(k))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|reason| KeymapError::BadKey {
                        context: section.clone(),
                        action: name.clone(),
                        reason,
                    })?;
                for (_, ks) in list.iter_mut() {
                    ks.retain(|k| !parsed.contains(k));
                }
                if let Some(entry) = list.iter_mut().find(|(a, _)| *a == action) {
                    entry.1 = parsed;
                } else {
                    list.push((action, parsed));
                }
            }
            list.sort_by_key(|(a, _)| Action::BINDABLE.iter().position(|b| b == a));
        }
        self.bindings = next;
        Ok(())
    }

    /// The action a key triggers in a context; global bindings come first.
    #[must_use]
    pub fn action_for(&self, ctx: Context, key: Key) -> Option<Action> {
        [Context::Global, ctx].into_iter().find_map(|c| {
            self.bindings
                .get(&c)?
                .iter()
                .find(|(_, keys)| keys.contains(&key))
                .map(|(a, _)| a.clone())
        })
    }

    /// The keys bound to an action in a context.
    #[must_use]
    pub fn keys_for(&self, ctx: Context, action: &Action) -> &[Key] {
        self.bindings
            .get(&ctx)
            .and_then(|l| l.iter().find(|(a, _)| a == action))
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// The first key of an action, as shown in hints.
    #[must_use]
    pub fn hint(&self, ctx: Context, action: &Action) -> Option<String> {
        self.keys_for(ctx, action)
            .first()
            .or_else(|| self.keys_for(Context::Global, action).first())
            .map(ToString::to_string)
    }

    /// Every binding of a context, in help order.
    #[must_use]
    pub fn bindings(&self, ctx: Context) -> &[(Action, Vec<Key>)] {
        self.bindings.get(&ctx).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        Key::parse(s).expect("key parses")
    }

    #[test]
    fn shipped_keymap_parses_and_binds_the_issue_keys() {
        let k = Keymap::from_toml(DEFAULT_KEYMAP).expect("default keymap parses");
        let n = Context::Normal;
        for (s, a) in [
            ("j", Action::ScrollDown),
            ("down", Action::ScrollDown),
            ("space", Action::PageDown),
            ("b", Action::PageUp),
            ("ctrl-d", Action::HalfPageDown),
            ("G", Action::GoToBottom),
            ("tab", Action::FocusNextPane),
            ("shift-tab", Action::FocusPreviousPane),
            ("/", Action::OpenPalette),
            ("?", Action::OpenHelp),
            ("f1", Action::OpenHelp),
            ("ctrl-o", Action::JumpBack),
            ("q", Action::Quit),
            ("ctrl-c", Action::ForceQuit),
            ("m", Action::ToggleMouse),
        ] {
            assert_eq!(k.action_for(n, key(s)), Some(a), "{s}");
        }
        assert_eq!(
            k.action_for(Context::Palette, key("ctrl-c")),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            k.action_for(Context::Palette, key("q")),
            None,
            "q types in the palette"
        );
    }

    #[test]
    fn every_default_key_avoids_altgr_characters() {
        // Characters that need AltGr on AZERTY or QWERTZ.
        let altgr = ['~', '#', '{', '[', '|', '`', '\\', '^', '@', ']', '}'];
        let k = Keymap::default();
        for ctx in Context::ALL {
            for (a, keys) in k.bindings(ctx) {
                assert!(!keys.is_empty(), "{a:?} has no key");
                for key in keys {
                    if let KeyCode::Char(c) = key.code {
                        assert!(!altgr.contains(&c), "{a:?} uses {c}");
                    }
                }
            }
        }
    }

    #[test]
    fn shift_letters_and_backtab_normalise() {
        assert_eq!(key("J"), key("shift-j"));
        let ev = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), key("J"));
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), key("shift-tab"));
        assert_eq!(key("-").code, KeyCode::Char('-'));
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f99").is_err());
        assert_eq!(key("ctrl-d").to_string(), "ctrl-d");
    }

    #[test]
    fn overrides_replace_keys_and_steal_them() {
        let mut k = Keymap::default();
        let mut raw = RawKeymap::new();
        raw.entry("normal".into())
            .or_default()
            .insert("quit".into(), vec!["x".into()]);
        k.apply(&raw).expect("override applies");
        assert_eq!(k.action_for(Context::Normal, key("x")), Some(Action::Quit));
        assert_eq!(k.action_for(Context::Normal, key("q")), None);
        assert_eq!(k.hint(Context::Normal, &Action::Quit).as_deref(), Some("x"));

        raw.entry("normal".into())
            .or_default()
            .insert("fly".into(), vec!["y".into()]);
        let err = k.apply(&raw).expect_err("unknown action");
        assert_eq!(err.needle(), Some("fly"));
    }
}
