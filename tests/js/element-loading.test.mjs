// When <ppm-pricing> loads its WebAssembly (not at import; on connect; with loading="lazy" near
// the viewport), what its first `ppm-quote` carries when a scenario is set around connecting,
// what a page refusing WebAssembly is told, and the package in Node (no DOM, no fetch).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, dist } from "./serve.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const page = (body, csp = CSP) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}"><title>Host</title></head><body>${body}</body></html>`;

/** A small valid partner card with the id "partner" and this name. */
const card = (name) => ({
  id: "partner", name, currency: "USD", effective_from: "2027-01-01", illustrative: false, source: "tests",
  billing: { increment_seconds: 60, minimum_seconds: 60, rounding: "half_up", decimals: 2 },
  licence: { price_per_user_month: "5.00", pool_minutes_per_licence: 0, pool_basis: "assigned", pool_zone: "A" },
  credits: { minimum_purchase: "25.00" },
  countries: [{ code: "DE", zone: "A", toll_dial_in: "0.0100" }],
});

const germanOnly = JSON.stringify({ organisers: 2, meetings: [{ perMonth: 2, minutes: 10, legs: [{ country: "DE", call: "tollDialIn", count: 3 }] }] });

let server, browser;
before(async () => {
  server = await serve({}, {
    "favicon.ico": "",
    "bare.html": page("<h1>No widget yet</h1>"),
    // The widget far below the fold, to be fetched only when scrolled near.
    "lazy.html": page(`<h1>Our offer</h1><div style="height: 4000px"></div>
<ppm-pricing id="w" loading="lazy"></ppm-pricing><script type="module" src="ppm-pricing.js"></script>`, CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")),
    // Two partner cards with one id: the second element is told, in its language.
    "card-a.json": JSON.stringify(card("Partner A")),
    "card-b.json": JSON.stringify(card("Partner B")),
    // (Their scenario calls only Germany, the one country of the partner cards.)
    "taken.html": page(`<ppm-pricing id="a" card-src="card-a.json" scenario='${germanOnly}'></ppm-pricing>
<ppm-pricing id="b" lang="de" card-src="card-b.json" scenario='${germanOnly}'></ppm-pricing><script type="module" src="ppm-pricing.js"></script>`),
    "no-wasm.html": page(`<ppm-pricing id="w"></ppm-pricing><script type="module" src="ppm-pricing.js"></script>`,
      "default-src 'self'; script-src 'self'; style-src 'self'"),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

/** A fresh page that records every fetch() its scripts make and every ppm-quote / ppm-error. */
async function fresh(path) {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__fetched = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      window.__fetched.push(String(input instanceof Request ? input.url : input));
      return original(input, init);
    };
    window.__quotes = [];
    document.addEventListener("ppm-quote", (e) => window.__quotes.push({ id: e.target.id, organisers: e.detail.scenario.organisers, perMinute: e.detail.monthly.perMinute }));
    window.__ppmErrors = [];
    document.addEventListener("ppm-error", (e) => window.__ppmErrors.push({ id: e.target.id, ...e.detail }));
  });
  const p = await context.newPage();
  await p.goto(server.url + path);
  return { page: p, context };
}

/** How often the WebAssembly was fetched (its first part: the rest follows the first quote in
 * the background, see split.test.mjs). */
const wasmFetches = (p) => p.evaluate(() => window.__fetched.filter((u) => u.endsWith(".wasm") && !u.endsWith("_rest.wasm")).length);

test("importing the module fetches no WebAssembly; the first element or `await ready` does", async () => {
  const { page: p, context } = await fresh("bare.html");
  await p.evaluate(async () => { window.__m = await import("./ppm-pricing.js"); });
  // The module has run to its end (the class is defined): a fetch at import would be recorded.
  assert.equal(await p.evaluate(() => customElements.get("ppm-pricing") === window.__m.PpmPricing), true);
  assert.equal(await wasmFetches(p), 0);
  // The JS API: the WebAssembly is fetched by the first await of `ready`, once.
  assert.equal(await p.evaluate(async () => { await window.__m.ready; await window.__m.ready; return window.__m.quote({ organisers: 1, meetings: [] }).perUser.monthlyTotal; }), "4.00");
  assert.equal(await wasmFetches(p), 1);
  await context.close();
});

test("loading=\"lazy\": the WebAssembly is fetched when the element nears the viewport", async () => {
  const { page: p, context } = await fresh("lazy.html");
  await p.evaluate(() => customElements.whenDefined("ppm-pricing"));
  // Defined and connected (its connectedCallback has run), 4000 px below the fold: nothing yet.
  assert.equal(await wasmFetches(p), 0);
  assert.equal(await p.evaluate(() => document.getElementById("w").quote), null);
  await p.locator("#w").scrollIntoViewIfNeeded();
  await p.waitForFunction(() => document.getElementById("w").quote !== null);
  assert.equal(await wasmFetches(p), 1);
  // Another lazy element far down starts at once when `loading` is removed.
  await p.evaluate(() => {
    const spacer = document.createElement("div");
    spacer.style.height = "4000px";
    const late = document.createElement("ppm-pricing");
    late.id = "late";
    late.setAttribute("loading", "lazy");
    document.body.append(spacer, late);
  });
  assert.equal(await p.evaluate(() => document.getElementById("late").quote), null);
  await p.evaluate(() => document.getElementById("late").removeAttribute("loading"));
  await p.waitForFunction(() => document.getElementById("late").quote !== null);
  await context.close();
});

test("a scenario set before connecting, or right after, is what the first ppm-quote carries", async () => {
  const { page: p, context } = await fresh("bare.html");
  await p.evaluate(async () => {
    await import("./ppm-pricing.js");
    // Set as React 19 sets a property: on the new element, before it is in the document.
    const before = document.createElement("ppm-pricing");
    before.id = "before";
    before.scenario = { organisers: 3, meetings: [{ perMonth: 10, minutes: 30, legs: [{ country: "GB", call: "tollDialIn", count: 1 }] }] };
    document.body.append(before);
    // Set right after connecting, while the WebAssembly is still on its way.
    const afterwards = document.createElement("ppm-pricing");
    afterwards.id = "after";
    document.body.append(afterwards);
    afterwards.scenario = JSON.stringify({ organisers: 5, meetings: [{ perMonth: 4, minutes: 30, legs: [{ country: "DE", call: "tollDialIn", count: 2 }] }] });
  });
  await p.waitForFunction(() => ["before", "after"].every((id) => window.__quotes.some((q) => q.id === id)));
  const first = (id) => p.evaluate((i) => window.__quotes.find((q) => q.id === i), id);
  // 10 x 30 min x 1 GB toll leg = 300 min x 0.0220 = 6.60; never the built-in example first
  // (the detail's scenario gives numbers as decimal strings).
  assert.deepEqual(await first("before"), { id: "before", organisers: "3", perMinute: "6.60" });
  // 4 x 30 min x 2 DE toll legs = 240 min x 0.0220 = 5.28.
  assert.deepEqual(await first("after"), { id: "after", organisers: "5", perMinute: "5.28" });
  // A bad scenario set before connecting: `ppm-error` (source "scenario") and the example.
  await p.evaluate(() => {
    const bad = document.createElement("ppm-pricing");
    bad.id = "bad";
    bad.scenario = { organisers: -1, meetings: [] };
    document.body.append(bad);
  });
  await p.waitForFunction(() => window.__quotes.some((q) => q.id === "bad"));
  const [error] = await p.evaluate(() => window.__ppmErrors.filter((e) => e.id === "bad"));
  assert.equal(error.source, "scenario");
  assert.match(error.message, /organisers/);
  await context.close();
});

test("a page whose policy refuses WebAssembly is told what to add, or to use the iframe", async () => {
  const { page: p, context } = await fresh("no-wasm.html");
  await p.waitForFunction(() => window.__ppmErrors.length > 0);
  const [fired] = await p.evaluate(() => window.__ppmErrors);
  assert.equal(fired.source, "start");
  assert.match(fired.message, /Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src, or embed the calculator with the iframe \(embed\.html\)/);
  assert.match(await p.locator("#w [role=alert]").innerText(), /^The pricing calculator could not start: this page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval'/);
  await context.close();
});

test("a second partner card with a taken id is refused, said in the widget's language", async () => {
  const { page: p, context } = await fresh("taken.html");
  await p.waitForFunction(() => ["a", "b"].every((id) => window.__quotes.some((q) => q.id === id)));
  // Whichever card arrives first is used; the other element says why it is not.
  const errors = await p.evaluate(() => window.__ppmErrors);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const refused = errors[0].id;
  const kept = refused === "a" ? "b" : "a";
  assert.equal(await p.evaluate((id) => document.getElementById(id).quote.card, kept), "partner");
  assert.equal(await p.evaluate((id) => document.getElementById(id).quote.card, refused), "illustrative-usd");
  assert.match(errors[0].message, /rate card id "partner" is already taken by another card loaded on this page \("Partner [AB]"\); give each card its own id/);
  const shown = await p.locator(`#${refused} #config-problem`).innerText();
  if (refused === "b") assert.match(shown, /Die Kennung „partner“ hat schon eine andere Tariftabelle auf dieser Seite \(„Partner A“\)/);
  else assert.match(shown, /rate card id "partner" is already taken by another card loaded on this page \("Partner B"\)/);
  await context.close();
});

test("in Node, the package imports without a DOM and ppm-pricing-widget/api works without fetch", () => {
  // Installed as npm installs it, imported by name (so the `node` export condition is used).
  const folder = mkdtempSync(join(tmpdir(), "ppm-node-"));
  try {
    cpSync(dist + "npm", join(folder, "node_modules/ppm-pricing-widget"), { recursive: true, filter: (f) => !/\.(br|gz)$/.test(f) });
    writeFileSync(join(folder, "server.mjs"), `
globalThis.fetch = () => { throw new Error("fetch was called"); };
const element = await import("ppm-pricing-widget");
const { ready, quote } = await import("ppm-pricing-widget/api");
let early = null;
try { quote({ organisers: 1, meetings: [] }); } catch (e) { early = e.message; }
await ready;
console.log(JSON.stringify({
  element: typeof element.PpmPricing,
  defined: typeof customElements,
  early,
  total: quote({ organisers: 10, meetings: [] }).perUser.monthlyTotal,
}));
`);
    const r = spawnSync(process.execPath, ["server.mjs"], { cwd: folder, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.element, "function");
    assert.equal(out.defined, "undefined");
    assert.match(out.early, /before the WebAssembly was loaded; await ready first/);
    // 10 licences x 4.00 on the USD card.
    assert.equal(out.total, "40.00");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("the package names its entries: the element, /api (browser and Node) and /react types", () => {
  const pkg = JSON.parse(spawnSync(process.execPath, ["-e", `process.stdout.write(require("fs").readFileSync(${JSON.stringify(dist + "npm/package.json")}, "utf8"))`], { encoding: "utf8" }).stdout);
  assert.deepEqual(Object.keys(pkg.exports).sort(), [".", "./api", "./embed.html", "./frame", "./react"]);
  assert.deepEqual(pkg.exports["./api"], { types: "./api.d.ts", node: "./api.node.js", default: "./api.js" });
  assert.deepEqual(pkg.exports["./react"], { types: "./react.d.ts" });
  for (const f of ["api.js", "api.node.js", "api-guard.js", "api.d.ts", "react.d.ts", "ppm_api.js", "ppm_api_bg.wasm"]) {
    assert.ok(readdirSync(dist + "npm").includes(f), f);
  }
});
