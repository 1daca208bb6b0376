// The pricing page in headless Chromium, as a visitor uses it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve, launch, axe, openPricingPage } from "./serve.mjs";

const shots = fileURLToPath(new URL("../output/", import.meta.url));
mkdirSync(shots, { recursive: true });

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const open = (hash = "", locale = "en-US") => openPricingPage(browser, server, hash, locale);

const text = (page, sel) => page.locator(sel).innerText();


test("the default quote appears", async () => {
  const { page, context, errors } = await open();
  // The example: a weekly all-hands of 50 people, 30 % by phone: 12 in DE on the toll number
  // (48 legs x 60 min x 0.0220 = 63.36) and 3 in the US toll-free (720 min x 0.0300 = 21.60);
  // customer calls (GB toll 1800 min x 0.0220 = 39.60, US dial-out 1800 min x 0.0120 = 21.60).
  assert.equal(await text(page, "#per-minute-monthly"), "$146.16");
  // Per-user: 50 licences x 4.00 + toll-free 21.60; the US dial-out is inside the 2400-min pool.
  assert.equal(await text(page, "#per-user-monthly"), "$221.60");
  assert.match(await text(page, "#winner"), /Pay-per-minute is cheaper by \$75\.44 per month\./);
  // Break-even: A = 146.16, B = 21.60, R = 21.60, E = 1800, P = 2400, F = 200. The pool runs
  // out at k = 4/3 (g = 200 - 4/3 x 124.56 = 33.92), then g falls 102.96 per unit of k:
  // k = 4/3 + 33.92/102.96 = 1.66278; x 180 phone minutes per organiser = 299.3.
  // Today's usage: 7,200 billable phone minutes / 40 organisers = 180 (see the German test).
  assert.equal(await text(page, "#break-even"), "The licence pays off above 299.3 phone minutes per organiser per month; your meetings use 180.");
  assert.equal(await page.locator("[role=status]#summary").count(), 1);
  // The opening estimate says it is an example; each profile's buttons say which profile.
  assert.match(await text(page, "#example-note"), /^This is an example estimate/);
  assert.equal(await page.getAttribute("#meetings-0-remove", "aria-label"), "Remove “Weekly all-hands”");
  assert.equal(await page.getAttribute("#meetings-1-duplicate", "aria-label"), "Duplicate “Customer calls”");
  assert.equal(await page.locator("#chart-data tbody tr").count() > 3, true);
  // The chart's money at Today (the two totals above) and at the break-even, where both
  // models cost 243.04 (tests/golden.rs works it out); round steps on both axes.
  assert.equal(await page.locator("#chart-today-ppm").textContent(), "$146.16");
  assert.equal(await page.locator("#chart-today-pu").textContent(), "$221.60");
  assert.equal(await page.locator("#chart-even").textContent(), "$243.04");
  assert.ok(await page.locator(".ppm-chart .y-tick").count() >= 2);
  assert.ok(await page.locator(".ppm-chart .x-tick").count() >= 2);
  await page.screenshot({ path: shots + "default.png", fullPage: true });
  await axe(page, "default");
  assert.deepEqual(errors, []);
  await context.close();
});

test("editing inputs updates the totals to what the core computes", async () => {
  const { page, context } = await open();
  await page.getByLabel("Organisers (licensed users)").fill("10");
  await page.getByLabel("Licences purchased").fill("10");
  // The meetings are still the example's: still labelled so.
  assert.equal(await page.locator("#example-note").count(), 1);
  // Pool 600 min for 1800 eligible: the US dial-out is billed 1200/1800 of 21.60 = 14.40;
  // per-user 40.00 + 21.60 + 14.40 = 76.00.
  await page.waitForFunction(() => document.querySelector("#per-user-monthly").textContent === "$76.00");
  // The page's number is the JS API's number for the same scenario.
  const fromApi = await page.evaluate(async (scenario) => {
    const api = await import(new URL("ppm_api.js", location.href).href);
    await api.default();
    return api.quote(scenario);
  }, { organisers: 10, licencesPurchased: 10, meetings: [
    { perMonth: 4, minutes: 60, legs: [{ country: "DE", call: "tollDialIn", count: 12 }, { country: "US", call: "tollFreeDialIn", count: 3 }, { country: "DE", call: "app", count: 35 }] },
    { perMonth: 60, minutes: 30, legs: [{ country: "GB", call: "tollDialIn", count: 1 }, { country: "US", call: "dialOut", count: 1 }, { country: "DE", call: "app", count: 2 }] }] });
  assert.equal(fromApi.perUser.monthlyTotal, "76.00");
  assert.equal(await text(page, "#per-minute-monthly"), "$" + fromApi.perMinute.monthlyTotal);
  // Customer calls with 2 UK toll callers instead of 1: + 60 legs x 30 min x 0.0220 = 39.60.
  await page.locator("#meetings-1-legs-0-count").fill("2");
  await page.waitForFunction(() => document.querySelector("#per-minute-monthly").textContent === "$185.76");
  // Duplicate the all-hands (84.96 a month per minute), then remove the copy again.
  await page.getByRole("button", { name: "Duplicate" }).first().click();
  assert.equal(await page.locator("fieldset.ppm-meeting").count(), 3);
  await page.waitForFunction(() => document.querySelector("#per-minute-monthly").textContent === "$270.72");
  // The buttons are found by what a screen reader hears: "Remove “<the copy's name>”" (the
  // copy keeps its original's name, so it is the second of two).
  const copy = await page.inputValue("#meetings-1-name");
  await page.getByRole("button", { name: `Remove “${copy}”`, exact: true }).nth(1).click();
  assert.equal(await page.locator("fieldset.ppm-meeting").count(), 2);
  await page.waitForFunction(() => document.querySelector("#per-minute-monthly").textContent === "$185.76");
  await context.close();
});

test("a share link restores the scenario exactly", async () => {
  const { page, context } = await open();
  await page.locator("#meetings-1-perMonth").fill("20");
  await page.locator("#meetings-0-name").fill("Board & friends");
  // Changed meetings are no longer the example.
  await page.locator("#example-note").waitFor({ state: "detached" });
  // Customer calls at 20 a month: GB 600 min x 0.0220 = 13.20, US 600 min x 0.0120 = 7.20;
  // with the all-hands' 63.36 + 21.60: 105.36.
  await page.waitForFunction(() => document.querySelector("#per-minute-monthly").textContent === "$105.36");
  // The fragment follows the form a moment after the last edit.
  await page.waitForFunction(() => location.hash.includes("Board"));
  const url = page.url();
  assert.match(url, /#v3&card=illustrative-usd&o=40/);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.locator("#copy-link").click();
  assert.equal(await text(page, ".ppm-copied"), "Link copied");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  const second = await context.newPage();
  await second.goto(url);
  await second.waitForFunction(() => document.documentElement.dataset.ready === "true");
  assert.equal(await text(second, "#per-minute-monthly"), "$105.36");
  assert.equal(await second.locator("#meetings-0-name").inputValue(), "Board & friends");
  assert.equal(await second.locator("#meetings-1-perMonth").inputValue(), "20");
  await context.close();
});

test("a malformed link shows a message and the example", async () => {
  const { page, context, errors } = await open("v1&card=x&m=%ZZ");
  assert.match(await text(page, "#bad-link"), /This link could not be read/);
  assert.equal(await text(page, "#per-minute-monthly"), "$146.16");
  const old = await open("v9&whatever");
  assert.equal(await old.page.locator("#bad-link").count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
  await old.context.close();
});

test("German", async () => {
  const { page, context } = await open("", "de");
  assert.equal(await page.locator("html").getAttribute("lang"), "de");
  assert.match(await text(page, "h1"), /Abrechnung pro Minute oder Lizenz pro Benutzer/);
  assert.equal(await text(page, "#per-minute-monthly"), "146,16\u00a0$");
  // Today's usage: 2,880 DE toll + 1,800 GB toll + 720 US toll-free + 1,800 US dial-out
  // = 7,200 billable phone minutes / 40 organisers = 180 per organiser.
  assert.equal(await text(page, "#break-even"), "Die Lizenz lohnt sich ab 299,3 Telefonminuten pro Organisator und Monat; Ihre Besprechungen nutzen 180.");
  assert.equal(await page.locator("#meetings-0-name").inputValue(), "Wöchentliche Betriebsversammlung");
  await page.screenshot({ path: shots + "german.png", fullPage: true });
  await axe(page, "German");
  // Switching back to English.
  await page.locator("#lang-switch").selectOption("en");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(await text(page, "h1"), /pay-per-minute or per-user licence/);
  assert.equal(await text(page, "#per-minute-monthly"), "$146.16");
  await context.close();
});

test("CSV export: the whole estimate, opened and read like a spreadsheet", async () => {
  const { page, context } = await open();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
  assert.equal(download.suggestedFilename(), "teams-audio-conferencing-estimate.csv");
  const csv = readFileSync(await download.path(), "utf8");
  assert.ok(csv.startsWith("\ufeff"), "a byte-order mark, so spreadsheets read UTF-8");
  const rows = csv.slice(1).trim().split("\r\n");
  assert.equal(rows[0], "Estimate,Teams Audio Conferencing: pay-per-minute or per-user licence?");
  assert.equal(rows[1], "Rate card,Illustrative list rates (USD),prices as of 2026-01-01");
  assert.match(rows[2], /^Date,\d{4}-\d{2}-\d{2}$/);
  assert.ok(rows.includes("Organisers (licensed users),40"), csv);
  assert.ok(rows.includes("Weekly all-hands,4,per month,60,12 + 3 + 35"), csv);
  // 48 legs x 60 min x 0.0220 = 63.36; the licences have a column of their own.
  assert.ok(rows.includes("Model,Line items,Licences,Legs,Minutes,Price,Amount"), csv);
  assert.ok(rows.includes('Pay-per-minute,"Toll dial-in, Germany",,48,2880,0.0220,63.36'), csv);
  assert.ok(rows.includes("Per-user licence,Audio Conferencing licences,50,,,4.00,200.00"), csv);
  assert.ok(rows.includes("Pay-per-minute,per month,,,,,146.16"), csv);
  // 221.60 - 146.16 = 75.44.
  assert.ok(rows.includes("Savings per month,75.44"), csv);
  assert.ok(rows.includes("Break-even,The licence pays off above 299.3 phone minutes per organiser per month; your meetings use 180."), csv);
  assert.ok(rows.some((r) => r.startsWith("Please note,")), csv);
  await context.close();
});

test("CSV export in German: semicolons, decimal commas, German words; formulas neutralised", async () => {
  const { page, context } = await open("", "de");
  await page.locator("#meetings-1-name").fill("=1+1");
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
  assert.equal(download.suggestedFilename(), "teams-audiokonferenz-schaetzung.csv");
  const rows = readFileSync(await download.path(), "utf8").slice(1).trim().split("\r\n");
  assert.equal(rows[0], "Schätzung;Teams-Audiokonferenzen: Abrechnung pro Minute oder Lizenz pro Benutzer?");
  assert.equal(rows[1], "Tariftabelle;Beispielpreise (USD);Preise gültig ab 01.01.2026");
  assert.ok(rows.includes("Pro Minute;Einwahl gebührenpflichtig, Deutschland;;48;2880;0,0220;63,36"), rows.join("\n"));
  assert.ok(rows.includes("'=1+1;60;pro Monat;30;1 + 1 + 2"), rows.join("\n"));
  assert.ok(rows.includes("Ersparnis pro Monat;75,44"), rows.join("\n"));
  await context.close();
});

test("Download scenario (JSON): the scenario the CLI and the JS API take", async () => {
  const { page, context } = await open();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-json").click()]);
  assert.equal(download.suggestedFilename(), "teams-audio-conferencing-scenario.json");
  const scenario = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(scenario.organisers, "40");
  assert.equal(scenario.card, "illustrative-usd");
  assert.equal(scenario.meetings[0].name, "Weekly all-hands");
  // 50 people x 30 % by phone x 80 % in Germany, all toll: 12.
  assert.deepEqual(scenario.meetings[0].legs[0], { country: "DE", call: "tollDialIn", count: "12" });
  // The JS API prices the file as the page did.
  const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
  const api = await import(dist + "ppm_api.js");
  api.initSync({ module: readFileSync(dist + "ppm_api_bg.wasm") });
  assert.equal(api.quote(scenario).perMinute.monthlyTotal, "146.16");
  await context.close();
});

test("each bad input shows its message and keeps the last valid quote", async () => {
  const { page, context, errors } = await open();
  const cases = [
    ["#organisers", "", "Enter a number."],
    ["#organisers", "-5", "Enter 0 or more."],
    ["#organisers", "abc", "This is not a number."],
    ["#organisers", "2.5", "Enter a whole number."],
    ["#meetings-0-minutes", "1e30", "This number is too large: at most 1,440."],
    ["#meetings-0-phoneShare", "150", "This number is too large: at most 100."],
    ["#meetings-0-perMonth", "'; DROP TABLE--<script>", "This is not a number."],
    ["#meetings-1-legs-0-count", "-1", "Enter 0 or more."],
  ];
  // Where the results start on the page (not in the viewport: a fill may scroll).
  const modelsTop = () => page.evaluate(() => document.querySelector(".ppm-models").getBoundingClientRect().top + scrollY);
  const top = await modelsTop();
  for (const [sel, value, message] of cases) {
    await page.locator(sel).fill(value);
    const id = sel.slice(1) + "-error";
    await page.waitForSelector("#" + id);
    assert.equal(await text(page, "#" + id), message, `${sel} = ${value}`);
    assert.equal(await page.locator(sel).getAttribute("aria-invalid"), "true");
    assert.equal(await text(page, "#per-minute-monthly"), "$146.16", "the last valid quote stays");
    assert.equal(await page.locator("#stale").count(), 1);
    // The stale note sits beside the results' heading: the results do not move.
    assert.equal(await modelsTop(), top, `${sel} = ${value}: the results stay where they were`);
    if (value === "abc") {
      await page.screenshot({ path: shots + "error.png", fullPage: true });
      await axe(page, "error");
    }
    // Restore a valid value before the next case.
    const valid = { "#organisers": "40", "#meetings-0-minutes": "60", "#meetings-0-perMonth": "4", "#meetings-1-legs-0-count": "1", "#meetings-0-phoneShare": "30" }[sel];
    await page.locator(sel).fill(valid);
    await page.waitForFunction((i) => !document.getElementById(i), id);
  }
  // A combination the core refuses: fewer licences than organisers, in the page's words.
  await page.locator("#licencesPurchased").fill("5");
  await page.waitForSelector("#licencesPurchased-error");
  assert.equal(await text(page, "#licencesPurchased-error"), "Buy at least as many licences as there are organisers (40).");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the licences field's hint and its message take the same line, so the form below stays", async () => {
  const { page, context, errors } = await open();
  const hint = "At least one per organiser.";
  assert.equal(await text(page, "#licencesPurchased-hint"), hint);
  assert.equal(await page.getAttribute("#licencesPurchased", "aria-describedby"), "licencesPurchased-unit licencesPurchased-hint");
  // Where the next field starts on the page, and the hint's line.
  const top = (sel) => page.evaluate((s) => document.querySelector(s).getBoundingClientRect().top + scrollY, sel);
  const height = (sel) => page.evaluate((s) => document.querySelector(s).getBoundingClientRect().height, sel);
  const addonTop = await top("#addon");
  const hintHeight = await height("#licencesPurchased-hint");
  // 405 organisers against the example's 50 licences: the message replaces the hint.
  await page.locator("#organisers").fill("405");
  await page.waitForSelector("#licencesPurchased-error");
  assert.equal(await text(page, "#licencesPurchased-error"), "Buy at least as many licences as there are organisers (405).");
  assert.equal(await page.locator("#licencesPurchased-hint").count(), 0);
  assert.equal(await page.getAttribute("#licencesPurchased", "aria-describedby"), "licencesPurchased-unit licencesPurchased-error");
  assert.equal(await height("#licencesPurchased-error"), hintHeight, "one line, as the hint's");
  assert.equal(await top("#addon"), addonTop, "the add-on's checkbox stays where it was");
  // Back to 40: the hint returns in its place.
  await page.locator("#organisers").fill("40");
  await page.waitForSelector("#licencesPurchased-hint");
  assert.equal(await page.locator("#licencesPurchased-error").count(), 0);
  assert.equal(await top("#addon"), addonTop);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a meeting's shares say their rule, and the message when they break it takes its line", async () => {
  const { page, context, errors } = await open();
  const top = (sel) => page.evaluate((s) => document.querySelector(s).getBoundingClientRect().top + scrollY, sel);
  const hint = "#meetings-0 .ppm-rule";
  assert.equal(await text(page, hint), "The countries' shares add up to 100 %.");
  // Leave the example first: its note above the meetings goes at the first change.
  await page.locator("#meetings-0-name").fill("Kick-off");
  await page.waitForFunction(() => !document.getElementById("example-note"));
  const next = await top("#meetings-1");
  // Germany 80 % -> 8 %, the United States 20 %: 28 % in all.
  await page.locator("#meetings-0-countries-0-share").fill("8");
  await page.waitForSelector("#meetings-0-shares-error");
  assert.equal(await text(page, "#meetings-0-shares-error"), "The countries' shares add up to 28 %; make them 100 %.");
  assert.equal(await page.locator(hint).count(), 0);
  assert.equal(await top("#meetings-1"), next, "the next meeting stays where it was");
  await page.locator("#meetings-0-countries-0-share").fill("80");
  await page.waitForSelector(hint);
  assert.equal(await top("#meetings-1"), next);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a screen reader hears, with a share or a way of joining, the rule it is part of", async () => {
  const { page, context } = await open();
  // Chromium's own accessible description of an input: what a screen reader reads after its
  // name (from `aria-describedby`, as the accessibility tree computes it).
  const cdp = await context.newCDPSession(page);
  const described = async (selector) => {
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
    return nodes[0].description?.value ?? "";
  };
  const share = "#meetings-0-countries-1-share";
  // The shares' hint while they add up, under the table rather than at each input.
  assert.equal(await described(share), "The countries' shares add up to 100 %.");
  // The United States 20 % -> 40 %, Germany 80 %: 120 %. The message takes the hint's place,
  // and every share of the meeting is described by it (not only the one typed in).
  await page.locator(share).fill("40");
  await page.waitForSelector("#meetings-0-shares-error");
  const message = "The countries' shares add up to 120 %; make them 100 %.";
  assert.equal(await described(share), message);
  assert.equal(await described("#meetings-0-countries-0-share"), message);
  // A share of its own that is not a number: its own message first.
  await page.locator(share).fill("4o");
  await page.waitForSelector(`${share}-error`);
  assert.equal(await described(share), await text(page, `${share}-error`));
  await page.locator(share).fill("20");
  await page.waitForSelector("#meetings-0-shares-hint");
  // A way of joining: nothing while the row adds up, the row's message when it does not
  // (Germany: 100 % toll, 0 toll-free, 10 dial-out = 110 %).
  const dialOut = "#meetings-0-countries-0-dialOut";
  assert.equal(await described(dialOut), "");
  await page.locator(dialOut).fill("10");
  await page.waitForSelector("#meetings-0-countries-0-mix-error");
  assert.equal(await described(dialOut), await text(page, "#meetings-0-countries-0-mix-error"));
  assert.match(await described("#meetings-0-countries-0-toll"), /add up to 110 %/);
  await context.close();
});

test("a keystroke's frame shows the new totals; the notes under them follow in the next", async () => {
  const { page, context, errors } = await open();
  // The notes are written out as one piece, which is replaced whole when its text changes: in
  // the keystroke's own frame that would cost as much as the totals. So the frame that answers
  // the keystroke (the first animation frame after its input event; ours asked for it before
  // the widget's handler ran, so it runs before the widget's own) has the new totals and the
  // same notes, the very same nodes; they change once that frame is painted. (A first edit
  // replaces the prerendered results with the live ones; the edit checked is the second.)
  await page.locator("#meetings-0-name").fill("Kick-off");
  await page.waitForFunction(() => !document.getElementById("example-note"));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  await page.evaluate(() => {
    window.pool = document.getElementById("pool");
    document.addEventListener("input", () => requestAnimationFrame(() => {
      window.seen = {
        total: document.getElementById("per-minute-monthly").textContent,
        pool: document.getElementById("pool").textContent,
        same: document.getElementById("pool") === window.pool,
      };
    }), { capture: true, once: true });
  });
  assert.equal(await text(page, "#pool"), "Zone A dial-out pool: 1,800 of 2,400 min");
  // Customer calls of 3 minutes instead of 30: 60 calls x 3 min = 180 min each for the GB toll
  // caller (x 0.0220 = 3.96, was 39.60) and the US dial-out (x 0.0120 = 2.16, was 21.60), so
  // 146.16 - 39.60 - 21.60 + 3.96 + 2.16 = 91.08; the pool covers those 180 of its 2,400 min.
  await page.locator("#meetings-1-minutes").press("End");
  await page.locator("#meetings-1-minutes").press("Backspace");
  await page.waitForFunction(() => window.seen);
  assert.deepEqual(await page.evaluate(() => window.seen), {
    total: "$91.08",
    pool: "Zone A dial-out pool: 1,800 of 2,400 min",
    same: true,
  });
  await page.waitForFunction(() => document.getElementById("pool").textContent === "Zone A dial-out pool: 180 of 2,400 min");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the shares' message is laid out on its own, not with the whole meeting around it", async () => {
  const { page, context } = await open();
  await page.locator("#meetings-0-name").fill("Kick-off");
  await page.waitForFunction(() => !document.getElementById("example-note"));
  // Chromium's own trace says how many layout objects each layout had to redo. A child that
  // comes or goes straight in a <fieldset> makes it lay out all it holds again (the first
  // meeting: 195 of the page's 789 objects); in a block inside it, only that block's
  // line and the chain of its parents (15-20). The count depends on the page, not on time.
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: "devtools.timeline", transferMode: "ReportEvents" });
  await page.locator("#meetings-0-countries-0-share").fill("8");
  await page.waitForSelector("#meetings-0-shares-error");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  await cdp.send("Tracing.end");
  await complete;
  const layouts = events.filter((e) => e.name === "Layout" && e.ph === "X").map((e) => e.args.beginData);
  assert.ok(layouts.length > 0, "the trace has the edit's layouts");
  const most = Math.max(...layouts.map((l) => l.dirtyObjects));
  assert.ok(most < 60, `a layout redid ${most} of ${layouts[0].totalObjects} objects`);
  await context.close();
});

test("the winner, a wrong field and the chart's dots are styled by what they are", async () => {
  const { page, context } = await open();
  // The colours of www/widget.css: accent #3b3ba8, border #c9c9d4, error #a4161a,
  // pay-per-minute #b3261e, per-user #1f5fa8.
  const style = (sel, prop) => page.evaluate(([s, p]) => getComputedStyle(document.querySelector(s))[p], [sel, prop]);
  // Pay-per-minute wins the example ($146.16 against $221.60): its card has the accent border.
  assert.equal(await style("#per-minute", "borderTopColor"), "rgb(59, 59, 168)");
  assert.equal(await style("#per-user", "borderTopColor"), "rgb(201, 201, 212)");
  assert.equal(await style(".ppm-chart circle[data-line=per-minute]", "fill"), "rgb(179, 38, 30)");
  assert.equal(await style(".ppm-chart circle[data-line=per-user]", "fill"), "rgb(31, 95, 168)");
  await page.locator("#organisers").fill("abc");
  await page.waitForSelector("#organisers-error");
  assert.equal(await style("#organisers", "borderTopColor"), "rgb(164, 22, 26)");
  assert.equal(await style("#organisers", "borderTopWidth"), "2px");
  // Ten organisers: per-user 40.00 + 21.60 + 14.40 = 76.00 is now cheaper than 146.16.
  await page.locator("#organisers").fill("10");
  await page.locator("#licencesPurchased").fill("10");
  await page.waitForFunction(() => document.getElementById("per-user-monthly").textContent === "$76.00");
  assert.equal(await style("#per-user", "borderTopColor"), "rgb(59, 59, 168)");
  assert.equal(await style("#per-minute", "borderTopColor"), "rgb(201, 201, 212)");
  assert.equal(await style("#organisers", "borderTopWidth"), "1px");
  // On a phone the sticky bar names the winner in the accent colour.
  await page.setViewportSize({ width: 390, height: 800 });
  assert.equal(await style(".ppm-bar-model[data-winner]", "color"), "rgb(59, 59, 168)");
  assert.equal(await page.locator(".ppm-bar-model[data-winner]").count(), 1);
  await context.close();
});

test("keyboard only: tab to an input, type, and see the result", async () => {
  const { page, context } = await open();
  await page.locator("#card").focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "organisers");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("41");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "licencesPurchased");
  // 41 organisers, 50 licences: the pool grows to 2460 min; totals unchanged. (While "4" alone
  // is typed, the pool is 240 min and the US dial-out is billed, so wait for the final state.)
  await page.waitForFunction(() => document.getElementById("organisers").value === "41");
  await page.waitForFunction(() => document.querySelector("#per-user-monthly").textContent === "$221.60");
  assert.equal(await page.locator("#organisers-error").count(), 0);
  await context.close();
});

test("adding or removing a meeting or a row leaves the other inputs as they are", async () => {
  const { page, context, errors } = await open();
  // Each input that must stay is marked with a property of its own element: a marked element
  // found again under its id is the same element, not a rebuilt copy. (Yew matches an
  // unkeyed list from its end, so an appended meeting once handed every input above it its
  // neighbour's place: #organisers became a new element, the first meeting was rebuilt.)
  const ids = ["card", "organisers", "licencesPurchased", "meetings-0-name", "meetings-1-name", "meetings-1-legs-0-count", "meetings-1-legs-2-count"];
  await page.evaluate((ids) => { for (const id of ids) document.getElementById(id).ppmKept = id; }, ids);
  const kept = () => page.evaluate((ids) => ids.filter((id) => document.getElementById(id)?.ppmKept === id), ids);

  await page.click("#add-meeting");
  await page.waitForSelector("#meetings-2-name");
  assert.deepEqual(await kept(), ids);
  await page.click("#meetings-2-remove");
  await page.waitForFunction(() => !document.getElementById("meetings-2"));
  assert.deepEqual(await kept(), ids);
  // A participant row added at the end of the customer calls (3 rows: GB, US, DE).
  await page.locator("#meetings-1").getByRole("button", { name: "Add participants", exact: true }).click();
  await page.waitForSelector("#meetings-1-legs-3-count");
  assert.deepEqual(await kept(), ids);
  // The values are still theirs: the example's names, 1 GB toll leg, 2 DE app legs.
  assert.equal(await page.inputValue("#meetings-0-name"), "Weekly all-hands");
  assert.equal(await page.inputValue("#meetings-1-name"), "Customer calls");
  assert.equal(await page.inputValue("#meetings-1-legs-0-count"), "1");
  assert.equal(await page.inputValue("#meetings-1-legs-2-count"), "2");
  assert.deepEqual(errors, []);
  await context.close();
});

test("simple mode: participants, phone share and a call mix per country", async () => {
  const { page, context } = await open();
  // 60 % of 50 by phone = 30: DE 24 toll (96 legs x 60 min x 0.0220 = 126.72), US 6 toll-free
  // (24 legs x 60 min x 0.0300 = 43.20); with the customer calls' 39.60 + 21.60: 231.12.
  await page.locator("#meetings-0-phoneShare").fill("60");
  await page.waitForFunction(() => document.querySelector("#per-minute-monthly").textContent === "$231.12");
  // Shares over 100 %: the message names the total and the last valid quote stays.
  await page.locator("#meetings-0-countries-1-share").fill("40");
  await page.waitForSelector("#meetings-0-shares-error");
  assert.equal(await text(page, "#meetings-0-shares-error"), "The countries' shares add up to 120 %; make them 100 %.");
  assert.equal(await text(page, "#per-minute-monthly"), "$231.12");
  await page.locator("#meetings-0-countries-1-share").fill("20");
  // A call mix that does not add up.
  await page.locator("#meetings-0-countries-0-dialOut").fill("10");
  await page.waitForSelector("#meetings-0-countries-0-mix-error");
  assert.match(await text(page, "#meetings-0-countries-0-mix-error"), /add up to 110 %/);
  await page.locator("#meetings-0-countries-0-dialOut").fill("0");
  await page.waitForFunction(() => !document.getElementById("meetings-0-countries-0-mix-error"));
  // Switching to the detailed mode keeps the quote: the shares become 24 / 6 / 20 people.
  await page.locator("#meetings-0-mode-detailed").check();
  await page.waitForSelector("#meetings-0-legs-0-count");
  assert.equal(await page.locator("#meetings-0-legs-0-count").inputValue(), "24");
  assert.equal(await page.locator("#meetings-0-legs-2-count").inputValue(), "20");
  assert.equal(await text(page, "#per-minute-monthly"), "$231.12");
  await page.screenshot({ path: shots + "simple-mode.png", fullPage: true });
  await context.close();
});

test("print: the inputs and buttons are hidden and the results fit one page", async () => {
  const { page, context } = await open();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".ppm-inputs").isVisible(), false);
  assert.equal(await page.locator("#copy-link").isVisible(), false);
  assert.equal(await page.locator("#per-minute-monthly").isVisible(), true);
  const pdf = await page.pdf({ path: shots + "print.pdf", format: "A4", printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, "the printed quote is one A4 page");
  await context.close();
});

test("switching between the shipped cards names no country again; another language does", async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector("datalist#ppm-country-names option[value='Japan']", { state: "attached" });
  // Every country name the page looks up, counted from here on.
  await page.evaluate(() => {
    window.__named = 0;
    const of = Intl.DisplayNames.prototype.of;
    Intl.DisplayNames.prototype.of = function (code) { window.__named += 1; return of.call(this, code); };
  });
  await page.locator("#card").selectOption("illustrative-eur");
  // The euro card's line items come a frame after its totals: the switch is drawn in full.
  await page.waitForFunction(() => /€/.test(document.querySelector("#lines-per-minute")?.innerText ?? ""));
  // Both shipped cards offer the same ways of joining in the same 249 countries, so their
  // suggestions are one list: naming it again would be 249 lookups. The few made are the
  // countries the line items and warnings name.
  assert.equal(await page.locator("datalist#ppm-country-names option").count(), 249);
  assert.ok(await page.evaluate(() => window.__named) < 249);
  // In German the list is named again, in German.
  await page.locator("#lang-switch").selectOption("de");
  await page.waitForSelector("datalist#ppm-country-names option[value='Vereinigte Arabische Emirate']", { state: "attached" });
  assert.ok(await page.evaluate(() => window.__named) >= 249);
  assert.deepEqual(errors, []);
  await context.close();
});

test("searchable country picker", async () => {
  const { page, context } = await open();
  const field = page.locator("#meetings-1-legs-0-country");
  assert.equal(await field.inputValue(), "United Kingdom");
  assert.ok(await page.locator("datalist#ppm-country-names option[value='Japan']").count() === 1);
  // Japanese toll callers instead of British: 1800 min x 0.0350 = 63.00 instead of 39.60.
  await field.fill("Japan");
  await field.press("Tab");
  await page.waitForFunction(() => document.querySelector("#per-minute-monthly").textContent === "$169.56");
  // The line items follow the totals in the next frame: wait for them, then read them.
  await page.waitForFunction(() => /Toll dial-in, Japan/.test(document.querySelector("#lines-per-minute").innerText));
  assert.match(await page.locator("#lines-per-minute").innerText(), /Toll dial-in, Japan\t60\t1,800\t0\.0350\/min\t\$63\.00/);
  // A name that is not on the list: a message, and the quote stays.
  await field.fill("Atlantis");
  await field.press("Tab");
  await page.waitForSelector("#meetings-1-legs-0-country-error");
  assert.equal(await text(page, "#meetings-1-legs-0-country-error"), "Choose a country from the list.");
  assert.equal(await text(page, "#per-minute-monthly"), "$169.56");
  // An ISO code works too.
  await field.fill("gb");
  await field.press("Tab");
  await page.waitForFunction(() => document.querySelector("#per-minute-monthly").textContent === "$146.16");
  assert.equal(await field.inputValue(), "United Kingdom");
  await context.close();
});
