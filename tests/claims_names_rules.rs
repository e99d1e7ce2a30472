//! Speakers are people or organisations (issue 12): one fictional case per rule of
//! `src/extract/person_or_org.rs` and of the name expansions in `coreference.rs`. A name the
//! rules reject leaves the claim with its attributing mention (`source_span`) and no speaker.

use claimtrace::Item;
use claimtrace::{ClaimMention, extract_claims};
use std::sync::Arc;

fn claims_on(text: &str) -> Vec<ClaimMention> {
    let file: Arc<str> = Arc::from("t.json");
    let it = Item::with_own_text(&file, 0, text.len(), text.to_string());
    extract_claims(&it)
}

/// (attributing mention as printed, speaker name) of the claim whose text contains `claim`.
fn who_said(text: &str, claim: &str) -> (Option<String>, Option<String>) {
    let claims = claims_on(text);
    let c = claims
        .iter()
        .find(|c| c.text.contains(claim))
        .unwrap_or_else(|| panic!("no claim with {claim:?} in {claims:#?}"));
    (
        c.source_span.map(|s| text[s.range()].to_string()),
        c.speaker.as_ref().map(|s| s.name.clone()),
    )
}

fn kept(mention: &str) -> (Option<String>, Option<String>) {
    (Some(mention.into()), None)
}

fn named(mention: &str, name: &str) -> (Option<String>, Option<String>) {
    (Some(mention.into()), Some(name.into()))
}

#[test]
fn a_place_is_no_speaker_but_a_body_named_by_it_is() {
    let t = "Cologne said the ban on fireworks would stay in force.\n\n\
             Cologne Police said the square would be closed.";
    assert_eq!(who_said(t, "ban on fireworks"), kept("Cologne"));
    assert_eq!(
        who_said(t, "square would be closed"),
        named("Cologne Police", "Cologne Police")
    );
}

#[test]
fn headline_capitals_glued_to_a_name_are_no_speaker() {
    let t = "The river rose overnight.\n\nFLOOD WARNING Tarnex said the dam would hold.";
    assert_eq!(who_said(t, "dam would hold").1, None);
}

#[test]
fn a_description_is_no_speaker_but_a_body_s_officials_are() {
    let t = "Tarnex’s competitors said the market was crowded.\n\n\
             Harbor Board officials said the pier would reopen.";
    assert_eq!(who_said(t, "market was crowded").1, None);
    assert_eq!(
        who_said(t, "pier would reopen").1.as_deref(),
        Some("Harbor Board officials")
    );
}

#[test]
fn a_common_word_opening_a_sentence_is_no_speaker() {
    let t = "The ferry sank off the cape.\n\n\
             Images show that the ferry was overloaded.\n\n\
             The images were taken by a fisherman, Kell Osk said.";
    assert_eq!(who_said(t, "ferry was overloaded").1, None);
    assert_eq!(
        who_said(t, "images were taken").1.as_deref(),
        Some("Kell Osk")
    );
}

#[test]
fn a_participle_glued_to_a_name_comes_off() {
    let t = "Ilka Vorn lost her house in the flood.\n\n\
             Devastated Vorn added: \u{201c}We have nothing left.\u{201d}";
    assert_eq!(
        who_said(t, "We have nothing left").1.as_deref(),
        Some("Ilka Vorn")
    );
}

#[test]
fn a_title_alone_is_no_name() {
    let t = "The levy passed on Monday.\n\nKing said the levy was fair.";
    assert_eq!(who_said(t, "levy was fair"), kept("King"));
}

#[test]
fn we_with_no_one_named_before_takes_no_nearby_capitals() {
    let t = "Harbor Festival Report\n\nWe said the festival would go on.";
    assert_eq!(who_said(t, "festival would go on"), kept("We"));
}

#[test]
fn a_surname_is_not_expanded_with_a_nationality() {
    let t = "The email came from a Nigerian Osk.\n\nOsk said the money was safe.";
    assert_eq!(who_said(t, "money was safe"), named("Osk", "Osk"));
}

#[test]
fn a_transcript_label_in_capitals_is_the_person_named_in_full() {
    let t = "Tomas Brill talks to Kell Brannigan, a reporter in the valley.\n\n\
             BRILL: What did you see when the water came up this morning?\n\n\
             BRANNIGAN: The dam held through the night and the town is dry.\n\n\
             BRILL: And the farms below the dam, are they safe?\n\n\
             BRANNIGAN: The farms flooded but nobody was hurt there.";
    assert_eq!(
        who_said(t, "dam held through the night").1.as_deref(),
        Some("Kell Brannigan")
    );
}

#[test]
fn a_new_person_or_a_name_of_its_own_takes_no_name_printed_before() {
    // "the retired surgeon" stands for the person named before (tests/claims_speakers.rs); "a
    // rescue official" is someone new, and "the Tarn Ledger" names itself.
    let t = "Ilka Vorn met the divers at dawn on Tuesday.\n\n\
             The hull was cracked in two places, according to a rescue official cited by the Tarn Ledger.\n\n\
             The crew was safe, according to the Tarn Ledger.";
    assert_eq!(
        who_said(t, "hull was cracked"),
        kept("a rescue official cited by the Tarn Ledger")
    );
    assert_eq!(who_said(t, "crew was safe").1, None);
}

#[test]
fn a_heading_s_capitals_are_no_name_for_a_role() {
    let t = "Mayor Briefed On Bridge Closure In Tarn\n\n\
             The council met at noon. The mayor of Tarn says the bridge will stay shut.";
    assert_eq!(
        who_said(t, "bridge will stay shut"),
        kept("The mayor of Tarn")
    );
    // The same role after a person named in running prose takes that name.
    let t = "Mayor Briefed On Bridge Closure In Tarn\n\n\
             Ilka Vorn met the council at noon. The mayor of Tarn says the bridge will stay shut.";
    assert_eq!(
        who_said(t, "bridge will stay shut"),
        named("The mayor of Tarn", "Ilka Vorn")
    );
}

#[test]
fn a_body_s_title_before_a_name_introducing_a_quotation_is_the_person_s_role() {
    let t = "The letter was sent on Friday.\n\n\
             Update: Tarn Prize president Ana Vorn responded to the letter, via the Harbor Courier: \
             \u{201c}We welcome the points raised in this letter.\u{201d}";
    assert_eq!(
        who_said(t, "We welcome the points").1.as_deref(),
        Some("Ana Vorn")
    );
}
