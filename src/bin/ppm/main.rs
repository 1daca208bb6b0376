//! `ppm`: the sales-ops and partner back-office command line over the rating core.
//!
//! ```text
//! ppm quote [--card CARD] [--table] [SCENARIO.json|LINK|-]  price a scenario (quote JSON)
//! ppm usage EXPORT... [--organisers N] [--days N] [--card CARD] [--report|--mix [--addon]] [--json]
//!                                                      a usage export as a scenario, or its report
//! ppm batch --card CARD FOLDER|LINES.jsonl|- [--format csv|jsonl] [--out FILE] [--jobs N]
//!                                                      many scenarios, one row each
//! ppm curve --card FILE [--points N] [--max-factor K] [SCENARIO.json|-]
//! ppm check FILE...                                    validate rate cards
//! ppm import --template CARD [--toll-dial-in CSV] [--toll-free CSV] [--dial-out CSV]
//!            [--id ID] [--name NAME] [--source TEXT] [--effective-from DATE] [--official]
//!            [--out FILE]                              build a card from vendor rate sheets
//! ppm convert FILE                                     print a card as JSON (same schema)
//! ppm COMMAND --help | ppm --version
//! ```
//! Errors go to stderr; exit code 2 for bad input (cards, scenarios, sheets, arguments),
//! 1 for anything else (such as a failed write).

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod batch;
mod mix;
mod table;
mod usage;

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::str::FromStr;

use ppm_pricing::import::{self, CardOverrides};
use ppm_pricing::rating::{self, Call, CurveOptions, RateCard, Scenario, ScenarioDocument};
use rust_decimal::Decimal;

const USAGE: &str = "usage:
  ppm quote --card CARD [--table] [SCENARIO.json|LINK|-]
  ppm usage EXPORT... [--organisers N] [--days N] [--card CARD] [--report|--mix [--addon]] [--json]
  ppm batch --card CARD FOLDER|LINES.jsonl|- [--format csv|jsonl] [--out FILE] [--jobs N]
  ppm curve --card FILE [--points N] [--max-factor K] [SCENARIO.json|-]
  ppm check FILE...
  ppm import --template CARD [--toll-dial-in CSV] [--toll-free CSV] [--dial-out CSV]
             [--id ID] [--name NAME] [--source TEXT] [--effective-from YYYY-MM-DD]
             [--official] [--out FILE]
  ppm convert FILE
A scenario of '-' or none is read from standard input; a share link (or its #fragment) works
too. CARD is a built-in card id (illustrative-usd, illustrative-eur) or a .toml or .json file.";

/// `ppm COMMAND --help`: what one command does, its options, and an example.
fn help(cmd: &str) -> Option<&'static str> {
    Some(match cmd {
        "quote" => "ppm quote [--card CARD] [--table] [SCENARIO.json|LINK|-]
Prices a scenario under pay-per-minute and the per-user licence.
  --card CARD   a built-in card id (illustrative-usd, illustrative-eur) or a card file
                (.toml or .json); without it, the scenario's own card (a share
                link's, or the `card` of a downloaded scenario file)
  --table       a table for people instead of the quote JSON
The scenario is scenario JSON or a share link (the whole address, or its #fragment), given
as a file, as the argument itself, or on standard input with '-' or none.
Example: ppm quote --card illustrative-usd examples/scenario.json",
        "usage" => "ppm usage EXPORT... [--organisers N] [--days N] [--card CARD] [--report|--mix [--addon]] [--json]
Turns a Teams PSTN usage export into a scenario of the tenant's real calls (scenario JSON on
standard output): the admin center's zip (Calls.Export.*.zip) or its CSV, or Graph
getPstnCalls JSON pages (several files are read as one export).
  --organisers N   organisers (default: the distinct UPNs of the conference calls)
  --days N         the period, when the export has no parameters.json and no start times
  --card CARD      leave out legs the card cannot price (and reconcile, with --report)
  --report         print the import report instead: period, rows read, used and left out
                   (with the reason and the first row numbers), organisers, minutes by way
                   of joining and country, and with --card the card's price of those calls
                   beside what the tenant was billed
  --mix            with --card: which organisers should hold a licence (spec/rating.md
                   section 5): the cheapest split of the organisers (the export's UPNs)
                   between the licence and pay-per-minute, the all-licence and
                   all-pay-per-minute totals, and each organiser's figures; it assumes the
                   agreement allows both offers in one tenant
  --addon          with --mix: the US/Canada dial-out add-on is bought
  --json           the report or the mix as JSON
Rows per second go to standard error.
Example: ppm usage Calls.Export.zip --card illustrative-eur --report
         ppm usage Calls.Export.zip --card illustrative-usd --mix",
        "batch" => "ppm batch --card CARD INPUT [--format csv|jsonl] [--out FILE] [--jobs N]
Prices many scenarios with one card, on every core. INPUT is a folder (scenario .json files
and usage exports: .zip, .csv, Graph .json) or a JSON Lines file (one scenario per line, with
an optional \"id\"; a JSON list works too; '-' reads standard input). One row per scenario, in input order: id,
currency, both monthly totals, cheaper, savingsMonthly, the break-even factor and phone
minutes per organiser, or the error (a bad row is reported; the rest are still priced).
  --format csv|jsonl   the output (default csv)
  --out FILE           write there instead of standard output
  --jobs N             threads (default: the machine's cores)
  --organisers N, --days N   as for ppm usage, for export files
Throughput goes to standard error.
Example: ppm batch --card illustrative-usd scenarios.jsonl --out quotes.csv",
        "curve" => "ppm curve --card FILE [--points N] [--max-factor K] [SCENARIO.json|-]
Both models' monthly totals as usage grows (the scenario's meetings per month times a factor).
  --card CARD       the rate card (a built-in id, .toml or .json); without it, the
                   scenario's own card
  --points N        how many points, 2 to 201 (default 41)
  --max-factor K    the largest factor (default: twice the break-even, at least 2)
Example: ppm curve --card rates/illustrative-usd.toml --points 11 examples/scenario.json",
        "check" => "ppm check FILE...
Validates rate cards; prints one line per good card, and each problem with its file, line
and field. Exit 2 when any card is bad.
Example: ppm check rates/*.toml",
        "import" => "ppm import --template CARD [--toll-dial-in CSV] [--toll-free CSV] [--dial-out CSV]
           [--id ID] [--name NAME] [--source TEXT] [--effective-from YYYY-MM-DD]
           [--official] [--out FILE]
Builds a card from vendor rate sheets (CSV: country,rate). Each sheet replaces every rate of
its way of joining; the template gives the rest (billing, licence, zones). A report on
standard error says what each sheet set, added and dropped, and what the template kept.
Without --id and --name the card is named after the template with \"(imported)\".
  --official    the rates are official (not illustrative)
  --out FILE    write the card there instead of standard output
Example: ppm import --template rates/illustrative-usd.toml --dial-out sheets/dial-out.csv --id acme-2027 --name \"Acme 2027\"",
        "convert" => "ppm convert FILE
Prints a card (.toml or .json) as JSON in the same schema, for a partner's page.
Example: ppm convert rates/illustrative-usd.toml > card.json",
        _ => return None,
    })
}

/// A failure with its exit code.
enum Failure {
    /// Bad input: exit 2.
    Input(String),
    /// Anything else: exit 1.
    Other(String),
}

fn input(e: impl std::fmt::Display) -> Failure {
    Failure::Input(e.to_string())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(m)) => {
            eprintln!("ppm: {}", printable(&m));
            ExitCode::from(2)
        }
        Err(Failure::Other(m)) => {
            eprintln!("ppm: {}", printable(&m));
            ExitCode::from(1)
        }
    }
}

/// A message as it may reach a terminal: control characters from the input shown as
/// `\u{…}` (line breaks stay), and no line longer than 400 characters (long input is cut).
fn printable(message: &str) -> String {
    message
        .lines()
        .map(|line| ppm_pricing::rating::problem::cut(line, 400))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Command-line arguments split into `--flag value` options, switches and positionals.
struct Args {
    options: Vec<(String, String)>,
    switches: Vec<String>,
    positional: Vec<String>,
}

impl Args {
    fn parse(args: &[String], with_value: &[&str], switches: &[&str]) -> Result<Args, Failure> {
        let mut out = Args {
            options: Vec::new(),
            switches: Vec::new(),
            positional: Vec::new(),
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if with_value.contains(&a.as_str()) {
                let v = it
                    .next()
                    .ok_or_else(|| input(format!("{a} needs a value\n{USAGE}")))?;
                out.options.push((a.clone(), v.clone()));
            } else if switches.contains(&a.as_str()) {
                out.switches.push(a.clone());
            } else if a.starts_with("--") {
                return Err(input(format!("unknown option {a}\n{USAGE}")));
            } else {
                out.positional.push(a.clone());
            }
        }
        Ok(out)
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn has(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(input(USAGE));
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        return match help(cmd) {
            Some(text) => write_out(&format!("{text}\n")),
            None => Err(input(format!("unknown command \"{cmd}\"\n{USAGE}"))),
        };
    }
    match cmd.as_str() {
        "--version" | "-V" | "version" => {
            write_out(&format!("ppm {}\n", env!("CARGO_PKG_VERSION")))
        }
        "quote" => quote(rest),
        "usage" => usage::usage(rest),
        "batch" => batch::batch(rest),
        "curve" => curve(rest),
        "check" => check(rest),
        "import" => import_sheets(rest),
        "convert" => convert(rest),
        "help" | "--help" | "-h" => match rest.first().and_then(|c| help(c)) {
            Some(text) => write_out(&format!("{text}\n")),
            None => write_out(&format!(
                "{USAGE}\nppm COMMAND --help tells more; ppm --version.\n"
            )),
        },
        other => Err(input(format!("unknown command \"{other}\"\n{USAGE}"))),
    }
}

fn read_file(path: &str) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| input(format!("cannot read {path}: {e}")))
}

/// A card: a built-in card's id, or a .toml or .json file.
fn load_card(path: &str) -> Result<RateCard, Failure> {
    if !Path::new(path).exists() {
        let cards = ppm_pricing::shipped::shipped_cards().map_err(input)?;
        if let Some(card) = cards.into_iter().find(|c| c.id() == path) {
            return Ok(card);
        }
    }
    let text = read_file(path)?;
    if path.ends_with(".json") {
        RateCard::from_json_str(&text, Some(path)).map_err(input)
    } else {
        RateCard::from_toml_str(&text, Some(path)).map_err(input)
    }
}

/// The fragment of a share link (`https://…/#v3&…`, `#v3&…` or `v3&…`), if `text` is one.
fn link_fragment(text: &str) -> Option<&str> {
    let t = text.trim();
    let fragment = match t.split_once('#') {
        Some((before, after)) if before.is_empty() || before.starts_with("http") => after,
        _ => t,
    };
    ["v1&", "v2&", "v3&"]
        .iter()
        .any(|v| fragment.starts_with(v))
        .then_some(fragment)
}

/// A scenario, and the card it names (a share link's card, or a scenario file's `card`): from
/// a file, standard input, or a link given as the argument itself.
fn load_scenario(positional: &[String]) -> Result<(Scenario, Option<String>), Failure> {
    let (name, text) = match positional {
        [] => ("standard input".to_string(), read_stdin()?),
        [p] if p == "-" => ("standard input".to_string(), read_stdin()?),
        [p] if link_fragment(p).is_some() => ("the link".to_string(), p.clone()),
        [p] => (p.clone(), read_file(p)?),
        _ => return Err(input(format!("give at most one scenario file\n{USAGE}"))),
    };
    if let Some(fragment) = link_fragment(&text) {
        let (form, _) = ppm_pricing::form::link::decode(fragment).map_err(|e| {
            input(format!(
                "{name} is not a share link this version reads ({})",
                e
            ))
        })?;
        let scenario = Scenario::from_document(&form.scenario()).map_err(input)?;
        return Ok((scenario, Some(form.card_id)));
    }
    if text.trim_start().starts_with('[') {
        return Err(input(format!(
            "{name} holds a list; ppm quote prices one scenario. Price many with ppm batch \
             (a folder of scenario files, or JSON Lines: one scenario per line)"
        )));
    }
    let doc: ScenarioDocument = serde_json::from_str(&text)
        .map_err(|e| input(format!("scenario {name} is not valid scenario JSON: {e}")))?;
    Ok((Scenario::from_document(&doc).map_err(input)?, doc.card))
}

fn read_stdin() -> Result<String, Failure> {
    let mut s = String::new();
    io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| input(format!("cannot read the scenario from standard input: {e}")))?;
    Ok(s)
}

fn write_out(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Failure::Other(format!("cannot write the output: {e}")))
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Failure::Other(format!("cannot write JSON: {e}")))
}

fn card_arg(a: &Args) -> Result<RateCard, Failure> {
    let path = a
        .get("--card")
        .ok_or_else(|| input(format!("--card CARD is required\n{USAGE}")))?;
    load_card(path)
}

/// The card to price with: `--card`, else the scenario's own (rating.md §2: a card given
/// explicitly wins).
fn chosen_card(a: &Args, own: Option<String>) -> Result<RateCard, Failure> {
    match (a.get("--card"), own) {
        (Some(card), _) => load_card(card),
        (None, Some(id)) => load_card(&id).map_err(|_| {
            input(format!(
                "the scenario's card \"{id}\" is not built in; give --card"
            ))
        }),
        (None, None) => Err(input(format!("--card CARD is required\n{USAGE}"))),
    }
}

fn quote(rest: &[String]) -> Result<(), Failure> {
    let a = Args::parse(rest, &["--card"], &["--table"])?;
    let (scenario, own_card) = load_scenario(&a.positional)?;
    let card = chosen_card(&a, own_card)?;
    let q = rating::quote(&card, &scenario).map_err(input)?;
    if a.has("--table") {
        write_out(&table::render(&q))
    } else {
        write_out(&json(&q)?)
    }
}

fn curve(rest: &[String]) -> Result<(), Failure> {
    let a = Args::parse(rest, &["--card", "--points", "--max-factor"], &[])?;
    let (scenario, own_card) = load_scenario(&a.positional)?;
    let card = chosen_card(&a, own_card)?;
    let mut options = CurveOptions::default();
    if let Some(p) = a.get("--points") {
        options.points = p
            .parse()
            .map_err(|_| input(format!("--points: \"{p}\" is not a whole number")))?;
    }
    if let Some(k) = a.get("--max-factor") {
        options.max_factor = Some(
            Decimal::from_str(k)
                .map_err(|_| input(format!("--max-factor: \"{k}\" is not a number")))?,
        );
    }
    let c = rating::cost_curve(&card, &scenario, options).map_err(input)?;
    write_out(&json(&c)?)
}

fn check(rest: &[String]) -> Result<(), Failure> {
    let a = Args::parse(rest, &[], &[])?;
    if a.positional.is_empty() {
        return Err(input(format!("name at least one card file\n{USAGE}")));
    }
    let mut failed = Vec::new();
    let mut report = String::new();
    for path in &a.positional {
        match load_card(path) {
            Ok(card) => report.push_str(&format!(
                "ok  {path}: {} ({}, {} countries, effective {}{})\n",
                card.id(),
                card.currency(),
                card.countries().count(),
                card.effective_from(),
                if card.illustrative() {
                    ", illustrative"
                } else {
                    ""
                }
            )),
            Err(Failure::Input(m) | Failure::Other(m)) => failed.push(m),
        }
    }
    write_out(&report)?;
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::Input(failed.join("\nppm: ")))
    }
}

fn import_sheets(rest: &[String]) -> Result<(), Failure> {
    let a = Args::parse(
        rest,
        &[
            "--template",
            "--toll-dial-in",
            "--toll-free",
            "--dial-out",
            "--id",
            "--name",
            "--source",
            "--effective-from",
            "--out",
        ],
        &["--official"],
    )?;
    if !a.positional.is_empty() {
        return Err(input(format!(
            "unexpected argument {}\n{USAGE}",
            a.positional[0]
        )));
    }
    let template = load_card(
        a.get("--template")
            .ok_or_else(|| input(format!("--template CARD is required\n{USAGE}")))?,
    )?;
    let mut sheets = Vec::new();
    for (flag, call) in [
        ("--toll-dial-in", Call::TollDialIn),
        ("--toll-free", Call::TollFreeDialIn),
        ("--dial-out", Call::DialOut),
    ] {
        if let Some(path) = a.get(flag) {
            let text = read_file(path)?;
            sheets.push(import::parse_sheet(&text, path, call).map_err(input)?);
        }
    }
    if sheets.is_empty() {
        return Err(input(
            "give at least one sheet: --toll-dial-in, --toll-free or --dial-out",
        ));
    }
    let overrides = CardOverrides {
        id: a.get("--id").map(str::to_string),
        name: a.get("--name").map(str::to_string),
        source: a.get("--source").map(str::to_string),
        effective_from: a.get("--effective-from").map(str::to_string),
        illustrative: a.has("--official").then_some(false),
    };
    let (_, doc, report) = import::build_card(&template, &sheets, &overrides).map_err(input)?;
    let text = rating::card::card_to_toml(&doc);
    match a.get("--out") {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| Failure::Other(format!("cannot write {path}: {e}")))?,
        None => write_out(&text)?,
    }
    // What was kept and dropped, beside the card (standard error: the card may be on stdout).
    eprint!("{report}");
    if let Some(path) = a.get("--out") {
        eprintln!("written to {path}");
    }
    Ok(())
}

fn convert(rest: &[String]) -> Result<(), Failure> {
    let a = Args::parse(rest, &[], &[])?;
    let [path] = a.positional.as_slice() else {
        return Err(input(format!("name exactly one card file\n{USAGE}")));
    };
    let card = load_card(path)?;
    write_out(&json(&card.to_document())?)
}
