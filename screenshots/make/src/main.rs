//! Renders dossier's screens on a `TestBackend` and rasterises the cells to PNG files.
//!
//! Usage: `dossier-screenshots OUT_DIR MONO_TTF [CJK_TTF]`.

use std::sync::Arc;

use ab_glyph::{Font, FontVec, PxScale, ScaleFont};
use dossier::corpus::{LoadOptions, load};
use dossier::ui::action::{Action, Loaded};
use dossier::ui::app::{App, Request};
use dossier::ui::config::{Config, ThemeName};
use dossier::ui::event_loop::{self, NoHost};
use dossier::ui::search_service::search;
use dossier::ui::state::State;
use dossier::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

const CELL_W: u32 = 10;
const CELL_H: u32 = 20;

fn app(w: u16, h: u16) -> App {
    let corpus = load(&[], &LoadOptions::default());
    let mut a = App::new(Config::default(), Theme::new(ThemeName::Dark, false), State::default(), Rect::new(0, 0, w, h));
    let figs: Vec<_> = corpus.docs.iter().map(dossier::extract::figures::extract_document).collect();
    let groups = dossier::extract::figures::group(&corpus.docs, &figs);
    let view = dossier::ui::background::figures_view(&corpus.docs, &figs, &groups);
    a.apply(Action::ShowCorpus(Loaded(Arc::new(corpus))));
    a.apply(Action::ShowFigures(Arc::new(view)));
    a
}

fn answer(a: &mut App) {
    for r in std::mem::take(&mut a.requests) {
        if let Request::Search { query, scope, generation } = r {
            let corpus = a.corpus.clone().expect("corpus");
            let figs: Vec<_> = corpus.docs.iter().map(dossier::extract::figures::extract_document).collect();
            let index = dossier::search::index_corpus(&corpus.docs, &figs, &mut |_| {});
            let hits = search(&index, &query, scope).expect("valid query");
            a.apply(Action::ShowSearchResults { generation, hits, done: true });
        }
    }
}

fn rgb(c: Color, fg: bool) -> [u8; 3] {
    match c {
        Color::Reset => if fg { [220, 220, 220] } else { [24, 24, 28] },
        Color::Black => [0, 0, 0],
        Color::Red => [205, 49, 49],
        Color::Green => [13, 188, 121],
        Color::Yellow => [229, 229, 16],
        Color::Blue => [36, 114, 200],
        Color::Magenta => [188, 63, 188],
        Color::Cyan => [17, 168, 205],
        Color::Gray => [204, 204, 204],
        Color::DarkGray => [102, 102, 102],
        Color::White => [240, 240, 240],
        _ => [200, 200, 200],
    }
}

fn rasterise(buf: &Buffer, fonts: &[FontVec], path: &std::path::Path) {
    let (cols, rows) = (u32::from(buf.area.width), u32::from(buf.area.height));
    let (w, h) = (cols * CELL_W, rows * CELL_H);
    let mut px = vec![0u8; (w * h * 3) as usize];
    for y in 0..rows {
        for x in 0..cols {
            let cell = &buf[(x as u16, y as u16)];
            let mut fg = rgb(cell.fg, true);
            let mut bg = rgb(cell.bg, false);
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            if cell.modifier.contains(Modifier::DIM) {
                fg = fg.map(|v| v / 2 + bg[0] / 2);
            }
            for dy in 0..CELL_H {
                for dx in 0..CELL_W {
                    let i = (((y * CELL_H + dy) * w + x * CELL_W + dx) * 3) as usize;
                    px[i..i + 3].copy_from_slice(&bg);
                }
            }
            let Some(ch) = cell.symbol().chars().next() else { continue };
            if ch == ' ' {
                continue;
            }
            let font = fonts.iter().find(|f| f.glyph_id(ch).0 != 0).unwrap_or(&fonts[0]);
            let scale = PxScale::from(CELL_H as f32 * 0.85);
            let sf = font.as_scaled(scale);
            let glyph = sf.scaled_glyph(ch);
            let base = (y * CELL_H) as f32 + sf.ascent() + (CELL_H as f32 - sf.height()) / 2.0;
            let mut g = glyph;
            g.position = ab_glyph::point((x * CELL_W) as f32, base);
            if let Some(outline) = font.outline_glyph(g) {
                let b = outline.px_bounds();
                outline.draw(|gx, gy, cov| {
                    let (px_x, px_y) = (b.min.x as i64 + i64::from(gx), b.min.y as i64 + i64::from(gy));
                    if px_x < 0 || px_y < 0 || px_x >= i64::from(w) || px_y >= i64::from(h) {
                        return;
                    }
                    let i = ((px_y as u32 * w + px_x as u32) * 3) as usize;
                    for k in 0..3 {
                        let v = f32::from(px[i + k]) * (1.0 - cov) + f32::from(fg[k]) * cov;
                        px[i + k] = v as u8;
                    }
                });
            }
            if cell.modifier.contains(Modifier::UNDERLINED) {
                let uy = y * CELL_H + CELL_H - 2;
                for dx in 0..CELL_W {
                    let i = ((uy * w + x * CELL_W + dx) * 3) as usize;
                    px[i..i + 3].copy_from_slice(&fg);
                }
            }
        }
    }
    let file = std::fs::File::create(path).expect("create png");
    let mut enc = png::Encoder::new(std::io::BufWriter::new(file), w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().expect("header").write_image_data(&px).expect("write png");
}

fn shot(a: &mut App, fonts: &[FontVec], out: &std::path::Path, name: &str) {
    let Rect { width, height, .. } = a.size;
    let mut term = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    event_loop::draw(&mut term, a, &mut NoHost).expect("draw");
    rasterise(term.backend().buffer(), fonts, &out.join(format!("{name}.png")));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = std::path::PathBuf::from(args.get(1).expect("OUT_DIR"));
    let fonts: Vec<FontVec> = args[2..]
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| FontVec::try_from_vec(b).ok())
        .collect();
    assert!(!fonts.is_empty(), "no usable font given");

    let mut a = app(120, 36);
    shot(&mut a, &fonts, &out, "main");

    let mut a = app(120, 36);
    a.apply(Action::OpenPalette);
    for c in "vous ne voulez pas".chars() {
        a.apply(Action::InsertChar(c));
    }
    answer(&mut a);
    shot(&mut a, &fonts, &out, "palette");
    a.apply(Action::ConfirmSelection);
    shot(&mut a, &fonts, &out, "jump");

    let mut a = app(120, 36);
    a.apply(Action::ToggleFigureGroups);
    a.apply(Action::FocusFigures);
    shot(&mut a, &fonts, &out, "figure_groups");

    let mut a = app(100, 32);
    a.apply(Action::OpenHelp);
    shot(&mut a, &fonts, &out, "help");

    let mut a = app(50, 20);
    shot(&mut a, &fonts, &out, "narrow");

    // Enter on the first disagreeing group opens every source's value.
    let mut a = app(120, 36);
    a.apply(Action::ToggleFigureGroups);
    a.apply(Action::FocusFigures);
    let rows = a.group_rows();
    if let Some(g) = a.figures.groups.iter().position(|g| !g.agree) {
        let heading = dossier::ui::view_model::GroupRow::Heading(g);
        a.figures_selected = rows.iter().position(|r| *r == heading).unwrap_or(0);
    }
    a.apply(Action::OpenSelected);
    shot(&mut a, &fonts, &out, "figure_details");

    let mut a = app(120, 36);
    a.apply(Action::PageDown);
    a.apply(Action::AddMark);
    a.apply(Action::OpenNextDocument);
    a.apply(Action::OpenNextDocument);
    a.apply(Action::PageDown);
    a.apply(Action::AddMark);
    a.apply(Action::OpenMarks);
    shot(&mut a, &fonts, &out, "marks");

    let mut a = app(200, 44);
    shot(&mut a, &fonts, &out, "wide");
}
