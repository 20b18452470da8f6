//! The lines a saved page carries around its headline: bylines, date lines, photo credits and
//! captions, section labels. The title skips them; the byline is read from them.

use unicode_segmentation::UnicodeSegmentation;

use super::document::{Paragraph, ParagraphKind};
use super::segment::ends_sentence;
use super::title::{HEADLINE_WINDOW, headline};

/// True for characters of scripts written without spaces between words (Han, kana, Thai,
/// Lao, Khmer, Myanmar): a paragraph in them is judged by its characters, not its words.
#[must_use]
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' // Han
        | '\u{20000}'..='\u{2FFFF}'
        | '\u{0E00}'..='\u{0EFF}' // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' // Khmer
    )
}

/// True for letters of the scripts that separate words with spaces and mark names with
/// capitals (Latin, Greek, Cyrillic): the only ones where glued words mean anything.
#[must_use]
pub fn is_cased_script(c: char) -> bool {
    c.is_alphabetic()
        && (c.is_ascii()
            || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{0370}'..='\u{052F}' | '\u{1E00}'..='\u{1FFF}'))
}

/// A paragraph's length in words, counting two characters of an unspaced script as one word
/// (the average length of a Chinese word), so that limits in words hold for every script.
#[must_use]
pub fn size(s: &str) -> usize {
    let unspaced = s.chars().filter(|&c| is_unspaced(c)).count();
    let spaced = s
        .unicode_words()
        .filter(|w| !w.chars().any(is_unspaced))
        .count();
    spaced + unspaced.div_ceil(2)
}

/// Words that open a line giving when a page was published or updated.
const DATE_LABELS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last updated",
    "publié",
    "mis à jour",
    "le ",
    "publicado",
    "actualizad",
    "atualizado",
    "diperbarui",
    "dipublikasikan",
    "stand:",
    "erstellt",
    "veröffentlicht",
    "aktualisiert",
    "发布时间",
    "發佈時間",
    "發布時間",
    "更新时间",
    "最後更新",
    "最后更新",
    "公開",
    "更新",
];

/// "3 hours ago" in the languages dossier knows: a line that is only this is a date line.
const RELATIVE_TIME: &[&str] = &[
    " ago",
    "há ",
    "hace ",
    "vor ",
    "il y a ",
    "yang lalu",
    "前",
    "小时前",
    "小時前",
];

/// True for a line that only says when: "15 janvier 2025", "Kamis, 16/1/2025 14:35 WIB",
/// "Updated March 3, 2025 at 11:02 a.m. ET", "2025年5月19日 17:42", "Há 3 horas".
#[must_use]
pub fn is_date_line(s: &str) -> bool {
    let s = s.trim().trim_matches(['[', ']', '(', ')', '（', '）']);
    if s.is_empty() || size(s) > 16 || s.ends_with(['.', '。', '!', '?', '！', '？']) {
        return false;
    }
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = s.to_lowercase();
    if DATE_LABELS.iter().any(|l| lower.starts_with(l)) || has_time(s) || has_numeric_date(s) {
        return true;
    }
    if RELATIVE_TIME.iter().any(|r| lower.contains(r)) && size(s) <= 4 {
        return true;
    }
    // A year with at most four other words: "Culture | Nov. 5, 2025", "Senin, 6 Oktober 2025".
    let words: Vec<&str> = s.unicode_words().collect();
    let year = |w: &&str| {
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
    };
    let cjk_date = s.contains('年') && s.contains('月');
    let others = words
        .iter()
        .filter(|w| !w.bytes().all(|b| b.is_ascii_digit()))
        .count();
    (words.iter().any(year) && others <= 4) || (cjk_date && size(s) <= 10)
}

/// A time of day: "14:35", "07h45", "6時12分", "17.02 Uhr".
fn has_time(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let clock = chars.windows(4).any(|w| {
        w[0].is_ascii_digit()
            && matches!(w[1], ':' | 'h' | '時')
            && w[2].is_ascii_digit()
            && (w[3].is_ascii_digit() || w[1] == '時')
    });
    clock || s.contains(" Uhr") || (s.contains('時') && s.contains('分'))
}

/// A date written in figures with two separators: "16/1/2025", "14.03.2024", "2025-05-06",
/// "22·05·24".
fn has_numeric_date(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '（' | '）'))
        .any(|tok| {
            let tok = tok.trim_matches(|c: char| !c.is_ascii_digit());
            let parts: Vec<&str> = tok.split(['/', '.', '-', '·']).collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Words that open a byline, lowercased, with what may follow them.
const BYLINE_MARKERS: &[&str] = &[
    "by ",
    "par ",
    "oleh:",
    "oleh ",
    "por ",
    "von:",
    "von ",
    "reporter:",
    "reporter ",
    "reportase:",
    "pewarta:",
    "penulis:",
    "penulis ",
    "laporan wartawan ",
    "eine kritik von ",
    "ein kommentar von ",
    "ein bericht von ",
    "texto:",
    "texto de ",
    "written by ",
    "words by ",
];

/// Words that join two names in a byline.
const NAME_JOINERS: &[&str] = &["and", "und", "et", "e", "y", "dan", "&", "i"];

/// Lowercase particles inside a name: "Ruiz de la Peña", "van der Berg", "dos Santos".
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "la", "le", "van", "von", "der", "den", "bin",
    "binti", "al", "el", "y",
];

/// Markers of a Chinese or Japanese byline: the names follow.
const CJK_BYLINE_MARKERS: &[&str] = &[
    "作者：",
    "作者:",
    "撰文：",
    "撰文:",
    "文／",
    "文/",
    "记者",
    "記者",
];

/// Role words between names in a Chinese byline ("记者 刘畅 通讯员 郭倩").
const CJK_ROLES: &[&str] = &[
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    "实习生",
    "實習生",
    "特约",
    "特約",
];

/// The author names when `s` is a byline line: "By Jane Doe and John Roe", "Par Léa Fontaine",
/// "Reporter: Dimas Arya Pratama", "记者 林晓雯 赵一鸣", "記者李宗翰／台中報導", a bare
/// "Marta Ibáñez Robles", "中村裕子 2025年4月28日", "[大西遥，TechWave]".
#[must_use]
pub fn byline(s: &str) -> Option<String> {
    let s = s.trim();
    // "新华社记者 程敏 摄" credits a photo, not the article.
    if s.is_empty() || s.len() > 300 || is_credit(s) {
        return None;
    }
    if let Some(names) = cjk_byline(s) {
        return Some(names);
    }
    let lower = s.to_lowercase();
    for m in BYLINE_MARKERS {
        if lower.starts_with(m) {
            let rest = &s[m.len()..];
            // "Laporan Wartawan Lintas Bali, Made Ayu Ratnasari": the outlet comes first.
            let rest = if m.starts_with("laporan") {
                rest.rsplit_once(',').map_or(rest, |(_, n)| n)
            } else {
                rest
            };
            return latin_names(rest.trim_start_matches([':', ' ']));
        }
    }
    // "Penulis: Siti Rahmawati | Kamis, 13 November 2025": a labelled byline before a date.
    if let Some((head, _)) = s.split_once(" | ")
        && head.contains(':')
    {
        return byline(head);
    }
    // A bare name line: every word a capitalised name word, no digits.
    let names = latin_names(s)?;
    (names.len() == s.len()).then_some(names)
}

/// Names at the start of `s`, up to a comma, bar, dash or parenthesis: every word capitalised,
/// or a joiner or particle, two to eight words, no digits.
fn latin_names(s: &str) -> Option<String> {
    let end = s
        .find([',', '|', '—', '–', '(', '/', '·', '•'])
        .or_else(|| s.find(" - "))
        .unwrap_or(s.len());
    let names = s[..end].trim();
    let words: Vec<&str> = names.split_whitespace().collect();
    if !(2..=10).contains(&words.len()) || names.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut capitalised = 0;
    for w in &words {
        let lw = w.to_lowercase();
        if NAME_JOINERS.contains(&lw.as_str()) || NAME_PARTICLES.contains(&lw.as_str()) {
            continue;
        }
        let first = w.chars().next()?;
        if !first.is_uppercase() || !w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c)) {
            return None;
        }
        capitalised += 1;
    }
    // A joiner first or last is a sentence, not a name ("and so on").
    let edge = |w: &str| NAME_JOINERS.contains(&w.to_lowercase().as_str());
    if capitalised < 2 || edge(words[0]) || edge(words[words.len() - 1]) {
        return None;
    }
    Some(names.to_string())
}

/// A Chinese or Japanese byline line: "记者 林晓雯 赵一鸣", "作者：记者 周亚楠",
/// "記者李宗翰／台中報導", "2025-01-22 06:10 聯信報 / 記者蘇怡靜／台北即時報導",
/// "中村裕子 2025年4月28日 0時30分", "[大西遥，TechWave]", "（佐藤健太）".
fn cjk_byline(s: &str) -> Option<String> {
    // A byline is a short line, not a sentence that mentions a reporter.
    if !s.chars().any(is_unspaced) || size(s) > 30 || s.ends_with('。') {
        return None;
    }
    for m in CJK_BYLINE_MARKERS {
        if let Some(at) = s.find(m) {
            return cjk_names(&s[at + m.len()..]);
        }
    }
    // "[大西遥，TechWave]", "（佐藤健太）": a bracketed name, maybe with its outlet.
    let inner = s
        .strip_prefix(['[', '（', '(', '【'])
        .and_then(|r| r.strip_suffix([']', '）', ')', '】']));
    if let Some(inner) = inner {
        let name = inner.split(['，', ',', '、']).next().unwrap_or_default();
        return is_cjk_name(name).then(|| name.to_string());
    }
    // "中村裕子 2025年4月28日 0時30分": a name before a date.
    let (first, rest) = s.split_once([' ', '\u{3000}'])?;
    (is_cjk_name(first) && is_date_line(rest)).then(|| first.to_string())
}

/// The names after a Chinese byline marker: runs of Han characters split by spaces, role
/// words dropped, up to the outlet or place ("来源：", "／台中報導").
fn cjk_names(rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches([':', '：', ' ', '\u{3000}']);
    let mut names = Vec::new();
    for tok in rest.split([' ', '\u{3000}']) {
        let tok = tok.trim();
        if tok.is_empty() {
            continue;
        }
        // "来源：…", "发布时间：…": the next field, not a name.
        if tok.contains(['：', ':']) {
            break;
        }
        if CJK_ROLES.contains(&tok) {
            continue;
        }
        let tok = CJK_ROLES
            .iter()
            .find_map(|r| tok.strip_prefix(r))
            .unwrap_or(tok);
        let run: String = tok.chars().take_while(|&c| is_unspaced(c)).collect();
        let stop = run.len() < tok.len();
        if run.is_empty() {
            break;
        }
        // "林郁婷台北2日電": a run longer than a name holds a place after it; Chinese names
        // are two to four characters, three most often.
        let name: String = if run.chars().count() > 4 {
            run.chars().take(3).collect()
        } else {
            run
        };
        if name.chars().count() >= 2 {
            names.push(name);
        }
        if stop {
            break;
        }
    }
    (!names.is_empty()).then(|| names.join(" "))
}

/// Two to five characters of Han or kana: a Chinese or Japanese personal name.
fn is_cjk_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=5).contains(&n) && s.chars().all(is_unspaced)
}

/// The byline a Chinese or Japanese article gives inside its first paragraph:
/// "新华社武汉4月20日电（记者胡晓光）…", "【記者張惠雯／台北報導】…",
/// "（中央社記者林郁婷台北2日電）…", "【ワシントン=石川千尋】…".
#[must_use]
pub fn inline_byline(s: &str) -> Option<String> {
    let head: String = s.chars().take(60).collect();
    for (open, close) in [('（', '）'), ('【', '】'), ('(', ')')] {
        let Some(a) = head.find(open) else { continue };
        let inner = &head[a + open.len_utf8()..];
        let Some(b) = inner.find(close) else { continue };
        let inner = &inner[..b];
        if let Some(at) = inner.find("记者").or_else(|| inner.find("記者")) {
            return cjk_names(&inner[at + "记者".len()..]);
        }
        // 【ワシントン=石川千尋】: a place and a name.
        if let Some((_, name)) = inner.split_once(['=', '＝'])
            && is_cjk_name(name)
        {
            return Some(name.to_string());
        }
    }
    None
}

/// The document's byline: a byline line near the top (one with a marker word first, else a
/// bare name beside the headline or a date line), else one given inside a Chinese or Japanese
/// lead ("（记者胡晓光）"), else a name in brackets closing a Japanese article ("（佐藤健太）").
#[must_use]
pub fn find_byline(text: &str, paras: &[Paragraph]) -> Option<String> {
    let top = &paras[..paras.len().min(HEADLINE_WINDOW)];
    let line = |p: &Paragraph| text[p.range.clone()].trim();
    let read = |p: &&Paragraph| p.kind != ParagraphKind::Unread;
    // Lines with a marker word or in an unspaced script first: they cannot be a label.
    if let Some(b) = top
        .iter()
        .filter(read)
        .map(line)
        .filter(|s| !is_bare(s))
        .find_map(byline)
    {
        return Some(b);
    }
    let headline = headline(text, paras);
    let dated = |i: usize| {
        [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| top.get(j))
            .any(|p| is_date_line(line(p)))
    };
    let beside_headline = |i: usize| headline.is_some_and(|h| i > h && i <= h + 2);
    let bare = top.iter().enumerate().find_map(|(i, p)| {
        let s = line(p);
        (read(&p) && is_bare(s) && (dated(i) || beside_headline(i)))
            .then(|| byline(s))
            .flatten()
    });
    if bare.is_some() {
        return bare;
    }
    let lead = paras
        .iter()
        .filter(|p| p.kind.counts())
        .take(6)
        .find_map(|p| inline_byline(line(p)));
    if lead.is_some() {
        return lead;
    }
    // At the end: "Pewarta: Fajar Nugraha" (a labelled byline, as agencies sign), or
    // "（佐藤健太）" closing a Japanese article.
    paras.iter().rev().take(8).find_map(|p| {
        let s = line(p);
        let lower = s.to_lowercase();
        let labelled = BYLINE_MARKERS
            .iter()
            .any(|m| m.ends_with(':') && lower.starts_with(m));
        if labelled {
            byline(s)
        } else if s.starts_with('（') && s.ends_with('）') {
            cjk_byline(s)
        } else {
            None
        }
    })
}

/// A line with no byline marker, in a spaced script: only a bare name can make it a byline.
fn is_bare(s: &str) -> bool {
    let lower = s.to_lowercase();
    let marked = BYLINE_MARKERS.iter().any(|m| lower.starts_with(m))
        || (s.contains(" | ") && s.contains(':'));
    !marked && !s.chars().any(is_unspaced)
}

/// Phrases that mark a photo credit or caption wherever they stand in a short line.
const CREDIT_INSIDE: &[&str] = &[
    "foto:",
    "foto :",
    "photo:",
    "photo :",
    "photo illustration",
    "source images:",
    "getty images",
    "图片来源",
    "圖片來源",
    "视觉中国/图",
];

/// Agency credits that end a caption: "…, samedi. /AFP", "… - ISTOCK".
const CREDIT_ENDS: &[&str] = &[
    "/afp",
    "/ afp",
    "/reuters",
    "/ reuters",
    "/dpa",
    "/ dpa",
    "/vcg",
    "/ap",
    "istock",
    "/图",
];

/// Words in a closing parenthesis that make it a credit: "(Gazette photo/…)", "（鄧寶山攝）",
/// "（NASA提供）", "（圖／雷虎隊提供）", "（路透）".
const CREDIT_WORDS: &[&str] = &[
    "photo",
    "foto",
    "credit",
    "courtesy",
    "攝",
    "摄",
    "提供",
    "圖",
    "图",
    "路透",
    "美联社",
    "美聯社",
    "法新社",
];

/// True for a photo credit or caption line: "Foto: Dok. BPBD", "(unsplash.com/@…)",
/// "…, samedi. © Julien Arrieta", "▲小紅書近日湧入大量美國用戶。（路透）", "新华社记者 程敏 摄",
/// "スーパーの店頭に並ぶコメ＝18日、東京都練馬区", "Ilustrasi: …".
#[must_use]
pub fn is_credit(s: &str) -> bool {
    let s = s.trim();
    if size(s) > 60 {
        return false;
    }
    let lower = s.to_lowercase();
    if lower.starts_with("ilustrasi") || lower.starts_with('▲') || lower.starts_with("archivo -")
    {
        return true;
    }
    // A source in parentheses on its own: "(unsplash.com/@kadekbagus)", "(Reuters)".
    if s.starts_with(['(', '（'])
        && s.ends_with([')', '）'])
        && !s.chars().any(is_unspaced)
        && !s.chars().skip(1).any(|c| matches!(c, '(' | '（'))
        && size(s) <= 4
    {
        return true;
    }
    if CREDIT_INSIDE.iter().any(|c| lower.contains(c))
        || CREDIT_ENDS.iter().any(|c| lower.ends_with(c))
    {
        return true;
    }
    // A closing parenthesis that credits: "…on Saturday. (Gazette photo/Ann Lee)".
    if let Some(open) = s.rfind(['(', '（'])
        && s.ends_with([')', '）'])
    {
        let group = s[open..].to_lowercase();
        if CREDIT_WORDS.iter().any(|w| group.contains(w)) {
            return true;
        }
    }
    // "© Stefan Huber" at the end of a caption.
    if let Some(at) = s.rfind('©')
        && size(&s[at..]) <= 5
    {
        return true;
    }
    // A photographer's name in capitals after the caption: "…martes. JOSÉ PEDROSA",
    // "…del jurado. | MARCOS LEIRA".
    let cut = [s.rfind(". "), s.rfind("| ")].into_iter().flatten().max();
    if let Some(at) = cut {
        let tail = s[at + 2..].trim();
        let words = tail.split_whitespace().count();
        if (2..=4).contains(&words)
            && tail.chars().any(char::is_alphabetic)
            && tail
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        {
            return true;
        }
    }
    // Chinese photo credits end with 摄 after the photographer's name.
    if s.ends_with(" 摄") || s.ends_with("\u{3000}摄") {
        return true;
    }
    // Japanese captions: "…＝18日、東京都練馬区", with no sentence end.
    s.contains('＝') && !s.ends_with('。')
}

/// Removes a dateline from the start of a headline or first sentence: "Beijing (ANTARA) - ",
/// "HARTFIELD, Ohio — ", "Kabar24.id, Jakarta - ", "CONCEPCIÓN, Chile — ".
#[must_use]
pub fn strip_dateline(s: &str) -> &str {
    if let Some(close) = s
        .find(") - ")
        .or_else(|| s.find(") – "))
        .or_else(|| s.find(") — "))
        && close < 40
        && let Some(open) = s[..close].find(" (")
    {
        let agency = &s[open + 2..close];
        if !agency.is_empty() && agency.chars().all(|c| c.is_uppercase() || c == ' ') {
            let rest = &s[close + 1..];
            return rest.trim_start_matches([' ', '-', '–', '—']);
        }
    }
    // "PLACE, Region — " or "Outlet.id, Place - ": a short head with a comma, then a dash.
    for dash in [" — ", " – ", " - "] {
        if let Some(at) = s.find(dash)
            && at < 48
        {
            let head = &s[..at];
            let upper_place = head.split(',').next().is_some_and(|p| {
                p.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            });
            let outlet = head.split(',').next().is_some_and(|p| p.contains('.'));
            let words = head.split_whitespace().count();
            if head.contains(',') && words <= 5 && (upper_place || outlet) {
                return &s[at + dash.len()..];
            }
        }
    }
    // "RakyatIndonesia, Ancaman …": an outlet's glued name or domain, then the sentence.
    if let Some((head, rest)) = s.split_once(", ")
        && !head.contains(' ')
        && (head.contains('.') || head.chars().skip(1).any(char::is_uppercase))
        && head.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().next().is_some_and(char::is_uppercase)
    {
        return rest;
    }
    s
}

/// A short label that heads a page section or names a menu: one or two words, or a few
/// characters of an unspaced script ("Health", "Politique", "港聞", "高校野球").
#[must_use]
pub fn is_label(s: &str) -> bool {
    size(s) <= 2 && !ends_sentence(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_are_read_in_every_form() {
        let cases = [
            ("By Rachel Okafor", Some("Rachel Okafor")),
            (
                "By Tom Hale and Priya Nandakumar",
                Some("Tom Hale and Priya Nandakumar"),
            ),
            (
                "Par Élodie Marchal et Samuel Benhamou",
                Some("Élodie Marchal et Samuel Benhamou"),
            ),
            ("Von Carsten Lindner, dpa", Some("Carsten Lindner")),
            ("Von: Stefan Huber", Some("Stefan Huber")),
            (
                "Por Ana Paula Lemos, g1 SP — São Paulo",
                Some("Ana Paula Lemos"),
            ),
            ("Reporter: Dimas Arya Pratama", Some("Dimas Arya Pratama")),
            ("Oleh: Annisa Fitriani", Some("Annisa Fitriani")),
            (
                "Laporan Wartawan Lintas Bali, Made Ayu Ratnasari",
                Some("Made Ayu Ratnasari"),
            ),
            (
                "Penulis: Siti Rahmawati | Kamis, 13 November 2025 19:20 WITA",
                Some("Siti Rahmawati"),
            ),
            ("JAVIER OTERO SOMOZA", Some("JAVIER OTERO SOMOZA")),
            ("记者 林晓雯 赵一鸣", Some("林晓雯 赵一鸣")),
            (
                "记者 刘畅 通讯员 郭倩\u{3000}来源：科技前沿报",
                Some("刘畅 郭倩"),
            ),
            (
                "2025-05-06 07:45:12\u{3000}来源：华夏财经网\u{3000}作者：记者 周亚楠",
                Some("周亚楠"),
            ),
            ("記者李宗翰／台中報導", Some("李宗翰")),
            ("中村裕子 2025年4月28日 0時30分", Some("中村裕子")),
            ("[大西遥，TechWave]", Some("大西遥")),
            ("（佐藤健太）", Some("佐藤健太")),
            ("By continuing, you agree to our terms", None),
            ("Par ailleurs, la ville a voté.", None),
            ("Health", None),
        ];
        for (line, want) in cases {
            assert_eq!(byline(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn inline_bylines_are_read() {
        assert_eq!(
            inline_byline("新华社武汉4月20日电（记者胡晓光）在20日晚进行的比赛中").as_deref(),
            Some("胡晓光")
        );
        assert_eq!(
            inline_byline("（中央社記者林郁婷台北2日電）第15號颱風山貓持續增強").as_deref(),
            Some("林郁婷")
        );
        assert_eq!(
            inline_byline("【ワシントン=石川千尋】米航空宇宙局").as_deref(),
            Some("石川千尋")
        );
        assert_eq!(inline_byline("美国用户（RedNote）涌入"), None);
    }

    #[test]
    fn date_lines_in_many_languages() {
        for s in [
            "Published 6:42 PM PDT, Tue June 10, 2025",
            "Sunday 14 September 2025 17:05 BST",
            "16 de marzo de 2024 · 23:41",
            "Le 23/09/2025 à 16:02",
            "Senin, 6 Oktober 2025 | 14:35 WIB",
            "2025年5月19日 17:42",
            "2025年3月28日 星期五",
            "Há 3 horas",
            "17. März 2024, 12:40 Uhr",
            "Culture | Nov. 5, 2025",
            "15 janvier 2025",
        ] {
            assert!(is_date_line(s), "{s}");
        }
        for s in [
            "Festival Lontar Gianyar 2025 Dibuka, Ribuan Wisatawan Padati Panggung",
            "Krankenkassen warnen vor Rekord beim Zusatzbeitrag 2025",
            "Le conseil a voté 6-3 mardi.",
        ] {
            assert!(!is_date_line(s), "{s}");
        }
    }

    #[test]
    fn datelines_are_stripped() {
        assert_eq!(
            strip_dateline("Beijing (ANTARA) - Pemerintah China mengomentari"),
            "Pemerintah China mengomentari"
        );
        assert_eq!(
            strip_dateline("HARTFIELD, Ohio — Measles cases climb to 42"),
            "Measles cases climb to 42"
        );
        assert_eq!(
            strip_dateline("Kabar24.id, Jakarta - Harga beras naik"),
            "Harga beras naik"
        );
        assert_eq!(strip_dateline("The (big) - thing"), "The (big) - thing");
        assert_eq!(
            strip_dateline("RakyatIndonesia, Ancaman pemblokiran TikTok"),
            "Ancaman pemblokiran TikTok"
        );
        assert_eq!(
            strip_dateline("Paris, Lyon et Lille"),
            "Paris, Lyon et Lille"
        );
        assert_eq!(
            strip_dateline("Paris, la ville — un titre"),
            "Paris, la ville — un titre"
        );
    }

    #[test]
    fn credits_and_captions() {
        for s in [
            "Foto: Dok. BPBD Kota Samarinda",
            "(unsplash.com/@kadekbagus)",
            "Ilustrasi pertunjukan tari di panggung terbuka Gianyar.",
            "▲小紅書近日湧入大量美國用戶。（路透）",
            "4月20日，江城队球员邓子昂（右）在比赛中庆祝进球。新华社记者 程敏 摄",
            "スーパーの店頭に並ぶコメ＝18日、東京都練馬区",
            "Das Freibad am Mühlanger ist seit Jahren ein Sorgenkind der Stadt. © Stefan Huber",
        ] {
            assert!(is_credit(s), "{s}");
        }
        assert!(!is_credit("摄氏35度的高温持续了一周。"));
        assert!(!is_credit("The council voted on Tuesday night."));
    }
}
