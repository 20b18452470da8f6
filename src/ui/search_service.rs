//! Runs searches off the UI thread and sends results back as actions.
//!
//! A worker thread always answers the newest request and drops the ones typed over, so the
//! palette never waits on a keystroke. Matching here is a plain accent- and case-insensitive
//! substring match over titles and the sentences that count; it is what the palette uses
//! until it is connected to the search index.

use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::action::Action;
use super::view_model::{Hit, HitKind};
use crate::corpus::Corpus;

/// Most hits returned for one query.
pub const MAX_HITS: usize = 500;

/// A search to run.
#[derive(Debug, Clone)]
pub struct Query {
    pub text: String,
    pub scope: Option<usize>,
    pub generation: u64,
    pub corpus: Arc<Corpus>,
}

/// Something that answers queries by sending `ShowSearchResults` actions.
pub trait SearchService {
    fn submit(&mut self, q: Query);
}

/// The threaded substring search.
pub struct SubstringSearch {
    tx: Sender<Query>,
}

impl SubstringSearch {
    /// Starts the worker; results go to `reply` through `wrap`.
    pub fn start<E: Send + 'static>(reply: Sender<E>, wrap: fn(Action) -> E) -> Self {
        let (tx, rx) = channel::<Query>();
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || worker(&rx, &reply, wrap))
            .ok();
        Self { tx }
    }
}

impl SearchService for SubstringSearch {
    fn submit(&mut self, q: Query) {
        // A closed worker only means no results; the palette says so.
        let _ = self.tx.send(q);
    }
}

fn worker<E>(rx: &Receiver<Query>, reply: &Sender<E>, wrap: fn(Action) -> E) {
    while let Ok(mut q) = rx.recv() {
        while let Ok(newer) = rx.try_recv() {
            q = newer;
        }
        let hits = search(&q.corpus, &q.text, q.scope);
        let a = Action::ShowSearchResults {
            generation: q.generation,
            hits,
            done: true,
        };
        if reply.send(wrap(a)).is_err() {
            break;
        }
    }
}

/// Folds text for matching: lowercase, accents removed. Returns the folded text and, for
/// each folded byte, the source byte it came from.
fn fold(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        for d in std::iter::once(c).nfd() {
            if is_combining_mark(d) {
                continue;
            }
            for l in d.to_lowercase() {
                let before = out.len();
                out.push(if l == '\u{2019}' { '\'' } else { l });
                map.extend(std::iter::repeat_n(i, out.len() - before));
            }
        }
    }
    map.push(s.len());
    (out, map)
}

fn matches_in(text: &str, needle: &str) -> Vec<Range<usize>> {
    let (folded, map) = fold(text);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = folded.get(from..).and_then(|h| h.find(needle)) {
        let s = from + i;
        let e = s + needle.len();
        let start = map[s];
        // The end maps to the start of the next source character.
        let end = map.get(e).copied().unwrap_or(text.len()).max(start + 1);
        let end = (end..=text.len())
            .find(|&b| text.is_char_boundary(b))
            .unwrap_or(text.len());
        out.push(start..end);
        from = e.max(s + 1);
        while from < folded.len() && !folded.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// Finds `query` in titles and counted sentences.
#[must_use]
pub fn search(corpus: &Corpus, query: &str, scope: Option<usize>) -> Vec<Hit> {
    let (needle, _) = fold(query.trim());
    let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (di, d) in corpus.docs.iter().enumerate() {
        if scope.is_some_and(|s| s != di) {
            continue;
        }
        let m = matches_in(&d.title, &needle);
        if !m.is_empty() {
            let range = d.paragraphs.first().map_or(0..0, |p| p.range.clone());
            hits.push(Hit {
                doc: di,
                kind: HitKind::Document,
                text: d.title.clone(),
                range,
                matches: m,
            });
        }
        for (_, s) in d.counted_sentences() {
            let text = d.slice(&s.range);
            let m = matches_in(text, &needle);
            if m.is_empty() {
                continue;
            }
            let quote = text.contains(['«', '“', '"']);
            hits.push(Hit {
                doc: di,
                kind: if quote {
                    HitKind::Quote
                } else {
                    HitKind::Sentence
                },
                text: text.to_string(),
                range: s.range.clone(),
                matches: m,
            });
            if hits.len() >= MAX_HITS {
                return hits;
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadOptions, load};

    #[test]
    fn finds_accentless_queries_and_maps_matches_to_source_bytes() {
        let c = load(&[], &LoadOptions::default()).expect("seeds");
        let hits = search(&c, "vous ne voulez pas", None);
        assert!(!hits.is_empty());
        let h = &hits[0];
        assert_eq!(c.docs[h.doc].id, "001");
        let m = &h.matches[0];
        assert_eq!(h.text[m.clone()].to_lowercase(), "vous ne voulez pas");
        let hits = search(&c, "refugies", None);
        assert!(hits.iter().any(|h| {
            h.matches
                .iter()
                .any(|m| h.text[m.clone()].contains("réfugiés"))
        }));
        assert!(search(&c, "   ", None).is_empty());
        let scoped = search(&c, "tiktok", Some(3));
        assert!(!scoped.is_empty() && scoped.iter().all(|h| h.doc == 3));
    }

    #[test]
    fn folding_keeps_a_byte_map() {
        let (f, map) = fold("Éa’b");
        assert_eq!(f, "ea'b");
        assert_eq!(map.len(), f.len() + 1);
        assert_eq!(matches_in("Déjà vu", "deja"), vec![0..6]);
        assert_eq!(matches_in("小红书难民", "难民"), vec![9..15]);
    }
}
