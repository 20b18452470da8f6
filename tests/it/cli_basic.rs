//! The foundation CLI end to end: `list`, `show`, completions and the man page, on the seeds
//! and on fixtures written to temp dirs (escapes, UTF-16, invalid UTF-8, binary, empty files,
//! a missing path, a folder, standard input).

use crate::common;

use common::cli::{dossier, stderr, stdout};

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p.display().to_string()
}

/// No byte sequence that could act on a terminal: ESC, other C0 except newline, DEL, C1.
fn assert_inert(s: &str) {
    for c in s.chars() {
        assert!(
            c == '\n' || !c.is_control(),
            "control {:?} in output: {s:?}",
            c
        );
        assert!(
            !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
            "bidi control in {s:?}"
        );
    }
}

#[test]
fn list_seeds_table() {
    let o = dossier(&["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6);
    assert!(lines[0].starts_with("ID"));
    for (line, (id, lang)) in lines[1..].iter().zip([
        ("000", "fr"),
        ("001", "fr"),
        ("002", "fr"),
        ("003", "id"),
        ("004", "id"),
    ]) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!((cols[0], cols[1]), (id, lang), "{line}");
    }
    assert!(lines[2].ends_with("Des créateurs américains quittent TikTok pour Xiaohongshu"));
}

#[test]
fn list_seeds_jsonl_fields() {
    let o = dossier(&["list", "--format", "jsonl"]);
    assert!(o.status.success());
    let rows: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(rows.len(), 5);
    for key in [
        "id",
        "path",
        "lang",
        "date",
        "title",
        "words",
        "sentences",
        "paragraphs",
        "url",
        "site",
        "byline",
        "published",
    ] {
        assert!(rows[0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(rows[3]["lang"], "id");
    assert_eq!(rows[1]["path"], "seeds/001_3da0512b7a251565.txt");
    assert!(rows[1]["words"].as_u64().expect("words") > 400);
}

#[test]
fn list_csv_has_header_and_rows() {
    let o = dossier(&["list", "--format", "csv"]);
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("id,path,lang,date,title,words,sentences,paragraphs,url,site,byline,published")
    );
    assert_eq!(lines.count(), 5);
}

#[test]
fn show_wraps_by_display_width() {
    let o = dossier(&["show", "001", "--width", "40"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("Des créateurs américains quittent TikTok"));
    for line in out.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 40,
            "{line:?}"
        );
    }
}

#[test]
fn show_unknown_doc_is_an_error() {
    let o = dossier(&["show", "999"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "dossier: no document '999' (ids: 000, 001, 002, 003, 004)"
    );
    let o = dossier(&["show", "00"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "dossier: '00' is the start of several document ids: 000, 001, 002, 003, 004"
    );
}

#[test]
fn missing_path_exits_2_with_one_line() {
    let o = dossier(&["list", "/definitely/not/here.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "dossier: cannot read '/definitely/not/here.txt': no such file or directory\n"
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn unreadable_file_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(dir.path(), "secret.txt", b"hidden");
    let mut perms = std::fs::metadata(&p).expect("meta").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    std::fs::set_permissions(&p, perms).expect("chmod");
    if std::fs::read(&p).is_ok() {
        // Running as root: permissions do not apply, nothing to test.
        return;
    }
    let o = dossier(&["list", &p]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!("dossier: cannot read '{p}': permission denied\n")
    );
}

#[test]
fn hostile_and_odd_encodings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let esc = write(
        d,
        "esc.txt",
        b"Title \x1b]0;pwned\x07here\nBody \x1b[31mred\x1b[0m \xc2\x9b2J and \xe2\x80\xae gnirts\n",
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Bonjour le monde. Ceci est un texte en UTF-16."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let u16p = write(d, "utf16.txt", &utf16);
    let bad = write(
        d,
        "bad.txt",
        b"caf\xe9 cr\xe8me br\xfbl\xe9e is a dessert.\n",
    );
    let bin = write(d, "blob.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00binary");
    let empty = write(d, "empty.txt", b"");
    let blank = write(d, "blank.txt", b"  \n\t\n");

    let o = dossier(&[
        "list", "--format", "jsonl", &esc, &u16p, &bad, &bin, &empty, &blank,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "dossier: warning: '{bad}': 4 invalid UTF-8 byte(s) replaced with U+FFFD"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "dossier: warning: '{bin}': skipped: binary file (contains NUL bytes)"
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 2, "{err}");
    let rows: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["esc", "utf16", "bad", "empty", "blank"]);
    assert_eq!(rows[0]["title"], "Title \u{1b}]0;pwned\u{7}here");
    assert!(!stdout(&o).contains('\u{1b}'), "raw ESC in jsonl");
    assert_eq!(rows[1]["title"], "Bonjour le monde.");
    assert_eq!(rows[3]["words"], 0);
    assert_eq!(rows[4]["sentences"], 0);

    let o = dossier(&["list", &esc]);
    let out = stdout(&o);
    assert_inert(&out);
    assert!(out.contains("Title ␛]0;pwned␇here"), "{out}");

    let o = dossier(&["show", "esc", &esc]);
    let out = stdout(&o);
    assert_inert(&out);
    assert!(
        out.contains("Body ␛[31mred␛[0m ⟨U+009B⟩2J and ⟨U+202E⟩ gnirts"),
        "{out}"
    );
}

#[test]
fn folders_recurse_in_stable_order_and_skip_duplicates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("b/deeper")).expect("mkdir");
    std::fs::create_dir_all(d.join(".hidden")).expect("mkdir");
    write(d, "a.txt", b"Alpha text here.");
    write(d, "notes", b"Extensionless notes.");
    write(d, "image.png", b"not text at all");
    write(&d.join("b"), "c.md", b"# Gamma\n\nMarkdown body.");
    write(&d.join("b/deeper"), "d.txt", b"Alpha text here.");
    write(&d.join(".hidden"), "e.txt", b"Hidden.");
    let o = dossier(&["list", "--format", "jsonl", &d.display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["id"]
                .as_str()
                .expect("id")
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["a", "c", "notes"]);
    assert!(stderr(&o).contains("same content as"), "{}", stderr(&o));
}

#[test]
fn same_stem_gets_unique_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("x")).expect("mkdir");
    let a = write(dir.path(), "report.txt", b"First report.");
    let b = write(&dir.path().join("x"), "report.md", b"Second report.");
    let o = dossier(&["list", "--format", "jsonl", &a, &b]);
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["id"]
                .as_str()
                .expect("id")
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["report", "report-2"]);
}

#[test]
fn standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        // Given twice, standard input is still one document.
        .args(["list", "--format", "jsonl", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all("小红书难民涌入。美国用户很多。".as_bytes())
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    let row: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    assert_eq!(row["id"], "stdin");
    assert_eq!(row["path"], "-");
    assert_eq!(row["lang"], "zh");
}

#[test]
fn reader_needs_a_terminal() {
    let o = dossier(&[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1);
    assert!(
        err.contains("not a terminal") && err.contains("dossier list"),
        "{err}"
    );
}

#[test]
fn help_version_completions_man() {
    let o = dossier(&["--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Usage: dossier"));
    let o = dossier(&["--version"]);
    assert_eq!(
        stdout(&o).trim(),
        format!("dossier {}", env!("CARGO_PKG_VERSION"))
    );
    for shell in ["bash", "zsh", "fish"] {
        let o = dossier(&["completions", shell]);
        assert!(o.status.success());
        assert!(stdout(&o).contains("list"), "{shell}");
    }
    let o = dossier(&["man"]);
    assert!(
        stdout(&o).starts_with(".ie"),
        "{}",
        &stdout(&o)[..40.min(stdout(&o).len())]
    );
    assert!(
        stdout(&o).contains("dossier\\-search(1)"),
        "refers to the pages below"
    );
    // Each page the main page refers to can be printed.
    let o = dossier(&["man", "search"]);
    assert!(o.status.success());
    assert!(
        stdout(&o).contains(".TH dossier-search 1"),
        "{}",
        stdout(&o)
    );
    let o = dossier(&["man", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "dossier: no subcommand 'nope' (see 'dossier --help')\n"
    );
}

#[test]
fn closed_pipe_is_quiet() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["show", "000", "--width", "20"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("wait");
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}
