//! The languages fetched after the page loaded: the pricing page's bundle carries English only
//! (cfg `texts_on_demand`, set by `build.rs`), and `www/main.js` fetches `texts-de.txt` or
//! `texts-fr.txt` when a visitor's browser, link or language menu asks for one. A language's
//! texts, once read, stay for the page's lifetime (at most two files of ~12 KB).

use std::cell::Cell;

use super::texts::Texts;
use super::texts_file::{TextsFile, TextsFileError};
use crate::lang::Lang;

/// What was read for each language, kept for the page's lifetime: the first read of each.
pub(super) struct PerLanguage<T: 'static>(Cell<[Option<&'static T>; 3]>);

impl<T> PerLanguage<T> {
    const fn new() -> Self {
        PerLanguage(Cell::new([None; 3]))
    }

    /// What was kept for `lang`, if anything.
    fn get(&self, lang: Lang) -> Option<&'static T> {
        self.0.get()[slot(lang)]
    }

    /// Keeps `make()` for `lang` unless something is kept already.
    fn keep(&self, lang: Lang, make: impl FnOnce() -> T) {
        let mut all = self.0.get();
        let slot = slot(lang);
        if all[slot].is_none() {
            all[slot] = Some(Box::leak(Box::new(make())));
            self.0.set(all);
        }
    }
}

/// A language's place in [`Lang::ALL`].
fn slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

thread_local! {
    /// The fetched languages' texts.
    static LOADED: PerLanguage<Texts> = const { PerLanguage::new() };
    /// The language the pricing page was opened in (its link's or the browser's), as told to
    /// `main.js` before it fetched that language's texts.
    static LANDING: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Remembers the language the page is opened in; returns it.
#[cfg_attr(not(texts_on_demand), allow(dead_code))]
pub fn set_landing(lang: Lang) -> Lang {
    LANDING.with(|l| l.set(lang));
    lang
}

/// The language the page was opened in, when its texts could not be had (then it shows
/// English, and says why).
#[cfg_attr(not(texts_on_demand), allow(dead_code))]
pub fn landing_without_texts() -> Option<Lang> {
    Some(LANDING.with(Cell::get)).filter(|lang| !lang.has_texts())
}

/// Reads a texts file and makes its language available; returns the language. A language
/// read twice keeps its first texts. The element's files carry its partner sentences after the
/// page's texts (`partner_texts.rs`); both are checked before either is kept.
pub fn add_texts(file: String) -> Result<Lang, TextsFileError> {
    let partner = partner_start(&file);
    let end = partner.unwrap_or(file.len());
    let lang = Texts::check(&file[..end])?;
    #[cfg(any(test, feature = "element"))]
    if let Some(at) = partner {
        partner::check(&file[at..], lang)?;
    }
    let file: &'static str = file.leak();
    LOADED.with(|loaded| loaded.keep(lang, || Texts::from_checked(&file[..end])));
    #[cfg(any(test, feature = "element"))]
    if let Some(at) = partner {
        partner::keep(lang, &file[at..]);
    }
    Ok(lang)
}

/// Where an element's partner sentences start in a texts file (none outside the element).
fn partner_start(file: &str) -> Option<usize> {
    #[cfg(any(test, feature = "element"))]
    return partner::start(file);
    #[cfg(not(any(test, feature = "element")))]
    {
        let _ = file;
        None
    }
}

/// The texts of `lang` when they are here: English always, the others once fetched.
#[cfg_attr(not(texts_on_demand), allow(dead_code))]
pub fn texts(lang: Lang) -> Option<&'static Texts> {
    if lang == Lang::En {
        return Some(&super::EN);
    }
    LOADED.with(|loaded| loaded.get(lang))
}

/// The element's partner sentences in its texts files: a `ppm-partner-texts` section after the
/// page's texts (`partner_texts.rs`).
#[cfg(any(test, feature = "element"))]
pub mod partner {
    use super::{Lang, PerLanguage, TextsFile, TextsFileError};
    use crate::ui::i18n::partner_texts::PartnerTexts;
    use crate::ui::i18n::TextSet;

    thread_local! {
        /// The fetched languages' partner sentences.
        static LOADED: PerLanguage<PartnerTexts> = const { PerLanguage::new() };
    }

    /// Where the partner section of an element's texts file starts, if it has one: the first
    /// line after the first that begins with its magic word and a space. (Line by line: a
    /// substring search would bring its own searcher into the element's first part, 1.2 KB.)
    pub fn start(file: &str) -> Option<usize> {
        let mut at = 0;
        for line in file.split_inclusive('\n') {
            let head = line
                .strip_prefix(PartnerTexts::MAGIC)
                .is_some_and(|rest| rest.starts_with(' '));
            if head && at > 0 {
                return Some(at);
            }
            at += line.len();
        }
        None
    }

    /// Checks a partner section: its form, and that it is in `lang` (the language of the
    /// page's texts before it).
    pub fn check(section: &str, lang: Lang) -> Result<(), TextsFileError> {
        match PartnerTexts::check(section)? {
            found if found == lang => Ok(()),
            _ => Err(TextsFileError::NotTexts),
        }
    }

    /// Keeps a checked partner section for `lang` (a language read twice keeps its first).
    pub fn keep(lang: Lang, section: &'static str) {
        LOADED.with(|loaded| loaded.keep(lang, || PartnerTexts::from_checked(section)));
    }

    /// The fetched partner sentences of `lang`, if they are here.
    #[cfg_attr(not(texts_on_demand), allow(dead_code))]
    pub fn get(lang: Lang) -> Option<&'static PartnerTexts> {
        LOADED.with(|loaded| loaded.get(lang))
    }
}
