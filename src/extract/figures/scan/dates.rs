//! Dates and times of day: numeric dates, weekday and day-month forms, month-first dates, clock
//! times.

use super::{Amount, Cx, Found, Kind, Lang, Qualifier, Tk, Value};

impl Cx<'_> {
    /// `16/1`, `16/1/2025`, `2025-01-19`, `16.01.2025`.
    pub(super) fn numeric_date(&mut self, i: usize) -> Option<usize> {
        let raw = self.raw(i);
        // 16.01.2025 arrives as one token.
        let mut dotted = raw.split('.');
        if let (Some(a), Some(b), Some(y), None) =
            (dotted.next(), dotted.next(), dotted.next(), dotted.next())
            && y.len() == 4
            && a.len() <= 2
            && b.len() <= 2
        {
            let (a, b, y) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
            let (d, m) = if self.lex.day_first { (a, b) } else { (b, a) };
            if valid(m, d) {
                self.push(Found::new(
                    Kind::Date,
                    Value::Text(iso(Some(y), m, Some(d))),
                    i,
                    i,
                ));
                return Some(i + 1);
            }
        }
        let sep = if self.is_p(i + 1, '/') {
            '/'
        } else if self.is_p(i + 1, '-') {
            '-'
        } else {
            return None;
        };
        if !(self.adj(i, i + 1) && self.adj(i + 1, i + 2)) {
            return None;
        }
        let a = self.small(i)?;
        let b = self.small(i + 2)?;
        let third = (self.is_p(i + 3, sep) && self.adj(i + 2, i + 3) && self.adj(i + 3, i + 4))
            .then(|| self.small(i + 4))
            .flatten();
        if sep == '-' {
            // ISO 8601 only.
            let c = third?;
            if self.raw(i).len() == 4 && valid(b, c) {
                self.push(Found::new(
                    Kind::Date,
                    Value::Text(iso(Some(a), b, Some(c))),
                    i,
                    i + 4,
                ));
                return Some(i + 5);
            }
            return None;
        }
        let (d, m) = if self.lex.day_first { (a, b) } else { (b, a) };
        if !valid(m, d) {
            // 20/20, 50/50: a name or a ratio, no quantity.
            return (third.is_none() && sep == '/').then_some(i + 3);
        }
        let year = third.map(|y| if y < 100 { 2000 + y } else { y });
        let after_weekday = {
            let mut p = self.prev(i);
            if p.is_some_and(|p| self.is_p(p, '(')) {
                p = p.and_then(|p| self.prev(p));
            }
            p.is_some_and(|p| self.entry(p).is_some_and(|e| e.weekday))
        };
        if year.is_none() && !after_weekday {
            return Some(i + 3);
        }
        let end = if year.is_some() { i + 4 } else { i + 2 };
        self.push(Found::new(
            Kind::Date,
            Value::Text(iso(year, m, Some(d))),
            i,
            end,
        ));
        Some(end + 1)
    }

    /// `Kamis (16/1)`: a weekday with a numeric date in brackets.
    pub(super) fn weekday_date(&mut self, i: usize) -> Option<usize> {
        let j = self.skip_sp(i + 1);
        if !self.is_p(j, '(') {
            return None;
        }
        let a = self.small(j + 1)?;
        if !(self.is_p(j + 2, '/') && self.adj(j + 1, j + 2)) {
            return None;
        }
        let b = self.small(j + 3)?;
        let (d, m) = if self.lex.day_first { (a, b) } else { (b, a) };
        let (year, close) = if self.is_p(j + 4, '/') {
            (
                self.small(j + 5)
                    .map(|y| if y < 100 { 2000 + y } else { y }),
                j + 6,
            )
        } else {
            (None, j + 4)
        };
        if !valid(m, d) || !self.is_p(close, ')') {
            return None;
        }
        self.push(Found::new(
            Kind::Date,
            Value::Text(iso(year, m, Some(d))),
            i,
            close,
        ));
        Some(close + 1)
    }

    pub(super) fn is_followed_by_month(&self, j: usize) -> bool {
        let k = self.skip_sp(j + 1);
        self.entry(k).is_some_and(|e| e.month > 0)
    }

    /// `19 janvier 2025`, `lundi 13 janvier`, `Selasa, 14 Januari`, `13 de enero de 2025`,
    /// `13-15 janvier`.
    pub(super) fn day_month_date(&mut self, am: Amount) -> Option<usize> {
        if am.spelled || am.e != am.s || am.v.fract() != 0.0 || !(1.0..=31.0).contains(&am.v) {
            return None;
        }
        let mut k = self.skip_sp(am.e + 1);
        let mut to_day = None;
        let joins = self.is_p(k, '-')
            || self.is_p(k, '–')
            || matches!(
                self.low(k).as_ref(),
                "au" | "et" | "to" | "hingga" | "sampai" | "al" | "y" | "and" | "a"
            );
        let d2_at = self.skip_sp(k + 1);
        if joins && self.small(d2_at).is_some() {
            let d2 = self.small(d2_at)?;
            let mut after = self.skip_sp(d2_at + 1);
            if matches!(self.lang, Lang::ES | Lang::PT) && self.is_w(after, "de") {
                after = self.skip_sp(after + 1);
            }
            if self.entry(after).is_some_and(|e| e.month > 0) && d2 > 0 && f64::from(d2) > am.v {
                to_day = Some(d2);
                k = after;
            }
        }
        if matches!(self.lang, Lang::ES | Lang::PT) && self.is_w(k, "de") {
            k = self.skip_sp(k + 1);
        }
        let m = self.entry(k).map(|e| e.month).filter(|&m| m > 0)?;
        if self.lang == Lang::EN && self.low(k) == "may" && !self.raw(k).starts_with('M') {
            return None;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let d = am.v as u32;
        let (year, end) = self.year_after(k);
        if !valid(u32::from(m), d) {
            return None;
        }
        let start = self.weekday_before(am.s);
        let to = to_day.map(|d2| Value::Text(iso(year, m, Some(d2))));
        self.push(Found::new(Kind::Date, Value::Text(iso(year, m, Some(d))), start, end).to(to));
        Some(end + 1)
    }

    pub(super) fn push_day_month(&mut self, s: usize, d: f64, m: u8, month_tok: usize) -> usize {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let d = d as u32;
        let (year, end) = self.year_after(month_tok);
        let start = self.weekday_before(s);
        self.push(Found::new(
            Kind::Date,
            Value::Text(iso(year, m, Some(d))),
            start,
            end,
        ));
        end + 1
    }

    /// A year right after a month (`janvier 2025`, `de 2025`, `, 2025`).
    pub(super) fn year_after(&self, month_tok: usize) -> (Option<u32>, usize) {
        let mut k = self.skip_sp(month_tok + 1);
        if matches!(self.lang, Lang::ES | Lang::PT) && self.is_w(k, "de")
            || self.is_p(k, ',') && self.lang == Lang::EN
        {
            k = self.skip_sp(k + 1);
        }
        match self.small(k) {
            Some(y) if self.raw(k).len() == 4 && (1000..=2200).contains(&y) => (Some(y), k),
            _ => (None, month_tok),
        }
    }

    /// Where a date starting at `s` really starts: at a weekday before it (`lundi 13`,
    /// `Selasa, 14`).
    pub(super) fn weekday_before(&self, s: usize) -> usize {
        let mut p = self.prev(s);
        if p.is_some_and(|p| self.is_p(p, ',')) {
            p = p.and_then(|p| self.prev(p));
        }
        match p {
            Some(p) if self.entry(p).is_some_and(|e| e.weekday) => p,
            _ => s,
        }
    }

    /// `January 19, 2025`, `janvier 2025`, `Desember 2024`, `enero de 2025`.
    pub(super) fn month_first_date(&mut self, i: usize, m: u8) -> Option<usize> {
        if self.lang == Lang::EN && self.low(i) == "may" && !self.raw(i).starts_with('M') {
            return None;
        }
        let mut k = i + 1;
        if self.is_p(k, '.') && self.adj(i, k) {
            k += 1;
        }
        k = self.skip_sp(k);
        if matches!(self.lang, Lang::ES | Lang::PT) && self.is_w(k, "de") {
            k = self.skip_sp(k + 1);
        }
        let n = self.small(k)?;
        if self.raw(k).len() == 4 && (1800..=2200).contains(&n) {
            let start = self.weekday_before(i);
            self.push(Found::new(
                Kind::Date,
                Value::Text(iso(Some(n), m, None)),
                start,
                k,
            ));
            return Some(k + 1);
        }
        if self.lang != Lang::EN
            || !valid(u32::from(m), n)
            || self.adj(k, k + 1)
                && self.is_kind(k + 1, Tk::Word)
                && !matches!(self.low(k + 1).as_ref(), "st" | "nd" | "rd" | "th")
        {
            return None;
        }
        let mut end = k;
        if self.adj(k, k + 1) && self.is_kind(k + 1, Tk::Word) {
            end = k + 1;
        }
        let (year, yend) = self.year_after(end);
        let start = self.weekday_before(i);
        self.push(Found::new(
            Kind::Date,
            Value::Text(iso(year, m, Some(n))),
            start,
            yend.max(end),
        ));
        Some(yend.max(end) + 1)
    }

    /// `14:30`, `09.00` (after `pukul`), `9 pagi`: a time of day at `i`. `intro` is the
    /// first token of the time phrase (`pukul` in `sekitar pukul 02.30`): an approximation
    /// word stands before it.
    pub(super) fn time_at(&mut self, i: usize, marked: bool, intro: usize) -> Option<usize> {
        if !self.is_kind(i, Tk::Num) {
            return None;
        }
        let raw = self.raw(i);
        let (h, m, end) = if self.is_p(i + 1, ':') && self.adj(i, i + 1) && self.adj(i + 1, i + 2) {
            let h = self.small(i)?;
            let m = self.small(i + 2).filter(|_| self.raw(i + 2).len() == 2)?;
            (h, m, i + 2)
        } else if marked && raw.len() == 5 && raw.as_bytes()[2] == b'.' {
            (raw[..2].parse().ok()?, raw[3..].parse().ok()?, i)
        } else if marked {
            (self.small(i)?, 0, i)
        } else {
            return None;
        };
        if h > 24 || m > 59 {
            return None;
        }
        let mut end = end;
        let mut h = h;
        let k = self.skip_sp(end + 1);
        if self.is_time_suffix(k) {
            if self.low(k).starts_with('p') && h < 12 {
                h += 12;
            }
            end = if self.is_w(k, "a") || self.is_w(k, "p") {
                k + 3
            } else {
                k
            };
        }
        let v = Value::Text(hhmm(f64::from(h), m));
        let start = i;
        // Only "about" reads as an approximation of a time of day: "hingga pukul 10.00" and
        // "up to 3 p.m." say until when, not how near.
        let qual = self
            .qualifier_before(intro)
            .filter(|q| *q == Qualifier::About);
        self.push(Found::new(Kind::Time, v, start, end.min(self.toks.len() - 1)).qualifier(qual));
        Some(end + 1)
    }
}

/// True for a real month and day.
pub fn valid(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// An ISO 8601 date with the unknown parts left out.
pub fn iso(y: Option<u32>, m: impl Into<u32>, d: Option<u32>) -> String {
    let m: u32 = m.into();
    match (y, d) {
        (Some(y), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), None) => format!("{y:04}-{m:02}"),
        (None, Some(d)) => format!("--{m:02}-{d:02}"),
        (None, None) => format!("--{m:02}"),
    }
}

/// `09:30`.
pub fn hhmm(h: f64, m: u32) -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let h = h as u32;
    format!("{h:02}:{m:02}")
}
