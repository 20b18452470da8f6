//! What every overlay does before drawing itself: clear its rectangle without leaving half
//! of a wide character behind its left edge, and draw its frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;

/// Clears `r` (see [`clear`]) and draws an overlay's focused frame titled `title`; gives the
/// area inside it, `None` when nothing fits there.
pub fn framed(r: Rect, buf: &mut Buffer, t: &Theme, title: String) -> Option<Rect> {
    clear(r, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(t.glyphs.border)
        .border_style(t.border_focused)
        .title(Span::styled(title, t.title));
    let inner = block.inner(r);
    block.render(r, buf);
    (inner.height > 0 && inner.width > 0).then_some(inner)
}

/// Clears `r` for an overlay. A wide character (CJK, emoji) just left of `r` covers the
/// overlay's first column on a real terminal, and the frame diff never redraws that column
/// after it: the overlay's left border would vanish. Such a character becomes a space.
pub fn clear(r: Rect, buf: &mut Buffer) {
    Clear.render(r, buf);
    if r.x == 0 || r.x <= buf.area.x {
        return;
    }
    for y in r.top()..r.bottom() {
        if let Some(cell) = buf.cell_mut((r.x - 1, y))
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_character_cut_by_the_left_edge_becomes_a_space() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 2));
        buf.set_string(0, 0, "小红书难", ratatui::style::Style::new());
        buf.set_string(0, 1, "abcdefgh", ratatui::style::Style::new());
        clear(Rect::new(3, 0, 4, 2), &mut buf);
        assert_eq!(buf[(2, 0)].symbol(), " ", "红 was cut in half");
        assert_eq!(buf[(0, 0)].symbol(), "小");
        assert_eq!(buf[(2, 1)].symbol(), "c", "narrow text stays");
    }
}
