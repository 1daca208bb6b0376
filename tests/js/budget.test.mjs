// The size budget: what the pricing page fetches before it is ready, and what a partner page
// fetches for <ppm-pricing> before its first quote, gzip -9, may not exceed the bytes in
// tests/size-budget.json; and that file's numbers never go up from one commit to the next.
// The files counted are the ones Chromium really requests, not a list kept by hand.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serve, launch, dist } from "./serve.mjs";

const budgetFile = "tests/size-budget.json";
const repo = fileURLToPath(new URL("../../", import.meta.url));
const budget = JSON.parse(readFileSync(repo + budgetFile, "utf8"));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** gzip -9 of a file of dist/ (the server's path), in bytes. */
const gzipped = (path) => gzipSync(readFileSync(dist + path), { level: constants.Z_BEST_COMPRESSION }).length;

/** Records, in the page, each fetch or XMLHttpRequest the page's scripts start once the page
 * is ready: the pricing page once it has said so, a partner page once its <ppm-pricing> has
 * quoted (both then fetch the rest of their WebAssembly). Known at the call, so no timing
 * decides what counts. */
function noteRequestsAfterReady(kind) {
  window.__afterReady = [];
  const ready = kind === "element"
    ? () => document.querySelector("ppm-pricing")?.quote != null
    : () => document.documentElement.dataset.ready === "true";
  const note = (url) => {
    if (ready()) window.__afterReady.push(new URL(url, location.href).pathname.replace(/^\//, ""));
  };
  const fetch = window.fetch;
  window.fetch = function (input, init) { note(input instanceof Request ? input.url : String(input)); return fetch.call(this, input, init); };
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) { note(String(url)); return open.call(this, method, url, ...rest); };
}

/** Opens `path` and returns the dist paths Chromium fetched until `ready` holds (not what the
 * page's scripts asked for after it was ready, as `kind` of page: see noteRequestsAfterReady). */
async function fetchedUntil(path, ready, kind) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const seen = new Set();
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin + "/" === server.url) seen.add(url.pathname.replace(/^\//, "") || "index.html");
  });
  await page.addInitScript(noteRequestsAfterReady, kind);
  await page.goto(server.url + path);
  await page.waitForFunction(ready);
  // What Chromium asked for so far, then what of it the page's scripts started after ready (in
  // this order: a request seen here was noted in the page before it was sent).
  const asked = [...seen];
  const later = await page.evaluate(() => window.__afterReady);
  // The page's icon counts whether or not Chromium has asked for it yet (it does so around the
  // load event, which does not wait for the WebAssembly).
  const icon = await page.evaluate(() => document.querySelector("link[rel~=icon]")?.href);
  if (icon && new URL(icon).origin + "/" === server.url) asked.push(new URL(icon).pathname.replace(/^\//, ""));
  const files = [...new Set(asked)].filter((f) => !later.includes(f));
  await context.close();
  return files;
}

/** A line per file and the total, printed so that the report shows where the bytes go. */
function weigh(label, files) {
  const sizes = files.map((f) => [f, gzipped(f)]).sort((a, b) => b[1] - a[1]);
  const total = sizes.reduce((sum, [, n]) => sum + n, 0);
  console.log(`${label}: ${total} B gzip -9 (${sizes.map(([f, n]) => `${f} ${n}`).join(", ")})`);
  return total;
}

test("the pricing page's first load stays within the budget", async () => {
  const files = await fetchedUntil("", () => document.documentElement.dataset.ready === "true", "page");
  // The page cannot be ready without its module and its WebAssembly.
  assert.ok(files.includes("ppm_widget_bg.wasm"), files.join(", "));
  const total = weigh("first load", files);
  assert.ok(total <= budget.firstLoadGzip,
    `the first load is ${total} B gzip, over the budget of ${budget.firstLoadGzip} B in ${budgetFile}: make it smaller, or move what grew out of the first load`);
});

test("the pricing page opened with a share link stays within its budget", async () => {
  // An old (v1) share link, which must still open (see instant.test.mjs). A share link, like a
  // German or French browser, gets the first part for every first view (link-check.js).
  const link = "#v1&card=illustrative-usd&o=3&l=&a=0&lang=en&m=Daily~20~15~DE.t.2%2CUS.a.1";
  const files = await fetchedUntil(link, () => document.documentElement.dataset.ready === "true", "page");
  assert.ok(files.includes("ppm_widget_all_bg.wasm"), files.join(", "));
  assert.ok(!files.includes("ppm_widget_bg.wasm"), files.join(", "));
  const total = weigh("first load with a share link", files);
  assert.ok(total <= budget.everyViewFirstLoadGzip,
    `with a share link the first load is ${total} B gzip, over the budget of ${budget.everyViewFirstLoadGzip} B in ${budgetFile}`);
});

test("a partner page's <ppm-pricing> stays within the budget", async () => {
  const files = await fetchedUntil("npm/example.html", () => document.querySelector("ppm-pricing")?.quote != null, "element");
  const module = files.filter((f) => f.startsWith("npm/ppm-pricing"));
  assert.ok(module.some((f) => f.endsWith(".wasm")), files.join(", "));
  // The rest of the WebAssembly is not needed for the first quote.
  assert.ok(!module.some((f) => f.startsWith("npm/ppm-pricing-rest.")), files.join(", "));
  const total = weigh("partner module", module);
  assert.ok(total <= budget.partnerModuleGzip,
    `<ppm-pricing> loads ${total} B gzip, over the budget of ${budget.partnerModuleGzip} B in ${budgetFile}`);
});

/** The budget file at each commit that changed it, oldest first (null outside a git clone). */
function budgetHistory() {
  if (!existsSync(repo + ".git")) return null;
  const git = (...args) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" });
  const commits = git("log", "--reverse", "--format=%H", "--", budgetFile).split("\n").filter(Boolean);
  return commits.map((c) => ({ commit: c.slice(0, 10), budget: JSON.parse(git("show", `${c}:${budgetFile}`)) }));
}

test("the budget only ever goes down", (t) => {
  const history = budgetHistory();
  if (history === null) return t.skip("not a git clone");
  // The working copy counts as the newest version.
  history.push({ commit: "working copy", budget });
  for (let i = 1; i < history.length; i++) {
    for (const key of ["firstLoadGzip", "partnerModuleGzip", "everyViewFirstLoadGzip"]) {
      const [was, now] = [history[i - 1], history[i]];
      // A number the budget did not have yet starts where it is first set.
      if (was.budget[key] === undefined) continue;
      assert.ok(now.budget[key] <= was.budget[key],
        `${budgetFile}: ${key} went up from ${was.budget[key]} (${was.commit}) to ${now.budget[key]} (${now.commit})`);
    }
  }
});
