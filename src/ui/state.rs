//! Reading positions saved between runs, in `$XDG_STATE_HOME/dossier/state.json`.
//!
//! Documents are keyed by their content hash, so a renamed file keeps its place and an edited
//! one starts again from the top. Writes go to a temporary file in the same folder which is
//! then renamed over the old one: a crash mid-write leaves the previous state intact. A
//! corrupt or unreadable file is reported and ignored.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Environment variable that overrides the state folder (used by tests).
pub const STATE_DIR_ENV: &str = "DOSSIER_STATE_DIR";

const FILE: &str = "state.json";

/// What is remembered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Hash (hex) of the document open at exit.
    #[serde(default)]
    pub last: Option<String>,
    /// Byte offset of the top line, per document hash (hex).
    #[serde(default)]
    pub positions: BTreeMap<String, usize>,
}

/// The key of a document hash.
#[must_use]
pub fn key(hash: u64) -> String {
    format!("{hash:016x}")
}

/// The folder for state: `$DOSSIER_STATE_DIR`, else `$XDG_STATE_HOME/dossier`, else the
/// platform's state (or local data) folder.
#[must_use]
pub fn state_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(STATE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_STATE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("dossier"));
    }
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("dossier"))
}

/// A state problem, worded for the status bar.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("{path}: unreadable state ignored ({reason})")]
    Corrupt { path: String, reason: String },
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("cannot save reading positions in {path}: {reason}")]
    Write { path: String, reason: String },
}

fn reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_lowercase()
}

/// Reads the state in `dir`; a missing file is an empty state.
///
/// # Errors
/// The file exists but cannot be read or parsed; callers use an empty state then.
pub fn load(dir: &Path) -> Result<State, StateError> {
    let path = dir.join(FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(State::default()),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(StateError::Corrupt {
                path: path.display().to_string(),
                reason: "not UTF-8".into(),
            });
        }
        Err(e) => {
            return Err(StateError::Read {
                path: path.display().to_string(),
                reason: reason(&e),
            });
        }
    };
    serde_json::from_str(&text).map_err(|e| StateError::Corrupt {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// Writes the state atomically in `dir`, creating the folder if needed.
///
/// # Errors
/// The folder cannot be created or written (read-only, full disk).
pub fn save(dir: &Path, state: &State) -> Result<(), StateError> {
    let err = |e: &std::io::Error| StateError::Write {
        path: dir.display().to_string(),
        reason: reason(e),
    };
    std::fs::create_dir_all(dir).map_err(|e| err(&e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| err(&e))?;
    let json = serde_json::to_vec_pretty(state).unwrap_or_default();
    tmp.write_all(&json).map_err(|e| err(&e))?;
    tmp.as_file().sync_all().map_err(|e| err(&e))?;
    tmp.persist(dir.join(FILE)).map_err(|e| err(&e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_and_loads_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("nested");
        let mut s = State {
            last: Some(key(42)),
            ..State::default()
        };
        s.positions.insert(key(42), 1234);
        save(&sub, &s).expect("save");
        assert_eq!(load(&sub).expect("load"), s);
        assert_eq!(
            load(&dir.path().join("none")).expect("missing"),
            State::default()
        );
    }

    #[test]
    fn corrupt_state_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join(FILE), "{\"positions\": [").expect("write");
        let e = load(dir.path()).expect_err("corrupt");
        assert!(e.to_string().contains("state.json"), "{e}");
        std::fs::write(dir.path().join(FILE), [0xff, 0xfe, 0x00]).expect("write");
        assert!(load(dir.path()).is_err());
    }

    #[test]
    fn an_unwritable_folder_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("not-a-dir");
        std::fs::write(&file, "x").expect("write");
        let e = save(&file, &State::default()).expect_err("cannot write under a file");
        assert!(e.to_string().starts_with("cannot save"), "{e}");
    }

    #[test]
    fn a_failed_write_leaves_the_previous_state() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut s = State::default();
        s.positions.insert(key(1), 10);
        save(dir.path(), &s).expect("save");
        // A writer killed before the rename leaves only a stray temporary file.
        std::fs::write(dir.path().join(".tmpKILLED"), "{\"posi").expect("write");
        assert_eq!(load(dir.path()).expect("load"), s);
    }
}
