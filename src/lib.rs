//! dossier: read multilingual source documents side by side in the terminal.
//!
//! The library holds everything; `src/main.rs` only calls [`cli::main`]. The layers, each
//! using only those before it (ARCHITECTURE.md): `sanitize` and `wrap` (safe text), `corpus`
//! (documents), `extract` (figures, quotes, datelines), `search`, then `ui` and `cli`. Only
//! `ui` depends on ratatui.

#![forbid(unsafe_code)]

pub mod cli;
pub mod corpus;
pub mod extract;
pub mod runs;
pub mod sanitize;
pub mod search;
pub mod ui;
pub mod wrap;
