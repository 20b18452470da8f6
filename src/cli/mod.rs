//! The command line: parse arguments, load documents, run a subcommand or the reader.
//!
//! Every subcommand lives in its own file and writes to a `dyn Write`, so tests can run it
//! in-process and a closed pipe (`dossier list | head`) ends the program quietly.

pub mod args;
pub mod figures;
pub mod inputs;
pub mod list;
pub mod output;
pub mod quotes;
pub mod search;
pub mod show;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

pub use args::{Cli, Command, Format};

use crate::sanitize::sanitize_inline;

/// A failure that ends the program with a message and an exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// A usage-level failure (exit code 2): bad input, missing path, unknown document.
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            code: 2,
            message: message.into(),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Self {
            code: 1,
            message: format!("write error: {e}"),
        }
    }
}

impl From<crate::corpus::LoadError> for Failure {
    fn from(e: crate::corpus::LoadError) -> Self {
        Self::usage(e.to_string())
    }
}

/// Runs dossier with the process's arguments and returns its exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(cli, &mut out).and_then(|()| out.flush().map_err(Failure::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) if f.message.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(f) => {
            // Messages can quote paths and document ids, which come from outside.
            eprintln!("dossier: {}", sanitize_inline(&f.message));
            ExitCode::from(f.code)
        }
    }
}

/// Runs one parsed command line, writing its output to `out`.
///
/// # Errors
/// A [`Failure`] with the message and exit code to report.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    match cli.command {
        None => open_reader(cli.paths),
        Some(Command::List(a)) => list::run(&a, out),
        Some(Command::Show(a)) => show::run(&a, out),
        Some(Command::Figures(a)) => figures::run(&a, out),
        Some(Command::Search(a)) => search::run(&a, out),
        Some(Command::Quotes(a)) => quotes::run(&a, out),
        Some(Command::Completions(a)) => {
            clap_complete::generate(a.shell, &mut Cli::command(), "dossier", out);
            Ok(())
        }
        Some(Command::Man(a)) => man_page(a.command.as_deref(), out),
    }
}

/// The man page of dossier, or of one subcommand (`dossier-search(1)`).
fn man_page(command: Option<&str>, out: &mut dyn Write) -> Result<(), Failure> {
    let mut cmd = Cli::command();
    // Building names each subcommand's page as the main page refers to it: dossier-search.
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => cmd.find_subcommand(name).cloned().ok_or_else(|| {
            Failure::usage(format!("no subcommand '{name}' (see 'dossier --help')"))
        })?,
    };
    clap_mangen::Man::new(page)
        .render(out)
        .map_err(Failure::from)
}

fn open_reader(paths: Vec<std::path::PathBuf>) -> Result<(), Failure> {
    if !io::stdout().is_terminal() {
        return Err(Failure::usage(
            "standard output is not a terminal; use a subcommand such as 'dossier list' or 'dossier show 000' (see 'dossier --help')",
        ));
    }
    // The reader takes its keys from the terminal: text cannot come from it as well.
    if paths.iter().any(|p| p.as_os_str() == "-") && io::stdin().is_terminal() {
        return Err(Failure::usage(
            "cannot read '-': standard input is a terminal; pipe text in instead (cat FILE | dossier -)",
        ));
    }
    inputs::check_paths(&paths)?;
    crate::ui::run(paths, crate::ui::Options::default()).map_err(|e| Failure {
        code: 1,
        message: format!("{e:#}"),
    })
}
