//! The document model on the five seeds: ids, languages, titles, boilerplate, repeats and
//! sentence segmentation, checked against what a reader sees in the files.

use dossier::corpus::{Corpus, LoadOptions, ParagraphKind, load};

fn seeds() -> Corpus {
    load(&[], &LoadOptions::default())
}

#[test]
fn ids_and_languages() {
    let c = seeds();
    let got: Vec<(&str, &str)> = c
        .docs
        .iter()
        .map(|d| (d.id.as_str(), d.lang.code()))
        .collect();
    assert_eq!(
        got,
        [
            ("000", "fr"),
            ("001", "fr"),
            ("002", "fr"),
            ("003", "id"),
            ("004", "id")
        ]
    );
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn titles() {
    let c = seeds();
    let t: Vec<&str> = c.docs.iter().map(|d| d.title.as_str()).collect();
    assert!(
        t[0].starts_with("Un grand nombre d’utilisateurs américains affluent vers Xiaohongshu:"),
        "{}",
        t[0]
    );
    assert_eq!(
        t[1],
        "Des créateurs américains quittent TikTok pour Xiaohongshu"
    );
    assert!(
        t[2].starts_with("Ce matin, à 9 heures, heure de Pékin"),
        "{}",
        t[2]
    );
    // The outlet's name before the first sentence is a dateline, not part of the title.
    assert!(t[3].starts_with("Ancaman pemblokiran TikTok"), "{}", t[3]);
    assert!(
        t[4].starts_with("Pemerintah China mengomentari banyaknya pengguna baru"),
        "{}",
        t[4]
    );
    for title in t {
        assert!(
            title.chars().count() <= dossier::corpus::title::TITLE_MAX,
            "{title}"
        );
    }
}

fn kinds_of(c: &Corpus, doc: usize, kind: fn(ParagraphKind) -> bool) -> Vec<String> {
    let d = &c.docs[doc];
    d.paragraphs
        .iter()
        .filter(|p| kind(p.kind))
        .map(|p| d.slice(&p.range).to_string())
        .collect()
}

#[test]
fn boilerplate_on_every_seed() {
    let c = seeds();
    let bp = |k| k == ParagraphKind::Boilerplate;
    let b0 = kinds_of(&c, 0, bp);
    for want in [
        "spot_img",
        "- Advertisement -",
        "LAISSEZ UN COMMENTAIRE",
        "S'il vous plaît entrez votre commentaire!",
        "S'il vous plaît entrez votre nom ici",
        "ARTICLES SIMILAIRES",
        "Les plus lus",
        "Les derniers articles",
        "Commentaires récents",
    ] {
        assert!(b0.iter().any(|p| p == want), "000 misses {want}: {b0:?}");
    }
    assert!(
        b0.iter().any(|p| p.starts_with("AccueilCommuniqué")),
        "{b0:?}"
    );
    assert_eq!(b0.len(), 10, "{b0:?}");
    let b1 = kinds_of(&c, 1, bp);
    assert_eq!(b1.len(), 2, "{b1:?}");
    assert_eq!(b1[0], "ActualitésInternational");
    assert!(b1[1].starts_with("Passionné et dévoué"));
    assert!(kinds_of(&c, 2, bp).is_empty());
    assert_eq!(kinds_of(&c, 3, bp), ["Gambar Istimewa : kingshiper.com"]);
    let b4 = kinds_of(&c, 4, bp);
    assert_eq!(b4.len(), 5, "{b4:?}");
    assert!(b4[0].starts_with("Baca juga: China"));
    assert!(b4[4].starts_with("Copyright © ANTARA"));
}

#[test]
fn seed_001_repeats_six_paragraphs() {
    let c = seeds();
    let d = &c.docs[1];
    let repeats: Vec<(usize, usize)> = d
        .paragraphs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            if let ParagraphKind::Repeat(of) = p.kind {
                Some((i, of as usize))
            } else {
                None
            }
        })
        .collect();
    assert_eq!(repeats.len(), 6, "{repeats:?}");
    for (i, of) in repeats {
        assert_eq!(
            d.slice(&d.paragraphs[i].range),
            d.slice(&d.paragraphs[of].range)
        );
    }
    for doc in [0, 2, 3, 4] {
        assert!(
            c.docs[doc]
                .paragraphs
                .iter()
                .all(|p| !matches!(p.kind, ParagraphKind::Repeat(_))),
            "doc {doc}"
        );
    }
}

#[test]
fn sentences_on_every_seed() {
    let c = seeds();
    let counts: Vec<usize> = c.docs.iter().map(|d| d.sentences.len()).collect();
    for d in &c.docs {
        for s in d.sentences.iter() {
            let t = d.slice(&s.range);
            assert_eq!(t, t.trim(), "untrimmed sentence in {}", d.id);
            assert_eq!(d.line_of(s.range.start), s.line as usize);
        }
    }
    // Spot checks a reader can verify in the files.
    let has = |doc: usize, s: &str| {
        c.docs[doc]
            .sentences
            .iter()
            .any(|x| c.docs[doc].slice(&x.range) == s)
    };
    assert!(has(
        0,
        "Ces mesures de répression répétées ont atteint leur apogée en 2025."
    ));
    assert!(has(
        1,
        "Oh, vous ne voulez pas que les Chinois aient nos données personnelles très sensibles ?"
    ));
    assert!(has(1, "Eh bien on va leur donner directement !"));
    assert!(has(2, "Où suis-je ?"));
    assert!(has(
        3,
        "Ia juga menekankan bahwa penggunaan platform media sosial sepenuhnya merupakan keputusan individu."
    ));
    assert!(has(
        4,
        "Hingga Selasa (14/1), dilaporkan ada lebih dari 114.000 unggahan menggunakan tagar tersebut dengan lebih dari 2 juta pembicaraan."
    ));
    assert!(counts.iter().all(|&n| n > 15), "{counts:?}");
}

#[test]
fn headings_are_marked() {
    let c = seeds();
    let h = kinds_of(&c, 3, |k| k == ParagraphKind::Heading);
    assert_eq!(
        h,
        [
            "Lonjakan Pengguna Baru",
            "Keunggulan Xiaohongshu",
            "Tanggapan Resmi",
            "Dinamika Persaingan Media Sosial"
        ]
    );
}
