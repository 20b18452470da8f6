//! Digit runs: grouping and decimal marks, scale words after them, and the codes, phone numbers,
//! addresses and model names that are not figures.

use super::classify::prefix_code;
use super::{
    Amount, Cx, Found, Kind, Lang, Part, Qualifier, Spelled, Tk, Value, hhmm, iso, parse_digits,
    valid,
};

impl Cx<'_> {
    pub(super) fn at_num(&mut self, i: usize) -> Option<usize> {
        let raw = self.raw(i);
        let t = *self.tok(i)?;
        // Glued to a preceding letter or hyphenated word: part of a name.
        if let Some(p) = i.checked_sub(1)
            && self.adj(p, i)
            && (self.is_kind(p, Tk::Word)
                || self.is_p(p, '_')
                // Sat.1
                || self.is_p(p, '.') && p > 0 && self.adj(p - 1, p) && self.is_kind(p - 1, Tk::Word))
            && !self.year_glued_after(p)
            && !self.is_kana(p)
        {
            return Some(self.glued_end(i));
        }
        if let Some(r) = self.list_marker(i) {
            return Some(r);
        }
        if let Some(r) = self.numeric_date(i) {
            return Some(r);
        }
        if let Some(r) = self.time_at(i, false, i) {
            return Some(r);
        }
        if self.lang == Lang::DE
            && let Some(r) = self.german_dot(i)
        {
            return Some(r);
        }
        if let Some(r) = self.rank_after_word(i) {
            return Some(r);
        }
        if let Some(r) = self.day_alone(i) {
            return Some(r);
        }
        let leading_zero =
            raw.len() > 1 && raw.starts_with('0') && raw.as_bytes()[1].is_ascii_digit();
        if leading_zero {
            return Some(self.phone_end(i));
        }
        if self.hyphen_code(i) || self.spaced_code(i) {
            return Some(self.phone_end(i));
        }
        if let Some(r) = self.area_code(i) {
            return Some(r);
        }
        if self.model_suffix_after(i) {
            return Some(i + 1);
        }
        // 男（34）: an age or a reference in brackets.
        if self.zh
            && i > 0
            && (self.is_p(i - 1, '（') || self.is_p(i - 1, '('))
            && (self.is_p(i + 1, '）') || self.is_p(i + 1, ')'))
        {
            return Some(i + 2);
        }
        if self.zh && (self.is_kind(i + 1, Tk::Han) || self.is_kana(i + 1)) {
            // "iPhone 16系列": a model number, unless a scale follows ("TikTok 2亿").
            if self.model_word_before(i)
                && self
                    .tok(i + 1)
                    .is_none_or(|n| super::super::number::han_scale(n.ch).is_none())
            {
                return Some(self.glued_end(i));
            }
            return self.zh_after_digits(i);
        }
        let am = self.amount(i)?;
        if self.lex.words.is_empty()
            && !self.zh
            && let Some(r) = self.without_words(&am)
        {
            return Some(r);
        }
        if self.lang == Lang::FR && am.scale == 1.0 && dotted_code(self.raw(i)) {
            // French writes decimals with a comma: "49.3" and "7.1" are references.
            let k = self.skip_sp(am.e + 1);
            if !(self.is_p(k, '%')
                || self.currency_after(k).is_some()
                || self.percent_words(k).is_some())
            {
                return Some(self.glued_end(i));
            }
        }
        // Glued letters: ordinals (3e, 21st), times (9h30), scales ($1.2bn) or a model name (5G).
        if self.adj(am.e, am.e + 1) && self.is_kind(am.e + 1, Tk::Word) {
            return self.glued_suffix(am);
        }
        if self.adj(am.e, am.e + 1)
            && self.is_p(am.e + 1, '-')
            && self.is_kind(am.e + 2, Tk::Word)
            && self.adj(am.e + 1, am.e + 2)
        {
            // "10-day", "19-year-old", "COVID-19-era": a duration only when a unit follows,
            // and not an age.
            if let Some(u) = self.entry(am.e + 2).and_then(|e| e.duration)
                && !self.is_hyphen_age(am.e + 2)
            {
                self.push(
                    Found::new(Kind::Duration, Value::Number(am.v), i, am.e + 2)
                        .unit(Some(u.into()))
                        .qualifier(self.qualifier_before(i)),
                );
                return Some(am.e + 3);
            }
            return Some(self.glued_end(i));
        }
        if let Some(r) = self.day_month_date(am) {
            return Some(r);
        }
        let _ = t;
        if self.names_a_model(&am) {
            // The whole model name: "Boeing 737-800".
            return Some(self.glued_end(am.s));
        }
        if self.is_address(&am) {
            return Some(am.e + 1);
        }
        self.finish(am)
    }

    /// In a language without word tables, where `am` is a figure that could be misread, and
    /// where reading goes on: precision first, a number is left out rather than read wrong.
    fn without_words(&mut self, am: &Amount) -> Option<usize> {
        if am.scale != 1.0 {
            return None;
        }
        let i = am.s;
        let next = self.skip_sp(am.e + 1);
        // "%40" (Turkish, Basque): a percentage with its sign in front.
        if i > 0 && self.is_p(i - 1, '%') && self.adj(i - 1, i) {
            self.push(Found::new(Kind::Percent, Value::Number(am.v), i - 1, am.e));
            return Some(am.e + 1);
        }
        // "3°", "1º", "2ª": a degree or an ordinal, never a count.
        if ['°', 'º', 'ª'].iter().any(|&c| self.is_p(am.e + 1, c)) {
            return Some(am.e + 2);
        }
        // "500 000": digits grouped by spaces, which these rules do not join; a part of the
        // number would be wrong.
        if next != am.e + 1 && self.num_raw_is(next, |r| r.len() == 3) {
            let mut k = next;
            while self.skip_sp(k + 1) != k + 1
                && self.num_raw_is(self.skip_sp(k + 1), |r| r.len() == 3)
            {
                k = self.skip_sp(k + 1);
            }
            return Some(k + 1);
        }
        // A scale word ("170 milioni") cannot be told from a counted noun: a number followed
        // by a word is left out.
        if self.is_kind(next, Tk::Word) {
            return Some(am.e + 1);
        }
        // "19 januari 2025", "ngày 19 tháng 1 năm 2025": the year of a date whose month is a
        // word these rules cannot read is a fragment of it, not a figure.
        if let Some(w) = self.prev(i)
            && self.is_kind(w, Tk::Word)
            && let Some(d) = self.prev(w)
            && self.small(d).is_some_and(|d| (1..=31).contains(&d))
            && self.small(i).is_some_and(|y| (1000..=2999).contains(&y))
        {
            return Some(am.e + 1);
        }
        None
    }

    /// German numbers with a dot after them: `19. Januar 2025` and `vom 12. bis 14. Juli`
    /// are dates, `14.30 Uhr` and `8 Uhr` times of day, and `der 3. Platz` or `1. FC` an
    /// ordinal that is no figure.
    fn german_dot(&mut self, i: usize) -> Option<usize> {
        let n = self.small(i);
        let k = self.skip_sp(i + 1);
        if self.is_w(k, "uhr") {
            let raw = self.raw(i);
            let (h, m) = match raw.split_once('.') {
                Some((h, m)) if m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
                None => (n?, 0),
                _ => return None,
            };
            if h > 24 || m > 59 {
                return None;
            }
            let qual = self
                .qualifier_before(i)
                .or_else(|| {
                    self.prev(i)
                        .filter(|&p| self.is_w(p, "gegen"))
                        .map(|_| Qualifier::About)
                })
                .filter(|q| *q == Qualifier::About);
            self.push(
                Found::new(Kind::Time, Value::Text(hhmm(f64::from(h), m)), i, k).qualifier(qual),
            );
            return Some(k + 1);
        }
        let d = n.filter(|d| (1..=31).contains(d) && self.raw(i).len() <= 2)?;
        if !(self.is_p(i + 1, '.') && self.adj(i, i + 1)) {
            return None;
        }
        let after = self.skip_sp(i + 2);
        if let Some(m) = self.entry(after).map(|e| e.month).filter(|&m| m > 0) {
            return Some(self.push_day_month(i, f64::from(d), m, after));
        }
        // vom 12. bis 14. Juli
        if self.is_w(after, "bis")
            && let Some(d2at) = Some(self.skip_sp(after + 1))
            && let Some(d2) = self.small(d2at)
            && self.is_p(d2at + 1, '.')
            && let Some(m) = self
                .entry(self.skip_sp(d2at + 2))
                .map(|e| e.month)
                .filter(|&m| m > 0 && valid(u32::from(m), d2))
        {
            let mt = self.skip_sp(d2at + 2);
            let (year, end) = self.year_after(mt);
            self.push(
                Found::new(Kind::Date, Value::Text(iso(year, m, Some(d))), i, end)
                    .to(Some(Value::Text(iso(year, m, Some(d2))))),
            );
            return Some(end + 1);
        }
        // An ordinal written with a dot: what follows is a word, not the end of a sentence.
        let closes_sentence = self.tok(i + 2).is_none_or(|t| t.nl)
            || !self
                .prev(i)
                .is_some_and(|p| self.lex.stop.contains(self.low(p).as_ref()));
        if closes_sentence {
            return None;
        }
        Some(i + 2)
    }

    /// A number after a word that names a place in a ranking (`Platz 3`, `Rang 47`,
    /// `No. 1`, `número 1`, `peringkat 5`) or the top of one (`top 10`): a rank.
    pub(super) fn rank_after_word(&mut self, i: usize) -> Option<usize> {
        let p = self.prev(i)?;
        let (p, dotted) = if self.is_p(p, '.') {
            (p.checked_sub(1)?, true)
        } else {
            (p, false)
        };
        let w = self.low(p);
        let top = w == "top" || self.is_kana(p) && w.ends_with("トップ");
        let ranked =
            top || matches!(
                w.as_ref(),
                "platz" | "rang" | "peringkat" | "posisi" | "número" | "numéro"
            ) || dotted && matches!(w.as_ref(), "no" | "nr" | "nº");
        if !ranked || !self.raw(i).bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v = f64::from(self.small(i)?);
        let q = top.then_some(Qualifier::Under);
        self.push(Found::new(Kind::Rank, Value::Number(v), i, i).qualifier(q));
        Some(i + 1)
    }

    /// `no dia 20`, `el día 20`, `tanggal 20`, `segunda-feira (20)`: a day of the month alone.
    fn day_alone(&mut self, i: usize) -> Option<usize> {
        let d = self
            .small(i)
            .filter(|d| (1..=31).contains(d) && self.raw(i).len() <= 2)?;
        let p = self.prev(i)?;
        let bracketed = self.is_p(p, '(') && self.is_p(i + 1, ')');
        let marked = matches!(self.low(p).as_ref(), "dia" | "día" | "tanggal")
            || bracketed
                && self.prev(p).is_some_and(|w| {
                    self.entry(w).is_some_and(|e| e.weekday) || self.is_w(w, "feira")
                });
        if !marked || self.is_followed_by_month(i) {
            return None;
        }
        self.push(Found::new(
            Kind::Date,
            Value::Text(format!("---{d:02}")),
            i,
            i,
        ));
        Some(i + 1)
    }

    /// In Chinese, the word at `w` is glued to a year (`Statista2024年`): the year stands.
    pub(super) fn year_glued_after(&self, w: usize) -> bool {
        self.zh
            && self.is_kind(w, Tk::Word)
            && self.adj(w, w + 1)
            && self.raw(w + 1).len() == 4
            && self
                .small(w + 1)
                .is_some_and(|y| (1800..=2100).contains(&y))
            && self.is_han(w + 2, '年')
    }

    /// The unit at `u` goes on as `-old`: `a 25-year-old nurse` gives an age.
    pub(super) fn is_hyphen_age(&self, u: usize) -> bool {
        self.is_p(u + 1, '-') && self.adj(u, u + 1) && self.is_w(u + 2, "old")
    }

    /// `1.` or `2)` at the start of a line: a list marker.
    pub(super) fn list_marker(&self, i: usize) -> Option<usize> {
        let at_line_start = match i.checked_sub(1) {
            None => true,
            Some(p) => {
                let t = self.tok(p)?;
                (t.kind == Tk::Space && t.nl)
                    || (t.kind == Tk::Punct && matches!(t.ch, '-' | '•' | '*') && p == 0)
            }
        };
        let small = self.raw(i).len() <= 3 && self.raw(i).bytes().all(|b| b.is_ascii_digit());
        let closes = (self.is_p(i + 1, '.') || self.is_p(i + 1, ')'))
            && self.tok(i + 2).is_none_or(|t| t.kind == Tk::Space);
        (at_line_start && small && closes).then_some(i + 2)
    }

    /// `555-1234`, `0812-3456-7890`: digits joined by hyphens that no range is written as.
    pub(super) fn hyphen_code(&self, i: usize) -> bool {
        let joined = |a: usize| {
            self.adj(a, a + 1)
                && self.is_p(a + 1, '-')
                && self.adj(a + 1, a + 2)
                && self.is_kind(a + 2, Tk::Num)
        };
        if !joined(i) {
            return false;
        }
        if joined(i + 2) {
            return true;
        }
        let (a, b) = (self.raw(i), self.raw(i + 2));
        let year = |s: &str| s.len() == 4 && s.starts_with(['1', '2']);
        b.len() >= 4 && !(year(a) && year(b))
    }

    /// `91 123 45 67`: three or more digit groups split by single spaces, not all of three
    /// digits after the first, as phone numbers are written.
    pub(super) fn spaced_code(&self, i: usize) -> bool {
        let mut groups = 1;
        let mut short = self.raw(i).len() <= 4;
        let mut not_three = false;
        let mut k = i;
        while self
            .tok(k + 1)
            .is_some_and(|t| t.kind == Tk::Space && t.e - t.s <= 3 && !t.nl)
            && self.is_kind(k + 2, Tk::Num)
            && self.raw(k + 2).bytes().all(|b| b.is_ascii_digit())
        {
            let g = self.raw(k + 2).len();
            groups += 1;
            short &= g <= 4;
            not_three |= g != 3;
            k += 2;
        }
        groups >= 3 && short && not_three
    }

    /// A number right after a capitalised name that is not a known word (`Boeing 737`,
    /// `MAX 8`, `iPhone 16`): part of a model name, not a quantity.
    pub(super) fn names_a_model(&self, am: &Amount) -> bool {
        if am.spelled || am.scale != 1.0 || am.year_like || am.e != am.s {
            return false;
        }
        if !self.model_word_before(am.s) {
            return false;
        }
        let k = self.skip_sp(am.e + 1);
        let measured = self.is_p(k, '%')
            || self.currency_after(k).is_some()
            || self.percent_words(k).is_some();
        !measured
    }

    /// The token before the number at `s` is a capitalised word outside the lexicon that
    /// does not start a sentence and is not a currency: the name of a model or product.
    pub(super) fn model_word_before(&self, s: usize) -> bool {
        let Some(p) = self.prev(s) else {
            return false;
        };
        if p + 2 != s || !self.is_kind(p, Tk::Word) || self.entry(p).is_some() {
            return false;
        }
        let w = self.raw(p);
        // German capitalises every noun ("Flughafen 48 Stunden"): only a capital after the
        // first letter (`ICE`, `iPhone`) makes a name there.
        let capital = (self.lang != Lang::DE && w.chars().next().is_some_and(char::is_uppercase))
            || w.chars().nth(1).is_some_and(char::is_uppercase);
        // The first word of a sentence is capitalised anyway.
        let sentence_start = match self.prev(p) {
            None => true,
            Some(q) => self.tok(q).is_some_and(|t| {
                t.kind == Tk::Punct && matches!(t.ch, '.' | '!' | '?' | '«' | '"' | '“' | '(')
            }),
        };
        capital && !sentence_start && prefix_code(w).is_none()
    }

    /// A number followed by a model-line word (`16 Pro`, `8 Gen 3`, `737 MAX`): part of a
    /// product name in any language.
    pub(super) fn model_suffix_after(&self, i: usize) -> bool {
        let k = i + 1;
        if !self.tok(k).is_some_and(|t| t.kind == Tk::Space && !t.nl) {
            return false;
        }
        let w = self.raw(k + 1);
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && MODEL_WORDS.iter().any(|m| w.eq_ignore_ascii_case(m))
    }

    /// `(202) 555-0143`, `(021) 5550 1234`: an area code in brackets before a phone number.
    pub(super) fn area_code(&self, i: usize) -> Option<usize> {
        let r = self.raw(i);
        let bracketed = i > 0
            && self.is_p(i - 1, '(')
            && self.adj(i - 1, i)
            && self.is_p(i + 1, ')')
            && self.adj(i, i + 1);
        if !bracketed || !(2..=4).contains(&r.len()) || !r.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let j = self.skip_sp(i + 2);
        if j == i + 2 || !self.is_kind(j, Tk::Num) {
            return None;
        }
        let phone = self.hyphen_code(j)
            || self.spaced_code(j)
            || self.is_tok_sp(j + 1) && self.is_kind(j + 2, Tk::Num)
            || self.raw(j).len() >= 6 && self.raw(j).bytes().all(|b| b.is_ascii_digit());
        phone.then(|| self.phone_end(j))
    }

    pub(super) fn is_tok_sp(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Tk::Space && !t.nl)
    }

    /// A street number: `12, rue de la Paix`, `Jalan Sudirman 5` is left alone.
    pub(super) fn is_address(&self, am: &Amount) -> bool {
        let mut k = self.skip_sp(am.e + 1);
        if self.is_p(k, ',') {
            k = self.skip_sp(k + 1);
        }
        matches!(
            self.low(k).as_ref(),
            "rue"
                | "avenue"
                | "boulevard"
                | "bd"
                | "place"
                | "impasse"
                | "chemin"
                | "street"
                | "calle"
                | "avenida"
        ) && !self.lex.stop.contains(self.low(k).as_ref())
    }

    /// `one in five`, `uno de cada cinco`, `un sur dix`: the second number of a ratio.
    pub(super) fn in_ratio(&self, s: usize) -> bool {
        let Some(p) = self.prev(s) else { return false };
        let w = self.low(p);
        let before_is_number = |q: Option<usize>| {
            q.is_some_and(|q| {
                self.is_kind(q, Tk::Num) || self.entry(q).is_some_and(|e| !e.parts.is_empty())
            })
        };
        match (self.lang, w.as_ref()) {
            (Lang::EN, "in") | (Lang::FR, "sur") | (Lang::ID, "dari") => {
                before_is_number(self.prev(p))
            }
            (Lang::ES, "cada") => {
                self.prev(p).is_some_and(|q| self.is_w(q, "de"))
                    && before_is_number(self.prev(p).and_then(|q| self.prev(q)))
            }
            (Lang::EN, "of") => self.prev(p).is_some_and(|q| self.is_w(q, "out")),
            _ => false,
        }
    }

    /// Digits with their separators, French space groups and scale words after them.
    pub fn amount(&self, i: usize) -> Option<Amount> {
        let raw = self.raw(i);
        let mut v = parse_digits(raw, self.dec)?;
        let mut e = i;
        let plain = raw.bytes().all(|b| b.is_ascii_digit());
        if self.lex.space_groups && plain && raw.len() <= 3 {
            loop {
                let sp = e + 1;
                let Some(st) = self.tok(sp) else { break };
                let one_space = st.kind == Tk::Space
                    && self.text[st.s..st.e].chars().count() == 1
                    && self.text[st.s..st.e].starts_with(LINE_SPACES);
                let g = self.raw(sp + 1);
                let group = self.is_kind(sp + 1, Tk::Num)
                    && g.len() >= 3
                    && g.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                    && (g.len() == 3 || g.as_bytes()[3] == b',');
                if !(one_space && group) {
                    break;
                }
                let rest = parse_digits(g, self.dec)?;
                v = v * 1000.0 + rest;
                e = sp + 1;
            }
        }
        let year_like = e == i && plain && raw.len() == 4 && (1800.0..=2100.0).contains(&v);
        let mut am = Amount {
            v,
            s: i,
            e,
            spelled: false,
            one: false,
            scale: 1.0,
            year_like,
        };
        self.scales_after(&mut am);
        Some(am)
    }

    /// Applies scale words after an amount (`3,9 millions`, `114 mil`, `2 mil millones`).
    pub(super) fn scales_after(&self, am: &mut Amount) {
        let mut sp = Spelled::from_value(am.v);
        let mut k = self.skip_sp(am.e + 1);
        let mut took = false;
        while let Some(en) = self.entry(k) {
            let [p] = en.parts else { break };
            let f = match *p {
                Part::Big(s) => s,
                Part::Thousand => 1000.0,
                _ => break,
            };
            if !sp.push(*p) {
                break;
            }
            am.scale *= f;
            am.e = k;
            took = true;
            // `Mio.`, `Mrd.`, `Tsd.`: the dot belongs to the abbreviation.
            if self.raw(k).len() <= 3 && self.is_p(k + 1, '.') && self.adj(k, k + 1) {
                am.e = k + 1;
            }
            k = self.skip_sp(am.e + 1);
        }
        if took {
            am.v = sp.value();
            am.year_like = false;
        }
    }

    /// Letters glued after digits.
    pub(super) fn glued_suffix(&mut self, am: Amount) -> Option<usize> {
        let w = am.e + 1;
        let suf = self.low(w);
        let qual = self.qualifier_before(am.s);
        let ord = match self.lang {
            Lang::FR => matches!(
                suf.as_ref(),
                "e" | "er" | "re" | "ère" | "ème" | "eme" | "è" | "es" | "ers"
            ),
            Lang::EN | Lang::ZH | Lang::ZH_HANT => {
                matches!(suf.as_ref(), "st" | "nd" | "rd" | "th")
            }
            Lang::ES | Lang::PT => matches!(suf.as_ref(), "º" | "ª" | "o" | "a"),
            _ => false,
        };
        if ord && am.scale == 1.0 && am.v.fract() == 0.0 {
            // "1er janvier" is a date, and "1º de janeiro".
            let mut after = self.skip_sp(w + 1);
            if matches!(self.lang, Lang::ES | Lang::PT) && self.is_w(after, "de") {
                after = self.skip_sp(after + 1);
            }
            if let Some(m) = self.entry(after).map(|e| e.month).filter(|&m| m > 0) {
                return Some(self.push_day_month(am.s, am.v, m, after));
            }
            if let Some(kind) = self.ordinal_kind(am.s, w) {
                self.push(Found::new(kind, Value::Number(am.v), am.s, w));
            }
            return Some(w + 1);
        }
        match suf.as_ref() {
            "h" if matches!(self.lang, Lang::FR | Lang::PT) => {
                let mins = if self.adj(w, w + 1) {
                    self.small(w + 1)
                } else {
                    None
                };
                let end = if mins.is_some() { w + 1 } else { w };
                let duration_ctx = self.prev(am.s).is_some_and(|p| {
                    matches!(
                        self.low(p).as_ref(),
                        "en" | "pendant" | "durant" | "dans" | "les" | "de" | "sous"
                    )
                });
                if !duration_ctx && am.v <= 24.0 && am.v.fract() == 0.0 {
                    self.push(
                        Found::new(
                            Kind::Time,
                            Value::Text(hhmm(am.v, mins.unwrap_or(0))),
                            am.s,
                            end,
                        )
                        .qualifier(qual),
                    );
                } else {
                    self.push(
                        Found::new(Kind::Duration, Value::Number(am.v), am.s, end)
                            .unit(Some("hour".into()))
                            .qualifier(qual),
                    );
                }
                Some(end + 1)
            }
            "am" | "pm" if self.lang == Lang::EN || self.zh => {
                let v = am.v
                    + if suf == "pm" && am.v < 12.0 {
                        12.0
                    } else {
                        0.0
                    };
                self.push(Found::new(Kind::Time, Value::Text(hhmm(v, 0)), am.s, w));
                Some(w + 1)
            }
            "bn" | "m" | "mn" | "k" | "tn" => {
                // Without a currency these are lengths or abbreviations; skip them.
                Some(w + 1)
            }
            _ => Some(self.glued_end(am.s)),
        }
    }
}

/// Words that, capitalised after a number, make it part of a product name.
pub(super) const MODEL_WORDS: &[&str] = &[
    "pro", "max", "ultra", "plus", "gen", "mini", "lite", "se", "xl", "air", "neo",
];

/// A digit token with a dot that does not group thousands (`49.3`, `7.12`).
pub(super) fn dotted_code(raw: &str) -> bool {
    !raw.contains(',')
        && raw
            .rsplit_once('.')
            .is_some_and(|(_, tail)| tail.len() != 3)
}

pub(super) const LINE_SPACES: [char; 5] = [' ', '\u{A0}', '\u{202F}', '\u{2009}', '\t'];
