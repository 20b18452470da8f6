//! An HTML tree to text blocks, one a paragraph: paragraphs stay paragraphs; headings, list
//! items, block quotes, captions and table rows (cells joined by ` | `) each become one;
//! each line of preformatted text is one. Scripts, styles, forms and embedded things are
//! never text. Entities were decoded by the parser, so what they stand for reaches the
//! sanitizer as characters, shown inert like any other.

use dom_query::{NodeData, NodeId, NodeRef, Tree, TreeNode};

/// Elements whose content is never text to read.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "svg", "math", "button",
    "select", "input", "textarea", "object", "embed", "canvas", "audio", "video",
];

/// Elements that are the page's furniture, not its article: left out when the article could
/// not be told apart and the whole body is read.
const FURNITURE: &[&str] = &["nav", "aside", "footer", "header", "form", "menu"];

/// Elements that start and end a block.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
    "br",
    "center",
    "legend",
    "menu",
    "tbody",
    "thead",
    "tfoot",
];

/// What leaving an element does to the blocks being assembled.
#[derive(Clone, Copy)]
enum Leave {
    /// A block ends.
    Block,
    /// A table cell ends.
    Cell,
    /// Nothing: an inline element, the document or a fragment.
    Inline,
}

/// What a node is to the walk: text to add, an element or document to go into, or something
/// to pass by (a comment, a script, furniture, or `pre`, whose lines were already read).
enum Visit {
    Descend(Leave),
    Pass,
}

/// The text blocks under `root`, joined by blank lines. With `whole_page`, the page's
/// furniture (navigation, asides, headers, footers, forms) is left out as well.
#[must_use]
pub fn text_of(root: &NodeRef<'_>, whole_page: bool) -> String {
    let mut out = Blocks::default();
    let tree = root.tree;
    // The elements gone into and not yet left, on an explicit stack: a page may nest
    // elements thousands deep. Text is read where it lies in the tree, never copied out
    // node by node, and names are compared as they are stored: this walk meets every node
    // of the article.
    let mut open: Vec<(NodeId, Leave)> = Vec::new();
    let mut at = Some(root.id);
    loop {
        let Some(id) = at else {
            let Some((id, leave)) = open.pop() else {
                break;
            };
            match leave {
                Leave::Block => out.flush(),
                Leave::Cell => out.end_cell(),
                Leave::Inline => {}
            }
            at = if id == root.id {
                None
            } else {
                NodeRef::new(id, tree).next_sibling().map(|n| n.id)
            };
            continue;
        };
        let node = NodeRef::new(id, tree);
        let visit = node
            .query(|n| visit(n, tree, whole_page, &mut out))
            .unwrap_or(Visit::Pass);
        match visit {
            Visit::Descend(leave) => {
                open.push((id, leave));
                at = node.first_child().map(|n| n.id);
            }
            Visit::Pass if id == root.id => at = None,
            Visit::Pass => at = node.next_sibling().map(|n| n.id),
        }
    }
    out.flush();
    out.text
}

/// Reads one node: a text node's text joins the current block, an element may start one.
fn visit(node: &TreeNode, tree: &Tree, whole_page: bool, out: &mut Blocks) -> Visit {
    let name = match &node.data {
        NodeData::Text { contents } => {
            out.push_text(contents);
            return Visit::Pass;
        }
        NodeData::Document | NodeData::Fragment => return Visit::Descend(Leave::Inline),
        NodeData::Element(el) => &el.name.local,
        _ => return Visit::Pass,
    };
    // The parser stores HTML names in lower case; only foreign ones (`foreignObject`) keep
    // capitals, and those are lowered here so that the lists are matched as they always were.
    let lower;
    let name: &str = if name.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = name.to_ascii_lowercase();
        &lower
    } else {
        name
    };
    if NEVER_TEXT.contains(&name) || whole_page && FURNITURE.contains(&name) {
        return Visit::Pass;
    }
    if name == "pre" {
        out.flush();
        out.push_pre(&NodeRef::new(node.id, tree).text());
        return Visit::Pass;
    }
    if BLOCKS.contains(&name) {
        out.flush();
        return Visit::Descend(Leave::Block);
    }
    Visit::Descend(match name {
        "td" | "th" => Leave::Cell,
        _ => Leave::Inline,
    })
}
/// Blocks being assembled: whitespace within one collapses to single spaces.
#[derive(Default)]
struct Blocks {
    text: String,
    current: String,
    space: bool,
}

/// What separates the cells of a table row.
const CELL: &str = " |";

impl Blocks {
    /// Adds text, each run of white space one space, none at a block's start. This is where
    /// an article's text goes through, so it is scanned by bytes, a character decoded only
    /// where one starts beyond ASCII, and copied a word at a time.
    fn push_text(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let mut word = 0;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let (white, len) = if b.is_ascii() {
                // What `char::is_whitespace` says of ASCII.
                (
                    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'),
                    1,
                )
            } else {
                s[i..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
            };
            if white {
                self.push_word(&s[word..i]);
                self.space = !self.current.is_empty();
                word = i + len;
            }
            i += len;
        }
        self.push_word(&s[word..]);
    }

    fn push_word(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        if self.space {
            self.current.push(' ');
            self.space = false;
        }
        self.current.push_str(word);
    }

    fn end_cell(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with(CELL) {
            self.current.push_str(CELL);
            self.space = true;
        }
    }

    fn push_pre(&mut self, s: &str) {
        for line in s.lines() {
            self.push_text(line);
            self.flush();
        }
    }

    fn flush(&mut self) {
        let block = self.current.strip_suffix(CELL).unwrap_or(&self.current);
        if !block.is_empty() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.text.push_str(block);
        }
        self.current.clear();
        self.space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str, whole: bool) -> String {
        let doc = dom_query::Document::from(html);
        text_of(&doc.root(), whole)
    }

    #[test]
    fn blocks_are_paragraphs_and_inline_elements_are_not() {
        let got = blocks(
            "<h2>Le  titre</h2><p>Un <b>mot</b>\n et  <a href=x>un lien</a>.</p><ul><li>un</li><li>deux</li></ul>\
             <blockquote><p>« Cité. »</p></blockquote><figure><img><figcaption>Légende</figcaption></figure>",
            false,
        );
        assert_eq!(
            got,
            "Le titre\n\nUn mot et un lien.\n\nun\n\ndeux\n\n« Cité. »\n\nLégende"
        );
    }

    #[test]
    fn table_rows_are_blocks_of_cells_and_pre_keeps_its_lines() {
        let got = blocks(
            "<table><tr><th>Ville</th><th>Habitants</th></tr><tr><td>Lyon</td><td>522 250</td></tr></table>\
             <pre>a  b\nc</pre>",
            false,
        );
        assert_eq!(got, "Ville | Habitants\n\nLyon | 522 250\n\na b\n\nc");
    }

    #[test]
    fn scripts_are_never_text_and_furniture_is_left_out_of_a_whole_page() {
        let page = "<body><nav>Accueil</nav><script>alert(1)</script><style>p{}</style><p>Corps.</p></body>";
        assert_eq!(blocks(page, true), "Corps.");
        assert_eq!(blocks(page, false), "Accueil\n\nCorps.");
    }

    /// The escape stays a character for the sanitizer to show; a reference to a C1 control
    /// is read as windows-1252, as HTML says, so `&#x9b;` is `›`, never the CSI control.
    #[test]
    fn entities_become_the_characters_they_stand_for() {
        assert_eq!(
            blocks("<p>&#27;[31mrouge &#x9b;2J &amp;</p>", false),
            "\u{1b}[31mrouge \u{203a}2J &"
        );
    }

    /// The walk as first written: children copied out, names lowered, text copied out and
    /// added a character at a time. The walk above must read every page as this does.
    fn plain_text_of(root: &NodeRef<'_>, whole_page: bool) -> String {
        let mut out = Blocks::default();
        let mut stack: Vec<(NodeRef<'_>, bool)> = vec![(*root, false)];
        while let Some((node, leaving)) = stack.pop() {
            if node.is_text() {
                plain_push_text(&mut out, &node.text());
                continue;
            }
            if !node.is_element() && !node.is_document() && !node.is_fragment() {
                continue;
            }
            let name = node
                .qual_name_ref()
                .map(|q| q.local.to_ascii_lowercase())
                .unwrap_or_default();
            let name = name.as_str();
            if leaving {
                match name {
                    "td" | "th" => out.end_cell(),
                    _ if BLOCKS.contains(&name) => out.flush(),
                    _ => {}
                }
                continue;
            }
            if NEVER_TEXT.contains(&name) || whole_page && FURNITURE.contains(&name) {
                continue;
            }
            if name == "pre" {
                out.flush();
                for line in node.text().lines() {
                    plain_push_text(&mut out, line);
                    out.flush();
                }
                continue;
            }
            if BLOCKS.contains(&name) {
                out.flush();
            }
            stack.push((node, true));
            stack.extend(node.children().into_iter().rev().map(|c| (c, false)));
        }
        out.flush();
        out.text
    }

    fn plain_push_text(out: &mut Blocks, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                out.space = !out.current.is_empty();
            } else {
                if out.space {
                    out.current.push(' ');
                    out.space = false;
                }
                out.current.push(c);
            }
        }
    }

    /// Pieces of pages: blocks, cells, inline and foreign elements, furniture, text with
    /// every kind of white space, left open or closed anywhere, as the parser will mend.
    fn piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "<div>",
            "</div>",
            "<p>",
            "</p>",
            "<span>",
            "</span>",
            "<b>",
            "</b>",
            "<br>",
            "<table><tr><td>",
            "<table><tr><th>",
            "<td>",
            "</td>",
            "<th>",
            "</th><td>",
            "</td><th>",
            "</tr><tr>",
            "</table>",
            "<ul><li>",
            "</li><li>",
            "</ul>",
            "<pre>",
            "</pre>",
            "<nav>",
            "</nav>",
            "<aside>",
            "<form>",
            "<script>x = 1;</script>",
            "<style>p{}</style>",
            "<!-- note -->",
            "<svg><foreignObject><DIV>dans svg</DIV></foreignObject></svg>",
            "<math><mi>x</mi></math>",
            "<template><p>t</p></template>",
            "<h2>",
            "</h2>",
            "<blockquote>",
            "</blockquote>",
            "<CENTER>",
            "mot",
            "deux mots",
            "  ",
            "\n",
            "\t\r\n",
            "\u{a0}",
            "\u{3000}",
            "\u{2028}",
            "\u{85}",
            "été",
            "新闻",
            "a\u{200b}b",
            " | ",
            "&amp; &nbsp;",
            "x\n  y",
        ])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        #[test]
        fn the_walk_reads_any_page_as_the_plain_walk_does(
            pieces in proptest::collection::vec(piece(), 0..60),
            whole in proptest::bool::ANY,
        ) {
            let doc = dom_query::Document::from(pieces.concat());
            proptest::prop_assert_eq!(
                text_of(&doc.root(), whole),
                plain_text_of(&doc.root(), whole)
            );
            // From an element too, as the article is read from its root element.
            if let Some(body) = doc.select("body").nodes().first() {
                proptest::prop_assert_eq!(text_of(body, whole), plain_text_of(body, whole));
            }
        }

        /// Text added in any pieces, between cells and blocks ending, collapses its white
        /// space exactly as adding it a character at a time does.
        #[test]
        fn text_collapses_as_it_does_a_character_at_a_time(
            steps in proptest::collection::vec(
                (proptest::option::of(proptest::bool::ANY), "[a é\t\n\r\x0b\x0c\u{a0}\u{3000}\u{85}\u{2029}新|]{0,12}"),
                0..20,
            ),
        ) {
            let (mut fast, mut plain) = (Blocks::default(), Blocks::default());
            for (end, text) in &steps {
                fast.push_text(text);
                plain_push_text(&mut plain, text);
                match end {
                    Some(true) => (fast.flush(), plain.flush()),
                    Some(false) => (fast.end_cell(), plain.end_cell()),
                    None => ((), ()),
                };
            }
            fast.flush();
            plain.flush();
            proptest::prop_assert_eq!(fast.text, plain.text);
        }
    }

    #[test]
    fn deep_nesting_is_no_stack_overflow() {
        let page = format!(
            "{}x{}",
            "<div><span>".repeat(20_000),
            "</span></div>".repeat(20_000)
        );
        assert_eq!(blocks(&page, false), "x");
    }
}
