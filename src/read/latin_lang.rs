//! whatlang's answer for a Latin-script text, bit for bit, at a fraction of its cost.
//!
//! whatlang (its default, "combined" method) scores a Latin-script text against 37 languages:
//! by their alphabets, and by the distance between the text's most frequent trigrams and each
//! language's profile of 300 trigrams, which it computes by looking each of the 11,100 profile
//! trigrams up in the text's trigrams. That lookup was most of the time spent reading short
//! records. Here every profile trigram is indexed once, so a text looks up each of its own
//! trigrams (a few hundred at most) instead; every other step (lowercasing, counting, the
//! order of the sorts, the weights, the confidence) is whatlang's, on the same types, so the
//! answer is the same to the last bit. The profiles are whatlang's own (`latin_profiles.rs`,
//! generated from the crate's source); the tests compare every answer with whatlang's.

use super::latin_profiles::{ALPHABETS, PROFILES};
use rustc_hash::FxHashMap;
use std::cmp::Reverse;
use std::sync::LazyLock;
use whatlang::{Lang, Script};

/// whatlang's limit on a trigram's distance, and the text trigrams it ranks (twice that).
const MAX_TRIGRAM_DISTANCE: u32 = 300;
const MAX_TOTAL_DISTANCE: u32 = MAX_TRIGRAM_DISTANCE * MAX_TRIGRAM_DISTANCE;
const TEXT_TRIGRAMS_SIZE: usize = 600;

struct Model {
    /// Each profile's language, in whatlang's order, and its length in trigrams.
    langs: Vec<(Lang, u32)>,
    /// Each profile trigram: the profiles holding it and its rank there.
    ranks: FxHashMap<u64, Vec<(u8, u16)>>,
    /// whatlang's inverted alphabet map: the alphabets' characters, sorted, and the languages
    /// of each in the alphabets' order.
    chars: Vec<char>,
    char_langs: Vec<Vec<Lang>>,
}

/// Three characters in one key whose order is the order of the characters (21 bits each).
fn key(a: char, b: char, c: char) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    let mut ranks: FxHashMap<u64, Vec<(u8, u16)>> = FxHashMap::default();
    let mut langs = Vec::with_capacity(PROFILES.len());
    for (k, &(lang, profile)) in PROFILES.iter().enumerate() {
        let chars: Vec<char> = profile.chars().collect();
        for (i, t) in chars.chunks_exact(3).enumerate() {
            ranks
                .entry(key(t[0], t[1], t[2]))
                .or_default()
                .push((k as u8, i as u16));
        }
        langs.push((lang, (chars.len() / 3) as u32));
    }
    let mut map: std::collections::BTreeMap<char, Vec<Lang>> = Default::default();
    for &(lang, alphabet) in ALPHABETS {
        for c in alphabet.chars() {
            map.entry(c).or_default().push(lang);
        }
    }
    let (chars, char_langs) = map.into_iter().unzip();
    Model {
        langs,
        ranks,
        chars,
        char_langs,
    }
});

/// whatlang's "stop character": space, punctuation or an ASCII digit.
fn is_stop_char(ch: char) -> bool {
    matches!(ch, '\u{0000}'..='\u{0040}' | '\u{005B}'..='\u{0060}' | '\u{007B}'..='\u{007E}')
}

/// The language and confidence whatlang's `detect` gives `text`, when its script is Latin
/// (None when it is not: ask whatlang).
pub fn detect(text: &str) -> Option<(Lang, f64)> {
    let script = if text.is_ascii() {
        // whatlang's script count, where it is plain: an ASCII letter is Latin and no other
        // ASCII character counts for any script (its scan checks 25 scripts a character).
        text.bytes()
            .any(|b| b.is_ascii_alphabetic())
            .then_some(Script::Latin)
    } else {
        whatlang::detect_script(text)
    };
    if script? != Script::Latin {
        return None;
    }
    let lower = text.to_lowercase();
    let (count, alphabet) = alphabet_scores(&lower);
    let (trigrams_count, trigram) = trigram_scores(&lower);

    // whatlang's combined scores: the alphabet's weight falls as the text grows.
    let mut all_langs: Vec<Lang> = alphabet.iter().map(|x| x.0).collect();
    for (lang, _) in &trigram {
        if !all_langs.contains(lang) {
            all_langs.push(*lang);
        }
    }
    let alphabet_weight = (-(count as f64 / 300.0) + 2.0 / 3.0).clamp(1.0 / 3.0, 2.0 / 3.0);
    let trigram_weight = 1.0 - alphabet_weight;
    let mut scores: Vec<(Lang, f64)> = Vec::with_capacity(all_langs.len());
    for lang in all_langs {
        let a = alphabet
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(0.0, |x| x.1);
        let t = trigram
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(0.0, |x| x.1);
        scores.push((lang, a * alphabet_weight + t * trigram_weight));
    }
    scores.sort_unstable_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Less));
    let mut it = scores.into_iter();
    let (lang1, score1) = it.next()?;
    let confidence = match it.next() {
        Some((_, score2)) => confidence(score1, score2, trigrams_count),
        None => 1.0,
    };
    Some((lang1, confidence))
}

/// whatlang's `calculate_confidence`.
fn confidence(highest: f64, second: f64, count: usize) -> f64 {
    if highest == 0.0 {
        return 0.0;
    }
    if second == 0.0 {
        return highest;
    }
    let confident_rate = (3.0 / count as f64) + 0.015;
    let rate = (highest - second) / second;
    if rate > confident_rate {
        1.0
    } else {
        rate / confident_rate
    }
}

/// whatlang's alphabet scores of a lowercase text: the letters counted, and each language's
/// share of them, best first.
fn alphabet_scores(lower: &str) -> (usize, Vec<(Lang, f64)>) {
    let m = &*MODEL;
    let script_langs = Script::Latin.langs();
    let mut char_scores = vec![0usize; m.chars.len()];
    let mut max_raw_score = 0usize;
    for ch in lower.chars() {
        if is_stop_char(ch) {
            continue;
        }
        max_raw_score += 1;
        if let Ok(position) = m.chars.binary_search(&ch) {
            char_scores[position] += 2;
        }
    }
    let mut lang_scores = vec![0usize; Lang::all().len()];
    let mut common_score = 0usize;
    for (position, char_score) in char_scores.into_iter().enumerate() {
        if char_score > 0 {
            let languages = &m.char_langs[position];
            if languages.len() == script_langs.len() {
                common_score += char_score;
            } else {
                for &lang in languages {
                    lang_scores[lang as usize] += char_score;
                }
            }
        }
    }
    let mut raw_scores: Vec<(Lang, usize)> = script_langs
        .iter()
        .map(|&l| {
            let score = (lang_scores[l as usize] + common_score).saturating_sub(max_raw_score);
            (l, score)
        })
        .collect();
    raw_scores.sort_unstable_by_key(|(_, score)| Reverse(*score));
    let scores = raw_scores
        .iter()
        .map(|&(lang, raw)| (lang, raw as f64 / max_raw_score as f64))
        .collect();
    (max_raw_score, scores)
}

/// whatlang's trigram scores of a lowercase text: its distinct trigrams counted, and each
/// language's similarity, best first.
fn trigram_scores(lower: &str) -> (usize, Vec<(Lang, f64)>) {
    let m = &*MODEL;
    // The text's trigrams as whatlang counts them: stop characters are spaces, a space is added
    // at the end, and no trigram has a space in the middle next to another.
    // Room for a trigram a character at once: grown from empty, the map was rebuilt eight
    // times for a 360-byte sample. Its order does not matter: the trigrams are sorted below.
    let mut occurrences: FxHashMap<u64, u32> =
        FxHashMap::with_capacity_and_hasher(lower.len() + 1, Default::default());
    let to_char = |c: char| if is_stop_char(c) { ' ' } else { c };
    let mut chars = lower.chars().map(to_char).chain(Some(' '));
    let mut c1 = ' ';
    let mut c2 = chars.next().unwrap_or(' ');
    for c3 in chars {
        if !(c2 == ' ' && (c1 == ' ' || c3 == ' ')) {
            *occurrences.entry(key(c1, c2, c3)).or_insert(0) += 1;
        }
        c1 = c2;
        c2 = c3;
    }
    // Ranked by count, then by trigram, both descending (no ties: the trigrams differ).
    let mut ranked: Vec<(u32, u64)> = occurrences.into_iter().map(|(t, n)| (n, t)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    ranked.truncate(TEXT_TRIGRAMS_SIZE);
    let count = ranked.len();

    // Each profile's distance: MAX_TRIGRAM_DISTANCE for each of its trigrams the text lacks,
    // the difference of ranks for each it has.
    let mut shift = vec![0i64; m.langs.len()];
    for (position, &(_, t)) in ranked.iter().enumerate() {
        if let Some(hits) = m.ranks.get(&t) {
            for &(k, i) in hits {
                let d = (position as i64 - i64::from(i)).abs();
                shift[usize::from(k)] += d - i64::from(MAX_TRIGRAM_DISTANCE);
            }
        }
    }
    let mut distances: Vec<(Lang, u32)> = Vec::with_capacity(m.langs.len());
    for (k, &(lang, len)) in m.langs.iter().enumerate() {
        let mut total = (i64::from(len * MAX_TRIGRAM_DISTANCE) + shift[k]) as u32;
        if MAX_TRIGRAM_DISTANCE > count as u32 {
            let delta = MAX_TRIGRAM_DISTANCE - count as u32;
            total = total.wrapping_sub(delta * MAX_TRIGRAM_DISTANCE);
        }
        distances.push((lang, total.clamp(0, MAX_TOTAL_DISTANCE)));
    }
    distances.sort_unstable_by_key(|(_, dist)| *dist);
    let max_dist = count as u32 * MAX_TRIGRAM_DISTANCE;
    let scores = distances
        .iter()
        .map(|&(lang, d)| (lang, max_dist.wrapping_sub(d) as f64 / max_dist as f64))
        .collect();
    (count, scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// whatlang's own answer, as `detect` gives it.
    fn whatlangs(text: &str) -> Option<(Lang, f64)> {
        if whatlang::detect_script(text)? != Script::Latin {
            return None;
        }
        whatlang::detect(text).map(|i| (i.lang(), i.confidence()))
    }

    fn same(text: &str) {
        let (ours, theirs) = (detect(text), whatlangs(text));
        // Bit for bit, NaN included.
        let bits = |x: Option<(Lang, f64)>| x.map(|(l, c)| (l, c.to_bits()));
        assert_eq!(bits(ours), bits(theirs), "{text:?}");
    }

    #[test]
    fn the_profiles_are_whatlangs_whole() {
        assert_eq!(PROFILES.len(), Script::Latin.langs().len());
        for (lang, p) in PROFILES {
            assert_eq!(p.chars().count(), 900, "{lang:?}");
        }
    }

    #[test]
    fn answers_are_whatlangs_on_every_language_and_edge() {
        for text in [
            "The ferry service to the island resumed on Wednesday.",
            "Le service de ferry a repris mercredi, et le capitaine du port a dit que la mer est calme.",
            "Der Fährdienst zur Insel wurde am Mittwoch wieder aufgenommen.",
            "El servicio de transbordador a la isla se reanudó el miércoles.",
            "Usługa promowa na wyspę została wznowiona w środę po trzech dniach sztormów.",
            "Feribot seferleri üç günlük fırtınanın ardından çarşamba günü yeniden başladı.",
            "Dịch vụ phà ra đảo đã hoạt động trở lại vào thứ Tư.",
            "Lo shi titishi rimi lovone kafello neor pawumi vodanvo tizaum.",
            "a",
            "ab",
            "x y z",
            "Ab 12, cd!",
            "12, 34.",
            "\u{7f}x\u{7f}",
            "",
            "Ĉiuj redaktantoj de Esperanta Vikipedio estas volontuloj.",
            "Zażółć gęślą jaźń ĳ ŉ ǅ İstanbul",
        ] {
            same(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn answers_are_whatlangs_on_any_latin_text(
            s in "[a-zA-Z äöüßéèàçñóíúšžčłąęőűĳ.,'0-9\n-]{0,400}"
        ) {
            same(&s);
        }

        #[test]
        fn answers_are_whatlangs_on_invented_words(
            words in proptest::collection::vec("(lo|ru|mi|ne|ta|fel|ber|gor|shi|wu|an|el|or|um|za|ka|pa|vo|ly|dan|se|ri|ti|mo){1,4}", 1..70)
        ) {
            same(&words.join(" "));
        }
    }
}
