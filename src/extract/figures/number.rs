//! Numbers as written: digit groups with each language's separators, spelled-out number
//! words, and Chinese numerals.

/// How a language writes the decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decimal {
    /// `1,234.5` (English, Chinese).
    Point,
    /// `1.234,5` or `1 234,5` (French, Indonesian, Spanish).
    Comma,
    /// Unknown: a separator followed by exactly three digits groups, anything else is decimal.
    Either,
}

fn ascii_digit(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        Some(c as u32 - '0' as u32)
    } else if ('０'..='９').contains(&c) {
        Some(c as u32 - '０' as u32)
    } else {
        None
    }
}

/// How a text groups its digits, from how its language writes the decimal mark (`dec`) and
/// from the text itself: Spanish and English texts that never use their language's decimal
/// mark as one (a comma, or a dot, with other than three digits after it) may group
/// thousands with it (`850,000 suscriptores` in a Mexican text, `1.200 people`), so a
/// separator followed by exactly three digits groups there. Every other language keeps its
/// own rule: German and Portuguese `1,375 Milliarden` is 1.375 billion.
#[must_use]
pub fn decimal_in(text: &str, dec: Decimal, spanish_or_english: bool) -> Decimal {
    let sep = match dec {
        Decimal::Comma => b',',
        Decimal::Point => b'.',
        Decimal::Either => return dec,
    };
    if !spanish_or_english || writes_decimal(text.as_bytes(), sep) {
        dec
    } else {
        Decimal::Either
    }
}

/// Whether `sep` stands between digits anywhere in `text` with other than three digits
/// after it (`3,4`, `0,25`, `1,2345`): a decimal mark.
fn writes_decimal(text: &[u8], sep: u8) -> bool {
    memchr::memchr_iter(sep, text).any(|at| {
        at > 0
            && text[at - 1].is_ascii_digit()
            && text.get(at + 1).is_some_and(u8::is_ascii_digit)
            && text[at + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
                != 3
    })
}

/// Most separators a digit token can hold and still be a quantity (`1.234.567.890.123`);
/// more is a code.
const MAX_SEPS: usize = 8;

/// The separators of a digit token: each one and the count of digits before it, and the
/// count of digits. Kept on the stack: this runs for every number in the text.
struct Groups {
    seps: [(char, usize); MAX_SEPS],
    n_seps: usize,
    digits: usize,
}

impl Groups {
    fn seps(&self) -> &[(char, usize)] {
        &self.seps[..self.n_seps]
    }
}

/// The separators of `raw`, or `None` when it holds something else or too many of them.
fn split_groups(raw: &str) -> Option<Groups> {
    let mut g = Groups {
        seps: [('.', 0); MAX_SEPS],
        n_seps: 0,
        digits: 0,
    };
    for c in raw.chars() {
        if ascii_digit(c).is_some() {
            g.digits += 1;
        } else if c == '.' || c == ',' {
            *g.seps.get_mut(g.n_seps)? = (c, g.digits);
            g.n_seps += 1;
        } else {
            return None;
        }
    }
    Some(g)
}

/// The value of the digits of `raw`, with the decimal mark after the `point`-th digit.
fn value_of(raw: &str, point: Option<usize>) -> f64 {
    let mut v = 0f64;
    let mut scale = 0.1;
    for (seen, d) in raw.chars().filter_map(ascii_digit).enumerate() {
        if point.is_some_and(|p| seen >= p) {
            v += f64::from(d) * scale;
            scale /= 10.0;
        } else {
            v = v * 10.0 + f64::from(d);
        }
    }
    v
}

/// True when the separators at `positions` split `n` digits into groups of three after a
/// first group of one to three.
fn grouped_by_three(positions: impl Iterator<Item = usize>, end: usize) -> bool {
    let mut positions = positions;
    let Some(first) = positions.next() else {
        return true;
    };
    if !(1..=3).contains(&first) {
        return false;
    }
    let mut prev = first;
    for p in positions {
        if p - prev != 3 {
            return false;
        }
        prev = p;
    }
    end - prev == 3
}

/// Parses a digit token (`114.000`, `3,9`, `1,234.5`). `None` for shapes no language writes a
/// quantity in, such as `1.2.3` (a version string).
#[must_use]
pub fn parse_digits(raw: &str, dec: Decimal) -> Option<f64> {
    let g = split_groups(raw)?;
    let seps = g.seps();
    let Some(&last) = seps.last() else {
        return Some(value_of(raw, None));
    };
    let n = g.digits;
    let mixed = seps.iter().any(|s| s.0 != last.0);
    if mixed {
        // `1,234.5` or `1.234,5`: the last separator is the decimal mark and occurs once.
        if seps.iter().filter(|s| s.0 == last.0).count() != 1 {
            return None;
        }
        if !grouped_by_three(seps[..seps.len() - 1].iter().map(|s| s.1), last.1) {
            return None;
        }
        return Some(value_of(raw, Some(last.1)));
    }
    let positions = seps.iter().map(|s| s.1);
    if seps.len() > 1 {
        return grouped_by_three(positions, n).then(|| value_of(raw, None));
    }
    let is_decimal_mark = match dec {
        Decimal::Point => last.0 == '.',
        Decimal::Comma => last.0 == ',',
        Decimal::Either => false,
    };
    if !is_decimal_mark && grouped_by_three(positions, n) {
        Some(value_of(raw, None))
    } else {
        Some(value_of(raw, Some(last.1)))
    }
}

/// The role a spelled-out word plays in a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Part {
    /// Adds its value: `deux`, `vingt`, `dua`, `twenty`, `doscientos`.
    Add(u32),
    /// Indonesian `belas`: adds ten to the last unit (`dua belas` = 12).
    Teen,
    /// Indonesian `puluh`: multiplies the last unit by ten (`dua puluh` = 20).
    Tens,
    /// Multiplies the pending units by one hundred: `cent`, `hundred`, `ratus`, `ciento`.
    Hundred,
    /// Multiplies what precedes by one thousand: `mille`, `thousand`, `ribu`, `mil`.
    Thousand,
    /// A large scale: `million(s)`, `juta`, `milliard`, `billion`, `millones`.
    Big(f64),
}

/// Accumulates spelled-out parts into a value, following the usual left-to-right rules
/// (`quatre-vingt-dix` = 90, `dua ratus lima puluh` = 250, `dos mil millones` = 2e9).
#[derive(Debug, Default, Clone, Copy)]
pub struct Spelled {
    big: f64,
    thousands: f64,
    current: f64,
    last: f64,
    parts: usize,
}

impl Spelled {
    /// Starts from a digit value (`3,9` before `millions`).
    #[must_use]
    pub fn from_value(v: f64) -> Self {
        Self {
            current: v,
            last: v,
            parts: 1,
            ..Self::default()
        }
    }

    /// Takes the next part if it can follow; false leaves the number as it was.
    pub fn push(&mut self, p: Part) -> bool {
        match p {
            Part::Add(v) => {
                let v = f64::from(v);
                if self.parts > 0 && !self.can_add(v) {
                    return false;
                }
                if (v - 20.0).abs() < f64::EPSILON && (self.last - 4.0).abs() < f64::EPSILON {
                    // quatre-vingt(s)
                    self.current += 76.0;
                    self.last = 80.0;
                } else {
                    self.current += v;
                    self.last = v;
                }
            }
            Part::Teen => {
                if !(1.0..=9.0).contains(&self.last) {
                    return false;
                }
                self.current += 10.0;
                self.last = 0.0;
            }
            Part::Tens => {
                if !(1.0..=9.0).contains(&self.last) {
                    return false;
                }
                self.current += self.last * 9.0;
                self.last = 0.0;
            }
            Part::Hundred => {
                let unit = if self.last > 0.0 && self.last < 10.0 {
                    self.last
                } else {
                    0.0
                };
                if self.current - unit >= 100.0 {
                    return false;
                }
                self.current = self.current - unit + unit.max(1.0) * 100.0;
                self.last = 0.0;
            }
            Part::Thousand => {
                if self.thousands > 0.0 {
                    return false;
                }
                self.thousands = self.current.max(1.0) * 1000.0;
                self.current = 0.0;
                self.last = 0.0;
            }
            Part::Big(s) => {
                let n = self.thousands + self.current;
                let n = if n == 0.0 { 1.0 } else { n };
                self.big += n * s;
                self.thousands = 0.0;
                self.current = 0.0;
                self.last = 0.0;
            }
        }
        self.parts += 1;
        true
    }

    /// Whether an added value can follow what is pending (`vingt` then `et un`, not `deux trois`).
    fn can_add(&self, v: f64) -> bool {
        let last = self.last;
        if last == 0.0 {
            // After a multiplier, or at the start.
            return self.current % 100.0 == 0.0
                || v < 100.0 && self.current % 10.0 == 0.0 && v < 10.0;
        }
        if (20.0..100.0).contains(&last) && last % 10.0 == 0.0 {
            // vingt-deux, soixante-dix-sept, quatre-vingt-onze
            return v < 10.0
                || ((last - 60.0).abs() < f64::EPSILON || (last - 80.0).abs() < f64::EPSILON)
                    && v < 20.0;
        }
        if (last - 10.0).abs() < f64::EPSILON {
            // dix-sept, soixante-dix-sept
            return v < 10.0;
        }
        if last >= 100.0 && last % 100.0 == 0.0 {
            // doscientos cincuenta
            return v < 100.0;
        }
        (4.0 - last).abs() < f64::EPSILON && (v - 20.0).abs() < f64::EPSILON
    }

    /// The value.
    #[must_use]
    pub fn value(&self) -> f64 {
        self.big + self.thousands + self.current
    }
}

/// Value of a Chinese numeral character.
#[must_use]
pub fn han_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Multiplier of a Chinese scale character.
#[must_use]
pub fn han_scale(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        '兆' => 1e12,
        _ => return None,
    })
}

/// Parses a run of Chinese numeral characters (`三十`, `一百零五`, `两亿`, `二〇二五`).
#[must_use]
pub fn parse_han(run: &[char]) -> Option<f64> {
    if run.is_empty() {
        return None;
    }
    // Digit-by-digit years: 二〇二五.
    if run.len() >= 3 && run.iter().all(|&c| han_digit(c).is_some() && c != '两') {
        return Some(
            run.iter()
                .fold(0.0, |v, &c| v * 10.0 + f64::from(han_digit(c).unwrap_or(0))),
        );
    }
    let mut total = 0f64; // above 亿
    let mut section = 0f64; // below 万
    let mut wan = 0f64;
    let mut digit: Option<f64> = None;
    for &c in run {
        if let Some(d) = han_digit(c) {
            if digit.is_some_and(|p| p != 0.0) && d != 0 {
                return None;
            }
            digit = Some(f64::from(d));
        } else if let Some(s) = han_scale(c) {
            if s < 1e4 {
                section += digit.unwrap_or(1.0) * s;
            } else if s < 1e8 {
                wan += (section + digit.unwrap_or(0.0)).max(1.0) * s;
                section = 0.0;
            } else {
                total += (wan + section + digit.unwrap_or(0.0)).max(1.0) * s;
                wan = 0.0;
                section = 0.0;
            }
            digit = None;
        } else {
            return None;
        }
    }
    Some(total + wan + section + digit.unwrap_or(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_per_language() {
        assert_eq!(parse_digits("114.000", Decimal::Comma), Some(114_000.0));
        assert_eq!(parse_digits("3,9", Decimal::Comma), Some(3.9));
        assert_eq!(parse_digits("1,234.5", Decimal::Point), Some(1234.5));
        assert_eq!(parse_digits("1.234,5", Decimal::Comma), Some(1234.5));
        assert_eq!(parse_digits("1.5", Decimal::Comma), Some(1.5));
        assert_eq!(
            parse_digits("12.345.678", Decimal::Comma),
            Some(12_345_678.0)
        );
        assert_eq!(parse_digits("1.2.3", Decimal::Comma), None);
        assert_eq!(parse_digits("１２", Decimal::Point), Some(12.0));
        assert_eq!(parse_digits("1,000", Decimal::Either), Some(1000.0));
    }

    fn spell(parts: &[Part]) -> Option<f64> {
        let mut s = Spelled::default();
        for &p in parts {
            if !s.push(p) {
                return None;
            }
        }
        Some(s.value())
    }

    #[test]
    fn spelled_numbers() {
        use Part::*;
        assert_eq!(spell(&[Add(4), Add(20), Add(10)]), Some(90.0));
        assert_eq!(spell(&[Add(60), Add(10), Add(7)]), Some(77.0));
        assert_eq!(spell(&[Add(20), Add(1)]), Some(21.0));
        assert_eq!(spell(&[Add(2), Tens, Add(5)]), Some(25.0));
        assert_eq!(spell(&[Add(2), Hundred, Add(5), Tens]), Some(250.0));
        assert_eq!(spell(&[Add(2), Teen]), Some(12.0));
        assert_eq!(spell(&[Add(2), Thousand, Big(1e6)]), Some(2e9));
        assert_eq!(spell(&[Add(2), Add(3)]), None);
        assert_eq!(spell(&[Add(200), Add(50)]), Some(250.0));
    }

    #[test]
    fn han_numerals() {
        let p = |s: &str| parse_han(&s.chars().collect::<Vec<_>>());
        assert_eq!(p("三十"), Some(30.0));
        assert_eq!(p("十九"), Some(19.0));
        assert_eq!(p("一百零五"), Some(105.0));
        assert_eq!(p("两亿"), Some(2e8));
        assert_eq!(p("三亿五千万"), Some(3.5e8));
        assert_eq!(p("二〇二五"), Some(2025.0));
        assert_eq!(p("一六五"), Some(165.0));
    }
}
