//! The text the search benches run on.

/// `n` one-sentence lines of about 120 characters: French and Indonesian words from the
/// seeds, with CJK, Arabic and emoji mixed in, as a deterministic pseudo-random mix.
pub fn lines(n: usize) -> String {
    let words: Vec<&str> = dossier::corpus::seeds::SEEDS
        .iter()
        .flat_map(|(_, b)| std::str::from_utf8(b).unwrap_or("").split_whitespace())
        .filter(|w| w.chars().all(char::is_alphanumeric))
        .collect();
    let extra = [
        "难民",
        "小红书",
        "美国用户",
        "اللاجئون",
        "الرقميون",
        "👩‍👩‍👧",
        "réfugiés",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % 1_000_003).unwrap_or(0)
    };
    let mut text = String::with_capacity(n * 124);
    for _ in 0..n {
        let start = text.len();
        while text.len() - start < 118 {
            let r = next();
            let w = if r % 9 == 0 {
                extra[r % extra.len()]
            } else {
                words[r % words.len()]
            };
            text.push_str(w);
            text.push(' ');
        }
        text.pop();
        text.push_str(".\n");
    }
    text
}
