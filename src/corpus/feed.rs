//! Feeds (RSS, Atom, JSON Feed) through feed-rs: each item becomes a document of its own,
//! with its title, link, date and author. An item's text is its content, else its summary;
//! the corpus fetches the linked page of an item that has only a summary.

use super::document::Meta;
use super::html;

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Text blocks of the item's content or summary.
    pub text: String,
    /// Whether that text is only a summary (or nothing), so the linked page says more.
    pub summary_only: bool,
    pub meta: Meta,
    /// The item's language, else the feed's.
    pub lang: Option<String>,
}

/// Whether the start of an input is a feed: an `<rss>`, `<feed>` or `<rdf:RDF>` element, or
/// a JSON Feed.
#[must_use]
pub fn sniff(start: &[u8]) -> bool {
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    let s = String::from_utf8_lossy(&start[..start.len().min(html::SNIFF_BYTES)]);
    let s = s.trim_start();
    if s.starts_with('{') {
        return s.contains("jsonfeed.org/version");
    }
    // After the XML declaration, comments and stylesheet instructions, the first element.
    let mut rest = s;
    while let Some(r) = rest
        .strip_prefix("<?")
        .or_else(|| rest.strip_prefix("<!--"))
    {
        match r.find('>') {
            Some(end) => rest = r[end + 1..].trim_start(),
            None => return false,
        }
    }
    ["<rss", "<feed", "<rdf:RDF"]
        .iter()
        .any(|tag| rest.starts_with(tag))
}

/// Whether a file name's extension is one of a feed.
#[must_use]
pub fn is_feed_name(p: &std::path::Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "rss" | "atom"))
}

/// The items of a feed, in its order.
///
/// # Errors
/// Why the bytes are not a feed feed-rs can read.
pub fn items(bytes: &[u8]) -> Result<Vec<Item>, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not a feed: {e}"))?;
    let site = feed.title.as_ref().map(|t| plain(&t.content));
    let feed_lang = feed.language.clone();
    Ok(feed
        .entries
        .into_iter()
        .map(|e| {
            let content = e.content.as_ref().and_then(|c| c.body.as_deref());
            let summary = e.summary.as_ref().map(|s| s.content.as_str());
            let text = content.or(summary).map(fragment).unwrap_or_default();
            let summary_only = content.is_none_or(|c| fragment(c).is_empty());
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| e.links.first())
                .map(|l| l.href.clone());
            let meta = Meta {
                title: e
                    .title
                    .as_ref()
                    .map(|t| plain(&t.content))
                    .filter(|t| !t.is_empty()),
                byline: e
                    .authors
                    .iter()
                    .find_map(|p| p.name.clone().filter(|n| !n.is_empty())),
                site: site.clone().filter(|s| !s.is_empty()),
                url: link,
                published: e.published.or(e.updated).map(|d| d.to_rfc3339()),
            };
            Item {
                text,
                summary_only,
                meta,
                lang: e.language.or_else(|| feed_lang.clone()),
            }
        })
        .collect())
}

/// The text blocks of an HTML fragment (an item's content or summary); none for one nested
/// too deep to parse (see [`html::MAX_DEPTH`]).
fn fragment(html: &str) -> String {
    if html::nests_deeper_than(html.as_bytes(), html::MAX_DEPTH) {
        return String::new();
    }
    let doc = dom_query::Document::fragment(html);
    html::blocks::text_of(&doc.root(), false)
}

/// A title that may hold markup or entities, as plain text on one line.
fn plain(s: &str) -> String {
    fragment(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_told_by_their_first_element() {
        assert!(sniff(
            b"<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"a\"?><rss version=\"2.0\">"
        ));
        assert!(sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(sniff(
            br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#
        ));
        assert!(!sniff(b"<html><body>rss</body></html>"));
        assert!(!sniff(br#"{"items": []}"#));
    }

    #[test]
    fn rss_items_carry_their_metadata_and_text() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>
            <item><title>Port &amp; ville</title><link>https://g.example/port</link>
            <author>claire@g.example (Claire Fontaine)</author><pubDate>Fri, 14 Mar 2025 08:30:00 GMT</pubDate>
            <description>&lt;p&gt;Un r&#233;sum&#233;.&lt;/p&gt;</description></item></channel></rss>"#;
        let items = items(rss).expect("feed");
        assert_eq!(items.len(), 1);
        let it = &items[0];
        assert_eq!(it.meta.title.as_deref(), Some("Port & ville"));
        assert_eq!(it.meta.url.as_deref(), Some("https://g.example/port"));
        assert_eq!(it.meta.site.as_deref(), Some("Gazette"));
        assert_eq!(
            it.meta.published.as_deref(),
            Some("2025-03-14T08:30:00+00:00")
        );
        assert_eq!(it.text, "Un résumé.");
        assert!(it.summary_only);
    }
}
