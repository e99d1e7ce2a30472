//! No bytes make the web readers panic; broken HTML still gives its item.

use claimtrace::{Input, ReadSettings, read_input};
use proptest::prelude::*;

fn read(name: &str, bytes: Vec<u8>) {
    // Errors are fine; panics are not.
    let _ = read_input(&Input::new(name, bytes), &ReadSettings::default());
}

/// Markup-ish text: tags, entities, quotes and words in random order.
fn markup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"x\">".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<meta charset=\"koi8-r\">".to_string()),
        Just("<meta property=\"og:title\" content=\"T\">".to_string()),
        Just(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"isBasedOn\":"
                .to_string()
        ),
        Just("<link rel=canonical href=\"https://a.example/x\">".to_string()),
        Just("The post <a href=\"https://b.example\">X</a> appeared first on ".to_string()),
        Just("originally published at ".to_string()),
        Just("&amp;&#x;&#99999999;&".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        "[a-zA-Zé \"'.]{0,40}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for name in ["p.html", "f.rss", "f.atom", "f.json", "a.warc", "x.html.gz"] {
            read(name, bytes.clone());
        }
        let mut warc = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        warc.extend_from_slice(&bytes);
        read("b.warc", warc);
        let mut gz = vec![0x1f, 0x8b];
        gz.extend_from_slice(&bytes);
        read("c.warc.gz", gz);
    }

    #[test]
    fn broken_markup_still_gives_one_item(html in markup()) {
        let items = read_input(&Input::new("p.html", html.clone().into_bytes()), &ReadSettings::default())
            .expect("HTML never fails");
        prop_assert_eq!(items.len(), 1);
    }

    #[test]
    fn feeds_of_random_entries_never_panic(body in markup(), title in "[a-z <>&]{0,20}") {
        let rss = format!("<rss version=\"2.0\"><channel><title>{title}</title><item><title>{title}</title><description><![CDATA[{body}]]></description><pubDate>{title}</pubDate></item><item>{body}</item></channel></rss>");
        read("f.rss", rss.into_bytes());
        let atom = format!("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">{body}</content></entry></feed>");
        read("f.atom", atom.into_bytes());
    }
}
