//! From what the text says around each quote to a speaker: a name is made full ("Moreno" is
//! the Ana Moreno named before), a reference ("he said", "katanya", "selon elle", 同氏) is
//! the nearest person named before it, and a quote with no cue of its own continues the
//! quote before it. What cannot be resolved stays unknown: a descriptor word is never taken
//! for a name.
//!
//! Paragraphs are read on their own (in parallel for a large document); this pass walks the
//! quotes and the people named in document order, once.

use std::collections::{HashMap, HashSet};

use super::QuoteForm;

/// What the words around one quote say about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// A name, full or short, with the role given beside it.
    Named {
        name: String,
        role: Option<String>,
        /// Next to a speech verb or introducing colon: the quote is speech even when short.
        strong: bool,
    },
    /// A pronoun or a definite description: the person named last.
    Reference { strong: bool },
    /// Someone the text does not name ("une voyageuse", "一位网友", "70代の女性").
    Anonymous { role: Option<String> },
    /// The text uses the quoted words as a name or a term (「豊海の怪物」と呼ばれる).
    NotSpeech,
    /// Nothing.
    None,
}

impl Cue {
    /// Whether the cue says the quote is speech, however short.
    #[must_use]
    pub const fn is_strong(&self) -> bool {
        matches!(
            self,
            Self::Named { strong: true, .. }
                | Self::Reference { strong: true }
                | Self::Anonymous { .. }
        )
    }

    /// The same cue, no longer enough on its own to make short words speech.
    #[must_use]
    pub fn weak(self) -> Self {
        match self {
            Self::Named { name, role, .. } => Self::Named {
                name,
                role,
                strong: false,
            },
            Self::Reference { .. } => Self::Reference { strong: false },
            other => other,
        }
    }
}

/// A person named in the prose, at byte `at` of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub at: usize,
    /// Shared by the mentions of a name within a run of paragraphs ([`Mention::share`]): a
    /// long text names the same few people a million times.
    pub name: std::sync::Arc<str>,
    /// One word: kept only when it stands for a fuller name named before.
    pub single: bool,
    /// The first person its sentence names: who a pronoun after it refers to.
    pub subject: bool,
}

impl Mention {
    /// Makes `mentions` share one copy of each name.
    pub fn share(mentions: &mut [Self]) {
        let mut seen: std::collections::HashSet<std::sync::Arc<str>> =
            std::collections::HashSet::new();
        for m in mentions {
            match seen.get(&m.name) {
                Some(name) => m.name = std::sync::Arc::clone(name),
                None => {
                    seen.insert(std::sync::Arc::clone(&m.name));
                }
            }
        }
    }
}

/// A quote before its speaker is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    /// Where the quote's paragraph starts in the document.
    pub paragraph_start: usize,
    pub form: QuoteForm,
    pub cue: Cue,
    /// The paragraph holds nothing but this quote.
    pub bare: bool,
    /// Long enough, or ending like a sentence, to be speech without a cue.
    pub speech_like: bool,
}

/// A resolved quote: its range, speaker and role, or `None` when it is not speech.
pub struct Resolved {
    pub start: usize,
    pub end: usize,
    pub form: QuoteForm,
    pub speaker: Option<String>,
    pub role: Option<String>,
}

/// The shorter names that stand for `full`: its runs of words ("Moreno", "Ana", "Lagos
/// Henríquez"), its parts around `·`, or, without spaces, its prefixes and suffixes of two
/// characters or more (a surname, 岡部 for 岡部亮).
fn short_forms(full: &str) -> Vec<String> {
    let mut out = Vec::new();
    if full.contains(' ') {
        let words: Vec<&str> = full.split(' ').collect();
        for len in 1..words.len() {
            for w in words.windows(len) {
                out.push(w.join(" "));
            }
        }
    } else if full.contains(['·', '・', '•', '．']) {
        out.extend(full.split(['·', '・', '•', '．']).map(str::to_string));
    } else {
        let chars: Vec<(usize, char)> = full.char_indices().collect();
        for k in 2..chars.len() {
            out.push(full[..chars[k].0].to_string());
            out.push(full[chars[chars.len() - k].0..].to_string());
        }
    }
    out.retain(|s| !s.is_empty() && s != full);
    out
}

/// The people named so far: each short form maps to the nearest full name it stands for.
#[derive(Default)]
struct People {
    by_short: HashMap<String, String>,
    known: HashSet<String>,
    last: Option<String>,
}

impl People {
    /// The fullest known name `name` stands for, the nearest first.
    fn full(&self, name: &str) -> Option<&str> {
        self.by_short.get(name).map(String::as_str)
    }

    /// Notes a mention; a single word that stands for no known name is not a person.
    fn note(&mut self, m: &Mention) -> Option<String> {
        let name = match self.full(&m.name) {
            Some(full) => full.to_string(),
            None if m.single => return None,
            None => m.name.to_string(),
        };
        self.push(name.clone());
        Some(name)
    }

    fn push(&mut self, name: String) {
        if self.last.as_ref() == Some(&name) {
            return;
        }
        // A name met before keeps its short forms: making them again for every mention of a
        // person is most of the time a long text's quotes take.
        if self.known.insert(name.clone()) {
            for short in short_forms(&name) {
                self.by_short.insert(short, name.clone());
            }
        }
        self.last = Some(name);
    }

    fn last(&self) -> Option<&str> {
        self.last.as_deref()
    }
}

/// Resolves every pending quote in document order, with the mentions (in document order),
/// and gives `keep` each one that is speech, in order. Both are read once, in order: a large
/// document's come in runs, read one after the other.
pub fn resolve<'a>(
    pending: impl IntoIterator<Item = &'a Pending>,
    mentions: impl IntoIterator<Item = &'a Mention>,
    mut keep: impl FnMut(Resolved),
) {
    let mut people = People::default();
    let mut mentions = mentions.into_iter().peekable();
    // The last quote kept: its paragraph and speaker.
    let mut prev: Option<(usize, Option<String>)> = None;
    // The last subject: where it was named, and its full name.
    let mut subject: Option<(usize, String)> = None;
    for q in pending {
        while let Some(mention) = mentions.next_if(|m| m.at < q.start) {
            let noted = people.note(mention);
            if let Some(name) = noted.filter(|_| mention.subject) {
                subject = Some((mention.at, name));
            }
        }
        // A block quote reads who spoke from the lines around it, but leaves the people
        // named so far as they were: a search that analyses only the paragraphs that may
        // hold a marked quote (and the lines around them) then resolves every marked quote
        // as the whole document does.
        if q.form == QuoteForm::Block {
            let (speaker, role) = match &q.cue {
                Cue::Named { name, role, .. } => (
                    Some(
                        people
                            .full(name)
                            .map_or_else(|| name.clone(), str::to_string),
                    ),
                    role.clone(),
                ),
                Cue::Reference { .. } => (subject.as_ref().map(|(_, n)| n.clone()), None),
                _ => (None, None),
            };
            keep(Resolved {
                start: q.start,
                end: q.end,
                form: q.form,
                speaker,
                role,
            });
            continue;
        }
        let continues = prev.as_ref().and_then(|(para, speaker)| {
            let near = *para == q.paragraph || (q.bare && *para + 1 == q.paragraph);
            near.then(|| speaker.clone()).flatten()
        });
        let (speaker, role) = match &q.cue {
            Cue::Named { name, role, .. } => {
                let full = people
                    .full(name)
                    .map_or_else(|| name.clone(), str::to_string);
                people.push(full.clone());
                subject = Some((q.start, full.clone()));
                (Some(full), role.clone())
            }
            Cue::Reference { .. } => (
                subject
                    .as_ref()
                    .map(|(_, n)| n.clone())
                    .or_else(|| people.last().map(str::to_string)),
                None,
            ),
            Cue::Anonymous { role } => (None, role.clone()),
            Cue::None => match continues {
                Some(s) => (Some(s), None),
                None => (
                    subject
                        .as_ref()
                        .filter(|(at, _)| q.speech_like && *at >= q.paragraph_start)
                        .map(|(_, n)| n.clone()),
                    None,
                ),
            },
            Cue::NotSpeech => continue,
        };
        // Short words with no one to say them are a term, not speech, whatever verb is near
        // (自稱「TikTok難民」: "calling themselves").
        let speech = q.speech_like || (q.cue.is_strong() && speaker.is_some());
        if speech {
            prev = Some((q.paragraph, speaker.clone()));
            keep(Resolved {
                start: q.start,
                end: q.end,
                form: q.form,
                speaker,
                role,
            });
        }
    }
}
