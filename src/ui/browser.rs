//! Browser services for the widget (wasm32 only): the URL fragment, the clipboard, file
//! downloads, the browser's language, and `Intl` formatting. Components call these; the
//! reducer never does.

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
        CountryNames(DisplayNames::new(&locales(lang), &object(&[("type", "region")])).ok())
    }

    /// The name of a country code.
    pub fn name(&self, code: &str) -> String {
        self.0
            .as_ref()
            .and_then(|d| d.of(code).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| code.to_string())
    }
}

/// Formats decimal strings with `Intl.NumberFormat` (exactly: the string is passed as is).
pub struct Numbers {
    money: Option<js_sys::Function>,
    plain: Option<js_sys::Function>,
}

impl Numbers {
    /// Money in `currency` and plain numbers (at most 1 decimal) in `lang`.
    pub fn new(lang: &str, currency: &str) -> Numbers {
        let money = js_sys::Intl::NumberFormat::new(
            &locales(lang).into(),
            &object(&[("style", "currency"), ("currency", currency)]).into(),
        );
        let plain_opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &plain_opts,
            &JsValue::from_str("maximumFractionDigits"),
            &JsValue::from_f64(1.0),
        );
        let plain = js_sys::Intl::NumberFormat::new(&locales(lang).into(), &plain_opts);
        Numbers {
            money: Some(money.format()),
            plain: Some(plain.format()),
        }
    }

    fn apply(f: &Option<js_sys::Function>, value: &str) -> String {
        f.as_ref()
            .and_then(|f| f.call1(&JsValue::NULL, &JsValue::from_str(value)).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| value.to_string())
    }

    /// "1.234,56 €" / "$1,234.56".
    pub fn money(&self, value: &str) -> String {
        Self::apply(&self.money, value)
    }

    /// "267,6" / "267.6".
    pub fn plain(&self, value: &str) -> String {
        Self::apply(&self.plain, value)
    }

    /// A decimal with exactly its own decimals, localised: "0.0220" → "0,0220" in German.
    pub fn exact(lang: &str, value: &str) -> String {
        let decimals = value.split_once('.').map(|(_, d)| d.len()).unwrap_or(0);
        let opts = js_sys::Object::new();
        let digits = JsValue::from_f64(decimals as f64);
        let _ = js_sys::Reflect::set(&opts, &JsValue::from_str("minimumFractionDigits"), &digits);
        let _ = js_sys::Reflect::set(&opts, &JsValue::from_str("maximumFractionDigits"), &digits);
        let f = js_sys::Intl::NumberFormat::new(&locales(lang).into(), &opts).format();
        Self::apply(&Some(f), value)
    }
}

/// The browser's preferred language tag.
pub fn browser_language() -> String {
    gloo::utils::window()
        .navigator()
        .language()
        .unwrap_or_else(|| "en".to_string())
}

/// The current URL fragment without `#`.
pub fn fragment() -> String {
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

/// Sets `<html lang>`.
pub fn set_document_language(lang: &str) {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("lang", lang);
    }
}

/// Opens the print dialog.
pub fn print() {
    let _ = gloo::utils::window().print();
}
