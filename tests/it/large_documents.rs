//! Large documents take the multi-threaded paths of loading and indexing: their results must
//! be exactly those of the single-threaded paths used for small documents.

use dossier::corpus::{Document, LoadOptions, Origin, ParagraphKind, load};
use dossier::search::fold::{Folded, fold};
use dossier::search::{HayBuf, Index, UnitKind};
use nucleo_matcher::Utf32Str;

#[test]
fn a_large_document_is_analysed_like_its_parts() {
    let seeds = load(&[], &LoadOptions::default());
    let small = &seeds.docs[2];
    // Seed 002: ten paragraphs, one per line. 2,500 copies: 25,000 paragraphs.
    let copies = 2_500;
    let mut text = String::new();
    for n in 0..copies {
        text.push_str(&small.text);
        // Every copy also gets a unique line, so not everything after the first is a repeat.
        text.push_str(&format!(
            "\nUne ligne unique numéro {n} écrite pour ce test, 难民 {n}.\n"
        ));
    }
    let big = Document::from_text("big".into(), Origin::Stdin, text, None);
    let per = small.paragraphs.len() + 1;
    assert_eq!(big.paragraphs.len(), per * copies);
    for (i, p) in small.paragraphs.iter().enumerate() {
        assert_eq!(big.paragraphs[i].kind, p.kind, "paragraph {i}");
        let later = &big.paragraphs[per * (copies - 1) + i];
        assert!(
            matches!(later.kind, ParagraphKind::Repeat(j) if j as usize == i)
                || later.kind == ParagraphKind::Boilerplate,
            "{:?}",
            later.kind
        );
    }
    for n in [0, copies / 2, copies - 1] {
        assert_eq!(big.paragraphs[per * n + per - 1].kind, ParagraphKind::Body);
    }
    let counted: Vec<&str> = big
        .counted_sentences()
        .map(|(_, s)| big.slice(&s.range))
        .collect();
    assert_eq!(
        counted.len(),
        small.counted_sentences().count() + copies,
        "one unique sentence per copy"
    );
    for w in big.sentences.windows(2) {
        assert!(w[0].range.end <= w[1].range.start);
        assert!(w[0].paragraph <= w[1].paragraph);
    }

    let ix = Index::build(std::slice::from_ref(&big), Vec::new());
    assert_eq!(
        ix.units().filter(|u| u.kind == UnitKind::Sentence).count(),
        counted.len()
    );
    let mut buf = HayBuf::default();
    for i in 0..ix.len() {
        let want = fold(&ix.text(i));
        let got = ix.haystack(i, &mut buf);
        match (want, got) {
            (Folded::Same, Utf32Str::Ascii(b)) => assert_eq!(b, ix.text(i).as_bytes()),
            (Folded::Ascii(v), Utf32Str::Ascii(b)) => assert_eq!(v, b),
            (Folded::Wide(v), Utf32Str::Unicode(c)) => assert_eq!(v, c),
            (w, g) => panic!("unit {i}: {w:?} vs {g:?}"),
        }
    }
}

#[test]
fn figures_of_a_large_document_are_those_of_its_paragraphs() {
    let seeds = load(&[], &LoadOptions::default());
    let small = &seeds.docs[4];
    // Distinct copies of seed 004 (no repeats), well over the multi-threaded threshold.
    let mut text = String::new();
    let mut copies = 0;
    while text.len() < 3 << 20 {
        text.push_str(
            &small
                .text
                .replace("Xiaohongshu", &format!("Xiaohongshu{copies}")),
        );
        text.push('\n');
        copies += 1;
    }
    let big = Document::from_text("big".into(), Origin::Stdin, text, Some(small.lang));
    let figures = dossier::extract::figures::extract_document(&big);
    // The same scan, paragraph by paragraph on one thread.
    let mut expected = Vec::new();
    for p in big.paragraphs.iter().filter(|p| p.kind.counts()) {
        for mut f in dossier::extract::figures::extract(big.slice(&p.range), big.lang) {
            f.start += p.range.start;
            f.end += p.range.start;
            let surface = f.surface(&big.text).to_string();
            expected.push((f.start, f.end, surface));
        }
    }
    let got: Vec<(usize, usize, String)> = figures
        .into_iter()
        .map(|f| (f.start, f.end, f.surface(&big.text).to_string()))
        .collect();
    assert!(got.len() > copies * 5, "{} figures", got.len());
    assert_eq!(got, expected);
}
