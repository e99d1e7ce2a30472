//! Words that shape the subject of a reporting verb: determiners, joiners inside names and
//! descriptions, forms of "be" that make a verb passive, the words that end or open a subject
//! phrase, the nouns and verbs of evidence. Lowercase, matched against lowercased words.

use super::{HashSet, set};
use std::sync::LazyLock;

/// Title words that only join titles: no role alone ("the", "of", "his").
pub static NOT_ROLES_ALONE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("the to for and of his her a an"));

/// Words before a capitalised run that make it an organisation in a role ("representative to the
/// United Nations").
pub static ROLE_ORG_LINKS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("the to of at for in"));

/// Determiners left out of a role ("the Foreign Minister" → "Foreign Minister").
pub static NOT_ROLE_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("the a an his her"));

/// Sentence adverbs that open a comma segment which is no name ("Meanwhile, ...").
pub static NOT_NAME_ADVERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("meanwhile however still now today yesterday earlier later"));

/// Adverbs between a passive's "be" and its verb ("was also told", "is widely expected").
pub static ADVERBS_BEFORE_PASSIVE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("not never also widely once often long still now"));

/// Forms of "be" that make the verb after them passive, whose subject is no speaker ("Sanders was
/// told").
pub static PASSIVE_BE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("is was were are be been being isn't wasn't"));

/// Words that join a speaker's description to a name ("experts at the Ridge Institute").
pub static DESCRIPTION_JOINERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("of and for at"));

/// Determiners that open a lowercase subject ("the minister", "their campaign").
pub static HEAD_DETERMINERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("the a an his her its their this that"));

/// Conjunctions after which "it" opens a clause ("..., and it said").
pub static IT_CLAUSE_LINKS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("and but while as because though although"));

/// Forms of "be" that make "it said" a passive ("it is said", "it has been said").
pub static IT_PASSIVE_BE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("is was been be being"));

/// Words after a verb that plainly open its clause: "that" or a subject pronoun ("has said she
/// wants ...").
pub static CLAUSE_FOLLOWS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("that he she they it we i"));

/// Words that open the clause whose subject a joined verb shares ("when Rubio thanked Miami and
/// said").
pub static CLAUSE_SUBJECT_BOUNDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("when while as after because before since and but"));

/// Prepositions that govern the next word, which is then no subject ("on Twitter").
pub static GOVERNING_PREPOSITIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("on in at of from to for with by about"));

/// Subject pronouns, "it" included.
pub static SUBJECT_PRONOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("he she it they we i"));

/// Prepositions before a gerund cue that hangs on the main clause ("by saying", "after saying").
pub static GERUND_PREPOSITIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("by after while before when"));

/// Lowercase words inside a capitalised name or title ("Bank of England", "Secretary of State").
pub static NAME_JOINERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set("of for the and"));

/// Words that never open a name ("... and Brill", "of Ohio").
pub static NOT_NAME_STARTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("and of for to"));

/// Words that end no subject noun phrase: pronoun objects, auxiliaries, adverbs ("that said", "has
/// said").
pub static NOT_PHRASE_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set("it that this which who not never also has have had was is be will would")
});

/// Verbs whose subject is evidence: a poll, a study, records ("a poll shows", "filings suggest").
pub static EVIDENCE_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("show shows showed found finds suggest suggests suggested"));

/// Records that show things, besides `EVIDENCE_NOUNS` ("new filings show", "video footage shows").
pub static EVIDENCE_RECORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "filings records documents emails e-mails video footage photos polling surveys \
         review tallies returns",
    )
});

/// Prepositions before which an evidence phrase starts ("a review of his work": the phrase is "a
/// review").
pub static EVIDENCE_PHRASE_BOUNDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("of in by from"));

/// Forms of "be" between a subject and its verb that make the verb passive ("is said to").
pub static PASSIVE_GAP_BE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("is was were are being been"));

/// Words that end no subject the fallback finder takes: infinitives, questions, function words ("to
/// say", "What did he say").
pub static NOT_FALLBACK_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "to not be is was were are been what who which that and but or as so than you i \
         we did does do let can the an a of for in on at by with from into about most",
    )
});

/// Determiners with which a noun stands for the person named before ("the surgeon said": a
/// role).
pub static ROLE_DETERMINERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("the his her their its"));

/// Determiners with which a noun stands for nobody named ("a surgeon said": a group).
pub static UNNAMED_DETERMINERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("a an one another"));

/// Endings of nouns of people by what they do ("lobbyists", "insurers", "politicians",
/// "operatives"): a group that speaks.
pub const PEOPLE_SUFFIXES: [&str; 9] = [
    "ists", "ers", "ors", "ians", "ants", "ents", "ives", "ates", "eurs",
];

/// Endings of contractions, which are no names ("I’m", "We’ve", "don't").
pub const CONTRACTION_ENDINGS: [&str; 12] = [
    "’m", "'m", "’re", "'re", "’ve", "'ve", "’ll", "'ll", "’d", "'d", "n’t", "n't",
];

/// Words between a subject and its verb that the verb's own search does not pass: a sentence
/// adverb ("Vorn however said") or an auxiliary ("Vorn has said").
pub const FAR_SUBJECT_GAP: &[&str] = &[
    "however",
    "though",
    "meanwhile",
    "too",
    "has",
    "have",
    "had",
    "also",
    "since",
    "later",
    "previously",
    "repeatedly",
    "subsequently",
    "then",
    "again",
    "instead",
    "would",
    "will",
    "could",
    "did",
    "does",
    "do",
];
