//! Scores the extractor on two hand-written sets: the dev set in
//! `tests/data/figures_devset.txt`, which the extractor was tuned against, and the held-out
//! set in `tests/data/figures_heldout.txt`, written apart from it so that its score says how
//! the extractor does on unseen text. Each set and their union are scored separately:
//! precision, recall and F1 per language and per kind, printed, with the misses listed.
//! The second dev set, `tests/data/figures_devset_more.txt`, adds German, Portuguese,
//! Japanese and traditional Chinese and the error classes of real pages. The union fails
//! below F1 0.95 overall or below each language's floor in [`FLOORS`].

use std::collections::BTreeMap;

use dossier::corpus::Lang;
use dossier::extract::figures::{Figure, Value, extract};

const DEVSET: &str = include_str!("../data/figures_devset.txt");
const HELDOUT: &str = include_str!("../data/figures_heldout.txt");
const MORE: &str = include_str!("../data/figures_devset_more.txt");
/// Sentences in languages dossier has no words for (Italian, Russian, Dutch, Polish, Turkish,
/// Vietnamese, Swedish, Korean), with only the figures it may read there.
const OTHER: &str = include_str!("../data/figures_devset_other.txt");

#[derive(Debug)]
struct Expected {
    kind: String,
    value: String,
    to: Option<String>,
    unit: Option<String>,
    qualifier: Option<String>,
}

struct Case {
    lang: String,
    text: String,
    want: Vec<Expected>,
}

fn parse(set: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for line in set.lines() {
        if let Some(rest) = line.strip_prefix('@') {
            let (lang, text) = rest.split_once(' ').expect("@LANG sentence");
            cases.push(Case {
                lang: lang.into(),
                text: text.into(),
                want: Vec::new(),
            });
        } else if let Some(rest) = line.strip_prefix("= ") {
            let f: Vec<&str> = rest.split(" | ").map(str::trim).collect();
            let opt = |i: usize| f.get(i).filter(|s| **s != "-").map(|s| (*s).to_string());
            let (value, to) = match f[1].split_once("..") {
                Some((a, b)) => (a.to_string(), Some(b.to_string())),
                None => (f[1].to_string(), None),
            };
            cases
                .last_mut()
                .expect("sentence before figure")
                .want
                .push(Expected {
                    kind: f[0].into(),
                    value,
                    to,
                    unit: opt(2),
                    qualifier: opt(3),
                });
        }
    }
    cases
}

fn value_eq(got: &Value, want: &str) -> bool {
    match got {
        Value::Number(n) => want
            .parse::<f64>()
            .is_ok_and(|w| (n - w).abs() <= w.abs() * 1e-9 + 1e-9),
        Value::Text(t) => t == want,
    }
}

fn matches(g: &Figure, w: &Expected) -> bool {
    if g.kind.name() != w.kind || !value_eq(&g.value, &w.value) {
        return false;
    }
    match (&w.to, &g.to) {
        (Some(t), Some(gt)) if !value_eq(gt, t) => return false,
        (Some(_), None) => return false,
        _ => {}
    }
    if g.qualifier.map(|q| q.name().to_string()) != w.qualifier {
        return false;
    }
    match (w.kind.as_str(), &w.unit) {
        ("money" | "duration", Some(u)) => g.unit.as_deref() == Some(u.as_str()),
        ("count", Some(u)) => g
            .unit
            .as_deref()
            .is_some_and(|gu| gu.to_lowercase().contains(&u.to_lowercase())),
        _ => true,
    }
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn prf(self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn print_table(title: &str, rows: &BTreeMap<String, Score>) {
    println!(
        "{title:<10} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7}",
        "tp", "fp", "fn", "P", "R", "F1"
    );
    for (k, s) in rows {
        let (p, r, f) = s.prf();
        println!(
            "{k:<10} {:>5} {:>5} {:>5} {p:>7.3} {r:>7.3} {f:>7.3}",
            s.tp, s.fp, s.fn_
        );
    }
}

/// The scores of one set of cases.
struct Report {
    by_lang: BTreeMap<String, Score>,
    by_kind: BTreeMap<String, Score>,
    total: Score,
}

fn score(name: &str, cases: &[Case]) -> Report {
    let mut by_lang: BTreeMap<String, Score> = BTreeMap::new();
    let mut by_kind: BTreeMap<String, Score> = BTreeMap::new();
    let mut total = Score::default();
    let mut misses = Vec::new();
    for c in cases {
        let lang = Lang::parse(&c.lang).expect("known language");
        let got = extract(&c.text, lang);
        let mut used = vec![false; got.len()];
        let ls = by_lang.entry(c.lang.clone()).or_default();
        for w in &c.want {
            let hit = got
                .iter()
                .enumerate()
                .find(|(i, g)| !used[*i] && matches(g, w));
            let ks = by_kind.entry(w.kind.clone()).or_default();
            if let Some((i, _)) = hit {
                used[i] = true;
                ls.tp += 1;
                ks.tp += 1;
                total.tp += 1;
            } else {
                ls.fn_ += 1;
                ks.fn_ += 1;
                total.fn_ += 1;
                misses.push(format!("MISS [{}] {} :: {w:?}", c.lang, c.text));
            }
        }
        for (g, u) in got.iter().zip(&used) {
            if !u {
                ls.fp += 1;
                by_kind.entry(g.kind.name().into()).or_default().fp += 1;
                total.fp += 1;
                misses.push(format!(
                    "EXTRA [{}] {} :: {} {} {:?} {:?} [{}]",
                    c.lang,
                    c.text,
                    g.kind.name(),
                    g.value,
                    g.unit,
                    g.qualifier.map(|q| q.name()),
                    g.surface(&c.text)
                ));
            }
        }
    }
    println!("== {name} ({} sentences)", cases.len());
    for m in &misses {
        println!("{m}");
    }
    print_table("language", &by_lang);
    print_table("kind", &by_kind);
    let (p, r, f) = total.prf();
    println!("{name} overall P {p:.3} R {r:.3} F1 {f:.3}\n");
    Report {
        by_lang,
        by_kind,
        total,
    }
}

fn check_langs(cases: &[Case]) {
    let langs: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.lang.as_str()).collect();
    assert_eq!(
        langs.into_iter().collect::<Vec<_>>(),
        ["en", "es", "fr", "id", "zh"]
    );
}

/// Lowest F1 each language must reach over every set together, set from what the extractor
/// reaches (the targets of issue 19: 0.95 where dossier has rules of long standing, 0.90 for
/// German, Portuguese and Japanese).
const FLOORS: &[(&str, f64)] = &[
    ("de", 0.98),
    ("en", 0.99),
    ("es", 0.99),
    ("fr", 0.99),
    ("id", 0.99),
    ("ja", 0.99),
    ("pt", 0.99),
    ("zh", 0.98),
    ("zh-Hant", 0.99),
];

/// Scores every set, printing the misses of those whose name contains `only` (all when
/// `None`), and returns the union's report.
fn report(only: Option<&str>) -> Report {
    let dev = parse(DEVSET);
    let heldout = parse(HELDOUT);
    let more = parse(MORE);
    assert!(dev.len() >= 250, "dev set has {} sentences", dev.len());
    assert!(
        heldout.len() >= 150,
        "held-out set has {} sentences",
        heldout.len()
    );
    assert!(
        more.len() >= 380,
        "second dev set has {} sentences",
        more.len()
    );
    check_langs(&dev);
    check_langs(&heldout);
    for (name, set) in [("dev", &dev), ("held-out", &heldout), ("more", &more)] {
        if only.is_none_or(|o| name.contains(o)) {
            score(name, set);
        }
    }
    let all: Vec<Case> = dev.into_iter().chain(heldout).chain(more).collect();
    score("combined", &all)
}

/// For a quick look outside the test harness.
#[allow(dead_code)]
pub fn run(only: Option<String>) {
    report(only.as_deref());
}

#[test]
fn figure_scores() {
    let report = report(None);
    assert!(!report.by_kind.is_empty());
    assert_eq!(
        report
            .by_lang
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        FLOORS.iter().map(|f| f.0).collect::<Vec<_>>()
    );
    let f = report.total.prf().2;
    assert!(f >= 0.95, "combined F1 {f:.3} below 0.95");
    for (l, floor) in FLOORS {
        let f = report.by_lang[*l].prf().2;
        assert!(f >= *floor, "{l}: F1 {f:.3} below {floor}");
    }
}

/// Languages without rules: precision first. Plain digits, percentages and currency signs
/// are read; a date, or a number with a scale word dossier cannot read ("12,5 milioni", "2
/// tys."), gives no figure rather than a fragment of one.
#[test]
fn languages_without_rules_are_precise() {
    let other = parse(OTHER);
    assert!(other.len() >= 40, "{} sentences", other.len());
    let r = score("other languages", &other);
    let (p, recall, _) = r.total.prf();
    assert!(p >= 0.95, "precision {p:.3}");
    // Bought with recall: a number followed by a word is left out, since the word may be a
    // scale ("12,5 milioni") as well as what is counted ("850 nieuwe inwoners").
    assert!(recall >= 0.50, "recall {recall:.3}");
}
