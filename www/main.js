// Starts the pricing widget: loads the WebAssembly and mounts the Yew app into #app.
// (The JS API for sales tools and partners is a separate bundle, ppm_api.js.)
import init, { mount } from "./ppm_widget.js";

const root = document.getElementById("app");
try {
  await init();
  root.textContent = "";
  mount("app");
  document.documentElement.dataset.ready = "true";
} catch (err) {
  root.textContent = "The calculator could not start: " + (err && err.message ? err.message : err);
  root.setAttribute("role", "alert");
}
