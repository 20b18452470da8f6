//! The real binary in a pseudo-terminal: real keys in, the screen read back with a terminal
//! emulator, the bytes checked at exit.
#![cfg(unix)]

use crate::common;

use std::time::{Duration, Instant};

use common::pty::{Session, WAIT};

fn started(cols: u16, rows: u16) -> Session {
    let s = Session::start(cols, rows);
    s.wait_text("1/5");
    s
}

#[test]
fn standard_input_that_is_the_terminal_is_refused_not_read() {
    // Reading `-` from the terminal would take the keys the reader needs, leaving no way out.
    let mut s = Session::start_with(80, 24, &["-".as_ref()]);
    let status = s.wait_exit(WAIT);
    assert_eq!(status.exit_code(), 2);
    s.wait_text("cannot read '-': standard input is a terminal");
}

#[test]
fn mouse_reports_clicks_and_wheel_only_and_is_off_at_exit() {
    let mut s = started(80, 24);
    s.send(b"m");
    s.wait_for("mouse on", |scr| {
        scr.mouse_protocol_mode() == vt100::MouseProtocolMode::PressRelease
    });
    // Clicks and the wheel, in SGR encoding; no motion reports (1002/1003), which over SSH
    // would send a report for every cell the pointer crosses.
    let bytes = String::from_utf8_lossy(&s.bytes.lock().expect("bytes")).into_owned();
    assert!(bytes.contains("\x1b[?1006h"), "SGR encoding");
    assert!(!bytes.contains("\x1b[?1003h") && !bytes.contains("\x1b[?1002h"));
    s.send(b"q");
    assert!(s.wait_exit(WAIT).success());
    s.assert_restored();
}

#[test]
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
fn a_reader_that_aborts_or_is_killed_still_gives_the_terminal_back() {
    // An abort (a failed allocation) and SIGKILL (the out-of-memory killer) skip every
    // restore the reader makes itself.
    for (sig, code) in [("ABRT", 134), ("KILL", 137)] {
        let mut s = started(80, 24);
        s.send(b"m");
        s.wait_for("mouse on", |scr| {
            scr.mouse_protocol_mode() != vt100::MouseProtocolMode::None
        });
        s.signal_reader(sig);
        let status = s.wait_exit(WAIT);
        assert_eq!(status.exit_code(), code, "SIG{sig}");
        s.assert_restored();
        s.wait_text("the terminal was restored");
    }
}

#[test]
fn a_closed_pty_ends_it_quickly() {
    let mut s = started(80, 24);
    s.hang_up();
    let t = Instant::now();
    let status = s.wait_exit(Duration::from_secs(10));
    let took = t.elapsed();
    assert!(took < Duration::from_secs(3), "took {took:?}");
    // Quietly: no panic writing to the dead terminal (101), no error (1).
    assert!(status.success(), "{status:?}");
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

#[test]
fn a_burst_of_input_never_stalls_the_keyboard_and_a_paste_is_text() {
    let mut s = started(100, 30);
    // 5,000 bytes of keys at once, as a held key or a paste outside any input gives.
    s.send(&b"jk".repeat(2_500));
    // A 4 KB paste into the palette is its query, never keys: its "q" would quit.
    s.send(b"/");
    s.wait_text("Search");
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend_from_slice("q tiktok ".repeat(455).as_bytes());
    paste.extend_from_slice(b"\x1b[201~");
    s.send(&paste);
    s.wait_text("/ q tiktok q tiktok");
    s.send_escape();
    // 300 wheel events with the mouse on.
    s.send(b"m");
    s.wait_for("mouse on", |scr| {
        scr.mouse_protocol_mode() == vt100::MouseProtocolMode::PressRelease
    });
    s.send(&b"\x1b[<65;40;10M".repeat(300));
    // Every byte before it is read at once, so `q` is answered now, not after a minute.
    s.send(b"q");
    let status = s.wait_exit(Duration::from_secs(10));
    assert!(status.success());
    s.assert_restored();
}

#[test]
fn colours_are_sent_in_their_sixteen_colour_form() {
    let mut s = Session::start_with_env(100, 30, &[], &[("TERM", "vt100")]);
    s.wait_text("1/5");
    s.send(b"q");
    assert!(s.wait_exit(WAIT).success());
    let bytes = String::from_utf8_lossy(&s.bytes.lock().expect("bytes")).into_owned();
    assert!(
        !bytes.contains("38;5;") && !bytes.contains("48;5;"),
        "256-colour codes sent"
    );
    // The focused border is cyan (36) and the status bar dark grey (100).
    assert!(bytes.contains("\x1b[36m") || bytes.contains(";36m") || bytes.contains("[36;"));
    assert!(
        bytes.contains("100m") || bytes.contains("100;"),
        "16-colour background"
    );
}

#[test]
fn without_a_utf8_locale_borders_are_ascii() {
    let mut s = Session::start_with_env(100, 30, &[], &[("LANG", "C"), ("LC_ALL", "C")]);
    s.wait_text("1/5");
    s.wait_for("ascii borders", |scr| {
        let c = scr.contents();
        c.contains("+ 1 Sources ---") && !c.contains('│') && !c.contains('─')
    });
    // The rest of the chrome too: border rows and the status bar are all ASCII, cut titles
    // end in "...", and no ellipsis, dot or paragraph sign is drawn (the seeds hold none).
    s.wait_for("ascii chrome", |scr| {
        let c = scr.contents();
        let rows: Vec<&str> = c.lines().collect();
        rows.len() == 30
            && [rows[0], rows[28], rows[29]].iter().all(|r| r.is_ascii())
            && rows[29].contains(" - 1/5")
            && c.contains("...|")
            && !c.contains(['…', '·', '¶'])
    });
    s.send(b"q");
    assert!(s.wait_exit(WAIT).success());
    s.assert_restored();
}
