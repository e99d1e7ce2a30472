//! `claimtrace origin` and `claimtrace report` on a small fictional chain: the Harbour Gazette
//! story, a blog reposting it with a banner and credit, and a second blog reposting the blog.

use assert_cmd::Command;

const STORY: &str = "The town council of Eastmere voted on Tuesday to close the old ferry pier \
after inspectors found rotten timbers beneath the boarding ramp. Councillor Mara Lindqvist said \
the pier had served the island for ninety years and deserved a proper farewell. Residents who \
rely on the morning crossing will be offered a shuttle bus to the new terminal at Northpoint \
until the summer, when a temporary pontoon is expected to open. The ferry operator said that \
timetables would not change and that tickets bought for the old pier remain valid. A public \
meeting about the future of the site will be held at the library next month, where architects \
will present three designs for a waterfront park.";

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let rec = |id: &str, outlet: &str, date: &str, title: &str, text: &str, credits: &[&str]| {
        serde_json::json!({"id": id, "outlet": outlet, "published": date, "title": title,
            "url": format!("https://{id}.example/story"), "text": text, "credits": credits})
        .to_string()
    };
    let lines = [
        rec(
            "gazette",
            "Harbour Gazette",
            "2021-03-02",
            "Eastmere closes ferry pier",
            STORY,
            &[],
        ),
        rec(
            "blog1",
            "Lantern Blog",
            "2021-03-03",
            "They are closing our pier!",
            &format!("Reposted from Harbour Gazette.\n\n{STORY}\n\nShare this post."),
            &["Harbour Gazette"],
        ),
        rec(
            "blog2",
            "Quarry Notes",
            "2021-03-05",
            "Pier news",
            &format!("Via Lantern Blog:\n\nReposted from Harbour Gazette.\n\n{STORY}"),
            &[],
        ),
        rec(
            "other",
            "Harbour Gazette",
            "2021-03-02",
            "Weather",
            "Rain all week in the hills.",
            &[],
        ),
    ];
    std::fs::write(dir.path().join("items.jsonl"), lines.join("\n")).unwrap();
    dir
}

fn claimtrace() -> Command {
    Command::cargo_bin("claimtrace").unwrap()
}

/// The JSON graph of `inputs`.
fn graph(inputs: &[&std::path::Path]) -> serde_json::Value {
    let out = claimtrace().arg("graph").args(inputs).output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The nodes or edges (`list`) of a graph of one kind.
fn of_kind<'g>(g: &'g serde_json::Value, list: &str, kind: &str) -> Vec<&'g serde_json::Value> {
    g[list]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .collect()
}

#[test]
fn origin_walks_the_chain_to_the_first_source() {
    let dir = corpus();
    let out = claimtrace()
        .arg("origin")
        .arg(dir.path())
        .args(["--item", "Pier news"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("was copied from 1 item(s); 2 item(s) on the way, 1 first known source(s)"),
        "{text}"
    );
    let (b, g) = (
        text.find("Lantern Blog").unwrap(),
        text.find("Harbour Gazette, 2021").unwrap(),
    );
    assert!(b < g, "{text}");
    assert!(text.contains("credits Harbour Gazette"), "{text}");

    let out = claimtrace()
        .arg("origin")
        .arg(dir.path())
        .args(["--item", "https://blog2.example/story", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 3);
    assert_eq!(nodes[2]["item"]["outlet"], "Harbour Gazette");
    assert_eq!(nodes[2]["first_known"], true);
    let edges = v["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 2);
    assert_eq!(edges[0]["copy"], v["item"]);
    assert!(!edges[0]["how"]["aligned"].as_array().unwrap().is_empty());
}

#[test]
fn unknown_item_is_an_error_naming_it() {
    let dir = corpus();
    claimtrace()
        .arg("origin")
        .arg(dir.path())
        .args(["--item", "no such story"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("no such story"));
}

#[test]
fn report_summarises_every_item() {
    let dir = corpus();
    let out = claimtrace()
        .arg("report")
        .arg(dir.path())
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    // The summary opens it: one group of copies, the Gazette's story its first known source.
    assert_eq!(v["summary"]["items"], 4);
    let groups = v["summary"]["copy_groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["items"], 3);
    assert_eq!(
        groups[0]["first_known_sources"][0]["title"],
        "Eastmere closes ferry pier"
    );
    let blog2 = items
        .iter()
        .find(|r| r["item"]["title"] == "Pier news")
        .unwrap();
    assert_eq!(blog2["copy_of"][0]["item"]["outlet"], "Lantern Blog");
    assert_eq!(blog2["first_known_sources"][0]["outlet"], "Harbour Gazette");
    let gazette = items
        .iter()
        .find(|r| r["item"]["title"] == "Eastmere closes ferry pier")
        .unwrap();
    assert_eq!(gazette["copied_by"].as_array().unwrap().len(), 1);
    let text = claimtrace().arg("report").arg(dir.path()).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("Copied from \"They are closing our pier!\""),
        "{text}"
    );
    assert!(
        text.starts_with("In short\n  4 items from 3 outlets"),
        "{text}"
    );
    assert!(
        text.contains("3 items (Harbour Gazette, Lantern Blog, Quarry Notes): first known source \"Eastmere closes ferry pier\""),
        "{text}"
    );
}

#[test]
fn report_of_one_story_folds_claims() {
    let dir = corpus();
    let text = claimtrace()
        .arg("report")
        .arg(dir.path())
        .args(["--item", "Pier news", "--claims", "0"])
        .output()
        .unwrap();
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("In short\n  3 items from 3 outlets"),
        "{text}"
    );
    assert!(!text.contains("\"Weather\""), "another story: {text}");
    assert!(!text.contains("  claim ("), "claims folded: {text}");
    assert!(
        text.contains("more claims (--claims all lists them)"),
        "{text}"
    );
    let all = claimtrace()
        .arg("report")
        .arg(dir.path())
        .args(["--item", "Pier news", "--claims", "all"])
        .output()
        .unwrap();
    let all = String::from_utf8(all.stdout).unwrap();
    assert!(all.contains("  claim ("), "{all}");
    assert!(!all.contains("more claims"), "{all}");
}

#[test]
fn items_without_a_url_are_found_by_their_file() {
    // A folder of plain-text articles: the report says which file each item is.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gazette.txt"), STORY).unwrap();
    std::fs::write(
        dir.path().join("blog.txt"),
        format!("Reposted from Harbour Gazette.\n\n{STORY}"),
    )
    .unwrap();
    let out = claimtrace().arg("report").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for f in ["gazette.txt", "blog.txt"] {
        let path = dir.path().join(f);
        assert!(
            text.contains(&format!("\n  {}\n", path.display())),
            "{f}: {text}"
        );
    }
    let v: serde_json::Value = serde_json::from_slice(
        &claimtrace()
            .args(["report", "--json"])
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let blog = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["item"]["location"]
                .as_str()
                .unwrap()
                .ends_with("blog.txt")
        })
        .unwrap();
    // --item finds an item by its file.
    let out = claimtrace()
        .arg("origin")
        .arg(dir.path())
        .args(["--item", "blog.txt", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let o: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        o["nodes"][0]["item"]["location"]
            .as_str()
            .unwrap()
            .ends_with("blog.txt"),
        "{o}"
    );
    assert!(
        // Neither is dated or credited: same text, no direction.
        blog["same_text"][0]["location"]
            .as_str()
            .unwrap()
            .ends_with("gazette.txt"),
        "{blog}"
    );
}

#[test]
fn a_verbatim_copy_in_another_file_is_an_item_of_its_own() {
    // Nothing tells the two apart but where they are: still two items, sharing text. The same
    // file given twice is one item.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, STORY).unwrap();
    std::fs::write(&b, STORY).unwrap();
    let two = graph(&[dir.path()]);
    assert_eq!(of_kind(&two, "nodes", "item").len(), 2);
    assert_eq!(of_kind(&two, "edges", "same_text").len(), 1);
    let once = graph(&[&a, &a]);
    assert_eq!(of_kind(&once, "nodes", "item").len(), 1);
    assert_eq!(of_kind(&once, "edges", "same_text").len(), 0);
}

#[test]
fn one_url_in_two_files_is_one_item() {
    let dir = tempfile::tempdir().unwrap();
    let rec = serde_json::json!({"id": "g1", "url": "https://gazette.example/pier",
        "title": "Eastmere closes ferry pier", "text": STORY})
    .to_string();
    std::fs::write(dir.path().join("feed1.jsonl"), &rec).unwrap();
    std::fs::write(dir.path().join("feed2.jsonl"), &rec).unwrap();
    assert_eq!(of_kind(&graph(&[dir.path()]), "nodes", "item").len(), 1);
}

#[test]
fn two_outlets_carrying_one_wire_story_share_its_text() {
    // The agency is named only in the dateline; the later copy is not a copy of the earlier.
    let dir = tempfile::tempdir().unwrap();
    let wire = format!("EASTMERE (AP) — {STORY}");
    let rec = |id: &str, outlet: &str, date: &str| {
        serde_json::json!({"id": id, "outlet": outlet, "published": date, "text": wire}).to_string()
    };
    let lines = [
        rec("lamp", "Daily Lamp", "2021-03-02"),
        rec("post", "Gullholm Post", "2021-03-04"),
    ];
    std::fs::write(dir.path().join("wire.jsonl"), lines.join("\n")).unwrap();
    let g = graph(&[dir.path()]);
    assert!(of_kind(&g, "edges", "reposts").is_empty());
    let same = of_kind(&g, "edges", "same_text");
    assert_eq!(same.len(), 1);
    assert!(
        same[0]["evidence"]
            .as_str()
            .unwrap()
            .contains("both credit Associated Press"),
        "{}",
        same[0]
    );
    assert_eq!(
        of_kind(&g, "edges", "credits").len(),
        2,
        "each credits the agency its dateline names"
    );
}

#[test]
fn origin_and_report_tell_a_rewrite_from_a_copy() {
    use claimtrace_synth::rewritten::{RewriteOptions, generate};
    let r = generate(&RewriteOptions {
        events: 28,
        seed: 2,
        ..RewriteOptions::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = r
        .items
        .iter()
        .map(|it| {
            let m = &it.meta;
            serde_json::json!({"id": m.record_id, "outlet": m.outlet, "title": m.title,
                "published": m.published.map(|d| d.to_string()), "text": it.text()})
            .to_string()
        })
        .collect();
    std::fs::write(dir.path().join("items.jsonl"), lines.join("\n")).unwrap();
    // A newspaper story the linker finds rewritten from its agency story.
    let links = claimtrace::link_items(&r.items);
    let l = links
        .iter()
        .find(|l| l.kind == claimtrace::LinkKind::Rewrites)
        .expect("a rewrite");
    let copy = r.items[l.copy].meta.record_id.clone().unwrap();
    let out = claimtrace()
        .arg("origin")
        .arg(dir.path())
        .args(["--item", &copy])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("rewritten from [2] (about ") && text.contains("% of this story)"),
        "{text}"
    );
    assert!(
        text.contains("was copied or rewritten from 1 item(s)"),
        "{text}"
    );
    assert!(text.contains(" in other words: "), "{text}");
    let out = claimtrace().arg("report").arg(dir.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Rewritten from \""), "{text}");
    assert!(text.contains("copied or rewritten by"), "{text}");
    // The JSON answer carries the degree and the share.
    let out = claimtrace()
        .arg("origin")
        .arg(dir.path())
        .args(["--item", &copy, "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let step = &v["edges"][0]["how"];
    assert_eq!(step["kind"], "rewrites");
    assert!(step["derived_share"].as_f64().unwrap() > 0.0);
    assert!(step["degree"] == "wholly" || step["degree"] == "partly");
}
