//! Hostile and broken input (issue #18), each reproduction as a regression test on generated
//! inputs: no crash, no hang, bounded memory, no silent loss or junk, no damage to the user's
//! files. Memory on inputs of hundreds of megabytes is measured by
//! `scripts/limits/measure.sh`, not here.

mod common;

use assert_cmd::cargo::cargo_bin;
use common::{assert_valid_graph, claimtrace};
use predicates::prelude::*;
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// Generous for a debug build on a shared machine; the release build takes well under a second.
const NO_HANG: Duration = Duration::from_secs(60);

fn graph_of(args: &[&std::ffi::OsStr]) -> (Value, String) {
    let out = claimtrace()
        .arg("graph")
        .args(args)
        .timeout(NO_HANG)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "stderr: {stderr}");
    let g: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_valid_graph(&g);
    (g, stderr)
}

fn of_kind<'a>(g: &'a Value, what: &str, kind: &str) -> Vec<&'a Value> {
    g[what]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .collect()
}

fn warnings(item: &Value) -> String {
    item["warnings"].to_string()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn deep_page(tag: &str, depth: usize) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Deep</title></head><body>{}The council met on Monday.",
        format!("<{tag}>").repeat(depth)
    )
}

fn warc_of(url: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2031-05-02T10:00:00Z\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
    .into_bytes()
}

#[test]
fn deep_nesting_neither_overflows_nor_hangs_in_a_page_a_gzip_or_a_warc() {
    let dir = tempfile::tempdir().unwrap();
    let spans = deep_page("span", 140_000);
    let page = dir.path().join("s.html");
    std::fs::write(&page, &spans).unwrap();
    let gz = dir.path().join("s.html.gz");
    std::fs::write(&gz, gzip(spans.as_bytes())).unwrap();
    let warc = dir.path().join("s.warc");
    std::fs::write(&warc, warc_of("https://deep.example/s", &spans)).unwrap();
    let divs = dir.path().join("d.html");
    std::fs::write(&divs, deep_page("div", 100_000)).unwrap();
    for input in [&page, &gz, &warc, &divs] {
        let (g, _) = graph_of(&[input.as_os_str()]);
        let items = of_kind(&g, "nodes", "item");
        assert_eq!(items.len(), 1, "{}", input.display());
        assert!(
            warnings(items[0]).contains("nested deeper than"),
            "{}",
            warnings(items[0])
        );
        assert!(
            items[0]["excerpt"]
                .as_str()
                .unwrap()
                .contains("council met")
        );
    }
}

#[test]
fn a_gzip_bomb_is_refused_before_it_costs_memory() {
    // 1 GiB of zeros as 1024 gzip members of 1 MiB each: about 1 MB on disk.
    let member = gzip(&vec![0u8; 1 << 20]);
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.jsonl.gz");
    std::fs::write(&bomb, member.repeat(1024)).unwrap();
    let has_prlimit = std::process::Command::new("prlimit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let mut cmd = if has_prlimit {
        // An address-space ceiling the old reader (which inflated up to 4 GiB) broke.
        let mut c = assert_cmd::Command::new("prlimit");
        c.arg("--as=600000000").arg(cargo_bin("claimtrace"));
        c
    } else {
        eprintln!("SKIPPED: the memory ceiling (prlimit is absent); the refusal is still checked");
        assert_cmd::Command::new(cargo_bin("claimtrace"))
    };
    cmd.arg("graph")
        .arg(&bomb)
        .timeout(NO_HANG)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("compression bomb"));
}

#[test]
fn limits_refuse_large_inputs_and_cut_long_items() {
    use claimtrace::{Limits, NoProgress, ReadSettings, Settings};
    let dir = tempfile::tempdir().unwrap();
    let line = "The minister said the bridge will stay closed for months, officials confirmed.\n";
    let dump = dir.path().join("dump.txt");
    std::fs::write(&dump, line.repeat(200)).unwrap();
    let settings = |limits: Limits| Settings {
        inputs: vec![dump.clone()],
        read: ReadSettings {
            limits,
            ..ReadSettings::default()
        },
        ..Settings::default()
    };
    let small = Limits {
        input_bytes: 1000,
        ..Limits::DEFAULT
    };
    let e = claimtrace::run(&settings(small), &NoProgress, &mut |_| {}).unwrap_err();
    assert!(e.to_string().contains("larger than 1000 bytes"), "{e}");
    let short = Limits {
        item_text_bytes: 4096,
        ..Limits::DEFAULT
    };
    let (items, _) = claimtrace::read_inputs(&settings(short), &NoProgress, &mut |_| {}).unwrap();
    assert_eq!(items.len(), 1);
    assert!(items[0].text_len() <= 4096 && items[0].text().ends_with("confirmed."));
    assert!(items[0].warnings.iter().any(|w| w.contains("item limit")));
    let run_text = Limits {
        run_text_bytes: 1000,
        ..Limits::DEFAULT
    };
    let e = claimtrace::run(&settings(run_text), &NoProgress, &mut |_| {}).unwrap_err();
    assert!(e.to_string().contains("run limit"), "{e}");
}

#[test]
fn output_replaces_only_files_and_keeps_their_mode() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let example = common::repo("examples/reposts.jsonl");
    // A device and a named pipe are refused, and stay what they were.
    claimtrace()
        .args(["graph", "-o", "/dev/null"])
        .arg(&example)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a character device, not a file"));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let fifo = dir.path().join("out.fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    claimtrace()
        .args(["graph", "-o"])
        .arg(&fifo)
        .arg(&example)
        .timeout(NO_HANG)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a named pipe, not a file"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // A link to a file: the file is replaced, the link stays, and so does the file's mode.
    let target = dir.path().join("graph.json");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o604)).unwrap();
    let link = dir.path().join("latest.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    claimtrace()
        .args(["graph", "-o"])
        .arg(&link)
        .arg(&example)
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("{\"schema\"")
    );
    assert_eq!(
        std::fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o604
    );
    // A new file gets the mode the umask gives.
    let fresh = dir.path().join("fresh.json");
    assert_cmd::Command::new("sh")
        .arg("-c")
        .arg("umask 027; exec \"$0\" \"$@\"")
        .arg(cargo_bin("claimtrace"))
        .args(["graph", "-o"])
        .arg(&fresh)
        .arg(&example)
        .assert()
        .success();
    assert_eq!(
        std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
        0o640
    );
    // -o - is standard output, not a file named '-'.
    claimtrace()
        .current_dir(dir.path())
        .args(["graph", "-o", "-"])
        .arg(&example)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("{\"schema\""));
    assert!(!dir.path().join("-").exists());
}

#[test]
fn named_pipes_never_hang_and_self_links_are_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(
        data.join("a.jsonl"),
        "{\"id\":\"a1\",\"text\":\"The ferry runs again on Monday, the port said.\"}\n",
    )
    .unwrap();
    let fifo = data.join("x.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink(".", data.join("s1")).unwrap();
    std::os::unix::fs::symlink(".", data.join("s2")).unwrap();
    // Named: an error, at once, with no writer to wait for.
    claimtrace()
        .arg("graph")
        .arg(&fifo)
        .timeout(NO_HANG)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("named pipe"));
    // Under a directory: passed over; each file is read once however many links lead to it.
    let (g, stderr) = graph_of(&[data.as_os_str()]);
    assert_eq!(of_kind(&g, "nodes", "item").len(), 1, "{stderr}");
    assert!(
        stderr.contains("x.json: a named pipe, not a file"),
        "{stderr}"
    );
    assert!(stderr.contains("s1: a link to"), "{stderr}");
    assert!(stderr.contains("s2: a link to"), "{stderr}");
}

#[test]
fn skip_bad_goes_past_what_a_directory_walk_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.jsonl"),
        "{\"text\":\"The ferry runs again on Monday, the port said.\"}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("nowhere.jsonl", dir.path().join("gone.jsonl")).unwrap();
    let sub = dir.path().join("locked");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("b.jsonl"), "{\"text\":\"x\"}\n").unwrap();
    std::fs::set_permissions(&sub, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let locked = std::fs::read_dir(&sub).is_err();
    if !locked {
        eprintln!(
            "SKIPPED: the unreadable directory (this user reads it anyway); the broken link is still checked"
        );
    }
    claimtrace()
        .arg("graph")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("gone.jsonl: cannot read"));
    let out = claimtrace()
        .args(["graph", "--skip-bad"])
        .arg(dir.path())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let bad = if locked { 2 } else { 1 };
    assert!(
        stderr.contains(&format!("warning: {bad} bad input(s) skipped")),
        "{stderr}"
    );
    if locked {
        assert!(stderr.contains("locked: cannot list directory"), "{stderr}");
    }
    std::fs::set_permissions(&sub, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    claimtrace()
        .args(["graph", "-", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "standard input (-) can be given once",
        ));
}

#[test]
fn files_that_are_not_news_are_passed_over_in_a_directory_and_refused_when_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let write = |name: &str, body: &[u8]| std::fs::write(d.join(name), body).unwrap();
    write("README.md", b"# Harbor corpus\n\nCollected in May.\n");
    write("LICENSE", b"Permission is granted.\n");
    write("photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF");
    write("table.csv", b"a,b\n1,2\n");
    write(
        "sampling.json",
        br#"{"training": ["a.json"], "test": ["b.json"]}"#,
    );
    write(
        "expected.html",
        b"<div><p>The expected body of a page.</p></div>",
    );
    write(
        "page.html",
        b"<!DOCTYPE html><html><head><title>Ferry back</title></head><body><article><p>The ferry runs again on Monday after a week of repairs to the pier, the harbour board said on Friday.</p></article></body></html>",
    );
    write(
        "records.jsonl",
        br#"{"id":"r1","outlet":"Harbor Gazette","text":"The pier reopens on Monday, the harbour board said."}"#,
    );
    let (g, stderr) = graph_of(&[d.as_os_str()]);
    assert_eq!(of_kind(&g, "nodes", "item").len(), 2, "{stderr}");
    for name in [
        "README.md",
        "LICENSE",
        "photo.jpg",
        "table.csv",
        "sampling.json",
        "expected.html",
    ] {
        assert!(
            stderr
                .lines()
                .filter(|l| l.starts_with("warning: skipped") && l.contains(name))
                .count()
                == 1,
            "{name}: {stderr}"
        );
    }
    assert!(stderr.contains("warning: 6 file(s) under the directories given are not news"));
    claimtrace()
        .arg("graph")
        .arg(d.join("sampling.json"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("record has no \"text\" field"));
}

#[test]
fn versions_of_one_url_or_record_id_are_items_linked_and_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let rec = |v: Value| format!("{v}\n");
    let first = "The pier reopens on Monday, the harbour board said.";
    let later = "The pier reopens on Tuesday, not Monday, the harbour board said.";
    let url = "https://gazette.example/pier";
    std::fs::write(
        dir.path().join("a.jsonl"),
        rec(json!({"url": url, "outlet": "Harbor Gazette", "text": first}))
            + &rec(json!({"id": "n-7", "outlet": "Quay Weekly", "text": first})),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.jsonl"),
        rec(json!({"url": url, "outlet": "Harbor Gazette", "text": later}))
            + &rec(json!({"url": url, "outlet": "Harbor Gazette", "text": first}))
            + &rec(json!({"id": "n-7", "outlet": "Quay Weekly", "text": later})),
    )
    .unwrap();
    let (g, stderr) = graph_of(&[dir.path().as_os_str()]);
    let items = of_kind(&g, "nodes", "item");
    // Two versions of the URL (the identical capture is one of them) and two of the record.
    assert_eq!(items.len(), 4, "{stderr}");
    let versions = of_kind(&g, "edges", "version_of");
    assert_eq!(versions.len(), 2);
    for v in &versions {
        for end in ["source", "target"] {
            let item = items.iter().find(|i| i["id"] == v[end]).unwrap();
            assert!(warnings(item).contains("version_of"), "{}", warnings(item));
        }
    }
    let identical = items
        .iter()
        .filter(|i| warnings(i).contains("also read, with the same URL and text"))
        .count();
    assert_eq!(identical, 1);
    assert!(stderr.contains("2 later version(s)"), "{stderr}");
}

#[test]
fn encodings_binaries_and_null_texts_are_reported_not_read_as_junk() {
    let dir = tempfile::tempdir().unwrap();
    let line = "The minister said the bridge will stay closed for months, officials confirmed.\n";
    let u16: Vec<u8> = line
        .repeat(3)
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let u16_path = dir.path().join("u16.txt");
    std::fs::write(&u16_path, u16).unwrap();
    let (g, _) = graph_of(&[u16_path.as_os_str()]);
    let items = of_kind(&g, "nodes", "item");
    assert_eq!(items.len(), 1);
    assert!(
        items[0]["excerpt"]
            .as_str()
            .unwrap()
            .starts_with("The minister said")
    );
    assert!(
        warnings(items[0]).contains("UTF-16LE"),
        "{}",
        warnings(items[0])
    );
    assert!(!of_kind(&g, "nodes", "claim").is_empty());
    // Bytes that are no text, whatever their name.
    let noise: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let html = dir.path().join("noise.html");
    std::fs::write(&html, noise).unwrap();
    claimtrace()
        .arg("graph")
        .arg(&html)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("binary input"));
    let null = dir.path().join("null.jsonl");
    std::fs::write(&null, "{\"text\": null}\n").unwrap();
    claimtrace()
        .arg("graph")
        .arg(&null)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "null.jsonl:1: record's \"text\" is null",
        ));
}

#[test]
fn dates_the_schema_cannot_hold_are_unreadable_not_exported() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("dates.jsonl");
    std::fs::write(
        &p,
        concat!(
            r#"{"id":"d1","published":"0000-01-01","text":"The mayor said on Thursday that the pier will reopen."}"#,
            "\n",
            r#"{"id":"d2","published":"2031-05-02T25:61:61Z","text":"The port said on Thursday that ferries will run."}"#,
            "\n"
        ),
    )
    .unwrap();
    let (g, _) = graph_of(&[p.as_os_str()]);
    for item in of_kind(&g, "nodes", "item") {
        assert!(item["published"].is_null());
        assert!(
            warnings(item).contains("unreadable date"),
            "{}",
            warnings(item)
        );
    }
    assert!(of_kind(&g, "nodes", "date").is_empty());
}

#[test]
fn report_and_origin_print_control_characters_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("evil.jsonl");
    let text = "The harbour board said the pier will reopen on Monday after a week of repairs.";
    std::fs::write(
        &p,
        format!(
            "{}\n",
            json!({"id": "e1", "title": "Pier\u{1b}]0;owned\u{7} reopens\u{9b}2J",
                   "outlet": "Harbor\nGazette", "text": text})
        ),
    )
    .unwrap();
    for args in [vec!["report"], vec!["origin", "--item", "e1"]] {
        let out = claimtrace()
            .args(&args)
            .arg(&p)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let shown = String::from_utf8(out).unwrap();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {shown:?}"
        );
        assert!(shown.contains("\\u{1b}]0;owned\\u{7}"), "{shown}");
        // The outlet's newline does not start a line of its own.
        assert!(!shown.lines().any(|l| l.starts_with("Gazette")), "{shown}");
        assert!(shown.contains("Harbor\\nGazette"), "{shown}");
    }
    assert!(Path::new(&p).exists());
}
