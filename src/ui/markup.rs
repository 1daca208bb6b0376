//! HTML written as text, for the widget's parts that have no event handlers and are either
//! written once per language (the glossary, the country suggestions, headings) or replaced as a
//! whole when they change (the chart's drawing, notes). Yew's `html!` builds a virtual node per
//! element, about 250 bytes of WebAssembly each; written here an element costs a call with its
//! attributes, and the part is inserted as one piece (`Html::from_html_unchecked`). Tag and
//! attribute names are literals of the caller; every attribute value and text goes through
//! [`escape_into`].
//!
//! A piece whose text changes is built anew in the page, so tables where an edit changes a few
//! numbers (the line items, the chart's data table) stay Yew nodes, which change just those
//! numbers: written as text they cost about 1 ms more layout per edit (`cargo xtask perf`).
//!
//! Yew parses such a piece inside a `<div>` (or an `<svg>` under one), so a piece must make
//! sense there: a whole `<table>`, never its rows or head alone (the parser drops them outside
//! a table), and SVG elements only inside their `<svg>`. `instant.test.mjs` compares the live
//! results with the prerendered ones element by element.

/// A piece of HTML being written.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// `<tag name="value" …>` (values escaped).
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start(tag, attrs);
        self.0.push('>');
        self
    }

    /// `<tag name="value" …`, not yet ended.
    fn start(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    pub fn element(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// `<tag …/>`: an SVG element without content (HTML parses the slash only inside `<svg>`).
    pub fn svg_empty(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start(tag, attrs);
        self.0.push_str("/>");
        self
    }

    /// Text (escaped).
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.0, text);
        self
    }

    /// Markup written in the source (a literal, never data).
    pub fn literal(&mut self, markup: &'static str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// The HTML written.
    pub fn into_string(self) -> String {
        self.0
    }

    /// The HTML written, as a node that Yew inserts as it is.
    #[cfg(feature = "widget")]
    pub fn into_html(self) -> yew::Html {
        yew::Html::from_html_unchecked(self.0.into())
    }
}

/// One element of text only (`<tag …>text</tag>`), as a node that Yew inserts as it is.
#[cfg(feature = "widget")]
pub fn text_element(tag: &str, attrs: &[(&str, &str)], text: &str) -> yew::Html {
    let mut m = Markup::default();
    m.element(tag, attrs, text);
    m.into_html()
}

/// Appends `text` with `&`, `<`, `>` and `"` escaped: safe as element text and as a
/// double-quoted attribute value.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_elements_with_escaped_values_and_text() {
        let mut m = Markup::default();
        m.open("p", &[("class", "a\"b"), ("title", "x<y")])
            .text("Tom & Jerry > 2")
            .close("p")
            .element("th", &[("scope", "col")], "Rate")
            .svg_empty("line", &[("x1", "84")])
            .literal("<tr>");
        assert_eq!(
            m.into_string(),
            "<p class=\"a&quot;b\" title=\"x&lt;y\">Tom &amp; Jerry &gt; 2</p>\
             <th scope=\"col\">Rate</th><line x1=\"84\"/><tr>"
        );
    }

    #[test]
    fn leaves_other_text_as_it_is() {
        let mut out = String::new();
        escape_into(&mut out, "1 234,50 € · Zone A 'x'");
        assert_eq!(out, "1 234,50 € · Zone A 'x'");
    }
}
