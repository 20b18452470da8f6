//! Where each pane goes for a terminal size.
//!
//! At 100 columns and more the three panes sit side by side; below that the figures panel
//! folds away (`f` brings it back); below 60 columns one pane fills the screen and Tab
//! switches between them. Every size down to 1×1 gives a valid layout.

use ratatui::layout::Rect;

/// A pane of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    Sources,
    #[default]
    Reader,
    Figures,
}

impl Pane {
    pub const ALL: [Self; 3] = [Self::Sources, Self::Reader, Self::Figures];
}

/// Columns below which the figures panel is folded unless asked for.
pub const FOLD_FIGURES_BELOW: u16 = 100;
/// Columns below which only one pane is shown.
pub const ONE_PANE_BELOW: u16 = 60;
/// Columns from which the sources and figures panes grow to fit what they hold. The
/// reading column keeps its reading width when there is room; until there is, the columns
/// past `WIDE_FROM - 1` are shared between it and the side panes.
pub const WIDE_FROM: u16 = 160;
/// Widest a side pane grows to.
const SIDE_MAX: u16 = 100;

/// What the panes would like on a wide screen: the reading column's width with its border
/// and margins, and the widths that show every title and every figure row whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Wants {
    pub reader: u16,
    pub sources: u16,
    pub figures: u16,
}

/// Rows the reader header takes (title, details, rule).
pub const HEADER_ROWS: u16 = 2;

/// Rectangles of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScreenLayout {
    pub sources: Option<Rect>,
    pub reader: Option<Rect>,
    pub figures: Option<Rect>,
    pub status: Option<Rect>,
}

impl ScreenLayout {
    /// Lays out `area`. `figures` is the user's choice for the figures panel, `None` for the
    /// default of the width; `focus` is the pane shown when only one fits.
    #[must_use]
    pub fn new(area: Rect, focus: Pane, figures: Option<bool>) -> Self {
        Self::with_wants(area, focus, figures, None)
    }

    /// [`Self::new`], with the side panes grown towards `wants` at [`WIDE_FROM`] columns
    /// and more, never taking the reading column below its width.
    #[must_use]
    pub fn with_wants(
        area: Rect,
        focus: Pane,
        figures: Option<bool>,
        wants: Option<Wants>,
    ) -> Self {
        let mut out = Self::default();
        if area.width == 0 || area.height == 0 {
            return out;
        }
        let mut main = area;
        if area.height >= 3 {
            main.height -= 1;
            out.status = Some(Rect {
                y: area.y + area.height - 1,
                height: 1,
                ..area
            });
        }
        let w = main.width;
        if w < ONE_PANE_BELOW {
            match focus {
                Pane::Sources => out.sources = Some(main),
                Pane::Reader => out.reader = Some(main),
                Pane::Figures => out.figures = Some(main),
            }
            return out;
        }
        let show_figures = figures.unwrap_or(w >= FOLD_FIGURES_BELOW);
        let (mut sources_w, mut figures_w) = side_widths(w, show_figures);
        if let Some(want) = wants.filter(|_| w >= WIDE_FROM) {
            // The side panes take what the reader has beyond its reading width. While it is
            // short of it, they still take half (rounded up) of what the reader has gained
            // since the last narrower width, so they grow from the first wide column and
            // the reader never narrows; both shares grow with the width, so nothing jumps.
            let reader_now = w - sources_w - figures_w;
            let before = WIDE_FROM - 1;
            let (s, f) = side_widths(before, show_figures);
            let gained = reader_now.saturating_sub(before - s - f);
            let spare = reader_now
                .saturating_sub(want.reader)
                .max(gained.div_ceil(2));
            let need_s = want.sources.min(SIDE_MAX).saturating_sub(sources_w);
            let need_f = if show_figures {
                want.figures.min(SIDE_MAX).saturating_sub(figures_w)
            } else {
                0
            };
            // Short of room, the smaller need is met first (a figure row or two), and the
            // other side gets what is left.
            let (small, large) = (need_s.min(need_f), need_s.max(need_f));
            let small_gets = small.min(spare);
            let large_gets = large.min(spare - small_gets);
            let (gets_s, gets_f) = if need_s <= need_f {
                (small_gets, large_gets)
            } else {
                (large_gets, small_gets)
            };
            sources_w += gets_s;
            figures_w += gets_f;
        }
        let reader_w = w - sources_w - figures_w;
        out.sources = Some(Rect {
            width: sources_w,
            ..main
        });
        out.reader = Some(Rect {
            x: main.x + sources_w,
            width: reader_w,
            ..main
        });
        if show_figures {
            out.figures = Some(Rect {
                x: main.x + sources_w + reader_w,
                width: figures_w,
                ..main
            });
        }
        out
    }

    /// Whether a pane is on screen.
    #[must_use]
    pub fn shows(&self, pane: Pane) -> bool {
        self.rect(pane).is_some()
    }

    /// The rectangle of a pane.
    #[must_use]
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Sources => self.sources,
            Pane::Reader => self.reader,
            Pane::Figures => self.figures,
        }
    }

    /// The pane under a screen cell.
    #[must_use]
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let p = ratatui::layout::Position { x: column, y: row };
        Pane::ALL
            .into_iter()
            .find(|&pane| self.rect(pane).is_some_and(|r| r.contains(p)))
    }
}

/// The usual widths of the sources and figures panes at `w` columns (the figures pane's is
/// zero when it is not shown).
fn side_widths(w: u16, show_figures: bool) -> (u16, u16) {
    let sources = (w * 22 / 100).clamp(18, 34);
    let figures = if show_figures {
        (w * 26 / 100).clamp(24, 42)
    } else {
        0
    };
    (sources, figures)
}

/// The inside of a bordered pane.
#[must_use]
pub fn inner(r: Rect) -> Rect {
    if r.width < 3 || r.height < 3 {
        return r;
    }
    Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width - 2,
        height: r.height - 2,
    }
}

/// The reader's text area: the pane inside its border, under the header, centred to at most
/// `max_width` columns (with one column of margin each side) unless `full` is set.
#[must_use]
pub fn reader_text(reader: Rect, max_width: u16, full: bool) -> Rect {
    let inside = inner(reader);
    let header = if inside.height > HEADER_ROWS + 2 {
        HEADER_ROWS + 1
    } else {
        0
    };
    let avail = if inside.width > 4 {
        inside.width - 2
    } else {
        inside.width
    };
    let width = if full { avail } else { avail.min(max_width) };
    Rect {
        x: inside.x + (inside.width - width) / 2,
        y: inside.y + header,
        width,
        height: inside.height - header,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_shows_three_panes_that_tile_the_width() {
        let l = ScreenLayout::new(Rect::new(0, 0, 120, 40), Pane::Reader, None);
        let (s, r, f) = (
            l.sources.expect("sources"),
            l.reader.expect("reader"),
            l.figures.expect("figures"),
        );
        assert_eq!(s.width + r.width + f.width, 120);
        assert_eq!(l.status.map(|s| s.y), Some(39));
        assert_eq!(l.pane_at(s.x, 3), Some(Pane::Sources));
    }

    #[test]
    fn figures_fold_below_100_and_one_pane_below_60() {
        let l = ScreenLayout::new(Rect::new(0, 0, 80, 24), Pane::Reader, None);
        assert!(l.figures.is_none() && l.sources.is_some() && l.reader.is_some());
        let l = ScreenLayout::new(Rect::new(0, 0, 80, 24), Pane::Reader, Some(true));
        assert!(l.figures.is_some());
        let l = ScreenLayout::new(Rect::new(0, 0, 50, 14), Pane::Figures, None);
        assert_eq!(l.figures, Some(Rect::new(0, 0, 50, 13)));
        assert!(l.sources.is_none() && l.reader.is_none());
    }

    #[test]
    fn wide_screens_grow_the_side_panes_but_keep_the_reading_width() {
        let wants = Wants {
            reader: 92,
            sources: 70,
            figures: 50,
        };
        let narrow =
            ScreenLayout::with_wants(Rect::new(0, 0, 150, 40), Pane::Reader, None, Some(wants));
        assert_eq!(
            narrow,
            ScreenLayout::new(Rect::new(0, 0, 150, 40), Pane::Reader, None)
        );
        for w in [200, 260, 400] {
            let l =
                ScreenLayout::with_wants(Rect::new(0, 0, w, 40), Pane::Reader, None, Some(wants));
            let (s, r, f) = (
                l.sources.expect("s"),
                l.reader.expect("r"),
                l.figures.expect("f"),
            );
            assert_eq!(s.width + r.width + f.width, w);
            assert!(r.width >= 92, "{w}: reader {}", r.width);
            assert!(s.width > 34 && f.width > 42, "{w}: {} {}", s.width, f.width);
            assert!(s.width <= 70 && f.width <= 50);
        }
        let l = ScreenLayout::with_wants(Rect::new(0, 0, 400, 40), Pane::Reader, None, Some(wants));
        assert_eq!(
            (l.sources.map(|r| r.width), l.figures.map(|r| r.width)),
            (Some(70), Some(50))
        );
    }

    fn widths(w: u16, wants: Wants) -> (u16, u16, u16) {
        let l = ScreenLayout::with_wants(Rect::new(0, 0, w, 40), Pane::Reader, None, Some(wants));
        let width = |r: Option<Rect>| r.map_or(0, |r| r.width);
        (width(l.sources), width(l.reader), width(l.figures))
    }

    #[test]
    fn side_panes_grow_from_160_columns_and_no_pane_ever_narrows() {
        let wants = Wants {
            reader: 92,
            sources: 70,
            figures: 50,
        };
        let (s159, r159, f159) = widths(159, wants);
        let normal = ScreenLayout::new(Rect::new(0, 0, 160, 40), Pane::Reader, None);
        let (s160, r160, f160) = widths(160, wants);
        assert_eq!(
            (s159, r159, f159),
            (34, 84, 41),
            "below 160 the usual layout"
        );
        assert!(
            s160 + f160 > s159 + f159,
            "160: {s160}+{f160} against {s159}+{f159}"
        );
        let usual = normal.sources.map_or(0, |r| r.width) + normal.figures.map_or(0, |r| r.width);
        assert!(s160 + f160 > usual, "160: {s160}+{f160} against {usual}");
        assert!(
            r160 >= r159,
            "the reader keeps its width: {r160} against {r159}"
        );
        // From 160 to 400 columns every pane is at least as wide as one column narrower,
        // and the reader has its reading width from 176 columns (92 + 34 + 42 + 8 shared).
        let mut last = (s159, r159, f159);
        for w in 160..=400 {
            let now = widths(w, wants);
            assert!(
                now.0 >= last.0 && now.1 >= last.1 && now.2 >= last.2,
                "{w}: {now:?} after {last:?}"
            );
            assert_eq!(now.0 + now.1 + now.2, w);
            if w >= 176 {
                assert!(now.1 >= 92, "{w}: {now:?}");
            }
            last = now;
        }
    }

    #[test]
    fn every_tiny_size_is_valid() {
        for w in 0..70 {
            for h in 0..8 {
                let area = Rect::new(0, 0, w, h);
                for focus in Pane::ALL {
                    let l = ScreenLayout::new(area, focus, None);
                    for r in [l.sources, l.reader, l.figures, l.status]
                        .into_iter()
                        .flatten()
                    {
                        assert!(area.contains(r.as_position()) || r.area() == 0);
                        assert!(r.right() <= area.right() && r.bottom() <= area.bottom());
                    }
                    if let Some(r) = l.reader {
                        let t = reader_text(r, 88, false);
                        assert!(t.right() <= r.right() && t.bottom() <= r.bottom());
                    }
                }
            }
        }
    }
}
