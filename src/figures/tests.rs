//! Unit tests of extraction on short texts in each language.

use super::*;

type Row = (Kind, String, Option<String>, Option<Qualifier>, String);

fn figs(text: &str, lang: Lang) -> Vec<Row> {
    extract(text, lang)
        .into_iter()
        .map(|f| (f.kind, f.value.to_string(), f.unit, f.qualifier, f.surface))
        .collect()
}

#[test]
fn french_basics() {
    let v = figs(
        "environ 100 millions d’utilisateurs américains ne pourront plus",
        Lang::FR,
    );
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, "100000000");
    assert_eq!(v[0].2.as_deref(), Some("utilisateurs américains"));
    assert_eq!(v[0].3, Some(Qualifier::About));
    assert_eq!(v[0].4, "100 millions");
}

#[test]
fn multilingual_edges() {
    // Combining accents, emoji with joiners, zero-width spaces and right-to-left text around
    // figures leave the offsets exact.
    let text = "Cafe\u{301} : 3,9 millions 👩\u{200D}💻 d’abonnés\u{200B}, שלום 25 %";
    let v = extract(text, Lang::FR);
    let kinds: Vec<Kind> = v.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [Kind::Count, Kind::Percent], "{v:?}");
    for f in &v {
        assert_eq!(&text[f.start..f.end], f.surface);
    }
    assert_eq!(v[0].value, Value::Number(3_900_000.0));
    // CJK without spaces.
    let v = extract("美国用户超过1.7亿，增长百分之三十。", Lang::ZH);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].qualifier, Some(Qualifier::Over));
    assert_eq!(v[1].value, Value::Number(30.0));
    // Other languages still get plain digit numbers.
    let v = extract(
        "Das kostet 1.500 Euro und 25 Prozent mehr.",
        Lang::parse("de").expect("de"),
    );
    assert!(v.iter().any(|f| f.value == Value::Number(1500.0)), "{v:?}");
}

#[test]
fn negatives_are_not_figures() {
    for (text, lang) in [
        ("Hubungi 0812-3456-7890 atau +62 21 555 1234.", Lang::ID),
        ("Tagar #TikTokRefugee viral.", Lang::ID),
        ("La version 2.3.1 corrige l'A320 et le G20.", Lang::FR),
        ("COVID-19 and thousands of people.", Lang::EN),
        ("数千名用户涌入。", Lang::ZH),
        ("Des centaines de personnes.", Lang::FR),
        ("1. Premier point\n2) Second point", Lang::EN),
    ] {
        let v = extract(text, lang);
        assert!(v.iter().all(|f| f.kind == Kind::Ordinal), "{text}: {v:?}");
    }
}

#[test]
fn lines_count_from_one() {
    let v = extract("a\nb 12 personnes\n\nle 3 mars", Lang::FR);
    let lines: Vec<usize> = v.iter().map(|f| f.line).collect();
    assert_eq!(lines, [2, 4]);
}
