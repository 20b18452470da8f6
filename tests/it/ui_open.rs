//! `o` opens a file, folder or URL (Tab completes paths) and `R` reloads changed files,
//! both through the loading the command line uses.

use crate::common;

use std::sync::Arc;

use common::{apply, paths_app, screen, seeds_app, type_text};
use dossier::ui::action::{Action, Loaded};
use dossier::ui::app::{App, Request};

/// Carries out the app's load requests the way the event loop's loader does.
fn answer_loads(app: &mut App) -> usize {
    let mut n = 0;
    for r in std::mem::take(&mut app.requests) {
        if let Request::Load { paths, reload } = r {
            let c = Loaded(Arc::new(dossier::corpus::load(
                &paths,
                &dossier::corpus::LoadOptions::default(),
            )));
            app.apply(if reload {
                Action::ReplaceDocuments(c)
            } else {
                Action::AddDocuments(c)
            });
            n += 1;
        }
    }
    n
}

#[test]
fn o_completes_a_path_and_opens_it_after_the_others() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(
        dir.path().join("rapport-final.txt"),
        "Le rapport compte 170 millions d’utilisateurs.\n\nFin du rapport.",
    )
    .expect("write");
    let mut app = seeds_app(100, 30);
    apply(&mut app, [Action::OpenPath]);
    type_text(&mut app, &format!("{}/rap", dir.path().display()));
    apply(&mut app, [Action::CompletePath]);
    let s = screen(&mut app);
    assert!(s.contains("rapport-final.txt"), "completed:\n{s}");
    app.requests.clear();
    apply(&mut app, [Action::ConfirmSelection]);
    assert!(app.overlays.is_empty());
    assert_eq!(answer_loads(&mut app), 1);
    assert_eq!(app.doc_count(), 6);
    assert_eq!(app.current, 5, "the opened document is shown");
    assert!(
        app.requests
            .iter()
            .any(|r| matches!(r, Request::Analyse(_))),
        "figures and index made again"
    );
    assert!(screen(&mut app).contains("opened 1 documents"));
    // Opening it again adds nothing.
    apply(&mut app, [Action::OpenPath]);
    type_text(
        &mut app,
        &format!("{}/rapport-final.txt", dir.path().display()),
    );
    apply(&mut app, [Action::ConfirmSelection]);
    answer_loads(&mut app);
    assert_eq!(app.doc_count(), 6);
}

#[test]
fn what_cannot_be_read_gives_the_one_line_reason() {
    let mut app = seeds_app(100, 30);
    for typed in ["/no/such/file.txt", "https://example.invalid/article"] {
        apply(&mut app, [Action::OpenPath]);
        type_text(&mut app, typed);
        apply(&mut app, [Action::ConfirmSelection]);
        answer_loads(&mut app);
        assert_eq!(app.doc_count(), 5);
        let m = app.message.clone().expect("a message");
        assert!(m.error, "{m:?}");
        assert!(
            screen(&mut app)
                .lines()
                .last()
                .is_some_and(|l| l.contains("example.invalid") || l.contains("file.txt"))
        );
    }
}

#[test]
fn r_reloads_changed_files_and_keeps_the_reading_position() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("notes.txt");
    let body: String = (0..60)
        .map(|i| format!("Paragraphe {i} du texte, avec assez de mots pour une ligne."))
        .collect::<Vec<_>>()
        .join("\n\n");
    std::fs::write(&path, &body).expect("write");
    let mut app = paths_app(std::slice::from_ref(&path), 100, 30);
    apply(&mut app, [Action::PageDown, Action::PageDown]);
    let anchor = app.views[0].anchor;
    assert!(anchor > 0);
    std::fs::write(&path, format!("{body}\n\nUn paragraphe ajouté à la fin.")).expect("write");
    app.requests.clear();
    apply(&mut app, [Action::ReloadChanged]);
    assert_eq!(answer_loads(&mut app), 1);
    let doc = &app.corpus.as_ref().expect("corpus").docs[0];
    assert!(doc.text.ends_with("ajouté à la fin."));
    assert_eq!(app.views[0].anchor, anchor, "same place");
    assert!(screen(&mut app).contains("reloaded: 1 changed"));
    // Unchanged: nothing to do.
    apply(&mut app, [Action::ReloadChanged]);
    answer_loads(&mut app);
    assert!(screen(&mut app).contains("reloaded: 0 changed"));
}

#[cfg(unix)]
#[test]
fn o_in_a_terminal_opens_a_file_and_r_reloads_it() {
    use common::pty::{Session, WAIT};
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ouvert.txt");
    std::fs::write(
        &path,
        "Un texte ouvert depuis le lecteur.\n\nSecond paragraphe.",
    )
    .expect("write");
    let mut s = Session::start(100, 30);
    s.wait_text("1/5");
    s.send(b"o");
    s.wait_text("Open");
    s.send(format!("{}/ouv\t", dir.path().display()).as_bytes());
    s.wait_text("ouvert.txt");
    s.send(b"\r");
    s.wait_text("6/6");
    s.wait_text("Un texte ouvert depuis le lecteur.");
    std::fs::write(
        &path,
        "Un texte changé sur le disque.\n\nSecond paragraphe.",
    )
    .expect("write");
    s.send(b"R");
    s.wait_text("Un texte changé sur le disque.");
    s.send(b"q");
    assert!(s.wait_exit(WAIT).success());
    s.assert_restored();
}
