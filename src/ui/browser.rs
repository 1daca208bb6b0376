//! Browser services for the widget: the URL fragment, the clipboard, file downloads, the
//! browser's language, and `Intl` country names. Components call these; the reducer never
//! does. When the page is prerendered natively (feature `ssr`) only what a render reads is
//! called: the language and the fragment are those of a first visit, and country names are
//! English from the import's table.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DisplayNames` (not in js-sys).
    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DisplayNames, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

fn object(pairs: &[(&str, &str)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o.into()
}

fn locales(lang: &str) -> JsValue {
    js_sys::Array::of1(&JsValue::from_str(lang)).into()
}

/// Country names in a language, by ISO code (falls back to the code).
pub struct CountryNames(Option<DisplayNames>);

impl CountryNames {
    /// Names in `lang` (`en`, `de`).
    pub fn new(lang: &str) -> CountryNames {
        if !cfg!(target_arch = "wasm32") {
            return CountryNames(None);
        }
        CountryNames(DisplayNames::new(&locales(lang), &object(&[("type", "region")])).ok())
    }

    /// The name of a country code.
    pub fn name(&self, code: &str) -> String {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some((_, names)) = crate::country_names::COUNTRY_NAMES
            .iter()
            .find(|(c, _)| *c == code)
        {
            return names.first().copied().unwrap_or(code).to_string();
        }
        self.0
            .as_ref()
            .and_then(|d| d.of(code).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| code.to_string())
    }
}

/// The browser's preferred language tag ([`PRERENDERED_LANGUAGE`] when prerendering).
///
/// [`PRERENDERED_LANGUAGE`]: super::app_state::PRERENDERED_LANGUAGE
pub fn browser_language() -> String {
    if !cfg!(target_arch = "wasm32") {
        return super::app_state::PRERENDERED_LANGUAGE.into();
    }
    gloo::utils::window()
        .navigator()
        .language()
        .unwrap_or_else(|| "en".to_string())
}

/// The current URL fragment without `#` (none when prerendering).
pub fn fragment() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    gloo::utils::window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// Replaces the URL fragment without adding a history entry.
pub fn set_fragment(fragment: &str) {
    let window = gloo::utils::window();
    if let Ok(history) = window.history() {
        let url = format!("#{fragment}");
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The full page URL (for "Copy link").
pub fn page_url() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// Puts text on the clipboard; the promise's outcome is ignored (the page shows the link too).
pub fn copy_text(text: &str) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let _ = clipboard.write_text(text);
}

/// Offers `text` as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Sets `<html lang>`, the title and the meta description to the page's language.
pub fn set_document_language(lang: &str, title: &str, description: &str) {
    let document = gloo::utils::document();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang);
    }
    document.set_title(title);
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
}

/// Runs `f` once the next frame has been painted (a timer started from the frame's callback),
/// so that work which can wait does not delay the paint that answers an input.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let later = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, f).forget();
    });
    let _ = gloo::utils::window().request_animation_frame(later.unchecked_ref());
}

/// Opens the print dialog.
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Focuses the element with id `id` inside the element `root` refers to (the widget's root:
/// `getElementById` would not look inside a shadow root).
pub fn focus_within(root: &yew::NodeRef, id: &str) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    if let Ok(Some(el)) = root.query_selector(&format!("#{id}")) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Today's date in the visitor's time zone, `YYYY-MM-DD` (the one place the widget reads the
/// clock: for the date on an export).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// A copy of the prerendered page's element `selector`: the first match in the markup
/// `ppm-prerender` wrote into `#app` (not in the app's own container, `#app-live`), or `None`
/// (prerendering, a page without that markup).
#[cfg(feature = "page")]
pub fn prerendered_copy(selector: &str) -> Option<web_sys::Node> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    gloo::utils::document()
        .query_selector(&format!("#app > :not(#app-live) {selector}"))
        .ok()??
        .clone_node_with_deep(true)
        .ok()
}
