//! Printing listings as a table, JSON Lines or CSV.
//!
//! Table and CSV cells are for people and spreadsheets: they go through the sanitizer.
//! JSON keeps the text exact but escapes every character that could act on a terminal
//! (controls, DEL, C1, bidi controls, zero-width and tag characters) as `\uXXXX`, so piping
//! jsonl to a terminal is as safe as the table.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::sanitize::{needs_json_escape, sanitize_inline_cow};

/// Writes one JSON object per line.
///
/// # Errors
/// Any write error.
pub fn write_jsonl<T: Serialize>(
    out: &mut dyn Write,
    items: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    for item in items {
        let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter);
        item.serialize(&mut ser).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes aligned columns; every cell is sanitized, the last column is not padded.
///
/// # Errors
/// Any write error.
pub fn write_table(out: &mut dyn Write, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    write_table_rows(out, headers, rows.len(), copy_rows(rows))
}

/// A `fill` for the `*_rows` writers that copies ready-made rows.
fn copy_rows(rows: &[Vec<String>]) -> impl Fn(usize, &mut [String]) + Sync + '_ {
    |i, cells| {
        for (cell, text) in cells.iter_mut().zip(&rows[i]) {
            cell.push_str(text);
        }
    }
}

/// Writes aligned columns of `n` rows that `fill(i, cells)` writes into `cells`: one empty
/// string per column, reused from row to row, so a listing of any length allocates nothing
/// per row. See [`write_table_batches`].
///
/// # Errors
/// Any write error.
pub fn write_table_rows(
    out: &mut dyn Write,
    headers: &[&str],
    n: usize,
    fill: impl Fn(usize, &mut [String]) + Sync,
) -> io::Result<()> {
    write_table_batches(out, headers, |visit| visit(n, &fill))
}

/// What a batched listing gives each batch: the number of its rows and how to fill row `i`'s
/// cells (`fill(i, cells)`, with `cells` one empty string per column).
pub type Visit<'v> =
    dyn FnMut(usize, &(dyn Fn(usize, &mut [String]) + Sync)) -> io::Result<()> + 'v;

/// Writes aligned columns of rows made a batch at a time: `pass(visit)` makes every row,
/// calling `visit` once per batch, so a listing too large to hold (the figures of 100 MB of
/// text) is held a batch at a time. The rows are made twice, to measure the columns and then
/// to write them; when measuring, `cells` leaves out the last column, which is never padded.
/// Long batches are filled on every core, so `fill` may be called from several threads.
///
/// # Errors
/// Any write error, or the first error of `pass`.
pub fn write_table_batches(
    out: &mut dyn Write,
    headers: &[&str],
    pass: impl Fn(&mut Visit) -> io::Result<()>,
) -> io::Result<()> {
    let refill = |fill: &(dyn Fn(usize, &mut [String]) + Sync), i: usize, cells: &mut [String]| {
        cells.iter_mut().for_each(String::clear);
        fill(i, cells);
    };
    // The last column is not padded, so its width (often the longest text) is never needed.
    let padded = headers.len().saturating_sub(1);
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width().min(COLUMN_MAX)).collect();
    // Hundreds of thousands of rows are measured and formatted on every core; each run of
    // rows is formatted into one string, and the runs are written in order.
    pass(&mut |n, fill| {
        let run_widths: Vec<Vec<usize>> = runs(0, n)
            .map(|run| {
                let mut cells = vec![String::new(); padded];
                let mut widths = vec![0; padded];
                for i in run {
                    refill(fill, i, &mut cells);
                    for (w, cell) in widths.iter_mut().zip(&cells) {
                        *w = (*w).max(sanitize_inline_cow(cell).width());
                    }
                }
                widths
            })
            .collect();
        for run in run_widths {
            for (w, r) in widths.iter_mut().zip(run) {
                *w = (*w).max(r).min(COLUMN_MAX);
            }
        }
        Ok(())
    })?;
    let mut line = String::new();
    let header: Vec<String> = headers.iter().map(|h| h.to_uppercase()).collect();
    write_row(&mut line, header.iter().map(String::as_str), &widths);
    out.write_all(line.as_bytes())?;
    pass(&mut |n, fill| {
        // Blocks bound the memory held by formatted text that is not written yet.
        let block = ROWS_PER_THREAD * 16;
        for first in (0..n).step_by(block) {
            let rows = block.min(n - first);
            let texts: Vec<String> = runs(first, rows)
                .map(|run| {
                    let mut cells = vec![String::new(); headers.len()];
                    let mut text = String::new();
                    for i in run {
                        refill(fill, i, &mut cells);
                        write_row(
                            &mut text,
                            cells.iter().map(|c| sanitize_inline_cow(c)),
                            &widths,
                        );
                    }
                    text
                })
                .collect();
            for text in texts {
                out.write_all(text.as_bytes())?;
            }
        }
        Ok(())
    })
}

/// Rows measured or formatted as one run, on any core.
const ROWS_PER_THREAD: usize = 4096;

/// Rows `first..first + n` in runs of [`ROWS_PER_THREAD`], to map over on every core (in
/// order, when collected).
fn runs(first: usize, n: usize) -> impl IndexedParallelIterator<Item = std::ops::Range<usize>> {
    (0..n.div_ceil(ROWS_PER_THREAD))
        .into_par_iter()
        .map(move |k| {
            let start = first + k * ROWS_PER_THREAD;
            start..(start + ROWS_PER_THREAD).min(first + n)
        })
}

/// The widest a padded column gets, in display columns: one long cell (a path, a noun
/// phrase) would otherwise pad every row of the table to its width. Longer cells are cut
/// with `…`; the last column is never padded, so never cut.
const COLUMN_MAX: usize = 60;

/// Appends one row, padded to `widths` but for its last cell, and a line break. A padded cell
/// wider than its column is cut to it, ending in `…`.
fn write_row<S: AsRef<str>>(
    line: &mut String,
    row: impl ExactSizeIterator<Item = S>,
    widths: &[usize],
) {
    let start = line.len();
    let last = row.len().saturating_sub(1);
    for (i, cell) in row.enumerate() {
        let cell = cell.as_ref();
        if i < last {
            let shown = push_cut(line, cell, widths[i]);
            let pad = widths[i].saturating_sub(shown) + 2;
            line.extend(std::iter::repeat_n(' ', pad));
        } else {
            line.push_str(cell);
        }
    }
    let end = start + line[start..].trim_end().len();
    line.truncate(end);
    line.push('\n');
}

/// Appends `cell`, cut to `width` display columns with a final `…` when wider; returns the
/// columns it takes.
fn push_cut(line: &mut String, cell: &str, width: usize) -> usize {
    let full = cell.width();
    if full <= width {
        line.push_str(cell);
        return full;
    }
    let mut used = 0;
    for c in cell.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        line.push(c);
        used += w;
    }
    line.push('…');
    used + 1
}

/// Writes CSV with a header row; cells are sanitized.
///
/// # Errors
/// Any write error.
pub fn write_csv(out: &mut dyn Write, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    write_csv_rows(out, headers, rows.len(), copy_rows(rows))
}

/// CSV with a header row from rows filled like [`write_table_rows`]' (once each here).
///
/// # Errors
/// Any write error.
pub fn write_csv_rows(
    out: &mut dyn Write,
    headers: &[&str],
    n: usize,
    fill: impl Fn(usize, &mut [String]) + Sync,
) -> io::Result<()> {
    write_csv_batches(out, headers, |visit| visit(n, &fill))
}

/// CSV with a header row from rows made a batch at a time, as [`write_table_batches`] has
/// them (made once each here).
///
/// # Errors
/// Any write error, or the first error of `pass`.
pub fn write_csv_batches(
    out: &mut dyn Write,
    headers: &[&str],
    pass: impl FnOnce(&mut Visit) -> io::Result<()>,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(headers).map_err(io::Error::other)?;
    let mut cells = vec![String::new(); headers.len()];
    pass(&mut |n, fill| {
        for i in 0..n {
            cells.iter_mut().for_each(String::clear);
            fill(i, &mut cells);
            for c in &cells {
                let clean = sanitize_inline_cow(c);
                if starts_formula(&clean) {
                    let mut quoted = String::with_capacity(clean.len() + 1);
                    quoted.push('\'');
                    quoted.push_str(&clean);
                    w.write_field(quoted.as_bytes())
                } else {
                    w.write_field(clean.as_bytes())
                }
                .map_err(io::Error::other)?;
            }
            w.write_record(None::<&[u8]>).map_err(io::Error::other)?;
        }
        Ok(())
    })?;
    w.flush()
}

/// True when a spreadsheet would run a cell as a formula (`=HYPERLINK(…)`, `+cmd`, `@SUM`):
/// such a cell is written with a leading `'`, which spreadsheets show as text. Numbers such as
/// `-12.5` stay as they are.
fn starts_formula(cell: &str) -> bool {
    let number = cell
        .bytes()
        .all(|b| b.is_ascii_digit() || b".+-eE".contains(&b))
        && cell.parse::<f64>().is_ok();
    cell.starts_with(['=', '+', '-', '@']) && !number
}

/// serde_json's compact format, with terminal-active characters escaped.
struct SafeFormatter;

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if needs_json_escape(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{u:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_cell_is_cut_and_pads_no_other_row() {
        let long = "x".repeat(80_000);
        let rows = vec![
            vec!["a".to_string(), long, "end".to_string()],
            vec!["b".to_string(), "short".to_string(), "end".to_string()],
        ];
        let mut out = Vec::new();
        write_table(&mut out, &["id", "text", "last"], &rows).expect("write");
        let out = String::from_utf8(out).expect("utf8");
        for line in out.lines() {
            assert!(line.width() <= COLUMN_MAX + 20, "{}", line.width());
        }
        assert!(
            out.contains(&format!("{}…  end", "x".repeat(COLUMN_MAX - 1))),
            "{out}"
        );
        assert!(out.contains("short"));
    }

    #[test]
    fn jsonl_escapes_terminal_active_characters() {
        let mut out = Vec::new();
        write_jsonl(
            &mut out,
            [serde_json::json!({"t": "a\u{1b}]0;x\u{7}\u{9b}\u{202e}\u{7f}é😀"})],
        )
        .expect("write");
        let s = String::from_utf8(out).expect("utf8");
        assert_eq!(
            s,
            "{\"t\":\"a\\u001b]0;x\\u0007\\u009b\\u202e\\u007fé😀\"}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&s).expect("valid json");
        assert_eq!(back["t"], "a\u{1b}]0;x\u{7}\u{9b}\u{202e}\u{7f}é😀");
    }

    #[test]
    fn table_aligns_by_display_width() {
        let mut out = Vec::new();
        write_table(
            &mut out,
            &["id", "title"],
            &[
                vec!["小红".into(), "x".into()],
                vec!["a".into(), "y\u{1b}[2J".into()],
            ],
        )
        .expect("write");
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            "ID    TITLE\n小红  x\na     y␛[2J\n"
        );
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        let mut out = Vec::new();
        write_csv(
            &mut out,
            &["a", "b", "c"],
            &[vec![
                "=HYPERLINK(\"x\")".into(),
                "-12.5".into(),
                "@SUM(A1)".into(),
            ]],
        )
        .expect("write");
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            "a,b,c\n\"'=HYPERLINK(\"\"x\"\")\",-12.5,'@SUM(A1)\n"
        );
    }

    #[test]
    fn csv_quotes_and_sanitizes() {
        let mut out = Vec::new();
        write_csv(
            &mut out,
            &["a", "b"],
            &[vec!["x,y".into(), "q\"\u{7}".into()]],
        )
        .expect("write");
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            "a,b\n\"x,y\",\"q\"\"␇\"\n"
        );
    }
}
