// Starts the pricing widget. The page arrives with the widget's first view prerendered
// (`cargo xtask dist`), so inputs and both prices are on screen before any script runs. When the
// WebAssembly is ready, the app renders into a hidden container beside that markup and the two
// are swapped in one task: the same markup in the same place, so nothing moves. What a visitor
// typed in the meantime is applied, and the focused field keeps its focus and caret. A page
// opened with a share link shows "being priced" until then (link-check.js).
// (The JS API for sales tools and partners is a separate bundle, ppm_api.js.)
// The bundle carries the English texts; German and French are files of their own
// (texts-de.txt, texts-fr.txt), fetched when the browser, a share link or the language menu asks.
import init, { mount, firstLanguage, addTexts, loadRest, loadRestWhenIdle, holdUntilRest, useRest, keepsResults } from "./ppm_widget.js";

const root = document.getElementById("app");
const html = document.documentElement;
const link = html.dataset.pricing === "link";
// The first part of the WebAssembly that link-check.js picked (and is fetching): for a share
// link or a German or French browser the one for those first views, with its own rest.
const every = html.dataset.first === "all";

// When a function of the rest of the WebAssembly had to run before it could be loaded (the
// network gone), the calculator cannot go on: it says so, in the page's language.
const restFailed = {
  en: "Part of the calculator could not be loaded. Check your connection, then reload the page.",
  de: "Ein Teil des Rechners konnte nicht geladen werden. Prüfen Sie die Verbindung und laden Sie die Seite neu.",
  fr: "Une partie du calculateur n’a pas pu être chargée. Vérifiez la connexion, puis rechargez la page.",
};
addEventListener("ppm-rest-failed", () => {
  if (document.getElementById("rest-failed")) return;
  const notice = document.createElement("p");
  notice.id = "rest-failed";
  notice.className = "ppm-notice";
  notice.setAttribute("role", "alert");
  notice.textContent = restFailed[html.lang] ?? restFailed.en;
  root.prepend(notice);
});

// Input typed before the app is ready: the last value of each field, by id, in typing order.
const typed = new Map();
const record = (e) => {
  const t = e.target;
  if (!t.id || link) return;
  typed.delete(t.id);
  typed.set(t.id, { event: e.type, value: t.value, checked: t.checked });
};
root.addEventListener("input", record, true);
root.addEventListener("change", record, true);

// Each language's texts are fetched once; a failed fetch may be tried again.
const texts = new Map();
const fetchTexts = (tag) => {
  let file = texts.get(tag);
  if (!file) {
    file = fetch(`./texts-${tag}.txt`).then((r) =>
      r.ok ? r.text() : Promise.reject(new Error(`texts-${tag}.txt: HTTP ${r.status}`)));
    file.catch(() => texts.delete(tag));
    texts.set(tag, file);
  }
  return file;
};
/** Reads a language's texts (`file`, or fetched) into the WebAssembly. */
const loadTexts = (tag, file = fetchTexts(tag)) => file.then(addTexts);
// The browser's language is fetched beside the WebAssembly (a share link may still choose
// another: firstLanguage decides). The first view uses that one fetch, failed or not.
const browserTag = (navigator.language || "").slice(0, 2).toLowerCase();
const early = {};
if (browserTag === "de" || browserTag === "fr") early[browserTag] = fetchTexts(browserTag);

try {
  if (every) useRest("ppm_widget_all_rest.wasm");
  const all = new URL("ppm_widget_all_bg.wasm", import.meta.url);
  await init(every ? { module_or_path: all } : undefined);
  // The smaller first part keeps the prerendered results (it cannot price: the rest prices and
  // draws at the first edit); a first view priced otherwise (a browser in the euro area) gets
  // the rest first.
  if (!every && !keepsResults()) await loadRest().catch(() => {});
  const first = firstLanguage();
  // Texts that cannot be had leave the page in English (the app falls back by itself).
  if (first !== "en") await loadTexts(first, early[first]).catch(() => {});
  const live = document.createElement("div");
  live.id = "app-live";
  live.hidden = true;
  root.append(live);
  // The usage import is its own module, fetched only when a visitor picks a file.
  let usageOpened = false;
  const usage = () => { usageOpened = true; return import("./usage-import.js"); };
  mount(
    "app-live",
    (...args) => usage().then((m) => m.openUsageImport(...args)),
    // The language follows the page's; the module is not fetched for it.
    (lang) => { if (usageOpened) usage().then((m) => m.setUsageImportLanguage(lang)); },
    // The language menu: the app calls done(tag, ok) when the texts are read or cannot be.
    (tag, done) => loadTexts(tag).then(() => done(tag, true), () => done(tag, false)),
  );
  // Once the tasks queued so far (Yew's first render among them) have run.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // Typing is handled by the rest of the WebAssembly: a visitor who typed before the page was
  // ready gets it fetched now, while the prerendered form still takes input (a failed fetch
  // leaves it to the replay, whose synchronous request then says what failed).
  if (typed.size) await loadRest().catch(() => {});
  root.removeEventListener("input", record, true);
  root.removeEventListener("change", record, true);
  const focused = document.activeElement;
  const caret = focused && focused.id && "selectionStart" in focused
    ? [focused.selectionStart, focused.selectionEnd] : null;
  for (const node of [...root.childNodes]) if (node !== live) node.remove();
  live.hidden = false;
  delete html.dataset.pricing;
  for (const [id, t] of typed) {
    const el = document.getElementById(id);
    if (!el) continue;
    if (el.type === "checkbox" || el.type === "radio") el.checked = t.checked;
    else el.value = t.value;
    el.dispatchEvent(new Event(t.event, { bubbles: true }));
  }
  if (focused && focused.id) {
    const again = document.getElementById(focused.id);
    if (again && again !== document.activeElement) {
      again.focus();
      if (caret) try { again.setSelectionRange(...caret); } catch { /* not a text field */ }
    }
  }
  // An edit made before the rest has arrived waits for it (fetched at once), instead of a
  // synchronous request that would hold the page still meanwhile.
  holdUntilRest(root);
  html.dataset.ready = "true";
  performance.mark("ppm-ready");
  // The rest of the WebAssembly (what the first view does not run: edits, exports,
  // detailed meetings, most messages...), in the background once the page is idle, so that it
  // is there before a visitor needs it (tried again after 1, 4 and 16 s; see the loader).
  loadRestWhenIdle().then(() => { html.dataset.rest = "loaded"; }, () => {});
} catch (err) {
  delete html.dataset.pricing;
  root.textContent = "The calculator could not start: " + (err && err.message ? err.message : err);
  root.setAttribute("role", "alert");
}
