//! Prints the items claimtrace reads from web inputs, for a look by eye:
//! `cargo run --example web_dump -- tests/fixtures/web/*`
use claimtrace::{Input, ReadSettings, read_input};

fn main() {
    for arg in std::env::args().skip(1) {
        let input = match std::fs::read(&arg) {
            Ok(bytes) => Input::new(&arg, bytes),
            Err(e) => {
                eprintln!("{arg}: cannot read: {e}");
                continue;
            }
        };
        match read_input(&input, &ReadSettings::default()) {
            Ok(items) => {
                for it in items {
                    println!(
                        "== {} [{}..{}] warnings={:?}",
                        it.origin.file, it.origin.start, it.origin.end, it.warnings
                    );
                    println!("{:#?}", it.meta);
                    println!("text: {}", it.excerpt());
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
}
