//! Reading positions saved between runs, in `$XDG_STATE_HOME/dossier/state.json`.
//!
//! Documents are keyed by their content hash, so a renamed file keeps its place and an edited
//! one starts again from the top. Saving merges into what is on disk, under a lock: two
//! instances open at once each keep the positions of the documents they read. Writes go to a
//! temporary file in the same folder which is then renamed over the old one: a crash
//! mid-write leaves the previous state intact, and a temporary file left by a kill is removed
//! at the next start. A corrupt file is reported, kept aside as `state.json.corrupt-TIME`, and
//! replaced; only a regular file of at most [`MAX_BYTES`] is read; the [`MAX_DOCUMENTS`] most
//! recently read documents are kept.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::small_file::read_small_file;
use crate::corpus::load::reason;

/// Environment variable that overrides the state folder (used by tests).
pub const STATE_DIR_ENV: &str = "DOSSIER_STATE_DIR";

const FILE: &str = "state.json";
/// Held while the state is read, merged and written.
const LOCK: &str = "state.lock";
/// The start of the temporary files a save writes before renaming one over [`FILE`].
const TMP_PREFIX: &str = ".state.json.";
/// A temporary file older than this was left by a save that was killed.
const STALE_TMP: Duration = Duration::from_secs(60);

/// Documents remembered at most; past that, the least recently read are forgotten.
pub const MAX_DOCUMENTS: usize = 10_000;
/// Searches remembered at most; past that, the oldest are forgotten.
pub const MAX_HISTORY: usize = 200;
/// Marks remembered at most; past that, the oldest are forgotten.
pub const MAX_MARKS: usize = 1000;
/// Largest state file read (64 MiB); a larger one is treated as corrupt.
pub const MAX_BYTES: u64 = 64 << 20;

/// What is remembered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Hash (hex) of the document open at exit.
    #[serde(default)]
    pub last: Option<String>,
    /// Byte offset of the top line, per document hash (hex).
    #[serde(default)]
    pub positions: BTreeMap<String, usize>,
    /// When each document was last read, in seconds since the Unix epoch (0 when unknown).
    #[serde(default)]
    pub seen: BTreeMap<String, u64>,
    /// Confirmed searches, oldest first, each once.
    #[serde(default)]
    pub history: Vec<String>,
    /// Places marked with `M`, oldest first.
    #[serde(default)]
    pub marks: Vec<Mark>,
}

/// A marked place: the document by its hash, the byte, and enough to list it when the
/// document is not open (its path and the sentence there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub doc: String,
    pub byte: usize,
    pub path: String,
    pub sentence: String,
    /// When it was made, in seconds since the Unix epoch.
    #[serde(default)]
    pub made: u64,
}

/// Adds `items` to the end of `list`, each once (a repeated one moves to the end), and
/// at most `max` kept (the newest).
pub fn append_unique<T: PartialEq + Clone>(
    list: &mut Vec<T>,
    items: &[T],
    max: usize,
    same: impl Fn(&T, &T) -> bool,
) {
    for item in items {
        list.retain(|x| !same(x, item));
        list.push(item.clone());
    }
    let excess = list.len().saturating_sub(max);
    list.drain(..excess);
}

impl State {
    /// `self` with `newer` written over it, document by document.
    #[must_use]
    pub fn merged(mut self, newer: &Self) -> Self {
        self.positions
            .extend(newer.positions.iter().map(|(k, v)| (k.clone(), *v)));
        self.seen
            .extend(newer.seen.iter().map(|(k, v)| (k.clone(), *v)));
        if newer.last.is_some() {
            self.last.clone_from(&newer.last);
        }
        append_unique(&mut self.history, &newer.history, MAX_HISTORY, |a, b| {
            a == b
        });
        append_unique(&mut self.marks, &newer.marks, MAX_MARKS, |a, b| {
            a.doc == b.doc && a.byte == b.byte
        });
        self.prune();
        self
    }

    /// Forgets the least recently read documents past [`MAX_DOCUMENTS`].
    fn prune(&mut self) {
        let excess = self.positions.len().saturating_sub(MAX_DOCUMENTS);
        if excess == 0 {
            return;
        }
        let mut by_age: Vec<(u64, String)> = self
            .positions
            .keys()
            .map(|k| (self.seen.get(k).copied().unwrap_or(0), k.clone()))
            .collect();
        by_age.sort_unstable();
        for (_, k) in by_age.into_iter().take(excess) {
            self.positions.remove(&k);
            self.seen.remove(&k);
        }
        let positions = &self.positions;
        self.seen.retain(|k, _| positions.contains_key(k));
    }
}

/// The key of a document hash.
#[must_use]
pub fn key(hash: u64) -> String {
    format!("{hash:016x}")
}

/// Seconds since the Unix epoch, now.
#[must_use]
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
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

/// Reads the state in `dir`; a missing file is an empty state. Temporary files left by a
/// save that was killed are removed first.
///
/// # Errors
/// The file exists but cannot be read or parsed; callers use an empty state then.
pub fn load(dir: &Path) -> Result<State, StateError> {
    remove_stale_temporaries(dir);
    read_state(dir)
}

fn read_state(dir: &Path) -> Result<State, StateError> {
    let path = dir.join(FILE);
    let shown = || path.display().to_string();
    let text = match read_small_file(&path, MAX_BYTES) {
        Ok(Some(t)) => t,
        Ok(None) => return Ok(State::default()),
        Err(why) if why.is_bad_content() => {
            return Err(StateError::Corrupt {
                path: shown(),
                reason: why.to_string(),
            });
        }
        Err(why) => {
            return Err(StateError::Read {
                path: shown(),
                reason: why.to_string(),
            });
        }
    };
    serde_json::from_str(&text).map_err(|e| StateError::Corrupt {
        path: shown(),
        reason: e.to_string(),
    })
}

/// Removes the temporary files of saves that were killed before their rename.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry.file_name().to_string_lossy().starts_with(TMP_PREFIX)
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > STALE_TMP);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Saves `update` in `dir`, creating the folder if needed: under a lock, the state on disk is
/// read, `update` is merged over it document by document, and the result is written
/// atomically. A corrupt state on disk is kept aside as `state.json.corrupt-TIME` first.
///
/// # Errors
/// The folder cannot be created or written (read-only, full disk).
pub fn save(dir: &Path, update: &State) -> Result<(), StateError> {
    let err = |e: &std::io::Error| StateError::Write {
        path: dir.display().to_string(),
        reason: reason(e),
    };
    std::fs::create_dir_all(dir).map_err(|e| err(&e))?;
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK))
        .map_err(|e| err(&e))?;
    lock.lock().map_err(|e| err(&e))?;
    let on_disk = match read_state(dir) {
        Ok(s) => s,
        Err(StateError::Corrupt { .. }) => {
            let aside = dir.join(format!("{FILE}.corrupt-{}", now()));
            std::fs::rename(dir.join(FILE), aside).map_err(|e| err(&e))?;
            State::default()
        }
        // Unreadable but present: what is written now replaces it.
        Err(_) => State::default(),
    };
    let state = on_disk.merged(update);
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .tempfile_in(dir)
        .map_err(|e| err(&e))?;
    let json = serde_json::to_vec_pretty(&state).unwrap_or_default();
    tmp.write_all(&json).map_err(|e| err(&e))?;
    tmp.as_file().sync_all().map_err(|e| err(&e))?;
    tmp.persist(dir.join(FILE)).map_err(|e| err(&e.error))?;
    // The lock is released when `lock` closes.
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

    fn one(doc: u64, pos: usize, seen: u64) -> State {
        let mut s = State {
            last: Some(key(doc)),
            ..State::default()
        };
        s.positions.insert(key(doc), pos);
        s.seen.insert(key(doc), seen);
        s
    }

    #[test]
    fn two_instances_keep_each_others_positions() {
        let dir = tempfile::tempdir().expect("tempdir");
        save(dir.path(), &one(1, 10, 5)).expect("first instance quits");
        save(dir.path(), &one(2, 20, 6)).expect("second instance quits");
        let s = load(dir.path()).expect("load");
        assert_eq!(s.positions.get(&key(1)), Some(&10));
        assert_eq!(s.positions.get(&key(2)), Some(&20));
        assert_eq!(s.last, Some(key(2)));
        // A document both read takes the position of the last to quit.
        save(dir.path(), &one(1, 99, 7)).expect("save");
        assert_eq!(
            load(dir.path()).expect("load").positions.get(&key(1)),
            Some(&99)
        );
    }

    #[test]
    fn saves_at_the_same_time_lose_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::thread::scope(|scope| {
            for t in 0..8u64 {
                let dir = dir.path();
                scope.spawn(move || {
                    for i in 0..20u64 {
                        save(dir, &one(t * 100 + i, 1, i)).expect("save");
                    }
                });
            }
        });
        assert_eq!(load(dir.path()).expect("load").positions.len(), 160);
    }

    #[test]
    fn a_corrupt_state_is_kept_aside_before_it_is_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join(FILE), "{\"positions\": [").expect("write");
        assert!(matches!(load(dir.path()), Err(StateError::Corrupt { .. })));
        save(dir.path(), &one(1, 10, 5)).expect("save");
        assert_eq!(load(dir.path()).expect("load"), one(1, 10, 5));
        let aside: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("state.json.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "{aside:?}");
        let kept = std::fs::read_to_string(dir.path().join(&aside[0])).expect("read");
        assert_eq!(kept, "{\"positions\": [");
    }

    #[test]
    fn the_least_recently_read_documents_are_forgotten_first() {
        let mut big = State::default();
        for d in 0..(MAX_DOCUMENTS as u64 + 5) {
            big.positions.insert(key(d), 1);
            big.seen.insert(key(d), 1000 + d);
        }
        let s = State::default().merged(&big);
        assert_eq!(s.positions.len(), MAX_DOCUMENTS);
        assert_eq!(s.seen.len(), MAX_DOCUMENTS);
        assert!((0..5).all(|d| !s.positions.contains_key(&key(d))));
        assert!(s.positions.contains_key(&key(5)));
    }

    #[test]
    fn temporary_files_of_killed_saves_are_removed_at_start() {
        let dir = tempfile::tempdir().expect("tempdir");
        let old = dir.path().join(format!("{TMP_PREFIX}killed"));
        let fresh = dir.path().join(format!("{TMP_PREFIX}saving"));
        std::fs::write(&old, "{\"posi").expect("write");
        std::fs::write(&fresh, "{\"posi").expect("write");
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .and_then(|f| f.set_modified(long_ago))
            .expect("age it");
        load(dir.path()).expect("load");
        assert!(!old.exists());
        // One that may belong to a save under way in another instance stays.
        assert!(fresh.exists());
    }

    #[test]
    fn a_fifo_as_state_file_is_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("tempdir");
        let made = std::process::Command::new("mkfifo")
            .arg(dir.path().join(FILE))
            .status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let e = load(dir.path()).expect_err("a FIFO is no state file");
        assert!(e.to_string().contains("not a regular file"), "{e}");
    }

    #[test]
    fn history_and_marks_of_two_instances_are_both_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mark = |doc: u64, byte| Mark {
            doc: key(doc),
            byte,
            path: "a.txt".into(),
            sentence: "Une phrase.".into(),
            made: 1,
        };
        let first = State {
            history: vec!["tiktok".into(), "juta".into()],
            marks: vec![mark(1, 10)],
            ..State::default()
        };
        let second = State {
            history: vec!["tiktok".into(), "170 millions".into()],
            marks: vec![mark(2, 20), mark(1, 10)],
            ..State::default()
        };
        save(dir.path(), &first).expect("first instance quits");
        save(dir.path(), &second).expect("second instance quits");
        let s = load(dir.path()).expect("load");
        assert_eq!(s.history, ["juta", "tiktok", "170 millions"]);
        assert_eq!(s.marks, [mark(2, 20), mark(1, 10)]);
        let many = State {
            history: (0..MAX_HISTORY + 3).map(|i| i.to_string()).collect(),
            ..State::default()
        };
        let s = State::default().merged(&many);
        assert_eq!(s.history.len(), MAX_HISTORY);
        assert_eq!(s.history.first().map(String::as_str), Some("3"));
    }
}
