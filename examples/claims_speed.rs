//! Claim extraction over a corpus, N times: for CPU-time throughput on a busy machine, run under
//! `perf stat -e task-clock` with N and with 0 and divide the bytes by the difference.
//!
//!     cargo run --release --example claims_speed -- ../shared/corpora/giveme5w1h-news-cluster 20

use claimtrace::extract_claims;
use claimtrace::{NoProgress, Settings, read_inputs};

fn main() {
    let mut args = std::env::args().skip(1);
    let input = args.next().expect("usage: claims_speed INPUT [N]");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let settings = Settings {
        inputs: vec![input.into()],
        skip_bad: true,
        ..Settings::default()
    };
    let (items, _) = read_inputs(&settings, &NoProgress, &mut |_| {}).expect("input reads");
    let bytes: usize = items.iter().map(|i| i.text_len()).sum();
    let mut claims = 0;
    for _ in 0..n {
        claims += items.iter().map(|i| extract_claims(i).len()).sum::<usize>();
    }
    println!(
        "items={} bytes={} runs={n} claims={claims}",
        items.len(),
        bytes
    );
}
