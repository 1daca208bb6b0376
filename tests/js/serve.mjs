// A static file server for dist/ on 127.0.0.1 and a headless Debian Chromium, for the tests.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".ts": "text/plain", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8" };

/** Serves dist/ (or `root`; optionally with extra response headers, and extra files given as
 * { "name.html": text }); resolves to { url, close }. */
export function serve(headers = {}, extra = {}, root = dist) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
    if (path.includes("..")) { res.writeHead(400); return res.end(); }
    if (Object.hasOwn(extra, path)) {
      res.writeHead(200, { "Content-Type": types[extname(path)] ?? "text/plain", "Access-Control-Allow-Origin": "*", ...headers });
      return res.end(extra[path]);
    }
    const file = join(root, path === "" ? "index.html" : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream", ...headers });
      res.end(body);
    } catch {
      res.writeHead(404); res.end("not found");
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() });
  }));
}

/** Opens the pricing page of `server` (with a share-link fragment, in a browser locale) in a
 * fresh context and waits until the app has taken over the prerendered page and the rest of
 * its WebAssembly is in (what these tests try is what a visitor does once the page has
 * loaded; until the rest is in, interactions wait for it: split.test.mjs); collects page
 * errors and console errors. */
export async function openPricingPage(browser, server, hash = "", locale = "en-US") {
  const context = await browser.newContext({ locale, acceptDownloads: true, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(server.url + (hash ? "#" + hash : ""));
  await page.waitForFunction(() => document.documentElement.dataset.rest === "loaded");
  return { page, context, errors };
}

/** Types `value` into the pricing page's field `id` and waits until the share link (written
 * 300 ms after the last edit) carries the edit: by then the page has priced and drawn it. */
export async function typeUntilLinked(page, id, value) {
  const before = await page.evaluate(() => location.hash);
  await page.fill(`#${id}`, value);
  await page.waitForFunction((b) => location.hash !== b, before);
}

/** Types `value` into the field `id` of the <ppm-pricing> `host` (a selector) and waits until
 * the element has quoted the edit (or marked the field as wrong). */
export async function typeUntilQuoted(page, host, id, value) {
  const before = await page.evaluate((h) => document.querySelector(h).quote, host);
  await page.locator(`${host} #${id}`).fill(value);
  await page.waitForFunction(([h, b, i]) => {
    const e = document.querySelector(h);
    return e.quote !== b || e.shadowRoot.getElementById(i)?.getAttribute("aria-invalid") === "true";
  }, [host, before, id]);
}

/** Requests (for a route) held until `release()`, as a slow network holds them. */
export function heldRest() {
  const held = [];
  let released = false;
  return {
    route: (route) => (released ? route.continue() : held.push(route)),
    release: () => { released = true; for (const r of held.splice(0)) r.continue(); },
  };
}

/** Debian's Chromium, headless, with no background network traffic. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** The axe-core script, to inject into pages. */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core (WCAG 2.0-2.2 A and AA) on the page and asserts no violations. Evaluated
 * through the DevTools protocol: the page's CSP (rightly) refuses inline scripts. */
export async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
  assert.deepEqual(summary, [], `axe violations in the ${name} state`);
}
