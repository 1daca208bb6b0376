// The pricing page's WebAssembly comes in two parts (xtask/src/split.rs): the first holds what
// the build's profiling visits ran (the English first view and a phone; in the other first part,
// which a share link or a German or French browser loads instead, a share link, German, French;
// the smaller one keeps the prerendered results and prices and draws with the rest), the
// rest (edits, exports, ...) is fetched once the page is ready, or at once when a visitor acts
// before that (the action waits for it); a function of it that runs before then loads it by a
// synchronous request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, typeUntilLinked as type, heldRest } from "./serve.mjs";

// Either first part's rest (the page for every first view has its own).
const REST = /ppm_widget(_all)?_rest\.wasm$/;
const isRest = (url) => REST.test(url);
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** A fresh page (in `locale`, at `hash`) that records the requests for the rest (by kind: "fetch" in the background,
 * "xhr" when a function of it runs first) and the page's errors; `route` may answer them. */
async function openPage(route, locale = "en-US", hash = "") {
  const context = await browser.newContext({ locale, acceptDownloads: true, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const rest = [];
  const errors = [];
  page.on("request", (r) => { if (isRest(r.url())) rest.push(r.resourceType()); });
  page.on("pageerror", (e) => errors.push(e.message));
  if (route) await page.route(REST, route);
  // The first request for the rest, whatever its kind.
  const asked = page.waitForRequest((r) => isRest(r.url()));
  await page.goto(server.url + hash);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
  return { page, context, rest, errors, asked };
}

const text = (page, selector) => page.locator(selector).textContent();

/** The share link of the example with 60 licences, 12 organisers and a 45-minute all-hands,
 * as a visitor sends it (typed on a page whose rest loads normally). */
async function editedLink() {
  const { page, context } = await openPage();
  await type(page, "licencesPurchased", "60");
  await type(page, "organisers", "12");
  await type(page, "meetings-0-minutes", "45");
  const hash = await page.evaluate(() => location.hash);
  await context.close();
  return hash;
}

test("the first view and a colleague's share link run on the first part alone", async () => {
  const hash = await editedLink();
  // Every request for the rest fails: a function of it that ran would throw.
  for (const [at, perMinute, perUser] of [
    // The example: 48 German toll legs x 60 min = 2,880 min x 0.0220 = 63.36, UK toll 1,800 x
    // 0.0220 = 39.60, US toll-free 720 x 0.0300 = 21.60, US dial-out 1,800 x 0.0120 = 21.60:
    // 146.16; per-user 50 licences x 4.00 + toll-free 21.60 (dial-out within the pool): 221.60.
    ["", "$146.16", "$221.60"],
    // The link: 2,160 x 0.0220 = 47.52 + 39.60 + 540 x 0.0300 = 16.20 + 21.60 = 124.92;
    // per-user 60 x 4.00 + 16.20 + (1,800 - 12 x 60) x 0.0120 = 12.96: 269.16.
    [hash, "$124.92", "$269.16"],
  ]) {
    const { page, context, rest, errors, asked } = await openPage((route) => route.abort(), "en-US", at);
    assert.equal(await text(page, "#per-minute-monthly"), perMinute, at);
    assert.equal(await text(page, "#per-user-monthly"), perUser, at);
    assert.deepEqual(errors, []);
    // The background fetch was tried (and failed); nothing asked for the rest at once.
    assert.equal((await asked).resourceType(), "fetch");
    assert.ok(!rest.includes("xhr"), rest.join(", "));
    await context.close();
  }
});

test("a visitor's first edits before the rest has arrived wait for it without holding the page, and price right", async () => {
  const net = heldRest();
  const { page, context, rest, errors } = await openPage(net.route);
  await page.fill("#licencesPurchased", "60");
  await page.fill("#organisers", "12");
  await page.fill("#meetings-0-minutes", "45");
  // The page still runs script (a synchronous request for the rest would hold it until the
  // rest arrived), the fields show what was typed, and the prices wait: still the example's.
  assert.equal(await page.evaluate(() => document.getElementById("organisers").value), "12");
  assert.equal(await text(page, "#per-minute-monthly"), "$146.16");
  // The results say they are being worked out (and widget.css dims them after a moment).
  // (Marked once the first held keystroke's frame is painted.)
  await page.waitForFunction(() => document.querySelector(".ppm-results").getAttribute("aria-busy") === "true");
  await page.waitForFunction(() => getComputedStyle(document.querySelector(".ppm-results")).opacity === "0.55");
  net.release();
  // The all-hands' 15 phone participants (12 German toll, 3 US toll-free) x 4 meetings now last
  // 45 min: 48 legs x 45 = 2,160 German minutes, 12 x 45 = 540 US toll-free minutes.
  // Pay-per-minute: 2,160 x 0.0220 = 47.52, UK toll 1,800 x 0.0220 = 39.60, toll-free
  // 540 x 0.0300 = 16.20, US dial-out 1,800 x 0.0120 = 21.60: 124.92.
  await page.waitForFunction(() => document.getElementById("per-minute-monthly").textContent === "$124.92");
  // Per-user: 60 licences x 4.00 = 240.00, toll-free 16.20, and the dial-out beyond the pool
  // (12 organisers x 60 = 720 min): 1,080 x 0.0120 = 12.96; 269.16.
  assert.equal(await text(page, "#per-user-monthly"), "$269.16");
  assert.equal(await page.locator(".ppm-results").getAttribute("aria-busy"), null);
  assert.deepEqual(errors, []);
  // Fetched once, by the first edit (before the idle moment) or in the background: never by a
  // synchronous request.
  assert.deepEqual(rest, ["fetch"]);
  await context.close();
});

test("a click before the rest has arrived is clicked again once it is: the export downloads", async () => {
  const net = heldRest();
  const { page, context, rest, errors } = await openPage(net.route);
  // Nothing in the profiling visits exports a CSV: its code is in the rest.
  const download = page.waitForEvent("download");
  await page.locator("#export-csv").click();
  net.release();
  const rows = readFileSync(await (await download).path(), "utf8").slice(1).trim().split("\r\n");
  // 48 legs x 60 min x 0.0220 = 63.36, and the example's pay-per-minute month: 146.16.
  assert.ok(rows.includes('Pay-per-minute,"Toll dial-in, Germany",,48,2880,0.0220,63.36'), rows.join("\n"));
  assert.ok(rows.includes("Pay-per-minute,per month,,,,,146.16"), rows.join("\n"));
  assert.deepEqual(rest, ["fetch"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("when the fetch of the rest failed, a click brings it by a synchronous request", async () => {
  // The fetch fails (a network blip); a synchronous request goes through.
  const { page, context, rest, errors } = await openPage((route) =>
    route.request().resourceType() === "fetch" ? route.abort() : route.continue());
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
  const rows = readFileSync(await download.path(), "utf8").slice(1).trim().split("\r\n");
  // The example's pay-per-minute month: 146.16 (worked in the test above).
  assert.ok(rows.includes("Pay-per-minute,per month,,,,,146.16"), rows.join("\n"));
  assert.ok(rest.includes("fetch") && rest.includes("xhr"), rest.join(", "));
  assert.ok(errors.every((e) => e.includes("ppm_widget_rest.wasm")), errors.join("; "));
  await context.close();
});

test("a click before the idle moment fetches the rest at once, and the idle moment does not fetch it again", async () => {
  // The page's idle moment (when the background fetch starts) is held back until the export
  // has brought the rest.
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const rest = [];
  page.on("request", (r) => { if (isRest(r.url())) rest.push(r.resourceType()); });
  await page.addInitScript(() => { window.requestIdleCallback = (go) => { window.__idle = go; }; });
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true" && window.__idle);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
  const rows = readFileSync(await download.path(), "utf8").slice(1).trim().split("\r\n");
  assert.ok(rows.includes("Pay-per-minute,per month,,,,,146.16"), rows.join("\n"));
  // Now the idle moment: the background load finds the rest there and marks the page loaded.
  await page.evaluate(() => window.__idle());
  await page.waitForFunction(() => document.documentElement.dataset.rest === "loaded");
  assert.deepEqual(rest, ["fetch"]);
  await context.close();
});

test("once the page is ready the rest arrives in the background, and nothing waits for it later", async () => {
  const { page, context, rest, errors } = await openPage();
  await page.waitForFunction(() => document.documentElement.dataset.rest === "loaded");
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
  const rows = readFileSync(await download.path(), "utf8").slice(1).trim().split("\r\n");
  assert.ok(rows.includes("Pay-per-minute,per month,,,,,146.16"), rows.join("\n"));
  // Detailed mode (also in the rest): the all-hands' 50 participants become rows of their own.
  await page.locator("#meetings-0-mode-detailed").check();
  await page.waitForSelector("#meetings-0-legs-0-count");
  assert.equal(await text(page, "#per-minute-monthly"), "$146.16");
  assert.deepEqual(rest, ["fetch"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("without the network, a function of the rest that has to run says so in the page's language", async () => {
  const { page, context, errors } = await openPage((route) => route.abort(), "de-DE");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
  await page.locator("#export-csv").click();
  const notice = page.locator("#rest-failed");
  await notice.waitFor();
  assert.equal(await notice.getAttribute("role"), "alert");
  assert.equal(await notice.textContent(),
    "Ein Teil des Rechners konnte nicht geladen werden. Prüfen Sie die Verbindung und laden Sie die Seite neu.");
  // A German browser loads the first part for every first view, and its rest.
  assert.ok(errors.some((e) => e.includes("ppm_widget_all_rest.wasm")), errors.join("; "));
  await context.close();
});

test("the example in English loads the smaller first part; a share link, German and French the one for every first view", async () => {
  const hash = await editedLink();
  for (const [locale, at, first] of [
    ["en-US", "", "ppm_widget"],
    ["en-GB", "", "ppm_widget"],
    ["en-US", hash, "ppm_widget_all"],
    ["de-DE", "", "ppm_widget_all"],
    ["fr-FR", "", "ppm_widget_all"],
  ]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const wasm = [];
    page.on("request", (r) => { if (r.url().endsWith(".wasm")) wasm.push(new URL(r.url()).pathname.slice(1)); });
    await page.goto(server.url + at);
    await page.waitForFunction(() => document.documentElement.dataset.rest === "loaded");
    // Each fetched once (the preload is what the glue then uses), and no other part.
    assert.deepEqual(wasm.sort(), [`${first}_bg.wasm`, `${first}_rest.wasm`], `${locale} ${at}`);
    await context.close();
  }
});

/** The results' markup, as the page shows it. */
/** The results and the summary bar's markup. */
const results = (page) => page.evaluate(() =>
  ["#summary-bar", ".ppm-result-body"].map((s) => document.querySelector(s).outerHTML).join("\n"));

test("the smaller first part keeps the prerendered results, and they are what the app draws", async () => {
  for (const locale of ["en-US", "en-GB"]) {
    // With every request for the rest refused, the results are there: kept, not priced nor
    // drawn (both are the rest's code), in the app's own container. The example's per-minute
    // line items add up to $146.16 (see above); today's mark on the chart and the summary bar
    // say the same, the bar with the per-user licence's $221.60 (its parts are spans: no spaces
    // between them in the text).
    const refused = await openPage((route) => route.abort(), locale);
    assert.equal(await text(refused.page, "#app-live #per-minute-monthly"), "$146.16", locale);
    assert.equal(await text(refused.page, "#app-live #summary-bar"),
      "Monthly cost:Pay-per-minute $146.16 ($75.44 less)Per-user licence $221.60", locale);
    assert.equal(await text(refused.page, "#lines-per-minute tfoot td"), "$146.16", locale);
    assert.equal(await text(refused.page, "#chart-today-ppm"), "$146.16", locale);
    assert.ok(!refused.rest.includes("xhr"), refused.rest.join(", "));
    assert.deepEqual(refused.errors, []);
    await refused.context.close();

    // Drawn by the app after an edit and its undoing, they are the same markup.
    const { page, context, errors } = await openPage(undefined, locale);
    const kept = await results(page);
    await page.waitForFunction(() => document.documentElement.dataset.rest === "loaded");
    // A 61-minute all-hands: 48 German legs x 61 = 2,928 min x 0.0220 = 64.42 (not 63.36).
    await type(page, "meetings-0-minutes", "61");
    await page.waitForFunction(() => document.querySelector("#lines-per-minute tfoot td").textContent !== "$146.16");
    await type(page, "meetings-0-minutes", "60");
    await page.waitForFunction(() => document.querySelector("#lines-per-minute tfoot td").textContent === "$146.16");
    assert.equal(await results(page), kept, locale);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("a glossary opened in the kept results stays open when the first edit draws them anew, and closed once closed", async () => {
  const { page, context, errors } = await openPage();
  const open = () => page.evaluate(() => document.getElementById("glossary").open);
  const kept = await page.evaluateHandle(() => document.querySelector(".ppm-result-body"));
  await page.locator("#glossary summary").click();
  assert.equal(await open(), true);
  // 12 organisers: the dial-out pool shrinks to 12 x 60 = 720 minutes, so 1,080 of the 1,800 US
  // dial-out minutes cost 0.0120 each: $221.60 + $12.96 = $234.56 (as in
  // `a_first_view_that_keeps_the_prerendered_results_prices_at_its_first_change`).
  await type(page, "organisers", "12");
  await page.waitForFunction(() => document.getElementById("per-user-monthly").textContent === "$234.56");
  // Drawn anew (the kept copy is gone from the page), and open as the visitor left it.
  assert.equal(await page.evaluate((k) => k.isConnected, kept), false);
  assert.equal(await open(), true);
  // Closed by the visitor, it stays closed at the next edit (13 organisers: a pool of 780
  // minutes, 1,020 x 0.0120 = $12.24 more: $233.84).
  await page.locator("#glossary summary").click();
  await type(page, "organisers", "13");
  await page.waitForFunction(() => document.getElementById("per-user-monthly").textContent === "$233.84");
  assert.equal(await open(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a first view priced otherwise than the prerendered one (the euro card) gets the rest before the app starts", async () => {
  // en-IE: Ireland pays in euros (rates/regions.csv). Per minute, the euro card's rates: 2,880
  // German min x 0.0202 = 58.18, 1,800 UK min x 0.0202 = 36.36, 720 US toll-free min x 0.0276
  // = 19.87, 1,800 US dial-out min x 0.0110 = 19.80: €134.21.
  const { page, context, rest, errors, asked } = await openPage(undefined, "en-IE");
  assert.equal(await text(page, "#per-minute-monthly"), "€134.21");
  assert.equal(await text(page, "#lines-per-minute tfoot td"), "€134.21");
  // Fetched once, before the app started; never by a synchronous request.
  assert.equal((await asked).resourceType(), "fetch");
  assert.deepEqual(rest, ["fetch"]);
  assert.deepEqual(errors, []);
  await context.close();
});
