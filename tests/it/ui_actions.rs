//! The interface driven by actions: navigation, search jumps, the jump list, overlays.

use crate::common;

use common::{answer_search, apply, index_of, screen, seeds_app, type_text};
use dossier::ui::action::Action;
use dossier::ui::app::{Overlay, Request};
use dossier::ui::layout::Pane;
use dossier::ui::search_service::search;

#[test]
fn a_query_typed_while_loading_runs_once_the_corpus_is_there() {
    use dossier::ui::action::Loaded;
    let corpus = dossier::corpus::load(&[], &dossier::corpus::LoadOptions::default());
    for scoped in [false, true] {
        // The last session ended on document 003: it is the one shown once loaded.
        let state = dossier::ui::state::State {
            last: Some(dossier::ui::state::key(corpus.docs[3].hash)),
            ..Default::default()
        };
        let mut app = dossier::ui::app::App::new(
            dossier::ui::config::Config::default(),
            dossier::ui::theme::Theme::new(dossier::ui::config::ThemeName::Dark, false),
            state,
            ratatui::layout::Rect::new(0, 0, 100, 30),
        );
        apply(&mut app, [Action::OpenPalette]);
        type_text(&mut app, if scoped { "tiktok" } else { "jnhmltn" });
        if scoped {
            apply(&mut app, [Action::ToggleSearchScope]);
        }
        app.requests.clear();
        app.apply(Action::ShowCorpus(Loaded(std::sync::Arc::new(
            corpus.clone(),
        ))));
        let asked: Vec<(&str, Option<usize>)> = app
            .requests
            .iter()
            .filter_map(|r| match r {
                Request::Search { query, scope, .. } => Some((query.as_str(), *scope)),
                _ => None,
            })
            .collect();
        if scoped {
            assert_eq!(
                asked,
                [("tiktok", Some(3))],
                "limited to the shown document"
            );
        } else {
            assert_eq!(asked, [("jnhmltn", None)]);
        }
        answer_search(&mut app);
        let Some(Overlay::Palette(p)) = app.overlays.last() else {
            panic!("palette still open");
        };
        if scoped {
            assert!(!p.hits.is_empty() && p.hits.iter().all(|h| h.doc == 3));
        } else {
            assert!(
                p.hits
                    .first()
                    .is_some_and(|h| h.text.contains("Jen Hamilton")),
                "{:?}",
                p.hits.first()
            );
        }
    }
}

#[test]
fn a_message_stays_until_escape_or_another_document() {
    let mut app = seeds_app(100, 30);
    app.apply(Action::ReportProblem("cannot save state: read-only".into()));
    apply(&mut app, [Action::ScrollDown]);
    assert!(screen(&mut app).contains("cannot save state"));
    apply(&mut app, [Action::OpenNextDocument]);
    assert!(app.message.is_none(), "seen, and about the document left");
    app.apply(Action::ReportProblem("again".into()));
    apply(&mut app, [Action::ClearHighlight]);
    assert!(app.message.is_none());
}

#[test]
fn with_every_input_skipped_the_reader_says_why() {
    use dossier::ui::action::Loaded;
    let dir = tempfile::tempdir().expect("dir");
    for name in ["a.bin", "b.bin"] {
        std::fs::write(dir.path().join(name), b"\x00\x01binary\x00").expect("write");
    }
    let corpus = dossier::corpus::load(
        &[dir.path().join("a.bin"), dir.path().join("b.bin")],
        &dossier::corpus::LoadOptions::default(),
    );
    assert!(corpus.docs.is_empty());
    let mut app = dossier::ui::app::App::new(
        dossier::ui::config::Config::default(),
        dossier::ui::theme::Theme::new(dossier::ui::config::ThemeName::Dark, false),
        dossier::ui::state::State::default(),
        ratatui::layout::Rect::new(0, 0, 100, 30),
    );
    app.apply(Action::ShowCorpus(Loaded(std::sync::Arc::new(corpus))));
    let s = screen(&mut app);
    assert!(s.contains("No document."), "{s}");
    assert!(
        s.contains("a.bin'") && s.contains("b.bin'"),
        "both reasons shown: {s}"
    );
}

#[test]
fn scrolling_keys_move_the_reader_and_stop_at_the_ends() {
    let mut app = seeds_app(80, 24);
    let top = app.views[0].anchor;
    apply(&mut app, [Action::ScrollDown]);
    let one = app.views[0].anchor;
    assert!(one > top);
    apply(&mut app, [Action::ScrollUp]);
    assert_eq!(app.views[0].anchor, top);
    apply(&mut app, [Action::PageDown]);
    let page = app.views[0].top;
    apply(&mut app, [Action::PageUp, Action::HalfPageDown]);
    assert!(app.views[0].top < page && app.views[0].top > Default::default());
    apply(&mut app, [Action::GoToBottom]);
    let s = screen(&mut app);
    assert!(s.contains("100%"), "{s}");
    apply(&mut app, [Action::ScrollDown, Action::ScrollDown]);
    assert!(screen(&mut app).contains("100%"));
    apply(&mut app, [Action::GoToTop]);
    assert_eq!(app.views[0].anchor, top);
}

#[test]
fn panes_cycle_and_sources_open_documents() {
    let mut app = seeds_app(120, 40);
    assert_eq!(app.focus, Pane::Reader);
    apply(&mut app, [Action::FocusNextPane]);
    assert_eq!(app.focus, Pane::Figures);
    apply(&mut app, [Action::FocusNextPane]);
    assert_eq!(app.focus, Pane::Sources);
    apply(&mut app, [Action::FocusPreviousPane, Action::FocusSources]);
    assert_eq!(app.focus, Pane::Sources);
    apply(
        &mut app,
        [Action::ScrollDown, Action::ScrollDown, Action::OpenSelected],
    );
    assert_eq!(app.current, 2);
    let s = screen(&mut app);
    assert!(s.contains("seeds/002_"), "{s}");
    apply(&mut app, [Action::GoToBottom, Action::OpenSelected]);
    assert_eq!(app.current, 4);
    // Opening documents are jumps: back returns through them.
    apply(&mut app, [Action::JumpBack]);
    assert_eq!(app.current, 2);
    apply(&mut app, [Action::JumpBack]);
    assert_eq!(app.current, 0);
    apply(&mut app, [Action::JumpForward]);
    assert_eq!(app.current, 2);
    apply(
        &mut app,
        [Action::OpenNextDocument, Action::OpenPreviousDocument],
    );
    assert_eq!(app.current, 2);
}

#[test]
fn each_document_keeps_its_own_position() {
    let mut app = seeds_app(80, 24);
    apply(&mut app, [Action::PageDown, Action::PageDown]);
    let a0 = app.views[0].anchor;
    apply(&mut app, [Action::OpenNextDocument]);
    assert_eq!(app.views[1].anchor, 0);
    apply(&mut app, [Action::OpenPreviousDocument]);
    assert_eq!(app.current, 0);
    assert_eq!(app.views[0].anchor, a0);
}

#[test]
fn palette_search_jumps_to_the_quote_centred_and_highlighted() {
    let mut app = seeds_app(80, 24);
    apply(&mut app, [Action::OpenPalette]);
    assert!(matches!(app.overlays.last(), Some(Overlay::Palette(_))));
    type_text(&mut app, "vous ne voulez pas");
    answer_search(&mut app);
    let with_results = screen(&mut app);
    assert!(with_results.contains("001 fr"), "{with_results}");
    apply(&mut app, [Action::ConfirmSelection]);
    assert!(app.overlays.is_empty());
    assert_eq!(
        app.corpus
            .as_ref()
            .map(|c| c.docs[app.current].id.clone())
            .as_deref(),
        Some("001")
    );
    let (doc, range) = app.highlight.clone().expect("highlight");
    assert_eq!(doc, app.current);
    let text = &app.corpus.as_ref().expect("corpus").docs[doc].text[range];
    assert!(text.contains("vous ne voulez pas"), "{text}");
    let s = screen(&mut app);
    assert!(
        s.contains("vous ne voulez pas") || s.contains("voulez pas"),
        "{s}"
    );
    // The hit is near the middle of the text area, not at the top.
    let row = s
        .lines()
        .position(|l| l.contains("voulez"))
        .expect("on screen");
    assert!((6..=18).contains(&row), "row {row}\n{s}");
    // Back to where we were.
    apply(&mut app, [Action::JumpBack]);
    assert_eq!(app.current, 0);
}

#[test]
fn n_and_shift_n_step_through_hits_across_documents() {
    let mut app = seeds_app(80, 24);
    apply(&mut app, [Action::OpenPalette]);
    type_text(&mut app, "tiktok");
    answer_search(&mut app);
    apply(&mut app, [Action::ConfirmSelection]);
    let hits = app.last_search.as_ref().expect("search kept").hits.clone();
    assert!(hits.len() > 5);
    let mut places = vec![app.place()];
    apply(&mut app, [Action::JumpToNextHit]);
    places.push(app.place());
    assert_eq!(app.last_search.as_ref().map(|s| s.index), Some(1));
    assert_eq!(
        app.highlight.as_ref().map(|h| h.1.clone()),
        Some(hits[1].range.clone())
    );
    apply(&mut app, [Action::JumpToPreviousHit]);
    places.push(app.place());
    apply(&mut app, [Action::JumpToPreviousHit]);
    assert_eq!(
        app.last_search.as_ref().map(|s| s.index),
        Some(hits.len() - 1)
    );
    assert_eq!(app.current, hits[hits.len() - 1].doc);
    // Back walks the places in reverse, forward walks them again.
    for want in places.iter().rev() {
        apply(&mut app, [Action::JumpBack]);
        assert_eq!(app.place(), *want);
    }
    apply(&mut app, [Action::JumpForward]);
    assert_eq!(app.place(), places[1]);
    assert!(screen(&mut app).contains("hit "));
}

#[test]
fn palette_scope_limits_to_the_current_document_and_stale_results_are_dropped() {
    let mut app = seeds_app(100, 30);
    apply(
        &mut app,
        [
            Action::OpenNextDocument,
            Action::OpenNextDocument,
            Action::OpenNextDocument,
        ],
    );
    apply(&mut app, [Action::OpenPalette]);
    type_text(&mut app, "tiktok");
    // An answer to an older request arrives after a newer one: it must not win.
    let reqs = std::mem::take(&mut app.requests);
    apply(&mut app, [Action::ToggleSearchScope]);
    answer_search(&mut app);
    let Some(Overlay::Palette(p)) = app.overlays.last() else {
        panic!("palette open");
    };
    assert!(!p.hits.is_empty() && p.hits.iter().all(|h| h.doc == 3));
    if let Some(Request::Search { generation, .. }) = reqs.first() {
        app.apply(Action::ShowSearchResults {
            generation: *generation,
            hits: Vec::new(),
            done: true,
        });
    }
    let Some(Overlay::Palette(p)) = app.overlays.last() else {
        panic!("palette open");
    };
    assert!(!p.hits.is_empty(), "stale empty answer ignored");
    insta::assert_snapshot!("palette_scoped", screen(&mut app));
    apply(&mut app, [Action::CloseOverlay]);
    assert!(app.overlays.is_empty());
}

#[test]
fn palette_with_results_snapshot() {
    let mut app = seeds_app(100, 30);
    apply(&mut app, [Action::OpenPalette]);
    type_text(&mut app, "juta");
    answer_search(&mut app);
    apply(&mut app, [Action::SelectNext]);
    insta::assert_snapshot!("palette_results", screen(&mut app));
}

#[test]
fn overlays_stack_and_the_top_one_takes_the_keys() {
    let mut app = seeds_app(80, 24);
    apply(&mut app, [Action::OpenPalette]);
    type_text(&mut app, "q");
    assert!(!app.quit, "q types in the palette");
    apply(&mut app, [Action::CloseOverlay, Action::OpenHelp]);
    type_text(&mut app, "jq");
    assert!(!app.quit);
    apply(&mut app, [Action::OpenHelp]);
    assert!(app.overlays.is_empty(), "the help key closes help");
    apply(&mut app, [Action::OpenPalette, Action::ForceQuit]);
    assert!(app.quit, "ctrl-c quits from anywhere");
}

#[test]
fn toggles_change_the_screen() {
    let mut app = seeds_app(220, 30);
    let narrow = screen(&mut app);
    apply(&mut app, [Action::ToggleFullWidth]);
    let wide = screen(&mut app);
    assert_ne!(narrow, wide);
    assert!(app.views[0].width() > 88, "full width is wider");
    apply(&mut app, [Action::ToggleFullWidth]);
    assert_eq!(screen(&mut app), narrow);
    apply(&mut app, [Action::ToggleFullWidth]);
    assert!(app.views[0].width() > 88, "full width is wider");
    apply(&mut app, [Action::ToggleMouse]);
    assert!(app.mouse && app.requests.contains(&Request::SetMouse(true)));
    apply(&mut app, [Action::ToggleFiguresPane]);
    assert!(!app.layout().shows(Pane::Figures));
    apply(&mut app, [Action::FocusFigures]);
    assert!(app.layout().shows(Pane::Figures) && app.focus == Pane::Figures);
}

#[test]
fn resize_keeps_the_top_line_text() {
    let mut app = seeds_app(100, 30);
    apply(&mut app, [Action::OpenNextDocument]);
    for _ in 0..9 {
        apply(&mut app, [Action::ScrollDown]);
    }
    let anchor = app.views[1].anchor;
    let corpus = app.corpus.clone().expect("corpus");
    let sentence = corpus.docs[1].sentence_at(anchor);
    for (w, h) in [(50, 14), (200, 60), (61, 20), (100, 30)] {
        apply(
            &mut app,
            [Action::Resize {
                width: w,
                height: h,
            }],
        );
        let _ = screen(&mut app);
        let top = app.views[1]
            .visible(1)
            .first()
            .map(|(_, l)| l.start)
            .expect("a line");
        assert_eq!(corpus.docs[1].sentence_at(top), sentence, "{w}x{h}");
    }
}

#[test]
fn an_invalid_query_says_why_in_the_palette() {
    let mut app = seeds_app(100, 30);
    apply(&mut app, [Action::OpenPalette]);
    type_text(&mut app, "a | b");
    let Some(Request::Search {
        query, generation, ..
    }) = app.requests.pop()
    else {
        panic!("search requested");
    };
    let index = index_of(&app);
    let err = search(&index, &query, None).expect_err("| is not supported");
    app.apply(Action::ShowSearchError {
        generation,
        message: err.to_string(),
    });
    let shown = screen(&mut app);
    assert!(shown.contains("bad query"), "{shown}");
    assert!(
        shown.contains("0 hits") && !shown.contains("hits …"),
        "{shown}"
    );
}

#[test]
fn the_status_bar_shows_placeholders_for_what_could_act_on_the_terminal() {
    let mut app = seeds_app(100, 24);
    app.apply(Action::ReportProblem(
        "bad name x\u{7}y\u{202E}z\u{AD}w\u{1b}]2;t\u{7}: not found".into(),
    ));
    let s = screen(&mut app);
    let status = s.lines().last().unwrap_or("");
    assert!(status.contains("x␇y⟨U+202E⟩zw"), "{status}");
    assert!(
        status.contains("]2;t"),
        "the sequence is shown, not dropped: {status}"
    );
    assert!(status.contains(": not found"), "{status}");
}

#[test]
fn the_quotes_view_lists_speakers_and_enter_jumps_to_a_quote() {
    let mut app = seeds_app(120, 40);
    let corpus = app.corpus.clone().expect("corpus");
    let found: Vec<_> = corpus
        .docs
        .iter()
        .map(dossier::extract::quotes::extract)
        .collect();
    let quotes = dossier::ui::quotes_pane::quotes_view(&found);
    apply(
        &mut app,
        [
            Action::ShowQuotes(std::sync::Arc::new(quotes)),
            Action::OpenNextDocument,
            Action::OpenNextDocument,
            Action::OpenNextDocument,
            Action::OpenNextDocument,
        ],
    );
    assert_eq!(corpus.docs[app.current].id, "004");
    let figures = screen(&mut app);
    assert!(figures.contains(" 3 Figures "), "{figures}");
    apply(&mut app, [Action::ToggleQuotesView, Action::FocusFigures]);
    let s = screen(&mut app);
    assert!(s.contains(" 3 Quotes "), "{s}");
    assert_eq!(s.matches("Guo Jiakun: ").count(), 2, "{s}");
    insta::assert_snapshot!("quotes_view", s);
    // Enter on the second quote jumps to it and highlights its words.
    apply(&mut app, [Action::ScrollDown, Action::OpenSelected]);
    let (doc, range) = app.highlight.clone().expect("highlight");
    assert_eq!(doc, app.current);
    assert!(corpus.docs[doc].text[range].starts_with("Saya tegaskan"));
    // Another document lists its own quotes from the first; the key brings the figures back.
    apply(&mut app, [Action::OpenPreviousDocument]);
    assert_eq!(app.quotes.selected, 0);
    let s = screen(&mut app);
    assert!(s.contains("no quotes in this document"), "{s}");
    apply(&mut app, [Action::ToggleQuotesView]);
    assert!(screen(&mut app).contains(" 3 Figures "));
}
