// Visits the pricing page (or, for the partner element, its partner pages) as a visitor would,
// with the instrumented WebAssembly that `wasm-split --instrument` wrote, and saves which
// functions ran: `cargo xtask dist` keeps those in the first part and moves the rest out
// (xtask/src/split.rs). Each visit waits for the state it needs (ready, the share link written,
// a quote), never for time, so the profile is the same on every build of the same code.
// usage: node profile.mjs <page|element> <site> <glue> <instrumented wasm> <output dir>
//   serves <site> (the built dist/) with <glue> and the instrumented module in place of the
//   bundle's own; writes <output dir>/<visit>.prof
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { serve, launch, typeUntilLinked as type } from "../../tests/js/serve.mjs";
import { hostPage } from "../../tests/js/element-pages.mjs";

const [visits, site, glue, instrumented, out] = process.argv.slice(2);
const name = basename(glue, ".js");
const server = await serve({}, {
  [`${name}.js`]: readFileSync(glue),
  [`${name}_bg.wasm`]: readFileSync(instrumented),
  // The page's first part for the other first views (a share link, German, French) is cut from
  // the same module: its visits run the same instrumented copy.
  [`${name}_all_bg.wasm`]: readFileSync(instrumented),
  // The element's pages: a French widget, and a scenario given as an attribute. (Not a
  // partner's card-src: the element reads one only once the rest has arrived.)
  "profile-fr.html": hostPage(`<ppm-pricing lang="fr" card="illustrative-eur"></ppm-pricing>`),
  // Eight participant groups: enough components render at once for Yew's scheduler queue (a
  // B-tree) to grow a second level. Those few functions (433 B raw) otherwise ran only when a
  // busy build machine let renders pile up, and the partner module then built 293 B larger.
  "profile-scenario.html": hostPage(`<ppm-pricing scenario='{"organisers": 2, "meetings": [{"name": "Weekly", "perMonth": 4, "minutes": 30, "legs": [${
    Array.from({ length: 8 }, (_, i) => `{"country": "DE", "call": "tollDialIn", "count": ${i + 1}}`).join(", ")}]}]}'></ppm-pricing>`),
}, site);
const browser = await launch();

/** Captures the page's WebAssembly instance (before any script of the page runs). */
function captureInstance() {
  const wrap = (original) => async function (...args) {
    const result = await original.apply(this, args);
    window.__ppmProfiled = result.instance ?? result;
    return result;
  };
  WebAssembly.instantiateStreaming = wrap(WebAssembly.instantiateStreaming);
  WebAssembly.instantiate = wrap(WebAssembly.instantiate);
}

/** The pricing page is ready; so is a page whose every <ppm-pricing> has quoted. */
const READY = {
  page: () => document.documentElement.dataset.ready === "true",
  element: () => [...document.querySelectorAll("ppm-pricing")].every((e) => e.quote != null),
};

/** Until the work the page has put off to after its next paints has run: twice a frame and
 * then a task, which is how the widget defers work (`after_next_paint`), one deferral within
 * another included. */
async function settle(page) {
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  }
}

/** Opens `path` (in `locale`, at `hash`), waits until it is ready, runs `visit`, and writes
 * the profile as `<name>.prof`; returns what `visit` returned. */
async function profile(name, { path = "", locale = "en-US", hash = "", width = 1280 }, visit = async () => {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(captureInstance);
  await page.goto(server.url + path + (hash ? "#" + hash : ""));
  await page.waitForFunction(READY[visits]);
  const result = await visit(page);
  // What runs just after the page is ready (the chart and line items a frame after the totals,
  // `after_next_paint`: a frame, then a task) is part of the visit, however fast the machine
  // that builds. (So does Yew's scheduler queue growing a second level, which a busy machine
  // could bring about in any visit: the scenario visit brings it about every time, see its page.)
  await settle(page);
  const bytes = await page.evaluate(() => {
    const e = window.__ppmProfiled.exports;
    const size = 1 << 20;
    const at = e.__wbindgen_malloc(size, 8);
    const written = e.__write_profile(at, size);
    return Array.from(new Uint8Array(e.memory.buffer, at, written));
  });
  if (errors.length) throw new Error(`profiling visit "${name}": ${errors.join("; ")}`);
  writeFileSync(`${out}/${name}.prof`, Buffer.from(bytes));
  await context.close();
  console.log(`  profile ${name}: ${bytes.length} bytes`);
  return result;
}

/** A share link as a visitor sends it after editing the example: licences and organisers, a
 * meeting's frequency, length, size, share by phone and a country's shares, with whole and
 * decimal numbers. Made on a page that is not profiled: edits run after an interaction, so their
 * code is in the rest (fetched once the page is ready, or at once by the first edit that comes
 * before it; DESIGN.md, "Size notes"). What a colleague who opens the link runs is profiled. */
async function shareLink() {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(READY.page);
  for (const [id, value] of [
    ["licencesPurchased", "60"], ["organisers", "12"], ["meetings-0-perMonth", "10"],
    ["meetings-0-minutes", "17.5"], ["meetings-0-participants", "9"], ["meetings-0-phoneShare", "33.3"],
    ["meetings-0-countries-0-share", "70"], ["meetings-0-countries-0-share", "80"],
  ]) await type(page, id, value);
  const link = await page.evaluate(() => location.hash.slice(1));
  await context.close();
  return link;
}

/** The pricing page: its first view, a share link as a colleague opens it, German, French, a
 * phone. */
async function pageVisits() {
  await profile("first", {});
  await profile("link", { hash: await shareLink() });
  await profile("german", { locale: "de-DE" });
  await profile("french", { locale: "fr-FR" });
  await profile("phone", { width: 390 });
}

/** The partner element: the partner demo (two widgets, one German and compact, and organisers
 * typed into the partner's form, which sets `scenario`), a French widget, a scenario attribute,
 * a phone. (Not a visitor's edits in a widget: as on the page, they are in the rest. Not the JS
 * API: its `ready` brings the rest. Not card-src: the element loads the rest beside the card and
 * reads the card after it.) */
async function elementVisits() {
  await profile("partner", { path: "partner-demo.html" }, async (page) => {
    // Organisers typed into the partner's form reach the widget as a scenario object.
    for (const value of ["41", "7"]) {
      const before = await page.evaluate(() => document.getElementById("main-widget").quote);
      await page.fill("#lead-organisers", value);
      await page.waitForFunction((b) => document.getElementById("main-widget").quote !== b, before);
    }
  });
  await profile("french", { path: "profile-fr.html", locale: "fr-FR" });
  await profile("scenario", { path: "profile-scenario.html" });
  await profile("phone", { path: "partner-demo.html", width: 390 });
}

try {
  await (visits === "element" ? elementVisits() : pageVisits());
} finally {
  await browser.close();
  server.close();
}
