//! What is read out of a document's prose: figures, quoted speech and the dateline. Each
//! extractor works on a [`Document`](crate::corpus::Document) the corpus has analysed, and
//! says itself what context it reads beyond one paragraph (see [`quotes::hangs_on`]), so
//! that a caller analysing only part of a document asks it rather than guessing.

pub mod dateline;
pub mod figures;
pub mod quotes;
