//! Punctuation that starts a figure: `#` and `@` tags (not figures), signs, currency symbols.

use super::{Cx, Found, Kind, Tk, Value};

impl Cx<'_> {
    pub(super) fn at_punct(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        match t.ch {
            '#' | '@' if self.adj(i, i + 1) => Some(self.glued_end(i + 1)),
            '+' if self.adj(i, i + 1) && self.is_kind(i + 1, Tk::Num) => {
                Some(self.phone_end(i + 1))
            }
            '$' | '€' | '£' | '¥' | '￥' => {
                let code = match t.ch {
                    '$' => "USD",
                    '€' => "EUR",
                    '£' => "GBP",
                    _ if self.zh => "CNY",
                    _ => "JPY",
                };
                self.money_prefix(i, i + 1, code)
            }
            _ => None,
        }
    }

    /// Skips a phone number: digit groups joined by spaces, dots, hyphens or brackets.
    pub(super) fn phone_end(&self, i: usize) -> usize {
        let mut k = i;
        loop {
            let mut j = k + 1;
            if self.tok(j).is_some_and(|t| {
                (t.kind == Tk::Space && !t.nl && t.e - t.s == 1)
                    || t.kind == Tk::Punct && matches!(t.ch, '-' | '.' | '(' | ')')
            }) {
                j += 1;
            }
            if self.is_p(j, '(') || self.is_p(j, ')') {
                j += 1;
            }
            if j > k + 1 && self.is_kind(j, Tk::Num) {
                k = j;
            } else {
                return k + 1;
            }
        }
    }

    /// `$ 5`, `Rp5.000`, `US$ 3 millions`: currency first, then an amount.
    pub(super) fn money_prefix(
        &mut self,
        s: usize,
        after: usize,
        code: &'static str,
    ) -> Option<usize> {
        let j = self.skip_sp(after);
        if !self.is_kind(j, Tk::Num) {
            return None;
        }
        let mut am = self.amount(j)?;
        // $1.2bn, $300m
        if am.scale == 1.0 && self.adj(am.e, am.e + 1) && self.is_kind(am.e + 1, Tk::Word) {
            let f = match self.low(am.e + 1).as_ref() {
                "bn" | "b" => 1e9,
                "m" | "mn" => 1e6,
                "k" => 1e3,
                "tn" => 1e12,
                _ => 0.0,
            };
            if f > 0.0 {
                am.v *= f;
                am.e += 1;
            }
        }
        let qual = self.qualifier_before(s);
        let (to, e) = match self.range_after(&am, Some((code, s))) {
            Some(b) => (Some(Value::Number(b.v)), b.e),
            None => (None, am.e),
        };
        // "Rp 5 juta rupiah" and "US$ 5 dollars" repeat the currency: take it in.
        let mut end = e;
        let k = self.skip_sp(e + 1);
        if self.entry(k).is_some_and(|en| en.currency == Some(code)) {
            end = k;
        }
        self.push(
            Found::new(Kind::Money, Value::Number(am.v), s, end)
                .to(to)
                .unit(Some(code.into()))
                .qualifier(qual),
        );
        Some(end + 1)
    }
}
