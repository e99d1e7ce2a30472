//! JSON records: a .json file with one record or an array of them, or .jsonl/.ndjson with one
//! record per line. Field names follow schemas/record.schema.json and accept the names news-please
//! and passim write, so their output feeds straight in.

use super::{Input, InputError, Location, ReadSettings, Reader, finish_items};
use crate::item::{Credit, Item};
use crate::outlets;
use chrono::NaiveDate;
use rayon::prelude::*;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::sync::Arc;
use std::sync::Mutex;

/// The items of JSON records held in a string (one record, an array of them, or one per line;
/// fields as in `schemas/record.schema.json`), read as a file `name` of them would be.
///
/// ```
/// let records = r#"{"id": "gazette-1", "outlet": "Harbor City Gazette", "text": "The bridge opens on Monday, the mayor said."}"#;
/// let items = claimtrace::items_from_records("rows.jsonl", records, &Default::default())?;
/// assert_eq!(items[0].meta.record_id.as_deref(), Some("gazette-1"));
/// # Ok::<(), claimtrace::InputError>(())
/// ```
pub fn items_from_records(
    name: &str,
    records: &str,
    settings: &ReadSettings,
) -> Result<Vec<Item>, InputError> {
    let input = Input::new(name, records.as_bytes().to_vec());
    let mut items = RecordsReader.read(&input, settings)?;
    finish_items(&mut items, &settings.limits);
    Ok(items)
}

/// The item of one JSON record already parsed (a data frame's row, a Python dict), fields as in
/// `schemas/record.schema.json`. `name` stands for the file in the item's `origin` and in
/// errors; the record has no place in a file, so its byte range is empty: give each record a
/// name of its own (its row number), since two records that only their text tells apart are
/// one item under one name.
///
/// ```
/// let row = serde_json::json!({"url": "https://gazette.example/bridge", "text": "The bridge opens on Monday."});
/// let item = claimtrace::item_from_record("row-17", row, &Default::default())?;
/// assert_eq!(&*item.origin.file, "row-17");
/// # Ok::<(), claimtrace::InputError>(())
/// ```
pub fn item_from_record(
    name: &str,
    record: Value,
    settings: &ReadSettings,
) -> Result<Item, InputError> {
    let err = |e: RecordError| InputError::new(name, Location::File, e.to_string());
    let Value::Object(map) = record else {
        return Err(err(RecordError::NotAnObject));
    };
    let mut item = record_to_item(&Arc::from(name), 0, 0, map, settings).map_err(err)?;
    finish_items(std::slice::from_mut(&mut item), &settings.limits);
    Ok(item)
}

pub struct RecordsReader;

impl Reader for RecordsReader {
    fn name(&self) -> &'static str {
        "records"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["json", "jsonl", "ndjson"]
    }

    fn sniff(&self, head: &[u8]) -> bool {
        let head = strip_bom(head);
        matches!(
            head.iter().find(|b| !b.is_ascii_whitespace()),
            Some(b'{' | b'[')
        )
    }

    fn read(&self, input: &Input, settings: &ReadSettings) -> Result<Vec<Item>, InputError> {
        let bom = input.bytes.len() - strip_bom(&input.bytes).len();
        let text = std::str::from_utf8(&input.bytes).map_err(|e| {
            InputError::at_offset_as_line(
                input.name.as_ref(),
                &input.bytes,
                e.valid_up_to(),
                format!(
                    "not UTF-8 at byte {} (records must be UTF-8 JSON)",
                    e.valid_up_to()
                ),
            )
        })?;
        let body = &text[bom..];
        let raws = split_records(input, body, bom)?;
        let line_of = |offset: usize| line_at(&input.bytes, 0, 1, offset);
        let (items, first_bad) = items_of_records(&input.name, &raws, &line_of, settings);
        match first_bad {
            Some(e) => Err(e),
            None => Ok(items),
        }
    }

    /// JSON whose first value is not a record: not an object, or an object with no text field
    /// (a sampling list, a page's expected metadata, a package manifest).
    fn not_news(&self, input: &Input) -> Option<String> {
        let body = std::str::from_utf8(strip_bom(&input.bytes))
            .ok()?
            .trim_start();
        // The first record: the first element of an array, else the first value.
        let first = match body.strip_prefix('[') {
            Some(rest) if rest.trim_start().starts_with(']') => return None,
            Some(rest) => rest,
            None => body,
        };
        let value = serde_json::Deserializer::from_str(first)
            .into_iter::<&RawValue>()
            .next()?
            .ok()?;
        let map: Map<String, Value> = match serde_json::from_str(value.get()) {
            Ok(map) => map,
            Err(e) if e.classify() == serde_json::error::Category::Data => {
                return Some("JSON that holds no records (not objects)".into());
            }
            Err(_) => return None,
        };
        (!TEXT_FIELDS.iter().any(|f| map.contains_key(*f)))
            .then(|| "JSON that holds no records (no \"text\" field)".into())
    }
}

/// The items of `raws` (each record with the file offset it starts at), and the first bad
/// record's error in file order, if any. `line_of` gives the line of a file offset.
/// Records are parsed on every core, each on its own, and collected in file order, straight
/// into a list of their number (a fallible collect would gather pieces and copy them). A bad
/// record leaves an empty item in its place; the error reported is the first bad record's in
/// file order, whichever worker met one first.
pub(super) fn items_of_records(
    name: &Arc<str>,
    raws: &[(usize, &RawValue)],
    line_of: &(dyn Fn(usize) -> usize + Sync),
    settings: &ReadSettings,
) -> (Vec<Item>, Option<InputError>) {
    let first_bad: Mutex<Option<(usize, InputError)>> = Mutex::new(None);
    let mut items = Vec::new();
    raws.par_iter()
        .enumerate()
        .map(|(i, &(start, raw))| {
            record_item(name, start, raw, line_of, settings).unwrap_or_else(|e| {
                let mut bad = first_bad.lock().unwrap_or_else(|p| p.into_inner());
                if bad.as_ref().is_none_or(|(j, _)| i < *j) {
                    *bad = Some((i, e));
                }
                Item::with_own_text(name, start, start, String::new())
            })
        })
        .collect_into_vec(&mut items);
    let bad = first_bad.into_inner().unwrap_or_else(|p| p.into_inner());
    (items, bad.map(|(_, e)| e))
}

/// The line (1-based) of byte `offset` of a file, given `bytes` of it that start at file
/// offset `base` on line `base_line`.
pub(super) fn line_at(bytes: &[u8], base: usize, base_line: usize, offset: usize) -> usize {
    let end = offset.saturating_sub(base).min(bytes.len());
    base_line + bytes[..end].iter().filter(|&&b| b == b'\n').count()
}

/// The item of the record at byte `start` of the file `name`.
fn record_item(
    name: &Arc<str>,
    start: usize,
    raw: &RawValue,
    line_of: &(dyn Fn(usize) -> usize + Sync),
    settings: &ReadSettings,
) -> Result<Item, InputError> {
    let end = start + raw.get().len();
    let at =
        |message: String| InputError::new(name.as_ref(), Location::Line(line_of(start)), message);
    let map: Map<String, Value> = serde_json::from_str(raw.get()).map_err(|e| {
        if e.classify() == serde_json::error::Category::Data {
            at(RecordError::NotAnObject.to_string())
        } else {
            // Valid JSON to the splitter, but not to a full parse: nested too deep.
            at(format!("invalid JSON: {}", strip_position(&e)))
        }
    })?;
    record_to_item(name, start, end, map, settings).map_err(|e| at(e.to_string()))
}

/// The fields a record's text may stand in, in order of preference (news-please writes
/// `maintext`).
const TEXT_FIELDS: &[&str] = &["text", "maintext"];

/// A record that is valid JSON but no item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
enum RecordError {
    #[error("record is not a JSON object")]
    NotAnObject,
    #[error("record has no \"text\" field")]
    NoText,
    #[error("record's \"text\" is not a string")]
    TextNotAString,
    #[error("record's \"text\" is null")]
    TextNull,
}

pub(super) fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)
}

/// The records of a file with the byte offset each starts at: the elements of a top-level
/// array, else every top-level value in turn (one record, or one per line).
fn split_records<'a>(
    input: &Input,
    body: &'a str,
    base: usize,
) -> Result<Vec<(usize, &'a RawValue)>, InputError> {
    let json_err = |e: serde_json::Error| {
        let line = if e.line() == 0 { 1 } else { e.line() };
        // serde_json counts lines of `body`, which starts after a BOM on line 1: same numbering.
        InputError::new(
            input.name.as_ref(),
            Location::Line(line),
            format!("invalid JSON: {}", strip_position(&e)),
        )
    };
    let offset = |raw: &RawValue| raw.get().as_ptr() as usize - body.as_ptr() as usize + base;
    if body.trim_start().starts_with('[') {
        let list: Vec<&RawValue> = serde_json::from_str(body).map_err(json_err)?;
        return Ok(list.into_iter().map(|r| (offset(r), r)).collect());
    }
    let mut out = Vec::new();
    for raw in serde_json::Deserializer::from_str(body).into_iter::<&RawValue>() {
        let raw = raw.map_err(json_err)?;
        out.push((offset(raw), raw));
    }
    Ok(out)
}

/// serde_json appends " at line L column C"; the error line says the line already.
pub(super) fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The first of `names` that the record has with a non-null value.
fn field<'m>(map: &'m Map<String, Value>, names: &[&str]) -> Option<&'m Value> {
    names
        .iter()
        .filter_map(|n| map.get(*n))
        .find(|v| !v.is_null())
}

fn string_field(map: &Map<String, Value>, names: &[&str]) -> Option<String> {
    match field(map, names)? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A string or a list of strings. news-please sometimes writes the list as a string: "['A', 'B']".
fn list_field(map: &Map<String, Value>, names: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    match field(map, names) {
        Some(Value::String(s)) => {
            let s = s.trim();
            if let Some(inner) = s.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                out.extend(
                    inner
                        .split(',')
                        .map(|p| p.trim().trim_matches(['\'', '"']).trim().to_string()),
                );
            } else {
                out.push(s.to_string());
            }
        }
        Some(Value::Array(a)) => {
            out.extend(
                a.iter()
                    .filter_map(Value::as_str)
                    .map(|s| s.trim().to_string()),
            );
        }
        _ => {}
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The record's text, taken out of it (a record's text is most of its size): the first of
/// `TEXT_FIELDS` that holds a string. A null one gives way to the next; a record whose text
/// fields are all null, or one of them neither string nor null, is an error, as a record with
/// none is.
fn take_text(map: &mut Map<String, Value>) -> Result<String, RecordError> {
    for f in TEXT_FIELDS {
        match map.get(*f) {
            Some(Value::String(_)) => {
                if let Some(Value::String(s)) = map.remove(*f) {
                    return Ok(s);
                }
            }
            Some(Value::Null) | None => {}
            Some(_) => return Err(RecordError::TextNotAString),
        }
    }
    if TEXT_FIELDS.iter().any(|f| map.contains_key(*f)) {
        Err(RecordError::TextNull)
    } else {
        Err(RecordError::NoText)
    }
}

fn record_to_item(
    name: &Arc<str>,
    start: usize,
    end: usize,
    mut map: Map<String, Value>,
    settings: &ReadSettings,
) -> Result<Item, RecordError> {
    let text = take_text(&mut map)?;
    let mut item = Item::with_own_text(name, start, end, text);
    let m = &mut item.meta;
    m.record_id = string_field(&map, &["id", "dId"]);
    m.url = string_field(&map, &["url"]);
    m.title = string_field(&map, &["title", "title_page", "title_rss"]);
    let outlet_field = settings
        .outlet
        .clone()
        .or_else(|| string_field(&map, &["outlet", "source_domain", "publisher", "series"]));
    let url_domain = m.url.as_deref().and_then(outlets::domain_of_url);
    if let Some(o) = outlets::resolve(outlet_field.as_deref(), url_domain.as_deref()) {
        m.outlet = Some(o.name);
        m.domain = o.domain;
    }
    // A record's author list holds people, desks and outlets alike: people are its authors,
    // outlets its credits, desks stay in the byline.
    let bylines = list_field(&map, &["author", "authors"]);
    crate::credit::read_authors(m, "authors", bylines.iter().map(String::as_str));
    if !bylines.is_empty() {
        m.byline = Some(bylines.join(", "));
    }
    if let Some(p) = string_field(&map, &["published", "date_publish", "date"]) {
        match parse_record_date(&p) {
            Some(d) => m.published = Some(d),
            None => item.warnings.push(format!("unreadable date {p:?}")),
        }
    }
    if let Some(r) = string_field(&map, &["retrieved", "date_download"]) {
        match parse_record_date(&r) {
            Some(d) => m.retrieved = Some(d),
            None => item
                .warnings
                .push(format!("unreadable retrieval date {r:?}")),
        }
    }
    m.language = string_field(&map, &["language", "lang"]).and_then(|l| normalise_language(&l));
    m.source_urls = list_field(
        &map,
        &["source_urls", "source_url", "isBasedOn", "based_on"],
    );
    for c in list_field(&map, &["credits"]) {
        let name = outlets::resolve(Some(&c), None)
            .map(|o| o.name)
            .unwrap_or(c);
        m.credits.push(Credit {
            outlet: name,
            evidence: "credits field".into(),
            date: None,
        });
    }
    Ok(item)
}

/// A date or a date-time; a date-time keeps its own local calendar date (the date printed, not
/// the UTC one). Its time must be one (hours to 23, minutes to 59, seconds to 60); what follows
/// it (a zone, "UTC", "AM") is not read. Years outside 1 to 9999 are no date (`dates::writable`).
pub fn parse_record_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    let d = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    let rest = &s[10..];
    let ok = match rest.strip_prefix(['T', 't', ' ']) {
        None => rest.is_empty(),
        Some(time) => valid_time(time),
    };
    (ok && crate::dates::writable(d)).then_some(d)
}

/// Whether `s` starts with a time of day: HH:MM (or HHMM), then seconds and a fraction where
/// given.
fn valid_time(s: &str) -> bool {
    let b = s.as_bytes();
    let two = |i: usize, max: u8| -> bool {
        b.get(i..i + 2).is_some_and(|d| {
            d.iter().all(u8::is_ascii_digit) && (d[0] - b'0') * 10 + (d[1] - b'0') <= max
        })
    };
    // Extended (10:30:00) or basic (103000) form.
    let colon = usize::from(b.get(2) == Some(&b':'));
    if !(two(0, 23) && two(2 + colon, 59)) {
        return false;
    }
    let after = 4 + colon;
    let seconds_at = after + colon;
    let has_seconds = if colon == 1 {
        b.get(after) == Some(&b':')
    } else {
        b.get(after).is_some_and(u8::is_ascii_digit)
    };
    let end = if has_seconds {
        if !two(seconds_at, 60) {
            return false;
        }
        seconds_at + 2
    } else {
        after
    };
    !b.get(end).is_some_and(u8::is_ascii_digit)
}

/// ISO 639-1 from a tag such as "en", "en-US", "EN_gb".
pub fn normalise_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, body: &str) -> Result<Vec<Item>, InputError> {
        RecordsReader.read(
            &Input::new(name, body.as_bytes().to_vec()),
            &ReadSettings::default(),
        )
    }

    #[test]
    fn reads_array_single_and_lines_with_origins() {
        let arr = read("a.json", r#"[{"text":"one"}, {"text":"two"}]"#).unwrap();
        assert_eq!(arr.len(), 2);
        assert_eq!(arr[1].text(), "two");
        assert_eq!((arr[1].origin.start, arr[1].origin.end), (17, 31));
        assert_eq!(read("b.json", r#"{"text":"one"}"#).unwrap().len(), 1);
        let lines = read("c.jsonl", "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n").unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].origin.start, 14);
    }

    #[test]
    fn missing_text_names_the_line() {
        let e = read("x.jsonl", "{\"text\":\"a\"}\n{\"title\":\"b\"}\n").unwrap_err();
        assert_eq!(e.to_string(), "x.jsonl:2: record has no \"text\" field");
        let e = read("y.jsonl", "{\"text\":\"a\"}\n{\"text\": \n").unwrap_err();
        assert!(e.to_string().starts_with("y.jsonl:3: invalid JSON"), "{e}");
    }

    #[test]
    fn the_first_bad_record_in_file_order_is_named() {
        // Records are parsed in parallel; whichever bad record a worker meets first, the error
        // names the first in the file, every time.
        let mut body = String::new();
        for i in 1..=5000 {
            match i {
                1200 => body.push_str("{\"text\":7}\n"),
                3000 | 4999 => body.push_str("{\"title\":\"no text\"}\n"),
                _ => body.push_str(&format!("{{\"text\":\"record {i}\"}}\n")),
            }
        }
        for _ in 0..4 {
            let e = read("many.jsonl", &body).unwrap_err();
            assert_eq!(
                e.to_string(),
                "many.jsonl:1200: record's \"text\" is not a string"
            );
        }
        let items = read(
            "ok.jsonl",
            &body
                .replace("{\"text\":7}", "{\"text\":\"7\"}")
                .replace("{\"title\":\"no text\"}", "{\"text\":\"t\"}"),
        )
        .unwrap();
        assert_eq!(items.len(), 5000);
        assert_eq!(items[4].text(), "record 5");
        assert!(
            items
                .windows(2)
                .all(|w| w[0].origin.start < w[1].origin.start)
        );
    }

    #[test]
    fn news_please_and_passim_fields_are_aliases() {
        let np = r#"{"maintext":"body","title":"T","authors":["Jane Roe","News Desk"],
            "date_publish":"2017-12-27 00:00:00","source_domain":"www.example-news.test",
            "url":"http://www.example-news.test/a","language":"en","dId":"abc"}"#;
        let it = &read("np.json", np).unwrap()[0];
        assert_eq!(it.text(), "body");
        assert_eq!(it.meta.record_id.as_deref(), Some("abc"));
        assert_eq!(it.meta.published, NaiveDate::from_ymd_opt(2017, 12, 27));
        assert_eq!(it.meta.authors, vec!["Jane Roe"]);
        assert_eq!(it.meta.byline.as_deref(), Some("Jane Roe, News Desk"));
        assert_eq!(it.meta.domain.as_deref(), Some("example-news.test"));
        let passim = r#"{"id":"p1","series":"The Daily Bugle","date":"1899-01-02","text":"x"}"#;
        let it = &read("p.jsonl", passim).unwrap()[0];
        assert_eq!(it.meta.outlet.as_deref(), Some("The Daily Bugle"));
        assert_eq!(it.meta.published, NaiveDate::from_ymd_opt(1899, 1, 2));
    }

    #[test]
    fn source_urls_from_field_or_alias() {
        let r = r#"{"text":"x","source_url":"https://a.test/1"}
{"text":"y","isBasedOn":["https://a.test/1","https://b.test/2"]}"#;
        let items = read("s.jsonl", r).unwrap();
        assert_eq!(items[0].meta.source_urls, vec!["https://a.test/1"]);
        assert_eq!(items[1].meta.source_urls.len(), 2);
    }

    #[test]
    fn date_time_keeps_local_date() {
        assert_eq!(
            parse_record_date("2020-09-19T23:30:00-05:00"),
            NaiveDate::from_ymd_opt(2020, 9, 19)
        );
        assert_eq!(
            parse_record_date("2020-09-19"),
            NaiveDate::from_ymd_opt(2020, 9, 19)
        );
        assert_eq!(parse_record_date("19 Sept"), None);
        assert_eq!(parse_record_date("2020-09-19X"), None);
        assert_eq!(
            parse_record_date("2017-12-27 00:00:00"),
            NaiveDate::from_ymd_opt(2017, 12, 27)
        );
        assert_eq!(
            parse_record_date("2020-09-19T23:59:60.5Z"),
            NaiveDate::from_ymd_opt(2020, 9, 19)
        );
        assert_eq!(parse_record_date("2020-01-01T25:61:61Z"), None);
        assert_eq!(parse_record_date("2020-01-01T10:61"), None);
        assert_eq!(parse_record_date("2020-01-01T"), None);
        assert_eq!(
            parse_record_date("2020-01-01T103000Z"),
            NaiveDate::from_ymd_opt(2020, 1, 1)
        );
        assert_eq!(parse_record_date("2020-01-01T1030009"), None);
        assert_eq!(parse_record_date("0000-01-01"), None);
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        let e = RecordsReader
            .read(
                &Input::new("z.json", b"{\"text\":\"\xff\"}".to_vec()),
                &ReadSettings::default(),
            )
            .unwrap_err();
        assert!(e.to_string().contains("not UTF-8"), "{e}");
    }
}
