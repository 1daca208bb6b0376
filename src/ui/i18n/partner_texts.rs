//! The custom element's own sentences in German and French (`partner_de.rs`, `partner_fr.rs`):
//! a partner's rate card, configuration and API problems (`partner.rs` fills them in). English
//! needs no table: it is the `Display` of each problem. The element's WebAssembly does not carry
//! them: they follow the page's texts in the element's texts file (`element-texts-de.txt`,
//! written by `ppm-prerender`) and are read with them (`loaded.rs`).

use super::texts::texts;

texts! {
    /// A partner's problems said in one language: templates whose `{0}`, `{1}`, `{2}` are
    /// filled with the problem's values ([`super::fill`]).
    PartnerTexts ("ppm-partner-texts") {
        /// How a card error is framed: "rate card", ` "{0}"` (its file), `, line {0}`,
        /// `, field `{0}``, the colon before the problem, ` (country {0})`.
        card_frame[6],
        /// A card problem, by kind (`partner::card_problem_slot`).
        card_problems[22],
        /// A configuration problem, by kind (`partner::embed_problem`): unknown `hide` word
        /// ({0}; {1} the words there are), not a scenario, an unreadable link ({0}), too many
        /// rows ({0}, {1} the limit), a card id problem ({0}), a `card-src` that failed ({0}
        /// the address, {1} why).
        embed_sentences[6],
        /// Why a `card-src` failed: its protocol ({0}), the server's status ({0}), its size
        /// ({0} KB, {1} the limit), no answer within {0} seconds.
        card_src_causes[4],
        /// A value's problem after what it is ({0}: "scenario", the card's word; {1}: the
        /// problem).
        value_colon,
        /// A scenario problem at a field ({0}) in the page's words ({1}).
        scenario_field,
        /// A JSON value's problem: not JSON at line {0}, column {1} ({2} why); not JSON ({0});
        /// an unknown field ({0}; {1} the fields there are), the same inside `{2}`; a wrong
        /// type; a wrong type at `{0}` ({1}: the wrong-type sentence); not an object.
        value_problems[7],
    }
}

#[cfg(not(texts_on_demand))]
pub use super::partner_de::PARTNER_DE;
#[cfg(not(texts_on_demand))]
pub use super::partner_fr::PARTNER_FR;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::ui::i18n::loaded::partner::start as partner_section;
    use crate::ui::i18n::texts::placeholders;
    use crate::ui::i18n::{add_texts, TextSet, TextsFile, TextsFileError, DE, FR};

    #[test]
    fn each_language_s_partner_sentences_read_back_from_their_file() {
        for (lang, texts) in [(Lang::De, PARTNER_DE), (Lang::Fr, PARTNER_FR)] {
            let file = texts.to_file(lang).unwrap();
            assert!(file.starts_with(&format!("ppm-partner-texts {} ", lang.tag())));
            // 6 + 22 + 6 + 4 + 1 + 1 + 7 strings, one per line after the head line.
            assert_eq!(file.lines().count(), 1 + 47);
            assert_eq!(PartnerTexts::from_file(file), Ok((lang, texts)));
        }
    }

    #[test]
    fn german_and_french_fill_the_same_parts() {
        let (de, fr) = (PARTNER_DE.strings(), PARTNER_FR.strings());
        assert_eq!(de.len(), <PartnerTexts as TextSet>::COUNT);
        for (d, f) in de.iter().zip(&fr) {
            assert_eq!(placeholders(d), placeholders(f), "{d:?} against {f:?}");
        }
    }

    #[test]
    fn an_element_s_file_is_the_page_s_texts_then_its_partner_sentences() {
        let page = DE.to_file(Lang::De).unwrap();
        let partner = PARTNER_DE.to_file(Lang::De).unwrap();
        let file = format!("{page}{partner}");
        assert_eq!(partner_section(&file), Some(page.len()));
        assert_eq!(partner_section(&page), None);
        assert_eq!(add_texts(file), Ok(Lang::De));
        // Partner sentences of another language, or of another version, refuse the whole file.
        let french = format!("{page}{}", PARTNER_FR.to_file(Lang::Fr).unwrap());
        assert_eq!(add_texts(french), Err(TextsFileError::NotTexts));
        let print = format!("{:08x}", <PartnerTexts as TextSet>::PRINT);
        let other = format!("{page}{}", partner.replacen(&print, "0badf00d", 1));
        assert_eq!(add_texts(other), Err(TextsFileError::OtherVersion));
        // A partner section one line short (its last line dropped).
        let cut = partner.trim_end_matches('\n');
        let short = format!("{page}{}", &cut[..=cut.rfind('\n').unwrap()]);
        assert_eq!(
            add_texts(short),
            Err(TextsFileError::WrongCount {
                expected: 47,
                found: 46
            })
        );
        // The French page's texts are not the German partner section's language either.
        let mixed = format!("{}{partner}", FR.to_file(Lang::Fr).unwrap());
        assert_eq!(add_texts(mixed), Err(TextsFileError::NotTexts));
    }
}
