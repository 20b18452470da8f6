//! How a figure is found by meaning: the text search matches it by is its surface, then a
//! label, so that `/170 utilisateurs`, `/USD` or `/2025-01-19` find it. Search derives from
//! here which parts of a figure's text may be missing from its paragraph.

use super::{Figure, FigureList, Kind, Value, token};

/// What stands between a figure's surface and its label.
pub const SEPARATOR: char = ' ';

/// The text a figure is searched by: its surface and, after [`SEPARATOR`], its label (the
/// counted noun of a count, [`money`] for money, [`date`] for a date), if it has one.
/// `text` is the text the figure was found in.
#[must_use]
pub fn search_text(f: &Figure, text: &str) -> String {
    let mut out = String::new();
    push_search_text(
        &mut out,
        f.surface(text),
        f.kind,
        &f.value,
        f.unit.as_deref(),
    );
    out
}

/// [`search_text`] of figure `i` of `list`, written into `out` (cleared first): a search
/// makes one for each figure it looks at, into the same buffer.
pub fn search_text_at(list: &FigureList, i: usize, text: &str, out: &mut String) {
    out.clear();
    let unit = list.unit(i).map(AsRef::as_ref);
    push_search_text(
        out,
        list.surface(i, text),
        list.kind(i),
        &list.value(i),
        unit,
    );
}

/// Appends the search text of a figure of `kind`, `value` and `unit`, written `surface`.
fn push_search_text(
    out: &mut String,
    surface: &str,
    kind: Kind,
    value: &Value,
    unit: Option<&str>,
) {
    out.push_str(surface);
    let bare = out.len();
    out.push(SEPARATOR);
    let labelled = match (kind, unit) {
        (Kind::Count, Some(noun)) => {
            out.push_str(noun);
            !noun.is_empty()
        }
        (Kind::Money, Some(code)) => {
            push_money(out, code);
            true
        }
        (Kind::Date, _) => {
            push_date(out, value);
            true
        }
        _ => false,
    };
    if !labelled {
        out.truncate(bare);
    }
}

/// The label of money in currency `code` (`(USD)`): not always in the text, which may say
/// `$` or `dollars`.
#[must_use]
pub fn money(code: &str) -> String {
    let mut out = String::new();
    push_money(&mut out, code);
    out
}

fn push_money(out: &mut String, code: &str) {
    out.push('(');
    out.push_str(code);
    out.push(')');
}

/// The label of a date of ISO value `iso` (`(2025-01-19)`), made from the value, not the text.
#[must_use]
pub fn date(iso: &str) -> String {
    let mut out = String::new();
    push_date(&mut out, &iso);
    out
}

fn push_date(out: &mut String, iso: &dyn std::fmt::Display) {
    use std::fmt::Write;
    // Writing to a String cannot fail.
    let _ = write!(out, "({iso})");
}

/// One part of a label's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// This character, once.
    One(char),
    /// Any number of these characters.
    Many(&'static str),
}

/// The shape of every date label after its surface: [`SEPARATOR`], then what [`date`] makes of
/// any ISO value (digits and hyphens in brackets).
pub const DATE_SHAPE: [Part; 4] = [
    Part::One(SEPARATOR),
    Part::One('('),
    Part::Many("0123456789-"),
    Part::One(')'),
];

/// Whether a counted noun made of character `c` may be taken from before the number rather
/// than after it: only Han nouns are (用户超过3亿 gives `3亿 用户`).
#[must_use]
pub fn noun_may_precede(c: char) -> bool {
    token::is_han(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Lang;
    use crate::extract::figures::extract;

    /// Whether `label` has the shape `shape`.
    fn has_shape(label: &str, shape: &[Part]) -> bool {
        let mut chars = label.chars().peekable();
        for part in shape {
            match *part {
                Part::One(c) => {
                    if chars.next() != Some(c) {
                        return false;
                    }
                }
                Part::Many(set) => while chars.next_if(|c| set.contains(*c)).is_some() {},
            }
        }
        chars.next().is_none()
    }

    #[test]
    fn every_date_label_has_the_date_shape() {
        let text = "Le 19 janvier 2025, le 3 mars, en février 2024 et le 1er mai 2023 à Paris.";
        let dates: Vec<_> = extract(text, Lang::FR)
            .into_iter()
            .filter(|f| f.kind == Kind::Date)
            .collect();
        assert!(dates.len() >= 3, "{dates:?}");
        for f in dates {
            let t = search_text(&f, text);
            let label = &t[f.end - f.start..];
            assert!(has_shape(label, &DATE_SHAPE), "{t:?}");
        }
        assert!(!has_shape(" (USD)", &DATE_SHAPE));
    }

    #[test]
    fn money_and_counts_are_labelled() {
        let figs = extract(
            "Il a payé 12 dollars pour 170 millions d'utilisateurs.",
            Lang::FR,
        );
        let text = "Il a payé 12 dollars pour 170 millions d'utilisateurs.";
        let texts: Vec<String> = figs.iter().map(|f| search_text(f, text)).collect();
        assert!(texts.contains(&"12 dollars (USD)".to_string()), "{texts:?}");
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("170 millions utilisateurs")),
            "{texts:?}"
        );
    }
}
