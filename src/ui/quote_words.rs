//! The sentences of a quote in the page's language, made once for the screen and the CSV
//! export: the card's own texts, each warning, the break-even sentence.

use super::browser::CountryNames;
use super::format::Numbers;
use super::i18n::WarningArgs;
use crate::lang::Lang;
use crate::rating::warnings::{Warning, WarningCode};
use crate::rating::Quote;
use crate::registry::with_registry;

/// A card's own texts in the page's language (its translations, else its own).
#[derive(Debug, Clone, PartialEq)]
pub struct CardTexts {
    /// The card's name.
    pub name: String,
    /// The card's tax note.
    pub tax_note: Option<String>,
}

impl CardTexts {
    /// The texts of the registered card `card_id` (`fallback` as its name when it is gone).
    pub fn of(card_id: &str, fallback: &str, lang: Lang) -> CardTexts {
        with_registry(|r| {
            let card = r.get(Some(card_id))?;
            Ok::<_, crate::registry::RegistryError>(CardTexts {
                name: card.name_in(lang.tag()).to_string(),
                tax_note: card.tax_note_in(lang.tag()).map(str::to_string),
            })
        })
        .unwrap_or_else(|_| CardTexts {
            name: fallback.to_string(),
            tax_note: None,
        })
    }
}

/// A warning in the page's language. The card's tax note is the card's own text (in the
/// page's language when the card has it).
pub fn warning(
    lang: Lang,
    w: &Warning,
    card: &CardTexts,
    n: &Numbers,
    names: &CountryNames,
) -> String {
    if w.code == WarningCode::TaxNote {
        return card.tax_note.clone().unwrap_or_else(|| w.message.clone());
    }
    let mut countries = String::new();
    for (k, c) in w.countries.iter().enumerate() {
        super::format::push_joined(&mut countries, k, ", ", &names.name(c.as_str()));
    }
    let minimum = w
        .amount
        .map(|m| n.money(&m.to_string()))
        .unwrap_or_default();
    let args = WarningArgs {
        card: &card.name,
        countries: &countries,
        minimum: &minimum,
    };
    crate::ui::i18n::warning_sentence(lang, w.code, &args)
}

/// Every warning of `q` in the page's language.
pub fn warnings(q: &Quote, lang: Lang, names: &CountryNames) -> Vec<String> {
    let card = CardTexts::of(&q.card.id, &q.card.name, lang);
    let n = Numbers::of_quote(lang, q);
    q.warnings
        .iter()
        .map(|w| warning(lang, w, &card, &n, names))
        .collect()
}

/// The break-even sentence: the threshold beside the visitor's own usage, or why there is none.
pub fn break_even(q: &Quote, lang: Lang) -> String {
    let t = lang.texts();
    let n = Numbers::of_quote(lang, q);
    let today = q
        .usage
        .phone_minutes_per_organiser
        .map(|m| n.plain(&m.0.to_string(), 1))
        .unwrap_or_else(|| n.plain("0", 1));
    match (
        &q.break_even.phone_minutes_per_organiser,
        q.break_even.reason_code,
    ) {
        (Some(m), _) => crate::ui::i18n::fill(
            t.break_even_sentence,
            &[&n.plain(&m.0.to_string(), 1), &today],
        ),
        (None, Some(why)) => format!(
            "{} {}",
            t.no_break_even,
            crate::ui::i18n::no_break_even_reason(lang, why)
        ),
        _ => String::new(),
    }
}
