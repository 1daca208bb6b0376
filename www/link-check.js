// Runs before the page is painted (a classic script in <head>): a page opened with a share link
// (#v3&…) must not show the prerendered example's prices as if they were the link's. Until the
// app has priced the link (main.js removes the mark), CSS hides the prerendered inputs and
// results and shows the "being priced" line instead.
// It also picks the first part of the page's WebAssembly and starts fetching it: the one for a
// visitor who opens the page in English without a share link (ppm_widget_bg.wasm), or, for a
// share link or a German or French browser, the one for the other first views
// (ppm_widget_all_bg.wasm: it reads links and the other languages without waiting for the rest).
// main.js loads the part named by `data-first`.
(() => {
  const root = document.documentElement;
  const lang = (navigator.language || "").slice(0, 2).toLowerCase();
  if (location.hash.length > 1) root.dataset.pricing = "link";
  if (root.dataset.pricing || lang === "de" || lang === "fr") root.dataset.first = "all";
  document.head.append(Object.assign(document.createElement("link"), {
    rel: "preload",
    as: "fetch",
    type: "application/wasm",
    crossOrigin: "",
    href: `ppm_widget${root.dataset.first ? "_all" : ""}_bg.wasm`,
  }));
})();
