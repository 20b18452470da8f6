//! Search and quotes on the five seeds: what a reader looking for a phrase or a quote gets.

use std::sync::Arc;
use std::time::Duration;

use dossier::corpus::{Corpus, LoadOptions, load};
use dossier::search::{
    Highlighter, Index, KindSet, MatcherKind, Query, SearchOptions, Searcher, UnitKind, UnitSpec,
    one_shot,
};

fn seeds() -> Corpus {
    load(&[], &LoadOptions::default())
}

/// (doc id, kind, text) of the ranked hits.
fn search(ix: &Index, q: &str, matcher: MatcherKind) -> Vec<(String, UnitKind, String)> {
    let q = Query::parse(q).expect("valid query");
    let opts = SearchOptions {
        matcher,
        ..SearchOptions::default()
    };
    ix.search(&q, &opts)
        .into_iter()
        .map(|m| {
            let u = ix.unit(m.unit as usize);
            (
                ix.doc_id(u.doc as usize).to_string(),
                u.kind,
                ix.text(m.unit as usize).to_string(),
            )
        })
        .collect()
}

#[test]
fn jen_hamilton_quote_ranks_first() {
    let c = seeds();
    let ix = Index::build(&c.docs, Vec::new());
    for m in [MatcherKind::Nucleo, MatcherKind::Skim] {
        let hits = search(&ix, "vous ne voulez pas", m);
        let (doc, kind, text) = &hits[0];
        assert_eq!((doc.as_str(), *kind), ("001", UnitKind::Quote), "{m:?}");
        assert!(
            text.starts_with("Oh, vous ne voulez pas que les Chinois"),
            "{text}"
        );
        assert!(text.ends_with("donner directement !"), "{text}");
    }
}

#[test]
fn accents_fold_both_ways() {
    let c = seeds();
    let ix = Index::build(&c.docs, Vec::new());
    let plain = search(&ix, "refugies numeriques", MatcherKind::Nucleo);
    let accented = search(&ix, "réfugiés numériques", MatcherKind::Nucleo);
    assert!(!plain.is_empty());
    assert!(plain[0].2.contains("réfugiés numériques"), "{}", plain[0].2);
    assert_eq!(plain, accented);
    // The other way: an accented query finds unaccented text.
    let d = dossier::corpus::Document::from_text(
        "x".into(),
        dossier::corpus::Origin::Stdin,
        "Les refugies numeriques arrivent en masse sur la plateforme.".into(),
        None,
    );
    let ix = Index::build(&[d], Vec::new());
    assert_eq!(search(&ix, "réfugiés", MatcherKind::Nucleo).len(), 2); // title and sentence
}

#[test]
fn pengungsi_tiktok_in_both_indonesian_sources() {
    let c = seeds();
    let ix = Index::build(&c.docs, Vec::new());
    let hits = search(&ix, "'pengungsi 'tiktok", MatcherKind::Nucleo);
    let mut docs: Vec<&str> = hits.iter().map(|h| h.0.as_str()).collect();
    docs.dedup();
    docs.sort_unstable();
    docs.dedup();
    assert_eq!(docs, ["003", "004"]);
    let fuzzy = search(&ix, "pengungsi tiktok", MatcherKind::Nucleo);
    assert!(fuzzy[..3].iter().any(|h| h.0 == "003"));
    assert!(fuzzy[..3].iter().any(|h| h.0 == "004"));
}

#[test]
fn abbreviation_finds_jen_hamilton() {
    let c = seeds();
    let ix = Index::build(&c.docs, Vec::new());
    let hits = search(&ix, "jnhmltn", MatcherKind::Nucleo);
    assert!(hits[0].2.contains("Jen Hamilton"), "{}", hits[0].2);
    assert_eq!(hits[0].0, "001");
}

#[test]
fn boilerplate_and_repeats_are_not_indexed() {
    let c = seeds();
    let ix = Index::build(&c.docs, Vec::new());
    assert!(search(&ix, "'commentaire", MatcherKind::Nucleo).is_empty());
    assert!(search(&ix, "'baca juga", MatcherKind::Nucleo).is_empty());
    // Seed 001 repeats six paragraphs: each sentence is found once.
    let hits = search(&ix, "'Une interdiction quasi certaine", MatcherKind::Nucleo);
    assert_eq!(hits.len(), 1, "{hits:?}");
}

#[test]
fn smart_case_and_extended_syntax() {
    let c = seeds();
    let ix = Index::build(&c.docs, Vec::new());
    let lower = search(&ix, "'rednote", MatcherKind::Nucleo);
    let upper = search(&ix, "'RedNote", MatcherKind::Nucleo);
    let wrong = search(&ix, "'REDNOTE", MatcherKind::Nucleo);
    assert!(!lower.is_empty());
    assert_eq!(lower.len(), upper.len());
    assert!(wrong.is_empty());
    let pre = search(&ix, "^xiaohongshu !'tiktok", MatcherKind::Nucleo);
    assert!(pre.len() >= 3, "{pre:?}");
    for (_, _, t) in pre {
        assert!(t.starts_with("Xiaohongshu"), "{t}");
        assert!(!t.to_lowercase().contains("tiktok"), "{t}");
    }
    let suf = search(&ix, "mandarin.$", MatcherKind::Nucleo);
    assert!(suf.len() >= 2, "{suf:?}");
    for (_, _, t) in suf {
        assert!(t.ends_with("Mandarin."), "{t}");
    }
}

#[test]
fn ties_break_in_document_order() {
    let c = seeds();
    let ix = Index::build(&c.docs, Vec::new());
    let q = Query::parse("'xiaohongshu").expect("query");
    let ms = ix.search(&q, &SearchOptions::default());
    for w in ms.windows(2) {
        assert!(w[0].score > w[1].score || w[0].unit < w[1].unit);
    }
}

#[test]
fn highlight_positions_land_on_the_match() {
    let c = seeds();
    let ix = Index::build(&c.docs, Vec::new());
    let q = Query::parse("'réfugiés").expect("query");
    let mut h = Highlighter::new(&q, MatcherKind::Nucleo);
    let ms = ix.search(&q, &SearchOptions::default());
    assert!(!ms.is_empty());
    for m in ms {
        let text = ix.text(m.unit as usize);
        let pos = h.positions(&ix, m.unit as usize);
        let ranges = dossier::search::fold::byte_ranges(&text, &pos);
        assert_eq!(ranges.len(), 1, "{text}");
        assert_eq!(&text[ranges[0].clone()], "réfugiés");
    }
}

#[test]
fn cjk_query_finds_cjk_text() {
    let d = dossier::corpus::Document::from_text(
        "zh".into(),
        dossier::corpus::Origin::Stdin,
        "美国用户涌向小红书。他们自称难民！".into(),
        None,
    );
    let ix = Index::build(&[d], Vec::new());
    let q = Query::parse("难民").expect("query");
    let ms = ix.search(&q, &SearchOptions::default());
    let texts: Vec<String> = ms
        .iter()
        .map(|m| ix.text(m.unit as usize).into_owned())
        .collect();
    assert!(texts.iter().any(|t| t == "他们自称难民！"), "{texts:?}");
    let unit = ms
        .iter()
        .find(|m| ix.text(m.unit as usize) == "他们自称难民！")
        .expect("sentence hit")
        .unit as usize;
    let pos = Highlighter::new(&q, MatcherKind::Nucleo).positions(&ix, unit);
    assert_eq!(pos, ["他们自称".len(), "他们自称难".len()]);
    let cols = dossier::search::fold::column_ranges(
        &ix.text(unit),
        &dossier::search::fold::byte_ranges(&ix.text(unit), &pos),
    );
    assert_eq!(cols.first(), Some(&(8..12)));
    assert_eq!(cols.len(), 1);
}

#[test]
fn extra_units_such_as_figures_are_searchable() {
    let c = seeds();
    let doc = &c.docs[1];
    let at = doc.text.find("170 millions").expect("figure in seed 001");
    let extra = vec![UnitSpec {
        doc: 1,
        kind: UnitKind::Figure,
        range: at..at + "170 millions".len(),
        text: "170 millions".into(),
    }];
    let ix = Index::build(&c.docs, extra);
    let q = Query::parse("'170 millions").expect("query");
    let opts = SearchOptions {
        kinds: KindSet::of(&[UnitKind::Figure]),
        ..SearchOptions::default()
    };
    let ms = ix.search(&q, &opts);
    assert_eq!(ms.len(), 1);
    let u = ix.unit(ms[0].unit as usize);
    assert_eq!(
        (u.doc, u.kind, u.start, u.line),
        (1, UnitKind::Figure, at, 29)
    );
}

#[test]
fn searcher_streams_and_narrows() {
    let c = seeds();
    let ix = Arc::new(Index::build(&c.docs, Vec::new()));
    let mut s = Searcher::new(Arc::clone(&ix));
    assert!(s.set_query("!").is_err());
    let g1 = s.set_query("refu").expect("valid");
    let snap = s.wait(Duration::from_secs(10)).expect("snapshot");
    assert_eq!(snap.generation, g1);
    assert!(snap.complete);
    let broad = snap.hits.len();
    let g2 = s.set_query("refugies num").expect("valid");
    assert!(g2 > g1);
    let snap = s.wait(Duration::from_secs(10)).expect("snapshot");
    assert_eq!(snap.generation, g2);
    // Narrowed: only the previous hits were rescored.
    assert_eq!(snap.total, broad);
    let direct = ix.search(
        &Query::parse("refugies num").expect("q"),
        &SearchOptions::default(),
    );
    assert_eq!(&snap.hits[..], &direct[..]);
    // Not an extension: everything is scanned again.
    s.set_query("tiktok").expect("valid");
    let snap = s.wait(Duration::from_secs(10)).expect("snapshot");
    assert_eq!(snap.total, ix.len());
    assert!(s.try_recv().is_none(), "wait consumed the newest snapshot");
}

#[test]
fn unit_texts_are_read_from_their_documents_not_copied() {
    let c = seeds();
    let doc = &c.docs[0];
    let surface = doc.sentences[3].range.clone();
    let extra = vec![
        // A figure: its text is the text of its range.
        UnitSpec {
            doc: 0,
            kind: UnitKind::Figure,
            range: surface.start..surface.start + 5,
            text: doc.text[surface.start..surface.start + 5].to_string(),
        },
        // A unit with a text of its own.
        UnitSpec {
            doc: 0,
            kind: UnitKind::Figure,
            range: surface.start..surface.start + 5,
            text: "170 millions".to_string(),
        },
    ];
    let full = Index::build(&c.docs, extra.clone());
    let query = Query::parse("!zzzz").expect("valid query");
    let one = one_shot::search_units(&c.docs, extra, &query, &SearchOptions::default());
    // Each unit with its text as stored, in the full index and in the one-shot hits.
    let full_units = full.units().enumerate().map(|(i, u)| (u, full.text(i)));
    let one_units = one
        .units()
        .iter()
        .enumerate()
        .map(|(i, u)| (*u, std::borrow::Cow::Borrowed(one.text(i))));
    for units in [full_units.collect::<Vec<_>>(), one_units.collect()] {
        let (mut shared, mut own) = (0, 0);
        for (i, (u, text)) in units.into_iter().enumerate() {
            let d = &c.docs[u.doc as usize];
            let inside = d.text.as_bytes().as_ptr_range();
            let at = text.as_bytes().as_ptr_range();
            let in_doc = inside.start <= at.start && at.end <= inside.end;
            match u.kind {
                UnitKind::Title => assert_eq!(text, d.title),
                UnitKind::Figure if text == "170 millions" => {
                    assert!(!in_doc);
                    own += 1;
                }
                // A marked quote with a speaker is searched with the speaker's name.
                UnitKind::Quote if text != d.text[u.start..u.end] => {
                    let quote = &d.text[u.start..u.end];
                    assert!(
                        text.starts_with(quote) && text.ends_with("— Guo Jiakun"),
                        "{text}"
                    );
                    assert!(!in_doc);
                }
                _ => {
                    assert_eq!(text, &d.text[u.start..u.end]);
                    assert!(in_doc, "unit {i} ({:?}) is a copy", u.kind);
                    shared += 1;
                }
            }
        }
        assert_eq!(own, 1);
        assert!(shared > 100, "{shared}");
    }
}
