//! Bytes to text: BOM sniffing, UTF-16, lossy UTF-8 and binary detection.

/// What decoding found out about a file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

/// Decoded text and what it cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    /// Bytes that were not valid in the encoding and became U+FFFD.
    pub replaced_bytes: usize,
}

/// Why bytes were not taken as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// NUL bytes (outside UTF-16).
    NulBytes,
    /// Mostly bytes no text file has.
    MostlyBinary,
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::NulBytes => "binary file (contains NUL bytes)",
            Self::MostlyBinary => "binary file (mostly non-text bytes)",
        })
    }
}

/// Decodes a file's bytes as text.
///
/// # Errors
/// [`NotText`] when the bytes look like a binary file.
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    decode_owned(bytes.to_vec())
}

/// Like [`decode`], but takes the buffer so valid UTF-8 becomes the text without a copy:
/// loading a 100 MB file then needs 100 MB, not 200.
///
/// # Errors
/// [`NotText`] when the bytes look like a binary file.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, NotText> {
    let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    let body = if bom { &bytes[3..] } else { &bytes[..] };
    if !body.starts_with(&[0xFF, 0xFE]) && !body.starts_with(&[0xFE, 0xFF]) || bom {
        if memchr::memchr(0, body).is_some() {
            return Err(NotText::NulBytes);
        }
        // Validated once: the buffer becomes the text, or comes back for the lossy path.
        let (text, encoding) = if bom {
            if std::str::from_utf8(body).is_err() {
                return decode_slow(&bytes);
            }
            bytes.drain(..3);
            (String::from_utf8(bytes), Encoding::Utf8Bom)
        } else {
            (String::from_utf8(bytes), Encoding::Utf8)
        };
        return match text {
            Ok(text) if looks_binary(&text, 0, text.len()) => Err(NotText::MostlyBinary),
            Ok(text) => Ok(Decoded {
                text,
                encoding,
                replaced_bytes: 0,
            }),
            Err(e) => decode_slow(e.as_bytes()),
        };
    }
    decode_slow(&bytes)
}

/// BOM-sniffing decode for UTF-16 and invalid UTF-8.
fn decode_slow(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, u16::from_le_bytes, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, u16::from_be_bytes, Encoding::Utf16Be));
    }
    let (body, encoding) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, Encoding::Utf8Bom),
        None => (bytes, Encoding::Utf8),
    };
    if memchr::memchr(0, body).is_some() {
        return Err(NotText::NulBytes);
    }
    let (text, replaced_bytes) = lossy_utf8(body);
    if looks_binary(&text, replaced_bytes, body.len()) {
        return Err(NotText::MostlyBinary);
    }
    Ok(Decoded {
        text,
        encoding,
        replaced_bytes,
    })
}

fn utf16(body: &[u8], word: fn([u8; 2]) -> u16, encoding: Encoding) -> Decoded {
    let chunks = body.chunks_exact(2);
    let odd = chunks.remainder().len();
    let units = chunks.map(|c| word([c[0], c[1]]));
    let mut text = String::with_capacity(body.len());
    let mut replaced_bytes = odd;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => text.push(c),
            Err(_) => {
                text.push(char::REPLACEMENT_CHARACTER);
                replaced_bytes += 2;
            }
        }
    }
    if odd > 0 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Decoded {
        text,
        encoding,
        replaced_bytes,
    }
}

/// Like `String::from_utf8_lossy`, but counts the bytes it replaced.
fn lossy_utf8(mut bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut replaced = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return (out, replaced);
            }
            Err(e) => {
                let (good, bad) = bytes.split_at(e.valid_up_to());
                // `valid_up_to` guarantees `good` is valid UTF-8.
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                out.push(char::REPLACEMENT_CHARACTER);
                let skip = e.error_len().unwrap_or(bad.len());
                replaced += skip;
                bytes = &bad[skip..];
            }
        }
    }
}

/// Heuristic for "mostly non-text": many replacement characters or control bytes.
fn looks_binary(text: &str, replaced: usize, len: usize) -> bool {
    if len < 32 {
        return false;
    }
    // Counted on bytes: C0 controls and DEL are single bytes, C1 controls (U+0080..U+009F)
    // are 0xC2 followed by 0x80..0x9F; no other UTF-8 sequence contains those patterns.
    // This reads every byte of every file, and text has few controls: blocks of 64 bytes
    // are tested with no branch and no early exit (which compiles to vector instructions),
    // and only a block that has one is counted.
    let b = text.as_bytes();
    let control = |c: u8| {
        ((c < 0x20) | (c == 0x7f))
            & !((c == b'\n')
                | (c == b'\r')
                | (c == b'\t')
                | (c == 0x1b)
                | (c == 0x0c)
                | (c == 0x07)
                | (c == 0x08))
    };
    let c0: usize = b
        .chunks(64)
        .filter(|block| block.iter().fold(false, |any, &c| any | control(c)))
        .map(|block| block.iter().filter(|&&c| control(c)).count())
        .sum();
    let c1 = memchr::memchr_iter(0xc2, b)
        .filter(|&i| b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
        .count();
    (replaced + c0 + c1) * 100 > len * 30
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode(b"\xEF\xBB\xBFhello").expect("text");
        assert_eq!(d.text, "hello");
        assert_eq!(d.encoding, Encoding::Utf8Bom);
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("héllo 世界".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("héllo 世界".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).expect("le").text, "héllo 世界");
        assert_eq!(decode(&be).expect("be").text, "héllo 世界");
    }

    #[test]
    fn invalid_utf8_counts_replaced_bytes() {
        let d = decode(b"caf\xE9 au lait \xFF\xFE!").expect("text");
        assert_eq!(d.text, "caf\u{FFFD} au lait \u{FFFD}\u{FFFD}!");
        assert_eq!(d.replaced_bytes, 3);
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00abc"), Err(NotText::NulBytes));
        let noise: Vec<u8> = (0..512u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 | 0x80)
            .collect();
        assert_eq!(decode(&noise), Err(NotText::MostlyBinary));
    }

    #[test]
    fn control_bytes_count_wherever_they_are() {
        // 40 controls in 100 bytes is binary, 10 is not, in any block.
        for (controls, binary) in [(40, true), (10, false)] {
            for at in [0, 30, 60] {
                let mut bytes = vec![b'a'; 100];
                bytes[at..at + controls].fill(0x01);
                let d = decode(&bytes);
                assert_eq!(d.is_err(), binary, "{controls} at {at}");
            }
        }
        // Line breaks, tabs, escape, bell, backspace and form feed are text.
        assert!(decode(&b"\n\r\t\x1b\x0c\x07\x08".repeat(20)).is_ok());
    }

    #[test]
    fn empty_is_text() {
        assert_eq!(decode(b"").expect("empty").text, "");
    }
}
