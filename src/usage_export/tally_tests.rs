//! Tests of `tally.rs`: rows become groups or reasons, the country a leg is counted in, the
//! rows listed per reason, and currencies.

use super::*;

struct Fields(Vec<(Column, &'static str)>);
impl Row for Fields {
    fn get(&self, column: Column) -> Option<&str> {
        self.0.iter().find(|(c, _)| *c == column).map(|(_, v)| *v)
    }
}

fn row(
    call: &'static str,
    number_type: &'static str,
    dest: &'static str,
    secs: &'static str,
) -> Fields {
    Fields(vec![
        (Column::CallType, call),
        (Column::NumberType, number_type),
        (Column::DestinationDialed, dest),
        (Column::Duration, secs),
        (Column::Upn, "Ann@Example.com"),
        (Column::Charge, "0.10"),
        (Column::ConnectionFee, "0.05"),
        (Column::Currency, "usd"),
    ])
}

#[test]
fn rows_become_groups_or_reasons() {
    let mut t = Tally::default();
    t.add(2, &row("conf_in", "toll", "Germany", "125"));
    t.add(3, &row("conf_in", "Toll-Free", "DE", "125"));
    t.add(4, &row("conf_out", "", "France", "60"));
    t.add(5, &row("user_out", "toll", "Germany", "60"));
    t.add(6, &row("conf_in", "premium", "Germany", "60"));
    t.add(7, &row("conf_in", "toll", "Atlantis", "60"));
    t.add(8, &row("conf_in", "toll", "Germany", "sixty"));
    t.add(9, &row("conf_in", "toll", "Germany", "108001"));
    t.add(10, &row("conf_in", "toll", "Germany", "125"));
    let de = CountryCode::parse("DE").unwrap();
    assert_eq!(t.rows_read, 9);
    assert_eq!(t.rows_used, 4);
    assert_eq!(t.legs_of(de, Call::TollDialIn, 125), 2);
    assert_eq!(t.legs_of(de, Call::TollFreeDialIn, 125), 1);
    assert_eq!(
        t.usage[&(Call::TollDialIn, de)],
        Usage {
            legs: 2,
            seconds: 250
        }
    );
    // Two rows of 0.10 + 0.05, in the first currency named ("usd" written upper case).
    assert_eq!(t.currencies, ["USD"]);
    // No capability: the unstated offer. Charge 2 x 0.10, connection fee 2 x 0.05.
    assert_eq!(
        t.billed[&(Basis::Unstated, Call::TollDialIn, de, 0)],
        Billed {
            legs: 2,
            charge: Decimal::new(20, 2),
            connection_fee: Decimal::new(10, 2),
        }
    );
    assert_eq!(t.organisers(), 1);
    assert_eq!(t.other_calls[&"user_out"], 1);
    for (why, row) in [
        (LeftOut::NotConferencing, 5),
        (LeftOut::UnknownNumberType, 6),
        (LeftOut::UnknownCountry, 7),
        (LeftOut::UnreadableDuration, 8),
        (LeftOut::LongerThanAMeeting, 9),
    ] {
        assert_eq!(
            t.left_out[&why],
            ReasonCount {
                count: 1,
                first_rows: vec![row]
            },
            "{why:?}"
        );
    }
}

#[test]
fn a_legs_country_is_external_country_then_number_then_name_never_caller_id() {
    let code = |c| CountryCode::parse(c).unwrap();
    let mut t = Tally::default();
    // A German bridge dialled from a French mobile: `Caller ID` is not a column the
    // import reads, so the caller's +33 plays no part; External Country says DE.
    let mut r = row("conf_in", "toll", "France", "60");
    r.0.push((Column::ExternalCountry, "de"));
    r.0.push((Column::DestinationNumber, "+33 1 23 45 67 89"));
    t.add(2, &r);
    // No External Country: the conference number's country (+49 69), not the name.
    let mut r = row("conf_in", "toll", "France", "61");
    r.0.push((Column::DestinationNumber, "+49 69 1234 5678"));
    t.add(3, &r);
    // Dial-out follows the same order; a US number with a Canadian name is the US.
    let mut r = row("conf_out", "", "Canada", "62");
    r.0.push((Column::DestinationNumber, "+1 206 555 0100"));
    t.add(4, &r);
    // An External Country not understood falls through to the number.
    let mut r = row("conf_out", "", "", "63");
    r.0.push((Column::ExternalCountry, "ZZ"));
    r.0.push((Column::DestinationNumber, "+44 20 7946 0000"));
    t.add(5, &r);
    // Only a name: the name.
    t.add(6, &row("conf_out", "", "Japan", "64"));
    assert_eq!(t.legs_of(code("DE"), Call::TollDialIn, 60), 1);
    assert_eq!(t.legs_of(code("DE"), Call::TollDialIn, 61), 1);
    assert_eq!(t.legs_of(code("US"), Call::DialOut, 62), 1);
    assert_eq!(t.legs_of(code("GB"), Call::DialOut, 63), 1);
    assert_eq!(t.legs_of(code("JP"), Call::DialOut, 64), 1);
    assert_eq!(t.rows_used, 5);
}

#[test]
fn a_leg_of_26_hours_is_used_and_one_past_30_hours_is_not() {
    let mut t = Tally::default();
    // 26 h = 93,600 s: a Teams meeting lasts up to 30 h.
    t.add(2, &row("conf_in", "toll", "Germany", "93600"));
    t.add(3, &row("conf_in", "toll", "Germany", "108000"));
    t.add(4, &row("conf_in", "toll", "Germany", "108001"));
    assert_eq!(t.rows_used, 2);
    assert_eq!(t.left_out[&LeftOut::LongerThanAMeeting].first_rows, vec![4]);
}

#[test]
fn only_the_first_rows_are_listed() {
    let mut t = Tally::default();
    for n in 2..12 {
        t.add(n, &row("ucap_in", "", "", "1"));
    }
    assert_eq!(
        t.left_out[&LeftOut::NotConferencing],
        ReasonCount {
            count: 10,
            first_rows: vec![2, 3, 4, 5, 6]
        }
    );
}

#[test]
fn a_second_currency_keeps_its_name_after_many_lines() {
    // 42 (way, country) lines billed in EUR, then one in USD: two currencies, both named
    // (the limit of 32 counts currencies, not lines).
    let mut t = Tally::default();
    let mut n = 2;
    for country in [
        "DE", "FR", "GB", "IT", "ES", "NL", "BE", "AT", "CH", "SE", "NO", "DK", "FI", "PL",
    ] {
        for (call, kind) in [
            ("conf_in", "toll"),
            ("conf_in", "toll free"),
            ("conf_out", ""),
        ] {
            t.add(
                n,
                &Fields(vec![
                    (Column::CallType, call),
                    (Column::NumberType, kind),
                    (Column::DestinationDialed, country),
                    (Column::Duration, "60"),
                    (Column::Currency, "EUR"),
                ]),
            );
            n += 1;
        }
    }
    t.add(
        n,
        &Fields(vec![
            (Column::CallType, "conf_out"),
            (Column::DestinationDialed, "US"),
            (Column::Duration, "60"),
            (Column::Currency, "usd"),
        ]),
    );
    assert_eq!(t.billed.len(), 43);
    assert_eq!(t.currencies, ["EUR", "USD"]);
}
