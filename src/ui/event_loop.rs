//! The main loop, generic over the ratatui backend so the whole interface runs on
//! `TestBackend` in tests and benches.
//!
//! Everything arrives on one channel: terminal input, signals, background results. The loop
//! applies all pending events, then draws once, so a burst of keys costs one frame.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event as TermEvent, KeyEventKind};

use super::action::Action;
use super::app::{App, Request};
use super::search_service::{Query, SearchService};

/// Something the loop reacts to.
#[derive(Debug)]
pub enum Event {
    /// Input from the terminal.
    Term(TermEvent),
    /// A result from background work.
    Action(Action),
    /// SIGTERM, SIGHUP or SIGINT: quit as if `q` was pressed.
    Quit,
    /// SIGTSTP from outside: suspend like Ctrl-Z.
    Suspend,
    /// SIGCONT: the terminal may have been changed while stopped; set it up and redraw.
    Continue,
    /// The terminal went away (hangup, EOF or EIO): quit without drawing again.
    TerminalGone,
}

/// What the loop needs from the real terminal; tests use [`NoHost`].
pub trait Host {
    /// Turns mouse capture on or off.
    fn set_mouse(&mut self, on: bool);
    /// Gives the terminal back and stops the process; returns once resumed.
    fn suspend(&mut self);
    /// Sets the terminal up again after the process was stopped.
    fn resume(&mut self);
    /// Puts text on the terminal's clipboard.
    fn set_clipboard(&mut self, _text: &str) {}
    /// Blanks the screen before a full redraw.
    fn clear_screen(&mut self) {}
    /// Called around each frame (synchronized updates).
    fn begin_frame(&mut self) {}
    fn end_frame(&mut self) {}
}

/// Work the loop starts in the background: loading inputs and analysing a corpus. Their
/// results come back as actions on the loop's channel.
pub trait Background {
    fn load(&mut self, paths: Vec<std::path::PathBuf>, reload: bool);
    fn analyse(&mut self, corpus: std::sync::Arc<crate::corpus::Corpus>);
}

/// Nothing in the background (tests that answer by hand).
impl Background for NoHost {
    fn load(&mut self, _paths: Vec<std::path::PathBuf>, _reload: bool) {}
    fn analyse(&mut self, _corpus: std::sync::Arc<crate::corpus::Corpus>) {}
}

/// A host with no terminal.
#[derive(Debug, Default)]
pub struct NoHost;

impl Host for NoHost {
    fn set_mouse(&mut self, _on: bool) {}
    fn suspend(&mut self) {}
    fn resume(&mut self) {}
}

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    TerminalGone,
}

/// Turns an event into actions and applies them; returns false when the terminal is gone.
pub fn handle(app: &mut App, ev: Event) -> bool {
    match ev {
        Event::Term(TermEvent::Key(k)) if k.kind != KeyEventKind::Release => {
            if let Some(a) = app.action_for_key(k) {
                app.apply(a);
            }
        }
        Event::Term(TermEvent::Mouse(m)) => {
            if let Some(a) = app.action_for_mouse(m) {
                app.apply(a);
            }
        }
        Event::Term(TermEvent::Resize(width, height)) => {
            app.apply(Action::Resize { width, height })
        }
        // Pasted text is text: typed into the input on top, never read as keys.
        Event::Term(TermEvent::Paste(text)) => app.apply(Action::InsertText(text)),
        Event::Term(_) => {}
        Event::Action(a) => app.apply(a),
        Event::Quit => app.apply(Action::Quit),
        Event::Suspend => app.apply(Action::Suspend),
        Event::Continue => app.requests.push(Request::Continue),
        Event::TerminalGone => return false,
    }
    true
}

/// Carries out queued requests. Returns true when the screen must be redrawn in full.
pub fn run_requests(
    app: &mut App,
    host: &mut dyn Host,
    search: &mut dyn SearchService,
    background: &mut dyn Background,
) -> bool {
    let mut clear = false;
    for r in std::mem::take(&mut app.requests) {
        match r {
            Request::Search {
                query,
                scope,
                generation,
            } => {
                if let Some(corpus) = app.corpus.clone() {
                    search.submit(Query {
                        text: query,
                        scope,
                        generation,
                        corpus,
                    });
                }
            }
            Request::SetMouse(on) => host.set_mouse(on),
            Request::Suspend => {
                host.suspend();
                clear = true;
            }
            Request::Continue => {
                host.resume();
                clear = true;
            }
            Request::Redraw => clear = true,
            Request::SetClipboard(text) => host.set_clipboard(&text),
            Request::Load { paths, reload } => background.load(paths, reload),
            Request::Analyse(corpus) => background.analyse(corpus.0),
        }
    }
    clear
}

/// Draws one frame of `app`.
///
/// # Errors
/// The backend could not write.
pub fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    host: &mut dyn Host,
) -> Result<(), B::Error> {
    host.begin_frame();
    let r = terminal
        .draw(|f| {
            // The size is taken from the frame itself: the terminal can shrink between a
            // separate size query and the draw, and a layout made for the old size would
            // write past the new buffer's edge.
            let area = f.area();
            if app.size != area {
                app.apply(Action::Resize {
                    width: area.width,
                    height: area.height,
                });
            }
            f.render_widget(&*app, area);
        })
        .map(|_| ());
    host.end_frame();
    r
}

/// Runs until the app quits or the terminal goes away.
///
/// # Errors
/// The backend could not write.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    rx: &Receiver<Event>,
    host: &mut dyn Host,
    search: &mut dyn SearchService,
    background: &mut dyn Background,
) -> Result<Exit, B::Error> {
    loop {
        if run_requests(app, host, search, background) {
            // `Terminal::clear` asks the terminal where the cursor is, and the answer would
            // be swallowed by the input thread; blank the screen, then draw an empty frame so
            // the next diff repaints every cell.
            host.clear_screen();
            terminal.draw(|_| {})?;
        }
        if app.quit {
            return Ok(Exit::Quit);
        }
        draw(terminal, app, host)?;
        // Block until something happens; the timeout only bounds how long a lost wake-up
        // could delay a frame.
        let first = match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(ev) => ev,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return Ok(Exit::Quit),
        };
        if !handle(app, first) {
            return Ok(Exit::TerminalGone);
        }
        while !app.quit {
            match rx.try_recv() {
                Ok(ev) => {
                    if !handle(app, ev) {
                        return Ok(Exit::TerminalGone);
                    }
                }
                Err(_) => break,
            }
        }
    }
}
