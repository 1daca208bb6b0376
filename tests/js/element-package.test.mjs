// <ppm-pricing> as partners get it: the iframe variant across origins, the npm package (hashed
// files, SRI, `ready`, its README followed literally) and a WASM trap, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve, launch, dist } from "./serve.mjs";
import { shots, startServers, openHost, inside, text } from "./element-pages.mjs";

let a, b, servers, browser;
before(async () => {
  servers = await startServers();
  ({ a, b } = servers);
  browser = await launch();
});
after(async () => { await browser?.close(); servers?.close(); });

const open = (url, options) => openHost(browser, url, options);

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
  const trapDir = fileURLToPath(new URL("../../target/test-trap/", import.meta.url));
  await context.route("**/ppm_element.js", (route) => route.fulfill({ path: trapDir + "ppm_element.js", contentType: "text/javascript" }));
  await context.route("**/ppm_element_bg.wasm", (route) => route.fulfill({ path: trapDir + "ppm_element_bg.wasm", contentType: "application/wasm" }));
  await context.route("**/ppm_element_rest.wasm", (route) => route.fulfill({ path: trapDir + "ppm_element_rest.wasm", contentType: "application/wasm" }));
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
  // The files the README names: the module and the .wasm files and .css beside it.
  const folder = mkdtempSync(tmpdir() + "/ppm-npm-");
  const module = readme.match(/Host these files of this folder together[^`]*`([^`]+)`/)[1];
  for (const f of readdirSync(dist + "npm/").filter((f) => f === module || /^ppm-pricing(-rest)?\.[0-9a-f]{10}\.(wasm|css)$/.test(f))) {
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
