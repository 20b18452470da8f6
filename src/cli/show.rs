//! `dossier show`: one document's text, or only the paragraphs that count, sanitized and
//! wrapped by display width.

use std::io::{IsTerminal, Write};

use super::args::ShowArgs;
use super::{Failure, inputs};
use crate::sanitize::sanitize;
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
    if args.body {
        let counted = doc.paragraphs.iter().filter(|p| p.kind.counts());
        for (n, p) in counted.enumerate() {
            if n > 0 {
                writeln!(out)?;
            }
            print_lines(out, doc.slice(&p.range), width)?;
        }
    } else {
        print_lines(out, &doc.text, width)?;
    }
    inputs::done(&corpus)
}

/// Prints `text` line by line, sanitized, wrapped at `width` columns (0: not wrapped).
fn print_lines(out: &mut dyn Write, text: &str, width: usize) -> std::io::Result<()> {
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if width == 0 {
            writeln!(out, "{}", sanitize(line).trim_end())?;
            continue;
        }
        for row in wrap_line(line, width) {
            writeln!(out, "{}", row.trim_end())?;
        }
    }
    Ok(())
}

fn terminal_width() -> usize {
    if std::io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(DEFAULT_WIDTH, |(w, _)| usize::from(w).max(1))
    } else {
        DEFAULT_WIDTH
    }
}
