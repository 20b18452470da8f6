//! Whole-process speed of a one-shot search: `dossier search QUERY FILE --limit 0` against
//! `fzf --filter QUERY < FILE`, on a file of 1M lines of about 120 multilingual characters
//! (the lines of the search bench). The target is at most half of fzf's time for the same
//! query. Both write to /dev/null; fzf is measured only when it is on PATH.
//!
//! Each sample is one whole run of each program (one to four seconds here): run one query
//! with `cargo bench --bench whole_process -- "dossier/'tiktok"`, or one program with
//! `-- fzf/`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

mod common;

const LINES: usize = 1_000_000;

/// Fuzzy terms that match a fifth to a quarter of the lines, CJK, case-sensitive terms,
/// numbers, exact and prefix terms, a term nearly every line matches, and a negation.
const QUERIES: &[&str] = &[
    "tiktok",
    "refugies",
    "难民",
    "pengguna",
    "Xiaohongshu",
    "TikTok",
    "'chine",
    "2025",
    "170",
    "'tiktok",
    "^chine",
    "a",
    "!tiktok",
];

/// Runs `program` with `args` to the end, its output thrown away, reading `stdin` if given.
fn run(program: &Path, args: &[&str], stdin: Option<&Path>) {
    let mut cmd = Command::new(program);
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::null());
    if let Some(path) = stdin {
        cmd.stdin(std::fs::File::open(path).expect("the bench file opens"));
    }
    // fzf exits with 1 when nothing matches: only running to the end matters here.
    let status = cmd.status().expect("the program runs");
    std::hint::black_box(status);
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("lines.txt");
    std::fs::write(&file, common::lines(LINES)).expect("the bench file is written");
    let path = file.to_str().expect("a UTF-8 temporary path");
    let dossier = Path::new(env!("CARGO_BIN_EXE_dossier"));
    let fzf = Path::new("fzf");
    let has_fzf = Command::new(fzf)
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_fzf {
        eprintln!("fzf is not on PATH: only dossier is measured");
    }
    let mut g = c.benchmark_group(format!("whole_process_{LINES}"));
    // Ten runs of each: the same number of iterations in every sample, not a growing one.
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(20));
    for &q in QUERIES {
        g.bench_function(format!("dossier/{q}"), |b| {
            b.iter(|| run(dossier, &["search", q, path, "--limit", "0"], None));
        });
        if has_fzf {
            g.bench_function(format!("fzf/{q}"), |b| {
                b.iter(|| run(fzf, &["--filter", q], Some(&file)));
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
