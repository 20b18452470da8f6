//! How a figure is found by meaning: the text search matches it by is its surface, then a
//! label, so that `/170 utilisateurs`, `/USD` or `/2025-01-19` find it. Search derives from
//! here which parts of a figure's text may be missing from its paragraph.

use super::{Figure, Kind, token};

/// What stands between a figure's surface and its label.
pub const SEPARATOR: char = ' ';

/// The text a figure is searched by: its surface and, after [`SEPARATOR`], its label (the
/// counted noun of a count, [`money`] for money, [`date`] for a date), if it has one.
/// `text` is the text the figure was found in.
#[must_use]
pub fn search_text(f: &Figure, text: &str) -> String {
    let label = match f.kind {
        Kind::Count => f.unit.as_deref().map(str::to_string),
        Kind::Money => f.unit.as_deref().map(money),
        Kind::Date => Some(date(&f.value.to_string())),
        _ => None,
    };
    let surface = f.surface(text);
    match label {
        Some(l) if !l.is_empty() => format!("{surface}{SEPARATOR}{l}"),
        _ => surface.to_string(),
    }
}

/// The label of money in currency `code` (`(USD)`): not always in the text, which may say
/// `$` or `dollars`.
#[must_use]
pub fn money(code: &str) -> String {
    format!("({code})")
}

/// The label of a date of ISO value `iso` (`(2025-01-19)`), made from the value, not the text.
#[must_use]
pub fn date(iso: &str) -> String {
    format!("({iso})")
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
