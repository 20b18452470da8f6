//! A small HTTP/1.1 server on 127.0.0.1 for fetching tests: each route answers as a real
//! server would (redirects, ETag revalidation, gzip, 404, a slow answer, an oversized body,
//! a type that is not a page), and it counts what it was asked. It stops when dropped.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What one route answers: status, headers, body.
pub type Answer = (u16, Vec<(String, String)>, Vec<u8>);

/// What answers: the request's path and headers (lower-cased names) to an answer.
pub type Answers = dyn Fn(&str, &[(String, String)]) -> Answer + Send + Sync;

/// A route, shared by the threads that serve connections.
pub type Route = Arc<Answers>;

pub struct Server {
    pub base: String,
    stop: Arc<AtomicBool>,
    /// Requests served, by path.
    pub asked: Arc<Mutex<Vec<String>>>,
    pub not_modified: Arc<AtomicUsize>,
}

impl Server {
    /// Starts a server answering with `route`.
    pub fn start(route: Route) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let stop = Arc::new(AtomicBool::new(false));
        let asked = Arc::new(Mutex::new(Vec::new()));
        let not_modified = Arc::new(AtomicUsize::new(0));
        let (s, a, nm) = (
            Arc::clone(&stop),
            Arc::clone(&asked),
            Arc::clone(&not_modified),
        );
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (route, a, nm) = (Arc::clone(&route), Arc::clone(&a), Arc::clone(&nm));
                std::thread::spawn(move || serve(conn, &*route, &a, &nm));
            }
        });
        Self {
            base: format!("http://{addr}"),
            stop,
            asked,
            not_modified,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn asked(&self) -> Vec<String> {
        self.asked.lock().expect("lock").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread so that it sees the flag.
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
    }
}

fn serve(conn: TcpStream, route: &Answers, asked: &Mutex<Vec<String>>, not_modified: &AtomicUsize) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(conn.try_clone().expect("clone"));
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() || first.is_empty() {
        return;
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let _ = reader.by_ref().take(0).read_to_end(&mut Vec::new());
    asked.lock().expect("lock").push(path.clone());
    let (status, extra, body) = route(&path, &headers);
    if status == 304 {
        not_modified.fetch_add(1, Ordering::SeqCst);
    }
    let mut conn = conn;
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = conn.write_all(head.as_bytes());
    let _ = conn.write_all(&body);
    let _ = conn.flush();
}

/// The value of request header `name`.
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A `text/html` answer.
pub fn html(body: &str) -> Answer {
    (
        200,
        vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
        body.as_bytes().to_vec(),
    )
}
