//! Chinese figures: digits or Chinese numerals followed by scale, unit, measure word,
//! currency or date characters (`3亿用户`, `165天`, `2025年1月13日`, `百分之三十`, `三成`,
//! `第二`), with the approximation characters around them (`超过`, `近`, `约`, `多`, `左右`).

use super::number::{Decimal, han_digit, han_scale, parse_digits, parse_han};
use super::scan::{Cx, Found, hhmm, iso, valid};
use super::token::Tk;
use super::{Kind, Qualifier, Value};
use crate::corpus::Lang;

/// The simplified form of a traditional character that the Chinese patterns read (numerals,
/// scales, units, measure words, qualifiers, the characters that end a noun), so that both
/// scripts give the same figures; every other character is itself. Japanese shares most of
/// these forms (`時間`, `億`, `萬`).
#[must_use]
pub fn simplified(c: char) -> char {
    match c {
        '萬' => '万',
        '億' => '亿',
        '兩' => '两',
        '個' => '个',
        '時' => '时',
        '點' => '点',
        '鐘' => '钟',
        '週' => '周',
        '過' => '过',
        '約' => '约',
        '達' => '达',
        '與' => '与',
        '為' => '为',
        '將' => '将',
        '來' => '来',
        '這' => '这',
        '該' => '该',
        '於' => '于',
        '餘' => '余',
        '數' => '数',
        '幾' => '几',
        '歲' => '岁',
        '戶' => '户',
        '張' => '张',
        '條' => '条',
        '項' => '项',
        '場' => '场',
        '輛' => '辆',
        '隻' => '只',
        '臺' => '台',
        '歐' => '欧',
        '鎊' => '镑',
        '幣' => '币',
        '圓' => '圆',
        '號' => '号',
        '後' => '后',
        '則' => '则',
        '間' => '间',
        '總' => '总',
        '計' => '计',
        '會' => '会',
        '從' => '从',
        '對' => '对',
        '並' => '并',
        '內' => '内',
        '讓' => '让',
        '沒' => '没',
        '筆' => '笔',
        '屆' => '届',
        '輪' => '轮',
        '戰' => '战',
        '賽' => '赛',
        '級' => '级',
        '處' => '处',
        '門' => '门',
        '員' => '员',
        '長' => '长',
        '區' => '区',
        '國' => '国',
        '結' => '结',
        '績' => '绩',
        '業' => '业',
        '僅' => '仅',
        '擁' => '拥',
        '額' => '额',
        _ => c,
    }
}

/// Words right before `第N` that make it a place in a ranking.
const RANKED_BY: &[&str] = &["排名", "位居", "位列", "名列", "排第", "榜", "居", "排行"];

/// Characters after `第N` naming what comes in a series: an ordinal of it.
const IN_SERIES: &[char] = &[
    '季', '届', '轮', '期', '批', '阶', '场', '局', '节', '集', '章', '条', '款', '号', '天', '年',
    '周', '个', '波',
];

/// Words before an hour that put it after noon.
const EVENING: &[&str] = &["下午", "晚上", "晚间", "傍晚", "今晚", "夜间", "午后", "夜"];

/// Measure words between a number and the counted noun.
const MEASURES: &[char] = &[
    '个', '名', '位', '家', '条', '次', '篇', '部', '款', '台', '辆', '只', '件', '项', '所', '座',
    '张', '份', '场', '户', '例', '架', '人',
];

/// Characters that end a counted noun.
const NOUN_STOPS: &[char] = &[
    '的', '了', '在', '和', '与', '及', '是', '将', '被', '已', '都', '也', '就', '从', '对', '向',
    '为', '而', '但', '并', '或', '等', '中', '上', '下', '内', '外', '这', '那', '其', '此', '该',
    '每', '各', '使', '让', '于', '到', '至', '有', '没', '不', '会', '要', '来', '去',
];

/// Verbs and approximation characters between a noun and the number it is counted by.
const LINKS: &[char] = &[
    '超', '过', '约', '近', '逾', '达', '到', '已', '有', '共', '为', '是', '将', '接', '不', '足',
    '突', '破', '计', '累', '总', '约', '多', '于', '至', '少',
];

/// After `成`, characters that make a word rather than a tenth (`成为`, `成功`).
const CHENG_WORDS: &[char] = &[
    '为', '功', '立', '长', '本', '员', '绩', '果', '熟', '就', '交', '年', '人', '型', '品', '分',
];

impl Cx<'_> {
    fn han_at(&self, i: usize) -> Option<char> {
        self.tok(i).filter(|t| t.kind == Tk::Han).map(|t| t.ch)
    }

    /// A Chinese token that can start a figure: `第`, `百分之`, or a numeral.
    pub(super) fn at_han(&mut self, i: usize) -> Option<usize> {
        let c = self.han_at(i)?;
        if c == '第' {
            let (v, e) = self.zh_number(i + 1)?;
            return Some(self.zh_ordinal(i, e, v));
        }
        if c == '百' && self.is_han(i + 1, '分') && self.is_han(i + 2, '之') {
            let (v, e) = self.zh_number(i + 3)?;
            let q = self.qualifier_before(i);
            self.push(Found::new(Kind::Percent, Value::Number(v), i, e).qualifier(q));
            return Some(e + 1);
        }
        if let Some((code, len)) = self.zh_currency_before(i) {
            let j = self.skip_sp(i + len);
            if self.is_kind(j, Tk::Num) || self.han_at(j).is_some_and(|c| han_digit(c).is_some()) {
                let (v, e) = self.zh_amount(j)?;
                let q = self.qualifier_before(i);
                let mut end = e;
                let mut to = None;
                // 新台币6万至30万元
                if (self.is_han(e + 1, '至')
                    || self.is_han(e + 1, '到')
                    || self.is_p(e + 1, '-')
                    || self.is_p(e + 1, '~'))
                    && let Some((t, te)) = self.zh_amount(e + 2)
                {
                    to = Some(Value::Number(t));
                    end = te;
                }
                if self.is_han(end + 1, '元') {
                    end += 1;
                }
                self.push(
                    Found::new(Kind::Money, Value::Number(v), i, end)
                        .to(to)
                        .unit(Some(code.into()))
                        .qualifier(q),
                );
                return Some(end + 1);
            }
            return None;
        }
        // 近千人, 逾万人: a bare scale after an approximation word is one of it.
        if matches!(c, '百' | '千' | '万') && self.zh_qual(i).is_some() {
            let e = self.han_run_end(i) - 1;
            let run: Vec<char> = (i..=e).filter_map(|k| self.han_at(k)).collect();
            let v = parse_han(&run)?;
            return self.zh_finish(i, e, v, true);
        }
        if han_digit(c).is_none() && c != '十' {
            return None;
        }
        // Vague amounts: 数千, 几万, 上百, 十几.
        if i > 0
            && self
                .han_at(i - 1)
                .is_some_and(|p| matches!(p, '数' | '几' | '上' | '好' | '若' | '成' | '万' | '千'))
        {
            return Some(self.han_run_end(i));
        }
        let e = self.han_run_end(i) - 1;
        if self.is_han(e + 1, '几') {
            return Some(e + 2);
        }
        let run: Vec<char> = (i..=e).filter_map(|k| self.han_at(k)).collect();
        let v = parse_han(&run)?;
        self.zh_finish(i, e, v, true)
    }

    /// `第N` over tokens `s..=e`: a rank in a ranking (`第一名`, `排名第3`, `榜第一`), an
    /// ordinal of what comes in series (`第三季度`, `第三届`), and otherwise no figure: the
    /// narrative ordinals (`第一次`, `第一时间`, `第三方`) and names (`第一夫人`, `第一财经`)
    /// say nothing countable.
    fn zh_ordinal(&mut self, s: usize, e: usize, v: f64) -> usize {
        let next = self.han_at(e + 1);
        if matches!(next, Some('名' | '位')) {
            self.push(Found::new(Kind::Rank, Value::Number(v), s, e + 1));
            return e + 2;
        }
        let before: String = (s.saturating_sub(3)..s)
            .filter_map(|p| self.han_at(p))
            .collect();
        if RANKED_BY.iter().any(|w| before.ends_with(w)) {
            self.push(Found::new(Kind::Rank, Value::Number(v), s, e));
            return e + 1;
        }
        if next.is_some_and(|c| IN_SERIES.contains(&c)) {
            self.push(Found::new(Kind::Ordinal, Value::Number(v), s, e));
        }
        e + 1
    }

    /// A currency written before its amount at `i` (`人民币`, `新台币`, `台币`, `港币`): its
    /// code and length in characters.
    fn zh_currency_before(&self, i: usize) -> Option<(&'static str, usize)> {
        let at = |k: usize, c: char| self.is_han(i + k, c);
        match self.han_at(i)? {
            '人' if at(1, '民') && at(2, '币') => Some(("CNY", 3)),
            '新' if at(1, '台') && at(2, '币') => Some(("TWD", 3)),
            '台' if at(1, '币') => Some(("TWD", 2)),
            '港' if at(1, '币') => Some(("HKD", 2)),
            _ => None,
        }
    }

    fn han_run_end(&self, i: usize) -> usize {
        let mut k = i;
        while self
            .han_at(k)
            .is_some_and(|c| han_digit(c).is_some() || han_scale(c).is_some())
        {
            k += 1;
        }
        k
    }

    /// Digits followed by Chinese characters (`3亿`, `2025年`, `165天`).
    pub(super) fn zh_after_digits(&mut self, i: usize) -> Option<usize> {
        let (v, e) = self.zh_amount(i)?;
        self.zh_finish(i, e, v, false)
    }

    /// Digits or numerals at `i` with their scale characters; returns value and last token.
    fn zh_amount(&self, i: usize) -> Option<(f64, usize)> {
        if self.is_kind(i, Tk::Num) {
            let mut v = parse_digits(self.raw(i), Decimal::Point)?;
            let mut e = i;
            while let Some(s) = self.han_at(e + 1).and_then(han_scale) {
                v *= s;
                e += 1;
                // 3万2900, 1亿2000万: a smaller amount after a large scale adds to it.
                if s >= 1e4
                    && self.is_kind(e + 1, Tk::Num)
                    && self.adj(e, e + 1)
                    && let Some(rest) = parse_digits(self.raw(e + 1), Decimal::Point)
                {
                    let mut r = rest;
                    let mut re = e + 1;
                    while let Some(s2) = self.han_at(re + 1).and_then(han_scale) {
                        r *= s2;
                        re += 1;
                    }
                    if r < s {
                        v += r;
                        e = re;
                    }
                    break;
                }
            }
            Some((v, e))
        } else {
            let end = self.han_run_end(i);
            if end == i {
                return None;
            }
            let run: Vec<char> = (i..end).filter_map(|k| self.han_at(k)).collect();
            Some((parse_han(&run)?, end - 1))
        }
    }

    /// A number (digits or numerals) at `i`, for `第` and `百分之`, where `点` is a decimal
    /// mark (`百分之五点二`).
    fn zh_number(&self, i: usize) -> Option<(f64, usize)> {
        let (mut v, mut e) = self.zh_amount(i)?;
        if self.is_han(e + 1, '点') && self.han_at(e + 2).and_then(han_digit).is_some() {
            let mut scale = 0.1;
            let mut k = e + 2;
            while let Some(d) = self.han_at(k).and_then(han_digit) {
                v += f64::from(d) * scale;
                scale /= 10.0;
                k += 1;
            }
            e = k - 1;
        }
        Some((v, e))
    }

    pub(super) fn zh_qual(&self, s: usize) -> Option<Qualifier> {
        let c1 = s.checked_sub(1).and_then(|p| self.han_at(p));
        let c2 = s.checked_sub(2).and_then(|p| self.han_at(p));
        let c3 = s.checked_sub(3).and_then(|p| self.han_at(p));
        match (c2, c1) {
            (Some('超'), Some('过')) | (Some('至'), Some('少')) | (Some('多'), Some('于')) => {
                return Some(Qualifier::Over);
            }
            (Some('大'), Some('约' | '概')) | (Some('约'), Some('有' | '为')) => {
                return Some(Qualifier::About);
            }
            (Some('将' | '接'), Some('近'))
            | (Some('不'), Some('到' | '足'))
            | (Some('少'), Some('于')) => {
                return Some(Qualifier::Under);
            }
            _ => {}
        }
        if c3 == Some('超') && c2 == Some('过') {
            return Some(Qualifier::Over);
        }
        // 少なくとも (at least)
        if self.lang == Lang::JA
            && s >= 2
            && self.raw(s - 1) == "なくとも"
            && self.is_han(s - 2, '少')
        {
            return Some(Qualifier::Over);
        }
        match c1 {
            Some('逾' | '超') => Some(Qualifier::Over),
            Some('约') => Some(Qualifier::About),
            Some('近') if !matches!(c2, Some('最' | '附' | '临' | '亲' | '靠' | '邻' | '贴')) => {
                Some(Qualifier::Under)
            }
            _ => None,
        }
    }

    /// Decides what a Chinese amount measures from the characters after it.
    fn zh_finish(
        &mut self,
        s: usize,
        mut e: usize,
        mut v: f64,
        numerals_only: bool,
    ) -> Option<usize> {
        let mut q = self.qualifier_before(s);
        let mut scaled = self.han_at(e).and_then(han_scale).is_some() && (e > s || !numerals_only);
        // 300多万, 3亿多, 100余
        if self.is_han(e + 1, '多') || self.is_han(e + 1, '余') {
            q = Some(Qualifier::Over);
            e += 1;
            while let Some(sc) = self.han_at(e + 1).and_then(han_scale) {
                v *= sc;
                e += 1;
                scaled = true;
            }
        }
        let k = e + 1;
        let c = self.han_at(k);
        let c2 = self.han_at(k + 1);
        let int = v.fract() == 0.0;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let n = v as u32;
        // 前三, 前10名: the top of a ranking ("前三季度" is three quarters, not a rank).
        if s > 0 && self.is_han(s - 1, '前') && (c == Some('名') || c.is_none()) {
            let end = if c.is_some() { k } else { e };
            self.push(
                Found::new(Kind::Rank, Value::Number(v), s - 1, end)
                    .qualifier(Some(Qualifier::Under)),
            );
            return Some(end + 1);
        }
        // 25岁: an age, which is no figure; 787型: a model.
        if matches!(c, Some('岁' | '歳' | '型')) {
            return Some(k + 1);
        }
        // 于20日: a day of the month alone; 两日 is a length of time.
        if c == Some('日')
            && int
            && (1..=31).contains(&n)
            && !scaled
            && !numerals_only
            && c2 != Some('间')
        {
            self.push(Found::new(
                Kind::Date,
                Value::Text(format!("---{n:02}")),
                s,
                k,
            ));
            return Some(k + 1);
        }
        match c {
            Some('年') if int && (1000..=2200).contains(&n) && !scaled => {
                // 2025年1月13日 or 2025年1月 or 2025年.
                if let Some((m, me)) = self.zh_part(k + 1, '月') {
                    if let Some((d, de)) = self
                        .zh_part(me + 1, '日')
                        .or_else(|| self.zh_part(me + 1, '号'))
                        && valid(m, d)
                    {
                        self.push(Found::new(
                            Kind::Date,
                            Value::Text(iso(Some(n), m, Some(d))),
                            s,
                            de,
                        ));
                        return Some(de + 1);
                    }
                    if valid(m, 1) {
                        self.push(Found::new(
                            Kind::Date,
                            Value::Text(iso(Some(n), m, None)),
                            s,
                            me,
                        ));
                        return Some(me + 1);
                    }
                }
                self.push(Found::new(Kind::Year, Value::Number(v), s, k));
                return Some(k + 1);
            }
            Some('月') if int && (1..=12).contains(&n) && !scaled => {
                if let Some((d, de)) = self
                    .zh_part(k + 1, '日')
                    .or_else(|| self.zh_part(k + 1, '号'))
                    && valid(n, d)
                {
                    // 7月12日から14日まで, 7月12日至14日
                    let mut end = de;
                    let mut to = None;
                    let from = (self.raw(de + 1) == "から"
                        || self.is_han(de + 1, '至')
                        || self.is_p(de + 1, '-'))
                    .then_some(de + 2);
                    if let Some((d2, d2e)) = from.and_then(|f| self.zh_part(f, '日'))
                        && valid(n, d2)
                        && d2 > d
                    {
                        to = Some(Value::Text(iso(None, n, Some(d2))));
                        end = d2e;
                    }
                    self.push(
                        Found::new(Kind::Date, Value::Text(iso(None, n, Some(d))), s, end).to(to),
                    );
                    return Some(end + 1);
                }
                if self.lang == Lang::JA {
                    return Some(k + 1);
                }
                self.push(Found::new(
                    Kind::Date,
                    Value::Text(iso(None, n, None)),
                    s,
                    k,
                ));
                return Some(k + 1);
            }
            Some('%' | '％') => {}
            Some('成')
                if numerals_only && v <= 10.0 && !c2.is_some_and(|c| CHENG_WORDS.contains(&c)) =>
            {
                self.push(Found::new(Kind::Percent, Value::Number(v * 10.0), s, k).qualifier(q));
                return Some(k + 1);
            }
            Some('时') if c2 == Some('间') => {}
            Some('时') if numerals_only && self.lang == Lang::JA => return Some(k + 1),
            Some('点' | '时') if int && n <= 24 && !scaled => {
                let mut h = n;
                let mut m = 0;
                let mut end = k;
                if let Some((mm, me)) = self.zh_part(k + 1, '分') {
                    if mm < 60 {
                        m = mm;
                        end = me;
                    }
                } else if self.is_han(k + 1, '半') {
                    m = 30;
                    end = k + 1;
                }
                let before: String = (s.saturating_sub(2)..s)
                    .filter_map(|p| self.han_at(p))
                    .collect();
                if EVENING.iter().any(|w| before.ends_with(w)) && h < 12 {
                    h += 12;
                }
                let q = q.or_else(|| {
                    (self.is_han(end + 1, '左') && self.is_han(end + 2, '右')
                        || self.raw(end + 1).starts_with("ごろ"))
                    .then_some(Qualifier::About)
                });
                self.push(
                    Found::new(Kind::Time, Value::Text(hhmm(f64::from(h), m)), s, end).qualifier(q),
                );
                return Some(end + 1);
            }
            _ => {}
        }
        // 三个半月, 两个半小时, 一年半: and a half.
        let half = |at: usize| self.is_han(at, '半');
        let dur_half = match (c, c2) {
            (Some('个'), Some('半')) => match (self.han_at(k + 2), self.han_at(k + 3)) {
                (Some('月'), _) => Some(("month", k + 2)),
                (Some('小'), Some('时')) => Some(("hour", k + 3)),
                (Some('星'), Some('期')) => Some(("week", k + 3)),
                (Some('钟'), Some('头')) => Some(("hour", k + 3)),
                _ => None,
            },
            (Some('年'), Some('半')) if !scaled => Some(("year", k + 1)),
            (Some('小'), Some('时')) if half(k + 2) => Some(("hour", k + 2)),
            (Some('时'), Some('间')) if half(k + 2) => Some(("hour", k + 2)),
            _ => None,
        };
        if let Some((u, end)) = dur_half {
            self.push(
                Found::new(Kind::Duration, Value::Number(v + 0.5), s, end)
                    .unit(Some(u.into()))
                    .qualifier(q),
            );
            return Some(end + 1);
        }
        // Durations.
        let kagetsu =
            matches!(self.raw(k), "カ" | "ヶ" | "か" | "ケ" | "ヵ") && self.is_han(k + 1, '月');
        let dur = match (c, c2) {
            (Some('日'), _) if numerals_only => Some(("day", k)),
            (Some('日'), Some('间')) => Some(("day", k + 1)),
            (Some('时'), Some('间')) => Some(("hour", k + 1)),
            (Some('周'), Some('间')) => Some(("week", k + 1)),
            (None, _) if kagetsu => Some(("month", k + 1)),
            (Some('天'), _) => Some(("day", k)),
            (Some('小'), Some('时')) => Some(("hour", k + 1)),
            (Some('分'), Some('钟')) => Some(("minute", k + 1)),
            (Some('秒'), _) => Some(("second", k)),
            (Some('周'), _) if !self.is_han(k + 1, '年') => Some(("week", k)),
            (Some('星'), Some('期')) => Some(("week", k + 1)),
            (Some('年'), _) if !scaled => Some(("year", k)),
            (Some('个'), Some('月')) => Some(("month", k + 1)),
            (Some('个'), Some('小')) if self.is_han(k + 2, '时') => Some(("hour", k + 2)),
            (Some('个'), Some('星')) if self.is_han(k + 2, '期') => Some(("week", k + 2)),
            _ => None,
        };
        if let Some((u, end)) = dur {
            self.push(
                Found::new(Kind::Duration, Value::Number(v), s, end)
                    .unit(Some(u.into()))
                    .qualifier(q),
            );
            return Some(end + 1);
        }
        // Money.
        let money = match (c, c2) {
            (Some('美'), Some('元')) => Some(("USD", k + 1)),
            (Some('欧'), Some('元')) => Some(("EUR", k + 1)),
            (Some('日'), Some('元' | '圆')) => Some(("JPY", k + 1)),
            (Some('港'), Some('元' | '币')) => Some(("HKD", k + 1)),
            (Some('英'), Some('镑')) => Some(("GBP", k + 1)),
            (Some('新'), Some('台')) if self.is_han(k + 2, '币') => Some(("TWD", k + 2)),
            (Some('台'), Some('币')) => Some(("TWD", k + 1)),
            (Some('元' | '块'), _) => Some(("CNY", k)),
            (Some('円'), _) => Some(("JPY", k)),
            (None, _)
                if self.raw(k) == "ドル"
                    || self.raw(k).starts_with("ドル") && self.lang == Lang::JA =>
            {
                Some(("USD", k))
            }
            (None, _) if self.raw(k).starts_with("ユーロ") => Some(("EUR", k)),
            (Some('人'), Some('民')) if self.is_han(k + 2, '币') => Some(("CNY", k + 2)),
            (Some('印'), Some('尼')) if self.is_han(k + 2, '盾') => Some(("IDR", k + 2)),
            _ => None,
        };
        if let Some((code, end)) = money {
            let q = q.or_else(|| self.zh_qual_after(end + 1));
            self.push(
                Found::new(Kind::Money, Value::Number(v), s, end)
                    .unit(Some(code.into()))
                    .qualifier(q),
            );
            return Some(end + 1);
        }
        if self.lang == Lang::JA {
            match c {
                // 4割: tenths.
                Some('割') if v <= 10.0 => {
                    self.push(
                        Found::new(Kind::Percent, Value::Number(v * 10.0), s, k).qualifier(q),
                    );
                    return Some(k + 1);
                }
                // 1位: a place in a ranking.
                Some('位') if int && !scaled => {
                    self.push(Found::new(Kind::Rank, Value::Number(v), s, k));
                    return Some(k + 1);
                }
                // 台風10号: a name.
                Some('号') => return Some(k + 1),
                _ => {}
            }
        }
        // 男（34）: an age in brackets after a person.
        if !scaled
            && (self.is_p(k, '）') || self.is_p(k, ')'))
            && s > 0
            && (self.is_p(s - 1, '（') || self.is_p(s - 1, '('))
        {
            return Some(k + 1);
        }
        if matches!(c, Some('%' | '％')) || self.is_p(k, '%') || self.is_p(k, '％') {
            self.push(Found::new(Kind::Percent, Value::Number(v), s, k).qualifier(q));
            return Some(k + 1);
        }
        // Counts: measure word, then the noun.
        let mut j = k;
        let measured = c.is_some_and(|c| MEASURES.contains(&c));
        if measured && c != Some('人') {
            j += 1;
        }
        if numerals_only && !measured && !scaled {
            return Some(e + 1);
        }
        if numerals_only && (v - 1.0).abs() < f64::EPSILON && !scaled {
            // 一个: an article.
            return Some(e + 1);
        }
        // 200万户: households, counted by their measure word.
        let household = (c == Some('户')).then(|| self.raw(k).to_string());
        let unit = household
            .or_else(|| self.zh_noun(j))
            .or_else(|| {
                if c.is_none() {
                    self.noun_after(k)
                } else {
                    None
                }
            })
            // 2亿次: with no noun after it, the measure word is what is counted.
            .or_else(|| c.filter(|_| measured).map(String::from))
            // 用户超过3亿: the noun stated before the number.
            .or_else(|| self.zh_noun_before(s));
        let end = if measured && c != Some('人') { k } else { e };
        // 1万5000人の従業員: in Japanese, the noun after the counter and `の` is counted.
        let next = if measured { k + 1 } else { end + 1 };
        let unit = if measured && self.lang == Lang::JA && self.raw(next).starts_with('の') {
            let noun = &self.raw(next)['の'.len_utf8()..];
            let after = if noun.is_empty() {
                self.zh_noun(next + 1)
            } else {
                Some(noun.to_string())
            };
            after.or(unit)
        } else {
            unit
        };
        let q = q.or_else(|| self.zh_qual_after(next));
        self.push(
            Found::new(Kind::Count, Value::Number(v), s, end)
                .unit(unit)
                .qualifier(q),
        );
        Some(end + 1)
    }

    /// An approximation written after the figure, from token `k` on: `以上`, `近く`,
    /// `を超え` (Japanese), `以上` (Chinese).
    fn zh_qual_after(&self, k: usize) -> Option<Qualifier> {
        if self.is_han(k, '以') && self.is_han(k + 1, '上') {
            return Some(Qualifier::Over);
        }
        if self.lang != Lang::JA {
            return None;
        }
        if self.is_han(k, '近') && self.raw(k + 1).starts_with('く') {
            return Some(Qualifier::Under);
        }
        (self.raw(k) == "を" && self.is_han(k + 1, '超')).then_some(Qualifier::Over)
    }

    /// A number followed by `unit` (`1月`, `13日`): value and the unit's token.
    fn zh_part(&self, i: usize, unit: char) -> Option<(u32, usize)> {
        let (v, e) = self.zh_amount(i)?;
        if !self.is_han(e + 1, unit) || v.fract() != 0.0 || v > 100.0 {
            return None;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some((v as u32, e + 1))
    }

    /// A lexicon noun ending just before the number at `s`, across the approximation and
    /// linking characters between them (`月活跃用户超过3亿`, `人口已达2000万`).
    fn zh_noun_before(&self, s: usize) -> Option<String> {
        let mut k = s;
        while s - k < 4 && k > 0 && self.han_at(k - 1).is_some_and(|c| LINKS.contains(&c)) {
            k -= 1;
        }
        let mut b = k;
        while k - b < 5
            && b > 0
            && self
                .han_at(b - 1)
                .is_some_and(|c| !NOUN_STOPS.contains(&c) && han_digit(c).is_none())
        {
            b -= 1;
        }
        if b == k {
            return None;
        }
        let run = &self.text[self.tok(b)?.s..self.tok(k - 1)?.e];
        // Keep the noun and the words right before it that say which (月活跃用户), but not
        // an earlier noun it belongs to (博主粉丝 counts 粉丝).
        let noun = super::nouns::han_noun_ends(run)?;
        let from = super::nouns::han_noun_end(&run[..noun]).unwrap_or(0);
        Some(run[from..].to_string())
    }

    /// Up to four Han characters naming what is counted.
    fn zh_noun(&self, i: usize) -> Option<String> {
        let mut k = i;
        // Long enough for the longest lexicon noun (月活跃用户).
        while k < i + 8
            && self
                .han_at(k)
                .is_some_and(|c| !NOUN_STOPS.contains(&c) && han_digit(c).is_none())
        {
            k += 1;
        }
        if k == i {
            return None;
        }
        let (s, e) = (self.tok(i)?.s, self.tok(k - 1)?.e);
        let run = &self.text[s..e];
        // Cut after a known noun (月活跃用户 keeps all five), else keep at most three
        // characters: counted nouns are short and verbs follow them directly.
        let end = super::nouns::han_noun_end(run)
            .unwrap_or_else(|| run.char_indices().nth(3).map_or(run.len(), |c| c.0));
        Some(run[..end].to_string())
    }
}
