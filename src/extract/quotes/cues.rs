//! The marks a block quote hangs on: an attribution line after it ("– Jen Hamilton,
//! influenceuse") or an introduction ending in a colon before it. Quote extraction reads
//! them, and [`serves`] tells a caller that analyses only some paragraphs (a one-shot search)
//! which neighbours it must analyse with a quote, so both agree on what they are.

use crate::corpus::Serves;

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
    text.trim_end().strip_suffix([':', '：'])
}

/// Which neighbour paragraph `text` may complete as a quote's context: the block quote
/// before it when it is an attribution line, the one after it when it introduces one.
#[must_use]
pub fn serves(text: &str) -> Serves {
    Serves {
        previous: after_dash(text).is_some(),
        next: before_colon(text).is_some(),
    }
}
