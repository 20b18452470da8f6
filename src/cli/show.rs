//! `dossier show`: one document's text, sanitized and wrapped by display width.

use std::io::{IsTerminal, Write};

use super::args::ShowArgs;
use super::{Failure, inputs};
use crate::wrap::wrap_line;

/// Width used when stdout is not a terminal and no `--width` is given.
const DEFAULT_WIDTH: usize = 80;

/// Runs `show`.
///
/// # Errors
/// A [`Failure`] when loading fails, the document is unknown, or writing fails.
pub fn run(args: &ShowArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let corpus = inputs::load(&args.inputs.paths, &args.inputs.options())?;
    let doc = &corpus.docs[inputs::find_doc(&corpus, &args.doc)?];
    let width = args.width.map_or_else(terminal_width, usize::from);
    for line in doc.text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        for row in wrap_line(line, width) {
            writeln!(out, "{}", row.trim_end())?;
        }
    }
    inputs::done(&corpus)
}

fn terminal_width() -> usize {
    if std::io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(DEFAULT_WIDTH, |(w, _)| usize::from(w).max(1))
    } else {
        DEFAULT_WIDTH
    }
}
