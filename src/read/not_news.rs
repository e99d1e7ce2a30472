//! Which files under a directory are not news. A directory of news usually holds other files
//! too — its README and licence, a sampling list in JSON, images, expected outputs — and reading
//! a whole folder must neither end at the first of them nor read them as items: each is passed
//! over with a warning naming why. Files named as inputs are read whatever they are.
//!
//! By name (here): a file no reader takes by its extension, and the files that document a
//! folder (README, LICENSE, NOTICE, ...). By content (each reader's `Reader::not_news`): JSON
//! that holds no records, an HTML fragment that is no page.

use super::READERS;
use super::input::extension_of;
use std::path::Path;

/// Names of the files that document a folder rather than hold its data, whatever their
/// extension (README.md, LICENSE.txt, NOTICE).
const FOLDER_DOCS: &[&str] = &[
    "authors",
    "changelog",
    "changes",
    "citation",
    "code_of_conduct",
    "contributing",
    "copying",
    "licence",
    "license",
    "notice",
    "readme",
];

/// Why the file at `path`, found under a directory, is not read, judged by its name.
pub(crate) fn by_name(path: &Path) -> Option<String> {
    let file = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let stem = file.split('.').next().unwrap_or("");
    if FOLDER_DOCS.contains(&stem) {
        return Some("documents the folder, not news".into());
    }
    match extension_of(path) {
        Some(ext)
            if READERS
                .iter()
                .any(|r| r.extensions().contains(&ext.as_str())) =>
        {
            None
        }
        Some(ext) => Some(format!("no reader takes .{ext} files")),
        None => Some("no extension, so no reader".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_documents_and_unknown_extensions() {
        let why = |p: &str| by_name(Path::new(p));
        assert!(why("data/README.MD").is_some());
        assert!(why("data/LICENSE").is_some());
        assert!(why("photo.jpg").unwrap().contains(".jpg"));
        assert!(why("table.csv").unwrap().contains(".csv"));
        assert!(why("archive.tar.gz").unwrap().contains(".tar"));
        assert_eq!(why("news/readers-letters.txt"), None);
        assert_eq!(why("a/b.jsonl.gz"), None);
        assert_eq!(why("a/page.HTML"), None);
    }
}
