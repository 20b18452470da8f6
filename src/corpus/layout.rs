//! Where a text's paragraphs and lines are, and its content hash: what the rest of building
//! a document reads. Found from a whole text, or while a file is read.

use std::ops::Range;

use super::decode::Follow;
use super::segment::Splitter;

/// The paragraphs, line starts and hash of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Trimmed paragraph byte ranges, in order (see [`super::segment::paragraphs`]).
    pub paragraphs: Vec<Range<usize>>,
    /// Offsets of line starts (see [`super::document::line_starts`]).
    pub line_starts: Vec<usize>,
    /// The xxh3 hash of the text.
    pub hash: u64,
}

/// Text size above which [`Layout::of`] hashes beside splitting.
const PARALLEL_MIN_BYTES: usize = 1 << 20;

impl Layout {
    /// The layout of `text`.
    #[must_use]
    pub fn of(text: &str) -> Self {
        let hash = || xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        let (hash, (paragraphs, line_starts)) = if text.len() >= PARALLEL_MIN_BYTES {
            rayon::join(hash, || Splitter::default().finish(text))
        } else {
            (hash(), Splitter::default().finish(text))
        };
        Self {
            paragraphs,
            line_starts,
            hash,
        }
    }
}

/// A [`Layout`] found while a text is read: given to
/// [`super::decode::read_decoded`], it splits and hashes each chunk as it comes.
#[derive(Default)]
pub struct LayoutBuilder {
    splitter: Splitter,
    hasher: xxhash_rust::xxh3::Xxh3,
    /// Bytes of the text hashed.
    seen: usize,
    stopped: bool,
}

impl Follow for LayoutBuilder {
    fn grown(&mut self, text: &str) {
        self.hasher.update(&text.as_bytes()[self.seen..]);
        self.seen = text.len();
        self.splitter.grown(text);
    }

    fn stopped(&mut self) {
        self.stopped = true;
    }
}

impl LayoutBuilder {
    /// The layout of `text` when it is the text this followed to its end; `None` when this
    /// saw less of it, or another text.
    #[must_use]
    pub fn finish(self, text: &str) -> Option<Layout> {
        if self.stopped || self.seen != text.len() {
            return None;
        }
        let (paragraphs, line_starts) = self.splitter.finish(text);
        Some(Layout {
            paragraphs,
            line_starts,
            hash: self.hasher.digest(),
        })
    }
}
