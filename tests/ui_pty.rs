//! The real binary in a pseudo-terminal: real keys in, the screen read back with a terminal
//! emulator, the bytes checked at exit.
#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Generous: these run on small CI machines.
const WAIT: Duration = Duration::from_secs(20);

struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    parser: Arc<Mutex<vt100::Parser>>,
    bytes: Arc<Mutex<Vec<u8>>>,
    /// Set to make the reader thread drop its copy of the master after its next read.
    stop: Arc<std::sync::atomic::AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
    _dirs: (tempfile::TempDir, tempfile::TempDir),
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    fn start(cols: u16, rows: u16) -> Self {
        let pair = native_pty_system().openpty(size(cols, rows)).expect("pty");
        let config = tempfile::tempdir().expect("config dir");
        let state = tempfile::tempdir().expect("state dir");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("DOSSIER_CONFIG_DIR", config.path());
        cmd.env("DOSSIER_STATE_DIR", state.path());
        cmd.env("XDG_CONFIG_HOME", config.path());
        cmd.env("XDG_STATE_HOME", state.path());
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (p, b, st) = (parser.clone(), bytes.clone(), stop.clone());
        let handle = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
                b.lock().expect("bytes").extend_from_slice(&buf[..n]);
                if st.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
            }
        });
        Self {
            child,
            master: Some(pair.master),
            writer: Some(writer),
            parser,
            bytes,
            stop,
            reader: Some(handle),
            _dirs: (config, state),
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if pred(self.parser.lock().expect("parser").screen()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        let bytes = String::from_utf8_lossy(&self.bytes.lock().expect("bytes")).into_owned();
        let tail = bytes
            .find("panicked")
            .map(|i| bytes[i..].chars().take(300).collect::<String>());
        panic!(
            "timed out waiting for {what}; panic: {tail:?}; screen:\n{}",
            self.screen()
        );
    }

    fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    fn send(&mut self, keys: &[u8]) {
        let w = self.writer.as_mut().expect("writer");
        w.write_all(keys).expect("write keys");
        w.flush().expect("flush");
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .expect("parser")
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .as_ref()
            .expect("master")
            .resize(size(cols, rows))
            .expect("resize");
    }

    fn wait_exit(&mut self, within: Duration) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "still running after {within:?}:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn signal(&self, sig: &str) {
        let pid = self.child.process_id().expect("pid");
        let ok = std::process::Command::new("kill")
            .args([format!("-{sig}"), pid.to_string()])
            .status()
            .expect("kill runs")
            .success();
        assert!(ok, "kill -{sig}");
    }

    /// The terminal modes after exit: main screen, cursor shown, no mouse, cooked mode.
    fn assert_restored(&self) {
        // Give the reader thread the last bytes.
        std::thread::sleep(Duration::from_millis(200));
        let bytes = self.bytes.lock().expect("bytes").clone();
        let last = |pat: &[u8]| bytes.windows(pat.len()).rposition(|w| w == pat);
        let entered = last(b"\x1b[?1049h").expect("entered the alternate screen");
        let left = last(b"\x1b[?1049l").expect("left the alternate screen");
        assert!(left > entered, "alternate screen left last");
        let shown = last(b"\x1b[?25h").expect("cursor shown");
        assert!(shown > entered);
        let screen = self.parser.lock().expect("parser");
        let s = screen.screen();
        assert!(!s.alternate_screen(), "back on the main screen");
        assert!(!s.hide_cursor(), "cursor visible");
        assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        if let Some(t) = self.master.as_ref().and_then(|m| m.get_termios()) {
            // ICANON and ECHO (Linux values): the line discipline is cooked again.
            let lflags = u64::from(t.local_flags.bits());
            assert!(lflags & 0o2 != 0, "ICANON restored");
            assert!(lflags & 0o10 != 0, "ECHO restored");
        }
    }
}

fn started(cols: u16, rows: u16) -> Session {
    let s = Session::start(cols, rows);
    s.wait_text("1/5");
    s
}

#[test]
#[ignore = "intermittent: about one run in three the palette keeps waiting for the results of the full query; to be fixed when the palette is wired to the search index"]
fn search_jumps_to_the_quote_in_seed_001_highlighted() {
    let mut s = started(100, 30);
    s.send(b"/");
    s.wait_text("Search");
    s.send("vous ne voulez pas".as_bytes());
    // Results for the whole query, not for the first letters typed.
    s.wait_for("results for the full query", |scr| {
        let c = scr.contents();
        c.contains("/ vous ne voulez pas") && c.contains("001 fr") && !c.contains("hits …")
    });
    s.send(b"\r");
    s.wait_text("seeds/001_");
    s.wait_text("voulez");
    // The quote's cells carry the highlight (a background colour).
    s.wait_for("highlighted quote", |scr| {
        let (rows, cols) = scr.size();
        (0..rows).any(|r| {
            let line: String = (0..cols)
                .filter_map(|c| scr.cell(r, c))
                .map(|c| {
                    // Cells never written read as empty: count them as one column.
                    let t = c.contents();
                    if t.is_empty() {
                        " ".to_string()
                    } else {
                        t.to_string()
                    }
                })
                .collect();
            line.find("voulez").is_some_and(|at| {
                let col = line[..at].chars().count();
                scr.cell(r, u16::try_from(col).unwrap_or(0))
                    .is_some_and(|c| c.bgcolor() != vt100::Color::Default)
            })
        })
    });
    s.send(b"q");
    assert!(s.wait_exit(WAIT).success());
    s.assert_restored();
}

#[test]
fn resize_to_one_pane_and_back() {
    let mut s = started(80, 24);
    s.wait_text("1 Sources");
    s.resize(50, 14);
    s.wait_for("one pane", |scr| {
        let c = scr.contents();
        c.contains("2 Reader") && !c.contains("1 Sources")
    });
    s.send(b"\t");
    s.wait_text("3 Figures");
    s.resize(80, 24);
    s.wait_for("two panes", |scr| {
        let c = scr.contents();
        c.contains("1 Sources") && c.contains("2 Reader")
    });
    s.send(b"q");
    assert!(s.wait_exit(WAIT).success());
    s.assert_restored();
}

#[test]
fn help_opens_filters_and_closes() {
    let mut s = started(80, 24);
    s.send(b"?");
    s.wait_text("Keys");
    s.send(b"palette");
    s.wait_text("open_palette");
    s.send(b"\x1b");
    s.wait_for("help closed", |scr| {
        !scr.contents().contains("type to filter")
    });
    s.send(&[3]);
    assert!(s.wait_exit(WAIT).success(), "ctrl-c quits with success");
    s.assert_restored();
}

#[test]
fn sigterm_sighup_and_sigint_quit_cleanly() {
    for sig in ["TERM", "HUP", "INT"] {
        let mut s = started(80, 24);
        s.signal(sig);
        let status = s.wait_exit(Duration::from_secs(10));
        assert!(status.success(), "SIG{sig}: {status:?}");
        s.assert_restored();
    }
}

#[test]
fn a_closed_pty_ends_it_quickly() {
    let mut s = started(80, 24);
    // Every copy of the master must close: the reader thread lets go of its own after the
    // screen changes once more.
    s.stop.store(true, std::sync::atomic::Ordering::SeqCst);
    s.send(b"j");
    s.reader
        .take()
        .expect("reader")
        .join()
        .expect("reader thread");
    s.writer = None;
    s.master = None;
    let t = Instant::now();
    s.wait_exit(Duration::from_secs(10));
    let took = t.elapsed();
    assert!(took < Duration::from_secs(3), "took {took:?}");
}

#[test]
fn ctrl_z_suspends_and_sigcont_redraws() {
    let mut s = started(80, 24);
    s.send(&[0x1a]);
    s.wait_for("main screen while suspended", |scr| !scr.alternate_screen());
    s.signal("CONT");
    s.wait_for("redrawn", |scr| {
        scr.alternate_screen() && scr.contents().contains("1 Sources")
    });
    s.send(b"j");
    s.send(b"q");
    assert!(s.wait_exit(WAIT).success());
    s.assert_restored();
}
