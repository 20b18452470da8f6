//! Extraction never panics on arbitrary text, and every figure points at its own surface on
//! character boundaries, in every language dossier reads.

use dossier::corpus::Lang;
use dossier::extract::figures::extract;
use proptest::prelude::*;

const LANGS: [Lang; 6] = [Lang::FR, Lang::ID, Lang::EN, Lang::ZH, Lang::ES, Lang::UND];

fn check(text: &str) {
    for lang in LANGS {
        for f in extract(text, lang) {
            assert!(
                text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                "{f:?}"
            );
            assert!(f.start < f.end, "{f:?}");
        }
    }
}

/// Pieces that exercise the scanner: digits, separators, scale and unit words, Han numerals,
/// marks, joiners, bidi text and odd spaces.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,6}",
        Just(".".to_string()),
        Just(",".to_string()),
        Just(" ".to_string()),
        Just("\u{202F}".to_string()),
        Just("\u{A0}".to_string()),
        Just("-".to_string()),
        Just("/".to_string()),
        Just("%".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("millions".to_string()),
        Just("juta".to_string()),
        Just("de".to_string()),
        Just("d'".to_string()),
        Just("janvier".to_string()),
        Just("Kamis".to_string()),
        Just("vingt".to_string()),
        Just("et".to_string()),
        Just("un".to_string()),
        Just("ke".to_string()),
        Just("h".to_string()),
        Just("年".to_string()),
        Just("月".to_string()),
        Just("百分之".to_string()),
        Just("三十".to_string()),
        Just("点".to_string()),
        Just("亿".to_string()),
        Just("第".to_string()),
        Just("$".to_string()),
        Just("Rp".to_string()),
        Just("e\u{301}".to_string()),
        Just("👩\u{200D}💻".to_string()),
        Just("\u{200B}".to_string()),
        Just("שלום".to_string()),
        Just("\n".to_string()),
        Just("#".to_string()),
        Just("١٢".to_string()),
        Just("１２".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_any_string(s in "\\PC{0,80}") {
        check(&s);
    }

    #[test]
    fn surfaces_match_offsets(pieces in prop::collection::vec(piece(), 0..40)) {
        check(&pieces.concat());
    }
}

/// Long texts are scanned in pieces; figures on both sides of a piece boundary keep exact
/// offsets, whatever the width of the characters around it.
#[test]
fn long_texts_keep_offsets() {
    for filler in ["é", "用", "👩\u{200D}💻", "a"] {
        let mut text = String::new();
        let mut n = 0;
        while text.len() < 200_000 {
            text.push_str(&filler.repeat(7));
            text.push_str(&format!(" plus de {n} 000 personnes, le 3 mars 2025"));
            text.push(if n % 3 == 0 { '\n' } else { ' ' });
            n += 1;
        }
        let figs = extract(&text, Lang::FR);
        assert_eq!(
            figs.iter().filter(|f| f.kind.name() == "date").count(),
            n,
            "{filler}"
        );
        for f in &figs {
            assert!(
                f.surface(&text).chars().any(|c| c.is_ascii_digit()),
                "{f:?}"
            );
        }
        let lines = text[..figs[figs.len() - 1].start].matches('\n').count() + 1;
        assert_eq!(figs[figs.len() - 1].line, lines);
    }
}
