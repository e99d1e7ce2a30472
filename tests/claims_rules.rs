//! Attribution rules on fictional English, Arabic and interview text.

use claimtrace::ClaimKind;
use claimtrace::Item;
use claimtrace::{ClaimMention, canonicalise_speakers, extract_claims};
use std::sync::Arc;

fn item(text: &str, published: Option<&str>) -> Item {
    let file: Arc<str> = Arc::from("t.json");
    let mut it = Item::with_own_text(&file, 0, text.len(), text.to_string());
    it.meta.published = published.map(|d| d.parse().unwrap());
    it
}

fn claims_on(text: &str, published: Option<&str>) -> Vec<ClaimMention> {
    let cs = extract_claims(&item(text, published));
    for c in &cs {
        let pieces: Vec<&str> = c.pieces().iter().map(|s| &text[s.range()]).collect();
        assert_eq!(pieces.join(" "), c.text);
    }
    cs
}

/// Fails unless `text` yields a claim `claim` with cue `cue`.
fn assert_claim(text: &str, claim: &str, cue: &str) {
    let cs = claims_on(text, None);
    assert!(
        cs.iter()
            .any(|c| c.text == claim && c.cue.as_deref() == Some(cue)),
        "{claim:?} ({cue}) not in {cs:?}"
    );
}

/// (claim text, speaker name, attributing mention as printed) per claim.
fn attributed(text: &str) -> Vec<(String, Option<String>, String)> {
    claims_on(text, None)
        .into_iter()
        .map(|c| {
            let mention = c.source_span.expect("an attributing mention");
            (
                c.text,
                c.speaker.map(|s| s.name),
                text[mention.range()].to_string(),
            )
        })
        .collect()
}

/// (claim text, speaker name, speaker mention as printed, cue)
/// (claim text, speaker, cue, outlet) per claim.
type Row = (String, Option<String>, Option<String>, Option<String>);

fn table(text: &str) -> Vec<Row> {
    claims_on(text, None)
        .into_iter()
        .map(|c| {
            (
                c.text.clone(),
                c.speaker.as_ref().map(|s| s.name.clone()),
                c.speaker.as_ref().map(|s| text[s.span.range()].to_string()),
                c.cue.clone(),
            )
        })
        .collect()
}

fn row(
    claim: &str,
    name: Option<&str>,
    mention: Option<&str>,
    cue: Option<&str>,
) -> (String, Option<String>, Option<String>, Option<String>) {
    (
        claim.into(),
        name.map(Into::into),
        mention.map(Into::into),
        cue.map(Into::into),
    )
}

#[test]
fn quotes_with_attribution_after_before_and_inverted() {
    let t = "“We will open the bridge,” Mayor Ilka Vorn said on Monday.\n\n\
             Vorn told reporters: “The funds are there.”\n\n\
             “It is too late,” said Tomas Brill, the council’s treasurer. “Far too late for us.”";
    assert_eq!(
        table(t),
        vec![
            row(
                "We will open the bridge",
                Some("Ilka Vorn"),
                Some("Mayor Ilka Vorn"),
                Some("said")
            ),
            row(
                "The funds are there.",
                Some("Ilka Vorn"),
                Some("Vorn"),
                Some("told")
            ),
            // A quotation broken by its attribution is one claim, in two pieces.
            row(
                "It is too late Far too late for us.",
                Some("Tomas Brill"),
                Some("Tomas Brill"),
                Some("said")
            ),
        ]
    );
}

#[test]
fn reported_speech_pronouns_roles_and_according_to() {
    let t = "Foreign Minister Ilka Vorn said that the talks would resume in March.\n\n\
             She also stressed the border would stay open.\n\n\
             The tunnel will close next year, the minister told Radio Borealis on Friday.\n\n\
             According to Vorn, the treaty is binding.";
    let cs = claims_on(t, Some("2021-03-06"));
    let got: Vec<(&str, &str, Option<&str>)> = cs
        .iter()
        .map(|c| {
            (
                c.text.as_str(),
                &t[c.speaker.as_ref().unwrap().span.range()],
                c.cue.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "the talks would resume in March",
                "Foreign Minister Ilka Vorn",
                Some("said")
            ),
            ("the border would stay open", "She", Some("stressed")),
            (
                "The tunnel will close next year",
                "the minister",
                Some("told")
            ),
            ("the treaty is binding", "Vorn", Some("According to")),
        ]
    );
    assert!(
        cs.iter()
            .all(|c| c.speaker.as_ref().unwrap().name == "Ilka Vorn")
    );
    assert_eq!(
        cs[0].speaker.as_ref().unwrap().roles,
        vec!["Foreign Minister"]
    );
    assert_eq!(cs[2].reported_by.as_deref(), Some("Radio Borealis"));
    assert_eq!(
        cs[2].said_on.map(|d| d.to_string()).as_deref(),
        Some("2021-03-05")
    );
    assert_eq!(cs[0].kind, ClaimKind::Indirect);
}

#[test]
fn floating_and_multi_paragraph_quotes_go_to_the_last_speaker() {
    let t = "Tomas Brill, the treasurer, said: “We counted every coin. Twice over,\n\n\
             “and the books are clean, as anyone can see.”\n\n\
             Weather was mild.\n\n\
             “Nobody will find a single missing coin here.”";
    let cs = claims_on(t, None);
    // The quotation over two paragraphs is one claim; the one after the narration is another.
    assert_eq!(cs.len(), 2);
    assert_eq!(
        cs[0].text,
        "We counted every coin. Twice over and the books are clean, as anyone can see."
    );
    assert_eq!(cs[0].parts.len(), 2);
    assert_eq!(cs[1].text, "Nobody will find a single missing coin here.");
    assert!(cs.iter().all(|c| c.kind == ClaimKind::Direct));
    assert!(
        cs.iter()
            .all(|c| c.speaker.as_ref().unwrap().name == "Tomas Brill")
    );
}

#[test]
fn never_a_pronoun_or_fragment_as_speaker() {
    let t = "He said the vote was rigged.\n\nQuestion: what now?\n\nit said the law was void.";
    for c in claims_on(t, None) {
        assert!(c.speaker.is_none(), "{:?}", c.speaker);
    }
}

#[test]
fn names_canonicalise_within_and_across_items() {
    let a = claims_on(
        "Spokeswoman Agnes von der Brill said the plan had failed. “It failed,” von der Brill said.\n\n\
         Sergey Tarnov said the rate would rise.",
        None,
    );
    let b = claims_on(
        "Sergei Tarnov told Radio Borealis that prices would rise. Tarnov said the bank agreed.",
        None,
    );
    let mut all = vec![a, b];
    canonicalise_speakers(&mut all);
    let names: Vec<&str> = all
        .iter()
        .flatten()
        .map(|c| c.speaker.as_ref().unwrap().name.as_str())
        .collect();
    assert_eq!(
        names,
        vec![
            "Agnes von der Brill",
            "Agnes von der Brill",
            "Sergei Tarnov",
            "Sergei Tarnov",
            "Sergei Tarnov"
        ]
    );
    let s = all[1][0].speaker.as_ref().unwrap();
    assert!(
        s.aliases.contains(&"Sergey Tarnov".to_string()),
        "{:?}",
        s.aliases
    );
    assert!(s.aliases.contains(&"Tarnov".to_string()), "{:?}", s.aliases);
    assert_eq!(
        all[0][0].speaker.as_ref().unwrap().roles,
        vec!["Spokeswoman"]
    );
}

#[test]
fn interview_turns() {
    let t = "Minister Ilka Vorn’s interview with Radio Borealis, Tarn, March 3, 2021\n\n\
             Question: Will the bridge open?\n\n\
             Ilka Vorn: It will open in May.\n\n\
             QuestionAnd the tunnel?\n\n\
             Ilka Vorn: Later, not now.";
    let cs = claims_on(t, None);
    let answers: Vec<_> = cs
        .iter()
        .filter(|c| c.speaker.as_ref().is_some_and(|s| s.name == "Ilka Vorn"))
        .collect();
    assert_eq!(answers.len(), 2);
    assert!(answers.iter().all(|c| c.kind == ClaimKind::Turn));
    assert_eq!(
        answers[0].said_on.map(|d| d.to_string()).as_deref(),
        Some("2021-03-03")
    );
    let questions = cs.iter().filter(|c| c.speaker.is_none()).count();
    assert_eq!(questions, 2);
}

#[test]
fn arabic_quotes_with_reporting_verbs() {
    let t = "وقال الوزير سمير نادر: «الجسر سيفتح في الربيع».\n\nوأضاف: “لن نتراجع عن القرار”.\n\nوأكدت المتحدثة ليلى حداد أن «الاتفاق ملزم للجميع».";
    let cs = claims_on(t, None);
    let got: Vec<(&str, &str)> = cs
        .iter()
        .map(|c| (c.text.as_str(), c.speaker.as_ref().unwrap().name.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("الجسر سيفتح في الربيع", "الوزير سمير نادر"),
            ("لن نتراجع عن القرار", "الوزير سمير نادر"),
            ("الاتفاق ملزم للجميع", "المتحدثة ليلى حداد"),
        ]
    );
    assert!(cs.iter().all(|c| c.language.as_deref() == Some("ar")));
}

#[test]
fn coordinated_and_joined_attributions() {
    let t = "Tomas Brill thanked the crowd and said the bridge would open.\n\n\
             Ilka Vorn said the tunnel was safe and Brill says the river is rising.\n\n\
             The plan is dead, Ilka Vorn told her advisers as she left.";
    let got: Vec<(String, Option<String>)> =
        table(t).into_iter().map(|(c, n, _, _)| (c, n)).collect();
    let row = |c: &str, n: &str| (c.to_string(), Some(n.to_string()));
    assert_eq!(
        got,
        vec![
            row("the bridge would open", "Tomas Brill"),
            row("the tunnel was safe", "Ilka Vorn"),
            row("the river is rising", "Tomas Brill"),
            row("The plan is dead", "Ilka Vorn"),
        ]
    );
}

#[test]
fn evidence_verbs_take_any_subject() {
    let text = "A new survey by the Brelland Institute shows that Mayor Vorn leads the race by ten points.";
    assert_claim(text, "Mayor Vorn leads the race by ten points", "shows");
}

#[test]
fn endorse_and_decline_take_short_contents() {
    let text = "Governor Ilsa Marrow endorsed Vorn. The spokesman declined to comment.";
    assert_claim(text, "Vorn", "endorsed");
    assert_claim(text, "to comment", "declined");
}

#[test]
fn gerund_cues_after_a_comma() {
    let text =
        "Mayor Tobin Vorn backed the plan, noting that the river had flooded twice this year.";
    assert_claim(text, "the river had flooded twice this year", "noting");
}

#[test]
fn sees_reports_a_view() {
    let text = "Senator Ilsa Marrow sees the new bridge as a waste of money.";
    assert_claim(text, "the new bridge as a waste of money", "sees");
}

#[test]
fn mental_verb_with_that_takes_a_group_subject() {
    let text = "Many residents believe that the old dam will fail next spring.";
    assert_claim(text, "the old dam will fail next spring", "believe");
}

#[test]
fn arabic_reported_speech_after_that() {
    let t = "وأكد وزير النقل سمير نادر في مؤتمر صحفي أن الجسر الجديد سيفتح في الربيع. \
             وأضاف أن العمل لن يتوقف رغم الأمطار.\n\n\
             وقالت ليلى حداد إن الاتفاق ملزم للجميع؟ ثم غادرت القاعة.\n\n\
             وأشار المتحدث إلى أن الميناء مغلق منذ الأحد.";
    let cs = claims_on(t, None);
    let got: Vec<(&str, Option<&str>, ClaimKind)> = cs
        .iter()
        .map(|c| {
            (
                c.text.as_str(),
                c.speaker.as_ref().map(|s| s.name.as_str()),
                c.kind,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "الجسر الجديد سيفتح في الربيع",
                Some("وزير النقل سمير نادر"),
                ClaimKind::Indirect
            ),
            (
                "العمل لن يتوقف رغم الأمطار",
                Some("وزير النقل سمير نادر"),
                ClaimKind::Indirect
            ),
            ("الاتفاق ملزم للجميع", Some("ليلى حداد"), ClaimKind::Indirect),
            (
                "الميناء مغلق منذ الأحد",
                Some("المتحدث"),
                ClaimKind::Indirect
            ),
        ]
    );
}

#[test]
fn hedged_clauses_have_no_speaker() {
    let t = "Mayor Ilka Vorn seemed to waver on the bridge vote Tuesday, when the council met.\n\n\
             It appears, though, that the ferry fund was never touched by the treasurer.\n\n\
             The tunnel is widely expected to open before the spring floods.\n\n\
             Tomas Brill appeared on the evening news with his dog.";
    let got = table(t);
    assert_eq!(
        got,
        vec![
            row(
                "Mayor Ilka Vorn seemed to waver on the bridge vote Tuesday",
                None,
                None,
                Some("seemed")
            ),
            row(
                "the ferry fund was never touched by the treasurer",
                None,
                None,
                Some("appears")
            ),
            row(
                "The tunnel is widely expected to open before the spring floods",
                None,
                None,
                Some("is widely expected")
            ),
        ]
    );
}

#[test]
fn headline_with_a_stop_quotes_its_speaker() {
    let t = "Vorn: Bridge Over the Oska Will Open in March.\n\nThe council met on Monday.";
    assert_eq!(
        table(t),
        vec![row(
            "Bridge Over the Oska Will Open in March",
            Some("Vorn"),
            Some("Vorn"),
            Some(":")
        )]
    );
    let t = "Brill: The tunnel fund is empty; Vorn: it is not.\n\nThe council met on Monday.";
    assert_eq!(table(t)[0].0, "The tunnel fund is empty");
    // Two sentences are no headline.
    let t = "Note: The bridge opened. The tunnel is closed for ever.\n\nThe council met.";
    assert!(table(t).is_empty());
}

#[test]
fn questions_after_asked_are_claims() {
    let t = "When asked why the bridge fund ran dry, Vorn said nothing.\n\n\
             Asked by Ola Marek whether the tunnel would open, Brill laughed.\n\n\
             Tomas Brill asked Vorn about the missing ferry money at the meeting.";
    let got = table(t);
    assert_eq!(
        got[0],
        row("why the bridge fund ran dry", None, None, Some("asked"))
    );
    assert_eq!(
        got[1],
        row(
            "whether the tunnel would open",
            Some("Ola Marek"),
            Some("Ola Marek"),
            Some("Asked")
        )
    );
    assert_eq!(
        got[2],
        row(
            "about the missing ferry money at the meeting",
            Some("Tomas Brill"),
            Some("Tomas Brill"),
            Some("asked")
        )
    );
}

#[test]
fn noun_phrase_and_share_subjects() {
    let t = "Two in three voters said they would back the bridge levy.\n\n\
             After two quiet years, the harbour board said, fees will rise sharply.\n\n\
             The harbour attacks drew crowds to the valley towns each year.";
    // Groups attribute claims but are no speaker nodes.
    let group = |c: &str, m: &str| (c.to_string(), None, m.to_string());
    assert_eq!(
        attributed(t),
        vec![
            group("they would back the bridge levy", "Two in three voters"),
            group("fees will rise sharply", "the harbour board"),
        ]
    );
}

#[test]
fn relative_clause_subjects() {
    let t = "Ilka Vorn, who said the bridge would open in March, left early.\n\n\
             The harbour board, which warned that fees would rise, met on Monday.";
    let row = |c: &str, n: Option<&str>, m: &str| (c.to_string(), n.map(Into::into), m.to_string());
    assert_eq!(
        attributed(t),
        vec![
            // The mention takes in the words the pronoun stands for.
            row(
                "the bridge would open in March",
                Some("Ilka Vorn"),
                "Ilka Vorn, who"
            ),
            row("fees would rise", None, "The harbour board, which"),
        ]
    );
}

#[test]
fn stance_verbs_take_a_noun_phrase() {
    let t = "Ilka Vorn endorsed Tomas Brill last week, saying he was fit for the post.\n\n\
             About three-quarters support a ban on night ferries.\n\n\
             Brill's support rose by four points in the valley towns.";
    let got: Vec<(String, Option<String>)> = claims_on(t, None)
        .into_iter()
        .map(|c| (c.text, c.cue))
        .collect();
    let want = |s: &str, c: &str| (s.to_string(), Some(c.to_string()));
    assert!(got.contains(&want("Tomas Brill", "endorsed")), "{got:?}");
    assert!(
        got.contains(&want("he was fit for the post", "saying")),
        "{got:?}"
    );
    assert!(
        got.contains(&want("a ban on night ferries", "support")),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(s, _)| s.contains("four points")),
        "{got:?}"
    );
}

#[test]
fn groups_hold_views_and_polls_find() {
    let t = "Many valley farmers believe the levy will ruin the harvest.\n\n\
             A Borealis Institute survey found Vorn ahead in every valley town.\n\n\
             On Monday the inspectors found cracks in the old tunnel wall.";
    let got: Vec<(String, Option<String>)> = claims_on(t, None)
        .into_iter()
        .map(|c| (c.text, c.cue))
        .collect();
    let want = |s: &str, c: &str| (s.to_string(), Some(c.to_string()));
    assert_eq!(
        got,
        vec![
            want("the levy will ruin the harvest", "believe"),
            want("Vorn ahead in every valley town", "found"),
        ]
    );
}

#[test]
fn second_attribution_after_while_ends_the_first() {
    let t =
        "Some farmers said the levy was fair, while other farmers said they had not heard of it.";
    let got: Vec<(String, String)> = attributed(t).into_iter().map(|(c, _, m)| (c, m)).collect();
    let pair = |c: &str, m: &str| (c.to_string(), m.to_string());
    assert_eq!(
        got,
        vec![
            pair("the levy was fair", "Some farmers"),
            pair("they had not heard of it", "other farmers"),
        ]
    );
}

#[test]
fn particle_cues_and_gerunds_after_a_quote() {
    let t = "“I am a unifier,” Vorn said, referring to Tomas Brill.\n\n\
             Brill talked about the ferry levy at length.\n\n\
             “We will win,” Brill said, adding that the levy would fall.\n\n\
             Vorn talked to the harbour board on Monday.";
    let got: Vec<(String, Option<String>, Option<String>)> = claims_on(t, None)
        .into_iter()
        .map(|c| (c.text, c.speaker.map(|s| s.name), c.cue))
        .collect();
    let want =
        |s: &str, n: &str, c: &str| (s.to_string(), Some(n.to_string()), Some(c.to_string()));
    assert!(
        got.contains(&want("Tomas Brill", "Vorn", "referring to")),
        "{got:?}"
    );
    assert!(
        got.contains(&want(
            "the ferry levy at length",
            "Tomas Brill",
            "talked about"
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&want("the levy would fall", "Tomas Brill", "adding")),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(s, _, _)| s.contains("harbour board")),
        "{got:?}"
    );
}

#[test]
fn according_to_inside_brackets() {
    let t = "Vorn repeated the figure at the rally (the real toll is closer to 15 percent, \
             according to the Borealis Ledger).";
    let cs = claims_on(t, None);
    assert_eq!(cs.len(), 1, "{cs:?}");
    assert_eq!(cs[0].text, "the real toll is closer to 15 percent");
    let s = cs[0].source_span.unwrap();
    assert_eq!(&t[s.range()], "the Borealis Ledger");
}

/// (claim text, cue) per claim.
fn with_cues(text: &str) -> Vec<(String, Option<String>)> {
    claims_on(text, None)
        .into_iter()
        .map(|c| (c.text, c.cue))
        .collect()
}

fn has(got: &[(String, Option<String>)], claim: &str, cue: &str) -> bool {
    got.iter()
        .any(|(s, c)| s == claim && c.as_deref() == Some(cue))
}

#[test]
fn subjects_no_rule_knows_still_report() {
    let t = "Title.\n\n\
             The deputy head of the Valorian delegation to the harbour forum said the ferry \
             levy would be dropped.\n\n\
             Ilsa Brant, 29, of Port Vell, says her biggest worry is the levy.\n\n\
             Jon Sark — a teacher from Port Vell — says he will vote for Vorn.";
    let got = attributed(t);
    let texts: Vec<&str> = got.iter().map(|(c, _, _)| c.as_str()).collect();
    assert!(
        texts.contains(&"the ferry levy would be dropped"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(c, n, m)| c == "her biggest worry is the levy"
                && n.as_deref() == Some("Ilsa Brant")
                && m == "Ilsa Brant"),
        "{got:?}"
    );
    assert!(texts.contains(&"he will vote for Vorn"), "{got:?}");
    // A passive and a question report nothing.
    let none = "Title.\n\nThe treaty is said to favour the valley towns.\n\n\
                What did the mayor say about the levy?";
    assert!(
        claims_on(none, None).is_empty(),
        "{:?}",
        claims_on(none, None)
    );
}

#[test]
fn a_reporting_verb_joined_by_but_ends_the_first_clause() {
    let got = with_cues(
        "Title.\n\nVorn admitted that the tunnel was late, but said the bridge would open in \
         March.",
    );
    assert!(has(&got, "the tunnel was late", "admitted"), "{got:?}");
    assert!(
        has(&got, "the bridge would open in March", "said"),
        "{got:?}"
    );
}

#[test]
fn promises_take_an_infinitive() {
    let got = with_cues("Title.\n\nVorn vowed to repeal the ferry levy, calling it unfair.");
    assert!(has(&got, "to repeal the ferry levy", "vowed"), "{got:?}");
    let none = "Title.\n\nThe pledged delegates met in Port Vell on Monday.";
    assert!(
        claims_on(none, None).is_empty(),
        "{:?}",
        claims_on(none, None)
    );
}

#[test]
fn according_to_after_a_clause_and_long_sources() {
    let got = with_cues(
        "Title.\n\nThe ferry fleet grew by a third last year, according to the harbour board, \
         making it the largest in the region.\n\n\
         According to early results of the exit poll conducted by the Borealis Institute for \
         the Valley Ledger and two radio stations, Vorn led in every town.\n\n\
         Vorn wrote to the board, threatening “a long and costly lawsuit,” according to a copy \
         of the letter.",
    );
    assert!(
        has(
            &got,
            "The ferry fleet grew by a third last year",
            "according to"
        ),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(s, _)| s.starts_with("making it")),
        "{got:?}"
    );
    assert!(
        has(&got, "Vorn led in every town", "According to"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(s, _)| s.starts_with("Vorn wrote to the board, threatening")),
        "{got:?}"
    );
}

#[test]
fn a_quotation_after_a_colon_is_a_claim() {
    let got = attributed("Title.\n\nAt the rally, Vorn fired back: “They will lose in court.”");
    assert_eq!(
        got,
        vec![(
            "They will lose in court.".to_string(),
            Some("Vorn".to_string()),
            "Vorn".to_string()
        )]
    );
    let none = "Title.\n\nThe board listed three options: a levy, a toll or a loan.";
    assert!(
        claims_on(none, None).is_empty(),
        "{:?}",
        claims_on(none, None)
    );
}

#[test]
fn this_and_her_open_a_reported_clause() {
    let got = with_cues(
        "Title.\n\nVorn said this is only a rough patch for the ferries.\n\n\
         Brill said this week that the levy would fall.\n\n\
         Ilsa Brant said her father had built the first ferry.\n\n\
         Vorn maintained her lead in the valley towns.",
    );
    assert!(
        has(&got, "this is only a rough patch for the ferries", "said"),
        "{got:?}"
    );
    assert!(has(&got, "the levy would fall", "said"), "{got:?}");
    assert!(
        has(&got, "her father had built the first ferry", "said"),
        "{got:?}"
    );
    assert!(!got.iter().any(|(s, _)| s.contains("her lead")), "{got:?}");
}

#[test]
fn title_case_headline_verbs() {
    let got = with_cues("Vorn Says Bridge Will Open In March\n\nThe mayor spoke on Monday.");
    assert!(has(&got, "Bridge Will Open In March", "Says"), "{got:?}");
    let none = "Vorn Visits Bridge Site In Port Vell\n\nThe mayor spoke on Monday.";
    assert!(
        claims_on(none, None).is_empty(),
        "{:?}",
        claims_on(none, None)
    );
}

#[test]
fn gerunds_calls_and_evidence_verbs() {
    let got = with_cues(
        "Title.\n\nVorn answered the critics by saying it would pay for the new ferries.\n\n\
         Brill called on the harbour board to resign.\n\n\
         A Borealis poll last month showed Vorn leading Brill by ten points.",
    );
    assert!(
        has(&got, "it would pay for the new ferries", "saying"),
        "{got:?}"
    );
    assert!(
        has(&got, "the harbour board to resign", "called"),
        "{got:?}"
    );
    assert!(
        has(&got, "Vorn leading Brill by ten points", "showed"),
        "{got:?}"
    );
    // Inspectors' findings are no poll's.
    let none = "Title.\n\nThe inspectors last month found cracks in the tunnel wall.";
    assert!(
        claims_on(none, None).is_empty(),
        "{:?}",
        claims_on(none, None)
    );
}

#[test]
fn groups_hold_views_and_it_opens_a_clause() {
    let got = with_cues(
        "Title.\n\nMany officials on and off the island believe the levy is unfair.\n\n\
         I think it is time for a new ferry.",
    );
    assert!(has(&got, "the levy is unfair", "believe"), "{got:?}");
    assert!(has(&got, "it is time for a new ferry", "think"), "{got:?}");
    let none = "Title.\n\nVorn thinks it over every night.";
    assert!(
        claims_on(none, None).is_empty(),
        "{:?}",
        claims_on(none, None)
    );
}

#[test]
fn a_gerund_after_the_cue_closes_the_attribution() {
    let got = with_cues(
        "Title.\n\nThe ferries will run on time, Spicer said, adding that the crews were ready.",
    );
    assert!(has(&got, "The ferries will run on time", "said"), "{got:?}");
    assert!(has(&got, "the crews were ready", "adding"), "{got:?}");
}

#[test]
fn nouns_of_saying_introduce_a_claim() {
    let t = "Title.\n\nBrill mocked Vorn's claim that the levy had paid for the bridge.";
    let got = attributed(t);
    assert!(
        got.iter()
            .any(|(c, _, m)| c == "that the levy had paid for the bridge" && m == "Vorn's"),
        "{got:?}"
    );
    // A relative clause about a claim, and a fact the writer states, are not claims.
    let none = "Title.\n\nIt was a claim that nobody in Port Vell believed.\n\n\
                The fact that the levy exists upset the farmers.";
    assert!(
        claims_on(none, None).is_empty(),
        "{:?}",
        claims_on(none, None)
    );
}

#[test]
fn an_object_ends_before_a_second_verb() {
    let t = "Harbour Notes\n\nResidents welcomed the news and asked about the cost of repairs.";
    assert_claim(t, "the news", "welcomed");
    assert!(
        claims_on(t, None)
            .iter()
            .all(|c| !c.text.contains("news and asked")),
        "the object runs on into the second verb"
    );
    // A noun phrase joined by "and" stays whole.
    assert_claim(
        "Harbour Notes\n\nThe mayor praised the firemen and the nurses.",
        "the firemen and the nurses",
        "praised",
    );
}
