//! The synthetic repost corpus (crates/synth/src/reposts.rs) from the command line.
//!
//!   synth_reposts write N DIR [SEED]   DIR/items.jsonl (JSON records) and DIR/gold.tsv
//!                                      (copy id, source id: the exact planted pairs)
//!   synth_reposts score N [SEED]       generate, link in-process, print precision, recall,
//!                                      direction accuracy and time
//!   synth_reposts plant N DIR OUT [SEED]  real records of DIR as originals, copies planted
//!   synth_reposts derived N [SEED [EDIT_EVERY]]  N agency stories, each with a newspaper story wholly,
//!                                      partly (per level) or not derived; linked in-process,
//!                                      recall per level, not-derived pairs linked, P/R/F1
//!   synth_reposts derived-urdu N SEED EDIT_EVERY DROP  the same in Urdu letters; one in DROP
//!                                      spaces after non-joining letters left out (0: none)
//!   synth_reposts write-derived N DIR [SEED]  DIR/items.jsonl and DIR/labels.tsv
//!                                      (newspaper id, source id, label)
//!   synth_reposts rewritten N [SEED] | rewritten-urdu N [SEED]  newsroom rewriting (wholly,
//!                                      briefs, partly, not derived), linked in-process:
//!                                      recall per degree, not-derived pairs linked, P/R/F1
//!   synth_reposts write-rewritten[-urdu] N DIR [SEED]  the same as records and labels.tsv
//!   synth_reposts rewrite-stats 0 INPUT   every rewrite candidate pair and its aligned
//!                                      sentences (calibration)
//!   synth_reposts pairs 0 INPUT        linked pairs of real records (ids), for
//!                                      scripts/reuse/eval_giveme.py --pairs
//!   synth_reposts stats 0 INPUT | derived-stats N [SEED]
//!                                      every candidate pair and its passages (calibration)
//! `score`, `derived` and `pairs` take thresholds from LINK_* variables (see env_params).

use claimtrace::LinkKind;
use claimtrace_synth::derived::{self, Derivation, DerivedOptions};
use claimtrace_synth::reposts::{self, Synth, SynthOptions};
use claimtrace_synth::rewritten::{self, RewriteOptions};
use std::io::Write;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).cloned().unwrap_or_else(|| usage());
    let n: usize = arg(1).parse().unwrap_or_else(|_| usage());
    let seed_at = |i: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(1);
    match arg(0).as_str() {
        "write" => {
            let s = reposts::generate(&opts(n, seed_at(3)));
            write(&s, &arg(2));
        }
        "plant" => {
            let items = read_items(&arg(2));
            let s = reposts::plant(&items, &opts(n.max(items.len()), seed_at(4)));
            write(&s, &arg(3));
        }
        "score" => {
            let t = Instant::now();
            let s = reposts::generate(&opts(n, seed_at(2)));
            let generated = t.elapsed();
            let t = Instant::now();
            let links =
                claimtrace::link_items_with(&s.items, &env_params(), &claimtrace::NoProgress);
            let link = t.elapsed();
            let pred: Vec<(usize, usize)> = links.iter().map(|l| (l.copy, l.source)).collect();
            let (p, r, f1) = reposts::score(&pred, &s.gold);
            let gold: std::collections::HashSet<_> = s.gold.iter().copied().collect();
            let found: Vec<_> = links
                .iter()
                .filter(|l| {
                    gold.contains(&(l.copy, l.source)) || gold.contains(&(l.source, l.copy))
                })
                .collect();
            let right = found
                .iter()
                .filter(|l| l.kind == LinkKind::Reposts && gold.contains(&(l.copy, l.source)))
                .count();
            let mb = s.items.iter().map(|i| i.text_len()).sum::<usize>() as f64 / 1e6;
            println!(
                "items {n} ({mb:.0} MB) gold {} links {}  P {p:.3} R {r:.3} F1 {f1:.3}  \
                 direction right {right}/{}  generate {:.1}s link {:.1}s",
                s.gold.len(),
                links.len(),
                found.len(),
                generated.as_secs_f64(),
                link.as_secs_f64()
            );
        }
        "derived" | "derived-urdu" => {
            let mut d = derived::generate(&DerivedOptions {
                events: n,
                seed: seed_at(2),
                edit_every: args.get(3).and_then(|s| s.parse().ok()).unwrap_or(12),
                sentences: sentences(),
            });
            if arg(0) == "derived-urdu" {
                // Newspaper stories (odd items) with joiners and, one in DROP, spaces after
                // letters that do not join left out.
                let drop: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(0);
                for (i, it) in d.items.iter_mut().enumerate() {
                    let odd = i % 2 == 1;
                    let text = derived::in_urdu_script(&it.text(), odd, if odd { drop } else { 0 });
                    let mut u = claimtrace::Item::with_own_text(&it.origin.file, 0, 0, text);
                    u.meta = it.meta.clone();
                    *it = u;
                }
            }
            let t = Instant::now();
            let links =
                claimtrace::link_items_with(&d.items, &env_params(), &claimtrace::NoProgress);
            let link = t.elapsed();
            let pred: Vec<(usize, usize)> = links.iter().map(|l| (l.copy, l.source)).collect();
            let s = derived::score(&d, &pred);
            let levels: Vec<String> = s
                .by_label
                .iter()
                .map(|(l, f, a)| format!("{}: {f}/{a}", label(*l)))
                .collect();
            let words: usize = d
                .items
                .iter()
                .map(|i| i.text().split_whitespace().count())
                .sum();
            println!(
                "events {n} ({} words/item)  {}  cross-event {}  P {:.3} R {:.3} F1 {:.3}  link {:.2}s",
                words / d.items.len().max(1),
                levels.join("  "),
                s.cross_event,
                s.precision,
                s.recall,
                s.f1,
                link.as_secs_f64()
            );
        }
        "rewritten" | "rewritten-urdu" => {
            let r = rewritten::generate(&RewriteOptions {
                events: n,
                seed: seed_at(2),
                sentences: sentences(),
                urdu: arg(0) == "rewritten-urdu",
            });
            let t = Instant::now();
            let links =
                claimtrace::link_items_with(&r.items, &env_params(), &claimtrace::NoProgress);
            let link = t.elapsed();
            let pred: Vec<(usize, usize, bool)> = links
                .iter()
                .map(|l| (l.copy, l.source, l.kind != LinkKind::SameText))
                .collect();
            let s = rewritten::score(&r, &pred);
            let levels: Vec<String> = s
                .by_label
                .iter()
                .map(|(l, f, a)| format!("{}: {f}/{a}", l.name()))
                .collect();
            let derived_found: usize = s
                .by_label
                .iter()
                .filter(|x| x.0.derived())
                .map(|x| x.1)
                .sum();
            let kinds = |k: LinkKind| links.iter().filter(|l| l.kind == k).count();
            println!(
                "events {n}  {}  cross-event {}  P {:.3} R {:.3} F1 {:.3}  newspaper is the copy {}/{derived_found}  \
                 reposts {} rewrites {} same_text {}  link {:.2}s",
                levels.join("  "),
                s.cross_event,
                s.precision,
                s.recall,
                s.f1,
                s.newspaper_is_copy,
                kinds(LinkKind::Reposts),
                kinds(LinkKind::Rewrites),
                kinds(LinkKind::SameText),
                link.as_secs_f64()
            );
        }
        "write-rewritten" | "write-rewritten-urdu" => {
            let r = rewritten::generate(&RewriteOptions {
                events: n,
                seed: seed_at(3),
                sentences: sentences(),
                urdu: arg(0) == "write-rewritten-urdu",
            });
            let dir = arg(2);
            write_items(&r.items, &dir);
            let mut g = std::fs::File::create(format!("{dir}/labels.tsv")).unwrap();
            let id = |i: usize| r.items[i].meta.record_id.clone().unwrap_or_default();
            for p in &r.pairs {
                writeln!(
                    g,
                    "{}\t{}\t{}",
                    id(p.newspaper),
                    id(p.source),
                    p.label.name()
                )
                .unwrap();
            }
        }
        "write-derived" => {
            let d = derived::generate(&DerivedOptions {
                events: n,
                seed: seed_at(3),
                ..DerivedOptions::default()
            });
            let dir = arg(2);
            write_items(&d.items, &dir);
            let mut g = std::fs::File::create(format!("{dir}/labels.tsv")).unwrap();
            let id = |i: usize| d.items[i].meta.record_id.clone().unwrap_or_default();
            for p in &d.pairs {
                writeln!(
                    g,
                    "{}\t{}\t{}",
                    id(p.newspaper),
                    id(p.source),
                    label(p.label)
                )
                .unwrap();
            }
        }
        "pairs" => {
            // Linked pairs of the records of INPUT (record ids), for eval_giveme.py --pairs.
            let items = read_items(&arg(2));
            let links = claimtrace::link_items_with(&items, &env_params(), &claimtrace::NoProgress);
            for l in links {
                let id = |i: usize| items[i].meta.record_id.clone().unwrap_or_default();
                let kind = match l.kind {
                    LinkKind::Reposts => "reposts",
                    LinkKind::Rewrites => "rewrites",
                    LinkKind::SameText => "same_text",
                };
                println!("{}\t{}\t{kind}", id(l.copy), id(l.source));
            }
        }
        "rewrite-stats" => {
            // Every rewrite candidate pair and what its sentences share, for calibrating the
            // rewrite rule: id_a id_b words_a words_b sentences_a sentences_b aligned share_a
            // share_b shared order, and each aligned pair's in_a/in_b/shared/order
            let items = read_items(&arg(2));
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for c in claimtrace::internals::rewrite_stats(&items, &env_params()) {
                let id = |i: usize| items[i].meta.record_id.clone().unwrap_or_default();
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{}\t{}\t{}",
                    id(c.a),
                    id(c.b),
                    c.words[0],
                    c.words[1],
                    c.sentences[0],
                    c.sentences[1],
                    c.aligned,
                    c.share[0],
                    c.share[1],
                    c.shared,
                    c.order,
                    c.pairs
                        .iter()
                        .map(|x| format!("{:.2}/{:.2}/{}/{}", x.2[0], x.2[1], x.3[0], x.3[1]))
                        .collect::<Vec<_>>()
                        .join(",")
                )
                .unwrap();
                // REWRITE_SHOW=id_a,id_b prints that pair's aligned sentences.
                if std::env::var("REWRITE_SHOW")
                    .is_ok_and(|v| v == format!("{},{}", id(c.a), id(c.b)))
                {
                    for (sa, sb, share, n) in &c.pairs {
                        writeln!(
                            out,
                            "  {:.2}/{:.2} {} words {} pairs\n    A: {}\n    B: {}",
                            share[0],
                            share[1],
                            n[0],
                            n[1],
                            &items[c.a].text()[sa.0..sa.1],
                            &items[c.b].text()[sb.0..sb.1]
                        )
                        .unwrap();
                    }
                }
            }
        }
        "stats" | "derived-stats" => {
            // Every candidate pair and its passages, for calibrating the linking rule:
            // id_a id_b words_a words_b label passages (len_a:len_b:common:quoted,...)
            let (items, label_of) = if arg(0) == "stats" {
                let items = read_items(&arg(2));
                (items, std::collections::HashMap::new())
            } else {
                let d = derived::generate(&DerivedOptions {
                    events: n,
                    seed: seed_at(2),
                    sentences: sentences(),
                    ..DerivedOptions::default()
                });
                let l = d
                    .pairs
                    .iter()
                    .map(|p| ((p.source, p.newspaper), label(p.label)))
                    .collect();
                (d.items, l)
            };
            let p = claimtrace::LinkParams {
                min_passage: 6,
                ..Default::default()
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for c in claimtrace::internals::candidate_stats(&items, &p) {
                let id = |i: usize| items[i].meta.record_id.clone().unwrap_or_default();
                let ps: Vec<String> = c
                    .passages
                    .iter()
                    .map(|x| {
                        let b = |v: bool| u8::from(v);
                        format!("{}:{}:{}:{}", x.0, x.1, b(x.2), b(x.3))
                    })
                    .collect();
                let l = label_of
                    .get(&(c.a.min(c.b), c.a.max(c.b)))
                    .cloned()
                    .unwrap_or_else(|| "-".into());
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{l}\t{}",
                    id(c.a),
                    id(c.b),
                    c.words[0],
                    c.words[1],
                    ps.join(",")
                )
                .unwrap();
            }
        }
        _ => usage(),
    }
}

fn label(l: Derivation) -> String {
    match l {
        Derivation::Wholly => "wholly".into(),
        Derivation::Partly(p) => format!("partly{p}"),
        Derivation::Not => "not".into(),
    }
}

fn opts(items: usize, seed: u64) -> SynthOptions {
    SynthOptions {
        items,
        seed,
        ..SynthOptions::default()
    }
}

/// The items of the inputs at `path` (a file or directory), bad inputs skipped.
fn read_items(path: &str) -> Vec<claimtrace::Item> {
    let settings = claimtrace::Settings {
        inputs: vec![path.into()],
        skip_bad: true,
        ..Default::default()
    };
    claimtrace::read_inputs(&settings, &claimtrace::NoProgress, &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"))
        .0
}

fn write(s: &Synth, dir: &str) {
    write_items(&s.items, dir);
    let mut g = std::fs::File::create(format!("{dir}/gold.tsv")).unwrap();
    for &(c, src) in &s.gold {
        let id = |i: usize| s.items[i].meta.record_id.clone().unwrap_or_default();
        writeln!(g, "{}\t{}", id(c), id(src)).unwrap();
    }
}

fn write_items(items: &[claimtrace::Item], dir: &str) {
    std::fs::create_dir_all(dir).expect("output directory");
    let mut out =
        std::io::BufWriter::new(std::fs::File::create(format!("{dir}/items.jsonl")).unwrap());
    for it in items {
        let m = &it.meta;
        let credits: Vec<&str> = m.credits.iter().map(|c| c.outlet.as_str()).collect();
        let rec = serde_json::json!({
            "id": m.record_id, "url": m.url, "title": m.title, "outlet": m.outlet,
            "published": m.published.map(|d| d.to_string()), "credits": credits, "text": it.text(),
        });
        writeln!(out, "{rec}").unwrap();
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: synth_reposts write N DIR [SEED] | score N [SEED] | plant N DIR OUT [SEED] \
         | derived N [SEED [EDIT]] | derived-urdu N SEED EDIT DROP | write-derived N DIR [SEED] | stats 0 INPUT | derived-stats N [SEED] \
         | rewritten[-urdu] N [SEED] | write-rewritten[-urdu] N DIR [SEED] | rewrite-stats 0 INPUT"
    );
    std::process::exit(2)
}

/// Sentences of fact an agency story starts from (SYNTH_SENTENCES; 12 by default, 3 for news
/// briefs of about 180 words).
fn sentences() -> usize {
    std::env::var("SYNTH_SENTENCES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(12)
}

/// The default thresholds, or those of LINK_K, LINK_K_PIECES, LINK_SAMPLE, LINK_MIN_SHARED, LINK_MIN_PASSAGE,
/// LINK_LONG_QUOTE (0: quotations count as prose), LINK_PARTIAL_WORDS, LINK_PARTIAL_SHARE,
/// LINK_PARTIAL_PROSE (for calibration runs).
fn env_params() -> claimtrace::LinkParams {
    let mut p = claimtrace::LinkParams::default();
    let get = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f64>().ok());
    // Each variable sets the field of its name, converted to the field's type.
    macro_rules! from_env {
        ($($var:literal => $field:ident as $t:ty),* $(,)?) => {
            $(if let Some(v) = get($var) {
                p.$field = v as $t;
            })*
        };
    }
    from_env! {
        "LINK_K" => k as usize,
        "LINK_K_PIECES" => k_pieces as usize,
        "LINK_SAMPLE" => sample as u64,
        "LINK_MIN_SHARED" => min_shared as u32,
        "LINK_MIN_PASSAGE" => min_passage as usize,
        "LINK_LONG_QUOTE" => long_quote as usize,
        "LINK_PARTIAL_WORDS" => partial_words as usize,
        "LINK_PARTIAL_SHARE" => partial_share as f64,
        "LINK_PARTIAL_PROSE" => partial_prose as usize,
        "LINK_REWRITE_MIN_ITEMS" => rewrite_min_items as usize,
        "LINK_REWRITE_MAX_DF" => rewrite_max_df as usize,
        "LINK_REWRITE_CANDIDATES" => rewrite_candidates as usize,
        "LINK_REWRITE_MIN_KEYS" => rewrite_min_keys as usize,
        "LINK_REWRITE_MIN_SCORE" => rewrite_min_score as f32,
        "LINK_REWRITE_DAYS" => rewrite_days as i64,
        "LINK_REWRITE_CONTENT_WEIGHT" => rewrite_content_weight as f32,
        "LINK_REWRITE_SENTENCE_WORDS" => rewrite_sentence_words as usize,
        "LINK_REWRITE_SENTENCE_SHARE" => rewrite_sentence_share as f32,
        "LINK_REWRITE_SENTENCE_OTHER" => rewrite_sentence_other as f32,
        "LINK_REWRITE_MIN_SENTENCES" => rewrite_min_sentences as usize,
        "LINK_REWRITE_MIN_SHARED" => rewrite_min_shared as usize,
        "LINK_REWRITE_MIN_SHARE" => rewrite_min_share as f64,
        "LINK_REWRITE_WHOLLY" => rewrite_wholly as f64,
    }
    p
}
