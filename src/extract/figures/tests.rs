//! Unit tests of extraction on short texts in each language.

use proptest::prelude::any;

use super::*;

type Row = (Kind, String, Option<String>, Option<Qualifier>, String);

fn figs(text: &str, lang: Lang) -> Vec<Row> {
    extract(text, lang)
        .into_iter()
        .map(|f| {
            let surface = f.surface(text).to_string();
            let unit = f.unit.as_deref().map(str::to_string);
            (f.kind, f.value.to_string(), unit, f.qualifier, surface)
        })
        .collect()
}

#[test]
fn french_basics() {
    let v = figs(
        "environ 100 millions d’utilisateurs américains ne pourront plus",
        Lang::FR,
    );
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, "100000000");
    assert_eq!(v[0].2.as_deref(), Some("utilisateurs américains"));
    assert_eq!(v[0].3, Some(Qualifier::About));
    assert_eq!(v[0].4, "100 millions");
}

#[test]
fn multilingual_edges() {
    // Combining accents, emoji with joiners, zero-width spaces and right-to-left text around
    // figures leave the offsets exact.
    let text = "Cafe\u{301} : 3,9 millions 👩\u{200D}💻 d’abonnés\u{200B}, שלום 25 %";
    let v = extract(text, Lang::FR);
    let kinds: Vec<Kind> = v.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [Kind::Count, Kind::Percent], "{v:?}");
    for f in &v {
        assert!(!f.surface(text).is_empty());
        assert_eq!(f.surface(text).len(), f.end - f.start);
    }
    assert_eq!(v[0].value, Value::Number(3_900_000.0));
    // CJK without spaces.
    let v = extract("美国用户超过1.7亿，增长百分之三十。", Lang::ZH);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].qualifier, Some(Qualifier::Over));
    assert_eq!(v[1].value, Value::Number(30.0));
    // Other languages still get plain digit numbers.
    let v = extract(
        "Das kostet 1.500 Euro und 25 Prozent mehr.",
        Lang::parse("de").expect("de"),
    );
    assert!(v.iter().any(|f| f.value == Value::Number(1500.0)), "{v:?}");
}

#[test]
fn negatives_are_not_figures() {
    for (text, lang) in [
        ("Hubungi 0812-3456-7890 atau +62 21 555 1234.", Lang::ID),
        ("Tagar #TikTokRefugee viral.", Lang::ID),
        ("La version 2.3.1 corrige l'A320 et le G20.", Lang::FR),
        ("COVID-19 and thousands of people.", Lang::EN),
        ("数千名用户涌入。", Lang::ZH),
        ("Des centaines de personnes.", Lang::FR),
        ("1. Premier point\n2) Second point", Lang::EN),
    ] {
        let v = extract(text, lang);
        assert!(v.iter().all(|f| f.kind == Kind::Ordinal), "{text}: {v:?}");
    }
}

#[test]
fn lines_count_from_one() {
    let v = extract("a\nb 12 personnes\n\nle 3 mars", Lang::FR);
    let lines: Vec<usize> = v.iter().map(|f| f.line).collect();
    assert_eq!(lines, [2, 4]);
}

/// Kind, value, upper end, unit and qualifier of every figure, as short strings.
fn brief(text: &str, lang: Lang) -> Vec<String> {
    extract(text, lang)
        .into_iter()
        .map(|f| {
            let mut s = format!("{} {}", f.kind.name(), f.value);
            if let Some(t) = f.to {
                s += &format!("..{t}");
            }
            if let Some(u) = f.unit {
                s += &format!(" {u}");
            }
            if let Some(q) = f.qualifier {
                s += &format!(" ({})", q.name());
            }
            s
        })
        .collect()
}

#[test]
fn references_models_and_phones() {
    // French decimals take a comma: a dotted number is a reference, unless it is measured.
    assert_eq!(
        brief(
            "Selon l'article 7.1 du règlement, 12 agents sont concernés.",
            Lang::FR
        ),
        ["count 12 agents"]
    );
    assert_eq!(brief("Le taux passe à 3.5 %.", Lang::FR), ["percent 3.5"]);
    // The whole model name is skipped, suffix words included.
    assert_eq!(
        brief("The Boeing 787-9 carried 290 passengers.", Lang::EN),
        ["count 290 passengers"]
    );
    assert_eq!(
        brief("Il a acheté un iPhone 15 Pro.", Lang::FR),
        Vec::<String>::new()
    );
    assert_eq!(
        brief("小米14 Ultra的售价为6499元。", Lang::ZH),
        ["money 6499 CNY"]
    );
    assert_eq!(
        brief("华为Mate 60系列销量大增。", Lang::ZH),
        Vec::<String>::new()
    );
    // An area code in brackets belongs to the phone number.
    assert_eq!(
        brief("Hubungi (021) 555-1234.", Lang::ID),
        Vec::<String>::new()
    );
    assert_eq!(
        brief("Call (415) 555 0199 now.", Lang::EN),
        Vec::<String>::new()
    );
}

#[test]
fn money_cents_and_ranges() {
    assert_eq!(
        brief("La baguette coûte 5 centimes de plus.", Lang::FR),
        ["money 0.05 EUR"]
    );
    assert_eq!(
        brief("A stamp costs 73 cents.", Lang::EN),
        ["money 0.73 USD"]
    );
    // A repeated currency closes a range only where the text opens one.
    assert_eq!(
        brief("Tiketnya dijual antara Rp 50.000 dan Rp 75.000.", Lang::ID),
        ["money 50000..75000 IDR"]
    );
    assert_eq!(
        brief("Tickets cost between $40 and $60.", Lang::EN),
        ["money 40..60 USD"]
    );
    assert_eq!(
        brief("Gold rose $12 to $2,650 an ounce.", Lang::EN),
        ["money 12 USD", "money 2650 USD"]
    );
}

#[test]
fn times_and_durations_with_their_words() {
    assert_eq!(
        brief("Acara dimulai sekitar pukul 19.00 WIB.", Lang::ID),
        ["time 19:00 (about)"]
    );
    // "hingga" says until when, not how near.
    assert_eq!(
        brief("Toko buka hingga pukul 17.00 WIB.", Lang::ID),
        ["time 17:00"]
    );
    assert_eq!(
        brief("The cost is spread over three years.", Lang::EN),
        ["duration 3 year"]
    );
    assert_eq!(
        brief("The talks went on for over three hours.", Lang::EN),
        ["duration 3 hour (over)"]
    );
    assert_eq!(
        brief("The bridge will reopen within a week.", Lang::EN),
        ["duration 1 week"]
    );
    assert_eq!(
        brief("Trains run twice a week.", Lang::EN),
        Vec::<String>::new()
    );
}

#[test]
fn ordinals_and_qualifiers_beyond_the_basics() {
    assert_eq!(
        brief("Es la vigésima edición del festival.", Lang::ES),
        ["ordinal 20"]
    );
    assert_eq!(
        brief("C'est la quinzième journée de grève.", Lang::FR),
        ["ordinal 15"]
    );
    assert_eq!(
        brief("Más del 50 % de los votos.", Lang::ES),
        ["percent 50 (over)"]
    );
}

#[test]
fn chinese_nouns_before_and_bare_scales() {
    assert_eq!(
        brief("该博主粉丝超过500万。", Lang::ZH),
        ["count 5000000 粉丝 (over)"]
    );
    assert_eq!(
        brief("这款应用累计下载达3亿次。", Lang::ZH),
        ["count 300000000 次"]
    );
    assert_eq!(
        brief("今年国庆假期，景区接待游客120万人次。", Lang::ZH),
        ["count 1200000 人次"]
    );
    assert_eq!(
        brief("现场来了近百名记者。", Lang::ZH),
        ["count 100 记者 (under)"]
    );
    // Without an approximation word a bare scale stays a word (千人计划).
    assert_eq!(brief("他入选了千人计划。", Lang::ZH), Vec::<String>::new());
}

#[test]
fn introducers_in_any_case() {
    // The words that introduce a figure are recognised whatever their case and script.
    assert_eq!(
        brief("Versión 2.4 publicada.", Lang::ES),
        Vec::<String>::new()
    );
    assert_eq!(brief("En el AÑO 2019 llovió.", Lang::ES), ["year 2019"]);
    assert_eq!(brief("L'année 2021 fut rude.", Lang::FR), ["year 2021"]);
}

#[test]
fn an_english_past_tense_ends_the_counted_noun() {
    let v = figs(
        "12,000 pilots walked out. 3 million registered users joined.",
        Lang::EN,
    );
    let units: Vec<Option<&str>> = v.iter().map(|r| r.2.as_deref()).collect();
    assert_eq!(units, [Some("pilots"), Some("registered users")], "{v:?}");
}

#[test]
fn escape_sequence_parameters_are_not_figures() {
    let v = figs(
        "\u{1b}]52;c;aGk=\u{7} puis \u{1b}[1;31m 5 millions\u{1b}[0m d’abonnés \u{9b}2J",
        Lang::FR,
    );
    let values: Vec<&str> = v.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(values, ["5000000"], "{v:?}");
}

#[test]
fn a_long_chinese_noun_is_kept_whole() {
    let v = figs("小红书超过3亿月活跃用户。", Lang::ZH);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].2.as_deref(), Some("月活跃用户"));
}

#[test]
fn every_currency_code_the_scanner_gives_is_listed() {
    // Search leaves out the end of a query that a money label could supply, so a code
    // missing from CURRENCIES, or a wrong cue, could hide a hit. Every currency word of every
    // language's tables, every symbol, written code and Chinese currency name is tried.
    let cue = |code: &str| CURRENCIES.iter().find(|c| c.0 == code).map(|c| c.1);
    let written = [
        "$12",
        "€12",
        "£12",
        "¥12",
        "￥12",
        "Rp12",
        "USD 12",
        "EUR 12",
        "IDR 12",
        "CNY 12",
        "RMB 12",
        "GBP 12",
        "JPY 12",
        "12 USD",
        "12 EUR",
        "12 IDR",
        "12 CNY",
        "12 RMB",
        "12 GBP",
        "12 JPY",
        "12美元",
        "12欧元",
        "12日元",
        "12港元",
        "12港币",
        "12英镑",
        "12元",
        "12块",
        "12人民币",
        "12印尼盾",
        "新台币12元",
        "12新台幣",
        "NT$12",
        "R$ 12",
        "12円",
    ];
    let mut money = 0;
    for lang in LANGS {
        let mut phrases: Vec<String> = written.iter().map(|w| (*w).to_string()).collect();
        for (word, entry) in &lexicon::lex(lang).words {
            if let Some(code) = entry.currency {
                assert!(cue(code).is_some(), "{word}: {code}");
                phrases.push(format!("12 {word}"));
            }
        }
        for phrase in &phrases {
            for f in extract(phrase, lang)
                .into_iter()
                .filter(|f| f.kind == Kind::Money)
            {
                let code = f.unit.unwrap_or_default();
                match cue(&code) {
                    Some(Some(c)) => assert!(phrase.contains(c), "{phrase}: {code} without {c}"),
                    Some(None) => {}
                    None => panic!("{lang:?} {phrase}: {code} is not listed"),
                }
                money += 1;
            }
        }
    }
    assert!(money > 60, "{money} money figures");
}

/// Words and signs that figure patterns read around a number, or that look like one, but
/// that are not anchors by themselves. Lexicon words that are anchors are left out below.
#[rustfmt::skip]
const NEAR_ANCHORS: &[&str] = &[
    "version", "versi", "versión", "release", "build", "update", "pukul", "jam", "las", "tahun",
    "année", "year", "año", "Rp", "RP", "rp", "USD", "EUR", "IDR", "CNY", "RMB", "GBP", "JPY",
    "v", "ver", "us", "US", "ke", "A", "COVID", "bn", "m", "k", "st", "th", "de", "d", "pour",
    "cent", "persen", "plus", "sekitar", "nearly", "au", "to", "hingga", "y", "and",
    "utilisateurs", "pengguna", "TikTok", "réfugiés", "ministre", "lady", "$", "€", "£", "¥",
    "￥", "%", "#", "@", "+", "-", "/", "(", ")", ":", ",", ".", "–", "’", "'", "\u{1b}[", "½",
    "²", "Ⅻ",
    "年", "月", "日", "第", "百", "分", "之", "人", "民", "币", "万", "亿", "元", "一", "十",
    "两", "约", "超过", "〇",
];

/// The words of `lang` that are not anchors: every lexicon word whose entry is not one, as
/// written, capitalised and in capitals, and [`NEAR_ANCHORS`] (Han characters only outside
/// Chinese: in Chinese they are anchors).
fn unanchored_words(lang: Lang) -> Vec<String> {
    let lx = lexicon::lex(lang);
    let mut words: Vec<String> = lx
        .words
        .iter()
        .filter(|(_, e)| !scan::anchor_word(e))
        .flat_map(|(w, _)| {
            let mut capital = w.chars();
            let capital: String = capital
                .next()
                .map(|c| c.to_uppercase().chain(capital).collect())
                .unwrap_or_default();
            [(*w).to_string(), capital, w.to_uppercase()]
        })
        .collect();
    words.extend(
        NEAR_ANCHORS
            .iter()
            .filter(|w| !matches!(lang, Lang::ZH | Lang::JA) || !w.chars().any(token::is_han))
            .filter(|w| lx.lookup(w).is_none_or(|e| !scan::anchor_word(e)))
            .map(|w| (*w).to_string()),
    );
    words.sort();
    words
}

const LANGS: [Lang; 9] = [
    Lang::FR,
    Lang::ID,
    Lang::EN,
    Lang::ES,
    Lang::ZH,
    Lang::DE,
    Lang::PT,
    Lang::JA,
    Lang::UND,
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    /// The scanner does not walk its patterns over a text without an anchor: they would find
    /// nothing there. Texts made of everything but anchors (months, weekdays, currencies,
    /// units, connectors, qualifiers, introducers, signs, Han outside Chinese) hold no figure.
    #[test]
    fn a_text_without_an_anchor_holds_no_figure(
        lang in proptest::sample::select(LANGS.to_vec()),
        picks in proptest::collection::vec((any::<proptest::sample::Index>(), 0..5usize), 0..16),
    ) {
        let words = unanchored_words(lang);
        let seps = ["", " ", " ", "\n", "\u{a0}"];
        let text: String = picks
            .iter()
            .map(|(w, sep)| format!("{}{}", w.get(&words), seps[*sep]))
            .collect();
        let mut found = Vec::new();
        scan::Scanner::default().scan_pieces(&text, 0, lang, &mut found, false);
        proptest::prop_assert!(found.is_empty(), "{:?} {:?}: {:?}", lang, text, found);
    }
}

#[test]
fn skipping_unanchored_pieces_keeps_every_figure() {
    // Runs of paragraphs without an anchor longer than the scanner's pieces, between
    // paragraphs whose figures are read from each kind of anchor alone: digits, a spelled
    // number, an ordinal word, Han numerals.
    let cases = [
        (
            Lang::FR,
            "Les utilisateurs de TikTok rejoignent Xiaohongshu en janvier, dit-elle.\n",
            "Le 16/01/2025 à 14:30, soit 25 %.\nIls sont deux millions.\n\
             Pour la deuxième fois.\n",
        ),
        (
            Lang::ZH,
            "TikTok users move to Xiaohongshu, she said.\n",
            "增长百分之三十。\n第二季度。\n",
        ),
    ];
    for (lang, prose, figures) in cases {
        let text = [prose.repeat(1000), figures.repeat(300)].concat().repeat(3);
        let scan = |skip| {
            let mut out = Vec::new();
            scan::Scanner::default().scan_pieces(&text, 0, lang, &mut out, skip);
            out
        };
        let all = scan(false);
        let lines = figures.lines().count();
        assert!(all.len() >= 3 * 300 * lines, "{lang:?} {}", all.len());
        assert_eq!(scan(true), all, "{lang:?}");
    }
}

#[test]
fn an_ambiguous_digit_group_is_read_by_the_text() {
    let value = |text: &str, lang: Lang| -> Vec<f64> {
        extract(text, lang)
            .iter()
            .filter_map(|f| f.value.number())
            .collect()
    };
    // No decimal comma anywhere: the comma groups thousands.
    assert_eq!(
        value("El canal tiene 850,000 suscriptores.", Lang::ES),
        [850_000.0]
    );
    // The same text with a decimal comma elsewhere reads it as a decimal mark.
    assert_eq!(
        value(
            "El canal tiene 850,000 suscriptores y Madrid 3,4 millones de habitantes.",
            Lang::ES
        ),
        [850.0, 3_400_000.0]
    );
    assert_eq!(value("About 1.200 people came.", Lang::EN), [1200.0]);
    assert_eq!(
        value(
            "About 1.200 people came; turnout was 4.5 percent.",
            Lang::EN
        ),
        [1.2, 4.5]
    );
    // German always reads a comma as the decimal mark.
    assert_eq!(value("1,375 Milliarden Euro", Lang::DE), [1_375_000_000.0]);
}

#[test]
fn runs_give_the_figures_and_facts_of_the_whole_document() {
    // Over a megabyte, so the document is read in several runs on several threads.
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 2 * PARALLEL_BYTES {
        text.push_str(&format!(
            "TikTok a {n} millions d’utilisateurs en 2024, selon l’entreprise.\n\n\
             Le 19 janvier 2025, RedNote comptait {} abonnés, soit 12 % de plus.\n\n",
            n + 3,
        ));
        n += 1;
    }
    let doc = Document::from_text("d".into(), crate::corpus::Origin::Stdin, text, None);
    let whole = extract_document(&doc);
    let whole_facts = facts(&doc, &whole);
    let (mut figs, mut fs) = (Vec::new(), Vec::new());
    let mut runs = 0;
    let _: Result<(), ()> = each_run(&doc, |f, x| {
        figs.extend_from_slice(f);
        fs.extend_from_slice(x);
        runs += 1;
        Ok(())
    });
    assert!(runs > 1, "{runs} runs");
    assert_eq!(figs, whole);
    assert_eq!(fs, whole_facts);
    let mut only = Vec::new();
    let _: Result<(), ()> = each_figure_run(&doc, |f| {
        only.extend_from_slice(f);
        Ok(())
    });
    assert_eq!(only, whole);
}

#[test]
fn a_sink_error_stops_the_runs() {
    let text = "Il y a 3 chats et 4 chiens.\n\n".repeat(200_000);
    let doc = Document::from_text("d".into(), crate::corpus::Origin::Stdin, text, None);
    let mut calls = 0;
    let got = each_run(&doc, |_, _| {
        calls += 1;
        Err("stop")
    });
    assert_eq!((got, calls), (Err("stop"), 1));
}
