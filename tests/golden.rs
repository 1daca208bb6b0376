//! Golden quotes: every `tests/golden/<case>/case.json` holds a card path, a scenario, the
//! hand computation (`how`) and the hand-computed figures (`expect`, checked one by one), and
//! `quote.json` beside it holds the whole expected quote.
//!
//! After a deliberate change of the quote format, regenerate the `quote.json` files with
//! `UPDATE_GOLDEN=1 cargo test --test golden`, then review the diff: the `expect` figures are
//! never regenerated, they are the hand computation.

use std::fs;
use std::path::{Path, PathBuf};

use ppm_pricing::rating::{quote, RateCard, Scenario, ScenarioDocument};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Follows a path such as `perUser.lines[dialOut FR].amount` or `warnings[taxNote].message`.
/// A bracket holds an index, or words that must each equal some string field of the element,
/// or `field=value` pairs (`lines[kind=addon]`).
fn select<'a>(mut v: &'a Value, path: &str) -> Result<&'a Value, String> {
    for part in path.split('.') {
        let (key, filter) = match part.split_once('[') {
            Some((k, f)) => (k, Some(f.trim_end_matches(']'))),
            None => (part, None),
        };
        v = v.get(key).ok_or_else(|| format!("no `{key}` in {path}"))?;
        if let Some(f) = filter {
            let items = v
                .as_array()
                .ok_or_else(|| format!("`{key}` is not a list"))?;
            v = match f.parse::<usize>() {
                Ok(i) => items.get(i),
                Err(_) => items.iter().find(|item| {
                    f.split_whitespace().all(|word| match word.split_once('=') {
                        Some((k, want)) => item[k].as_str() == Some(want),
                        None => item
                            .as_object()
                            .is_some_and(|o| o.values().any(|x| x.as_str() == Some(word))),
                    })
                }),
            }
            .ok_or_else(|| format!("no element [{f}] in `{key}` ({path})"))?;
        }
    }
    Ok(v)
}

fn run_case(dir: &Path) -> Result<(), String> {
    let case: Value = serde_json::from_str(
        &fs::read_to_string(dir.join("case.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| format!("case.json: {e}"))?;
    let card_path = case["card"].as_str().ok_or("case.json needs `card`")?;
    if case["how"].as_array().is_none_or(|h| h.is_empty()) {
        return Err("case.json needs `how`: the hand computation".into());
    }
    let card_text = fs::read_to_string(root().join(card_path)).map_err(|e| e.to_string())?;
    let card = RateCard::from_toml_str(&card_text, Some(card_path)).map_err(|e| e.to_string())?;
    let doc: ScenarioDocument =
        serde_json::from_value(case["scenario"].clone()).map_err(|e| e.to_string())?;
    let scenario = Scenario::from_document(&doc).map_err(|e| e.to_string())?;
    let q = quote(&card, &scenario).map_err(|e| e.to_string())?;
    let got = serde_json::to_value(&q).map_err(|e| e.to_string())?;

    let expect = case["expect"]
        .as_object()
        .ok_or("case.json needs `expect`: the hand-computed figures")?;
    for (path, want) in expect {
        let have = select(&got, path)?;
        if have != want {
            return Err(format!("{path}: expected {want}, got {have}"));
        }
    }

    let golden = dir.join("quote.json");
    let pretty = serde_json::to_string_pretty(&got).map_err(|e| e.to_string())? + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&golden, pretty).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let want: Value = serde_json::from_str(
        &fs::read_to_string(&golden)
            .map_err(|e| format!("{}: {e} (run with UPDATE_GOLDEN=1)", golden.display()))?,
    )
    .map_err(|e| e.to_string())?;
    if want != got {
        return Err(format!("the quote differs from quote.json; got:\n{pretty}"));
    }
    Ok(())
}

#[test]
fn golden_quotes() {
    let mut dirs: Vec<PathBuf> = fs::read_dir(root().join("tests/golden"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("case.json").exists())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 12,
        "expected at least 12 golden cases, found {}",
        dirs.len()
    );
    let failures: Vec<String> = dirs
        .iter()
        .filter_map(|d| run_case(d).err().map(|e| format!("{}: {e}", d.display())))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_selector_finds_lines_by_call_and_country() {
    let v: Value = serde_json::json!({"lines": [
        {"call": "dialOut", "country": "DE", "amount": "1"},
        {"call": "dialOut", "country": "FR", "amount": "2"}]});
    assert_eq!(select(&v, "lines[dialOut FR].amount").unwrap(), "2");
    assert_eq!(select(&v, "lines[0].amount").unwrap(), "1");
    assert_eq!(select(&v, "lines[country=FR].amount").unwrap(), "2");
    assert!(select(&v, "lines[app DE].amount").is_err());
}

#[test]
fn the_curve_prices_the_break_even_point() {
    // The widget's example on the USD card breaks even at
    // k = 4/3 + 33.92 / 102.96 = 1.662781… (DESIGN.md). There, per minute: each line scaled
    // and rounded: 63.36k = 105.35, 39.60k = 65.85, 21.60k = 35.92 twice: 243.04. Per user:
    // 200.00 + toll-free 35.92 + the dial-out beyond the 2,400-minute pool,
    // (1 − 2400 / (1800k)) × 35.9161 = 7.1161… -> 7.12: 243.04. Equal, as a break-even is.
    use ppm_pricing::rating::{cost_curve, CurveOptions};
    let card =
        RateCard::from_toml_str(include_str!("../rates/illustrative-usd.toml"), None).unwrap();
    let doc: ScenarioDocument = serde_json::from_str(
        r#"{"organisers": 40, "licencesPurchased": 50, "meetings": [
            {"perMonth": 4, "minutes": 60, "legs": [{"country": "DE", "call": "tollDialIn", "count": 12},
                {"country": "US", "call": "tollFreeDialIn", "count": 3}, {"country": "DE", "call": "app", "count": 35}]},
            {"perMonth": 60, "minutes": 30, "legs": [{"country": "GB", "call": "tollDialIn", "count": 1},
                {"country": "US", "call": "dialOut", "count": 1}, {"country": "DE", "call": "app", "count": 2}]}]}"#,
    )
    .unwrap();
    let curve = cost_curve(
        &card,
        &Scenario::from_document(&doc).unwrap(),
        CurveOptions {
            points: 41,
            max_factor: None,
        },
    )
    .unwrap();
    let even = curve.break_even.unwrap();
    assert_eq!(even.factor, curve.break_even_factor.unwrap());
    assert_eq!(
        (even.per_minute.to_string(), even.per_user.to_string()),
        ("243.04".to_string(), "243.04".to_string())
    );
}
