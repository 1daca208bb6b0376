//! The shape of a language's texts ([`Texts`]), written once by the [`texts!`] macro: the
//! struct, its field list, and its form as a text file of one line per string, so that a
//! language can be compiled in (`en.rs`, `de.rs`, `fr.rs`) or fetched when a visitor picks it
//! (the pricing page's `texts-de.txt`, written from `de.rs` by `ppm-prerender`). A sentence with
//! parts filled in is a template: `{0}`, `{1}`, `{2}` stand for its arguments ([`fill`]).
//!
//! The file: a first line `ppm-texts <tag> <fingerprint>`, then every string in field order,
//! one per line (no string holds a line break). The fingerprint is a hash of the field names
//! and counts: a file written for another version of the widget is refused, never misread.

use crate::lang::Lang;

/// Declares [`Texts`]: `name` is one string, `name[N]` a list of N strings.
macro_rules! texts {
    ($( $(#[$attr:meta])* $name:ident $([$n:literal])? ),* $(,)?) => {
        /// The widget's strings; each field is named after the place it appears.
        #[derive(Debug, PartialEq)]
        #[allow(missing_docs)] // one doc line per label would only repeat its English text
        #[repr(C)] // laid out as an array of strings: `from_strings`
        pub struct Texts {
            $( $(#[$attr])* pub $name: texts!(@type $($n)?), )*
        }

        impl Texts {
            /// Every field's name and number of strings, in file order.
            pub const FIELDS: &'static [(&'static str, usize)] =
                &[$( (stringify!($name), texts!(@count $($n)?)) ),*];

            /// Builds the texts from their strings in file order (missing ones are empty).
            fn from_strings(all: impl Iterator<Item = &'static str>) -> Texts {
                let mut strings = [""; STRING_COUNT];
                for (slot, text) in strings.iter_mut().zip(all) {
                    *slot = text;
                }
                // SAFETY: `Texts` is `repr(C)` and every field is a `&'static str` or an array
                // of them, so it is laid out exactly as `[&'static str; STRING_COUNT]` (same
                // alignment, no padding; `transmute` checks the size when compiling), each
                // field at its position in `FIELDS`. One copy instead of code per field (the
                // field-by-field version was 7.7 KB of the page's WASM).
                unsafe { std::mem::transmute::<[&'static str; STRING_COUNT], Texts>(strings) }
            }

            /// Every string, in file order.
            pub fn strings(&self) -> Vec<&'static str> {
                let mut all = Vec::with_capacity(STRING_COUNT);
                $( texts!(@push all, self.$name $(, $n)?); )*
                all
            }
        }
    };
    (@type) => { &'static str };
    (@type $n:literal) => { [&'static str; $n] };
    (@count) => { 1 };
    (@count $n:literal) => { $n };
    (@push $all:ident, $value:expr) => { $all.push($value) };
    (@push $all:ident, $value:expr, $n:literal) => { $all.extend($value) };
}

texts! {
    too_large,
    cannot_price,
    cards_busy,
    bad_card,
    title,
    intro,
    language,
    rate_card,
    organisers,
    organisers_unit,
    licences,
    licences_unit,
    addon,
    meetings,
    meeting_name,
    per_month_unit,
    duration,
    minutes_unit,
    participants,
    add_meeting,
    duplicate,
    remove,
    /// "Duplicate" with the meeting's name ({0}), for screen readers.
    duplicate_named,
    /// "Remove" with the meeting's name ({0}), for screen readers.
    remove_named,
    add_leg,
    /// "Show all 1,000 rows" of a long participant list ({0}: the count, formatted).
    show_all_rows,
    /// Opens a collapsed meeting profile for editing.
    edit_meeting,
    /// Closes an opened meeting profile of a long list.
    close_meeting,
    /// A collapsed profile's summary: meetings per month ({0}), minutes ({1}), participants ({2}).
    meeting_summary,
    /// The short summary of totals that stays in view on a phone.
    summary_bar,
    /// In the running total, how much less the cheaper model costs ({0}: the amount).
    bar_saving,
    /// Says that the opening estimate is an example.
    example_note,
    /// The CSV download's file name.
    csv_file_name,
    /// The scenario download's file name.
    json_file_name,
    /// Line items: the licences column (licence and add-on rows).
    licences_column,
    /// Shown while the estimate of a share link is being priced (the page opened with a link).
    pricing_link,
    country,
    call_type,
    count,
    people_unit,
    toll_dial_in,
    toll_free_dial_in,
    dial_out,
    app,
    results,
    pay_per_minute,
    per_user,
    monthly,
    yearly,
    cheaper_ppm,
    cheaper_pu,
    equal,
    by,
    per_month_word,
    no_break_even,
    pool,
    pool_of,
    lines,
    model,
    legs,
    minutes,
    rate,
    amount,
    licence_line,
    addon_line,
    included,
    covered_by_addon,
    credits,
    credits_none,
    warnings,
    chart_title,
    chart_x,
    today,
    break_even,
    copy_link,
    link_copied,
    export_csv,
    print,
    bad_link,
    stale,
    prices_as_of,
    illustrative,
    simple_mode,
    detailed_mode,
    entry_mode,
    phone_share,
    percent,
    share_of_phone,
    share_short,
    toll_short,
    toll_free_short,
    dial_out_short,
    add_country,
    err_country,
    /// A country with no phone numbers or dial-out on the card (country suggestions).
    app_only,
    /// The colon after a label (French puts a space before it).
    colon,
    /// A per-user dial-out line's note: the minutes the Zone A pool covers ({0}).
    pool_covers,
    /// After a rate: per minute.
    per_minute_unit,
    /// After a licence's or add-on's price.
    per_user_unit,
    /// The summary of the glossary disclosure.
    glossary_title,
    /// Every word of the quote a newcomer may not know…
    glossary_terms[9],
    /// … and its explanation.
    glossary_meanings[9],
    /// The label of a meeting's frequency.
    frequency,
    /// The accessible name of the frequency's period menu.
    period,
    per_week_unit,
    per_year_unit,
    /// The button that puts back what was removed.
    undo,
    /// The announcement of a removal ({0}: a meeting's name, a country).
    removed,
    /// Replaces the estimate with an empty one.
    start_empty,
    /// Replaces the estimate with the example.
    load_example,
    /// Opens the file picker of the usage import.
    use_real_usage,
    /// What the usage import takes, and that nothing leaves the browser.
    usage_hint,
    /// The usage import's module could not be loaded.
    usage_load_failed,
    /// A measured profile's summary: calls a month ({0}), countries ({1}).
    measured_summary,
    /// A measured profile's table: calls a month.
    calls_per_month,
    /// A measured profile's table: billed minutes a month.
    minutes_per_month,
    csv_estimate,
    csv_date,
    csv_currency,
    csv_cheaper,
    csv_savings,
    /// The button that saves the scenario as JSON (for the CLI and the JS API).
    download_scenario,
    /// The label of the organisation's country (availability of credits and of the service).
    organisation_country,
    /// The card and the organisation's country were guessed from the browser's region: the
    /// country's name ({0}) and the card's name ({1}).
    region_guess,
    /// The page's `<meta name="description">`.
    description,
    /// A problem of an input, by kind ([`super::problem_sentence`]; {0}: its number, formatted).
    problem_sentences[20],
    /// A warning of the quote, by code ([`super::warning_sentence`]; {0}: the card, {1}: the
    /// countries, {2}: the minimum credits purchase). The card's tax note is the card's own text.
    warning_sentences[6],
    /// Why there is no break-even, by reason ([`super::no_break_even_reason`]).
    no_break_even_reasons[5],
    /// "9.00 $ per month; auto-recharge 74.00 $ when the balance falls below 25.00 $": {0} a
    /// month, {1} the recharge, {2} its trigger.
    credits_rule,
    /// The break-even sentence: threshold ({0}) and today's usage ({1}), both in phone minutes
    /// per organiser.
    break_even_sentence,
    /// An unknown card id ({0}) and the cards there are ({1}).
    unknown_card,
    /// A partner card's id ({0}) that a built-in card has.
    built_in_id,
    /// A card id ({0}) that another card loaded on the page ({1}) has.
    id_taken,
    /// A language's texts could not be fetched ({0}: the language's name).
    texts_load_failed,
}

/// How many strings a language has.
pub const STRING_COUNT: usize = {
    let mut total = 0;
    let mut i = 0;
    while i < Texts::FIELDS.len() {
        total += Texts::FIELDS[i].1;
        i += 1;
    }
    total
};

/// A hash (FNV-1a, 32 bits) of the field names and counts: two builds with the same fields
/// read each other's files.
pub const FINGERPRINT: u32 = {
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < Texts::FIELDS.len() {
        let (name, count) = Texts::FIELDS[i];
        let bytes = name.as_bytes();
        let mut j = 0;
        while j <= bytes.len() {
            // The count follows the name, so `a[2]` and `a, a` differ.
            let byte = if j < bytes.len() {
                bytes[j]
            } else {
                count as u8
            };
            hash = (hash ^ byte as u32).wrapping_mul(0x0100_0193);
            j += 1;
        }
        i += 1;
    }
    hash
};

/// What the first line of a texts file starts with.
const MAGIC: &str = "ppm-texts";

/// Why a texts file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextsFileError {
    /// The first line is not `ppm-texts <tag> <fingerprint>` with one of our languages.
    NotTexts,
    /// The file was written for another version of the widget (its fields differ).
    OtherVersion,
    /// The file has another number of strings than the fields need.
    WrongCount {
        /// How many strings the fields need.
        expected: usize,
        /// How many the file has.
        found: usize,
    },
    /// A string holds a line break (only when writing a file).
    LineBreak {
        /// The field it belongs to.
        field: &'static str,
    },
}

impl std::fmt::Display for TextsFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextsFileError::NotTexts => f.write_str("not a texts file of this widget"),
            TextsFileError::OtherVersion => {
                f.write_str("the texts file is for another version of the widget")
            }
            TextsFileError::WrongCount { expected, found } => write!(
                f,
                "the texts file has {found} strings where {expected} are needed"
            ),
            TextsFileError::LineBreak { field } => {
                write!(f, "the text `{field}` holds a line break")
            }
        }
    }
}

impl std::error::Error for TextsFileError {}

impl Texts {
    /// The texts file of `lang` with these texts (see the module's documentation).
    pub fn to_file(&self, lang: Lang) -> Result<String, TextsFileError> {
        let mut out = format!("{MAGIC} {} {FINGERPRINT:08x}\n", lang.tag());
        let mut strings = self.strings().into_iter();
        for &(field, count) in Texts::FIELDS {
            for text in strings.by_ref().take(count) {
                if text.contains(['\n', '\r']) {
                    return Err(TextsFileError::LineBreak { field });
                }
                out.push_str(text);
                out.push('\n');
            }
        }
        Ok(out)
    }

    /// Reads a texts file: its language and its texts. A file that is read is kept for the
    /// page's lifetime (its texts borrow it); one that is refused is dropped.
    pub fn from_file(file: String) -> Result<(Lang, Texts), TextsFileError> {
        let mut lines = file.lines();
        let mut head = lines.next().unwrap_or_default().split(' ');
        let (Some(MAGIC), Some(tag), Some(print), None) =
            (head.next(), head.next(), head.next(), head.next())
        else {
            return Err(TextsFileError::NotTexts);
        };
        let lang = Lang::parse(tag).ok_or(TextsFileError::NotTexts)?;
        if u32::from_str_radix(print, 16) != Ok(FINGERPRINT) {
            return Err(TextsFileError::OtherVersion);
        }
        let found = lines.count();
        if found != STRING_COUNT {
            return Err(TextsFileError::WrongCount {
                expected: STRING_COUNT,
                found,
            });
        }
        let file: &'static str = file.leak();
        Ok((lang, Texts::from_strings(file.lines().skip(1))))
    }
}

/// Fills a template: `{0}` … `{9}` become the arguments (a missing one becomes nothing); any
/// other brace stays as it is.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match after.as_bytes() {
            [digit @ b'0'..=b'9', b'}', ..] => {
                out.push_str(args.get(usize::from(digit - b'0')).copied().unwrap_or(""));
                rest = &after[2..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::{DE, EN, FR};

    /// Each `{n}` a string holds, in order of appearance, sorted.
    fn placeholders(text: &str) -> Vec<u8> {
        let mut found: Vec<u8> = text
            .as_bytes()
            .windows(3)
            .filter(|w| w[0] == b'{' && w[1].is_ascii_digit() && w[2] == b'}')
            .map(|w| w[1])
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn a_language_written_to_a_file_reads_back_the_same() {
        for (lang, texts) in [(Lang::En, EN), (Lang::De, DE), (Lang::Fr, FR)] {
            let file = texts.to_file(lang).unwrap();
            // One head line and one line per string.
            assert_eq!(file.lines().count(), 1 + STRING_COUNT);
            assert_eq!(Texts::from_file(file), Ok((lang, texts)));
        }
    }

    #[test]
    fn every_language_fills_the_same_parts_as_english() {
        let en = EN.strings();
        for texts in [&DE, &FR] {
            let other = texts.strings();
            let mut at = 0;
            for &(field, count) in Texts::FIELDS {
                for i in at..at + count {
                    assert_eq!(
                        placeholders(other[i]),
                        placeholders(en[i]),
                        "`{field}` ({other:?} against {en:?})",
                        other = other[i],
                        en = en[i]
                    );
                }
                at += count;
            }
        }
    }

    #[test]
    fn a_file_of_another_version_or_shape_is_refused() {
        let good = DE.to_file(Lang::De).unwrap();
        // Another field list gives another fingerprint in the head line.
        let other = good.replacen(&format!("{FINGERPRINT:08x}"), "0badf00d", 1);
        assert_eq!(Texts::from_file(other), Err(TextsFileError::OtherVersion));
        // One string short: the last line dropped.
        let short = good.trim_end_matches('\n');
        let short = short[..short.rfind('\n').unwrap() + 1].to_string();
        assert_eq!(
            Texts::from_file(short),
            Err(TextsFileError::WrongCount {
                expected: STRING_COUNT,
                found: STRING_COUNT - 1
            })
        );
        for head in [
            "",
            "<!doctype html>",
            "ppm-texts xx 00000000",
            "ppm-texts de",
        ] {
            let file = format!("{head}\n{}", &good[good.find('\n').unwrap() + 1..]);
            assert_eq!(
                Texts::from_file(file),
                Err(TextsFileError::NotTexts),
                "{head}"
            );
        }
    }

    #[test]
    fn a_string_with_a_line_break_cannot_be_written() {
        let mut texts = EN;
        texts.intro = "two\nlines";
        assert_eq!(
            texts.to_file(Lang::En),
            Err(TextsFileError::LineBreak { field: "intro" })
        );
        texts.intro = "";
        texts.problem_sentences[3] = "a\r";
        assert_eq!(
            texts.to_file(Lang::En),
            Err(TextsFileError::LineBreak {
                field: "problem_sentences"
            })
        );
    }

    #[test]
    fn a_template_takes_its_arguments_by_number() {
        assert_eq!(fill("{1} before {0}", &["a", "b"]), "b before a");
        assert_eq!(fill("{0}{0}", &["x"]), "xx");
        // A missing argument is left out; other braces stay.
        assert_eq!(fill("[{2}] {x} {", &["a"]), "[] {x} {");
        assert_eq!(fill("„{0}“", &["Für alle"]), "„Für alle“");
    }
}
