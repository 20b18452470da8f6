//! Extraction throughput in MB/s on a large multilingual text generated here, about 4 MB per
//! language: the French and Indonesian seed articles (real news, scrape junk included)
//! repeated, and English, Spanish, Chinese (simplified and traditional), German, Portuguese
//! and Japanese news-style paragraphs built from the sentences below with varying numbers. The `dense` case is made only of sentences with figures and
//! negatives, several times denser in figures than real news.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::corpus::Lang;
use dossier::extract::figures::extract;

const FR: &[&str] = &[
    "Le 19 janvier 2025, environ 100 millions d'utilisateurs américains pourraient perdre l'accès à la plateforme.",
    "Selon des données divulguées, près de {n} 000 créateurs de contenu subiraient une perte de {n},5 millions de dollars en un mois.",
    "Les échanges culturels entre la Chine et les États-Unis ont connu un nouvel élan, sans chiffre ni date dans cette phrase.",
    "Appelez le 01 23 45 67 89 ; le hashtag #TikTokRefugee et l'Airbus A320 ne comptent pas.",
    "Depuis 4 heures du matin, le {d} janvier, le classement a bondi de plus de {n} places, atteignant la première position.",
];
const ID: &[&str] = &[
    "Hingga Selasa ({d}/1), dilaporkan ada lebih dari {n}.000 unggahan dengan lebih dari 2 juta pembicaraan.",
    "Xiaohongshu disebut memiliki sekitar {n} juta pengguna aktif bulanan secara global pada Desember 2024.",
    "Pengguna dari China pun berbagi foto dan video cara menggunakan aplikasi tersebut tanpa angka apa pun.",
    "Harga beras naik menjadi Rp{n}.500 per kilogram, atau dua puluh lima persen lebih mahal.",
];
const EN: &[&str] = &[
    "More than {n},200 people were evacuated on January {d}, 2025, and the storm lasted 48 hours.",
    "The company reported revenue of ${n}.2 billion in the third quarter, up {n}.5% from a year earlier.",
    "Officials said the hearing would continue next week, without giving further details about the case.",
    "Call 555-123-4567; version 4.1.2 of the app and the Boeing 787 are not figures.",
];
const ES: &[&str] = &[
    "Más de {n}.000 personas participaron en la marcha del {d} de enero de 2025.",
    "La empresa facturó {n}.500 millones de euros, un {n},5 % más que el año anterior.",
    "Los vecinos protestaron frente al ayuntamiento durante toda la tarde sin incidentes.",
];
const DE: &[&str] = &[
    "Mehr als {n}.000 Menschen demonstrierten am {d}. Januar 2025 in Leipzig, rund {n},5 Prozent mehr.",
    "Der Konzern erzielte einen Umsatz von {n},5 Milliarden Euro und will 3,4 Mio. € sparen.",
    "Die Sitzung beginnt um 14.30 Uhr im Rathaus, ohne weitere Angaben zum Ablauf der Debatte.",
    "Der Song stieg auf Platz eins ein; Hannover 96 spielt gegen den 1. FC Köln.",
];
const PT: &[&str] = &[
    "Mais de {n} mil pessoas protestaram em {d} de janeiro de 2025 na avenida Paulista.",
    "A empresa faturou R$ {n},5 bilhões e o Estado vai investir 2,5 mil milhões de euros.",
    "A audiência durou três horas e meia, sem que os deputados chegassem a um acordo final.",
    "O voo decolou às 7h40; o Flamengo ocupa o 3º lugar pela primeira vez.",
];
const JA: &[&str] = &[
    "同社は世界で約{n}万5000人の従業員を抱え、売上高は{n}兆2000億円だった。",
    "記者会見は1月{d}日午後3時から始まり、約{n}割が賛成した。",
    "政府は新たな経済対策を閣議決定したが、詳細はまだ明らかにされていない。",
];
const HANT: &[&str] = &[
    "台積電去年營收達新台幣{n}.89兆元，相關貼文已超過{n}萬則。",
    "記者會將於1月{d}日下午3點舉行，搜救行動進行了兩個半小時。",
    "該應用程式登上美國App Store免費榜第一名，這是他第一次造訪台灣。",
];
const ZH: &[&str] = &[
    "截至2024年12月，小红书月活跃用户约{n}亿，相关话题超过{n}万条帖子。",
    "美国最高法院将于1月{d}日作出裁决，约七成受访者表示支持。",
    "中国用户热情欢迎新来的朋友，并分享了各种生活经验和学习资料。",
];

fn build(templates: &[&str], target: usize) -> String {
    let mut out = String::with_capacity(target + 256);
    let mut i = 0usize;
    while out.len() < target {
        let t = templates[i % templates.len()];
        let n = (i * 37) % 900 + 10;
        let d = i % 28 + 1;
        out.push_str(
            &t.replace("{n}", &n.to_string())
                .replace("{d}", &d.to_string()),
        );
        out.push(if i % 5 == 4 { '\n' } else { ' ' });
        i += 1;
    }
    out
}

/// Plain prose without figures, as most of a news article is.
const PROSE: &[(Lang, &str)] = &[
    (
        Lang::EN,
        "Officials said the talks would continue, and several analysts expected the regulator to review the platform's data practices in the coming months, while users shared tips on moving their accounts.",
    ),
    (
        Lang::ES,
        "Los usuarios compartieron consejos para trasladar sus cuentas mientras los analistas esperaban que el regulador revisara las prácticas de datos de la plataforma en los próximos meses.",
    ),
    (
        Lang::ZH,
        "用户们分享了迁移账号的经验，分析人士预计监管机构将在未来几个月审查该平台的数据做法，双方的交流也越来越频繁。",
    ),
    (
        Lang::DE,
        "Die Gespräche sollen weitergehen, und mehrere Fachleute erwarten, dass die Aufsicht den Umgang der Plattform mit Daten in den kommenden Monaten prüft, während Nutzer Tipps zum Umzug teilen.",
    ),
    (
        Lang::PT,
        "As conversas devem continuar, e vários analistas esperam que o regulador examine as práticas de dados da plataforma nos próximos meses, enquanto os usuários trocam dicas sobre a mudança.",
    ),
    (
        Lang::JA,
        "利用者はアカウントの移行方法を共有し、専門家は規制当局が今後数カ月のうちにプラットフォームのデータの扱いを調べるとみている。",
    ),
];

/// Seed text of the given language, repeated to `target` bytes.
fn seeds(lang: Lang, target: usize) -> String {
    let mut one = String::new();
    for (name, bytes) in dossier::corpus::seeds::SEEDS {
        let is_id = name.starts_with("003") || name.starts_with("004");
        if (lang == Lang::ID) == is_id {
            one.push_str(&String::from_utf8_lossy(bytes));
            one.push_str("\n\n");
        }
    }
    one.repeat(target / one.len() + 1)
}

/// News-like text: one sentence with figures for every three of prose.
fn news(lang: Lang, templates: &[&str], target: usize) -> String {
    let prose = PROSE
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("", |(_, p)| p);
    let mut mixed: Vec<&str> = Vec::new();
    for t in templates {
        mixed.push(t);
        mixed.extend([prose; 3]);
    }
    build(&mixed, target)
}

fn run(c: &mut Criterion, name: &str, texts: &[(Lang, String)]) {
    let total: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let mut g = c.benchmark_group("figures");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function(name, |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(lang, t)| extract(std::hint::black_box(t), *lang).len())
                .sum::<usize>()
        });
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    const SIZE: usize = 4 << 20;
    let news_texts = [
        (Lang::FR, seeds(Lang::FR, SIZE)),
        (Lang::ID, seeds(Lang::ID, SIZE)),
        (Lang::EN, news(Lang::EN, EN, SIZE)),
        (Lang::ES, news(Lang::ES, ES, SIZE)),
        (Lang::ZH, news(Lang::ZH, ZH, SIZE)),
        (Lang::ZH, news(Lang::ZH, HANT, SIZE)),
        (Lang::DE, news(Lang::DE, DE, SIZE)),
        (Lang::PT, news(Lang::PT, PT, SIZE)),
        (Lang::JA, news(Lang::JA, JA, SIZE)),
    ];
    run(c, "news", &news_texts);
    let dense = [
        (Lang::FR, build(FR, SIZE)),
        (Lang::ID, build(ID, SIZE)),
        (Lang::EN, build(EN, SIZE)),
        (Lang::ES, build(ES, SIZE)),
        (Lang::ZH, build(ZH, SIZE)),
        (Lang::ZH, build(HANT, SIZE)),
        (Lang::DE, build(DE, SIZE)),
        (Lang::PT, build(PT, SIZE)),
        (Lang::JA, build(JA, SIZE)),
    ];
    run(c, "dense", &dense);
}

criterion_group!(benches, bench);
criterion_main!(benches);
