//! The HTML view in a real browser: headless Chromium, driven over the DevTools protocol, opens
//! pages that `claimtrace view` wrote and is watched for console errors and network requests,
//! clicked, typed into and photographed. Without Chromium the tests print `SKIPPED` (outside
//! CI; `.ci/run` installs it).

mod common;

use headless_chrome::browser::tab::Tab;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Log, Network, Page, Runtime};
use headless_chrome::{Browser, LaunchOptions};
use std::ffi::OsStr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// An open page, with what the browser reported while it was open.
struct Opened {
    // Held so that the browser lives as long as the page.
    _browser: Browser,
    _profile: tempfile::TempDir,
    tab: Arc<Tab>,
    page_url: String,
    requests: Arc<Mutex<Vec<String>>>,
    errors: Arc<Mutex<Vec<String>>>,
    /// CPU time the browser's processes had used when the page was asked for, in ms.
    cpu_at_navigation: f64,
}

/// CPU time (user and system) used so far by process `pid` and all its descendants, in ms,
/// from /proc (0 where there is none): a measure that other work on the machine does not
/// inflate, unlike wall time.
fn tree_cpu_ms(pid: u32) -> f64 {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return 0.0;
    };
    let mut parent_of = std::collections::HashMap::new();
    let mut ticks = std::collections::HashMap::new();
    for e in dir.flatten() {
        let Some(p) = e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
            continue;
        };
        // Fields after the command's closing parenthesis: state ppid ... utime(14) stime(15).
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 2..]) else {
            continue;
        };
        let f: Vec<&str> = rest.split(' ').collect();
        let num = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        parent_of.insert(p, num(1) as u32);
        ticks.insert(p, num(11) + num(12));
    }
    let in_tree = |mut p: u32| {
        while p > 1 {
            if p == pid {
                return true;
            }
            p = parent_of.get(&p).copied().unwrap_or(0);
        }
        false
    };
    // Clock ticks are 1/100 s on Linux.
    ticks
        .iter()
        .filter(|(p, _)| in_tree(**p))
        .map(|(_, t)| *t as f64 * 10.0)
        .sum()
}

impl Opened {
    /// CPU time the browser used since the page was asked for, in ms.
    fn cpu_since_navigation(&self) -> f64 {
        self._browser
            .get_process_id()
            .map_or(0.0, |pid| tree_cpu_ms(pid) - self.cpu_at_navigation)
    }

    /// Requests for anything but the page itself.
    fn other_requests(&self) -> Vec<String> {
        let page = self.page_url.clone();
        let mut v = self.requests.lock().unwrap().clone();
        v.retain(|u| *u != page);
        v
    }

    fn errors(&self) -> Vec<String> {
        self.errors.lock().unwrap().clone()
    }

    /// Evaluates `js` in the page and returns its value as JSON.
    fn eval(&self, js: &str) -> serde_json::Value {
        let r = self
            .tab
            .evaluate(js, false)
            .unwrap_or_else(|e| panic!("{js}: {e}"));
        r.value.unwrap_or(serde_json::Value::Null)
    }
}

/// Opens `page` in headless Chromium and waits for the view's first frame; None (SKIPPED) when
/// there is no browser.
fn open(page: &Path) -> Option<Opened> {
    let chromium = common::chromium()?;
    let profile = tempfile::tempdir().unwrap();
    // No sandbox (tests may run as root); nothing in the background that would try the
    // network on its own.
    let args: Vec<&OsStr> = [
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let browser = Browser::new(LaunchOptions {
        headless: true,
        sandbox: false,
        path: Some(chromium),
        user_data_dir: Some(profile.path().to_path_buf()),
        window_size: Some((1400, 900)),
        args,
        idle_browser_timeout: Duration::from_secs(120),
        ..LaunchOptions::default()
    })
    .expect("chromium starts");
    let tab = browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(60));
    let requests = Arc::new(Mutex::new(Vec::new()));
    let errors = Arc::new(Mutex::new(Vec::new()));
    {
        let (requests, errors) = (requests.clone(), errors.clone());
        tab.add_event_listener(Arc::new(move |event: &Event| match event {
            Event::NetworkRequestWillBeSent(e) => {
                requests.lock().unwrap().push(e.params.request.url.clone());
            }
            Event::RuntimeExceptionThrown(e) => {
                let d = &e.params.exception_details;
                let what = d
                    .exception
                    .as_ref()
                    .and_then(|x| x.description.clone())
                    .unwrap_or_default();
                errors
                    .lock()
                    .unwrap()
                    .push(format!("exception: {} {what}", d.text));
            }
            Event::RuntimeConsoleAPICalled(e)
                if matches!(
                    e.params.Type,
                    Runtime::ConsoleAPICalledEventTypeOption::Error
                        | Runtime::ConsoleAPICalledEventTypeOption::Warning
                        | Runtime::ConsoleAPICalledEventTypeOption::Assert
                ) =>
            {
                let text: Vec<String> = e
                    .params
                    .args
                    .iter()
                    .map(|a| {
                        a.value
                            .as_ref()
                            .map(|v| v.to_string())
                            .or(a.description.clone())
                            .unwrap_or_default()
                    })
                    .collect();
                errors
                    .lock()
                    .unwrap()
                    .push(format!("console: {}", text.join(" ")));
            }
            Event::LogEntryAdded(e)
                if matches!(
                    e.params.entry.level,
                    Log::LogEntryLevel::Error | Log::LogEntryLevel::Warning
                ) =>
            {
                errors
                    .lock()
                    .unwrap()
                    .push(format!("log: {}", e.params.entry.text));
            }
            _ => {}
        }))
        .unwrap();
    }
    tab.enable_log().unwrap();
    tab.enable_runtime().unwrap();
    tab.call_method(Network::Enable {
        max_total_buffer_size: None,
        max_resource_buffer_size: None,
        max_post_data_size: None,
        report_direct_socket_traffic: None,
        enable_durable_messages: None,
    })
    .unwrap();
    // Policy violations (a blocked script, style or request) are counted by the page itself,
    // from before its first script runs.
    tab.call_method(Page::AddScriptToEvaluateOnNewDocument {
        source: "window.__violations = []; document.addEventListener('securitypolicyviolation', \
                 function (e) { window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });"
            .into(),
        world_name: None,
        include_command_line_api: None,
        run_immediately: None,
    })
    .unwrap();
    let page_url = format!("file://{}", page.canonicalize().unwrap().display());
    let cpu_at_navigation = browser.get_process_id().map_or(0.0, tree_cpu_ms);
    tab.navigate_to(&page_url).unwrap();
    tab.wait_until_navigated().unwrap();
    tab.wait_for_element("body[data-rendered]")
        .expect("the view draws its first frame");
    Some(Opened {
        _browser: browser,
        _profile: profile,
        tab,
        page_url,
        requests,
        errors,
        cpu_at_navigation,
    })
}

/// Writes the view of `inputs` into `dir` and returns its path.
fn view_of(dir: &Path, name: &str, inputs: &[&Path]) -> std::path::PathBuf {
    let out = dir.join(name);
    let mut args: Vec<&OsStr> = vec![OsStr::new("view"), OsStr::new("-q")];
    args.extend(inputs.iter().map(|p| p.as_os_str()));
    args.extend([OsStr::new("-o"), out.as_os_str()]);
    common::stdout_of(args);
    out
}

/// How many items a graph of `inputs` has, by the JSON export.
fn item_count(inputs: &[&Path]) -> usize {
    let mut args: Vec<&OsStr> = vec![OsStr::new("graph"), OsStr::new("-q")];
    args.extend(inputs.iter().map(|p| p.as_os_str()));
    let g: serde_json::Value = serde_json::from_str(&common::stdout_of(args)).unwrap();
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "item")
        .count()
}

/// A PNG screenshot of the page, checked for something drawn: many colours, and a good share of
/// pixels that are not the background.
fn screenshot_is_not_blank(o: &Opened, save_as: &str) {
    let png = o
        .tab
        .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    if let Some(dir) = std::env::var_os("CLAIMTRACE_SCREENSHOTS") {
        std::fs::write(Path::new(&dir).join(save_as), &png).unwrap();
    }
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(channels).collect();
    let colours: std::collections::HashSet<&[u8]> = pixels.iter().copied().collect();
    let background = pixels[pixels.len() / 2 - 1];
    let drawn = pixels
        .iter()
        .filter(|p| p[..3] != [255, 255, 255] && **p != background)
        .count();
    assert!(
        colours.len() > 50,
        "{save_as}: only {} colours",
        colours.len()
    );
    assert!(
        drawn * 50 > pixels.len(),
        "{save_as}: only {drawn} of {} pixels drawn",
        pixels.len()
    );
}

#[test]
fn the_example_opens_offline_and_answers_clicks_and_searches() {
    let example = common::repo("examples/reposts.jsonl");
    let dir = tempfile::tempdir().unwrap();
    let page = view_of(dir.path(), "example.html", &[&example]);
    let Some(o) = open(&page) else {
        return;
    };

    // Every item of the graph is drawn.
    let drawn = o.eval("window.claimtraceView.drawnItems()");
    assert_eq!(drawn, item_count(&[&example]));

    // A real click on the Gazette's copy opens its panel, its text beside the wire's with the
    // shared passage marked and the Gazette's own intro marked as added.
    let i = o.eval(
        "window.claimtraceView.data.items.findIndex(function (it) { \
         return it.title.indexOf('Bridge closure') === 0; })",
    );
    let point = o.eval(&format!(
        "JSON.stringify(window.claimtraceView.itemPoint({i}))"
    ));
    let point: serde_json::Value = serde_json::from_str(point.as_str().unwrap()).unwrap();
    o.tab
        .click_point(headless_chrome::browser::tab::point::Point {
            x: point["x"].as_f64().unwrap(),
            y: point["y"].as_f64().unwrap(),
        })
        .unwrap();
    o.tab
        .wait_for_element("#panel:not([hidden]) mark.shared")
        .unwrap();
    let panel = o.eval("document.getElementById('panel-body').innerText");
    let panel = panel.as_str().unwrap();
    assert!(
        panel.contains("Bridge closure: months of detours"),
        "{panel}"
    );
    assert!(panel.contains("Copied from"), "{panel}");
    assert!(
        panel.contains("Corvin Bridge closed after inspectors"),
        "{panel}"
    );
    assert!(
        panel.contains("says it comes from Northwind Wire"),
        "{panel}"
    );
    assert!(
        panel.contains("Tomas Brandt"),
        "claims and speakers: {panel}"
    );
    let shared = o.eval("document.querySelectorAll('#panel mark.shared').length");
    assert!(shared.as_u64().unwrap() >= 2, "both sides marked: {shared}");
    let added = o.eval("Array.from(document.querySelectorAll('#panel .added')).map(function (e) { return e.textContent; }).join(' ')");
    assert!(
        added.as_str().unwrap().contains("Commuters in Harbor City"),
        "the Gazette's intro is what the copy added: {added}"
    );

    // Typing a speaker's name finds the speaker.
    o.tab
        .find_element("#search")
        .unwrap()
        .click()
        .unwrap()
        .type_into("Brandt")
        .unwrap();
    o.tab
        .wait_for_element("#results li[data-what=speaker]")
        .unwrap();
    let found = o.eval("document.querySelector('#results li[data-what=speaker]').textContent");
    assert!(found.as_str().unwrap().contains("Tomas Brandt"), "{found}");

    // Focusing the chain's story hides the mayor's unrelated story.
    o.eval("document.getElementById('focus-story').click()");
    assert_eq!(o.eval("window.claimtraceView.drawnItems()"), 3);

    screenshot_is_not_blank(&o, "example.png");
    assert_eq!(
        o.eval("window.__violations.length"),
        0,
        "{:?}",
        o.eval("window.__violations")
    );
    assert!(
        o.other_requests().is_empty(),
        "requests: {:?}",
        o.other_requests()
    );
    assert!(o.errors().is_empty(), "errors: {:?}", o.errors());
}

/// Titles, claims, names and URLs that try to run script, close the script element, fill a
/// placeholder or turn the text around.
const PAYLOADS: &[&str] = &[
    "</script><script>window.__pwned = 1</script>",
    "<img src=x onerror=\"window.__pwned = 2\">",
    "{{data}} {{script}} {{csp}}",
    "\u{202e}txet desrever\u{202c} and \u{200f}marks",
];

#[test]
fn hostile_inputs_render_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let body = "The harbour council voted on Tuesday to close the old ferry pier after inspectors \
        found rotten timbers beneath the boarding ramp, and the ferry operator said that the \
        timetables would not change while a temporary pontoon is built next to the terminal.";
    let mut lines = Vec::new();
    for (n, p) in PAYLOADS.iter().enumerate() {
        let text = format!(
            "{body}\n\n“{p} is what we found,” said {name}.",
            name = "Mallory <b onmouseover=\"window.__pwned=3\">Vane</b>"
        );
        lines.push(
            serde_json::json!({
                "id": format!("h{n}"),
                "outlet": format!("Outlet {p}"),
                "title": format!("Title {p}"),
                "author": format!("Author {p}"),
                "url": if n % 2 == 0 { format!("javascript:window.__pwned={n}") } else { format!("https://x.example/{n}?q=\"><script>") },
                "published": format!("2030-01-0{}", n + 1),
                "text": if n == 0 { text.clone() } else { format!("Reposted: {p}\n\n{text}") },
                "credits": [format!("Agency {p}")],
            })
            .to_string(),
        );
    }
    let input = dir.path().join("hostile.jsonl");
    std::fs::write(&input, lines.join("\n")).unwrap();
    let page = view_of(dir.path(), "hostile.html", &[&input]);
    let html = std::fs::read_to_string(&page).unwrap();
    for p in PAYLOADS.iter().filter(|p| p.contains('<')) {
        assert!(!html.contains(p), "raw markup in the page: {p}");
    }
    // The placeholders in the inputs were not filled: one policy, one copy of the library.
    assert_eq!(
        html.matches("http-equiv=\"Content-Security-Policy\"")
            .count(),
        1
    );
    assert_eq!(html.matches("cf.version=\"3.35.0\"").count(), 1);
    let Some(o) = open(&page) else {
        return;
    };
    assert_eq!(o.eval("window.claimtraceView.drawnItems()"), PAYLOADS.len());
    // Open every item's panel, and search for each payload.
    let mut titles = Vec::new();
    for i in 0..PAYLOADS.len() {
        o.eval(&format!("window.claimtraceView.openItem({i})"));
        let title = o.eval("document.querySelector('#panel h2').textContent");
        titles.push(title.as_str().unwrap().to_string());
        let panel = o.eval("document.getElementById('panel-body').textContent");
        let panel = panel.as_str().unwrap();
        let javascript_url = panel.contains("javascript:window.__pwned");
        assert_eq!(
            javascript_url,
            panel.contains("not a web address; not a link"),
            "a javascript: URL is shown as text, never as a link: {panel}"
        );
    }
    titles.sort();
    let mut expected: Vec<String> = PAYLOADS.iter().map(|p| format!("Title {p}")).collect();
    expected.sort();
    assert_eq!(titles, expected, "titles shown as text, whole");
    for p in PAYLOADS {
        o.eval(&format!(
            "var s = document.getElementById('search'); s.value = {}; s.dispatchEvent(new Event('input'));",
            serde_json::to_string(p).unwrap()
        ));
        o.tab.wait_for_element("#results:not([hidden]) li").unwrap();
    }
    assert_eq!(o.eval("typeof window.__pwned"), "undefined");
    assert_eq!(
        o.eval("document.querySelectorAll('img, b, script[src]').length"),
        0
    );
    assert_eq!(
        o.eval("document.querySelectorAll('a[href]:not([href^=\"https:\"]):not([href^=\"http:\"])').length"),
        0,
        "only web addresses are links"
    );
    // Nothing was blocked either: the payloads never became markup to block.
    assert_eq!(
        o.eval("window.__violations.length"),
        0,
        "{:?}",
        o.eval("window.__violations")
    );
    assert!(
        o.other_requests().is_empty(),
        "requests: {:?}",
        o.other_requests()
    );
    assert!(o.errors().is_empty(), "errors: {:?}", o.errors());
}

#[test]
fn the_seed_and_giveme_open_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (name, rel) in [
        ("seed", "seeds/blog-dump-2020-09-19.txt"),
        (
            "giveme",
            "corpora/giveme5w1h-news-cluster/news_cluster/data",
        ),
    ] {
        let Some(input) = common::shared(rel) else {
            return;
        };
        let page = view_of(dir.path(), &format!("{name}.html"), &[&input]);
        let Some(o) = open(&page) else {
            return;
        };
        assert_eq!(
            o.eval("window.claimtraceView.drawnItems()"),
            item_count(&[&input])
        );
        screenshot_is_not_blank(&o, &format!("{name}.png"));
        assert!(
            o.other_requests().is_empty(),
            "{name}: {:?}",
            o.other_requests()
        );
        assert!(o.errors().is_empty(), "{name}: {:?}", o.errors());
    }
}

/// Time to the first drawn frame of the pages named in `CLAIMTRACE_VIEW_PAGES` (paths joined
/// by `:`), measured by the page from navigation start: `CLAIMTRACE_VIEW_PAGES=a.html:b.html
/// cargo test --release --test view_browser -- --ignored --nocapture first_render`.
#[test]
#[ignore]
fn first_render_times() {
    let Some(pages) = std::env::var_os("CLAIMTRACE_VIEW_PAGES") else {
        eprintln!("SKIPPED: CLAIMTRACE_VIEW_PAGES names no page");
        return;
    };
    for page in std::env::split_paths(&pages) {
        let Some(o) = open(&page) else {
            return;
        };
        let first = o.eval("Number(document.body.dataset.rendered)");
        let cpu = o.cpu_since_navigation();
        let items = o.eval("window.claimtraceView.drawnItems()");
        let stages = o.eval("JSON.stringify(window.claimtraceView.timings)");
        // Responds: a search over everything, focusing the largest story and showing every
        // story again, each timed in the page.
        let timed = |js: &str| {
            o.eval(&format!(
                "(function () {{ var t = performance.now(); {js}; return Math.round(performance.now() - t); }})()"
            ))
        };
        let search = timed("window.claimtraceView.find('the')");
        let focus =
            timed("var s = document.querySelector('#stories li[data-story]'); if (s) s.click()");
        let back = timed("document.getElementById('everything').click()");
        println!(
            "{}: {items} items, first frame at {first} ms after navigation start, {cpu:.0} ms of the browser's CPU time until then (stages {stages}), errors {:?}, requests {:?}; searching 'the' {search} ms, focusing the largest story {focus} ms, every story again {back} ms",
            page.display(),
            o.errors(),
            o.other_requests()
        );
        screenshot_is_not_blank(
            &o,
            &format!("{}.png", page.file_stem().unwrap().to_string_lossy()),
        );
    }
}
