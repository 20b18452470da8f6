//! The Portuguese word tables, for Brazil and Portugal.

use super::{
    B, BILLION, Decimal, HUNDRED, Lex, MILLION, ONE, Qualifier, Shapes, THOUSAND, TRILLION, set,
};

pub(super) fn portuguese() -> Lex {
    let mut b = B::new();
    b.nums(&[
        ("zero", 0),
        ("dois", 2),
        ("duas", 2),
        ("três", 3),
        ("quatro", 4),
        ("cinco", 5),
        ("seis", 6),
        ("sete", 7),
        ("oito", 8),
        ("nove", 9),
        ("dez", 10),
        ("onze", 11),
        ("doze", 12),
        ("treze", 13),
        ("catorze", 14),
        ("quatorze", 14),
        ("quinze", 15),
        ("dezesseis", 16),
        ("dezasseis", 16),
        ("dezessete", 17),
        ("dezassete", 17),
        ("dezoito", 18),
        ("dezenove", 19),
        ("dezanove", 19),
        ("vinte", 20),
        ("trinta", 30),
        ("quarenta", 40),
        ("cinquenta", 50),
        ("sessenta", 60),
        ("setenta", 70),
        ("oitenta", 80),
        ("noventa", 90),
        ("duzentos", 200),
        ("duzentas", 200),
        ("trezentos", 300),
        ("trezentas", 300),
        ("quatrocentos", 400),
        ("quatrocentas", 400),
        ("quinhentos", 500),
        ("quinhentas", 500),
        ("seiscentos", 600),
        ("seiscentas", 600),
        ("setecentos", 700),
        ("setecentas", 700),
        ("oitocentos", 800),
        ("oitocentas", 800),
        ("novecentos", 900),
        ("novecentas", 900),
    ])
    .parts(&["um", "uma"], ONE)
    .set(&["um", "uma"], |e| e.one = true)
    .parts(&["cem", "cento"], HUNDRED)
    .parts(&["mil"], THOUSAND)
    .parts(&["milhão", "milhões", "milhao", "milhoes", "mi"], MILLION)
    .parts(&["bilhão", "bilhões", "bilhao", "bilhoes", "bi"], BILLION)
    .parts(&["bilião", "biliões", "trilhão", "trilhões"], TRILLION)
    .set(&["e"], |e| e.connector = true)
    .months(&[
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ])
    .set(&["domingo", "sábado"], |e| e.weekday = true)
    // "segundo" and "quarto" are left out: "segundo o IBGE" (according to), "um quarto".
    .ordinals(&[
        ("primeiro", 1),
        ("primeira", 1),
        ("terceiro", 3),
        ("terceira", 3),
        ("quinto", 5),
        ("quinta", 5),
        ("sexto", 6),
        ("sétimo", 7),
        ("oitavo", 8),
        ("nono", 9),
        ("décimo", 10),
    ])
    .money(&["real", "reais"], "BRL")
    .cents(&["centavo", "centavos"], "BRL")
    .money(&["euro", "euros"], "EUR")
    .cents(&["cêntimo", "cêntimos"], "EUR")
    .money(&["dólar", "dólares"], "USD")
    .money(&["iene", "ienes"], "JPY")
    .money(&["yuan", "yuans"], "CNY")
    .unit(&["dia", "dias"], "day")
    .unit(&["semana", "semanas"], "week")
    .unit(&["mês", "meses"], "month")
    .unit(&["ano", "anos"], "year")
    .unit(&["hora", "horas"], "hour")
    .unit(&["minuto", "minutos"], "minute")
    .unit(&["segundos"], "second")
    .unit(&["década", "décadas"], "decade")
    .unit(&["século", "séculos"], "century")
    .set(&["porcento"], |e| e.percent = true);
    Lex {
        shapes: Shapes::of(&b.words),
        words: b.words,
        stop: set(&[
            "de", "do", "da", "dos", "das", "a", "o", "as", "os", "ao", "aos", "à", "às", "em",
            "no", "na", "nos", "nas", "com", "por", "pelo", "pela", "para", "sem", "sobre",
            "entre", "e", "ou", "que", "um", "uma", "seu", "sua", "seus", "suas", "este", "esta",
            "é", "são", "foi", "foram", "ser", "se", "não", "mais", "muito", "já", "também",
            "como", "segundo", "desde", "até", "durante", "após", "cada", "todos", "quase",
            "cerca", "menos", "contra", "favor",
        ]),
        quals: vec![
            (&["mais", "de"], Qualifier::Over),
            (&["mais", "do", "que"], Qualifier::Over),
            (&["pelo", "menos"], Qualifier::Over),
            (&["ao", "menos"], Qualifier::Over),
            (&["no", "mínimo"], Qualifier::Over),
            (&["cerca", "de"], Qualifier::About),
            (&["ronda", "os"], Qualifier::About),
            (&["ronda", "as"], Qualifier::About),
            (&["ronda", "o"], Qualifier::About),
            (&["aproximadamente"], Qualifier::About),
            (&["perto", "de"], Qualifier::About),
            (&["quase"], Qualifier::Under),
            (&["menos", "de"], Qualifier::Under),
            (&["até"], Qualifier::Under),
        ],
        dec: Decimal::Comma,
        space_groups: true,
        noun_links: &["de"],
        noun_words: 3,
        day_first: true,
    }
}
