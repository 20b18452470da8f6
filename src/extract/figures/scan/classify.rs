//! What an amount measures, decided from what surrounds it: money, percentages, durations, years,
//! counts and their nouns, qualifiers and ranges.

use super::{Amount, Cx, Found, Kind, Lang, Qualifier, Tk, Value, hhmm, lower};

impl Cx<'_> {
    /// Decides what an amount measures from what follows it, and records it.
    pub fn finish(&mut self, mut am: Amount) -> Option<usize> {
        let qual = self.qualifier_before(am.s);
        let mut to = None;
        let mut e = am.e;
        if let Some(b) = self.range_after(&am, None) {
            if am.scale == 1.0 && b.scale > 1.0 && am.v < b.v / b.scale * 1000.0 {
                am.v *= b.scale;
                am.scale = b.scale;
            }
            to = Some(b.v);
            e = b.e;
            am.year_like &= b.year_like;
        }
        let to_v = to.map(Value::Number);
        let k = self.skip_sp(e + 1);
        if !am.year_like && self.in_ratio(am.s) {
            return Some(e + 1);
        }
        // Platz drei, número uno, top three, tiga besar, las 200 mejores: a rank.
        if am.scale == 1.0 && to.is_none() && am.v.fract() == 0.0 {
            let before = self.prev(am.s).map(|p| self.low(p)).unwrap_or_default();
            let after = self.low(k);
            let top = before == "top"
                || matches!(after.as_ref(), "besar" | "mejores" | "meilleurs" | "best");
            if top
                || matches!(
                    before.as_ref(),
                    "platz" | "rang" | "número" | "numéro" | "peringkat"
                )
            {
                let end = if top && before != "top" { k } else { e };
                self.push(
                    Found::new(Kind::Rank, Value::Number(am.v), am.s, end)
                        .qualifier(top.then_some(Qualifier::Under)),
                );
                return Some(end + 1);
            }
        }
        // three hours and a half, tres horas y media, trois heures et demie, três horas e
        // meia, tiga setengah jam, two and a half hours: half a unit more.
        let (am, mut k) = self.and_a_half(am, k);
        // three-hour, nine-month: a spelled number joined to its unit.
        if am.spelled
            && self.is_p(e + 1, '-')
            && self.adj(e, e + 1)
            && self.entry(e + 2).is_some_and(|en| en.duration.is_some())
        {
            if self.is_hyphen_age(e + 2) {
                return Some(e + 5);
            }
            k = e + 2;
        }
        // "18 h 30": a French time with spaces.
        if self.lang == Lang::FR
            && self.raw(k) == "h"
            && am.v <= 24.0
            && am.v.fract() == 0.0
            && !am.spelled
        {
            let j = self.skip_sp(k + 1);
            let (mins, end) = match self.small(j).filter(|m| *m < 60 && self.raw(j).len() == 2) {
                Some(m) => (m, j),
                None => (0, k),
            };
            self.push(
                Found::new(Kind::Time, Value::Text(hhmm(am.v, mins)), am.s, end).qualifier(qual),
            );
            return Some(end + 1);
        }
        // Percent.
        if self.is_p(k, '%') || self.is_p(k, '％') {
            self.push(
                Found::new(Kind::Percent, Value::Number(am.v), am.s, k)
                    .to(to_v)
                    .qualifier(qual),
            );
            return Some(k + 1);
        }
        if let Some(end) = self.percent_words(k) {
            self.push(
                Found::new(Kind::Percent, Value::Number(am.v), am.s, end)
                    .to(to_v)
                    .qualifier(qual),
            );
            return Some(end + 1);
        }
        // Money after the amount.
        if let Some((code, end)) = self.currency_after(k) {
            let cents = self.entry(end).is_some_and(|e| e.cents);
            let (v, to_v) = if cents {
                (am.v / 100.0, to.map(|t| Value::Number(t / 100.0)))
            } else {
                (am.v, to_v)
            };
            self.push(
                Found::new(Kind::Money, Value::Number(v), am.s, end)
                    .to(to_v)
                    .unit(Some(code.into()))
                    .qualifier(qual),
            );
            return Some(end + 1);
        }
        // Durations and hours.
        if let Some(u) = self.entry(k).and_then(|en| en.duration)
            && !(self.lang == Lang::ID
                && u == "week"
                && self.low(k) == "minggu"
                && self.is_p(self.skip_sp(k + 1), ','))
        {
            if u == "hour" && am.v <= 24.0 && am.v.fract() == 0.0 && self.hour_is_time(am.s, k) {
                let mut end = k;
                let mut mins = 0;
                let j = self.skip_sp(k + 1);
                if let Some(m) = self.small(j).filter(|m| *m < 60) {
                    mins = m;
                    end = j;
                }
                self.push(
                    Found::new(Kind::Time, Value::Text(hhmm(am.v, mins)), am.s, end)
                        .qualifier(qual),
                );
                return Some(end + 1);
            }
            if am.one && self.lang == Lang::EN && self.low(am.s) != "one" {
                // "twice a day", "$5 a month": an article, not a figure; "in a month" and
                // "for a year" state a length of time ("a second wave" is an ordinal).
                let timed = u != "second"
                    && self.prev(am.s).is_some_and(|p| {
                        matches!(
                            self.low(p).as_ref(),
                            "in" | "within" | "for" | "after" | "than"
                        )
                    });
                if !timed {
                    return Some(am.e + 1);
                }
            }
            // "una enfermera de 25 años", "berusia 25 tahun": an age, which is no figure.
            if u == "year" && !am.spelled && self.is_age(am.s, k) {
                return Some(k + 1);
            }
            // "60 Minutes", "48 Hours", "20 Minutes": a capitalised unit inside a sentence
            // names a programme or an outlet.
            if self.lang != Lang::DE
                && self.tok(k).is_some_and(|t| t.ch.is_uppercase())
                && self.prev(am.s).is_some()
            {
                return Some(k + 1);
            }
            let k = self.half_after(k);
            let am = if k.1 {
                Amount {
                    v: am.v + 0.5,
                    ..am
                }
            } else {
                am
            };
            let k = k.0;
            // "worth $300 million over five years": `over` spreads the amount across the
            // time; "for over three hours" and "in over a decade" mean more than.
            let qual = if qual == Some(Qualifier::Over) && self.over_means_across(am.s) {
                None
            } else {
                qual
            };
            self.push(
                Found::new(Kind::Duration, Value::Number(am.v), am.s, k)
                    .to(to_v)
                    .unit(Some(u.into()))
                    .qualifier(qual),
            );
            return Some(k + 1);
        }
        if self.is_time_suffix(k) {
            let end = if self.is_w(k, "a") || self.is_w(k, "p") {
                k + 3
            } else {
                k
            };
            let pm = self.low(k).starts_with('p');
            let v = am.v + if pm && am.v < 12.0 { 12.0 } else { 0.0 };
            self.push(
                Found::new(
                    Kind::Time,
                    Value::Text(hhmm(v, 0)),
                    am.s,
                    end.min(self.toks.len() - 1),
                )
                .qualifier(qual),
            );
            return Some(end + 1);
        }
        if am.one {
            return Some(am.e + 1);
        }
        let unit = self.noun_after(e + 1);
        if am.year_like && (qual.is_none() || self.until_before(am.s)) {
            let counted = unit
                .as_deref()
                .is_some_and(|u| super::super::nouns::concept(u).is_some());
            if !counted {
                self.push(Found::new(Kind::Year, Value::Number(am.v), am.s, e).to(to_v));
                return Some(e + 1);
            }
        }
        if am.spelled && unit.is_none() && am.scale == 1.0 {
            return Some(e + 1);
        }
        self.push(
            Found::new(Kind::Count, Value::Number(am.v), am.s, e)
                .to(to_v)
                .unit(unit)
                .qualifier(qual),
        );
        Some(e + 1)
    }

    /// `two and a half hours`, `tiga setengah jam`: the amount with its half, and where its
    /// unit is.
    fn and_a_half(&self, am: Amount, k: usize) -> (Amount, usize) {
        let half = |j: usize| self.is_w(j, "half") || self.is_w(j, "setengah");
        let (end, v) = if self.is_w(k, "and") && self.is_w(self.skip_sp(k + 1), "a") {
            let h = self.skip_sp(self.skip_sp(k + 1) + 1);
            if half(h) {
                (h, am.v + 0.5)
            } else {
                return (am, k);
            }
        } else if self.is_w(k, "setengah") {
            (k, am.v + 0.5)
        } else {
            return (am, k);
        };
        let unit = self.skip_sp(end + 1);
        if self.entry(unit).and_then(|e| e.duration).is_none() {
            return (am, k);
        }
        (Amount { v, ..am }, unit)
    }

    /// After the unit at `k`: `y media`, `et demie`, `e meia`, `e meio`. Returns the last
    /// token of the duration and whether a half follows.
    fn half_after(&self, k: usize) -> (usize, bool) {
        let c = self.skip_sp(k + 1);
        if !matches!(self.low(c).as_ref(), "y" | "et" | "e") {
            return (k, false);
        }
        let h = self.skip_sp(c + 1);
        if matches!(
            self.low(h).as_ref(),
            "media" | "medio" | "demie" | "demi" | "meia" | "meio"
        ) {
            (h, true)
        } else {
            (k, false)
        }
    }

    /// A number of years at `s..=unit` that gives someone's age: `de 25 años` not followed
    /// by what the years are of, `berusia 25 tahun`, `aged 25 years`.
    fn is_age(&self, s: usize, unit: usize) -> bool {
        let Some(p) = self.prev(s) else { return false };
        let before = self.low(p);
        if matches!(
            before.as_ref(),
            "berusia" | "usia" | "umur" | "aged" | "âgé" | "âgée" | "idade"
        ) {
            return true;
        }
        let after = self.skip_sp(unit + 1);
        before == "de"
            && matches!(self.lang, Lang::ES | Lang::PT | Lang::FR)
            && !matches!(
                self.low(after).as_ref(),
                "de" | "d" | "y" | "e" | "et" | "para" | "pour"
            )
            && self.prev(p).is_some_and(|q| {
                self.is_kind(q, Tk::Word)
                    && !self.lex.stop.contains(self.low(q).as_ref())
                    && self.entry(q).is_none()
            })
    }

    /// A word saying until when before `s` (`até 2030`, `bis 2026`, `hasta 2030`): a year
    /// after it stays a year.
    pub(super) fn until_before(&self, s: usize) -> bool {
        self.prev(s).is_some_and(|p| {
            matches!(
                self.low(p).as_ref(),
                "até" | "bis" | "hasta" | "until" | "hingga" | "sampai" | "jusqu"
            )
        })
    }

    /// English `over` right before a duration, not led by a word that makes it "more
    /// than" (`for over`, `in over`, `lasted over`).
    pub(super) fn over_means_across(&self, s: usize) -> bool {
        if self.lang != Lang::EN {
            return false;
        }
        let Some(p) = self.prev(s).filter(|&p| self.is_w(p, "over")) else {
            return false;
        };
        !self.prev(p).is_some_and(|q| {
            matches!(
                self.low(q).as_ref(),
                "for" | "in" | "after" | "of" | "lasted" | "lasting" | "took" | "taking" | "spent"
            )
        })
    }

    /// "à 9 heures", "4 heures du matin": an hour of the day rather than a duration.
    pub(super) fn hour_is_time(&self, s: usize, unit: usize) -> bool {
        let before = self
            .prev(s)
            .map(|p| self.low(p).into_owned())
            .unwrap_or_default();
        if matches!(
            before.as_str(),
            "à" | "vers" | "dès" | "pukul" | "las" | "at"
        ) {
            return true;
        }
        let j = self.skip_sp(unit + 1);
        let j2 = self.skip_sp(j + 1);
        (self.is_w(j, "du") || self.is_w(j, "de"))
            && matches!(
                self.low(j2).as_ref(),
                "matin" | "soir" | "après" | "l" | "la"
            )
            || matches!(
                self.low(j).as_ref(),
                "pagi" | "siang" | "sore" | "malam" | "wib" | "wita" | "wit"
            )
    }

    pub(super) fn is_time_suffix(&self, k: usize) -> bool {
        if !(self.lang == Lang::EN || self.zh) {
            return false;
        }
        let w = self.low(k);
        matches!(w.as_ref(), "am" | "pm")
            || matches!(w.as_ref(), "a" | "p")
                && self.is_p(k + 1, '.')
                && self.is_w(k + 2, "m")
                && self.adj(k, k + 1)
    }

    pub(super) fn percent_words(&self, k: usize) -> Option<usize> {
        if self.entry(k).is_some_and(|e| e.percent) {
            return Some(k);
        }
        let j = self.skip_sp(k + 1);
        let pair = (self.low(k), self.low(j));
        match (pair.0.as_ref(), pair.1.as_ref()) {
            ("pour", "cent") | ("per", "cent") | ("por", "ciento") => Some(j),
            _ => None,
        }
    }

    /// A currency after an amount: `€`, `euros`, `de dollars`, `d'euros`, `USD`, `dolar AS`.
    pub(super) fn currency_after(&self, k: usize) -> Option<(&'static str, usize)> {
        if let Some(t) = self.tok(k)
            && t.kind == Tk::Punct
        {
            return match t.ch {
                '€' => Some(("EUR", k)),
                '$' => Some(("USD", k)),
                '£' => Some(("GBP", k)),
                _ => None,
            };
        }
        if let Some(code) = suffix_code(self.raw(k)) {
            return Some((code, k));
        }
        // US-Dollar, Taiwan-Dollar, Hongkong-Dollar
        let dollar = match self.raw(k) {
            "US" => Some("USD"),
            "Taiwan" => Some("TWD"),
            "Hongkong" => Some("HKD"),
            _ => None,
        };
        if let Some(code) = dollar
            && self.is_p(k + 1, '-')
            && self.entry(k + 2).is_some_and(|e| e.currency == Some("USD"))
        {
            return Some((code, k + 2));
        }
        let mut j = k;
        if self.lex.noun_links.contains(&self.low(k).as_ref()) {
            j = if self.is_p(k + 1, '\'') || self.is_p(k + 1, '’') {
                k + 2
            } else {
                self.skip_sp(k + 1)
            };
        }
        let code = self.entry(j)?.currency?;
        // "dollars américains", "dolar AS", "dólares estadounidenses"
        let n = self.skip_sp(j + 1);
        let us = matches!(
            self.raw(n),
            "AS" | "US" | "américains" | "estadounidenses" | "Amerika" | "américain"
        );
        Some((code, if us && code == "USD" { n } else { j }))
    }

    /// The counted noun after a count: up to a few words, stopping at function words.
    pub fn noun_after(&self, j: usize) -> Option<String> {
        let mut k = self.skip_sp(j);
        if self.lex.noun_words == 0 {
            return None;
        }
        let link = self.low(k);
        if self.lex.noun_links.contains(&link.as_ref()) {
            if self.is_p(k + 1, '\'') || self.is_p(k + 1, '’') {
                k += 2;
            } else {
                k = self.skip_sp(k + 1);
            }
        }
        let first = k;
        let mut last = None;
        let mut words = 0;
        while words < self.lex.noun_words && self.is_kind(k, Tk::Word) {
            let w = self.low(k);
            if self.lex.stop.contains(w.as_ref())
                || self
                    .entry(k)
                    .is_some_and(|e| !e.parts.is_empty() || e.month > 0)
                || self.looks_verb(&w)
                // "12,000 pilots walked out": after the noun, an English past tense ends it
                // ("3 million registered users" keeps its first word).
                || (words > 0 && self.lang == Lang::EN && w.len() > 4 && w.ends_with("ed"))
            {
                break;
            }
            last = Some(k);
            words += 1;
            let n = k + 1;
            if self.is_p(n, '-')
                && self.adj(k, n)
                && self.is_kind(n + 1, Tk::Word)
                && self.adj(n, n + 1)
            {
                k = n + 1;
                continue;
            }
            let n2 = self.skip_sp(n);
            if n2 == n {
                break;
            }
            k = n2;
        }
        let last = last?;
        Some(self.text[self.tok(first)?.s..self.tok(last)?.e].to_string())
    }

    pub(super) fn looks_verb(&self, w: &str) -> bool {
        match self.lang {
            Lang::FR => w.ends_with("aient") || w.ends_with("ront") || w.ends_with("èrent"),
            Lang::ID => {
                ["mem", "men", "meng", "meny", "ber"]
                    .iter()
                    .any(|p| w.starts_with(p))
                    && w.len() > 5
            }
            _ => false,
        }
    }

    /// The approximation phrase just before token `s`, if any.
    pub fn qualifier_before(&self, s: usize) -> Option<Qualifier> {
        if let Some(q) = self.zh.then(|| self.zh_qual(s)).flatten() {
            return Some(q);
        }
        if self.lex.quals.is_empty() {
            return None;
        }
        // Up to three words before `s`, nearest first; `d'` and `qu'` read as `de`.
        let mut words: [&str; 3] = [""; 3];
        let mut n = 0;
        let mut k = s;
        while n < 3 {
            let Some(p) = self.prev(k) else { break };
            let t = self.tok(p)?;
            if t.kind == Tk::Punct && matches!(t.ch, '\'' | '’') {
                k = p;
                continue;
            }
            if t.kind == Tk::Word {
                let w = self.raw(p);
                words[n] = if w.eq_ignore_ascii_case("d") || w.eq_ignore_ascii_case("qu") {
                    "de"
                } else {
                    w
                };
                n += 1;
                k = p;
            } else if t.kind == Tk::Punct
                && t.ch == '-'
                && n > 0
                && self.is_kind(p.wrapping_sub(1), Tk::Word)
            {
                // "kira-kira" arrives as two words and a hyphen: read it whole.
                let Some(ws) = self.tok(p - 1) else { break };
                words[n - 1] = &self.text[ws.s..self.tok(p + 1)?.e];
                k = p - 1;
            } else {
                break;
            }
        }
        // Lower-cased once here, not once per phrase compared.
        let words = words.map(lower);
        let mut best: Option<(usize, Qualifier)> = None;
        for (phrase, q) in &self.lex.quals {
            let len = phrase.len();
            if len <= n
                && phrase.iter().rev().zip(&words[..n]).all(|(a, b)| b == a)
                && best.is_none_or(|(l, _)| len > l)
            {
                best = Some((len, *q));
            }
        }
        best.map(|(_, q)| q)
    }

    /// The upper end of a range after `am`: `10-20`, `10 à 20`, `between 10 and 20`. For
    /// money (its code and first token), the upper end may repeat the currency: `Rp 15.000 hingga Rp 17.000`.
    pub(super) fn range_after(&self, am: &Amount, money: Option<(&str, usize)>) -> Option<Amount> {
        let k = self.skip_sp(am.e + 1);
        let t = self.tok(k)?;
        let conn = match t.kind {
            Tk::Punct => matches!(t.ch, '-' | '–' | '—' | '~'),
            Tk::Word => {
                let w = self.low(k);
                // For money the range opens before the currency: "between $10 and $15".
                let first = money.map_or(am.s, |m| m.1);
                let before = self.prev(first).map(|p| self.low(p)).unwrap_or_default();
                match w.as_ref() {
                    "à" | "au" => self.lang == Lang::FR,
                    "a" => self.lang == Lang::ES && before == "de",
                    "to" => self.lang == Lang::EN,
                    "hingga" | "sampai" => self.lang == Lang::ID,
                    "et" | "and" | "y" | "dan" | "und" | "e" => {
                        matches!(before.as_ref(), "entre" | "between" | "antara" | "zwischen")
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        if !conn {
            return None;
        }
        let mut j = self.skip_sp(k + 1);
        // A repeated currency makes a range only when the text says it is one: "rose $2 to
        // $78.50" is a change and a level.
        if let Some((code, start)) = money
            && (t.kind == Tk::Punct
                || self.prev(start).is_some_and(|p| {
                    matches!(
                        self.low(p).as_ref(),
                        "between" | "from" | "entre" | "de" | "antara" | "dari" | "berkisar"
                    )
                }))
            && let Some((c, after)) = self.currency_prefix(j)
            && c == code
        {
            j = self.skip_sp(after);
        }
        if !self.is_kind(j, Tk::Num) {
            return None;
        }
        let b = self.amount(j)?;
        let a_v = if am.scale == 1.0 && b.scale > 1.0 {
            am.v * b.scale
        } else {
            am.v
        };
        ((am.year_like || !b.year_like) && b.v > a_v).then_some(b)
    }

    /// A currency written before an amount at `j` (`$`, `US$`, `Rp`, `EUR`): its code and
    /// the token after it.
    pub(super) fn currency_prefix(&self, j: usize) -> Option<(&'static str, usize)> {
        let t = self.tok(j)?;
        match t.kind {
            Tk::Punct => {
                let code = match t.ch {
                    '$' => "USD",
                    '€' => "EUR",
                    '£' => "GBP",
                    _ => return None,
                };
                Some((code, j + 1))
            }
            Tk::Word if self.raw(j) == "US" && self.adj(j, j + 1) && self.is_p(j + 1, '$') => {
                Some(("USD", j + 2))
            }
            Tk::Word => prefix_code(self.raw(j)).map(|c| (c, j + 1)),
            _ => None,
        }
    }
}

/// A currency code or symbol-word written before an amount.
pub(super) fn prefix_code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "Rp" | "RP" | "rp" => "IDR",
        "USD" => "USD",
        "EUR" => "EUR",
        "IDR" => "IDR",
        "CNY" | "RMB" => "CNY",
        "GBP" => "GBP",
        "JPY" => "JPY",
        _ => return None,
    })
}

/// A currency code written after an amount.
pub(super) fn suffix_code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "USD" => "USD",
        "EUR" => "EUR",
        "IDR" => "IDR",
        "CNY" | "RMB" => "CNY",
        "GBP" => "GBP",
        "JPY" => "JPY",
        _ => return None,
    })
}
