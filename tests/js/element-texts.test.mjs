// <ppm-pricing> in German and French: its WebAssembly carries English only, and a widget that
// speaks another language fetches that language's texts beside the WebAssembly (in the npm
// package as hashed, integrity-checked files), so it speaks it from its first render (issue 19).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, dist } from "./serve.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const page = (body, script = "ppm-pricing.js") => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}"><title>Host</title></head><body>${body}
<script type="module" src="${script}"></script></body></html>`;

const npm = readdirSync(join(dist, "npm"));
const npmModule = npm.find((f) => /^ppm-pricing\.[0-9a-f]+\.js$/.test(f));
const npmGerman = npm.find((f) => /^ppm-pricing-de\.[0-9a-f]+\.txt$/.test(f));

const TITLES = {
  en: "Teams Audio Conferencing: pay-per-minute or per-user licence?",
  de: "Teams-Audiokonferenzen: Abrechnung pro Minute oder Lizenz pro Benutzer?",
  fr: "Audioconférence Teams : paiement à la minute ou licence par utilisateur ?",
};

let server, browser;
before(async () => {
  server = await serve({}, {
    "favicon.ico": "",
    "two.html": page(`<ppm-pricing id="en"></ppm-pricing><ppm-pricing id="de" lang="de"></ppm-pricing>`),
    "french.html": page(`<ppm-pricing id="w" lang="fr"></ppm-pricing>`),
    "english.html": page(`<ppm-pricing id="w"></ppm-pricing>`),
    "npm-german.html": page(`<ppm-pricing id="w" lang="de"></ppm-pricing>`, `npm/${npmModule}`),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

/**
 * A page that records the texts files it requests and every ppm-quote / ppm-error; `route`
 * may answer some requests, and the WebAssembly is held back until `wasmAfter` settles.
 */
async function open(path, route, wasmAfter) {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__quotes = [];
    window.__errors = [];
    document.addEventListener("ppm-quote", (e) => window.__quotes.push(e.target.id));
    document.addEventListener("ppm-error", (e) => window.__errors.push({ id: e.target.id, ...e.detail }));
  });
  const p = await context.newPage();
  const texts = [];
  p.on("request", (r) => { if (r.url().endsWith(".txt")) texts.push(new URL(r.url()).pathname.split("/").pop()); });
  if (route) await p.route(route.match, route.answer);
  if (wasmAfter) await p.route("**/*.wasm", (r) => wasmAfter.then(() => r.continue()));
  await p.goto(server.url + path);
  return { page: p, context, texts };
}

/** The heading inside an element's shadow root (Playwright's locators pierce open roots). */
const heading = (p, id) => p.locator(`#${id} h1`).innerText();

test("an English widget fetches no texts; a German one speaks German from its first quote; a new lang fetches once", async () => {
  const { page: p, context, texts } = await open("two.html");
  await p.waitForFunction(() => ["en", "de"].every((id) => window.__quotes.includes(id)));
  assert.equal(await heading(p, "en"), TITLES.en);
  assert.equal(await heading(p, "de"), TITLES.de);
  assert.deepEqual(texts, ["element-texts-de.txt"]);
  // The German widget writes its totals the German way (decimal comma, "$" after).
  assert.match(await p.locator("#de #per-user-monthly").innerText(), /^\d{1,3}(\.\d{3})*,\d{2}\u00a0\$$/);
  await p.evaluate(() => document.getElementById("de").setAttribute("lang", "fr"));
  await p.waitForFunction((t) => document.getElementById("de").shadowRoot.querySelector("h1")?.textContent === t, TITLES.fr);
  await p.evaluate(() => document.getElementById("en").setAttribute("lang", "fr"));
  await p.waitForFunction((t) => document.getElementById("en").shadowRoot.querySelector("h1")?.textContent === t, TITLES.fr);
  assert.deepEqual(texts, ["element-texts-de.txt", "element-texts-fr.txt"]);
  assert.deepEqual(await p.evaluate(() => window.__errors), []);
  await context.close();
});

test("a language file that cannot be fetched: ppm-error \"texts\", and the widget speaks English", async () => {
  // The refusal arrives before the WebAssembly (as on a slow line): the first render uses that
  // answer and does not ask again.
  let refused;
  const answered = new Promise((resolve) => { refused = resolve; });
  const { page: p, context, texts } = await open("french.html", {
    match: "**/element-texts-fr.txt",
    answer: async (r) => { await r.fulfill({ status: 404, body: "" }); refused(); },
  }, answered);
  await p.waitForFunction(() => window.__quotes.includes("w"));
  assert.equal(await heading(p, "w"), TITLES.en);
  assert.deepEqual(texts, ["element-texts-fr.txt"]);
  const errors = await p.evaluate(() => window.__errors);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0].source, "texts");
  assert.match(errors[0].message, /^the fr texts could not be loaded \(element-texts-fr\.txt: HTTP 404\); the calculator is shown in English$/);
  // English throughout: its numbers too ($ first, decimal point).
  assert.match(await p.locator("#w #per-user-monthly").innerText(), /^\$\d{1,3}(,\d{3})*\.\d{2}$/);
  await context.close();
});

test("the npm package: the German file is hashed and integrity-checked; a changed one is refused", async () => {
  assert.ok(npmModule && npmGerman, npm.join());
  const good = await open("npm-german.html");
  await good.page.waitForFunction(() => window.__quotes.includes("w"));
  assert.equal(await heading(good.page, "w"), TITLES.de);
  assert.deepEqual(good.texts, [npmGerman]);
  await good.context.close();
  // The same file with one word changed no longer matches the integrity in the module.
  const { page: p, context } = await open("npm-german.html", {
    match: `**/${npmGerman}`,
    answer: async (r) => {
      const real = await r.fetch();
      await r.fulfill({ response: real, body: (await real.text()).replace("Tariftabelle", "Tarif-Tabelle") });
    },
  });
  await p.waitForFunction(() => window.__quotes.includes("w"));
  assert.equal(await heading(p, "w"), TITLES.en);
  assert.deepEqual((await p.evaluate(() => window.__errors)).map((e) => e.source), ["texts"]);
  await context.close();
});

test("the widget's own language menu fetches the language picked; one that cannot be had is said in the widget", async () => {
  let refuse = true;
  const { page: p, context, texts } = await open("english.html", {
    match: "**/element-texts-fr.txt", answer: (r) => (refuse ? r.fulfill({ status: 503, body: "" }) : r.continue()),
  });
  await p.waitForFunction(() => window.__quotes.includes("w"));
  assert.deepEqual(texts, []);
  await p.locator("#w #lang-switch").selectOption("fr");
  await p.locator("#w #lang-failed").waitFor();
  assert.equal(await p.locator("#w #lang-failed").innerText(),
    "The Français texts could not be loaded; check your connection and try again.");
  assert.equal(await heading(p, "w"), TITLES.en);
  refuse = false;
  await p.locator("#w #lang-switch").selectOption("en");
  await p.locator("#w #lang-switch").selectOption("fr");
  await p.waitForFunction((t) => document.getElementById("w").shadowRoot.querySelector("h1")?.textContent === t, TITLES.fr);
  assert.equal(await p.locator("#w #lang-failed").count(), 0);
  assert.deepEqual(texts, ["element-texts-fr.txt", "element-texts-fr.txt"]);
  await context.close();
});
