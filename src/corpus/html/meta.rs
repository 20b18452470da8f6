//! What a page says about itself beyond what Readability reads: the canonical address, the
//! stated language (`<html lang>`, Content-Language, og:locale) and, for a page whose article
//! could not be told apart, the title, author, site and date from its `<meta>` tags.

use dom_query::{Document, Element, NodeData, NodeRef};
use dom_smoothie::Article;

use crate::corpus::document::Meta;

/// Read from the page before Readability changes it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Stated {
    pub lang: Option<String>,
    canonical: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    site: Option<String>,
    published: Option<String>,
}

/// The trimmed value, if any is left.
fn some(s: Option<impl AsRef<str>>) -> Option<String> {
    s.map(|s| s.as_ref().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
}

/// The first element of each kind a page's metadata is read from, in document order: what
/// `select_single` with the selector named on each field would find.
#[derive(Default)]
struct Firsts<'a> {
    /// `html`
    html: Option<NodeRef<'a>>,
    /// `meta[http-equiv='content-language' i]`
    content_language: Option<NodeRef<'a>>,
    /// `meta[property='og:locale']`
    og_locale: Option<NodeRef<'a>>,
    /// `link[rel='canonical' i]`
    canonical: Option<NodeRef<'a>>,
    /// `meta[property='og:url']`
    og_url: Option<NodeRef<'a>>,
    /// `meta[property='og:title']`
    og_title: Option<NodeRef<'a>>,
    /// `title`
    title: Option<NodeRef<'a>>,
    /// `meta[name='author' i]`
    author: Option<NodeRef<'a>>,
    /// `meta[property='article:author']`
    article_author: Option<NodeRef<'a>>,
    /// `meta[property='og:site_name']`
    site_name: Option<NodeRef<'a>>,
    /// `meta[property='article:published_time']`
    published_time: Option<NodeRef<'a>>,
    /// `time[datetime]`
    time: Option<NodeRef<'a>>,
}

impl<'a> Firsts<'a> {
    /// One walk over the page. A selector query walks the whole tree each time and a page
    /// is read with a dozen of them, so on a page of many elements they cost as much as
    /// reading its article; this reads the same first elements in one pass.
    fn of(doc: &'a Document) -> Self {
        let mut firsts = Self::default();
        for node in doc.root().descendants_it() {
            node.query(|n| {
                if let NodeData::Element(el) = &n.data {
                    firsts.see(node, el);
                }
            });
        }
        firsts
    }

    fn see(&mut self, node: NodeRef<'a>, el: &Element) {
        // As CSS matches an attribute named without a namespace: one in no namespace.
        let value = |name: &str| {
            el.attrs
                .iter()
                .find(|a| a.name.ns.is_empty() && &a.name.local == name)
                .map(|a| &*a.value)
        };
        let first = |slot: &mut Option<NodeRef<'a>>, matches: bool| {
            if matches && slot.is_none() {
                *slot = Some(node);
            }
        };
        match &*el.name.local {
            "html" => first(&mut self.html, true),
            "title" => first(&mut self.title, true),
            "time" => first(&mut self.time, value("datetime").is_some()),
            "link" => first(
                &mut self.canonical,
                value("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")),
            ),
            "meta" => {
                let equiv = value("http-equiv");
                first(
                    &mut self.content_language,
                    equiv.is_some_and(|e| e.eq_ignore_ascii_case("content-language")),
                );
                let author = value("name").is_some_and(|n| n.eq_ignore_ascii_case("author"));
                first(&mut self.author, author);
                let property = value("property");
                for (slot, wanted) in [
                    (&mut self.og_locale, "og:locale"),
                    (&mut self.og_url, "og:url"),
                    (&mut self.og_title, "og:title"),
                    (&mut self.article_author, "article:author"),
                    (&mut self.site_name, "og:site_name"),
                    (&mut self.published_time, "article:published_time"),
                ] {
                    first(slot, property == Some(wanted));
                }
            }
            _ => {}
        }
    }
}

/// An element's attribute, trimmed, if it has one with something in it.
fn attr(node: Option<NodeRef<'_>>, name: &str) -> Option<String> {
    some(node.and_then(|n| n.attr(name)))
}

impl Stated {
    pub fn of(doc: &Document) -> Self {
        let f = Firsts::of(doc);
        let lang = attr(f.html, "lang")
            .or_else(|| attr(f.content_language, "content"))
            .or_else(|| attr(f.og_locale, "content"))
            .map(|l| l.replace('_', "-"));
        Self {
            lang,
            canonical: attr(f.canonical, "href")
                .or_else(|| attr(f.og_url, "content"))
                .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
            title: attr(f.og_title, "content")
                .or_else(|| some(Some(f.title.map(|t| t.text()).unwrap_or_default()))),
            byline: attr(f.author, "content").or_else(|| attr(f.article_author, "content")),
            site: attr(f.site_name, "content"),
            published: attr(f.published_time, "content").or_else(|| attr(f.time, "datetime")),
        }
    }

    /// The metadata of a page whose article Readability found, with what it read.
    pub fn meta(self, found: &Article, url: Option<&str>) -> Meta {
        Meta {
            title: some(Some(&found.title)).or(self.title),
            byline: some(found.byline.as_ref()).or(self.byline),
            site: some(found.site_name.as_ref()).or(self.site),
            url: self
                .canonical
                .or_else(|| some(found.url.as_ref()))
                .or_else(|| url.map(str::to_string)),
            published: some(found.published_time.as_ref()).or(self.published),
        }
    }

    /// The metadata of a page read without Readability's findings.
    pub fn meta_alone(self, url: Option<&str>) -> Meta {
        Meta {
            title: self.title,
            byline: self.byline,
            site: self.site,
            url: self.canonical.or_else(|| url.map(str::to_string)),
            published: self.published,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(doc: &Document, selector: &str) -> Option<String> {
        some(doc.select_single(selector).attr("content"))
    }

    /// What a page states, read with one selector query for each thing, as it was first
    /// written: the single walk must find the same.
    fn plain(doc: &Document) -> Stated {
        let lang = some(doc.select_single("html").attr("lang"))
            .or_else(|| content(doc, "meta[http-equiv='content-language' i]"))
            .or_else(|| content(doc, "meta[property='og:locale']"))
            .map(|l| l.replace('_', "-"));
        let time = doc.select_single("time[datetime]");
        Stated {
            lang,
            canonical: some(doc.select_single("link[rel='canonical' i]").attr("href"))
                .or_else(|| content(doc, "meta[property='og:url']"))
                .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
            title: content(doc, "meta[property='og:title']")
                .or_else(|| some(Some(doc.select_single("title").text()))),
            byline: content(doc, "meta[name='author' i]")
                .or_else(|| content(doc, "meta[property='article:author']")),
            site: content(doc, "meta[property='og:site_name']"),
            published: content(doc, "meta[property='article:published_time']")
                .or_else(|| some(time.attr("datetime"))),
        }
    }

    /// Tags a page states itself with, in the forms pages write them: cases that matter and
    /// cases that do not, empty values, look-alikes, and titles inside an SVG image.
    fn tag() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "<html lang=\"fr\">",
            "<html>",
            "<meta http-equiv=\"Content-Language\" content=\"pt_BR\">",
            "<meta http-equiv=\"content-language\">",
            "<meta property=\"og:locale\" content=\"de_DE\">",
            "<meta property=\"OG:LOCALE\" content=\"xx\">",
            "<link rel=\"Canonical\" href=\"https://ex.com/a\">",
            "<link rel=\"canonical alternate\" href=\"https://ex.com/b\">",
            "<link rel=\"canonical\" href=\"/relative\">",
            "<meta property=\"og:url\" content=\"http://ex.com/c\">",
            "<meta property=\"og:title\" content=\"  Le   titre \">",
            "<meta property=\"og:title\" content=\"\">",
            "<title>Titre de page</title>",
            "<title> </title>",
            "<svg><title>Icône</title></svg>",
            "<meta name=\"AUTHOR\" content=\"Ana Ruiz\">",
            "<meta name=\"author\" content=\"\">",
            "<meta property=\"article:author\" content=\"https://ex.com/ana\">",
            "<meta property=\"og:site_name\" content=\"El Diario\">",
            "<meta property=\"article:published_time\" content=\"2024-05-01\">",
            "<time datetime=\"2023-01-02\">hier</time>",
            "<time>sans date</time>",
            "<meta content=\"x\" name=\"author\" property=\"og:site_name\">",
            "<p>texte</p>",
            "<body>",
        ])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        #[test]
        fn one_walk_states_what_the_selector_queries_state(
            tags in proptest::collection::vec(tag(), 0..25),
        ) {
            let doc = Document::from(tags.concat());
            proptest::prop_assert_eq!(Stated::of(&doc), plain(&doc));
        }
    }

    #[test]
    fn the_first_of_each_is_read_and_case_matters_only_where_css_says() {
        let doc = Document::from(
            "<html><head><meta name=Author content='Ana'><meta name=author content='Bo'>\
             <meta property='OG:TITLE' content='no'><title> Le  titre </title>\
             <link rel=CANONICAL href='https://ex.com/a'></head><body>\
             <time datetime='2024-01-02'>x</time></body></html>",
        );
        let stated = Stated::of(&doc);
        assert_eq!(stated.byline.as_deref(), Some("Ana"));
        assert_eq!(stated.title.as_deref(), Some("Le titre"));
        assert_eq!(stated.canonical.as_deref(), Some("https://ex.com/a"));
        assert_eq!(stated.published.as_deref(), Some("2024-01-02"));
        assert_eq!(stated.lang, None);
    }
}
