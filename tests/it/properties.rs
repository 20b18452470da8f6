//! Properties of the sanitizer and wrapping that must hold for any text: nothing panics, the
//! sanitizer emits no control characters and is idempotent, wrapped rows never exceed the
//! width, and every offset lands on a character boundary.

use dossier::sanitize::{is_unsafe_char, sanitize, sanitize_pieces};
use dossier::wrap::wrap;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Text built from the pieces attackers and odd scripts use, plus arbitrary characters.
fn hostile_text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "\u{1b}",
        "\u{1b}[",
        "\u{1b}]",
        "\u{1b}P",
        "\u{1b}_",
        "\u{1b}^",
        "\u{1b}X",
        "\u{1b}\\",
        "\u{7}",
        "\u{9b}",
        "\u{9d}",
        "\u{9c}",
        "\u{90}",
        "\r",
        "\n",
        "\t",
        "\u{8}",
        "\u{7f}",
        "\u{0}",
        "[31m",
        "0;title",
        "52;c;",
        "?1049h",
        ";",
        "m",
        "H",
        "\u{202e}",
        "\u{2066}",
        "\u{2069}",
        "\u{200b}",
        "\u{200c}",
        "\u{200d}",
        "\u{2060}",
        "\u{feff}",
        "\u{fe0f}",
        "\u{fe01}",
        "\u{e0041}",
        "\u{e007f}",
        "🏴",
        "👨",
        "👩",
        "🇫",
        "🇷",
        "\u{301}",
        "\u{336}",
        "e",
        "é",
        "«",
        "»",
        " ",
        "\u{a0}",
        "\u{202f}",
        "?",
        "小",
        "红书",
        "مرحبا",
        "שלום",
        "नमस्ते",
        "x",
        "word",
        "Line",
        ".",
        "…",
    ]);
    prop_oneof![
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat()),
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..60).prop_map(|v| v.into_iter().collect()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn sanitized_text_has_no_controls(s in hostile_text()) {
        let out = sanitize(&s);
        prop_assert!(!out.chars().any(is_unsafe_char), "{:?} -> {:?}", s, out);
    }

    #[test]
    fn sanitizing_twice_changes_nothing(s in hostile_text()) {
        let once = sanitize(&s);
        prop_assert_eq!(sanitize(&once), once.clone(), "input {:?}", s);
    }

    #[test]
    fn pieces_tile_the_source(s in hostile_text()) {
        let mut at = 0;
        for p in sanitize_pieces(&s) {
            prop_assert_eq!(p.src.start, at);
            prop_assert!(s.is_char_boundary(p.src.end));
            if !p.inert {
                prop_assert!(!p.text.chars().any(is_unsafe_char));
            }
            at = p.src.end;
        }
        prop_assert_eq!(at, s.len());
    }

    #[test]
    fn wrapped_rows_fit_and_map_back(s in hostile_text(), width in 1usize..50) {
        let line = s.replace('\n', " ");
        let w = wrap(&line, width);
        let mut last_end = 0;
        for (i, r) in w.rows.iter().enumerate() {
            prop_assert!(w.display.is_char_boundary(r.start) && w.display.is_char_boundary(r.end));
            prop_assert!(r.start >= last_end, "rows overlap");
            last_end = r.end;
            let row = w.row(i);
            // A grapheme wider than the width is the one thing that cannot fit: such a row holds
            // that grapheme and nothing wider.
            let widest = unicode_segmentation::UnicodeSegmentation::graphemes(row, true).map(UnicodeWidthStr::width).max().unwrap_or(0);
            prop_assert!(row.width() <= width.max(widest), "row {:?} wider than {}", row, width);
        }
        for src in (0..=line.len()).filter(|&i| line.is_char_boundary(i)) {
            let d = w.to_display(src);
            prop_assert!(w.display.is_char_boundary(d), "{} -> {}", src, d);
            prop_assert!(w.row_of(d) < w.rows.len());
        }
    }
}

/// An input the fuzzer found while the sanitizer reset its context after placeholders.
#[test]
fn fuzz_regression_joiners_after_controls() {
    let bytes = include_bytes!("../data/sanitize_fuzz_crash_1.bin");
    let text = String::from_utf8_lossy(bytes);
    let once = sanitize(&text);
    assert!(!once.chars().any(is_unsafe_char));
    assert_eq!(sanitize(&once), once);
}
