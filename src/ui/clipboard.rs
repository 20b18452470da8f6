//! Copying to the clipboard of the terminal's own machine with OSC 52, which travels over
//! SSH and needs no clipboard program.
//!
//! The text copied is built by the interface from sanitized document text; here it is only
//! encoded (base64), so nothing in it can act on the terminal. A document's own OSC 52
//! sequences never get this far: the sanitizer shows them as placeholders.

/// Terminals known to have no clipboard sequence: the Linux and BSD consoles, the DEC
/// terminals and `dumb`.
const WITHOUT_OSC52: &[&str] = &["linux", "cons25", "dumb", "vt100", "vt102", "vt220", "ansi"];

/// Whether copying can work, from the `clipboard` setting (which wins when given) and
/// `TERM`; `Err` says why not, for the status bar.
///
/// # Errors
/// The setting turns copying off, or the terminal is known to have no clipboard sequence.
pub fn support(setting: Option<bool>, term: Option<&str>) -> Result<(), String> {
    match (setting, term) {
        (Some(true), _) => Ok(()),
        (Some(false), _) => Err("copying is off (clipboard = false in config.toml)".into()),
        (None, Some(t)) if WITHOUT_OSC52.contains(&t) => Err(format!(
            "this terminal (TERM={t}) cannot copy to the clipboard; clipboard = true in \
             config.toml forces it"
        )),
        (None, _) => Ok(()),
    }
}

/// The OSC 52 sequence that puts `text` on the system clipboard.
#[must_use]
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding.
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(osc52("小"), "\x1b]52;c;5bCP\x07");
    }

    #[test]
    fn the_setting_wins_over_term() {
        assert!(support(None, Some("xterm-256color")).is_ok());
        assert!(support(None, None).is_ok());
        let e = support(None, Some("linux")).expect_err("console");
        assert!(e.contains("TERM=linux"), "{e}");
        assert!(support(Some(true), Some("linux")).is_ok());
        assert!(support(Some(false), Some("xterm")).is_err());
    }
}
