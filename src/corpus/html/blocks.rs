//! An HTML tree to text blocks, one a paragraph: paragraphs stay paragraphs; headings, list
//! items, block quotes, captions and table rows (cells joined by ` | `) each become one;
//! each line of preformatted text is one. Scripts, styles, forms and embedded things are
//! never text. Entities were decoded by the parser, so what they stand for reaches the
//! sanitizer as characters, shown inert like any other.

use dom_query::NodeRef;

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

/// The text blocks under `root`, joined by blank lines. With `whole_page`, the page's
/// furniture (navigation, asides, headers, footers, forms) is left out as well.
#[must_use]
pub fn text_of(root: &NodeRef<'_>, whole_page: bool) -> String {
    let mut out = Blocks::default();
    // An explicit stack: a page may nest elements thousands deep.
    let mut stack: Vec<(NodeRef<'_>, bool)> = vec![(*root, false)];
    while let Some((node, leaving)) = stack.pop() {
        if node.is_text() {
            out.push_text(&node.text());
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
            out.push_pre(&node.text());
            continue;
        }
        if BLOCKS.contains(&name) {
            out.flush();
        }
        stack.push((node, true));
        let children = node.children();
        stack.extend(children.into_iter().rev().map(|c| (c, false)));
    }
    out.flush();
    out.text
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
    fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.space = !self.current.is_empty();
            } else {
                if self.space {
                    self.current.push(' ');
                    self.space = false;
                }
                self.current.push(c);
            }
        }
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
