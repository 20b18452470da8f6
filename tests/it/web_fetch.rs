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
