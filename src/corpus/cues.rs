//! The marks a block quote hangs on: an attribution line after it ("– Jen Hamilton,
//! influenceuse") or an introduction ending in a colon before it. Search's quote extraction
//! reads them, and a document analysed for one search keeps the paragraphs around a hit that
//! show them, so both agree on what they are.

/// Dashes that open an attribution line.
const DASHES: [char; 5] = ['–', '—', '―', '-', '~'];

/// The rest of a paragraph that opens with a dash, as an attribution line does.
#[must_use]
pub fn after_dash(text: &str) -> Option<&str> {
    Some(text.trim().strip_prefix(DASHES)?.trim_start())
}

/// A paragraph that ends in a colon, as an introduction to a quote does, without the colon.
#[must_use]
pub fn before_colon(text: &str) -> Option<&str> {
    text.trim_end().strip_suffix(':')
}
