//! Loading documents for a subcommand: warnings to stderr, a progress bar for big loads.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::corpus::load::{Progress, load_with};
use crate::corpus::{Corpus, LoadOptions};
use crate::sanitize::sanitize_inline;

use super::Failure;

/// Loads at least this many files before a progress bar is worth showing.
const PROGRESS_MIN_FILES: usize = 200;

/// Loads documents, printing each input that cannot be read and each warning to stderr as
/// one line. The command then runs on what loaded, and ends with [`done`].
///
/// # Errors
/// A [`Failure`] (exit code 2, already reported) when inputs were named and none could be
/// read.
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Result<Corpus, Failure> {
    let show_bar = std::io::stderr().is_terminal();
    let mut bar: Option<indicatif::ProgressBar> = None;
    let mut fetch_bar: Option<indicatif::ProgressBar> = None;
    let mut on_progress = |p: Progress| {
        if p.fetching {
            if show_bar {
                let b = fetch_bar
                    .get_or_insert_with(|| bar_of(p.total, "fetching {bar:40} {pos}/{len} pages"));
                b.set_position(p.done as u64);
            }
            return;
        }
        if let Some(b) = fetch_bar.take() {
            b.finish_and_clear();
        }
        if !show_bar || p.total < PROGRESS_MIN_FILES {
            return;
        }
        let b = bar.get_or_insert_with(|| bar_of(p.total, "loading {bar:40} {pos}/{len} files"));
        b.set_position(p.done as u64);
    };
    let corpus = load_with(paths, opts, &mut on_progress);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for f in &corpus.failed {
        super::say(&format!("dossier: {}", sanitize_inline(&f.to_string())));
    }
    for w in &corpus.warnings {
        super::say(&format!(
            "dossier: warning: {}",
            sanitize_inline(&w.to_string())
        ));
    }
    if corpus.docs.is_empty() && !corpus.failed.is_empty() && corpus.warnings.is_empty() {
        return Err(Failure::reported(2));
    }
    Ok(corpus)
}

/// A progress bar on standard error, counting to `total`.
fn bar_of(total: usize, template: &str) -> indicatif::ProgressBar {
    let b = indicatif::ProgressBar::with_draw_target(
        Some(total as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    b.set_style(
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    b
}

/// The end of a command that ran on `corpus`: exit code 2 when an input could not be read
/// (its line was printed by [`load`]), so scripts see that something is missing.
///
/// # Errors
/// That [`Failure`], already reported.
pub fn done(corpus: &Corpus) -> Result<(), Failure> {
    if corpus.failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::reported(2))
    }
}

/// Checks, before a terminal is taken over, that at least one named path can be opened: the
/// reader then shows why any other could not.
///
/// # Errors
/// A [`Failure`] naming each path that cannot be read, when none can.
pub fn check_paths(paths: &[PathBuf]) -> Result<(), Failure> {
    // Web addresses are fetched once the reader is open, which shows why one failed.
    let is_url = |p: &PathBuf| p.to_str().is_some_and(crate::corpus::fetch::is_url);
    let named: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-" && !is_url(p))
        .collect();
    let why = |p: &PathBuf| -> Option<String> {
        let opened = std::fs::metadata(p).and_then(|meta| {
            if meta.is_dir() {
                std::fs::read_dir(p).map(drop)
            } else {
                std::fs::File::open(p).map(drop)
            }
        });
        opened
            .err()
            .map(|e| format!("cannot read '{}': {}", p.display(), io_reason(&e)))
    };
    let failures: Vec<String> = named.iter().filter_map(|p| why(p)).collect();
    if named.is_empty() || failures.len() < named.len() || paths.len() > named.len() {
        return Ok(());
    }
    Err(Failure::usage(failures.join("; ")))
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
