//! Properties of search on arbitrary text: highlight positions are valid char boundaries
//! inside the unit, no query or text makes parsing, matching or quoting panic, and the
//! one-shot index of a query's matches ranks exactly what the full index does.

use crate::common;

use dossier::corpus::{Document, Origin};
use dossier::extract::quotes;
use dossier::search::one_shot::{self, Hits};
use dossier::search::{
    Highlighter, Index, KindSet, Match, MatcherKind, Query, SearchOptions, UnitKind, UnitSpec,
};
use proptest::prelude::*;

/// Text mixing scripts that stress folding and width: accents (precomposed and combining),
/// CJK, RTL, emoji with joiners, zero-width and quote marks.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("réfugiés ".to_string()),
        Just("e\u{301}te\u{301} ".to_string()),
        Just("难民".to_string()),
        Just("لاجئ ".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("\u{200b}".to_string()),
        Just("« ".to_string()),
        Just(" »".to_string()),
        Just("“".to_string()),
        Just("\" ".to_string()),
        Just("– X Y, r\n".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        "[a-zA-Z ]{1,8}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn query() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("!".to_string()),
        Just("'".to_string()),
        Just("^".to_string()),
        Just("$".to_string()),
        Just("\\".to_string()),
        Just(" ".to_string()),
        Just("|".to_string()),
        Just("é".to_string()),
        Just("e\u{301}".to_string()),
        Just("难".to_string()),
        Just("R".to_string()),
        "[a-z]{1,3}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
}

/// The ranked hits of a search as (document, kind, start, end, score, text): what the command
/// line prints, independent of unit numbering.
type Hit = (u32, UnitKind, usize, usize, u32, String);

fn rows(ix: &Index, ranked: Vec<Match>) -> Vec<Hit> {
    ranked
        .into_iter()
        .map(|m| {
            let u = ix.unit(m.unit as usize);
            let text = ix.text(m.unit as usize).to_string();
            (u.doc, u.kind, u.start, u.end, m.score, text)
        })
        .collect()
}

/// Figure-like extra units: every word of the text plus a suffix the text lacks, so a
/// query can match a unit whose text is not a slice of the document.
fn extra_units(docs: &[Document]) -> Vec<UnitSpec> {
    let mut out = Vec::new();
    for (doc, d) in docs.iter().enumerate() {
        let mut at = 0;
        for w in d.text.split(' ') {
            if !w.is_empty() {
                out.push(UnitSpec {
                    doc,
                    kind: UnitKind::Figure,
                    range: at..at + w.len(),
                    text: format!("{w} (users)"),
                });
            }
            at += w.len() + 1;
        }
    }
    out
}

/// Asserts a one-shot search ranks the same hits as the full index; returns how many.
fn same_hits_one_shot_and_full(docs: &[Document], q: &Query, opts: &SearchOptions) -> usize {
    let full = Index::build(docs, extra_units(docs));
    let one = one_shot::search_units(docs, extra_units(docs), q, opts);
    let ranked = full.search(q, opts);
    let want = rows(&full, ranked.clone());
    assert_eq!(one_shot_rows(&one), want, "query {:?}", q.raw);
    assert_eq!(
        one.units().len(),
        want.len(),
        "it holds the matches and nothing else"
    );
    // The matched characters kept while scoring are those a highlighter finds afterwards.
    let mut hl = Highlighter::new(q, opts.matcher);
    for (o, f) in one.ranked().iter().zip(&ranked) {
        let positions = hl.positions(&full, f.unit as usize);
        let i = o.unit as usize;
        assert_eq!(
            one.first_position(i),
            positions.first().copied(),
            "unit {i}"
        );
        assert_eq!(one.positions(i), positions, "unit {i}");
    }
    want.len()
}

/// [`rows`] of a one-shot search.
fn one_shot_rows(found: &Hits) -> Vec<Hit> {
    found
        .ranked()
        .iter()
        .map(|m| {
            let u = found.units()[m.unit as usize];
            let text = found.text(m.unit as usize).to_string();
            (u.doc, u.kind, u.start, u.end, m.score, text)
        })
        .collect()
}

#[test]
fn one_shot_index_of_a_large_document_ranks_like_the_full_index() {
    // Enough sentences to fold on several threads, in several progress batches.
    let words = [
        "réfugiés",
        "TikTok",
        "难民",
        "pengguna",
        "Xiaohongshu",
        "170",
        "millions",
        "dua",
        "juta",
        "« ok »",
        "users",
        "RedNote",
    ];
    let mut text = String::new();
    for i in 0..90_000usize {
        let a = words[i % words.len()];
        let b = words[(i * 7 + 3) % words.len()];
        let c = words[(i * 13 + 5) % words.len()];
        text.push_str(&format!("{a} {b} n{i} {c}. "));
        if i % 5 == 4 {
            text.push_str("\n\n");
        }
    }
    let docs = [Document::from_text("big".into(), Origin::Stdin, text, None)];
    for q in [
        "refugies tk",
        "难民 'users",
        "^tik !170",
        "RedNote",
        "n4 )$",
        "ju",
    ] {
        let query = Query::parse(q).expect("query");
        for opts in [
            SearchOptions::default(),
            SearchOptions {
                matcher: MatcherKind::Skim,
                kinds: KindSet::of(&[UnitKind::Sentence, UnitKind::Figure]),
                threads: 0,
            },
        ] {
            let n = same_hits_one_shot_and_full(&docs, &query, &opts);
            assert!(n > 0, "{q} finds something to compare");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn one_shot_index_ranks_like_the_full_index(
        a in text(), b in text(), q in query(), skim in any::<bool>(), kinds in 1u8..16,
    ) {
        let docs = [
            Document::from_text("a".into(), Origin::Stdin, a, None),
            Document::from_text("b".into(), Origin::Stdin, b, None),
        ];
        let Ok(query) = Query::parse(&q) else { return Ok(()); };
        same_hits_one_shot_and_full(&docs, &query, &common::search::options(skim, kinds));
    }

    #[test]
    fn positions_are_char_boundaries_inside_the_unit(t in text(), q in query()) {
        let doc = Document::from_text("p".into(), Origin::Stdin, t, None);
        let ix = Index::build(std::slice::from_ref(&doc), Vec::new());
        let _ = quotes::extract(&doc);
        let Ok(query) = Query::parse(&q) else { return Ok(()); };
        for matcher in [MatcherKind::Nucleo, MatcherKind::Skim] {
            let opts = SearchOptions { matcher, ..SearchOptions::default() };
            let mut h = Highlighter::new(&query, matcher);
            for m in ix.search(&query, &opts) {
                let text = ix.text(m.unit as usize);
                let pos = h.positions(&ix, m.unit as usize);
                prop_assert!(pos.windows(2).all(|w| w[0] < w[1]));
                for p in pos {
                    prop_assert!(p < text.len(), "{p} outside {text:?}");
                    prop_assert!(text.is_char_boundary(p), "{p} inside a char of {text:?}");
                }
            }
        }
    }

    #[test]
    fn parsing_never_panics(q in "\\PC{0,40}", r in query()) {
        let _ = Query::parse(&q);
        let _ = Query::parse(&r);
    }
}
