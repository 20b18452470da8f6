//! `dossier figures` end to end: table, jsonl, csv and --group on the seeds, --lang, files
//! with terminal escapes, and bad input.

use crate::common;

use common::cli::{dossier, stdout};

use std::process::Output;

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn jsonl_figures_of_the_seeds() {
    let o = dossier(&["figures", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = json_lines(&o);
    assert_eq!(rows.len(), 40);
    let keys = [
        "doc",
        "lang",
        "kind",
        "value",
        "to",
        "unit",
        "qualifier",
        "surface",
        "start",
        "end",
        "line",
        "sentence",
        "subject",
        "measure",
        "as_of",
    ];
    for r in &rows {
        let obj = r.as_object().expect("object");
        assert_eq!(obj.len(), keys.len(), "{r}");
        for k in keys {
            assert!(obj.contains_key(k), "{k} missing in {r}");
        }
    }
    let posts = rows
        .iter()
        .find(|r| r["doc"] == "004" && r["surface"] == "114.000")
        .expect("114.000 in 004");
    assert_eq!(posts["kind"], "count");
    assert_eq!(posts["value"], 114_000);
    assert_eq!(posts["unit"], "unggahan");
    assert_eq!(posts["qualifier"], "over");
    assert_eq!(posts["lang"], "id");
    assert_eq!(posts["line"], 6);
    assert!(
        posts["sentence"]
            .as_str()
            .expect("sentence text")
            .starts_with("Hingga Selasa (14/1), dilaporkan")
    );
    let date = rows
        .iter()
        .find(|r| r["surface"] == "Kamis (16/1)")
        .expect("date");
    assert_eq!(date["value"], "--01-16");
}

#[test]
fn grouped_jsonl_shows_agreement_and_disagreement() {
    let o = dossier(&["figures", "--group", "--format", "jsonl"]);
    assert!(o.status.success());
    let groups = json_lines(&o);
    for g in &groups {
        for k in [
            "id",
            "kind",
            "value",
            "unit",
            "subject",
            "measure",
            "as_of",
            "docs",
            "members",
            "disagrees",
        ] {
            assert!(g.get(k).is_some(), "{k} missing in {g}");
        }
    }
    let us = groups
        .iter()
        .find(|g| g["value"] == 170_000_000 && g["unit"] == "us users")
        .expect("US users group");
    assert_eq!(us["docs"], serde_json::json!(["001", "004"]));
    assert_eq!(us["subject"], "tiktok");
    assert_eq!(us["measure"], "us users");
    assert_eq!(us["members"][0]["surface"], "170 millions");
    assert_eq!(us["members"][0]["subject"], "tiktok");
    let talk = groups
        .iter()
        .find(|g| g["unit"] == "conversations")
        .expect("conversations");
    assert_eq!(talk["docs"], serde_json::json!(["003", "004"]));
}

#[test]
fn table_and_csv() {
    let o = dossier(&["figures"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("DOC"), "{out}");
    assert!(out.contains("un milliard de dollars"));
    let o = dossier(&["figures", "--format", "csv"]);
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "doc,lang,kind,value,to,unit,qualifier,surface,start,end,line,sentence,subject,measure,as_of"
        )
    );
    assert_eq!(out.lines().count(), 41);
    let o = dossier(&["figures", "--group"]);
    assert!(
        stdout(&o).starts_with("ID  KIND   SUBJECT"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_disagreement_names_every_source_and_its_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    let texts = [
        (
            "a.txt",
            "TikTok had 170 million American users as the ban loomed, the company said.
",
        ),
        (
            "b.txt",
            "TikTok has 150 million users in the United States, a research firm estimates.
",
        ),
        (
            "c.txt",
            "TikTok counted 170 million users in the United States last month.
",
        ),
        (
            "d.txt",
            "Xiaohongshu has 300 million monthly active users, and TikTok 1 billion users.
",
        ),
    ];
    let mut paths = Vec::new();
    for (name, text) in texts {
        let p = dir.path().join(name);
        std::fs::write(&p, text).expect("write");
        paths.push(p.display().to_string());
    }
    let mut args = vec!["figures", "--group", "--lang", "en", "--format", "jsonl"];
    args.extend(paths.iter().map(String::as_str));
    let o = dossier(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let groups = json_lines(&o);
    let agree = groups
        .iter()
        .find(|g| g["value"] == 170_000_000)
        .expect("170 million");
    assert_eq!(agree["subject"], "tiktok");
    assert_eq!(agree["measure"], "us users");
    assert_eq!(agree["docs"].as_array().map(Vec::len), Some(2));
    let others = agree["disagrees"].as_array().expect("disagrees");
    assert_eq!(others.len(), 1, "{agree}");
    assert_eq!(others[0]["value"], 150_000_000);
    // Users worldwide and another app's users are other facts: no disagreement with them.
    for g in &groups {
        if g["measure"] != "us users" {
            assert!(g["disagrees"].as_array().is_none_or(Vec::is_empty), "{g}");
        }
    }
    let mut args = vec!["figures", "--group", "--lang", "en", "--format", "csv"];
    args.extend(paths.iter().map(String::as_str));
    let out = stdout(&dossier(&args));
    assert!(
        out.starts_with("id,kind,subject,measure,value,unit,as_of,docs,disagrees"),
        "{out}"
    );
    assert!(out.contains("tiktok,us users,170000000"), "{out}");
}

#[test]
fn lang_override_and_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("note.txt");
    std::fs::write(
        &p,
        "Xiaohongshu had about 300 million monthly active users.\nEvil \u{1b}[31m 12 percent\u{1b}[0m rise.\n",
    )
    .expect("write");
    let path = p.display().to_string();
    let o = dossier(&["figures", "--format", "jsonl", "--lang", "en", &path]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = json_lines(&o);
    assert_eq!(rows[0]["value"], 300_000_000);
    assert_eq!(rows[0]["qualifier"], "about");
    assert_eq!(rows[0]["lang"], "en");
    assert_eq!(rows[1]["kind"], "percent");
    // The escape in the sentence reaches neither the table nor the raw jsonl bytes.
    let o = dossier(&["figures", "--lang", "en", &path]);
    assert!(!stdout(&o).contains('\u{1b}'));
    let o = dossier(&["figures", "--format", "jsonl", "--lang", "en", &path]);
    assert!(!stdout(&o).contains('\u{1b}'));
    // Read as Indonesian, the English words mean nothing, but the digits remain.
    let o = dossier(&["figures", "--format", "jsonl", "--lang", "id", &path]);
    assert!(json_lines(&o).iter().any(|r| r["surface"] == "300"));
}

#[test]
fn bad_input() {
    let o = dossier(&["figures", "--lang", "klingon"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown language"));
    let o = dossier(&["figures", "/no/such/path"]);
    assert_eq!(o.status.code(), Some(2));
}
