//! The sanitizer on arbitrary text: no control characters out, idempotent, pieces tile the input.
#![no_main]

use dossier::sanitize::{is_unsafe_char, sanitize, sanitize_pieces};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let out = sanitize(text);
    assert!(!out.chars().any(is_unsafe_char), "control in {out:?}");
    assert_eq!(sanitize(&out), out, "not idempotent");
    let mut at = 0;
    for p in sanitize_pieces(text) {
        assert_eq!(p.src.start, at);
        at = p.src.end;
    }
    assert_eq!(at, text.len());
});
