//! Claim extraction throughput on generated news text (fictional names), in bytes of item text
//! per second, against a baseline pass that only splits the same text into paragraphs.

use claimtrace::Item;
use claimtrace::extract_claims;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;

fn generated(bytes: usize) -> String {
    let names = [
        "Ilka Vorn",
        "Tomas Brill",
        "Agnes von der Brill",
        "Sergey Tarnov",
    ];
    let mut s = String::with_capacity(bytes + 512);
    let mut i = 0usize;
    while s.len() < bytes {
        let n = names[i % names.len()];
        let last = n.rsplit(' ').next().unwrap_or(n);
        match i % 6 {
            0 => s.push_str(&format!(
                "“We will open the bridge in March, and the funds are there,” {n} said on Friday.\n\n"
            )),
            1 => s.push_str(&format!(
                "{last} told Radio Borealis that the council would meet again next week to vote.\n\n"
            )),
            2 => s.push_str(
                "The river rose by two metres overnight, flooding the lower town and the old market square.\n\n",
            ),
            3 => s.push_str(&format!(
                "The tunnel will close next year, {n}, the city’s treasurer, told reporters.\n\n"
            )),
            4 => s.push_str("“Nobody will find a single missing coin here, not one.”\n\n"),
            _ => s.push_str(&format!(
                "According to {last}, the plan is sound. She added that the vote was close.\n\n"
            )),
        }
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = generated(1 << 20);
    let file: Arc<str> = Arc::from("bench.txt");
    let mut item = Item::with_own_text(&file, 0, text.len(), text.clone());
    item.meta.published = chrono::NaiveDate::from_ymd_opt(2020, 9, 19);
    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("baseline_paragraphs", |b| {
        b.iter(|| black_box(claimtrace::internals::paragraphs(black_box(&item.text()))).len())
    });
    g.bench_function("extract_claims", |b| {
        b.iter(|| black_box(extract_claims(black_box(&item))).len())
    });
    g.finish();

    // Real news text, where the shared corpora are present (not in the repository).
    let corpus = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/giveme5w1h-news-cluster/news_cluster/data"
    );
    if !std::path::Path::new(corpus).exists() {
        eprintln!("SKIPPED claims/news_corpus: {corpus} is absent");
        return;
    }
    let settings = claimtrace::Settings {
        inputs: vec![corpus.into()],
        skip_bad: true,
        ..Default::default()
    };
    let (items, _) =
        claimtrace::read_inputs(&settings, &claimtrace::NoProgress, &mut |_| {}).expect("corpus");
    let bytes: usize = items.iter().map(|i| i.text_len()).sum();
    let mut g = c.benchmark_group("claims_news_corpus");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("baseline_paragraphs", |b| {
        b.iter(|| {
            items
                .iter()
                .map(|i| claimtrace::internals::paragraphs(black_box(&i.text())).len())
                .sum::<usize>()
        })
    });
    g.bench_function("extract_claims", |b| {
        b.iter(|| {
            items
                .iter()
                .map(|i| extract_claims(black_box(i)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
