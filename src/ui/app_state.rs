//! The widget's state and its reducer in plain Rust (no Yew, tested natively): the form (and
//! with it the page language, stored once), its pricing (kept up to date by the reducer, so
//! nothing is computed or written during render), how the list of profiles is shown, the last
//! removal for undo, and where the focus goes. The Yew app only dispatches [`Action`]s.

use std::rc::Rc;

use super::pricing::{price, Priced};
use crate::form::link;
use crate::form::{Edit, Form, InputId, Removed};
use crate::lang::Lang;
use crate::shipped::{card_for_region, DEFAULT_CARD_ID};

/// The language tag the page is prerendered for: a browser in English, without a region.
pub const PRERENDERED_LANGUAGE: &str = "en";

/// The browser regions whose visitors in English see other results than the prerendered page:
/// the euro area gets the euro card (`rates/regions.csv`), and an organisation in KR, KZ, PK, RU
/// or TW cannot buy Communications Credits (a note more). Pricing every region's first view
/// gives this list; the test `the_regions_priced_otherwise_are_those_the_pricing_gives` checks it
/// (the page's first part would otherwise carry the pricing to find out).
pub const REGIONS_PRICED_OTHERWISE: &str =
    "AD AT BE CY DE EE ES FI FR GR HR IE IT KR KZ LT LU LV MC ME MT NL PK PT RU SI SK SM TW VA";

/// The state the reducer owns.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The form; its language is the page's.
    pub form: Form,
    /// The form priced: what the page shows.
    pub pricing: Pricing,
    /// Whether the visitor (or the link's sender) chose the language; share links then carry it.
    pub lang_chosen: bool,
    /// Shown when a share link could not be read.
    pub bad_link: bool,
    /// How the list of meeting profiles is shown.
    pub list: ListView,
    /// The last removal, until it is undone or another one replaces it.
    pub removed: Option<Removed>,
    /// The input to focus after the next render, with a counter so that asking again for the
    /// same input focuses it again.
    pub focus: Option<(u32, InputId)>,
    /// The browser's region (`DE`) while the card and the organisation's country are still the
    /// guess made from it on landing; the page says so until the visitor changes either.
    pub region_guess: Option<String>,
}

/// What the page shows of the form's price: the last valid quote (kept while an input is
/// wrong) and the messages per input id.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pricing {
    /// The last valid quote and chart, if the form ever priced.
    pub shown: Option<Rc<Priced>>,
    /// The problems of the current form, by input id (the same `Rc` while they stay the same,
    /// so rows whose messages did not change are not rendered again).
    pub errors: Rc<Vec<(String, String)>>,
    /// Whether the current form priced (`shown` is its quote).
    pub valid: bool,
    /// The form is the one the page was prerendered with and is priced as it shows, so the page
    /// keeps the prerendered results and nothing is priced until the form changes (the pricing
    /// page's first view in English: [`AppState::landing_as_prerendered`]). `shown` is empty.
    pub prerendered: bool,
}

impl Pricing {
    /// The pricing after the form changed: the new quote, or the old one with the problems.
    fn of(form: &Form, before: &Pricing) -> Pricing {
        let keep = |errors: Vec<(String, String)>| {
            if *before.errors == errors {
                before.errors.clone()
            } else {
                Rc::new(errors)
            }
        };
        match price(form, form.lang) {
            Ok(priced) => Pricing {
                shown: Some(priced),
                errors: keep(Vec::new()),
                valid: true,
                prerendered: false,
            },
            Err(errors) => Pricing {
                shown: before.shown.clone(),
                errors: keep(errors),
                valid: false,
                prerendered: false,
            },
        }
    }

    /// What the prerendered page shows: a valid form whose results are on the page.
    fn prerendered() -> Pricing {
        Pricing {
            valid: true,
            prerendered: true,
            ..Pricing::default()
        }
    }
}

impl AppState {
    /// The page language (the form's).
    pub fn lang(&self) -> Lang {
        self.form.lang
    }

    /// The quote the page shows: the last valid one, or while the page keeps its prerendered
    /// results, the form priced now (exports need the figures, not the markup).
    pub fn shown(&self) -> Option<Rc<Priced>> {
        match self.pricing.prerendered {
            true => Pricing::of(&self.form, &Pricing::default()).shown,
            false => self.pricing.shown.clone(),
        }
    }

    /// Whether the meetings are still the opening example's (the page labels them so).
    pub fn shows_example(&self) -> bool {
        self.form.meetings == Form::example(&self.form.card_id, self.form.lang).meetings
    }

    fn ask_focus(&mut self, id: InputId) {
        let n = self.focus.as_ref().map_or(0, |(n, _)| n.wrapping_add(1));
        self.focus = Some((n, id));
    }

    /// A state for a form, in `lang`, priced; `bad_link`: a share link could not be read.
    pub fn new(form: Form, lang: Lang, bad_link: bool) -> AppState {
        AppState::with_pricing(form, lang, bad_link, |form| {
            Pricing::of(form, &Pricing::default())
        })
    }

    /// A state for a form, in `lang`, with the pricing `price` gives it.
    fn with_pricing(
        form: Form,
        lang: Lang,
        bad_link: bool,
        price: impl FnOnce(&Form) -> Pricing,
    ) -> AppState {
        let form = form.relocalised(lang);
        AppState {
            pricing: price(&form),
            form,
            lang_chosen: false,
            bad_link,
            list: ListView::default(),
            removed: None,
            focus: None,
            region_guess: None,
        }
    }
}

/// How the meeting profiles are shown: which one of a long list is open, and which show all
/// their rows. Kept in step with the profiles, so each choice stays with its profile when others
/// are added, copied or removed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListView {
    /// In a long list, the profile open for editing.
    pub open: Option<usize>,
    /// Per profile, whether all its rows are shown.
    pub all_rows: Vec<bool>,
}

impl ListView {
    /// Follows an edit of a form with `profiles` profiles: a new or copied profile opens,
    /// removing one closes the open one, and the row choices move with their profiles.
    fn follow(&mut self, edit: &Edit, profiles: usize) {
        self.all_rows.resize(profiles, false);
        match edit {
            Edit::AddMeeting(_) => {
                self.open = Some(profiles);
                self.all_rows.push(false);
            }
            Edit::DuplicateMeeting(i) if *i < profiles => {
                self.open = Some(i + 1);
                self.all_rows.insert(i + 1, self.all_rows[*i]);
            }
            Edit::RemoveMeeting(i) if *i < profiles => {
                self.open = None;
                self.all_rows.remove(*i);
            }
            _ => {}
        }
    }

    /// Follows a profile put back at `i` (undo): it opens, with its rows collapsed.
    fn restored(&mut self, i: usize, profiles: usize) {
        let at = i.min(self.all_rows.len());
        self.all_rows.insert(at, false);
        self.all_rows.resize(profiles, false);
        self.open = Some(at);
    }

    /// Whether profile `i` shows all its rows.
    pub fn shows_all(&self, i: usize) -> bool {
        self.all_rows.get(i).copied().unwrap_or(false)
    }
}

/// Everything that changes the state.
pub enum Action {
    /// A form edit.
    Edit(Edit),
    /// Switch the language.
    Lang(Lang),
    /// Open a meeting profile of a long list (or close it).
    Open(Option<usize>),
    /// Show all rows of a profile.
    AllRows(usize),
    /// Put back what the last removal took away.
    Undo,
    /// Replace the estimate (start empty, or the example again).
    Reset(Form),
    /// Measured usage from the usage import: its profiles and organisers replace the modelled
    /// meetings (`true`) or join them (`false`).
    Measured(Form, bool),
    /// Replace the scenario with a partner's preset; the card stays (the card attribute and
    /// the picker choose it).
    #[cfg(feature = "element")]
    Replace(Form),
}

impl AppState {
    /// The state after an action: the reducer, in plain Rust (the Yew `Reducible` only wraps
    /// it). Nothing else changes the state.
    pub fn after(&self, action: Action) -> AppState {
        let mut next = self.clone();
        next.apply(action);
        // Priced here, once per change of the form (its language included), never in render.
        if next.form != self.form {
            // The prerendered results are priced now, to be shown while the new form is wrong.
            let before = match self.pricing.prerendered {
                true => Pricing::of(&self.form, &Pricing::default()),
                false => self.pricing.clone(),
            };
            next.pricing = Pricing::of(&next.form, &before);
        }
        // A card or a country the visitor picked is no longer a guess.
        if next.form.card_id != self.form.card_id
            || next.form.organisation != self.form.organisation
        {
            next.region_guess = None;
        }
        next
    }

    fn apply(&mut self, action: Action) {
        let next = self;
        match action {
            Action::Edit(e) => {
                next.list.follow(&e, next.form.meetings.len());
                if let Some(r) = next.form.removed_by(&e) {
                    next.removed = Some(r);
                }
                next.form.apply(e.clone());
                if let Some(id) = next.form.focus_after(&e) {
                    next.ask_focus(id);
                }
            }
            Action::Undo => {
                if let Some(r) = next.removed.take() {
                    let meeting = match &r {
                        Removed::Meeting { index, .. } => Some(*index),
                        _ => None,
                    };
                    let id = next.form.restore(r);
                    if let Some(i) = meeting {
                        next.list.restored(i, next.form.meetings.len());
                    }
                    next.ask_focus(id);
                }
            }
            Action::Reset(form) => {
                // The meetings start again; where the organisation is stays.
                let organisation = std::mem::take(&mut next.form.organisation);
                next.form = form;
                if next.form.organisation.is_empty() {
                    next.form.organisation = organisation;
                }
                next.list = ListView::default();
                next.removed = None;
            }
            Action::Measured(measured, replace) => {
                next.form.take_measured(measured, replace);
                next.list = ListView::default();
                next.removed = None;
            }
            Action::Lang(l) => {
                let was = next.form.lang;
                next.form = next.form.relocalised(l);
                next.form.rename_examples(was, l);
                next.lang_chosen = true;
            }
            Action::Open(i) => next.list.open = i,
            Action::AllRows(i) => {
                let rows = &mut next.list.all_rows;
                rows.resize(rows.len().max(i + 1), false);
                rows[i] = true;
            }
            #[cfg(feature = "element")]
            Action::Replace(form) => {
                next.list = ListView::default();
                next.form = Form {
                    card_id: next.form.card_id.clone(),
                    ..form.relocalised(next.form.lang)
                }
            }
        }
    }
}

impl AppState {
    /// The first state of an embedded widget: the host's preset or the example, in the host's
    /// language.
    pub fn embedded(card: &str, lang: Lang, preset: Option<&Form>) -> AppState {
        let form = match preset {
            Some(form) => form.relocalised(lang),
            None => Form::example(card, lang),
        };
        AppState::new(form, lang, false)
    }

    /// The first state of the pricing page: the address fragment (a share link, with the
    /// sender's language if they chose one), else the example in the browser's language with
    /// the card and the organisation's country guessed from the browser's region (de-DE:
    /// Germany and the euro card, `rates/regions.csv`). `tag` is the browser's language tag.
    pub fn landing(tag: &str, fragment: &str) -> AppState {
        // A language whose texts could not be fetched opens in English.
        let browser_lang = Lang::from_tag(tag).or_english();
        if fragment.is_empty() {
            return AppState::first_visit(tag, browser_lang, |form| {
                Pricing::of(form, &Pricing::default())
            });
        }
        match link::decode(fragment) {
            Ok((form, chosen)) => {
                // The sender's language if they chose one; the recipient's otherwise.
                let lang = chosen.unwrap_or(browser_lang).or_english();
                let mut state = AppState::new(form.relocalised(lang), lang, false);
                state.lang_chosen = chosen.is_some();
                state
            }
            Err(_) => AppState::new(
                Form::example(DEFAULT_CARD_ID, browser_lang),
                browser_lang,
                true,
            ),
        }
    }

    /// The first state of a visit without a share link from a browser in `tag`, in `lang`: the
    /// example with the card and the organisation's country guessed from the browser's region.
    fn first_visit(tag: &str, lang: Lang, price: impl FnOnce(&Form) -> Pricing) -> AppState {
        let region = region_of(tag);
        let card = region.as_deref().map_or(DEFAULT_CARD_ID, card_for_region);
        let mut form = Form::example(card, lang);
        // The organisation is most likely where the browser's region is.
        form.organisation = region.clone().unwrap_or_default();
        let mut state = AppState::with_pricing(form, lang, false, price);
        state.region_guess = region;
        state
    }

    /// [`AppState::landing`] without a share link for a browser in English whose region is not
    /// one of [`REGIONS_PRICED_OTHERWISE`], with the prerendered results kept instead of priced
    /// ([`Pricing::prerendered`]); `None` for any other browser. Only the pricing page's first
    /// view in English asks (`keepsResults`).
    pub fn landing_as_prerendered(tag: &str) -> Option<AppState> {
        let region = region_of(tag);
        let listed = region
            .as_deref()
            .is_some_and(|r| REGIONS_PRICED_OTHERWISE.split(' ').any(|other| other == r));
        (AppState::wanted_language(tag, "") == Lang::En && !listed)
            .then(|| AppState::first_visit(tag, Lang::En, |_| Pricing::prerendered()))
    }

    /// The language [`AppState::landing`] opens in when every language's texts are here: the
    /// share link's, else the browser's (`tag`).
    pub fn wanted_language(tag: &str, fragment: &str) -> Lang {
        let chosen = match fragment {
            "" => None,
            link => link::decode(link).ok().and_then(|(_, chosen)| chosen),
        };
        chosen.unwrap_or_else(|| Lang::from_tag(tag))
    }
}

/// The region of a language tag (`de-DE` → `DE`), when it names one that is a country code.
fn region_of(tag: &str) -> Option<String> {
    let region = tag.split(['-', '_']).nth(1)?;
    crate::rating::CountryCode::parse(&region.to_ascii_uppercase()).map(|c| c.to_string())
}

#[cfg(test)]
#[path = "app_state_tests.rs"]
mod tests;
