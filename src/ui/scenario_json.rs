//! The scenario as JSON text, in the shape the CLI and the JS API take
//! (`../shared/spec/rating.md` §2), for "Download scenario". Written by hand so that the
//! browser bundle needs no JSON library; numbers are written as decimal strings, which keeps
//! every digit (a JSON number would pass through binary floating point).

use crate::rating::scenario::Amount;
use crate::rating::ScenarioDocument;

/// A JSON string literal.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn amount(a: &Amount) -> String {
    match a {
        Amount::Number(d) => string(&d.normalize().to_string()),
        Amount::TooLarge(t) | Amount::TooPrecise(t) | Amount::Invalid(t) => string(t),
    }
}

/// The scenario as indented JSON.
pub fn to_json(doc: &ScenarioDocument) -> String {
    let mut out = String::from("{\n");
    out.push_str(&format!("  \"organisers\": {},\n", amount(&doc.organisers)));
    if let Some(l) = &doc.licences_purchased {
        out.push_str(&format!("  \"licencesPurchased\": {},\n", amount(l)));
    }
    out.push_str(&format!("  \"usCanadaAddon\": {},\n", doc.us_canada_addon));
    out.push_str("  \"meetings\": [");
    for (i, m) in doc.meetings.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&format!(
            "    {{ \"name\": {}, \"perMonth\": {}, \"minutes\": {},\n      \"legs\": [",
            string(&m.name),
            amount(&m.per_month),
            amount(&m.minutes)
        ));
        for (j, l) in m.legs.iter().enumerate() {
            out.push_str(if j == 0 { "\n" } else { ",\n" });
            out.push_str(&format!(
                "        {{ \"country\": {}, \"call\": {}, \"count\": {} }}",
                string(&l.country),
                string(&l.call),
                amount(&l.count)
            ));
        }
        out.push_str(if m.legs.is_empty() {
            "] }"
        } else {
            "\n      ] }"
        });
    }
    out.push_str(if doc.meetings.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::Lang;
    use crate::ui::state::Form;

    #[test]
    fn the_json_reads_back_as_the_same_scenario() {
        let mut form = Form::example("illustrative-usd", Lang::En);
        std::rc::Rc::make_mut(&mut form.meetings[0]).name = "Board \"A\" \\ team\n\u{1}".into();
        let doc = form.scenario();
        let json = to_json(&doc);
        let back: ScenarioDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
        assert!(json.contains("\"organisers\": \"40\""), "{json}");
        let empty = Form::empty("illustrative-usd", Lang::En).scenario();
        let back: ScenarioDocument = serde_json::from_str(&to_json(&empty)).unwrap();
        assert_eq!(back, empty);
    }
}
