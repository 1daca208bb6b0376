//! The licence mix as a CSV file in the visitor's language: one row per organiser (the split
//! shown, people's numbers: whole minutes, money in the card's decimals), then the totals.

use super::mix_texts::MixTexts;
use crate::lang::Lang;
use crate::rating::mix::SplitTotal;
use crate::ui::csv::{cell, number, separator};
use crate::ui::format;
use crate::usage_export::LicenceMix;

/// The CSV of `mix` with the split `licensed` (the visitor's own, or the recommendation) and
/// its totals `yours`.
pub fn mix_csv(
    t: &MixTexts,
    lang: Lang,
    mix: &LicenceMix,
    licensed: &[bool],
    yours: &SplitTotal,
) -> String {
    let sep = separator(lang);
    let mut out = String::new();
    let mut row = |cells: Vec<String>| {
        out.push_str(&cells.join(&sep.to_string()));
        out.push_str("\r\n");
    };
    row(t.csv_columns.iter().map(|c| cell(c, sep)).collect());
    let minutes = |d: &rust_decimal::Decimal| number(lang, &format::rounded(&d.to_string(), 0));
    for (o, on) in mix.organisers.iter().zip(licensed) {
        let f = &o.figures;
        row(vec![
            cell(&o.upn, sep),
            u8::from(*on).to_string(),
            o.calls.to_string(),
            minutes(&f.toll_dial_in_minutes),
            minutes(&f.toll_free_minutes),
            minutes(&f.dial_out_minutes),
            number(lang, &f.per_minute_alone.to_string()),
            number(lang, &f.licence_alone.to_string()),
        ]);
    }
    row(Vec::new());
    for (label, total) in [
        (t.recommended, &mix.recommended.total),
        (t.yours, yours),
        (t.all_licence, &mix.all_licence),
        (t.all_per_minute, &mix.all_pay_per_minute),
    ] {
        let licences = (t.licences)(total.licences, &total.licences.to_string());
        row(vec![
            cell(label, sep),
            cell(&licences, sep),
            number(lang, &total.monthly_total.to_string()),
            cell(&mix.currency, sep),
        ]);
    }
    out
}
