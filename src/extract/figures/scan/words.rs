//! Words that start a figure: spelled-out numbers, ordinal words, introducers (`pukul`, `version`).

use super::classify::prefix_code;
use super::{Amount, Cx, Found, Kind, Lang, Part, Spelled, Tk, Value};

impl Cx<'_> {
    pub(super) fn at_word(&mut self, i: usize) -> Option<usize> {
        let next_adj = self.adj(i, i + 1);
        // Fast path: most words are neither in the lexicon, nor glued to digits, nor one of
        // the few words that introduce a figure.
        if self.zh && self.is_kana(i) {
            return None;
        }
        if self.lang == Lang::DE
            && self.entry(i).is_none()
            && let Some(r) = self.german_compound(i)
        {
            return Some(r);
        }
        if self.entry(i).is_none() {
            let glued = next_adj
                && (self.is_kind(i + 1, Tk::Num) || self.is_p(i + 1, '-') || self.is_p(i + 1, '$'));
            let raw = self.raw(i);
            if !glued && !is_introducer(raw) {
                return None;
            }
        }
        let low = self.low(i);
        // Glued to digits: model names (A320, G20, COVID-19), codes, and a few real shapes.
        if next_adj
            && (self.is_kind(i + 1, Tk::Num)
                || self.is_p(i + 1, '-') && self.is_kind(i + 2, Tk::Num) && self.adj(i + 1, i + 2))
        {
            if self.lang == Lang::ID
                && low == "ke"
                && self.is_p(i + 1, '-')
                && let Some(v) = self.small(i + 2)
            {
                if let Some(kind) = self.ordinal_kind(i, i + 2) {
                    self.push(Found::new(kind, Value::Number(f64::from(v)), i, i + 2));
                }
                return Some(i + 3);
            }
            if self.year_glued_after(i) {
                return Some(i + 1);
            }
            if let Some(code) = prefix_code(self.raw(i))
                && self.is_kind(i + 1, Tk::Num)
            {
                return self.money_prefix(i, i + 1, code);
            }
            if matches!(low.as_ref(), "v" | "ver") {
                return Some(self.glued_end(i));
            }
            // A letter run glued to digits, unless the digits close a sentence-initial word.
            return Some(self.glued_end(i));
        }
        if next_adj && self.is_p(i + 1, '$') {
            let code = match low.as_ref() {
                "us" => Some("USD"),
                "r" => Some("BRL"),
                "nt" => Some("TWD"),
                "hk" => Some("HKD"),
                _ => None,
            };
            if let Some(code) = code {
                return self.money_prefix(i, i + 2, code);
            }
        }
        if let Some(code) = prefix_code(self.raw(i)) {
            let j = self.skip_sp(i + 1);
            if self.is_kind(j, Tk::Num) && (self.raw(i) != "RP") {
                return self.money_prefix(i, i + 1, code);
            }
        }
        match low.as_ref() {
            "version" | "versi" | "versión" | "release" | "build" | "update" => {
                let j = self.skip_sp(i + 1);
                if self.is_kind(j, Tk::Num) {
                    return Some(self.glued_end(j));
                }
            }
            "pukul" | "jam" if self.lang == Lang::ID => {
                let j = self.skip_sp(i + 1);
                if let Some(r) = self.time_at(j, true, i) {
                    return Some(r);
                }
            }
            "las" if self.lang == Lang::ES => {
                let j = self.skip_sp(i + 1);
                if self.prev(i).is_some_and(|p| self.is_w(p, "a"))
                    && let Some(r) = self.time_at(j, true, i)
                {
                    return Some(r);
                }
            }
            "tahun" | "année" | "year" | "año" => {
                let j = self.skip_sp(i + 1);
                if self.num_raw_is(j, |r| r.len() == 4)
                    && !self.is_followed_by_month(j)
                    && let Some(y) = self.small(j).filter(|y| (1000..=2200).contains(y))
                {
                    self.push(Found::new(Kind::Year, Value::Number(f64::from(y)), j, j));
                    return Some(j + 1);
                }
            }
            _ => {}
        }
        let e = self.entry(i)?;
        if e.weekday
            && let Some(r) = self.weekday_date(i)
        {
            return Some(r);
        }
        if e.month > 0
            && let Some(r) = self.month_first_date(i, e.month)
        {
            return Some(r);
        }
        if e.ordinal > 0
            && let Some(r) = self.ordinal_word(i, e.ordinal)
        {
            return Some(r);
        }
        if !e.parts.is_empty() {
            let am = self.spelled(i)?;
            return self.finish(am);
        }
        None
    }

    /// German lengths of time written as one word: `dreistündigen` (a number word and a
    /// duration adjective), `zweieinhalb Stunden`, `anderthalb Jahre`.
    fn german_compound(&mut self, i: usize) -> Option<usize> {
        let raw = self.raw(i);
        if raw.len() < 8 || !raw.ends_with(['g', 'e', 'n', 'r', 's', 'b']) || !may_be_compound(raw)
        {
            return None;
        }
        let low = self.low(i);
        let number = |w: &str| match self.lex.words.get(w).map(|e| e.parts) {
            Some([super::Part::Add(v)]) => Some(f64::from(*v)),
            _ if w == "ein" => Some(1.0),
            _ => None,
        };
        // zweieinhalb, anderthalb + a unit
        let half = if low == "anderthalb" {
            Some(1.5)
        } else {
            low.strip_suffix("einhalb")
                .and_then(&number)
                .map(|v| v + 0.5)
        };
        if let Some(v) = half {
            let k = self.skip_sp(i + 1);
            let u = self.entry(k).and_then(|e| e.duration)?;
            self.push(Found::new(Kind::Duration, Value::Number(v), i, k).unit(Some(u.into())));
            return Some(k + 1);
        }
        for stem in ["tägig", "stündig", "wöchig", "monatig"] {
            let Some(at) = low.find(stem) else { continue };
            let Some(v) = number(&low[..at]) else {
                continue;
            };
            let u = self.lex.words.get(stem).and_then(|e| e.duration)?;
            self.push(Found::new(Kind::Duration, Value::Number(v), i, i).unit(Some(u.into())));
            return Some(i + 1);
        }
        None
    }

    pub(super) fn ordinal_word(&mut self, i: usize, v: u32) -> Option<usize> {
        let j = self.skip_sp(i + 1);
        let next = self.low(j);
        if matches!(
            next.as_ref(),
            "ministre" | "ministère" | "ministro" | "ministra" | "lady"
        ) {
            return Some(j + 1);
        }
        if self.lang == Lang::ID && v > 1 && self.is_kind(j, Tk::Word) {
            // "kedua negara" is "both countries"; "tahap kedua" is "second stage".
            let first_upper = self.tok(j).is_some_and(|t| t.ch.is_uppercase());
            if !first_upper
                && !self.lex.stop.contains(next.as_ref())
                && next != "kalinya"
                && next != "kali"
            {
                return None;
            }
        }
        // "the First Amendment", "la Sexta": a capital inside a sentence makes a name.
        let capital = self.tok(i).is_some_and(|t| t.ch.is_uppercase());
        let sentence_start = self.prev(i).is_none_or(|p| {
            self.tok(p).is_some_and(|t| {
                t.kind == Tk::Punct && matches!(t.ch, '.' | '!' | '?' | '«' | '"' | '“')
            })
        });
        if capital && !sentence_start {
            return Some(i + 1);
        }
        if let Some(kind) = self.ordinal_kind(i, i) {
            self.push(Found::new(kind, Value::Number(f64::from(v)), i, i));
        }
        Some(i + 1)
    }

    /// What an ordinal over tokens `s..=e` is: a rank when a place or a ranking goes with it
    /// (`14th place`, `primeiro lugar`, `finished third`, `peringkat pertama`), nothing when
    /// it tells a story (`the first time`, `her first post`, `la primera dama`), and otherwise
    /// an ordinal of something in a series (`third quarter`, `second round`).
    pub(super) fn ordinal_kind(&self, s: usize, e: usize) -> Option<Kind> {
        // "primeira-dama", "primeiro-ministro": the noun after a hyphen.
        let n = if self.is_p(e + 1, '-') && self.adj(e, e + 1) {
            e + 2
        } else {
            self.skip_sp(e + 1)
        };
        let next = self.low(n);
        let before = self.prev(s).map(|p| self.low(p)).unwrap_or_default();
        if matches!(
            next.as_ref(),
            "place"
                | "places"
                | "lugar"
                | "puesto"
                | "posição"
                | "posición"
                | "position"
                | "spot"
                | "rang"
                | "platz"
                | "plaza"
        ) || matches!(
            before.as_ref(),
            "peringkat"
                | "posisi"
                | "urutan"
                | "finished"
                | "finishing"
                | "finis"
                | "arrivée"
                | "arrivé"
                | "classé"
                | "classée"
                | "ranked"
        ) {
            return Some(Kind::Rank);
        }
        if matches!(
            next.as_ref(),
            "time"
                | "times"
                | "fois"
                | "vez"
                | "vezes"
                | "kali"
                | "kalinya"
                | "mal"
                | "lady"
                | "dame"
                | "dama"
                | "minister"
                | "post"
                | "publicação"
                | "publicación"
                | "amendment"
                | "guerra"
                | "guerre"
                | "war"
                | "world"
                | "ministro"
                | "ministra"
                | "ministre"
                | "feira"
        ) {
            return None;
        }
        Some(Kind::Ordinal)
    }

    /// A number written in words, starting at `i`.
    pub(super) fn spelled(&self, i: usize) -> Option<Amount> {
        let first = self.entry(i)?;
        let head = *first.parts.first()?;
        let starts_ok = match head {
            Part::Add(_) => true,
            Part::Hundred | Part::Thousand => matches!(self.lang, Lang::FR | Lang::ES),
            _ => false,
        };
        if !starts_ok {
            return None;
        }
        let mut sp = Spelled::default();
        let mut k = i;
        let mut last = i;
        let mut scale = 1.0;
        while let Some(e) = self.entry(k) {
            if e.parts.is_empty() {
                break;
            }
            let before = sp;
            let mut ok = true;
            for &p in e.parts {
                if !sp.push(p) {
                    ok = false;
                    break;
                }
                if let Part::Big(s) = p {
                    scale = s;
                }
                if p == Part::Thousand && scale == 1.0 {
                    scale = 1000.0;
                }
            }
            if !ok {
                sp = before;
                break;
            }
            last = k;
            // Next part: after a hyphen, a space, or a connector word.
            let mut j = k + 1;
            if self.is_p(j, '-') && self.adj(k, j) && self.adj(j, j + 1) {
                j += 1;
            } else {
                j = self.skip_sp(j);
                if self.entry(j).is_some_and(|c| c.connector) {
                    j = self.skip_sp(j + 1);
                }
            }
            if j == k + 1 && !self.is_kind(j, Tk::Word) {
                break;
            }
            k = j;
        }
        let v = sp.value();
        Some(Amount {
            v,
            s: i,
            e: last,
            spelled: true,
            one: (v - 1.0).abs() < f64::EPSILON && first.one && last == i,
            scale,
            year_like: false,
        })
    }
}

/// Words outside the lexicon that can introduce a figure (see `at_word`), lower case, as
/// UTF-8 bytes: lower-casing ASCII bytes leaves the others alone.
const INTRODUCERS: [&[u8]; 23] = [
    b"version",
    b"versi",
    b"versi\xc3\xb3n",
    b"release",
    b"build",
    b"update",
    b"pukul",
    b"jam",
    b"las",
    b"tahun",
    b"ann\xc3\xa9e",
    b"year",
    b"a\xc3\xb1o",
    b"rp",
    b"usd",
    b"eur",
    b"idr",
    b"cny",
    b"rmb",
    b"gbp",
    b"jpy",
    b"v",
    b"ver",
];

/// For each first byte of an introducer, folded to its low five bits (so `V` and `v` meet),
/// the set of the introducers' byte lengths: one table read rules out most words.
const INTRODUCER_SHAPES: [u16; 32] = {
    let mut t = [0u16; 32];
    let mut k = 0;
    while k < INTRODUCERS.len() {
        let w = INTRODUCERS[k];
        t[(w[0] & 31) as usize] |= 1 << w.len();
        k += 1;
    }
    t
};

/// Whether `raw` is one of the [`INTRODUCERS`], in any ASCII case. Asked for almost every
/// word of the text, so it reads the shape table first, then lower-cases into a stack buffer.
pub(super) fn is_introducer(raw: &str) -> bool {
    let b = raw.as_bytes();
    let Some(&b0) = b.first() else {
        return false;
    };
    if b.len() > 8 || INTRODUCER_SHAPES[usize::from(b0 & 31)] >> b.len() & 1 == 0 {
        return false;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    INTRODUCERS.contains(&&buf[..b.len()])
}

/// False when `raw` surely is no German compound `german_compound` reads: those end in
/// `einhalb` or `anderthalb`, or hold a duration stem (`tägig`, `stündig`...), all of which
/// hold `ig` or end in `halb`. Most long German words are neither, and this spares them
/// the lower-casing and four substring searches. Only an ASCII `i`, `I` or `İ` lower-cases
/// to `i`, and `İ` to `i` and a combining dot, so a lower-cased `ig` comes from an ASCII
/// `ig` in any case.
fn may_be_compound(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.len() >= 4 && b[b.len() - 4..].eq_ignore_ascii_case(b"halb")
        || b.windows(2).any(|w| w.eq_ignore_ascii_case(b"ig"))
}

#[cfg(test)]
mod tests {
    use super::{INTRODUCERS, is_introducer, may_be_compound};

    /// The plain reading of [`is_introducer`]: the word, ASCII lower-cased, is in the list.
    fn introducer_plain(raw: &str) -> bool {
        INTRODUCERS
            .iter()
            .any(|w| raw.as_bytes().eq_ignore_ascii_case(w))
    }

    #[test]
    fn every_introducer_passes_the_shape_table() {
        for w in INTRODUCERS {
            let w = std::str::from_utf8(w).unwrap_or_default();
            for form in [w.to_string(), w.to_ascii_uppercase(), w.to_uppercase()] {
                assert_eq!(is_introducer(&form), introducer_plain(&form), "{form}");
            }
            assert!(is_introducer(w), "{w}");
        }
        assert!(!is_introducer("VERSIÓN") && !is_introducer("") && !is_introducer("versions"));
    }

    proptest::proptest! {
        #[test]
        fn introducers_as_the_plain_list_says(raw in "[a-zA-ZéóñÓ]{0,9}") {
            proptest::prop_assert_eq!(is_introducer(&raw), introducer_plain(&raw));
        }

        /// Every word the German compounds can read passes the prefilter.
        #[test]
        fn the_compound_prefilter_hides_no_compound(
            head in "[a-zA-ZäöüÄÖÜİ]{0,8}",
            stem in proptest::sample::select(vec!["tägig", "stündig", "wöchig", "monatig", "einhalb", "anderthalb"]),
            tail in "[a-z]{0,3}",
            upper: bool,
        ) {
            let word = format!("{head}{stem}{tail}");
            let word = if upper { word.to_uppercase() } else { word };
            let low = word.to_lowercase();
            let read = ["tägig", "stündig", "wöchig", "monatig"].iter().any(|s| low.contains(s))
                || low.ends_with("einhalb")
                || low == "anderthalb";
            if read {
                proptest::prop_assert!(may_be_compound(&word), "{}", word);
            }
        }
    }
}
