//! Web addresses end to end, against a server on 127.0.0.1 started by each test: pages
//! fetched at once, redirects (at most five), ETag revalidation from the cache, `--offline`,
//! gzip, and one line per failure (404, a slow server, an oversized body, not a page) while
//! the other documents still open and the exit code says something failed.

use crate::common;

use common::cli::{stderr, stdout};
use common::http::{Answer, Server, header, html};

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

/// Runs `dossier` with its cache in `cache`.
fn dossier_cached(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .stdin(Stdio::null())
        .output()
        .expect("run dossier")
}

fn page(title: &str, text: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title></head><body>\
         <nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1><p>{text}</p></article></body></html>"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

fn news_server() -> Server {
    Server::start(Arc::new(
        |path: &str, headers: &[(String, String)]| -> Answer {
            match path {
                "/harbour" => {
                    if header(headers, "if-none-match") == Some("\"v1\"") {
                        return (304, vec![("ETag".into(), "\"v1\"".into())], Vec::new());
                    }
                    let (status, mut extra, body) = html(&page(
                        "Harbour traffic doubles",
                        "The harbour handled 1.2 million containers last year, twice as many as five years before.",
                    ));
                    extra.push(("ETag".into(), "\"v1\"".into()));
                    (status, extra, body)
                }
                "/rates" => {
                    let ua = header(headers, "user-agent").unwrap_or("").to_string();
                    let gz = header(headers, "accept-encoding")
                        .unwrap_or("")
                        .contains("gzip");
                    assert!(gz, "no gzip asked for");
                    let body = page(
                        "Rates held",
                        &format!("The bank kept its rate at 4.5 percent. Agent {ua}."),
                    );
                    (
                        200,
                        vec![
                            ("Content-Type".into(), "text/html".into()),
                            ("Content-Encoding".into(), "gzip".into()),
                        ],
                        gzip(body.as_bytes()),
                    )
                }
                "/gone" => (404, vec![], b"no".to_vec()),
                "/feed" => (
                    200,
                    vec![("Content-Type".into(), "application/rss+xml".into())],
                    FEED.replace("BASE", &base_of(headers)).into_bytes(),
                ),
                "/photo" => (
                    200,
                    vec![("Content-Type".into(), "image/png".into())],
                    vec![0x89, b'P', b'N', b'G'],
                ),
                "/huge" => {
                    let mut body = b"<html><body><p>".to_vec();
                    body.resize(21 << 20, b'a');
                    (200, vec![("Content-Type".into(), "text/html".into())], body)
                }
                "/slow" => {
                    std::thread::sleep(std::time::Duration::from_secs(4));
                    html(&page("Slow", "Too late."))
                }
                p if p.starts_with("/hop/") => {
                    let n: u32 = p[5..].parse().unwrap_or(0);
                    let to = if n == 0 {
                        "/harbour".to_string()
                    } else {
                        format!("/hop/{}", n - 1)
                    };
                    (302, vec![("Location".into(), to)], Vec::new())
                }
                _ => (404, vec![], Vec::new()),
            }
        },
    ))
}

/// The server's own address, from the request's Host header.
fn base_of(headers: &[(String, String)]) -> String {
    format!("http://{}", header(headers, "host").unwrap_or("127.0.0.1"))
}

/// A feed of three items: one with its full text, one with a summary whose page can be
/// fetched, one with a summary whose page is gone.
const FEED: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour News</title><link>BASE/</link><description>News</description>
<item><title>Full text item</title><link>BASE/full</link><dc:creator>Ann Lee</dc:creator>
<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate><description>Short.</description>
<content:encoded><![CDATA[<p>The full text of the first item is here, with 7 ships counted.</p><p>A second paragraph.</p>]]></content:encoded></item>
<item><title>Summary with a page</title><link>BASE/harbour</link><description>Only a summary of the harbour story.</description>
<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>
<item><title>Summary of a gone page</title><link>BASE/gone</link><description>The summary that stays.</description></item>
</channel></rss>"#;

fn rows(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

#[test]
fn a_feed_opens_as_one_document_per_item_following_summaries() {
    let server = news_server();
    let cache = tempfile::tempdir().expect("tempdir");
    let feed = server.url("/feed");
    let o = dossier_cached(cache.path(), &["list", &feed, "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = rows(&o);
    assert_eq!(rows.len(), 3, "{}", stdout(&o));
    assert_eq!(rows[0]["title"], "Full text item");
    assert_eq!(rows[0]["byline"], "Ann Lee");
    assert_eq!(rows[0]["site"], "Harbour News");
    assert_eq!(rows[0]["url"], server.url("/full").as_str());
    assert_eq!(rows[0]["published"], "2025-03-03T10:00:00+00:00");
    assert_eq!(rows[1]["title"], "Summary with a page");
    assert_eq!(rows[2]["title"], "Summary of a gone page");
    // The first item's text is its content; nothing fetched it.
    assert!(!server.asked().contains(&"/full".to_string()));
    let show = |n: &str| {
        stdout(&dossier_cached(
            cache.path(),
            &["show", n, &feed, "--width", "0", "--body"],
        ))
    };
    assert!(show("1").contains("7 ships counted"));
    assert!(
        show("2").contains("1.2 million containers"),
        "{}",
        show("2")
    );
    assert!(show("3").contains("The summary that stays."));
    assert_eq!(
        stderr(&o).trim(),
        format!(
            "dossier: warning: '{}': kept the feed's summary: HTTP status 404 Not Found",
            server.url("/gone")
        )
    );
}

#[test]
fn no_follow_keeps_the_summaries() {
    let server = news_server();
    let cache = tempfile::tempdir().expect("tempdir");
    let feed = server.url("/feed");
    let o = dossier_cached(
        cache.path(),
        &["show", "2", &feed, "--no-follow", "--width", "0"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "Only a summary of the harbour story.");
    assert_eq!(server.asked(), vec!["/feed".to_string()]);
}

#[test]
fn atom_and_json_feed_files_are_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:x</id><updated>2025-03-01T00:00:00Z</updated>
<entry><title>Atom entry</title><id>urn:1</id><updated>2025-03-01T00:00:00Z</updated><author><name>Bo Chen</name></author>
<content type="html">&lt;p&gt;Atom content with 12 percent growth.&lt;/p&gt;</content></entry></feed>"#;
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Desk", "items": [
{"id": "1", "title": "JSON item", "content_html": "<p>JSON content about 3 ports.</p>", "authors": [{"name": "Dee Roy"}]},
{"id": "2", "title": "Second JSON item", "content_text": "Plain content of the second item."}]}"#;
    std::fs::write(dir.path().join("desk.atom"), atom).expect("write");
    std::fs::write(dir.path().join("desk_json"), json).expect("write");
    let o = common::cli::dossier(&[
        "list",
        &dir.path().display().to_string(),
        "--format",
        "jsonl",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = rows(&o);
    let titles: Vec<&str> = rows
        .iter()
        .map(|r| r["title"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        titles,
        ["Atom entry", "JSON item", "Second JSON item"],
        "{}",
        stdout(&o)
    );
    assert_eq!(rows[0]["byline"], "Bo Chen");
    assert_eq!(rows[1]["site"], "JSON Desk");
    let o = common::cli::dossier(&[
        "show",
        "3",
        &dir.path().display().to_string(),
        "--width",
        "0",
    ]);
    assert_eq!(stdout(&o).trim(), "Plain content of the second item.");
}

#[test]
fn pages_are_fetched_read_and_listed_with_their_address() {
    let server = news_server();
    let cache = tempfile::tempdir().expect("tempdir");
    let (harbour, rates) = (server.url("/harbour"), server.url("/rates"));
    let o = dossier_cached(
        cache.path(),
        &["list", &harbour, &rates, "--format", "jsonl"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["title"], "Harbour traffic doubles");
    assert_eq!(rows[0]["path"], harbour.as_str());
    assert_eq!(rows[0]["url"], harbour.as_str());
    assert_eq!(rows[0]["id"], "harbour");
    assert_eq!(rows[1]["title"], "Rates held");
    // The gzip body was decompressed, and the server saw dossier's user agent.
    let o = dossier_cached(
        cache.path(),
        &["show", "rates", &rates, "--width", "0", "--body"],
    );
    let body = stdout(&o);
    assert!(body.contains("4.5 percent"), "{body}");
    assert!(
        body.contains(concat!("Agent dossier/", env!("CARGO_PKG_VERSION"))),
        "{body}"
    );
    assert!(!body.contains("Home"), "{body}");
}

#[test]
fn the_cache_is_revalidated_and_read_offline() {
    let server = news_server();
    let cache = tempfile::tempdir().expect("tempdir");
    let url = server.url("/harbour");
    let first = dossier_cached(cache.path(), &["list", &url]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(cache.path().join("dossier").is_dir());
    let second = dossier_cached(cache.path(), &["list", &url]);
    assert_eq!(stdout(&first), stdout(&second));
    assert_eq!(
        server
            .not_modified
            .load(std::sync::atomic::Ordering::SeqCst),
        1
    );
    let asked = server.asked().len();
    let offline = dossier_cached(cache.path(), &["list", &url, "--offline"]);
    assert_eq!(stdout(&first), stdout(&offline));
    assert_eq!(server.asked().len(), asked, "--offline asked the server");
    let other = server.url("/rates");
    let o = dossier_cached(cache.path(), &["list", &other, "--offline"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        format!("dossier: cannot fetch '{other}': not in the cache (--offline)")
    );
}

#[test]
fn redirects_are_followed_up_to_five() {
    let server = news_server();
    let cache = tempfile::tempdir().expect("tempdir");
    let five = server.url("/hop/4");
    let o = dossier_cached(cache.path(), &["list", &five, "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Harbour traffic doubles"));
    let six = server.url("/hop/5");
    let o = dossier_cached(cache.path(), &["list", &six]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        format!("dossier: cannot fetch '{six}': more than 5 redirects")
    );
}

#[test]
fn each_failure_is_one_line_and_the_others_still_open() {
    let server = news_server();
    let cache = tempfile::tempdir().expect("tempdir");
    let urls: Vec<String> = ["/gone", "/photo", "/huge", "/slow", "/harbour"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    let mut args = vec!["list", "--timeout", "1"];
    args.extend(urls.iter().map(String::as_str));
    let o = dossier_cached(cache.path(), &args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Harbour traffic doubles"),
        "{}",
        stdout(&o)
    );
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(
        lines.contains(
            &format!(
                "dossier: cannot fetch '{}': HTTP status 404 Not Found",
                urls[0]
            )
            .as_str()
        ),
        "{err}"
    );
    assert!(
        lines.contains(
            &format!(
                "dossier: cannot fetch '{}': not a page (image/png)",
                urls[1]
            )
            .as_str()
        ),
        "{err}"
    );
    assert!(
        lines.contains(
            &format!(
                "dossier: cannot fetch '{}': too large (over 20 MiB)",
                urls[2]
            )
            .as_str()
        ),
        "{err}"
    );
    assert!(
        lines.contains(&format!("dossier: cannot fetch '{}': timed out", urls[3]).as_str()),
        "{err}"
    );
}

#[test]
fn a_refused_connection_is_named() {
    // A port that was free a moment ago: nothing listens there now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let cache = tempfile::tempdir().expect("tempdir");
    let url = format!("http://127.0.0.1:{port}/x");
    let o = dossier_cached(cache.path(), &["list", &url]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!("dossier: cannot fetch '{url}': ")),
        "{err}"
    );
    assert!(
        err.contains("refused") || err.contains("connection failed"),
        "{err}"
    );
}
