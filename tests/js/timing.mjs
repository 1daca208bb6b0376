// Timing report (not a test: numbers, no assertions). After `cargo xtask dist`:
//   node tests/js/timing.mjs
// Prints median times in headless Chromium against the served dist/ on localhost.
import { serve, launch } from "./serve.mjs";
const server = await serve(); const browser = await launch();
const median = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
const page_t = [], el_t = [], edit_t = [];
for (let i = 0; i < 7; i++) {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => { document.addEventListener("ppm-quote", () => { window.__first ??= performance.now(); }); });
  const p = await ctx.newPage();
  await p.goto(server.url + "npm/example.html");
  await p.waitForFunction(() => window.__first);
  el_t.push(await p.evaluate(() => window.__first));
  // Edit-to-event inside the element: organisers typed, time until the new ppm-quote.
  const dt = await p.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector("ppm-pricing");
    const input = el.shadowRoot.querySelector("#licencesPurchased");
    const t0 = performance.now();
    el.addEventListener("ppm-quote", () => resolve(performance.now() - t0), { once: true });
    input.value = "60"; input.dispatchEvent(new Event("input", { bubbles: true }));
  }));
  edit_t.push(dt);
  await ctx.close();
  const ctx2 = await browser.newContext();
  const q = await ctx2.newPage();
  await q.goto(server.url);
  await q.waitForSelector("#per-minute-monthly");
  page_t.push(await q.evaluate(() => performance.now()));
  await ctx2.close();
}
console.log(`pricing page: quote visible after ${median(page_t).toFixed(0)} ms (median of 7, localhost)`);
console.log(`<ppm-pricing> (npm example): first ppm-quote after ${median(el_t).toFixed(0)} ms`);
console.log(`edit (licences) to ppm-quote: ${median(edit_t).toFixed(1)} ms`);
await browser.close(); server.close();
