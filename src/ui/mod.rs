//! The terminal interface: sources, reader, figures and the search palette.

pub mod action;
pub mod config;
pub mod keymap;
pub mod theme;
pub mod wrap;
