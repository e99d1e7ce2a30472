//! What a page states about itself in its markup: `<title>`, meta tags (Open Graph, article:,
//! author, Dublin Core), JSON-LD (NewsArticle and kin) and `<link rel=canonical>`.

use dom_query::Document;
use serde_json::Value;

/// Metadata read from a page's markup, before it is weighed against the extractor's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title_tag: Option<String>,
    pub og_title: Option<String>,
    pub og_site_name: Option<String>,
    pub og_url: Option<String>,
    pub canonical: Option<String>,
    /// article:published_time and the other date meta tags, first found.
    pub meta_date: Option<String>,
    /// `<meta name=author>` and kin.
    pub meta_author: Option<String>,
    pub lang: Option<String>,
    pub ld: LdArticle,
}

/// The fields of the page's JSON-LD article (NewsArticle, Article, BlogPosting, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub date_published: Option<String>,
    pub authors: Vec<String>,
    /// Authors typed as organisations (`"@type": "Organization"`): credits.
    pub author_organisations: Vec<String>,
    pub publisher: Option<String>,
    pub is_based_on: Vec<String>,
    pub url: Option<String>,
    /// The publisher's own plain text of the article.
    pub article_body: Option<String>,
}

const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publish-date",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
];

const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
];

pub fn read_meta(doc: &Document) -> PageMeta {
    let mut m = PageMeta {
        title_tag: clean(&doc.select("head title").text())
            .or_else(|| clean(&doc.select("title").text())),
        lang: doc.select("html").attr("lang").map(|l| l.to_string()),
        ..PageMeta::default()
    };
    let mut date_rank = usize::MAX;
    let mut author_rank = usize::MAX;
    for node in doc.select("meta").iter() {
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .or_else(|| node.attr("itemprop"));
        let (Some(key), Some(content)) = (key, node.attr("content")) else {
            continue;
        };
        let Some(content) = clean(&content) else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        match key.as_str() {
            "og:title" | "twitter:title" if m.og_title.is_none() => m.og_title = Some(content),
            "og:site_name" if m.og_site_name.is_none() => m.og_site_name = Some(content),
            "og:url" if m.og_url.is_none() => m.og_url = Some(content),
            k => {
                if let Some(r) = DATE_KEYS
                    .iter()
                    .position(|d| *d == k)
                    .filter(|&r| r < date_rank)
                {
                    date_rank = r;
                    m.meta_date = Some(content);
                } else if let Some(r) = AUTHOR_KEYS
                    .iter()
                    .position(|d| *d == k)
                    .filter(|&r| r < author_rank)
                {
                    // Profile links are not names.
                    if !content.starts_with("http") {
                        author_rank = r;
                        m.meta_author = Some(content);
                    }
                }
            }
        }
    }
    for link in doc.select("link[rel]").iter() {
        let rel = link.attr("rel").unwrap_or_default().to_ascii_lowercase();
        if rel.split_whitespace().any(|r| r == "canonical")
            && let Some(h) = link.attr("href").and_then(|h| clean(&h))
        {
            m.canonical = Some(h);
            break;
        }
    }
    for script in doc.select("script").iter() {
        let ty = script.attr("type").unwrap_or_default().to_ascii_lowercase();
        if !ty.contains("ld+json") {
            continue;
        }
        let Ok(v) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        if let Some(a) = find_article(&v) {
            m.ld = read_ld(a);
            break;
        }
    }
    m
}

/// Whitespace folded; empty is none.
pub fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "socialmediaposting",
    "liveblogposting",
    "scholarlyarticle",
    "techarticle",
    "report",
];

fn is_article(v: &Value) -> bool {
    let ty = |t: &Value| {
        t.as_str().is_some_and(|s| {
            ARTICLE_TYPES.contains(
                &s.rsplit(['/', ':'])
                    .next()
                    .unwrap_or(s)
                    .to_ascii_lowercase()
                    .as_str(),
            )
        })
    };
    match v.get("@type") {
        Some(Value::Array(a)) => a.iter().any(ty),
        Some(t) => ty(t),
        None => false,
    }
}

/// The first article object in a JSON-LD value, searching arrays and `@graph`, depth-limited.
fn find_article(v: &Value) -> Option<&Value> {
    fn walk(v: &Value, depth: usize) -> Option<&Value> {
        if depth > 4 {
            return None;
        }
        match v {
            Value::Array(a) => a.iter().find_map(|x| walk(x, depth + 1)),
            Value::Object(o) => {
                if is_article(v) {
                    return Some(v);
                }
                o.get("@graph").and_then(|g| walk(g, depth + 1))
            }
            _ => None,
        }
    }
    walk(v, 0)
}

fn read_ld(a: &Value) -> LdArticle {
    LdArticle {
        headline: a.get("headline").or_else(|| a.get("name")).and_then(text),
        date_published: a
            .get("datePublished")
            .or_else(|| a.get("dateCreated"))
            .and_then(text),
        authors: a
            .get("author")
            .or_else(|| a.get("creator"))
            .map(|v| typed_names(v, false))
            .unwrap_or_default(),
        author_organisations: a
            .get("author")
            .or_else(|| a.get("creator"))
            .map(|v| typed_names(v, true))
            .unwrap_or_default(),
        publisher: a.get("publisher").and_then(|p| names(p).into_iter().next()),
        is_based_on: ["isBasedOn", "isBasedOnUrl"]
            .iter()
            .filter_map(|k| a.get(*k))
            .flat_map(urls)
            .collect(),
        url: a.get("url").and_then(text),
        article_body: a
            .get("articleBody")
            .and_then(Value::as_str)
            .map(super::strip::html_to_text)
            .filter(|b| !b.is_empty()),
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(&html_escape::decode_html_entities(s)),
        Value::Array(a) => a.iter().find_map(text),
        _ => None,
    }
}

/// Names of a person/organisation value: a string, `{name}`, or a list of them.
fn names(v: &Value) -> Vec<String> {
    match v {
        Value::String(_) => text(v).into_iter().collect(),
        Value::Object(o) => o.get("name").and_then(text).into_iter().collect(),
        Value::Array(a) => a.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
}

/// The names of a person/organisation value that are (`organisations`) or are not typed as
/// organisations (`"@type": "Organization"`, `"NewsMediaOrganization"`, ...).
fn typed_names(v: &Value, organisations: bool) -> Vec<String> {
    let is_org = |o: &serde_json::Map<String, Value>| {
        let t = |t: &Value| t.as_str().is_some_and(|s| s.ends_with("Organization"));
        match o.get("@type") {
            Some(Value::Array(a)) => a.iter().any(t),
            Some(v) => t(v),
            None => false,
        }
    };
    match v {
        Value::Object(o) if is_org(o) != organisations => Vec::new(),
        Value::String(_) if organisations => Vec::new(),
        Value::Array(a) => a
            .iter()
            .flat_map(|x| typed_names(x, organisations))
            .collect(),
        _ => names(v),
    }
}

/// URLs of a creative-work reference: a URL string, `{url}` / `{@id}`, or a list of them.
fn urls(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => clean(s).into_iter().collect(),
        Value::Object(o) => o
            .get("url")
            .or_else(|| o.get("@id"))
            .and_then(text)
            .into_iter()
            .collect(),
        Value::Array(a) => a.iter().flat_map(urls).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags_and_json_ld_graph() {
        let html = r#"<html lang="en-GB"><head><title> The  Title </title>
            <meta property="og:site_name" content="The Lantern Post">
            <meta name="author" content="Mira Oakes">
            <meta name="date" content="2020-01-02">
            <meta property="article:published_time" content="2021-03-04T05:06:07Z">
            <link rel="canonical" href="https://lantern.example/a">
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite"},
              {"@type":["NewsArticle"],"headline":"Head &amp; line","author":[{"name":"Mira Oakes"},"Tom Vale"],
               "publisher":{"@type":"Organization","name":"Lantern"},
               "isBasedOn":{"@type":"NewsArticle","url":"https://other.example/x"}}]}</script>
            </head><body></body></html>"#;
        let m = read_meta(&Document::from(html));
        assert_eq!(m.title_tag.as_deref(), Some("The Title"));
        assert_eq!(m.og_site_name.as_deref(), Some("The Lantern Post"));
        assert_eq!(m.meta_author.as_deref(), Some("Mira Oakes"));
        assert_eq!(m.meta_date.as_deref(), Some("2021-03-04T05:06:07Z"));
        assert_eq!(m.canonical.as_deref(), Some("https://lantern.example/a"));
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
        assert_eq!(m.ld.headline.as_deref(), Some("Head & line"));
        assert_eq!(m.ld.authors, vec!["Mira Oakes", "Tom Vale"]);
        assert_eq!(m.ld.publisher.as_deref(), Some("Lantern"));
        assert_eq!(m.ld.is_based_on, vec!["https://other.example/x"]);
    }
}
