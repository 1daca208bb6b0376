//! What the integration tests share: running `ppm` as a user runs it and reading its output;
//! the usage export's golden file ([`usage`]).
// Each test file uses some of these, and Cargo builds each file on its own.
#![allow(dead_code)]

pub mod usage;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The project's folder (where `rates/` and `tests/` are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `ppm` with `args` in the project's folder, `stdin` (or nothing) on its standard input.
pub fn ppm(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ppm"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// What `ppm` printed on its standard output.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

/// What `ppm` printed on its standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}
