//! Every visible string of the widget, one file per language (`en.rs`, `de.rs`, `fr.rs`), in the
//! shape [`Texts`] declares (`texts.rs`). Adding a language is one more file of [`Texts`] and one
//! line in [`Lang`]. The pricing page's bundle carries English only and fetches the others when a
//! visitor needs them (`loaded.rs`); every other build compiles all three in. Plain data: no web
//! types.

#[cfg(not(texts_on_demand))]
mod de;
mod en;
#[cfg(not(texts_on_demand))]
mod fr;
mod loaded;
#[cfg(any(test, feature = "element"))]
pub mod partner;
// The partner sentences' data: the element's (fetched) and `ppm-prerender`'s (which writes them).
#[cfg(all(not(texts_on_demand), any(test, feature = "element", feature = "ssr")))]
mod partner_de;
#[cfg(all(not(texts_on_demand), any(test, feature = "element", feature = "ssr")))]
mod partner_fr;
#[cfg(any(test, feature = "element", feature = "ssr"))]
pub mod partner_texts;
mod texts;
mod texts_file;

#[cfg(not(texts_on_demand))]
pub use de::DE;
pub use en::EN;
#[cfg(not(texts_on_demand))]
pub use fr::FR;
pub use loaded::add_texts;
#[cfg(texts_on_demand)]
pub use loaded::{landing_without_texts, set_landing};
pub use texts::{fill, TextSet, Texts, FINGERPRINT, STRING_COUNT};
pub use texts_file::{TextsFile, TextsFileError};

pub use crate::lang::Lang;
use crate::rating::break_even::NoBreakEven;
use crate::rating::problem::Problem;
use crate::rating::warnings::WarningCode;
use crate::rating::Call;
use crate::registry::RegistryError;

/// What each language says: its problems and its texts (the language itself is the leaf
/// [`Lang`]).
impl Lang {
    /// A problem of an input, said in this language (numbers written the way it writes them).
    pub fn say(self, problem: &Problem) -> String {
        let number =
            |d: &rust_decimal::Decimal| super::format::plain(self, &d.normalize().to_string(), 10);
        let (slot, arg) = problem_sentence(problem, &number);
        // English's are apart from its texts (`en::PROBLEM_SENTENCES`), also when a fetched
        // language has not arrived and its texts are English's.
        let sentences = match self.or_english() {
            Lang::En => &en::PROBLEM_SENTENCES,
            lang => &lang.texts().problem_sentences,
        };
        fill(sentences[slot], &[&arg])
    }

    /// The texts of this language (English while a fetched language has not arrived).
    pub fn texts(self) -> &'static Texts {
        #[cfg(not(texts_on_demand))]
        return match self {
            Lang::En => &EN,
            Lang::De => &DE,
            Lang::Fr => &FR,
        };
        #[cfg(texts_on_demand)]
        loaded::texts(self).unwrap_or(&EN)
    }

    /// Whether this language's texts are here (always, but on the pricing page before they are
    /// fetched).
    pub fn has_texts(self) -> bool {
        #[cfg(not(texts_on_demand))]
        return true;
        #[cfg(texts_on_demand)]
        loaded::texts(self).is_some()
    }

    /// This language if its texts are here, English otherwise.
    pub fn or_english(self) -> Lang {
        if self.has_texts() {
            self
        } else {
            Lang::En
        }
    }
}

/// Writes a number the way the page's language does (for numbers inside messages).
pub type NumberText<'a> = dyn Fn(&rust_decimal::Decimal) -> String + 'a;

/// Which of [`Texts::problem_sentences`] says `problem`, and its one argument (a number,
/// formatted by `number`; empty when the sentence has none).
fn problem_sentence(problem: &Problem, number: &NumberText) -> (usize, String) {
    match problem {
        Problem::NotANumber { text } if text.trim().is_empty() => (0, String::new()),
        Problem::NotANumber { .. } => (1, String::new()),
        Problem::Negative { .. } => (2, String::new()),
        Problem::AboveLimit { limit, .. } => (3, number(limit)),
        Problem::TooPrecise { .. } => (4, String::new()),
        Problem::NotWhole { .. } => (5, String::new()),
        Problem::LicencesBelowOrganisers { organisers, .. } => (6, organisers.to_string()),
        Problem::TooManyMeetings { limit, .. } => (7, limit.to_string()),
        Problem::TooManyLegs { limit, .. } => (8, limit.to_string()),
        Problem::UnknownCall { .. } => (9, String::new()),
        Problem::NotACountryCode { .. } => (10, String::new()),
        Problem::CountryNotOnCard { .. } => (11, String::new()),
        Problem::NoRate {
            call: Call::DialOut,
            ..
        } => (12, String::new()),
        Problem::NoRate {
            call: Call::TollFreeDialIn,
            ..
        } => (13, String::new()),
        Problem::NoRate { .. } => (14, String::new()),
        Problem::NoAddon { .. } => (15, String::new()),
        Problem::NoOrganiser => (16, String::new()),
        Problem::SharesNotHundred { total } => (17, number(total)),
        Problem::MixNotHundred { total } => (18, number(total)),
        Problem::AmbiguousNumber { .. } => (19, String::new()),
    }
}

/// A warning's sentence in `lang` (empty for the card's tax note, which is the card's own text).
pub fn warning_sentence(lang: Lang, code: WarningCode, args: &WarningArgs) -> String {
    let slot = match code {
        WarningCode::IllustrativeRates => 0,
        WarningCode::TaxNote => 1,
        WarningCode::CreditsUnavailable => 2,
        WarningCode::AudioConferencingUnavailable => 3,
        WarningCode::VolumeLicensingOnly => 4,
        WarningCode::CreditsMayExpire => 5,
    };
    fill(
        lang.texts().warning_sentences[slot],
        &[args.card, args.countries, args.minimum],
    )
}

/// Why there is no break-even, in `lang`.
pub fn no_break_even_reason(lang: Lang, why: NoBreakEven) -> &'static str {
    // In the order of `NoBreakEven`'s variants, as `NoBreakEven::MESSAGES`.
    lang.texts().no_break_even_reasons[why as usize]
}

/// A rate-card registry problem in `lang` (an unknown card id; a partner's card that is not
/// valid, said kind by kind where the partner texts are compiled in: only the element loads
/// partner cards, so the pricing page's bundle carries one general sentence for it).
pub fn registry_problem(lang: Lang, e: &RegistryError) -> String {
    use crate::rating::problem::quoted;
    let t = lang.texts();
    match e {
        RegistryError::UnknownCard { id, known } => {
            fill(t.unknown_card, &[&quoted(id), &known.join(", ")])
        }
        RegistryError::BuiltInId { id } => fill(t.built_in_id, &[&quoted(id)]),
        RegistryError::IdTaken { id, name } => fill(t.id_taken, &[&quoted(id), &quoted(name)]),
        RegistryError::Busy => t.cards_busy.to_string(),
        RegistryError::BadCard(card) => {
            #[cfg(any(test, feature = "element"))]
            return partner::card_error(lang, card);
            #[cfg(not(any(test, feature = "element")))]
            {
                let _ = card;
                lang.texts().bad_card.to_string()
            }
        }
    }
}

/// The problems of an element's configuration in `lang`, one sentence each (English where
/// the partner texts are not compiled in: the pricing page has no element).
pub fn embed_notice(lang: Lang, problems: &[crate::ui::embed::EmbedProblem]) -> String {
    #[cfg(any(test, feature = "element"))]
    return partner::embed_notice(lang, problems);
    #[cfg(not(any(test, feature = "element")))]
    {
        let _ = lang;
        crate::ui::embed::sentences(problems)
    }
}

/// What a warning's sentence may name: the card, the countries concerned (names in the page's
/// language), the minimum credits purchase (formatted money).
#[derive(Debug, Clone, Copy)]
pub struct WarningArgs<'a> {
    /// The card's name.
    pub card: &'a str,
    /// The countries concerned, joined for reading.
    pub countries: &'a str,
    /// The minimum credits purchase, formatted.
    pub minimum: &'a str,
}

impl Texts {
    /// "per week" / "per month" / "per year".
    pub fn period_unit(&self, period: crate::form::Period) -> &'static str {
        use crate::form::Period;
        match period {
            Period::Week => self.per_week_unit,
            Period::Month => self.per_month_unit,
            Period::Year => self.per_year_unit,
        }
    }

    /// The label of a way of joining.
    pub fn call(&self, call: crate::rating::Call) -> &'static str {
        use crate::rating::Call;
        match call {
            Call::TollDialIn => self.toll_dial_in,
            Call::TollFreeDialIn => self.toll_free_dial_in,
            Call::DialOut => self.dial_out,
            Call::App => self.app,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's English registry sentences are written apart from `RegistryError`'s
    /// `Display` (so the page's bundle carries no card-problem sentences); they must say the
    /// same.
    #[test]
    fn english_registry_problems_are_the_display_sentences() {
        for e in [
            RegistryError::UnknownCard {
                id: "nope".into(),
                known: vec!["illustrative-eur".into(), "illustrative-usd".into()],
            },
            RegistryError::BuiltInId {
                id: "illustrative-usd".into(),
            },
            RegistryError::IdTaken {
                id: "partner".into(),
                name: "Partner A".into(),
            },
        ] {
            assert_eq!(registry_problem(Lang::En, &e), e.to_string());
        }
    }

    /// The widget's English reasons are the quote's own (`NoBreakEven::message`, what the JS
    /// API and the CLI say).
    #[test]
    fn english_no_break_even_reasons_are_the_quote_s() {
        use NoBreakEven::*;
        for why in [
            NoPhoneUsage,
            PerMinuteAlwaysCheaper,
            PerUserAlwaysCheaper,
            AlwaysEqual,
            BeyondRange,
        ] {
            assert_eq!(no_break_even_reason(Lang::En, why), why.message());
        }
    }

    /// A fetched file makes its language available with the texts it was written from.
    #[test]
    fn a_language_read_from_its_file_is_available() {
        assert_eq!(add_texts(FR.to_file(Lang::Fr).unwrap()), Ok(Lang::Fr));
        assert_eq!(loaded::texts(Lang::Fr), Some(&FR));
        assert_eq!(loaded::texts(Lang::En), Some(&EN));
        assert_eq!(
            add_texts("ppm-texts fr 1\n".into()),
            Err(TextsFileError::OtherVersion)
        );
    }
}
