// The usage import, loaded only when a visitor picks or drops a file (main.js hands this to the
// widget). Its WebAssembly (ppm_import) reads the file where it is, with File.slice: nothing is
// sent anywhere. It shows its own progress and report inside the widget's panel and hands the
// measured profile back as a share-link fragment (`apply(fragment, replace)`).
let loaded;

/** The report's stylesheet (usage-import.css), added once; resolves when it is read. */
function stylesheet() {
  return new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("./usage-import.css", import.meta.url).href;
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
}

/** Loads the import's module and its stylesheet once (the module again after a failure). */
let styled;
function load() {
  styled ??= stylesheet();
  loaded ??= Promise.all([import("./ppm_import.js"), styled])
    .then(async ([m]) => {
      await m.default({ module_or_path: new URL("./ppm_import_bg.wasm", import.meta.url) });
      return m;
    })
    .catch((err) => {
      loaded = undefined;
      throw err;
    });
  return loaded;
}

/** Reads `files` and shows the report in `container`; see src/ui/usage/mod.rs. */
export async function openUsageImport(container, files, lang, card, apply) {
  const m = await load();
  m.openUsageImport(container, files, lang, card, apply);
}

/** Shows the last import's panel in the page's new language; nothing to do before the first. */
export function setUsageImportLanguage(lang) {
  loaded?.then((m) => m.setUsageImportLanguage(lang)).catch(() => {});
}
