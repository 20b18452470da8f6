//! The Indonesian word tables.

use super::{
    B, BILLION, Decimal, HUNDRED, Lex, MILLION, ONE, Part, Qualifier, Shapes, THOUSAND, TRILLION,
    set,
};

pub(super) fn indonesian() -> Lex {
    let mut b = B::new();
    b.nums(&[
        ("nol", 0),
        ("dua", 2),
        ("tiga", 3),
        ("empat", 4),
        ("lima", 5),
        ("enam", 6),
        ("tujuh", 7),
        ("delapan", 8),
        ("sembilan", 9),
        ("sepuluh", 10),
        ("sebelas", 11),
    ])
    .parts(&["satu"], ONE)
    .set(&["satu"], |e| e.one = true)
    .set(&["belas"], |e| e.parts = &[Part::Teen])
    .set(&["puluh"], |e| e.parts = &[Part::Tens])
    .parts(&["ratus"], HUNDRED)
    .parts(&["seratus"], &[Part::Add(1), Part::Hundred])
    .parts(&["ribu"], THOUSAND)
    .parts(&["seribu"], &[Part::Add(1), Part::Thousand])
    .parts(&["juta"], MILLION)
    .parts(&["sejuta"], &[Part::Add(1), Part::Big(1e6)])
    .parts(&["miliar", "milyar"], BILLION)
    .parts(&["triliun"], TRILLION)
    .months(&[
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
        "",
        "pebruari",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "nopember",
        "",
    ])
    .set(
        &[
            "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
        ],
        |e| {
            e.weekday = true;
        },
    )
    .ordinals(&[
        ("pertama", 1),
        ("kedua", 2),
        ("ketiga", 3),
        ("keempat", 4),
        ("kelima", 5),
        ("keenam", 6),
        ("ketujuh", 7),
        ("kedelapan", 8),
        ("kesembilan", 9),
        ("kesepuluh", 10),
        ("kesebelas", 11),
        ("keseratus", 100),
        ("keseribu", 1000),
    ])
    .money(&["rupiah"], "IDR")
    .money(&["dolar"], "USD")
    .money(&["euro"], "EUR")
    .money(&["yuan"], "CNY")
    .unit(&["hari"], "day")
    .unit(&["minggu", "pekan"], "week")
    .unit(&["bulan"], "month")
    .unit(&["tahun"], "year")
    .unit(&["jam"], "hour")
    .unit(&["menit"], "minute")
    .unit(&["detik"], "second")
    .unit(&["dekade"], "decade")
    .unit(&["abad"], "century")
    .set(&["persen"], |e| e.percent = true);
    Lex {
        shapes: Shapes::of(&b.words),
        words: b.words,
        stop: set(&[
            "di",
            "ke",
            "dari",
            "dan",
            "atau",
            "yang",
            "untuk",
            "pada",
            "dalam",
            "dengan",
            "oleh",
            "ini",
            "itu",
            "akan",
            "telah",
            "sudah",
            "sedang",
            "adalah",
            "ialah",
            "merupakan",
            "karena",
            "sehingga",
            "bahwa",
            "serta",
            "juga",
            "tidak",
            "bukan",
            "secara",
            "hingga",
            "sampai",
            "per",
            "se",
            "saat",
            "ketika",
            "sejak",
            "selama",
            "namun",
            "tetapi",
            "tapi",
            "lebih",
            "sekitar",
            "hampir",
            "masih",
            "baru",
            "lalu",
            "kini",
            "ada",
            "tersebut",
            "para",
            "pun",
            "bagi",
            "antara",
            "tiap",
            "setiap",
            "sebanyak",
            "mencapai",
            "menjadi",
            "sebagai",
            "tanpa",
            "melalui",
            "terhadap",
            "tentang",
            "kepada",
        ]),
        quals: vec![
            (&["lebih", "dari"], Qualifier::Over),
            (&["sedikitnya"], Qualifier::Over),
            (&["setidaknya"], Qualifier::Over),
            (&["paling", "sedikit"], Qualifier::Over),
            (&["minimal"], Qualifier::Over),
            (&["di", "atas"], Qualifier::Over),
            (&["sekitar"], Qualifier::About),
            (&["sekira"], Qualifier::About),
            (&["kurang", "lebih"], Qualifier::About),
            (&["lebih", "kurang"], Qualifier::About),
            (&["kira-kira"], Qualifier::About),
            (&["hampir"], Qualifier::Under),
            (&["nyaris"], Qualifier::Under),
            (&["kurang", "dari"], Qualifier::Under),
            (&["di", "bawah"], Qualifier::Under),
            (&["hingga"], Qualifier::Under),
        ],
        dec: Decimal::Comma,
        space_groups: false,
        noun_links: &[],
        noun_words: 3,
        day_first: true,
    }
}
