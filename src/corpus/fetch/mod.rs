//! Fetching web addresses: one HTTP client (ureq over rustls, nothing to install) with
//! timeouts, at most [`MAX_REDIRECTS`] redirects, a [`MAX_BYTES`] cap, compressed responses
//! and a `dossier/VERSION` user agent; several addresses at once; every response kept in a
//! cache ([`cache`]) that is revalidated with ETag and Last-Modified, or read alone offline.
//! A failure is one reason in plain words (DNS, TLS, HTTP status, timeout, too large, not a
//! page).

pub mod cache;

use std::path::PathBuf;
use std::time::Duration;

/// The most redirects followed for one address.
pub const MAX_REDIRECTS: u32 = 5;

/// The most bytes a response may have once decompressed.
pub const MAX_BYTES: u64 = 20 << 20;

/// Addresses fetched at once.
const AT_ONCE: usize = 8;

/// How to fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Read the cache only; an address not in it fails.
    pub offline: bool,
    /// The most time one address may take, redirects and body included.
    pub timeout: Duration,
    /// Where responses are kept; `None` for the user's cache folder.
    pub cache: Option<PathBuf>,
}

/// [`FetchOptions::timeout`] unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            offline: false,
            timeout: DEFAULT_TIMEOUT,
            cache: None,
        }
    }
}

/// A response: the body and what its headers say it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub body: Vec<u8>,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// Where the body came from after redirects.
    pub url: String,
}

/// Whether an input names a web address rather than a path.
#[must_use]
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches every address, [`AT_ONCE`] at a time, calling `done` on this thread as each one
/// ends. Each result is the response or the reason it failed.
pub fn fetch_all(
    urls: &[String],
    opts: &FetchOptions,
    done: &mut dyn FnMut(usize),
) -> Vec<Result<Fetched, String>> {
    let mut results: Vec<Option<Result<Fetched, String>>> = vec![None; urls.len()];
    if urls.is_empty() {
        return Vec::new();
    }
    let agent = agent(opts);
    let cache = cache::Cache::open(opts.cache.clone());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel();
    // Threads of their own, not rayon's: each blocks on the network.
    std::thread::scope(|scope| {
        for _ in 0..AT_ONCE.min(urls.len()) {
            let tx = tx.clone();
            let (agent, cache, next) = (&agent, &cache, &next);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(url) = urls.get(i) else { break };
                    let got = fetch_one(agent, cache.as_ref(), url, opts.offline);
                    if tx.send((i, got)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (n, (i, got)) in rx.iter().enumerate() {
            results[i] = Some(got);
            done(n + 1);
        }
    });
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("not fetched".into())))
        .collect()
}

fn agent(opts: &FetchOptions) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .timeout_connect(Some(opts.timeout.min(Duration::from_secs(10))))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(concat!("dossier/", env!("CARGO_PKG_VERSION")))
        .http_status_as_error(false)
        .build()
        .into()
}

/// One address: from the cache when offline or when the server says it has not changed.
fn fetch_one(
    agent: &ureq::Agent,
    cache: Option<&cache::Cache>,
    url: &str,
    offline: bool,
) -> Result<Fetched, String> {
    let kept = cache.and_then(|c| c.get(url));
    if offline {
        return kept
            .map(|k| k.fetched)
            .ok_or_else(|| "not in the cache (--offline)".to_string());
    }
    let mut req = agent.get(url);
    if let Some(k) = &kept {
        if let Some(etag) = &k.etag {
            req = req.header("If-None-Match", etag);
        }
        if let Some(when) = &k.last_modified {
            req = req.header("If-Modified-Since", when);
        }
    }
    let mut resp = req.call().map_err(|e| reason(&e))?;
    let status = resp.status().as_u16();
    if status == 304
        && let Some(k) = kept
    {
        return Ok(k.fetched);
    }
    if !(200..300).contains(&status) {
        let why = resp.status().canonical_reason().unwrap_or("");
        return Err(format!("HTTP status {status} {why}").trim_end().to_string());
    }
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let content_type = header("content-type");
    let etag = header("etag");
    let last_modified = header("last-modified");
    if let Some(t) = &content_type
        && !is_readable_type(t)
    {
        return Err(format!(
            "not a page ({})",
            t.split(';').next().unwrap_or(t).trim()
        ));
    }
    let final_url = ureq::ResponseExt::get_uri(&resp).to_string();
    let body = resp
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| reason(&e))?;
    let fetched = Fetched {
        body,
        content_type,
        url: final_url,
    };
    if let Some(c) = cache {
        // A cache that cannot be written only costs a fetch next time.
        let _ = c.put(url, &fetched, etag.as_deref(), last_modified.as_deref());
    }
    Ok(fetched)
}

/// Whether a `Content-Type` is something dossier reads: a page, text, or a feed.
fn is_readable_type(t: &str) -> bool {
    let t = t.split(';').next().unwrap_or(t).trim().to_ascii_lowercase();
    t.starts_with("text/")
        || t.ends_with("+xml")
        || t.ends_with("/xml")
        || t.ends_with("json")
        || t.is_empty()
        || t == "application/octet-stream"
}

/// A client error in plain words.
fn reason(e: &ureq::Error) -> String {
    use ureq::Error as E;
    match e {
        E::StatusCode(code) => format!("HTTP status {code}"),
        E::HostNotFound => "host not found (DNS)".into(),
        E::Timeout(_) => "timed out".into(),
        E::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        E::BodyExceedsLimit(_) => format!("too large (over {} MiB)", MAX_BYTES >> 20),
        E::Tls(why) => format!("TLS: {why}"),
        E::Rustls(why) => format!("TLS: {why}"),
        E::ConnectionFailed => "connection failed".into(),
        E::BadUri(why) => format!("bad address: {why}"),
        E::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => "connection refused".into(),
            std::io::ErrorKind::TimedOut => "timed out".into(),
            _ => super::load::reason(io),
        },
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("httpdocs/page.html"));
        assert!(!is_url("ftp://example.org"));
        assert!(!is_url("é"));
    }

    #[test]
    fn pages_text_and_feeds_are_readable_types() {
        for t in [
            "text/html; charset=gbk",
            "application/xhtml+xml",
            "application/rss+xml",
            "application/atom+xml",
            "text/xml",
            "application/feed+json",
            "text/plain",
        ] {
            assert!(is_readable_type(t), "{t}");
        }
        for t in ["image/png", "application/pdf", "video/mp4"] {
            assert!(!is_readable_type(t), "{t}");
        }
    }
}
