// The iframe variant of the widget, for hosts whose Content-Security-Policy cannot allow
// WebAssembly. The query takes the element's attributes (lang, card, card-src, scenario,
// compact, hide) and `origin`, the partner page's origin. Messages to the parent are
// namespaced `ppm:*`: `ppm:quote` (the ppm-quote detail), `ppm:error`, `ppm:height` (for
// auto-resizing), posted only to `origin`. Only `origin` may send `{ type: "ppm:scenario",
// scenario }`, and only as the parent window; without `origin` no message is sent or accepted.
import "./ppm-pricing.js";

const params = new URLSearchParams(location.search);

/** The configured partner origin, if it is a real origin (scheme://host[:port]). */
function partnerOrigin() {
  const text = params.get("origin");
  if (!text) return null;
  try {
    const origin = new URL(text).origin;
    return origin === text && origin !== "null" ? origin : null;
  } catch {
    return null;
  }
}

const allowed = partnerOrigin();
const main = document.getElementById("calculator");
const widget = document.createElement("ppm-pricing");
for (const name of ["lang", "card", "card-src", "scenario", "hide"]) {
  const value = params.get(name);
  if (value !== null) widget.setAttribute(name, value);
}
if (params.has("compact")) widget.setAttribute("compact", "");
main.append(widget);

// Messages go only to the configured origin: without one nothing is posted (not even the
// height), so a quote never reaches a page the partner did not name.
if (!allowed && window.parent !== window) {
  console.warn("ppm-pricing embed: no valid ?origin= configured; no messages are sent or accepted.");
}

function post(message) {
  if (allowed && window.parent !== window) window.parent.postMessage(message, allowed);
}

widget.addEventListener("ppm-quote", (event) => post({ type: "ppm:quote", detail: event.detail }));
widget.addEventListener("ppm-error", (event) => post({ type: "ppm:error", detail: event.detail }));

let lastHeight = -1;
new ResizeObserver(() => {
  const height = Math.ceil(main.getBoundingClientRect().height);
  if (height !== lastHeight) {
    lastHeight = height;
    post({ type: "ppm:height", height });
  }
}).observe(main);

window.addEventListener("message", (event) => {
  if (allowed === null || event.origin !== allowed || event.source !== window.parent) return;
  const data = event.data;
  if (data && typeof data === "object" && data.type === "ppm:scenario") widget.scenario = data.scenario;
});
