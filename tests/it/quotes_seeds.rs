//! Quotes and speakers on each of the five seeds, checked against what the articles say.

use dossier::corpus::{Corpus, LoadOptions, load};
use dossier::extract::quotes::{QuoteForm, extract};

fn seeds() -> Corpus {
    load(&[], &LoadOptions::default())
}

/// (speaker, role, text, line) of a seed's quotes.
fn quotes(i: usize) -> Vec<(Option<String>, Option<String>, String, usize)> {
    let c = seeds();
    let d = &c.docs[i];
    extract(d)
        .into_iter()
        .map(|q| {
            (
                q.speaker,
                q.role,
                d.text[q.start..q.end].to_string(),
                q.line,
            )
        })
        .collect()
}

#[test]
fn seed_000_has_only_scare_quotes() {
    // « sécurité nationale », « refuge », « réfugiés de TikTok » name things; nobody speaks.
    assert_eq!(quotes(0), []);
}

#[test]
fn seed_001_jen_hamilton_block_quote() {
    let c = seeds();
    let d = &c.docs[1];
    let qs = extract(d);
    assert_eq!(qs.len(), 1, "{qs:?}");
    let q = &qs[0];
    assert_eq!(q.speaker.as_deref(), Some("Jen Hamilton"));
    assert_eq!(q.role.as_deref(), Some("influenceuse"));
    assert_eq!(q.form, QuoteForm::Block);
    assert_eq!(q.line, 17);
    assert_eq!(
        &d.text[q.start..q.end],
        "Oh, vous ne voulez pas que les Chinois aient nos données personnelles très sensibles ? Eh bien on va leur donner directement !"
    );
}

#[test]
fn seed_002_has_only_scare_quotes() {
    // « réfugiés numériques » (twice) and « hybride ».
    assert_eq!(quotes(2), []);
}

#[test]
fn seed_003_has_only_scare_quotes() {
    // “pengungsi TikTok” is a term; Guo Jiakun is reported in indirect speech only.
    assert_eq!(quotes(3), []);
}

#[test]
fn seed_004_guo_jiakun_twice() {
    let got = quotes(4);
    assert_eq!(got.len(), 2, "{got:?}");
    let (speaker, role, text, line) = &got[0];
    assert_eq!(speaker.as_deref(), Some("Guo Jiakun"));
    assert_eq!(
        role.as_deref(),
        Some("Juru Bicara Kementerian Luar Negeri China")
    );
    assert!(text.starts_with("China selalu mendukung"), "{text}");
    assert!(text.ends_with("masyarakat kedua negara"), "{text}");
    assert_eq!(*line, 2);
    let (speaker, _, text, line) = &got[1];
    assert_eq!(speaker.as_deref(), Some("Guo Jiakun"));
    assert_eq!(
        text,
        "Saya tegaskan bahwa penggunaan platform media sosial merupakan pilihan pribadi orang per orang"
    );
    assert_eq!(*line, 5);
}
