//! Cross-source groups: figures that state the same fact in different documents (same kind,
//! same thing counted, same or near value), and the other values sources give for it.

use serde::Serialize;

use super::facts::{Fact, Names, fact};
use super::nouns::{concept, tags};
use super::{Figure, FigureList, Kind, Value};
use crate::corpus::Document;

/// Two numbers this close (relative) state the same value.
const NEAR: f64 = 0.03;
/// Bytes of context read on each side of a figure for qualifier tags.
const BEFORE: usize = 60;
const AFTER: usize = 30;

/// A figure inside a group: indices into the `docs` and `figures` given to [`group`], kept
/// in 32 bits each (figures are numbered so in a [`FigureList`]): a large corpus puts
/// millions of figures in groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Member {
    doc: u32,
    figure: u32,
}

impl Member {
    /// Figure `figure` of document `doc`.
    #[must_use]
    pub fn new(doc: usize, figure: usize) -> Self {
        let n = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Self {
            doc: n(doc),
            figure: n(figure),
        }
    }

    /// Its document's index.
    #[must_use]
    pub const fn doc(self) -> usize {
        self.doc as usize
    }

    /// Its figure's index in its document's figures.
    #[must_use]
    pub const fn figure(self) -> usize {
        self.figure as usize
    }
}

/// Another value that sources give for the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    pub value: Value,
    /// Document ids.
    pub docs: Vec<String>,
}

/// Figures stating the same fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// 1-based, in output order (most sources first).
    pub id: usize,
    pub kind: Kind,
    pub value: Value,
    /// The thing measured: a concept from the noun lexicon (`users`), a currency code, a
    /// duration unit, or the first member's counted noun.
    pub unit: Option<String>,
    /// What the group states: subject, measure and as-of date, each when known.
    pub fact: Fact,
    /// Document ids, in corpus order.
    pub docs: Vec<String>,
    pub members: Vec<Member>,
    /// Other values given for the same thing (known nouns only), with their documents.
    pub disagrees: Vec<Disagreement>,
}

/// What a figure measures, independent of its value.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Thing {
    kind: Kind,
    what: String,
    known: bool,
    tags: Vec<&'static str>,
    fact: Fact,
}

impl Thing {
    /// Two values of this thing disagree only when the fact is whole: a subject and a
    /// measure, so that different subjects, or a total and a part, never conflict.
    fn can_disagree(&self, fact: &Fact) -> bool {
        fact.subject.is_some()
            && fact.measure.is_some()
            && matches!(
                self.kind,
                Kind::Count | Kind::Percent | Kind::Money | Kind::Rank | Kind::Date
            )
    }
}

/// Kinds that never form groups: a bare year, an ordinal, a length of time or an hour says
/// nothing a reader compares across sources.
fn groups_kind(kind: Kind) -> bool {
    !matches!(
        kind,
        Kind::Year | Kind::Ordinal | Kind::Duration | Kind::Time
    )
}

fn thing(doc: &Document, f: &Figure, fact: Fact) -> Thing {
    let unit = f.unit.as_deref().unwrap_or_default().to_string();
    let (what, known) = match f.kind {
        Kind::Count | Kind::Percent => match concept(&unit) {
            Some(c) => (c.to_string(), true),
            None => (unit.to_lowercase(), false),
        },
        Kind::Money | Kind::Duration => (unit, false),
        _ => (String::new(), false),
    };
    // A count's measure already says its scope (`us users`, `daily active users`), read
    // from its own clause; the wider context could hold another count's qualifier.
    let tags = if f.kind == Kind::Count && fact.measure.is_some() {
        Vec::new()
    } else if matches!(f.kind, Kind::Count | Kind::Percent | Kind::Money) {
        tags(context(doc, f))
    } else {
        Vec::new()
    };
    // Amounts are compared within one currency only.
    let (what, known) = match (&fact.measure, f.kind) {
        (Some(m), Kind::Money) => (format!("{m} {what}"), true),
        (Some(m), _) => (m.clone(), true),
        (None, _) => (what, known),
    };
    Thing {
        kind: f.kind,
        what,
        known,
        tags,
        fact,
    }
}

/// The text around a figure within its sentence.
fn context<'a>(doc: &'a Document, f: &Figure) -> &'a str {
    let (lo, hi) = doc
        .sentence_at(f.start)
        .and_then(|i| doc.sentences.get(i))
        .map_or((0, doc.text.len()), |s| (s.range.start, s.range.end));
    let unit_len = f.unit.as_ref().map_or(0, |u| u.len() + 4);
    let mut a = f.start.saturating_sub(BEFORE).max(lo).min(f.start);
    let mut b = (f.end + unit_len + AFTER)
        .min(hi)
        .max(f.end)
        .min(doc.text.len());
    while a > 0 && !doc.text.is_char_boundary(a) {
        a -= 1;
    }
    while b < doc.text.len() && !doc.text.is_char_boundary(b) {
        b += 1;
    }
    doc.text.get(a..b).unwrap_or("")
}

/// Parts of an ISO date with unknown parts left out.
fn date_parts(s: &str) -> Option<(Option<&str>, &str, Option<&str>)> {
    if let Some(rest) = s.strip_prefix("--") {
        let mut it = rest.split('-');
        return Some((None, it.next()?, it.next()));
    }
    let mut it = s.split('-');
    Some((Some(it.next()?), it.next()?, it.next()))
}

fn same_value(kind: Kind, a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y))
            if !matches!(kind, Kind::Count | Kind::Money | Kind::Percent) =>
        {
            x == y
        }
        (Value::Number(x), Value::Number(y)) => {
            let m = x.abs().max(y.abs());
            m == 0.0 || (x - y).abs() <= m * NEAR
        }
        (Value::Text(x), Value::Text(y)) => match (date_parts(x), date_parts(y)) {
            (Some((ya, ma, da)), Some((yb, mb, db))) => {
                ma == mb && da == db && (ya.is_none() || yb.is_none() || ya == yb)
            }
            _ => x == y,
        },
        _ => false,
    }
}

/// The more complete of two date values.
fn richer(a: &Value, b: &Value) -> bool {
    matches!((a, b), (Value::Text(x), Value::Text(y)) if y.len() > x.len())
}

struct Cluster {
    /// What is measured, without the fact (kind, measure or noun, tags).
    thing: usize,
    /// The fact its members state, each part filled in by the first member that knows it.
    fact: Fact,
    value: Value,
    members: Vec<Member>,
}

/// Two facts may be the same one: each part is equal, or unknown on one side.
fn compatible(a: &Fact, b: &Fact) -> bool {
    let fits = |x: &Option<String>, y: &Option<String>| x.is_none() || y.is_none() || x == y;
    fits(&a.subject, &b.subject) && fits(&a.measure, &b.measure) && fits(&a.as_of, &b.as_of)
}

/// Two facts are surely the same one: the same known subject and measure, at the same
/// date or both undated. Only then can their values disagree.
fn same_fact(a: &Fact, b: &Fact) -> bool {
    a.subject.is_some()
        && a.measure.is_some()
        && a.subject == b.subject
        && a.measure == b.measure
        && a.as_of == b.as_of
}

/// Groups figures across documents. `figures[i]` are the figures of `docs[i]` (as
/// [`FigureList::of`] packs them).
#[must_use]
pub fn group(docs: &[Document], figures: &[FigureList]) -> Vec<Group> {
    let mut things: Vec<Thing> = Vec::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut people: Vec<(Member, Thing)> = Vec::new();
    for (d, (doc, list)) in docs.iter().zip(figures).enumerate() {
        let names = Names::of(doc);
        // A figure's fact reads only its own sentence's figures: one sentence's are made
        // whole at a time.
        for (first, run) in list.sentence_runs(doc) {
            for (j, f) in run.iter().enumerate() {
                if !groups_kind(f.kind) {
                    continue;
                }
                let m = Member::new(d, first + j);
                let t = thing(doc, f, fact(doc, &run, j, &names));
                if t.kind == Kind::Count && t.what == "people" {
                    people.push((m, t));
                    continue;
                }
                place(&mut things, &mut clusters, m, t, &f.value);
            }
        }
    }
    // A count of people joins the one group of a known noun stating the same number
    // ("170 juta orang" with "170 juta pengguna"), else stands as people.
    for (m, t) in people {
        let value = figures[m.doc()].value(m.figure());
        let hosts: Vec<usize> = clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let h = &things[c.thing];
                h.kind == Kind::Count
                    && h.known
                    && h.tags == t.tags
                    && compatible(&c.fact, &t.fact)
                    && same_value(h.kind, &c.value, &value)
            })
            .map(|(i, _)| i)
            .collect();
        if let [only] = hosts[..] {
            clusters[only].members.push(m);
        } else {
            place(&mut things, &mut clusters, m, t, &value);
        }
    }
    // Each cluster's documents, in corpus order: what disagreements are told by, so that
    // the members themselves are moved into their groups, not copied.
    let cluster_docs: Vec<Vec<usize>> = clusters
        .iter()
        .map(|c| {
            let mut ds: Vec<usize> = c.members.iter().map(|m| m.doc()).collect();
            ds.sort_unstable();
            ds.dedup();
            ds
        })
        .collect();
    let ids = |ds: &[usize]| -> Vec<String> { ds.iter().map(|&d| docs[d].id.clone()).collect() };
    let disagreements: Vec<Vec<Disagreement>> = clusters
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            if !things[c.thing].can_disagree(&c.fact) {
                return Vec::new();
            }
            let mine = &cluster_docs[ci];
            clusters
                .iter()
                .enumerate()
                // One document giving two values states two things, not a conflict.
                .filter(|(oi, o)| {
                    *oi != ci
                        && o.thing == c.thing
                        && same_fact(&o.fact, &c.fact)
                        && !cluster_docs[*oi]
                            .iter()
                            .any(|d| mine.binary_search(d).is_ok())
                })
                .map(|(oi, o)| Disagreement {
                    value: o.value.clone(),
                    docs: ids(&cluster_docs[oi]),
                })
                .collect()
        })
        .collect();
    let mut out: Vec<Group> = clusters
        .into_iter()
        .zip(disagreements)
        .zip(&cluster_docs)
        .map(|((c, disagrees), ds)| {
            let t = &things[c.thing];
            let first = c.members[0];
            let unit = match t.kind {
                _ if c.fact.measure.is_some() && t.kind != Kind::Money => c.fact.measure.clone(),
                Kind::Count | Kind::Percent if t.known => {
                    let mut u = t.tags.join(" ");
                    if !u.is_empty() {
                        u.push(' ');
                    }
                    u.push_str(&t.what);
                    Some(u)
                }
                Kind::Count | Kind::Percent | Kind::Money | Kind::Duration => figures[first.doc()]
                    .unit(first.figure())
                    .map(|u| u.to_string()),
                _ => None,
            };
            let mut members = c.members;
            members.sort_unstable();
            members.shrink_to_fit();
            Group {
                id: 0,
                kind: t.kind,
                value: c.value,
                unit,
                fact: c.fact,
                docs: ids(ds),
                members,
                disagrees,
            }
        })
        .collect();
    // Most sources first, then the most informative: a whole fact before a partial one.
    let informative =
        |g: &Group| usize::from(g.fact.subject.is_some()) + usize::from(g.fact.measure.is_some());
    out.sort_by(|a, b| {
        b.docs
            .len()
            .cmp(&a.docs.len())
            .then(informative(b).cmp(&informative(a)))
            .then(a.kind.cmp(&b.kind))
            .then(a.members[0].cmp(&b.members[0]))
    });
    for (i, g) in out.iter_mut().enumerate() {
        g.id = i + 1;
    }
    out
}

fn place(things: &mut Vec<Thing>, clusters: &mut Vec<Cluster>, m: Member, t: Thing, v: &Value) {
    let fact = t.fact.clone();
    let base = Thing {
        fact: Fact::default(),
        ..t
    };
    let ti = things.iter().position(|x| *x == base).unwrap_or_else(|| {
        things.push(base);
        things.len() - 1
    });
    let kind = things[ti].kind;
    if let Some(c) = clusters
        .iter_mut()
        .find(|c| c.thing == ti && compatible(&c.fact, &fact) && same_value(kind, &c.value, v))
    {
        if richer(&c.value, v) {
            c.value = v.clone();
        }
        let Fact {
            subject,
            measure,
            as_of,
        } = fact;
        c.fact.subject = c.fact.subject.take().or(subject);
        c.fact.measure = c.fact.measure.take().or(measure);
        c.fact.as_of = c.fact.as_of.take().or(as_of);
        c.members.push(m);
    } else {
        clusters.push(Cluster {
            thing: ti,
            fact,
            value: v.clone(),
            members: vec![m],
        });
    }
}
