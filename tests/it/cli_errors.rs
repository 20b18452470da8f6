//! How the command line fails: argument errors that quote hostile file names stay inert, a
//! broken pipe is told from an error that only mentions one, a standard error that cannot be
//! written never turns into a panic, and one unreadable input never stops the others.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::process::{Command, Output, Stdio};

use crate::common::cli::{dossier, stderr, stdout};

/// Runs `dossier` with raw arguments, as a shell glob would pass file names.
fn dossier_os(args: &[OsString]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run dossier")
}

/// The first character of `bytes` that could act on a terminal: ESC, BEL, another C0 control
/// but newline and tab, DEL, or a C1 control (U+0080..U+009F).
fn active(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .find(|&c| (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c))
}

#[test]
fn argument_errors_quote_hostile_names_inertly() {
    let clipboard = OsString::from("--x\u{1b}]52;c;cGF5bG9hZA==\u{7}.txt");
    let title = OsString::from("--format=\u{1b}]2;pwned\u{7}");
    let csi = OsString::from("--\u{9b}31mred");
    for args in [
        vec!["search".into(), "tiktok".into(), clipboard.clone()],
        vec!["list".into(), title],
        vec!["list".into(), csi],
        vec![clipboard],
    ] {
        let o = dossier_os(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("error:"), "clap's message is kept: {err}");
        assert_eq!(active(&o.stderr), None, "{args:?}: {err:?}");
        assert_eq!(active(&o.stdout), None, "{args:?}");
    }
    // Bytes that are not UTF-8 at all are quoted inertly too.
    let o = dossier_os(&[OsString::from_vec(b"--\x1b[2J\xff".to_vec())]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(active(&o.stderr), None, "{:?}", stderr(&o));
}

#[test]
fn help_and_version_still_print_to_stdout() {
    let o = dossier(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("dossier "), "{}", stdout(&o));
    let o = dossier(&["search", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("--limit"), "{}", stdout(&o));
    assert!(stderr(&o).is_empty());
}

#[test]
fn an_error_that_mentions_a_broken_pipe_is_still_an_error() {
    let o = dossier(&["list", "/nonexistent/Broken pipe"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "dossier: cannot read '/nonexistent/Broken pipe': no such file or directory\n"
    );
}

#[test]
fn a_standard_error_that_cannot_be_written_is_no_panic() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(full) = full else {
        eprintln!("no /dev/full here: nothing to test");
        return;
    };
    for args in [
        &["list", "/definitely/not/here.txt"][..],
        &["--bogus"],
        &["list", "/definitely/not/here.txt", "-"],
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(args)
            .stdin(Stdio::null())
            .stderr(full.try_clone().expect("dup"))
            .output()
            .expect("run dossier");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn one_unreadable_input_does_not_stop_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "Un texte qui se lit très bien, sans aucun problème.\n",
    )
    .expect("w");
    let good = good.to_string_lossy().into_owned();
    // A name over the file system's length limit cannot even be looked up, root or not.
    let long = dir.path().join(format!("{}.txt", "x".repeat(300)));
    let long = long.to_string_lossy().into_owned();
    let missing = dir
        .path()
        .join("missing.txt")
        .to_string_lossy()
        .into_owned();
    for command in [
        &["list", "--format", "jsonl"][..],
        &["figures"],
        &["quotes"],
        &["search", "texte"],
    ] {
        let mut args: Vec<&str> = command.to_vec();
        args.extend([long.as_str(), good.as_str(), missing.as_str()]);
        let o = dossier(&args);
        assert_eq!(o.status.code(), Some(2), "{command:?}: {}", stderr(&o));
        let err = stderr(&o);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "one line per input that failed: {err}");
        assert!(lines[0].contains("file name too long"), "{err}");
        assert_eq!(
            lines[1],
            format!("dossier: cannot read '{missing}': no such file or directory")
        );
        if command[0] == "list" {
            assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
            assert!(stdout(&o).contains("good.txt"));
        }
    }
    // A link to nothing inside a folder is passed over, and the folder still loads.
    let sub = dir.path().join("folder");
    std::fs::create_dir(&sub).expect("mkdir");
    std::fs::write(sub.join("a.txt"), "Premier document lisible du dossier.\n").expect("w");
    std::os::unix::fs::symlink("/definitely/not/here", sub.join("dangling.txt")).expect("ln");
    let o = dossier(&["list", "--format", "jsonl", &sub.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stderr(&o));
}

#[test]
fn an_argument_error_on_a_terminal_writes_no_escape_it_quotes() {
    use crate::common::pty::Session;
    // On a terminal clap would keep the name as it is: a clipboard write, a window title.
    let clipboard = std::ffi::OsStr::new("--x\u{1b}]52;c;cGF5bG9hZA==\u{7}.txt");
    let title = std::ffi::OsStr::new("--format=\u{1b}]2;pwned\u{7}");
    for args in [
        vec![
            std::ffi::OsStr::new("search"),
            std::ffi::OsStr::new("tiktok"),
            clipboard,
        ],
        vec![std::ffi::OsStr::new("list"), title],
    ] {
        let mut s = Session::start_with(80, 24, &args);
        s.wait_text("For more information");
        let status = s.wait_exit(crate::common::pty::WAIT);
        assert!(!status.success());
        let bytes = s.bytes.lock().expect("bytes").clone();
        let text = String::from_utf8_lossy(&bytes);
        // An operating system command starts with ESC ] (or its C1 form) and ends with BEL.
        assert!(!bytes.windows(2).any(|w| w == b"\x1b]"), "{text:?}");
        assert!(!text.contains('\u{9d}'), "{text:?}");
        assert!(!bytes.contains(&0x07), "{text:?}");
    }
}

#[test]
fn a_query_of_thousands_of_terms_is_refused_at_once() {
    let query = "ab ".repeat(20_000);
    let o = dossier(&["search", query.trim_end()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "dossier: bad query: 20000 terms; at most 64 are allowed\n"
    );
}
