//! What the figures panel and the search palette show, as plain data.
//!
//! The figure extraction and the search index produce richer types of their own; small
//! adapters turn them into these rows so the panes never depend on their internals. A figure
//! row keeps the extractor's value and shared unit (plain data) rather than text, because a
//! large document has millions of rows and a screen shows a few.

use std::ops::Range;

use std::sync::Arc;

use crate::extract::figures::{FigureList, Qualifier, Value};

/// What kind of unit a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Document,
    Sentence,
    Quote,
    Figure,
}

impl HitKind {
    /// The short tag shown before a hit.
    #[must_use]
    pub const fn tag(self) -> &'static str {
        match self {
            Self::Document => "doc",
            Self::Sentence => "sent",
            Self::Quote => "quote",
            Self::Figure => "fig",
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the document in the corpus.
    pub doc: usize,
    pub kind: HitKind,
    /// The unit's text (raw document text: sanitized when shown).
    pub text: String,
    /// Where the unit is in the document text.
    pub range: Range<usize>,
    /// Matched byte ranges in `text`.
    pub matches: Vec<Range<usize>>,
}

impl Hit {
    /// The document bytes to highlight when jumping: the first match, else the whole unit.
    #[must_use]
    pub fn target(&self) -> Range<usize> {
        self.range.clone()
    }
}

/// One figure of a document, read from its packed list when it is drawn: a large document
/// has millions, and a screen shows a few.
#[derive(Debug, Clone, Copy)]
pub struct FigureRow<'a> {
    list: &'a FigureList,
    i: usize,
}

impl<'a> FigureRow<'a> {
    /// Figure `i` of `list`, if there is one.
    #[must_use]
    pub fn at(list: &'a FigureList, i: usize) -> Option<Self> {
        (i < list.len()).then_some(Self { list, i })
    }

    /// Every figure of `list`, in order.
    pub fn all(list: &'a FigureList) -> impl Iterator<Item = Self> + 'a {
        (0..list.len()).map(move |i| Self { list, i })
    }

    /// Where it is in the document text.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.list.range(self.i)
    }

    /// The value for reading (`170 000 000`, `2025-01-19`, `10–20`).
    #[must_use]
    pub fn value(&self) -> String {
        let value = self.list.value(self.i);
        match self.list.to(self.i) {
            Some(to) => format!("{}–{}", value_text(&value), value_text(to)),
            None => value_text(&value),
        }
    }

    /// What is counted; without a unit the kind says what the number is (`2023 year`,
    /// `1 ordinal`).
    #[must_use]
    pub fn unit(&self) -> &'a str {
        let list = self.list;
        list.unit(self.i)
            .map_or(list.kind(self.i).name(), |u| u.as_ref())
    }

    /// Words around the number that change its meaning ("plus de", "environ"), by name.
    #[must_use]
    pub fn qualifier(&self) -> &'static str {
        self.list.qualifier(self.i).map_or("", Qualifier::name)
    }
}

/// A value for reading: large whole numbers grouped by thousands (`170 000 000`); years and
/// other short numbers as they are (`2025`).
#[must_use]
pub fn value_text(v: &Value) -> String {
    let s = v.to_string();
    if !matches!(v, Value::Number(n) if n.fract() == 0.0 && n.abs() >= 10_000.0) {
        return s;
    }
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// One source's figure within a cross-source group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupMember {
    pub doc: usize,
    pub value: String,
    /// The sentence (or figure) to jump to in that document.
    pub range: Range<usize>,
    /// How many times the document states this value (the first is `range`).
    pub count: usize,
    /// A source giving another value than the group's.
    pub disagrees: bool,
}

/// The same fact as stated by several sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureGroup {
    pub label: String,
    /// True when every source gives the same value.
    pub agree: bool,
    pub members: Vec<GroupMember>,
}

/// Figures for the whole corpus, and the date each document states, which is read with the
/// figure extractor in the same background pass.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// Per document, in document order: shared with the search index, which finds them.
    pub per_doc: Arc<[FigureList]>,
    pub groups: Vec<FigureGroup>,
    /// Per document, the date it states near its top (see `extract::dateline`).
    pub dates: Vec<Option<String>>,
    /// The display width that shows every row whole, figure rows and groups alike: measured
    /// once when the figures are made, since a large corpus has millions of rows.
    pub widest: u16,
}

/// A row of the groups view: a group heading (its first line, or line `k` after it when
/// the heading wraps) or one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupRow {
    Heading(usize),
    HeadingMore(usize, usize),
    Member(usize, usize),
}

impl GroupRow {
    /// The group the row belongs to.
    #[must_use]
    pub const fn group(self) -> usize {
        match self {
            Self::Heading(g) | Self::HeadingMore(g, _) | Self::Member(g, _) => g,
        }
    }
}

/// A group's heading wrapped to `width` columns: the disagreeing values show in full.
#[must_use]
pub fn heading_lines(group: &FigureGroup, width: usize) -> Vec<String> {
    crate::wrap::wrap_line(&group.label, width.max(1))
}

/// Columns a heading line has after its mark (`≠ `).
pub const HEADING_INDENT: usize = 2;

impl Figures {
    /// The panel's figures: each document's rows (`per_doc`), the cross-source `groups`,
    /// and the date each document states.
    #[must_use]
    pub fn new(
        per_doc: Arc<[FigureList]>,
        groups: Vec<FigureGroup>,
        dates: Vec<Option<String>>,
    ) -> Self {
        use super::text::shown_width;
        let rows = per_doc
            .iter()
            .flat_map(FigureRow::all)
            .map(|f| shown_width(&format!("{} {} {}", f.qualifier(), f.value(), f.unit())));
        // A member is drawn after its mark, source and count; a heading after its mark.
        let groups_width = groups.iter().flat_map(|g| {
            g.members
                .iter()
                .map(|m| shown_width(&m.value).saturating_add(12))
                .chain(std::iter::once(shown_width(&g.label).saturating_add(2)))
        });
        let widest = rows.chain(groups_width).max().unwrap_or(0);
        Self {
            per_doc,
            groups,
            dates,
            widest,
        }
    }

    /// Number of figures of document `doc`.
    #[must_use]
    pub fn count(&self, doc: usize) -> usize {
        self.per_doc.get(doc).map_or(0, FigureList::len)
    }

    /// Figure `i` of document `doc`.
    #[must_use]
    pub fn row(&self, doc: usize, i: usize) -> Option<FigureRow<'_>> {
        FigureRow::at(self.per_doc.get(doc)?, i)
    }

    /// The groups view flattened into rows, headings wrapped for a panel `width` wide.
    #[must_use]
    pub fn group_rows(&self, width: usize) -> Vec<GroupRow> {
        let mut rows = Vec::new();
        let room = width.saturating_sub(HEADING_INDENT);
        for (g, group) in self.groups.iter().enumerate() {
            rows.push(GroupRow::Heading(g));
            let extra = heading_lines(group, room).len().saturating_sub(1);
            rows.extend((1..=extra).map(|k| GroupRow::HeadingMore(g, k)));
            rows.extend((0..group.members.len()).map(|m| GroupRow::Member(g, m)));
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Lang;
    use crate::extract::figures::extract;

    #[test]
    fn a_figure_row_reads_as_its_figure() {
        let text = "Entre 10 et 20 millions d’utilisateurs en 2025, environ 300 dollars.";
        let list = FigureList::from_figures(&extract(text, Lang::FR));
        let shown: Vec<(String, &str, &str, &str)> = FigureRow::all(&list)
            .map(|r| (r.value(), r.unit(), r.qualifier(), &text[r.range()]))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "10\u{202f}000\u{202f}000–20\u{202f}000\u{202f}000".to_string(),
                    "utilisateurs",
                    "",
                    "10 et 20 millions"
                ),
                ("2025".to_string(), "year", "", "2025"),
                ("300".to_string(), "USD", "about", "300 dollars"),
            ]
        );
    }
}
