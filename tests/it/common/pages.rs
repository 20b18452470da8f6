//! The page development set in `tests/data/pages/`: each `NAME.txt` with its `NAME.expect`
//! (format in the set's README).

use std::path::Path;

/// A quote the page expects: its speaker and role (`None` for `-`) and its words.
#[derive(Debug, Clone)]
pub struct ExpectedQuote {
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub text: String,
}

/// One page and what a reader expects of it. Texts of `meta`, `junk` and quotes are
/// whitespace-normalised.
#[derive(Debug, Clone)]
pub struct Page {
    pub name: String,
    pub text: String,
    pub lang: String,
    pub title: String,
    pub byline: String,
    pub meta: Vec<String>,
    pub junk: Vec<String>,
    pub quotes: Vec<ExpectedQuote>,
    pub not_quotes: Vec<String>,
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn dash(s: &str) -> Option<String> {
    let s = s.trim();
    (s != "-" && !s.is_empty()).then(|| s.to_string())
}

/// Every page of the set, sorted by name.
#[must_use]
pub fn pages() -> Vec<Page> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/data/pages")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".expect").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 40, "the set has {} pages", names.len());
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("page");
            let expect =
                std::fs::read_to_string(dir.join(format!("{name}.expect"))).expect("expect");
            let mut page = Page {
                name,
                text,
                lang: String::new(),
                title: String::new(),
                byline: String::new(),
                meta: Vec::new(),
                junk: Vec::new(),
                quotes: Vec::new(),
                not_quotes: Vec::new(),
            };
            for line in expect.lines() {
                let Some((key, value)) = line.split_once(':') else {
                    continue;
                };
                let value = value.trim();
                match key {
                    "lang" => page.lang = value.to_string(),
                    "title" => page.title = norm(value),
                    "byline" => page.byline = norm(value),
                    "meta" => page.meta.push(norm(value)),
                    "junk" => page.junk.push(norm(value)),
                    "notquote" => page.not_quotes.push(norm(value)),
                    "quote" => {
                        let mut parts = value.splitn(3, " | ");
                        let speaker = parts.next().and_then(dash);
                        let role = parts.next().and_then(dash);
                        let text = norm(parts.next().unwrap_or_default());
                        page.quotes.push(ExpectedQuote {
                            speaker,
                            role,
                            text,
                        });
                    }
                    _ => panic!("{}: unknown key {key}", page.name),
                }
            }
            page
        })
        .collect()
}
