//! Attribution in Chinese and Japanese, written without spaces: names are found by their
//! shape (a surname and one or two characters, a transliterated name around `·`, the run
//! before an honorific) next to a speech verb (说, 表示, 指出…) or, in Japanese, the topic
//! of a sentence whose quote is followed by と (「…」と述べた) or "こう話した".

use super::speaker::{Cue, Mention};

/// Chinese speech verbs, simplified and traditional, longest first where one holds another.
const ZH_VERBS: &[&str] = &[
    "告诉记者",
    "告訴記者",
    "补充说",
    "補充說",
    "在一条视频中说",
    "写道",
    "寫道",
    "说道",
    "說道",
    "表示",
    "指出",
    "透露",
    "认为",
    "認為",
    "强调",
    "強調",
    "坦言",
    "直言",
    "续指",
    "續指",
    "提到",
    "分析",
    "留言",
    "回应",
    "回應",
    "解释",
    "解釋",
    "介绍",
    "介紹",
    "感叹",
    "感嘆",
    "呼吁",
    "呼籲",
    "建议",
    "建議",
    "警告",
    "提醒",
    "提示",
    "笑言",
    "承认",
    "承認",
    "笑称",
    "笑稱",
    "坦承",
    "形容",
    "批评",
    "批評",
    "质疑",
    "質疑",
    "反问",
    "反問",
    "宣布",
    "谈到",
    "談到",
    "告诉",
    "告訴",
    "证实",
    "證實",
    "重申",
    "回忆",
    "回憶",
    "感慨",
    "抱怨",
    "预计",
    "預計",
    "估计",
    "估計",
    "直指",
    "称",
    "稱",
    "说",
    "說",
];

/// Common Chinese surnames (simplified and traditional forms), for telling a name's start.
const SURNAMES: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝\
宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鐘谭譚陆陸\
汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴\
覃武戴莫孔向汤湯常温溫康施牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關\
兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙\
鲍鮑喻祁蒲房滕屈饶饒解牟艾尤阳陽穆卓古吉缪繆简簡车車项項连連麦麥褚娄婁窦竇戚岑景宫宮费費卜冷\
晏席卫衛米柏宗瞿桂佟应應臧闵閔苟邬鄔卞姬仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏佘池查麻苑\
迟遲邝鄺封谈談匡鞠惠荆荊冀郁胥班储儲栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞厉厲伊仝郜阚\
闞权權帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰支卿狄计計索宣晋晉容敬扈晁芮阙闕浦戈伏鹿薄邸雍辜羊裘修\
邰赫杭况況宿诸諸戴慕危银銀亢嵇湛宾賓戎勾茅揭尉冶束檀昝奉植衡尧堯华華区區洪赖賴";

/// Characters that transliterate foreign names (珍妮·卡特), and the name dot's forms.
const TRANSLIT: &str = "阿埃艾安奥奧巴贝貝比彼波伯布查達达戴丹德迪蒂杜多厄恩菲费費弗福盖蓋格\
古哈海汉漢赫亨胡华華霍吉加贾賈杰傑金卡凯凱坎康柯科克肯库庫拉莱萊兰蘭朗劳勞勒雷蕾里莉利林琳卢盧\
鲁魯伦倫罗羅洛马馬玛瑪迈邁麦麥曼梅蒙米娜纳納南尼妮宁寧纽紐诺諾欧歐帕佩皮普奇乔喬切琼瓊萨薩塞\
森莎沙尚什施史斯苏蘇索塔泰坦汤湯唐特提汀托瓦万萬威维維温溫沃乌烏西希谢謝休亚亞扬揚耶伊英尤约約\
詹珀佐泽澤兹茲丝絲露黛雅娅婭克斯珍尔爾格奎羅罗瑟薇娃丽麗顿頓逊遜姆基佛治奈内內芙";

/// What may follow a Chinese name inside a subject: an adverb, a preposition, a verb's start,
/// a comma.
const ZH_AFTER_NAME: &str = "在也则則还還对對向接受今昨日近首又再亦更表说說称稱指认認强強坦直续續\
补補提分写寫告透回解介感呼建警承笑形批质質反宣谈談重证證，,（(：:是都就曾已无無日\
赛賽本主";

const PRONOUNS_ZH: &[&str] = &["他们", "她们", "他們", "她們", "他", "她"];

/// Words that make a Chinese subject someone unnamed: 陳姓 (surnamed Chen), 一位, 一名, 网友.
const ZH_UNNAMED: &[&str] = &[
    "姓", "一位", "一名", "网友", "網友", "民众", "民眾", "市民", "居民", "球迷", "家长", "家長",
];

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' | '〇')
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '・')
}

/// Whether `text` is Japanese rather than Chinese: it has kana.
#[must_use]
pub fn is_japanese(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{3041}'..='\u{309F}'))
}

/// Whether `c` is hiragana, as Japanese particles are.
const fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309f}')
}

/// Whether a quote's surroundings are written without spaces.
#[must_use]
pub fn is_cjk(before: &str, after: &str) -> bool {
    let near = before
        .chars()
        .next_back()
        .into_iter()
        .chain(after.chars().next());
    near.into_iter()
        // Kana too: "川口は「…」と語った" has a particle on each side of the quote.
        .any(|c| is_han(c) || is_katakana(c) || is_hiragana(c) || "，。：「」、！？".contains(c))
}

/// The cue of a quote with `before` and `after` it in its paragraph.
#[must_use]
pub fn cue(before: &str, after: &str, ja: bool) -> Cue {
    if ja {
        ja_cue(before, after)
    } else {
        zh_cue(before, after)
    }
}

// ---- Chinese ----

/// The first speech verb in `s`: (byte start, byte end).
fn zh_verb(s: &str) -> Option<(usize, usize)> {
    for (i, c) in s.char_indices() {
        // A verb's first character is checked before its bytes are compared: this runs at
        // every character of every Chinese sentence that may hold a quote.
        if let Some(v) = ZH_VERBS
            .iter()
            .find(|v| v.starts_with(c) && s[i..].starts_with(*v))
        {
            return Some((i, i + v.len()));
        }
    }
    None
}

fn zh_cue(before: &str, after: &str) -> Cue {
    // After: "”她说。", "」永信房屋趨勢中心執行長蔡雅婷說，".
    let a = after.trim_start_matches([',', '，', ' ']);
    if !a.starts_with(['。', '！', '？', '.']) {
        let end = a
            .find(['，', '。', '！', '？', ',', '：', ':', '；', '“', '「'])
            .unwrap_or(a.len());
        let clause = &a[..end];
        if let Some((v, _)) = zh_verb(clause) {
            let c = zh_subject(&clause[..v]);
            if !matches!(c, Cue::None) {
                return c;
            }
        }
    }
    // Before: "商场运营负责人刘海峰告诉记者：“", "他续指，…，「".
    let start = before.rfind(['。', '！', '？', '」', '”']).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let clause = &before[start..];
    let Some((v, ve)) = zh_verb(clause) else {
        return Cue::None;
    };
    let rest = clause[ve..].trim_matches(|c: char| c.is_whitespace() || "：:，,".contains(c));
    match zh_subject(&clause[..v]) {
        Cue::Named { name, role, .. } => Cue::Named {
            name,
            role,
            strong: rest.is_empty(),
        },
        Cue::Reference { .. } => Cue::Reference {
            strong: rest.is_empty(),
        },
        // Someone unnamed said something earlier in the clause: the quote is not theirs.
        Cue::Anonymous { .. } if !rest.is_empty() => Cue::None,
        other => other,
    }
}

/// Who a Chinese subject names: a pronoun, a name, or someone unnamed.
fn zh_subject(subject: &str) -> Cue {
    let s = subject.trim_matches(|c: char| c.is_whitespace() || "，,　".contains(c));
    // "區家棟在映後談時說", "河北省气象台在官方微博发布提示": what follows 在 is where or when,
    // not who.
    let s = s
        .char_indices()
        .skip(1)
        .find(|&(_, c)| ZH_AT.contains(c))
        .map_or(s, |(i, _)| &s[..i]);
    if s.is_empty() || s.chars().count() > 40 {
        return Cue::None;
    }
    // "他", "賽後他": a pronoun.
    if PRONOUNS_ZH.iter().any(|p| s.contains(p)) && s.chars().count() <= 4 {
        return Cue::Reference { strong: true };
    }
    // "陳姓上班族", "一位网友": someone the text does not name.
    if ZH_UNNAMED.iter().any(|u| s.contains(u)) {
        return Cue::Anonymous {
            role: Some(s.to_string()),
        };
    }
    if let Some((a, b)) = zh_name(s) {
        let role = s[..a].trim_end_matches('的').to_string();
        return Cue::Named {
            name: s[a..b].to_string(),
            role: (!role.is_empty()).then_some(role),
            strong: true,
        };
    }
    // "警方", "河北省气象台", "衛福部": a body speaks for itself.
    if ZH_BODIES.iter().any(|b| s.ends_with(b)) && !s.contains(['的', '，', ',']) {
        return Cue::Named {
            name: s.to_string(),
            role: None,
            strong: true,
        };
    }
    Cue::Anonymous {
        role: Some(s.to_string()),
    }
}

/// Prepositions that open an adverbial of place or time after a subject: 在, 於.
const ZH_AT: &str = "在於";

/// Titles whose last character is also a surname: 主任 is not 任 starting a name.
const ZH_TITLES_ENDING_IN_SURNAME: &[&str] = &["主任"];

/// How the name of a body that speaks ends in Chinese: police, government, bureaus,
/// ministries, committees, observatories.
const ZH_BODIES: &[&str] = &[
    "警方",
    "政府",
    "局",
    "部",
    "厅",
    "廳",
    "委员会",
    "委員會",
    "署",
    "气象台",
    "氣象台",
    "办公室",
    "辦公室",
    "公司",
    "协会",
    "協會",
    "法院",
    "检察院",
    "檢察院",
];

/// A name in a Chinese subject, as a byte range: a transliterated name around `·`, else the
/// last surname with one or two characters before an adverb, a verb or the end.
fn zh_name(s: &str) -> Option<(usize, usize)> {
    if let Some(dot) = s.find(['·', '・', '•', '．']) {
        let dot_len = s[dot..].chars().next().map_or(1, char::len_utf8);
        let left: usize = s[..dot]
            .chars()
            .rev()
            .take_while(|c| TRANSLIT.contains(*c))
            .take(4)
            .map(char::len_utf8)
            .sum();
        let right: usize = s[dot + dot_len..]
            .chars()
            .take_while(|c| TRANSLIT.contains(*c))
            .take(5)
            .map(char::len_utf8)
            .sum();
        if left > 0 && right > 0 {
            return Some((dot - left, dot + dot_len + right));
        }
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut best = None;
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let in_title = ZH_TITLES_ENDING_IN_SURNAME
            .iter()
            .any(|t| s[..at + c.len_utf8()].ends_with(t));
        if !SURNAMES.contains(c) || in_title {
            k += 1;
            continue;
        }
        for len in [3, 2] {
            let Some(name) = chars.get(k..k + len) else {
                continue;
            };
            if !name.iter().all(|&(_, c)| is_han(c)) {
                continue;
            }
            let next = chars.get(k + len).map(|&(_, c)| c);
            if next.is_none_or(|n| ZH_AFTER_NAME.contains(n)) {
                let end = chars.get(k + len).map_or(s.len(), |&(i, _)| i);
                best = Some((at, end, k + len));
                break;
            }
        }
        // A name's own characters do not start another: 吳宗諭 is not 宗諭.
        if let Some((_, _, next)) = best.filter(|b| b.2 > k) {
            k = next;
        } else {
            k += 1;
        }
    }
    best.map(|(a, b, _)| (a, b))
}

// ---- Japanese ----

/// Titles and honorifics after a Japanese name, longest first.
const JA_SUFFIXES: &[&str] = &[
    "主任予報官",
    "准教授",
    "予報官",
    "委員長",
    "理事長",
    "事務局長",
    "教授",
    "監督",
    "市長",
    "知事",
    "博士",
    "社長",
    "会長",
    "議員",
    "選手",
    "投手",
    "捕手",
    "首相",
    "大臣",
    "長官",
    "代表",
    "部長",
    "課長",
    "所長",
    "院長",
    "医師",
    "弁護士",
    "記者",
    "容疑者",
    "さん",
    "氏",
];

/// Endings of a Japanese subject that name someone without a name: 女性, 担当者, 会社員.
const JA_UNNAMED: &[&str] = &[
    "女性", "男性", "主婦", "者", "員", "生", "人", "客", "たち", "男児", "女児", "住民",
];

/// Endings that make a Japanese subject a body that speaks: 事務局, 省, 庁.
const JA_BODIES: &[char] = &[
    '局', '省', '庁', '社', '会', '部', '課', '団', '所', '府', '県',
];

/// Verbs after と that do not report speech: と呼ばれる, と名乗る, という, として.
const JA_NOT_SPEECH: &[char] = &['呼', '名', 'い', 'し', '題', '銘', '書'];

fn ja_cue(before: &str, after: &str) -> Cue {
    let a = after.trim_start();
    if let Some(rest) = a.strip_prefix('と') {
        // "と呼ばれる", "として" make the quoted words a name; "とし、", "としている" say them.
        let said = ["し、", "してい"].iter().any(|s| rest.starts_with(s));
        if rest.starts_with(JA_NOT_SPEECH) && !said {
            return Cue::NotSpeech;
        }
        let start = before
            .rfind(['。', '」'])
            .map_or(0, |i| i + '。'.len_utf8());
        let clause = &before[start..];
        return match clause.find('は') {
            Some(t) => ja_subject(&clause[..t]),
            None => Cue::Anonymous { role: None },
        };
    }
    // 「備蓄米」を放出, 「マルヤス」を展開: the quoted words are a noun of the sentence.
    if a.starts_with(['を', 'が', 'の', 'に', 'で', 'へ', 'や', 'も']) {
        return Cue::NotSpeech;
    }
    // "宮本教授は自身のブログで、次のように書いている：" introduces the quote after it.
    if a.is_empty()
        && let Some(intro) = before.trim_end().strip_suffix(['：', ':'])
    {
        let start = intro.rfind('。').map_or(0, |i| i + '。'.len_utf8());
        let clause = &intro[start..];
        if let Some(t) = clause.find('は') {
            return ja_subject(&clause[..t]);
        }
    }
    // "「…」。X はこう語った".
    if let Some(rest) = a.strip_prefix('。') {
        let sentence = &rest[..rest.find('。').unwrap_or(rest.len())];
        let told = sentence.contains("こう") || sentence.contains("そう");
        if let Some(t) = sentence.find('は').filter(|_| told) {
            return ja_subject(&sentence[..t]);
        }
    }
    Cue::None
}

/// Removes parenthesised asides: "（48）", "（宇宙化学）".
fn without_asides(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Who a Japanese topic names: 同氏 (the person named before), a name before an honorific,
/// a body (事務局), or someone unnamed (70代の女性).
fn ja_subject(subject: &str) -> Cue {
    let full = without_asides(subject);
    let s = full.trim_matches(|c: char| c.is_whitespace() || "、，,".contains(c));
    if s.is_empty() || s.chars().count() > 50 {
        return Cue::None;
    }
    if s.starts_with('同') || s.starts_with('彼') {
        return Cue::Reference { strong: true };
    }
    let mut core = s;
    while let Some(stripped) = JA_SUFFIXES.iter().find_map(|x| core.strip_suffix(x)) {
        core = stripped;
    }
    let tail = core
        .rfind('の')
        .map_or(core, |i| &core[i + 'の'.len_utf8()..]);
    if JA_UNNAMED.iter().any(|u| tail.ends_with(u)) {
        return Cue::Anonymous {
            role: Some(s.to_string()),
        };
    }
    // 岡部氏 is a person whose name ends like a body's (部): an honorific is worn by people.
    if tail.ends_with(JA_BODIES) && core.len() == s.len() {
        return Cue::Named {
            name: s.to_string(),
            role: None,
            strong: true,
        };
    }
    let Some(name) = ja_trailing_name(tail) else {
        return Cue::Anonymous {
            role: Some(s.to_string()),
        };
    };
    // `core` starts where `s` does, and the name ends it.
    let role = s[..core.len() - name.len()]
        .trim_end_matches('の')
        .to_string();
    Cue::Named {
        name: name.to_string(),
        role: (!role.is_empty()).then_some(role),
        strong: true,
    }
}

/// The trailing run of kanji, or of katakana and `・`, of `s`: a name of at least two
/// characters.
fn ja_trailing_name(s: &str) -> Option<&str> {
    let last = s.chars().next_back()?;
    let same = |c: char| {
        if is_han(last) {
            is_han(c)
        } else {
            is_katakana(c)
        }
    };
    if !(is_han(last) || is_katakana(last)) {
        return None;
    }
    let len: usize = s
        .chars()
        .rev()
        .take_while(|&c| same(c))
        .map(char::len_utf8)
        .sum();
    let name = &s[s.len() - len..];
    let n = name.chars().count();
    (2..=12)
        .contains(&n)
        .then_some(name.trim_start_matches('・'))
}

// ---- mentions ----

/// The people a stretch of Chinese or Japanese prose names: in Chinese the subjects of speech
/// verbs, in Japanese the names before honorifics and ages.
pub fn mentions(text: &str, base: usize, ja: bool, out: &mut Vec<Mention>) {
    if ja {
        let mut i = 0;
        while i < text.len() {
            let rest = &text[i..];
            let hit = JA_SUFFIXES
                .iter()
                .find(|x| rest.starts_with(*x))
                .map(|x| x.len())
                .or_else(|| age_aside(rest));
            if let Some(len) = hit {
                let mut head = &text[..i];
                while let Some(stripped) = JA_SUFFIXES.iter().find_map(|x| head.strip_suffix(x)) {
                    head = stripped;
                }
                if let Some(name) = ja_trailing_name(head) {
                    let name = text[..i].rfind('の').map_or(name, |k| {
                        let after = &text[k + 'の'.len_utf8()..i];
                        if after.len() < name.len() {
                            after
                        } else {
                            name
                        }
                    });
                    if name.chars().count() >= 2 && !JA_UNNAMED.iter().any(|u| name.ends_with(u)) {
                        out.push(Mention {
                            at: base + head.len() - name.len(),
                            name: name.into(),
                            single: false,
                            subject: true,
                        });
                    }
                }
                i += len;
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
        return;
    }
    let mut start = 0;
    for (k, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '。')))
    {
        if !matches!(c, '。' | '！' | '？') {
            continue;
        }
        let sentence = &text[start..k];
        if let Some((v, _)) = zh_verb(sentence) {
            let subject = &sentence[..v];
            let lead = subject.rfind(['，', ',']).map_or(0, |i| {
                i + subject[i..].chars().next().map_or(1, char::len_utf8)
            });
            if let Cue::Named { name, .. } = zh_subject(&subject[lead..]) {
                let at = sentence.find(&name).unwrap_or(0);
                out.push(Mention {
                    at: base + start + at,
                    name: name.into(),
                    single: false,
                    subject: true,
                });
            }
        }
        start = (k + c.len_utf8()).min(text.len());
    }
}

/// "（48）" or "（3年）" at the start of `s`: an age or school year after a name.
fn age_aside(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('（')?;
    let close = inner.find('）')?;
    let body = &inner[..close];
    let digits = body.trim_end_matches(['年', '歳']);
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| '（'.len_utf8() + close + '）'.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(cue: &Cue) -> Option<&str> {
        match cue {
            Cue::Named { name, .. } => Some(name),
            _ => None,
        }
    }

    #[test]
    fn a_title_ending_in_a_surname_does_not_start_the_name() {
        assert_eq!(
            named(&zh_subject("岭南儿童医学中心儿科主任黄敏")),
            Some("黄敏")
        );
    }

    #[test]
    fn what_follows_zai_is_where_not_who() {
        assert_eq!(
            named(&zh_subject("資深監製區家棟在映後談時")),
            Some("區家棟")
        );
        assert_eq!(
            named(&cue("河北省气象台在官方微博发布提示：", "", false)),
            Some("河北省气象台")
        );
    }

    #[test]
    fn an_honorific_makes_a_person_not_a_body() {
        assert_eq!(named(&ja_subject("岡部氏")), Some("岡部"));
        assert_eq!(named(&ja_subject("大会事務局")), Some("大会事務局"));
    }

    #[test]
    fn a_japanese_introduction_ending_in_a_colon_names_the_speaker() {
        let c = cue("宮本教授は自身のブログで、次のように書いている：", "", true);
        assert_eq!(named(&c), Some("宮本"));
    }
}
