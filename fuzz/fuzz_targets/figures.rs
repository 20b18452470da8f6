//! The figure extractor on arbitrary text in each language it knows: no panic, and every
//! figure's offsets are char boundaries whose slice is its surface.
#![no_main]

use dossier::corpus::Lang;
use dossier::extract::figures::extract;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, &str)| {
    let (pick, text) = input;
    let lang = [Lang::FR, Lang::ID, Lang::EN, Lang::ZH, Lang::ES, Lang::UND][usize::from(pick) % 6];
    for f in extract(text, lang) {
        assert!(f.start <= f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert_eq!(&text[f.start..f.end], f.surface);
    }
});
