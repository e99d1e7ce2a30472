//! Segmentation and metadata speed on a large generated dump (fictional posts in the layouts of
//! tests/fixtures/dumps: banners, date headers, bylines, datelines, inline links, credits,
//! related lists, English and Arabic). Baseline in the same run: splitting the dump into lines
//! and hashing each, the least any segmenter must do.
//!
//! cargo bench --bench segment

use claimtrace::internals::TextReader;
use claimtrace::{Input, ReadSettings, Reader};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

const PLACES: &[&str] = &["PORT ELLIS", "MILLBROOK", "GULL ISLAND", "KELL VALLEY"];
const PEOPLE: &[&str] = &["Jane Roe", "Tom Reyes", "Ana Brill", "Luis Ferro"];
const ORIGINS: &[&str] = &[
    "Lakeside Courier",
    "Valley Radio",
    "Sputnik",
    "Al-Masdar News",
];

/// Body text as long as real reposts (the seed's posts average several kilobytes).
const PARAGRAPHS: &str = "Residents of the island, who had been without deliveries of fresh food since the weekend, gathered on the quay to meet the first boat, and several shops reopened within the hour. The school, which had been closed since Monday, will reopen tomorrow.\n\n\
Officials said the storm was the strongest to hit the coast in a decade, with gusts of more than a hundred kilometres an hour recorded at the lighthouse on Tuesday night. Two fishing boats were damaged in the outer harbour, and a warehouse roof was torn off near the rail yard.\n\n\
\"We were lucky that nobody was hurt,\" said the mayor, who thanked the volunteers of the lifeboat station. \"The town will need weeks to clear the damage, but the ferry was the first priority because the island depends on it for everything.\"\n\n\
The regional government has promised an emergency fund for the repairs, and engineers will survey the sea wall next week. The opposition on the council has asked why the wall, which was found to be weak two years ago, was never strengthened.\n\n";

const ARABIC_PARAGRAPHS: &str = "وتجمع سكان الجزيرة على الرصيف لاستقبال أول رحلة، بعد أن بقوا من دون إمدادات من المواد الغذائية الطازجة منذ نهاية الأسبوع، وأعادت عدة متاجر فتح أبوابها خلال ساعة.\n\n\
وقال المسؤولون إن العاصفة كانت الأقوى التي تضرب الساحل منذ عشر سنوات، إذ سجلت رياح تجاوزت سرعتها مئة كيلومتر في الساعة عند المنارة ليلة الثلاثاء، وتضرر قاربا صيد في المرفأ الخارجي.\n\n\
ووعدت الحكومة الإقليمية بصندوق طوارئ للإصلاحات، وسيقوم المهندسون بمسح الجدار البحري الأسبوع المقبل، فيما تساءلت المعارضة في المجلس عن سبب عدم تقوية الجدار الذي تبين أنه ضعيف قبل عامين.\n\n";

/// A dump of about `size` bytes: one day header per ten posts, a two-line banner after each.
fn make_dump(size: usize) -> String {
    let mut s = String::with_capacity(size + 4096);
    let mut n = 0usize;
    while s.len() < size {
        if n.is_multiple_of(10) {
            s.push_str(&format!(
                "Saturday {} September 2020\n\n",
                1 + (n / 10) % 28
            ));
        }
        if n % 7 == 3 {
            s.push_str(&format!(
                "عودة العبارة إلى جزيرة النورس رقم {n}\n\nسلمى الخوري\n\n\
                 عادت العبارة إلى العمل بين المرفأ وجزيرة النورس يوم الاثنين بعد توقف دام ثلاثة أيام بسبب العاصفة رقم {n}.\n\n\
                 وقال قبطان العبارة إن الرحلات ستكون كل ساعتين حتى نهاية الأسبوع، وإن الأسعار لن تتغير.\n\n\
                 {ARABIC_PARAGRAPHS}\
                 مقالات متعلقة\n\n"
            ));
        } else {
            let place = PLACES[n % PLACES.len()];
            let who = PEOPLE[n % PEOPLE.len()];
            s.push_str(&format!(
                "Ferry service number {n} resumes after the storm\n\nBy {who} -2020-09-{:02}\n\n\
                 {place}, LAKESIDE (1:20 P.M.) – The ferry service number {n} to Gull Island resumed on Wednesday after three days of storms, the harbour master said in a statement to reporters.\n\n\
                 \"We inspected every pier before the first sailing,\" harbour master Owen Pike told reporters on the quay, adding that {n} passengers had waited.\n\n\
                 ALSO READ  Gull Island school reopens after holiday {n}\n\n\
                 Ferries will run every two hours until the weekend, and then hourly, the operator said. The council welcomed the decision and thanked the crews for their patience during the long closure of the route.\n\n\
                 {PARAGRAPHS}\
                 The harbour master added that the breakwater at the north pier had lost {n} stones in the storm and would be repaired before the autumn, when the next season of gales is expected.\n\n\
                 Source: {}\n\nRelated Articles\n\nStorm closes the pier {n}\nWarden's diary: winter counts\n\n",
                1 + n % 28,
                ORIGINS[n % ORIGINS.len()]
            ));
        }
        s.push_str("\nThe Harbour Gazette | harbourgazette.test\nThe views expressed are the authors' own, not the Gazette's!\n\n");
        n += 1;
    }
    s
}

/// Time this thread has run on a CPU (Linux schedstat), else wall time.
fn thread_cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(Duration::from_nanos)
        .unwrap_or_else(|| START.elapsed())
}

static START: LazyLock<Instant> = LazyLock::new(Instant::now);

/// Peak resident memory of this process so far, in KiB (Linux), if known.
fn peak_rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Prints how much segmenting grows peak memory beyond the dump itself, for growing dumps:
/// constant (the learning window and one post's lines), not proportional to the dump.
fn memory_report() {
    for mb in [16usize, 64] {
        let dump = make_dump(mb << 20);
        let (Some(before), mut posts) = (peak_rss_kib(), 0usize) else {
            return;
        };
        claimtrace::internals::segment_with(&dump, 0, None, |p| {
            posts += 1;
            black_box(p);
        });
        let after = peak_rss_kib().unwrap_or(before);
        eprintln!(
            "memory: {mb} MiB dump, {posts} posts: peak RSS grew {} KiB while segmenting",
            after - before
        );
    }
}

fn bench(c: &mut Criterion) {
    memory_report();
    let dump = make_dump(16 << 20);
    let bytes = dump.clone().into_bytes();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(dump.len() as u64));
    g.sample_size(10);
    g.bench_function("baseline_lines_hashed", |b| {
        b.iter(|| {
            let mut h = 0u64;
            for line in dump.lines() {
                h ^= xxhash_rust::xxh3::xxh3_64(line.trim().as_bytes());
            }
            black_box(h)
        })
    });
    let segment = || {
        let mut n = 0usize;
        claimtrace::internals::segment_with(&dump, 0, None, |p| {
            n += p.runs.len();
            black_box(p);
        });
        n
    };
    g.bench_function("segment_and_metadata", |b| b.iter(segment));
    // The same on this thread's CPU time: MB/s per core, whatever else the machine runs.
    g.bench_function("segment_and_metadata_cpu_time", |b| {
        b.iter_custom(|iters| {
            let start = thread_cpu_time();
            for _ in 0..iters {
                black_box(segment());
            }
            thread_cpu_time() - start
        })
    });
    let input = Input::new("dump.txt", bytes.clone());
    let read = || {
        TextReader
            .read(&input, &ReadSettings::default())
            .unwrap()
            .len()
    };
    g.bench_function("text_reader_items", |b| b.iter(read));
    g.bench_function("text_reader_items_cpu_time", |b| {
        b.iter_custom(|iters| {
            let start = thread_cpu_time();
            for _ in 0..iters {
                black_box(read());
            }
            thread_cpu_time() - start
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
