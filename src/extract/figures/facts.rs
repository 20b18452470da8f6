//! Facts: what a figure is about (its subject), what it counts or prices (its measure), and
//! the date it is given for (its as-of), read from its sentence. Groups compare figures only
//! when all three agree, so that one app's users are never set against another's, nor a
//! total against a part.

use super::nouns::{concept, tags};
use super::{Figure, Kind};
use crate::corpus::Document;

/// A figure's fact: each part is `None` when the sentence does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Fact {
    /// The entity, as a canonical lower-case name (`xiaohongshu` for 小红书 and RedNote).
    pub subject: Option<String>,
    /// What is counted or priced, the same in every language (`us users`, `revenue`).
    pub measure: Option<String>,
    /// The year or date the sentence gives the figure for.
    pub as_of: Option<String>,
}

/// Entities news figures are about, with the names each language gives them. Names are
/// matched as written (Latin names as whole words, any case).
const ENTITIES: &[(&str, &[&str])] = &[
    ("tiktok", &["TikTok", "抖音国际版"]),
    (
        "xiaohongshu",
        &["Xiaohongshu", "RedNote", "小红书", "小紅書", "RED"],
    ),
    ("bytedance", &["ByteDance", "字节跳动", "字節跳動"]),
    ("meta", &["Meta", "メタ"]),
    (
        "microsoft",
        &["Microsoft", "微软", "微軟", "マイクロソフト"],
    ),
    ("samsung", &["Samsung", "三星", "サムスン"]),
    ("tsmc", &["TSMC", "台积电", "台積電"]),
    ("apple", &["Apple", "苹果公司", "蘋果公司", "アップル"]),
    (
        "china",
        &["China", "Chine", "Tiongkok", "中国", "中國", "Cina"],
    ),
    (
        "indonesia",
        &[
            "Indonesia",
            "Indonésie",
            "Indonesien",
            "印尼",
            "印度尼西亚",
            "インドネシア",
        ],
    ),
    (
        "philippines",
        &[
            "Philippines",
            "Filipina",
            "Filipinas",
            "Philippinen",
            "菲律宾",
            "菲律賓",
            "フィリピン",
        ],
    ),
    (
        "japan",
        &["Japan", "Japon", "Jepang", "Japón", "Japão", "日本", "訪日"],
    ),
    (
        "taiwan",
        &["Taiwan", "Taïwan", "Taiwán", "台湾", "台灣", "臺灣"],
    ),
    ("hong kong", &["Hong Kong", "Hongkong", "香港"]),
    (
        "germany",
        &[
            "Germany",
            "Allemagne",
            "Deutschland",
            "Jerman",
            "Alemania",
            "Alemanha",
            "alemão",
            "alemã",
            "德国",
            "德國",
            "ドイツ",
            "Bundeshaushalt",
        ],
    ),
    ("louvre", &["Louvre", "卢浮宫", "羅浮宮", "ルーブル"]),
    (
        "lisbon",
        &[
            "Lisbon",
            "Lisbonne",
            "Lisboa",
            "Lissabon",
            "里斯本",
            "リスボン",
        ],
    ),
    (
        "marseille",
        &["Marseille", "Marsella", "Marselha", "马赛", "馬賽"],
    ),
    ("valencia", &["Valencia", "Valence", "València", "瓦伦西亚"]),
    ("cianjur", &["Cianjur"]),
    ("bali", &["Bali", "巴厘岛", "峇里島"]),
];

/// Measures and the words (lower case; Han and kana as substrings) that name them in a
/// sentence. The first that matches wins, so the narrower come first.
const MEASURES: &[(&str, &[&str])] = &[
    (
        "deaths",
        &[
            "morts",
            "mortos",
            "muertos",
            "dead",
            "killed",
            "deaths",
            "tewas",
            "menewaskan",
            "meninggal",
            "tote",
            "toten",
            "ums leben",
            "死亡",
            "遇难",
            "罹难",
            "死者",
        ],
    ),
    (
        "injured",
        &[
            "blessés",
            "blessé",
            "injured",
            "heridos",
            "feridos",
            "verletzt",
            "verletzte",
            "luka",
            "受伤",
            "受傷",
            "負傷",
        ],
    ),
    (
        "revenue",
        &[
            "revenue",
            "chiffre d'affaires",
            "ingresos",
            "facturación",
            "umsatz",
            "receita",
            "faturou",
            "faturamento",
            "pendapatan",
            "营收",
            "營收",
            "营业收入",
            "売上高",
            "売上",
        ],
    ),
    (
        "fine",
        &[
            "fined",
            "fine",
            "amende",
            "multa",
            "multada",
            "multado",
            "strafe",
            "bußgeld",
            "denda",
            "罚款",
            "罰款",
            "判罚",
            "判罰",
            "制裁金",
        ],
    ),
    (
        "budget",
        &[
            "budget",
            "presupuesto",
            "orçamento",
            "haushalt",
            "anggaran",
            "预算",
            "預算",
            "予算",
            "拨款",
            // Money set aside for a programme is its budget.
            "set aside",
            "allocat",
            "alloue",
            "alokasi",
        ],
    ),
    (
        "investment",
        &[
            "invest",
            "spend",
            "investir",
            "invertir",
            "investieren",
            "investasi",
            "投资",
            "投資",
            "投入",
        ],
    ),
    (
        "market share",
        &[
            "market share",
            "part de marché",
            "cuota de mercado",
            "marktanteil",
            "quota de mercado",
            "pangsa pasar",
            "市场份额",
            "市場份額",
            "シェア",
            // "detém 19% do mercado": a percentage of a market is a share of it.
            "of the market",
            "du marché",
            "del mercado",
            "do mercado",
            "des marktes",
        ],
    ),
    (
        "growth",
        &[
            "growth",
            "grew",
            "croissance",
            "crecimiento",
            "creció",
            "wachstum",
            "wuchs",
            "crescimento",
            "cresceu",
            "pertumbuhan",
            "tumbuh",
            "增长",
            "增長",
            "成長",
        ],
    ),
    (
        "population",
        &[
            "population",
            "penduduk",
            "población",
            "bevölkerung",
            "einwohner",
            "população",
            "人口",
            "habitants",
            "habitantes",
        ],
    ),
    // Tourists and visitors are one measure: sources call the same arrivals either.
    (
        "visitors",
        &[
            "visitors",
            "visiteurs",
            "visitantes",
            "besucher",
            "pengunjung",
            "访客",
            "參觀",
            "入場者",
            "tourists",
            "touristes",
            "turistas",
            "touristen",
            "wisatawan",
            "游客",
            "遊客",
            "旅客",
            "訪日客",
            // "Visitor arrivals" is how statistics offices count them.
            "visitor",
            "arrivals",
            "arrivées",
            "llegadas",
            "chegadas",
            "kedatangan",
            "ankünfte",
        ],
    ),
    (
        "price",
        &[
            "costs",
            "cost",
            "price",
            "prix",
            "precio",
            "cuesta",
            "preço",
            "custa",
            "preis",
            "kostet",
            "harga",
            "售价",
            "售價",
            "价格",
            "價格",
            "価格",
            "billet",
            "ticket",
            "entrada",
            // A rate per night is a price (hotel rooms, tourist taxes).
            "per night",
            "par nuit",
            "por noche",
            "por noite",
            "pro nacht",
            "per malam",
            "每晚",
        ],
    ),
    (
        "votes",
        &["votes", "voix", "votos", "stimmen", "suara", "票"],
    ),
];

/// Measures a count of people can have.
const PEOPLE_MEASURES: &[&str] = &["deaths", "injured", "population", "visitors", "votes"];

/// The measure of a count at `at..end` of the lower-cased sentence `low`, from the nearest of
/// its words: after the number first (`12 morts et 30 blessés`), then before it.
fn nearest(low: &str, at: usize, end: usize) -> Option<&'static str> {
    let mut best: Option<(usize, &'static str)> = None;
    for (m, ws) in MEASURES.iter().filter(|(m, _)| PEOPLE_MEASURES.contains(m)) {
        for w in *ws {
            for (p, _) in low.match_indices(w) {
                let d = if p >= end {
                    if low[end..p].contains(CLAUSE) {
                        continue;
                    }
                    p - end
                } else if p + w.len() <= at {
                    if low[p + w.len()..at].contains(CLAUSE) {
                        continue;
                    }
                    // Words before the number count for less than words after it.
                    (at - p - w.len()) * 2 + 1
                } else {
                    continue;
                };
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, m));
                }
            }
        }
    }
    best.map(|(_, m)| m)
}

/// `votes for` or `votes against` for a count of votes ending at `end`: the side is named
/// after the number (`65 en contra`, `65票反对`), or the number closes `by 352 votes to 65`.
fn votes_side(low: &str, end: usize) -> String {
    // The side of this count is named before the next clause: in `352票赞成、65票反对` the
    // first count is for, though 反对 follows it closely.
    let after: String = low[end..]
        .chars()
        .take(12)
        .take_while(|c| !CLAUSE.contains(c))
        .collect();
    let before = low[..end].trim_end_matches(|c: char| c.is_ascii_digit());
    let against = ["contra", "against", "dagegen", "反对", "反對", "menolak"]
        .iter()
        .any(|w| after.contains(w))
        || before.ends_with(" to ");
    if against {
        "votes against"
    } else {
        "votes for"
    }
    .to_string()
}

/// Words of a sentence that make a date the day something takes effect.
const TAKES_EFFECT: &[&str] = &[
    "takes effect",
    "take effect",
    "entrer en vigueur",
    "entre en vigueur",
    "entra en vigor",
    "entrará en vigor",
    "in kraft",
    "entra em vigor",
    "berlaku",
    "生效",
    "施行",
    "a partir de",
    "from",
    "ab dem",
];

/// The sentence of a figure.
fn sentence<'a>(doc: &'a Document, f: &Figure) -> (&'a str, usize) {
    let (lo, hi) = f
        .sentence()
        .or_else(|| doc.sentence_at(f.start))
        .and_then(|i| doc.sentences.get(i))
        .map_or((0, doc.text.len()), |s| (s.range.start, s.range.end));
    (doc.text.get(lo..hi).unwrap_or(""), lo)
}

/// Whether `name` occurs in `text` at byte `at` as a whole word (Han names need no edges).
fn whole_word(text: &str, at: usize, name: &str) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + name.len()..].chars().next();
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() || super::token::is_han(c));
    !name.is_ascii() || (edge(before) && edge(after))
}

/// Every entity named in `text`, with where its name starts.
fn entities(text: &str, aliases: &[(String, &'static str)]) -> Vec<(usize, &'static str)> {
    mentions(text, aliases, true)
}

/// The entities a sentence is about: those named in `text` but not only as part of a
/// quoted phrase, which names a tag or a title (`“TikTok难民”标签`). A document quoting
/// one is still about it: its topic counts every mention.
fn subjects_named(text: &str, aliases: &[(String, &'static str)]) -> Vec<(usize, &'static str)> {
    mentions(text, aliases, false)
}

fn mentions(
    text: &str,
    aliases: &[(String, &'static str)],
    quoted: bool,
) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    let names = ENTITIES
        .iter()
        .flat_map(|(canon, names)| names.iter().map(move |n| (*n, *canon)))
        .chain(aliases.iter().map(|(a, canon)| (a.as_str(), *canon)));
    for (name, canon) in names {
        for (at, _) in text.match_indices(name) {
            if whole_word(text, at, name) && (quoted || !in_quoted_phrase(text, at, name.len())) {
                out.push((at, canon));
            }
        }
    }
    out
}

/// Quotation marks, opening and closing.
const QUOTES: &[(char, char)] = &[
    ('“', '”'),
    ('«', '»'),
    ('„', '“'),
    ('《', '》'),
    ('「', '」'),
    ('『', '』'),
];

/// Whether the name at `at..at + len` of `text` sits inside quotation marks that hold more
/// than the name and an apposition in brackets (`「小紅書（RED）」` is still the app).
fn in_quoted_phrase(text: &str, at: usize, len: usize) -> bool {
    let (before, after) = (&text[..at], &text[at + len..]);
    QUOTES.iter().any(|(open, close)| {
        let Some(o) = before.rfind(*open) else {
            return false;
        };
        if before[o..].contains(*close) {
            return false;
        }
        let Some(c) = after.find(*close) else {
            return false;
        };
        let inside = format!("{}{}", &before[o + open.len_utf8()..], &after[..c]);
        let inside = match inside.find(['(', '（']) {
            Some(p) => &inside[..p],
            None => &inside,
        };
        inside.chars().any(char::is_alphanumeric)
    })
}

/// Entities that are places: a figure's subject is a place only when its sentence names
/// nothing else (`TikTok en Chine` is about TikTok).
const PLACES: &[&str] = &[
    "china",
    "indonesia",
    "philippines",
    "japan",
    "taiwan",
    "hong kong",
    "germany",
    "lisbon",
    "marseille",
    "valencia",
    "cianjur",
    "bali",
];

/// What a document names: the aliases it introduces, and the entity it names most, which is
/// the subject of a figure whose sentence names none.
#[derive(Debug, Clone, Default)]
pub struct Names {
    aliases: Vec<(String, &'static str)>,
    topic: Option<&'static str>,
}

impl Names {
    /// Reads the names of `doc`.
    #[must_use]
    pub fn of(doc: &Document) -> Self {
        let aliases = aliases(doc);
        let found = entities(&doc.text, &aliases);
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for (_, c) in &found {
            match counts.iter_mut().find(|(k, _)| k == c) {
                Some(e) => e.1 += 1,
                None => counts.push((c, 1)),
            }
        }
        let topic = counts
            .iter()
            .filter(|(c, _)| !PLACES.contains(c))
            .max_by_key(|(_, n)| *n)
            .or_else(|| counts.iter().max_by_key(|(_, n)| *n))
            .map(|(c, _)| *c);
        Self { aliases, topic }
    }
}

/// Names a document introduces for a known entity by apposition: `小红书（RedNote）`,
/// `Xiaohongshu (RED)`.
fn aliases(doc: &Document) -> Vec<(String, &'static str)> {
    let text = &doc.text;
    let mut out = Vec::new();
    for (canon, names) in ENTITIES {
        for name in *names {
            for (at, _) in text.match_indices(name) {
                let rest = &text[at + name.len()..];
                let rest = rest.trim_start_matches(' ');
                let Some(inner) = rest.strip_prefix('（').or_else(|| rest.strip_prefix('('))
                else {
                    continue;
                };
                let Some(end) = inner.find(['）', ')']) else {
                    continue;
                };
                let alias = inner[..end].trim();
                if (2..=24).contains(&alias.chars().count())
                    && !alias.chars().any(|c| c.is_ascii_digit())
                {
                    out.push((alias.to_string(), *canon));
                }
            }
        }
    }
    out
}

/// The subject of a figure at byte `at` of `text`: the nearest entity named before it,
/// else the first after it, else the first capitalised name of the sentence.
fn subject(text: &str, at: usize, earlier: &str, names: &Names) -> Option<String> {
    let mut found = subjects_named(text, &names.aliases);
    // A sentence that names nothing goes on about what its paragraph named last: "…
    // l'interdiction de TikTok. Si elle entre en vigueur, 100 millions d'utilisateurs…".
    if found.is_empty()
        && let Some(&(_, c)) = subjects_named(earlier, &names.aliases)
            .iter()
            .filter(|(_, c)| !PLACES.contains(c))
            .max_by_key(|(p, _)| *p)
    {
        return Some(c.to_string());
    }
    // An organisation named in the sentence, then the document's own subject, then a place.
    if found.iter().any(|(_, c)| !PLACES.contains(c)) {
        found.retain(|(_, c)| !PLACES.contains(c));
    } else if let Some(t) = names.topic.filter(|t| !PLACES.contains(t)) {
        return Some(t.to_string());
    }
    let before = found
        .iter()
        .filter(|(p, _)| *p <= at)
        .max_by_key(|(p, _)| *p);
    let after = found
        .iter()
        .filter(|(p, _)| *p > at)
        .min_by_key(|(p, _)| *p);
    // A name outside the lexicon is left unknown: a guessed subject could set two
    // different things against each other.
    before
        .or(after)
        .map(|(_, c)| *c)
        .or(names.topic)
        .map(str::to_string)
}

/// Things a figure is about that belong to its named subject: deaths are those of the
/// earthquake in Cianjur, votes are cast on the TikTok bill, a price per night is Lisbon's
/// tourist tax. Each is the thing, the measures it is the subject of, the words that name
/// it (lower case; Latin words whole, Han and kana as substrings), and words that must
/// also be said (a law that bans something is a ban). The first that fits wins.
const ATTACHED: &[(&str, Words, Words, Words)] = &[
    (
        "earthquake",
        DISASTER,
        &[
            "earthquake",
            "quake",
            "séisme",
            "tremblement de terre",
            "gempa",
            "terremoto",
            "sismo",
            "erdbeben",
            "地震",
        ],
        &[],
    ),
    (
        "floods",
        DISASTER,
        &[
            "flood",
            "floods",
            "flooding",
            "inondation",
            "inondations",
            "crues",
            "banjir",
            "inundación",
            "inundaciones",
            "dana",
            "riada",
            "enchentes",
            "cheias",
            "inundações",
            "hochwasser",
            "überschwemmungen",
            "洪水",
            "水灾",
            "水災",
            "洪灾",
            "洪災",
        ],
        &[],
    ),
    (
        "hurricane",
        DISASTER,
        &[
            "hurricane",
            "typhoon",
            "cyclone",
            "ouragan",
            "typhon",
            "huracán",
            "tifón",
            "furacão",
            "tufão",
            "hurrikan",
            "taifun",
            "topan",
            "台风",
            "颱風",
            "台風",
            "飓风",
            "颶風",
            "ハリケーン",
        ],
        &[],
    ),
    (
        "building collapse",
        DISASTER,
        &[
            "collapse",
            "effondrement",
            "einsturz",
            "derrumbe",
            "desabamento",
            "runtuh",
            "ambruk",
            "倒塌",
            "倒壊",
        ],
        &[],
    ),
    (
        "tourist tax",
        &["price", "effective date"],
        &[
            "tourist tax",
            "taxe de séjour",
            "taxe touristique",
            "taxa turística",
            "tasa turística",
            "ecotasa",
            "touristenabgabe",
            "touristensteuer",
            "bettensteuer",
            "pajak turis",
            "旅游税",
            "觀光稅",
            "観光税",
            "宿泊税",
        ],
        &[],
    ),
    ("ban", LAW_MEASURES, LAW, BAN),
    ("bill", LAW_MEASURES, LAW, &[]),
];

/// A list of words or measures.
type Words = &'static [&'static str];

/// Measures a disaster is the subject of.
const DISASTER: &[&str] = &["deaths", "injured"];
/// Measures a law is the subject of: it is voted on, and it takes effect.
const LAW_MEASURES: &[&str] = &["votes for", "votes against", "effective date"];
const LAW: &[&str] = &[
    "bill",
    "law",
    "loi",
    "projet de loi",
    "ley",
    "lei",
    "gesetz",
    "gesetzentwurf",
    "undang-undang",
    "ruu",
    "法案",
    "法律",
];
const BAN: &[&str] = &[
    "ban",
    "banning",
    "interdisant",
    "interdiction",
    "interdire",
    "prohibición",
    "prohíbe",
    "proibição",
    "proíbe",
    "verbot",
    "verbietet",
    "larangan",
    "melarang",
    "禁",
];

/// Where `low`, a lower-cased sentence, says one of `words` (see [`ATTACHED`]), and how
/// long the word is.
fn says(low: &str, words: &[&str]) -> Option<(usize, usize)> {
    words.iter().find_map(|w| {
        low.match_indices(w)
            .find(|(at, _)| whole_word(low, *at, w))
            .map(|(at, _)| (at, w.len()))
    })
}

/// The subject of a figure of `measure` once what belongs to it is named: `cianjur
/// earthquake` for deaths in a sentence about the earthquake in Cianjur. A disaster named
/// without a known place is named by itself, with the name that follows its word
/// (`Hurricane Helene`), so that it is never taken for another place's disaster.
fn attach(subject: Option<String>, measure: Option<&str>, text: &str) -> Option<String> {
    let Some(measure) = measure else {
        return subject;
    };
    let low = text.to_lowercase();
    let Some((thing, at, len)) = ATTACHED.iter().find_map(|(thing, measures, words, also)| {
        let (at, len) = says(&low, words)?;
        (measures.contains(&measure) && (also.is_empty() || says(&low, also).is_some()))
            .then_some((*thing, at, len))
    }) else {
        return subject;
    };
    match subject {
        Some(s) => Some(format!("{s} {thing}")),
        None if !DISASTER.contains(&measure) => None,
        None => {
            // The name is read from the text as written, where lower-casing moved nothing.
            let name = (low.len() == text.len())
                .then(|| text[at + len..].strip_prefix(' '))
                .flatten()
                .map(|rest| {
                    rest.split(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("")
                })
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))?;
            Some(format!("{thing} {}", name.to_lowercase()))
        }
    }
}

/// Characters that close a clause: a measure word or a scope beyond one does not belong to
/// the figure.
const CLAUSE: &[char] = &[',', ';', '，', '；', '、', '。', ':', '：'];

/// The clause of `text` around bytes `at..end`.
fn clause(text: &str, at: usize, end: usize) -> &str {
    let lo = text[..at].rfind(CLAUSE).map_or(0, |p| p + 1);
    let lo = (lo..=at).find(|&p| text.is_char_boundary(p)).unwrap_or(at);
    let hi = text[end..].find(CLAUSE).map_or(text.len(), |p| end + p);
    &text[lo..hi]
}

/// Whether a German sentence says a company turned an amount over with the separable verb
/// (`ByteDance setzte 2024 rund 155 Milliarden Dollar um.`): its particle closes the clause.
fn turned_over(low: &str) -> bool {
    ["setzte ", "setzt ", "setzten "].iter().any(|v| {
        low.match_indices(v).any(|(at, _)| {
            whole_word(low, at, v.trim_end())
                && low[at..]
                    .split(CLAUSE)
                    .next()
                    .unwrap_or("")
                    .trim_end_matches(['.', ' '])
                    .ends_with(" um")
        })
    })
}

/// Words for "times" after a count (`2 milliards de fois`, `70万回`).
const TIMES: &[&str] = &[
    "fois", "times", "mal", "vezes", "veces", "kali", "次", "回", "遍",
];

/// Whether a counted noun is a number of times.
fn times(unit: &str) -> bool {
    let first = unit.split_whitespace().next().unwrap_or("").to_lowercase();
    TIMES
        .iter()
        .any(|t| first == *t || (!t.is_ascii() && first.starts_with(t)))
}

/// What a count of times counts, by what was done (lower case; Latin words whole, Han and
/// kana as substrings).
const ACTIONS: &[(&str, &[&str])] = &[
    (
        "downloads",
        &[
            "downloaded",
            "heruntergeladen",
            "baixado",
            "baixada",
            "descargado",
            "descargada",
            "téléchargé",
            "téléchargée",
            "diunduh",
            "ダウンロード",
            "下载",
            "下載",
        ],
    ),
    (
        "views",
        &[
            "vu",
            "vue",
            "vus",
            "viewed",
            "watched",
            "visto",
            "vista",
            "visualizado",
            "visualizada",
            "angesehen",
            "aufgerufen",
            "ditonton",
            "dilihat",
            "播放",
            "观看",
            "觀看",
            "再生",
        ],
    ),
];

/// Words that make abonnés (`abonnés`, `Abonnenten`) subscribers.
const CHANNEL: &[&str] = &[
    "channel",
    "chaîne",
    "canal",
    "kanal",
    "youtube",
    "newsletter",
];

/// The concept of a Han noun just before a count (`帖子超过`, `播放量超过`), within a few
/// characters and the same clause. People are left out: `人` before a number is rarely
/// what it counts.
fn han_noun_before(before: &str) -> Option<&'static str> {
    let tail: String = before
        .chars()
        .rev()
        .take(6)
        .take_while(|c| !CLAUSE.contains(c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if !tail
        .chars()
        .any(|c| super::token::is_han(c) || super::token::is_kana(c))
    {
        return None;
    }
    concept(&tail).filter(|c| *c != "people")
}

/// The concept of a noun among the three words after a count whose counted noun was cut
/// short by its qualifiers (`300 Millionen monatlich aktive Nutzer`), within its clause.
fn noun_after(text: &str, end: usize) -> Option<&'static str> {
    let rest = &text[end..];
    let rest = &rest[..rest.find(CLAUSE).unwrap_or(rest.len())];
    rest.split_whitespace()
        .take(3)
        .find_map(concept)
        .filter(|c| *c != "people")
}

/// Words just before a count that make it a part of a total named earlier (`1 billion users,
/// including 170 million in the United States`), lower case.
const PART_BEFORE: &[&str] = &[
    "including",
    "dont",
    "incluidos",
    "incluidas",
    "incluyendo",
    "incluindo",
    "darunter",
    "termasuk",
    "di antaranya",
    "其中",
    "包括",
    "うち",
];

/// Words just after a count that make it a part of a total named earlier (`100 million of
/// them`), lower case.
const PART_AFTER: &[&str] = &[
    "of them",
    "d'entre eux",
    "d'entre elles",
    "de ellos",
    "de ellas",
    "dos quais",
    "das quais",
    "davon",
    "di antaranya",
];

/// The concept a count without a noun counts when it is a part of a total the sentence
/// named before it: the last known noun before the count. Its scope (US, daily) is read
/// from its own clause, as for any count.
fn part_of(text: &str, at: usize, end: usize) -> Option<&'static str> {
    let before = &text[..at];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| CLAUSE.contains(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let lead = &before[start..].to_lowercase();
    let rest = text[end..].trim_start().to_lowercase();
    let part = PART_BEFORE
        .iter()
        .any(|w| lead.match_indices(w).any(|(p, _)| whole_word(lead, p, w)))
        || PART_AFTER
            .iter()
            .any(|w| rest.starts_with(w) && whole_word(&rest, 0, w));
    if !part {
        return None;
    }
    before
        .split_whitespace()
        .rev()
        .find_map(concept)
        .filter(|c| *c != "people")
}

/// What a figure measures, from its counted noun and its sentence.
fn measure(f: &Figure, text: &str, around: &str, at: usize) -> Option<String> {
    let low = text.to_lowercase();
    let pos = at;
    let after = (at + (f.end - f.start)).min(text.len());
    let after = (after..=text.len())
        .find(|&e| text.is_char_boundary(e))
        .unwrap_or(text.len());
    // Lower-casing may move bytes in non-ASCII text: the figure's place is kept only when
    // it did not.
    let (at, end) = if low.len() == text.len() {
        (at, (at + (f.end - f.start)).min(low.len()))
    } else {
        (0, 0)
    };
    let said = |words: &[&str]| words.iter().any(|w| low.contains(w));
    let first = |pick: &dyn Fn(&str) -> bool| {
        MEASURES
            .iter()
            .find(|(m, ws)| pick(m) && said(ws))
            .map(|(m, _)| (*m).to_string())
    };
    match f.kind {
        Kind::Count => {
            let unit = f.unit.as_deref().unwrap_or("");
            let c = concept(unit);
            let t = tags(around);
            let scoped = |name: &str| {
                if t.contains(&"monthly-active") {
                    format!("monthly active {name}")
                } else if t.contains(&"daily-active") {
                    format!("daily active {name}")
                } else if t.contains(&"us") {
                    format!("us {name}")
                } else {
                    name.to_string()
                }
            };
            let whole = f.value.number().is_some_and(|n| n.fract() == 0.0);
            // A count of times is what was done that many times: `700 mil vezes` downloaded.
            if times(unit) {
                return ACTIONS
                    .iter()
                    .find(|(_, ws)| says(&around.to_lowercase(), ws).is_some())
                    .map(|(m, _)| (*m).to_string());
            }
            // A Chinese count often names its noun before the number and a classifier
            // after it: `帖子超过11.4万条`.
            // `人` after a count is a counter word when a noun comes just before it
            // (`ユーザーは約3億人`).
            let c = match c {
                None | Some("people") => han_noun_before(&text[..pos])
                    .or_else(|| c.is_none().then(|| part_of(text, pos, after)).flatten())
                    .or_else(|| c.is_none().then(|| noun_after(text, after)).flatten())
                    .filter(|_| whole)
                    .or(c),
                known => known,
            };
            match c {
                Some("users") => Some(scoped("users")),
                Some("visits") => Some("visitors".to_string()),
                Some("people") | None if !whole => None,
                Some("people") | None => nearest(&low, at, end)
                    .map(|m| {
                        if m == "votes" {
                            votes_side(&low, end)
                        } else {
                            m.to_string()
                        }
                    })
                    .or_else(|| c.map(|_| scoped("users")).filter(|_| t.contains(&"us"))),
                // Abonnés of a channel subscribe to it; of an account, they follow it.
                Some("followers") if CHANNEL.iter().any(|w| low.contains(w)) => {
                    Some("subscribers".to_string())
                }
                Some(other) => Some(other.to_string()),
            }
        }
        Kind::Money if turned_over(&low) => Some("revenue".to_string()),
        Kind::Money => {
            first(&|m| matches!(m, "revenue" | "fine" | "budget" | "investment" | "price"))
        }
        Kind::Percent => first(&|m| matches!(m, "market share" | "growth")),
        Kind::Rank => said(&[
            "app store",
            "应用商店",
            "應用商店",
            "アップストア",
            "下载榜",
            "下載榜",
            "chart",
        ])
        .then(|| "app store rank".to_string()),
        Kind::Date => said(TAKES_EFFECT).then(|| "effective date".to_string()),
        _ => None,
    }
}

/// The fact of figure `i` of `figs`, the figures of `doc` in order.
#[must_use]
pub fn fact(doc: &Document, figs: &[Figure], i: usize, names: &Names) -> Fact {
    let f = &figs[i];
    let (text, lo) = sentence(doc, f);
    let at = f.start.saturating_sub(lo).min(text.len());
    let at = (0..=at)
        .rev()
        .find(|&a| text.is_char_boundary(a))
        .unwrap_or(0);
    let end = (at + (f.end - f.start)).min(text.len());
    let end = (end..=text.len())
        .find(|&e| text.is_char_boundary(e))
        .unwrap_or(text.len());
    let around = clause(text, at, end);
    // Figures come in text order, so those of the same sentence are next to this one: only
    // they are looked at (looking at every figure made a document's facts quadratic).
    let same_sentence = |g: &&Figure| g.sentence == f.sentence;
    let first = i - figs[..i].iter().rev().take_while(same_sentence).count();
    let last = i + figs[i..].iter().take_while(same_sentence).count();
    // A day something takes effect on is its own fact (the effective date), not the date
    // a figure is given for: `4 euros por noite a partir de 1 de setembro` is the price.
    let takes_effect = {
        let low = text.to_lowercase();
        TAKES_EFFECT.iter().any(|w| low.contains(w))
    };
    let as_of = figs[first..last]
        .iter()
        .enumerate()
        .filter(|(j, g)| first + j != i && g.sentence.is_some())
        .filter(|(_, g)| !(g.kind == Kind::Date && takes_effect))
        .find(|(_, g)| matches!(g.kind, Kind::Year | Kind::Date) && f.kind != Kind::Date)
        .map(|(_, g)| g.value.to_string());
    // The paragraph before the figure's sentence.
    let earlier = f
        .sentence()
        .and_then(|i| doc.sentences.get(i))
        .and_then(|s| doc.paragraphs.get(s.paragraph as usize))
        .and_then(|p| doc.text.get(p.range.start..lo.max(p.range.start)))
        .unwrap_or("");
    let measure = measure(f, text, around, at);
    // "Meta revendique 250 millions d'utilisateurs pour sa nouvelle application": the figure
    // is about something the entity owns and the sentence does not name, so it has no known
    // subject; read as Meta's, it would set 250 million against Meta's 3 billion users.
    let subject = if of_unnamed_product(&text[end..], names) {
        None
    } else {
        attach(subject(text, at, earlier, names), measure.as_deref(), text)
    };
    Fact {
        subject,
        measure,
        as_of,
    }
}

/// Possessives that give a product to the entity named before ("its", "sa", "seine").
const POSSESSIVES: &[&str] = &[
    "its", "their", "his", "her", "sa", "son", "ses", "leur", "su", "sus", "seu", "sua", "seus",
    "suas", "sein", "seine", "seiner", "seinen", "ihr", "ihre", "ihrer", "ihren",
];

/// What an entity makes or runs, as a noun after a possessive.
const PRODUCTS: &[&str] = &[
    "app",
    "apps",
    "application",
    "applications",
    "aplicación",
    "aplicativo",
    "aplikasi",
    "anwendung",
    "platform",
    "plateforme",
    "plataforma",
    "plattform",
    "service",
    "servicio",
    "serviço",
    "dienst",
    "product",
    "produit",
    "producto",
    "produto",
    "produkt",
    "network",
    "réseau",
    "red",
    "rede",
    "netzwerk",
];

/// Adjectives that may stand between the possessive and the product ("sa nouvelle
/// application", "its new app").
const PRODUCT_ADJECTIVES: &[&str] = &[
    "new", "latest", "own", "nouvelle", "nouveau", "propre", "nueva", "nuevo", "propia", "nova",
    "novo", "própria", "neue", "neuen", "neuer", "eigene", "eigenen", "baru",
];

/// Whether the clause after a figure gives it to a product of the entity that the sentence
/// leaves unnamed: "… for its new app.", "… pour sa nouvelle application", "… untuk
/// aplikasi barunya". A product named after it ("its app Threads") is named, and a lexicon
/// entity there is the subject as usual.
fn of_unnamed_product(after: &str, names: &Names) -> bool {
    let clause_end = after.find(CLAUSE).unwrap_or(after.len());
    let after = &after[..clause_end];
    let words: Vec<String> = after
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let product_at = words.iter().enumerate().find_map(|(k, w)| {
        // Indonesian puts the possessive after the noun: "aplikasi barunya", "layanannya".
        if let Some(stem) = w.strip_suffix("nya") {
            let after_product = k > 0 && PRODUCTS.contains(&words[k - 1].as_str());
            if PRODUCTS.contains(&stem) || (PRODUCT_ADJECTIVES.contains(&stem) && after_product) {
                return Some(k);
            }
        }
        let mut j = k + 1;
        if !POSSESSIVES.contains(&w.as_str()) {
            return None;
        }
        while words
            .get(j)
            .is_some_and(|a| PRODUCT_ADJECTIVES.contains(&a.as_str()))
        {
            j += 1;
        }
        words
            .get(j)
            .is_some_and(|p| PRODUCTS.contains(&p.as_str()))
            .then_some(j)
    });
    let Some(k) = product_at else {
        return false;
    };
    // "its new app Threads": a product the lexicon knows is the subject, as usual.
    let rest = words[k + 1..].join(" ");
    entities(&rest, &names.aliases).is_empty()
}

#[cfg(test)]
mod tests {
    use crate::corpus::{Document, Lang, Origin};
    use crate::extract::figures::{Fact, extract_document, facts};

    /// The facts of the figures of `text` whose surface is `surface`.
    fn fact_of(lang: &str, text: &str, surface: &str) -> Fact {
        let doc = Document::from_text(
            "d".into(),
            Origin::Stdin,
            text.to_string(),
            Some(Lang::parse(lang).expect("language")),
        );
        let figs = extract_document(&doc);
        let all = facts(&doc, &figs);
        let i = figs
            .iter()
            .position(|f| f.surface(&doc.text) == surface)
            .unwrap_or_else(|| panic!("no {surface} in {figs:?}"));
        all[i].clone()
    }

    fn named(f: &Fact) -> (Option<&str>, Option<&str>) {
        (f.subject.as_deref(), f.measure.as_deref())
    }

    #[test]
    fn a_figure_for_an_unnamed_product_has_no_subject() {
        for (lang, text, surface) in [
            (
                "fr",
                "Meta revendique 250 millions d’utilisateurs pour sa nouvelle application.",
                "250 millions",
            ),
            (
                "en",
                "Meta says it has 250 million users for its new app.",
                "250 million",
            ),
            (
                "id",
                "Meta mengklaim 250 juta pengguna untuk aplikasi barunya.",
                "250 juta",
            ),
        ] {
            let f = fact_of(lang, text, surface);
            assert_eq!(f.subject, None, "{text}");
        }
        // Without a product, or with the entity's own users, the subject stays.
        let f = fact_of(
            "en",
            "Meta has 3 billion users across its apps.",
            "3 billion",
        );
        assert_eq!(f.subject, None);
        let f = fact_of("en", "Meta has 3 billion users worldwide.", "3 billion");
        assert_eq!(f.subject.as_deref(), Some("meta"));
        let f = fact_of(
            "en",
            "TikTok has 170 million users in the United States, its biggest market.",
            "170 million",
        );
        assert_eq!(f.subject.as_deref(), Some("tiktok"));
    }

    #[test]
    fn disasters_and_laws_belong_to_their_subject() {
        let f = fact_of("en", "The earthquake in Cianjur killed 310 people.", "310");
        assert_eq!(named(&f), (Some("cianjur earthquake"), Some("deaths")));
        let f = fact_of(
            "es",
            "Las inundaciones de Valencia dejaron 224 muertos.",
            "224",
        );
        assert_eq!(named(&f), (Some("valencia floods"), Some("deaths")));
        // A storm with no known place is named by itself, never left open.
        let f = fact_of("en", "Hurricane Helene killed at least 230 people.", "230");
        assert_eq!(named(&f), (Some("hurricane helene"), Some("deaths")));
        let f = fact_of(
            "en",
            "The House passed the TikTok bill by 352 votes to 65.",
            "352",
        );
        assert_eq!(named(&f), (Some("tiktok bill"), Some("votes for")));
        // A law only owns what is voted or takes effect: users stay the app's.
        let f = fact_of(
            "en",
            "TikTok has 170 million users as the ban law looms.",
            "170 million",
        );
        assert_eq!(f.subject.as_deref(), Some("tiktok"));
    }

    #[test]
    fn the_side_of_a_vote_is_named_in_its_clause() {
        let text = "众议院以352票赞成、65票反对通过了TikTok法案。";
        assert_eq!(
            fact_of("zh", text, "352").measure.as_deref(),
            Some("votes for")
        );
        assert_eq!(
            fact_of("zh", text, "65").measure.as_deref(),
            Some("votes against")
        );
    }

    #[test]
    fn times_count_what_was_done() {
        let f = fact_of(
            "pt",
            "O RedNote foi baixado mais de 700 mil vezes.",
            "700 mil",
        );
        assert_eq!(named(&f), (Some("xiaohongshu"), Some("downloads")));
        let f = fact_of(
            "fr",
            "Le clip a été vu plus de 2 milliards de fois.",
            "2 milliards",
        );
        assert_eq!(f.measure.as_deref(), Some("views"));
        // A number of times with nothing done is no measure.
        let f = fact_of("en", "He was arrested 3 times.", "3");
        assert_eq!(f.measure, None);
    }

    #[test]
    fn nouns_before_a_counter_and_parts_of_a_total() {
        let f = fact_of("zh", "小红书上的帖子超过11.4万条。", "11.4万条");
        assert_eq!(named(&f), (Some("xiaohongshu"), Some("posts")));
        let f = fact_of("ja", "小紅書の月間アクティブユーザーは約3億人。", "3億");
        assert_eq!(f.measure.as_deref(), Some("monthly active users"));
        let text = "TikTok has 1 billion users, including 170 million in the United States.";
        assert_eq!(
            fact_of("en", text, "170 million").measure.as_deref(),
            Some("us users")
        );
        assert_eq!(
            fact_of("en", text, "1 billion").measure.as_deref(),
            Some("users")
        );
        // A count that is no part of anything keeps no measure.
        let f = fact_of(
            "en",
            "TikTok has 1 billion users, and 170 million in taxes.",
            "170 million",
        );
        assert_ne!(f.measure.as_deref(), Some("us users"));
    }

    #[test]
    fn a_name_inside_a_quoted_phrase_is_not_the_subject() {
        let f = fact_of(
            "zh",
            "小红书上带有“TikTok难民”标签的帖子超过11.4万条。",
            "11.4万条",
        );
        assert_eq!(f.subject.as_deref(), Some("xiaohongshu"));
        // A quoted name with its alias in brackets is still the name.
        let f = fact_of("ja", "「小紅書（RED）」の利用者は約3億人。", "3億");
        assert_eq!(f.subject.as_deref(), Some("xiaohongshu"));
    }

    #[test]
    fn the_day_a_price_takes_effect_is_not_its_date() {
        let text = "A taxa passa para 4 euros por noite a partir de 1 de setembro de 2025.";
        let f = fact_of("pt", text, "4 euros");
        assert_eq!(named(&f).1, Some("price"));
        assert_eq!(f.as_of, None);
    }

    #[test]
    fn a_noun_after_its_qualifiers_is_counted() {
        let text = "Die App kommt auf rund 300 Millionen monatlich aktive Nutzer.";
        let f = fact_of("de", text, "300 Millionen");
        assert_eq!(f.measure.as_deref(), Some("monthly active users"));
    }

    #[test]
    fn a_german_separable_verb_says_revenue() {
        let f = fact_of(
            "de",
            "ByteDance setzte 2024 rund 155 Milliarden Dollar um.",
            "155 Milliarden Dollar",
        );
        assert_eq!(named(&f), (Some("bytedance"), Some("revenue")));
        let f = fact_of(
            "de",
            "Die Regierung setzt 2 Milliarden Euro für Schulen ein.",
            "2 Milliarden Euro",
        );
        assert_ne!(f.measure.as_deref(), Some("revenue"));
    }

    #[test]
    fn abonnes_of_a_channel_subscribe() {
        let f = fact_of(
            "fr",
            "La chaîne YouTube dépasse les 850 000 abonnés.",
            "850 000",
        );
        assert_eq!(f.measure.as_deref(), Some("subscribers"));
        let f = fact_of(
            "fr",
            "Son compte Instagram compte 850 000 abonnés.",
            "850 000",
        );
        assert_eq!(f.measure.as_deref(), Some("followers"));
    }
}
