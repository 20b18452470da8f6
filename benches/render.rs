//! Rendering speed: one frame, a key press to the next frame, and the first frame on the
//! seeds from nothing.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::corpus::{LoadOptions, load};
use dossier::ui::action::{Action, Loaded};
use dossier::ui::app::App;
use dossier::ui::config::{Config, ThemeName};
use dossier::ui::event_loop::{self, NoHost};
use dossier::ui::state::State;
use dossier::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

fn app(width: u16, height: u16) -> App {
    let corpus = load(&[], &LoadOptions::default());
    let mut app = App::new(
        Config::default(),
        Theme::new(ThemeName::Dark, false),
        State::default(),
        Rect::new(0, 0, width, height),
    );
    app.apply(Action::ShowCorpus(Loaded(Arc::new(corpus))));
    app
}

fn frame(c: &mut Criterion) {
    let mut app = app(200, 60);
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    c.bench_function("frame_200x60", |b| {
        b.iter(|| {
            // A changed screen each time so the diff is not empty.
            app.apply(Action::ScrollDown);
            event_loop::draw(&mut term, &mut app, &mut NoHost).expect("draw");
        });
    });
}

fn key_to_frame(c: &mut Criterion) {
    let mut app = app(200, 60);
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let keys = [
        KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE),
        KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE),
        KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT),
        KeyEvent::new(KeyCode::Char('b'), KeyModifiers::NONE),
        KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT),
        KeyEvent::new(KeyCode::Char('g'), KeyModifiers::NONE),
    ];
    let mut i = 0;
    c.bench_function("key_to_frame_200x60", |b| {
        b.iter(|| {
            let k = keys[i % keys.len()];
            i += 1;
            if let Some(a) = app.action_for_key(k) {
                app.apply(a);
            }
            event_loop::draw(&mut term, &mut app, &mut NoHost).expect("draw");
        });
    });
}

fn first_frame(c: &mut Criterion) {
    c.bench_function("first_frame_seeds_120x40", |b| {
        b.iter(|| {
            let mut a = app(120, 40);
            let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
            event_loop::draw(&mut term, &mut a, &mut NoHost).expect("draw");
            black_box(term.backend().buffer().area);
        });
    });
}

fn big_document_scroll(c: &mut Criterion) {
    // A 5 MiB line with no spaces: every key must cost the same as on a small file.
    let text = "abcdefghij".repeat(512 * 1024);
    let doc = dossier::corpus::Document::from_text(
        "big".into(),
        dossier::corpus::Origin::Stdin,
        text,
        None,
    );
    let corpus = dossier::corpus::Corpus {
        docs: vec![doc],
        ..dossier::corpus::Corpus::default()
    };
    let mut app = App::new(
        Config::default(),
        Theme::new(ThemeName::Dark, false),
        State::default(),
        Rect::new(0, 0, 200, 60),
    );
    app.apply(Action::ShowCorpus(Loaded(Arc::new(corpus))));
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut n = 0u32;
    c.bench_function("key_to_frame_5mib_line", |b| {
        b.iter(|| {
            n += 1;
            let a = match n % 50 {
                0 => Action::GoToBottom,
                25 => Action::GoToTop,
                _ => Action::PageDown,
            };
            app.apply(a);
            event_loop::draw(&mut term, &mut app, &mut NoHost).expect("draw");
        });
    });
}

criterion_group!(
    benches,
    frame,
    key_to_frame,
    first_frame,
    big_document_scroll
);
criterion_main!(benches);
