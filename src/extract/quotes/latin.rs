//! Attribution in languages written with spaces (en, fr, id, es, pt, de): what the words
//! right after a quote's closing mark or right before its opening mark say about who spoke,
//! and the people a paragraph names, for references to find.

use super::lexicon::{AFTER_NAME_COMMA, AGE_UNITS, BODY_HEADS, PLACE_BEFORE, REPORTED, VERB_HEADS};
use super::lexicon::{
    DEFINITE, FUNCTION_WORDS, INDEFINITE, LEADS, NOT_NAME_START, NOT_PERSON, PRONOUNS, TITLES,
    VERBS, has,
};
use super::speaker::{Cue, Mention};

/// Most words between a speech verb and the name it introduces ("said American user").
const DESCRIPTOR_MAX_WORDS: usize = 10;

/// Most words a speech verb's descriptor and name take after it: "ha explicado la jefa de la
/// Unidad del Sueño del hospital y coordinadora del estudio, la doctora Elena Sastre Ureña".
const AFTER_VERB_MAX_WORDS: usize = 20;

/// One word of a clause, without the punctuation around it.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    word: &'a str,
    /// Byte offset of `word` in the clause.
    at: usize,
    /// Punctuation followed the word: a name or a descriptor ends there.
    stop: bool,
    /// A parenthesis opened before the word: "Georg Wimmer (CSU)".
    aside: bool,
}

/// Trailing punctuation that ends a word's phrase.
const STOPS: [char; 9] = [',', ';', ':', '.', '!', '?', ')', '…', '—'];

/// The words of `s` with their offsets.
fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t' | '\n' | '\r');
    let mut rest = s;
    let mut offset = 0;
    loop {
        let skipped = rest.len() - rest.trim_start_matches(is_space).len();
        offset += skipped;
        rest = &rest[skipped..];
        if rest.is_empty() {
            break;
        }
        let len = rest.find(is_space).unwrap_or(rest.len());
        let raw = &rest[..len];
        let start = offset;
        offset += len;
        rest = &rest[len..];
        let lead = raw.len() - raw.trim_start_matches(['(', '"', '«', '“', '‘', '[']).len();
        let core = &raw[lead..];
        let trimmed = core.trim_end_matches(['"', '»', '”', '’', ']']);
        let word = trimmed.trim_end_matches(STOPS);
        if word.is_empty() {
            continue;
        }
        // "Dr." and "Rep." are titles, not the end of a phrase.
        let abbrev = trimmed.len() > word.len()
            && trimmed[word.len()..].starts_with('.')
            && has(&TITLES, &trimmed[..=word.len()]);
        let (word, stop) = if abbrev {
            (&trimmed[..=word.len()], false)
        } else {
            (word, word.len() < core.len())
        };
        out.push(Tok {
            word,
            at: start + lead,
            stop,
            aside: raw.starts_with(['(', '[']),
        });
    }
    out
}

fn is_cap(w: &str) -> bool {
    // "L'analyste" is an article and a noun; "d'Europe" is a name.
    let w = ["L'", "L’", "l'", "l’", "D'", "D’", "d'", "d’"]
        .iter()
        .find_map(|a| w.strip_prefix(a))
        .unwrap_or(w);
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the word before token `i` puts a place or a body there ("à Montauban", "asal
/// Belanda", "de la Fédération"); an article may stand between ("de la Costa da Morte").
fn after_preposition(toks: &[Tok<'_>], i: usize) -> bool {
    let preposition = |k: usize| {
        !toks[k].stop && {
            let w = toks[k].word;
            !is_cap(w) && (has(&FUNCTION_WORDS, w) || has(&PLACE_BEFORE, w))
        }
    };
    let article = |k: usize| !toks[k].stop && has(&DEFINITE, toks[k].word);
    i > 0 && (preposition(i - 1) || (i > 1 && article(i - 1) && preposition(i - 2)))
}

/// Whether a preposition of origin at token `i` is followed by an article or a name: "von der
/// Verbraucherzentrale", "de Faro Norte", not "del hospital".
fn from_follows(toks: &[Tok<'_>], i: usize) -> bool {
    !toks[i].stop
        && has(&PLACE_BEFORE, toks[i].word)
        && toks
            .get(i + 1)
            .is_some_and(|n| is_cap(n.word) || has(&DEFINITE, n.word))
}

/// Whether a capitalised run is a German noun: one word after a lowercase word that is not a
/// speech verb ("auf allen betroffenen Rechnern"). German names stand first, after a comma or
/// after a verb.
fn german_noun(toks: &[Tok<'_>], (s, e): (usize, usize), lang: &str) -> bool {
    lang == "de"
        && e - s == 1
        && s > 0
        && !toks[s - 1].stop
        && !is_cap(toks[s - 1].word)
        && verb_at(toks, s - 1).is_none()
}

/// Whether `w` is a definite article or possessive, elided ones included ("L'analyste").
fn is_definite(w: &str, lang: &str) -> bool {
    let elided = ["l'", "l’", "L'", "L’"].iter().any(|a| w.starts_with(a));
    // Portuguese "a" and "as" are "the"; elsewhere "a" is "a".
    has(&DEFINITE, w) || elided || (lang == "pt" && matches!(w, "a" | "A" | "as" | "As"))
}

/// Name particles that may sit inside a name ("Anouk de Vries", "Nuno Sá Cerqueira").
const PARTICLES: &[&str] = &[
    "de", "van", "von", "bin", "binti", "al", "da", "di", "del", "le", "dos", "das", "do", "du",
    "la", "y",
];

/// The capitalised run starting at token `i`, as a token range.
fn cap_run(toks: &[Tok<'_>], i: usize) -> Option<(usize, usize)> {
    if !toks.get(i).is_some_and(|t| is_cap(t.word)) {
        return None;
    }
    let mut end = i + 1;
    while end < toks.len() && !toks[end - 1].stop {
        let t = toks[end];
        if t.aside {
            break;
        }
        if is_cap(t.word) {
            end += 1;
        } else if PARTICLES.contains(&t.word)
            && !t.stop
            && toks.get(end + 1).is_some_and(|n| is_cap(n.word))
        {
            end += 2;
        } else {
            break;
        }
    }
    Some((i, end))
}

/// Drops titles and sentence openers from the front of a run: "Mayor Denise Calloway". In
/// German, where nouns are capitalised, a run of three words or more is a noun and a
/// two-word name ("Geschäftsführer Thomas Hallmann").
fn strip_titles_in(toks: &[Tok<'_>], run: (usize, usize), lang: &str) -> Option<(usize, usize)> {
    let (s, e) = strip_titles(toks, run)?;
    let hyphen_free = !toks[s..e].iter().any(|t| PARTICLES.contains(&t.word));
    if lang == "de" && e - s >= 3 && hyphen_free {
        return Some((e - 2, e));
    }
    Some((s, e))
}

/// Drops titles and sentence openers from the front of a run: "Mayor Denise Calloway".
fn strip_titles(toks: &[Tok<'_>], (mut s, e): (usize, usize)) -> Option<(usize, usize)> {
    // "Ethiopia’s Dawit Alemu": a possessive before the name is where the person is from.
    let possessive = |w: &str| w.ends_with("’s") || w.ends_with("'s");
    while s < e
        && (has(&TITLES, toks[s].word)
            || has(&NOT_NAME_START, toks[s].word)
            || possessive(toks[s].word))
    {
        s += 1;
    }
    (s < e).then_some((s, e))
}

fn text_of<'a>(clause: &'a str, toks: &[Tok<'_>], (s, e): (usize, usize)) -> &'a str {
    let last = toks[e - 1];
    &clause[toks[s].at..last.at + last.word.len()]
}

/// The first body named in `toks` that speaks for itself, when no person is named: a run of
/// two words or more holding a word such as "Ministry" or "Secretaría", less an article
/// that opens a sentence ("La Secretaría de Movilidad" is the Secretaría de Movilidad).
fn body_of<'a>(clause: &'a str, toks: &[Tok<'_>]) -> Option<&'a str> {
    let mut i = 0;
    while i < toks.len() {
        let Some((mut s, e)) = cap_run(toks, i) else {
            i += 1;
            continue;
        };
        while s < e && has(&DEFINITE, toks[s].word) {
            s += 1;
        }
        if e - s >= 2 && toks[s..e].iter().any(|t| has(&BODY_HEADS, t.word)) {
            return Some(text_of(clause, toks, (s, e)));
        }
        i = e;
    }
    None
}

/// Whether a run can be a person: no acronym, digit, place or body word in it.
fn person_like(toks: &[Tok<'_>], (s, e): (usize, usize)) -> bool {
    toks[s..e].iter().all(|t| {
        let w = t.word;
        let acronym = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        !acronym && !w.chars().any(|c| c.is_ascii_digit()) && !has(&NOT_PERSON, w)
    })
}

/// The speech verb of one or more words at token `i`, and how many tokens it takes.
fn verb_at(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let first = toks.get(i)?;
    // Most words start no verb of several words: only those are joined and looked up.
    if !first.stop && has(&VERB_HEADS, first.word) {
        for n in (2..=3).rev() {
            if i + n > toks.len() || toks[i..i + n - 1].iter().any(|t| t.stop) {
                continue;
            }
            let words: Vec<String> = toks[i..i + n]
                .iter()
                .map(|t| t.word.to_lowercase())
                .collect();
            if VERBS.contains(&words.join(" ")) {
                return Some(n);
            }
        }
    }
    has(&VERBS, first.word).then_some(1)
}

/// A verb right after a quote known by its form: a past tense in -ó, -ou or -ed
/// ("advirtió", "lamentou", "recalled").
fn verb_by_form(toks: &[Tok<'_>], lang: &str) -> Option<usize> {
    let w = toks.first()?.word;
    if is_cap(w) {
        return None;
    }
    let past = match lang {
        "es" => w.ends_with('ó'),
        "pt" => w.ends_with("ou"),
        "en" => w.ends_with("ed"),
        _ => false,
    };
    past.then_some(1)
}

/// French inversion ("ajoute-t-elle", "a-t-il estimé") and Indonesian "-nya" ("ujarnya"):
/// a verb whose subject is a pronoun.
fn pronoun_verb(w: &str) -> bool {
    let lower = w.to_lowercase();
    let inverted = ["-il", "-elle", "-ils", "-elles", "-t-il", "-t-elle"]
        .iter()
        .any(|p| lower.ends_with(p));
    let nya = lower
        .strip_suffix("nya")
        .is_some_and(|stem| VERBS.contains(stem));
    inverted || nya
}

/// Where a clause after a closing mark ends: a sentence end (not a title's period) or a new
/// quote.
fn clause_end(s: &str) -> usize {
    let mut from = 0;
    loop {
        let Some(k) = s[from..].find(['.', '!', '?', ';', '\n', '«', '“', '"', '„']) else {
            return s.len();
        };
        let at = from + k;
        if s[at..].starts_with('.') {
            let word_start = s[..at].rfind([' ', '\u{a0}']).map_or(0, |i| i + 1);
            if has(&TITLES, &s[word_start..=at]) {
                from = at + 1;
                continue;
            }
        }
        return at;
    }
}

/// The person who said a quote, from the words right after its closing mark: "…," said Jane
/// Doe / Smith said / she added / ajoute-t-elle / katanya / note la spécialiste.
pub fn after(after: &str, lang: &str) -> Cue {
    let s = after.trim_start_matches([',', ' ', '\u{a0}', '\u{202f}', '—', '–']);
    let clause = &s[..clause_end(s)];
    let cue = after_clause(clause, lang);
    // "“el Flaco”, destacó la respuesta del grupo: “…”": a clause that ends in a colon
    // introduces the next quote; it names this one's speaker only if it is speech anyway.
    if clause.trim_end().ends_with(':') {
        return cue.weak();
    }
    cue
}

/// What one clause after a closing mark says of the speaker, read as [`after`] describes.
fn after_clause(clause: &str, lang: &str) -> Cue {
    let toks = tokens(clause);
    let Some(first) = toks.first() else {
        return Cue::None;
    };
    if pronoun_verb(first.word) {
        return Cue::Reference { strong: true };
    }
    if let Some(n) = verb_at(&toks, 0).or_else(|| verb_by_form(&toks, lang)) {
        if toks[n - 1].stop && n < toks.len() && !has(&PRONOUNS, toks[n].word) {
            // "…", dijo, en la rueda de prensa.
            return Cue::Reference { strong: true };
        }
        return after_verb(clause, &toks[n..], lang);
    }
    if has(&PRONOUNS, first.word) && !first.stop && toks.len() >= 2 {
        return Cue::Reference { strong: true };
    }
    // "Smith said", "Calder noted in an email".
    if let Some(run) = cap_run(&toks, 0)
        .and_then(|r| strip_titles_in(&toks, r, lang))
        .filter(|&r| verb_at(&toks, r.1).is_some() && person_like(&toks, r))
    {
        return Cue::Named {
            name: text_of(clause, &toks, run).to_string(),
            role: None,
            strong: true,
        };
    }
    // "the mayor said".
    if has(&DEFINITE, first.word) {
        let verb = (1..toks.len().min(4)).find(|&i| verb_at(&toks, i).is_some());
        if verb.is_some_and(|v| toks[..v].iter().all(|t| !t.stop)) {
            return Cue::Reference { strong: true };
        }
    }
    Cue::None
}

/// After a speech verb: a pronoun, a descriptor, a name, or nothing (the subject is the person
/// last named).
fn after_verb(clause: &str, toks: &[Tok<'_>], lang: &str) -> Cue {
    let Some(first) = toks.first() else {
        return Cue::Reference { strong: true };
    };
    if has(&PRONOUNS, first.word) {
        return Cue::Reference { strong: true };
    }
    let definite = has(&DEFINITE, first.word) && !(lang == "en" && first.word == "a");
    let indefinite = has(&INDEFINITE, first.word) && !(lang == "pt" && first.word == "a");
    let mut i = usize::from(definite || indefinite);
    let desc_start = i;
    // A body named before the person ("la presidente da Associação Comercial do Minho
    // Central, Fernanda Gouveia") speaks only when no person follows.
    let mut body = None;
    while i < toks.len() && i < AFTER_VERB_MAX_WORDS {
        let t = toks[i];
        if let Some(run) = cap_run(toks, i) {
            let words = run.1 - run.0;
            // A name ends its phrase: "Unidad del Sueño del hospital" is not a name.
            // "Georg Wimmer (CSU)": an aside after a name ends it too, and so does where the
            // person is from ("Julia Brandstätter von der Verbraucherzentrale").
            let boundary = run.1 == toks.len()
                || toks[run.1 - 1].stop
                || has(&FUNCTION_WORDS, toks[run.1].word)
                || toks[run.1].aside
                || (words >= 2 && from_follows(toks, run.1));
            // "el editor de Faro Norte, Damián Portela": a short run after a preposition is
            // where the person is from; a name may follow it.
            let whence = i > desc_start && after_preposition(toks, run.0) && words < 3;
            // German nouns are capitalised: "die Meeresbiologin Friederike Lohmann".
            let noun_first = lang == "de" && (definite || indefinite || i > desc_start);
            let run = if noun_first && words >= 2 && i == desc_start {
                (run.0 + 1, run.1)
            } else {
                run
            };
            if boundary && !(noun_first && words == 1) && !whence {
                if let Some(name_run) =
                    strip_titles_in(toks, run, lang).and_then(|r| person_tail(toks, r))
                {
                    let name = text_of(clause, toks, name_run).to_string();
                    let role = (name_run.0 > desc_start)
                        .then(|| {
                            text_of(clause, toks, (desc_start, name_run.0))
                                .trim_end_matches([',', ' '])
                                .to_string()
                        })
                        .or_else(|| apposition(clause, toks, name_run.1));
                    return Cue::Named {
                        name,
                        role,
                        strong: true,
                    };
                }
                body.get_or_insert(run);
            }
            i = run.1;
            if toks[run.1 - 1].stop && !toks.get(i).is_some_and(|n| is_cap(n.word)) {
                break;
            }
            continue;
        }
        if has(&FUNCTION_WORDS, t.word) && i == desc_start {
            break;
        }
        i += 1;
        // "la porte-parole de l'entreprise, Nadia Ferhat": a name may follow a comma, or a
        // second description ("…, la doctora Elena Sastre Ureña").
        let next_named = toks.get(i).is_some_and(|n| is_cap(n.word));
        let next_described = toks.get(i).is_some_and(|n| is_definite(n.word, lang));
        if t.stop && !next_named && !next_described {
            break;
        }
    }
    // An organisation speaks: "según la Secretaría de Movilidad".
    if let Some(run) = body {
        return Cue::Named {
            name: text_of(clause, toks, run).to_string(),
            role: None,
            strong: true,
        };
    }
    let role = (i > desc_start).then(|| text_of(clause, toks, (desc_start, i)).to_string());
    if indefinite {
        Cue::Anonymous { role }
    } else {
        Cue::Reference { strong: true }
    }
}

/// ", union president." after a name: the role, up to the end of the clause.
fn apposition(clause: &str, toks: &[Tok<'_>], after_name: usize) -> Option<String> {
    if after_name == 0 || !toks[after_name - 1].stop || after_name >= toks.len() {
        return None;
    }
    let rest_at = toks[after_name].at;
    let rest = &clause[rest_at..];
    let end = rest.find([',', '.', ';', '(', '\n']).unwrap_or(rest.len());
    let role = rest[..end].trim();
    let first = role.split_whitespace().next()?;
    let words = role.split_whitespace().count();
    (words <= DESCRIPTOR_MAX_WORDS && !has(&FUNCTION_WORDS, first) && !has(&PRONOUNS, first)).then(
        || {
            role.trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        },
    )
}

/// The person who said a quote, from the clause that introduces it: "Selon X, « … »",
/// "Health Commissioner Dr. Olivia Mensah explained: “…”", "Ia berkata: "…"".
pub fn before(before: &str, lang: &str) -> Cue {
    let t = before.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    let colon = t.ends_with(':');
    let Some(body) = t.strip_suffix([':', ',']) else {
        return verb_before(t, lang);
    };
    let start = sentence_start(body);
    let clause = &body[start..];
    let toks = tokens(clause);
    if toks.is_empty() {
        return Cue::None;
    }
    // "Selon X," / "Pour Lucas, 21 ans, c'est …:".
    for lead in LEADS {
        let n = lead.split(' ').count();
        if toks.len() > n
            && toks[..n]
                .iter()
                .map(|t| t.word.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ")
                == *lead
        {
            if has(&PRONOUNS, toks[n].word) {
                return Cue::Reference { strong: true };
            }
            return lead_name(clause, &toks, n, lang);
        }
    }
    // "X a déclaré :", "Ia berkata:".
    let Some(v) = (0..toks.len())
        .rev()
        .find(|&i| verb_at(&toks, i) == Some(toks.len() - i))
    else {
        // "La ministre, Claire Antonetti, a défendu une mesure :": the sentence's subject,
        // a person or else a body ("la Secretaria de Estado da Habitação respondeu …:").
        return if colon {
            subject_of(clause, &toks, lang)
                .or_else(|| {
                    let end = toks.len().min(DESCRIPTOR_MAX_WORDS);
                    body_of(clause, &toks[..end]).map(|b| (b.to_string(), None))
                })
                .map_or_else(
                    // "El dirigente explicó que …:": the verb is earlier in the sentence.
                    || verb_in(clause, &toks, lang).map_or(Cue::None, |(_, cue)| cue),
                    |(name, role)| Cue::Named {
                        name,
                        role,
                        strong: true,
                    },
                )
        } else {
            Cue::None
        };
    };
    let subject = &toks[..v];
    let Some(first) = subject.first() else {
        return Cue::Reference { strong: true };
    };
    if has(&PRONOUNS, first.word) {
        return Cue::Reference { strong: true };
    }
    // The last person named in the subject: "Le secrétaire régional du SAAR, Bruno Carrère,".
    let mut best = None;
    let mut i = 0;
    while i < subject.len() {
        if let Some(run) = cap_run(subject, i) {
            if let Some(r) = strip_titles_in(subject, run, lang)
                .filter(|r| person_like(subject, *r) && !german_noun(subject, *r, lang))
            {
                best = Some(r);
            }
            i = run.1;
        } else {
            i += 1;
        }
    }
    if let Some(run) = best.map(|r| after_place(subject, r)) {
        let role = (run.0 > 0)
            .then(|| {
                text_of(clause, subject, (0, run.0))
                    .trim_end_matches([',', ' '])
                    .to_string()
            })
            .filter(|r| !r.is_empty());
        return Cue::Named {
            name: text_of(clause, subject, run).to_string(),
            role,
            strong: true,
        };
    }
    // "la Secretaría de Movilidad … aseguró:", "the Health Ministry said,".
    if let Some(body) = body_of(clause, subject) {
        return Cue::Named {
            name: body.to_string(),
            role: None,
            strong: true,
        };
    }
    if has(&INDEFINITE, first.word) && !(lang == "pt" && first.word == "a") {
        return Cue::Anonymous {
            role: Some(text_of(clause, subject, (1, subject.len().max(2))).to_string()),
        };
    }
    Cue::None
}

/// Most words between a speech verb and the quote it introduces with no colon or
/// conjunction: "a dénoncé « … »", "subrayó la «…»".
const VERB_TO_QUOTE_MAX_WORDS: usize = 3;

/// The speaker of a quote that no comma or colon introduces, from a speech verb earlier in its
/// sentence ("Carmen Villalobos explica que las almazaras trabajan con «…»", "a dénoncé
/// « … »"), or, for a quote that opens a sentence, from the verb of the sentence before it
/// ("Il note que … . « … »", "…, sagt sie. »…«"). A verb far from the quote must report what
/// follows it (que, that, dass, bahwa): otherwise the quote is its object, a term.
fn verb_before(t: &str, lang: &str) -> Cue {
    if let Some(previous) = t.strip_suffix(['.', '!', '?', '…']) {
        let clause = &previous[sentence_start(previous)..];
        let toks = tokens(clause);
        // Who spoke the sentence before is only a likely speaker: the quote must read as
        // speech on its own.
        return verb_in(clause, &toks, lang).map_or(Cue::None, |(_, cue)| cue.weak());
    }
    let clause = &t[sentence_start(t)..];
    let toks = tokens(clause);
    let Some((v, cue)) = verb_in(clause, &toks, lang) else {
        return Cue::None;
    };
    let reported = toks[v..].iter().any(|t| has(&REPORTED, t.word));
    if reported || toks.len() - v <= VERB_TO_QUOTE_MAX_WORDS + 1 {
        cue
    } else {
        Cue::None
    }
}

/// The first speech verb of a clause and who it says spoke: the name or pronoun after it
/// when it follows a comma ("…, sagt sie"), else its subject before it.
fn verb_in(clause: &str, toks: &[Tok<'_>], lang: &str) -> Option<(usize, Cue)> {
    let (v, n) = (0..toks.len()).find_map(|i| {
        let lower = !is_cap(toks[i].word);
        verb_at(toks, i).filter(|_| lower).map(|n| (i, n))
    })?;
    let rest = &toks[v + n..];
    let inverted = (v == 0 || toks[v - 1].stop)
        && rest
            .first()
            .is_some_and(|t| has(&PRONOUNS, t.word) || is_cap(t.word));
    // A subject before the verb speaks ("…, Nuno Sá Cerqueira, disse à Lusa que"); with none,
    // a name or pronoun after it ("…, sagt sie", "a rétorqué Nadia Ferhat").
    let cue = match subject_cue(clause, &toks[..v], lang) {
        Cue::None if inverted => after_verb(clause, rest, lang),
        Cue::Reference { .. } if v == 0 && inverted => after_verb(clause, rest, lang),
        c => c,
    };
    Some((v, cue))
}

/// Who the subject of a speech verb is: a pronoun, the last person it names ("La portavoz de
/// la Asociación …, Carmen Villalobos"), a body ("la Sociedad Española de …"), a definite
/// description ("El dirigente", "L'analyste", "Contactée, la dirigeante") or, when empty,
/// whoever the sentence before was about.
fn subject_cue(clause: &str, toks: &[Tok<'_>], lang: &str) -> Cue {
    let Some(first) = toks.first() else {
        return Cue::Reference { strong: true };
    };
    if has(&PRONOUNS, first.word) {
        return Cue::Reference { strong: true };
    }
    let mut best = None;
    let mut i = 0;
    while i < toks.len() {
        if let Some(run) = cap_run(toks, i) {
            // One capitalised word is a name only when it is the whole subject ("Benavídez
            // reconoció"): the first word of "Hundreds of people replied" is capitalised too.
            // "le député du Cantal Étienne Fabre": the place word is dropped first, and the
            // person left is not after the preposition.
            let person = strip_titles_in(toks, run, lang)
                .map(|r| after_place(toks, r))
                .filter(|r| {
                    person_like(toks, *r) && (r.1 - r.0 >= 2 || (r.0 == 0 && toks.len() == 1))
                });
            if let Some(r) = person.filter(|r| !after_preposition(toks, r.0)) {
                best = Some(r);
            }
            i = run.1;
        } else {
            i += 1;
        }
    }
    if let Some(run) = best {
        return Cue::Named {
            name: text_of(clause, toks, run).to_string(),
            role: None,
            strong: true,
        };
    }
    if let Some(body) = body_of(clause, toks) {
        return Cue::Named {
            name: body.to_string(),
            role: None,
            strong: true,
        };
    }
    // "Contactée, la dirigeante": a participle before the description.
    let head = match toks {
        [one, second, ..] if one.stop => second,
        _ => first,
    };
    if is_definite(head.word, lang) {
        return Cue::Reference { strong: true };
    }
    Cue::None
}

/// The name after a lead word ("Selon Jean Dupont", "Pour l'œnologue Sandrine Mallet").
fn lead_name(clause: &str, toks: &[Tok<'_>], mut i: usize, lang: &str) -> Cue {
    let start = i;
    while i < toks.len() && i < start + DESCRIPTOR_MAX_WORDS {
        if let Some(run) = cap_run(toks, i) {
            let run = strip_titles_in(toks, run, lang).unwrap_or(run);
            return Cue::Named {
                name: text_of(clause, toks, run).to_string(),
                role: None,
                strong: true,
            };
        }
        if toks[i].stop {
            break;
        }
        i += 1;
    }
    Cue::None
}

/// Where the sentence holding the end of `s` starts.
fn sentence_start(s: &str) -> usize {
    let mut end = s.len();
    while let Some(k) = s[..end].rfind(['.', '!', '?', ';', '»', '”', '"']) {
        if s[k..].starts_with('.') {
            let word_start = s[..k].rfind([' ', '\u{a0}']).map_or(0, |i| i + 1);
            if has(&TITLES, &s[word_start..=k]) {
                end = k;
                continue;
            }
        }
        return k + s[k..].chars().next().map_or(1, char::len_utf8);
    }
    0
}

/// The first person a clause names, within its first words, and the words before it.
fn subject_of(clause: &str, toks: &[Tok<'_>], lang: &str) -> Option<(String, Option<String>)> {
    let mut i = 0;
    while i < toks.len() && i < DESCRIPTOR_MAX_WORDS {
        if let Some(run) = cap_run(toks, i) {
            // One capitalised word is too often a noun or a place to be the subject.
            let person = strip_titles_in(toks, run, lang)
                .filter(|r| person_like(toks, *r) && r.1 - r.0 >= 2);
            if let Some(r) = person.filter(|_| !after_preposition(toks, run.0)) {
                let r = after_place(toks, r);
                let role = (r.0 > 0)
                    .then(|| {
                        text_of(clause, toks, (0, r.0))
                            .trim_end_matches([',', ' '])
                            .to_string()
                    })
                    .filter(|r| !r.is_empty());
                return Some((text_of(clause, toks, r).to_string(), role));
            }
            i = run.1;
        } else {
            i += 1;
        }
    }
    None
}

/// The person in a run: the run itself, or the part after its last particle when the run
/// starts with a body ("Dirección Meteorológica de Chile Patricio Lagos Henríquez"), less a
/// place word that opens it.
fn person_tail(toks: &[Tok<'_>], (s, e): (usize, usize)) -> Option<(usize, usize)> {
    if person_like(toks, (s, e)) {
        return Some(after_place(toks, (s, e)));
    }
    let p = (s..e).rev().find(|&k| PARTICLES.contains(&toks[k].word))?;
    let tail = (p + 1, e);
    // A place and a name of two words or more: "de Chile Patricio Lagos Henríquez".
    (e - tail.0 >= 3 && person_like(toks, tail)).then(|| after_place(toks, tail))
}

/// A run of three words or more after a place word loses its first word.
fn after_place(toks: &[Tok<'_>], (s, e): (usize, usize)) -> (usize, usize) {
    let after_place_word = s > 0 && has(&PLACE_BEFORE, toks[s - 1].word) && !toks[s - 1].stop;
    // "dos Transportes Urbanos de Braga" is one name: a particle after the first word ties it
    // to the rest.
    if after_place_word && e - s >= 3 && is_cap(toks[s + 1].word) {
        (s + 1, e)
    } else {
        (s, e)
    }
}

/// Whether a one-word name ending before token `next` is introduced as a person: an age or
/// aside in parentheses, a speech verb, or a relative clause or age after a comma.
fn introduced_alone(text: &str, toks: &[Tok<'_>], next: usize) -> bool {
    let last = toks[next - 1];
    let after = &text[last.at + last.word.len()..];
    let Some(n) = toks.get(next) else {
        return false;
    };
    if after.trim_start().starts_with('(') || verb_at(toks, next).is_some() {
        return true;
    }
    after.starts_with(',')
        && (has(&AFTER_NAME_COMMA, n.word)
            || n.word.chars().all(|c| c.is_ascii_digit())
            || aged(&toks[next..]))
}

/// Whether an apposition gives an age before its end: "enfermeira de 31 anos,".
fn aged(toks: &[Tok<'_>]) -> bool {
    let end = toks
        .iter()
        .position(|t| t.stop)
        .map_or(toks.len(), |k| k + 1)
        .min(DESCRIPTOR_MAX_WORDS);
    toks[..end]
        .windows(2)
        .any(|w| w[0].word.chars().all(|c| c.is_ascii_digit()) && has(&AGE_UNITS, w[1].word))
}

/// Whether token `i` is a figure: "6,8 Millionen Euro" is a quantity, not a person.
fn figure(toks: &[Tok<'_>], i: usize) -> bool {
    toks[i]
        .word
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
}

/// The people a stretch of prose names, as capitalised runs. A single word counts when it
/// stands for a fuller name named before, or when it opens a sentence with an apposition or
/// a speech verb after it ("Nurhayati (52), warga …", "Rizky, yang …"). The first person of
/// each sentence is its subject, which pronouns refer to.
pub fn mentions(text: &str, base: usize, lang: &str, out: &mut Vec<Mention>) {
    let toks = tokens(text);
    let mut i = 0;
    let mut sentence_has_subject = false;
    while i < toks.len() {
        // A sentence whose subject is a pronoun is about the person already its subject:
        // "Ia menambahkan, … drama berbahasa Bali" is not about Bali.
        if !sentence_has_subject && has(&PRONOUNS, toks[i].word) {
            sentence_has_subject = true;
        }
        let Some(run) = cap_run(&toks, i) else {
            if toks[i].stop
                && toks[i].word.len() > 1
                && text[toks[i].at + toks[i].word.len()..].starts_with(['.', '!', '?'])
            {
                sentence_has_subject = false;
            }
            i += 1;
            continue;
        };
        i = run.1;
        let ends_sentence = {
            let last = toks[run.1 - 1];
            let after = &text[last.at + last.word.len()..];
            last.stop && after.starts_with(['.', '!', '?']) && !last.word.ends_with('.')
        };
        let previous = run.0.checked_sub(1).filter(|&k| !toks[k].stop);
        // German capitalises nouns: after an article the run opens with one ("ein Stück
        // Pappe", "die Meeresbiologin Friederike Lohmann").
        let run = match previous {
            Some(k)
                if lang == "de"
                    && (is_definite(toks[k].word, lang) || has(&INDEFINITE, toks[k].word)) =>
            {
                (run.0 + 1, run.1)
            }
            _ => run,
        };
        let quantity = previous.is_some_and(|k| figure(&toks, k)) || german_noun(&toks, run, lang);
        if let Some(r) = (run.0 < run.1 && !quantity)
            .then(|| strip_titles_in(&toks, run, lang))
            .flatten()
            .filter(|r| person_like(&toks, *r))
        {
            let r = after_place(&toks, r);
            let single = r.1 - r.0 == 1;
            // Only a word that opens its sentence or clause is introduced alone: elsewhere a
            // capitalised word may be a noun ("aus diesen Gesprächen, sagt sie").
            let opens = r.0 == 0 || toks[r.0 - 1].stop;
            let introduced = single && opens && introduced_alone(text, &toks, r.1);
            let subject = !sentence_has_subject && !after_preposition(&toks, run.0);
            out.push(Mention {
                at: base + toks[r.0].at,
                name: text_of(text, &toks, r).into(),
                single: single && !(subject && introduced),
                subject,
            });
            // A single word that may not be a name leaves the subject open.
            sentence_has_subject |= subject && (!single || introduced);
        }
        if ends_sentence {
            sentence_has_subject = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(cue: &Cue) -> Option<&str> {
        match cue {
            Cue::Named { name, .. } => Some(name),
            _ => None,
        }
    }

    #[test]
    fn an_aside_or_an_origin_after_a_name_ends_it() {
        let cue = after(
            ", sagte Erster Bürgermeister Georg Wimmer (CSU) in der Sitzung.",
            "de",
        );
        assert_eq!(named(&cue), Some("Georg Wimmer"));
        let cue = after(
            ", rät Julia Brandstätter von der Verbraucherzentrale Sachsen.",
            "de",
        );
        assert_eq!(named(&cue), Some("Julia Brandstätter"));
        let cue = after(", confiesa Carballo entre risas.", "es");
        assert_eq!(named(&cue), Some("Carballo"));
    }

    #[test]
    fn where_the_speaker_is_from_is_not_the_speaker() {
        let cue = after(
            ", añadió el editor de Faro Norte, Damián Portela, que anunció una tirada.",
            "es",
        );
        assert_eq!(named(&cue), Some("Damián Portela"));
        let cue = after(
            ", ha explicado la jefa de la Unidad del Sueño del hospital y coordinadora del \
             estudio, la doctora Elena Sastre Ureña.",
            "es",
        );
        assert_eq!(named(&cue), Some("Elena Sastre Ureña"));
    }

    #[test]
    fn a_clause_ending_in_a_colon_introduces_the_next_quote() {
        let cue = after(", destacó la respuesta del grupo: ", "es");
        assert!(!cue.is_strong());
    }

    #[test]
    fn a_speech_verb_earlier_in_the_sentence_attributes_the_quote() {
        let cue = before(
            "La portavoz de la Asociación de Almazaras, Carmen Villalobos, explica que las \
             almazaras trabajan con ",
            "es",
        );
        assert_eq!(named(&cue), Some("Carmen Villalobos"));
        assert!(cue.is_strong());
        let cue = before(
            "À droite, le député du Cantal Étienne Fabre a dénoncé ",
            "fr",
        );
        assert_eq!(named(&cue), Some("Étienne Fabre"));
        let cue = before(
            "Contactée, la dirigeante a précisé que l'entreprise disposait de ",
            "fr",
        );
        assert_eq!(cue, Cue::Reference { strong: true });
        let cue = before(
            "En su guía, la Sociedad Española de Medicina del Sueño (SEMSI) recomienda ",
            "es",
        );
        assert_eq!(named(&cue), Some("Sociedad Española de Medicina del Sueño"));
        // The addressee after the verb is not the speaker.
        let cue = before(
            "O vereador, Nuno Sá Cerqueira, disse à Lusa que a câmara optou por fazer a obra ",
            "pt",
        );
        assert_eq!(named(&cue), Some("Nuno Sá Cerqueira"));
        // Far from the verb, with nothing reporting speech, the quote is its object.
        let cue = before(
            "Ele disse muitas coisas sobre o novo programa chamado ",
            "pt",
        );
        assert_eq!(cue, Cue::None);
    }

    #[test]
    fn a_quote_opening_a_sentence_is_said_by_the_sentence_before() {
        let cue = before(
            "Il note par ailleurs que la grêle a augmenté depuis 2010. ",
            "fr",
        );
        assert_eq!(cue, Cue::Reference { strong: false });
        let cue = before(
            "Viele Sätze stammen aus diesen Gesprächen, sagt sie. ",
            "de",
        );
        assert_eq!(cue, Cue::Reference { strong: false });
        // "Hundreds" is no one's name.
        let cue = before(
            "Hundreds of people replied to the appeal on social media. ",
            "en",
        );
        assert_eq!(named(&cue), None);
    }

    fn people(text: &str, lang: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        mentions(text, 0, lang, &mut out);
        out.into_iter()
            .filter(|m| !m.single)
            .map(|m| (m.name.to_string(), m.subject))
            .collect()
    }

    #[test]
    fn german_nouns_and_quantities_are_not_people() {
        assert!(people("Darauf hatte jemand ein Stück Pappe gebunden.", "de").is_empty());
        assert!(people("Die Sanierung würde 6,8 Millionen Euro kosten.", "de").is_empty());
        assert_eq!(
            people("Das sagt die Meeresbiologin Friederike Lohmann.", "de"),
            [("Friederike Lohmann".to_string(), true)]
        );
    }

    #[test]
    fn a_single_name_with_an_age_is_introduced() {
        let mut out = Vec::new();
        mentions(
            "Joana, enfermeira de 31 anos, procura casa.",
            0,
            "pt",
            &mut out,
        );
        assert_eq!(&*out[0].name, "Joana");
        assert!(!out[0].single && out[0].subject);
    }

    #[test]
    fn a_pronoun_subject_keeps_the_sentence_about_its_person() {
        let mut out = Vec::new();
        mentions(
            "Ia menambahkan, sekolah menampilkan drama berbahasa Bali.",
            0,
            "id",
            &mut out,
        );
        assert!(out.iter().all(|m| !m.subject));
    }
}
