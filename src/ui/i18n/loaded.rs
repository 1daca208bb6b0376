//! The languages fetched after the page loaded: the pricing page's bundle carries English only
//! (cfg `texts_on_demand`, set by `build.rs`), and `www/main.js` fetches `texts-de.txt` or
//! `texts-fr.txt` when a visitor's browser, link or language menu asks for one. A language's
//! texts, once read, stay for the page's lifetime (at most two files of ~12 KB).

use std::cell::Cell;

use super::texts::Texts;
use super::texts_file::{TextsFile, TextsFileError};
use crate::lang::Lang;

thread_local! {
    /// The fetched languages' texts, by [`Lang::ALL`] position.
    static LOADED: Cell<[Option<&'static Texts>; 3]> = const { Cell::new([None; 3]) };
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
        super::partner_texts::check_partner_section(&file[at..], lang)?;
    }
    let file: &'static str = file.leak();
    let texts = Texts::from_checked(&file[..end]);
    let slot = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    LOADED.with(|loaded| {
        let mut all = loaded.get();
        if all[slot].is_none() {
            all[slot] = Some(Box::leak(Box::new(texts)));
            loaded.set(all);
        }
    });
    #[cfg(any(test, feature = "element"))]
    if let Some(at) = partner {
        super::partner_texts::add_partner_texts(lang, &file[at..]);
    }
    Ok(lang)
}

/// Where an element's partner sentences start in a texts file (none outside the element).
fn partner_start(file: &str) -> Option<usize> {
    #[cfg(any(test, feature = "element"))]
    return super::partner_texts::partner_section(file);
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
    let slot = Lang::ALL.iter().position(|l| *l == lang)?;
    LOADED.with(|loaded| loaded.get()[slot])
}
