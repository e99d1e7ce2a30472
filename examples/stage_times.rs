//! A whole `graph` run split by stage: reads the inputs, builds the graph and writes its JSON,
//! printing to stderr how long each stage took (by the `Progress` stages the library reports:
//! reading, extracting, indexing, aligning, reading words, aligning sentences, building) and the
//! export, in wall time and in CPU time of the whole process (user + system, from
//! /proc/self/stat on Linux): on a shared machine the CPU time is the steadier of the two, and
//! CPU over wall shows how many cores a stage kept busy; and the peak resident memory of each
//! stage (Linux: VmHWM, reset at each stage's start), to find which stage sets the run's peak.
//! What runs after a stage's `finish` until the next stage begins (pruning links after the
//! rewrite stage) is shown as "after" it.
//! scripts/perf/measure.sh runs it beside the command line.
//!
//!     cargo run --release --example stage_times -- INPUT... -o OUT.json

use claimtrace::{Format, Progress, Settings, graph_of_items, read_inputs, write_graph};
use std::sync::Mutex;
use std::time::Instant;

/// Records when each stage began; a stage ends where the next one begins (or `finish`).
struct Timer {
    start: Instant,
    /// Each mark: stage name, wall s, CPU s, and the peak RSS (MB) of the stage it ends.
    marks: Mutex<Vec<(&'static str, f64, f64, f64)>>,
}

impl Timer {
    fn mark(&self, name: &'static str) {
        let t = self.start.elapsed().as_secs_f64();
        let peak = peak_rss_mb_since_last();
        self.marks
            .lock()
            .unwrap()
            .push((name, t, cpu_seconds(), peak));
    }
}

impl Progress for Timer {
    fn stage(&self, name: &'static str, _total: u64) {
        self.mark(name);
    }
    fn finish(&self) {
        self.mark("");
    }
}

fn main() {
    let mut inputs = Vec::new();
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "-o" {
            out = args.next();
        } else {
            inputs.push(a.into());
        }
    }
    let out = out.expect("usage: stage_times INPUT... -o OUT.json");
    let settings = Settings {
        inputs,
        ..Settings::default()
    };
    let timer = Timer {
        start: Instant::now(),
        marks: Mutex::new(Vec::new()),
    };
    let (items, _) = read_inputs(&settings, &timer, &mut |e| eprintln!("warning: {e}"))
        .unwrap_or_else(|e| panic!("{e}"));
    timer.mark("distinct, order");
    let graph = graph_of_items(items, settings.build, &timer);
    timer.mark("writing json");
    let file = std::fs::File::create(&out).expect("output file");
    let mut w = std::io::BufWriter::new(file);
    write_graph(&graph, Format::Json, &mut w).expect("write");
    drop(w);
    timer.mark("");
    drop(graph);
    // Each stage runs until the next mark.
    let marks = timer.marks.lock().unwrap();
    let (total, total_cpu) = marks.last().map_or((0.0, 0.0), |m| (m.1, m.2));
    let total_peak = marks.iter().map(|m| m.3).fold(0.0, f64::max);
    eprintln!(
        "stage {:<32} {:>8} {:>8} {:>8}",
        "", "wall s", "cpu s", "peak MB"
    );
    let mut last = "";
    for (i, &(name, at, cpu, _)) in marks.iter().enumerate() {
        let Some(next) = marks.get(i + 1) else {
            break;
        };
        let label = if name.is_empty() {
            format!("after {last}")
        } else {
            last = name;
            name.to_string()
        };
        eprintln!(
            "stage {label:<32} {:8.3} {:8.2} {:8.0}",
            next.1 - at,
            next.2 - cpu,
            next.3
        );
    }
    eprintln!(
        "stage {:<32} {total:8.3} {total_cpu:8.2} {total_peak:8.0}",
        "total"
    );
}

/// CPU time of this process so far (user + system), in seconds; 0 where /proc is not.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // The fields after the command's closing parenthesis; utime and stime are the 12th and
    // 13th of them, in clock ticks (100 a second on Linux).
    let rest = stat.rsplit_once(')').map_or("", |p| p.1);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// The peak resident memory (MB) since the last call, then the peak is reset so that the next
/// call gives the next stage's own (Linux: VmHWM of /proc/self/status, reset by writing 5 to
/// /proc/self/clear_refs); 0 where /proc is not.
fn peak_rss_mb_since_last() -> f64 {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return 0.0;
    };
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .unwrap_or(0.0);
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    kb / 1024.0
}
