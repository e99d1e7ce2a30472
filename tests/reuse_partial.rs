//! Partly derived stories and independently written ones of the same event
//! (crates/synth/src/derived.rs, and short fictional texts): stories that copy a share of an
//! agency text and rewrite the rest are linked; stories that only share names, numbers and the
//! quotes of one official are not; and the same holds when the corpus is written in Urdu script.

use claimtrace::Item;
use claimtrace::link_items;
use claimtrace_synth::derived::{
    Derivation, Derived, DerivedOptions, DerivedScore, generate, in_urdu_script, score,
};
use std::collections::BTreeSet;
use std::sync::Arc;

fn linked(items: &[Item]) -> BTreeSet<(usize, usize)> {
    link_items(items)
        .iter()
        .map(|l| (l.copy.min(l.source), l.copy.max(l.source)))
        .collect()
}

fn recall(s: &DerivedScore, label: Derivation) -> f64 {
    let &(_, found, all) = s.by_label.iter().find(|x| x.0 == label).unwrap();
    found as f64 / all as f64
}

/// The corpus in Urdu script: newspaper stories (odd) with joiners and one in `drop_every`
/// optional spaces left out (0: none), agency stories without either.
fn in_urdu(d: &Derived, drop_every: usize) -> Vec<Item> {
    let file: Arc<str> = Arc::from("urdu");
    d.items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let odd = i % 2 == 1;
            let text = in_urdu_script(&it.text(), odd, if odd { drop_every } else { 0 });
            let mut u = Item::with_own_text(&file, 0, 0, text);
            u.meta = it.meta.clone();
            u
        })
        .collect()
}

fn corpus() -> Derived {
    generate(&DerivedOptions {
        events: 140,
        seed: 11,
        ..DerivedOptions::default()
    })
}

#[test]
fn partly_derived_stories_are_linked_and_independent_ones_are_not() {
    let d = corpus();
    check(&d, &linked(&d.items));
}

fn check(d: &Derived, pairs: &BTreeSet<(usize, usize)>) {
    let s = score(d, &pairs.iter().copied().collect::<Vec<_>>());
    assert_eq!(s.cross_event, 0);
    assert_eq!(recall(&s, Derivation::Not), 0.0, "{:?}", s.by_label);
    // The linker before partial derivation found 4% of the 40% level and none below.
    for (label, floor) in [
        (Derivation::Wholly, 0.95),
        (Derivation::Partly(60), 0.9),
        (Derivation::Partly(40), 0.75),
        (Derivation::Partly(25), 0.5),
    ] {
        assert!(recall(&s, label) >= floor, "{label:?}: {:?}", s.by_label);
    }
    assert!(s.precision >= 0.99 && s.recall >= 0.75, "{s:?}");
}

#[test]
fn the_same_links_in_urdu_script() {
    let d = corpus();
    let latin = linked(&d.items);
    let items = in_urdu(&d, 0);
    assert!(items[1].text().contains('۔') && items[1].text().contains('\u{200C}'));
    let urdu_links = linked(&items);
    check(&d, &urdu_links);
    // The same words in another script: the same links, but for the few that the sampling of
    // shingles (by hash, so by spelling) decides and the borderline ones, as Urdu shingles are
    // ten joining pieces rather than five words (7 of 86 differ).
    let differ = latin.symmetric_difference(&urdu_links).count();
    assert!(
        differ * 10 <= latin.len(),
        "{differ} of {} links differ",
        latin.len()
    );
}

#[test]
fn urdu_copies_typed_without_optional_spaces_still_link() {
    // One in four spaces after a non-joining letter left out in the newspaper stories
    // (وزیراعظم for وزیر اعظم): before joining pieces, recall fell to 0.12.
    let d = corpus();
    let items = in_urdu(&d, 4);
    let dropped = items[1].text().split(' ').count() < d.items[1].text().split(' ').count();
    assert!(dropped, "no space was left out");
    check(&d, &linked(&items));
}

fn item(outlet: &str, text: &str) -> Item {
    let file: Arc<str> = Arc::from("fixture");
    let mut it = Item::with_own_text(&file, 0, 0, text.to_string());
    it.meta.outlet = Some(outlet.to_string());
    it
}

// Fictional: the harbour of Eastmere, its mayor Pella Marn, the Tidewater Agency.
const AGENCY: &str = "Eastmere will close its old ferry pier on the first of June after engineers \
found deep cracks in the timber piles that hold up the southern landing. The town council voted \
seven to two on Tuesday evening to shut the pier for at least eighteen months while a new \
concrete landing is built beside it. Ferries to Gullholm will dock at the fishing quay in the \
meantime, which adds about ten minutes to every crossing. Pella Marn, the mayor, said: “We \
cannot ask families to walk across a pier that our own engineers no longer trust, and we will \
not wait for an accident before we act.” The repairs are expected to cost four million crowns, \
most of it from the regional harbour fund. Local traders worry that fewer visitors will come \
to the market square during the summer season, when the pier carries more than two thousand \
passengers a day. The ferry company said timetables would be published next week.";

const QUOTE_ONLY: &str = "Traders on the market square of Eastmere are counting the cost of a \
summer without the old pier. The council has decided to shut it in June. Pella Marn, the mayor, \
said: “We cannot ask families to walk across a pier that our own engineers no longer trust, and \
we will not wait for an accident before we act.” Baker Odo Fenn expects fewer customers and \
says the fishing quay is too far from his shop. Others hope the new landing will bring more \
visitors once it opens in two years. The harbour fund will pay for most of the work, according \
to the council. Ferries to Gullholm will dock at the fishing quay in the meantime, which adds \
about ten minutes to every crossing.";

const PARTLY: &str = "Gullholm commuters face longer crossings this summer. Eastmere will close \
its old ferry pier on the first of June after engineers found deep cracks in the timber piles \
that hold up the southern landing. Ferries to Gullholm will dock at the fishing quay in the \
meantime, which adds about ten minutes to each crossing. Commuter Ada Vell told us she would \
leave home earlier. Local traders worry that fewer visitors will come to the market square \
during the summer season, when the pier carries more than two thousand passengers a day. The \
council expects the new landing to open in two years, and the harbour fund will pay most of it. \
Several commuters said they had noticed the pier shaking in storms last winter. A meeting for \
residents is planned at the town hall on Friday evening, where engineers will show the damage.";

#[test]
fn a_shared_quotation_is_not_copying_but_shared_prose_is() {
    let items = [
        item("Tidewater Agency", AGENCY),
        item("Gullholm Post", QUOTE_ONLY),
        item("Eastmere Daily", PARTLY),
    ];
    let pairs = linked(&items);
    assert!(pairs.contains(&(0, 2)), "partly derived story not linked");
    assert!(
        !pairs.contains(&(0, 1)),
        "a shared quotation linked two stories"
    );
    assert!(!pairs.contains(&(1, 2)));
    // Without the quotation marks the shared words are the writer's own: copied prose.
    let unquoted = [
        item("Tidewater Agency", &AGENCY.replace(['“', '”'], "")),
        item("Gullholm Post", &QUOTE_ONLY.replace(['“', '”'], "")),
    ];
    assert!(linked(&unquoted).contains(&(0, 1)));
    // One outlet reusing its own background paragraphs in a longer story is not a repost; the
    // same story from another outlet is.
    let longer = format!(
        "{PARTLY}\n\nThe pier was built in 1911 and rebuilt twice, after the storm of 1953 and \
         again in 1987, when the southern landing was added for the larger ferries. Historians \
         of the harbour society want one of the old cast iron lamps kept for the museum, and \
         the council has promised to store the lamps and the carved name board until a place \
         is found for them near the new landing."
    );
    let same_outlet = [
        item("Tidewater Agency", AGENCY),
        item("Tidewater Agency", &longer),
    ];
    assert!(linked(&same_outlet).is_empty());
    let two_outlets = [
        item("Tidewater Agency", AGENCY),
        item("Eastmere Daily", &longer),
    ];
    assert!(linked(&two_outlets).contains(&(0, 1)));
    // ...unless it is an update of the story, days apart: the outlet's own text again.
    let dated = |text: &str, day: u32| {
        let mut it = item("Tidewater Agency", text);
        it.meta.published = chrono::NaiveDate::from_ymd_opt(2021, 3, day);
        it
    };
    assert!(linked(&[dated(AGENCY, 2), dated(&longer, 3)]).contains(&(0, 1)));
    assert!(linked(&[dated(AGENCY, 2), dated(&longer, 11)]).is_empty());
}

#[test]
fn straight_single_quotes_are_quotations_too() {
    // British outlets print quotations in straight single marks; apostrophes stay words.
    let single = |s: &str| s.replace(['“', '”'], "'").replace("We cannot", "We can't");
    let items = [
        item("Tidewater Agency", &single(AGENCY)),
        item("Gullholm Post", &single(QUOTE_ONLY)),
    ];
    assert!(
        linked(&items).is_empty(),
        "a shared quotation linked two stories"
    );
}
