//! Figures as search units, so `/170 utilisateurs` or `/USD` finds a figure and jumps to it.
//!
//! A figure unit's text is the figure as written plus what makes it findable by meaning (see
//! [`label::search_text`](crate::extract::figures::label::search_text)). Its range is the
//! figure's surface in the document, where a jump lands.

use std::sync::Arc;

use crate::corpus::Document;
use crate::extract::figures::{Figure, FigureList};

use super::index::{BuildProgress, Index};

/// The index of a corpus: titles, sentences, quotes, and the given figures (`figures[i]` are
/// those of `docs[i]`), as the reader builds it.
#[must_use]
pub fn index_corpus(
    docs: &[Document],
    figures: &[Vec<Figure>],
    progress: &mut dyn FnMut(BuildProgress),
) -> Index {
    let packed: Arc<[FigureList]> = figures
        .iter()
        .map(|figs| FigureList::from_figures(figs))
        .collect();
    let quotes: Vec<_> = docs.iter().map(crate::extract::quotes::extract).collect();
    Index::build_with(docs, packed, &quotes, progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadOptions, load};
    use crate::extract::figures::extract_document;
    use crate::search::{Query, SearchOptions, UnitKind};

    #[test]
    fn seed_figures_are_searchable_by_noun_and_code() {
        let corpus = load(&[], &LoadOptions::default());
        let figures: Vec<Vec<Figure>> = corpus.docs.iter().map(extract_document).collect();
        let ix = index_corpus(&corpus.docs, &figures, &mut |_| {});
        let find = |q: &str| {
            let query = Query::parse(q).expect("query");
            ix.search(&query, &SearchOptions::default())
                .into_iter()
                .filter(|m| ix.unit(m.unit as usize).kind == UnitKind::Figure)
                .map(|m| {
                    (
                        corpus.docs[ix.unit(m.unit as usize).doc as usize]
                            .id
                            .clone(),
                        ix.text(m.unit as usize).to_string(),
                    )
                })
                .collect::<Vec<_>>()
        };
        let hits = find("'170 utilisateurs");
        assert_eq!(hits.first().map(|h| h.0.as_str()), Some("001"), "{hits:?}");
        assert!(
            find("'USD")
                .iter()
                .any(|(d, t)| d == "000" && t.contains("300 millions de dollars"))
        );
        // Only 000 and 004 give the year with "19 janvier"; the others say "19 janvier" alone.
        let dated: Vec<String> = find("'2025-01-19").into_iter().map(|h| h.0).collect();
        assert_eq!(dated, ["000", "004"]);
    }
}
