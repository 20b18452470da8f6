//! The interface's state and the one function that changes it, [`App::apply`].
//!
//! `App` is plain data. Keys become [`Action`]s through the keymap; background results arrive
//! as actions too. Work the event loop must do outside the state (start a search, switch the
//! mouse, suspend, save) is queued as [`Request`]s.

use std::ops::Range;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::action::{Action, Loaded};
use super::config::Config;
use super::doc_view::DocView;
use super::help::Help;
use super::keymap::{Context, Key};
use super::layout::{self, Pane, ScreenLayout};
use super::list::ListState;
use super::palette::Palette;
use super::quotes_pane::QuotesView;
use super::state::{self, State};
use super::theme::Theme;
use super::view_model::{Figures, GroupRow, Hit};
use crate::corpus::Corpus;

/// Lines moved by one mouse wheel notch.
const WHEEL_LINES: i32 = 3;

/// Something only the event loop can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Search all documents, or one, for `query`; answer with `ShowSearchResults`.
    Search {
        query: String,
        scope: Option<usize>,
        generation: u64,
    },
    /// Turn mouse capture on or off.
    SetMouse(bool),
    /// Give the terminal back to the shell until `fg`.
    Suspend,
    /// Set the terminal up again and redraw everything (after SIGCONT).
    Continue,
    /// Redraw every cell (Ctrl-l).
    Redraw,
    /// Put text on the clipboard (OSC 52).
    SetClipboard(String),
    /// Load inputs in the background, as the command line's arguments are; answer with
    /// `ReplaceDocuments` when `reload` is set, else `AddDocuments`.
    Load {
        paths: Vec<std::path::PathBuf>,
        reload: bool,
    },
    /// Find the figures and build the search index of a changed corpus.
    Analyse(super::action::Loaded),
}

/// An overlay drawn over the main screen; the top one gets the keys.
#[derive(Debug, Clone)]
pub enum Overlay {
    Palette(Palette),
    Help(Help),
    /// The marks of every document.
    Marks(ListState),
    /// Every source's value for one figure group.
    Details {
        group: usize,
        list: ListState,
    },
    /// A file, folder or URL to open.
    Open(super::open::OpenPrompt),
}

/// A place the reader has been: a document and a byte in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub doc: usize,
    pub byte: usize,
}

/// Back and forward stacks of jumps, like a browser's history.
#[derive(Debug, Clone, Default)]
pub struct JumpList {
    pub back: Vec<Place>,
    pub forward: Vec<Place>,
}

/// The results of the last confirmed search, for `n` and `N`.
#[derive(Debug, Clone, Default)]
pub struct LastSearch {
    pub query: String,
    pub hits: Vec<Hit>,
    pub index: usize,
}

/// A message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// Loading progress shown until the corpus is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// The whole interface state.
#[derive(Debug)]
pub struct App {
    pub config: Config,
    pub theme: Theme,
    pub corpus: Option<Arc<Corpus>>,
    pub views: Vec<DocView>,
    pub current: usize,
    pub focus: Pane,
    pub overlays: Vec<Overlay>,
    pub size: Rect,
    pub full_width: bool,
    /// The user's figures panel choice; `None` follows the width.
    pub figures_shown: Option<bool>,
    pub figure_groups: bool,
    pub figure_highlights: bool,
    pub figures: Arc<Figures>,
    /// What the side panes would like on a wide screen (see [`layout::Wants`]).
    pub side_wants: layout::Wants,
    pub mouse: bool,
    pub sources_selected: usize,
    pub figures_selected: usize,
    /// The quotes view of the side panel.
    pub quotes: QuotesView,
    pub jumps: JumpList,
    pub last_search: Option<LastSearch>,
    /// The range highlighted in the reader (the last jump's target).
    pub highlight: Option<(usize, Range<usize>)>,
    pub message: Option<Message>,
    pub loading: Option<Progress>,
    pub saved: State,
    /// Confirmed searches, oldest first, saved with the reading positions.
    pub history: Vec<String>,
    /// Marked places, oldest first, saved with the reading positions.
    pub marks: Vec<state::Mark>,
    pub requests: Vec<Request>,
    /// Whether copying works here, or why not (see [`super::clipboard::support`]).
    pub clipboard: Result<(), String>,
    pub quit: bool,
    generation: u64,
}

impl App {
    /// A new interface waiting for its corpus.
    #[must_use]
    pub fn new(config: Config, theme: Theme, saved: State, size: Rect) -> Self {
        let mouse = config.mouse;
        let clipboard = super::clipboard::support(config.clipboard, None);
        Self {
            config,
            theme,
            corpus: None,
            views: Vec::new(),
            current: 0,
            focus: Pane::Reader,
            overlays: Vec::new(),
            size,
            full_width: false,
            figures_shown: None,
            figure_groups: false,
            figure_highlights: true,
            figures: Arc::new(Figures::default()),
            side_wants: layout::Wants::default(),
            mouse,
            sources_selected: 0,
            figures_selected: 0,
            quotes: QuotesView::default(),
            jumps: JumpList::default(),
            last_search: None,
            highlight: None,
            message: None,
            loading: Some(Progress::default()),
            history: saved.history.clone(),
            marks: saved.marks.clone(),
            saved,
            requests: if mouse {
                vec![Request::SetMouse(true)]
            } else {
                Vec::new()
            },
            clipboard,
            quit: false,
            generation: 0,
        }
    }

    /// The screen layout for the current size and settings.
    #[must_use]
    pub fn layout(&self) -> ScreenLayout {
        let wants = (!self.full_width).then_some(layout::Wants {
            // Two borders and a margin each side of the text.
            reader: self.config.reading_width.saturating_add(4),
            ..self.side_wants
        });
        ScreenLayout::with_wants(self.size, self.focus, self.figures_shown, wants)
    }

    /// The widths that show every title and every figure row whole, when the corpus or the
    /// figures change. The figure rows were measured with the figures ([`Figures::new`]).
    fn measure_sides(&mut self) {
        let titles = self.corpus.as_ref().map_or(0, |c| {
            c.docs
                .iter()
                .map(|d| super::text::shown_width(&d.title))
                .max()
                .unwrap_or(0)
        });
        // Borders, and the sources list's marker.
        self.side_wants.sources = titles.saturating_add(3);
        self.side_wants.figures = self.figures.widest.saturating_add(2);
    }

    /// The reader's text area.
    #[must_use]
    pub fn text_area(&self) -> Option<Rect> {
        self.layout()
            .reader
            .map(|r| layout::reader_text(r, self.config.reading_width, self.full_width))
    }

    fn page(&self) -> usize {
        self.text_area().map_or(1, |r| usize::from(r.height).max(1))
    }

    /// Number of documents.
    #[must_use]
    pub fn doc_count(&self) -> usize {
        self.corpus.as_ref().map_or(0, |c| c.docs.len())
    }

    /// The context keys are looked up in: the top overlay's, else normal.
    #[must_use]
    pub fn context(&self) -> Context {
        match self.overlays.last() {
            Some(Overlay::Palette(_)) => Context::Palette,
            Some(Overlay::Help(_)) => Context::Help,
            Some(Overlay::Marks(_) | Overlay::Details { .. }) => Context::List,
            Some(Overlay::Open(_)) => Context::Prompt,
            None => Context::Normal,
        }
    }

    /// The action a key press means here, if any.
    #[must_use]
    pub fn action_for_key(&self, ev: KeyEvent) -> Option<Action> {
        let key = Key::from_event(ev);
        let ctx = self.context();
        if let Some(a) = self.config.keymap.action_for(ctx, key) {
            return Some(a);
        }
        // Ctrl-c quits even with a keymap that forgot it.
        if key == Key::parse("ctrl-c").ok()? {
            return Some(Action::ForceQuit);
        }
        match (ctx, key.code) {
            (Context::Palette | Context::Help | Context::Prompt, KeyCode::Char(c))
                if !key
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::InsertChar(c))
            }
            // Shift, Ctrl and the like alone are half a key, not a key that did nothing.
            (Context::Normal, KeyCode::Modifier(_) | KeyCode::Null) => None,
            (Context::Normal, _) => Some(Action::ReportUnboundKey(key.to_string())),
            _ => None,
        }
    }

    /// The action a mouse event means, when the mouse is on.
    #[must_use]
    pub fn action_for_mouse(&self, ev: MouseEvent) -> Option<Action> {
        if !self.mouse {
            return None;
        }
        let (column, row) = (ev.column, ev.row);
        match ev.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollBy {
                lines: WHEEL_LINES,
                column,
                row,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollBy {
                lines: -WHEEL_LINES,
                column,
                row,
            }),
            MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left) => {
                Some(Action::ClickAt { column, row })
            }
            _ => None,
        }
    }

    /// Applies one action. This is the only way the state changes.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::ForceQuit => self.quit = true,
            Action::Suspend => self.requests.push(Request::Suspend),
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
            }
            Action::ShowLoadProgress { done, total } => {
                self.loading = Some(Progress { done, total });
            }
            Action::ShowCorpus(loaded) => self.set_corpus(loaded.0),
            Action::AddDocuments(loaded) => self.add_documents(&loaded.0),
            Action::ReplaceDocuments(loaded) => self.replace_documents(&loaded.0),
            Action::ShowLoadError(e) => {
                self.loading = None;
                self.report(e, true);
            }
            Action::ShowFigures(f) => {
                self.figures = f;
                self.figures_selected = 0;
                self.measure_sides();
            }
            Action::ShowQuotes(q) => {
                self.quotes.quotes = q;
                self.quotes.selected = 0;
            }
            Action::ShowSearchResults {
                generation,
                hits,
                done,
            } => {
                if let Some(Overlay::Palette(p)) = self.overlays.last_mut() {
                    p.receive(generation, hits, done);
                }
            }
            Action::ShowSearchError {
                generation,
                message,
            } => {
                if let Some(Overlay::Palette(p)) = self.overlays.last_mut() {
                    p.fail(generation, message);
                }
            }
            Action::ReportProblem(text) => self.report(text, true),
            Action::ReportUnboundKey(key) => {
                let help = self
                    .config
                    .keymap
                    .hint(Context::Normal, &Action::OpenHelp)
                    .unwrap_or_else(|| "help".into());
                self.report(
                    format!("{key} does nothing here: {help} lists the keys"),
                    false,
                );
            }
            other => {
                if self.overlays.is_empty() {
                    self.apply_normal(other);
                } else {
                    self.apply_overlay(other);
                }
            }
        }
        self.sync();
    }

    fn report(&mut self, text: String, error: bool) {
        self.message = Some(Message { text, error });
    }

    fn set_corpus(&mut self, corpus: Arc<Corpus>) {
        self.loading = None;
        self.views = corpus.docs.iter().map(DocView::new).collect();
        let mut problems: Vec<String> = corpus.problems().collect();
        if corpus.docs.is_empty() {
            problems.push("no documents to show".into());
        }
        self.current = 0;
        for (i, d) in corpus.docs.iter().enumerate() {
            let k = state::key(d.hash);
            if let Some(&byte) = self.saved.positions.get(&k) {
                self.views[i].anchor = byte.min(d.text.len());
            }
            if self.saved.last.as_deref() == Some(k.as_str()) {
                self.current = i;
            }
        }
        self.sources_selected = self.current;
        self.corpus = Some(corpus);
        self.measure_sides();
        // A palette opened while loading has had nothing to search: its query runs now, in
        // the document now shown if it was limited to the current one.
        if let Some(Overlay::Palette(p)) = self.overlays.last_mut()
            && p.scope.is_some()
        {
            p.scope = Some(self.current);
        }
        self.request_search();
        if let Some(first) = problems.first() {
            let more = if problems.len() > 1 {
                format!(" (+{} more)", problems.len() - 1)
            } else {
                String::new()
            };
            self.report(format!("{first}{more}"), true);
        }
        self.sync();
        // The restored top must not leave an empty screen at the end.
        let page = self.page();
        if let (Some(c), Some(v)) = (self.corpus.clone(), self.views.get_mut(self.current)) {
            let doc = &c.docs[self.current];
            let top = v.top;
            v.set_top(doc, top, page);
        }
    }

    /// Adds documents opened with `o`: those not open already, after the others; the first
    /// of them is shown, and figures and the index are made again for all.
    fn add_documents(&mut self, loaded: &Corpus) {
        let Some(old) = self.corpus.clone() else {
            self.set_corpus(Arc::new(loaded.clone()));
            return;
        };
        let mut corpus = (*old).clone();
        let before = corpus.docs.len();
        for d in &loaded.docs {
            if !corpus.docs.iter().any(|o| o.hash == d.hash) {
                corpus.docs.push(d.clone());
            }
        }
        let added = corpus.docs.len() - before;
        let problems: Vec<String> = loaded.problems().collect();
        for d in &corpus.docs[before..] {
            let mut v = DocView::new(d);
            if let Some(&byte) = self.saved.positions.get(&state::key(d.hash)) {
                v.anchor = byte.min(d.text.len());
            }
            self.views.push(v);
        }
        let corpus = Arc::new(corpus);
        self.corpus = Some(Arc::clone(&corpus));
        self.measure_sides();
        if added > 0 {
            self.requests.push(Request::Analyse(Loaded(corpus)));
            self.open_document(before);
        }
        match (problems.first(), added) {
            (Some(p), _) => self.report(p.clone(), true),
            (None, 0) => self.report("already open".into(), false),
            (None, n) => self.report(format!("opened {n} documents"), false),
        }
    }

    /// Puts documents loaded again from their files in place of the old ones. A changed
    /// document keeps its reading position (the same byte, or its end if it got shorter);
    /// one that could not be read again stays as it was.
    fn replace_documents(&mut self, loaded: &Corpus) {
        let Some(old) = self.corpus.clone() else {
            return;
        };
        let mut corpus = (*old).clone();
        let mut changed = 0;
        for (i, d) in corpus.docs.iter_mut().enumerate() {
            let Some(new) = loaded.docs.iter().find(|n| n.origin == d.origin) else {
                continue;
            };
            if new.hash == d.hash {
                continue;
            }
            let anchor = self.views.get(i).map_or(0, |v| v.anchor);
            *d = new.clone();
            let mut v = DocView::new(d);
            v.anchor = anchor.min(d.text.len());
            self.views[i] = v;
            changed += 1;
        }
        let problems: Vec<String> = loaded.problems().collect();
        if changed > 0 {
            if self.highlight.as_ref().is_some_and(|(d, _)| {
                loaded
                    .docs
                    .iter()
                    .any(|n| n.origin == corpus.docs[*d].origin)
            }) {
                self.highlight = None;
            }
            let corpus = Arc::new(corpus);
            self.corpus = Some(Arc::clone(&corpus));
            self.measure_sides();
            self.requests.push(Request::Analyse(Loaded(corpus)));
            // The views start again from their anchors at the current width.
            self.sync();
            let page = self.page();
            if let (Some(c), Some(v)) = (self.corpus.clone(), self.views.get_mut(self.current)) {
                let doc = &c.docs[self.current];
                let p = v.locate(doc, v.anchor);
                v.set_top(doc, p, page);
            }
        }
        match problems.first() {
            Some(p) => self.report(p.clone(), true),
            None => self.report(format!("reloaded: {changed} changed"), false),
        }
    }

    /// Updates what drawing needs: wrap width and the wrapped lines on screen.
    fn sync(&mut self) {
        let area = self.text_area();
        let l = self.layout();
        if !l.shows(self.focus) && self.size.width >= layout::ONE_PANE_BELOW {
            self.focus = Pane::Reader;
        }
        let (Some(c), Some(area)) = (self.corpus.clone(), area) else {
            return;
        };
        let Some(doc) = c.docs.get(self.current) else {
            return;
        };
        let Some(v) = self.views.get_mut(self.current) else {
            return;
        };
        v.set_width(doc, usize::from(area.width), self.theme.glyphs);
        v.prepare(doc, usize::from(area.height));
    }

    /// The current place, for the jump list.
    #[must_use]
    pub fn place(&self) -> Place {
        Place {
            doc: self.current,
            byte: self.views.get(self.current).map_or(0, |v| v.anchor),
        }
    }

    fn go(&mut self, place: Place, center: bool) {
        let Some(c) = self.corpus.clone() else {
            return;
        };
        let Some(doc) = c.docs.get(place.doc) else {
            return;
        };
        self.current = place.doc;
        self.sources_selected = place.doc;
        self.sync();
        let page = self.page();
        let v = &mut self.views[place.doc];
        if center {
            v.center_on(doc, place.byte, page);
        } else {
            let p = v.locate(doc, place.byte);
            v.set_top(doc, p, page);
        }
    }

    /// Jumps to a place, remembering where we were; the place is centred.
    pub fn jump(&mut self, place: Place, highlight: Option<Range<usize>>) {
        self.jump_with(place, highlight, true);
    }

    /// [`Self::jump`], with the place centred or on the top line.
    fn jump_with(&mut self, place: Place, highlight: Option<Range<usize>>, center: bool) {
        if self
            .corpus
            .as_ref()
            .is_none_or(|c| place.doc >= c.docs.len())
        {
            return;
        }
        let here = self.place();
        if self.jumps.back.last() != Some(&here) {
            self.jumps.back.push(here);
        }
        self.jumps.forward.clear();
        self.highlight = highlight.map(|r| (place.doc, r));
        self.go(place, center);
    }

    fn open_document(&mut self, doc: usize) {
        if doc == self.current || doc >= self.doc_count() {
            return;
        }
        let byte = self.views[doc].anchor;
        self.jump(Place { doc, byte }, None);
        let page = self.page();
        if let Some(c) = self.corpus.clone() {
            // Opening a document restores its own top instead of centring.
            let v = &mut self.views[doc];
            let p = v.locate(&c.docs[doc], byte);
            v.set_top(&c.docs[doc], p, page);
        }
        self.figures_selected = 0;
        self.quotes.selected = 0;
        // A message was about what was on screen (or the load): it has been seen.
        self.message = None;
    }

    fn scroll_reader(&mut self, delta: isize) {
        let Some(c) = self.corpus.clone() else {
            return;
        };
        let page = self.page();
        if let (Some(doc), Some(v)) = (c.docs.get(self.current), self.views.get_mut(self.current)) {
            v.scroll(doc, delta, page);
        }
    }

    fn reader_to_end(&mut self, end: bool) {
        let Some(c) = self.corpus.clone() else {
            return;
        };
        let page = self.page();
        if let (Some(doc), Some(v)) = (c.docs.get(self.current), self.views.get_mut(self.current)) {
            let p = if end { v.end(doc) } else { Default::default() };
            v.set_top(doc, p, page);
        }
    }

    /// How far through document `i` the reader has got, 0–100: what the screen showed when
    /// it was last open, else the saved top. The sources list and the status bar both ask.
    #[must_use]
    pub fn percent(&self, i: usize) -> u8 {
        let (Some(c), Some(v)) = (self.corpus.as_ref(), self.views.get(i)) else {
            return 0;
        };
        let Some(d) = c.docs.get(i) else {
            return 0;
        };
        let h = self.text_area().map_or(1, |r| usize::from(r.height));
        v.percent(d, h)
    }

    /// The across-sources rows, headings wrapped to the figures panel's width.
    #[must_use]
    pub fn group_rows(&self) -> Vec<GroupRow> {
        // Folded away, the panel is measured as it would be when shown.
        let width = self
            .layout()
            .figures
            .map_or(40, |r| usize::from(layout::inner(r).width));
        self.figures.group_rows(width)
    }

    /// Rows of the figures panel in its current mode.
    #[must_use]
    pub fn figure_rows(&self) -> usize {
        if self.figure_groups {
            self.group_rows().len()
        } else {
            self.figures.count(self.current)
        }
    }

    fn move_selection(&mut self, pane: Pane, delta: isize) {
        let (sel, len) = match pane {
            Pane::Sources => (
                &mut self.sources_selected,
                self.corpus.as_ref().map_or(0, |c| c.docs.len()),
            ),
            Pane::Figures if self.quotes.shown => {
                let len = self.quotes.rows(self.current).len();
                (&mut self.quotes.selected, len)
            }
            Pane::Figures => {
                let len = self.figure_rows();
                (&mut self.figures_selected, len)
            }
            Pane::Reader => return,
        };
        if len == 0 {
            *sel = 0;
            return;
        }
        let next = sel.saturating_add_signed(delta).min(len - 1);
        *sel = next;
    }

    fn page_of(&self, pane: Pane) -> usize {
        self.layout()
            .rect(pane)
            .map_or(1, |r| usize::from(layout::inner(r).height).max(1))
    }

    fn move_in(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::Reader => self.scroll_reader(delta),
            other => self.move_selection(other, delta),
        }
    }

    fn apply_normal(&mut self, action: Action) {
        // A message about the last action has been read once another one comes; problems
        // stay until Esc or another document.
        if self.message.as_ref().is_some_and(|m| !m.error)
            && !matches!(action, Action::ScrollBy { .. })
        {
            self.message = None;
        }
        let page = isize::try_from(self.page()).unwrap_or(1);
        let pane = self.focus;
        let pane_page = if pane == Pane::Reader {
            page
        } else {
            isize::try_from(self.page_of(pane)).unwrap_or(1)
        };
        match action {
            Action::ScrollDown => self.move_in(pane, 1),
            Action::ScrollUp => self.move_in(pane, -1),
            Action::PageDown => self.move_in(pane, (pane_page - 1).max(1)),
            Action::PageUp => self.move_in(pane, -(pane_page - 1).max(1)),
            Action::HalfPageDown => self.move_in(pane, (pane_page / 2).max(1)),
            Action::HalfPageUp => self.move_in(pane, -(pane_page / 2).max(1)),
            Action::GoToTop => match pane {
                Pane::Reader => self.reader_to_end(false),
                other => self.move_selection(other, isize::MIN / 2),
            },
            Action::GoToBottom => match pane {
                Pane::Reader => self.reader_to_end(true),
                other => self.move_selection(other, isize::MAX / 2),
            },
            Action::FocusNextPane | Action::FocusPreviousPane => {
                let shown: Vec<Pane> = if self.size.width < layout::ONE_PANE_BELOW {
                    Pane::ALL.to_vec()
                } else {
                    let l = self.layout();
                    Pane::ALL.into_iter().filter(|p| l.shows(*p)).collect()
                };
                if let Some(i) = shown.iter().position(|p| *p == self.focus) {
                    let n = shown.len();
                    let j = if action == Action::FocusNextPane {
                        (i + 1) % n
                    } else {
                        (i + n - 1) % n
                    };
                    self.focus = shown[j];
                } else if let Some(&first) = shown.first() {
                    self.focus = first;
                }
            }
            Action::FocusSources => self.focus = Pane::Sources,
            Action::FocusReader => self.focus = Pane::Reader,
            Action::FocusFigures => {
                if !self.layout().shows(Pane::Figures) && self.size.width >= layout::ONE_PANE_BELOW
                {
                    self.figures_shown = Some(true);
                }
                self.focus = Pane::Figures;
            }
            Action::OpenSelected => match pane {
                Pane::Sources => self.open_document(self.sources_selected),
                Pane::Figures if self.quotes.shown => self.jump_to_quote(),
                Pane::Figures => self.jump_to_figure(),
                Pane::Reader => {}
            },
            Action::OpenNextDocument => {
                let n = self.doc_count();
                if n > 0 {
                    self.open_document((self.current + 1) % n);
                }
            }
            Action::OpenPreviousDocument => {
                let n = self.doc_count();
                if n > 0 {
                    self.open_document((self.current + n - 1) % n);
                }
            }
            Action::OpenPalette => {
                // A fresh query: the last one is a keystroke away in the history.
                self.overlays
                    .push(Overlay::Palette(Palette::new(self.current)));
                self.request_search();
            }
            Action::JumpToNextHit | Action::JumpToPreviousHit => {
                let forward = action == Action::JumpToNextHit;
                self.step_hit(forward);
            }
            Action::JumpBack => {
                if let Some(p) = self.jumps.back.pop() {
                    let here = self.place();
                    self.jumps.forward.push(here);
                    self.go(p, false);
                }
            }
            Action::JumpForward => {
                if let Some(p) = self.jumps.forward.pop() {
                    let here = self.place();
                    self.jumps.back.push(here);
                    self.go(p, false);
                }
            }
            Action::ClearHighlight => {
                self.highlight = None;
                self.message = None;
            }
            Action::ToggleFullWidth => self.full_width = !self.full_width,
            Action::ToggleFiguresPane => {
                let shown = self.layout().shows(Pane::Figures);
                self.figures_shown = Some(!shown);
                if shown && self.focus == Pane::Figures {
                    self.focus = Pane::Reader;
                }
            }
            Action::ToggleFigureGroups => {
                self.figure_groups = !self.figure_groups;
                self.figures_selected = 0;
            }
            Action::ToggleFigureHighlights => {
                self.figure_highlights = !self.figure_highlights;
                let state = if self.figure_highlights { "on" } else { "off" };
                self.report(format!("figure highlights {state}"), false);
            }
            Action::ToggleQuotesView => {
                self.quotes.shown = !self.quotes.shown;
                // The view is in the side panel: show the panel when it is folded.
                if self.quotes.shown
                    && !self.layout().shows(Pane::Figures)
                    && self.size.width >= layout::ONE_PANE_BELOW
                {
                    self.figures_shown = Some(true);
                }
            }
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.requests.push(Request::SetMouse(self.mouse));
                let state = if self.mouse {
                    "on: wheel and clicks"
                } else {
                    "off: terminal selection works"
                };
                self.report(format!("mouse {state}"), false);
            }
            Action::OpenHelp => self.overlays.push(Overlay::Help(Help::default())),
            Action::AddMark => {
                if let Some(m) = super::marks::here(self) {
                    let shown =
                        super::text::truncate_to(&m.sentence, 50, self.theme.glyphs.ellipsis);
                    state::append_unique(
                        &mut self.marks,
                        std::slice::from_ref(&m),
                        state::MAX_MARKS,
                        |a, b| a.doc == b.doc && a.byte == b.byte,
                    );
                    let list = self
                        .config
                        .keymap
                        .hint(Context::Normal, &Action::OpenMarks)
                        .unwrap_or_default();
                    self.report(format!("marked ({list} lists marks): {shown}"), false);
                }
            }
            Action::OpenMarks => self.overlays.push(Overlay::Marks(ListState::default())),
            Action::OpenPath => self.overlays.push(Overlay::Open(Default::default())),
            Action::ReloadChanged => {
                let mut paths: Vec<std::path::PathBuf> = Vec::new();
                for d in self.corpus.iter().flat_map(|c| &c.docs) {
                    if let crate::corpus::Origin::File(p) = &d.origin
                        && !paths.contains(p)
                    {
                        paths.push(p.clone());
                    }
                }
                if paths.is_empty() {
                    self.report("nothing to reload: no files are open".into(), false);
                } else {
                    self.report(
                        format!(
                            "reloading {} files{}",
                            paths.len(),
                            self.theme.glyphs.ellipsis
                        ),
                        false,
                    );
                    self.requests.push(Request::Load {
                        paths,
                        reload: true,
                    });
                }
            }
            Action::Redraw => self.requests.push(Request::Redraw),
            Action::CopyPassage => {
                let copied = super::copy::passage(self);
                self.copy(copied);
            }
            Action::CopyPosition => {
                let copied = super::copy::position(self).map(|p| (p, "position"));
                self.copy(copied);
            }
            Action::Quit => self.quit = true,
            Action::ScrollBy { lines, column, row } => {
                if let Some(p) = self.layout().pane_at(column, row) {
                    self.move_in(p, lines as isize);
                }
            }
            Action::ClickAt { column, row } => self.click(column, row),
            _ => {}
        }
    }

    fn copy(&mut self, copied: Option<(String, &'static str)>) {
        let Some((text, what)) = copied else {
            self.report("nothing to copy here".into(), false);
            return;
        };
        if let Err(why) = &self.clipboard {
            let why = why.clone();
            self.report(why, true);
            return;
        }
        let shown = super::text::truncate_to(&text, 50, self.theme.glyphs.ellipsis);
        self.report(format!("copied {what}: {shown}"), false);
        self.requests.push(Request::SetClipboard(text));
    }

    fn click(&mut self, column: u16, row: u16) {
        let l = self.layout();
        let Some(pane) = l.pane_at(column, row) else {
            return;
        };
        self.focus = pane;
        let Some(r) = l.rect(pane) else {
            return;
        };
        let inner = layout::inner(r);
        if row < inner.y || row >= inner.bottom() {
            return;
        }
        let offset = usize::from(row - inner.y);
        let height = usize::from(inner.height);
        match pane {
            Pane::Sources => {
                let first =
                    super::sources::first_row(self.sources_selected, self.doc_count(), height);
                let i = first + offset;
                if i < self.doc_count() {
                    self.sources_selected = i;
                    self.open_document(i);
                }
            }
            Pane::Figures if self.quotes.shown => {
                let rows = self.quotes.rows(self.current).len();
                let first = super::quotes_pane::first_row(self, height);
                let i = first + offset.saturating_sub(super::quotes_pane::HEADER_ROWS);
                if offset >= super::quotes_pane::HEADER_ROWS && i < rows {
                    self.quotes.selected = i;
                    self.jump_to_quote();
                }
            }
            Pane::Figures => {
                let rows = self.figure_rows();
                let first = super::figures_pane::first_row(self, height);
                let i = first + offset.saturating_sub(super::figures_pane::HEADER_ROWS);
                if offset >= super::figures_pane::HEADER_ROWS && i < rows {
                    self.figures_selected = i;
                    self.jump_to_figure();
                }
            }
            Pane::Reader => {}
        }
    }

    fn jump_to_quote(&mut self) {
        if let Some(range) = self.quotes.target(self.current) {
            let place = Place {
                doc: self.current,
                byte: range.start,
            };
            self.jump(place, Some(range));
        }
    }

    fn jump_to_figure(&mut self) {
        let target = if self.figure_groups {
            match self.group_rows().get(self.figures_selected) {
                Some(GroupRow::Member(g, m)) => self.figures.groups[*g]
                    .members
                    .get(*m)
                    .map(|m| (m.doc, m.range.clone())),
                Some(row) => {
                    // A group's heading opens its details.
                    self.overlays.push(Overlay::Details {
                        group: row.group(),
                        list: ListState::default(),
                    });
                    None
                }
                None => None,
            }
        } else {
            self.figures
                .row(self.current, self.figures_selected)
                .map(|f| (self.current, f.range()))
        };
        if let Some((doc, range)) = target {
            self.jump(
                Place {
                    doc,
                    byte: range.start,
                },
                Some(range),
            );
        }
    }

    fn step_hit(&mut self, forward: bool) {
        let Some(last) = self.last_search.as_mut() else {
            self.report("no search yet: press / to search".into(), false);
            return;
        };
        let n = last.hits.len();
        if n == 0 {
            self.report("no hits for the last search".into(), false);
            return;
        }
        let wrapped = if forward {
            last.index + 1 == n
        } else {
            last.index == 0
        };
        last.index = if forward {
            (last.index + 1) % n
        } else {
            (last.index + n - 1) % n
        };
        let hit = last.hits[last.index].clone();
        // As less and vim do: a search that went round says so.
        let round = match (wrapped, forward) {
            (false, _) => "",
            (true, true) => " (wrapped to the first)",
            (true, false) => " (wrapped to the last)",
        };
        let text = format!(
            "hit {}/{n} for “{}”{round}",
            last.index + 1,
            crate::sanitize::sanitize_inline(&last.query)
        );
        self.jump(
            Place {
                doc: hit.doc,
                byte: hit.range.start,
            },
            Some(hit.target()),
        );
        self.report(text, false);
    }

    fn request_search(&mut self) {
        let Some(Overlay::Palette(p)) = self.overlays.last_mut() else {
            return;
        };
        self.generation += 1;
        p.pending = Some(self.generation);
        self.requests.push(Request::Search {
            query: p.query().to_string(),
            scope: p.scope,
            generation: self.generation,
        });
    }

    fn apply_marks(&mut self, action: &Action, list: &mut ListState) {
        let rows = super::marks::listed(self);
        if *action != Action::ConfirmSelection {
            list.apply(action, rows.len());
            if let Some(Overlay::Marks(top)) = self.overlays.last_mut() {
                *top = *list;
            }
            return;
        }
        match rows.get(list.selected) {
            Some((_, Some(place))) => {
                let place = *place;
                self.overlays.pop();
                // Back to the line that was on top when the mark was made.
                self.jump_with(place, None, false);
            }
            Some((row, None)) => {
                let text = format!("not open: {}", row.tag);
                self.report(text, false);
            }
            None => {}
        }
    }

    fn apply_overlay(&mut self, action: Action) {
        match action {
            Action::CloseOverlay => {
                self.overlays.pop();
            }
            Action::OpenHelp if matches!(self.overlays.last(), Some(Overlay::Help(_))) => {
                self.overlays.pop();
            }
            _ => {}
        }
        if let Some(&Overlay::Marks(mut list)) = self.overlays.last() {
            self.apply_marks(&action, &mut list);
            return;
        }
        let Some(top) = self.overlays.last_mut() else {
            return;
        };
        match top {
            Overlay::Marks(_) => {}
            Overlay::Open(prompt) => match action {
                Action::CompletePath => {
                    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
                    let (text, several) =
                        super::open::complete(prompt.input.text(), home.as_deref());
                    prompt.input.set(&text);
                    if several.is_empty() {
                        self.message = None;
                    } else {
                        self.report(several.join("  "), false);
                    }
                }
                Action::ConfirmSelection => {
                    let typed = prompt.input.text().trim().to_string();
                    self.overlays.pop();
                    if !typed.is_empty() {
                        let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
                        let path = super::open::expand(&typed, home.as_deref());
                        self.report(
                            format!("opening {typed}{}", self.theme.glyphs.ellipsis),
                            false,
                        );
                        self.requests.push(Request::Load {
                            paths: vec![path],
                            reload: false,
                        });
                    }
                }
                Action::InsertChar(c) => prompt.input.push(c),
                Action::InsertText(t) => prompt.input.paste(&t),
                Action::DeleteBackward => prompt.input.delete_backward(),
                Action::DeleteWord => prompt.input.delete_word(),
                Action::ClearInput => prompt.input.clear(),
                _ => {}
            },
            Overlay::Details { group, list } => {
                let members = self
                    .figures
                    .groups
                    .get(*group)
                    .map_or(0, |g| g.members.len());
                if action == Action::ConfirmSelection {
                    let target = self
                        .figures
                        .groups
                        .get(*group)
                        .and_then(|g| g.members.get(list.selected))
                        .map(|m| (m.doc, m.range.clone()));
                    if let Some((doc, range)) = target {
                        self.overlays.pop();
                        self.jump(
                            Place {
                                doc,
                                byte: range.start,
                            },
                            Some(range),
                        );
                    }
                } else {
                    list.apply(&action, members);
                }
            }
            Overlay::Help(h) => {
                // Editing the filter goes back to the top, so the current filter's end is
                // the bound that matters.
                let max = super::help::max_scroll(&self.config.keymap, h.filter(), self.size);
                h.apply(&action, max);
            }
            Overlay::Palette(p) => {
                let rows = p.hits.len();
                let before = (p.query().to_string(), p.scope);
                match action {
                    Action::ConfirmSelection => {
                        if let Some(hit) = p.selected_hit().cloned() {
                            let query = p.query().to_string();
                            let hits = p.hits.clone();
                            let index = p.selected;
                            self.overlays.pop();
                            if !query.trim().is_empty() {
                                state::append_unique(
                                    &mut self.history,
                                    std::slice::from_ref(&query),
                                    state::MAX_HISTORY,
                                    |a, b| a == b,
                                );
                            }
                            self.last_search = Some(LastSearch { query, hits, index });
                            self.jump(
                                Place {
                                    doc: hit.doc,
                                    byte: hit.range.start,
                                },
                                Some(hit.target()),
                            );
                        }
                        return;
                    }
                    Action::ToggleSearchScope => {
                        p.scope = if p.scope.is_some() {
                            None
                        } else {
                            Some(self.current)
                        };
                    }
                    Action::SelectPreviousOrRecall | Action::SelectNextOrRecall => {
                        let older = action == Action::SelectPreviousOrRecall;
                        p.step_or_recall(older, &self.history);
                    }
                    other => p.apply(&other, rows),
                }
                if (p.query().to_string(), p.scope) != before {
                    self.request_search();
                }
            }
        }
    }
}
