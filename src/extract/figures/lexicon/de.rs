//! The German word tables.

use super::{
    B, BILLION, Decimal, HUNDRED, Lex, MILLION, ONE, Qualifier, Shapes, THOUSAND, TRILLION, set,
};

/// The units of the German compounds `einundzwanzig` to `neunundneunzig`.
const UNITS: [(&str, u32); 9] = [
    ("ein", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
];

/// `dreissig` is the Swiss spelling, and the form of `DREISSIG` in capitals.
const TENS: [(&str, u32); 9] = [
    ("zwanzig", 20),
    ("dreißig", 30),
    ("dreissig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
];

pub(super) fn german() -> Lex {
    let mut b = B::new();
    // German writes 21 to 99 as one word, unit first: the 72 compounds, made once.
    let compounds: Vec<(&'static str, u32)> = TENS
        .iter()
        .flat_map(|&(t, tv)| {
            UNITS.iter().map(move |&(u, uv)| {
                let w: &'static str = Box::leak(format!("{u}und{t}").into_boxed_str());
                (w, tv + uv)
            })
        })
        .collect();
    b.nums(&compounds)
        .nums(&TENS)
        .nums(&[
            ("null", 0),
            ("zwei", 2),
            ("drei", 3),
            ("vier", 4),
            ("fünf", 5),
            ("sechs", 6),
            ("sieben", 7),
            ("acht", 8),
            ("neun", 9),
            ("zehn", 10),
            ("elf", 11),
            ("zwölf", 12),
            ("dreizehn", 13),
            ("vierzehn", 14),
            ("fünfzehn", 15),
            ("sechzehn", 16),
            ("siebzehn", 17),
            ("achtzehn", 18),
            ("neunzehn", 19),
        ])
        .parts(&["eins", "ein", "eine", "einen", "einem", "einer"], ONE)
        .set(&["eins", "ein", "eine", "einen", "einem", "einer"], |e| {
            e.one = true;
        })
        .parts(&["hundert"], HUNDRED)
        .parts(&["tausend", "tsd"], THOUSAND)
        .parts(&["million", "millionen", "mio"], MILLION)
        .parts(&["milliarde", "milliarden", "mrd"], BILLION)
        .parts(&["billion", "billionen"], TRILLION)
        .months(&[
            "januar",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
            "jänner",
            "feber",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ])
        .set(
            &[
                "montag",
                "dienstag",
                "mittwoch",
                "donnerstag",
                "freitag",
                "samstag",
                "sonnabend",
                "sonntag",
            ],
            |e| e.weekday = true,
        )
        .money(&["euro"], "EUR")
        .cents(&["cent"], "EUR")
        .money(&["dollar", "us-dollar"], "USD")
        .money(&["pfund"], "GBP")
        .money(&["yen"], "JPY")
        .money(&["yuan"], "CNY")
        .unit(&["tag", "tage", "tagen", "tages"], "day")
        .unit(&["woche", "wochen"], "week")
        .unit(&["monat", "monate", "monaten", "monats"], "month")
        .unit(&["jahr", "jahre", "jahren", "jahres"], "year")
        .unit(&["stunde", "stunden"], "hour")
        .unit(&["minute", "minuten"], "minute")
        .unit(&["sekunde", "sekunden"], "second")
        .unit(&["jahrzehnt", "jahrzehnte", "jahrzehnten"], "decade")
        .unit(&["jahrhundert", "jahrhunderte"], "century")
        // 14-tägig, 48-stündige: a length of time written as an adjective.
        .unit(&["tägig", "tägige", "tägigen", "tägiger", "tägiges"], "day")
        .unit(
            &["stündig", "stündige", "stündigen", "stündiger", "stündiges"],
            "hour",
        )
        .unit(
            &["wöchig", "wöchige", "wöchigen", "wöchiger", "wöchiges"],
            "week",
        )
        .unit(
            &["monatig", "monatige", "monatigen", "monatiger", "monatiges"],
            "month",
        )
        .set(&["prozent"], |e| e.percent = true);
    Lex {
        shapes: Shapes::of(&b.words),
        words: b.words,
        stop: set(&[
            "der", "die", "das", "den", "dem", "des", "und", "oder", "in", "im", "am", "an", "auf",
            "aus", "bei", "mit", "nach", "von", "vom", "vor", "zu", "zum", "zur", "für", "über",
            "unter", "um", "bis", "seit", "als", "wie", "pro", "je", "ist", "sind", "war", "waren",
            "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "sich", "nicht", "auch",
            "noch", "nur", "mehr", "weniger", "etwa", "rund", "dagegen", "dafür",
        ]),
        quals: vec![
            (&["mehr", "als"], Qualifier::Over),
            (&["über"], Qualifier::Over),
            (&["mindestens"], Qualifier::Over),
            (&["wenigstens"], Qualifier::Over),
            (&["rund"], Qualifier::About),
            (&["etwa"], Qualifier::About),
            (&["ungefähr"], Qualifier::About),
            (&["circa"], Qualifier::About),
            (&["ca"], Qualifier::About),
            (&["knapp"], Qualifier::Under),
            (&["fast"], Qualifier::Under),
            (&["beinahe"], Qualifier::Under),
            (&["nahezu"], Qualifier::Under),
            (&["bis", "zu"], Qualifier::Under),
            (&["weniger", "als"], Qualifier::Under),
            (&["unter"], Qualifier::Under),
        ],
        dec: Decimal::Comma,
        space_groups: false,
        noun_links: &[],
        noun_words: 2,
        day_first: true,
    }
}
