//! Wrapping arbitrary text at every width: rows fit, offsets map onto char boundaries.
#![no_main]

use dossier::wrap::wrap;
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

fuzz_target!(|input: (u8, &str)| {
    let (width, text) = input;
    let width = usize::from(width % 120) + 1;
    let line = text.replace('\n', " ");
    let w = wrap(&line, width);
    for (i, r) in w.rows.iter().enumerate() {
        assert!(w.display.is_char_boundary(r.start) && w.display.is_char_boundary(r.end));
        let row = w.row(i);
        let widest = row.graphemes(true).map(UnicodeWidthStr::width).max().unwrap_or(0);
        assert!(row.width() <= width.max(widest), "row {row:?} wider than {width}");
    }
    for src in (0..=line.len()).filter(|&i| line.is_char_boundary(i)) {
        assert!(w.display.is_char_boundary(w.to_display(src)));
    }
});
