//! The query language: fzf's extended syntax.
//!
//! Terms are separated by spaces and must all match (AND). A term is fuzzy by default;
//! `'word` matches it exactly (a contiguous substring), `^word` at the start of the unit,
//! `word$` at its end (`^word$` the whole unit), and `!word` excludes units containing it
//! (`!^word`, `!word$` likewise). `\ ` is a literal space inside a term; `\!`, `\'`, `\^` at
//! the start and `\$` at the end are literal characters.
//!
//! Matching is smart-case: a query with an uppercase letter is case-sensitive, otherwise case
//! is ignored. Accents never matter (see [`super::fold`]).

use super::fold::fold_str;

/// How a term must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// Characters in order, gaps allowed.
    Fuzzy,
    /// A contiguous run anywhere: `'term`, and every `!term`.
    Exact,
    /// At the start of the unit: `^term`.
    Prefix,
    /// At the end of the unit: `term$`.
    Suffix,
    /// The whole unit: `^term$`.
    Whole,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub kind: TermKind,
    /// Excludes units that match.
    pub negated: bool,
    /// The term's text as typed, without operators and escapes.
    pub text: String,
    /// `text` folded like unit text (accents and typographic punctuation).
    pub folded: String,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
    /// Smart case: true when the query has an uppercase letter.
    pub case_sensitive: bool,
    /// The text as typed.
    pub raw: String,
}

/// Why a query could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// An operator with nothing to apply to, such as `!`, `'`, `^` or `^$`.
    #[error("bad query: term {term} ('{token}') has an operator but no text to match")]
    EmptyTerm { term: usize, token: String },
    /// fzf's `|` (OR) is not part of dossier's syntax.
    #[error(
        "bad query: term {term} is '|': OR is not supported, terms separated by spaces must all match"
    )]
    Or { term: usize },
    /// A backslash at the very end, escaping nothing.
    #[error("bad query: trailing '\\' escapes nothing")]
    TrailingBackslash,
    /// More terms than any search needs, and each one costs a pass over every unit.
    #[error("bad query: {terms} terms; at most {MAX_TERMS} are allowed")]
    TooManyTerms { terms: usize },
}

/// The most terms a query may have.
pub const MAX_TERMS: usize = 64;

impl Query {
    /// Parses a query in fzf's extended syntax.
    ///
    /// # Errors
    /// [`QueryError`] for a term made only of operators, a lone `|`, a trailing `\`, or more
    /// than [`MAX_TERMS`] terms.
    pub fn parse(raw: &str) -> Result<Self, QueryError> {
        let tokens = split_terms(raw)?;
        if tokens.len() > MAX_TERMS {
            return Err(QueryError::TooManyTerms {
                terms: tokens.len(),
            });
        }
        let mut terms = Vec::new();
        for (n, token) in tokens.into_iter().enumerate() {
            let term = n + 1;
            if token.text == "|" && !token.escaped_start {
                return Err(QueryError::Or { term });
            }
            let parsed = parse_term(&token).ok_or_else(|| QueryError::EmptyTerm {
                term,
                token: token.raw.clone(),
            })?;
            terms.push(parsed);
        }
        Ok(Self {
            terms,
            case_sensitive: raw.chars().any(char::is_uppercase),
            raw: raw.to_string(),
        })
    }

    /// True when the query has no terms: every unit matches, in document order.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when `next` can only match a subset of what `self` matched (it extends the
    /// typed terms), so a search may filter the previous hits instead of every unit.
    #[must_use]
    pub fn narrows_to(&self, next: &Self) -> bool {
        if self.case_sensitive && !next.case_sensitive {
            return false;
        }
        if next.terms.len() < self.terms.len() {
            return false;
        }
        self.terms.iter().zip(&next.terms).all(|(a, b)| {
            if a.negated || b.negated {
                // A longer excluded term excludes less.
                return a == b;
            }
            match (a.kind, b.kind) {
                (TermKind::Fuzzy, _) => is_subsequence(&a.folded, &b.folded),
                (ka, kb) if ka == kb => match ka {
                    TermKind::Suffix => b.folded.ends_with(&a.folded),
                    TermKind::Whole => a.folded == b.folded,
                    _ => b.folded.starts_with(&a.folded),
                },
                (TermKind::Exact, _) => b.folded.contains(&a.folded),
                (TermKind::Prefix, TermKind::Whole) => b.folded.starts_with(&a.folded),
                (TermKind::Suffix, TermKind::Whole) => b.folded.ends_with(&a.folded),
                _ => false,
            }
        })
    }
}

/// With case folded away, `a`'s chars appear in `b` in order. Case-insensitive so that it is
/// conservative for both case modes.
fn is_subsequence(a: &str, b: &str) -> bool {
    let mut bs = b.chars().flat_map(char::to_lowercase);
    a.chars()
        .flat_map(char::to_lowercase)
        .all(|c| bs.any(|d| d == c))
}

/// A whitespace-separated piece of the query with escapes resolved.
struct Token {
    raw: String,
    /// Text with `\ ` resolved; leading/trailing escapes resolved too.
    text: String,
    /// The first character was escaped (`\!`, `\'`, `\^`): it is literal.
    escaped_start: bool,
    /// The last character was escaped (`\$`): it is literal.
    escaped_end: bool,
}

fn split_terms(raw: &str) -> Result<Vec<Token>, QueryError> {
    let mut out = Vec::new();
    let mut chars = raw.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return Ok(out);
        }
        let mut tok = Token {
            raw: String::new(),
            text: String::new(),
            escaped_start: false,
            escaped_end: false,
        };
        while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
            tok.raw.push(c);
            tok.escaped_end = false;
            if c == '\\' {
                let Some(e) = chars.next() else {
                    return Err(QueryError::TrailingBackslash);
                };
                tok.raw.push(e);
                if tok.text.is_empty() {
                    tok.escaped_start = true;
                }
                tok.escaped_end = true;
                tok.text.push(e);
            } else {
                tok.text.push(c);
            }
        }
        out.push(tok);
    }
}

fn parse_term(tok: &Token) -> Option<Term> {
    let mut s = tok.text.as_str();
    let mut negated = false;
    let mut exact = false;
    let mut prefix = false;
    let mut suffix = false;
    if !tok.escaped_start {
        if let Some(rest) = s.strip_prefix('!') {
            negated = true;
            s = rest;
        }
        // After `!` the next char is an operator unless the token was escaped only at its
        // very first char, which was the `!` itself (handled by escaped_start).
        if let Some(rest) = s.strip_prefix('\'') {
            exact = true;
            s = rest;
        } else if let Some(rest) = s.strip_prefix('^') {
            prefix = true;
            s = rest;
        }
    }
    if !tok.escaped_end
        && !exact
        && let Some(rest) = s.strip_suffix('$')
    {
        suffix = true;
        s = rest;
    }
    if s.is_empty() {
        return None;
    }
    let kind = match (prefix, suffix) {
        (true, true) => TermKind::Whole,
        (true, false) => TermKind::Prefix,
        (false, true) => TermKind::Suffix,
        (false, false) if exact || negated => TermKind::Exact,
        (false, false) => TermKind::Fuzzy,
    };
    Some(Term {
        kind,
        negated,
        text: s.to_string(),
        folded: fold_str(s),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(q: &str) -> Vec<(TermKind, bool, String)> {
        Query::parse(q)
            .expect("parses")
            .terms
            .into_iter()
            .map(|t| (t.kind, t.negated, t.text))
            .collect()
    }

    #[test]
    fn a_query_has_at_most_max_terms() {
        assert!(Query::parse(&"a ".repeat(MAX_TERMS)).is_ok());
        let e = Query::parse(&"a ".repeat(20_000)).expect_err("too many");
        assert_eq!(
            e.to_string(),
            "bad query: 20000 terms; at most 64 are allowed"
        );
    }

    #[test]
    fn extended_syntax() {
        use TermKind::*;
        assert_eq!(
            kinds("tik 'exact ^pre suf$ !not ^whole$ !^np"),
            [
                (Fuzzy, false, "tik".into()),
                (Exact, false, "exact".into()),
                (Prefix, false, "pre".into()),
                (Suffix, false, "suf".into()),
                (Exact, true, "not".into()),
                (Whole, false, "whole".into()),
                (Prefix, true, "np".into()),
            ]
        );
        assert_eq!(
            kinds(r"\!bang a\ b cost\$"),
            [
                (Fuzzy, false, "!bang".into()),
                (Fuzzy, false, "a b".into()),
                (Fuzzy, false, "cost$".into()),
            ]
        );
        assert_eq!(kinds("  "), []);
    }

    #[test]
    fn bad_syntax_is_an_error() {
        for q in ["!", "'", "^", "$", "^$", "a !'", "!^$"] {
            assert!(
                matches!(Query::parse(q), Err(QueryError::EmptyTerm { .. })),
                "{q}"
            );
        }
        assert_eq!(Query::parse("a | b"), Err(QueryError::Or { term: 2 }));
        assert_eq!(Query::parse("a\\"), Err(QueryError::TrailingBackslash));
        let msg = Query::parse("tiktok !").expect_err("bad").to_string();
        assert!(msg.contains("term 2"), "{msg}");
    }

    #[test]
    fn smart_case_and_folding() {
        let q = Query::parse("Réfugiés").expect("parses");
        assert!(q.case_sensitive);
        assert_eq!(q.terms[0].folded, "Refugies");
        assert!(
            !Query::parse("难民 réfugiés")
                .expect("parses")
                .case_sensitive
        );
    }

    #[test]
    fn narrowing() {
        let p = |s| Query::parse(s).expect("parses");
        assert!(p("ref").narrows_to(&p("refu")));
        assert!(p("ref").narrows_to(&p("ref num")));
        assert!(p("rf").narrows_to(&p("ref")));
        assert!(p("'ref").narrows_to(&p("'refu")));
        assert!(p("ref").narrows_to(&p("Ref")));
        assert!(!p("Ref").narrows_to(&p("ref")));
        assert!(!p("!ref").narrows_to(&p("!refu")));
        assert!(!p("refu").narrows_to(&p("ref")));
        assert!(!p("tik$").narrows_to(&p("tikt$")));
        assert!(p("ok$").narrows_to(&p("tok$")));
    }
}
