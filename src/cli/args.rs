//! The command line, declared once with clap: parsing, `--help`, completions and the man page
//! all come from these types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Read multilingual source documents side by side: sources, reader, figures and fuzzy search.
///
/// With no subcommand, dossier opens the terminal reader on PATHs (files, folders searched
/// recursively for .txt, .md and extensionless files, or - for standard input). With no PATH it
/// opens the bundled seed documents.
#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about,
    long_about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files, folders, or - for standard input [default: the bundled seeds]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the documents: id, language, title, words and sentences.
    List(ListArgs),
    /// Print one document's text, sanitized and wrapped by display width.
    Show(ShowArgs),
    /// Print shell completions for bash, zsh or fish.
    Completions(CompletionsArgs),
    /// Print the man page (roff) generated from this command line.
    Man,
}

/// Inputs shared by every subcommand that reads documents.
#[derive(Debug, Args)]
pub struct Inputs {
    /// Files, folders, or - for standard input [default: the bundled seeds]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// How listings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// One JSON object per line, for programs.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Document id (000), unique id prefix, or 1-based position
    #[arg(value_name = "DOC")]
    pub doc: String,
    #[command(flatten)]
    pub inputs: Inputs,
    /// Wrap width in display columns [default: the terminal's width, else 80]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate completions for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
