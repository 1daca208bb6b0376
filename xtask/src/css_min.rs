//! The stylesheets we ship, minified: comments and layout whitespace go, and so does the zero
//! before a fraction's point (`0.5em` is `.5em`). Our stylesheets have no strings or URLs
//! holding `{ } ; , :` or a `0.`, so the passes can work on the characters alone.

/// `text` minified: without comments and layout whitespace, and without the zero before a
/// fraction's point. Spaces are only removed next to `{ } ; ,` and after a `:` that is not in a
/// selector (in a declaration, or in an at-rule's condition such as `(max-width: 900px)`), never
/// inside selectors, where a space is a combinator.
pub fn minify(text: &str) -> String {
    let mut no_comments = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        no_comments.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    no_comments.push_str(rest);
    let collapsed = no_comments.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(collapsed.len());
    let chars: Vec<char> = collapsed.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let tight = |c: Option<&char>| matches!(c, Some('{' | '}' | ';' | ','));
        if c == ' '
            && (tight(chars.get(i + 1)) || tight(i.checked_sub(1).and_then(|j| chars.get(j))))
        {
            continue;
        }
        out.push(c);
    }
    // Inside declaration blocks (not inside @media/@container/@supports, which hold rules),
    // `prop: value` loses its space, and so does `(max-width: 900px)` in such an at-rule's
    // condition; in selectors a `:` never follows a space we remove.
    let chars: Vec<char> = out.replace(";}", "}").chars().collect();
    let mut tight = String::with_capacity(chars.len());
    let mut blocks: Vec<bool> = Vec::new();
    let mut prelude = String::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '{' => {
                let p = prelude.trim();
                blocks.push(!at_rule(p));
                prelude.clear();
            }
            '}' | ';' => {
                if c == '}' {
                    blocks.pop();
                }
                prelude.clear();
            }
            ' ' if i > 0
                && chars[i - 1] == ':'
                && (blocks.last() == Some(&true) || at_rule(&prelude)) =>
            {
                continue
            }
            _ => prelude.push(c),
        }
        tight.push(c);
    }
    without_leading_zeros(&tight)
}

/// Whether a rule's prelude is an at-rule that holds rules (`@media`, `@container`,
/// `@supports`): its `:` are in conditions, never in selectors.
fn at_rule(prelude: &str) -> bool {
    ["@media", "@container", "@supports"]
        .iter()
        .any(|a| prelude.trim_start().starts_with(a))
}

/// `0.35em` as `.35em` (and `-0.2em` as `-.2em`): a zero that starts a number, right before a
/// point and a digit. A zero inside a number (`10.5`) or a name stays.
fn without_leading_zeros(css: &str) -> String {
    let chars: Vec<char> = css.chars().collect();
    let starts_value = |i: Option<usize>| match i.map(|i| chars[i]) {
        None => true,
        Some(c) => matches!(c, ' ' | ':' | '(' | ','),
    };
    let mut out = String::with_capacity(css.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1);
        let number_starts = starts_value(before)
            || (before.is_some_and(|b| chars[b] == '-')
                && starts_value(before.and_then(|b| b.checked_sub(1))));
        let fraction =
            chars.get(i + 1) == Some(&'.') && chars.get(i + 2).is_some_and(char::is_ascii_digit);
        if c == '0' && number_starts && fraction {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn comments_and_layout_whitespace_go_and_combinators_stay() {
        let css = "/* note */\n.a  .b > c ,\n.d:hover {\n  color : red ;\n  margin: 0 auto;\n}\n";
        assert_eq!(minify(css), ".a .b > c,.d:hover{color :red;margin:0 auto}");
    }

    #[test]
    fn a_zero_before_a_fraction_goes_where_a_number_starts() {
        // Written out by hand: each `0.` that starts a number loses its zero.
        let css = ".a { margin: 0.2em 0 0.6em; padding: calc(0.35em - 1px) -0.5em; line-height: 1.05; width: 10.5em; opacity: .5 }";
        assert_eq!(
            minify(css),
            ".a{margin:.2em 0 .6em;padding:calc(.35em - 1px) -.5em;line-height:1.05;width:10.5em;opacity:.5}"
        );
    }

    #[test]
    fn names_holding_digits_keep_them() {
        let css = ".x-0.y-0 { stroke-dasharray: 2 3; }";
        assert_eq!(minify(css), ".x-0.y-0{stroke-dasharray:2 3}");
    }

    #[test]
    fn an_at_rule_condition_loses_its_space_and_its_rules_keep_their_selectors() {
        let css = "@container (max-width: 900px) {\n  .a :hover { color: red; }\n}";
        assert_eq!(
            minify(css),
            "@container (max-width:900px){.a :hover{color:red}}"
        );
    }
}
