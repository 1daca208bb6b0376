//! The size tables `cargo xtask dist` prints: what the pricing page loads before it is ready
//! (and what it fetches later), and what a partner page loads for `<ppm-pricing>`; gzip -9 and
//! brotli 11, as the budget test and the server use them.

use std::io::Write;
use std::path::Path;

/// What a partner's page loads for `<ppm-pricing>` (the npm package's hashed files).
pub fn print_partner_sizes(npm: &Path, module: &str) -> Result<(), String> {
    let mut files = vec![module.to_string()];
    let entries = std::fs::read_dir(npm).map_err(|e| format!("cannot read dist/npm: {e}"))?;
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut assets: Vec<String> = names
        .iter()
        .filter(|n| n.starts_with("ppm-pricing.") && (n.ends_with(".wasm") || n.ends_with(".css")))
        .cloned()
        .collect();
    assets.sort();
    files.extend(assets);
    println!(
        "What a partner page loads for <ppm-pricing> until its first quote (dist/npm, bytes):"
    );
    size_table(npm, &files, 32)?;
    for rest in names
        .iter()
        .filter(|n| n.starts_with(crate::npm::REST_STEM))
    {
        let bytes = std::fs::read(npm.join(rest)).map_err(|e| format!("{rest}: {e}"))?;
        println!(
            "(fetched after the first quote) {rest}: {} raw, {} gzip",
            bytes.len(),
            gzip_len(&bytes)?
        );
    }
    println!();
    Ok(())
}

/// Prints one row per file (raw, gzip -9, brotli 11) and a total row; returns the totals.
fn size_table<S: AsRef<str>>(dir: &Path, files: &[S], width: usize) -> Result<[usize; 3], String> {
    let mut total = [0usize; 3];
    for name in files.iter().map(AsRef::as_ref) {
        let bytes = std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
        let sizes = [bytes.len(), gzip_len(&bytes)?, brotli_len(&bytes)?];
        println!(
            "{name:<width$} {:>10} {:>10} {:>10}",
            sizes[0], sizes[1], sizes[2]
        );
        for (t, s) in total.iter_mut().zip(sizes) {
            *t += s;
        }
    }
    println!(
        "{:<width$} {:>10} {:>10} {:>10}",
        "total", total[0], total[1], total[2]
    );
    Ok(total)
}

/// `bytes` compressed with gzip -9.
pub(crate) fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).map_err(|e| e.to_string())?;
    enc.finish().map_err(|e| e.to_string())
}

/// `bytes` compressed with brotli, quality 11.
pub(crate) fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut enc = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        enc.write_all(bytes).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn gzip_len(bytes: &[u8]) -> Result<usize, String> {
    Ok(gzip(bytes)?.len())
}

fn brotli_len(bytes: &[u8]) -> Result<usize, String> {
    Ok(brotli(bytes)?.len())
}

/// The files the pricing page loads on first view.
const FIRST_LOAD: [&str; 8] = [
    "index.html",
    "link-check.js",
    "main.js",
    "ppm_widget.js",
    "ppm_widget_bg.wasm",
    "widget.css",
    "style.css",
    "favicon.svg",
];

/// What the pricing page loads (raw, gzip -9, brotli 11), and what it fetches later.
pub fn print_sizes(dist: &Path) -> Result<(), String> {
    println!("\nWhat the pricing page loads (bytes):");
    println!(
        "{:<22} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli 11"
    );
    let total = size_table(dist, &FIRST_LOAD, 22)?;
    let rest = crate::split::PAGE.rest();
    let (first_all, rest_all) = crate::split::PAGE
        .every_view()
        .ok_or("the page's bundle has no first part for every first view")?;
    let later = [
        ("fetched once the page is ready", rest.as_str()),
        (
            "a share link's or a German or French browser's first part, instead",
            first_all.as_str(),
        ),
        ("fetched once such a page is ready", rest_all.as_str()),
        ("JS API bundle, not loaded by the page", "ppm_api.js"),
        ("JS API bundle, not loaded by the page", "ppm_api_bg.wasm"),
    ];
    for (what, file) in later {
        let bytes = std::fs::read(dist.join(file)).map_err(|e| format!("{file}: {e}"))?;
        println!(
            "({what}) {file}: {} raw, {} gzip",
            bytes.len(),
            gzip_len(&bytes)?
        );
    }
    let gzip_of = |file: &str| -> Result<usize, String> {
        gzip_len(&std::fs::read(dist.join(file)).map_err(|e| format!("{file}: {e}"))?)
    };
    let every_view = total[1] - gzip_of("ppm_widget_bg.wasm")? + gzip_of(&first_all)?;
    println!(
        "first load: {:.1} KB gzip (target 120 KB, goal 90 KB), {:.1} KB brotli; with a share \
         link or in German or French {:.1} KB gzip\n",
        total[1] as f64 / 1000.0,
        total[2] as f64 / 1000.0,
        every_view as f64 / 1000.0
    );
    Ok(())
}
