//! Search options for property tests that draw the matcher and the kinds.

use dossier::search::{KindSet, MatcherKind, SearchOptions, UnitKind};

/// Options for the skim or nucleo matcher and the kinds whose bits are set in `kinds`
/// (bit `i` for `UnitKind::ALL[i]`).
pub fn options(skim: bool, kinds: u8) -> SearchOptions {
    let kinds: Vec<UnitKind> = UnitKind::ALL
        .into_iter()
        .enumerate()
        .filter(|&(i, _)| kinds & (1 << i) != 0)
        .map(|(_, k)| k)
        .collect();
    SearchOptions {
        matcher: if skim {
            MatcherKind::Skim
        } else {
            MatcherKind::Nucleo
        },
        kinds: KindSet::of(&kinds),
        threads: 0,
    }
}
