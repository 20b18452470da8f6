//! Every hostile fixture through the non-interactive commands: nothing panics, nothing
//! terminal-active reaches stdout or stderr, binary files are skipped with a warning.

use crate::common;

use std::process::{Command, Stdio};

use common::hostile::{Expect, write_all};

/// Any ESC, C0 control other than newline, DEL or C1 control in output.
fn first_active(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|&(_, c)| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn every_fixture_lists_and_shows_inertly() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (f, path) in write_all(dir.path()) {
        let p = path.display().to_string();
        let list = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["list", &p])
            .stdin(Stdio::null())
            .output()
            .expect("run list");
        let out = String::from_utf8(list.stdout).expect("utf8 stdout");
        let err = String::from_utf8(list.stderr).expect("utf8 stderr");
        assert!(list.status.success(), "{}: list failed: {err}", f.name);
        assert!(!err.contains("panicked"), "{}: {err}", f.name);
        assert_eq!(first_active(&out), None, "{}: list stdout", f.name);
        assert_eq!(first_active(&err), None, "{}: list stderr", f.name);
        match f.expect {
            Expect::Document => assert!(
                out.lines().nth(1).is_some_and(|l| l.starts_with(f.name)),
                "{}: {out}",
                f.name
            ),
            Expect::Skipped => {
                assert_eq!(out.lines().count(), 1, "{}: only the header: {out}", f.name);
                assert!(err.contains("skipped: binary file"), "{}: {err}", f.name);
            }
        }
        if f.expect == Expect::Skipped {
            continue;
        }
        let show = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["show", f.name, &p, "--width", "60"])
            .stdin(Stdio::null())
            .output()
            .expect("run show");
        assert!(show.status.success(), "{}: show failed", f.name);
        let out = String::from_utf8(show.stdout).expect("utf8 stdout");
        assert_eq!(first_active(&out), None, "{}: show stdout", f.name);
        for line in out.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 60 || line.chars().count() == 1,
                "{}: row too wide: {}",
                f.name,
                line.len()
            );
        }
    }
}

#[test]
fn jsonl_escapes_every_active_character() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (f, path) in write_all(dir.path()) {
        let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["list", "--format", "jsonl", &path.display().to_string()])
            .stdin(Stdio::null())
            .output()
            .expect("run");
        let out = String::from_utf8(o.stdout).expect("utf8");
        assert_eq!(first_active(&out), None, "{}: jsonl", f.name);
        for line in out.lines() {
            serde_json::from_str::<serde_json::Value>(line).expect("valid json");
        }
    }
}
