//! The document loader on arbitrary bytes: decoding, segmentation, boilerplate, titles.
#![no_main]

use dossier::corpus::decode::decode;
use dossier::corpus::{Document, Origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes) else { return };
    let doc = Document::from_text("fuzz".into(), Origin::Stdin, decoded.text, None);
    for p in &doc.paragraphs {
        assert!(doc.text.is_char_boundary(p.range.start) && doc.text.is_char_boundary(p.range.end));
        assert!(p.sentences.end <= doc.sentences.len());
    }
    for s in &doc.sentences {
        assert!(doc.text.is_char_boundary(s.range.start) && doc.text.is_char_boundary(s.range.end));
        assert_eq!(doc.line_of(s.range.start), s.line);
    }
    let _ = doc.words();
});
