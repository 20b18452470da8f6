//! Whole-screen snapshots of the interface on the seeds.

use crate::common;

use common::{apply, screen, seeds_app, type_text};
use dossier::ui::action::Action;
use dossier::ui::layout::{Pane, ScreenLayout};

#[test]
fn main_screen_80x24() {
    let mut app = seeds_app(80, 24);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn main_screen_120x40() {
    let mut app = seeds_app(120, 40);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn narrow_50x14_shows_one_pane_at_a_time() {
    let mut app = seeds_app(50, 14);
    let reader = screen(&mut app);
    apply(&mut app, [Action::FocusNextPane]);
    let figures = screen(&mut app);
    apply(&mut app, [Action::FocusNextPane]);
    let sources = screen(&mut app);
    insta::assert_snapshot!("narrow_reader", reader);
    insta::assert_snapshot!("narrow_figures", figures);
    insta::assert_snapshot!("narrow_sources", sources);
}

#[test]
fn folded_figures_come_back_with_their_key() {
    let mut app = seeds_app(80, 24);
    apply(&mut app, [Action::ToggleFiguresPane]);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn figure_groups_mark_agreement_and_jump_to_a_member() {
    let mut app = seeds_app(120, 40);
    apply(&mut app, [Action::FocusFigures, Action::ToggleFigureGroups]);
    let groups = screen(&mut app);
    // The one conflict the seeds state that is surely one fact (same subject and measure):
    // TikTok's US users, 170 million in two sources and 100 million in one.
    assert!(groups.contains("≠ tiktok · us users"), "{groups}");
    assert_eq!(groups.matches("≠ ").count(), 1, "{groups}");
    insta::assert_snapshot!("figure_groups", groups);
    // The second row is the first group's first member: jump to its sentence.
    apply(&mut app, [Action::ScrollDown, Action::OpenSelected]);
    insta::assert_snapshot!("figure_group_member_jump", screen(&mut app));
}

#[test]
fn help_overlay_and_its_filter() {
    let mut app = seeds_app(80, 24);
    apply(&mut app, [Action::OpenHelp]);
    insta::assert_snapshot!("help", screen(&mut app));
    type_text(&mut app, "jump");
    insta::assert_snapshot!("help_filtered", screen(&mut app));
}

#[test]
fn every_size_down_to_1x1_draws_without_panicking() {
    for w in (1..=130).step_by(7).chain([1, 2, 3, 59, 60, 99, 100]) {
        for h in [1, 2, 3, 4, 5, 8, 14, 24] {
            let mut app = seeds_app(w, h);
            let _ = screen(&mut app);
            apply(&mut app, [Action::OpenPalette]);
            type_text(&mut app, "tiktok");
            let _ = screen(&mut app);
            apply(&mut app, [Action::CloseOverlay, Action::OpenHelp]);
            let _ = screen(&mut app);
            apply(
                &mut app,
                [
                    Action::CloseOverlay,
                    Action::GoToBottom,
                    Action::FocusNextPane,
                ],
            );
            let _ = screen(&mut app);
        }
    }
}

#[test]
fn a_disagreeing_group_shows_every_value_and_opens_its_details() {
    for width in [80, 120, 200] {
        let mut app = seeds_app(width, 40);
        apply(&mut app, [Action::FocusFigures, Action::ToggleFigureGroups]);
        let s = screen(&mut app);
        let g = app
            .figures
            .groups
            .iter()
            .position(|g| !g.agree)
            .expect("a disagreement in the seeds");
        // Every word of the heading is on screen, however narrow the panel.
        let label = app.figures.groups[g].label.clone();
        for word in label.split_whitespace() {
            assert!(s.contains(word), "width {width}: {word} of {label}\n{s}");
        }
        // The heading's own rows are never cut (other panes on the same row may be).
        assert!(
            !s.lines()
                .filter_map(|l| l.split_once('≠').map(|(_, heading)| heading))
                .any(|heading| heading.contains('…')),
            "{s}"
        );
    }
    let mut app = seeds_app(120, 40);
    apply(&mut app, [Action::FocusFigures, Action::ToggleFigureGroups]);
    let g = app
        .figures
        .groups
        .iter()
        .position(|g| !g.agree)
        .expect("disagreement");
    let heading = app
        .group_rows()
        .iter()
        .position(|r| *r == dossier::ui::view_model::GroupRow::Heading(g))
        .expect("heading row");
    app.figures_selected = heading;
    apply(&mut app, [Action::OpenSelected]);
    let members = app.figures.groups[g].members.clone();
    assert!(
        members.iter().any(|m| m.disagrees),
        "the other value's source is listed"
    );
    let details = screen(&mut app);
    insta::assert_snapshot!("figure_group_details", details);
    for m in &members {
        assert!(details.contains(m.value.as_str()), "{}\n{details}", m.value);
    }
    // Enter on the last source jumps to its sentence, highlighted.
    let last = members.last().expect("member");
    apply(&mut app, vec![Action::SelectNext; members.len() - 1]);
    apply(&mut app, [Action::ConfirmSelection]);
    assert!(app.overlays.is_empty());
    assert_eq!(app.current, last.doc);
    assert_eq!(app.highlight, Some((last.doc, last.range.clone())));
}

#[test]
fn wide_screens_show_whole_titles_and_keep_the_reading_width() {
    let mut app = seeds_app(260, 50);
    let s = screen(&mut app);
    insta::assert_snapshot!("main_screen_260x50", s);
    let corpus = app.corpus.clone().expect("corpus");
    for d in &corpus.docs {
        // Titles run to 160 characters; the widest sources pane shows at least 90 of them.
        let shown: String = d.title.chars().take(90).collect();
        assert!(s.contains(shown.as_str()), "whole title: {}\n{s}", d.title);
    }
    let text = app.text_area().expect("reader");
    assert_eq!(text.width, app.config.reading_width);
    // Full width still takes the whole middle.
    apply(&mut app, [Action::ToggleFullWidth]);
    let l = app.layout();
    assert!(l.sources.expect("sources").width <= 34);
}

#[test]
fn side_panes_grow_from_exactly_160_columns() {
    let widths = |w: u16| {
        let app = seeds_app(w, 40);
        let l = app.layout();
        let width = |r: Option<ratatui::layout::Rect>| r.map_or(0, |r| r.width);
        (width(l.sources), width(l.reader), width(l.figures))
    };
    let (s159, r159, f159) = widths(159);
    let (s160, r160, f160) = widths(160);
    let usual = ScreenLayout::new(
        ratatui::layout::Rect::new(0, 0, 160, 40),
        Pane::Reader,
        None,
    );
    let (us, uf) = (
        usual.sources.map_or(0, |r| r.width),
        usual.figures.map_or(0, |r| r.width),
    );
    assert!(
        s160 + f160 > s159 + f159,
        "160: {s160}+{f160}, 159: {s159}+{f159}"
    );
    assert!(
        s160 + f160 > us + uf,
        "160: {s160}+{f160}, usual: {us}+{uf}"
    );
    assert!(
        r160 >= r159,
        "the reader does not narrow: {r160} after {r159}"
    );
    // At 159 columns the layout is the usual one.
    let usual = ScreenLayout::new(
        ratatui::layout::Rect::new(0, 0, 159, 40),
        Pane::Reader,
        None,
    );
    assert_eq!(
        (s159, f159),
        (
            usual.sources.map_or(0, |r| r.width),
            usual.figures.map_or(0, |r| r.width)
        )
    );
}

/// A terminal that shrinks while a frame is being drawn: once armed, it reports its old
/// size to one more query and its new size from then on, as a real terminal does when the
/// window is resized between two `TIOCGWINSZ` calls.
struct ShrinkingBackend {
    inner: ratatui::backend::TestBackend,
    old: ratatui::layout::Size,
    new: ratatui::layout::Size,
    old_answers_left: std::cell::Cell<Option<u8>>,
}

impl ratatui::backend::Backend for ShrinkingBackend {
    type Error = <ratatui::backend::TestBackend as ratatui::backend::Backend>::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a ratatui::buffer::Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<ratatui::layout::Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<ratatui::layout::Position>>(
        &mut self,
        position: P,
    ) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ratatui::backend::ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<ratatui::layout::Size, Self::Error> {
        match self.old_answers_left.get() {
            None => Ok(self.old),
            Some(0) => Ok(self.new),
            Some(n) => {
                self.old_answers_left.set(Some(n - 1));
                Ok(self.old)
            }
        }
    }
    fn window_size(&mut self) -> Result<ratatui::backend::WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[test]
fn a_terminal_that_shrinks_during_a_draw_is_drawn_at_its_new_size() {
    use dossier::ui::event_loop::{self, NoHost};
    use ratatui::layout::Size;
    let mut app = seeds_app(80, 24);
    let backend = ShrinkingBackend {
        inner: ratatui::backend::TestBackend::new(80, 24),
        old: Size::new(80, 24),
        new: Size::new(50, 14),
        old_answers_left: std::cell::Cell::new(None),
    };
    let mut term = ratatui::Terminal::new(backend).expect("terminal");
    event_loop::draw(&mut term, &mut app, &mut NoHost).expect("first frame");
    term.backend().old_answers_left.set(Some(1));
    // The frame in flight may still be laid out for either size, but never for one size
    // and drawn into a buffer of the other.
    event_loop::draw(&mut term, &mut app, &mut NoHost).expect("frame during the resize");
    event_loop::draw(&mut term, &mut app, &mut NoHost).expect("frame after the resize");
    assert_eq!(app.size, ratatui::layout::Rect::new(0, 0, 50, 14));
    let shown = term.backend().inner.buffer().clone();
    let row = |y: u16| -> String {
        (0..50)
            .map(|x| shown[(x, y)].symbol().to_string())
            .collect()
    };
    let top = row(0);
    assert!(
        top.contains("2 Reader") && !top.contains("1 Sources"),
        "one pane at 50 columns: {top}"
    );
}
