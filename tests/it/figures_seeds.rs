//! Every figure of the five seeds, as a reader finds them in the files, and the groups that
//! state the same fact across sources. Boilerplate (000's "- Advertisement -", 004's "Baca
//! juga" and copyright lines) and 001's six repeated paragraphs give no figures.

use dossier::corpus::{Corpus, LoadOptions, load};
use dossier::extract::figures::{Figure, FigureList, Group, Kind, Value, extract_document, group};

fn seeds() -> (Corpus, Vec<Vec<Figure>>) {
    let c = load(&[], &LoadOptions::default());
    let f = c.docs.iter().map(extract_document).collect();
    (c, f)
}

/// line, kind, value, unit, qualifier, surface
type Want = (
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn check(c: &Corpus, figs: &[Figure], doc: usize, want: &[Want]) {
    let d = &c.docs[doc];
    let got: Vec<(usize, String, String, String, String, String)> = figs
        .iter()
        .map(|f| {
            (
                f.line,
                f.kind.name().to_string(),
                f.value.to_string(),
                f.unit.as_deref().unwrap_or_default().to_string(),
                f.qualifier.map(|q| q.name()).unwrap_or("").to_string(),
                f.surface(&d.text).to_string(),
            )
        })
        .collect();
    let want: Vec<(usize, String, String, String, String, String)> = want
        .iter()
        .map(|w| {
            (
                w.0,
                w.1.to_string(),
                w.2.to_string(),
                w.3.to_string(),
                w.4.to_string(),
                w.5.to_string(),
            )
        })
        .collect();
    assert_eq!(got, want, "figures of {}", d.id);
    for f in figs {
        let s = &d.sentences[f.sentence().expect("sentence")];
        assert!(s.range.start <= f.start && f.end <= s.range.end, "{f:?}");
        assert!(d.paragraphs[s.paragraph as usize].kind.counts());
    }
}

#[test]
fn seed_000() {
    let (c, f) = seeds();
    check(
        &c,
        &f[0],
        0,
        &[
            (1, "date", "2025-01-15", "", "", "15 janvier 2025"),
            (7, "year", "2023", "", "", "2023"),
            (9, "year", "2025", "", "", "2025"),
            (9, "date", "2025-01-19", "", "", "19 janvier 2025"),
            (
                9,
                "count",
                "100000000",
                "utilisateurs américains",
                "about",
                "100 millions",
            ),
            (
                17,
                "count",
                "7000000",
                "petites entreprises américaines",
                "about",
                "7 millions",
            ),
            (
                17,
                "money",
                "1000000000",
                "USD",
                "",
                "un milliard de dollars",
            ),
            (17, "duration", "1", "month", "", "un mois"),
            (17, "count", "2000000", "créateurs", "under", "2 millions"),
            (
                17,
                "money",
                "300000000",
                "USD",
                "",
                "300 millions de dollars",
            ),
            (19, "year", "2013", "", "", "2013"),
            (23, "rank", "1", "", "", "première"),
        ],
    );
}

#[test]
fn seed_001_counts_repeats_once() {
    let (c, f) = seeds();
    check(
        &c,
        &f[1],
        1,
        &[
            (11, "date", "--01-19", "", "", "19 janvier"),
            (15, "count", "3900000", "personnes", "", "3,9 millions"),
            (
                29,
                "count",
                "170000000",
                "utilisateurs américains",
                "",
                "170 millions",
            ),
        ],
    );
}

#[test]
fn seed_002() {
    let (c, f) = seeds();
    check(
        &c,
        &f[2],
        2,
        &[
            (1, "time", "09:00", "", "", "9 heures"),
            (3, "time", "04:00", "", "", "4 heures"),
            (3, "date", "--01-13", "", "", "13 janvier"),
            (3, "count", "200", "places", "over", "200"),
            (3, "rank", "1", "", "", "première"),
            (9, "year", "2025", "", "", "2025"),
            (9, "count", "2", "événements marquants", "", "deux"),
        ],
    );
}

#[test]
fn seed_003() {
    let (c, f) = seeds();
    check(
        &c,
        &f[3],
        3,
        &[
            (1, "date", "--01-19", "", "", "19 Januari"),
            (1, "count", "114000", "unggahan", "over", "114.000"),
            (1, "count", "2000000", "percakapan", "", "dua juta"),
            (1, "date", "--01-14", "", "", "Selasa, 14 Januari"),
            (
                7,
                "count",
                "300000000",
                "pengguna aktif bulanan",
                "about",
                "300 juta",
            ),
            (7, "date", "2024-12", "", "", "Desember 2024"),
            (10, "date", "--01-16", "", "", "Kamis, 16 Januari"),
        ],
    );
}

#[test]
fn seed_004_skips_boilerplate() {
    let (c, f) = seeds();
    check(
        &c,
        &f[4],
        4,
        &[
            (2, "date", "--01-16", "", "", "Kamis (16/1)"),
            (6, "date", "--01-14", "", "", "Selasa (14/1)"),
            (6, "count", "114000", "unggahan", "over", "114.000"),
            (6, "count", "2000000", "pembicaraan", "over", "2 juta"),
            (7, "ordinal", "1", "", "", "pertama"),
            (8, "date", "2025-01-19", "", "", "19 Januari 2025"),
            (9, "count", "170000000", "pengguna", "about", "170 juta"),
            (14, "year", "2013", "", "", "2013"),
            (17, "date", "2024-12", "", "", "Desember 2024"),
            (
                17,
                "count",
                "300000000",
                "pengguna aktif bulanan",
                "about",
                "300 juta",
            ),
            (18, "count", "170000000", "orang", "", "170 juta"),
        ],
    );
}

#[test]
fn document_dates() {
    let (c, _) = seeds();
    let dates: Vec<Option<String>> = c
        .docs
        .iter()
        .map(dossier::extract::dateline::stated)
        .collect();
    let dates: Vec<Option<&str>> = dates.iter().map(Option::as_deref).collect();
    // 000 opens with its dateline; 001 states no date near its top; 002 says "le 13 janvier"
    // in its third line; 003's first date is an announced deadline ("19 Januari mendatang"),
    // so its date is "Selasa, 14 Januari"; 004's "Kamis (16/1)" takes the year of
    // "19 Januari 2025" further down.
    assert_eq!(
        dates,
        [
            Some("2025-01-15"),
            None,
            Some("--01-13"),
            Some("--01-14"),
            Some("2025-01-16")
        ]
    );
}

fn find<'a>(groups: &'a [Group], kind: Kind, value: f64, unit: &str) -> &'a Group {
    groups
        .iter()
        .find(|g| {
            g.kind == kind && g.value == Value::Number(value) && g.unit.as_deref() == Some(unit)
        })
        .unwrap_or_else(|| panic!("no group {value} {unit}: {groups:#?}"))
}

#[test]
fn groups_across_sources() {
    let (c, f) = seeds();
    let packed: Vec<FigureList> = f.iter().map(|f| FigureList::from_figures(f)).collect();
    let groups = group(&c.docs, &packed);
    let surfaces = |g: &Group| -> Vec<(String, String)> {
        g.members
            .iter()
            .map(|m| {
                let doc = &c.docs[m.doc()];
                (
                    doc.id.clone(),
                    f[m.doc()][m.figure()].surface(&doc.text).to_string(),
                )
            })
            .collect()
    };
    let mau = find(&groups, Kind::Count, 3e8, "monthly active users");
    assert_eq!(mau.docs, ["003", "004"]);
    assert!(mau.disagrees.is_empty());

    let posts = find(&groups, Kind::Count, 114_000.0, "posts");
    assert_eq!(posts.docs, ["003", "004"]);

    let talk = find(&groups, Kind::Count, 2e6, "conversations");
    assert_eq!(
        surfaces(talk),
        [
            ("003".to_string(), "dua juta".to_string()),
            ("004".to_string(), "2 juta".to_string())
        ]
    );

    let us = find(&groups, Kind::Count, 1.7e8, "us users");
    assert_eq!(us.docs, ["001", "004"]);
    assert_eq!(us.fact.subject.as_deref(), Some("tiktok"));
    assert_eq!(us.fact.measure.as_deref(), Some("us users"));
    assert_eq!(us.members.len(), 2, "{:?}", surfaces(us));
    // 000 gives 100 million in a sentence that names no subject, after one about TikTok's
    // ban in the same paragraph: the same fact, and a disagreement both ways.
    assert_eq!(us.disagrees.len(), 1, "{:?}", us.disagrees);
    assert_eq!(us.disagrees[0].docs, ["000"]);
    let hundred = find(&groups, Kind::Count, 1e8, "us users");
    assert_eq!(hundred.docs, ["000"]);
    assert_eq!(hundred.disagrees.len(), 1, "{:?}", hundred.disagrees);
    // Years, ordinals and lengths of time never form groups.
    assert!(
        groups
            .iter()
            .all(|g| !matches!(g.kind, Kind::Year | Kind::Ordinal | Kind::Duration))
    );

    // The deadline, in four sources, with and without its year.
    let deadline = groups
        .iter()
        .find(|g| g.kind == Kind::Date && g.value == Value::Text("2025-01-19".into()))
        .expect("deadline group");
    assert_eq!(deadline.docs, ["000", "001", "003", "004"]);
    // Figures of different things never share a group.
    for g in &groups {
        for m in &g.members {
            assert_eq!(f[m.doc()][m.figure()].kind, g.kind);
        }
    }
    let ids: Vec<usize> = groups.iter().map(|g| g.id).collect();
    assert_eq!(ids, (1..=groups.len()).collect::<Vec<_>>());
}
