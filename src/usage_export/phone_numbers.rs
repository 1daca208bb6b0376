//! The country of an E.164 phone number, from its country calling code. Used only when a row
//! names no country (`Destination Dialed` empty or not understood).
//!
//! Rules: the longest matching code wins. A code shared by several countries is given to its
//! main country (+44 the United Kingdom, +47 Norway, +61 Australia, +39 Italy, +358 Finland);
//! codes whose countries are too evenly shared are not used at all (+262, +590, +599). North
//! America (+1) is told apart by area code (Canada's and the Caribbean's lists; the rest is the
//! United States), and its toll-free codes (800, 833, 844, 855, 866, 877, 888) belong to no
//! single country, so they give no country. +7 is Kazakhstan for 6xx and 7xx, else Russia.

use crate::rating::CountryCode;

/// Country calling codes other than +1 and +7, as (code, country).
#[rustfmt::skip]
const CODES: &[(&str, &str)] = &[
    ("20", "EG"), ("27", "ZA"), ("30", "GR"), ("31", "NL"), ("32", "BE"), ("33", "FR"),
    ("34", "ES"), ("36", "HU"), ("39", "IT"), ("40", "RO"), ("41", "CH"), ("43", "AT"),
    ("44", "GB"), ("45", "DK"), ("46", "SE"), ("47", "NO"), ("48", "PL"), ("49", "DE"),
    ("51", "PE"), ("52", "MX"), ("53", "CU"), ("54", "AR"), ("55", "BR"), ("56", "CL"),
    ("57", "CO"), ("58", "VE"), ("60", "MY"), ("61", "AU"), ("62", "ID"), ("63", "PH"),
    ("64", "NZ"), ("65", "SG"), ("66", "TH"), ("81", "JP"), ("82", "KR"), ("84", "VN"),
    ("86", "CN"), ("90", "TR"), ("91", "IN"), ("92", "PK"), ("93", "AF"), ("94", "LK"),
    ("95", "MM"), ("98", "IR"),
    ("211", "SS"), ("212", "MA"), ("213", "DZ"), ("216", "TN"), ("218", "LY"), ("220", "GM"),
    ("221", "SN"), ("222", "MR"), ("223", "ML"), ("224", "GN"), ("225", "CI"), ("226", "BF"),
    ("227", "NE"), ("228", "TG"), ("229", "BJ"), ("230", "MU"), ("231", "LR"), ("232", "SL"),
    ("233", "GH"), ("234", "NG"), ("235", "TD"), ("236", "CF"), ("237", "CM"), ("238", "CV"),
    ("239", "ST"), ("240", "GQ"), ("241", "GA"), ("242", "CG"), ("243", "CD"), ("244", "AO"),
    ("245", "GW"), ("246", "IO"), ("248", "SC"), ("249", "SD"), ("250", "RW"), ("251", "ET"),
    ("252", "SO"), ("253", "DJ"), ("254", "KE"), ("255", "TZ"), ("256", "UG"), ("257", "BI"),
    ("258", "MZ"), ("260", "ZM"), ("261", "MG"), ("263", "ZW"), ("264", "NA"), ("265", "MW"),
    ("266", "LS"), ("267", "BW"), ("268", "SZ"), ("269", "KM"), ("290", "SH"), ("291", "ER"),
    ("297", "AW"), ("298", "FO"), ("299", "GL"),
    ("350", "GI"), ("351", "PT"), ("352", "LU"), ("353", "IE"), ("354", "IS"), ("355", "AL"),
    ("356", "MT"), ("357", "CY"), ("358", "FI"), ("359", "BG"), ("370", "LT"), ("371", "LV"),
    ("372", "EE"), ("373", "MD"), ("374", "AM"), ("375", "BY"), ("376", "AD"), ("377", "MC"),
    ("378", "SM"), ("380", "UA"), ("381", "RS"), ("382", "ME"), ("385", "HR"), ("386", "SI"),
    ("387", "BA"), ("389", "MK"), ("420", "CZ"), ("421", "SK"), ("423", "LI"),
    ("500", "FK"), ("501", "BZ"), ("502", "GT"), ("503", "SV"), ("504", "HN"), ("505", "NI"),
    ("506", "CR"), ("507", "PA"), ("508", "PM"), ("509", "HT"), ("591", "BO"), ("592", "GY"),
    ("593", "EC"), ("594", "GF"), ("595", "PY"), ("596", "MQ"), ("597", "SR"), ("598", "UY"),
    ("670", "TL"), ("672", "NF"), ("673", "BN"), ("674", "NR"), ("675", "PG"), ("676", "TO"),
    ("677", "SB"), ("678", "VU"), ("679", "FJ"), ("680", "PW"), ("681", "WF"), ("682", "CK"),
    ("683", "NU"), ("685", "WS"), ("686", "KI"), ("687", "NC"), ("688", "TV"), ("689", "PF"),
    ("690", "TK"), ("691", "FM"), ("692", "MH"),
    ("850", "KP"), ("852", "HK"), ("853", "MO"), ("855", "KH"), ("856", "LA"), ("880", "BD"),
    ("886", "TW"),
    ("960", "MV"), ("961", "LB"), ("962", "JO"), ("963", "SY"), ("964", "IQ"), ("965", "KW"),
    ("966", "SA"), ("967", "YE"), ("968", "OM"), ("970", "PS"), ("971", "AE"), ("972", "IL"),
    ("973", "BH"), ("974", "QA"), ("975", "BT"), ("976", "MN"), ("977", "NP"), ("992", "TJ"),
    ("993", "TM"), ("994", "AZ"), ("995", "GE"), ("996", "KG"), ("998", "UZ"),
];

/// Canadian area codes of the North American Numbering Plan.
#[rustfmt::skip]
const CANADA: &[&str] = &[
    "204", "226", "236", "249", "250", "257", "263", "273", "289", "306", "343", "354", "365",
    "367", "368", "382", "387", "403", "416", "418", "428", "431", "437", "438", "450", "460",
    "468", "474", "506", "514", "519", "537", "548", "568", "579", "581", "584", "587", "604",
    "613", "639", "647", "672", "683", "705", "709", "742", "753", "778", "780", "782", "807",
    "819", "825", "867", "873", "879", "902", "905", "942",
];

/// Area codes of the North American Numbering Plan outside the United States and Canada.
#[rustfmt::skip]
const NANP_OTHERS: &[(&str, &str)] = &[
    ("242", "BS"), ("246", "BB"), ("264", "AI"), ("268", "AG"), ("284", "VG"), ("340", "VI"),
    ("345", "KY"), ("441", "BM"), ("473", "GD"), ("649", "TC"), ("658", "JM"), ("664", "MS"),
    ("670", "MP"), ("671", "GU"), ("684", "AS"), ("721", "SX"), ("758", "LC"), ("767", "DM"),
    ("784", "VC"), ("787", "PR"), ("809", "DO"), ("829", "DO"), ("849", "DO"), ("868", "TT"),
    ("869", "KN"), ("876", "JM"), ("939", "PR"),
];

/// Toll-free codes of the North American Numbering Plan (shared by the US and Canada).
const NANP_TOLL_FREE: &[&str] = &["800", "833", "844", "855", "866", "877", "888"];

/// The digits of an international number: `+49 30 1234`, `0049301234`, `tel:+49-30-1234` and
/// plain `49301234` (the export writes E.164, sometimes without its `+`). `None` when
/// anything but digits and separators is left, or fewer than 7 digits.
fn digits(number: &str) -> Option<String> {
    let t = number.trim();
    let t = t.strip_prefix("tel:").unwrap_or(t);
    let t = t
        .strip_prefix('+')
        .or_else(|| t.strip_prefix("00"))
        .unwrap_or(t);
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '0'..='9' => out.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return None,
        }
    }
    (out.len() >= 7 && out.len() <= 15).then_some(out)
}

/// The country of an E.164 number, by the rules in the module's documentation.
pub fn country_of_number(number: &str) -> Option<CountryCode> {
    let d = digits(number)?;
    let code = if let Some(rest) = d.strip_prefix('1') {
        let area = rest.get(..3)?;
        if NANP_TOLL_FREE.contains(&area) {
            return None;
        }
        if CANADA.contains(&area) {
            "CA"
        } else {
            NANP_OTHERS
                .iter()
                .find(|(a, _)| *a == area)
                .map_or("US", |(_, c)| *c)
        }
    } else if let Some(rest) = d.strip_prefix('7') {
        if rest.starts_with('6') || rest.starts_with('7') {
            "KZ"
        } else {
            "RU"
        }
    } else {
        CODES
            .iter()
            .filter(|(prefix, _)| d.starts_with(prefix))
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|(_, c)| *c)?
    };
    CountryCode::parse(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code found, or "" for none.
    fn of(n: &str) -> String {
        country_of_number(n).map_or(String::new(), |c| c.as_str().to_string())
    }

    #[test]
    fn countries_by_calling_code() {
        assert_eq!(of("+49 30 12345678"), "DE");
        assert_eq!(of("+4930123456"), "DE");
        assert_eq!(of("0033 1 23 45 67 89"), "FR");
        assert_eq!(of("tel:+44-20-7946-0000"), "GB");
        assert_eq!(of("353 1 234 5678"), "IE");
        assert_eq!(of("+971 4 123 4567"), "AE");
        assert_eq!(of("+7 495 123 4567"), "RU");
        assert_eq!(of("+7 727 123 4567"), "KZ");
    }

    #[test]
    fn north_america_by_area_code() {
        assert_eq!(of("+1 206 555 0100"), "US");
        assert_eq!(of("+1 416 555 0100"), "CA");
        assert_eq!(of("+1 787 555 0100"), "PR");
        // Toll-free: shared by the US and Canada, so no country.
        assert_eq!(of("+1 800 555 0100"), "");
    }

    #[test]
    fn not_numbers() {
        assert_eq!(of(""), "");
        assert_eq!(of("+49 30 CALL ME"), "");
        assert_eq!(of("+12"), "");
        assert_eq!(of("+262 262 12 34 56"), "");
    }

    #[test]
    fn every_listed_country_is_a_real_code() {
        for (_, c) in CODES.iter().chain(NANP_OTHERS) {
            assert!(CountryCode::parse(c).is_some(), "{c}");
        }
    }
}
