// The host pages, partner card and helpers of the <ppm-pricing> browser tests
// (element.test.mjs, element-package.test.mjs).
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve, axeSource } from "./serve.mjs";

export const shots = fileURLToPath(new URL("../output/", import.meta.url));
mkdirSync(shots, { recursive: true });

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** A host page under the strict CSP, loading the element module. */
export const hostPage = (body, head = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<script type="module" src="ppm-pricing.js"></script>${head}</head><body>${body}</body></html>`;

// A partner card whose name is an XSS payload. 3 DE toll legs x 10 min x 2 meetings = 60 min
// x 0.0100 = 0.60 per month; licence 2 x 5.00 = 10.00.
export const partnerCard = {
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

/**
 * Three servers of dist/ with the pages above, on three origins: the host pages on `a`,
 * `embed.html` from `b` (configured to trust a's origin), and a third origin `c` next to it.
 */
export async function startServers() {
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
  const [a, b, c] = await Promise.all([serve({}, extra), serve({}, extra), serve({}, extra)]);
  // The cross-origin case: the host page on server a, embed.html from server b (configured to
  // trust a's origin), and a page of a third origin (server c) next to it.
  const host = new URL(a.url).origin;
  const embed = `${b.url}embed.html?origin=${encodeURIComponent(host)}&lang=en&hide=chart`;
  extra["frame-host.html"] = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; frame-src ${new URL(b.url).origin} ${new URL(c.url).origin}">
<title>Frame host</title><script type="module" src="ppm-frame.js"></script></head><body>
<iframe id="frame" data-ppm-embed title="Calculator" src="${embed}"></iframe>
<iframe id="attacker" title="Other site" src="${c.url}attacker.html"></iframe></body></html>`;
  return { a, b, c, close: () => { a.close(); b.close(); c.close(); } };
}

/** Opens a page in `browser`, recording errors and CSP violations (listeners installed before
 * any script). */
export async function openHost(browser, url, { width = 1280, withAxe = false } = {}) {
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

export const inside = (page, host, sel) => page.locator(`${host} ${sel}`);
export const text = (page, host, sel) => inside(page, host, sel).innerText();
