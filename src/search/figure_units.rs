//! Figures as search units, so `/170 utilisateurs` or `/USD` finds a figure and jumps to it.

use crate::corpus::Document;
use crate::extract::figures::{Figure, label};

use super::index::{BuildProgress, Index};
use super::units::{UnitKind, UnitSpec};

/// The units for every document's figures. `figures[i]` are the figures of `docs[i]`.
///
/// A unit's text is the figure as written plus what makes it findable by meaning (see
/// [`label::search_text`]). Its range is the figure's surface in the document, where a jump
/// lands.
#[must_use]
pub fn figure_units(docs: &[Document], figures: &[Vec<Figure>]) -> Vec<UnitSpec> {
    docs.iter()
        .zip(figures)
        .enumerate()
        .flat_map(|(i, (doc, list))| figure_units_of(i, doc, list))
        .collect()
}

/// The units of `figures`, figures of `doc` (document number `i`), as [`figure_units`]
/// makes them.
pub fn figure_units_of<'a>(
    i: usize,
    doc: &'a Document,
    figures: &'a [Figure],
) -> impl Iterator<Item = UnitSpec> + 'a {
    figures.iter().map(move |f| UnitSpec {
        doc: i,
        kind: UnitKind::Figure,
        range: f.start..f.end,
        text: label::search_text(f, &doc.text),
    })
}

/// The index of a corpus: titles, sentences, quotes, and the given figures.
#[must_use]
pub fn index_corpus(
    docs: &[Document],
    figures: &[Vec<Figure>],
    progress: &mut dyn FnMut(BuildProgress),
) -> Index {
    Index::build_with(docs, figure_units(docs, figures), progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadOptions, load};
    use crate::extract::figures::extract_document;
    use crate::search::{Query, SearchOptions};

    #[test]
    fn seed_figures_are_searchable_by_noun_and_code() {
        let corpus = load(&[], &LoadOptions::default());
        let figures: Vec<Vec<Figure>> = corpus.docs.iter().map(extract_document).collect();
        let ix = index_corpus(&corpus.docs, &figures, &mut |_| {});
        let find = |q: &str| {
            let query = Query::parse(q).expect("query");
            ix.search(&query, &SearchOptions::default())
                .into_iter()
                .filter(|m| ix.units()[m.unit as usize].kind == UnitKind::Figure)
                .map(|m| {
                    (
                        corpus.docs[ix.units()[m.unit as usize].doc as usize]
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
