//! Which encoding a page's bytes are in, and their text: a byte order mark; then UTF-8 when
//! the bytes are valid UTF-8 beyond ASCII; then the HTTP header's charset, then
//! `<meta charset>` or its http-equiv form near the top; else windows-1252 (what browsers
//! assume for a page that names none).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a page a `<meta>` naming its charset is looked for. Browsers look at 1024
/// bytes; pages that put a long comment or many scripts first still name it within this.
const PRESCAN_BYTES: usize = 4096;

/// A page's text and what decoding it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    /// The encoding's name, such as `GBK` or `Shift_JIS`.
    pub encoding: &'static str,
    /// Whether some bytes were not valid in it and became U+FFFD.
    pub had_errors: bool,
}

/// Decodes `bytes`, given the charset an HTTP `Content-Type` header names, if any.
#[must_use]
pub fn decode(bytes: &[u8], header: Option<&str>) -> Text {
    let (enc, rest) = match Encoding::for_bom(bytes) {
        Some((enc, bom)) => (enc, &bytes[bom..]),
        // Text that is valid UTF-8 and not plain ASCII is UTF-8 whatever a page declares:
        // GBK or windows-1252 text almost never is, and a page saved again as UTF-8 often
        // keeps its old declaration.
        None if !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() => (UTF_8, bytes),
        None => (
            header
                .and_then(charset_param)
                .or_else(|| declared(&bytes[..bytes.len().min(PRESCAN_BYTES)]))
                .unwrap_or(WINDOWS_1252),
            bytes,
        ),
    };
    let (text, had_errors) = enc.decode_without_bom_handling(rest);
    Text {
        text: text.into_owned(),
        encoding: enc.name(),
        had_errors,
    }
}

/// The encoding a `charset=` parameter names (in a header or a meta's `content`). A page
/// that says UTF-16 in ASCII bytes is not UTF-16: browsers read it as UTF-8.
fn charset_param(value: &str) -> Option<&'static Encoding> {
    let lower = value.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| matches!(c, '"' | '\'' | ';' | '/' | '>') || c.is_whitespace())
        .unwrap_or(rest.len());
    label(&rest[..end])
}

fn label(name: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(name.trim().as_bytes())?;
    Some(
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            enc
        },
    )
}

/// The charset the first `<meta>` tag naming one declares: `<meta charset="x">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    // Only ASCII matters here; anything else is kept as a replacement character.
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = head[from..].find("<meta") {
        let start = from + at;
        let end = head[start..].find('>').map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(enc) = meta_charset(tag) {
            return Some(enc);
        }
        from = end.max(start + 1);
    }
    None
}

/// `charset=x` is an attribute of its own or ends the http-equiv form's `content`: either
/// way the value follows the first `charset`.
fn meta_charset(tag: &str) -> Option<&'static Encoding> {
    charset_param(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bom_wins_then_the_header_then_the_meta() {
        let page = b"\xEF\xBB\xBF<meta charset=gbk><p>caf\xC3\xA9";
        assert_eq!(
            decode(page, Some("text/html; charset=big5")).text,
            "<meta charset=gbk><p>café"
        );
        let page = b"<meta charset=utf-8><p>caf\xE9";
        let t = decode(page, Some("text/html; charset=ISO-8859-1"));
        assert_eq!(
            (t.text.as_str(), t.encoding),
            ("<meta charset=utf-8><p>café", "windows-1252")
        );
        assert_eq!(
            decode(b"<meta charset='Shift_JIS'>", None).encoding,
            "Shift_JIS"
        );
    }

    #[test]
    fn the_http_equiv_form_is_read() {
        let page =
            b"<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">";
        assert_eq!(decode(page, None).encoding, "EUC-KR");
        let page = b"<META CONTENT='text/html;charset=gb2312' HTTP-EQUIV='content-type'>";
        assert_eq!(decode(page, None).encoding, "GBK");
    }

    #[test]
    fn without_a_declaration_invalid_utf8_is_windows_1252() {
        assert_eq!(decode("<p>café".as_bytes(), None).encoding, "UTF-8");
        let t = decode(b"<p>caf\xE9 \x93ok\x94", None);
        assert_eq!(t.text, "<p>café \u{201c}ok\u{201d}");
        assert!(!t.had_errors);
    }

    #[test]
    fn a_page_saved_again_as_utf8_is_utf8_whatever_it_declares() {
        let page = "<meta charset=gb2312><p>新电脑".as_bytes();
        assert_eq!(
            decode(page, Some("text/html; charset=gbk")).text,
            "<meta charset=gb2312><p>新电脑"
        );
    }

    #[test]
    fn a_page_saying_utf16_in_ascii_is_utf8() {
        assert_eq!(decode(b"<meta charset=utf-16><p>x", None).encoding, "UTF-8");
    }
}
