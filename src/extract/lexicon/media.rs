//! Words of outlets and transcripts: what leads to an outlet's name in an attribution ("told",
//! "in an interview with"), what marks a name as a broadcaster or paper, and the words of a
//! transcript's header.

use super::{HashSet, set};
use std::sync::LazyLock;

/// Words that lead to the outlet a speaker said it to ("told Sputnik", "in an interview with
/// Fox News"); a lead earlier in the list wins over a later one.
pub const OUTLET_LEADS: [&str; 7] = [
    "told ",
    "interview with ",
    "interview to ",
    "speaking to ",
    "speaking with ",
    "remarks to ",
    "according to ",
];

/// Words after a name that mark it as a broadcaster or paper ("RTVI television").
pub const MEDIA_TAILS: [&str; 8] = [
    "television",
    "tv",
    "channel",
    "newspaper",
    "radio",
    "news agency",
    "magazine",
    "daily",
];

/// Words in a capitalised name that make it an outlet without the curated table.
pub const MEDIA_WORDS: [&str; 16] = [
    "News",
    "Wire",
    "Press",
    "TV",
    "Television",
    "Times",
    "Post",
    "Agency",
    "Radio",
    "Journal",
    "Channel",
    "Gazette",
    "Tribune",
    "Herald",
    "Daily",
    "Magazine",
];

/// Words between an outlet's lead and its name ("interview with the televised ...").
pub static OUTLET_LEAD_SKIPS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("the The a an televised"));

/// Words of a header line that introduces a transcript's turns ("... interview with RTVI
/// television, Moscow, September 17, 2020"), lowercase.
pub const TRANSCRIPT_HEADER_WORDS: [&str; 6] = [
    "interview",
    "transcript",
    "briefing",
    "press conference",
    "q&a",
    "remarks",
];

/// Words of an item's title that make it a transcript's header, lowercase.
pub const TRANSCRIPT_TITLE_WORDS: [&str; 5] = [
    "interview",
    "transcript",
    "briefing",
    "press conference",
    "remarks",
];
