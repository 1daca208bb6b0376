// The licence mix panel after an import (issue 18): which organisers should hold a licence,
// the three totals, the organisers sortable with a licence checkbox each that prices the
// visitor's own split at once, the CSV, three languages, keyboard, a phone, axe — and the
// addresses never in the link.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve, launch, axe, openPricingPage } from "./serve.mjs";

const shots = fileURLToPath(new URL("../output/", import.meta.url));
mkdirSync(shots, { recursive: true });
// One day (2026-03-02) of calls: Ann ten one-minute German toll dial-ins, Ben one of 45 s,
// Cy seven one-minute German dial-outs.
const oneDay = fileURLToPath(new URL("../usage/mix-one-day.csv", import.meta.url));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const text = async (page, sel) => (await page.locator(sel).innerText()).replace(/\s+/g, " ").trim();
const rows = (page) => page.locator("#licence-mix-organisers tbody th").allInnerTexts();

async function imported(locale = "en-US", width = 1280) {
  const opened = await openPricingPage(browser, server, "", locale);
  await opened.page.setViewportSize({ width, height: 900 });
  await opened.page.waitForLoadState("networkidle");
  await opened.page.setInputFiles("#usage-file", oneDay);
  await opened.page.locator("#licence-mix-sentence").waitFor();
  return opened;
}

test("the recommendation, the totals, why, and a what-if split priced at once", async () => {
  const { page, context, errors } = await imported();
  // One day is 30.4375 a month: Ann 304.375 min of DE toll dial-in x 0.022 = 6.69625 -> $6.70,
  // Ben 30.4375 min -> $0.67, Cy 213.0625 min of DE dial-out x 0.035 = 7.4571875 -> $7.46.
  // License Ann and Cy: 2 x $4.00 + the dial-out the pool of 120 min leaves,
  // 93.0625 x 0.035 = 3.2571875 -> $3.26, and Ben per minute $0.67: $11.93. Everyone
  // licensed: $12.00 + 33.0625 x 0.035 -> $1.16 = $13.16. Everyone per minute: 334.8125 x
  // 0.022 -> $7.37 + $7.46 = $14.83. Saving against licensing everyone: $1.23.
  assert.equal(await text(page, "#licence-mix-sentence"),
    "License 2 of 3 organisers and keep the others on pay-per-minute: $11.93 a month, $1.23 less than licensing everyone.");
  assert.equal(await text(page, "#licence-mix-recommended"), "$11.93 · 2 licences");
  assert.equal(await text(page, "#licence-mix-all-licence"), "$13.16 · 3 licences");
  assert.equal(await text(page, "#licence-mix-all-per-minute"), "$14.83 · 0 licences");
  assert.equal(await text(page, "#licence-mix-method"), "Every possible split (8) was priced: this is the cheapest.");
  assert.match(await text(page, "#licence-mix-assumption"), /both offers in one tenant/);
  // Largest stand-alone saving first: Ann +2.70, Cy 7.46 - 9.36 = -1.90, Ben 0.67 - 4.00.
  assert.deepEqual(await rows(page), ["ann@contoso.example", "cy@contoso.example", "ben@contoso.example"]);
  const row = (i) => text(page, `#licence-mix-organisers tbody tr:nth-child(${i})`);
  assert.equal(await row(1), "ann@contoso.example 10 304 0 toll dial-in worth $6.70 and $0.00 of dial-out in the pool, against a licence of $4.00");
  // Cy is dearer alone on the licence, and licensed for the pool Ann's licence brings.
  assert.equal(await row(2), "cy@contoso.example 7 0 213 shares the pool: alone $7.46 on pay-per-minute, $9.36 with a licence");
  const box = (upn) => page.getByRole("checkbox", { name: `Licence for ${upn}` });
  assert.equal(await box("ann@contoso.example").isChecked(), true);
  assert.equal(await box("cy@contoso.example").isChecked(), true);
  assert.equal(await box("ben@contoso.example").isChecked(), false);
  assert.equal(await text(page, "#licence-mix-yours"), "");
  await axe(page, "licence mix");
  await page.locator("#licence-mix").screenshot({ path: shots + "licence-mix-1280-en.png" });

  // Keyboard: Cy off with the space bar. Ann alone: $4.00 + $0.67 + $7.46 = $12.13.
  const before = await page.evaluate(() => location.hash);
  await box("cy@contoso.example").focus();
  await page.keyboard.press("Space");
  await page.waitForFunction(() => document.getElementById("licence-mix-yours").innerText !== "");
  assert.equal(await text(page, "#licence-mix-yours"), "Your mix: $12.13 · 1 licence");
  // Ben on: Ann and Ben licensed, Cy per minute: $8.00 + $7.46 = $15.46.
  await box("ben@contoso.example").check();
  await page.waitForFunction(() => document.getElementById("licence-mix-yours").innerText.includes("15.46"));
  assert.equal(await text(page, "#licence-mix-yours"), "Your mix: $15.46 · 2 licences");
  // The CSV carries the split shown and the totals.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#licence-mix-csv").click()]);
  assert.equal(download.suggestedFilename(), "licence-mix.csv");
  const csv = readFileSync(await download.path(), "utf8").slice(1).trim().split("\r\n");
  assert.deepEqual(csv.slice(0, 4), [
    "Organiser,Licence (1 = yes),Calls,Toll dial-in minutes a month,Toll-free minutes a month,Dial-out minutes a month,Pay-per-minute alone,Licence alone",
    "ann@contoso.example,1,10,304,0,0,6.70,4.00",
    "ben@contoso.example,1,1,30,0,0,0.67,4.00",
    "cy@contoso.example,0,7,0,0,213,7.46,9.36",
  ]);
  assert.ok(csv.includes("Your mix,2 licences,15.46,USD"), csv.join("\n"));
  assert.ok(csv.includes("Recommended mix,2 licences,11.93,USD"), csv.join("\n"));
  // Back to the recommendation.
  await page.click("#licence-mix-reset");
  await page.waitForFunction(() => document.getElementById("licence-mix-yours").innerText === "");
  assert.equal(await box("cy@contoso.example").isChecked(), true);
  assert.equal(await box("ben@contoso.example").isChecked(), false);
  // Nothing of the mix, and no address, went into the address.
  assert.equal(await page.evaluate(() => location.hash), before);
  assert.ok(!(await page.evaluate(() => location.href)).includes("contoso"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("sorting by a column, with the order announced", async () => {
  const { page, context } = await imported();
  await page.getByRole("button", { name: "Organiser" }).click();
  await page.waitForFunction(() => document.querySelector("#licence-mix-organisers tbody th").innerText.startsWith("ann"));
  assert.deepEqual(await rows(page), ["ann@contoso.example", "ben@contoso.example", "cy@contoso.example"]);
  assert.equal(await page.getAttribute("#licence-mix-organisers thead th:nth-child(1)", "aria-sort"), "ascending");
  await page.getByRole("button", { name: "Dial-out, min" }).click();
  await page.waitForFunction(() => document.querySelector("#licence-mix-organisers tbody th").innerText.startsWith("cy"));
  assert.equal(await page.getAttribute("#licence-mix-organisers thead th:nth-child(4)", "aria-sort"), "descending");
  assert.equal(await page.getAttribute("#licence-mix-organisers thead th:nth-child(1)", "aria-sort"), null);
  await context.close();
});

test("German on a phone, French on a desktop", async () => {
  const de = await imported("de-DE", 390);
  const { page } = de;
  // The EUR card (the browser's region): the same calls in euros.
  assert.match(await text(page, "#licence-mix-sentence"), /^Lizenzieren Sie 2 von 3 Organisatoren und lassen Sie die übrigen bei Pro Minute: .* € im Monat, .* € weniger als wenn alle lizenziert sind\.$/);
  assert.match(await text(page, "#licence-mix-recommended"), /· 2 Lizenzen$/);
  assert.ok(await page.getByRole("checkbox", { name: "Lizenz für cy@contoso.example" }).isChecked());
  // Each organiser is a block that fits the phone: nothing wider than the screen.
  const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll("#licence-mix-organisers tbody tr")].map((r) => r.getBoundingClientRect().right)));
  assert.ok(widest <= 390, `an organiser is ${widest}px wide`);
  await axe(page, "licence mix, German phone");
  await page.locator("#licence-mix").screenshot({ path: shots + "licence-mix-390-de.png" });
  await de.context.close();

  const fr = await imported("fr-FR");
  assert.match(await text(fr.page, "#licence-mix-sentence"), /^Attribuez une licence à 2 des 3 organisateurs et laissez les autres à la minute : /);
  assert.equal(await text(fr.page, "#licence-mix-heading"), "Combinaison de licences : qui doit avoir une licence ?");
  await fr.context.close();
});
