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
