//! The texts' shape, their file form and templates: round trips, refusals, placeholders.

use super::super::texts_file::{TextsFile, TextsFileError};
use super::*;
use crate::lang::Lang;
use crate::ui::i18n::{DE, EN, FR};

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
    let en = english_strings();
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

/// English's strings in file order, its problem sentences (kept apart) in their slots.
fn english_strings() -> Vec<&'static str> {
    let mut en = EN.strings();
    let mut at = 0;
    for &(field, count) in Texts::FIELDS {
        if field == "problem_sentences" {
            en.splice(at..at + count, crate::ui::i18n::en::PROBLEM_SENTENCES);
        }
        at += count;
    }
    en
}

#[test]
fn english_says_its_problems_from_the_sentences_kept_apart() {
    // Its texts leave the slots empty; every kept-apart sentence is written.
    assert_eq!(EN.problem_sentences, [""; 20]);
    assert!(crate::ui::i18n::en::PROBLEM_SENTENCES
        .iter()
        .all(|s| !s.is_empty()));
    let negative = crate::rating::problem::Problem::Negative {
        value: rust_decimal::Decimal::NEGATIVE_ONE,
    };
    assert_eq!(Lang::En.say(&negative), "Enter 0 or more.");
    assert_eq!(Lang::De.say(&negative), DE.problem_sentences[2]);
    // With its one argument: "At most {0} meeting profiles."
    let many = crate::rating::problem::Problem::TooManyMeetings {
        count: 1001,
        limit: 1000,
    };
    assert_eq!(Lang::En.say(&many), "At most 1000 meeting profiles.");
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
