//! `dossier search` and `dossier quotes` end to end on the seeds and on temp files.

use crate::common;

use common::cli::{dossier, stderr, stdout};

use std::process::Output;

fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    assert!(o.status.success(), "{}", stderr(o));
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn search_jsonl_fields_and_ranking() {
    let rows = jsonl(&dossier(&[
        "search",
        "vous ne voulez pas",
        "--format",
        "jsonl",
    ]));
    let first = &rows[0];
    assert_eq!(first["doc"], "001");
    assert_eq!(first["kind"], "quote");
    assert_eq!(first["line"], 17);
    let text = first["text"].as_str().expect("text");
    assert!(text.starts_with("Oh, vous ne voulez pas"));
    let (start, end) = (
        first["start"].as_u64().expect("start"),
        first["end"].as_u64().expect("end"),
    );
    assert_eq!(end - start, text.len() as u64);
    assert!(first["score"].as_u64().expect("score") > 0);
    let positions: Vec<usize> = first["positions"]
        .as_array()
        .expect("positions")
        .iter()
        .map(|p| usize::try_from(p.as_u64().expect("offset")).expect("usize"))
        .collect();
    let matched: String = positions
        .iter()
        .map(|&p| text[p..].chars().next().expect("char"))
        .collect();
    assert_eq!(matched, "vousnevoulezpas");
}

#[test]
fn search_finds_accents_and_both_indonesian_sources() {
    let rows = jsonl(&dossier(&[
        "search",
        "refugies numeriques",
        "--format",
        "jsonl",
    ]));
    assert!(
        rows[0]["text"]
            .as_str()
            .expect("text")
            .contains("réfugiés numériques")
    );
    let rows = jsonl(&dossier(&[
        "search",
        "pengungsi tiktok",
        "--format",
        "jsonl",
        "--limit",
        "0",
    ]));
    let docs: Vec<&str> = rows.iter().filter_map(|r| r["doc"].as_str()).collect();
    assert!(docs.contains(&"003") && docs.contains(&"004"), "{docs:?}");
    let rows = jsonl(&dossier(&["search", "jnhmltn", "--format", "jsonl"]));
    assert!(
        rows[0]["text"]
            .as_str()
            .expect("text")
            .contains("Jen Hamilton")
    );
}

#[test]
fn limit_kind_and_matcher() {
    let all = jsonl(&dossier(&[
        "search", "tiktok", "--format", "jsonl", "--limit", "0",
    ]));
    let three = jsonl(&dossier(&[
        "search", "tiktok", "--format", "jsonl", "--limit", "3",
    ]));
    assert!(all.len() > 20, "{}", all.len());
    assert_eq!(three.len(), 3);
    assert_eq!(&all[..3], &three[..]);
    let default = jsonl(&dossier(&["search", "tiktok", "--format", "jsonl"]));
    assert_eq!(default.len(), 20);
    let quotes = jsonl(&dossier(&[
        "search", "guo", "--format", "jsonl", "--kind", "quote", "--limit", "0",
    ]));
    assert!(!quotes.is_empty());
    assert!(quotes.iter().all(|r| r["kind"] == "quote"));
    let titles = jsonl(&dossier(&[
        "search", "", "--format", "jsonl", "--kind", "title", "--limit", "0",
    ]));
    assert_eq!(titles.len(), 5);
    let skim = jsonl(&dossier(&[
        "search",
        "jnhmltn",
        "--format",
        "jsonl",
        "--matcher",
        "skim",
    ]));
    assert!(
        skim[0]["text"]
            .as_str()
            .expect("text")
            .contains("Jen Hamilton")
    );
}

#[test]
fn table_output() {
    let o = dossier(&["search", "'Guo Jiakun", "--limit", "2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("DOC"));
    assert!(lines[1].contains("Guo Jiakun"));
}

#[test]
fn bad_query_is_a_one_line_error() {
    for q in ["!", "tiktok '", "a | b", "x\\"] {
        let o = dossier(&["search", q]);
        assert_eq!(o.status.code(), Some(2), "{q}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("dossier: bad query"), "{err}");
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn search_a_file_with_hostile_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("x.txt");
    std::fs::write(
        &p,
        "Le « danger \u{1b}]0;pwned\u{7} » arrive ici avec une phrase assez longue.\n\n美国用户涌向小红书。他们自称难民！\n",
    )
    .expect("write");
    let path = p.display().to_string();
    let o = dossier(&["search", "danger", &path]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).contains('\u{1b}'));
    let o = dossier(&["search", "danger", &path, "--format", "jsonl"]);
    assert!(!stdout(&o).contains('\u{1b}'));
    let rows = jsonl(&o);
    assert!(rows[0]["text"].as_str().expect("text").contains('\u{1b}'));
    let rows = jsonl(&dossier(&["search", "难民", &path, "--format", "jsonl"]));
    assert_eq!(rows[0]["text"], "他们自称难民！");
    let o = dossier(&["search", "x", "/no/such/file"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn quotes_on_the_seeds() {
    let rows = jsonl(&dossier(&["quotes", "--format", "jsonl"]));
    let got: Vec<(&str, Option<&str>, u64)> = rows
        .iter()
        .map(|r| {
            (
                r["doc"].as_str().expect("doc"),
                r["speaker"].as_str(),
                r["line"].as_u64().expect("line"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("001", Some("Jen Hamilton"), 17),
            ("004", Some("Guo Jiakun"), 2),
            ("004", Some("Guo Jiakun"), 5),
        ]
    );
    for r in &rows {
        let text = r["text"].as_str().expect("text");
        let len = r["end"].as_u64().expect("end") - r["start"].as_u64().expect("start");
        assert_eq!(len, text.len() as u64);
    }
    let o = dossier(&["quotes"]);
    assert!(o.status.success());
    assert!(
        stdout(&o)
            .lines()
            .next()
            .expect("header")
            .starts_with("DOC")
    );
}

#[test]
fn quotes_with_unknown_speaker_print_null() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("q.txt");
    std::fs::write(
        &p,
        "Il répète « nous ne partirons jamais d'ici » sans cesse.\n",
    )
    .expect("write");
    let rows = jsonl(&dossier(&[
        "quotes",
        &p.display().to_string(),
        "--format",
        "jsonl",
    ]));
    assert_eq!(rows.len(), 1);
    assert!(rows[0]["speaker"].is_null());
    assert_eq!(rows[0]["text"], "nous ne partirons jamais d'ici");
}

#[test]
fn a_short_chinese_page_is_read_and_found_in_either_script() {
    let dir = tempfile::tempdir().expect("tempdir");
    let simp = dir.path().join("simp.txt");
    let trad = dir.path().join("trad.txt");
    // One paragraph with Latin brand names inside: prose, not a breadcrumb.
    std::fs::write(
        &simp,
        "这几天，小红书（RedNote）突然“国际化”了，我应该去看看。\n",
    )
    .expect("write");
    std::fs::write(
        &trad,
        "美國TikTok禁令風波延燒，大批美國用戶湧入小紅書（RedNote），我應該去看看。\n",
    )
    .expect("write");
    let (simp, trad) = (simp.display().to_string(), trad.display().to_string());
    let rows = jsonl(&dossier(&["list", "--format", "jsonl", &simp, &trad]));
    assert_eq!(rows[0]["lang"], "zh");
    assert_eq!(rows[1]["lang"], "zh-Hant");
    for r in &rows {
        assert!(r["words"].as_u64().expect("words") > 10, "{r}");
        assert_eq!(r["paragraphs"], 1, "{r}");
    }
    // Each script's query finds both documents.
    for q in ["我应该", "我應該", "小红书", "小紅書"] {
        let rows = jsonl(&dossier(&["search", q, &simp, &trad, "--format", "jsonl"]));
        let mut docs: Vec<&str> = rows.iter().filter_map(|r| r["doc"].as_str()).collect();
        docs.sort_unstable();
        docs.dedup();
        assert_eq!(docs, ["simp", "trad"], "{q}: {rows:?}");
    }
}

/// A page of the development set, by the start of its name.
fn page(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/pages");
    let name = std::fs::read_dir(dir)
        .expect("pages")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .expect("page");
    format!("{dir}/{name}")
}

#[test]
fn quotes_by_speaker_ignore_case_and_accents() {
    let en = page("en-01");
    let rows = jsonl(&dossier(&[
        "quotes",
        &en,
        "--speaker",
        "echeverria",
        "--format",
        "jsonl",
    ]));
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["speaker"].as_str().expect("speaker"),
                r["text"].as_str().expect("text"),
            )
        })
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|(s, _)| *s == "Luis Echeverría"));
    assert!(got[0].1.starts_with("We are balancing this budget"));
    // The second has no cue of its own: it continues the first.
    assert!(
        got[1]
            .1
            .starts_with("They are the ones feeding those meters")
    );
    // A name nobody in the page has lists nothing; the table still has its header.
    let o = dossier(&["quotes", &en, "--speaker", "Nobody Here"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
}

#[test]
fn quotes_give_speaker_and_role_in_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("doe.txt");
    std::fs::write(
        &p,
        "“I moved here for the recipes and stayed for the people,” said American user Jane Doe.\n",
    )
    .expect("write");
    let path = p.display().to_string();
    let rows = jsonl(&dossier(&["quotes", &path, "--format", "jsonl"]));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["speaker"], "Jane Doe");
    assert_eq!(rows[0]["role"], "American user");
    let csv = stdout(&dossier(&["quotes", &path, "--format", "csv"]));
    assert_eq!(csv.lines().next(), Some("doc,line,speaker,role,text"));
    assert!(csv.contains(",Jane Doe,American user,"), "{csv}");
    let table = stdout(&dossier(&["quotes", &path]));
    assert!(
        table.contains("Jane Doe") && table.contains("American user"),
        "{table}"
    );
}

#[test]
fn a_quote_is_found_by_its_speakers_initials_and_surname() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("doe.txt");
    std::fs::write(
        &p,
        "Thousands joined the app this week.\n\n\
         “I moved here for the recipes and stayed for the people,” said American user Jane Doe.\n",
    )
    .expect("write");
    let rows = jsonl(&dossier(&[
        "search",
        "jndoe",
        &p.display().to_string(),
        "--kind",
        "quote",
        "--format",
        "jsonl",
    ]));
    assert_eq!(rows.len(), 1, "{rows:?}");
    let text = rows[0]["text"].as_str().expect("text");
    assert!(
        text.starts_with("I moved here") && text.ends_with("— Jane Doe"),
        "{text}"
    );
}
