//! Scores how dossier reads the page development set in `tests/data/pages/`: 54 news pages as
//! a scraper saves them, six in each of nine languages and scripts, each with the title,
//! byline, metadata lines and scrape junk a reader expects (see the set's README).
//!
//! Per language it prints and checks: the language reported, the title, the byline, prose
//! paragraphs dropped (dimmed as boilerplate or repeats, so left out of search and figures),
//! and junk paragraphs left counted. No prose paragraph may be dropped, anywhere.

use std::collections::BTreeMap;
use std::path::PathBuf;

use dossier::corpus::{Document, Origin};

use crate::common::pages::{self, Page};

#[derive(Default)]
struct Score {
    pages: usize,
    lang: usize,
    title: usize,
    byline: usize,
    prose: usize,
    prose_dropped: usize,
    junk: usize,
    junk_dimmed: usize,
    misses: Vec<String>,
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn score(page: &Page, s: &mut Score) {
    let doc = Document::from_text(
        page.name.clone(),
        Origin::File(PathBuf::from(&page.name)),
        page.text.clone(),
        None,
    );
    s.pages += 1;
    let want_lang = if page.lang == "zh-Hans" {
        "zh"
    } else {
        &page.lang
    };
    if doc.lang.code() == want_lang {
        s.lang += 1;
    } else {
        s.misses.push(format!(
            "{}: lang {} want {}",
            page.name, doc.lang, page.lang
        ));
    }
    if norm(&doc.title) == norm(&page.title) {
        s.title += 1;
    } else {
        s.misses.push(format!(
            "{}: title {:?} want {:?}",
            page.name, doc.title, page.title
        ));
    }
    let byline = doc.byline.clone().unwrap_or_else(|| "-".into());
    let want_byline = page.byline.clone().unwrap_or_else(|| "-".into());
    if norm(&byline) == norm(&want_byline) {
        s.byline += 1;
    } else {
        s.misses.push(format!(
            "{}: byline {byline:?} want {want_byline:?}",
            page.name
        ));
    }
    for p in &doc.paragraphs {
        let text = norm(doc.slice(&p.range));
        if page.junk.iter().any(|j| norm(j) == text) {
            s.junk += 1;
            if p.kind.counts() {
                s.misses
                    .push(format!("{}: junk counted: {text:.60}", page.name));
            } else {
                s.junk_dimmed += 1;
            }
        } else if !page.meta.iter().any(|m| norm(m) == text) {
            s.prose += 1;
            if !p.kind.counts() {
                s.prose_dropped += 1;
                s.misses.push(format!(
                    "{}: prose dropped ({:?}): {text:.60}",
                    page.name, p.kind
                ));
            }
        }
    }
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 { 1.0 } else { n as f64 / d as f64 }
}

#[test]
fn pages_are_read_right() {
    let mut by_lang: BTreeMap<String, Score> = BTreeMap::new();
    for page in pages::all() {
        score(&page, by_lang.entry(page.lang.clone()).or_default());
    }
    let mut failures = Vec::new();
    println!("lang      pages  lang  title byline  prose dropped  junk dimmed");
    let (mut titles, mut total) = (0, 0);
    for (lang, s) in &by_lang {
        println!(
            "{lang:8} {:6} {:5.2} {:5.2} {:6.2} {:6} {:7} {:5.2}",
            s.pages,
            pct(s.lang, s.pages),
            pct(s.title, s.pages),
            pct(s.byline, s.pages),
            s.prose,
            s.prose_dropped,
            pct(s.junk_dimmed, s.junk),
        );
        for m in &s.misses {
            println!("    {m}");
        }
        titles += s.title;
        total += s.pages;
        if s.prose_dropped > 0 {
            failures.push(format!(
                "{lang}: {} prose paragraphs dropped",
                s.prose_dropped
            ));
        }
        if s.lang < s.pages {
            failures.push(format!("{lang}: language wrong on {}", s.pages - s.lang));
        }
        // Every language: at least five titles and five bylines of six, and most junk dimmed.
        if s.title + 1 < s.pages {
            failures.push(format!("{lang}: titles {}/{}", s.title, s.pages));
        }
        if s.byline + 1 < s.pages {
            failures.push(format!("{lang}: bylines {}/{}", s.byline, s.pages));
        }
        if pct(s.junk_dimmed, s.junk) < JUNK_DIMMED_MIN {
            failures.push(format!("{lang}: junk dimmed {}/{}", s.junk_dimmed, s.junk));
        }
    }
    println!("titles {titles}/{total}");
    if pct(titles, total) < 0.95 {
        failures.push(format!("titles {titles}/{total} under 95%"));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Share of junk paragraphs that must be dimmed, per language.
const JUNK_DIMMED_MIN: f64 = 0.6;
