//! Marks: `M` marks the reading position, `'` lists them across documents, Enter jumps,
//! and they are saved with the reading positions.

use crate::common;

use common::{apply, screen, seeds_app};
use dossier::ui::action::Action;
use dossier::ui::app::{App, Overlay};
use dossier::ui::keymap::{Context, Key};

#[test]
fn m_and_quote_are_the_keys() {
    let k = dossier::ui::keymap::Keymap::default();
    let key = |s| Key::parse(s).expect("key");
    assert_eq!(
        k.action_for(Context::Normal, key("M")),
        Some(Action::AddMark)
    );
    assert_eq!(
        k.action_for(Context::Normal, key("'")),
        Some(Action::OpenMarks)
    );
    assert_eq!(
        k.action_for(Context::List, key("enter")),
        Some(Action::ConfirmSelection)
    );
}

#[test]
fn marks_list_their_sentence_and_jump_back_across_documents() {
    let mut app = seeds_app(120, 30);
    apply(&mut app, [Action::PageDown, Action::AddMark]);
    let first = app.place();
    let mark = app.marks[0].clone();
    assert!(!mark.sentence.is_empty());
    assert!(screen(&mut app).contains("marked"));
    apply(
        &mut app,
        [
            Action::OpenNextDocument,
            Action::OpenNextDocument,
            Action::AddMark,
        ],
    );
    let second = app.place();
    apply(&mut app, [Action::OpenNextDocument, Action::OpenMarks]);
    assert!(matches!(app.overlays.last(), Some(Overlay::Marks(_))));
    let s = screen(&mut app);
    let start: String = mark.sentence.chars().take(30).collect();
    assert!(
        s.contains(&start),
        "the first mark's sentence is listed:\n{s}"
    );
    assert!(s.contains("002 fr"), "{s}");
    // Newest first: Enter on the first row goes to the second mark.
    apply(&mut app, [Action::ConfirmSelection]);
    assert!(app.overlays.is_empty());
    assert_eq!(app.place(), second);
    apply(
        &mut app,
        [
            Action::OpenMarks,
            Action::SelectNext,
            Action::ConfirmSelection,
        ],
    );
    assert_eq!(app.current, first.doc);
    assert_eq!(
        app.views[first.doc].anchor, first.byte,
        "the marked line is on top"
    );
    // Marking the same place again keeps one mark.
    apply(&mut app, [Action::AddMark]);
    assert_eq!(app.marks.len(), 2);
}

#[test]
fn marks_are_saved_and_those_of_closed_documents_still_listed() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = seeds_app(120, 30);
    apply(&mut app, [Action::PageDown, Action::AddMark]);
    let mut other = app.marks[0].clone();
    other.doc = "00000000deadbeef".into();
    other.path = "/far/away.txt".into();
    app.marks.insert(0, other);
    dossier::ui::state::save(dir.path(), &dossier::ui::positions(&app)).expect("save");
    let saved = dossier::ui::state::load(dir.path()).expect("load");
    assert_eq!(saved.marks.len(), 2);
    let mut next = App::new(
        dossier::ui::config::Config::default(),
        app.theme,
        saved,
        ratatui::layout::Rect::new(0, 0, 120, 30),
    );
    next.apply(Action::ShowCorpus(dossier::ui::action::Loaded(
        app.corpus.clone().expect("corpus"),
    )));
    apply(&mut next, [Action::OpenMarks]);
    let s = screen(&mut next);
    assert!(s.contains("/far/away.txt"), "{s}");
    apply(&mut next, [Action::SelectNext, Action::ConfirmSelection]);
    assert!(screen(&mut next).contains("not open: /far/away.txt"));
}
