// The partner element's WebAssembly also comes in two parts (xtask/src/split.rs): the first
// holds what the build's profiling visits of its partner pages ran (first quotes, not a
// visitor's edits), the rest
// (`ppm-pricing-rest.<hash>.wasm` in the npm package) is fetched after the first quote, or at
// once when a visitor acts in the widget before that (the action waits for it). A function of
// it that runs before then (or after that fetch failed) loads it by a synchronous request whose
// bytes the module checks against the rest's sha384 itself.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { serve, launch, dist, heldRest } from "./serve.mjs";
import { shots, partnerCard } from "./element-pages.mjs";

const REST = readdirSync(dist + "npm/").find((f) => /^ppm-pricing-rest\.[0-9a-f]{10}\.wasm$/.test(f));
let server, browser;
// The package's example page with a German widget.
const germanExample = readFileSync(dist + "npm/example.html", "utf8").replace('<ppm-pricing lang="en"', '<ppm-pricing lang="de"');
// The package's example page with a partner's card (card-src) and a scenario for it.
const cardExample = readFileSync(dist + "npm/example.html", "utf8").replace('<ppm-pricing lang="en" card="illustrative-usd"',
  `<ppm-pricing lang="en" card-src="partner-card.json" scenario='{"organisers": 2, "meetings": [{"perMonth": 2, "minutes": 10, "legs": [{"country": "DE", "call": "tollDialIn", "count": 3}]}]}'`);
before(async () => {
  server = await serve({}, {
    "npm/example-de.html": germanExample,
    "npm/example-card.html": cardExample,
    "npm/partner-card.json": JSON.stringify(partnerCard),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

/** Counts, in the page, the instances of the rest (it imports the first part as `primary`). */
function countRestInstances() {
  window.__restInstances = 0;
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (module, imports) {
    if (imports && "primary" in imports) window.__restInstances++;
    return new Instance(module, imports);
  };
  window.__ppmErrors = [];
  document.addEventListener("ppm-error", (e) => window.__ppmErrors.push(e.detail));
  document.addEventListener("ppm-quote", (e) => { window.__firstQuote ??= { card: e.detail.card, perMinute: e.detail.monthly.perMinute }; });
}

/** The npm package's example page (one English widget on the USD card) until its first quote,
 * recording the requests for the rest by kind ("fetch" in the background, "xhr" when a function
 * of it runs first) and the page's errors; `route` may answer those requests. */
async function openExample(route, path = "npm/example.html") {
  const context = await browser.newContext({ locale: "en-US", acceptDownloads: true });
  const page = await context.newPage();
  const rest = [];
  const errors = [];
  page.on("request", (r) => { if (r.url().endsWith(REST)) rest.push(r.resourceType()); });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(countRestInstances);
  if (route) await page.route(`**/${REST}`, route);
  const asked = page.waitForRequest((r) => r.url().endsWith(REST));
  await page.goto(server.url + path);
  await page.waitForFunction(() => document.querySelector("ppm-pricing")?.quote != null);
  return { page, context, rest, errors, asked };
}

const text = (page, selector) => page.locator(`ppm-pricing ${selector}`).textContent();

/** Exports the CSV (its code is in the rest: no profiling visit exports) and returns its rows. */
async function exportRows(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("ppm-pricing #export-csv").click()]);
  return readFileSync(await download.path(), "utf8").slice(1).trim().split("\r\n");
}

test("a partner's first quote runs on the first part alone", async () => {
  // Every request for the rest fails: a function of it that ran would stop the widget.
  const { page, context, rest, errors, asked } = await openExample((route) => route.abort());
  // The example on the USD card: 48 German toll legs x 60 min x 0.0220 = 63.36, UK toll 1,800 x
  // 0.0220 = 39.60, US toll-free 720 x 0.0300 = 21.60, US dial-out 1,800 x 0.0120 = 21.60:
  // 146.16; per-user 50 licences x 4.00 + toll-free 21.60: 221.60.
  assert.equal(await text(page, "#per-minute-monthly"), "$146.16");
  assert.equal(await text(page, "#per-user-monthly"), "$221.60");
  // The background fetch was tried (after the first quote) and failed; nothing asked at once.
  assert.equal((await asked).resourceType(), "fetch");
  assert.ok(!rest.includes("xhr"), rest.join(", "));
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.__ppmErrors), []);
  await context.close();
});

test("a visitor's first edits before the rest has arrived wait for it without holding the page, and price right", async () => {
  const net = heldRest();
  const { page, context, rest, errors } = await openExample(net.route);
  await page.locator("ppm-pricing #licencesPurchased").fill("60");
  await page.locator("ppm-pricing #organisers").fill("12");
  await page.locator("ppm-pricing #meetings-0-minutes").fill("45");
  // The page still runs script (a synchronous request would hold it until the rest arrived),
  // the field shows what was typed, and the prices wait: still the example's.
  assert.equal(await page.locator("ppm-pricing #organisers").inputValue(), "12");
  assert.equal(await text(page, "#per-minute-monthly"), "$146.16");
  // The widget's results say they are being worked out (inside its shadow root).
  // (Marked once the first held keystroke's frame is painted.)
  await page.waitForFunction(() => document.querySelector("ppm-pricing").shadowRoot.querySelector(".ppm-results").getAttribute("aria-busy") === "true");
  net.release();
  // As on the pricing page (split.test.mjs), the same example: the all-hands' 48 German toll
  // legs x 45 min = 2,160 min x 0.0220 = 47.52, UK toll 1,800 x 0.0220 = 39.60, US toll-free
  // 540 x 0.0300 = 16.20, US dial-out 1,800 x 0.0120 = 21.60: 124.92.
  await page.waitForFunction(() => document.querySelector("ppm-pricing").quote?.monthly.perMinute === "124.92");
  assert.equal(await text(page, "#per-minute-monthly"), "$124.92");
  // 60 licences x 4.00 = 240.00 + toll-free 16.20 + dial-out beyond the pool of 12 x 60 min:
  // 1,080 x 0.0120 = 12.96; 269.16.
  assert.equal(await text(page, "#per-user-monthly"), "$269.16");
  assert.equal(await page.locator("ppm-pricing .ppm-results").getAttribute("aria-busy"), null);
  assert.deepEqual(rest, ["fetch"]);
  assert.equal(await page.evaluate(() => window.__restInstances), 1);
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.__ppmErrors), []);
  await context.close();
});

test("when the fetch of the rest failed, a click brings it by a request checked against its integrity", async () => {
  // The fetch fails (a network blip); a synchronous request goes through.
  const { page, context, rest, errors } = await openExample((route) =>
    route.request().resourceType() === "fetch" ? route.abort() : route.continue());
  const rows = await exportRows(page);
  // 48 legs x 60 min x 0.0220 = 63.36, and the example's pay-per-minute month: 146.16.
  assert.ok(rows.includes('Pay-per-minute,"Toll dial-in, Germany",,48,2880,0.0220,63.36'), rows.join("\n"));
  assert.ok(rows.includes("Pay-per-minute,per month,,,,,146.16"), rows.join("\n"));
  assert.ok(rest.includes("fetch") && rest.includes("xhr"), rest.join(", "));
  assert.equal(await page.evaluate(() => window.__restInstances), 1);
  assert.ok(errors.every((e) => e.includes(REST)), errors.join("; "));
  await context.close();
});

test("a rest that is not the file the module was built with is refused; the widget starts again", async () => {
  // The fetch fails and the request made at once gets the file with one byte changed, until
  // `genuine` is set.
  const bytes = readFileSync(dist + "npm/" + REST);
  const changed = Buffer.from(bytes);
  changed[changed.length - 1] ^= 1;
  let genuine = false;
  const { page, context, errors } = await openExample((route) => {
    if (genuine) return route.continue();
    if (route.request().resourceType() === "fetch") return route.abort();
    return route.fulfill({ body: changed, contentType: "application/wasm" });
  });
  await page.locator("ppm-pricing #export-csv").click();
  const crashed = page.locator("ppm-pricing .ppm-crashed[role=alert]");
  await crashed.waitFor();
  assert.equal(await crashed.locator("p").textContent(),
    "Part of the pricing calculator could not be loaded. Check your connection, then start it again.");
  // The partner's event says why, in English, with the file.
  const reported = await page.evaluate(() => window.__ppmErrors);
  assert.deepEqual(reported, [{ source: "crash", message: `part of the calculator could not be loaded (${server.url}npm/${REST}: not the file this module was built with (integrity)); start it again or reload the page` }]);
  await page.screenshot({ path: shots + "element-rest-refused.png" });
  assert.equal(await page.evaluate(() => window.__restInstances), 0);
  assert.ok(errors.some((e) => e.includes("integrity")), errors.join("; "));
  // Started again (the network is back): a fresh instance with the genuine rest, priced again.
  genuine = true;
  await crashed.locator("button").click();
  await page.locator("ppm-pricing #per-minute-monthly").waitFor();
  assert.equal(await text(page, "#per-minute-monthly"), "$146.16");
  // The export brings the rest (the restart's fetch or a request at once), genuine now.
  const rows = await exportRows(page);
  assert.ok(rows.includes("Pay-per-minute,per month,,,,,146.16"), rows.join("\n"));
  assert.equal(await page.evaluate(() => window.__restInstances), 1);
  await context.close();
});

test("a German widget says in German that part of it could not be loaded", async () => {
  const { page, context } = await openExample((route) => route.abort(), "npm/example-de.html");
  // 146,16 $: the example on the USD card, in German.
  assert.match(await text(page, "#per-minute-monthly"), /146,16/);
  await page.locator("ppm-pricing #export-csv").click();
  const crashed = page.locator("ppm-pricing .ppm-crashed[role=alert]");
  await crashed.waitFor();
  assert.equal(await crashed.locator("p").textContent(),
    "Ein Teil des Preisrechners konnte nicht geladen werden. Prüfen Sie die Verbindung und starten Sie ihn dann neu.");
  assert.equal(await crashed.locator("button").textContent(), "Neu starten");
  await page.screenshot({ path: shots + "element-rest-failed-de.png" });
  await context.close();
});

test("after the first quote the rest arrives in the background, and nothing waits for it later", async () => {
  const { page, context, rest, errors } = await openExample();
  await page.waitForFunction(() => window.__restInstances === 1);
  const rows = await exportRows(page);
  assert.ok(rows.includes("Pay-per-minute,per month,,,,,146.16"), rows.join("\n"));
  // Detailed mode (also in the rest): the all-hands' 50 participants become rows of their own.
  await page.locator("ppm-pricing #meetings-0-mode-detailed").check();
  await page.locator("ppm-pricing #meetings-0-legs-0-count").waitFor();
  assert.equal(await text(page, "#per-minute-monthly"), "$146.16");
  assert.deepEqual(rest, ["fetch"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a partner's card (card-src) is read once the rest has arrived, fetched beside the card", async () => {
  // Reading a partner's card is in the rest (no profiling visit uses card-src): the element
  // fetches the rest with the card and reads the card after it, so nothing asks for it at once.
  assert.notEqual(cardExample, readFileSync(dist + "npm/example.html", "utf8"));
  const { page, context, rest, errors } = await openExample(undefined, "npm/example-card.html");
  // The first ppm-quote is already the partner's card with the scenario: 3 DE toll legs x 10
  // min x 2 meetings = 60 min x 0.0100 = 0.60 per month; per user 2 x 5.00 = 10.00 (toll
  // dial-in included).
  assert.deepEqual(await page.evaluate(() => window.__firstQuote), { card: "partner-xss", perMinute: "0.60" });
  assert.equal(await text(page, "#per-minute-monthly"), "$0.60");
  assert.equal(await text(page, "#per-user-monthly"), "$10.00");
  assert.deepEqual(rest, ["fetch"]);
  assert.equal(await page.evaluate(() => window.__restInstances), 1);
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.__ppmErrors), []);
  await context.close();
});

test("a partner's card is still read when the rest's fetch hangs: after the card's time limit, at once", async () => {
  // The fetch of the rest never answers; a request made at once goes through. After the card's
  // 10 s limit the element reads the card anyway, and reading it brings the rest at once.
  const { page, context, rest, errors } = await openExample((route) =>
    route.request().resourceType() === "fetch" ? undefined : route.continue(), "npm/example-card.html");
  // 3 DE toll legs x 10 min x 2 meetings = 60 min x 0.0100 = 0.60.
  assert.deepEqual(await page.evaluate(() => window.__firstQuote), { card: "partner-xss", perMinute: "0.60" });
  assert.deepEqual(rest, ["fetch", "xhr"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the loader's SHA-384 agrees with Node's at every padding boundary", async () => {
  const { createHash } = await import("node:crypto");
  const source = readFileSync(new URL("../../xtask/split/sha384.js", import.meta.url), "utf8");
  const sha384 = new Function(`${source}\nreturn sha384;`)();
  // 111 bytes and fewer fit the length in their last block; 112 to 127 need another; 0, 128 and
  // 240 are whole blocks or none; and a long input.
  for (const length of [0, 1, 111, 112, 127, 128, 129, 240, 100003]) {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + 7) & 0xff);
    const expected = "sha384-" + createHash("sha384").update(bytes).digest("base64");
    assert.equal(sha384(bytes), expected, `${length} bytes`);
  }
});
