//! `ppm-prerender TEMPLATE OUT`: the pricing page with its first view already in it. Renders the
//! widget (the example scenario, English) with its own Yew components, natively, and writes
//! TEMPLATE to OUT with that markup in place of the `<!--ppm-prerender-->` marker. Run by
//! `cargo xtask dist`; the browser bundle then takes over from that markup (`www/main.js`).
//! Beside OUT it writes the texts the page's bundle fetches for the languages it does not carry
//! (`texts-de.txt`, `texts-fr.txt`: `src/ui/i18n/texts.rs`), and the element's, which add its
//! partner sentences (`element-texts-de.txt`, `element-texts-fr.txt`:
//! `src/ui/i18n/partner_texts.rs`).

use std::process::ExitCode;

use ppm_pricing::lang::Lang;
use ppm_pricing::ui::i18n;
use ppm_pricing::ui::i18n::partner_texts::{PartnerTexts, PARTNER_DE, PARTNER_FR};
use ppm_pricing::ui::i18n::TextsFile;

/// Where the rendered widget goes in the template.
const MARKER: &str = "<!--ppm-prerender-->";

fn run(template: &str, out: &str) -> Result<(), String> {
    let page =
        std::fs::read_to_string(template).map_err(|e| format!("cannot read {template}: {e}"))?;
    if page.matches(MARKER).count() != 1 {
        return Err(format!("{template} must contain {MARKER} exactly once"));
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start the renderer: {e}"))?;
    let html = runtime.block_on(ppm_pricing::ui::prerender());
    std::fs::write(out, page.replace(MARKER, &html))
        .map_err(|e| format!("cannot write {out}: {e}"))?;
    let dir = std::path::Path::new(out)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let languages: [(Lang, &i18n::Texts, &PartnerTexts); 2] = [
        (Lang::De, &i18n::DE, &PARTNER_DE),
        (Lang::Fr, &i18n::FR, &PARTNER_FR),
    ];
    for (lang, texts, partner) in languages {
        let tag = lang.tag();
        let page = texts
            .to_file(lang)
            .map_err(|e| format!("texts-{tag}.txt: {e}"))?;
        let sentences = partner
            .to_file(lang)
            .map_err(|e| format!("element-texts-{tag}.txt: {e}"))?;
        write(
            &dir.join(format!("element-texts-{tag}.txt")),
            &(page.clone() + &sentences),
        )?;
        write(&dir.join(format!("texts-{tag}.txt")), &page)?;
    }
    Ok(())
}

/// Writes `text` to `path`.
fn write(path: &std::path::Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [template, out] = args.as_slice() else {
        eprintln!("usage: ppm-prerender TEMPLATE OUT");
        return ExitCode::from(2);
    };
    match run(template, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ppm-prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
