//! Scores cross-source groups on `tests/data/groups_devset.txt`: small multi-document cases
//! with the groups and disagreements they state, traps included (two subjects, a total and a
//! part, one measure at two dates). Fails on any disagreement the set does not state, and
//! when an expected group is not found (same kind, documents and value).

use dossier::corpus::{Document, Lang, Origin};
use dossier::extract::figures::{FigureList, Group, Value, group};

const SET: &str = include_str!("../data/groups_devset.txt");

#[derive(Debug)]
struct Expected {
    subject: String,
    measure: String,
    kind: String,
    value: String,
    docs: Vec<String>,
}

#[derive(Debug)]
struct Conflict {
    kind: String,
    /// Document and value.
    values: Vec<(String, String)>,
}

#[derive(Default)]
struct Case {
    name: String,
    docs: Vec<(String, String, String)>,
    groups: Vec<Expected>,
    conflicts: Vec<Conflict>,
}

fn parse() -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for line in SET.lines() {
        if let Some(rest) = line.strip_prefix("## ") {
            cases.push(Case {
                name: rest.split(':').next().unwrap_or(rest).to_string(),
                ..Case::default()
            });
        } else if let Some(rest) = line.strip_prefix('@') {
            let (id, lang) = rest.split_once(' ').expect("@ID LANG");
            let case = cases.last_mut().expect("case before document");
            case.docs
                .push((id.to_string(), lang.trim().to_string(), String::new()));
        } else if let Some(rest) = line.strip_prefix("= ") {
            let f: Vec<&str> = rest.split(" | ").map(str::trim).collect();
            let case = cases.last_mut().expect("case before expectation");
            match f[0] {
                "group" => case.groups.push(Expected {
                    subject: f[1].into(),
                    measure: f[2].into(),
                    kind: f[3].into(),
                    value: f[4].into(),
                    docs: f[5].split(' ').map(String::from).collect(),
                }),
                "conflict" => case.conflicts.push(Conflict {
                    kind: f[3].into(),
                    values: f[4]
                        .split(' ')
                        .filter_map(|p| p.split_once('='))
                        .map(|(d, v)| (d.to_string(), v.to_string()))
                        .collect(),
                }),
                other => panic!("unknown line kind {other}"),
            }
        } else if !line.starts_with('#')
            && !line.trim().is_empty()
            && let Some(case) = cases.last_mut()
            && let Some(doc) = case.docs.last_mut()
        {
            doc.2.push_str(line);
            doc.2.push_str("\n\n");
        }
    }
    cases
}

fn near(v: &Value, want: &str) -> bool {
    match v {
        Value::Number(n) => want
            .parse::<f64>()
            .is_ok_and(|w| (n - w).abs() <= w.abs().max(n.abs()) * 0.03),
        Value::Text(t) => t == want || t.ends_with(want.trim_start_matches('-')),
    }
}

/// Scores every case: (expected groups, found, facts named right, false disagreements).
fn score(verbose: bool) -> (usize, usize, usize, usize) {
    let (mut expected, mut found, mut named, mut false_conflicts) = (0, 0, 0, 0);
    for case in parse() {
        let docs: Vec<Document> = case
            .docs
            .iter()
            .map(|(id, lang, text)| {
                Document::from_text(
                    id.clone(),
                    Origin::Stdin,
                    text.clone(),
                    Some(Lang::parse(lang).expect("known language")),
                )
            })
            .collect();
        let figs: Vec<FigureList> = docs.iter().map(FigureList::of).collect();
        let groups = group(&docs, &figs);
        let show = |g: &Group| {
            format!(
                "{} {} [{}] {:?} {:?}",
                g.kind.name(),
                g.value,
                g.docs.join(" "),
                g.fact.subject,
                g.fact.measure
            )
        };
        for want in &case.groups {
            expected += 1;
            let hit = groups.iter().find(|g| {
                g.kind.name() == want.kind && g.docs == want.docs && near(&g.value, &want.value)
            });
            match hit {
                Some(g) => {
                    found += 1;
                    let right = g.fact.subject.as_deref() == Some(want.subject.as_str())
                        && g.fact.measure.as_deref() == Some(want.measure.as_str());
                    named += usize::from(right);
                    if verbose && !right {
                        println!("NAMED [{}] {want:?} as {}", case.name, show(g));
                    }
                }
                None if verbose => {
                    println!("MISS [{}] {want:?}", case.name);
                    for g in &groups {
                        println!("     have {}", show(g));
                    }
                }
                None => {}
            }
        }
        for g in groups.iter().filter(|g| !g.disagrees.is_empty()) {
            for d in &g.disagrees {
                let stated = case.conflicts.iter().any(|c| {
                    c.kind == g.kind.name()
                        && g.docs.iter().all(|id| {
                            c.values
                                .iter()
                                .any(|(cd, cv)| cd == id && near(&g.value, cv))
                        })
                        && d.docs.iter().all(|id| {
                            c.values
                                .iter()
                                .any(|(cd, cv)| cd == id && near(&d.value, cv))
                        })
                });
                if !stated {
                    false_conflicts += 1;
                    if verbose {
                        println!(
                            "FALSE [{}] {} against {} [{}]",
                            case.name,
                            show(g),
                            d.value,
                            d.docs.join(" ")
                        );
                    }
                }
            }
        }
    }
    (expected, found, named, false_conflicts)
}

#[test]
fn groups_are_found_and_never_disagree_falsely() {
    let (expected, found, named, false_conflicts) = score(true);
    println!(
        "groups: {found}/{expected} found, {named} with the expected subject and measure, \
         {false_conflicts} false disagreements"
    );
    assert!(expected >= 40, "{expected} expected groups");
    assert_eq!(false_conflicts, 0, "false disagreements");
    // Floors a little below what the grouping reaches today (50 of 51 found, 40 named
    // right).
    assert!(found * 100 >= expected * 94, "found {found} of {expected}");
    assert!(named * 100 >= expected * 74, "named {named} of {expected}");
}
