//! The search query parser and matcher on arbitrary queries and text: no panic, and every
//! highlight position is a char boundary inside its unit.
#![no_main]

use dossier::corpus::{Document, Origin};
use dossier::search::{Highlighter, Index, MatcherKind, Query, SearchOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let (q, text) = input;
    let Ok(query) = Query::parse(q) else { return };
    let doc = Document::from_text("f".into(), Origin::Stdin, text.to_string(), None);
    let ix = Index::build(std::slice::from_ref(&doc), Vec::new());
    for matcher in [MatcherKind::Nucleo, MatcherKind::Skim] {
        let opts = SearchOptions { matcher, ..SearchOptions::default() };
        let mut h = Highlighter::new(&query, matcher);
        for m in ix.search(&query, &opts) {
            let unit = ix.text(m.unit as usize);
            for p in h.positions(&ix, m.unit as usize) {
                assert!(p < unit.len() && unit.is_char_boundary(p));
            }
        }
    }
});
