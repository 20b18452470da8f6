//! Fetched responses kept in `$XDG_CACHE_HOME/dossier/` (the user's cache folder): one file
//! per address, named by the address's hash, holding a line of JSON (the address, where it
//! led, its type, ETag and Last-Modified) and then the body. Files are written whole to a
//! temporary file and renamed, so a reader never sees half of one.

use std::io::{BufRead as _, Read as _, Write as _};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{Fetched, MAX_BYTES};

/// The cache folder.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
}

/// A kept response and what revalidates it.
#[derive(Debug, Clone)]
pub struct Kept {
    pub fetched: Fetched,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Header {
    url: String,
    final_url: String,
    content_type: Option<String>,
    etag: Option<String>,
    last_modified: Option<String>,
}

impl Cache {
    /// The cache in `dir`, or in the user's cache folder; none when there is no such folder.
    #[must_use]
    pub fn open(dir: Option<PathBuf>) -> Option<Self> {
        let dir = dir.or_else(|| dirs::cache_dir().map(|d| d.join("dossier")))?;
        Some(Self { dir })
    }

    fn path(&self, url: &str) -> PathBuf {
        let hash = xxhash_rust::xxh3::xxh3_64(url.as_bytes());
        self.dir.join(format!("{hash:016x}.page"))
    }

    /// The response kept for `url`, if any. A file that cannot be read or is not one of
    /// ours (another address under the same hash, a truncated header) is no entry.
    #[must_use]
    pub fn get(&self, url: &str) -> Option<Kept> {
        let file = std::fs::File::open(self.path(url)).ok()?;
        let mut r = std::io::BufReader::new(file.take(MAX_BYTES + 64 * 1024));
        let mut line = String::new();
        r.read_line(&mut line).ok()?;
        let head: Header = serde_json::from_str(&line).ok()?;
        if head.url != url {
            return None;
        }
        let mut body = Vec::new();
        r.read_to_end(&mut body).ok()?;
        Some(Kept {
            fetched: Fetched {
                body,
                content_type: head.content_type,
                url: head.final_url,
            },
            etag: head.etag,
            last_modified: head.last_modified,
        })
    }

    /// Keeps a response for `url`, replacing any kept before.
    ///
    /// # Errors
    /// Any error creating the folder or writing the file.
    pub fn put(
        &self,
        url: &str,
        fetched: &Fetched,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let head = Header {
            url: url.to_string(),
            final_url: fetched.url.clone(),
            content_type: fetched.content_type.clone(),
            etag: etag.map(str::to_string),
            last_modified: last_modified.map(str::to_string),
        };
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
        serde_json::to_writer(&mut tmp, &head)?;
        tmp.write_all(b"\n")?;
        tmp.write_all(&fetched.body)?;
        tmp.persist(self.path(url)).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_response_comes_back_and_another_address_does_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::open(Some(dir.path().join("c"))).expect("cache");
        assert!(cache.get("https://a.example/").is_none());
        let page = Fetched {
            body: b"<p>un\n\ndeux</p>".to_vec(),
            content_type: Some("text/html".into()),
            url: "https://a.example/final".into(),
        };
        cache
            .put("https://a.example/", &page, Some("\"v1\""), None)
            .expect("put");
        let kept = cache.get("https://a.example/").expect("kept");
        assert_eq!(kept.fetched, page);
        assert_eq!(kept.etag.as_deref(), Some("\"v1\""));
        assert!(cache.get("https://b.example/").is_none());
        // Nothing but the entry is left in the folder: the temporary file was renamed.
        assert_eq!(
            std::fs::read_dir(dir.path().join("c"))
                .expect("dir")
                .count(),
            1
        );
    }
}
