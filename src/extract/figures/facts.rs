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
        ],
    ),
    (
        "price",
        &[
            "costs", "cost", "price", "prix", "precio", "cuesta", "preço", "custa", "preis",
            "kostet", "harga", "售价", "售價", "价格", "價格", "価格", "billet", "ticket",
            "entrada",
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
    let after: String = low[end..].chars().take(12).collect();
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
        .sentence
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
    let mut out = Vec::new();
    for (canon, names) in ENTITIES {
        for name in *names {
            for (at, _) in text.match_indices(name) {
                if whole_word(text, at, name) {
                    out.push((at, *canon));
                }
            }
        }
    }
    for (alias, canon) in aliases {
        for (at, _) in text.match_indices(alias.as_str()) {
            if whole_word(text, at, alias) {
                out.push((at, *canon));
            }
        }
    }
    out
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
    let mut found = entities(text, &names.aliases);
    // A sentence that names nothing goes on about what its paragraph named last: "…
    // l'interdiction de TikTok. Si elle entre en vigueur, 100 millions d'utilisateurs…".
    if found.is_empty()
        && let Some(&(_, c)) = entities(earlier, &names.aliases)
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

/// What a figure measures, from its counted noun and its sentence.
fn measure(f: &Figure, text: &str, around: &str, at: usize) -> Option<String> {
    let low = text.to_lowercase();
    // Lower-casing may move bytes in non-ASCII text: the figure's place is kept only when
    // it did not.
    let (at, end) = if low.len() == text.len() {
        (at, (at + f.surface.len()).min(low.len()))
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
                Some(other) => Some(other.to_string()),
            }
        }
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
    let end = (at + f.surface.len()).min(text.len());
    let end = (end..=text.len())
        .find(|&e| text.is_char_boundary(e))
        .unwrap_or(text.len());
    let around = clause(text, at, end);
    // Figures come in text order, so those of the same sentence are next to this one: only
    // they are looked at (looking at every figure made a document's facts quadratic).
    let same_sentence = |g: &&Figure| g.sentence == f.sentence;
    let first = i - figs[..i].iter().rev().take_while(same_sentence).count();
    let last = i + figs[i..].iter().take_while(same_sentence).count();
    let as_of = figs[first..last]
        .iter()
        .enumerate()
        .filter(|(j, g)| first + j != i && g.sentence.is_some())
        .find(|(_, g)| matches!(g.kind, Kind::Year | Kind::Date) && f.kind != Kind::Date)
        .map(|(_, g)| g.value.to_string());
    // The paragraph before the figure's sentence.
    let earlier = f
        .sentence
        .and_then(|i| doc.sentences.get(i))
        .and_then(|s| doc.paragraphs.get(s.paragraph))
        .and_then(|p| doc.text.get(p.range.start..lo.max(p.range.start)))
        .unwrap_or("");
    Fact {
        subject: subject(text, at, earlier, names),
        measure: measure(f, text, around, at),
        as_of,
    }
}
