//! Loading text safely and modelling documents: paragraphs, sentences, titles, languages,
//! boilerplate and repeats. No UI dependency.

mod analyse;
pub mod boilerplate;
pub mod decode;
pub mod document;
pub mod feed;
pub mod fetch;
pub mod han;
pub mod html;
pub mod lang;
pub mod layout;
pub mod load;
pub mod masthead;
pub mod seeds;
pub mod segment;
pub mod title;

pub use document::{Document, Meta, Origin, Paragraph, ParagraphKind, Sentence};
pub use lang::Lang;
pub use layout::Layout;
pub use load::{Corpus, Focus, LoadError, LoadOptions, Serves, Warning, load};

/// A test of paragraph text: see [`Focus`].
pub type Keep = dyn Fn(&str) -> bool + Sync;
