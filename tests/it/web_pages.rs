//! Web pages as documents, end to end: the article without the page's clutter, its metadata
//! in `list`, every charset a page may declare, hostile entities shown inert, folders and
//! standard input that hold pages, and `show --width 0 --body`.

use crate::common;

use common::cli::{dossier, stderr, stdout};

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p.display().to_string()
}

/// A news page with the usual clutter around its article, and its metadata in Open Graph,
/// JSON-LD and a canonical link.
pub const NEWS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="utf-8">
<title>Le port de Marseille double son trafic | La Gazette du Sud</title>
<meta property="og:title" content="Le port de Marseille double son trafic">
<meta property="og:site_name" content="La Gazette du Sud">
<meta property="article:published_time" content="2025-03-14T08:30:00+01:00">
<link rel="canonical" href="https://gazette.example/eco/port-marseille">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Le port de Marseille double son trafic",
 "author":{"@type":"Person","name":"Claire Fontaine"},"datePublished":"2025-03-14T08:30:00+01:00"}
</script>
<style>.share{color:red}</style>
</head>
<body>
<header><nav><a href="/">Accueil</a> <a href="/eco">Économie</a> <a href="/sport">Sport</a></nav></header>
<div class="share-bar"><a href="#">Partager sur Facebook</a> <a href="#">Tweeter</a></div>
<main>
<article>
<h1>Le port de Marseille double son trafic</h1>
<p class="byline">Par Claire Fontaine</p>
<p>Le port de Marseille a accueilli 1,2 million de conteneurs en 2024, deux fois plus qu'en 2019, selon les chiffres publiés vendredi par la direction du port.</p>
<p>« Nous n'avions jamais vu une telle croissance », a déclaré la présidente du directoire, qui attribue cette hausse aux nouveaux quais du bassin Est, ouverts au printemps dernier après trois ans de travaux.</p>
<h2>Des emplois en hausse</h2>
<p>Selon la chambre de commerce, 3 400 emplois directs ont été créés dans la zone portuaire, dont une majorité dans la logistique et la réparation navale, un secteur qui avait perdu des milliers de postes au cours des années 1990.</p>
<ul><li>Conteneurs : 1,2 million en 2024</li><li>Emplois directs : 3 400 créés</li></ul>
<blockquote><p>« Le port redevient le poumon économique de la ville », estime un économiste de l'université d'Aix-Marseille interrogé par notre rédaction.</p></blockquote>
<p>Les associations de riverains s'inquiètent toutefois de la pollution liée aux navires à quai, dont les moteurs tournent jour et nuit, et réclament l'électrification rapide de tous les postes d'amarrage du bassin.</p>
<script>document.write("Texte injecté par un script")</script>
</article>
</main>
<aside class="related"><h3>À lire aussi</h3><ul><li><a href="/a">Le prix du gazole grimpe encore</a></li><li><a href="/b">Un nouveau ferry pour la Corse</a></li></ul></aside>
<section id="comments"><h3>Commentaires</h3><p>Super article, merci !</p></section>
<footer><p>© 2025 La Gazette du Sud. Tous droits réservés.</p><a href="/mentions">Mentions légales</a></footer>
</body>
</html>
"##;

fn list_row(path: &str) -> serde_json::Value {
    let o = dossier(&["list", path, "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    serde_json::from_str(out.lines().next().expect("a row")).expect("json")
}

#[test]
fn a_page_is_its_article_without_the_clutter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = write(dir.path(), "port.html", NEWS_PAGE.as_bytes());
    let o = dossier(&["show", "1", &page, "--width", "0", "--body"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let body = stdout(&o);
    for kept in [
        "1,2 million de conteneurs en 2024",
        "Des emplois en hausse",
        "Emplois directs : 3 400 créés",
        "Le port redevient le poumon économique",
        "réclament l'électrification rapide",
    ] {
        assert!(body.contains(kept), "{kept:?} missing from {body}");
    }
    for dropped in [
        "Accueil",
        "Partager sur Facebook",
        "Texte injecté",
        "color:red",
        "Le prix du gazole",
        "Super article",
        "Tous droits réservés",
        "NewsArticle",
    ] {
        assert!(!body.contains(dropped), "{dropped:?} kept in {body}");
    }
    // Each block is a paragraph of its own, not wrapped.
    let lines: Vec<&str> = body.lines().filter(|l| !l.is_empty()).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Selon la chambre") && l.ends_with("années 1990."))
    );
    assert!(lines.contains(&"Conteneurs : 1,2 million en 2024"));
}

#[test]
fn list_gives_the_metadata_a_page_states() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = write(dir.path(), "port.html", NEWS_PAGE.as_bytes());
    let row = list_row(&page);
    assert_eq!(row["title"], "Le port de Marseille double son trafic");
    assert_eq!(row["byline"], "Claire Fontaine");
    assert_eq!(row["site"], "La Gazette du Sud");
    assert_eq!(row["published"], "2025-03-14T08:30:00+01:00");
    assert_eq!(row["url"], "https://gazette.example/eco/port-marseille");
    assert_eq!(row["lang"], "fr");
    let o = dossier(&["list", &page, "--format", "csv"]);
    let out = stdout(&o);
    assert!(out.contains("https://gazette.example/eco/port-marseille,La Gazette du Sud,Claire Fontaine,2025-03-14T08:30:00+01:00"), "{out}");
}

#[test]
fn a_text_file_has_no_page_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(
        dir.path(),
        "note.txt",
        "Une note.\n\nDeux phrases ici.\n".as_bytes(),
    );
    let row = list_row(&file);
    for key in ["url", "site", "byline", "published"] {
        assert!(row[key].is_null(), "{key}: {}", row[key]);
    }
}

/// The same article in each encoding a page may declare, in both forms of the declaration.
#[test]
fn every_declared_charset_is_read() {
    let cases: [(&encoding_rs::Encoding, &str, &str); 7] = [
        (
            encoding_rs::GBK,
            "gb2312",
            "中国港口的集装箱吞吐量去年增长了百分之十二。",
        ),
        (
            encoding_rs::GB18030,
            "gb18030",
            "深圳港口的货物吞吐量创下新纪录。",
        ),
        (
            encoding_rs::BIG5,
            "big5",
            "臺灣的港口貨櫃量去年成長了百分之十二。",
        ),
        (
            encoding_rs::SHIFT_JIS,
            "shift_jis",
            "横浜港のコンテナ取扱量は昨年十二パーセント増えた。",
        ),
        (
            encoding_rs::EUC_KR,
            "euc-kr",
            "부산항의 컨테이너 물동량이 작년에 십이 퍼센트 늘었다.",
        ),
        (
            encoding_rs::WINDOWS_1252,
            "windows-1252",
            "Le trafic a augmenté de 12 % : « très bien », dit-elle.",
        ),
        (
            encoding_rs::WINDOWS_1252,
            "iso-8859-1",
            "Über 1,2 Millionen Container — ein Rekord für Hamburg.",
        ),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    for (n, (enc, label, text)) in cases.iter().enumerate() {
        let heads = [
            format!("<meta charset=\"{label}\">"),
            format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={label}\">"),
        ];
        for (m, head) in heads.iter().enumerate() {
            let html = format!(
                "<!DOCTYPE html><html><head>{head}<title>T</title></head><body><p>{text}</p></body></html>"
            );
            let (bytes, _, unmappable) = enc.encode(&html);
            assert!(!unmappable, "{label}");
            let page = write(dir.path(), &format!("p{n}_{m}.html"), &bytes);
            let o = dossier(&["show", "1", &page, "--width", "0"]);
            assert!(o.status.success(), "{label}: {}", stderr(&o));
            assert!(stdout(&o).contains(text), "{label}: {}", stdout(&o));
            assert!(stderr(&o).is_empty(), "{label}: {}", stderr(&o));
        }
    }
}

#[test]
fn a_utf8_byte_order_mark_beats_the_declaration() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        "<html><head><meta charset=big5></head><body><p>Café crème à Noël.</p></body></html>"
            .as_bytes(),
    );
    let page = write(dir.path(), "bom.htm", &bytes);
    let o = dossier(&["show", "1", &page, "--width", "0"]);
    assert_eq!(stdout(&o).trim(), "Café crème à Noël.");
}

#[test]
fn escape_sequences_written_as_entities_are_shown_inert() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = "<!DOCTYPE html><html><head><title>Alerte &#27;]0;pwned&#7; titre</title>\
        <meta name=\"author\" content=\"X &#x1b;[2J Y\"></head><body><article>\
        <p>Rouge &#27;[31mici&#x1b;[0m et CSI &#x9b;2J puis &#155;31m, un &#x202e;renversé.</p>\
        <p>Encore &#27;[5mclignotant et &#0; nul.</p></article></body></html>";
    let page = write(dir.path(), "hostile.html", html.as_bytes());
    for args in [
        vec!["show", "1", page.as_str(), "--width", "0"],
        vec!["show", "1", page.as_str(), "--width", "30", "--body"],
        vec!["list", page.as_str()],
        vec!["list", page.as_str(), "--format", "csv"],
    ] {
        let o = dossier(&args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let out = stdout(&o);
        for c in out.chars() {
            assert!(c == '\n' || !c.is_control(), "{c:?} in {args:?}: {out:?}");
            assert!(!('\u{202a}'..='\u{202e}').contains(&c), "bidi in {out:?}");
        }
    }
    let out = stdout(&dossier(&["show", "1", &page, "--width", "0"]));
    assert!(out.contains("Rouge"), "{out}");
    let o = dossier(&["list", &page, "--format", "jsonl"]);
    let raw = stdout(&o);
    assert!(!raw.contains('\u{1b}'), "{raw:?}");
}

#[test]
fn folders_hold_pages_and_unnamed_pages_are_sniffed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = |title: &str| {
        format!(
            "<!doctype html><html><head><title>{title}</title></head><body><p>Le texte de {title} tient en une phrase assez longue pour compter.</p></body></html>"
        )
    };
    write(dir.path(), "a.html", page("Alpha").as_bytes());
    write(dir.path(), "b.htm", page("Bravo").as_bytes());
    write(dir.path(), "c.xhtml", page("Charlie").as_bytes());
    write(dir.path(), "saved_page", page("Delta").as_bytes());
    write(dir.path(), "notes.txt", b"<html> is only a word here.\n");
    write(dir.path(), "style.css", b"body { color: red }");
    let o = dossier(&[
        "list",
        &dir.path().display().to_string(),
        "--format",
        "jsonl",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let titles: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["title"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(titles.len(), 5, "{titles:?}");
    for t in ["Alpha", "Bravo", "Charlie", "Delta"] {
        assert!(titles.iter().any(|x| x == t), "{t} missing from {titles:?}");
    }
}

#[test]
fn standard_input_that_is_a_page_is_read_as_one() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["list", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(NEWS_PAGE.as_bytes())
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert!(o.status.success(), "{}", stderr(&o));
    let row: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    assert_eq!(row["title"], "Le port de Marseille double son trafic");
    assert_eq!(row["byline"], "Claire Fontaine");
}

#[test]
fn show_width_0_does_not_wrap_and_body_leaves_out_what_does_not_count() {
    let dir = tempfile::tempdir().expect("tempdir");
    let long = "Le conseil municipal a voté le budget. ".repeat(10);
    let text = format!("Titre du jour\n\n{long}\n\nBaca juga: un autre article\n\n{long}\n");
    let file = write(dir.path(), "t.txt", text.as_bytes());
    let o = dossier(&["show", "1", &file, "--width", "0"]);
    assert!(
        stdout(&o).lines().any(|l| l == long.trim_end()),
        "{}",
        stdout(&o)
    );
    let o = dossier(&["show", "1", &file, "--width", "0", "--body"]);
    let body = stdout(&o);
    assert_eq!(body.matches("Le conseil municipal").count(), 10, "{body}");
    assert!(!body.contains("Baca juga"), "{body}");
    assert!(body.starts_with("Titre du jour\n\n"), "{body}");
    let o = dossier(&["show", "1", &file, "--width", "20", "--body"]);
    assert!(
        stdout(&o).lines().all(|l| l.chars().count() <= 20),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_reader_header_shows_what_the_page_says_about_itself() {
    use dossier::corpus::{LoadOptions, load};
    use dossier::ui::action::{Action, Loaded};
    use dossier::ui::app::App;
    use dossier::ui::config::{Config, ThemeName};
    use dossier::ui::state::State;
    use dossier::ui::theme::Theme;
    use ratatui::layout::Rect;

    let dir = tempfile::tempdir().expect("tempdir");
    let page = write(dir.path(), "port.html", NEWS_PAGE.as_bytes());
    let corpus = load(&[page.into()], &LoadOptions::default());
    let theme = Theme::new(ThemeName::Dark, false);
    let mut app = App::new(
        Config::default(),
        theme,
        State::default(),
        Rect::new(0, 0, 160, 30),
    );
    app.apply(Action::ShowCorpus(Loaded(std::sync::Arc::new(corpus))));
    let screen = common::screen(&mut app);
    assert!(
        screen.contains("Le port de Marseille double son trafic"),
        "{screen}"
    );
    assert!(
        screen.contains(
            "fr · Claire Fontaine · La Gazette du Sud · 2025-03-14T08:30:00+01:00 · https://"
        ),
        "{screen}"
    );
}
