//! The 16 basic colours in the form every terminal knows.
//!
//! crossterm writes even the 16 named colours in their 256-colour form (`38;5;9` for light
//! red), which `TERM=vt100`, `screen` without 256 colours and the Linux console ignore or
//! misread. The themes use those 16 colours only, so the bytes going to the terminal are
//! rewritten on the way: `38;5;N` becomes `30+N` or `90+N-8`, `48;5;N` becomes `40+N` or
//! `100+N-8`, for N below 16. Everything else passes unchanged.

use std::io::{self, Write};

/// Longest escape sequence held back while it is completed; longer ones pass as they are.
const MAX_PENDING: usize = 64;
const ESC: u8 = 0x1b;

/// A writer that turns 256-colour SGR codes for the 16 basic colours into their 16-colour
/// codes.
#[derive(Debug)]
pub struct Sgr16<W: Write> {
    inner: W,
    /// An escape sequence started but not finished by the last write.
    pending: Vec<u8>,
}

impl<W: Write> Sgr16<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    /// Handles a complete or abandoned escape sequence in `pending`.
    fn emit_pending(&mut self) -> io::Result<()> {
        let seq = std::mem::take(&mut self.pending);
        match rewrite(&seq) {
            Some(new) => self.inner.write_all(&new),
            None => self.inner.write_all(&seq),
        }
    }
}

/// The 16-colour form of an SGR sequence (`ESC [ params m`), if it has anything to change.
fn rewrite(seq: &[u8]) -> Option<Vec<u8>> {
    let params = seq.strip_prefix(b"\x1b[")?.strip_suffix(b"m")?;
    let params = std::str::from_utf8(params).ok()?;
    let parts: Vec<&str> = params.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut changed = false;
    let mut i = 0;
    while i < parts.len() {
        let base = match parts[i] {
            "38" => Some((30, 90)),
            "48" => Some((40, 100)),
            _ => None,
        };
        if let Some((low, high)) = base
            && parts.get(i + 1) == Some(&"5")
            && let Some(n) = parts.get(i + 2).and_then(|n| n.parse::<u16>().ok())
            && n < 16
        {
            out.push(if n < 8 { low + n } else { high + n - 8 }.to_string());
            changed = true;
            i += 3;
            continue;
        }
        // Any other extended colour keeps its arguments with it.
        if base.is_some() {
            let take = match parts.get(i + 1) {
                Some(&"5") => 3,
                Some(&"2") => 5,
                _ => 1,
            };
            for p in parts.iter().skip(i).take(take) {
                out.push((*p).to_string());
            }
            i += take;
            continue;
        }
        out.push(parts[i].to_string());
        i += 1;
    }
    changed.then(|| format!("\x1b[{}m", out.join(";")).into_bytes())
}

impl<W: Write> Write for Sgr16<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut plain_from = 0;
        for (i, &b) in buf.iter().enumerate() {
            if self.pending.is_empty() {
                if b == ESC {
                    self.inner.write_all(&buf[plain_from..i])?;
                    self.pending.push(b);
                    plain_from = i + 1;
                }
                continue;
            }
            self.pending.push(b);
            plain_from = i + 1;
            let done = match self.pending.len() {
                // Only CSI sequences carry colours; anything else goes out as it came.
                2 => b != b'[',
                _ => (0x40..=0x7e).contains(&b) || self.pending.len() >= MAX_PENDING,
            };
            if done {
                self.emit_pending()?;
            }
        }
        if self.pending.is_empty() {
            self.inner.write_all(&buf[plain_from..])?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.emit_pending()?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(chunks: &[&[u8]]) -> String {
        let mut w = Sgr16::new(Vec::new());
        for c in chunks {
            w.write_all(c).expect("write");
        }
        w.flush().expect("flush");
        String::from_utf8(w.inner).expect("utf-8")
    }

    #[test]
    fn basic_colours_get_their_sixteen_colour_codes() {
        assert_eq!(through(&[b"\x1b[38;5;9mred"]), "\x1b[91mred");
        assert_eq!(through(&[b"a\x1b[38;5;1;48;5;8mb"]), "a\x1b[31;100mb");
        assert_eq!(through(&[b"\x1b[48;5;6m"]), "\x1b[46m");
        // Other colours, other sequences and text are untouched.
        for same in [
            "\x1b[38;5;200m",
            "\x1b[38;2;1;2;3;48;5;300m",
            "\x1b[1;4m",
            "\x1b[2J\x1b[?1049h",
            "\x1b]52;c;eA==\x07",
            "plain 小红书 text",
        ] {
            assert_eq!(through(&[same.as_bytes()]), same);
        }
    }

    #[test]
    fn a_sequence_split_across_writes_is_still_rewritten() {
        assert_eq!(
            through(&[b"ab\x1b[38", b";5;", b"12mcd", b"\x1b", b"[39m"]),
            "ab\x1b[94mcd\x1b[39m"
        );
    }
}
