//! Chinese figures: digits or Chinese numerals followed by scale, unit, measure word,
//! currency or date characters (`3亿用户`, `165天`, `2025年1月13日`, `百分之三十`, `三成`,
//! `第二`), with the approximation characters around them (`超过`, `近`, `约`, `多`, `左右`).

use super::number::{Decimal, han_digit, han_scale, parse_digits, parse_han};
use super::scan::{Cx, Found, hhmm, iso, valid};
use super::token::Tk;
use super::{Kind, Qualifier, Value};

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
            self.push(Found::new(Kind::Ordinal, Value::Number(v), i, e));
            return Some(e + 1);
        }
        if c == '百' && self.is_han(i + 1, '分') && self.is_han(i + 2, '之') {
            let (v, e) = self.zh_number(i + 3)?;
            let q = self.qualifier_before(i);
            self.push(Found::new(Kind::Percent, Value::Number(v), i, e).qualifier(q));
            return Some(e + 1);
        }
        if c == '人' && self.is_han(i + 1, '民') && self.is_han(i + 2, '币') {
            let j = self.skip_sp(i + 3);
            if self.is_kind(j, Tk::Num) || self.han_at(j).is_some_and(|c| han_digit(c).is_some()) {
                let (v, e) = self.zh_amount(j)?;
                let q = self.qualifier_before(i);
                let mut end = e;
                if self.is_han(end + 1, '元') {
                    end += 1;
                }
                self.push(
                    Found::new(Kind::Money, Value::Number(v), i, end)
                        .unit(Some("CNY".into()))
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
                    self.push(Found::new(
                        Kind::Date,
                        Value::Text(iso(None, n, Some(d))),
                        s,
                        de,
                    ));
                    return Some(de + 1);
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
                if (before.ends_with("下午") || before.ends_with("晚上")) && h < 12 {
                    h += 12;
                }
                self.push(Found::new(
                    Kind::Time,
                    Value::Text(hhmm(f64::from(h), m)),
                    s,
                    end,
                ));
                return Some(end + 1);
            }
            _ => {}
        }
        // Durations.
        let dur = match (c, c2) {
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
            (Some('日'), Some('元')) => Some(("JPY", k + 1)),
            (Some('港'), Some('元' | '币')) => Some(("HKD", k + 1)),
            (Some('英'), Some('镑')) => Some(("GBP", k + 1)),
            (Some('元' | '块'), _) => Some(("CNY", k)),
            (Some('人'), Some('民')) if self.is_han(k + 2, '币') => Some(("CNY", k + 2)),
            (Some('印'), Some('尼')) if self.is_han(k + 2, '盾') => Some(("IDR", k + 2)),
            _ => None,
        };
        if let Some((code, end)) = money {
            self.push(
                Found::new(Kind::Money, Value::Number(v), s, end)
                    .unit(Some(code.into()))
                    .qualifier(q),
            );
            return Some(end + 1);
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
        let unit = self
            .zh_noun(j)
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
        self.push(
            Found::new(Kind::Count, Value::Number(v), s, end)
                .unit(unit)
                .qualifier(q),
        );
        Some(end + 1)
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
