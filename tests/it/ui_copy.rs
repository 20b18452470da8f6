//! `y` and `Y`: what is copied, with its source, and the OSC 52 sequence that carries it.

use crate::common;

use common::{answer_search, apply, screen, seeds_app, type_text};
use dossier::ui::action::Action;
use dossier::ui::app::{App, Request};

fn copied(app: &mut App) -> Vec<String> {
    std::mem::take(&mut app.requests)
        .into_iter()
        .filter_map(|r| match r {
            Request::SetClipboard(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[test]
fn y_copies_the_quote_jumped_to_with_its_title_path_and_line() {
    let mut app = seeds_app(100, 30);
    apply(&mut app, [Action::OpenPalette]);
    type_text(&mut app, "vous ne voulez pas");
    answer_search(&mut app);
    apply(&mut app, [Action::ConfirmSelection]);
    app.requests.clear();
    apply(&mut app, [Action::CopyPassage]);
    let doc = &app.corpus.as_ref().expect("corpus").docs[app.current];
    let (_, range) = app.highlight.clone().expect("highlight");
    let line = doc.line_of(range.start);
    let want = format!(
        "“{}” — {}, {}:{line}",
        doc.slice(&range).trim(),
        doc.title,
        doc.origin.display()
    );
    assert_eq!(copied(&mut app), [want]);
    assert!(screen(&mut app).contains("copied passage: “"));
}

#[test]
fn y_copies_the_sentence_at_the_top_or_the_selected_figures_sentence() {
    let mut app = seeds_app(120, 30);
    apply(&mut app, [Action::CopyPassage]);
    let doc = app.corpus.as_ref().expect("corpus").docs[0].clone();
    let first = doc.slice(&doc.sentences[0].range).to_string();
    let got = copied(&mut app);
    assert!(got[0].starts_with(&format!("“{first}”")), "{got:?}");
    assert!(got[0].ends_with(":1"), "{got:?}");
    apply(
        &mut app,
        [
            Action::FocusFigures,
            Action::ScrollDown,
            Action::CopyPassage,
        ],
    );
    let figure = app.figures.row(0, 1).expect("a second figure").range();
    let got = copied(&mut app);
    let s = doc.sentence_at(figure.start).expect("sentence");
    assert!(
        got[0].starts_with(&format!("“{}”", doc.slice(&doc.sentences[s].range))),
        "{got:?}"
    );
}

#[test]
fn shift_y_copies_the_position_as_path_and_line() {
    let mut app = seeds_app(100, 30);
    apply(&mut app, [Action::CopyPosition]);
    assert_eq!(copied(&mut app), ["seeds/000_404ec2c42b94d3b7.txt:1"]);
    apply(
        &mut app,
        [Action::PageDown, Action::PageDown, Action::CopyPosition],
    );
    let doc = &app.corpus.as_ref().expect("corpus").docs[0];
    let line = doc.line_of(app.views[0].anchor);
    assert!(line > 1);
    assert_eq!(
        copied(&mut app),
        [format!("seeds/000_404ec2c42b94d3b7.txt:{line}")]
    );
}

#[test]
fn a_terminal_without_osc52_is_told_not_sent() {
    let mut app = seeds_app(100, 30);
    app.clipboard = dossier::ui::clipboard::support(None, Some("linux"));
    apply(&mut app, [Action::CopyPassage]);
    assert!(copied(&mut app).is_empty());
    assert!(screen(&mut app).contains("TERM=linux"));
}

#[cfg(unix)]
mod pty {
    use crate::common::pty::{Session, WAIT};

    #[test]
    fn shift_y_sends_osc52_to_the_terminal() {
        let mut s = Session::start(100, 30);
        s.wait_text("1/5");
        s.send(b"Y");
        s.wait_text("copied position");
        let want = dossier::ui::clipboard::osc52("seeds/000_404ec2c42b94d3b7.txt:1");
        let bytes = String::from_utf8_lossy(&s.bytes.lock().expect("bytes")).into_owned();
        assert!(bytes.contains(&want), "OSC 52 sent");
        s.send(b"q");
        assert!(s.wait_exit(WAIT).success());
        s.assert_restored();
    }

    #[test]
    fn under_term_linux_copy_says_it_cannot() {
        let mut s = Session::start_with_env(100, 30, &[], &[("TERM", "linux")]);
        s.wait_text("1/5");
        s.send(b"y");
        s.wait_text("TERM=linux");
        let bytes = String::from_utf8_lossy(&s.bytes.lock().expect("bytes")).into_owned();
        assert!(!bytes.contains("\x1b]52;"), "nothing sent");
        s.send(b"q");
        assert!(s.wait_exit(WAIT).success());
    }
}
