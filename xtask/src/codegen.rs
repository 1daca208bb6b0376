//! `cargo xtask codegen [--check]`: the TypeScript declarations of the JS API and the element's
//! events (`src/api.d.ts`) are generated from the Rust types by `ppm-codegen` (feature `ts`,
//! ts-rs derives that no bundle carries). `--check` (part of `cargo xtask test`) fails when the
//! file in the repository is not what the types give.

use std::process::Command;

use crate::root;

/// The generated file, relative to the workspace root.
const API_TYPES: &str = "src/api.d.ts";

/// Writes the declarations, or with `check` compares them with the file.
pub fn codegen(args: &[String]) -> Result<(), String> {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => return Err("usage: cargo xtask codegen [--check]".into()),
    };
    let root = root()?;
    eprintln!("$ cargo run -q --features ts --bin ppm-codegen");
    let out = Command::new("cargo")
        .args(["run", "-q", "--features", "ts", "--bin", "ppm-codegen"])
        .current_dir(&root)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "ppm-codegen failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let generated =
        String::from_utf8(out.stdout).map_err(|_| "ppm-codegen wrote no UTF-8".to_string())?;
    let path = root.join(API_TYPES);
    if check {
        let current =
            std::fs::read_to_string(&path).map_err(|e| format!("cannot read {API_TYPES}: {e}"))?;
        return match stale(&current, &generated) {
            None => Ok(()),
            Some(line) => Err(format!(
                "{API_TYPES} is stale (first difference at line {line}); run `cargo xtask codegen`"
            )),
        };
    }
    std::fs::write(&path, generated).map_err(|e| format!("cannot write {API_TYPES}: {e}"))?;
    eprintln!("wrote {API_TYPES}");
    Ok(())
}

/// The first line (1-based) where the file differs from what was generated, if it does.
fn stale(current: &str, generated: &str) -> Option<usize> {
    if current == generated {
        return None;
    }
    let mut a = current.lines();
    let mut b = generated.lines();
    let mut n = 1;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => n += 1,
            _ => return Some(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_differing_line_is_named() {
        assert_eq!(stale("a\nb\n", "a\nb\n"), None);
        assert_eq!(stale("a\nb\n", "a\nc\n"), Some(2));
        assert_eq!(stale("a\n", "a\nb\n"), Some(2));
        // A missing final newline is a difference too.
        assert_eq!(stale("a", "a\n"), Some(2));
    }
}
