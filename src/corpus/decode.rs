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
    /// More bytes than the most a document may have (the limit, in bytes).
    TooLarge(usize),
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::NulBytes => "binary file (contains NUL bytes)",
            Self::MostlyBinary => "binary file (mostly non-text bytes)",
            Self::TooLarge(max) => {
                return write!(f, "larger than {} MiB (see --max-size)", max >> 20);
            }
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
    let (c0, c1) = controls(text);
    mostly_binary(replaced, c0 + c1, len)
}

/// The verdict of [`looks_binary`] from its counts.
const fn mostly_binary(replaced: usize, controls: usize, len: usize) -> bool {
    len >= 32 && (replaced + controls) * 100 > len * 30
}

/// C0 controls (but the usual ones in text) and DEL, and C1 controls, in `text`.
///
/// Counted on bytes: C0 controls and DEL are single bytes, C1 controls (U+0080..U+009F)
/// are 0xC2 followed by 0x80..0x9F; no other UTF-8 sequence contains those patterns.
/// This reads every byte of every file, and text has few controls: blocks of 64 bytes
/// are tested with no branch and no early exit (which compiles to vector instructions),
/// and only a block that has one is counted.
fn controls(text: &str) -> (usize, usize) {
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
    (c0, c1)
}

/// Bytes read at a time by [`read_decoded`].
const READ_CHUNK: usize = 1 << 20;

/// One chunk in this many is checked by the thread that appends them, not the one that reads
/// them. That thread also splits and hashes the text as it grows (see [`Follow`]): this
/// shares the work about evenly when it does.
const UNCHECKED_EVERY: usize = 4;

/// Reads all of `reader` and decodes it, with the result of [`decode_owned`] on the same
/// bytes, showing the text to `follow` as it is assembled so that work on it can start before
/// all of it is read. `size` (the file's length, when known) is a hint for the text's buffer,
/// taken only up to `max` and only if memory allows.
///
/// Reading stops early, without looking at the rest, at the first NUL byte outside UTF-16
/// (a binary file, `/dev/zero`) and once more than `max` bytes came
/// ([`NotText::TooLarge`]): nothing without an end is read to its end.
///
/// Reading a large file and checking its UTF-8 run at once: this thread reads the chunks
/// and checks most of them, while a second one checks the rest, appends them all to the
/// text and counts their control bytes. Anything but plain UTF-8 (UTF-16, NUL bytes, invalid
/// sequences) stops that, and the whole input goes through [`decode_owned`].
///
/// # Errors
/// Any read error; inside, [`NotText`] as [`decode_owned`] gives it.
pub fn read_decoded(
    reader: &mut dyn std::io::Read,
    size: usize,
    max: usize,
    follow: &mut dyn Follow,
) -> std::io::Result<Result<Decoded, NotText>> {
    read_decoded_in(reader, size.min(max), max, READ_CHUNK, follow)
}

/// An empty buffer with room for `size` bytes when memory allows: `size` comes from outside
/// (a file's stated length), so failing to reserve it is no error.
fn with_room(size: usize) -> Vec<u8> {
    let mut buf = Vec::new();
    let _ = buf.try_reserve_exact(size);
    buf
}

/// Reads a text while [`read_decoded`] assembles it.
pub trait Follow: Send {
    /// `text` is all of the text so far; it only grows. Called after each chunk, but not
    /// for an input too short to read in chunks.
    fn grown(&mut self, text: &str);
    /// The input was not plain UTF-8: it is decoded whole instead, into a text this never
    /// sees, and nothing more is shown.
    fn stopped(&mut self);
}

/// A chunk on its way from the reading thread to the one that appends it.
enum Piece {
    /// Checked: plain UTF-8, up to the end of its last character.
    Checked(String),
    /// Ends on a character's end but is not checked yet.
    Unchecked(Vec<u8>),
    /// Not plain UTF-8: it and all that follows go to [`decode_owned`].
    NotPlain(Vec<u8>),
}

/// What the appending thread makes of the pieces: the text and its control bytes, or, once
/// a piece was not plain UTF-8, every byte read (from the BOM on); an error when memory ran
/// out for them.
type Assembled = std::io::Result<Result<(String, usize), Vec<u8>>>;

fn read_decoded_in(
    reader: &mut dyn std::io::Read,
    size: usize,
    max: usize,
    chunk: usize,
    follow: &mut dyn Follow,
) -> std::io::Result<Result<Decoded, NotText>> {
    use std::io::Read as _;
    let fill = |buf: &mut Vec<u8>, reader: &mut dyn std::io::Read| -> std::io::Result<usize> {
        let limit = u64::try_from(chunk).unwrap_or(u64::MAX);
        reader.take(limit).read_to_end(buf)
    };
    let mut first = Vec::with_capacity(chunk);
    fill(&mut first, reader)?;
    let bom = first.starts_with(&[0xEF, 0xBB, 0xBF]);
    let utf16 = !bom && (first.starts_with(&[0xFF, 0xFE]) || first.starts_with(&[0xFE, 0xFF]));
    // Outside UTF-16 a NUL byte makes the whole input binary, whatever follows.
    if !utf16 && memchr::memchr(0, &first).is_some() {
        return Ok(Err(NotText::NulBytes));
    }
    if first.len() > max {
        return Ok(Err(NotText::TooLarge(max)));
    }
    if utf16 || first.len() < chunk {
        // UTF-16, or all of it in one chunk: nothing to overlap.
        let room = u64::try_from((max - first.len()).saturating_add(1)).unwrap_or(u64::MAX);
        reader.take(room).read_to_end(&mut first)?;
        if first.len() > max {
            return Ok(Err(NotText::TooLarge(max)));
        }
        return Ok(decode_owned(first));
    }
    if bom {
        first.drain(..3);
    }
    let (to_append, pieces) = std::sync::mpsc::channel::<Piece>();
    let (give_back, spare) = std::sync::mpsc::channel::<Vec<u8>>();
    // Set once a piece was not plain UTF-8: checking the rest is then wasted.
    let not_plain = std::sync::atomic::AtomicBool::new(false);
    // A thread of its own, not rayon's: the appender owns the text being built and blocks on
    // its channel while this thread reads, which a pool's worker must never do.
    // Why reading stopped before the end of the input, if it did.
    let mut stopped = None;
    let mut total = first.len();
    let assembled = std::thread::scope(|scope| {
        let appender = scope.spawn(|| assemble(pieces, size, bom, &give_back, &not_plain, follow));
        let mut next = first;
        // Whether `next` holds the last bytes of the input.
        let mut eof = false;
        for n in 0usize.. {
            // A chunk is checked up to the start of its last character, which may be cut
            // short; that character starts the next chunk. The last chunk is checked whole.
            let cut = if eof {
                next.len()
            } else {
                char_start_near_end(&next)
            };
            let mut carry = match spare.try_recv() {
                Ok(buf) => buf,
                Err(_) => {
                    let mut buf = Vec::new();
                    buf.try_reserve_exact(chunk).map_err(out_of_memory)?;
                    buf
                }
            };
            carry.extend_from_slice(&next[cut..]);
            next.truncate(cut);
            if memchr::memchr(0, &next).is_some() {
                stopped = Some(NotText::NulBytes);
                break;
            }
            let piece = if not_plain.load(std::sync::atomic::Ordering::Relaxed) {
                Piece::NotPlain(next)
            } else if n % UNCHECKED_EVERY == UNCHECKED_EVERY - 1 {
                Piece::Unchecked(next)
            } else {
                match String::from_utf8(next) {
                    Ok(text) => Piece::Checked(text),
                    Err(e) => Piece::NotPlain(e.into_bytes()),
                }
            };
            // The appender ends early only when memory ran out; it says so when joined.
            if to_append.send(piece).is_err() {
                break;
            }
            if eof {
                break;
            }
            next = carry;
            let read = fill(&mut next, reader)?;
            eof = read < chunk;
            total += read;
            if total > max {
                stopped = Some(NotText::TooLarge(max));
                break;
            }
        }
        drop(to_append);
        appender
            .join()
            .map_err(|_| std::io::Error::other("text assembly failed"))
    })??;
    if let Some(why) = stopped {
        return Ok(Err(why));
    }
    Ok(match assembled {
        Ok((text, controls_seen)) if mostly_binary(0, controls_seen, text.len()) => {
            Err(NotText::MostlyBinary)
        }
        Ok((text, _)) => Ok(Decoded {
            text,
            encoding: if bom {
                Encoding::Utf8Bom
            } else {
                Encoding::Utf8
            },
            replaced_bytes: 0,
        }),
        // Not plain UTF-8: decode every byte the usual way.
        Err(all) => decode_owned(all),
    })
}

/// The appending side of [`read_decoded_in`]: checks the pieces left unchecked, appends them
/// all in order and counts their control bytes, and hands their buffers back for reuse.
fn assemble(
    pieces: std::sync::mpsc::Receiver<Piece>,
    size: usize,
    bom: bool,
    give_back: &std::sync::mpsc::Sender<Vec<u8>>,
    not_plain: &std::sync::atomic::AtomicBool,
    follow: &mut dyn Follow,
) -> Assembled {
    let mut text = String::from_utf8(with_room(size)).unwrap_or_default();
    let mut controls_seen = 0;
    let mut raw: Option<Vec<u8>> = None;
    for piece in pieces {
        let checked = match piece {
            Piece::Checked(t) => Ok(t),
            Piece::Unchecked(b) if raw.is_none() => {
                String::from_utf8(b).map_err(std::string::FromUtf8Error::into_bytes)
            }
            Piece::Unchecked(b) | Piece::NotPlain(b) => Err(b),
        };
        let mut buf = match (checked, raw.as_mut()) {
            (Ok(t), None) => {
                let (c0, c1) = controls(&t);
                controls_seen += c0 + c1;
                // The text is the one buffer that grows with the input: running out of
                // memory for it fails this document, not the process.
                text.try_reserve(t.len()).map_err(out_of_memory)?;
                text.push_str(&t);
                follow.grown(&text);
                t.into_bytes()
            }
            (Ok(t), Some(all)) => {
                all.try_reserve(t.len()).map_err(out_of_memory)?;
                all.extend_from_slice(t.as_bytes());
                t.into_bytes()
            }
            (Err(b), Some(all)) => {
                all.try_reserve(b.len()).map_err(out_of_memory)?;
                all.extend_from_slice(&b);
                b
            }
            (Err(b), None) => {
                not_plain.store(true, std::sync::atomic::Ordering::Relaxed);
                follow.stopped();
                let mut all = with_room(size + 3);
                all.try_reserve(text.len() + b.len() + 3)
                    .map_err(out_of_memory)?;
                if bom {
                    all.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
                }
                all.extend_from_slice(std::mem::take(&mut text).as_bytes());
                all.extend_from_slice(&b);
                raw = Some(all);
                b
            }
        };
        buf.clear();
        // The reader may have finished; then the buffer is simply dropped.
        let _ = give_back.send(buf);
    }
    Ok(raw.map_or(Ok((text, controls_seen)), Err))
}

/// The error for a text that could not grow: the document is too large for the memory left.
fn out_of_memory(_: std::collections::TryReserveError) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::OutOfMemory,
        "out of memory while reading it",
    )
}

/// Where the last character of `bytes` starts, when it may be cut short by the chunk's end;
/// `bytes.len()` when the last byte ends a character (or is not UTF-8 anyway).
fn char_start_near_end(bytes: &[u8]) -> usize {
    let n = bytes.len();
    for back in 1..=n.min(4) {
        let b = bytes[n - back];
        if b & 0xC0 != 0x80 {
            // A lead byte (or ASCII): the character it starts needs this many bytes.
            let need = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            return if need > back { n - back } else { n };
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::layout::{Layout, LayoutBuilder};

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

    use proptest::prelude::Strategy as _;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1500))]

        /// Reading in chunks, with the UTF-8 check beside the copying, decodes every input as
        /// decoding it whole does: BOMs, UTF-16, NUL, invalid or cut sequences, controls.
        #[test]
        fn reading_in_chunks_decodes_as_a_whole(
            parts in proptest::collection::vec(proptest::prop_oneof![
                "[a-z \n]{0,12}".prop_map(String::into_bytes),
                "[é难😀\u{80}\u{9f}]{0,4}".prop_map(String::into_bytes),
                proptest::prelude::Just(vec![0xEF, 0xBB, 0xBF]),
                proptest::prelude::Just(vec![0xFF, 0xFE]),
                proptest::prelude::Just(vec![0x00]),
                proptest::prelude::Just(vec![0x01, 0x02, 0x03, 0x7F]),
                proptest::prelude::Just(vec![0xE9]),
                proptest::prelude::Just(vec![0xF0, 0x9F]),
            ], 0..24),
            chunk in 4usize..40,
        ) {
            let bytes = parts.concat();
            let mut follow = LayoutBuilder::default();
            let got = read_decoded_in(&mut bytes.as_slice(), bytes.len(), usize::MAX, chunk, &mut follow)
                .expect("reading a slice does not fail");
            proptest::prop_assert_eq!(&got, &decode_owned(bytes.clone()), "{:?}", bytes);
            // What followed the text to its end found its layout.
            if let Some(layout) = got.ok().and_then(|d| follow.finish(&d.text).map(|l| (l, d))) {
                proptest::prop_assert_eq!(layout.0, Layout::of(&layout.1.text));
            }
        }
    }

    #[test]
    fn a_large_file_reads_in_chunks_as_a_whole() {
        let text = "Les réfugiés de TikTok 难民 😀\n".repeat(100_000);
        for bytes in [
            text.clone().into_bytes(),
            [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
            [text.as_bytes(), &[0xE9, b'x'], text.as_bytes()].concat(),
            [text.as_bytes(), &[0x00]].concat(),
            [text.as_bytes(), &"\u{1}".repeat(3_000_000).into_bytes()].concat(),
        ] {
            let mut follow = LayoutBuilder::default();
            let got = read_decoded(&mut bytes.as_slice(), bytes.len(), usize::MAX, &mut follow)
                .expect("read");
            assert_eq!(got, decode_owned(bytes.clone()));
            // Plain UTF-8 is split and hashed as it is read; anything else afterwards.
            let plain = std::str::from_utf8(&bytes).is_ok_and(|t| !t.contains(['\0', '\u{1}']));
            let layout = got.ok().and_then(|d| Some((follow.finish(&d.text)?, d)));
            assert_eq!(layout.is_some(), plain);
            if let Some((layout, d)) = layout {
                assert_eq!(layout, Layout::of(&d.text));
                assert_eq!(layout.hash, xxhash_rust::xxh3::xxh3_64(d.text.as_bytes()));
            }
        }
    }

    #[test]
    fn empty_is_text() {
        assert_eq!(decode(b"").expect("empty").text, "");
    }
}
