// Appended to a bundle's glue by `cargo xtask dist` (xtask/src/split.rs): the pricing page's
// (`ppm_widget`) and the partner element's (`ppm_element`). Their WebAssembly comes in two parts:
// `<bundle>_bg.wasm`, every function that ran in the build's profiling visits (the page's first
// view in English and on a phone; for the element its partner pages), and `<bundle>_rest.wasm`,
// the rest (edits, exports, detailed and measured meetings, most messages, ...). The page has a
// second pair for the other first views (a share link, German, French): `ppm_widget_all_bg.wasm` and
// `ppm_widget_all_rest.wasm` (`useRest`). Until the rest is instantiated, each of its functions
// is a placeholder in the shared table: calling one loads the rest there and then (a
// synchronous request, when `loadRest` has not brought it yet) and calls the function it stands
// for.
// The rest belongs to one instance of the first part: after a restart (the element's, after a
// trap) the new instance gets its own, from the bytes already fetched.
let restUrl = new URL("ppm_widget_rest.wasm", import.meta.url);
// The rest's sha384 integrity ("": not checked; the npm package's is filled in): the
// background fetch checks it as the browser does, the synchronous request with `sha384`, which
// only a bundle with an integrity value carries (xtask/split/sha384.js).
const restIntegrity = "";
/** The page's bundle has a second first part, for the other first views
 * (`ppm_widget_all_bg.wasm`), with its own rest: `main.js` names that rest here before `init`
 * when it loads that part. */
export function useRest(name) {
  restUrl = new URL(name, import.meta.url);
}
let restFor;
let restModule;
let restLoading;
let restBytes;
/** The placeholders' import namespace, one per instantiation: each import is named by how far
 * its table entry lies past the one before (base 36; xtask/src/rest_links.rs), and WebAssembly
 * reads imports once each, in order, so the sum so far is its entry. Each is a function that
 * loads the rest and calls what the entry holds then. */
function restPlaceholders() {
  let entry = 0;
  return new Proxy({}, {
    get: (_, step) => {
      const index = (entry += parseInt(step, 36));
      return (...args) => {
        restNow();
        return restTable().get(index)(...args);
      };
    },
  });
}
/** The table the placeholders and the rest's functions share (the first part exports it). */
function restTable() {
  return Object.values(wasm).find((v) => v instanceof WebAssembly.Table);
}
/** What the rest imports from the first part: its exports, and its functions the rest calls by
 * their number in the table (xtask/src/rest_links.rs: a table entry costs less than an export). */
function restImports() {
  return new Proxy(wasm, { get: (w, name) => (name in w ? w[name] : restTable().get(Number(name))) });
}
/** Instantiates the rest for the current instance (once): its table entries replace the
 * placeholders. */
function restInstantiate(module) {
  restModule = module;
  if (wasm && restFor !== wasm) {
    new WebAssembly.Instance(module, { primary: restImports() });
    restFor = wasm;
  }
}
/** Loads the rest at once: compiled or fetched already, or by a synchronous request (a
 * placeholder cannot wait). */
function restNow() {
  if (restFor === wasm) return;
  restInstantiate(restModule ?? new WebAssembly.Module(restBytes ?? restDownload()));
}
/** The rest's bytes, by a synchronous request, checked against `restIntegrity`; a failure is
 * announced (`ppm-rest-failed`: the page, or every element, says so). */
function restDownload() {
  try {
    const xhr = new XMLHttpRequest();
    xhr.open("GET", restUrl, false);
    xhr.overrideMimeType("text/plain; charset=x-user-defined");
    xhr.send();
    if (xhr.status !== 200) throw new Error(`${restUrl}: HTTP ${xhr.status}`);
    // x-user-defined: each byte is one character, its low 8 bits.
    const bytes = Uint8Array.from(xhr.responseText, (c) => c.charCodeAt(0) & 0xff);
    if (restIntegrity && sha384(bytes) !== restIntegrity) {
      throw new Error(`${restUrl}: not the file this module was built with (integrity)`);
    }
    return bytes;
  } catch (err) {
    dispatchEvent(new CustomEvent("ppm-rest-failed", { detail: String(err && err.message) }));
    throw err;
  }
}
/** Fetches and compiles the rest (once; a failure may be tried again) and instantiates it for
 * the current instance. A rest already brought by a synchronous request is not fetched again. */
export function loadRest() {
  if (restModule) restLoading ??= Promise.resolve(restModule);
  restLoading ??= fetch(restUrl, restIntegrity ? { integrity: restIntegrity } : {})
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${restUrl}: HTTP ${r.status}`))))
    .then((bytes) => WebAssembly.compile((restBytes = bytes)));
  restLoading.catch(() => { restLoading = undefined; });
  return restLoading.then(restInstantiate);
}
/** Loads the rest in the background, so that it is there before a visitor needs it: once the
 * page is idle (within 2 s; it neither delays a paint nor competes with one), again after 1, 4
 * and 16 s when it failed. Resolves when it is in; rejects after the last try. (Without
 * requestIdleCallback, a timer: the options object reads as no delay.) */
export function loadRestWhenIdle() {
  const attempt = (wait) => loadRest().catch((err) => {
    if (wait > 16000) throw err;
    return new Promise((again) => setTimeout(again, wait)).then(() => attempt(wait * 4));
  });
  return new Promise((go) => (self.requestIdleCallback ?? setTimeout)(go, { timeout: 2000 }))
    .then(() => attempt(1000));
}
/** Until the rest is in, holds back what a visitor does inside `root` (typing, choosing,
 * clicking: `input`, `change`, `click`, `submit`, all the app listens to) and gives it again
 * once the rest is: an early edit waits for the rest's fetch (started at once) instead of a
 * synchronous request that would hold the page still until the rest had arrived. Each event
 * is given again as a copy of itself, to its target (a field's handler then reads what was
 * typed: the app changes no field meanwhile, since every change of its state comes from an
 * event and those wait too; a host page that sets the element's `scenario` meanwhile wins. A
 * click's copy does what the visitor's would have: its default, a checkbox's tick, waits
 * with it). If the fetch fails, they are given anyway,
 * and the synchronous request says what failed. Meanwhile the results say that they are being
 * worked out: `aria-busy` on the app's results (`.ppm-results`; widget.css dims them after a
 * moment, assistive technology waits for the update), set once the first held event's frame is
 * painted (set in that frame, its restyle delayed the keystroke's paint by 8-16 ms at 4x CPU). */
export function holdUntilRest(root) {
  const types = ["input", "change", "click", "submit"];
  const held = [];
  const busy = (on) => {
    const results = root.querySelector(".ppm-results");
    if (on) results?.setAttribute("aria-busy", "true");
    else results?.removeAttribute("aria-busy");
  };
  let waiting = false;
  const release = () => {
    for (const type of types) root.removeEventListener(type, hold, true);
    waiting = false;
    busy(false);
    for (const [e, el] of held.splice(0)) el.dispatchEvent(new e.constructor(e.type, e));
  };
  function hold(e) {
    if (restFor === wasm && !held.length) return release();
    e.stopImmediatePropagation();
    // (Typing and choosing cannot be undone: only a click's or a submit's default waits.)
    e.preventDefault();
    if (held.push([e, e.target]) == 1) {
      waiting = true;
      requestAnimationFrame(() => setTimeout(() => waiting && busy(true)));
      loadRest().then(release, release);
    }
  }
  for (const type of types) root.addEventListener(type, hold, true);
}
