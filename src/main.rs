//! The `claimtrace` command line. Its code (`cmd/`) belongs to this binary, not to the library:
//! the library never depends on the flag parser, the progress bars or the error reports.

mod cmd;

fn main() {
    std::process::exit(cmd::main());
}
