fn main() {
    std::process::exit(claimtrace::cmd::main());
}
