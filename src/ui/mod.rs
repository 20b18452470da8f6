//! The terminal interface: sources, reader, figures and the search palette.
//!
//! `app` holds the state and `apply`s [`action::Action`]s; `view` and the pane modules draw
//! it without changing it; `event_loop` drives both over any ratatui backend; `terminal`
//! owns the real terminal's modes.

pub mod action;
pub mod app;
pub mod background;
pub mod clipboard;
pub mod config;
pub mod copy;
pub mod details;
pub mod doc_view;
pub mod event_loop;
pub mod figures_pane;
pub mod glyphs;
pub mod help;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod marks;
pub mod open;
pub mod overlay;
pub mod palette;
pub mod quotes_pane;
pub mod reader;
pub mod search_service;
pub mod sgr16;
pub mod small_file;
pub mod sources;
pub mod state;
pub mod status;
pub mod supervise;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod view;
pub mod view_model;
pub mod wrap;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};

use anyhow::Context as _;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use crate::corpus::LoadOptions;
use action::{Action, Loaded};
use app::App;
use event_loop::{Event, Exit};

/// How the reader loads its inputs: what the command line asked for (language, size cap,
/// fetching of web addresses and feed links), for the first load, `o` and `R` alike.
pub type Options = LoadOptions;

/// Loading and analysis in the background for the event loop: the `o` prompt's inputs and
/// `R`'s reloads go through the same loading as the command line's arguments.
pub struct Loader {
    options: Options,
    tx: Sender<Event>,
    sink: search_service::IndexSink,
}

impl event_loop::Background for Loader {
    fn load(&mut self, paths: Vec<PathBuf>, reload: bool) {
        let opts = LoadOptions {
            focus: None,
            ..self.options.clone()
        };
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("open".into())
            .spawn(move || {
                let c = Loaded(Arc::new(crate::corpus::load::load(&paths, &opts)));
                let _ = tx.send(Event::Action(if reload {
                    Action::ReplaceDocuments(c)
                } else {
                    Action::AddDocuments(c)
                }));
            });
        if let Err(e) = spawned {
            let _ = self.tx.send(Event::Action(Action::ReportProblem(format!(
                "cannot start loading: {e}"
            ))));
        }
    }

    fn analyse(&mut self, corpus: Arc<crate::corpus::Corpus>) {
        background::spawn_analysis(corpus, self.tx.clone(), Event::Action, self.sink.clone());
    }
}

/// Loads the documents in the background, reporting progress and then the corpus; then
/// finds the figures and builds the search index for `sink`.
pub fn spawn_loader(
    paths: Vec<PathBuf>,
    options: &Options,
    tx: Sender<Event>,
    sink: search_service::IndexSink,
) {
    let opts = LoadOptions {
        focus: None,
        ..options.clone()
    };
    let fail = tx.clone();
    let spawned = std::thread::Builder::new()
        .name("load".into())
        .spawn(move || {
            let progress_tx = tx.clone();
            let mut progress = move |p: crate::corpus::load::Progress| {
                let _ = progress_tx.send(Event::Action(Action::ShowLoadProgress {
                    done: p.done,
                    total: p.total,
                }));
            };
            let c = Arc::new(crate::corpus::load::load_with(&paths, &opts, &mut progress));
            let _ = tx.send(Event::Action(Action::ShowCorpus(Loaded(Arc::clone(&c)))));
            background::spawn_analysis(c, tx, Event::Action, sink);
        });
    if let Err(e) = spawned {
        let _ = fail.send(Event::Action(Action::ShowLoadError(format!(
            "cannot start loading: {e}"
        ))));
    }
}

/// The reading positions of the documents open in the app, read now: what a save merges
/// over the saved state.
#[must_use]
pub fn positions(app: &App) -> state::State {
    let mut s = state::State::default();
    let now = state::now();
    if let Some(c) = &app.corpus {
        for (d, v) in c.docs.iter().zip(&app.views) {
            s.positions.insert(state::key(d.hash), v.anchor);
            s.seen.insert(state::key(d.hash), now);
        }
        if let Some(d) = c.docs.get(app.current) {
            s.last = Some(state::key(d.hash));
        }
    }
    s.history.clone_from(&app.history);
    s.marks.clone_from(&app.marks);
    s
}

/// Runs the interface on the real terminal until the user quits, a signal asks to, or the
/// terminal goes away. The caller has checked that standard output is a terminal and that
/// the paths exist; no paths means the embedded seed documents. Returns what to tell the
/// user once the terminal is theirs again (reading positions that could not be saved).
///
/// # Errors
/// The terminal could not be set up or written to while it was still there.
pub fn run(paths: Vec<PathBuf>, options: Options) -> anyhow::Result<Option<String>> {
    let (config, config_error) = config::load();
    let theme = theme::Theme::new(config.theme, config::no_color_env())
        .with_glyphs(glyphs::Glyphs::from_env());
    let state_dir = state::state_dir();
    let (saved, state_error) = match state_dir.as_deref().map(state::load) {
        Some(Ok(s)) => (s, None),
        Some(Err(e)) => (state::State::default(), Some(e.to_string())),
        None => (state::State::default(), None),
    };
    let (tx, rx) = channel();
    let mut search = search_service::IndexSearch::start(tx.clone(), Event::Action);
    spawn_loader(paths, &options, tx.clone(), search.sink());
    let mouse = config.mouse;
    let clipboard = clipboard::support(config.clipboard, std::env::var("TERM").ok().as_deref());
    let mut app = App::new(config, theme, saved, Rect::default());
    app.clipboard = clipboard;
    // Both, when both went wrong: one must not hide the other.
    let problems: Vec<String> = config_error
        .map(|e| e.to_string())
        .into_iter()
        .chain(state_error)
        .collect();
    if !problems.is_empty() {
        app.apply(Action::ReportProblem(problems.join("; ")));
    }
    let mut guard = terminal::TerminalGuard::enter(mouse).context("cannot set up the terminal")?;
    terminal::spawn_sources(&tx).context("cannot watch the terminal")?;
    let backend = CrosstermBackend::new(sgr16::Sgr16::new(std::io::stdout()));
    let mut term = Terminal::new(backend).context("cannot use the terminal")?;
    let mut loader = Loader {
        options,
        tx: tx.clone(),
        sink: search.sink(),
    };
    let result = event_loop::run(
        &mut term,
        &mut app,
        &rx,
        &mut guard,
        &mut search,
        &mut loader,
    );
    // Not dropped: ratatui's `Terminal` shows the cursor when dropped and, if that fails
    // because the terminal is gone, prints so with `eprintln!`, which panics when standard
    // error is that dead terminal. The guard shows the cursor itself and ignores failures.
    std::mem::forget(term);
    drop(guard);
    let mut save_error = None;
    if let Some(dir) = state_dir
        && let Err(e) = state::save(&dir, &positions(&app))
    {
        save_error = Some(e);
    }
    match result {
        Ok(Exit::Quit) => Ok(save_error.map(|e| e.to_string())),
        Ok(Exit::TerminalGone) => Ok(None),
        // The terminal went away while a frame was written (an SSH drop): nothing to tell,
        // and no one to tell it to.
        Err(e) if terminal::is_gone(&e) => Ok(None),
        Err(e) => Err(anyhow::Error::new(e).context("cannot draw")),
    }
}
