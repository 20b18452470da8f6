//! A small multilingual lexicon of the nouns news figures count, so that `utilisateurs`,
//! `users`, `pengguna` and `用户` are recognised as the same thing, and of the qualifiers
//! that make two counts of the same noun different things (monthly active, American).

/// Concept name and the words (lower case; Chinese as substrings) that name it.
const CONCEPTS: &[(&str, &[&str])] = &[
    (
        "users",
        &[
            "utilisateurs",
            "utilisateur",
            "utilisatrices",
            "usagers",
            "internautes",
            "pengguna",
            "penggunanya",
            "users",
            "user",
            "usuarios",
            "usuarias",
            "用户",
            "用戶",
            "使用者",
            "nutzer",
            "nutzerinnen",
            "usuários",
            "utilizadores",
            "ユーザー",
            "网民",
        ],
    ),
    (
        "posts",
        &[
            "publications",
            "posts",
            "post",
            "unggahan",
            "postingan",
            "publicaciones",
            "帖子",
            "笔记",
            "beiträge",
            "posts",
            "publicações",
            "投稿",
            "貼文",
            "帖",
        ],
    ),
    (
        "conversations",
        &[
            "conversations",
            "discussions",
            "échanges",
            "percakapan",
            "pembicaraan",
            "obrolan",
            "diskusi",
            "conversaciones",
            "对话",
            "讨论",
        ],
    ),
    (
        "businesses",
        &[
            "entreprises",
            "sociétés",
            "commerces",
            "perusahaan",
            "usaha",
            "bisnis",
            "businesses",
            "companies",
            "firms",
            "empresas",
            "negocios",
            "企业",
            "公司",
            "商家",
        ],
    ),
    (
        "creators",
        &[
            "créateurs",
            "créatrices",
            "influenceurs",
            "kreator",
            "creators",
            "influencers",
            "creadores",
            "influencers",
            "创作者",
            "博主",
        ],
    ),
    (
        "people",
        &[
            "personnes",
            "habitants",
            "gens",
            "citoyens",
            "orang",
            "jiwa",
            "warga",
            "penduduk",
            "people",
            "persons",
            "residents",
            "citizens",
            "personas",
            "habitantes",
            "ciudadanos",
            "人",
        ],
    ),
    (
        "downloads",
        &[
            "téléchargements",
            "unduhan",
            "downloads",
            "descargas",
            "transferências",
            "ダウンロード",
            "下載",
            "下载",
        ],
    ),
    (
        "followers",
        &[
            "abonnés",
            "followers",
            "follower",
            "pengikut",
            "seguidores",
            "abonnenten",
            "フォロワー",
            "粉丝",
            "粉絲",
        ],
    ),
    // Latin words only: the scanner reads Han nouns of this lexicon as counted nouns.
    (
        "subscribers",
        &[
            "subscribers",
            "subscriber",
            "suscriptores",
            "suscriptoras",
            "inscritos",
            "assinantes",
        ],
    ),
    (
        "views",
        &[
            "vues",
            "tayangan",
            "views",
            "aufrufe",
            "visualizações",
            "再生",
            "觀看",
            "visualizaciones",
            "reproducciones",
            "浏览",
            "播放",
        ],
    ),
    (
        "employees",
        &[
            "salariés",
            "employés",
            "karyawan",
            "pegawai",
            "employees",
            "workers",
            "staff",
            "empleados",
            "trabajadores",
            "mitarbeiter",
            "beschäftigte",
            "funcionários",
            "trabalhadores",
            "従業員",
            "員工",
            "员工",
        ],
    ),
    (
        "visits",
        &["visites", "kunjungan", "visits", "visitas", "人次"],
    ),
    (
        "countries",
        &["pays", "negara", "countries", "países", "国家"],
    ),
    ("videos", &["vidéos", "video", "videos", "vídeos", "视频"]),
    (
        "places",
        &[
            "places",
            "positions",
            "peringkat",
            "spots",
            "places",
            "puestos",
            "位",
        ],
    ),
    (
        "comments",
        &[
            "commentaires",
            "komentar",
            "comments",
            "comentarios",
            "评论",
        ],
    ),
    (
        "accounts",
        &["comptes", "akun", "accounts", "cuentas", "账号", "账户"],
    ),
];

/// Qualifiers that make a different quantity of the same noun, and their words.
const TAGS: &[(&str, &[&str])] = &[
    (
        "monthly-active",
        &[
            "mensuels",
            "monatlich",
            "monatliche",
            "mensais",
            "por mês",
            "月間",
            "月活躍",
            "mensuellement",
            "bulanan",
            "monthly",
            "mensuales",
            "月活",
            "月活跃",
            // Users counted per month are its active users.
            "par mois",
            "por mes",
            "al mes",
            "per month",
            "pro monat",
            "per bulan",
            "每月",
        ],
    ),
    (
        "daily-active",
        &[
            "quotidiens",
            "harian",
            "daily",
            "diarios",
            "täglich",
            "diários",
            "日活",
            // Users who open an app every day are its daily active users.
            "par jour",
            "chaque jour",
            "por día",
            "cada día",
            "por dia",
            "todos os dias",
            "per day",
            "every day",
            "pro tag",
            "jeden tag",
            "setiap hari",
            "每天",
            "毎日",
        ],
    ),
    (
        "us",
        &[
            "américains",
            "américaines",
            "américain",
            "états-unis",
            "as",
            "amerika",
            "us",
            "u.s.",
            "american",
            "americans",
            "america",
            "estadounidenses",
            "united states",
            "usa",
            "eua",
            "estados unidos",
            "米国",
            "美國",
            "eeuu",
            "ee.uu.",
            "美国",
        ],
    ),
];

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
}

fn has_han(s: &str) -> bool {
    s.chars().any(super::token::is_han)
}

/// The concept a counted noun phrase names (`users` for "utilisateurs américains"), if the
/// lexicon knows it.
#[must_use]
pub fn concept(unit: &str) -> Option<&'static str> {
    let cjk = |s: &str| {
        s.chars()
            .any(|c| super::token::is_han(c) || super::token::is_kana(c))
    };
    if cjk(unit) {
        // The longest match wins, so 用户 beats 人 in 用户人数.
        let mut best: Option<(&str, usize)> = None;
        for (c, ws) in CONCEPTS {
            for w in ws.iter().filter(|w| cjk(w)) {
                if unit.contains(w) && best.is_none_or(|(_, l)| w.len() > l) {
                    best = Some((c, w.len()));
                }
            }
        }
        return best.map(|(c, _)| c);
    }
    for w in words(unit) {
        for (c, ws) in CONCEPTS {
            if ws.contains(&w.as_str()) {
                return Some(c);
            }
        }
    }
    None
}

/// Where the longest lexicon noun that ends a run of Han characters starts (`用户` in
/// `月活跃用户`), if one does.
#[must_use]
pub fn han_noun_ends(run: &str) -> Option<usize> {
    HAN_NOUNS
        .iter()
        .filter(|w| run.ends_with(**w))
        .map(|w| run.len() - w.len())
        .min()
}

/// The lexicon nouns written in Han characters, gathered once: the scanner asks about
/// them for every Chinese count.
static HAN_NOUNS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    CONCEPTS
        .iter()
        .flat_map(|(_, ws)| ws.iter().copied())
        .filter(|w| has_han(w))
        .collect()
});

/// Where the last lexicon noun in a run of Han characters ends (`帖子` in `帖子数`).
#[must_use]
pub fn han_noun_end(run: &str) -> Option<usize> {
    // Runs are a few characters long: trying each start is cheaper than setting up a
    // substring search per noun.
    run.char_indices()
        .flat_map(|(at, _)| {
            let rest = &run[at..];
            HAN_NOUNS
                .iter()
                .filter(move |w| rest.starts_with(**w))
                .map(move |w| at + w.len())
        })
        .max()
}

/// The qualifier tags found in a piece of text around a figure, sorted. `AS` counts only
/// in capitals (it is also the Indonesian for the United States, and "as" in English).
#[must_use]
pub fn tags(context: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (tag, ws) in TAGS {
        let hit = if *tag == "us" {
            context
                .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
                .any(|w| {
                    let w = w.trim_end_matches('.');
                    matches!(w, "AS" | "US" | "U.S" | "EE.UU") || {
                        let l = w.to_lowercase();
                        l != "as" && l != "us" && ws.contains(&l.as_str())
                    }
                })
                || context.contains("美国")
                || context.to_lowercase().contains("amerika serikat")
                || context.to_lowercase().contains("estados unidos")
                || context.to_lowercase().contains("united states")
                || context.contains("米国")
                || context.contains("美國")
        } else {
            let lower = context.to_lowercase();
            words(context).any(|w| ws.contains(&w.as_str()))
                || ws
                    .iter()
                    .any(|w| (has_han(w) || w.contains(' ') || !w.is_ascii()) && lower.contains(w))
        };
        if hit {
            out.push(*tag);
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concepts_across_languages() {
        assert_eq!(concept("utilisateurs américains"), Some("users"));
        assert_eq!(concept("pengguna aktif bulanan"), Some("users"));
        assert_eq!(concept("monthly active users"), Some("users"));
        assert_eq!(concept("月活跃用户"), Some("users"));
        assert_eq!(concept("unggahan"), Some("posts"));
        assert_eq!(concept("percakapan"), Some("conversations"));
        assert_eq!(concept("pembicaraan"), Some("conversations"));
        assert_eq!(
            concept("petites entreprises américaines"),
            Some("businesses")
        );
        assert_eq!(concept("chats"), None);
    }

    #[test]
    fn tags_in_context() {
        assert_eq!(
            tags("pengguna aktif bulanan secara global"),
            ["monthly-active"]
        );
        assert_eq!(tags("pengguna di AS atau"), ["us"]);
        assert_eq!(tags("as many users as"), Vec::<&str>::new());
        assert_eq!(tags("utilisateurs américains"), ["us"]);
        assert_eq!(tags("美国用户"), ["us"]);
    }
}
