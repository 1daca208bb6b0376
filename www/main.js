// Starts the pricing widget: loads the WebAssembly and mounts the Yew app into #app.
import init, * as api from "./ppm_pricing.js";

const root = document.getElementById("app");
try {
  await init();
  root.textContent = "";
  api.mount("app");
  // The JS API, for sales tools and tests on this page.
  window.ppm = api;
  document.documentElement.dataset.ready = "true";
} catch (err) {
  root.textContent = "The calculator could not start: " + (err && err.message ? err.message : err);
  root.setAttribute("role", "alert");
}
