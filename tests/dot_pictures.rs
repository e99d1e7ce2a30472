//! DOT pictures that fit on a page: one story (`--story`), items and outlets only (`--only`),
//! time left to right. Rendered by Graphviz, then read back from the SVG: where each item was
//! drawn and how big the picture is. Without Graphviz the tests print `SKIPPED` (outside CI;
//! `.ci/run` installs it).

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

/// `dot -Tsvg` of `source`, or None (SKIPPED) without Graphviz.
fn svg(source: &str) -> Option<String> {
    let dot = common::require_tool(
        "graphviz",
        common::executable_answering("dot", "-V").map(|_| "dot"),
    )?;
    let mut child = Command::new(dot)
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let src = source.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&src));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "dot warned: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

/// The picture's size in points, from the SVG's width and height.
fn size(svg: &str) -> (f64, f64) {
    let attr = |name: &str| -> f64 {
        let at = svg.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let v: String = svg[at..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        v.parse().unwrap()
    };
    (attr("width"), attr("height"))
}

/// The x where the text starting `words` was drawn.
fn x_of(svg: &str, words: &str) -> f64 {
    // Graphviz writes some characters as entities ("-" as "&#45;" in 2.43).
    let at = svg
        .find(&format!(">{words}"))
        .or_else(|| svg.find(&format!(">{}", words.replace('-', "&#45;"))))
        .unwrap_or_else(|| panic!("{words:?} is not drawn"));
    let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
    let x = tag.split(" x=\"").nth(1).unwrap();
    x[..x.find('"').unwrap()].parse().unwrap()
}

/// An A4 page at 150 dots per inch, either way round, in points (72 to the inch): what a
/// picture may fill and still be read when printed or shown whole.
fn fits_a_page((w, h): (f64, f64)) -> bool {
    let (long, short) = (11.7 * 72.0 * 2.0, 8.3 * 72.0 * 2.0);
    (w <= long && h <= short) || (w <= short && h <= long)
}

#[test]
fn the_example_story_runs_left_to_right_by_date() {
    let dot = common::stdout_of([
        "graph",
        "--format",
        "dot",
        "--story",
        "lantern-88",
        "--only",
        "items,outlets",
        "examples/reposts.jsonl",
    ]);
    assert!(!dot.contains("Mayor promises"), "another story");
    let Some(svg) = svg(&dot) else {
        return;
    };
    let wire = x_of(&svg, "Corvin Bridge closed after");
    let gazette = x_of(&svg, "Bridge closure: months of");
    let lantern = x_of(&svg, "MUST READ: Corvin Bridge");
    assert!(
        wire < gazette && gazette < lantern,
        "{wire} {gazette} {lantern}"
    );
    assert!(
        svg.contains(">copied from<"),
        "the copies' lines are labelled"
    );
    assert!(fits_a_page(size(&svg)), "{:?}", size(&svg));
}

#[test]
fn the_whole_example_with_claims_renders_by_date_with_its_legend() {
    // With every claim and speaker drawn the example takes about two pages (its 13 claims stack
    // in one column); the pictures meant for one page are the stories and `--only` views above.
    let dot = common::stdout_of(["graph", "--format", "dot", "examples/reposts.jsonl"]);
    let Some(svg) = svg(&dot) else {
        return;
    };
    let (w, h) = size(&svg);
    assert!(
        w * h <= 2.0 * (11.7 * 72.0 * 2.0) * (8.3 * 72.0 * 2.0),
        "{:?}",
        (w, h)
    );
    assert!(svg.contains("How to read this picture"));
    assert!(x_of(&svg, "2026-03-12") < x_of(&svg, "2026-03-14"));
}

#[test]
fn the_seed_and_a_giveme_story_fit_a_page() {
    let Some(seed) = common::shared("seeds/blog-dump-2020-09-19.txt") else {
        return;
    };
    let dot = common::stdout_of([
        "graph".as_ref(),
        "--format".as_ref(),
        "dot".as_ref(),
        "--only".as_ref(),
        "items,outlets".as_ref(),
        seed.as_os_str(),
    ]);
    let Some(svg_seed) = svg(&dot) else {
        return;
    };
    assert!(fits_a_page(size(&svg_seed)), "seed {:?}", size(&svg_seed));
    let declared = dot
        .lines()
        .filter(|l| l.trim_start().starts_with('"') && !l.contains(" -> "))
        .count();
    assert_eq!(
        svg_seed.matches("class=\"node\"").count(),
        declared,
        "every node drawn"
    );
    assert_eq!(
        dot.matches("shape=note").count(),
        8,
        "the seed's eight posts"
    );
    assert!(
        !dot.contains("Fox News"),
        "an outlet only a claim named is left out with the claims"
    );

    let Some(giveme) = common::shared("corpora/giveme5w1h-news-cluster/news_cluster/data") else {
        return;
    };
    let dot = common::stdout_of([
        "graph".as_ref(),
        "--format".as_ref(),
        "dot".as_ref(),
        "--story".as_ref(),
        "American Airlines apologizes".as_ref(),
        "--only".as_ref(),
        "items,outlets".as_ref(),
        giveme.as_os_str(),
    ]);
    let svg_story = svg(&dot).unwrap();
    assert!(
        fits_a_page(size(&svg_story)),
        "giveme story {:?}",
        size(&svg_story)
    );
    assert!(svg_story.contains("American Airlines"));
}
