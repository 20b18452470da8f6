//! Keys people bring from less and vim, messages for keys that do nothing, and the search
//! history kept between runs.

use crate::common;

use common::{answer_search, apply, screen, seeds_app, type_text};
use dossier::ui::action::Action;
use dossier::ui::app::{App, Overlay, Request};
use dossier::ui::keymap::{Context, Key};
use dossier::ui::layout::Pane;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(a) = app.action_for_key(KeyEvent::new(code, mods)) {
        app.apply(a);
    }
}

fn query(app: &App) -> String {
    match app.overlays.last() {
        Some(Overlay::Palette(p)) => p.query().to_string(),
        _ => panic!("palette open"),
    }
}

#[test]
fn less_and_vim_keys_are_bound() {
    let k = dossier::ui::keymap::Keymap::default();
    for (key, action) in [
        ("ctrl-f", Action::PageDown),
        ("ctrl-b", Action::PageUp),
        ("d", Action::HalfPageDown),
        ("u", Action::HalfPageUp),
        ("h", Action::FocusPreviousPane),
        ("l", Action::FocusNextPane),
        ("ctrl-l", Action::Redraw),
    ] {
        let key = Key::parse(key).expect("key");
        assert_eq!(k.action_for(Context::Normal, key), Some(action), "{key}");
    }
}

#[test]
fn d_u_h_l_and_ctrl_l_do_what_they_say() {
    let mut app = seeds_app(120, 30);
    let none = KeyModifiers::NONE;
    let top = app.views[0].anchor;
    press(&mut app, KeyCode::Char('d'), none);
    let half = app.views[0].anchor;
    assert!(half > top);
    press(&mut app, KeyCode::Char('u'), none);
    assert_eq!(app.views[0].anchor, top);
    press(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    assert!(app.views[0].anchor > half, "ctrl-f goes a whole page");
    press(&mut app, KeyCode::Char('h'), none);
    assert_eq!(app.focus, Pane::Sources);
    press(&mut app, KeyCode::Char('l'), none);
    press(&mut app, KeyCode::Char('l'), none);
    assert_eq!(app.focus, Pane::Figures);
    app.requests.clear();
    press(&mut app, KeyCode::Char('l'), KeyModifiers::CONTROL);
    assert_eq!(app.requests, [Request::Redraw]);
}

#[test]
fn a_key_that_does_nothing_says_so() {
    let mut app = seeds_app(100, 30);
    press(&mut app, KeyCode::Char('z'), KeyModifiers::NONE);
    let s = screen(&mut app);
    assert!(s.contains("z does nothing here: ? lists the keys"), "{s}");
    // Shift alone is not a key.
    press(&mut app, KeyCode::Char('j'), KeyModifiers::NONE);
    press(
        &mut app,
        KeyCode::Modifier(ratatui::crossterm::event::ModifierKeyCode::LeftShift),
        KeyModifiers::SHIFT,
    );
    assert!(app.message.is_none());
}

fn search(app: &mut App, q: &str) {
    apply(app, [Action::OpenPalette]);
    type_text(app, q);
    answer_search(app);
    apply(app, [Action::ConfirmSelection]);
    assert!(app.overlays.is_empty(), "{q} found");
}

#[test]
fn up_and_down_step_through_earlier_searches() {
    let mut app = seeds_app(100, 30);
    search(&mut app, "tiktok");
    search(&mut app, "juta");
    search(&mut app, "tiktok");
    assert_eq!(app.history, ["juta", "tiktok"]);
    let none = KeyModifiers::NONE;
    press(&mut app, KeyCode::Char('/'), none);
    assert_eq!(query(&app), "");
    press(&mut app, KeyCode::Up, none);
    assert_eq!(query(&app), "tiktok");
    press(&mut app, KeyCode::Up, none);
    assert_eq!(query(&app), "juta");
    press(&mut app, KeyCode::Up, none);
    assert_eq!(query(&app), "juta", "the oldest stays");
    press(&mut app, KeyCode::Down, none);
    assert_eq!(query(&app), "tiktok");
    press(&mut app, KeyCode::Down, none);
    assert_eq!(query(&app), "", "past the newest: a blank query");
    // With hits shown, down and up move between hits; up on the first recalls.
    type_text(&mut app, "juta");
    answer_search(&mut app);
    press(&mut app, KeyCode::Down, none);
    press(&mut app, KeyCode::Down, none);
    let Some(Overlay::Palette(p)) = app.overlays.last() else {
        panic!("palette");
    };
    assert_eq!(p.selected, 2);
    press(&mut app, KeyCode::Up, none);
    press(&mut app, KeyCode::Up, none);
    assert_eq!(query(&app), "juta");
    press(&mut app, KeyCode::Up, none);
    assert_eq!(query(&app), "tiktok");
}

#[test]
fn the_search_history_is_saved_with_the_positions() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = seeds_app(100, 30);
    search(&mut app, "juta");
    dossier::ui::state::save(dir.path(), &dossier::ui::positions(&app)).expect("save");
    let saved = dossier::ui::state::load(dir.path()).expect("load");
    assert_eq!(saved.history, ["juta"]);
    let next = App::new(
        dossier::ui::config::Config::default(),
        app.theme,
        saved,
        ratatui::layout::Rect::new(0, 0, 100, 30),
    );
    assert_eq!(next.history, ["juta"]);
}
