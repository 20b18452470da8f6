//! The integration tests, as one binary: each module is what used to be a test binary of its
//! own. One binary links once, which is most of the suite's time on two cores.

mod common;

mod cli_basic;
mod cli_errors;
mod cli_figures;
mod cli_search;
mod figures_devset;
mod figures_props;
mod figures_seeds;
mod groups_devset;
mod hostile_cli;
mod hostile_pty;
mod huge_inputs;
mod large_documents;
mod layers;
mod memory;
mod pages_quotes;
mod pages_reading;
mod properties;
mod quotes_seeds;
mod search_prefilter;
mod search_props;
mod search_seeds;
mod seeds_model;
mod state_crash;
mod ui_actions;
mod ui_copy;
mod ui_keys;
mod ui_marks;
mod ui_open;
mod ui_papercuts;
mod ui_pty;
mod ui_screens;
mod web_fetch;
mod web_pages;
