//! Quote finding on 10 MB of unbalanced marks (every kind of opening mark, never closed, and
//! a few quotes that do close), and on the seeds repeated to 10 MB: both must stay linear.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::corpus::{Document, Origin};
use dossier::extract::quotes;

const SIZE: usize = 10 << 20;

fn document(unit: &str) -> Document {
    let mut text = String::with_capacity(SIZE + unit.len());
    while text.len() < SIZE {
        text.push_str(unit);
    }
    Document::from_text("q".into(), Origin::Stdin, text, None)
}

/// The seeds' paragraphs over and over to 10 MB, each copy numbered so that none is a repeat
/// (repeats are left out of quote finding).
fn news() -> Document {
    let seeds: Vec<String> = dossier::corpus::seeds::SEEDS
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    let mut text = String::with_capacity(SIZE + 1024);
    'fill: for copy in 0.. {
        for line in seeds.iter().flat_map(|s| s.lines()) {
            if text.len() >= SIZE {
                break 'fill;
            }
            if !line.trim().is_empty() {
                text.push_str(line);
                text.push_str(&format!(" ({copy})\n\n"));
            }
        }
    }
    Document::from_text("n".into(), Origin::Stdin, text, None)
}

fn bench(c: &mut Criterion) {
    // One paragraph: quotes are looked for within a paragraph, and a long one is the worst case.
    let unbalanced = document("« “ „ 「 『 \" a « b » c ");
    let news = news();
    let mut g = c.benchmark_group("quotes");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(SIZE as u64));
    g.bench_function("unbalanced_marks_10MB", |b| {
        b.iter(|| quotes::extract(std::hint::black_box(&unbalanced)).len());
    });
    g.bench_function("news_10MB", |b| {
        b.iter(|| quotes::extract(std::hint::black_box(&news)).len());
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
