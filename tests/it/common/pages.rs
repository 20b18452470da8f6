//! The page development set (`tests/data/pages/`): each page's text and what its `.expect`
//! file says a reader should get from it. The format is described in the set's README.

use std::path::{Path, PathBuf};

/// Where the pages are.
pub const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/pages");

/// A quote the page holds: its speaker and role (`None` for `-`) and its exact words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedQuote {
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub text: String,
}

/// One page and its expectations.
#[derive(Debug, Clone)]
pub struct Page {
    /// The file name without `.txt`.
    pub name: String,
    pub path: PathBuf,
    pub text: String,
    /// `en`, `fr`, … or `zh-Hans` / `zh-Hant`.
    pub lang: String,
    pub title: String,
    /// The author names, `None` for `-`.
    pub byline: Option<String>,
    pub meta: Vec<String>,
    pub junk: Vec<String>,
    pub quotes: Vec<ExpectedQuote>,
    /// Quoted spans that are not speech.
    pub notquotes: Vec<String>,
}

/// `-` means "none".
fn given(s: &str) -> Option<String> {
    let s = s.trim();
    (s != "-" && !s.is_empty()).then(|| s.to_string())
}

/// Parses one `.expect` file for the page `name` with text `text`.
///
/// # Panics
/// On a line the format does not have: the set is ours and must be well-formed.
#[must_use]
pub fn parse(name: &str, path: PathBuf, text: String, expect: &str) -> Page {
    let mut page = Page {
        name: name.to_string(),
        path,
        text,
        lang: String::new(),
        title: String::new(),
        byline: None,
        meta: Vec::new(),
        junk: Vec::new(),
        quotes: Vec::new(),
        notquotes: Vec::new(),
    };
    for line in expect.lines().filter(|l| !l.trim().is_empty()) {
        let (key, value) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("{name}: no key in {line:?}"));
        let value = value.strip_prefix(' ').unwrap_or(value);
        match key {
            "lang" => page.lang = value.trim().to_string(),
            "title" => page.title = value.to_string(),
            "byline" => page.byline = given(value),
            "meta" => page.meta.push(value.to_string()),
            "junk" => page.junk.push(value.to_string()),
            "notquote" => page.notquotes.push(value.to_string()),
            "quote" => {
                let mut f = value.splitn(3, " | ");
                let (Some(speaker), Some(role), Some(text)) = (f.next(), f.next(), f.next()) else {
                    panic!("{name}: quote needs SPEAKER | ROLE | TEXT: {line:?}");
                };
                page.quotes.push(ExpectedQuote {
                    speaker: given(speaker),
                    role: given(role),
                    text: text.to_string(),
                });
            }
            _ => panic!("{name}: unknown key {key:?}"),
        }
    }
    page
}

/// Every page of the set, by name.
///
/// # Panics
/// When the set cannot be read.
#[must_use]
pub fn all() -> Vec<Page> {
    let mut names: Vec<String> = std::fs::read_dir(DIR)
        .expect("tests/data/pages")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "txt").then(|| p.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|n| {
            let path = Path::new(DIR).join(format!("{n}.txt"));
            let text = std::fs::read_to_string(&path).expect("page text");
            let expect =
                std::fs::read_to_string(Path::new(DIR).join(format!("{n}.expect"))).expect(n);
            parse(n, path, text, &expect)
        })
        .collect()
}

/// The page languages in a fixed order, for reports.
pub const LANGS: [&str; 9] = [
    "en", "fr", "id", "es", "pt", "de", "zh-Hans", "zh-Hant", "ja",
];
