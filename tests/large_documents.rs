//! Large documents take the multi-threaded paths of loading and indexing: their results must
//! be exactly those of the single-threaded paths used for small documents.

use dossier::corpus::{Document, LoadOptions, Origin, ParagraphKind, load};
use dossier::search::fold::{Folded, fold};
use dossier::search::{Index, UnitKind};
use nucleo_matcher::Utf32Str;

#[test]
fn a_large_document_is_analysed_like_its_parts() {
    let seeds = load(&[], &LoadOptions::default()).expect("seeds");
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
            matches!(later.kind, ParagraphKind::Repeat(j) if j == i)
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
        ix.units()
            .iter()
            .filter(|u| u.kind == UnitKind::Sentence)
            .count(),
        counted.len()
    );
    for i in 0..ix.len() {
        let want = fold(ix.text(i));
        let got = ix.haystack(i);
        match (want, got) {
            (Folded::Same, Utf32Str::Ascii(b)) => assert_eq!(b, ix.text(i).as_bytes()),
            (Folded::Ascii(v), Utf32Str::Ascii(b)) => assert_eq!(v, b),
            (Folded::Wide(v), Utf32Str::Unicode(c)) => assert_eq!(v, c),
            (w, g) => panic!("unit {i}: {w:?} vs {g:?}"),
        }
    }
}
