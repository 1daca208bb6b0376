//! The names the form itself writes into meetings, in each language: the example's two
//! meetings, a new meeting's "Meeting n" and the usage import's measured profile. The widget shows the same names, from here.

use crate::lang::Lang;

/// The example's weekly all-hands.
pub fn example_all_hands(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Weekly all-hands",
        Lang::De => "Wöchentliche Betriebsversammlung",
        Lang::Fr => "Réunion générale hebdomadaire",
    }
}

/// The example's customer calls.
pub fn example_customer_calls(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Customer calls",
        Lang::De => "Kundengespräche",
        Lang::Fr => "Appels clients",
    }
}

/// The name of the `n`-th meeting (from 1) when it has none of its own.
pub fn meeting_n(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Meeting {n}"),
        Lang::De => format!("Besprechung {n}"),
        Lang::Fr => format!("Réunion {n}"),
    }
}

/// The usage import's measured profile ("Measured usage", or "Measured usage (2/3)" when the
/// calls fill several profiles).
pub const fn measured_usage(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Measured usage",
        Lang::De => "Gemessene Nutzung",
        Lang::Fr => "Utilisation mesurée",
    }
}
