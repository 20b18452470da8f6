//! Work done once the corpus has loaded, off the UI thread: the figures of every document,
//! their cross-source groups, and the search index (which includes the figures).

use std::sync::Arc;
use std::sync::mpsc::Sender;

use super::action::Action;
use super::search_service::IndexSink;
use super::view_model::{FigureGroup, Figures, GroupMember, value_text};
use crate::corpus::{Corpus, Document};
use crate::extract::dateline;
use crate::extract::figures::{self, FigureList, Group, Kind};
use crate::extract::quotes::{self, Quote};

/// Extracts figures, sends them with `ShowFigures`, then builds the index for `sink`.
pub fn spawn_analysis<E: Send + 'static>(
    corpus: Arc<Corpus>,
    reply: Sender<E>,
    wrap: fn(Action) -> E,
    sink: IndexSink,
) {
    let fail = reply.clone();
    let spawned = std::thread::Builder::new()
        .name("analyse".into())
        .spawn(move || {
            let figs: Arc<[FigureList]> = corpus.docs.iter().map(FigureList::of).collect();
            let groups = figures::group(&corpus.docs, &figs);
            let view = figures_view(&corpus.docs, Arc::clone(&figs), &groups);
            drop(groups);
            let _ = reply.send(wrap(Action::ShowFigures(Arc::new(view))));
            // Quotes are read once, for the panel and the index; the panel and the index
            // share the packed figures.
            let quotes: Vec<Vec<Quote>> = corpus.docs.iter().map(quotes::extract).collect();
            let view = super::quotes_pane::quotes_view(&quotes);
            let _ = reply.send(wrap(Action::ShowQuotes(Arc::new(view))));
            let index = crate::search::Index::build_with(&corpus.docs, figs, &quotes, &mut |_| {});
            drop(quotes);
            sink.ready(corpus, Arc::new(index));
        });
    if let Err(e) = spawned {
        let _ = fail.send(wrap(Action::ReportProblem(format!(
            "cannot start finding figures: {e}"
        ))));
    }
}

/// The figures panel's rows for extracted figures and their groups, and each document's
/// stated date for the reader's header.
#[must_use]
pub fn figures_view(docs: &[Document], figs: Arc<[FigureList]>, groups: &[Group]) -> Figures {
    let groups = groups
        .iter()
        // The panel compares sources: a fact only one source states, and no other source
        // contradicts, has nothing to compare.
        .filter(|g| g.docs.len() >= 2 || !g.disagrees.is_empty())
        .map(|g| {
            let what = g.unit.as_deref().unwrap_or_else(|| g.kind.name());
            // subject · measure · value when the fact is known, else value and unit.
            let mut label = match (&g.fact.subject, &g.fact.measure) {
                (Some(s), Some(m)) if g.kind == Kind::Money => {
                    format!("{s} · {m} · {} {what}", value_text(&g.value))
                }
                (Some(s), Some(m)) => format!("{s} · {m} · {}", value_text(&g.value)),
                _ => format!("{} {what}", value_text(&g.value)),
            };
            for d in &g.disagrees {
                label.push_str(&format!(
                    " · {} in {}",
                    value_text(&d.value),
                    d.docs.join(" ")
                ));
            }
            let mut members: Vec<GroupMember> = Vec::new();
            for m in &g.members {
                let (Some(list), Some(doc)) = (figs.get(m.doc()), docs.get(m.doc())) else {
                    continue;
                };
                // A document that states the group's value twice is listed once, counted.
                if let Some(seen) = members.iter_mut().find(|s| s.doc == m.doc()) {
                    seen.count += 1;
                    continue;
                }
                let range = sentence_of(doc, list.range(m.figure()));
                members.push(GroupMember {
                    doc: m.doc(),
                    value: list.surface(m.figure(), &doc.text).to_string(),
                    range,
                    count: 1,
                    disagrees: false,
                });
            }
            // The sources that give another value, each with its first figure of that value
            // and kind, so the panel lists every source and can jump to each.
            for d in &g.disagrees {
                for id in &d.docs {
                    let Some(i) = docs.iter().position(|doc| &doc.id == id) else {
                        continue;
                    };
                    let doc = &docs[i];
                    let Some(list) = figs.get(i) else {
                        continue;
                    };
                    let found = (0..list.len())
                        .find(|&f| list.kind(f) == g.kind && *list.value(f) == d.value);
                    if let Some(f) = found {
                        members.push(GroupMember {
                            doc: i,
                            value: list.surface(f, &doc.text).to_string(),
                            range: sentence_of(doc, list.range(f)),
                            count: 1,
                            disagrees: true,
                        });
                    }
                }
            }
            FigureGroup {
                label: label.trim().to_string(),
                agree: g.disagrees.is_empty(),
                members,
            }
        })
        .collect();
    Figures::new(figs, groups, docs.iter().map(dateline::stated).collect())
}

/// Where a group member jumps: its whole sentence, the claim and not just the number.
fn sentence_of(doc: &Document, figure: std::ops::Range<usize>) -> std::ops::Range<usize> {
    doc.sentence_at(figure.start)
        .and_then(|s| doc.sentences.get(s))
        .map_or(figure, |s| s.range.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadOptions, load};
    use crate::extract::figures::Value;

    #[test]
    fn seed_figures_become_rows_and_groups() {
        let c = load(&[], &LoadOptions::default());
        let figs: Arc<[FigureList]> = c.docs.iter().map(FigureList::of).collect();
        let groups = figures::group(&c.docs, &figs);
        let v = figures_view(&c.docs, figs, &groups);
        assert_eq!(v.per_doc.len(), c.docs.len());
        assert!(v.per_doc.iter().all(|d| !d.is_empty()));
        assert!(!v.groups.is_empty());
        // The seeds' 100 and 170 million US users of TikTok disagree (the sentence with 100
        // million takes its subject from its paragraph); nothing else does.
        let disagreeing: Vec<&str> = v
            .groups
            .iter()
            .filter(|g| !g.agree)
            .map(|g| g.label.as_str())
            .collect();
        assert!(
            !disagreeing.is_empty()
                && disagreeing
                    .iter()
                    .all(|l| l.starts_with("tiktok · us users")),
            "{disagreeing:?}"
        );
        assert!(
            v.groups
                .iter()
                .any(|g| g.label.starts_with("tiktok · us users · 170")),
            "{:?}",
            v.groups.iter().map(|g| &g.label).collect::<Vec<_>>()
        );
        for g in &v.groups {
            // A lone member is listed only because another source gives another value.
            assert!(g.members.len() >= 2 || !g.agree, "{g:?}");
            for m in &g.members {
                let text = &c.docs[m.doc].text[m.range.clone()];
                assert!(text.contains(m.value.as_str()), "{text} / {}", m.value);
            }
        }
        assert_eq!(
            value_text(&Value::Number(170_000_000.0)),
            "170\u{202f}000\u{202f}000"
        );
        assert_eq!(value_text(&Value::Number(-15_000.0)), "-15\u{202f}000");
        assert_eq!(value_text(&Value::Number(2025.0)), "2025");
        assert_eq!(value_text(&Value::Number(3.9)), "3.9");
    }
}
