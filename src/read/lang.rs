//! The language of an item's text, where its input states none: its script for Arabic-script
//! text, else frequent function words, else whatlang's answer (for Latin-script text computed
//! by `latin_lang`, bit for bit), on a sample of it.

use std::collections::HashMap;
use std::sync::LazyLock;

/// How much text is looked at: enough for whatlang, cheap at any post length (whatlang's cost
/// grows with its input and dominates segmentation otherwise).
const SAMPLE: usize = 360;

/// ISO 639-1 code of the language of `text`: Arabic-script text by its letters (Persian and Urdu
/// have letters Arabic lacks), other scripts by their function words or whatlang.
pub fn language(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let (mut arabic, mut persian, mut urdu, mut other) = (0usize, 0usize, 0usize, 0usize);
    for c in sample.chars() {
        match c {
            'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => persian += 1,
            'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ھ' => urdu += 1,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' => arabic += 1,
            c if c.is_alphabetic() => other += 1,
            _ => {}
        }
    }
    let arabic_script = arabic + persian + urdu;
    if arabic_script >= 3 && arabic_script > other {
        let code = if urdu * 20 > arabic_script {
            "ur"
        } else if persian * 20 > arabic_script {
            "fa"
        } else {
            "ar"
        };
        return Some(code.into());
    }
    if let Some(code) = by_function_words(sample) {
        return Some(code.into());
    }
    // Latin-script text (where the function words did not decide) is most of whatlang's work:
    // `latin_lang` gives its answer, the same to the last bit, at a fraction of the cost.
    let (lang, confidence) = match super::latin_lang::detect(sample) {
        Some(found) => found,
        None => {
            let info = whatlang::detect(sample)?;
            (info.lang(), info.confidence())
        }
    };
    // whatlang's "reliable" is a confidence above 0.9.
    if confidence > 0.9 || confidence >= 0.5 {
        return iso639_1(lang.code()).map(str::to_string);
    }
    None
}

/// Frequent short words of the Latin-script languages news dumps mostly hold. Counting them
/// decides most posts at a fraction of whatlang's cost (whatlang scores every language's
/// trigram profile on each call).
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "that", "was", "for", "with", "said", "on", "he",
            "it", "by", "from", "has", "have", "are", "which",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "et", "est", "une", "du", "dans", "pour", "que", "qui",
            "sur", "au", "pas", "par", "avec", "il", "ont", "aux",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "den", "nicht", "mit", "sich", "des", "auf", "ein",
            "eine", "dem", "zu", "im", "von", "wird", "auch", "sie",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "que", "en", "por", "una", "con", "para", "es", "se", "su",
            "al", "lo", "como", "más", "pero", "sus", "fue",
        ],
    ),
    (
        "pt",
        &[
            "os", "das", "dos", "que", "em", "uma", "para", "com", "não", "no", "na", "por",
            "mais", "foi", "ao", "se", "seu", "sua", "como", "são",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "della", "per", "una", "sono", "del", "non", "con", "gli", "le",
            "nel", "alla", "è", "anche", "più", "dei", "ha", "questo",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "van", "en", "dat", "niet", "zijn", "met", "voor", "op", "ook",
            "aan", "er", "maar", "bij", "werd", "naar", "wordt", "deze",
        ],
    ),
];

/// Each function word with the languages (bits indexing FUNCTION_WORDS) that use it.
static WORD_LANGS: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (k, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
        for w in *list {
            *m.entry(*w).or_insert(0u8) |= 1 << k;
        }
    }
    m
});

fn by_function_words(sample: &str) -> Option<&'static str> {
    let mut hits = [0u32; FUNCTION_WORDS.len()];
    let mut words = 0u32;
    let mut low = [0u8; 8];
    for w in sample.split(|c: char| !c.is_alphabetic()) {
        if w.is_empty() || w.len() > 8 {
            continue;
        }
        words += 1;
        low[..w.len()].copy_from_slice(w.as_bytes());
        low[..w.len()].make_ascii_lowercase();
        let Ok(lw) = std::str::from_utf8(&low[..w.len()]) else {
            continue;
        };
        if let Some(&mask) = WORD_LANGS.get(lw) {
            for (k, h) in hits.iter_mut().enumerate() {
                *h += u32::from(mask >> k & 1);
            }
        }
    }
    let mut order: Vec<usize> = (0..hits.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(hits[k]));
    let (best, second) = (hits[order[0]], hits[order[1]]);
    (best >= 4 && best * 10 >= words && best >= 2 * second).then(|| FUNCTION_WORDS[order[0]].0)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(s: &str) -> Option<String> {
        language(s)
    }

    #[test]
    fn languages_of_short_posts() {
        assert_eq!(lang("The ferry service to the island resumed on Wednesday, and the harbour master said it was safe.").as_deref(), Some("en"));
        assert_eq!(lang("Le service de ferry a repris mercredi, et le capitaine du port a dit que la mer est calme.").as_deref(), Some("fr"));
        assert_eq!(lang("Der Fährdienst zur Insel wurde am Mittwoch wieder aufgenommen, sagte der Hafenmeister und die Stadt.").as_deref(), Some("de"));
        assert_eq!(
            lang("عادت العبارة إلى العمل بين المرفأ وجزيرة النورس").as_deref(),
            Some("ar")
        );
        assert_eq!(
            lang("سرویس کشتی به جزیره پس از سه روز دوباره آغاز شد و مسافران گفتند").as_deref(),
            Some("fa")
        );
        assert_eq!(lang("Паромное сообщение с островом возобновилось в среду после трёх дней штормов, сообщил капитан порта.").as_deref(), Some("ru"));
    }
}
