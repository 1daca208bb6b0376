// Appended to the pricing page's glue by `cargo xtask dist` (xtask/src/split.rs). The page's
// WebAssembly comes in two parts: `ppm_widget_bg.wasm`, every function the page ran in the
// build's profiling visits (its first view, typing into the form, a share link, German, French,
// a phone), and
// `ppm_widget_rest.wasm`, the rest (exports, detailed and measured meetings, messages, ...).
// Until the rest is instantiated, each of its functions is a placeholder in the shared table:
// calling one loads the rest there and then (a synchronous request, when `loadRest`, which the
// page calls once it is ready, has not brought it yet) and calls the function it stands for.
const restUrl = new URL("ppm_widget_rest.wasm", import.meta.url);
let restDone = false;
let restLoading;
let restBytes;
/** The placeholders' import namespace: any index, a function that loads the rest and calls it. */
function restPlaceholders() {
  return new Proxy({}, {
    get: (_, index) => (...args) => {
      restNow();
      return restTable().get(Number(index))(...args);
    },
  });
}
/** The table the placeholders and the rest's functions share (the primary part exports it). */
function restTable() {
  return Object.values(wasm).find((v) => v instanceof WebAssembly.Table);
}
/** Instantiates the rest once: its table entries replace the placeholders. */
function restInstantiate(module) {
  if (!restDone) {
    new WebAssembly.Instance(module, { primary: wasm });
    restDone = true;
  }
}
/** Loads the rest at once: from the background fetch's bytes when they are in, else with a
 * synchronous request (a placeholder cannot wait). */
function restNow() {
  if (restDone) return;
  restInstantiate(new WebAssembly.Module(restBytes ?? restDownload()));
}
/** The rest's bytes, by a synchronous request; a failure is announced (main.js says so). */
function restDownload() {
  const xhr = new XMLHttpRequest();
  xhr.open("GET", restUrl, false);
  xhr.overrideMimeType("text/plain; charset=x-user-defined");
  try {
    xhr.send();
    if (xhr.status !== 200) throw new Error(`${restUrl}: HTTP ${xhr.status}`);
  } catch (err) {
    dispatchEvent(new CustomEvent("ppm-rest-failed"));
    throw err;
  }
  // x-user-defined: each byte is one character, its low 8 bits.
  return Uint8Array.from(xhr.responseText, (c) => c.charCodeAt(0) & 0xff);
}
/** Fetches and instantiates the rest in the background (once; a failure may be tried again). */
export function loadRest() {
  if (restDone) return Promise.resolve();
  restLoading ??= fetch(restUrl)
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${restUrl}: HTTP ${r.status}`))))
    .then((bytes) => WebAssembly.compile((restBytes = bytes)))
    .then(restInstantiate);
  restLoading.catch(() => { restLoading = undefined; });
  return restLoading;
}
