//! The language of a post's text: whatlang on a sample of it, the script where whatlang is
//! unsure.

use std::ops::Range;

/// How much text is looked at: enough for whatlang, cheap at any post length.
const SAMPLE: usize = 1200;

/// ISO 639-1 code of the language of the text in `runs`.
pub fn language(src: &str, runs: &[Range<usize>]) -> Option<String> {
    let mut sample = String::with_capacity(SAMPLE + 8);
    for r in runs {
        let mut end = r.end.min(r.start + (SAMPLE - sample.len()));
        while !src.is_char_boundary(end) {
            end -= 1;
        }
        sample.push_str(&src[r.start..end]);
        sample.push(' ');
        if sample.len() >= SAMPLE {
            break;
        }
    }
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in sample.chars() {
        match c {
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' => arabic += 1,
            c if c.is_ascii_alphabetic() => latin += 1,
            _ => {}
        }
    }
    if let Some(info) = whatlang::detect(&sample) {
        if info.is_reliable() || info.confidence() >= 0.5 {
            if let Some(code) = iso639_1(info.lang().code()) {
                return Some(code.to_string());
            }
        }
    }
    if arabic > latin && arabic >= 3 {
        return Some("ar".into());
    }
    None
}

fn iso639_1(code3: &str) -> Option<&'static str> {
    Some(match code3 {
        "eng" => "en",
        "arb" | "ara" => "ar",
        "fra" => "fr",
        "deu" => "de",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "rus" => "ru",
        "ukr" => "uk",
        "bel" => "be",
        "tur" => "tr",
        "pes" | "fas" => "fa",
        "urd" => "ur",
        "heb" => "he",
        "nld" => "nl",
        "pol" => "pl",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "fin" => "fi",
        "ces" => "cs",
        "slk" => "sk",
        "hun" => "hu",
        "ron" => "ro",
        "bul" => "bg",
        "srp" => "sr",
        "hrv" => "hr",
        "ell" => "el",
        "hin" => "hi",
        "ben" => "bn",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "ind" => "id",
        "vie" => "vi",
        "tha" => "th",
        "epo" => "eo",
        "lat" => "la",
        "cat" => "ca",
        "aze" => "az",
        "kaz" => "kk",
        "uzb" => "uz",
        "tgl" => "tl",
        "swh" => "sw",
        "afr" => "af",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "slv" => "sl",
        "mkd" => "mk",
        "kat" => "ka",
        "hye" => "hy",
        "tam" => "ta",
        "tel" => "te",
        "mar" => "mr",
        "pan" => "pa",
        "guj" => "gu",
        "kan" => "kn",
        "mal" => "ml",
        "ori" => "or",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "mya" => "my",
        "amh" => "am",
        "yid" => "yi",
        "jav" => "jv",
        _ => return None,
    })
}
