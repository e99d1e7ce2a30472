//! Which mention attributes a claim (`source_span`, exported as `speaker_span`) and which
//! speaker it resolves to, on fictional English text.

use claimtrace::Item;
use claimtrace::{ClaimMention, extract_claims};
use std::sync::Arc;

fn claims_on(text: &str) -> Vec<ClaimMention> {
    let file: Arc<str> = Arc::from("t.json");
    let it = Item::with_own_text(&file, 0, text.len(), text.to_string());
    extract_claims(&it)
}

/// (claim text, attributing mention as printed, resolved speaker name) per claim.
fn mentions(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    claims_on(text)
        .into_iter()
        .map(|c| {
            (
                c.text.clone(),
                c.source_span.map(|s| text[s.range()].to_string()),
                c.speaker.as_ref().map(|s| s.name.clone()),
            )
        })
        .collect()
}

/// The attributing mention of `claim` in `got` (empty when it has none); fails if no such claim.
fn mention_of(got: &[(String, Option<String>, Option<String>)], claim: &str) -> String {
    got.iter()
        .find(|(c, _, _)| c == claim)
        .map(|(_, m, _)| m.clone().unwrap_or_default())
        .unwrap_or_else(|| panic!("{claim:?} not found in {got:?}"))
}

fn m(claim: &str, mention: &str, name: Option<&str>) -> (String, Option<String>, Option<String>) {
    (claim.into(), Some(mention.into()), name.map(Into::into))
}

#[test]
fn abbreviated_titles_stay_in_the_mention() {
    let t = "\u{201c}The farms are losing money every month,\u{201d} said Ilka Vorn, a grower.\n\n\
             \u{201c}The co-op pays too little for milk,\u{201d} Ms. Vorn said.\n\n\
             \u{201c}The roads are closed again this week,\u{201d} said Sen. Tomas Brill.";
    assert_eq!(
        mentions(t),
        vec![
            m(
                "The farms are losing money every month",
                "Ilka Vorn",
                Some("Ilka Vorn")
            ),
            m(
                "The co-op pays too little for milk",
                "Ms. Vorn",
                Some("Ilka Vorn")
            ),
            m(
                "The roads are closed again this week",
                "Sen. Tomas Brill",
                Some("Tomas Brill")
            ),
        ]
    );
}

#[test]
fn descriptions_party_tags_and_appositives_before_the_verb() {
    let t = "\u{201c}We know how the county will vote,\u{201d} senior adviser Paul Marten conceded in an interview.\n\n\
             Senator Roger Wick (R-Ohio) said the bridge would reopen in May.\n\n\
             Clara Dunn, during a town hall meeting in Columbus, Ohio, said the mine would close.\n\n\
             \u{201c}There is real anger in this town,\u{201d} said Robert Antonis of the Ohio delegation.";
    assert_eq!(
        mentions(t),
        vec![
            m(
                "We know how the county will vote",
                "senior adviser Paul Marten",
                Some("Paul Marten")
            ),
            m(
                "the bridge would reopen in May",
                "Senator Roger Wick (R-Ohio)",
                Some("Roger Wick")
            ),
            m("the mine would close", "Clara Dunn", Some("Clara Dunn")),
            m(
                "There is real anger in this town",
                "Robert Antonis",
                Some("Robert Antonis")
            ),
        ]
    );
}

#[test]
fn any_noun_phrase_next_to_a_quotation_attributes_it() {
    let t = "Tomas Brill spoke at the fair on Sunday.\n\n\
             \u{201c}They have to stop and listen to the farmers,\u{201d} the retired surgeon told Radio Borealis.\n\n\
             \u{201c}I do not want to cross the mayor,\u{201d} said one former campaign staffer.\n\n\
             \u{201c}We were not happy when it was announced,\u{201d} said Jock A. Finlay, head of policy.";
    assert_eq!(
        mentions(t),
        vec![
            m(
                "They have to stop and listen to the farmers",
                "the retired surgeon",
                Some("Tomas Brill")
            ),
            m(
                "I do not want to cross the mayor",
                "one former campaign staffer",
                None
            ),
            m(
                "We were not happy when it was announced",
                "Jock A. Finlay",
                Some("Jock A Finlay")
            ),
        ]
    );
}

#[test]
fn an_uncued_quotation_inherits_the_last_attributing_mention() {
    // (Narration between the two keeps them two claims; without it they would be one, in pieces.)
    let t = "Mayor Ilka Vorn opened the bridge on Monday.\n\n\
             \u{201c}The budget is balanced and the roads are open,\u{201d} she said.\n\n\
             The crowd cheered.\n\n\
             \u{201c}And the schools will stay open through the winter months.\u{201d}";
    assert_eq!(
        mentions(t),
        vec![
            m(
                "The budget is balanced and the roads are open",
                "she",
                Some("Ilka Vorn")
            ),
            m(
                "And the schools will stay open through the winter months.",
                "she",
                Some("Ilka Vorn")
            ),
        ]
    );
}

#[test]
fn only_curated_plurals_are_group_sources() {
    // "his" and "changes" end in -s but are no source; "lobbyists" and "officials" are.
    let t = "Despite his claims the vote was fair, the count went on.\n\n\
             Lobbyists said the bill would fail in the senate.\n\n\
             Some officials said the dam was safe to use.";
    let got = mentions(t);
    assert!(
        got.iter().all(|(_, m, _)| m.as_deref() != Some("his")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(c, m, n)| c == "the bill would fail in the senate"
                && m.as_deref() == Some("Lobbyists")
                && n.is_none()),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(c, m, _)| c == "the dam was safe to use"
                && m.as_deref() == Some("Some officials")),
        "{got:?}"
    );
}

#[test]
fn never_a_sentence_adverb_or_bare_determiner_as_speaker() {
    let t = "Instead, Will Harlan called for a new vote on the bridge.\n\n\
             The remarks state that the mine is closed for good.";
    for c in claims_on(t) {
        if let Some(s) = &c.speaker {
            assert!(
                !["Instead", "The", "His"].contains(&s.name.as_str()),
                "{s:?}"
            );
        }
    }
}

#[test]
fn a_gerund_cue_takes_the_main_clause_subject() {
    let t = "At a campaign event in Ames, Iowa, on Sunday, Mrs. Vorn spoke about her plan, saying that the state should lead.\n\n\
             PARIS, Aug 31 (Wire) - The party's leader, Ilka Vorn, voiced support for the mayor, saying the rival would bring war.\n\n\
             \u{201c}We have had a city without clean water for a year,\u{201d} she said, adding, \u{201c}I will tell you what the kids need.\u{201d}";
    let got = mentions(t);
    let find = |claim: &str| mention_of(&got, claim);
    assert_eq!(find("the state should lead"), "Mrs. Vorn");
    assert_eq!(find("the rival would bring war"), "Ilka Vorn");
    assert_eq!(find("I will tell you what the kids need."), "she");
}

#[test]
fn relative_who_passives_and_sentence_final_quotations() {
    let t = "The talks went on for days, led by Labor Secretary Tomas Brill, who said he expects a deal by Friday.\n\n\
             Ilka Vorn is expected to win the vote in the county easily.\n\n\
             \u{201c}Our farms are being sold off,\u{201d} Mr. Brill said. \u{201c}It is a problem.\u{201d} He said, twice, that the rules must change.";
    let got = mentions(t);
    assert!(
        got.iter()
            .any(|(c, m, n)| c == "he expects a deal by Friday"
                && m.as_deref() == Some("Labor Secretary Tomas Brill, who")
                && n.as_deref() == Some("Tomas Brill")),
        "{got:?}"
    );
    // A passive names no speaker (the hedged clause may still be a claim, of no one).
    assert!(
        got.iter()
            .filter(|(c, _, _)| c.contains("win the vote"))
            .all(|(_, m, n)| m.is_none() && n.is_none()),
        "{got:?}"
    );
    // The quotation that ended its sentence is not the next sentence's cue's.
    assert!(
        got.iter().any(
            |(c, m, _)| c == "Our farms are being sold off It is a problem."
                && m.as_deref() == Some("Mr. Brill")
        ),
        "{got:?}"
    );
}

#[test]
fn statements_conjunctions_and_predicates_before_a_gerund() {
    let t = "At the time, she released a statement saying that the farm was sold.\n\n\
             Though in an interview last week he used stronger language, saying the group must go.\n\n\
             Sen. Chuck Vorn of Ohio, the party leader, would not comment on the vote, saying that it was close.\n\n\
             Ilka Vorn is not expected to win the vote in the county.";
    let got = mentions(t);
    let find = |claim: &str| mention_of(&got, claim);
    assert_eq!(find("the farm was sold"), "she");
    assert_eq!(find("the group must go"), "he");
    assert_eq!(find("it was close"), "Sen. Chuck Vorn");
    assert!(
        got.iter().all(|(c, _, _)| !c.contains("win the vote")),
        "{got:?}"
    );
}

#[test]
fn mixed_straight_and_curly_marks_pair_and_keep_their_cue() {
    // Copy that opens with a curly mark and closes with a straight one (or the reverse), a
    // lone spaced straight mark after a nested quotation, and ''' closing a nested quotation.
    let t = "Ilka Vorn spoke first.\n\n\
             \u{201c}The levy will pass this spring,\" Tomas Brill said.\n\n\
             \"The mill has to reopen before winter,\u{201d} said Jock Finlay.\n\n\
             \"They keep telling us, 'Wait for the grant,' \" Mara Kell said.\n\n\
             ''They always say, 'The county is a special case,''' Mr. Osk said.";
    let got = mentions(t);
    let find = |claim: &str| mention_of(&got, claim);
    assert_eq!(find("The levy will pass this spring"), "Tomas Brill");
    assert_eq!(find("The mill has to reopen before winter"), "Jock Finlay");
    assert_eq!(
        find("They keep telling us, 'Wait for the grant,'"),
        "Mara Kell"
    );
    assert!(
        got.iter()
            .any(|(c, m, _)| c.starts_with("They always say") && m.as_deref() == Some("Mr. Osk")),
        "{got:?}"
    );
}

#[test]
fn any_verb_right_after_a_quotation_attributes_it() {
    let t = "Ilka Vorn spoke first.\n\n\
             \u{201c}Would the mill reopen before the winter comes?\u{201d} Tomas Brill pressed.\n\n\
             \u{201c}The county will not pay for the new bridge,\u{201d} it read.\n\n\
             \u{201c}Nobody in this valley trusts the council anymore,\u{201d} mused Jock Finlay, a farmer.\n\n\
             \u{201c}We will build the road and the school this year.\u{201d} Mara Kell said.\n\n\
             The hearing went on.\n\n\
             \u{201c}Did you know about the fund at the time?\u{201d} He answered, \u{201c}I did not know.\u{201d}";
    let got = mentions(t);
    let find = |claim: &str| mention_of(&got, claim);
    assert_eq!(
        find("Would the mill reopen before the winter comes?"),
        "Tomas Brill"
    );
    assert_eq!(find("The county will not pay for the new bridge"), "it");
    assert_eq!(
        find("Nobody in this valley trusts the council anymore"),
        "Jock Finlay"
    );
    assert_eq!(
        find("We will build the road and the school this year."),
        "Mara Kell"
    );
    // A verb that introduces the next quotation is not the previous one's cue.
    assert_ne!(find("Did you know about the fund at the time?"), "He");
}

#[test]
fn subjects_past_adverbs_auxiliaries_and_quoted_relative_clauses() {
    let t = "Mayor Tomas Brill however said he would welcome the new rail line.\n\n\
             Ilka Vorn has doubts about the levy but has said she wants the vote moved.\n\n\
             Jock Finlay, who calls the levy a \u{201c}sham,\u{201d} said he would vote against it.";
    let got = mentions(t);
    let find = |claim: &str| mention_of(&got, claim);
    assert_eq!(
        find("he would welcome the new rail line"),
        "Mayor Tomas Brill"
    );
    assert_eq!(find("she wants the vote moved"), "Ilka Vorn");
    assert_eq!(find("he would vote against it"), "Jock Finlay");
}

#[test]
fn a_floating_quotation_inherits_the_name_not_its_relative_pronoun() {
    let t = "\u{201c}The river has never been this low in spring,\u{201d} said Mara Kell, who thinks often about the drought.\n\n\
             \u{201c}We will have to bring water in by truck before the summer.\u{201d}";
    let got = mentions(t);
    assert_eq!(
        mention_of(
            &got,
            "We will have to bring water in by truck before the summer."
        ),
        "Mara Kell"
    );
}

#[test]
fn a_relative_clause_inside_a_claim_keeps_its_own_attribution() {
    let t = "Ilka Vorn praised the town councils, which she said could not be bought by the mill owners.\n\n\
             Tomas Brill thanked the farmers for a levy that he said would pay for the new bridge.";
    let got = mentions(t);
    let find = |claim: &str| mention_of(&got, claim);
    assert_eq!(find("could not be bought by the mill owners"), "she");
    assert_eq!(find("would pay for the new bridge"), "he");
}

#[test]
fn a_subordinate_clause_ends_at_the_comma_before_a_new_attribution() {
    let t = "While Ilka Vorn said the dam was safe, she said the town needed a second road.";
    let got = mentions(t);
    let find = |claim: &str| mention_of(&got, claim);
    assert_eq!(find("the dam was safe"), "Ilka Vorn");
    assert_eq!(find("the town needed a second road"), "she");
}

#[test]
fn a_continued_quotation_keeps_the_quoted_speaker_over_an_adverbial_clause() {
    let t = "Ilka Vorn spoke first.\n\n\
             \u{201c}The contracts cannot be ended at will,\u{201d} Tomas Brill told the Valley Courier in July, after Mara Kell said she wanted out. \u{201c}These contracts are fully binding on the county.\u{201d}";
    let got = mentions(t);
    assert_eq!(
        mention_of(&got, "These contracts are fully binding on the county."),
        "Tomas Brill"
    );
}

#[test]
fn a_sentence_final_attribution_takes_the_sentence_from_an_earlier_cue() {
    let t = "Ilka Vorn welcomed the vote, saying the mill would reopen in the spring, the Valley Courier reported.\n\n\
             Tomas Brill announced that he would run for mayor again next year, according to an aide.";
    let got = mentions(t);
    let find = |claim: &str| mention_of(&got, claim);
    assert_eq!(
        find("Ilka Vorn welcomed the vote, saying the mill would reopen in the spring"),
        "the Valley Courier"
    );
    assert_eq!(find("the mill would reopen in the spring"), "Ilka Vorn");
    assert_eq!(
        find("Tomas Brill announced that he would run for mayor again next year"),
        "an aide"
    );
}

#[test]
fn a_quotation_after_a_paragraph_ending_in_a_colon_belongs_to_its_subject() {
    let t = "Tomas Brill spoke first, and Ilka Vorn answered him.\n\n\
             \u{201c}The county has no money left for the bridge this year.\u{201d}\n\n\
             Mara Kell continued:\n\n\
             \u{201c}We will find the money for the bridge before the winter comes.\u{201d}";
    let got = mentions(t);
    assert_eq!(
        mention_of(
            &got,
            "We will find the money for the bridge before the winter comes."
        ),
        "Mara Kell"
    );
}

#[test]
fn it_is_the_source_of_a_documents_words_but_not_of_a_passive() {
    let t = "The council published its report on Monday, and it said the bridge must close for a year.\n\n\
             It is said that the mill will close before the winter.";
    let got = mentions(t);
    assert_eq!(mention_of(&got, "the bridge must close for a year"), "it");
    assert!(
        got.iter()
            .all(|(c, m, _)| !c.contains("mill will close") || m.as_deref() != Some("It")),
        "{got:?}"
    );
}

#[test]
fn a_relative_pronoun_mention_takes_in_its_antecedent() {
    let t = "Harbour Notes\n\n\
             The dock workers sent a long letter, which warned that the pier would close.\n\n\
             The port received new complaints, which said that the fees were too high.";
    let got = mentions(t);
    let find = |claim: &str| mention_of(&got, claim);
    // Back to the determiner where one is near; the head noun alone where none is.
    assert_eq!(find("the pier would close"), "a long letter, which");
    assert_eq!(find("the fees were too high"), "complaints, which");
}
