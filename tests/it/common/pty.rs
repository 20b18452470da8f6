//! The real binary in a pseudo-terminal: real keys in, the screen read back with a terminal
//! emulator (vt100), every byte the program wrote kept for inspection, and the terminal's
//! modes checked at exit. Config and state go to fresh temp dirs.
#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Generous: these run on small CI machines.
pub const WAIT: Duration = Duration::from_secs(60);

pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    pub master: Option<Box<dyn MasterPty + Send>>,
    pub writer: Option<Box<dyn Write + Send>>,
    pub parser: Arc<Mutex<vt100::Parser>>,
    pub bytes: Arc<Mutex<Vec<u8>>>,
    /// Set to make the reader thread drop its copy of the master after its next read.
    pub stop: Arc<std::sync::atomic::AtomicBool>,
    pub reader: Option<std::thread::JoinHandle<()>>,
    _dirs: (tempfile::TempDir, tempfile::TempDir),
}

pub fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    pub fn start(cols: u16, rows: u16) -> Self {
        Self::start_with(cols, rows, &[])
    }

    /// Starts dossier with arguments (paths to open) in a pseudo-terminal of a given size.
    pub fn start_with(cols: u16, rows: u16, args: &[&std::ffi::OsStr]) -> Self {
        Self::start_with_env(cols, rows, args, &[])
    }

    /// [`Session::start_with`] with more environment variables (or other values for the
    /// usual ones, such as `TERM`).
    pub fn start_with_env(
        cols: u16,
        rows: u16,
        args: &[&std::ffi::OsStr],
        env: &[(&str, &str)],
    ) -> Self {
        let pair = native_pty_system().openpty(size(cols, rows)).expect("pty");
        let config = tempfile::tempdir().expect("config dir");
        let state = tempfile::tempdir().expect("state dir");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("DOSSIER_CONFIG_DIR", config.path());
        cmd.env("DOSSIER_STATE_DIR", state.path());
        cmd.env("XDG_CONFIG_HOME", config.path());
        cmd.env("XDG_STATE_HOME", state.path());
        cmd.env_remove("NO_COLOR");
        // A UTF-8 locale unless a test says otherwise (without one, borders are ASCII).
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_CTYPE");
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
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

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    pub fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
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

    pub fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    pub fn send(&mut self, keys: &[u8]) {
        let w = self.writer.as_mut().expect("writer");
        w.write_all(keys).expect("write keys");
        w.flush().expect("flush");
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
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

    pub fn wait_exit(&mut self, within: Duration) -> portable_pty::ExitStatus {
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

    pub fn signal(&self, sig: &str) {
        let pid = self.child.process_id().expect("pid");
        let ok = std::process::Command::new("kill")
            .args([format!("-{sig}"), pid.to_string()])
            .status()
            .expect("kill runs")
            .success();
        assert!(ok, "kill -{sig}");
    }

    /// Sends `sig` to the process that runs the reader: the child the started process runs
    /// it in, or the started process itself when it has none.
    pub fn signal_reader(&self, sig: &str) {
        let pid = self.child.process_id().expect("pid");
        let children =
            std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
        let reader = children
            .split_whitespace()
            .next()
            .map_or_else(|| pid.to_string(), str::to_string);
        let ok = std::process::Command::new("kill")
            .args([format!("-{sig}"), reader])
            .status()
            .expect("kill runs")
            .success();
        assert!(ok, "kill -{sig}");
    }

    /// The terminal modes after exit: main screen, cursor shown, no mouse, cooked mode.
    pub fn assert_restored(&self) {
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

    /// Closes the terminal as an SSH drop would: every copy of the master goes away. The
    /// reader thread lets go of its own after the screen changes once more.
    pub fn hang_up(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        self.send(b"j");
        if let Some(reader) = self.reader.take() {
            reader.join().expect("reader thread");
        }
        self.writer = None;
        self.master = None;
    }

    /// Sends a lone Escape. A terminal cannot tell ESC followed at once by a key from
    /// Alt+key, so the next key must wait past the program's escape timeout.
    pub fn send_escape(&mut self) {
        self.send(b"\x1b");
        std::thread::sleep(Duration::from_millis(150));
    }
}
