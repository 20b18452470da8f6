//! The French word tables.

use super::{B, BILLION, Decimal, HUNDRED, Lex, MILLION, ONE, Qualifier, Shapes, THOUSAND, set};

pub(super) fn french() -> Lex {
    let mut b = B::new();
    b.nums(&[
        ("zéro", 0),
        ("deux", 2),
        ("trois", 3),
        ("quatre", 4),
        ("cinq", 5),
        ("six", 6),
        ("sept", 7),
        ("huit", 8),
        ("neuf", 9),
        ("dix", 10),
        ("onze", 11),
        ("douze", 12),
        ("treize", 13),
        ("quatorze", 14),
        ("quinze", 15),
        ("seize", 16),
        ("vingt", 20),
        ("vingts", 20),
        ("trente", 30),
        ("quarante", 40),
        ("cinquante", 50),
        ("soixante", 60),
    ])
    .parts(&["un", "une"], ONE)
    .set(&["un", "une"], |e| e.one = true)
    .parts(&["cent", "cents"], HUNDRED)
    .parts(&["mille"], THOUSAND)
    .parts(&["million", "millions"], MILLION)
    .parts(&["milliard", "milliards"], BILLION)
    .set(&["et"], |e| e.connector = true)
    .months(&[
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "",
        "fevrier",
        "",
        "",
        "",
        "",
        "",
        "aout",
        "",
        "",
        "",
        "decembre",
    ])
    .set(
        &[
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
        |e| {
            e.weekday = true;
        },
    )
    .ordinals(&[
        ("premier", 1),
        ("première", 1),
        ("premiers", 1),
        ("premières", 1),
        ("deuxième", 2),
        ("second", 2),
        ("troisième", 3),
        ("quatrième", 4),
        ("cinquième", 5),
        ("sixième", 6),
        ("septième", 7),
        ("huitième", 8),
        ("neuvième", 9),
        ("dixième", 10),
        ("onzième", 11),
        ("douzième", 12),
        ("treizième", 13),
        ("quatorzième", 14),
        ("quinzième", 15),
        ("seizième", 16),
        ("vingtième", 20),
        ("trentième", 30),
        ("quarantième", 40),
        ("cinquantième", 50),
        ("soixantième", 60),
        ("centième", 100),
        ("millième", 1000),
    ])
    .money(&["euro", "euros"], "EUR")
    .cents(&["centime", "centimes"], "EUR")
    .money(&["dollar", "dollars"], "USD")
    .money(&["yuan", "yuans"], "CNY")
    .money(&["rupiah", "rupiahs", "roupies"], "IDR")
    .unit(&["jour", "jours"], "day")
    .unit(&["semaine", "semaines"], "week")
    .unit(&["mois"], "month")
    .unit(&["an", "ans", "année", "années"], "year")
    .unit(&["heure", "heures"], "hour")
    .unit(&["minute", "minutes"], "minute")
    .unit(&["seconde", "secondes"], "second")
    .unit(&["décennie", "décennies"], "decade")
    .unit(&["siècle", "siècles"], "century")
    .set(&["pourcent"], |e| e.percent = true);
    Lex {
        shapes: Shapes::of(&b.words),
        words: b.words,
        stop: set(&[
            "de", "du", "des", "d", "à", "au", "aux", "en", "dans", "sur", "pour", "par", "avec",
            "sans", "sous", "chez", "vers", "entre", "selon", "et", "ou", "mais", "donc", "ni",
            "car", "que", "qu", "qui", "dont", "où", "ne", "n", "se", "s", "y", "il", "elle",
            "ils", "elles", "on", "le", "la", "les", "l", "un", "une", "ce", "cet", "cette", "ces",
            "son", "sa", "ses", "leur", "leurs", "est", "sont", "a", "ont", "était", "étaient",
            "sera", "seront", "été", "être", "avoir", "fait", "peut", "peuvent", "plus", "moins",
            "très", "aussi", "déjà", "encore", "ainsi", "alors", "comme", "si", "depuis",
            "pendant", "après", "avant", "contre", "lors", "dès", "jusqu", "soit", "tous",
            "toutes", "chaque", "contre", "environ", "près", "hier", "aujourd", "demain",
        ]),
        quals: vec![
            (&["plus", "de"], Qualifier::Over),
            (&["au", "moins"], Qualifier::Over),
            (&["pas", "moins", "de"], Qualifier::Over),
            (&["environ"], Qualifier::About),
            (&["quelque"], Qualifier::About),
            (&["autour", "de"], Qualifier::About),
            (&["approximativement"], Qualifier::About),
            (&["près", "de"], Qualifier::Under),
            (&["presque"], Qualifier::Under),
            (&["quasiment"], Qualifier::Under),
            (&["moins", "de"], Qualifier::Under),
            (&["jusqu", "à"], Qualifier::Under),
        ],
        dec: Decimal::Comma,
        space_groups: true,
        noun_links: &["de", "d"],
        noun_words: 3,
        day_first: true,
    }
}
