//! Loading documents for a subcommand: warnings to stderr, a progress bar for big loads.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::corpus::load::{Progress, load_with};
use crate::corpus::{Corpus, LoadOptions};
use crate::sanitize::sanitize_inline;

use super::Failure;

/// Loads at least this many files before a progress bar is worth showing.
const PROGRESS_MIN_FILES: usize = 200;

/// Loads documents, printing each warning to stderr as one line.
///
/// # Errors
/// A [`Failure`] with exit code 2 when a path cannot be read.
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Result<Corpus, Failure> {
    let show_bar = std::io::stderr().is_terminal();
    let mut bar: Option<indicatif::ProgressBar> = None;
    let mut on_progress = |p: Progress| {
        if !show_bar || p.total < PROGRESS_MIN_FILES {
            return;
        }
        let b = bar.get_or_insert_with(|| {
            let b = indicatif::ProgressBar::with_draw_target(
                Some(p.total as u64),
                indicatif::ProgressDrawTarget::stderr(),
            );
            b.set_style(
                indicatif::ProgressStyle::with_template("loading {bar:40} {pos}/{len} files")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            b
        });
        b.set_position(p.done as u64);
    };
    let corpus = load_with(paths, opts, &mut on_progress);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let corpus = corpus?;
    for w in &corpus.warnings {
        eprintln!("dossier: warning: {}", sanitize_inline(&w.to_string()));
    }
    Ok(corpus)
}

/// Checks that every named path exists and can be opened, before a terminal is taken over.
///
/// # Errors
/// A [`Failure`] naming the first path that cannot be read.
pub fn check_paths(paths: &[PathBuf]) -> Result<(), Failure> {
    for p in paths.iter().filter(|p| p.as_os_str() != "-") {
        let meta = std::fs::metadata(p).map_err(|e| {
            Failure::usage(format!("cannot read '{}': {}", p.display(), io_reason(&e)))
        })?;
        if meta.is_file() {
            std::fs::File::open(p).map_err(|e| {
                Failure::usage(format!("cannot read '{}': {}", p.display(), io_reason(&e)))
            })?;
        } else if meta.is_dir() {
            std::fs::read_dir(p).map_err(|e| {
                Failure::usage(format!("cannot read '{}': {}", p.display(), io_reason(&e)))
            })?;
        }
    }
    Ok(())
}

fn io_reason(e: &std::io::Error) -> String {
    crate::corpus::load::reason(e)
}

/// Finds a document by the id, prefix or position the user typed.
///
/// # Errors
/// A [`Failure`] listing the ids when nothing matches.
pub fn find_doc(corpus: &Corpus, key: &str) -> Result<usize, Failure> {
    corpus.find(key).ok_or_else(|| {
        let starting: Vec<&str> = corpus
            .docs
            .iter()
            .map(|d| d.id.as_str())
            .filter(|id| id.starts_with(key))
            .take(20)
            .collect();
        if starting.len() > 1 {
            return Failure::usage(format!(
                "'{key}' is the start of several document ids: {}",
                starting.join(", ")
            ));
        }
        let ids: Vec<&str> = corpus.docs.iter().map(|d| d.id.as_str()).take(20).collect();
        Failure::usage(format!("no document '{key}' (ids: {})", ids.join(", ")))
    })
}
