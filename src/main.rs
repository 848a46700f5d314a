use std::process::ExitCode;

fn main() -> ExitCode {
    complyctl::cli::main()
}
