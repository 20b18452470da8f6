//! The command line, declared once with clap: parsing, `--help`, completions and the man page
//! all come from these types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Read multilingual source documents side by side: sources, reader, figures and fuzzy search.
///
/// With no subcommand, dossier opens the terminal reader on PATHs (files, folders searched
/// recursively for .txt, .md, .html, .htm and extensionless files, web addresses, or - for
/// standard input). With no PATH it opens the bundled seed documents.
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

    /// The reader's inputs, as every subcommand's.
    #[command(flatten)]
    pub inputs: Inputs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the documents: id, language, title, words and sentences.
    List(ListArgs),
    /// Print one document's text, sanitized and wrapped by display width.
    Show(ShowArgs),
    /// List the figures (counts, money, percentages, dates...) of every document, or group
    /// them across sources with --group.
    Figures(FiguresArgs),
    /// Fuzzy-search titles, sentences, quotes and figures; print ranked hits.
    Search(SearchArgs),
    /// List quoted speech and who said it.
    Quotes(QuotesArgs),
    /// Print shell completions for bash, zsh, fish, elvish or powershell.
    Completions(CompletionsArgs),
    /// Print the man page (roff) generated from this command line, or a subcommand's.
    Man(ManArgs),
}

/// Inputs shared by every subcommand that reads documents.
#[derive(Debug, Args)]
pub struct Inputs {
    /// Files, folders, web addresses (http:// or https://), or - for standard input
    /// [default: the bundled seeds]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read web addresses from the cache only, fetching nothing
    #[arg(long)]
    pub offline: bool,

    /// Keep a feed item's summary instead of fetching the page it links to
    #[arg(long)]
    pub no_follow: bool,

    /// Give up on a web address after this many seconds
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,

    /// Skip any input larger than this many MiB, with a warning
    #[arg(long, value_name = "MIB", default_value_t = DEFAULT_MAX_MIB, value_parser = max_size())]
    pub max_size: u64,
}

impl Inputs {
    /// How to load these inputs.
    #[must_use]
    pub fn options(&self) -> crate::corpus::LoadOptions {
        crate::corpus::LoadOptions {
            max_bytes: mib_to_bytes(self.max_size),
            fetch: crate::corpus::fetch::FetchOptions {
                offline: self.offline,
                timeout: std::time::Duration::from_secs(self.timeout),
                cache: None,
            },
            follow_links: !self.no_follow,
            ..crate::corpus::LoadOptions::default()
        }
    }
}

/// `--timeout` unless given: the fetcher's default.
const DEFAULT_TIMEOUT_SECS: u64 = crate::corpus::fetch::DEFAULT_TIMEOUT.as_secs();

/// `--max-size` unless given: the loader's default, in MiB.
const DEFAULT_MAX_MIB: u64 = (crate::corpus::load::DEFAULT_MAX_BYTES >> 20) as u64;

/// `--max-size` takes 1 MiB up to the largest document the loader takes.
fn max_size() -> clap::builder::RangedU64ValueParser {
    clap::value_parser!(u64).range(1..=(crate::corpus::load::LARGEST >> 20) as u64)
}

/// `mib` MiB in bytes, or as many as this machine can count.
fn mib_to_bytes(mib: u64) -> usize {
    usize::try_from(mib.saturating_mul(1 << 20)).unwrap_or(usize::MAX)
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
    /// Wrap width in display columns, 0 for no wrapping [default: the terminal's width, else 80]
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,
    /// Only the paragraphs that count: no boilerplate, no repeats
    #[arg(long)]
    pub body: bool,
}

#[derive(Debug, Args)]
pub struct FiguresArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Read every document as this language (fr, id, en, zh, es...) instead of detecting it
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// One row per group of figures stating the same fact across documents
    #[arg(long)]
    pub group: bool,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print (dossier-list(1) is `dossier man list`)
    pub command: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate completions for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Which kind of unit `search --kind` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Title,
    Sentence,
    Quote,
    Figure,
}

/// Which fuzzy matcher `search --matcher` uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum MatcherArg {
    /// nucleo-matcher (fzf's algorithm; the default).
    #[default]
    Nucleo,
    /// fuzzy-matcher's SkimMatcherV2.
    Skim,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query in fzf's extended syntax: terms must all match; 'exact, ^prefix, suffix$, !not
    /// (put -- before a query starting with -)
    #[arg(value_name = "QUERY")]
    pub query: String,
    #[command(flatten)]
    pub inputs: Inputs,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Most hits to print; 0 prints every hit
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Only hits of this kind (repeat for several)
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Vec<KindArg>,
    /// Fuzzy matcher
    #[arg(long, value_enum, default_value_t)]
    pub matcher: MatcherArg,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Only quotes whose speaker's name holds NAME (ignoring case and accents)
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
}
