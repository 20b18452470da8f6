//! What a page says about itself beyond what Readability reads: the canonical address, the
//! stated language (`<html lang>`, Content-Language, og:locale) and, for a page whose article
//! could not be told apart, the title, author, site and date from its `<meta>` tags.

use dom_query::Document;
use dom_smoothie::Article;

use crate::corpus::document::Meta;

/// Read from the page before Readability changes it.
#[derive(Debug, Default)]
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

fn content(doc: &Document, selector: &str) -> Option<String> {
    some(doc.select_single(selector).attr("content"))
}

impl Stated {
    pub fn of(doc: &Document) -> Self {
        let lang = some(doc.select_single("html").attr("lang"))
            .or_else(|| content(doc, "meta[http-equiv='content-language' i]"))
            .or_else(|| content(doc, "meta[property='og:locale']"))
            .map(|l| l.replace('_', "-"));
        let time = doc.select_single("time[datetime]");
        Self {
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
