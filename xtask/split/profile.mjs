// Visits the pricing page as a visitor would, with the instrumented WebAssembly that
// `wasm-split --instrument` wrote, and saves which functions ran: `cargo xtask dist` keeps those
// in the page's first part and moves the rest out (xtask/src/split.rs). Each visit waits for the
// state it needs (ready, the share link written), never for time, so the profile is the same on
// every build of the same code.
// usage: node profile.mjs <dist> <instrumented wasm> <output dir>   (writes <output dir>/<visit>.prof)
import { readFileSync, writeFileSync } from "node:fs";
import { serve, launch, typeUntilLinked as type } from "../../tests/js/serve.mjs";

const [dist, instrumented, out] = process.argv.slice(2);
const server = await serve({}, { "ppm_widget_bg.wasm": readFileSync(instrumented) }, dist);
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

/** Opens the page (in `locale`, at `hash`), waits until it is ready, runs `visit`, and writes
 * the profile as `<name>.prof`; returns what `visit` returned. */
async function profile(name, { locale = "en-US", hash = "", width = 1280 }, visit = async () => {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(captureInstance);
  await page.goto(server.url + (hash ? "#" + hash : ""));
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
  const result = await visit(page);
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

try {
  // The first view, then the edits a visitor makes first: licences and organisers, a meeting's
  // frequency, length, size, share by phone and a country's shares, with whole and decimal
  // numbers (the decimal arithmetic takes other paths for them), into a wrong state (shares
  // that do not add up, fewer licences than organisers) and out of it again.
  const link = await profile("edits", {}, async (page) => {
    const edits = [
      ["licencesPurchased", "60"], ["organisers", "12"], ["meetings-0-perMonth", "10"],
      ["meetings-0-minutes", "45"], ["meetings-0-minutes", "17.5"], ["meetings-0-participants", "9"],
      ["meetings-0-phoneShare", "50"], ["meetings-0-phoneShare", "33.3"],
      ["meetings-0-countries-0-share", "70"], ["meetings-0-countries-0-share", "80"],
      ["meetings-0-countries-0-toll", "80"], ["meetings-0-countries-0-toll", "100"],
      ["organisers", "250"], ["organisers", "7"], ["meetings-1-perMonth", "22"],
    ];
    for (const [id, value] of edits) await type(page, id, value);
    return page.evaluate(() => location.hash.slice(1));
  });
  // A share link, as a colleague opens it; the page in German and in French; a phone.
  await profile("link", { hash: link });
  await profile("german", { locale: "de-DE" });
  await profile("french", { locale: "fr-FR" });
  await profile("phone", { width: 390 });
} finally {
  await browser.close();
  server.close();
}
