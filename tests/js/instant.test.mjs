// The pricing page before and during the WebAssembly's arrival, and on a phone: the prerendered
// first view, the take-over without layout shift, share links while they are priced, input typed
// early, and the narrow layouts (page at 390 px, compact element at 320 px, the iframe).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve, launch, axe } from "./serve.mjs";

const shots = fileURLToPath(new URL("../output/", import.meta.url));
const large = JSON.parse(readFileSync(new URL("../data/large-scenario.json", import.meta.url), "utf8"));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const ready = (page) => page.waitForFunction(() => document.documentElement.dataset.ready === "true");

/** A page whose WebAssembly is held back until `release()` is called. */
async function heldBack(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, ...options });
  const page = await context.newPage();
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(/ppm_widget(_all)?_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  return { context, page, release };
}

test("with JavaScript disabled, the inputs and both prices of the example are on the page", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  // The README example priced by the core at build time (see widget.test.mjs for the sums).
  assert.equal(await page.locator("#per-minute-monthly").innerText(), "$146.16");
  assert.equal(await page.locator("#per-user-monthly").innerText(), "$221.60");
  assert.equal(await page.locator("#organisers").inputValue(), "40");
  assert.match(await page.locator("#winner").innerText(), /Pay-per-minute is cheaper by \$75\.44/);
  assert.equal(await page.locator("#lines-per-user tbody tr").count(), 5);
  await context.close();
});

test("the take-over from the prerendered page shifts nothing, and input typed early is kept", async () => {
  const { context, page, release } = await heldBack();
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(server.url);
  await page.waitForSelector("#per-minute-monthly");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), undefined);
  const before = await page.locator("#per-user").boundingBox();
  // Typed while the WebAssembly is still on its way: 60 licences (per-user 240.00 + 21.60).
  await page.locator("#licencesPurchased").fill("60");
  release();
  await ready(page);
  await page.waitForFunction(() => document.querySelector("#per-user-monthly").textContent === "$261.60");
  assert.equal(await page.locator("#licencesPurchased").inputValue(), "60");
  await page.waitForTimeout(300);
  const after = await page.locator("#per-user").boundingBox();
  assert.deepEqual(after, before, "the per-user card stays where it was");
  const shift = await page.evaluate(() => window.__shift);
  assert.ok(shift <= 0.01, `cumulative layout shift ${shift}`);
  // One widget, not two: the prerendered markup is gone.
  assert.equal(await page.locator("#per-minute-monthly").count(), 1);
  await context.close();
});

/** The results section's DOM as text: elements with their namespace and sorted attributes,
 * and their text, so that two renderings compare by what the browser built, not by how the
 * HTML was spelled. */
function resultsDom() {
  const write = (n) => n.nodeType === 3 ? n.data : n.nodeType !== 1 ? "" :
    `<${n.namespaceURI}|${n.localName}${[...n.attributes].map((a) => ` ${a.name}="${a.value}"`).sort().join("")}>` +
    `${[...n.childNodes].map(write).join("")}</${n.localName}>`;
  return write(document.querySelector(".ppm-results"));
}

test("the live results are the prerendered ones, element for element (tables, chart, glossary)", async () => {
  const still = await browser.newContext({ javaScriptEnabled: false });
  const first = await still.newPage();
  await first.goto(server.url);
  const prerendered = await first.evaluate(resultsDom);
  await still.close();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  // The chart and the line items follow the summary a frame later.
  await page.waitForFunction(() => document.querySelectorAll("#lines-per-user tbody tr").length === 5);
  const live = await page.evaluate(resultsDom);
  // Parts written as HTML text (ui::markup) are parsed by the browser: a table's rows outside
  // a table, or an SVG element outside <svg>, would be dropped or land in another namespace.
  assert.match(live, /<http:\/\/www\.w3\.org\/2000\/svg\|text [^>]*id="chart-today-ppm"/);
  assert.equal((live.match(/\|td /g) ?? []).length, (prerendered.match(/\|td /g) ?? []).length);
  assert.equal(live, prerendered);
  await context.close();
});

test("a share link never shows the example's prices as its own", async () => {
  const { context, page, release } = await heldBack();
  // Organisers 3 in the example: the licences stay 50, so per-user 200 + 21.60 = 221.60, but
  // pay-per-minute changes nothing either; change the meetings instead: 20 customer calls a
  // month (GB 600 min x 0.0220 = 13.20, US 600 x 0.0120 = 7.20) with the all-hands' 63.36 +
  // 21.60: 105.36.
  const base = await browser.newContext();
  const maker = await base.newPage();
  await maker.goto(server.url);
  await ready(maker);
  await maker.locator("#meetings-1-perMonth").fill("20");
  await maker.waitForFunction(() => location.hash.includes("20"));
  const link = maker.url();
  await base.close();
  await page.goto(link);
  await page.waitForSelector("#pending");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.pricing), "link");
  assert.equal(await page.locator("#pending").isVisible(), true);
  assert.equal(await page.locator("#per-minute-monthly").isVisible(), false, "the example's price is hidden");
  assert.equal(await page.locator("#organisers").isVisible(), false);
  await page.screenshot({ path: shots + "link-pending.png" });
  release();
  await ready(page);
  assert.equal(await page.locator("#pending").isVisible(), false);
  assert.equal(await page.locator("#per-minute-monthly").innerText(), "$105.36");
  await context.close();
});

test("an old v1 share link still opens and is priced", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // v1: Daily, 20 a month, 15 min; 2 toll dial-ins from DE and 1 app join from US; 3
  // organisers, no licence count (so 3 licences). Pay-per-minute: 2 x 20 = 40 legs x 15 min =
  // 600 min x 0.0220 = 13.20. Per-user: 3 x 4.00 = 12.00 (toll dial-in included).
  await page.goto(server.url + "#v1&card=illustrative-usd&o=3&l=&a=0&lang=en&m=Daily~20~15~DE.t.2%2CUS.a.1");
  await ready(page);
  assert.equal(await page.locator("#per-minute-monthly").innerText(), "$13.20");
  assert.equal(await page.locator("#per-user-monthly").innerText(), "$12.00");
  assert.equal(await page.locator("#meetings-0-name").inputValue(), "Daily");
  assert.equal(await page.locator("#bad-link").count(), 0);
  await context.close();
});

/** Elements whose box reaches past the right edge of the viewport. */
const overflow = (page, width) => page.evaluate((w) => document.documentElement.scrollWidth > w, width);

test("at 390 px: no sideways scroll, a running total in view, reflowed line items, big enough text and targets", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  assert.equal(await overflow(page, 390), false, "the page scrolls sideways");
  // Deep in the inputs, the running total is still in view.
  await page.locator("#meetings-1-legs-2-count").scrollIntoViewIfNeeded();
  const bar = await page.locator("#summary-bar").boundingBox();
  assert.ok(bar && bar.y >= 0 && bar.y + bar.height <= 844, `summary bar at ${JSON.stringify(bar)}`);
  assert.match(await page.locator("#summary-bar").innerText(), /\$146\.16[\s\S]*\$221\.60/);
  // The winner in words too, not by colour alone: 221.60 - 146.16 = 75.44 less.
  assert.equal(await page.locator("#bar-saving").innerText(), "($75.44 less)");
  await page.screenshot({ path: shots + "phone-inputs.png" });
  // Every line-item cell lies inside the viewport (no cut-off Amount column).
  // (The header row is visually hidden in this layout: its clipped cells are not drawn.)
  const cells = await page.locator(".ppm-lines td, .ppm-lines tbody th, .ppm-lines tfoot th").evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => Math.round(r.right)));
  assert.ok(cells.length > 20 && cells.every((r) => r <= 390), `cells reach ${Math.max(...cells)} px`);
  // Chart text is at least 12 px on screen.
  const sizes = await page.locator(".ppm-chart svg text").evaluateAll((els) => els.map((t) => {
    const svg = t.ownerSVGElement.getBoundingClientRect();
    return parseFloat(getComputedStyle(t).fontSize) * (svg.width / 560);
  }));
  assert.ok(sizes.length >= 3 && sizes.every((s) => s >= 12), `chart text ${sizes.map((s) => s.toFixed(1))}`);
  // Touch targets of 24 x 24 px or more (WCAG 2.5.8).
  const small = await page.locator("button, input, select").evaluateAll((els) => els
    .filter((e) => !e.closest(".visually-hidden"))
    .map((e) => [e.id || e.textContent, e.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
    .map(([n, r]) => `${n} ${r.width}x${r.height}`));
  assert.deepEqual(small, []);
  await page.locator("#lines-per-user").scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots + "phone-lines.png" });
  await axe(page, "phone");
  await context.close();
});

test("at 1280 px, the heading of a meeting's participant shares reads on one line", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  // The lines its text is laid out in ("Share of phone participants" was three, one word each).
  const lines = await page.locator(".ppm-mix caption").first().evaluate((caption) => {
    const range = document.createRange();
    range.selectNodeContents(caption);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  assert.equal(lines, 1);
  await context.close();
});

test("at 390 px in German, the organisation's country shows its whole name", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.rest === "loaded");
  // "UK" is one of the names the search knows; the field then shows the country's German name.
  await page.fill("#organisation", "UK");
  await page.locator("#organisation").blur();
  await page.waitForFunction(() => document.getElementById("organisation").value === "Vereinigtes Königreich");
  const field = await page.locator("#organisation").evaluate((e) => [e.scrollWidth, e.clientWidth]);
  assert.ok(field[0] <= field[1], `the name needs ${field[0]} px, the field shows ${field[1]}`);
  assert.equal(await overflow(page, 390), false, "the page scrolls sideways");
  await context.close();
});

test("the large scenario at 390 px: long participant lists are cut to a first page, nothing scrolls sideways", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(server.url + "npm/example.html");
  await page.evaluate(async (scenario) => {
    await customElements.whenDefined("ppm-pricing");
    const el = document.querySelector("ppm-pricing");
    await new Promise((resolve) => { el.addEventListener("ppm-quote", resolve, { once: true }); el.scenario = scenario; });
  }, large);
  const root = page.locator("ppm-pricing");
  // 120 groups per profile: the first 40 are rows, then "Show all 120 rows".
  await root.locator("#meetings-0-show-all").waitFor();
  assert.equal(await root.locator("#meetings-0 tbody tr").count(), 40);
  assert.equal(await root.locator("#meetings-0-show-all").innerText(), "Show all 120 rows");
  await root.locator("#meetings-0-show-all").click();
  await page.waitForFunction(() => document.querySelector("ppm-pricing").shadowRoot.querySelectorAll("#meetings-0 tbody tr").length === 120);
  assert.equal(await overflow(page, 390), false);
  // "Show all" belongs to its profile: shown on profile 3, it stays there when the last profile
  // is removed, and profile 2 keeps its first 40 rows.
  await root.locator("#meetings-3-show-all").click();
  await page.waitForFunction(() => document.querySelector("ppm-pricing").shadowRoot.querySelectorAll("#meetings-3 tbody tr").length === 120);
  await root.locator("#meetings-4 .ppm-meeting-actions button:last-child").click();
  await page.waitForFunction(() => document.querySelector("ppm-pricing").shadowRoot.querySelectorAll("fieldset.ppm-meeting").length === 4);
  assert.equal(await root.locator("#meetings-2 tbody tr").count(), 40);
  assert.equal(await root.locator("#meetings-3 tbody tr").count(), 120);
  assert.equal(await root.locator("#meetings-0 tbody tr").count(), 120);
  await context.close();
});

test("more than 8 profiles start collapsed and open on demand", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + "npm/example.html");
  const meetings = Array.from({ length: 10 }, (_, i) => ({ name: `P${i}`, perMonth: 1, minutes: 10,
    legs: [{ country: "DE", call: "tollDialIn", count: 2 }] }));
  await page.evaluate(async (scenario) => {
    await customElements.whenDefined("ppm-pricing");
    const el = document.querySelector("ppm-pricing");
    await new Promise((resolve) => { el.addEventListener("ppm-quote", resolve, { once: true }); el.scenario = scenario; });
  }, { organisers: 5, meetings });
  const root = page.locator("ppm-pricing");
  await root.locator("#meetings-9-open").waitFor();
  assert.equal(await root.locator("input[id$='-perMonth']").count(), 0);
  assert.match(await root.locator("#meetings-3 .ppm-meeting-summary").innerText(), /1 per month · 10 min · 2 participants/);
  await root.locator("#meetings-3-open").click();
  await root.locator("#meetings-3-perMonth").fill("3");
  // 10 profiles x 1 meeting x 2 legs x 10 min x 0.0220 = 4.40; profile 3 at 3 a month: +0.88.
  await page.waitForFunction(() => document.querySelector("ppm-pricing").quote.monthly.perMinute === "5.28");
  await context.close();
});

test("compact at 320 px and the iframe at 300 px fit their width", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
  const page = await context.newPage();
  await page.goto(server.url + "npm/example.html");
  await page.evaluate(() => customElements.whenDefined("ppm-pricing"));
  await page.evaluate(() => document.querySelector("ppm-pricing").setAttribute("compact", ""));
  await page.locator("ppm-pricing #lines-per-user").waitFor();
  assert.equal(await overflow(page, 320), false);
  const cells = await page.locator("ppm-pricing .ppm-lines td").evaluateAll((els) =>
    els.map((e) => Math.round(e.getBoundingClientRect().right)));
  assert.ok(cells.every((r) => r <= 320), `cells reach ${Math.max(...cells)} px`);
  await page.screenshot({ path: shots + "compact-320.png", fullPage: true });
  // Chart text and touch targets inside the element, as on the page.
  const sizes = await page.locator("ppm-pricing .ppm-chart svg text").evaluateAll((els) => els.map((t) =>
    parseFloat(getComputedStyle(t).fontSize) * (t.ownerSVGElement.getBoundingClientRect().width / 560)));
  assert.ok(sizes.length >= 3 && sizes.every((s) => s >= 12), `chart text ${sizes.map((s) => s.toFixed(1))}`);
  const small = await page.locator("ppm-pricing button, ppm-pricing input, ppm-pricing select").evaluateAll((els) => els
    .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && (r.width < 24 || r.height < 24)));
  assert.deepEqual(small, []);
  await page.setViewportSize({ width: 300, height: 700 });
  await page.goto(server.url + "embed.html?compact");
  await page.locator("#lines-per-user").waitFor();
  assert.equal(await overflow(page, 300), false);
  await context.close();
});
