//! Web pages to documents: the bytes are decoded by their declared charset, the article is
//! told apart from the page's furniture by Readability's algorithm (dom_smoothie), and
//! what the page says about itself becomes the document's [`Meta`]. The article's text
//! blocks then go through the same analysis as a text file's paragraphs (headings,
//! boilerplate, repeats). Nothing a page refers to is loaded and no script runs.

pub mod blocks;
pub mod charset;
mod meta;

use super::document::Meta;

/// A page read: its article's text blocks, its metadata and the language it states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Text blocks separated by blank lines.
    pub text: String,
    pub meta: Meta,
    /// The page's stated language (`<html lang>`, Content-Language, og:locale), as written.
    pub lang: Option<String>,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// Whether some bytes were invalid in that encoding.
    pub had_errors: bool,
    /// Whether the page was left unread for nesting more than [`MAX_DEPTH`] elements deep.
    pub too_deep: bool,
}

/// The deepest a page's elements may nest. Parsing slows with the square of the depth (each
/// tag looks down the elements still open), so a page of 100,000 nested elements would take
/// hours; no real page comes near this.
pub const MAX_DEPTH: usize = 4096;

/// Elements that never hold others, so never deepen the nesting.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// Whether the tags of `bytes` nest deeper than `max`, counting start tags of elements that
/// can hold others against end tags (a lone `<` in a script may count; that only errs by
/// one each).
pub(crate) fn nests_deeper_than(bytes: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    for i in memchr::memchr_iter(b'<', bytes) {
        match bytes.get(i + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                // The name's first letters, lowered in place: no void name is longer.
                let mut name = [0u8; 8];
                let mut len = 0;
                for c in bytes[i + 1..].iter().take(8) {
                    if !c.is_ascii_alphanumeric() {
                        break;
                    }
                    name[len] = c.to_ascii_lowercase();
                    len += 1;
                }
                if !VOID.contains(&&name[..len]) {
                    depth += 1;
                    if depth > max {
                        return true;
                    }
                }
            }
            _ => {}
        }
    }
    false
}

/// How many bytes of an input [`sniff`] reads.
pub const SNIFF_BYTES: usize = 1024;

/// Whether bytes (the start of an input) look like an HTML page: after any byte order mark,
/// white space and comments, a doctype or one of the tags a page starts with.
#[must_use]
pub fn sniff(start: &[u8]) -> bool {
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    let mut s = start.trim_ascii_start();
    loop {
        if let Some(rest) = s.strip_prefix(b"<!--") {
            match memchr::memmem::find(rest, b"-->") {
                Some(end) => s = rest[end + 3..].trim_ascii_start(),
                None => return false,
            }
        } else if let Some(rest) = s.strip_prefix(b"<?xml") {
            match memchr::memchr(b'>', rest) {
                Some(end) => s = rest[end + 1..].trim_ascii_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    let lower: Vec<u8> = s.iter().take(16).map(u8::to_ascii_lowercase).collect();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
    ]
    .iter()
    .any(|tag| {
        lower.starts_with(tag.as_bytes())
            && lower
                .get(tag.len())
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>')
    })
}

/// Whether a file name's extension is one of a web page.
#[must_use]
pub fn is_page_name(p: &std::path::Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"))
}

/// Reads a page: `charset` is what an HTTP header said, `url` where it was fetched from.
#[must_use]
pub fn read(bytes: &[u8], charset: Option<&str>, url: Option<&str>) -> Page {
    let decoded = charset::decode(bytes, charset);
    let too_deep = nests_deeper_than(bytes, MAX_DEPTH);
    let (text, meta, lang) = if too_deep {
        (String::new(), Meta::default(), None)
    } else {
        article(&decoded.text, url)
    };
    Page {
        text,
        meta,
        lang,
        encoding: decoded.encoding,
        had_errors: decoded.had_errors,
        too_deep,
    }
}

/// The article of a decoded page, its metadata and stated language.
fn article(html: &str, url: Option<&str>) -> (String, Meta, Option<String>) {
    // Relative addresses are left as they are: nothing is fetched from them.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    // The article's classes are left on it: only its text is read, and taking them off is
    // one more pass over the article.
    let config = dom_smoothie::Config {
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    let Ok(mut page) = dom_smoothie::Readability::new(html, url, Some(config)) else {
        return whole(html, url);
    };
    let stated = meta::Stated::of(&page.doc);
    let Ok(found) = page.parse() else {
        return whole(html, url);
    };
    let root = page.doc.select_single("#readability-page-1");
    let text = root
        .nodes()
        .first()
        .map(|n| blocks::text_of(n, false))
        .unwrap_or_default();
    if text.is_empty() {
        return whole(html, url);
    }
    let lang = found.lang.clone().or_else(|| stated.lang.clone());
    (text, stated.meta(&found, url), lang)
}

/// The whole body's text, for a page whose article could not be told apart: its furniture
/// is left out, and the corpus's own boilerplate marking does the rest.
fn whole(html: &str, url: Option<&str>) -> (String, Meta, Option<String>) {
    let doc = dom_query::Document::from(html);
    let stated = meta::Stated::of(&doc);
    let body = doc.select("body");
    let text = body.nodes().first().map_or_else(
        || blocks::text_of(&doc.root(), true),
        |b| blocks::text_of(b, true),
    );
    let lang = stated.lang.clone();
    (text, stated.meta_alone(url), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_told_by_their_start() {
        assert!(sniff(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"));
        assert!(sniff(
            b"<!-- saved --> <?xml version='1.0'?>\n<HTML lang=fr>"
        ));
        assert!(sniff(b"<head><title>x</title>"));
        assert!(!sniff(b"<htmlish> is not a page"));
        assert!(!sniff(b"Le texte commence ici. <html>"));
        assert!(!sniff(b"<!-- never closed"));
    }

    #[test]
    fn a_page_nested_too_deep_is_not_parsed() {
        let deep = format!(
            "<html><body>{}<p>x</p>{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let page = read(deep.as_bytes(), None, None);
        assert!(page.too_deep);
        assert!(page.text.is_empty());
        // Void elements and closed ones never add up.
        let wide = format!(
            "<html><body>{}</body></html>",
            "<div><img><br><p>a</p></div>".repeat(10_000)
        );
        assert!(!nests_deeper_than(wide.as_bytes(), MAX_DEPTH));
    }

    #[test]
    fn page_names_are_html_htm_and_xhtml() {
        assert!(is_page_name(std::path::Path::new("a/b.HTM")));
        assert!(is_page_name(std::path::Path::new("b.xhtml")));
        assert!(!is_page_name(std::path::Path::new("b.txt")));
        assert!(!is_page_name(std::path::Path::new("html")));
    }
}
