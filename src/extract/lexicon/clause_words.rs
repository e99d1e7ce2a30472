//! Words that shape what a reporting verb reports: addressees and adverbials between a verb and
//! its clause, the words that may open that clause for each class of verb, where a noun phrase
//! or a hedged clause ends, the shapes of "asked", "according to" and a second cue inside a
//! claim. Lowercase, matched against lowercased words.

use super::{HashSet, set};
use std::sync::LazyLock;

/// Words after "her" that make it the object of "told" ("told her that", "told her to"), not a
/// possessive with its noun ("told her advisers").
pub static OBJECT_HER_NEXT: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("that to on in the a"));

/// Words after "her" that make it an object or a pronoun, not a possessive opening a clause
/// ("said her father ..." is a possessive; "asked her about" is not).
pub static NOT_POSSESSIVE_HER_NEXT: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("that to on in the a an about of for with"));

/// Addressees skipped after "told"/"warned": object pronouns and audiences ("told reporters").
pub static ADDRESSEES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "him her them us me you reporters journalists lawmakers supporters listeners \
         viewers voters parliament congress",
    )
});

/// Determiners that open an addressee's noun phrase ("told the paper", "told his advisers").
pub static ADDRESSEE_DETERMINERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("the a an his her their its our"));

/// Words that end an addressee's noun phrase: what follows is the clause ("told the paper that
/// ...").
pub static ADDRESSEE_ENDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("that as because if whether"));

/// One-word adverbials between a verb and its clause ("said again that ...", "said yesterday ...").
pub static ADVERBS_BEFORE_CLAUSE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "also again repeatedly publicly privately previously recently earlier later \
         yesterday today tonight further separately then once",
    )
});

/// Attitude verbs that the fallback subject finders do not trust to report a group's view ("hope",
/// "want"): too often nouns or wishes.
pub static NOT_GROUP_VIEWS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("hope thought fear feel want"));

/// Forms of saying and telling that are verbs wherever they stand.
pub static ALWAYS_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("said says say told tells wrote writes"));

/// Past forms that mostly modify a noun ("a pledged delegate", "an estimated loss", "the reported
/// figure").
pub static ED_MODIFIERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("pledged estimated charged alleged reported continued"));

/// Present forms of reporting verbs that are often nouns ("the note", "a pledge", "the state").
pub static PRESENT_FORMS_OFTEN_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "note notes tweet report reports remark remarks promise pledge pledges vow \
         estimate demand charge claim claims write ask asks continue continues recall \
         mention mentions hint hints observe point points question reply state states",
    )
});

/// Words that open a reported clause right after a verb: "that", a subject pronoun, a determiner,
/// "if"/"whether".
pub static REPORT_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "that he she they it we i there the a an his her their its this these those our \
         if whether",
    )
});

/// Words that end the noun phrase a stance verb takes ("endorsed Vorn last week", "backed the levy
/// despite ...").
pub static NOUN_PHRASE_ENDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("who which last saying despite though over during until earlier"));

/// Nouns of time after "this": "said this week that ..." (not "said this is ...").
pub static TIME_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "week weekend month year morning afternoon evening spring summer fall autumn \
         winter time past season cycle monday tuesday wednesday thursday friday saturday \
         sunday",
    )
});

/// Verbs after "it" or "this" that make it the subject of the clause a mental verb reports ("I
/// think it is ...").
pub static VERBS_AFTER_IT: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "is was will would could can has had might may should must isn't wasn't won't \
         doesn't didn't",
    )
});

/// Words that open no clause right after a verb without "that" (prepositions, conjunctions,
/// question words, forms of "be"), save those each verb class allows.
pub static NOT_BARE_CLAUSE_STARTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "to for about with by of as into up down out off over so and or but in on at from \
         if whether when what how why who after before than is was are were be been",
    )
});

/// Of `NOT_BARE_CLAUSE_STARTS`, those that open an object verb's clause ("described it as",
/// "criticised how").
pub static OBJECT_CLAUSE_STARTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("as what how why who"));

/// Of `NOT_BARE_CLAUSE_STARTS`, those that open a speech verb's clause ("said if", "explained
/// how").
pub static SPEECH_CLAUSE_STARTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("if whether what how why who when"));

/// Of `NOT_BARE_CLAUSE_STARTS`, those that open a telling verb's clause ("asked whether", "urged
/// to").
pub static TELL_CLAUSE_STARTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("if whether what how why to"));

/// Of `NOT_BARE_CLAUSE_STARTS`, those that open a mental verb's clause ("wants to", "wonders if").
pub static MENTAL_CLAUSE_STARTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("to if whether"));

/// Objects after a mental verb, which open no clause ("believes it", "thinks so").
pub static NOT_MENTAL_CLAUSE_STARTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("it this him her them so not"));

/// Objects and answers after a speech or telling verb, which open no clause ("said nothing", "said
/// yes").
pub static NOT_CLAUSE_STARTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("him her them me us so not nothing something anything yes no"));

/// Finite forms of "be" before "expected" ("is expected to").
pub static FINITE_BE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set("is are was were"));

/// Words after "appear" that make it a hedge ("appears to", "appeared likely"; not "appeared on
/// TV").
pub static APPEAR_HEDGES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("to that likely unlikely poised headed ready set"));

/// Words after "appear to" that make it no hedge ("appeared to the crowd").
pub static NOT_APPEAR_TO: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set("the a an be."));

/// Words after which a hedged clause starts ("..., but Vorn seemed to ...").
pub static HEDGE_CLAUSE_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set("but and while although though because since that if when as whereas so yet")
});

/// Words after a comma that end a hedged clause: a subordinate or contrasting clause, an
/// attribution.
pub static HEDGE_CLAUSE_ENDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "when as while but although though unlike which who even according says said and \
         where because since after before with including despite whereas if",
    )
});

/// Conjunctions that may open a sentence before its first word ("But according to ...").
pub static SENTENCE_CONJUNCTIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("but and so yet"));

/// Words after the source's comma that describe the source, not a claim ("according to X, a social
/// analytics firm").
pub static SOURCE_DESCRIPTIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("a an the who which whose its his her their"));

/// Adverbials between a passive "asked" and its question ("asked on Fox News why ...", "asked
/// repeatedly whether ...").
pub static ASKED_ADVERBIALS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("on at in during repeatedly again later directly"));

/// Conjunctions after which a second cue with a subject of its own ends the last claim ("..., while
/// other voters said ...").
pub static JOINING_CONJUNCTIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("and but while whereas although though"));

/// Words after which "that" opens a reported clause, not a relative one ("made clear that he said
/// ...").
pub static THAT_COMPLEMENT_HEADS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("clear sure so now such"));

/// Words that open a subordinate clause at a sentence's start ("While Vorn said ..., she said
/// ...").
pub static SUBORDINATORS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set("while although though whereas when if because since as after before even")
});

/// Words before "asked" that make it passive ("when asked", "was asked"): its question is the
/// claim.
pub static ASKED_PASSIVE_AFTER: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("when was were being after if is been be"));

/// Stance verbs that are mostly nouns ("Vorn's support", "in favor").
pub static NOUN_LIKE_STANCE_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("support supports favor favors"));

/// Particles that make a stance verb another verb ("backed away", "backed off").
pub static STANCE_PARTICLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("by away off down up out"));

/// Auxiliaries and adverbs between a subject and "support" ("would strongly support").
pub static SUPPORT_AUXILIARIES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("would will can could not also still do does did strongly now all both"));

/// Words before "support" that make it a verb, besides person pronouns ("who support", "you
/// support").
pub static SUPPORT_RELATIVES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("who that which you"));

/// Words after a cue that open a clause about the circumstances ("..., Obama told his advisers as
/// he laboured ...").
pub static CIRCUMSTANCE_STARTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("as while when after before during because in at"));

/// Nouns of saying that a possessive shows are no verb ("Vorn's claim", "his warning").
pub static SAYING_NOUNS_AFTER_POSSESSIVE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "claim claims charge charges promise promises pledge warning report reports \
         remarks comment comments statement tweet tweets call calls attack attacks \
         support vow estimate estimates demand demands",
    )
});

/// Words after a colon's subject that show it has no verb ("President Vorn the ...", "Vorn to
/// ...").
pub static NOT_VERB_AFTER_SUBJECT: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("the a an to of"));

/// Past forms of speaking verbs that end neither in "-ed" nor "-s", for a cue right after a
/// quotation ("“...,” Vorn wrote").
pub static SPEECH_PASTS_IRREGULAR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "wrote read went shot began spoke sang swore said told thought felt put fired quipped \
         chimed cracked came broke bit",
    )
});

/// Words after a speaking verb that belong to it ("shot back", "went on", "chimed in").
pub static SPEECH_PARTICLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("back on in out up off"));

/// Words that may follow a cue right after a quotation in its sentence: the circumstances
/// ("pressed on Tuesday", "wrote in a letter to ...").
pub static AFTER_QUOTE_CUE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "on in at to as after before during while when with from via of last this earlier \
         later then again recently yesterday today tonight about into over and but him her \
         them reporters",
    )
});

/// Words that read like the verb of a cue after a quotation (ending in "-s") but never are.
pub static NOT_SPEECH_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "is was are were has had does his hers its this thus yes us as news always perhaps \
         less unless across whereas series times others days years months weeks minutes hours",
    )
});

/// Stems of verbs that also take an object, after which "her" is no possessive opening a
/// clause ("maintained her lead", "continue her work").
pub const OBJECT_VERB_STEMS: [&str; 6] = [
    "maintain", "continu", "mention", "suggest", "explain", "point",
];
