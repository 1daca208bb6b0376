//! Where JSON text went wrong, read from the browser's `JSON.parse` message: the line and column
//! (for a person with the text in an editor) and the reason without the engine's own wording of
//! the place. Plain text functions, tested natively.

/// The line and column (1-based, in characters) where `JSON.parse` stopped on `text`, from its
/// `message`: Chromium and Node say "at position N (line L column C)", Firefox "at line L column
/// C", and "Unexpected end of JSON input" is the end of the text. None when the message names no
/// place (Safari).
pub fn position(message: &str, text: &str) -> Option<(usize, usize)> {
    if let Some(line) = number_after(message, "line ") {
        if let Some(column) = number_after(message, " column ") {
            return Some((line, column));
        }
    }
    let units = match number_after(message, "at position ") {
        Some(n) => n,
        None if message.contains("end of JSON input") || message.contains("end of data") => {
            text.encode_utf16().count()
        }
        None => return None,
    };
    // The position counts UTF-16 units, as JavaScript strings do.
    let (mut line, mut column, mut seen) = (1, 1, 0);
    for c in text.chars() {
        if seen >= units {
            break;
        }
        seen += c.len_utf16();
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    Some((line, column))
}

/// The reason in `message` without the place: V8's " in JSON at position …" and Firefox's
/// "JSON.parse: " and " at line … of the JSON data" removed.
pub fn reason(message: &str) -> &str {
    let message = message.strip_prefix("JSON.parse: ").unwrap_or(message);
    let end = [" in JSON at position", " at line "]
        .iter()
        .filter_map(|marker| message.find(marker))
        .min()
        .unwrap_or(message.len());
    &message[..end]
}

/// The decimal number right after the first `marker` in `text`.
fn number_after(text: &str, marker: &str) -> Option<usize> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest[..digits].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::{position, reason};

    #[test]
    fn chromium_and_node_messages() {
        let text = "{\"organisers\": 3\n \"meetings\": []}";
        // Chromium's words for this text: the second line's first quote, offset 18.
        let message =
            "Expected ',' or '}' after property value in JSON at position 18 (line 2 column 2)";
        assert_eq!(position(message, text), Some((2, 2)));
        assert_eq!(reason(message), "Expected ',' or '}' after property value");
        // Older V8: the position alone; counted here over the text: offset 18 is line 2, column 2.
        let older = "Unexpected string in JSON at position 18";
        assert_eq!(position(older, text), Some((2, 2)));
        assert_eq!(reason(older), "Unexpected string");
    }

    #[test]
    fn firefox_messages() {
        let message =
            "JSON.parse: expected double-quoted property name at line 1 column 13 of the JSON data";
        assert_eq!(position(message, "{ \"id\": \"x\", "), Some((1, 13)));
        assert_eq!(reason(message), "expected double-quoted property name");
    }

    #[test]
    fn the_end_of_the_text_and_messages_without_a_place() {
        // "{\n  \"a\": 1" ends on line 2 after 8 characters: column 9.
        assert_eq!(
            position("Unexpected end of JSON input", "{\n  \"a\": 1"),
            Some((2, 9))
        );
        assert_eq!(position("JSON Parse error: Expected '}'", "{"), None);
        assert_eq!(
            reason("JSON Parse error: Expected '}'"),
            "JSON Parse error: Expected '}'"
        );
    }

    #[test]
    fn positions_count_utf16_units_as_javascript_does() {
        // "€" is one unit, "😀" two: in "[\"😀€\",x]" the units are [ 0, " 1, 😀 2-3, € 4,
        // " 5: offset 5 is the closing quote, the 5th character, column 5.
        assert_eq!(position("at position 5", "[\"😀€\",x]"), Some((1, 5)));
    }
}
