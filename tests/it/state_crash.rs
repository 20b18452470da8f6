//! Nothing is lost: a process killed (SIGKILL) while it writes the reading state leaves a
//! state file that still loads, holding one complete earlier or later version.
//!
//! The writer is this test binary itself, re-run with `--ignored --exact writer_loop`, so the
//! kill hits the real `state::save` code in a real process. The kill is timed from the writer's
//! first finished save, not from its spawn: a slow machine may take longer than any fixed delay
//! just to start the process.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dossier::ui::state::{State, load, save};

const DIR_ENV: &str = "DOSSIER_TEST_CRASH_DIR";
/// A file the writer creates once its first save is complete.
const MARK_ENV: &str = "DOSSIER_TEST_CRASH_MARK";
const ENTRIES: usize = 5_000;

/// Version `g` of the state: every position equals `g`, so a torn mix of two versions shows.
fn version(g: usize) -> State {
    let positions: BTreeMap<String, usize> =
        (0..ENTRIES).map(|i| (format!("{i:016x}"), g)).collect();
    State {
        last: Some(format!("{g:016x}")),
        positions,
        ..State::default()
    }
}

fn assert_whole(dir: &Path) -> usize {
    let s = load(dir).expect("state loads after a kill");
    let g = s
        .positions
        .values()
        .next()
        .copied()
        .expect("positions kept");
    assert_eq!(s.positions.len(), ENTRIES, "version {g} incomplete");
    assert!(s.positions.values().all(|&v| v == g), "versions mixed");
    assert_eq!(s.last, Some(format!("{g:016x}")));
    g
}

/// Runs only when re-executed by the test below: saves ever newer versions until killed.
#[test]
#[ignore = "run by kill_during_write_leaves_a_whole_state as its victim"]
fn writer_loop() {
    let (Some(dir), Some(mark)) = (std::env::var_os(DIR_ENV), std::env::var_os(MARK_ENV)) else {
        return;
    };
    for g in 1.. {
        save(Path::new(&dir), &version(g)).expect("save");
        if g == 1 {
            std::fs::write(&mark, b"").expect("mark");
        }
    }
}

#[test]
fn kill_during_write_leaves_a_whole_state() {
    let dir = tempfile::tempdir().expect("tempdir");
    let marks = tempfile::tempdir().expect("tempdir");
    save(dir.path(), &version(0)).expect("first save");
    let me = std::env::current_exe().expect("test binary");
    // Offsets after the first save, spread so the kill lands at different points of a save.
    for (round, wait_ms) in [0u64, 3, 11, 29, 53].into_iter().enumerate() {
        let mark = marks.path().join(format!("round{round}"));
        let mut child = Command::new(&me)
            .args([
                "--ignored",
                "--exact",
                "state_crash::writer_loop",
                "--test-threads",
                "1",
            ])
            .env(DIR_ENV, dir.path())
            .env(MARK_ENV, &mark)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn writer");
        let deadline = Instant::now() + Duration::from_secs(60);
        while !mark.exists() {
            if let Ok(Some(status)) = child.try_wait() {
                panic!("round {round}: the writer exited ({status}) before its first save");
            }
            assert!(
                Instant::now() < deadline,
                "round {round}: no save within 60 s"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(wait_ms));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        // Version 1 was complete before the kill, so the file can only hold it or a later one.
        let g = assert_whole(dir.path());
        assert!(g >= 1, "round {round}: back to version {g}");
    }
}
