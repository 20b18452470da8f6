//! Turning paths (files, folders, `-`) into a [`Corpus`].

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::Keep;
use super::decode::{self, Encoding, NotText};
use super::document::{Document, Meta, Origin, ParagraphKind};
use super::fetch::{self, FetchOptions};
use super::lang::Lang;
use super::layout::{Layout, LayoutBuilder};
use super::seeds::SEEDS;
use super::{feed, html};

/// An input that could not be read at all: a named path that is missing, a file without
/// permission, one deleted while the folder was read, a read error. The other inputs still
/// load.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Prints as `cannot read 'PATH': REASON`.
    #[error("cannot read '{path}': {reason}")]
    Read { path: String, reason: String },
    /// Prints as `cannot fetch 'URL': REASON`.
    #[error("cannot fetch '{url}': {reason}")]
    Fetch { url: String, reason: String },
}

/// A non-fatal problem with one input, shown to the user and then skipped or worked around.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "'{}': {}", self.path, self.message)
    }
}

/// How to load.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Use this language for every document instead of detecting it.
    pub lang: Option<Lang>,
    /// Analyse only the paragraphs this selects (see [`Document::from_text_with`]).
    pub focus: Option<Focus>,
    /// The most bytes one input may have; a larger one is skipped with a warning.
    pub max_bytes: usize,
    /// How web addresses are fetched.
    pub fetch: FetchOptions,
    /// Fetch the linked page of a feed item that has only a summary.
    pub follow_links: bool,
}

/// [`LoadOptions::max_bytes`] unless told otherwise: 256 MiB.
pub const DEFAULT_MAX_BYTES: usize = 256 << 20;

/// The most bytes any input may have, whatever [`LoadOptions::max_bytes`] says: just under
/// 4 GiB, so that every offset into a document fits in 32 bits, as the figures and the search
/// index keep them.
pub const LARGEST: usize = u32::MAX as usize;

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            lang: None,
            focus: None,
            max_bytes: DEFAULT_MAX_BYTES,
            fetch: FetchOptions::default(),
            follow_links: true,
        }
    }
}

/// Which paragraphs of a document to analyse, for a caller that needs only some of them (a
/// one-shot search): those a test keeps, and the neighbours that the extractors of a kept
/// paragraph read with it. The corpus adds what its own analysis reads (the top of the
/// document, for the language and the title). Shared by the threads that analyse a document.
#[derive(Clone)]
pub struct Focus {
    keep: std::sync::Arc<dyn Fn(&str) -> bool + Send + Sync>,
    same_for_repeats: bool,
    serves: fn(&str) -> Serves,
}

/// Which neighbour of a paragraph it may serve, as an attribution line serves the block quote
/// before it: it is then analysed whenever that neighbour is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Serves {
    pub previous: bool,
    pub next: bool,
}

impl Focus {
    /// The paragraphs `keep` keeps, each with the neighbours that `serves` says serve it.
    #[must_use]
    pub fn new(
        keep: impl Fn(&str) -> bool + Send + Sync + 'static,
        serves: fn(&str) -> Serves,
    ) -> Self {
        Self {
            keep: std::sync::Arc::new(keep),
            same_for_repeats: false,
            serves,
        }
    }

    /// [`Focus::new`] for tests `keep` and `serves` that give the same answer for paragraphs
    /// that differ only in case and spacing, as a repeat and the paragraph it repeats do. A
    /// document loaded with it looks for repeats among the paragraphs it may analyse alone,
    /// not among all of them.
    #[must_use]
    pub fn same_for_repeats(
        keep: impl Fn(&str) -> bool + Send + Sync + 'static,
        serves: fn(&str) -> Serves,
    ) -> Self {
        Self {
            same_for_repeats: true,
            ..Self::new(keep, serves)
        }
    }

    /// The test.
    pub fn keep(&self) -> &Keep {
        &*self.keep
    }

    /// Which neighbours paragraph `text` serves.
    #[must_use]
    pub fn serves(&self, text: &str) -> Serves {
        (self.serves)(text)
    }

    /// Whether this was made by [`Focus::same_for_repeats`].
    #[must_use]
    pub const fn is_same_for_repeats(&self) -> bool {
        self.same_for_repeats
    }
}

impl std::fmt::Debug for Focus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Focus")
    }
}

/// Progress of a load, reported to a callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// Counting web addresses fetched (which comes first), not inputs read.
    pub fetching: bool,
}

/// The loaded documents, in a stable order, and what went wrong along the way.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub docs: Vec<Document>,
    /// Inputs skipped or worked around (binary, invalid UTF-8, duplicates).
    pub warnings: Vec<Warning>,
    /// Inputs that could not be read or fetched, one each.
    pub failed: Vec<LoadError>,
}

impl Corpus {
    /// Every problem, one line each: the inputs that could not be read, then the warnings.
    pub fn problems(&self) -> impl Iterator<Item = String> + '_ {
        self.failed
            .iter()
            .map(ToString::to_string)
            .chain(self.warnings.iter().map(ToString::to_string))
    }

    /// Finds a document by id (exact, then unique prefix) or 1-based position.
    #[must_use]
    pub fn find(&self, key: &str) -> Option<usize> {
        if let Some(i) = self.docs.iter().position(|d| d.id == key) {
            return Some(i);
        }
        let prefixed: Vec<usize> = self
            .docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.id.starts_with(key))
            .map(|(i, _)| i)
            .collect();
        if prefixed.len() == 1 {
            return Some(prefixed[0]);
        }
        key.parse::<usize>()
            .ok()
            .filter(|&n| n >= 1 && n <= self.docs.len())
            .map(|n| n - 1)
    }
}

/// One thing to read.
enum Input {
    Seed(&'static str, &'static [u8]),
    File(PathBuf),
    Stdin,
    /// A web address: the index of its response among those fetched first.
    Url(usize),
}

/// Loads the given paths, or the embedded seeds when there are none. An input that cannot be
/// read is listed in [`Corpus::failed`] and the others load.
#[must_use]
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Corpus {
    load_with(paths, opts, &mut |_| {})
}

/// [`load`] with a progress callback, called after each input.
pub fn load_with(
    paths: &[PathBuf],
    opts: &LoadOptions,
    progress: &mut dyn FnMut(Progress),
) -> Corpus {
    let mut corpus = Corpus::default();
    let (inputs, urls) = collect_inputs(paths, &mut corpus.failed);
    let total = inputs.len();
    let mut responses = fetch::fetch_all(&urls, &opts.fetch, &mut |done| {
        progress(Progress {
            done,
            total: urls.len(),
            fetching: true,
        });
    })
    .into_iter()
    .map(Some)
    .collect::<Vec<_>>();
    let mut docs = Added::default();
    for (n, input) in inputs.into_iter().enumerate() {
        // Files and standard input are checked, split into paragraphs and hashed as they are
        // read (see `decode::read_decoded`); web pages are read whole, then their article.
        let mut follow = LayoutBuilder::default();
        let (origin, got) = match input {
            Input::Seed(name, bytes) => (
                Origin::Seed(name.to_string()),
                Ok(Got::Text(decode::decode_owned(bytes.to_vec()))),
            ),
            Input::File(p) => {
                let read = std::fs::File::open(&p)
                    .and_then(|f| read_file(f, &p, opts.max_bytes.min(LARGEST), &mut follow));
                (Origin::File(p), read)
            }
            Input::Stdin => {
                let stdin = &mut std::io::stdin().lock();
                (
                    Origin::Stdin,
                    read_stdin(stdin, opts.max_bytes.min(LARGEST), &mut follow),
                )
            }
            Input::Url(i) => {
                let url = urls[i].clone();
                match responses[i]
                    .take()
                    .unwrap_or_else(|| Err("not fetched".into()))
                {
                    Ok(response) => (Origin::Url(url), Ok(got_of_response(&response))),
                    Err(reason) => {
                        corpus.failed.push(LoadError::Fetch { url, reason });
                        progress(Progress {
                            done: n + 1,
                            total,
                            fetching: false,
                        });
                        continue;
                    }
                }
            }
        };
        let got = match got {
            Ok(got) => got,
            Err(e) => {
                corpus.failed.push(LoadError::Read {
                    path: origin.display(),
                    reason: reason(&e),
                });
                progress(Progress {
                    done: n + 1,
                    total,
                    fetching: false,
                });
                continue;
            }
        };
        let shown = origin.display();
        if let Got::Feed(bytes) = got {
            for new in feed_items(&origin, &bytes, opts, &mut corpus.warnings) {
                if let Err(w) = docs.add(&mut corpus.docs, new, opts) {
                    corpus.warnings.push(w);
                }
            }
            progress(Progress {
                done: n + 1,
                total,
                fetching: false,
            });
            continue;
        }
        let is_page = matches!(got, Got::Page(_));
        let (decoded, meta, page_lang) = match got {
            Got::Text(decoded) => (decoded, Meta::default(), None),
            Got::Page(Ok(page)) => {
                if page.too_deep {
                    corpus.warnings.push(Warning {
                        path: shown.clone(),
                        message: format!(
                            "not read: elements nested more than {} deep",
                            html::MAX_DEPTH
                        ),
                    });
                }
                if page.had_errors {
                    corpus.warnings.push(Warning {
                        path: shown.clone(),
                        message: format!(
                            "bytes not valid in {} replaced with U+FFFD",
                            page.encoding
                        ),
                    });
                }
                let lang = page.lang.as_deref().and_then(stated_lang);
                let decoded = Ok(decode::Decoded {
                    text: page.text,
                    encoding: Encoding::Utf8,
                    replaced_bytes: 0,
                });
                follow = LayoutBuilder::default();
                (decoded, page.meta, lang)
            }
            Got::Page(Err(why)) => (Err(why), Meta::default(), None),
            Got::Feed(_) => continue,
        };
        let decoded = match decoded {
            Ok(d) => d,
            Err(why) => {
                corpus.warnings.push(Warning {
                    path: shown,
                    message: format!("skipped: {why}"),
                });
                progress(Progress {
                    done: n + 1,
                    total,
                    fetching: false,
                });
                continue;
            }
        };
        if decoded.replaced_bytes > 0 {
            let enc = match decoded.encoding {
                Encoding::Utf16Le | Encoding::Utf16Be => "UTF-16",
                Encoding::Utf8 | Encoding::Utf8Bom => "UTF-8",
            };
            corpus.warnings.push(Warning {
                path: shown.clone(),
                message: format!(
                    "{} invalid {enc} byte(s) replaced with U+FFFD",
                    decoded.replaced_bytes
                ),
            });
        }
        let layout = follow
            .finish(&decoded.text)
            .unwrap_or_else(|| Layout::of(&decoded.text));
        let new = New {
            origin,
            text: decoded.text,
            layout,
            meta,
            lang: page_lang,
            is_page,
        };
        if let Err(w) = docs.add(&mut corpus.docs, new, opts) {
            corpus.warnings.push(w);
        }
        progress(Progress {
            done: n + 1,
            total,
            fetching: false,
        });
    }
    corpus
}

/// What was read from an input: text, a web page (or why it was not taken), or a feed's
/// bytes.
enum Got {
    Text(Result<decode::Decoded, NotText>),
    Page(Result<html::Page, NotText>),
    Feed(Vec<u8>),
}

/// A document to add, before its analysis.
struct New {
    origin: Origin,
    text: String,
    layout: Layout,
    meta: Meta,
    /// The language its source states.
    lang: Option<Lang>,
    /// A web page's article or a feed item, whose repeats count.
    is_page: bool,
}

/// The documents added so far, by content hash, and their ids.
#[derive(Default)]
struct Added {
    /// The hash is unseeded and only 64 bits: texts are compared byte for byte before one
    /// is called a copy of another.
    seen: HashMap<u64, Vec<usize>>,
    ids: HashSet<String>,
}

impl Added {
    /// Analyses `new` and adds it to `docs`, unless it is a copy of one there.
    fn add(
        &mut self,
        docs: &mut Vec<Document>,
        new: New,
        opts: &LoadOptions,
    ) -> Result<(), Warning> {
        let New {
            origin,
            text,
            layout,
            mut meta,
            lang,
            is_page,
        } = new;
        if let Some(first) = copy_of(&self.seen, docs, layout.hash, &text) {
            return Err(Warning {
                path: origin.display(),
                message: format!("same content as '{}', loaded once", first.origin.display()),
            });
        }
        self.seen.entry(layout.hash).or_default().push(docs.len());
        let id = unique_id(base_id(&origin), &mut self.ids);
        let mut doc = Document::from_layout(
            id,
            origin,
            text,
            layout,
            opts.lang.or(lang),
            opts.focus.as_ref(),
        );
        if is_page {
            keep_repeats(&mut doc);
        }
        if let (None, Origin::Url(u)) = (&meta.url, &doc.origin) {
            meta.url = Some(u.clone());
        }
        if let Some(title) = &meta.title {
            doc.title.clone_from(title);
        }
        // What the page's metadata says wins over a byline line read from its text.
        if meta.byline.is_some() {
            doc.byline.clone_from(&meta.byline);
        }
        doc.meta = meta;
        docs.push(doc);
        Ok(())
    }
}

/// The documents of a feed's items. An item that has only a summary gets its linked page's
/// article when that can be fetched (unless told not to follow links), else keeps its
/// summary with a warning naming the link.
fn feed_items(
    origin: &Origin,
    bytes: &[u8],
    opts: &LoadOptions,
    warnings: &mut Vec<Warning>,
) -> Vec<New> {
    let items = match feed::items(bytes) {
        Ok(items) => items,
        Err(why) => {
            warnings.push(Warning {
                path: origin.display(),
                message: format!("skipped: {why}"),
            });
            return Vec::new();
        }
    };
    let follow: Vec<String> = items
        .iter()
        .filter(|it| opts.follow_links && it.summary_only)
        .filter_map(|it| it.meta.url.clone())
        .filter(|u| fetch::is_url(u))
        .collect();
    let mut pages: HashMap<String, Result<fetch::Fetched, String>> = follow
        .iter()
        .cloned()
        .zip(fetch::fetch_all(&follow, &opts.fetch, &mut |_| {}))
        .collect();
    items
        .into_iter()
        .map(|item| {
            let mut meta = item.meta;
            let mut text = item.text;
            let mut lang = item.lang.as_deref().and_then(stated_lang);
            match meta.url.as_ref().and_then(|u| pages.remove(u)) {
                Some(Ok(response)) => {
                    if let Got::Page(Ok(page)) = got_of_response(&response) {
                        text = page.text;
                        lang = lang.or_else(|| page.lang.as_deref().and_then(stated_lang));
                        meta.byline = meta.byline.or(page.meta.byline);
                        meta.published = meta.published.or(page.meta.published);
                        meta.site = meta.site.or(page.meta.site);
                        meta.title = meta.title.or(page.meta.title);
                    }
                }
                Some(Err(why)) => warnings.push(Warning {
                    path: meta.url.clone().unwrap_or_default(),
                    message: format!("kept the feed's summary: {why}"),
                }),
                None => {}
            }
            let origin = meta
                .url
                .clone()
                .filter(|u| fetch::is_url(u))
                .map_or_else(|| origin.clone(), Origin::Url);
            let layout = Layout::of(&text);
            New {
                origin,
                text,
                layout,
                meta,
                lang,
                is_page: true,
            }
        })
        .collect()
}

/// Reads a file: a web page by its name or, for a name without extension, its first bytes.
fn read_file(
    mut f: std::fs::File,
    p: &Path,
    max: usize,
    follow: &mut LayoutBuilder,
) -> std::io::Result<Got> {
    use std::io::{Read as _, Seek as _};
    let unnamed = p.extension().is_none_or(|e| e.eq_ignore_ascii_case("xml"));
    let (mut page, mut is_feed) = (html::is_page_name(p), feed::is_feed_name(p));
    if unnamed {
        let mut start = Vec::with_capacity(html::SNIFF_BYTES);
        (&mut f)
            .take(html::SNIFF_BYTES as u64)
            .read_to_end(&mut start)?;
        f.rewind()?;
        page = html::sniff(&start);
        is_feed = feed::sniff(&start);
    }
    if is_feed {
        return Ok(match read_whole(&mut f, max)? {
            Ok(bytes) => Got::Feed(bytes),
            Err(why) => Got::Page(Err(why)),
        });
    }
    if page {
        return Ok(Got::Page(read_page(&mut f, max)?));
    }
    // Only a hint: a sparse file or a device may say anything.
    let size = f.metadata().map_or(0, |m| m.len());
    let size = usize::try_from(size).unwrap_or(0);
    Ok(Got::Text(decode::read_decoded(&mut f, size, max, follow)?))
}

/// What a response holds: a page (by its type, or its first bytes when the type says
/// nothing more precise), else text.
fn got_of_response(r: &fetch::Fetched) -> Got {
    let kind = r
        .content_type
        .as_deref()
        .map(|t| t.split(';').next().unwrap_or(t).trim().to_ascii_lowercase());
    let start = &r.body[..r.body.len().min(html::SNIFF_BYTES)];
    let page = match kind.as_deref() {
        Some("application/rss+xml" | "application/atom+xml" | "application/feed+json") => {
            return Got::Feed(r.body.clone());
        }
        Some("text/html" | "application/xhtml+xml") => true,
        Some("text/plain") => false,
        _ if feed::sniff(start) => return Got::Feed(r.body.clone()),
        _ => html::sniff(start),
    };
    if page {
        Got::Page(Ok(html::read(
            &r.body,
            r.content_type.as_deref(),
            Some(&r.url),
        )))
    } else {
        Got::Text(decode::decode_owned(r.body.clone()))
    }
}

/// Reads standard input: a web page when its first bytes say so.
fn read_stdin(
    stdin: &mut dyn std::io::BufRead,
    max: usize,
    follow: &mut LayoutBuilder,
) -> std::io::Result<Got> {
    let start = stdin.fill_buf()?;
    let start = &start[..start.len().min(html::SNIFF_BYTES)];
    if feed::sniff(start) {
        return Ok(match read_whole(stdin, max)? {
            Ok(bytes) => Got::Feed(bytes),
            Err(why) => Got::Page(Err(why)),
        });
    }
    if html::sniff(start) {
        return Ok(Got::Page(read_page(stdin, max)?));
    }
    Ok(Got::Text(decode::read_decoded(stdin, 0, max, follow)?))
}

/// Reads a whole page of at most `max` bytes and its article.
fn read_page(
    r: &mut dyn std::io::Read,
    max: usize,
) -> std::io::Result<Result<html::Page, NotText>> {
    Ok(read_whole(r, max)?.map(|bytes| html::read(&bytes, None, None)))
}

/// Reads all of an input of at most `max` bytes.
fn read_whole(r: &mut dyn std::io::Read, max: usize) -> std::io::Result<Result<Vec<u8>, NotText>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    r.take(u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() > max {
        return Ok(Err(NotText::TooLarge(max)));
    }
    Ok(Ok(bytes))
}

/// Makes a page's repeated paragraphs count again. In a text file a repeat is a scrape's
/// copy; a page's article was told apart by its structure, and a paragraph it repeats (the
/// same caption under two pictures, a refrain) is the page's own.
fn keep_repeats(doc: &mut Document) {
    for i in 0..doc.paragraphs.len() {
        if let ParagraphKind::Repeat(first) = doc.paragraphs[i].kind {
            doc.paragraphs[i].kind = doc.paragraphs[first as usize].kind;
        }
    }
}

/// The language a page states (`fr-CA`, `pt_BR`, `zh-Hant`), when dossier knows its code.
fn stated_lang(tag: &str) -> Option<Lang> {
    let primary = tag.split(['-', '_']).next()?.trim();
    (primary.len() == 2 || primary.len() == 3)
        .then(|| Lang::parse(primary))
        .flatten()
        .filter(|l| *l != Lang::UND)
}

/// The document among `docs` that `text` (whose hash is `hash`) is a copy of, if any:
/// `seen` lists the documents by hash, and only equal bytes make a copy.
fn copy_of<'a>(
    seen: &HashMap<u64, Vec<usize>>,
    docs: &'a [Document],
    hash: u64,
    text: &str,
) -> Option<&'a Document> {
    seen.get(&hash)?
        .iter()
        .filter_map(|&i| docs.get(i))
        .find(|d| *d.text == text)
}

/// The inputs `paths` name, in order: files, the files of folders, standard input. A path or
/// folder entry that cannot be read goes to `failed`.
fn collect_inputs(paths: &[PathBuf], failed: &mut Vec<LoadError>) -> (Vec<Input>, Vec<String>) {
    if paths.is_empty() {
        let seeds = SEEDS.iter().map(|&(n, b)| Input::Seed(n, b)).collect();
        return (seeds, Vec::new());
    }
    let mut inputs = Vec::new();
    let mut urls = Vec::new();
    for p in paths {
        if let Some(url) = p.to_str().filter(|s| fetch::is_url(s)) {
            inputs.push(Input::Url(urls.len()));
            urls.push(url.to_string());
            continue;
        }
        if p.as_os_str() == "-" {
            // Standard input can be read once: a second `-` would only add an empty document.
            if !inputs.iter().any(|i| matches!(i, Input::Stdin)) {
                inputs.push(Input::Stdin);
            }
            continue;
        }
        let meta = match std::fs::metadata(p) {
            Ok(meta) => meta,
            Err(e) => {
                failed.push(read_error(p, &e));
                continue;
            }
        };
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found, failed);
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(p.clone()));
        }
    }
    (inputs, urls)
}

/// Recursively collects text files and web pages under `dir`: `.txt`, `.md`, `.html`, `.htm`,
/// `.xhtml` and files with no extension.
/// Hidden entries are skipped and symlinked folders are not followed, so loops cannot happen.
/// A folder or entry that cannot be read goes to `failed`, once, and the walk goes on.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, failed: &mut Vec<LoadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            failed.push(read_error(dir, &e));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                failed.push(read_error(dir, &e));
                continue;
            }
        };
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(e) => {
                failed.push(read_error(&path, &e));
                continue;
            }
        };
        if kind.is_dir() {
            walk(&path, out, failed);
        } else if (kind.is_file() || kind.is_symlink() && path.is_file())
            && (is_text_name(&path) || html::is_page_name(&path) || feed::is_feed_name(&path))
        {
            out.push(path);
        }
    }
}

fn is_text_name(p: &Path) -> bool {
    match p.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(e) => matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "md" | "markdown" | "text"
        ),
    }
}

fn read_error(p: &Path, e: &std::io::Error) -> LoadError {
    LoadError::Read {
        path: p.display().to_string(),
        reason: reason(e),
    }
}

/// The reason part of an I/O error, in plain words without the "(os error N)" suffix.
pub fn reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file or directory".into(),
        K::PermissionDenied => "permission denied".into(),
        K::IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

/// The seed prefix (`000`) for names like `000_404ec2c42b94d3b7.txt`, else the file stem.
fn base_id(origin: &Origin) -> String {
    let stem = match origin {
        Origin::Seed(n) => Path::new(n)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned()),
        Origin::File(p) => p.file_stem().map(|s| s.to_string_lossy().into_owned()),
        Origin::Stdin => Some("stdin".to_string()),
        Origin::Url(u) => Some(url_stem(u)),
    }
    .unwrap_or_else(|| "doc".to_string());
    let b = stem.as_bytes();
    if b.len() > 4
        && b[..3].iter().all(u8::is_ascii_digit)
        && b[3] == b'_'
        && stem[4..].bytes().all(|c| c.is_ascii_hexdigit())
    {
        return stem[..3].to_string();
    }
    // Ids are typed on the command line: keep them short and free of odd characters.
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    if clean.is_empty() {
        "doc".into()
    } else {
        clean
    }
}

/// The last segment of an address's path without its extension, else its host:
/// `https://example.org/news/vote.html?x=1` gives `vote`.
fn url_stem(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest
        .split(['?', '#'])
        .next()
        .unwrap_or(rest)
        .trim_end_matches('/');
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let last = path.rsplit('/').next().unwrap_or("");
    let stem = Path::new(last)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    if stem.is_empty() {
        host.to_string()
    } else {
        stem
    }
}

fn unique_id(base: String, ids: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while ids.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    ids.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_equal_bytes_make_a_copy_whatever_the_hash_says() {
        let doc = |t: &str| Document::from_text("d".into(), Origin::Stdin, t.into(), None);
        let docs = [doc("Premier texte."), doc("Second texte.")];
        // Two different texts under one hash, as a collision would give.
        let seen: HashMap<u64, Vec<usize>> = [(7, vec![0, 1])].into();
        assert!(copy_of(&seen, &docs, 7, "Un troisième texte.").is_none());
        let copy = copy_of(&seen, &docs, 7, "Second texte.").map(|d| d.text.as_str());
        assert_eq!(copy, Some("Second texte."));
        assert!(copy_of(&seen, &docs, 8, "Premier texte.").is_none());
    }

    #[test]
    fn seed_ids_are_prefixes() {
        assert_eq!(
            base_id(&Origin::Seed("000_404ec2c42b94d3b7.txt".into())),
            "000"
        );
        assert_eq!(base_id(&Origin::File("/x/notes.md".into())), "notes");
        assert_eq!(base_id(&Origin::File("/x/a b\u{1b}.txt".into())), "a_b_");
        let mut ids = HashSet::new();
        assert_eq!(unique_id("a".into(), &mut ids), "a");
        assert_eq!(unique_id("a".into(), &mut ids), "a-2");
    }
}
