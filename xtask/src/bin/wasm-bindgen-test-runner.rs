//! The WebAssembly test runner of the pinned wasm-bindgen release, built from crates.io by
//! `cargo xtask test` (nothing is downloaded): cargo runs it on each wasm32 test binary
//! (`CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER`), and it runs the tests in Node.

use std::process::ExitCode;

fn main() -> ExitCode {
    match wasm_bindgen_cli::wasm_bindgen_test_runner::run_cli_with_args(std::env::args_os()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wasm-bindgen-test-runner: {e:?}");
            ExitCode::FAILURE
        }
    }
}
