//! Reading a small file of settings or state: only a regular file (a FIFO or a device named
//! as one would block or never end), and only up to a size.

use std::io::Read as _;
use std::path::Path;

/// Reads the text of a small regular file: `Ok(None)` when there is none. A FIFO, a device or
/// a folder is never opened (reading one could block or never end), and at most `max` bytes
/// are read.
///
/// # Errors
/// The reason, worded for a message: not a regular file, too large, not UTF-8, or the I/O
/// error's.
pub fn read_small_file(path: &Path, max: u64) -> Result<Option<String>, String> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(reason(&e)),
    };
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > max {
        return Err(format!("larger than {} MiB", max >> 20));
    }
    let file = std::fs::File::open(path).map_err(|e| reason(&e))?;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| reason(&e))?;
    if bytes.len() as u64 > max {
        return Err(format!("larger than {} MiB", max >> 20));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| "not UTF-8".into())
}

fn reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_small_regular_files_are_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("f");
        assert_eq!(read_small_file(&file, 10), Ok(None));
        std::fs::write(&file, "abc").expect("write");
        assert_eq!(read_small_file(&file, 10), Ok(Some("abc".into())));
        assert_eq!(read_small_file(&file, 2), Err("larger than 0 MiB".into()));
        assert_eq!(
            read_small_file(dir.path(), 10),
            Err("not a regular file".into())
        );
        assert_eq!(
            read_small_file(Path::new("/dev/zero"), 10),
            Err("not a regular file".into())
        );
        std::fs::write(&file, [0xff, 0xfe]).expect("write");
        assert_eq!(read_small_file(&file, 10), Err("not UTF-8".into()));
    }
}
