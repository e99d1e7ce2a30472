//! Curated word lists: reporting verbs, titles and roles, pronouns, role nouns. Built in; nothing
//! is downloaded. Every list is lowercase and matched against lowercased words.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

mod arabic;
mod clause_words;
mod media;
mod places;
mod subject_words;

pub use arabic::*;
pub use clause_words::*;
pub use media::*;
pub use places::*;
pub use subject_words::*;

/// How a reporting verb takes what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    /// say, add, stress: a clause follows, with or without "that", or the verb closes a quote.
    Speech,
    /// tell, warn, assure: an addressee comes first ("told Sputnik that ...").
    Tell,
    /// accuse, slam, deny: a noun phrase or clause follows; it never closes a quote alone.
    Object,
    /// think, believe, hope: only with a clause after it ("He believes that ...").
    Mental,
}

const SPEECH: &str = "say says said saying add adds added adding stress stresses stressed \
 note notes noted state states stated claim claims claimed insist insists insisted argue argues \
 argued explain explains explained confirm confirms confirmed announce announces announced \
 declare declares declared assert asserts asserted maintain maintains maintained acknowledge \
 acknowledges acknowledged admit admits admitted allege alleges alleged emphasize emphasizes \
 emphasized emphasise emphasises emphasised underline underlines underlined underscore \
 underscores underscored reply replies replied respond responds responded write writes wrote \
 tweet tweets tweeted report reports reported predict predicts predicted promise promises \
 promised vow vows vowed recall recalls recalled continue continues continued conclude concludes \
 concluded concede concedes conceded contend contends contended complain complains complained \
 lament laments lamented estimate estimates estimated testify testifies testified recount \
 recounts recounted observe observes observed remark remarks remarked mention mentions mentioned \
 reveal reveals revealed disclose discloses disclosed indicate indicates indicated suggest \
 suggests suggested hint hints hinted propose proposes proposed charge charges charged agree \
 agrees agreed boast boasts boasted joke jokes joked quip quips quipped shout shouts shouted \
 yell yells yelled wonder wonders wondered explained reiterate reiterates \
 reiterated affirm affirms affirmed clarify clarifies clarified counter counters countered \
 retort retorts retorted complain opine opines opined speculate speculates speculated \
 caution cautions cautioned announce concluded \
 demand demands demanded pledge pledges pledged point points pointed noting arguing \
 suggesting explaining insisting stressing claiming stating declaring asserting \
 acknowledging admitting alleging emphasizing predicting promising vowing recalling \
 complaining pointing announcing writing tweeting replying responding";

const TELL: &str = "tell tells told telling warn warns warned warning assure assures assured \
 inform informs informed remind reminds reminded urge urges urged ask asks asked";

const OBJECT: &str = "accuse accuses accused deny denies denied slam slams slammed blast blasts \
 blasted criticize criticizes criticized criticise criticises criticised condemn condemns \
 condemned praise praises praised dismiss dismisses dismissed reject rejects rejected call calls \
 called describe describes described decry decries decried defend defends defended attack \
 attacks attacked blame blames blamed question questions questioned challenge challenges \
 challenged applaud applauds applauded welcome welcomes welcomed endorse endorses endorsed \
 oppose opposes opposed support supports supported backed favor favors \
 referring refers referred talk talks talked talking spoke speaks calling accusing criticizing blaming describing cite cites cited citing";

const MENTAL: &str = "think thinks thought believe believes believed hope hopes hoped expect \
 expects expected fear fears feared worry worries worried feel feels felt know knows knew \
 suspect suspects suspected doubt doubts doubted consider considers considered reckon reckons \
 figure figures figured understand understands understood want wants wanted plan plans \
 planned intend intends intended threaten threatens threatened find finds found show shows \
 showed decline declines declined refuse refuses refused see sees";

static VERBS: LazyLock<HashMap<&'static str, VerbClass>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for (list, class) in [
        (MENTAL, VerbClass::Mental),
        (OBJECT, VerbClass::Object),
        (TELL, VerbClass::Tell),
        (SPEECH, VerbClass::Speech),
    ] {
        for w in list.split_whitespace() {
            m.insert(w, class);
        }
    }
    m
});

/// The class of a reporting verb, given lowercased.
pub fn verb_class(lower: &str) -> Option<VerbClass> {
    // Asked of nearly every word of every paragraph, and nearly every word is no reporting
    // verb: its shape tells most of them so without hashing the word.
    let shape = verb_shape(lower)?;
    if VERB_SHAPES[shape / 64] & (1 << (shape % 64)) == 0 {
        return None;
    }
    VERBS.get(lower).copied()
}

/// The shapes a word of 3 to 12 lowercase letters can have: its length, first and last letter.
const SHAPES: usize = 10 * 26 * 26;

/// A word's shape (`SHAPES`), or None when no reporting verb has its shape: 3 to 12 bytes, the
/// first and last a lowercase ASCII letter (as every verb is: `every_verb_has_a_shape`).
fn verb_shape(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let (&first, &last) = (b.first()?, b.last()?);
    if !(3..=12).contains(&b.len()) || !first.is_ascii_lowercase() || !last.is_ascii_lowercase() {
        return None;
    }
    Some(((b.len() - 3) * 26 + usize::from(first - b'a')) * 26 + usize::from(last - b'a'))
}

/// The shapes of the reporting verbs, a bit each.
static VERB_SHAPES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; SHAPES.div_ceil(64)];
    for shape in VERBS.keys().filter_map(|w| verb_shape(w)) {
        bits[shape / 64] |= 1 << (shape % 64);
    }
    bits
});

fn set(words: &'static str) -> HashSet<&'static str> {
    words.split_whitespace().collect()
}

/// Subject pronouns that stand for a person named earlier.
pub static PERSON_PRONOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("he she i we they"));

/// Nouns that name a person by role ("the minister said"): resolved to the last named person.
pub static ROLE_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "minister diplomat spokesman spokeswoman spokesperson president official ambassador \
         senator congressman congresswoman lawmaker governor candidate chairman chairwoman \
         secretary envoy general commander leader adviser advisor director chief premier \
         mayor judge prosecutor lawyer attorney representative source statement analyst \
         expert author professor researcher nominee frontrunner billionaire businessman \
         mogul democrat republican king prince sheikh cleric officer negotiator aide \
         former host anchor reporter economist strategist pollster activist manager owner",
    )
});

/// Words (lowercased) that are titles or roles before a name ("Foreign Minister Sergey Lavrov").
pub static TITLE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "president vice prime foreign defense defence interior finance deputy minister \
         secretary state sen. sen senator rep. rep representative gov. gov governor mr mr. mrs \
         mrs. ms ms. dr dr. prof prof. professor gen. gen general major lt. lt lieutenant col. \
         col colonel capt. capt captain admiral brig. brigadier sgt. sergeant spokesman \
         spokeswoman spokesperson ambassador judge justice chancellor king queen prince \
         princess pope imam sayyed sayyid sheikh ayatollah his her eminence excellency \
         highness chairman chairwoman chair ceo director adviser advisor commander mayor \
         speaker leader former ex- acting chief counsel attorney permanent envoy special \
         democratic republican presidential candidate nominee hopeful congressman \
         congresswoman sir lord lady rabbi rev. reverend father bishop cardinal \
         u.s. us un u.n. white house state department head of the to for and \
         first lady house senate majority minority whip coordinator counterterrorism \
         supreme ministry department press",
    )
});

/// Capitalised words that are never a speaker's name on their own.
pub static NOT_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "he she it they we i you this that these those there here the a an but and or so \
         yet if when while as at in on of for to by with from after before since because \
         although though however meanwhile still also then now today yesterday question \
         answer q a. q. interviewer moderator note source sources read more photo video \
         update editor monday tuesday wednesday thursday friday saturday sunday january \
         february march april may june july august september october november december \
         what who why how which where mr mrs ms dr his her their our my your its some many \
         most all both each every no not one two three several few other others another \
         officials experts critics analysts observers reporters people everyone nobody \
         someone breaking exclusive watch listen according let's let’s and yes okay ok oh \
         please thanks sorry hello",
    )
});

/// Words that may stand between a subject and its verb ("He also said", "She has said").
pub static SUBJECT_VERB_GAP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "also later previously further repeatedly again then has have had was is were are \
         would will did does do not never once reportedly publicly privately recently earlier \
         often frequently subsequently separately quickly simply flatly firmly openly \
         bluntly angrily explicitly clearly specifically initially first last finally \
         immediately directly confidently insistently has been being could should might may \
         must can just even already yet still monday tuesday wednesday thursday friday \
         saturday sunday yesterday today tonight",
    )
});

/// Words that begin an adverbial between a verb and its clause ("said on Friday that ...").
pub static ADVERBIAL_START: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "on in at during while after before last this earlier later yesterday today tonight \
         recently also again repeatedly publicly privately previously monday tuesday \
         wednesday thursday friday saturday sunday via through from when speaking \
         afterward afterwards late early once then further separately",
    )
});

/// Plural or collective subjects: a claim's source, but no person to name.
pub static GROUP_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "officials experts critics analysts observers reporters people sources witnesses \
         residents authorities investigators police prosecutors democrats republicans \
         supporters opponents leaders diplomats lawmakers voters polls surveys studies \
         reports documents campaign ministry government administration department agency \
         report study survey poll statement documents data group organization committee \
         company spokespeople aides advisers advisors officers scientists economists \
         researchers scholars",
    )
});

/// Abbreviations whose period does not end a sentence.
pub static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "mr mrs ms dr prof gen lt col capt sgt sen rep gov st jr sr inc co corp ltd no vs \
         jan feb mar apr jun jul aug sep sept oct nov dec adm brig rev messrs ft mt etc \
         approx dept est fig univ",
    )
});

/// Name particles allowed inside a capitalised name ("Agnes von der Muhll", "Osama bin Laden").
pub static NAME_PARTICLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("von der van de del della da di du le la bin ibn al el abu abd ben"));

/// Head words that make a capitalised phrase an organisation ("France's Foreign Ministry").
pub static ORG_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "ministry department office house party agency committee council commission court \
         army police government embassy campaign administration kremlin pentagon bureau \
         service services union league foundation institute center centre association \
         organization organisation corps guard guards forces force navy command network \
         group company corporation bank board authority parliament senate congress \
         assembly cabinet presidency secretariat mission delegation movement front \
         coalition alliance team staff press university hospital",
    )
});

/// Words that end a turn label at a paragraph's start which is not a speaker ("Source: ...").
pub static NOT_TURN_LABELS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "source sources photo photos image images video note update editor read more related \
         tags tag credit credits exclusive watch breaking comments share see also by date \
         title subject from to cc filed posted updated category categories published \
         caption file follow subscribe warning disclaimer",
    )
});

/// Labels of an interviewer's turn.
pub static QUESTION_LABELS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("question q interviewer moderator host presenter anchor"));

/// How a hedging verb frames the clause it hedges ("X seemed to ...", "X is expected to ...").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HedgeClass {
    /// seem: always a hedge.
    Seem,
    /// appear: a hedge only before "to", "that" or an adjective ("appeared on TV" is none).
    Appear,
    /// expected: only as "is/are/was/were (widely) expected to".
    Expected,
}

/// The class of a hedging verb, given lowercased.
pub fn hedge_class(lower: &str) -> Option<HedgeClass> {
    match lower {
        "seem" | "seems" | "seemed" => Some(HedgeClass::Seem),
        "appear" | "appears" | "appeared" => Some(HedgeClass::Appear),
        "expected" => Some(HedgeClass::Expected),
        _ => None,
    }
}

/// Reporting verb forms that never take a bare noun phrase as subject: they are more often
/// nouns or participles after a noun ("the state", "the attacks", "the money pledged").
pub static NOT_PHRASE_SUBJECT_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "state states attack attacks question questions report reports challenge challenges \
         pledge pledged call calls called endorse tweet tweets claim claims charge charges \
         estimate estimates promise promises vow vows demand demands remark remarks point \
         points counter comment answer reply replies joke jokes continued continue refused \
         describing calling cite cited citing",
    )
});

/// Verbs of a stance towards someone or something ("endorsed Vorn", "two-thirds support the
/// levy"): what they report is a noun phrase.
pub fn is_stance_verb(lower: &str) -> bool {
    matches!(
        lower,
        "endorse"
            | "endorses"
            | "endorsed"
            | "oppose"
            | "opposes"
            | "opposed"
            | "support"
            | "supports"
            | "supported"
            | "backed"
            | "favor"
            | "favors"
    )
}

/// Mental verbs of opinion and intent that a group holds as well as a person ("many voters
/// believe the levy is unfair", "officials fear ..."): a group subject reports a view.
pub fn is_attitude_verb(lower: &str) -> bool {
    matches!(
        lower,
        "think"
            | "thinks"
            | "thought"
            | "believe"
            | "believes"
            | "believed"
            | "fear"
            | "fears"
            | "feared"
            | "expect"
            | "expects"
            | "worry"
            | "worries"
            | "worried"
            | "want"
            | "wants"
            | "wanted"
            | "hope"
            | "hopes"
            | "hoped"
            | "feel"
            | "feels"
            | "felt"
    )
}

/// Head nouns of a subject that reports findings ("a new poll found ...", "the audit finds ...").
pub static EVIDENCE_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "poll polls survey surveys study studies report reports analysis analyses \
         investigation investigations review audit data research results numbers figures \
         records article probe inquiry estimate estimates census tally count model",
    )
});

/// Verbs that report only followed by one of their particles ("pointed out", "pointed to",
/// "referring to", "talked about"); None for the others.
pub fn cue_particles(lower: &str) -> Option<&'static [&'static str]> {
    match lower {
        "point" | "points" | "pointed" | "pointing" => Some(&["out", "to"]),
        "referring" | "refers" | "referred" => Some(&["to"]),
        "talk" | "talks" | "talked" | "talking" | "spoke" | "speaks" => Some(&["about"]),
        _ => None,
    }
}

/// Speech verbs of commitment whose content may be an infinitive ("vowed to repeal the levy",
/// "agreed to debate").
pub fn is_commitment_verb(lower: &str) -> bool {
    matches!(
        lower,
        "vow"
            | "vows"
            | "vowed"
            | "vowing"
            | "promise"
            | "promises"
            | "promised"
            | "promising"
            | "pledge"
            | "pledges"
            | "pledged"
            | "pledging"
            | "agree"
            | "agrees"
            | "agreed"
    )
}

/// Titles printed abbreviated with a period before a name ("Mr. Domenech", "Sen. Vorn").
pub static TITLE_ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "mr mrs ms messrs dr prof gen lt col capt sgt sen rep gov adm brig rev maj cmdr supt \
         atty insp",
    )
});

/// Things that carry words, whose author is the subject of the clause that sent them.
pub static STATEMENT_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "statement statements email emails letter letters message messages tweet tweets post posts \
     video ad ads release note memo op-ed column speech remarks",
    )
});

/// Lowercase words that never sit in the words describing a speaker before the name.
pub static NOT_DESCRIPTORS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "and or but nor so yet if when while as because although though since until unless whether \
     that which who whom whose what where why how in on at by for with from to into onto of \
     about over under after before during between against without within through than then \
     there here it its this these those he she they we i you him them us me my our your their \
     his her not no also only just even is was are were be been being has have had do does did \
     will would can could may might must should shall said says say",
    )
});

/// Plural and collective nouns that stand for a source without a name ("officials said",
/// "campaign finance records show"), and plurals of role nouns ("senators", "spokesmen").
pub static GROUP_SUBJECTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "officials analysts critics supporters investors experts economists observers reporters \
     journalists people sources witnesses residents authorities investigators police \
     prosecutors democrats republicans conservatives liberals progressives independents \
     opponents leaders diplomats lawmakers legislators voters polls surveys studies reports \
     documents records data figures statistics estimates projections filings findings \
     polling numbers results forecasts models emails memos letters transcripts aides advisers \
     advisors officers scientists researchers scholars doctors physicians nurses teachers \
     students parents workers employees members delegates activists protesters demonstrators \
     organizers organisers advocates allies rivals donors strategists pollsters consultants \
     insiders staffers executives historians commentators pundits citizens americans \
     customers consumers families victims survivors veterans soldiers troops farmers \
     businesses groups companies firms banks unions courts judges justices jurors lawyers \
     attorneys majorities respondents participants attendees audience crowd crowds fans \
     friends relatives colleagues neighbors neighbours others administrators regulators \
     economists spokespeople spokesmen spokeswomen congressmen chairmen businessmen \
     defenders opponents backers detractors skeptics sceptics proponents parties nations \
     countries campaigns networks outlets governments agencies ministries",
    )
});

/// Capitalised words that open sentences and never a name ("Instead, ...", "Once ...").
pub static SENTENCE_ADVERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "instead indeed finally once having speaking asked earlier later first next overall \
         together again thus therefore moreover furthermore besides nonetheless nevertheless \
         otherwise perhaps maybe despite following unless until whether although though \
         because during like unlike unfortunately fortunately clearly obviously separately \
         additionally similarly specifically",
    )
});

/// Lowercase words that end the name or role after an inverted verb: what follows describes
/// the speaker or the occasion.
pub static AFTER_NAME: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "of from at in on with who which whose that during after before when while as to for \
     according adding noting told last this yesterday today tonight earlier later recently \
     and but",
    )
});

/// Determiners a common noun runs back to as a relative pronoun's antecedent ("the harbour
/// board, which").
pub const DETERMINERS: [&str; 11] = [
    "a", "an", "the", "this", "these", "its", "his", "her", "their", "our", "some",
];

/// Words that open a clause, so that a subject starts right after them.
pub fn is_clause_link(l: &str) -> bool {
    matches!(
        l,
        "and"
            | "but"
            | "while"
            | "whereas"
            | "although"
            | "though"
            | "because"
            | "that"
            | "as"
            | "when"
            | "if"
            | "so"
            | "yet"
            | "since"
            | "after"
            | "before"
    )
}

/// Words that open a noun phrase of a count or share ("two in three", "most of them").
pub fn is_quantifier(l: &str) -> bool {
    matches!(
        l,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "half"
            | "most"
            | "many"
            | "some"
            | "few"
            | "several"
            | "majority"
            | "about"
            | "nearly"
            | "almost"
            | "roughly"
            | "more"
            | "fewer"
            | "only"
            | "just"
            | "all"
            | "both"
            | "other"
            | "another"
            | "two-thirds"
            | "three-quarters"
            | "one-third"
            | "one-quarter"
            | "a"
            | "an"
    )
}

/// Determiners that open a noun phrase ("the budget office", "his brother").
pub fn is_determiner(l: &str) -> bool {
    matches!(
        l,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "this"
            | "these"
            | "those"
            | "each"
            | "every"
    )
}

/// Whether a question reported after "asked" can start with this word.
pub fn is_question_start(l: &str) -> bool {
    matches!(
        l,
        "about"
            | "if"
            | "whether"
            | "what"
            | "why"
            | "how"
            | "who"
            | "whom"
            | "which"
            | "when"
            | "where"
            | "for"
    )
}

/// Title-case reporting verbs whose object is what was said ("Tells" takes an addressee first).
pub const TITLE_CASE_VERBS: &[&str] = &[
    "Says", "Say", "Claims", "Promises", "Predicts", "Warns", "Insists", "Admits", "Thinks",
    "Believes", "Vows", "Argues", "Suggests", "Declares", "Pledges",
];

/// Nouns whose "that" clause is what someone said or holds (not "the fact that", "the idea
/// that", which the writer asserts).
pub const SAYING_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "assertions",
    "suggestion",
    "warning",
    "warnings",
    "belief",
    "insistence",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "assurance",
    "assurances",
    "admission",
    "contention",
    "concern",
    "fears",
    "hopes",
    "charge",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verb_has_a_shape() {
        // A verb of 3 to 12 letters without a shape would never be found by `verb_class`.
        for (w, class) in VERBS.iter() {
            if (3..=12).contains(&w.len()) {
                assert!(verb_shape(w).is_some(), "{w}");
                assert_eq!(verb_class(w), Some(*class), "{w}");
            }
        }
        for w in [
            "sad", "sai", "aid", "saidx", "Said", "sa'd", "", "s", "x-said",
        ] {
            assert_eq!(verb_class(w), None, "{w}");
        }
    }
}
