// The one WebAssembly instance that every <ppm-pricing> on a page (and the JS API) shares: how
// it starts (when the first element connects or `ready` is awaited, never at import), the
// languages it reads, the rest of its WebAssembly, and what happens when it traps (every widget
// says so and offers to start a fresh instance). The element itself is ppm-pricing.js; the npm
// package makes both one module (xtask/src/npm.rs).
import init, {
  addTexts as wasm_addTexts,
  loadRateCard as wasm_loadRateCard,
  __ppm_restart,
  loadRest,
  loadRestWhenIdle,
} from "./ppm_element.js";

// `cargo xtask dist` rewrites these lines in the npm package (hashed file names and their
// sha384 integrity), so the whole chain from the partner's <script integrity> is checked.
const WASM_URL = new URL("./ppm_element_bg.wasm", import.meta.url);
const WASM_INTEGRITY = "";
// The WebAssembly carries the English texts; these languages' are fetched for a widget that
// speaks them, with its partner sentences (card and configuration problems): [address, integrity].
const TEXTS = {
  de: [new URL("./element-texts-de.txt", import.meta.url), ""],
  fr: [new URL("./element-texts-fr.txt", import.meta.url), ""],
};

/** Every connected element, so that a crash of the shared WebAssembly reaches them all. */
export const live = new Set();
/** Roots of removed elements with their widgets, for the next element (Yew never frees an
 * app root's event listeners, so roots are reused rather than destroyed). */
export const pool = [];
/** Whether the instance has trapped (until a restart): the widgets then show why. */
export let crashed = false;
/** The widgets of the trapped instance, forgotten (not freed) when it is restarted. */
export const dead = [];
/** Cards loaded through the JS API, by id, loaded again into a restarted instance. */
export const apiCards = new Map();

/** The crash message in the widget's language: [text, button, text when part of the
 * WebAssembly could not be loaded]. */
export const CRASH_TEXTS = {
  en: [
    (why) => `The pricing calculator stopped working (${why}).`,
    "Start it again",
    "Part of the pricing calculator could not be loaded. Check your connection, then start it again.",
  ],
  de: [
    (why) => `Der Preisrechner funktioniert nicht mehr (${why}).`,
    "Neu starten",
    "Ein Teil des Preisrechners konnte nicht geladen werden. Prüfen Sie die Verbindung und starten Sie ihn dann neu.",
  ],
  fr: [
    (why) => `Le calculateur de prix ne fonctionne plus (${why}).`,
    "Le relancer",
    "Une partie du calculateur de prix n’a pas pu être chargée. Vérifiez la connexion, puis relancez-le.",
  ],
};

/** Each fetched language's file, by tag (a promise: fetched once per page, again after a
 * failure). */
const textFiles = new Map();
/** The languages whose texts the running WebAssembly instance has read. */
export const textsRead = new Set();

/** The tag of a language whose texts must be fetched (`de-AT` → `de`), or null (English, or a
 * language we do not have, which the widget shows in English). */
export function fetchedLanguage(tag) {
  const primary = String(tag || "").split(/[-_]/)[0].toLowerCase();
  return Object.hasOwn(TEXTS, primary) ? primary : null;
}

/** Fetches a language's texts file (not yet reading it: the WebAssembly may still load). */
export function fetchTexts(tag) {
  let file = textFiles.get(tag);
  if (!file) {
    const [url, integrity] = TEXTS[tag];
    file = fetch(url, integrity ? { integrity } : {}).then((r) => (r.ok ? r.text()
      : Promise.reject(new Error(`${url.pathname.split("/").pop()}: HTTP ${r.status}`))));
    file.catch(() => textFiles.delete(tag));
    textFiles.set(tag, file);
  }
  return file;
}

/** Makes a language's texts (`file`, or fetched) available to the WebAssembly (which must
 * have started). */
export async function readTexts(tag, file = fetchTexts(tag)) {
  const text = await file;
  if (!textsRead.has(tag)) {
    wasm_addTexts(text);
    textsRead.add(tag);
  }
}

/** The widget menu's loader: reads a picked language's texts, then tells the widget
 * (`done(tag, ok)`; it says so itself when they could not be had). */
export function menuTexts(tag, done) {
  readTexts(tag).then(() => done(tag, true), (err) => (isTrap(err) ? crash(err) : done(tag, false)));
}

/** Whether `err` is the WebAssembly trapping (then every widget on the page is broken). */
export function isTrap(err) {
  return typeof WebAssembly !== "undefined" && err instanceof WebAssembly.RuntimeError;
}

/** After a trap (or when part of the WebAssembly could not be loaded: `unloaded`, with the
 * reason): every widget says so, offers to start again, and fires `ppm-error` ("crash"). */
export function crash(err, unloaded = null) {
  if (crashed) return;
  crashed = true;
  for (const parked of pool.splice(0)) dead.push(parked.widget);
  const reason = unloaded ?? `internal error: ${err && err.message ? err.message : "unknown"}`;
  for (const element of live) element.crashed(reason, unloaded !== null);
}

let restarting;
/** Starts a fresh WebAssembly instance after a trap and every stopped widget on it (with its
 * attributes and card-src; a scenario set from script is not replayed, it may be the cause).
 * Cards loaded through the JS API are loaded again. */
export function restart() {
  restarting ??= (async () => {
    // The old instance's objects are forgotten without calling into it.
    for (const widget of dead.splice(0)) widget.__destroy_into_raw();
    __ppm_restart();
    // The fresh instance reads the fetched languages again when a widget needs them.
    textsRead.clear();
    started = undefined;
    await start();
    // Its own instance of the rest of the WebAssembly, in the background (from the bytes
    // already fetched, or fetched now); a function of it that runs first brings it at once.
    loadRest().catch(() => {});
    crashed = false;
    for (const card of apiCards.values()) wasm_loadRateCard(card);
    const stopped = [...live];
    live.clear();
    for (const element of stopped) element.restarted();
  })().finally(() => {
    restarting = undefined;
  });
  return restarting;
}

// A trap inside an event handler of a widget (a click, a keystroke) reaches the window. So does
// the loader's word that a function of the rest of the WebAssembly was needed before the rest
// was in, and it could not be fetched (or was not the file this module was built with): the
// instance cannot go on, and every widget offers to start again, which fetches it again.
if (typeof window !== "undefined") {
  window.addEventListener("error", (e) => {
    if (isTrap(e.error) && live.size > 0) crash(e.error);
  });
  window.addEventListener("ppm-rest-failed", (e) => {
    if (loaded) crash(null, String(e.detail));
  });
}

let restScheduled = false;
/** Fetches the rest of the WebAssembly (what the first quote did not need: a visitor's edits,
 * exports, detailed meetings, most messages, ...) in the background once the first widget has
 * quoted, so that it is there before anyone needs it; not before, so that it never delays a
 * first quote. (An edit that comes first waits for it, fetched at once: `holdUntilRest`.) */
export function fetchRestSoon() {
  if (restScheduled) return;
  restScheduled = true;
  loadRestWhenIdle().catch(() => {
    restScheduled = false;
  });
}

/** The message for a WebAssembly the page refused to start: a Content-Security-Policy without
 * 'wasm-unsafe-eval' says what to add (or to use the iframe embed); anything else as it is. */
function startFailure(err) {
  const detail = String(err && err.message ? err.message : err);
  const csp = typeof WebAssembly !== "undefined" && err instanceof WebAssembly.CompileError
    && /Content[- ]Security[- ]Policy|wasm-unsafe-eval|unsafe-eval/i.test(detail);
  if (csp) {
    return "this page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' "
      + "to its script-src, or embed the calculator with the iframe (embed.html), which needs no "
      + `change to the policy (the browser said: ${detail})`;
  }
  return detail;
}

let started;
/** Whether the WebAssembly has started (the JS API can be called). */
export let loaded = false;
/** Loads the WebAssembly once per page, for every element (again after a failure): when the
 * first element connects (or nears the viewport, with `loading="lazy"`), or when the JS API is
 * awaited; never merely because the module was imported. */
export function start() {
  started ??= init({
    module_or_path: fetch(WASM_URL, WASM_INTEGRITY ? { integrity: WASM_INTEGRITY } : {}),
  }).then(() => {
    loaded = true;
  }, (err) => {
    started = undefined;
    const failure = new Error(startFailure(err));
    failure.cause = err;
    throw failure;
  });
  return started;
}
