//! Every hostile fixture through the real reader in a pseudo-terminal: it opens, scrolls,
//! searches, shows help and quits, and then four things are checked:
//! - the bytes dossier wrote hold only its own sequences: CSI sequences of the kinds a
//!   ratatui/crossterm frame uses, never an OSC, DCS, APC, PM or SOS, no C1 control, no BEL;
//! - nothing panicked and it exited successfully;
//! - every key was answered (each step waits for its effect on the screen), and the first
//!   frame of a large file came within a generous bound;
//! - every terminal mode was restored at exit.
#![cfg(unix)]

use crate::common;

use std::ffi::OsStr;
use std::time::{Duration, Instant};

use common::hostile::{Expect, Fixture, write_all};
use common::pty::{Session, WAIT};

/// CSI final bytes a frame may use: colours and attributes (m), cursor moves (H A B C D G),
/// erasing (J K X), modes (h l), scrolling region and scrolls (r S T), cursor style (q),
/// keyboard enhancement push/pop and queries dossier itself makes (u c n).
const CSI_FINALS: &[u8] = b"mHABCDGJKXhlrSTqucnt";

/// Checks the output stream and returns the first problem, if any.
fn foreign_sequence(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    if let Some(c) = text.chars().find(|c| ('\u{80}'..='\u{9f}').contains(c)) {
        return Some(format!("C1 control U+{:04X} written", c as u32));
    }
    if bytes.contains(&0x07) {
        return Some("BEL written".into());
    }
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != 0x1b {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'[') => {
                let mut j = i + 2;
                while j < bytes.len() && (0x20..=0x3f).contains(&bytes[j]) {
                    j += 1;
                }
                match bytes.get(j) {
                    Some(f) if CSI_FINALS.contains(f) => i = j + 1,
                    other => {
                        return Some(format!(
                            "unexpected CSI ending {other:?} at {i}: {:?}",
                            String::from_utf8_lossy(&bytes[i..(j + 1).min(bytes.len())])
                        ));
                    }
                }
            }
            // Keypad modes and save/restore cursor are harmless; anything else is not ours.
            Some(b'=' | b'>' | b'7' | b'8') => i += 2,
            Some(b'(') if bytes.get(i + 2) == Some(&b'B') => i += 3,
            other => return Some(format!("ESC followed by {other:?} at {i}")),
        }
    }
    None
}

fn run_fixture(f: &Fixture, path: &std::path::Path) {
    let started = Instant::now();
    let mut s = Session::start_with(80, 24, &[OsStr::new(path)]);
    // First frame: the pane titles are drawn before the document is ready.
    s.wait_text("Sources");
    match f.expect {
        Expect::Document => s.wait_text(" · 1/1 · "),
        Expect::Skipped => s.wait_text("skipped"),
    }
    let first = started.elapsed();
    if f.large {
        assert!(
            first < WAIT,
            "{}: first document frame after {first:?}",
            f.name
        );
        println!("{}: document on screen after {first:?}", f.name);
    }
    for key in [&b"j"[..], b"G", b"g", b" "] {
        s.send(key);
    }
    s.send(b"?");
    s.wait_text("Keys");
    s.send_escape();
    s.wait_for("help closed", |scr| !scr.contents().contains("Keys ·"));
    s.send(b"/");
    s.wait_text("Search");
    s.send(b"line");
    s.wait_for("query typed", |scr| scr.contents().contains("line"));
    s.send_escape();
    s.wait_for("palette closed", |scr| !scr.contents().contains("/ line"));
    s.send(b"q");
    let status = s.wait_exit(WAIT);
    s.assert_restored();
    let bytes = s.bytes.lock().expect("bytes").clone();
    let text = String::from_utf8_lossy(&bytes);
    assert!(status.success(), "{}: exit {status:?}", f.name);
    assert!(!text.contains("panicked"), "{}: panic in output", f.name);
    if let Some(problem) = foreign_sequence(&bytes) {
        panic!("{}: {problem}", f.name);
    }
}

#[test]
fn every_fixture_in_the_reader() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (f, path) in write_all(dir.path()) {
        run_fixture(&f, &path);
    }
}

#[test]
fn escapes_show_as_placeholders_on_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixtures = write_all(dir.path());
    let (_, path) = fixtures
        .iter()
        .find(|(f, _)| f.name == "osc")
        .expect("osc fixture");
    let mut s = Session::start_with(100, 30, &[OsStr::new(path)]);
    s.wait_text("␛]0;pwned title␇");
    s.wait_text("␛]52;c;");
    s.send(b"q");
    assert!(s.wait_exit(WAIT).success());
    s.assert_restored();
    // The terminal never received the title or the clipboard write.
    let bytes = s.bytes.lock().expect("bytes").clone();
    assert!(!bytes.windows(4).any(|w| w == b"\x1b]0;" || w == b"\x1b]52"));
}

#[test]
fn the_checker_catches_foreign_sequences() {
    // The byte checker itself must fail on what it is meant to catch.
    assert!(foreign_sequence(b"\x1b[31mok\x1b[0m\x1b[?1049h\x1b[2;3H").is_none());
    for bad in [
        &b"\x1b]0;x\x07"[..],
        b"\x1bPq\x1b\\",
        b"\x1b_G\x1b\\",
        b"\x1b^x",
        b"\x1bXy",
        "\u{9b}2J".as_bytes(),
        b"\x07",
    ] {
        assert!(foreign_sequence(bad).is_some(), "{bad:?}");
    }
}

#[test]
fn a_closed_terminal_ends_it_without_spinning() {
    let mut s = Session::start(80, 24);
    s.wait_text(" · 1/5 · ");
    let pid = s.child.process_id().expect("pid");
    s.hang_up();
    let t = Instant::now();
    // CPU time (user + system, in clock ticks) from /proc/PID/stat, while the process lives.
    let cpu = |p: u32| -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{p}/stat")).ok()?;
        let after = stat.rsplit(')').next()?;
        let f: Vec<&str> = after.split_whitespace().collect();
        Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
    };
    let start_cpu = cpu(pid);
    std::thread::sleep(Duration::from_millis(500));
    // A process spinning on a dead tty burns ~50 ticks in half a second; an idle one, none.
    if let (Some(a), Some(b)) = (start_cpu, cpu(pid)) {
        assert!(
            b - a < 25,
            "{} ticks of CPU in 0.5 s after the hangup",
            b - a
        );
    }
    s.wait_exit(Duration::from_secs(10));
    let took = t.elapsed();
    assert!(
        took < Duration::from_secs(5),
        "took {took:?} to exit after hangup"
    );
}

#[test]
fn a_dumb_terminal_gets_a_message_and_no_screen_sequences() {
    let mut s = Session::start_with_env(200, 24, &[], &[("TERM", "dumb")]);
    s.wait_text("TERM is 'dumb'");
    let status = s.wait_exit(WAIT);
    assert!(!status.success());
    let bytes = s.bytes.lock().expect("bytes").clone();
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("dossier list"), "{text:?}");
}
