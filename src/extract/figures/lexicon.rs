//! Per-language word tables: number words, scales, months, weekdays, ordinals, currencies,
//! duration units, percent words, approximation phrases and the function words that end a
//! counted noun phrase. Built once per process.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::Qualifier;
use super::number::{Decimal, Part};
use crate::corpus::Lang;

/// What one lower-case word can mean.
#[derive(Debug, Clone, Copy, Default)]
pub struct Entry {
    /// Parts of a spelled-out number (`seribu` = one, thousand).
    pub parts: &'static [Part],
    /// The word for one, or an article: a figure only before a scale or a unit.
    pub one: bool,
    /// Joins spelled-out parts: `et`, `y`, `and`.
    pub connector: bool,
    /// 1..=12.
    pub month: u8,
    pub weekday: bool,
    pub ordinal: u32,
    pub currency: Option<&'static str>,
    /// The currency word names a hundredth of the unit (`centimes`, `cents`, `céntimos`).
    pub cents: bool,
    pub duration: Option<&'static str>,
    pub percent: bool,
}

/// The tables of one language.
pub struct Lex {
    pub words: Words,
    /// Which words `words` can hold, by first letter and length.
    pub shapes: Shapes,
    pub stop: HashSet<&'static str>,
    /// Approximation phrases, lower case, as the words before a number.
    pub quals: Vec<(&'static [&'static str], Qualifier)>,
    pub dec: Decimal,
    /// Spaces group thousands (`12 480`).
    pub space_groups: bool,
    /// Words between a scale and its noun (`de`, `d`).
    pub noun_links: &'static [&'static str],
    /// Longest counted noun phrase, in words.
    pub noun_words: usize,
    /// Day first in numeric dates (`16/1`).
    pub day_first: bool,
}

const ONE: &[Part] = &[Part::Add(1)];
const HUNDRED: &[Part] = &[Part::Hundred];
const THOUSAND: &[Part] = &[Part::Thousand];
const MILLION: &[Part] = &[Part::Big(1e6)];
const BILLION: &[Part] = &[Part::Big(1e9)];
const TRILLION: &[Part] = &[Part::Big(1e12)];

/// Leaked single-part slices for the small values, built once.
static ADDS: LazyLock<Vec<[Part; 1]>> =
    LazyLock::new(|| (0..=1000).map(|v| [Part::Add(v)]).collect());

fn add(v: u32) -> &'static [Part] {
    // ADDS lives for the whole process.
    let all: &'static Vec<[Part; 1]> = &ADDS;
    &all[v as usize]
}

/// A multiply-rotate hash (the rustc "Fx" scheme): word lookups are the hot path of the
/// scanner, and the keys are fixed lexicon words, so flooding resistance is not needed.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Lower-case word to its meanings.
pub type Words = HashMap<&'static str, Entry, BuildHasherDefault<WordHasher>>;

/// For each ASCII first byte of a lexicon word, and for each ASCII last byte, the set of
/// the byte lengths of the words with it (63 stands for 63 and more): two table lookups rule
/// out most words of running text before any hashing. On mixed French and Indonesian text,
/// the first byte and length alone let half the words through to the hash table; with the
/// last byte, a third (a twentieth are lexicon words).
#[derive(Debug, Clone)]
pub struct Shapes {
    first: [u64; 128],
    last: [u64; 128],
}

impl Default for Shapes {
    fn default() -> Self {
        Self {
            first: [0; 128],
            last: [0; 128],
        }
    }
}

impl Shapes {
    fn of(words: &Words) -> Self {
        let mut s = Self::default();
        for w in words.keys() {
            let len = 1 << w.len().min(63);
            let b = w.as_bytes();
            if let Some(&b0) = b.first().filter(|b| b.is_ascii()) {
                s.first[usize::from(b0)] |= len;
            }
            if let Some(&bl) = b.last().filter(|b| b.is_ascii()) {
                s.last[usize::from(bl)] |= len;
            }
        }
        s
    }

    /// False when no lexicon word can be `raw` lower-cased. A word is not ruled out by a
    /// non-ASCII first or last byte: lower-casing may change it.
    fn may_hold(&self, raw: &[u8]) -> bool {
        let (Some(&b0), Some(&bl)) = (raw.first(), raw.last()) else {
            return false;
        };
        let ascii = raw.is_ascii();
        // Lower-casing may change the byte length of a non-ASCII letter.
        let fits = |lens: u64| {
            if ascii {
                lens >> raw.len().min(63) & 1 == 1
            } else {
                lens != 0
            }
        };
        (!b0.is_ascii() || fits(self.first[usize::from(b0.to_ascii_lowercase())]))
            && (!bl.is_ascii() || fits(self.last[usize::from(bl.to_ascii_lowercase())]))
    }
}

impl Lex {
    /// The entry of a word as written, lower-cased without allocating for short ASCII words.
    #[must_use]
    pub fn lookup(&self, raw: &str) -> Option<&Entry> {
        let b = raw.as_bytes();
        if self.words.is_empty() || !self.shapes.may_hold(b) {
            return None;
        }
        if !b.iter().any(u8::is_ascii_uppercase) {
            if raw.is_ascii() || !raw.chars().any(char::is_uppercase) {
                return self.words.get(raw);
            }
            return self.words.get(raw.to_lowercase().as_str());
        }
        if raw.is_ascii() && b.len() <= 32 {
            let mut buf = [0u8; 32];
            for (d, s) in buf.iter_mut().zip(b) {
                *d = s.to_ascii_lowercase();
            }
            return std::str::from_utf8(&buf[..b.len()])
                .ok()
                .and_then(|w| self.words.get(w));
        }
        self.words.get(raw.to_lowercase().as_str())
    }
}

struct B {
    words: Words,
}

impl B {
    fn new() -> Self {
        Self {
            words: Words::default(),
        }
    }
    fn set(&mut self, words: &[&'static str], f: impl Fn(&mut Entry)) -> &mut Self {
        for w in words {
            f(self.words.entry(w).or_default());
        }
        self
    }
    fn nums(&mut self, list: &[(&'static str, u32)]) -> &mut Self {
        for &(w, v) in list {
            self.words.entry(w).or_default().parts = add(v);
        }
        self
    }
    fn parts(&mut self, words: &[&'static str], p: &'static [Part]) -> &mut Self {
        self.set(words, |e| e.parts = p)
    }
    fn months(&mut self, list: &[&'static str]) -> &mut Self {
        for (i, w) in list.iter().enumerate() {
            if !w.is_empty() {
                self.words.entry(w).or_default().month = u8::try_from(i % 12 + 1).unwrap_or(1);
            }
        }
        self
    }
    fn ordinals(&mut self, list: &[(&'static str, u32)]) -> &mut Self {
        for &(w, v) in list {
            self.words.entry(w).or_default().ordinal = v;
        }
        self
    }
    fn unit(&mut self, words: &[&'static str], u: &'static str) -> &mut Self {
        self.set(words, |e| e.duration = Some(u))
    }
    fn money(&mut self, words: &[&'static str], c: &'static str) -> &mut Self {
        self.set(words, |e| e.currency = Some(c))
    }
    fn cents(&mut self, words: &[&'static str], c: &'static str) -> &mut Self {
        self.set(words, |e| {
            e.currency = Some(c);
            e.cents = true;
        })
    }
}

fn french() -> Lex {
    let mut b = B::new();
    b.nums(&[
        ("zéro", 0),
        ("deux", 2),
        ("trois", 3),
        ("quatre", 4),
        ("cinq", 5),
        ("six", 6),
        ("sept", 7),
        ("huit", 8),
        ("neuf", 9),
        ("dix", 10),
        ("onze", 11),
        ("douze", 12),
        ("treize", 13),
        ("quatorze", 14),
        ("quinze", 15),
        ("seize", 16),
        ("vingt", 20),
        ("vingts", 20),
        ("trente", 30),
        ("quarante", 40),
        ("cinquante", 50),
        ("soixante", 60),
    ])
    .parts(&["un", "une"], ONE)
    .set(&["un", "une"], |e| e.one = true)
    .parts(&["cent", "cents"], HUNDRED)
    .parts(&["mille"], THOUSAND)
    .parts(&["million", "millions"], MILLION)
    .parts(&["milliard", "milliards"], BILLION)
    .set(&["et"], |e| e.connector = true)
    .months(&[
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "",
        "fevrier",
        "",
        "",
        "",
        "",
        "",
        "aout",
        "",
        "",
        "",
        "decembre",
    ])
    .set(
        &[
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
        |e| {
            e.weekday = true;
        },
    )
    .ordinals(&[
        ("premier", 1),
        ("première", 1),
        ("premiers", 1),
        ("premières", 1),
        ("deuxième", 2),
        ("second", 2),
        ("troisième", 3),
        ("quatrième", 4),
        ("cinquième", 5),
        ("sixième", 6),
        ("septième", 7),
        ("huitième", 8),
        ("neuvième", 9),
        ("dixième", 10),
        ("onzième", 11),
        ("douzième", 12),
        ("treizième", 13),
        ("quatorzième", 14),
        ("quinzième", 15),
        ("seizième", 16),
        ("vingtième", 20),
        ("trentième", 30),
        ("quarantième", 40),
        ("cinquantième", 50),
        ("soixantième", 60),
        ("centième", 100),
        ("millième", 1000),
    ])
    .money(&["euro", "euros"], "EUR")
    .cents(&["centime", "centimes"], "EUR")
    .money(&["dollar", "dollars"], "USD")
    .money(&["yuan", "yuans"], "CNY")
    .money(&["rupiah", "rupiahs", "roupies"], "IDR")
    .unit(&["jour", "jours"], "day")
    .unit(&["semaine", "semaines"], "week")
    .unit(&["mois"], "month")
    .unit(&["an", "ans", "année", "années"], "year")
    .unit(&["heure", "heures"], "hour")
    .unit(&["minute", "minutes"], "minute")
    .unit(&["seconde", "secondes"], "second")
    .unit(&["décennie", "décennies"], "decade")
    .unit(&["siècle", "siècles"], "century")
    .set(&["pourcent"], |e| e.percent = true);
    Lex {
        shapes: Shapes::of(&b.words),
        words: b.words,
        stop: set(&[
            "de", "du", "des", "d", "à", "au", "aux", "en", "dans", "sur", "pour", "par", "avec",
            "sans", "sous", "chez", "vers", "entre", "selon", "et", "ou", "mais", "donc", "ni",
            "car", "que", "qu", "qui", "dont", "où", "ne", "n", "se", "s", "y", "il", "elle",
            "ils", "elles", "on", "le", "la", "les", "l", "un", "une", "ce", "cet", "cette", "ces",
            "son", "sa", "ses", "leur", "leurs", "est", "sont", "a", "ont", "était", "étaient",
            "sera", "seront", "été", "être", "avoir", "fait", "peut", "peuvent", "plus", "moins",
            "très", "aussi", "déjà", "encore", "ainsi", "alors", "comme", "si", "depuis",
            "pendant", "après", "avant", "contre", "lors", "dès", "jusqu", "soit", "tous",
            "toutes", "chaque", "contre", "environ", "près", "hier", "aujourd", "demain",
        ]),
        quals: vec![
            (&["plus", "de"], Qualifier::Over),
            (&["au", "moins"], Qualifier::Over),
            (&["pas", "moins", "de"], Qualifier::Over),
            (&["environ"], Qualifier::About),
            (&["quelque"], Qualifier::About),
            (&["autour", "de"], Qualifier::About),
            (&["approximativement"], Qualifier::About),
            (&["près", "de"], Qualifier::Under),
            (&["presque"], Qualifier::Under),
            (&["quasiment"], Qualifier::Under),
            (&["moins", "de"], Qualifier::Under),
            (&["jusqu", "à"], Qualifier::Under),
        ],
        dec: Decimal::Comma,
        space_groups: true,
        noun_links: &["de", "d"],
        noun_words: 3,
        day_first: true,
    }
}

fn indonesian() -> Lex {
    let mut b = B::new();
    b.nums(&[
        ("nol", 0),
        ("dua", 2),
        ("tiga", 3),
        ("empat", 4),
        ("lima", 5),
        ("enam", 6),
        ("tujuh", 7),
        ("delapan", 8),
        ("sembilan", 9),
        ("sepuluh", 10),
        ("sebelas", 11),
    ])
    .parts(&["satu"], ONE)
    .set(&["satu"], |e| e.one = true)
    .set(&["belas"], |e| e.parts = &[Part::Teen])
    .set(&["puluh"], |e| e.parts = &[Part::Tens])
    .parts(&["ratus"], HUNDRED)
    .parts(&["seratus"], &[Part::Add(1), Part::Hundred])
    .parts(&["ribu"], THOUSAND)
    .parts(&["seribu"], &[Part::Add(1), Part::Thousand])
    .parts(&["juta"], MILLION)
    .parts(&["sejuta"], &[Part::Add(1), Part::Big(1e6)])
    .parts(&["miliar", "milyar"], BILLION)
    .parts(&["triliun"], TRILLION)
    .months(&[
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
        "",
        "pebruari",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "nopember",
        "",
    ])
    .set(
        &[
            "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
        ],
        |e| {
            e.weekday = true;
        },
    )
    .ordinals(&[
        ("pertama", 1),
        ("kedua", 2),
        ("ketiga", 3),
        ("keempat", 4),
        ("kelima", 5),
        ("keenam", 6),
        ("ketujuh", 7),
        ("kedelapan", 8),
        ("kesembilan", 9),
        ("kesepuluh", 10),
        ("kesebelas", 11),
        ("keseratus", 100),
        ("keseribu", 1000),
    ])
    .money(&["rupiah"], "IDR")
    .money(&["dolar"], "USD")
    .money(&["euro"], "EUR")
    .money(&["yuan"], "CNY")
    .unit(&["hari"], "day")
    .unit(&["minggu", "pekan"], "week")
    .unit(&["bulan"], "month")
    .unit(&["tahun"], "year")
    .unit(&["jam"], "hour")
    .unit(&["menit"], "minute")
    .unit(&["detik"], "second")
    .unit(&["dekade"], "decade")
    .unit(&["abad"], "century")
    .set(&["persen"], |e| e.percent = true);
    Lex {
        shapes: Shapes::of(&b.words),
        words: b.words,
        stop: set(&[
            "di",
            "ke",
            "dari",
            "dan",
            "atau",
            "yang",
            "untuk",
            "pada",
            "dalam",
            "dengan",
            "oleh",
            "ini",
            "itu",
            "akan",
            "telah",
            "sudah",
            "sedang",
            "adalah",
            "ialah",
            "merupakan",
            "karena",
            "sehingga",
            "bahwa",
            "serta",
            "juga",
            "tidak",
            "bukan",
            "secara",
            "hingga",
            "sampai",
            "per",
            "se",
            "saat",
            "ketika",
            "sejak",
            "selama",
            "namun",
            "tetapi",
            "tapi",
            "lebih",
            "sekitar",
            "hampir",
            "masih",
            "baru",
            "lalu",
            "kini",
            "ada",
            "tersebut",
            "para",
            "pun",
            "bagi",
            "antara",
            "tiap",
            "setiap",
            "sebanyak",
            "mencapai",
            "menjadi",
            "sebagai",
            "tanpa",
            "melalui",
            "terhadap",
            "tentang",
            "kepada",
        ]),
        quals: vec![
            (&["lebih", "dari"], Qualifier::Over),
            (&["sedikitnya"], Qualifier::Over),
            (&["setidaknya"], Qualifier::Over),
            (&["paling", "sedikit"], Qualifier::Over),
            (&["minimal"], Qualifier::Over),
            (&["di", "atas"], Qualifier::Over),
            (&["sekitar"], Qualifier::About),
            (&["sekira"], Qualifier::About),
            (&["kurang", "lebih"], Qualifier::About),
            (&["lebih", "kurang"], Qualifier::About),
            (&["kira-kira"], Qualifier::About),
            (&["hampir"], Qualifier::Under),
            (&["nyaris"], Qualifier::Under),
            (&["kurang", "dari"], Qualifier::Under),
            (&["di", "bawah"], Qualifier::Under),
            (&["hingga"], Qualifier::Under),
        ],
        dec: Decimal::Comma,
        space_groups: false,
        noun_links: &[],
        noun_words: 3,
        day_first: true,
    }
}

fn english() -> Lex {
    let mut b = B::new();
    b.nums(&[
        ("zero", 0),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ])
    .parts(&["one", "a", "an"], ONE)
    .set(&["one", "a", "an"], |e| e.one = true)
    .parts(&["hundred"], HUNDRED)
    .parts(&["thousand"], THOUSAND)
    .parts(&["million"], MILLION)
    .parts(&["billion", "bn"], BILLION)
    .parts(&["trillion"], TRILLION)
    .set(&["and"], |e| e.connector = true)
    .months(&[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "",
        "jun",
        "jul",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
    ])
    .months(&["", "", "", "", "", "", "", "", "sep", "", "", ""])
    .set(
        &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
        |e| e.weekday = true,
    )
    .ordinals(&[
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
        ("fortieth", 40),
        ("fiftieth", 50),
        ("sixtieth", 60),
        ("seventieth", 70),
        ("eightieth", 80),
        ("ninetieth", 90),
        ("hundredth", 100),
        ("thousandth", 1000),
    ])
    .money(&["dollar", "dollars"], "USD")
    .cents(&["cents"], "USD")
    .money(&["euro", "euros"], "EUR")
    .money(&["yuan", "renminbi"], "CNY")
    .money(&["rupiah", "rupiahs"], "IDR")
    .money(&["yen"], "JPY")
    .unit(&["day", "days"], "day")
    .unit(&["week", "weeks"], "week")
    .unit(&["month", "months"], "month")
    .unit(&["year", "years"], "year")
    .unit(&["hour", "hours"], "hour")
    .unit(&["minute", "minutes"], "minute")
    .unit(&["second", "seconds"], "second")
    .unit(&["decade", "decades"], "decade")
    .unit(&["century", "centuries"], "century")
    .set(&["percent"], |e| e.percent = true);
    Lex {
        shapes: Shapes::of(&b.words),
        words: b.words,
        stop: set(&[
            "of",
            "in",
            "on",
            "at",
            "to",
            "for",
            "from",
            "with",
            "by",
            "and",
            "or",
            "but",
            "that",
            "which",
            "who",
            "whom",
            "whose",
            "the",
            "a",
            "an",
            "this",
            "these",
            "those",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "has",
            "have",
            "had",
            "will",
            "would",
            "could",
            "can",
            "may",
            "might",
            "should",
            "their",
            "its",
            "his",
            "her",
            "our",
            "your",
            "as",
            "than",
            "per",
            "across",
            "around",
            "over",
            "under",
            "into",
            "about",
            "after",
            "before",
            "since",
            "during",
            "while",
            "if",
            "when",
            "where",
            "worldwide",
            "globally",
            "each",
            "every",
            "last",
            "this",
            "next",
            "ago",
            "more",
            "less",
            "do",
            "did",
            "not",
            "so",
            "it",
            "they",
            "we",
            "he",
            "she",
            "i",
            "you",
            "up",
            "out",
            "all",
            "only",
            "just",
            "still",
            "now",
            "then",
            "there",
            "here",
            "said",
            "says",
        ]),
        quals: vec![
            (&["more", "than"], Qualifier::Over),
            (&["over"], Qualifier::Over),
            (&["at", "least"], Qualifier::Over),
            (&["upwards", "of"], Qualifier::Over),
            (&["in", "excess", "of"], Qualifier::Over),
            (&["above"], Qualifier::Over),
            (&["about"], Qualifier::About),
            (&["around"], Qualifier::About),
            (&["approximately"], Qualifier::About),
            (&["roughly"], Qualifier::About),
            (&["some"], Qualifier::About),
            (&["an", "estimated"], Qualifier::About),
            (&["estimated"], Qualifier::About),
            (&["nearly"], Qualifier::Under),
            (&["almost"], Qualifier::Under),
            (&["close", "to"], Qualifier::Under),
            (&["less", "than"], Qualifier::Under),
            (&["fewer", "than"], Qualifier::Under),
            (&["under"], Qualifier::Under),
            (&["up", "to"], Qualifier::Under),
            (&["below"], Qualifier::Under),
            (&["as", "much", "as"], Qualifier::Under),
            (&["as", "many", "as"], Qualifier::Under),
        ],
        dec: Decimal::Point,
        space_groups: false,
        noun_links: &[],
        noun_words: 4,
        day_first: false,
    }
}

fn spanish() -> Lex {
    let mut b = B::new();
    b.nums(&[
        ("cero", 0),
        ("dos", 2),
        ("tres", 3),
        ("cuatro", 4),
        ("cinco", 5),
        ("seis", 6),
        ("siete", 7),
        ("ocho", 8),
        ("nueve", 9),
        ("diez", 10),
        ("once", 11),
        ("doce", 12),
        ("trece", 13),
        ("catorce", 14),
        ("quince", 15),
        ("dieciséis", 16),
        ("diecisiete", 17),
        ("dieciocho", 18),
        ("diecinueve", 19),
        ("veinte", 20),
        ("veintiuno", 21),
        ("veintiún", 21),
        ("veintiuna", 21),
        ("veintidós", 22),
        ("veintitrés", 23),
        ("veinticuatro", 24),
        ("veinticinco", 25),
        ("veintiséis", 26),
        ("veintisiete", 27),
        ("veintiocho", 28),
        ("veintinueve", 29),
        ("treinta", 30),
        ("cuarenta", 40),
        ("cincuenta", 50),
        ("sesenta", 60),
        ("setenta", 70),
        ("ochenta", 80),
        ("noventa", 90),
        ("doscientos", 200),
        ("doscientas", 200),
        ("trescientos", 300),
        ("trescientas", 300),
        ("cuatrocientos", 400),
        ("cuatrocientas", 400),
        ("quinientos", 500),
        ("quinientas", 500),
        ("seiscientos", 600),
        ("seiscientas", 600),
        ("setecientos", 700),
        ("setecientas", 700),
        ("ochocientos", 800),
        ("ochocientas", 800),
        ("novecientos", 900),
        ("novecientas", 900),
    ])
    .parts(&["uno", "una", "un"], ONE)
    .set(&["uno", "una", "un"], |e| e.one = true)
    .parts(&["cien", "ciento"], HUNDRED)
    .parts(&["mil"], THOUSAND)
    .parts(&["millón", "millones", "millon"], MILLION)
    .parts(&["billón", "billones"], TRILLION)
    .set(&["y"], |e| e.connector = true)
    .months(&[
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "setiembre",
        "",
        "",
        "",
    ])
    .set(
        &[
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
            "domingo",
        ],
        |e| e.weekday = true,
    )
    .ordinals(&[
        ("primero", 1),
        ("primera", 1),
        ("primer", 1),
        ("segundo", 2),
        ("segunda", 2),
        ("tercero", 3),
        ("tercera", 3),
        ("tercer", 3),
        ("cuarta", 4),
        ("quinto", 5),
        ("quinta", 5),
        ("sexto", 6),
        ("sexta", 6),
        ("séptimo", 7),
        ("séptima", 7),
        ("octavo", 8),
        ("octava", 8),
        ("noveno", 9),
        ("novena", 9),
        ("décimo", 10),
        ("décima", 10),
        ("undécimo", 11),
        ("undécima", 11),
        ("duodécimo", 12),
        ("duodécima", 12),
        ("decimotercero", 13),
        ("decimotercera", 13),
        ("decimotercer", 13),
        ("decimocuarto", 14),
        ("decimocuarta", 14),
        ("decimoquinto", 15),
        ("decimoquinta", 15),
        ("decimosexto", 16),
        ("decimosexta", 16),
        ("decimoséptimo", 17),
        ("decimoséptima", 17),
        ("decimoctavo", 18),
        ("decimoctava", 18),
        ("decimonoveno", 19),
        ("decimonovena", 19),
        ("vigésimo", 20),
        ("vigésima", 20),
        ("trigésimo", 30),
        ("trigésima", 30),
        ("cuadragésimo", 40),
        ("cuadragésima", 40),
        ("quincuagésimo", 50),
        ("quincuagésima", 50),
        ("centésimo", 100),
        ("centésima", 100),
    ])
    .money(&["dólar", "dólares"], "USD")
    .money(&["euro", "euros"], "EUR")
    .cents(&["céntimo", "céntimos"], "EUR")
    .money(&["yuan", "yuanes"], "CNY")
    .money(&["rupias"], "IDR")
    .unit(&["día", "días"], "day")
    .unit(&["semana", "semanas"], "week")
    .unit(&["mes", "meses"], "month")
    .unit(&["año", "años"], "year")
    .unit(&["hora", "horas"], "hour")
    .unit(&["minuto", "minutos"], "minute")
    .unit(&["segundo", "segundos"], "second")
    .unit(&["década", "décadas"], "decade")
    .unit(&["siglo", "siglos"], "century")
    .set(&["porciento"], |e| e.percent = true);
    Lex {
        shapes: Shapes::of(&b.words),
        words: b.words,
        stop: set(&[
            "de", "del", "a", "al", "en", "con", "por", "para", "sin", "sobre", "entre", "y", "o",
            "e", "u", "que", "quien", "cual", "el", "la", "los", "las", "lo", "un", "una", "unos",
            "unas", "su", "sus", "este", "esta", "estos", "estas", "es", "son", "fue", "fueron",
            "ha", "han", "había", "ser", "se", "no", "más", "muy", "ya", "también", "como",
            "según", "desde", "hasta", "durante", "tras", "ante", "cada", "todos", "casi", "cerca",
            "menos",
        ]),
        quals: vec![
            (&["más", "de"], Qualifier::Over),
            (&["mas", "de"], Qualifier::Over),
            (&["al", "menos"], Qualifier::Over),
            (&["por", "lo", "menos"], Qualifier::Over),
            (&["alrededor", "de"], Qualifier::About),
            (&["alrededor", "del"], Qualifier::About),
            (&["aproximadamente"], Qualifier::About),
            (&["unos"], Qualifier::About),
            (&["unas"], Qualifier::About),
            (&["en", "torno", "a"], Qualifier::About),
            (&["casi"], Qualifier::Under),
            (&["casi", "el"], Qualifier::Under),
            (&["casi", "la"], Qualifier::Under),
            (&["casi", "los"], Qualifier::Under),
            (&["casi", "las"], Qualifier::Under),
            (&["casi", "un"], Qualifier::Under),
            (&["cerca", "del"], Qualifier::Under),
            (&["menos", "del"], Qualifier::Under),
            (&["más", "del"], Qualifier::Over),
            (&["mas", "del"], Qualifier::Over),
            (&["más", "de", "un"], Qualifier::Over),
            (&["en", "torno", "al"], Qualifier::About),
            (&["alrededor", "de", "un"], Qualifier::About),
            (&["cerca", "de"], Qualifier::Under),
            (&["menos", "de"], Qualifier::Under),
            (&["hasta"], Qualifier::Under),
        ],
        dec: Decimal::Comma,
        space_groups: true,
        noun_links: &["de"],
        noun_words: 3,
        day_first: true,
    }
}

fn other() -> Lex {
    Lex {
        words: Words::default(),
        shapes: Shapes::default(),
        stop: HashSet::new(),
        quals: Vec::new(),
        dec: Decimal::Either,
        space_groups: false,
        noun_links: &[],
        noun_words: 0,
        day_first: true,
    }
}

fn set(words: &[&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

static FR: LazyLock<Lex> = LazyLock::new(french);
static ID: LazyLock<Lex> = LazyLock::new(indonesian);
static EN: LazyLock<Lex> = LazyLock::new(english);
static ES: LazyLock<Lex> = LazyLock::new(spanish);
static OTHER: LazyLock<Lex> = LazyLock::new(other);

/// The tables for a language; Chinese text uses the English ones for its Latin words.
#[must_use]
pub fn lex(lang: Lang) -> &'static Lex {
    match lang.code() {
        "fr" => &FR,
        "id" | "ms" => &ID,
        "en" | "zh" => &EN,
        "es" => &ES,
        _ => &OTHER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Lang;

    #[test]
    fn the_shape_filter_never_hides_a_lexicon_word() {
        for lang in [Lang::FR, Lang::ID, Lang::EN, Lang::ES] {
            let lx = lex(lang);
            for &w in lx.words.keys() {
                let mut capital = w.chars();
                let capital: String = capital
                    .next()
                    .map(|c| c.to_uppercase().chain(capital).collect())
                    .unwrap_or_default();
                for form in [w.to_string(), w.to_uppercase(), capital] {
                    assert!(lx.lookup(&form).is_some(), "{lang:?} {form}");
                }
            }
        }
        let fr = lex(Lang::FR);
        assert!(fr.lookup("Memperkuat").is_none() && fr.lookup("xq").is_none());
        // "deux" has the first letter and length, but no four-letter word ends in "z".
        assert!(fr.shapes.may_hold(b"DEUX") && !fr.shapes.may_hold(b"deuz"));
    }
}
