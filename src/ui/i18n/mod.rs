//! Every visible string of the widget, one file per language (`en.rs`, `de.rs`, `fr.rs`).
//! Adding a language is one more file of [`Texts`] and one line in [`Lang`]. Plain data: no
//! web types.

mod de;
mod en;
mod fr;
#[cfg(any(test, feature = "element"))]
pub mod partner;

pub use de::DE;
pub use en::EN;
pub use fr::FR;

pub use crate::lang::Lang;
use crate::rating::break_even::NoBreakEven;
use crate::rating::problem::Problem;
use crate::rating::warnings::WarningCode;
use crate::registry::RegistryError;

/// What each language says: its problems and its texts (the language itself is the leaf
/// [`Lang`]).
impl Lang {
    /// A problem of an input, said in this language (numbers written the way it writes them).
    pub fn say(self, problem: &Problem) -> String {
        let number = move |d: &rust_decimal::Decimal| {
            super::format::plain(self, &d.normalize().to_string(), 10)
        };
        (self.texts().problem)(problem, &number)
    }

    /// The texts of this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
            Lang::Fr => &FR,
        }
    }
}

/// A rate-card registry problem in `lang` (an unknown card id; a partner's card that is not
/// valid, said kind by kind where the partner texts are compiled in: only the element loads
/// partner cards, so the pricing page's bundle carries one general sentence for it).
pub fn registry_problem(lang: Lang, e: &RegistryError) -> String {
    use crate::rating::problem::quoted;
    match (e, lang) {
        (RegistryError::UnknownCard { id, known }, Lang::En) => format!(
            "unknown rate card \"{}\"; available cards: {}",
            quoted(id),
            known.join(", ")
        ),
        (RegistryError::UnknownCard { id, known }, Lang::De) => format!(
            "Unbekannte Tariftabelle „{}“; verfügbar sind: {}",
            quoted(id),
            known.join(", ")
        ),
        (RegistryError::UnknownCard { id, known }, Lang::Fr) => format!(
            "grille tarifaire inconnue « {} » ; disponibles : {}",
            quoted(id),
            known.join(", ")
        ),
        (RegistryError::BuiltInId { id }, Lang::En) => format!(
            "rate card id \"{}\" belongs to a built-in card; give your card another id",
            quoted(id)
        ),
        (RegistryError::BuiltInId { id }, Lang::De) => format!(
            "Die Kennung „{}“ gehört zu einer eingebauten Tariftabelle; bitte Ihrer Tariftabelle eine andere Kennung geben",
            quoted(id)
        ),
        (RegistryError::BuiltInId { id }, Lang::Fr) => format!(
            "l’identifiant « {} » appartient à une grille intégrée ; donnez un autre identifiant à votre grille",
            quoted(id)
        ),
        (RegistryError::IdTaken { id, name }, Lang::En) => format!(
            "rate card id \"{}\" is already taken by another card loaded on this page (\"{}\"); give each card its own id",
            quoted(id),
            quoted(name)
        ),
        (RegistryError::IdTaken { id, name }, Lang::De) => format!(
            "Die Kennung „{}“ hat schon eine andere Tariftabelle auf dieser Seite („{}“); bitte jeder Tariftabelle eine eigene Kennung geben",
            quoted(id),
            quoted(name)
        ),
        (RegistryError::IdTaken { id, name }, Lang::Fr) => format!(
            "l’identifiant « {} » est déjà pris par une autre grille chargée sur cette page (« {} ») ; donnez à chaque grille son propre identifiant",
            quoted(id),
            quoted(name)
        ),
        (RegistryError::Busy, _) => lang.texts().cards_busy.to_string(),
        (RegistryError::BadCard(card), _) => {
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

/// Writes a number the way the page's language does (for numbers inside messages).
pub type NumberText<'a> = dyn Fn(&rust_decimal::Decimal) -> String + 'a;

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

/// The widget's strings; each field is named after the place it appears.
#[derive(Debug)]
#[allow(missing_docs)] // one doc line per label would only repeat its English text
pub struct Texts {
    pub too_large: &'static str,
    pub cannot_price: &'static str,
    pub cards_busy: &'static str,
    pub bad_card: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub language: &'static str,
    pub rate_card: &'static str,
    pub organisers: &'static str,
    pub organisers_unit: &'static str,
    pub licences: &'static str,
    pub licences_unit: &'static str,
    pub addon: &'static str,
    pub meetings: &'static str,
    pub meeting_name: &'static str,
    pub per_month_unit: &'static str,
    pub duration: &'static str,
    pub minutes_unit: &'static str,
    pub participants: &'static str,
    pub add_meeting: &'static str,
    pub duplicate: &'static str,
    pub remove: &'static str,
    /// "Duplicate" with the meeting's name, for screen readers.
    pub duplicate_named: fn(&str) -> String,
    /// "Remove" with the meeting's name, for screen readers.
    pub remove_named: fn(&str) -> String,
    pub add_leg: &'static str,
    /// "Show all 1,000 rows" of a long participant list (the count is formatted).
    pub show_all_rows: fn(&str) -> String,
    /// Opens a collapsed meeting profile for editing.
    pub edit_meeting: &'static str,
    /// Closes an opened meeting profile of a long list.
    pub close_meeting: &'static str,
    /// A collapsed profile's summary: meetings per month, minutes, participants.
    pub meeting_summary: fn(&str, &str, &str) -> String,
    /// The short summary of totals that stays in view on a phone.
    pub summary_bar: &'static str,
    /// In the running total, how much less the cheaper model costs: the amount.
    pub bar_saving: fn(&str) -> String,
    /// Says that the opening estimate is an example.
    pub example_note: &'static str,
    /// The CSV download's file name.
    pub csv_file_name: &'static str,
    /// The scenario download's file name.
    pub json_file_name: &'static str,
    /// Line items: the licences column (licence and add-on rows).
    pub licences_column: &'static str,
    /// Shown while the estimate of a share link is being priced (the page opened with a link).
    pub pricing_link: &'static str,
    pub country: &'static str,
    pub call_type: &'static str,
    pub count: &'static str,
    pub people_unit: &'static str,
    pub toll_dial_in: &'static str,
    pub toll_free_dial_in: &'static str,
    pub dial_out: &'static str,
    pub app: &'static str,
    pub results: &'static str,
    pub pay_per_minute: &'static str,
    pub per_user: &'static str,
    pub monthly: &'static str,
    pub yearly: &'static str,
    pub cheaper_ppm: &'static str,
    pub cheaper_pu: &'static str,
    pub equal: &'static str,
    pub by: &'static str,
    pub per_month_word: &'static str,
    pub no_break_even: &'static str,
    pub pool: &'static str,
    pub pool_of: &'static str,
    pub lines: &'static str,
    pub model: &'static str,
    pub legs: &'static str,
    pub minutes: &'static str,
    pub rate: &'static str,
    pub amount: &'static str,
    pub licence_line: &'static str,
    pub addon_line: &'static str,
    pub included: &'static str,
    pub covered_by_addon: &'static str,
    pub credits: &'static str,
    pub credits_none: &'static str,
    pub warnings: &'static str,
    pub chart_title: &'static str,
    pub chart_x: &'static str,
    pub today: &'static str,
    pub break_even: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub export_csv: &'static str,
    pub print: &'static str,
    pub bad_link: &'static str,
    pub stale: &'static str,
    pub prices_as_of: &'static str,
    pub illustrative: &'static str,
    pub simple_mode: &'static str,
    pub detailed_mode: &'static str,
    pub entry_mode: &'static str,
    pub phone_share: &'static str,
    pub percent: &'static str,
    pub share_of_phone: &'static str,
    pub share_short: &'static str,
    pub toll_short: &'static str,
    pub toll_free_short: &'static str,
    pub dial_out_short: &'static str,
    pub add_country: &'static str,
    pub err_country: &'static str,
    /// A country with no phone numbers or dial-out on the card (country suggestions).
    pub app_only: &'static str,
    /// The colon after a label (French puts a space before it).
    pub colon: &'static str,
    /// A per-user dial-out line's note: the minutes the Zone A pool covers.
    pub pool_covers: fn(&str) -> String,
    /// After a rate: per minute.
    pub per_minute_unit: &'static str,
    /// After a licence's or add-on's price.
    pub per_user_unit: &'static str,
    /// The summary of the glossary disclosure.
    pub glossary_title: &'static str,
    /// (term, explanation) of every word of the quote a newcomer may not know.
    pub glossary: &'static [(&'static str, &'static str)],
    /// The label of a meeting's frequency.
    pub frequency: &'static str,
    /// The accessible name of the frequency's period menu.
    pub period: &'static str,
    pub per_week_unit: &'static str,
    pub per_year_unit: &'static str,
    /// The name of a new meeting profile, numbered.
    /// The button that puts back what was removed.
    pub undo: &'static str,
    /// The announcement of a removal (what was removed: a meeting's name, a country).
    pub removed: fn(&str) -> String,
    /// Replaces the estimate with an empty one.
    pub start_empty: &'static str,
    /// Replaces the estimate with the example.
    pub load_example: &'static str,
    /// Opens the file picker of the usage import.
    pub use_real_usage: &'static str,
    /// What the usage import takes, and that nothing leaves the browser.
    pub usage_hint: &'static str,
    /// The usage import's module could not be loaded.
    pub usage_load_failed: &'static str,
    /// A measured profile's summary: calls a month, countries.
    pub measured_summary: fn(&str, &str) -> String,
    /// A measured profile's table: calls a month.
    pub calls_per_month: &'static str,
    /// A measured profile's table: billed minutes a month.
    pub minutes_per_month: &'static str,
    pub csv_estimate: &'static str,
    pub csv_date: &'static str,
    pub csv_currency: &'static str,
    pub csv_cheaper: &'static str,
    pub csv_savings: &'static str,
    /// The button that saves the scenario as JSON (for the CLI and the JS API).
    pub download_scenario: &'static str,
    /// The label of the organisation's country (availability of credits and of the service).
    pub organisation_country: &'static str,
    /// The card and the organisation's country were guessed from the browser's region: the
    /// country's name and the card's name.
    pub region_guess: fn(&str, &str) -> String,
    /// The page's `<meta name="description">`.
    pub description: &'static str,
    /// A problem of an input, in this language (numbers in it already formatted).
    pub problem: fn(&Problem, &NumberText) -> String,
    /// A warning of the quote (the card's tax note is the card's own text).
    pub warning: fn(WarningCode, &WarningArgs) -> String,
    /// Why there is no break-even.
    pub no_break_even_reason: fn(NoBreakEven) -> &'static str,
    /// "9.00 $ per month; auto-recharge 74.00 $ when the balance falls below 25.00 $".
    pub credits_rule: fn(&str, &str, &str) -> String,
    /// The break-even sentence: threshold and today's usage, both in phone minutes per organiser.
    pub break_even_sentence: fn(&str, &str) -> String,
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
}
