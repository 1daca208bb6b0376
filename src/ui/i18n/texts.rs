//! The shape of a language's texts ([`Texts`]), written once by the [`texts!`] macro: the
//! struct, its field list, and its form as a text file of one line per string, so that a
//! language can be compiled in (`en.rs`, `de.rs`, `fr.rs`) or fetched when a visitor picks it
//! (the pricing page's `texts-de.txt`, written from `de.rs` by `ppm-prerender`). A sentence with
//! parts filled in is a template: `{0}`, `{1}`, `{2}` stand for its arguments ([`fill`]).
//!
//! The file's form is in `texts_file.rs`.

/// A set of strings with a file form: [`Texts`] (the widget's) and the element's
/// `PartnerTexts` (`partner_texts.rs`), each declared by [`texts!`].
pub trait TextSet: Sized + 'static {
    /// What the head line of its file starts with.
    const MAGIC: &'static str;
    /// Every field's name and number of strings, in file order.
    const FIELDS: &'static [(&'static str, usize)];
    /// How many strings a language has.
    const COUNT: usize = string_count(Self::FIELDS);
    /// A hash of the field names and counts ([`fingerprint`]).
    const PRINT: u32 = fingerprint(Self::FIELDS);

    /// Builds the set from its strings in file order (missing ones are empty).
    fn from_strings(all: impl Iterator<Item = &'static str>) -> Self;

    /// Every string, in file order.
    fn strings(&self) -> Vec<&'static str>;
}

/// Declares a [`TextSet`] struct: `name` is one string, `name[N]` a list of N strings.
macro_rules! texts {
    ($(#[$sattr:meta])* $set:ident ($magic:literal) {
        $( $(#[$attr:meta])* $name:ident $([$n:literal])? ),* $(,)?
    }) => {
        $(#[$sattr])*
        #[derive(Debug, PartialEq)]
        #[allow(missing_docs)] // one doc line per label would only repeat its English text
        #[repr(C)] // laid out as an array of strings: `from_strings`
        pub struct $set {
            $( $(#[$attr])* pub $name: texts!(@type $($n)?), )*
        }

        impl $crate::ui::i18n::TextSet for $set {
            const MAGIC: &'static str = $magic;
            const FIELDS: &'static [(&'static str, usize)] =
                &[$( (stringify!($name), texts!(@count $($n)?)) ),*];

            fn from_strings(all: impl Iterator<Item = &'static str>) -> $set {
                const COUNT: usize = <$set as $crate::ui::i18n::TextSet>::COUNT;
                let mut strings = [""; COUNT];
                for (slot, text) in strings.iter_mut().zip(all) {
                    *slot = text;
                }
                // SAFETY: the struct is `repr(C)` and every field is a `&'static str` or an
                // array of them, so it is laid out exactly as `[&'static str; COUNT]` (same
                // alignment, no padding; `transmute` checks the size when compiling), each
                // field at its position in `FIELDS`. One copy instead of code per field (the
                // field-by-field version was 7.7 KB of the page's WASM).
                unsafe { std::mem::transmute::<[&'static str; COUNT], $set>(strings) }
            }

            fn strings(&self) -> Vec<&'static str> {
                let mut all = Vec::with_capacity(<$set as $crate::ui::i18n::TextSet>::COUNT);
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
#[cfg_attr(
    not(any(test, feature = "element", feature = "ssr")),
    allow(unused_imports)
)]
pub(super) use texts; // for `partner_texts.rs`

texts! {
    /// The widget's strings; each field is named after the place it appears.
    Texts ("ppm-texts") {
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
        /// Under the licences field: what it takes (a message about it replaces this line).
        licences_hint,
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
        /// Under a meeting's countries: their shares add up to 100 % (a message about them replaces this line).
        shares_hint,
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
        /// English's are apart, in `en::PROBLEM_SENTENCES` (its slots here are empty).
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
}

/// How many strings a language has.
pub const STRING_COUNT: usize = <Texts as TextSet>::COUNT;

/// The fingerprint of [`Texts`] ([`fingerprint`]).
pub const FINGERPRINT: u32 = <Texts as TextSet>::PRINT;

/// How many strings `fields` (name and count) make.
pub const fn string_count(fields: &[(&str, usize)]) -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < fields.len() {
        total += fields[i].1;
        i += 1;
    }
    total
}

/// A hash (FNV-1a, 32 bits) of the field names and counts: two builds with the same fields
/// read each other's files.
pub const fn fingerprint(fields: &[(&str, usize)]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < fields.len() {
        let (name, count) = fields[i];
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

/// Each `{n}` a string holds, in order of appearance, sorted.
#[cfg(test)]
pub(super) fn placeholders(text: &str) -> Vec<u8> {
    let mut found: Vec<u8> = text
        .as_bytes()
        .windows(3)
        .filter(|w| w[0] == b'{' && w[1].is_ascii_digit() && w[2] == b'}')
        .map(|w| w[1])
        .collect();
    found.sort_unstable();
    found
}

#[cfg(test)]
#[path = "texts_tests.rs"]
mod tests;
