//! Small helpers that turn document text into styled, width-limited spans, always through
//! the sanitizer.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::sanitize::sanitize_pieces;

/// The room left for text in `width` columns when `ellipsis` marks a cut, and the mark to
/// draw: none when even the mark does not fit.
fn room_for(width: usize, ellipsis: &str) -> (usize, &str) {
    match width.checked_sub(ellipsis.width()) {
        Some(room) => (room, ellipsis),
        None => (width, ""),
    }
}

/// The columns `s` takes once sanitized, as it is drawn.
#[must_use]
pub fn shown_width(s: &str) -> u16 {
    u16::try_from(crate::sanitize::sanitize_inline(s).as_str().width()).unwrap_or(u16::MAX)
}

/// Cuts a string to at most `width` columns, ending with `ellipsis` (the theme's glyph) when
/// cut.
#[must_use]
pub fn truncate_to(s: &str, width: usize, ellipsis: &str) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let (room, mark) = room_for(width, ellipsis);
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > room {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push_str(mark);
    out
}

/// Cuts styled spans to at most `width` columns, ending with `ellipsis` (in the style of the
/// span it cuts) when anything is left out.
#[must_use]
pub fn fit_spans(spans: Vec<Span<'static>>, width: usize, ellipsis: &str) -> Vec<Span<'static>> {
    if spans.iter().map(|s| s.content.width()).sum::<usize>() <= width {
        return spans;
    }
    let (room, mark) = room_for(width, ellipsis);
    let mut out = Vec::new();
    let mut used = 0;
    for s in spans {
        let mut text = String::new();
        for c in s.content.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > room {
                text.push_str(mark);
                out.push(Span::styled(text, s.style));
                return out;
            }
            used += cw;
            text.push(c);
        }
        out.push(Span::styled(text, s.style));
    }
    out
}

/// One line of a unit of text (a sentence, a title) with byte ranges `matches` highlighted,
/// at most `room` columns wide. When the first match would be far to the right, the text
/// starts a little before it, after `ellipsis`.
#[must_use]
pub fn highlighted(
    text: &str,
    matches: &[Range<usize>],
    room: usize,
    styles: (Style, Style),
    ellipsis: &str,
) -> Vec<Span<'static>> {
    let (base, hl) = styles;
    if room == 0 {
        return Vec::new();
    }
    // Line breaks and tabs become spaces; all are one byte, so offsets still hold.
    let flat: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let is_hl = |b: usize| matches.iter().any(|m| m.contains(&b));
    let mut cells: Vec<(char, bool, usize)> = Vec::new();
    for p in sanitize_pieces(&flat) {
        let linear = !p.inert && p.text.len() == p.src.len();
        for (off, c) in p.text.char_indices() {
            let src = if linear {
                p.src.start + off
            } else {
                p.src.start
            };
            cells.push((c, is_hl(src), c.width().unwrap_or(0)));
        }
    }
    let first_hl_col: usize = cells
        .iter()
        .position(|c| c.1)
        .map_or(0, |i| cells[..i].iter().map(|c| c.2).sum());
    let mut start = 0;
    let mut lead = false;
    if first_hl_col > room * 2 / 3 && room > 8 {
        let want = first_hl_col - room / 3;
        let mut col = 0;
        while start < cells.len() && col < want {
            col += cells[start].2;
            start += 1;
        }
        // Start at the next word when one is near, and never on a combining mark.
        if let Some(sp) = cells[start..].iter().take(12).position(|c| c.0 == ' ') {
            start += sp + 1;
        }
        while start < cells.len() && cells[start].2 == 0 {
            start += 1;
        }
        lead = true;
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let mark_w = ellipsis.width();
    if lead {
        spans.push(Span::styled(ellipsis.to_string(), base));
        used = mark_w;
    }
    let total: usize = cells[start..].iter().map(|c| c.2).sum();
    let cut = used + total > room;
    let limit = if cut {
        room.saturating_sub(mark_w)
    } else {
        room
    };
    let mut cur = String::new();
    let mut cur_hl = false;
    for &(c, h, w) in &cells[start..] {
        if used + w > limit {
            break;
        }
        if h != cur_hl && !cur.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut cur),
                if cur_hl { hl } else { base },
            ));
        }
        cur_hl = h;
        cur.push(c);
        used += w;
    }
    if !cur.is_empty() {
        spans.push(Span::styled(cur, if cur_hl { hl } else { base }));
    }
    if cut && used + mark_w <= room {
        spans.push(Span::styled(ellipsis.to_string(), base));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_cut_with_an_ellipsis() {
        let spans = vec![
            Span::raw("about "),
            Span::raw("100 000"),
            Span::raw(" users"),
        ];
        let cut = fit_spans(spans.clone(), 10, "…");
        let text: String = cut.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "about 100…");
        assert_eq!(
            fit_spans(spans.clone(), 19, "…").len(),
            3,
            "fits: unchanged"
        );
        let text: String = fit_spans(vec![Span::raw("小红书难民")], 5, "…")
            .iter()
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(text, "小红…");
        // A wider mark takes its columns from the text, and is left out when it cannot fit.
        let text: String = fit_spans(spans.clone(), 10, "...")
            .iter()
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(text, "about 1...");
        assert_eq!(render(&fit_spans(spans, 2, "...")), "ab");
    }
    use ratatui::style::Modifier;

    fn render(spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn highlights_map_to_source_bytes() {
        let hl = Style::new().add_modifier(Modifier::BOLD);
        let text = "Vous ne voulez pas « ça »";
        let spans = highlighted(
            text,
            std::slice::from_ref(&(5..7)),
            80,
            (Style::new(), hl),
            "…",
        );
        assert_eq!(render(&spans), text);
        let bold: Vec<&str> = spans
            .iter()
            .filter(|s| s.style == hl)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(bold, ["ne"]);
    }

    #[test]
    fn long_text_is_windowed_around_the_match_and_fits() {
        let text = format!("{} cible {}", "mot ".repeat(40), "fin ".repeat(40));
        let at = text.find("cible").expect("present");
        let spans = highlighted(
            &text,
            std::slice::from_ref(&(at..at + 5)),
            30,
            (Style::new(), Style::new().add_modifier(Modifier::BOLD)),
            "…",
        );
        let shown = render(&spans);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("cible"));
        assert!(shown.width() <= 30);
        let spans = highlighted(
            &text,
            std::slice::from_ref(&(at..at + 5)),
            30,
            (Style::new(), Style::new()),
            "...",
        );
        let shown = render(&spans);
        assert!(
            shown.starts_with("...") && shown.ends_with("..."),
            "{shown}"
        );
        assert!(shown.contains("cible") && shown.is_ascii());
        assert!(shown.width() <= 30, "{shown}");
    }

    #[test]
    fn escapes_and_wide_text_stay_inert_and_within_width() {
        let spans = highlighted(
            "a\u{1b}]52;c;x\u{7}b 小红书小红书",
            &[],
            9,
            (Style::new(), Style::new()),
            "…",
        );
        let shown = render(&spans);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert!(shown.width() <= 9);
        assert_eq!(truncate_to("小红书", 5, "…"), "小红…");
        assert_eq!(truncate_to("abc", 3, "…"), "abc");
        assert_eq!(truncate_to("小红书", 5, "..."), "小...");
        assert_eq!(truncate_to("abcdef", 5, "..."), "ab...");
        assert_eq!(truncate_to("abcdef", 2, "..."), "ab");
    }
}
