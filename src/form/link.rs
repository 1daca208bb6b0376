//! Share links: the whole form in the URL fragment, so a link restores a quote exactly.
//!
//! Format (version 3): `v3` followed by `&key=value` pairs, values percent-encoded:
//! `card`, `o` (organisers), `l` (licences), `a` (add-on, 0/1), `c` (the organisation's country,
//! when given), `lang` (only when the sender
//! chose a language; otherwise the link opens in the recipient's), and one `m` per meeting:
//! `name~perMonth~minutes~mode~participants~phoneShare~countries~legs` (each field
//! percent-encoded, then the whole value again); `mode` is `s` (simple) or `d` (detailed);
//! countries joined by `,`, each `country:share:toll:tollFree:dialOut`; legs joined by `,`,
//! each `country.call.count` with call `t` (toll), `f` (toll-free), `o` (dial-out), `a` (app);
//! then `~period`: `w`, `m` or `y` (what the frequency counts; version 3). A leg with its own
//! length (measured usage) adds `_minutes` after its count, and a measured profile has mode
//! `u`; links without them read as before.
//! Numbers are written as the scenario writes them (`1200.5`), whatever the sender's language.
//! Version 2 links (the same, but `lang` always written, so it is not taken as a choice) and
//! version 1 links (detailed meetings only: `name~perMonth~minutes~legs`) still open.

use super::model::{CountryMix, Form, LegForm, MeetingForm, Mode, Period, MAX_FORM_ROWS};
use super::number_input;
use crate::lang::Lang;
use crate::rating::Call;

/// The longest fragment read (bytes).
const MAX_LINK: usize = 32 * 1024 * 1024;
/// Most participant groups or country rows in one profile of a link (the scenario's limit).
const MAX_ROWS: usize = 1_000;

pub use super::link_error::LinkError;

fn call_letter(call: Call) -> char {
    match call {
        Call::TollDialIn => 't',
        Call::TollFreeDialIn => 'f',
        Call::DialOut => 'o',
        Call::App => 'a',
    }
}

fn call_from(letter: &str) -> Option<Call> {
    match letter {
        "t" => Some(Call::TollDialIn),
        "f" => Some(Call::TollFreeDialIn),
        "o" => Some(Call::DialOut),
        "a" => Some(Call::App),
        _ => None,
    }
}

/// Percent-encodes everything but ASCII letters, digits and `-_.`.
fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn dec(s: &str) -> Result<String, LinkError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or(LinkError::BadEscape { at: i })?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| LinkError::NotUtf8)
}

/// Encodes the form as a fragment (without the `#`), with the language when the sender chose
/// one.
pub fn encode(form: &Form, chosen: Option<Lang>) -> String {
    // Numbers in the scenario's own notation, so any recipient's language reads them.
    let num = |t: &str| enc(&number_input::canonical(t, form.lang));
    let mut out = format!(
        "v3&card={}&o={}&l={}&a={}",
        enc(&form.card_id),
        num(&form.organisers),
        num(&form.licences),
        u8::from(form.addon),
    );
    if !form.organisation.is_empty() {
        out.push_str("&c=");
        out.push_str(&enc(&form.organisation));
    }
    if let Some(lang) = chosen {
        out.push_str("&lang=");
        out.push_str(lang.tag());
    }
    for m in &form.meetings {
        let legs: Vec<String> = m
            .legs
            .iter()
            .map(|l| {
                let own = if l.minutes.is_empty() {
                    String::new()
                } else {
                    format!("_{}", enc(&l.minutes))
                };
                format!(
                    "{}.{}.{}{own}",
                    enc(&l.country),
                    call_letter(l.call),
                    num(&l.count)
                )
            })
            .collect();
        let countries: Vec<String> = m
            .countries
            .iter()
            .map(|c| {
                let numbers = [&c.share, &c.toll, &c.toll_free, &c.dial_out].map(|f| num(f));
                format!("{}:{}", enc(&c.country), numbers.join(":"))
            })
            .collect();
        // Each field is encoded on its own, so separators inside values cannot clash.
        let value = format!(
            "{}~{}~{}~{}~{}~{}~{}~{}~{}",
            enc(&m.name),
            num(&m.per_month),
            num(&m.minutes),
            match m.mode {
                Mode::Simple => "s",
                Mode::Detailed => "d",
                Mode::Measured => "u",
            },
            num(&m.participants),
            num(&m.phone_share),
            countries.join(","),
            legs.join(","),
            m.period.letter()
        );
        out.push_str("&m=");
        out.push_str(&enc(&value));
    }
    out
}

/// Decodes a fragment (with or without `#`): the form (numbers in the scenario's notation,
/// i.e. as English writes them) and the language the sender chose, if any. Anything malformed
/// or of another version is an error; the caller shows a message and falls back to the example.
pub fn decode(fragment: &str) -> Result<(Form, Option<Lang>), LinkError> {
    let fragment = fragment.trim_start_matches('#');
    // No link of a valid estimate is longer (1,000 profiles of 1,000 groups, a few bytes each).
    if fragment.len() > MAX_LINK {
        return Err(LinkError::TooLong);
    }
    let mut parts = fragment.split('&');
    let version = match parts.next() {
        Some("v1") => 1,
        Some("v2") => 2,
        Some("v3") => 3,
        _ => return Err(LinkError::UnknownVersion),
    };
    let mut form = Form {
        card_id: String::new(),
        organisers: String::new(),
        licences: String::new(),
        addon: false,
        organisation: String::new(),
        meetings: Vec::new(),
        lang: Lang::En,
    };
    let mut lang = None;
    for part in parts {
        let (key, value) = part.split_once('=').ok_or_else(|| LinkError::NoValue {
            part: part.to_string(),
        })?;
        let value = dec(value)?;
        match key {
            "card" => form.card_id = value,
            "o" => form.organisers = value,
            "l" => form.licences = value,
            "a" => form.addon = value == "1",
            "c" => form.organisation = value,
            // Before version 3 every link named a language, chosen or not.
            "lang" if version >= 3 => lang = Lang::parse(&value),
            "lang" => {}
            "m" => form
                .meetings
                .push(std::rc::Rc::new(meeting(&value, version)?)),
            other => {
                return Err(LinkError::UnknownKey {
                    key: other.to_string(),
                })
            }
        }
    }
    if form.card_id.is_empty() || form.meetings.len() > 1000 {
        return Err(LinkError::NoCardOrTooManyMeetings);
    }
    let rows: usize = form
        .meetings
        .iter()
        .map(|m| m.legs.len() + m.countries.len())
        .sum();
    if rows > MAX_FORM_ROWS {
        return Err(LinkError::TooManyRows {
            rows,
            limit: MAX_FORM_ROWS,
        });
    }
    Ok((form, lang))
}

fn meeting(value: &str, version: u8) -> Result<MeetingForm, LinkError> {
    let fields: Vec<&str> = value.split('~').collect();
    let (name, per_month, minutes, legs) = match (version, fields.as_slice()) {
        (1, [name, per_month, minutes, legs]) => (name, per_month, minutes, legs),
        (2 | 3, [name, per_month, minutes, _, _, _, _, legs, ..])
            if fields.len() <= 8 + usize::from(version == 3) =>
        {
            (name, per_month, minutes, legs)
        }
        _ => return Err(LinkError::MeetingFields),
    };
    if legs.split(',').count() > MAX_ROWS {
        return Err(LinkError::TooManyGroups);
    }
    let mut m = MeetingForm::detailed(
        &dec(name)?,
        &dec(per_month)?,
        &dec(minutes)?,
        legs_of(legs)?,
    );
    if let Some(letter) = fields.get(8) {
        m.period = Period::from_letter(letter).ok_or_else(|| LinkError::UnknownPeriod {
            letter: letter.to_string(),
        })?;
    }
    if let [_, _, _, mode, participants, phone_share, countries, _, ..] = fields.as_slice() {
        m.mode = match *mode {
            "s" => Mode::Simple,
            "d" => Mode::Detailed,
            "u" => Mode::Measured,
            other => {
                return Err(LinkError::UnknownMode {
                    word: other.to_string(),
                })
            }
        };
        m.participants = dec(participants)?;
        m.phone_share = dec(phone_share)?;
        if countries.split(',').count() > MAX_ROWS {
            return Err(LinkError::TooManyCountries);
        }
        m.countries = countries
            .split(',')
            .filter(|c| !c.is_empty())
            .map(|c| {
                let f: Vec<&str> = c.split(':').collect();
                match f.as_slice() {
                    [country, share, toll, toll_free, dial_out] if is_code(country) => {
                        Ok(CountryMix {
                            country: dec(country)?,
                            share: dec(share)?,
                            toll: dec(toll)?,
                            toll_free: dec(toll_free)?,
                            dial_out: dec(dial_out)?,
                        })
                    }
                    _ => Err(LinkError::BadCountryMix {
                        text: c.to_string(),
                    }),
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
    }
    Ok(m)
}

/// Whether link text can be a country code: two ASCII letters (a byte count of 2 also let
/// through "ź", which then could not be written back; found by fuzzing).
fn is_code(text: &str) -> bool {
    text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic())
}

fn legs_of(legs: &str) -> Result<Vec<LegForm>, LinkError> {
    legs.split(',')
        .filter(|l| !l.is_empty())
        .map(|l| {
            // `_minutes` after the count: the leg's own length (measured usage).
            let (l, minutes) = l.split_once('_').unwrap_or((l, ""));
            let mut p = l.splitn(3, '.');
            match (p.next(), p.next().and_then(call_from), p.next()) {
                (Some(country), Some(call), Some(count)) if is_code(country) => Ok(LegForm {
                    country: country.to_string(),
                    call,
                    count: dec(count)?,
                    minutes: dec(minutes)?,
                }),
                _ => Err(LinkError::BadParticipants {
                    text: l.to_string(),
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn round_trips_exactly() {
        let mut form = Form::example("illustrative-eur", Lang::En);
        std::rc::Rc::make_mut(&mut form.meetings[0]).name = "Board & team ~ 50% , café".into();
        std::rc::Rc::make_mut(&mut form.meetings[1]).legs[0].count = "2.5".into();
        form.addon = true;
        std::rc::Rc::make_mut(&mut form.meetings[0]).countries[1].share = "12.5".into();
        let link = encode(&form, Some(Lang::De));
        assert!(link.starts_with("v3&card=illustrative-eur&o=40&l=50&a=1&lang=de&m="));
        let (back, lang) = decode(&format!("#{link}")).unwrap();
        assert_eq!(back, form);
        assert_eq!(lang, Some(Lang::De));
        // No language chosen: none in the link, and the recipient's language applies.
        let (_, lang) = decode(&encode(&form, None)).unwrap();
        assert_eq!(lang, None);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn numbers_travel_in_the_scenarios_notation() {
        // Typed on a German page: 1.200 organisers, 2,5 people; the link says 1200 and 2.5.
        let mut form = Form::example("illustrative-eur", Lang::De);
        form.organisers = "1.200".into();
        form.licences = "1.200".into();
        std::rc::Rc::make_mut(&mut form.meetings[1]).legs[0].count = "2,5".into();
        let link = encode(&form, None);
        assert!(
            link.starts_with("v3&card=illustrative-eur&o=1200&l=1200&a=0&m="),
            "{link}"
        );
        let (back, _) = decode(&link).unwrap();
        assert_eq!(back.meetings[1].legs[0].count, "2.5");
        assert_eq!(back.relocalised(Lang::De).scenario(), form.scenario());
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn a_link_holds_at_most_20000_rows() {
        // 20 profiles of 1,000 groups each: 20,000 groups plus one (empty-mix) country row
        // each in version 1 links is 20,020 rows, above the bound; 19 profiles are fine.
        let profile = format!("&m=n~1~2~{}", vec!["DE.t.1"; 1_000].join("%2C"));
        let link = |n: usize| format!("v1&card=x{}", profile.repeat(n));
        let err = decode(&link(20)).unwrap_err();
        assert!(
            matches!(err, LinkError::TooManyRows { limit: 20_000, .. }),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("a link holds at most 20000"),
            "{err}"
        );
        assert!(decode(&link(19)).is_ok());
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn measured_profiles_and_leg_minutes_round_trip() {
        use crate::rating::scenario::{Amount, LegDocument, MeetingDocument};
        use crate::rating::ScenarioDocument;
        let leg = |country: &str, call: &str, count: i64, minutes: Option<&str>| LegDocument {
            country: country.into(),
            call: call.into(),
            count: Amount::from_int(count),
            minutes: minutes.map(Amount::parse),
        };
        let doc = ScenarioDocument {
            organisers: Amount::from_int(3),
            licences_purchased: None,
            us_canada_addon: false,
            organisation_country: None,
            meetings: vec![MeetingDocument {
                name: "Measured usage".into(),
                per_month: Amount::parse("1.014583"),
                minutes: Amount::from_int(0),
                legs: vec![
                    leg("DE", "tollDialIn", 4, Some("2.083333")),
                    leg("US", "dialOut", 1, Some("0.5")),
                ],
            }],
            card: None,
        };
        let form = Form::from_scenario("illustrative-usd", &doc, Lang::En).unwrap();
        assert_eq!(form.meetings[0].mode, Mode::Measured);
        assert_eq!(form.meetings[0].legs[0].minutes, "2.083333");
        let link = encode(&form, None);
        // DE, toll, 4 legs of 2.083333 min each: `DE.t.4_2.083333` (percent-encoded twice).
        assert!(link.contains("DE.t.4_2.083333"), "{link}");
        let (back, _) = decode(&link).unwrap();
        assert_eq!(back, form);
        // The scenario the widget prices is the imported one, number for number.
        assert_eq!(back.scenario().meetings[0].legs, doc.meetings[0].legs);
        // Old readers' shape: a leg without `_` keeps the meeting's length.
        let (old, _) = decode("v3&card=x&o=1&m=n~1~2~d~1~1~~DE.t.1~m").unwrap();
        assert_eq!(old.meetings[0].legs[0].minutes, "");
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn older_links_still_open_in_the_recipients_language() {
        let (form, lang) =
            decode("v1&card=illustrative-usd&o=3&l=&a=0&lang=en&m=Daily~20~15~DE.t.2%2CUS.a.1")
                .unwrap();
        assert_eq!(lang, None);
        let m = &form.meetings[0];
        assert_eq!(
            (m.name.as_str(), m.per_month.as_str(), m.mode),
            ("Daily", "20", Mode::Detailed)
        );
        assert_eq!(m.legs.len(), 2);
        assert_eq!(m.legs[0].count, "2");
        let v2 = "v2&card=illustrative-usd&o=3&l=&a=0&lang=de&m=Daily~20~15~s~10~20~DE%3A100%3A100%3A0%3A0~";
        let (form, lang) = decode(v2).unwrap();
        assert_eq!(lang, None);
        assert_eq!(form.meetings[0].countries[0].country, "DE");
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn malformed_links_are_errors() {
        for bad in [
            "",
            "v2&card=x&m=n~1~2~s~1~1~DE:1~",
            "v1&card=x&m=a~b",
            "v1&card=x&zz=1",
            "v1&card=x&m=%ZZ",
            "v1&o=1",
            "v1&card=x&m=n~1~2~DE.q.1",
        ] {
            assert!(decode(bad).is_err(), "{bad}");
        }
        // More groups in one profile than any scenario may have.
        let many = vec!["DE.t.1"; 1_001].join("%2C");
        let bad = format!("v1&card=x&m=n~1~2~{many}");
        assert_eq!(decode(&bad).unwrap_err(), LinkError::TooManyGroups);
        // Found by fuzzing (`share_link`): a two-byte letter where a country code belongs was
        // read, and the link written from it could not be read back.
        assert!(decode("v1&card=illu&o=3&a=0&lang=en&m=Dai~12~15~\u{17a}.t.2%2CUS.a.1").is_err());
        let fine = format!("v1&card=x&m=n~1~2~{}", vec!["DE.t.1"; 1_000].join("%2C"));
        assert_eq!(decode(&fine).unwrap().0.meetings[0].legs.len(), 1_000);
    }
}
