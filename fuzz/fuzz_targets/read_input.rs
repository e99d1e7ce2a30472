//! Every reader on arbitrary bytes: the first byte picks the file extension (so the reader),
//! the rest is the input. Readers must return items or an InputError, never panic.
#![no_main]

use claimtrace::read::{Input, READERS, ReadSettings, read_input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let exts: Vec<&str> = READERS.iter().flat_map(|r| r.extensions().iter().copied()).chain(["bin"]).collect();
    let name = format!("fuzz.{}", exts[pick as usize % exts.len()]);
    if let Ok(items) = read_input(&Input::new(&name, bytes.to_vec()), &ReadSettings::default()) {
        for item in &items {
            assert!(item.origin.start <= item.origin.end && item.origin.end <= bytes.len());
            let _ = claimtrace::extract::extract_claims(item);
        }
    }
});
