//! Inputs without an end or with a false size: devices, a sparse file of a terabyte, a file
//! over the size cap. Each is skipped with one warning, quickly, and the others still load;
//! nothing is read to its end or sized from what the file system says.

use std::process::{Command, Stdio};

use crate::common::cli::{dossier, stderr, stdout};

#[test]
fn devices_without_an_end_are_skipped_as_binary() {
    for device in ["/dev/zero", "/dev/urandom"] {
        if !std::path::Path::new(device).exists() {
            continue;
        }
        let o = dossier(&["list", "--format", "jsonl", device]);
        assert_eq!(o.status.code(), Some(0), "{device}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
        assert_eq!(
            stderr(&o),
            format!("dossier: warning: '{device}': skipped: binary file (contains NUL bytes)\n")
        );
    }
}

#[test]
fn standard_input_without_an_end_is_skipped_as_binary() {
    let Ok(zero) = std::fs::File::open("/dev/zero") else {
        return;
    };
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["list", "--format", "jsonl", "-"])
        .stdin(Stdio::from(zero))
        .output()
        .expect("run dossier");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("'-': skipped: binary file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_sparse_terabyte_is_not_sized_from_its_length() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sparse = dir.path().join("sparse.txt");
    let file = std::fs::File::create(&sparse).expect("create");
    if file.set_len(1 << 40).is_err() {
        // This file system cannot hold a sparse terabyte: nothing to test.
        return;
    }
    drop(file);
    let o = dossier(&["list", "--format", "jsonl", &sparse.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("skipped: binary file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_input_over_the_size_cap_is_skipped_and_the_others_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.txt");
    let line = "Une phrase ordinaire qui se répète pour remplir le fichier.\n";
    std::fs::write(&big, line.repeat((3 << 20) / line.len())).expect("write");
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "Un petit texte.\n").expect("write");
    let (big, small) = (big.to_string_lossy(), small.to_string_lossy());
    let o = dossier(&["list", "--format", "jsonl", "--max-size", "2", &big, &small]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!("dossier: warning: '{big}': skipped: larger than 2 MiB (see --max-size)\n")
    );
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(stdout(&o).contains("small.txt"));
    // Under the cap it loads.
    let o = dossier(&["list", "--format", "jsonl", "--max-size", "4", &big]);
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stderr(&o));
    // The cap is checked as a number, and stays under 4 GiB, the most a document may be
    // (its offsets are kept in 32 bits).
    let o = dossier(&["list", "--max-size", "0", &small]);
    assert_eq!(o.status.code(), Some(2));
    let o = dossier(&["list", "--max-size", "4096", &small]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("4095"), "{}", stderr(&o));
    let o = dossier(&["list", "--format", "jsonl", "--max-size", "4095", &small]);
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stderr(&o));
}

/// Running out of memory while a document is read fails that document, with one line naming
/// it, and the others still load: the process runs under an address-space limit smaller than
/// the document, so the text can never grow to hold it.
#[cfg(target_os = "linux")]
#[test]
fn running_out_of_memory_while_reading_fails_one_document_not_the_process() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.txt");
    let line = "Une phrase ordinaire qui se répète pour remplir le fichier, avec 170 millions.\n";
    let mut text = line.repeat((160 << 20) / line.len());
    text.push_str("Fin.\n");
    std::fs::write(&big, &text).expect("write");
    drop(text);
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "Un petit texte.\n").expect("write");
    // 150 MiB of address space for the whole process: below the 160 MiB document.
    let o = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 153600 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_dossier"))
        .args(["list", "--format", "jsonl", "--max-size", "512"])
        .arg(&big)
        .arg(&small)
        .output()
        .expect("run dossier");
    let err = stderr(&o);
    assert_eq!(
        err,
        format!(
            "dossier: cannot read '{}': out of memory while reading it\n",
            big.display()
        ),
        "status {:?}",
        o.status
    );
    assert_eq!(o.status.code(), Some(2), "a document failed: {err}");
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(stdout(&o).contains("small.txt"));
}
