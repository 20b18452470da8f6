//! Language codes and detection.

use serde::{Serialize, Serializer};

use super::document::Paragraph;

/// Bytes of counted text that language detection reads: the first paragraphs that count
/// (boilerplate and repeats left out), until past this many.
pub const SAMPLE_BYTES: usize = 16 * 1024;

/// The text language detection reads: see [`SAMPLE_BYTES`].
#[must_use]
pub fn counted_sample(text: &str, paras: &[Paragraph]) -> String {
    let mut out = String::new();
    for p in paras.iter().filter(|p| p.kind.counts()) {
        if out.len() > SAMPLE_BYTES {
            break;
        }
        out.push_str(&text[p.range.clone()]);
        out.push('\n');
    }
    out
}

/// A document's language as an ISO 639-1 code (639-3 where there is no two-letter code),
/// or `und` when detection is unsure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Lang(&'static str);

impl Lang {
    pub const FR: Self = Self("fr");
    pub const ID: Self = Self("id");
    pub const EN: Self = Self("en");
    pub const ZH: Self = Self("zh");
    /// Chinese in traditional characters (Taiwan, Hong Kong, Macau).
    pub const ZH_HANT: Self = Self("zh-Hant");
    pub const ES: Self = Self("es");
    pub const DE: Self = Self("de");
    pub const PT: Self = Self("pt");
    pub const JA: Self = Self("ja");
    pub const UND: Self = Self("und");

    /// The code, such as `fr`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        if self.0.is_empty() { "und" } else { self.0 }
    }

    /// True for Chinese in either standard of characters.
    #[must_use]
    pub fn is_chinese(self) -> bool {
        self == Self::ZH || self == Self::ZH_HANT
    }

    /// Parses a code given on the command line (`fr`, `FR`, `fra`, `french`).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase();
        if s == "und" {
            return Some(Self::UND);
        }
        if matches!(s.as_str(), "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo") {
            return Some(Self::ZH_HANT);
        }
        if matches!(s.as_str(), "zh-hans" | "zh-cn" | "zh-sg") {
            return Some(Self::ZH);
        }
        KNOWN
            .iter()
            .find(|(code, _, name)| *code == s || *name == s)
            .map(|(code, _, _)| Self(code))
            .or_else(|| {
                let wl = whatlang::Lang::from_code(&s)?;
                Some(from_whatlang(wl))
            })
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Two-letter code, whatlang code and English name of the languages dossier knows by name.
const KNOWN: &[(&str, &str, &str)] = &[
    ("fr", "fra", "french"),
    ("id", "ind", "indonesian"),
    ("en", "eng", "english"),
    ("zh", "cmn", "chinese"),
    ("es", "spa", "spanish"),
    ("de", "deu", "german"),
    ("it", "ita", "italian"),
    ("pt", "por", "portuguese"),
    ("nl", "nld", "dutch"),
    ("ru", "rus", "russian"),
    ("ja", "jpn", "japanese"),
    ("ko", "kor", "korean"),
    ("ar", "ara", "arabic"),
    ("he", "heb", "hebrew"),
    ("hi", "hin", "hindi"),
    ("tr", "tur", "turkish"),
    ("vi", "vie", "vietnamese"),
    ("th", "tha", "thai"),
    ("pl", "pol", "polish"),
    ("uk", "ukr", "ukrainian"),
];

fn from_whatlang(l: whatlang::Lang) -> Lang {
    let code = l.code();
    KNOWN
        .iter()
        .find(|(_, wl, _)| *wl == code)
        .map_or(Lang(code), |(c, _, _)| Lang(c))
}

/// Detects the language of a text. Short or mixed texts give `und`.
#[must_use]
pub fn detect(text: &str) -> Lang {
    // Detection on a bounded sample keeps loading linear and fast on huge files.
    let sample = sample(text, SAMPLE_BYTES);
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 12 {
        return Lang::UND;
    }
    // Han characters with no kana: Chinese, whatever whatlang's trigram model says on short text.
    let han = sample
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .count();
    let kana = sample
        .chars()
        .filter(|c| ('\u{3040}'..='\u{30FF}').contains(c))
        .count();
    if han * 3 > letters && kana * 10 < han {
        return if super::han::is_traditional(sample) {
            Lang::ZH_HANT
        } else {
            Lang::ZH
        };
    }
    match whatlang::detect(sample) {
        Some(info) if info.confidence() >= 0.2 || letters > 200 => {
            // whatlang confuses Indonesian and Malay; dossier's readers mean Indonesian.
            if info.lang() == whatlang::Lang::Ind || info.lang().code() == "zsm" {
                return Lang::ID;
            }
            from_whatlang(info.lang())
        }
        _ => Lang::UND,
    }
}

fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_five() {
        assert_eq!(
            detect(
                "Les utilisateurs américains se tournent vers une autre application chinoise depuis lundi dernier."
            ),
            Lang::FR
        );
        assert_eq!(
            detect(
                "Pemerintah China mengomentari banyaknya pengguna baru asal Amerika Serikat yang mengunduh aplikasi."
            ),
            Lang::ID
        );
        assert_eq!(
            detect(
                "American users are moving to another Chinese application since last Monday, reports say."
            ),
            Lang::EN
        );
        assert_eq!(
            detect("美国用户纷纷涌向小红书，自称为TikTok难民。"),
            Lang::ZH
        );
        assert_eq!(
            detect("美國用戶紛紛湧向小紅書，自稱為TikTok難民。"),
            Lang::ZH_HANT
        );
        assert_eq!(
            detect(
                "Los usuarios estadounidenses se están mudando a otra aplicación china desde el lunes."
            ),
            Lang::ES
        );
        assert_eq!(detect(""), Lang::UND);
        assert_eq!(detect("12 34"), Lang::UND);
    }

    #[test]
    fn parses_codes() {
        assert_eq!(Lang::parse("FR"), Some(Lang::FR));
        assert_eq!(Lang::parse("ind"), Some(Lang::ID));
        assert_eq!(Lang::parse("und"), Some(Lang::UND));
        assert_eq!(Lang::parse("deu").map(Lang::code), Some("de"));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang::parse("zh-Hant"), Some(Lang::ZH_HANT));
        assert_eq!(Lang::parse("zh-TW"), Some(Lang::ZH_HANT));
        assert_eq!(Lang::parse("zh-Hans"), Some(Lang::ZH));
    }
}
