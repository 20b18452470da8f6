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

use crate::ui::supervise::Supervision;

use crate::sanitize::sanitize_inline;

/// A failure that ends the program with a message and an exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
    /// The reader of our output went away (`dossier list | head`): not worth a word.
    pub broken_pipe: bool,
}

impl Failure {
    /// A usage-level failure (exit code 2): bad input, missing path, unknown document.
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            code: 2,
            message: message.into(),
            broken_pipe: false,
        }
    }

    /// A failure whose lines were printed as it happened: only its exit code is left.
    #[must_use]
    pub const fn reported(code: u8) -> Self {
        Self {
            code,
            message: String::new(),
            broken_pipe: false,
        }
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Self {
            code: 1,
            message: format!("write error: {e}"),
            broken_pipe: e.kind() == io::ErrorKind::BrokenPipe,
        }
    }
}

/// Writes one line to standard error. A standard error that cannot be written to (closed, or
/// a full disk) has no one to tell, so the line is dropped rather than ending the program.
pub fn say(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// Runs dossier with the process's arguments and returns its exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // The reader writes nothing here: it draws through its own handle, and when its terminal
    // went away a flush of standard output could only fail.
    let reader = cli.command.is_none();
    let result = run(cli, &mut out).and_then(|()| {
        if reader {
            Ok(())
        } else {
            out.flush().map_err(Failure::from)
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) if f.broken_pipe => ExitCode::SUCCESS,
        Err(f) if f.message.is_empty() => ExitCode::from(f.code),
        Err(f) => {
            // Messages can quote paths and document ids, which come from outside.
            say(&format!("dossier: {}", sanitize_inline(&f.message)));
            ExitCode::from(f.code)
        }
    }
}

/// Prints what clap has to say (help, the version, or a usage error) and gives its exit code.
/// A usage error quotes the arguments, which can be file names holding terminal escapes
/// (`dossier search x *`), so every line goes through the sanitizer; clap's colours are left
/// out with them.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let text = e.render().to_string();
    let clean: Vec<String> = text.lines().map(crate::sanitize::sanitize).collect();
    let clean = clean.join("\n");
    if e.use_stderr() {
        say(clean.trim_end());
    } else {
        let _ = writeln!(io::stdout().lock(), "{}", clean.trim_end());
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// Runs one parsed command line, writing its output to `out`.
///
/// # Errors
/// A [`Failure`] with the message and exit code to report.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    match cli.command {
        None => open_reader(&cli.inputs),
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

fn open_reader(given: &args::Inputs) -> Result<(), Failure> {
    let paths = &given.paths;
    // A terminal that cannot move its cursor would get escape sequences it prints as text.
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Err(Failure::usage(
            "the reader needs a terminal that can move its cursor, and TERM is 'dumb'; use a subcommand such as 'dossier list' or 'dossier show 000' (see 'dossier --help')",
        ));
    }
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
    inputs::check_paths(paths)?;
    // The reader runs in a child process, so that even an abort gives the terminal back.
    match crate::ui::supervise::supervise() {
        Supervision::RunHere => {}
        Supervision::Ended { code: 0, .. } => return Ok(()),
        Supervision::Ended {
            code,
            problem: None,
        } => return Err(Failure::reported(code)),
        Supervision::Ended {
            code,
            problem: Some(message),
        } => {
            return Err(Failure {
                code,
                message,
                broken_pipe: false,
            });
        }
    }
    let options = given.options();
    let told = crate::ui::run(paths.clone(), options).map_err(|e| Failure {
        code: 1,
        message: format!("{e:#}"),
        broken_pipe: false,
    })?;
    if let Some(problem) = told {
        say(&format!("dossier: {}", sanitize_inline(&problem)));
    }
    Ok(())
}
