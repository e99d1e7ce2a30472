//! Every reader on arbitrary bytes: the first byte picks the file extension (so the reader),
//! the rest is the input. Readers must return items or an InputError, never panic. What they
//! read then goes through the rest of the pipeline: claims, reuse linking (against a copy of
//! every item, so that alignment and direction run), the graph and both exports.
#![no_main]

use claimtrace::{Input, ReadSettings, read_input, readers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let exts: Vec<&str> = readers().iter().flat_map(|r| r.extensions().iter().copied()).chain(["bin"]).collect();
    let name = format!("fuzz.{}", exts[pick as usize % exts.len()]);
    if let Ok(items) = read_input(&Input::new(&name, bytes.to_vec()), &ReadSettings::default()) {
        for item in &items {
            assert!(item.origin.start <= item.origin.end && item.origin.end <= bytes.len());
        }
        let mut both = items.clone();
        both.extend(items.iter().cloned());
        let links = claimtrace::link_items(&both);
        for l in &links {
            for a in &l.aligned {
                assert!(a.source.start <= a.source.end && a.source.end <= both[l.source].text_len());
                assert!(a.copy.start <= a.copy.end && a.copy.end <= both[l.copy].text_len());
            }
        }
        let claims = claimtrace::extract_all_claims(&both);
        let graph = claimtrace::build_graph(both, claims, &links, Default::default());
        for format in [claimtrace::Format::Json, claimtrace::Format::Dot] {
            claimtrace::write_graph(&graph, format, &mut std::io::sink()).unwrap();
        }
    }
});
