//! Properties of search on arbitrary text: highlight positions are valid char boundaries
//! inside the unit, and no query or text makes parsing, matching or quoting panic.

use dossier::corpus::{Document, Origin};
use dossier::search::{Highlighter, Index, MatcherKind, Query, SearchOptions, quotes};
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

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
