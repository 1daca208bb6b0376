// `cargo xtask serve` sends the pre-compressed files of dist/ as a CDN would: brotli or gzip by
// the request's Accept-Encoding, with Content-Encoding and Vary; the file itself otherwise.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { get } from "node:http";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dist = root + "dist/";
let server, base;

before(async () => {
  // The xtask binary `cargo xtask test` has just built; serve dist/ as it is on a free port.
  const exe = root + "target/debug/xtask";
  assert.ok(existsSync(exe), "target/debug/xtask is built by `cargo xtask`");
  server = spawn(exe, ["serve", "--no-build", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve(m[1]);
    });
    server.on("exit", (code) => reject(new Error(`xtask serve exited (${code})`)));
  });
});
after(() => server?.kill());

/** GET with these request headers; resolves to { status, headers, body } (body not decoded). */
function fetchRaw(path, headers = {}) {
  return new Promise((resolve, reject) => {
    get(base + path, { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

test("dist holds .br and .gz beside the page's files", () => {
  for (const name of ["index.html", "main.js", "link-check.js", "ppm_widget.js", "ppm_widget_bg.wasm", "widget.css", "style.css"]) {
    const raw = readFileSync(dist + name);
    assert.deepEqual(brotliDecompressSync(readFileSync(dist + name + ".br")), raw, name + ".br");
    assert.deepEqual(gunzipSync(readFileSync(dist + name + ".gz")), raw, name + ".gz");
  }
});

test("brotli when accepted, gzip when only that is, the file itself otherwise", async () => {
  const raw = readFileSync(dist + "ppm_widget_bg.wasm");
  const br = await fetchRaw("ppm_widget_bg.wasm", { "Accept-Encoding": "gzip, deflate, br" });
  assert.equal(br.status, 200);
  assert.equal(br.headers["content-encoding"], "br");
  assert.equal(br.headers["content-type"], "application/wasm");
  assert.equal(br.headers["vary"], "Accept-Encoding");
  assert.deepEqual(brotliDecompressSync(br.body), raw);
  const gz = await fetchRaw("ppm_widget_bg.wasm", { "Accept-Encoding": "gzip" });
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.deepEqual(gunzipSync(gz.body), raw);
  // `br;q=0` refuses brotli.
  const refused = await fetchRaw("main.js", { "Accept-Encoding": "br;q=0, gzip" });
  assert.equal(refused.headers["content-encoding"], "gzip");
  const plain = await fetchRaw("main.js");
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.deepEqual(plain.body, readFileSync(dist + "main.js"));
  // The page itself, and a file that is not there.
  const page = await fetchRaw("", { "Accept-Encoding": "br" });
  assert.equal(page.headers["content-type"], "text/html; charset=utf-8");
  assert.match(brotliDecompressSync(page.body).toString(), /id="per-minute-monthly"[^>]*>\$146\.16</);
  assert.equal((await fetchRaw("nothing-here.js", { "Accept-Encoding": "br" })).status, 404);
});
