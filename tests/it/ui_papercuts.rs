//! The reader's papercuts, one test each: the search box, help, the status line, the
//! sources and figures rows, overlays over wide text, colours and ASCII terminals.

use crate::common;

use common::{answer_search, apply, paths_app, screen, seeds_app, type_text};
use dossier::ui::action::Action;
use dossier::ui::app::{App, Overlay};
use dossier::ui::glyphs::Glyphs;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(a) = app.action_for_key(key(code)) {
        app.apply(a);
    }
}

fn palette_query(app: &App) -> Option<String> {
    match app.overlays.last() {
        Some(Overlay::Palette(p)) => Some(p.query().to_string()),
        _ => None,
    }
}

/// The status bar, the screen's last row.
fn status(app: &mut App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

/// Files in a temporary folder, for corpora the seeds do not give.
fn files(named: &[(&str, &str)]) -> (tempfile::TempDir, Vec<std::path::PathBuf>) {
    let dir = tempfile::tempdir().expect("dir");
    let paths = named
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).expect("write");
            p
        })
        .collect();
    (dir, paths)
}

#[test]
fn slash_starts_a_fresh_query() {
    let mut app = seeds_app(100, 30);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tiktok");
    answer_search(&mut app);
    press(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty() && app.last_search.is_some());
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "juta");
    assert_eq!(
        palette_query(&app).as_deref(),
        Some("juta"),
        "not tiktokjuta"
    );
}

#[test]
fn help_closes_with_q_and_question_mark_and_scrolls_no_further_than_its_end() {
    for close in ['q', '?'] {
        let mut app = seeds_app(80, 24);
        press(&mut app, KeyCode::Char('?'));
        assert!(matches!(app.overlays.last(), Some(Overlay::Help(_))));
        press(&mut app, KeyCode::Char(close));
        assert!(app.overlays.is_empty(), "{close} closes help");
        assert!(!app.quit, "{close} closes help, it does not quit");
    }
    let mut app = seeds_app(80, 24);
    press(&mut app, KeyCode::Char('?'));
    for _ in 0..500 {
        press(&mut app, KeyCode::Down);
    }
    let s = screen(&mut app);
    let rows: Vec<&str> = s.lines().collect();
    // The row above the bottom border holds the last binding, not blank space.
    let bottom = rows
        .iter()
        .rposition(|r| r.contains('└'))
        .expect("help border");
    assert!(
        rows[bottom - 1].contains("clear_input"),
        "last row shown at the bottom:\n{s}"
    );
    press(&mut app, KeyCode::Up);
    assert!(
        screen(&mut app) != s,
        "one step up moves at once, with no dead steps past the end"
    );
}

#[test]
fn the_status_line_follows_what_happened_last() {
    let mut app = seeds_app(100, 30);
    apply(&mut app, [Action::OpenPalette]);
    type_text(&mut app, "tiktok");
    answer_search(&mut app);
    apply(&mut app, [Action::ConfirmSelection, Action::JumpToNextHit]);
    assert!(status(&mut app).contains("hit 2/"));
    apply(&mut app, [Action::JumpBack]);
    assert!(!status(&mut app).contains("hit 2/"), "stale after ctrl-o");
    // N on the first hit wraps to the last and says so.
    apply(&mut app, [Action::JumpToPreviousHit]);
    assert!(status(&mut app).contains("hit 1/"));
    apply(&mut app, [Action::JumpToPreviousHit]);
    let s = status(&mut app);
    assert!(s.contains("wrapped"), "{s}");
    apply(&mut app, [Action::ToggleMouse, Action::ToggleMouse]);
    assert!(status(&mut app).contains("mouse off"));
    apply(&mut app, [Action::OpenNextDocument]);
    assert!(
        !status(&mut app).contains("mouse off"),
        "stale after a jump"
    );
    apply(&mut app, [Action::ToggleFigureHighlights]);
    assert!(status(&mut app).contains("figure highlights off"));
    apply(&mut app, [Action::ToggleFigureHighlights]);
    assert!(status(&mut app).contains("figure highlights on"));
}

/// The percentage the sources list shows for a document id.
fn listed_percent(s: &str, id: &str) -> String {
    let row = s
        .lines()
        .find(|l| l.contains(&format!("  {id} ")) && l.contains('%'))
        .expect("sources row");
    let at = row.find('%').expect("percent");
    row[..at]
        .rsplit(' ')
        .next()
        .expect("number")
        .trim()
        .to_string()
}

#[test]
fn the_sources_list_and_the_status_bar_agree_on_the_percentage() {
    let mut app = seeds_app(100, 30);
    apply(&mut app, [Action::PageDown, Action::ScrollDown]);
    let bar = status(&mut app);
    let shown = bar
        .rsplit(' ')
        .find(|w| w.ends_with('%'))
        .expect("status percent")
        .trim_end_matches('%')
        .to_string();
    apply(&mut app, [Action::OpenNextDocument]);
    assert_eq!(listed_percent(&screen(&mut app), "000"), shown);
    apply(&mut app, [Action::OpenPreviousDocument]);
    let s = screen(&mut app);
    assert!(status(&mut app).contains(&format!(" {shown}%")), "{s}");
    assert_eq!(listed_percent(&s, "000"), shown);
}

#[test]
fn a_long_id_gives_way_to_the_language_and_percentage() {
    let (_dir, paths) = files(&[(
        "en_cointelegraph_tiktok_ban_analysis_2025.txt",
        "TikTok users moved to another app in January.\n\nThey stayed for a while.",
    )]);
    let mut app = paths_app(&paths, 80, 24);
    let s = screen(&mut app);
    let row = s
        .lines()
        .find(|l| l.contains("en_coin"))
        .expect("sources row");
    let pane = row.split('│').nth(1).expect("inside the border");
    assert!(pane.contains("…"), "the id is cut: {pane:?}");
    assert!(pane.trim_end().ends_with("0%"), "{pane:?}");
    assert!(pane.contains(" en "), "{pane:?}");
}

/// The character that starts at cell `col` of a screen row, `None` inside a wide one.
fn cell_at(row: &str, col: usize) -> Option<char> {
    let mut at = 0;
    for c in row.chars() {
        if at == col {
            return Some(c);
        }
        at += c.to_string().width();
        if at > col {
            return None;
        }
    }
    None
}

/// The column (in cells) of the first `needle` on a screen row.
fn column_of(row: &str, needle: &str) -> Option<usize> {
    row.find(needle).map(|at| row[..at].width())
}

#[test]
fn overlays_keep_their_left_border_over_wide_text() {
    let text = "美国用户纷纷涌向小红书，生效日期1月19日，".repeat(40);
    let (_dir, paths) = files(&[("zh.txt", text.as_str())]);
    let mut cut = 0;
    for width in 60..=110 {
        let mut app = paths_app(&paths, width, 30);
        for open in [Action::OpenPalette, Action::OpenHelp] {
            apply(&mut app, [open.clone()]);
            let area = if open == Action::OpenPalette {
                dossier::ui::palette::area(app.size)
            } else {
                dossier::ui::help::area(app.size)
            };
            let s = screen(&mut app);
            for row in s
                .lines()
                .skip(usize::from(area.y))
                .take(usize::from(area.height))
            {
                let edge = cell_at(row, usize::from(area.x));
                assert!(
                    matches!(edge, Some('│' | '┌' | '└')),
                    "{open:?} at width {width}: {row:?}"
                );
                cut += usize::from(
                    cell_at(row, usize::from(area.x) - 1) == Some(' ') && row.contains('美'),
                );
            }
            apply(&mut app, [Action::CloseOverlay]);
        }
    }
    assert!(cut > 0, "some overlay edge fell on a wide character");
}

#[test]
fn search_results_line_up_whatever_the_ids() {
    let (_dir, paths) = files(&[
        ("a.txt", "TikTok users moved to another app."),
        ("much_longer_name.txt", "Many TikTok users stayed."),
    ]);
    let mut app = paths_app(&paths, 100, 30);
    apply(&mut app, [Action::OpenPalette]);
    type_text(&mut app, "tiktok");
    answer_search(&mut app);
    let s = screen(&mut app);
    let cols: Vec<usize> = s
        .lines()
        .filter(|l| l.contains("sent ") || l.contains("doc "))
        .filter_map(|l| column_of(l, " en "))
        .collect();
    assert!(cols.len() >= 2, "{s}");
    assert!(cols.iter().all(|c| *c == cols[0]), "{cols:?}\n{s}");
}

#[test]
fn the_figures_heading_is_whole_and_cut_rows_say_so() {
    for width in [80, 90, 100] {
        let mut app = seeds_app(width, 24);
        apply(&mut app, [Action::FocusFigures, Action::ToggleFigureGroups]);
        let s = screen(&mut app);
        assert!(s.contains("across sources (c"), "width {width}:\n{s}");
        let l = app.layout();
        let r = dossier::ui::layout::inner(l.figures.expect("figures shown"));
        let corpus = app.corpus.clone().expect("corpus");
        let whole: Vec<String> = app
            .figures
            .groups
            .iter()
            .flat_map(|g| &g.members)
            .map(|m| {
                let d = &corpus.docs[m.doc];
                let times = if m.count > 1 {
                    format!(" ×{}", m.count)
                } else {
                    String::new()
                };
                format!("  {} {} {}{times}", d.id, d.lang.code(), m.value)
            })
            .collect();
        let mut cut = 0;
        for row in s
            .lines()
            .skip(usize::from(r.y) + 1)
            .take(usize::from(r.height) - 1)
        {
            let inside: String = row
                .chars()
                .scan(0, |w, c| {
                    let at = *w;
                    *w += c.to_string().width();
                    Some((at, c))
                })
                .filter(|(at, _)| *at >= usize::from(r.x) && *at < usize::from(r.right()))
                .map(|(_, c)| c)
                .collect();
            let inside = inside.trim_end();
            // A member row shows its whole value, or says it was cut.
            let member = corpus
                .docs
                .iter()
                .any(|d| inside.starts_with(&format!("  {} ", d.id)));
            if member && !whole.iter().any(|w| w == inside) {
                assert!(inside.ends_with('…'), "width {width}: {inside:?}");
                cut += 1;
            }
        }
        if width == 80 {
            assert!(cut > 0, "some member row is too wide at 80 columns:\n{s}");
        }
    }
}

#[test]
fn a_document_stating_a_figure_twice_is_one_member_with_a_count() {
    let (_dir, paths) = files(&[
        (
            "a.txt",
            "TikTok has 170 million users in the United States, the company said on Monday.\n\nAgain, the company said TikTok has 170 million users in the United States.",
        ),
        (
            "b.txt",
            "Another report counts 170 million TikTok users in the United States this year.",
        ),
    ]);
    let app = paths_app(&paths, 120, 30);
    let g = app
        .figures
        .groups
        .iter()
        .find(|g| g.label.contains("170"))
        .expect("a group for 170 million");
    let docs: Vec<usize> = g.members.iter().map(|m| m.doc).collect();
    assert_eq!(docs, [0, 1], "{g:?}");
    assert_eq!(g.members[0].count, 2);
    let mut app = app;
    apply(&mut app, [Action::FocusFigures, Action::ToggleFigureGroups]);
    assert!(screen(&mut app).contains("×2"));
}

/// The characters of `screen` that are not ASCII and stand in no document of the corpus
/// (text, title, name) nor in a figure read from one (value, unit, qualifier, which write
/// digit groups with U+202F): the ones the interface drew itself.
fn drawn_non_ascii(app: &App, screen: &str) -> Vec<char> {
    let docs = &app.corpus.as_ref().expect("corpus").docs;
    let figures: String = app
        .figures
        .per_doc
        .iter()
        .flat_map(dossier::ui::view_model::FigureRow::all)
        .map(|f| format!("{} {} {}", f.qualifier(), f.value(), f.unit()))
        .collect();
    let mut out: Vec<char> = screen
        .chars()
        .filter(|c| !c.is_ascii() && !figures.contains(*c))
        .filter(|&c| {
            !docs
                .iter()
                .any(|d| d.text.contains(c) || d.title.contains(c) || d.id.contains(c))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[test]
fn ascii_glyphs_draw_borders_and_markers_in_ascii() {
    let mut app = seeds_app(100, 30);
    app.theme = app.theme.with_glyphs(Glyphs::ASCII);
    // A resize wraps the document again, with the new glyphs.
    apply(
        &mut app,
        [Action::Resize {
            width: 100,
            height: 30,
        }],
    );
    let s = screen(&mut app);
    assert_eq!(drawn_non_ascii(&app, &s), [] as [char; 0], "\n{s}");
    let rows: Vec<&str> = s.lines().collect();
    // Border rows and the status bar hold no document text at all.
    for row in [rows[0], rows[rows.len() - 2], rows[rows.len() - 1]] {
        assert!(row.is_ascii(), "{row}");
    }
    // Titles too long for the sources pane are cut with the ASCII mark.
    assert!(
        rows.iter().any(|r| r.contains("...|")),
        "a cut title ends in ...:\n{s}"
    );
    // The same screen in Unicode draws its own characters, so the checks above can fail.
    let mut unicode = seeds_app(100, 30);
    let u = screen(&mut unicode);
    let drawn = drawn_non_ascii(&unicode, &u);
    assert!(
        drawn.contains(&'─') && drawn.contains(&'·'),
        "{drawn:?}\n{u}"
    );
    assert!(u.contains("…│"), "{u}");
    apply(&mut app, [Action::OpenPalette]);
    type_text(&mut app, "tiktok");
    answer_search(&mut app);
    let s = screen(&mut app);
    for unicode in ["│", "─", "┌", "▌", "▶", "█"] {
        assert!(!s.contains(unicode), "{unicode} drawn:\n{s}");
    }
    assert!(s.contains('+') && s.contains('|'), "{s}");
}

#[test]
fn greyed_paragraphs_say_why_in_ascii_too() {
    let para = "TikTok users moved to another app in January, and many of them stayed there.";
    let text = format!("A title here\n\n{para}\n\nAdvertisement\n\n{para}\n\nThe end of it all.");
    let (_dir, paths) = files(&[("doc.txt", text.as_str())]);
    let mut app = paths_app(&paths, 100, 30);
    app.theme = app.theme.with_glyphs(Glyphs::ASCII);
    apply(
        &mut app,
        [Action::Resize {
            width: 100,
            height: 30,
        }],
    );
    let s = screen(&mut app);
    assert!(s.contains("- boilerplate Advertisement"), "{s}");
    assert!(s.contains("- repeat of #"), "{s}");
    assert_eq!(drawn_non_ascii(&app, &s), [] as [char; 0], "\n{s}");
}

#[test]
fn greyed_paragraphs_say_why() {
    let para = "TikTok users moved to another app in January, and many of them stayed there.";
    let text = format!("A title here\n\n{para}\n\nAdvertisement\n\n{para}\n\nThe end of it all.");
    let (_dir, paths) = files(&[("doc.txt", text.as_str())]);
    let mut app = paths_app(&paths, 100, 30);
    let kinds: Vec<_> = app.corpus.as_ref().expect("corpus").docs[0]
        .paragraphs
        .iter()
        .map(|p| p.kind)
        .collect();
    let repeat_of = kinds
        .iter()
        .find_map(|k| match k {
            dossier::corpus::ParagraphKind::Repeat(i) => Some(*i),
            _ => None,
        })
        .expect("a repeat");
    let s = screen(&mut app);
    assert!(s.contains("· boilerplate Advertisement"), "{kinds:?}\n{s}");
    assert!(
        s.contains(&format!("· repeat of ¶{} TikTok users", repeat_of + 1)),
        "{s}"
    );
    // Counted paragraphs have no note.
    assert!(s.contains("│ TikTok users moved"), "{s}");
    assert!(!s.contains("· repeat of ¶1 A title"), "{s}");
}
