// A partner's Vite + React 19 + TypeScript app (tests/react-app, its lock committed) with the
// npm package as built in dist/npm: its types pass `tsc --strict` against React 19's and
// React 18's types, it builds without a warning, and in Chromium, under a strict CSP, the
// element's first `ppm-quote` already carries the app's scenario.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, rmSync, readdirSync, existsSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serve, launch, dist } from "./serve.mjs";

const app = fileURLToPath(new URL("../react-app/", import.meta.url));
const shots = fileURLToPath(new URL("../output/", import.meta.url));
mkdirSync(shots, { recursive: true });
const bin = (name) => app + "node_modules/.bin/" + name;

/** Runs a tool of the app; returns its output (stdout and stderr), failing with it. */
function run(tool, args) {
  const r = spawnSync(bin(tool), args, { cwd: app, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const output = `${r.stdout}${r.stderr}`;
  assert.equal(r.status, 0, `${tool} ${args.join(" ")} failed:\n${output}`);
  return output;
}

let browser;
before(() => {
  assert.ok(existsSync(app + "node_modules"), "run `npm ci --prefix tests/react-app` first (cargo xtask test does)");
  // Installed as npm would install the published package: a copy of dist/npm.
  const installed = app + "node_modules/ppm-pricing-widget";
  rmSync(installed, { recursive: true, force: true });
  cpSync(dist + "npm", installed, { recursive: true, filter: (f) => !/\.(br|gz)$/.test(f) });
});
after(async () => { await browser?.close(); });

test("the package's types pass tsc --strict with React 19 and React 18", () => {
  // tsconfig.json: the app and src/react19.tsx (its @ts-expect-error lines must fail);
  // tsconfig.react18.json: src/react18.tsx against @types/react 18.
  run("tsc", ["-p", "tsconfig.json"]);
  run("tsc", ["-p", "tsconfig.react18.json"]);
});

test("the app builds with Vite without a warning", () => {
  const output = run("vite", ["build", "--logLevel", "info"]);
  const warnings = output.split("\n").filter((l) => /warn|\(!\)|didn't resolve|externalized/i.test(l));
  assert.deepEqual(warnings, [], output);
  const assets = readdirSync(app + "dist/assets");
  // The element's hashed WebAssembly (both parts) and style sheet, and the JS API's
  // WebAssembly, as assets.
  assert.ok(assets.some((f) => /^ppm-pricing\.[0-9a-f]{10}-.*\.wasm$/.test(f)), assets.join(", "));
  assert.ok(assets.some((f) => /^ppm-pricing-rest\.[0-9a-f]{10}-.*\.wasm$/.test(f)), assets.join(", "));
  assert.ok(assets.some((f) => /^ppm_api_bg-.*\.wasm$/.test(f)), assets.join(", "));
});

test("in Chromium the first ppm-quote is of the app's scenario", async () => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const server = await serve({ "Content-Security-Policy": csp }, {}, app + "dist/");
  browser = await launch();
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // Every file the app asks for is there (the browser's own favicon request aside).
  page.on("response", (r) => { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) errors.push(`${r.status()} ${r.url()}`); });
  page.on("console", (m) => { if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(m.text()); });
  try {
    // The rest of the element's WebAssembly, fetched after the first quote from where Vite put it.
    const rest = page.waitForResponse((r) => /\/ppm-pricing-rest\.[0-9a-f]{10}-.*\.wasm$/.test(r.url()));
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById("quote-count")?.textContent !== "0"
      && document.getElementById("api-total")?.textContent !== "");
    // 4 calls x 30 min x 2 German toll dial-in legs = 240 min x 0.0220 = 5.28 a month; the
    // first quote is already this one (not the built-in example of 40 organisers).
    assert.equal(await page.textContent("#first-quote"), "7 organisers, USD 5.28");
    // The JS API from ppm-pricing-widget/api: 7 licences x 4.00, the toll dial-in included.
    assert.equal(await page.textContent("#api-total"), "28.00");
    // The ref is the element itself.
    assert.equal(await page.textContent("#ref-tag"), "ppm-pricing");
    // The widget shows the same scenario's price inside its shadow root.
    await page.locator("ppm-pricing #per-minute-monthly").waitFor();
    assert.equal(await page.locator("ppm-pricing #per-minute-monthly").textContent(), "$5.28");
    assert.equal((await rest).status(), 200);
    await page.screenshot({ path: shots + "react-app.png", fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    server.close();
  }
});
