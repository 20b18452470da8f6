//! Peak memory of loading a large corpus: 100 MB of multilingual text, written to a temp dir,
//! must load with a peak resident set of at most three times its size.
//!
//! The load runs in a process of its own (this test binary, running only the ignored test
//! below), so the process's high-water mark (`VmHWM`) measures only it.

use std::io::Write;

use dossier::corpus::{LoadOptions, load};

const TARGET_BYTES: usize = 100 * 1024 * 1024;

/// Peak resident set size of this process, in bytes (Linux).
fn peak_rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

const LINES: &[&str] = &[
    "Les autorités invoquent les risques d’espionnage et de manipulation par la Chine des 170 millions d’utilisateurs américains.",
    "Hingga Selasa (14/1), dilaporkan ada lebih dari 114.000 unggahan menggunakan tagar tersebut dengan lebih dari 2 juta pembicaraan.",
    "TikTok has about 170 million users in the United States, nearly half the country's population, according to the company.",
    "美国用户纷纷涌向小红书，自称“TikTok难民”，截至1月14日相关帖子超过11.4万条。",
    "Los usuarios estadounidenses se mudan a otra aplicación china: más de 700.000 nuevos usuarios en dos días.",
];

#[test]
fn hundred_megabytes_load_within_three_times_their_size() {
    let exe = std::env::current_exe().expect("the test binary");
    let out = std::process::Command::new(exe)
        .args([
            "memory::load_in_a_process_of_its_own",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .output()
        .expect("the test binary runs");
    let said = String::from_utf8_lossy(&out.stdout);
    println!("{said}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "the load's own process failed");
    assert!(
        said.contains("1 passed"),
        "the load's own process ran no test"
    );
}

/// The measured load: run alone by the test above.
#[test]
#[ignore = "run in a process of its own by hundred_megabytes_load_within_three_times_their_size"]
fn load_in_a_process_of_its_own() {
    let Some(before) = peak_rss() else {
        eprintln!("no /proc/self/status on this system; nothing to measure");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut written = 0usize;
    let mut files = 0usize;
    // Files of about 1 MiB, so folder walking, per-file decoding and dedup are all exercised.
    while written < TARGET_BYTES {
        let path = dir.path().join(format!("doc{files:04}.txt"));
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
        let mut size = 0;
        let mut n = 0usize;
        while size < 1024 * 1024 {
            // A counter keeps every paragraph and every file distinct.
            let line = format!("{} ({files}-{n})\n\n", LINES[n % LINES.len()]);
            f.write_all(line.as_bytes()).expect("write");
            size += line.len();
            n += 1;
        }
        written += size;
        files += 1;
    }
    let corpus = load(&[dir.path().to_path_buf()], &LoadOptions::default());
    let peak = peak_rss().expect("VmHWM");
    let text: usize = corpus.docs.iter().map(|d| d.text.len()).sum();
    assert_eq!(corpus.docs.len(), files);
    assert_eq!(text, written);
    let used = peak.saturating_sub(before.min(peak));
    println!(
        "loaded {} MB in {files} files; peak RSS {} MB ({:.2}x), {} MB before loading",
        written >> 20,
        peak >> 20,
        peak as f64 / written as f64,
        before >> 20
    );
    assert!(
        peak <= 3 * written,
        "peak RSS {} MB for {} MB of text ({} MB above the start)",
        peak >> 20,
        written >> 20,
        used >> 20
    );
}
