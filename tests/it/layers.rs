//! The library's layers have no back-edges (ARCHITECTURE.md): every module of `src/` names only
//! modules of its own layer or of the layers below it, and only the interfaces (`ui`, `cli`)
//! name the terminal crates.
//! The check reads the sources: a path through `crate::` or through enough `super::` to leave
//! the module's top, outside comments.

use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may use its own layer and those before it.
const LAYERS: &[&[&str]] = &[
    &["runs", "sanitize", "wrap"],
    &["corpus"],
    &["extract"],
    &["search"],
    &["ui"],
    &["cli"],
];

/// Crates only the interfaces may use.
const TERMINAL_CRATES: &[&str] = &["ratatui", "crossterm"];

fn layer_of(top: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&top))
}

/// The top-level modules that `source`, the text of the file whose module path is `module`,
/// names, one per mention.
fn named_tops(module: &[String], source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (at, _) in code.match_indices("crate::") {
            // `dossier::crate::` cannot occur; a preceding identifier character means another
            // word (`my_crate::`).
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            out.push(ident_at(&code[at + "crate::".len()..]));
        }
        for (at, _) in code.match_indices("super::") {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let mut rest = &code[at..];
            let mut ups = 0;
            while let Some(r) = rest.strip_prefix("super::") {
                ups += 1;
                rest = r;
            }
            // `super` from a file's module goes up one level per `super`; past the top
            // module, the next name is another top module.
            if ups >= module.len() {
                out.push(ident_at(rest));
            }
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

fn ident_at(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/` (`corpus/load.rs` is `corpus::load`; a `mod.rs`
/// is its folder's module).
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Each back-edge of the file `rel` (relative to `src/`) with text `source`.
fn back_edges(rel: &Path, source: &str) -> Vec<String> {
    let module = module_path(rel);
    let Some(top) = module.first() else {
        return Vec::new();
    };
    let Some(own) = layer_of(top) else {
        // lib.rs and main.rs sit above every layer.
        return Vec::new();
    };
    let mut out: Vec<String> = named_tops(&module, source)
        .into_iter()
        .filter(|t| layer_of(t).is_some_and(|l| l > own))
        .map(|t| format!("{} uses {t}", rel.display()))
        .collect();
    if top != "ui" && top != "cli" {
        for krate in TERMINAL_CRATES {
            if source.lines().any(|l| {
                l.split("//")
                    .next()
                    .unwrap_or("")
                    .contains(&format!("{krate}::"))
            }) {
                out.push(format!("{} uses {krate}", rel.display()));
            }
        }
    }
    out
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut tops: Vec<String> = Vec::new();
    let mut found = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(&src).expect("under src");
        let module = module_path(rel);
        if let Some(top) = module.first() {
            tops.push(top.clone());
        }
        let source = std::fs::read_to_string(path).expect("readable");
        found.extend(back_edges(rel, &source));
    }
    assert!(found.is_empty(), "back-edges:\n{}", found.join("\n"));
    // Every top-level module has its layer, so none escapes the check.
    for top in tops {
        assert!(
            layer_of(&top).is_some() || top == "lib" || top == "main",
            "src/{top} has no layer in this test and ARCHITECTURE.md"
        );
    }
}

#[test]
fn the_check_sees_back_edges_through_crate_and_super() {
    let edges = |rel: &str, src: &str| back_edges(Path::new(rel), src);
    assert_eq!(
        edges("corpus/load.rs", "use crate::search::Index;"),
        ["corpus/load.rs uses search"]
    );
    assert_eq!(
        edges(
            "extract/figures/mod.rs",
            "fn f() { super::super::ui::run() }"
        ),
        ["extract/figures/mod.rs uses ui"]
    );
    assert_eq!(
        edges("search/index.rs", "use ratatui::Frame;"),
        ["search/index.rs uses ratatui"]
    );
    // Downward and sideways edges are fine, and so are comments and deeper `super` paths.
    assert!(edges("search/index.rs", "use crate::corpus::Document;").is_empty());
    assert!(edges("extract/quotes/mod.rs", "use super::figures::Kind;").is_empty());
    assert!(edges("corpus/load.rs", "// see crate::search::Index").is_empty());
    assert!(edges("ui/app.rs", "use crate::search::Index; use ratatui::Frame;").is_empty());
    assert!(edges("ui/app.rs", "crate::cli::main()") == ["ui/app.rs uses cli"]);
}
