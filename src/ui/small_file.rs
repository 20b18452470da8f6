//! Reading a small file of settings or state: only a regular file (a FIFO or a device named
//! as one would block or never end), and only up to a size.

use std::io::Read as _;
use std::path::Path;

/// Why a small file was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmallFileError {
    #[error("not a regular file")]
    NotRegular,
    /// More than the most this file may have, in bytes.
    #[error("larger than {} KiB", .0 >> 10)]
    TooLarge(u64),
    #[error("not UTF-8")]
    NotUtf8,
    /// An I/O error, in plain words.
    #[error("{0}")]
    Io(String),
}

impl SmallFileError {
    /// Whether the file is there to read but what it holds is not usable: too large, or not
    /// text.
    #[must_use]
    pub const fn is_bad_content(&self) -> bool {
        matches!(self, Self::TooLarge(_) | Self::NotUtf8)
    }
}

/// Reads the text of a small regular file: `Ok(None)` when there is none. A FIFO, a device or
/// a folder is never opened (reading one could block or never end), and at most `max` bytes
/// are read.
///
/// # Errors
/// Not a regular file, too large, not UTF-8, or an I/O error.
pub fn read_small_file(path: &Path, max: u64) -> Result<Option<String>, SmallFileError> {
    let io = |e: &std::io::Error| SmallFileError::Io(crate::corpus::load::reason(e));
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(&e)),
    };
    if !meta.is_file() {
        return Err(SmallFileError::NotRegular);
    }
    if meta.len() > max {
        return Err(SmallFileError::TooLarge(max));
    }
    let file = std::fs::File::open(path).map_err(|e| io(&e))?;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io(&e))?;
    if bytes.len() as u64 > max {
        return Err(SmallFileError::TooLarge(max));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| SmallFileError::NotUtf8)
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
        assert_eq!(read_small_file(&file, 2), Err(SmallFileError::TooLarge(2)));
        assert_eq!(
            read_small_file(dir.path(), 10),
            Err(SmallFileError::NotRegular)
        );
        assert_eq!(
            read_small_file(Path::new("/dev/zero"), 10),
            Err(SmallFileError::NotRegular)
        );
        std::fs::write(&file, [0xff, 0xfe]).expect("write");
        assert_eq!(read_small_file(&file, 10), Err(SmallFileError::NotUtf8));
        assert_eq!(
            SmallFileError::TooLarge(1 << 20).to_string(),
            "larger than 1024 KiB"
        );
    }
}
