//! Everything that can change the interface's state, as one enum.
//!
//! Keys, mouse events, signals and background results are all turned into an [`Action`]
//! before they touch [`crate::ui::app::App`]; the snake_case serde names are the vocabulary
//! of the keymap file (`scroll_down = ["j", "down"]`).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::quotes_pane::Quotes;
use super::view_model::{Figures, Hit};
use crate::corpus::Corpus;

/// One change to the interface. Variants that carry data cannot be bound to keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move one line down in the focused pane (reader: scroll; lists: next row).
    ScrollDown,
    /// Move one line up in the focused pane.
    ScrollUp,
    /// Move one screen down.
    PageDown,
    /// Move one screen up.
    PageUp,
    /// Move half a screen down.
    HalfPageDown,
    /// Move half a screen up.
    HalfPageUp,
    /// Go to the first line or row.
    GoToTop,
    /// Go to the last line or row.
    GoToBottom,
    /// Focus the next pane (sources, reader, figures).
    FocusNextPane,
    /// Focus the previous pane.
    FocusPreviousPane,
    /// Focus the sources list.
    FocusSources,
    /// Focus the reading pane.
    FocusReader,
    /// Focus the figures panel (unfolding it when folded).
    FocusFigures,
    /// Open the selected source, or jump to the selected figure or group member.
    OpenSelected,
    /// Show the next document in the reader.
    OpenNextDocument,
    /// Show the previous document in the reader.
    OpenPreviousDocument,
    /// Open the search palette.
    OpenPalette,
    /// Jump to the next hit of the last search.
    JumpToNextHit,
    /// Jump to the previous hit of the last search.
    JumpToPreviousHit,
    /// Go back to where the last jump started.
    JumpBack,
    /// Redo a jump undone with `jump_back`.
    JumpForward,
    /// Remove the search highlight from the reader.
    ClearHighlight,
    /// Switch between the maximum reading width and the full pane width.
    ToggleFullWidth,
    /// Show or hide the figures panel.
    ToggleFiguresPane,
    /// Switch the figures panel between this document's figures and cross-source groups.
    ToggleFigureGroups,
    /// Highlight figures in the text, or stop.
    ToggleFigureHighlights,
    /// Show the current document's quotes in the side panel instead of its figures, or back.
    ToggleQuotesView,
    /// Turn mouse wheel scrolling and clicks on or off.
    ToggleMouse,
    /// Copy the highlighted passage, the selected figure or the sentence at the top, with
    /// its title, path or URL and line.
    CopyPassage,
    /// Copy the reading position as `path:line`.
    CopyPosition,
    /// Mark the reading position (kept between runs).
    AddMark,
    /// List the marks of every document.
    OpenMarks,
    /// Ask for a file, folder or URL to open.
    OpenPath,
    /// Load again the files that changed on disk, keeping reading positions.
    ReloadChanged,
    /// Open prompt: complete the path typed.
    CompletePath,
    /// Open the help overlay.
    OpenHelp,
    /// Close the overlay on top.
    CloseOverlay,
    /// Draw the whole screen again (after another program wrote over it).
    Redraw,
    /// Quit (saves the reading positions).
    Quit,
    /// Quit from anywhere, overlays included.
    ForceQuit,
    /// Suspend to the shell (`fg` resumes).
    Suspend,
    /// Palette and help: select the next row.
    SelectNext,
    /// Palette and help: select the previous row.
    SelectPrevious,
    /// Palette: the previous hit; on the first hit, the search before the one shown.
    SelectPreviousOrRecall,
    /// Palette: the next hit; while a past search is shown from the first hit, a later one.
    SelectNextOrRecall,
    /// Palette: jump to the selected hit.
    ConfirmSelection,
    /// Palette: limit the search to the current document, or search all again.
    ToggleSearchScope,
    /// Text input: delete the character before the cursor.
    DeleteBackward,
    /// Text input: delete the word before the cursor.
    DeleteWord,
    /// Text input: clear the line.
    ClearInput,
    /// Text input: type a character.
    #[serde(skip)]
    InsertChar(char),
    /// Text input: pasted text (bracketed paste), inserted as typed, never run as keys.
    #[serde(skip)]
    InsertText(String),
    /// Mouse wheel: scroll the pane under the pointer by this many lines.
    #[serde(skip)]
    ScrollBy { lines: i32, column: u16, row: u16 },
    /// Mouse click at a screen cell.
    #[serde(skip)]
    ClickAt { column: u16, row: u16 },
    /// The terminal changed size.
    #[serde(skip)]
    Resize { width: u16, height: u16 },
    /// Background loading made progress.
    #[serde(skip)]
    ShowLoadProgress { done: usize, total: usize },
    /// Background loading finished.
    #[serde(skip)]
    ShowCorpus(Loaded),
    /// Background loading failed.
    #[serde(skip)]
    ShowLoadError(String),
    /// Documents opened with `open_path`, to add to those shown.
    #[serde(skip)]
    AddDocuments(Loaded),
    /// The files of the documents shown, loaded again by `reload_changed`.
    #[serde(skip)]
    ReplaceDocuments(Loaded),
    /// Figures found by the background extraction.
    #[serde(skip)]
    ShowFigures(Arc<Figures>),
    /// Quotes found by the background extraction.
    #[serde(skip)]
    ShowQuotes(Arc<Quotes>),
    /// Results for the search request numbered `generation`.
    #[serde(skip)]
    ShowSearchResults {
        generation: u64,
        hits: Vec<Hit>,
        done: bool,
    },
    /// The search request numbered `generation` is not a valid query.
    #[serde(skip)]
    ShowSearchError { generation: u64, message: String },
    /// Something went wrong that does not stop dossier; shown in the status bar.
    #[serde(skip)]
    ReportProblem(String),
    /// A key with nothing bound to it was pressed (the key, as the keymap writes it).
    #[serde(skip)]
    ReportUnboundKey(String),
}

/// A loaded corpus, compared by identity.
#[derive(Debug, Clone)]
pub struct Loaded(pub Arc<Corpus>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Loaded {}

impl Action {
    /// Every action a key can be bound to, in the order the help overlay lists them.
    pub const BINDABLE: &'static [Self] = &[
        Self::ScrollDown,
        Self::ScrollUp,
        Self::PageDown,
        Self::PageUp,
        Self::HalfPageDown,
        Self::HalfPageUp,
        Self::GoToTop,
        Self::GoToBottom,
        Self::FocusNextPane,
        Self::FocusPreviousPane,
        Self::FocusSources,
        Self::FocusReader,
        Self::FocusFigures,
        Self::OpenSelected,
        Self::OpenNextDocument,
        Self::OpenPreviousDocument,
        Self::OpenPalette,
        Self::JumpToNextHit,
        Self::JumpToPreviousHit,
        Self::JumpBack,
        Self::JumpForward,
        Self::ClearHighlight,
        Self::ToggleFullWidth,
        Self::ToggleFiguresPane,
        Self::ToggleFigureGroups,
        Self::ToggleFigureHighlights,
        Self::ToggleQuotesView,
        Self::ToggleMouse,
        Self::CopyPassage,
        Self::CopyPosition,
        Self::AddMark,
        Self::OpenMarks,
        Self::OpenPath,
        Self::ReloadChanged,
        Self::CompletePath,
        Self::OpenHelp,
        Self::CloseOverlay,
        Self::Redraw,
        Self::Quit,
        Self::ForceQuit,
        Self::Suspend,
        Self::SelectNext,
        Self::SelectPrevious,
        Self::SelectPreviousOrRecall,
        Self::SelectNextOrRecall,
        Self::ConfirmSelection,
        Self::ToggleSearchScope,
        Self::DeleteBackward,
        Self::DeleteWord,
        Self::ClearInput,
    ];

    /// The keymap name of a bindable action (`scroll_down`), `None` for data-carrying ones.
    #[must_use]
    pub fn name(&self) -> Option<String> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => Some(s),
            _ => None,
        }
    }

    /// Parses a keymap name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }

    /// A short description for the help overlay: the first line of the variant's meaning.
    #[must_use]
    pub fn describe(&self) -> &'static str {
        match self {
            Self::ScrollDown => "down one line",
            Self::ScrollUp => "up one line",
            Self::PageDown => "down one screen",
            Self::PageUp => "up one screen",
            Self::HalfPageDown => "down half a screen",
            Self::HalfPageUp => "up half a screen",
            Self::GoToTop => "go to the top",
            Self::GoToBottom => "go to the bottom",
            Self::FocusNextPane => "next pane",
            Self::FocusPreviousPane => "previous pane",
            Self::FocusSources => "focus sources",
            Self::FocusReader => "focus reader",
            Self::FocusFigures => "focus figures",
            Self::OpenSelected => "open / jump to selection",
            Self::OpenNextDocument => "next document",
            Self::OpenPreviousDocument => "previous document",
            Self::OpenPalette => "search all sources",
            Self::JumpToNextHit => "next search hit",
            Self::JumpToPreviousHit => "previous search hit",
            Self::JumpBack => "back (jump list)",
            Self::JumpForward => "forward (jump list)",
            Self::ClearHighlight => "clear highlight and message",
            Self::ToggleFullWidth => "full width on/off",
            Self::ToggleFiguresPane => "figures panel on/off",
            Self::ToggleFigureGroups => "figures: this document / across sources",
            Self::ToggleFigureHighlights => "highlight figures in text",
            Self::ToggleQuotesView => "quotes / figures in the side panel",
            Self::ToggleMouse => "mouse on/off",
            Self::CopyPassage => "copy passage with its source",
            Self::CopyPosition => "copy position as path:line",
            Self::AddMark => "mark this place",
            Self::OpenMarks => "list marks",
            Self::OpenPath => "open a file, folder or URL",
            Self::ReloadChanged => "reload changed files",
            Self::CompletePath => "complete the path",
            Self::OpenHelp => "help",
            Self::CloseOverlay => "close",
            Self::Redraw => "redraw the screen",
            Self::Quit => "quit",
            Self::ForceQuit => "quit from anywhere",
            Self::Suspend => "suspend to shell",
            Self::SelectNext => "next row",
            Self::SelectPrevious => "previous row",
            Self::SelectPreviousOrRecall => "previous hit; on the first, an earlier search",
            Self::SelectNextOrRecall => "next hit; while recalling, a later search",
            Self::ConfirmSelection => "jump to selection",
            Self::ToggleSearchScope => "all sources / this document",
            Self::DeleteBackward => "delete character",
            Self::DeleteWord => "delete word",
            Self::ClearInput => "clear input",
            Self::InsertChar(_) => "type",
            Self::InsertText(_) => "paste",
            Self::ScrollBy { .. } => "wheel",
            Self::ClickAt { .. } => "click",
            Self::Resize { .. } => "resize",
            Self::ShowLoadProgress { .. }
            | Self::ShowCorpus(_)
            | Self::ShowLoadError(_)
            | Self::AddDocuments(_)
            | Self::ReplaceDocuments(_)
            | Self::ShowFigures(_)
            | Self::ShowQuotes(_)
            | Self::ShowSearchResults { .. }
            | Self::ShowSearchError { .. }
            | Self::ReportProblem(_)
            | Self::ReportUnboundKey(_) => "update",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        assert_eq!(Action::ScrollDown.name().as_deref(), Some("scroll_down"));
        assert_eq!(Action::from_name("open_palette"), Some(Action::OpenPalette));
        assert_eq!(Action::from_name("insert_char"), None);
        assert_eq!(Action::InsertChar('x').name(), None);
        assert_eq!(Action::from_name("no_such_thing"), None);
    }
}
