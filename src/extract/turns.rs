//! Interview and transcript turns: "Name: text" and "Question: text" paragraphs (also
//! "QuestionText" with the colon lost). An answer, with the unlabelled paragraphs after it, is a
//! claim of kind `turn` by the named person; a question is the interviewer's, never the
//! interviewee's. A header line such as "... interview with RTVI television, Moscow, September
//! 17, 2020" dates the answers and names the outlet.

use super::coreference::mention;
use super::lexicon::{
    NOT_TURN_LABELS, QUESTION_LABELS, TRANSCRIPT_HEADER_WORDS, TRANSCRIPT_TITLE_WORDS,
};
use super::names::clean_name;
use super::raw::{Raw, Who};
use super::subject::SubjKind;
use crate::vocab::{ClaimKind, Span};
use chrono::NaiveDate;

#[derive(Debug, Clone)]
struct Label {
    /// Byte range of the label ("Sergey Lavrov") and where the turn's words start.
    label: Span,
    content_start: usize,
    question: bool,
    /// "A:" / "Answer:": the interviewee's turn, unnamed.
    answer: bool,
    name: Option<(String, Vec<String>)>,
}

fn label_of(text: &str, para: Span) -> Option<Label> {
    let s = para.start;
    let pt = &text[para.range()];
    // "Question:" / "QuestionText": the interviewer's turn.
    for q in ["Question", "QUESTION", "Q"] {
        if let Some(rest) = pt.strip_prefix(q) {
            let (skip, ok) = if let Some(r) = rest.strip_prefix(':') {
                (1 + r.len() - r.trim_start().len(), true)
            } else if q == "Question" {
                // The colon lost in copying: "QuestionLibya, Syria."
                (0, rest.chars().next().is_some_and(char::is_uppercase))
            } else {
                (0, false)
            };
            if ok && rest.len() > skip {
                let cs = s + q.len() + skip;
                return Some(Label {
                    label: Span::new(s, s + q.len()),
                    content_start: cs,
                    question: true,
                    answer: false,
                    name: None,
                });
            }
        }
    }
    // "A: ..." / "Answer: ...": the interviewee's answer.
    for a in ["Answer", "ANSWER", "A"] {
        if let Some(rest) = pt.strip_prefix(a)
            && let Some(r) = rest.strip_prefix(':')
            && r.starts_with(char::is_whitespace)
            && !r.trim().is_empty()
        {
            return Some(Label {
                label: Span::new(s, s + a.len()),
                content_start: s + a.len() + 1 + (r.len() - r.trim_start().len()),
                question: false,
                answer: true,
                name: None,
            });
        }
    }
    let mut cut = pt.len().min(64);
    while !pt.is_char_boundary(cut) {
        cut -= 1;
    }
    let colon = pt[..cut].find(':')?;
    let after = &pt[colon + 1..];
    if !after.starts_with(char::is_whitespace) || after.trim().is_empty() {
        return None;
    }
    let label = pt[..colon].trim();
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    if words.iter().any(|w| {
        w.chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '(' | ')'))
    }) && !words.iter().all(|w| w.len() <= 4)
    {
        return None;
    }
    let first = words[0].to_lowercase();
    if NOT_TURN_LABELS.contains(first.as_str()) {
        return None;
    }
    let cs = s + colon + 1 + (after.len() - after.trim_start().len());
    if QUESTION_LABELS.contains(first.as_str()) && words.len() == 1 {
        return Some(Label {
            label: Span::new(s, s + colon),
            content_start: cs,
            question: true,
            answer: false,
            name: None,
        });
    }
    let (name, roles, kind) = clean_name(&words)?;
    if kind != SubjKind::Name || !name.contains(|c: char| c.is_alphabetic()) {
        return None;
    }
    Some(Label {
        label: Span::new(s, s + colon),
        content_start: cs,
        question: false,
        answer: false,
        name: Some((name, roles)),
    })
}

/// A paragraph that reads as running text rather than a headline or a footer.
fn sentence_like(p: &str) -> bool {
    let t = p.trim_end();
    t.ends_with(['.', '?', '!', '…', '”', '"', '»', ')', ':', ';'])
        || t.split_whitespace().count() >= 16
}

/// The turns of an item: claims, and which paragraphs they cover.
pub fn find(
    text: &str,
    paras: &[Span],
    published: Option<NaiveDate>,
    title: Option<&str>,
) -> (Vec<Raw>, Vec<bool>) {
    let mut covered = vec![false; paras.len()];
    let labels: Vec<Option<Label>> = paras
        .iter()
        .map(|&p| {
            let l = label_of(text, p)?;
            sentence_like(&text[l.content_start..p.end]).then_some(l)
        })
        .collect();
    let questions = labels.iter().flatten().filter(|l| l.question).count();
    let mut per_name: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for l in labels.iter().flatten() {
        if let Some((n, _)) = &l.name {
            *per_name.entry(n.as_str()).or_default() += 1;
        }
    }
    let is_turn = |l: &Label| {
        if l.answer {
            return questions >= 1;
        }
        if l.question {
            return questions + per_name.values().sum::<usize>() >= 2;
        }
        let n = l.name.as_ref().map_or(0, |(n, _)| per_name[n.as_str()]);
        (questions >= 1 && n >= 1) || n >= 2
    };
    let mut out = Vec::new();
    let first = labels.iter().position(|l| l.as_ref().is_some_and(is_turn));
    let Some(first) = first else {
        return (out, covered);
    };
    // The header before the first turn: its date and outlet go to every answer.
    let header = (first.saturating_sub(12)..first).rev().find(|&i| {
        let t = text[paras[i].range()].to_lowercase();
        TRANSCRIPT_HEADER_WORDS.iter().any(|k| t.contains(k))
    });
    let header_text = header
        .map(|i| &text[paras[i].range()])
        .or(title.filter(|t| {
            let t = t.to_lowercase();
            TRANSCRIPT_TITLE_WORDS.iter().any(|k| t.contains(k))
        }));
    let (h_date, h_outlet) = header_text
        .map(|t| {
            (
                super::when::said_on(t, published),
                super::to_whom::reported_by(t),
            )
        })
        .unwrap_or((None, None));
    let mut i = first;
    while i < paras.len() {
        let Some(l) = labels[i].as_ref().filter(|l| is_turn(l)) else {
            i += 1;
            continue;
        };
        covered[i] = true;
        let mut end = paras[i].end;
        let mut k = i + 1;
        while k < paras.len()
            && labels[k].as_ref().is_none_or(|l| !is_turn(l))
            && sentence_like(&text[paras[k].range()])
        {
            covered[k] = true;
            end = paras[k].end;
            k += 1;
        }
        let cue = text[l.label.range()].to_string();
        let who = match &l.name {
            Some((n, roles)) => Who::Named(mention(n.clone(), roles.clone(), l.label)),
            // A question or an unnamed answer: the label attributes it ("Q", "A"), and no
            // speaker is named (the interviewer's, never the interviewee's).
            None => Who::Subject {
                span: l.label,
                kind: SubjKind::Group,
                name: None,
                roles: Vec::new(),
            },
        };
        out.push(Raw {
            span: Span::new(l.content_start, end),
            kind: ClaimKind::Turn,
            who,
            cue: Some(cue),
            ctx: Vec::new(),
            reported_by: if l.question { None } else { h_outlet.clone() },
            said_on: if l.question { None } else { h_date },
            language: None,
        });
        i = k;
    }
    (out, covered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::paragraphs;

    #[test]
    fn answers_and_questions_including_a_lost_colon() {
        let t = "Minister Ilka Vorn’s interview with Radio Borealis, Tarn, March 3, 2021\n\n\
                 Question: Will the bridge open?\n\n\
                 Ilka Vorn: It will open in May. We are sure.\n\n\
                 The funds are there.\n\n\
                 QuestionAnd the tunnel?\n\n\
                 Ilka Vorn: Later, not now.\n\n\
                 Subscribe to our feed";
        let paras = paragraphs(t);
        let (raws, covered) = find(t, &paras, None, None);
        let kinds: Vec<(&str, bool)> = raws
            .iter()
            .map(|r| (&t[r.span.range()], matches!(r.who, Who::Named(_))))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("Will the bridge open?", false),
                (
                    "It will open in May. We are sure.\n\nThe funds are there.",
                    true
                ),
                ("And the tunnel?", false),
                ("Later, not now.", true),
            ]
        );
        assert!(!covered[paras.len() - 1]);
        assert_eq!(raws[1].said_on, NaiveDate::from_ymd_opt(2021, 3, 3));
        assert_eq!(raws[1].reported_by.as_deref(), Some("Radio Borealis"));
    }

    #[test]
    fn q_and_a_labels_attribute_their_turns_without_naming_anyone() {
        let t = "Q: Will the bridge open this spring?\n\n\
                 A: It will open in May, and we are sure of it.\n\n\
                 Q: And the tunnel under the river?\n\n\
                 A: Later, not now, because the funds are short.";
        let (raws, _) = find(t, &paragraphs(t), None, None);
        let got: Vec<(&str, &str)> = raws
            .iter()
            .map(|r| match &r.who {
                Who::Subject {
                    span,
                    kind: SubjKind::Group,
                    name: None,
                    ..
                } => (&t[r.span.range()], &t[span.range()]),
                w => panic!("{w:?}"),
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Will the bridge open this spring?", "Q"),
                ("It will open in May, and we are sure of it.", "A"),
                ("And the tunnel under the river?", "Q"),
                ("Later, not now, because the funds are short.", "A"),
            ]
        );
    }

    #[test]
    fn a_headline_with_a_colon_is_no_turn() {
        let t = "France: No Evidence of Stores\n\nFrance: No Evidence of Stores\n\nText here.";
        let (raws, _) = find(t, &paragraphs(t), None, None);
        assert!(raws.is_empty());
    }
}
