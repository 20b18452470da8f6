//! Shared set-up for interface tests: the app on the seeds, drawn on a `TestBackend`.
#![allow(dead_code)]

pub mod cli;
pub mod hostile;
pub mod http;
pub mod pages;
pub mod pty;
pub mod search;

use std::sync::Arc;

use dossier::corpus::{LoadOptions, load};
use dossier::ui::action::{Action, Loaded};
use dossier::ui::app::App;
use dossier::ui::config::{Config, ThemeName};
use dossier::ui::event_loop::{self, NoHost};
use dossier::ui::state::State;
use dossier::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// The app on the seed documents at a size, with default settings and no saved state.
pub fn seeds_app(width: u16, height: u16) -> App {
    let corpus = load(&[], &LoadOptions::default());
    let config = Config::default();
    let theme = Theme::new(ThemeName::Dark, false);
    let mut app = App::new(
        config,
        theme,
        State::default(),
        Rect::new(0, 0, width, height),
    );
    let figs: Arc<[dossier::extract::figures::FigureList]> = corpus
        .docs
        .iter()
        .map(dossier::extract::figures::FigureList::of)
        .collect();
    let groups = dossier::extract::figures::group(&corpus.docs, &figs);
    let figures = dossier::ui::background::figures_view(&corpus.docs, figs, &groups);
    app.apply(Action::ShowCorpus(Loaded(Arc::new(corpus))));
    app.apply(Action::ShowFigures(Arc::new(figures)));
    app
}

/// The app on the documents at `paths`, as [`seeds_app`] does for the seeds.
pub fn paths_app(paths: &[std::path::PathBuf], width: u16, height: u16) -> App {
    let corpus = load(paths, &LoadOptions::default());
    let mut app = App::new(
        Config::default(),
        Theme::new(ThemeName::Dark, false),
        State::default(),
        Rect::new(0, 0, width, height),
    );
    let figs: Arc<[dossier::extract::figures::FigureList]> = corpus
        .docs
        .iter()
        .map(dossier::extract::figures::FigureList::of)
        .collect();
    let groups = dossier::extract::figures::group(&corpus.docs, &figs);
    let figures = dossier::ui::background::figures_view(&corpus.docs, figs, &groups);
    app.apply(Action::ShowCorpus(Loaded(Arc::new(corpus))));
    app.apply(Action::ShowFigures(Arc::new(figures)));
    app
}

/// The search index of the app's corpus, as the background work builds it.
pub fn index_of(app: &App) -> dossier::search::Index {
    let corpus = app.corpus.clone().expect("corpus");
    let figs: Vec<_> = corpus
        .docs
        .iter()
        .map(dossier::extract::figures::extract_document)
        .collect();
    dossier::search::index_corpus(&corpus.docs, &figs, &mut |_| {})
}

/// Answers the palette's pending search request the way the event loop would.
pub fn answer_search(app: &mut App) {
    let index = index_of(app);
    let reqs: Vec<dossier::ui::app::Request> = std::mem::take(&mut app.requests);
    for r in reqs {
        if let dossier::ui::app::Request::Search {
            query,
            scope,
            generation,
        } = r
        {
            let hits =
                dossier::ui::search_service::search(&index, &query, scope).expect("valid query");
            app.apply(Action::ShowSearchResults {
                generation,
                hits,
                done: true,
            });
        }
    }
}

/// Draws the app and returns the screen as text, one line per row.
pub fn screen(app: &mut App) -> String {
    let Rect { width, height, .. } = app.size;
    let mut term = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    event_loop::draw(&mut term, app, &mut NoHost).expect("draw");
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let s = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(s).saturating_sub(1);
            line.push_str(s);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Applies actions in order.
pub fn apply(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        app.apply(a);
    }
}

/// Types text into the overlay on top.
pub fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.apply(Action::InsertChar(c));
    }
}
