//! A corpus loaded for one search analyses only the paragraphs that can hold a hit. These
//! tests load the same long documents both ways and check that the search finds the same
//! hits, with the same scores, order and text, and that the skipping really happens.

use crate::common;

use common::search::options;
use dossier::corpus::boilerplate::repeat_key;
use dossier::corpus::{Document, Focus, Origin, ParagraphKind};
use dossier::extract::quotes;
use dossier::search::one_shot::{self, Prefilter};
use dossier::search::{Query, SearchOptions, UnitKind};
use proptest::prelude::*;

/// Paragraphs that exercise every kind of unit and every way a paragraph's analysis depends
/// on its neighbours: figures with labels not in the text (money, dates), quotes with
/// attribution lines and introductions, boilerplate, and repeats differing in case.
const PARAGRAPHS: &[&str] = &[
    "Plus de 170 millions d'utilisateurs américains de TikTok ont rejoint RedNote.",
    "Le 15 janvier 2025, 12 dollars suffisaient, contre 5 USD la veille.",
    "« Vous ne voulez pas que les Chinois aient nos données ? »",
    "– Jen Hamilton, influenceuse",
    "Jen Hamilton, une infirmière influente, ironise :",
    "Nous partirons demain, c'est décidé et sans retour possible.\n– Jen Hamilton, influenceuse",
    "Jen Hamilton, une infirmière influente, ironise :\nNous partirons demain, c'est décidé et sans retour possible.",
    "- Advertisement -",
    "Baca juga: TikTok diblokir",
    "PLUS DE 170 MILLIONS D'UTILISATEURS AMÉRICAINS DE TIKTOK ONT REJOINT REDNOTE.",
    "Sekitar dua juta pengguna baru, kata Guo Jiakun, pada 2025-01-16.",
    "Rp 5.000 per bulan untuk 3 juta orang, ungkap Guo Jiakun.",
    "约有1亿用户在小红书上，花费12港元和3美元。",
    "难民涌入小红书，2025年1月15日。",
    "小红书的月活跃用户超过3亿，新增用户约300万。",
    "Les réfugiés numériques 😀 arrivent sur Xiaohongshu.",
    "Un grand nombre d’utilisateurs",
    "k",
    "Kamis (16/1)",
    // Repeats that differ in spacing, and in characters whose lower case is ASCII.
    "Le  \u{212A}elvin et l'İstanbul de TikTok\u{a0}: 12 dollars.",
    "le kelvin et l'i\u{307}stanbul de tiktok : 12 dollars.",
];

/// Neutral paragraphs that fill the top of a document past what is always analysed.
fn filler(lang: u8, n: usize) -> String {
    let line = match lang {
        0 => "Les gens parlent de la plateforme et de la vie en ligne chaque jour.",
        1 => "Orang orang berbicara tentang platform dan kehidupan daring setiap hari.",
        _ => "人们每天都在谈论这个平台和网络生活。",
    };
    (0..n).map(|i| format!("{line} ({i})\n")).collect()
}

fn document_text() -> impl Strategy<Value = String> {
    (
        0u8..3,
        prop::collection::vec(0..PARAGRAPHS.len(), 0..12),
        prop::collection::vec(0..PARAGRAPHS.len(), 1..60),
        prop::bool::ANY,
    )
        .prop_map(|(lang, head, body, blank)| {
            let sep = if blank { "\n\n" } else { "\n" };
            let join = |ix: &[usize]| -> String {
                ix.iter()
                    .map(|&i| format!("{}{sep}", PARAGRAPHS[i]))
                    .collect()
            };
            // Over 64 KiB of filler, so the paragraphs after it may be skipped.
            format!("{}{}{}", join(&head), filler(lang, 1100), join(&body))
        })
}

fn query() -> impl Strategy<Value = String> {
    let term = prop_oneof![
        Just("tiktok"),
        Just("dollarsusd"),
        Just("usd"),
        Just("hkd"),
        Just("2025"),
        Just("-01"),
        Just("janvier-01"),
        Just("jen"),
        Just("Hamilton"),
        Just("vous"),
        Just("partirons"),
        Just("ironise"),
        Just("influenceuse"),
        Just("refugies"),
        Just("难民"),
        Just("港元"),
        Just("1亿用户"),
        Just("亿用户"),
        Just("3亿\\ 月活跃"),
        Just("k"),
        Just("😀"),
        Just("millions"),
        Just("users"),
        Just("juta"),
        Just("(16"),
        Just("kelvin"),
        Just("Kelvin"),
        Just("istanbul"),
        // Runs across a figure's surface and its noun or label.
        Just("millions\\ util"),
        Just("ions\\ utilisateurs"),
        Just("janvier\\ (2025"),
        Just("(2025-01"),
        Just("dollars\\ (usd"),
        Just("170"),
        Just("15"),
        Just("亿\\ 用户"),
        Just("亿用"),
    ];
    let op = prop_oneof![6 => Just(""), 1 => Just("'"), 1 => Just("^"), 1 => Just("!")];
    let end = prop_oneof![6 => Just(""), 1 => Just("$")];
    prop::collection::vec((op, term, end), 1..4).prop_map(|v| {
        v.into_iter()
            .map(|(o, t, e)| format!("{o}{t}{e}"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

type Row = (u32, UnitKind, usize, usize, u32, u32, String);

/// The hits of `query` over `texts` loaded with or without its focus, as the command line
/// prints them.
fn hits(texts: &[String], query: &Query, opts: &SearchOptions, filtered: bool) -> Vec<Row> {
    let focus = filtered.then(|| one_shot::focus(query, opts)).flatten();
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Document::from_text_with(
                format!("d{i}"),
                Origin::Stdin,
                t.clone(),
                None,
                focus.as_ref(),
            )
        })
        .collect();
    let found = one_shot::search(&docs, query, opts);
    found
        .ranked()
        .iter()
        .map(|m| {
            let u = found.units()[m.unit as usize];
            let text = found.text(m.unit as usize).to_string();
            (u.doc, u.kind, u.start, u.end, u.line, m.score, text)
        })
        .collect()
}

/// `text` as one document loaded for `query` (all kinds, default matcher), and loaded whole.
fn filtered_and_full(text: &str, query: &Query) -> (Document, Document) {
    let focus = one_shot::focus(query, &SearchOptions::default()).expect("a focus");
    let load = |f| Document::from_text_with("d".into(), Origin::Stdin, text.into(), None, f);
    (load(Some(&focus)), load(None))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_corpus_loaded_for_a_query_gives_the_same_hits(
        a in document_text(), b in document_text(), q in query(), skim in any::<bool>(),
        kinds in 1u8..16,
    ) {
        let query = Query::parse(&q).expect("generated queries parse");
        let opts = options(skim, kinds);
        let texts = [a, b];
        prop_assert_eq!(
            hits(&texts, &query, &opts, true),
            hits(&texts, &query, &opts, false),
            "query {:?}", q
        );
    }
}

/// Paragraphs of words in any case, with any whitespace between them.
fn cased_paragraph() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("TikTok"),
        Just("réfugiés"),
        Just("\u{212A}elvin"),
        Just("İstanbul"),
        Just("ΣΟΦΙΑ"),
        Just("难民"),
        Just("港"),
        Just("12"),
        Just("USD"),
        Just("Hamilton"),
        Just("–"),
        Just(":"),
        Just("(16"),
        Just("millions"),
        Just("d'utilisateurs"),
        Just("e\u{301}te\u{301}"),
        Just("3亿"),
        Just("月"),
    ];
    let case = 0u8..3;
    let space = prop_oneof![
        Just(" "),
        Just("  "),
        Just("\t"),
        Just("\u{a0}"),
        Just("\u{3000}")
    ];
    prop::collection::vec((word, case, space), 1..8).prop_map(|words| {
        words
            .into_iter()
            .map(|(w, case, space)| {
                let w = match case {
                    0 => w.to_string(),
                    1 => w.to_uppercase(),
                    _ => w.to_lowercase(),
                };
                format!("{w}{space}")
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Repeats are looked for only among the paragraphs a query's filter may keep: that is
    /// exact only if a repeat and the paragraph it repeats are kept or left alike.
    #[test]
    fn a_paragraph_and_its_repeat_key_pass_the_filter_alike(
        p in cased_paragraph(), q in query(), figures in any::<bool>(),
    ) {
        let query = Query::parse(&q).expect("generated queries parse");
        let key = repeat_key(&p);
        if let Some(pf) = Prefilter::new(&query, figures) {
            prop_assert_eq!(pf.passes(&p), pf.passes(&key), "{:?} / {:?}", p, key);
        }
        prop_assert_eq!(quotes::serves(&p), quotes::serves(&key));
    }
}

#[test]
fn a_filter_not_made_for_repeats_still_finds_them_among_all_paragraphs() {
    // The filter respects case, so it keeps the repeat but not the paragraph it repeats.
    let first = "tiktok est partout dans le monde aujourd'hui.";
    let text = format!(
        "{}{first}\nTikTok est partout dans le monde aujourd'hui.\n",
        filler(0, 3000)
    );
    let focus = Focus::new(|p: &str| p.contains("TikTok"), quotes::serves);
    let doc = Document::from_text_with("d".into(), Origin::Stdin, text, None, Some(&focus));
    let n = doc.paragraphs.len();
    assert_eq!(doc.paragraphs[n - 2].kind, ParagraphKind::Unread);
    assert_eq!(
        doc.paragraphs[n - 1].kind,
        ParagraphKind::Repeat(u32::try_from(n - 2).expect("small"))
    );
}

#[test]
fn paragraphs_that_cannot_hold_a_hit_are_left_unread() {
    let mut text = filler(0, 3000);
    for i in 0..200 {
        text.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        text.push('\n');
    }
    let query = Query::parse("hamilton").expect("query");
    let opts = SearchOptions::default();
    let (doc, full) = filtered_and_full(&text, &query);
    let unread = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Unread)
        .count();
    // The filler and the paragraphs without "hamilton" are skipped, bar the top.
    assert!(unread > 2000, "{unread} unread of {}", doc.paragraphs.len());
    // Every paragraph has its place and line, and one that is read is read as in the full
    // analysis: a repeat names the same first copy.
    assert_eq!(doc.paragraphs.len(), full.paragraphs.len());
    for (p, f) in doc.paragraphs.iter().zip(&full.paragraphs) {
        assert_eq!((&p.range, p.line), (&f.range, f.line));
        if p.kind != ParagraphKind::Unread {
            assert_eq!(p.kind, f.kind, "{:?}", p.range);
        }
    }
    assert_eq!((doc.lang, &doc.title), (full.lang, &full.title));
    let texts = [text];
    let found = hits(&texts, &query, &opts, true);
    // Later copies of a paragraph are repeats and do not count.
    assert!(found.len() >= 2, "{found:?}");
    assert_eq!(found, hits(&texts, &query, &opts, false));
}

#[test]
fn a_top_that_does_not_decide_the_title_and_language_is_read_whole() {
    // Boilerplate fills the top: the language sample and the first sentence lie further down,
    // so the document is analysed whole and comes out as without a filter.
    let mut text = "- Advertisement -\n".repeat(5000);
    text.push_str(&filler(1, 50));
    let query = Query::parse("zzz").expect("query");
    let (doc, full) = filtered_and_full(&text, &query);
    assert!(
        doc.paragraphs
            .iter()
            .all(|p| p.kind != ParagraphKind::Unread)
    );
    assert_eq!(doc.paragraphs, full.paragraphs);
    assert_eq!((doc.lang, &doc.title), (full.lang, &full.title));
}

/// Checks that `q` over `text` loaded for it finds a hit of `kind`, and the same hits as over
/// `text` fully analysed.
fn found_alike(text: String, q: &str, kind: UnitKind) {
    let texts = [text];
    let query = Query::parse(q).expect("query");
    let opts = SearchOptions::default();
    let found = hits(&texts, &query, &opts, true);
    assert!(found.iter().any(|r| r.1 == kind), "{q}: {found:?}");
    assert_eq!(found, hits(&texts, &query, &opts, false), "{q}");
}

#[test]
fn a_block_quote_keeps_its_attribution_and_introduction() {
    // The line naming the speaker does not match the query, yet decides that the paragraph
    // before it (or after it) is a quote.
    for (body, q) in [
        (
            "Nous partirons demain, c'est décidé et sans retour possible.\n– Jen Hamilton, influenceuse\n",
            "partirons",
        ),
        (
            "Jen Hamilton, une infirmière influente, ironise :\nNous partirons demain, c'est décidé et sans retour possible.\n",
            "partirons",
        ),
    ] {
        found_alike(format!("{}{body}", filler(0, 3000)), q, UnitKind::Quote);
    }
}

#[test]
fn a_chinese_count_with_its_noun_before_the_number_is_found() {
    // "用户超过3亿" gives the figure "3亿 月活跃用户": its noun comes first in the paragraph.
    let text = format!("{}小红书的月活跃用户超过3亿。\n", filler(2, 3000));
    found_alike(text, "亿用户", UnitKind::Figure);
}

#[test]
fn a_figure_whose_noun_or_label_completes_the_query_is_found() {
    for (lang, body, q) in [
        // An exact run from the surface into the noun: "170 millions utilisateurs".
        (
            0,
            "Plus de 170 millions d'utilisateurs américains ont rejoint RedNote.",
            "'millions\\ util",
        ),
        // Into the date label, "15 janvier (--01-15)", or all in it.
        (0, "Le 15 janvier, la foule est venue.", "'janvier\\ (--01"),
        (0, "Le 15 janvier, la foule est venue.", "-01"),
        (0, "Le 15 janvier, la foule est venue.", "'--01-15"),
        // Into the money label, "12 dollars (USD)".
        (0, "Il a payé 12 dollars hier soir.", "'dollars\\ (usd"),
        // Into a Chinese noun stated before the number: "3亿 月活跃用户".
        (2, "小红书的月活跃用户超过3亿。", "'亿\\ 月活跃"),
    ] {
        found_alike(
            format!("{}{body}\n", filler(lang, 3000)),
            q,
            UnitKind::Figure,
        );
    }
}

/// A search that keeps only its best hits keeps exactly the top of the full ranking, even when
/// it lets hits go many times along the way.
#[test]
fn the_best_hits_are_the_top_of_all_hits() {
    // Scores differ (the word sits at different distances), and many tie.
    let text: String = (0..150_000)
        .map(|i| match i % 3 {
            0 => format!("Line {i}: tiktok has users.\n"),
            1 => format!("Line {i}: the app t-i-k-t-o-k has users.\n"),
            _ => format!("Line {i}: nothing here.\n"),
        })
        .collect();
    let docs = vec![
        Document::from_text("a".into(), Origin::Stdin, text.clone(), None),
        Document::from_text(
            "b".into(),
            Origin::Stdin,
            format!("TikTok first.\n{text}"),
            None,
        ),
    ];
    let query = Query::parse("tiktok").expect("query");
    let opts = SearchOptions::default();
    let rows = |found: &one_shot::Hits| -> Vec<(u32, usize, u32, String)> {
        found
            .ranked()
            .iter()
            .map(|m| {
                let u = found.units()[m.unit as usize];
                let text = found.text(m.unit as usize).to_string();
                (u.doc, u.start, m.score, text)
            })
            .collect()
    };
    let all = rows(&one_shot::search(&docs, &query, &opts));
    assert!(all.len() > 200_000, "{} hits", all.len());
    for limit in [1, 20, 70_000] {
        let best = rows(&one_shot::search_best(&docs, &query, &opts, Some(limit)));
        assert_eq!(best, all[..limit], "limit {limit}");
    }
}
