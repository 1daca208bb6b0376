//! A line-wise shrink of the JavaScript we ship (the wasm-bindgen glue, the element's class, the
//! page's scripts): comment lines, blank lines and indentation go; every other line is kept as
//! it is, with its line break, so no statement can join another. It refuses (an error naming
//! the line) any text where that could change meaning: a template literal or a string running
//! over a line break, or a block comment with code after it on its line.

/// `text` without its comment lines, blank lines and indentation.
pub fn shrink(text: &str, file: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut in_block = false;
    for (number, line) in text.lines().enumerate() {
        let line_no = number + 1;
        let t = line.trim();
        if in_block {
            if let Some(end) = t.find("*/") {
                if !t[end + 2..].trim().is_empty() {
                    return Err(format!(
                        "{file}:{line_no}: code after the end of a block comment"
                    ));
                }
                in_block = false;
            }
            continue;
        }
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        if let Some(rest) = t.strip_prefix("/*") {
            match rest.find("*/") {
                None => in_block = true,
                Some(end) if rest[end + 2..].trim().is_empty() => {}
                Some(_) => {
                    return Err(format!(
                        "{file}:{line_no}: code after a block comment on its line"
                    ))
                }
            }
            continue;
        }
        if t.matches('`').count() % 2 == 1 {
            return Err(format!(
                "{file}:{line_no}: a template literal over more than one line"
            ));
        }
        if t.ends_with('\\') {
            return Err(format!(
                "{file}:{line_no}: a string continued on the next line"
            ));
        }
        out.push_str(t);
        out.push('\n');
    }
    if in_block {
        return Err(format!("{file}: a block comment is not closed"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::shrink;

    #[test]
    fn comments_blank_lines_and_indentation_go_code_stays_line_by_line() {
        let text = "// a comment\n/** A doc\n * comment. */\nfunction f(a) {\n\n    return a + 1; // kept\n}\n  /* one line */\nconst s = `x ${1} y`;\n";
        assert_eq!(
            shrink(text, "t.js").unwrap(),
            "function f(a) {\nreturn a + 1; // kept\n}\nconst s = `x ${1} y`;\n"
        );
    }

    #[test]
    fn what_could_change_meaning_is_refused_with_its_line() {
        assert_eq!(
            shrink("const s = `a\n  // b\n`;\n", "t.js").unwrap_err(),
            "t.js:1: a template literal over more than one line"
        );
        assert_eq!(
            shrink("x();\n/* c */ y();\n", "t.js").unwrap_err(),
            "t.js:2: code after a block comment on its line"
        );
        assert_eq!(
            shrink("/* a\n b */ y();\n", "t.js").unwrap_err(),
            "t.js:2: code after the end of a block comment"
        );
        assert_eq!(
            shrink("const s = 'a\\\nb';\n", "t.js").unwrap_err(),
            "t.js:1: a string continued on the next line"
        );
        assert_eq!(
            shrink("/* open\n", "t.js").unwrap_err(),
            "t.js: a block comment is not closed"
        );
    }
}
