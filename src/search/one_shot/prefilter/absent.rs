//! A cheap test that a unit surely holds none of a query's excluded terms, for queries made
//! only of excluded terms (`!tiktok`). Such a query matches almost every unit, and each
//! match scores 0 with no matched characters: a unit the test clears is a hit as it stands,
//! without folding it or running a matcher over it.

use super::Shape;
use crate::search::query::Query;

/// The excluded terms of a query that has nothing else.
#[derive(Debug, Clone)]
pub struct Absent {
    terms: Vec<Shape>,
}

impl Absent {
    /// The test for `query`, or `None` when it has a term that is not excluded (or none at
    /// all), or a term with no character the test compares.
    #[must_use]
    pub fn new(query: &Query) -> Option<Self> {
        if query.terms.is_empty() || query.terms.iter().any(|t| !t.negated) {
            return None;
        }
        let terms: Vec<Shape> = query.terms.iter().map(Shape::of).collect();
        // A term with nothing to compare (only spaces) may be anywhere.
        terms
            .iter()
            .all(|t| !t.all.is_empty())
            .then_some(Self { terms })
    }

    /// True only when no term of the query can match `unit` (its text, unfolded), so that
    /// the query matches it with score 0 and no matched characters. False when one may.
    ///
    /// A term matches only a unit that holds its characters in order, and one that must
    /// match as one run (`!term`, `!^term`, `!term$`) only a unit that holds them as one run.
    /// Characters are compared as coarsely as the paragraph test compares them.
    #[must_use]
    pub fn surely(&self, unit: &str) -> bool {
        self.terms.iter().all(|t| !t.may_occur(unit))
    }
}

#[cfg(test)]
mod tests {
    use nucleo_matcher::Utf32Str;
    use proptest::prelude::*;

    use super::*;
    use crate::search::engine::{MatcherKind, Prepared, Scorer};
    use crate::search::fold::FoldBuf;

    fn absent(q: &str) -> Option<Absent> {
        Absent::new(&Query::parse(q).expect("query"))
    }

    #[test]
    fn only_queries_of_excluded_terms_have_the_test() {
        assert!(absent("!tiktok").is_some());
        assert!(absent("!tiktok !^chine !usa$").is_some());
        assert!(absent("tiktok !chine").is_none());
        assert!(absent("'tiktok").is_none());
    }

    #[test]
    fn a_unit_that_may_hold_a_term_is_not_cleared() {
        let a = absent("!tiktok !'chine").expect("test");
        assert!(a.surely("Les utilisateurs partent vers Xiaohongshu."));
        assert!(a.surely("kottik, t-i-k-t-o-k"));
        for may in [
            "TikTok", "TİKTOK", "tïktök", "tik tok", "tiktοk", "la Chine", "CHINE",
        ] {
            assert!(!a.surely(may), "{may}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// A unit the test clears is one the matcher passes with score 0 and no matched
        /// characters, whatever the case, accents, spacing and scripts.
        #[test]
        fn a_cleared_unit_is_what_the_matcher_passes(
            text in "[tikoTIKOcç ́\u{130}\u{131}\u{3bf}\u{212a}éh难民\u{a0}]{0,16}",
            q in prop::sample::select(vec![
                "!tiktok", "!TikTok", "!^tik", "!tok$", "!^tiktok$", "!ço", "!ç !oh",
                "!难民", "!k", "!\\ ti",
            ]),
        ) {
            let query = Query::parse(q).expect("query");
            let a = Absent::new(&query).expect("test");
            if a.surely(&text) {
                let mut buf = FoldBuf::default();
                let (_, hay) = buf.fold(&text);
                let hay: Utf32Str<'_> = hay;
                let got = Scorer::new(MatcherKind::Nucleo).indices(&Prepared::new(&query), hay);
                prop_assert_eq!(got, Some((0, Vec::new())), "{:?} cleared for {}", text, q);
            }
        }
    }
}
