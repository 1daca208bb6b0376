// <ppm-pricing> on partners' pages, in headless Chromium: the partner demo, hostile host CSS,
// the strict CSP, the iframe variant across origins, card-src, XSS payloads, the npm package.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve, launch, dist, axeSource } from "./serve.mjs";

const shots = fileURLToPath(new URL("../output/", import.meta.url));
mkdirSync(shots, { recursive: true });

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** A host page under the strict CSP, loading the element module. */
const hostPage = (body, head = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<script type="module" src="ppm-pricing.js"></script>${head}</head><body>${body}</body></html>`;

// A partner card whose name is an XSS payload. 3 DE toll legs x 10 min x 2 meetings = 60 min
// x 0.0100 = 0.60 per month; licence 2 x 5.00 = 10.00.
const partnerCard = {
  id: "partner-xss", name: "<img src=x onerror=\"window.__xss=1\">Partner", currency: "USD",
  effective_from: "2027-01-01", illustrative: false, source: "tests",
  billing: { increment_seconds: 60, minimum_seconds: 60, rounding: "half_up", decimals: 2, connection_fee: "0.00" },
  licence: { price_per_user_month: "5.00", pool_minutes_per_licence: 0, pool_basis: "assigned", pool_zone: "A" },
  credits: { minimum_purchase: "25.00" },
  countries: [{ code: "DE", zone: "A", toll_dial_in: "0.0100", dial_out: "0.0200" }],
};

const hostile = `html { font-size: 40px !important; }
body { font-size: 40px; font-family: "Comic Sans MS", cursive; color: lime; line-height: 4; letter-spacing: 3px; text-transform: uppercase; }
* { all: unset; }
div, p, span, button, input, select, table, td, th, h1, h2, h3, section, form { font-size: 40px !important; color: red !important; padding: 20px !important; border: 5px solid red !important; }
:root { --unrelated: 1; }`;

let a, b, c, browser;
before(async () => {
  const extra = {
    "card.json": JSON.stringify(partnerCard),
    "favicon.ico": "",
    "broken-card.json": "{ \"id\": \"x\", ",
    // The partner card with a negative dial-out rate (countries[0], DE).
    "negative-card.json": JSON.stringify({ ...partnerCard, id: "negative", countries: [{ ...partnerCard.countries[0], dial_out: "-1" }] }),
    "german-card.html": hostPage(`<ppm-pricing id="de" lang="de" card-src="negative-card.json"></ppm-pricing>
<ppm-pricing id="fr" lang="fr" card-src="negative-card.json" hide="graphe"></ppm-pricing>`),
    "hostile.css": hostile,
    "plain.html": hostPage(`<h2 id="host-h2">Host heading</h2><p id="host-p">Host text</p>
<button id="host-button">Host button</button><ppm-pricing id="w"></ppm-pricing>`),
    "hostile.html": hostPage(`<h2 id="host-h2">Host heading</h2><p id="host-p">Host text</p>
<button id="host-button">Host button</button><ppm-pricing id="w"></ppm-pricing>`, `<link rel="stylesheet" href="hostile.css">`),
    "bare.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><h2 id="host-h2">Host heading</h2><p id="host-p">Host text</p>
<button id="host-button">Host button</button></body></html>`,
    "cards.html": hostPage(`<ppm-pricing id="bad" card-src="missing.json"></ppm-pricing>
<ppm-pricing id="broken" card-src="broken-card.json"></ppm-pricing>
<ppm-pricing id="good" card-src="card.json" scenario='{"organisers": 2, "meetings": [{"name": "<script>window.__xss=2</script>", "perMonth": 2, "minutes": 10, "legs": [{"country": "DE", "call": "tollDialIn", "count": 3}]}]}'></ppm-pricing>
<ppm-pricing id="attrs" hide="chart <b>x</b>" card="no-such-card"></ppm-pricing>`),
    "no-wasm.html": `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">
<script type="module" src="ppm-pricing.js"></script></head><body><ppm-pricing id="w"></ppm-pricing></body></html>`,
    // No CSP here: a classic inline script sets the property before the module defines the class.
    "early.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
<ppm-pricing id="w"></ppm-pricing>
<script>document.getElementById("w").scenario = { organisers: 2, meetings: [{ perMonth: 10, minutes: 30, legs: [{ country: "GB", call: "tollDialIn", count: 1 }] }] };</script>
<script type="module" src="ppm-pricing.js"></script></body></html>`,
    "first.html": hostPage(`<ppm-pricing id="eur" card="illustrative-eur"></ppm-pricing><ppm-pricing id="partner" card-src="card.json" scenario='{"organisers": 2, "meetings": [{"perMonth": 2, "minutes": 10, "legs": [{"country": "DE", "call": "tollDialIn", "count": 3}]}]}'></ppm-pricing>`),
    "slow.html": hostPage(`<ppm-pricing id="w" card-src="huge-card.json"></ppm-pricing>`),
    "huge-card.json": JSON.stringify({ ...partnerCard, source: "x".repeat(3 * 1024 * 1024) }),
    "no-origin.html": `<!doctype html><html><head><meta charset="utf-8"></head><body><iframe id="f" title="calculator"></iframe></body></html>`,
    "two.html": hostPage(`<ppm-pricing id="w"></ppm-pricing><ppm-pricing id="v"></ppm-pricing>`),
    "attacker.html": `<!doctype html><html><head><meta charset="utf-8"></head><body>another origin</body></html>`,
  };
  [a, b, c] = await Promise.all([serve({}, extra), serve({}, extra), serve({}, extra)]);
  // The cross-origin case: the host page on server a, embed.html from server b (configured to
  // trust a's origin), and a page of a third origin (server c) next to it.
  const host = new URL(a.url).origin;
  const embed = `${b.url}embed.html?origin=${encodeURIComponent(host)}&lang=en&hide=chart`;
  extra["frame-host.html"] = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; frame-src ${new URL(b.url).origin} ${new URL(c.url).origin}">
<title>Frame host</title><script type="module" src="ppm-frame.js"></script></head><body>
<iframe id="frame" data-ppm-embed title="Calculator" src="${embed}"></iframe>
<iframe id="attacker" title="Other site" src="${c.url}attacker.html"></iframe></body></html>`;
  browser = await launch();
});
after(async () => { await browser?.close(); a?.close(); b?.close(); c?.close(); });

/** Opens a page, recording errors and CSP violations (listeners installed before any script). */
async function open(url, { width = 1280, withAxe = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 1000 }, locale: "en-US" });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`), true);
    window.__ppmErrors = [];
    document.addEventListener("ppm-error", (e) => window.__ppmErrors.push({ id: e.target.id, ...e.detail }));
  });
  if (withAxe) await context.addInitScript({ content: axeSource });
  const page = await context.newPage();
  const errors = [];
  page.requests = [];
  page.on("request", (r) => page.requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  return { page, context, errors };
}

const inside = (page, host, sel) => page.locator(`${host} ${sel}`);
const text = (page, host, sel) => inside(page, host, sel).innerText();

test("the partner demo: both widgets, presets, the lead form, no CSP violation", async () => {
  const { page, context, errors } = await open(a.url + "partner-demo.html");
  // The main widget shows the default example (see widget.test.mjs for the arithmetic).
  await inside(page, "#main-widget", "#per-minute-monthly").waitFor();
  assert.equal(await text(page, "#main-widget", "#per-minute-monthly"), "$146.16");
  assert.equal(await text(page, "#main-widget", "#per-user-monthly"), "$221.60");
  // hide="pool": no pool sentence.
  assert.equal(await inside(page, "#main-widget", "#pool").count(), 0);
  // The side widget: EUR card, German, compact, preset from JSON. 3 DE toll legs x 45 min x 8
  // = 1080 min x 0.0202 = 21.816 -> 21.82; 1 AT toll-free leg x 360 min x 0.0598 = 21.528 ->
  // 21.53; together 43.35. Per user: 5 x 3.70 = 18.50 + toll-free 21.53 = 40.03.
  await inside(page, "#side-widget", "#per-minute-monthly").waitFor();
  assert.equal(await text(page, "#side-widget", "#per-minute-monthly"), "43,35\u00a0€");
  assert.equal(await text(page, "#side-widget", "#per-user-monthly"), "40,03\u00a0€");
  assert.match(await text(page, "#side-widget", "#winner"), /Die Lizenz pro Benutzer ist günstiger um 3,32\u00a0€/);
  assert.equal(await inside(page, "#side-widget", "form.ppm-inputs").count(), 0, "compact: no inputs");
  // The lead form listens to ppm-quote.
  await page.waitForFunction(() => document.getElementById("lead-ppm").value.includes("146.16"));
  assert.equal(await page.inputValue("#lead-organisers"), "40");
  assert.equal(JSON.parse(await page.inputValue("#lead-scenario")).organisers, "40");
  // Typing organisers in the host's form sets the widget's scenario property: 41 organisers
  // keep pay-per-minute at 146.16 and make the licence 50 x 4.00 + 21.60 = 221.60 (the 50
  // purchased licences stay) ... and the widget's own input shows 41.
  await page.fill("#lead-organisers", "41");
  await page.waitForFunction(() => document.getElementById("main-widget").scenario.organisers === "41");
  assert.equal(await inside(page, "#main-widget", "#organisers").inputValue(), "41");
  // The side widget did not move.
  assert.equal(await text(page, "#side-widget", "#per-minute-monthly"), "43,35\u00a0€");
  await page.waitForFunction(() => document.getElementById("ppm-frame").dataset.total === "146.16");
  await page.screenshot({ path: shots + "partner-demo.png", fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  // The listener does see violations: an inline style attribute is refused and reported.
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", "<p style=\"color: red\">x</p>"));
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.match((await page.evaluate(() => window.__violations))[0], /^style-src/);
  await context.close();
});

test("attributes and the scenario property update a mounted widget; ppm-quote carries the totals", async () => {
  const { page, context, errors } = await open(a.url + "plain.html");
  await inside(page, "#w", "#per-minute-monthly").waitFor();
  await page.evaluate(() => {
    window.__events = [];
    document.addEventListener("ppm-quote", (e) => window.__events.push(e.detail));
  });
  // 10 meetings x 30 min x 1 GB toll leg = 300 min x 0.0220 = 6.60 (USD card); per user 2 x 4.00
  // = 8.00 (toll dial-in is included). Yearly x 12: 79.20 and 96.00; savings 1.40 / 16.80.
  await page.evaluate(() => {
    document.getElementById("w").scenario = { organisers: 2, meetings: [{ perMonth: 10, minutes: 30, legs: [{ country: "GB", call: "tollDialIn", count: 1 }] }] };
  });
  await page.waitForFunction(() => window.__events.length > 0);
  const detail = (await page.evaluate(() => window.__events)).at(-1);
  assert.deepEqual(
    { currency: detail.currency, card: detail.card, monthly: detail.monthly, yearly: detail.yearly, cheaper: detail.cheaper, savingsMonthly: detail.savingsMonthly, savingsYearly: detail.savingsYearly },
    { currency: "USD", card: "illustrative-usd", monthly: { perMinute: "6.60", perUser: "8.00" }, yearly: { perMinute: "79.20", perUser: "96.00" }, cheaper: "perMinute", savingsMonthly: "1.40", savingsYearly: "16.80" },
  );
  assert.equal(detail.scenario.organisers, "2");
  assert.equal(detail.quote.perMinute.monthlyTotal, "6.60");
  assert.deepEqual(await page.evaluate(() => document.getElementById("w").quote.monthly), { perMinute: "6.60", perUser: "8.00" });
  // The event bubbles out of the shadow root and is composed.
  assert.deepEqual(await page.evaluate(() => new Promise((resolve) => {
    document.body.addEventListener("ppm-quote", (e) => resolve([e.bubbles, e.composed, e.target.id]), { once: true });
    document.getElementById("w").setAttribute("card", "illustrative-eur");
  })), [true, true, "w"]);
  // The EUR card: 300 min x 0.0202 (GB, EUR card) = 6.06; per user 2 x 3.70 = 7.40.
  await page.waitForFunction(() => document.getElementById("w").quote.currency === "EUR");
  assert.deepEqual(await page.evaluate(() => document.getElementById("w").quote.monthly), { perMinute: "6.06", perUser: "7.40" });
  // lang, hide and compact apply live.
  await page.evaluate(() => document.getElementById("w").setAttribute("lang", "de"));
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelector("#results-title").textContent === "Ergebnis");
  assert.equal(await inside(page, "#w", ".ppm-chart").count(), 1);
  await page.evaluate(() => document.getElementById("w").setAttribute("hide", "chart lines"));
  await page.waitForFunction(() => !document.getElementById("w").shadowRoot.querySelector(".ppm-chart"));
  assert.equal(await inside(page, "#w", ".ppm-lines").count(), 0);
  const layoutTop = () => page.evaluate(() => getComputedStyle(document.getElementById("w").shadowRoot.querySelector(".ppm-layout")).marginTop);
  assert.equal(await layoutTop(), "16px", "var(--_gap): 1em of the widget's 16px");
  await page.evaluate(() => document.getElementById("w").setAttribute("compact", ""));
  await page.waitForFunction(() => !document.getElementById("w").shadowRoot.querySelector("form"));
  // Compact is styled by its data-compact: no gap above the results.
  assert.equal(await layoutTop(), "0px");
  // A share link from the pricing page (sales staff's format) on the scenario attribute.
  const pricing = await context.newPage();
  await pricing.goto(a.url);
  await pricing.locator("#organisers").fill("3");
  await pricing.waitForFunction(() => location.hash.includes("&o=3&"));
  const link = pricing.url();
  await page.evaluate((l) => document.getElementById("w").setAttribute("scenario", l), link);
  await page.waitForFunction(() => document.getElementById("w").scenario.organisers === "3");
  // The example priced on the EUR card (the card attribute wins over the link's card): DE toll
  // 2880 min x 0.0202 = 58.18, US toll-free 720 x 0.0276 = 19.87, GB toll 1800 x 0.0202 =
  // 36.36, US dial-out 1800 x 0.0110 = 19.80; together 134.21.
  assert.equal(await page.evaluate(() => document.getElementById("w").quote.monthly.perMinute), "134.21");
  // A bad scenario keeps the current one and fires ppm-error.
  const error = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener("ppm-error", (e) => resolve(e.detail), { once: true });
    document.getElementById("w").scenario = { organisers: -1, meetings: [] };
  }));
  assert.equal(error.source, "scenario");
  assert.match(error.message, /organisers/);
  assert.equal(await page.evaluate(() => document.getElementById("w").scenario.organisers), "3");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a share link's card is used when the element names none, and stays when other attributes change", async () => {
  const { page, context, errors } = await open(a.url + "plain.html");
  await inside(page, "#w", "#per-minute-monthly").waitFor();
  const pricing = await context.newPage();
  await pricing.goto(a.url);
  await pricing.locator("#card").selectOption("illustrative-eur");
  await pricing.waitForFunction(() => location.hash.includes("card=illustrative-eur"));
  await page.evaluate((l) => document.getElementById("w").setAttribute("scenario", l), pricing.url());
  // The example on the EUR card: 134.21 (see the attributes test for the sum).
  await page.waitForFunction(() => document.getElementById("w").quote.monthly.perMinute === "134.21");
  await page.evaluate(() => document.getElementById("w").setAttribute("lang", "de"));
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelector("#results-title").textContent === "Ergebnis");
  assert.equal(await page.evaluate(() => document.getElementById("w").quote.currency), "EUR");
  assert.equal(await text(page, "#w", "#per-minute-monthly"), "134,21\u00a0€");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a scenario set before the element is defined still applies", async () => {
  const { page, context, errors } = await open(a.url + "early.html");
  // 300 GB toll minutes x 0.0220 = 6.60 (USD card).
  await page.waitForFunction(() => document.getElementById("w").quote?.monthly.perMinute === "6.60");
  assert.equal(await text(page, "#w", "#per-minute-monthly"), "$6.60");
  assert.deepEqual(errors, []);
  await context.close();
});

test("two widgets on one page stay independent", async () => {
  const { page, context } = await open(a.url + "partner-demo.html");
  await inside(page, "#side-widget", "#per-minute-monthly").waitFor();
  await inside(page, "#main-widget", "#per-minute-monthly").waitFor();
  // Switching the main widget's language and card touches only it.
  await inside(page, "#main-widget", "#lang-switch").selectOption("de");
  await inside(page, "#main-widget", "#card").selectOption("illustrative-eur");
  await page.waitForFunction(() => document.getElementById("main-widget").quote.currency === "EUR");
  assert.equal(await text(page, "#main-widget", "#results-title"), "Ergebnis");
  assert.equal(await text(page, "#side-widget", "#per-minute-monthly"), "43,35\u00a0€");
  // A scenario from the host replaces the scenario, not the card the visitor picked: 300 GB
  // toll minutes x 0.0202 (EUR card) = 6.06.
  await page.evaluate(() => { document.getElementById("main-widget").scenario = { organisers: 2, meetings: [{ perMonth: 10, minutes: 30, legs: [{ country: "GB", call: "tollDialIn", count: 1 }] }] }; });
  await page.waitForFunction(() => document.getElementById("main-widget").quote.monthly.perMinute === "6.06");
  assert.equal(await page.evaluate(() => document.getElementById("main-widget").quote.currency), "EUR");
  await page.evaluate(() => document.getElementById("side-widget").setAttribute("lang", "en"));
  await page.waitForFunction(() => document.getElementById("side-widget").shadowRoot.querySelector("#results-title").textContent === "Results");
  assert.equal(await text(page, "#main-widget", "#results-title"), "Ergebnis");
  // The same ids live in both shadow roots without clashing; the host document has none of them.
  assert.equal(await page.evaluate(() => document.getElementById("per-minute-monthly")), null);
  // Removed and added again elsewhere, a widget starts afresh; the other keeps its state.
  await page.evaluate(async () => {
    const side = document.getElementById("side-widget");
    side.remove();
    await new Promise((r) => setTimeout(r, 50));
    document.getElementById("contact").append(side);
  });
  await page.waitForFunction(() => document.getElementById("side-widget").shadowRoot.querySelector("#per-minute-monthly")?.textContent === "€43.35");
  assert.equal(await text(page, "#main-widget", "#results-title"), "Ergebnis");
  await context.close();
});

/** Computed styles of a few widget elements, or of the host's own elements. */
const STYLE_PROPS = ["fontSize", "fontFamily", "fontWeight", "color", "backgroundColor", "lineHeight", "letterSpacing", "textTransform", "paddingTop", "paddingLeft", "borderTopWidth", "borderTopColor", "display", "marginTop"];
function widgetStyles(page) {
  return page.evaluate((props) => {
    const root = document.getElementById("w").shadowRoot;
    const out = {};
    for (const sel of ["h1", "#organisers", "#card", "#export-csv", "#per-minute-monthly", ".ppm-model", "#winner", ".ppm-lines td", "label"]) {
      const el = root.querySelector(sel);
      const cs = getComputedStyle(el);
      out[sel] = Object.fromEntries(props.map((p) => [p, cs[p]]));
    }
    return out;
  }, STYLE_PROPS);
}
function hostStyles(page) {
  return page.evaluate((props) => Object.fromEntries(["host-h2", "host-p", "host-button"].map((id) => {
    const cs = getComputedStyle(document.getElementById(id));
    return [id, Object.fromEntries(props.map((p) => [p, cs[p]]))];
  })), STYLE_PROPS);
}

test("hostile host CSS does not reach the widget, and the widget's CSS does not touch the host", async () => {
  const plain = await open(a.url + "plain.html");
  await inside(plain.page, "#w", "#per-minute-monthly").waitFor();
  const hostile = await open(a.url + "hostile.html");
  await inside(hostile.page, "#w", "#per-minute-monthly").waitFor();
  const inPlain = await widgetStyles(plain.page);
  assert.equal(inPlain.h1.fontSize, "24px", "1.5em of the widget's 16px");
  assert.deepEqual(await widgetStyles(hostile.page), inPlain);
  // The widget's own size does not follow the host's 40px root font either.
  const width = (p) => p.evaluate(() => document.getElementById("w").shadowRoot.querySelector("#organisers").getBoundingClientRect().width);
  assert.equal(await width(hostile.page), await width(plain.page));
  await hostile.page.screenshot({ path: shots + "hostile-host.png" });
  // The host's elements look the same with and without the widget on the page.
  const bare = await open(a.url + "bare.html");
  assert.deepEqual(await hostStyles(plain.page), await hostStyles(bare.page));
  for (const p of [plain, hostile, bare]) await p.context.close();
});

test("card-src: a broken card shows its message and the built-in card; a partner card is used; payloads stay text", async () => {
  const { page, context, errors } = await open(a.url + "cards.html");
  await page.evaluate(() => { window.__errors = []; });
  for (const id of ["#bad", "#broken", "#good", "#attrs"]) await inside(page, id, "#per-minute-monthly").waitFor();
  await inside(page, "#bad", "#config-problem").waitFor();
  assert.match(await text(page, "#bad", "#config-problem"), /card-src: the rate card "missing.json" could not be used \(the server answered 404\); showing the built-in card\./);
  assert.equal(await text(page, "#bad", "#per-minute-monthly"), "$146.16");
  await inside(page, "#broken", "#config-problem").waitFor();
  assert.match(await text(page, "#broken", "#config-problem"), /card-src: the rate card "broken-card.json" could not be used \(rate card: not valid JSON/);
  // The partner card: 3 DE toll legs x 10 min x 2 meetings = 60 min x 0.0100 = 0.60; per user
  // 2 x 5.00 = 10.00 (toll dial-in included).
  await page.waitForFunction(() => document.getElementById("good").quote?.card === "partner-xss");
  assert.equal(await text(page, "#good", "#per-minute-monthly"), "$0.60");
  assert.equal(await text(page, "#good", "#per-user-monthly"), "$10.00");
  // The card's name and the meeting's name are payloads: shown as text, never run.
  assert.match(await text(page, "#good", ".ppm-card-note"), /^<img src=x onerror="window.__xss=1">Partner · /);
  assert.equal(await inside(page, "#good", "#meetings-0-name").inputValue(), "<script>window.__xss=2</script>");
  assert.equal(await page.evaluate(() => document.getElementById("good").shadowRoot.querySelectorAll("img, script").length), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  // The partner card is listed only in the widget that loaded it.
  assert.deepEqual(await inside(page, "#good", "#card option").evaluateAll((o) => o.map((x) => x.value)), ["illustrative-eur", "illustrative-usd", "partner-xss"]);
  assert.deepEqual(await inside(page, "#bad", "#card option").evaluateAll((o) => o.map((x) => x.value)), ["illustrative-eur", "illustrative-usd"]);
  // Bad attributes: both problems in one message, as text; the rest of the widget works.
  const problem = await text(page, "#attrs", "#config-problem");
  assert.equal(problem, "hide: unknown section \"<b>x</b>\"; use any of header, inputs, chart, lines, warnings, pool, actions. card: unknown rate card \"no-such-card\"; available cards: illustrative-eur, illustrative-usd.");
  assert.equal(await text(page, "#attrs", "#per-minute-monthly"), "$146.16");
  // Each bad configuration also fired ppm-error (bubbling, composed) with the same sentence.
  const fired = await page.evaluate(() => window.__ppmErrors);
  assert.deepEqual(fired.map((e) => [e.id, e.source]).sort(), [["attrs", "configuration"], ["bad", "configuration"], ["broken", "configuration"]]);
  assert.equal(fired.find((e) => e.id === "attrs").message, problem);
  // No request but the page's own files and the configured card-src files.
  const paths = [...new Set(page.requests.map((u) => new URL(u).origin === new URL(a.url).origin ? new URL(u).pathname : u))].sort();
  assert.deepEqual(paths, ["/broken-card.json", "/card.json", "/cards.html", "/missing.json", "/ppm-pricing.js", "/ppm_element.js", "/ppm_element_bg.wasm", "/widget.css"]);
  await page.screenshot({ path: shots + "card-src.png", fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  // The one console error is the browser's own log line for the 404.
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});

test("a host policy without 'wasm-unsafe-eval' gets a visible message and ppm-error, not a blank box", async () => {
  const { page, context } = await open(a.url + "no-wasm.html");
  await page.waitForFunction(() => window.__ppmErrors.length > 0);
  const [fired] = await page.evaluate(() => window.__ppmErrors);
  assert.equal(fired.source, "start");
  assert.match(fired.message, /WebAssembly/);
  assert.match(await page.locator("#w [role=alert]").innerText(), /^The pricing calculator could not start: .*WebAssembly/);
  await context.close();
});

test("the iframe variant resizes and accepts scenarios only from the configured origin", async () => {
  const { page: p, context, errors } = await open(a.url + "frame-host.html");
  const frame = p.frame({ url: /embed\.html/ });
  await frame.waitForSelector("ppm-pricing #per-minute-monthly");
  // Auto-resize: the iframe's height becomes the calculator's height (not the default 150px).
  await p.waitForFunction(() => parseInt(document.getElementById("frame").style.height, 10) > 600);
  const [outer, innerHeight] = [
    await p.evaluate(() => parseInt(document.getElementById("frame").style.height, 10)),
    await frame.evaluate(() => Math.ceil(document.getElementById("calculator").getBoundingClientRect().height)),
  ];
  assert.equal(outer, innerHeight);
  await p.evaluate(() => document.getElementById("frame").addEventListener("ppm-quote", (e) => { window.__total = e.detail.monthly.perMinute; }));
  // Another origin's page sends a scenario: ignored.
  const attacker = p.frame({ url: /attacker\.html/ });
  await attacker.evaluate(() => window.parent.frames[0].postMessage({ type: "ppm:scenario", scenario: { organisers: 1, meetings: [] } }, "*"));
  await p.waitForTimeout(500);
  assert.equal(await frame.evaluate(() => document.querySelector("ppm-pricing").quote.monthly.perMinute), "146.16");
  // The configured origin (the parent) sends one: applied, and the quote comes back. 10 x 30
  // min x 1 GB toll leg = 300 min x 0.0220 = 6.60.
  await p.evaluate(async () => {
    const { setScenario } = await import("./ppm-frame.js");
    setScenario(document.getElementById("frame"), { organisers: 2, meetings: [{ perMonth: 10, minutes: 30, legs: [{ country: "GB", call: "tollDialIn", count: 1 }] }] });
  });
  await p.waitForFunction(() => window.__total === "6.60");
  assert.equal(await frame.evaluate(() => document.querySelector("ppm-pricing").quote.monthly.perMinute), "6.60");
  await p.screenshot({ path: shots + "iframe.png", fullPage: true });
  assert.deepEqual(await frame.evaluate(() => window.__violations), []);
  assert.deepEqual(await p.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("axe finds no WCAG 2.2 A/AA violations inside the shadow roots", async () => {
  const { page, context } = await open(a.url + "partner-demo.html", { withAxe: true });
  await inside(page, "#main-widget", "#per-minute-monthly").waitFor();
  await inside(page, "#side-widget", "#per-minute-monthly").waitFor();
  for (const id of ["#main-widget", "#side-widget"]) {
    const result = await page.evaluate((sel) => window.axe.run({ include: [[sel]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }), id);
    assert.ok(result.passes.length > 10, "axe looked inside the shadow root");
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`), [], `axe in ${id}`);
  }
  await context.close();
});

test("the npm package: hashed files, SRI, the snippet works under the strict CSP", async () => {
  const npm = dist + "npm/";
  const files = readdirSync(npm);
  const module = files.find((f) => /^ppm-pricing\.[0-9a-f]{10}\.js$/.test(f));
  assert.ok(module, "hashed module");
  assert.ok(files.some((f) => /^ppm-pricing\.[0-9a-f]{10}\.wasm$/.test(f)) && files.some((f) => /^ppm-pricing\.[0-9a-f]{10}\.css$/.test(f)));
  const pkg = JSON.parse(readFileSync(npm + "package.json", "utf8"));
  assert.equal(pkg.exports["."].default, "./" + module);
  assert.equal(pkg.types, "./ppm-pricing.d.ts");
  // The snippet's integrity is the module's sha384.
  const { createHash } = await import("node:crypto");
  const sri = "sha384-" + createHash("sha384").update(readFileSync(npm + module)).digest("base64");
  const readme = readFileSync(npm + "README.md", "utf8");
  assert.ok(readme.includes(`src="BASE/${module}" integrity="${sri}"`));
  const { page, context, errors } = await open(a.url + "npm/example.html");
  await inside(page, "ppm-pricing", "#per-minute-monthly").waitFor();
  assert.equal(await text(page, "ppm-pricing", "#per-minute-monthly"), "$146.16");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  // A tampered module is refused by the browser (the integrity check can fail).
  await page.route(`**/${module}`, async (route) => {
    const response = await route.fetch();
    route.fulfill({ response, body: (await response.text()) + "\n// tampered" });
  });
  const failed = [];
  page.on("console", (m) => failed.push(m.text()));
  await page.reload();
  await page.waitForTimeout(500);
  assert.ok(failed.some((t) => /integrity/i.test(t)), failed.join("\n"));
  assert.equal(await page.evaluate(() => customElements.get("ppm-pricing")), undefined);
  await context.close();
});

test("hostile scenarios: a clear ppm-error, and every widget on the page keeps working", async () => {
  const { page, context, errors } = await open(a.url + "two.html");
  await inside(page, "#w", "#per-minute-monthly").waitFor();
  await inside(page, "#v", "#per-minute-monthly").waitFor();
  // 10,000 levels of nesting in the attribute: refused before it is read (it used to trap the
  // shared WASM instance and silence every widget).
  const deep = '{"organisers":1,"meetings":' + "[".repeat(10000) + "]".repeat(10000) + "}";
  await page.evaluate((t) => document.getElementById("w").setAttribute("scenario", t), deep);
  await page.waitForFunction(() => window.__ppmErrors.some((e) => e.id === "w"));
  const error = await page.evaluate(() => window.__ppmErrors.find((e) => e.id === "w"));
  assert.match(error.message, /nested more than 8 levels deep/);
  // A scenario object whose getter throws, and a Proxy: errors, nothing stuck.
  await page.evaluate(() => {
    window.__ppmErrors.length = 0;
    const w = document.getElementById("w");
    w.scenario = { get organisers() { throw new Error("boom"); }, meetings: [] };
    w.scenario = new Proxy({}, { ownKeys() { throw new Error("trap"); } });
  });
  const thrown = await page.evaluate(() => window.__ppmErrors.map((e) => e.message));
  assert.equal(thrown.length, 2, JSON.stringify(thrown));
  assert.match(thrown[0], /reading it threw "boom"/);
  assert.match(thrown[1], /reading it threw "trap"/);
  // 21 profiles of 1,000 groups: valid for the core, more than the widget takes (20,000 rows).
  const huge = await page.evaluate(() => {
    window.__ppmErrors.length = 0;
    const legs = Array.from({ length: 1000 }, () => ({ country: "DE", call: "tollDialIn", count: 1 }));
    document.getElementById("w").scenario = { organisers: 1, meetings: Array.from({ length: 21 }, () => ({ perMonth: 1, minutes: 1, legs })) };
    return window.__ppmErrors.map((e) => e.message);
  });
  assert.deepEqual(huge, ["scenario: 21000 participant groups; the widget takes at most 20000 (price larger scenarios with the JS API's quote() or `ppm quote`)"]);
  // Both widgets still answer: an attribute change on each is priced (2 organisers, 10 GB toll
  // calls of 30 min: 300 min x 0.0220 = 6.60).
  const scenario = JSON.stringify({ organisers: 2, meetings: [{ perMonth: 10, minutes: 30, legs: [{ country: "GB", call: "tollDialIn", count: 1 }] }] });
  for (const id of ["w", "v"]) {
    await page.evaluate(([i, t]) => document.getElementById(i).setAttribute("scenario", t), [id, scenario]);
    await page.waitForFunction((i) => document.getElementById(i).quote?.monthly.perMinute === "6.60", id);
  }
  // And a widget added afterwards starts.
  await page.evaluate(() => { const n = document.createElement("ppm-pricing"); n.id = "late"; document.body.append(n); });
  await inside(page, "#late", "#per-minute-monthly").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("card-src: a German or French widget says what is wrong with a partner's card in its language; ppm-error stays English", async () => {
  const { page, context, errors } = await open(a.url + "german-card.html");
  for (const id of ["#de", "#fr"]) await inside(page, id, "#config-problem").waitFor();
  // The card's problem by kind (rates/…: a negative rate), where it is, and the country.
  assert.equal(
    await text(page, "#de", "#config-problem"),
    "card-src: Die Tariftabelle „negative-card.json“ ließ sich nicht verwenden (Tariftabelle, Feld `countries[0].dial_out`: „-1“ ist negativ; Tarife und Preise müssen 0 oder mehr sein (Land DE)); es gilt die eingebaute Tariftabelle.",
  );
  assert.equal(
    await text(page, "#fr", "#config-problem"),
    "card-src : la grille tarifaire « negative-card.json » n’a pas pu être utilisée (grille tarifaire, champ `countries[0].dial_out` : « -1 » est négatif ; les tarifs et les prix doivent être de 0 ou plus (pays DE)) ; la grille intégrée est affichée. hide : section inconnue « graphe » ; utilisez header, inputs, chart, lines, warnings, pool, actions.",
  );
  // The event is for the host's code: English, as before.
  const fired = await page.evaluate(() => window.__ppmErrors);
  assert.equal(
    fired.find((e) => e.id === "de").message,
    "card-src: the rate card \"negative-card.json\" could not be used (rate card, field `countries[0].dial_out`: \"-1\" is negative; rates and prices must be 0 or more (country DE)); showing the built-in card.",
  );
  // The built-in card prices meanwhile (the example in German: 146,16 $).
  assert.equal(await text(page, "#de", "#per-minute-monthly"), "146,16\u00a0$");
  await page.screenshot({ path: shots + "card-src-german.png", fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the first ppm-quote already carries the configured card; card-src has a size cap", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  await context.addInitScript(() => {
    window.__quotes = [];
    document.addEventListener("ppm-quote", (e) => window.__quotes.push({ id: e.target.id, currency: e.detail.currency, card: e.detail.card }));
    window.__ppmErrors = [];
    document.addEventListener("ppm-error", (e) => window.__ppmErrors.push({ id: e.target.id, ...e.detail }));
  });
  const page = await context.newPage();
  await page.goto(a.url + "first.html");
  await page.waitForFunction(() => ["eur", "partner"].every((id) => window.__quotes.some((q) => q.id === id)));
  const first = (id) => page.evaluate((i) => window.__quotes.find((q) => q.id === i), id);
  assert.deepEqual(await first("eur"), { id: "eur", currency: "EUR", card: "illustrative-eur" });
  assert.deepEqual(await first("partner"), { id: "partner", currency: "USD", card: "partner-xss" });
  // A 3 MB card is refused with its own message; the widget shows the built-in card.
  await page.goto(a.url + "slow.html");
  await page.waitForFunction(() => document.getElementById("w").quote);
  assert.match(await text(page, "#w", "#config-problem"), /could not be used \(it is \d+ KB; a rate card may be at most 2048 KB\)/);
  assert.equal(await page.evaluate(() => document.getElementById("w").quote.card), "illustrative-usd");
  await context.close();
});

test("the iframe without a configured origin posts nothing", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(a.url + "no-origin.html");
  await page.evaluate(() => { window.__messages = []; window.addEventListener("message", (e) => window.__messages.push(e.data)); });
  await page.evaluate((src) => { document.getElementById("f").src = src; }, b.url + "embed.html?lang=en");
  const frame = page.frameLocator("#f");
  await frame.locator("ppm-pricing #per-minute-monthly").waitFor();
  // The widget has priced (a quote exists inside the frame), and nothing reached the parent.
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__messages), []);
  await context.close();
});

test("the npm module: `ready`, a readable error before it, and only the documented exports", async () => {
  const module = readdirSync(dist + "npm/").find((f) => /^ppm-pricing\.[0-9a-f]{10}\.js$/.test(f));
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  // A page without the element: the first `await ready` starts the WASM.
  await page.goto(a.url + "bare.html");
  const result = await page.evaluate(async (src) => {
    const m = await import(src);
    let early = null;
    try { m.quote({ organisers: 1, meetings: [] }); } catch (e) { early = e.message; }
    await m.ready;
    const q = m.quote({ organisers: 1, meetings: [] });
    return { early, total: q.perUser.monthlyTotal, exports: Object.keys(m).sort() };
  }, a.url + "npm/" + module);
  // Called right after the import, before the WASM arrived: a sentence, not a TypeError.
  assert.match(result.early, /before the WebAssembly was loaded; await ready first/);
  // One licence at 4.00.
  assert.equal(result.total, "4.00");
  assert.deepEqual(result.exports, ["PpmPricing", "costCurve", "countries", "loadRateCard", "quote", "rateCards", "ready"]);
  await context.close();
});

test("a trap is never silent: every widget says so, reports it, and starts again in the page", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  // The test build of the element's WASM, which traps on lang="__trap" (feature test-trap).
  const trapDir = dist + "test-trap/";
  await context.route("**/ppm_element.js", (route) => route.fulfill({ path: trapDir + "ppm_element.js", contentType: "text/javascript" }));
  await context.route("**/ppm_element_bg.wasm", (route) => route.fulfill({ path: trapDir + "ppm_element_bg.wasm", contentType: "application/wasm" }));
  await context.addInitScript(() => {
    window.__ppmErrors = [];
    document.addEventListener("ppm-error", (e) => window.__ppmErrors.push({ id: e.target.id, ...e.detail }));
  });
  const page = await context.newPage();
  await page.goto(a.url + "two.html");
  await inside(page, "#w", "#per-minute-monthly").waitFor();
  await inside(page, "#v", "#per-minute-monthly").waitFor();
  // A card loaded through the JS API before the trap (one licence at 4.00, see small.toml).
  const { execFileSync } = await import("node:child_process");
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const card = execFileSync(root + "target/debug/ppm", ["convert", root + "tests/cards/small.toml"], { encoding: "utf8" });
  const loadedId = await page.evaluate(async (text) => {
    const m = await import("/ppm-pricing.js");
    return m.loadRateCard(text).id;
  }, card);
  await page.evaluate(() => document.getElementById("w").setAttribute("lang", "__trap"));
  // Both widgets (they share the WASM instance) show the message and report it.
  for (const id of ["w", "v"]) {
    await inside(page, `#${id}`, ".ppm-crashed[role=alert]").waitFor();
    assert.equal(await text(page, `#${id}`, ".ppm-crashed p"), "The pricing calculator stopped working (internal error: unreachable).");
  }
  const crashes = await page.evaluate(() => window.__ppmErrors.filter((e) => e.source === "crash"));
  assert.deepEqual(crashes.map((e) => e.id).sort(), ["v", "w"]);
  assert.equal(crashes[0].message, "the calculator stopped working (internal error: unreachable); start it again or reload the page");
  // The JS API says so too, instead of trapping again.
  const apiError = await page.evaluate(async () => {
    const m = await import("/ppm-pricing.js");
    try { m.rateCards(); return "no error"; } catch (e) { return e.message; }
  });
  assert.match(apiError, /stopped working; start a widget again or reload the page/);
  // A widget added afterwards says so too, instead of staying blank; a German one in German.
  await page.evaluate(() => {
    const n = document.createElement("ppm-pricing"); n.id = "late"; document.body.append(n);
    const d = document.createElement("ppm-pricing"); d.id = "de"; d.lang = "de"; document.body.append(d);
  });
  await inside(page, "#late", ".ppm-crashed").waitFor();
  assert.equal(await text(page, "#de", ".ppm-crashed button"), "Neu starten");
  await page.screenshot({ path: shots + "crashed.png" });
  // Start again, in the page: no navigation, a new instance, and every widget prices again.
  await page.evaluate(() => { document.getElementById("w").lang = "en"; window.__sameDocument = true; });
  await inside(page, "#v", ".ppm-crashed button").click();
  for (const id of ["w", "v", "late"]) {
    await inside(page, `#${id}`, "#per-minute-monthly").waitFor();
    // The example scenario on the built-in USD card (see widget.test.mjs): 146.16.
    assert.equal(await text(page, `#${id}`, "#per-minute-monthly"), "$146.16");
  }
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.equal(await page.locator("ppm-pricing .ppm-crashed").count(), 0);
  // The widgets react to edits again, and the JS API answers, with the card loaded before.
  await page.evaluate(() => document.getElementById("v").setAttribute("card", "illustrative-eur"));
  await page.waitForFunction(() => document.getElementById("v").quote?.currency === "EUR");
  const after = await page.evaluate(async (id) => {
    const m = await import("/ppm-pricing.js");
    const q = m.quote({ organisers: 1, meetings: [] }, id);
    return { ids: m.rateCards().map((c) => c.id), total: q.perUser.monthlyTotal };
  }, loadedId);
  assert.ok(after.ids.includes(loadedId), after.ids.join());
  assert.equal(after.total, "4.00");
  // No second crash was reported by the old instance's leftovers.
  assert.equal(await page.evaluate(() => window.__ppmErrors.filter((e) => e.source === "crash").length), 4);
  await context.close();
});

test("the npm README, followed literally in a fresh folder, gives a working widget", async () => {
  const { mkdtempSync, copyFileSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { execFileSync } = await import("node:child_process");
  const readme = readFileSync(dist + "npm/README.md", "utf8");
  // The files the README names: the module and the .wasm and .css beside it.
  const folder = mkdtempSync(tmpdir() + "/ppm-npm-");
  const module = readme.match(/Host these files of this folder together[^`]*`([^`]+)`/)[1];
  for (const f of readdirSync(dist + "npm/").filter((f) => f === module || /^ppm-pricing\.[0-9a-f]{10}\.(wasm|css)$/.test(f))) {
    copyFileSync(dist + "npm/" + f, folder + "/" + f);
  }
  // "your own rate card as JSON (`ppm convert card.toml > card.json`)": exactly that command.
  const convert = readme.match(/`ppm convert card\.toml > card\.json`/);
  assert.ok(convert, "the README names the convert command");
  const root = fileURLToPath(new URL("../../", import.meta.url));
  writeFileSync(folder + "/card.json", execFileSync(root + "target/debug/ppm", ["convert", root + "tests/cards/small.toml"]));
  // The snippet and the policy, as printed, with BASE replaced by where the files live.
  const snippet = readme.match(/```html\n(<script type="module"[^\n]+)\n/)[1].replaceAll("BASE/", "./");
  const policy = readme.match(/```\n(default-src[^\n]+)\n```/)[1];
  writeFileSync(folder + "/index.html", `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">${snippet}</head><body>
<ppm-pricing card-src="card.json" scenario='{"organisers": 2, "meetings": [{"perMonth": 10, "minutes": 30, "legs": [{"country": "DE", "call": "tollDialIn", "count": 1}]}]}'></ppm-pricing>
</body></html>`);
  const server = await serve({}, {}, folder);
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const problems = [];
  // Every file the page asks for is there (the browser's own favicon request aside).
  page.on("response", (r) => { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.push(`${r.status()} ${r.url()}`); });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector("ppm-pricing").quote);
  // The small test card: 10 meetings x 30 min of DE toll = 300 min x 0.0200 = 6.00.
  const q = await page.evaluate(() => document.querySelector("ppm-pricing").quote);
  assert.equal(q.card, "small");
  assert.equal(q.monthly.perMinute, "6.00");
  assert.deepEqual(problems, []);
  await context.close();
  server.close();
});

test("removing and adding widgets keeps memory flat, and a reused root starts afresh", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(a.url + "plain.html");
  await inside(page, "#w", "#per-minute-monthly").waitFor();
  const result = await page.evaluate(async () => {
    const wasm = await (await import("/ppm_element.js")).default();
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const cycle = async (attrs = {}) => {
      const e = document.createElement("ppm-pricing");
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      document.body.append(e);
      while (!e.quote) await tick();
      const quote = e.quote;
      e.remove();
      await tick();
      return quote;
    };
    // Warm up, then 300 add/remove cycles.
    for (let i = 0; i < 20; i++) await cycle();
    const before = wasm.memory.buffer.byteLength;
    for (let i = 0; i < 300; i++) await cycle();
    const after = wasm.memory.buffer.byteLength;
    // A widget edited, removed, and its root given to a new element with other attributes.
    const edited = document.createElement("ppm-pricing");
    document.body.append(edited);
    while (!edited.quote) await tick();
    edited.scenario = { organisers: 7, meetings: [] };
    while (edited.quote.scenario.organisers !== "7") await tick();
    edited.remove();
    await tick();
    const fresh = await cycle({ card: "illustrative-eur" });
    return { grew: after - before, freshOrganisers: fresh.scenario.organisers, freshCurrency: fresh.currency };
  });
  // Before roots were reused, 300 cycles grew the WASM memory by ~1.4 MB (Yew keeps every
  // app root's listeners); now at most one 64 KB page or so.
  assert.ok(result.grew <= 128 * 1024, `grew by ${result.grew} bytes`);
  // The reused root shows the example on the EUR card, not the previous element's 7 organisers.
  assert.equal(result.freshOrganisers, "40");
  assert.equal(result.freshCurrency, "EUR");
  await context.close();
});

test("card-src that never answers: its own message after 10 s, and the built-in card", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  // The card's request never gets an answer; the test waits the real 10 s (AbortSignal.timeout
  // does not follow a fake clock).
  await page.route("**/hanging-card.json", () => {});
  await page.goto(a.url + "bare.html");
  await page.evaluate(async () => {
    await import("/ppm-pricing.js");
    const e = document.createElement("ppm-pricing");
    e.id = "w";
    e.setAttribute("card-src", "hanging-card.json");
    document.body.append(e);
  });
  await page.waitForFunction(() => document.getElementById("w").quote, null, { timeout: 20_000 });
  assert.match(await text(page, "#w", "#config-problem"), /hanging-card\.json" could not be used \(no answer within 10 seconds\)/);
  assert.equal(await page.evaluate(() => document.getElementById("w").quote.card), "illustrative-usd");
  await context.close();
});
