//! dossier: read multilingual source documents side by side in the terminal.
//!
//! The library holds everything; `src/main.rs` only calls [`cli::main`]. The corpus, figures
//! and search modules have no UI dependency; `ui` adapts them to ratatui.

pub mod cli;
pub mod corpus;
pub mod figures;
pub mod par;
pub mod sanitize;
pub mod search;
pub mod ui;
pub mod wrap;
