//! Property tests: any bytes and any arrangement of dump-like lines segment without panics,
//! with every run and range inside the text, on character boundaries, in order.

use super::{Post, segment};
use crate::read::text::TextReader;
use crate::read::{Input, ReadSettings, Reader};
use proptest::prelude::*;

fn check(src: &str, from: usize, posts: &[Post]) {
    let mut last = from;
    for p in posts {
        assert!(p.range.start >= last && p.range.start <= p.range.end && p.range.end <= src.len());
        assert!(src.is_char_boundary(p.range.start) && src.is_char_boundary(p.range.end));
        assert!(!p.runs.is_empty());
        for r in &p.runs {
            assert!(r.start < r.end && r.start >= p.range.start && r.end <= p.range.end);
            assert!(src.is_char_boundary(r.start) && src.is_char_boundary(r.end));
        }
        assert!(p.runs.windows(2).all(|w| w[0].end < w[1].start));
        let text = p.text(src);
        assert_eq!(
            text.len(),
            p.runs.iter().map(|r| r.len()).sum::<usize>() + 2 * (p.runs.len() - 1)
        );
        last = p.range.end;
    }
}

fn dump_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("The Harbour Gazette | harbourgazette.test".to_string()),
        Just("River\u{a0}to Sea  ".to_string()),
        Just("* * *".to_string()),
        Just("Saturday 19 September 2020".to_string()),
        Just("السبت ١٩ أيلول ٢٠٢٠".to_string()),
        Just("By News Desk -2020-09-19".to_string()),
        Just("Posted by Jane Roe at 9:12 AM".to_string()),
        Just("Source: Lakeside Courier".to_string()),
        Just("ALSO READ  Storm hits coast".to_string()),
        Just("Related Articles".to_string()),
        Just("سلمى الخوري".to_string()),
        Just("1".to_string()),
        Just("2. Second story".to_string()),
        Just("Storm hits the coast".to_string()),
        Just("PORT ELLIS (Courier) – The ferry service resumed on Wednesday after three days of storms, officials said.".to_string()),
        Just("أعلنت بلدية بورت إليس أن مهرجان الموسيقى السنوي سيعود إلى ساحة المرفأ في الصيف المقبل بعد غياب دام عامين.".to_string()),
        "[a-zA-Z ,.]{0,80}",
        "\\PC{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_text_segments_in_bounds(s in "\\PC{0,400}", crlf in any::<bool>()) {
        let s = if crlf { s.replace('\n', "\r\n") } else { s };
        check(&s, 0, &segment(&s, 0, None));
    }

    #[test]
    fn random_line_structures_segment_in_bounds(
        lines in proptest::collection::vec(dump_line(), 0..60),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let mut src = if bom { "\u{feff}".to_string() } else { String::new() };
        for l in &lines {
            src.push_str(l);
            src.push_str(nl);
        }
        let from = if bom { 3 } else { 0 };
        let posts = segment(&src, from, None);
        check(&src, from, &posts);
        for p in &posts {
            let title = p.meta.title.as_deref().unwrap_or_default();
            prop_assert!(!title.contains("ALSO READ"));
            prop_assert!(!p.text(&src).contains("ALSO READ"));
        }
    }

    #[test]
    fn a_banner_after_every_post_is_never_title_or_text(
        posts in proptest::collection::vec(
            (
                prop_oneof![Just("Storm hits the coast"), Just("عودة العبارة إلى جزيرة النورس"), Just("3. Bridge closes")],
                proptest::collection::vec(dump_line(), 0..12),
            ),
            2..8,
        ),
    ) {
        let mut src = String::new();
        // Distinct titles: a dump of one post printed twice has nothing to tell banner from post.
        for (k, (title, lines)) in posts.iter().enumerate() {
            src.push_str(&format!("{title} {k}"));
            src.push_str("\n\n");
            for l in lines {
                // Other banner-like lines would compete with this one for the site's name.
                if !["Gazette", "River", "* * *", "Storm hits"].iter().any(|b| l.contains(b)) {
                    src.push_str(l);
                    src.push('\n');
                }
            }
            src.push_str("\nThe Harbour Gazette | harbourgazette.test\n\n");
        }
        let found = segment(&src, 0, None);
        check(&src, 0, &found);
        for p in &found {
            prop_assert!(!p.meta.title.as_deref().unwrap_or_default().contains("Harbour Gazette"));
            prop_assert!(!p.text(&src).contains("Harbour Gazette"));
            prop_assert_eq!(p.meta.outlet.as_deref(), Some("The Harbour Gazette"));
        }
    }

    #[test]
    fn random_bytes_read_as_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let input = Input::new("random.txt", bytes.clone());
        if let Ok(items) = TextReader.read(&input, &ReadSettings::default()) {
            for i in items {
                prop_assert!(i.origin.start <= i.origin.end && i.origin.end <= bytes.len());
                for r in &i.runs {
                    prop_assert!(r.file_start + r.len <= bytes.len());
                    prop_assert!(r.text_start + r.len <= i.text.len());
                }
            }
        }
    }

    #[test]
    fn dates_never_panic(s in "\\PC{0,60}") {
        if let Some((_, r)) = crate::dates::find_date(&s) {
            prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end) && r.end <= s.len());
        }
        let _ = crate::dates::date_line(&s);
    }
}
