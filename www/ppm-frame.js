// For partner pages that embed the calculator as an iframe (embed.html): sizes each
// <iframe data-ppm-embed> to the height the calculator reports and re-dispatches its
// `ppm:quote` / `ppm:error` messages as `ppm-quote` / `ppm-error` events on the iframe. Only
// messages from that iframe's window and origin count. Frames without a width of their own
// fill their container.

/** The origin of an iframe's document. */
const originOf = (frame) => new URL(frame.src, location.href).origin;

window.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || typeof data !== "object" || typeof data.type !== "string" || !data.type.startsWith("ppm:")) return;
  for (const frame of document.querySelectorAll("iframe[data-ppm-embed]")) {
    if (frame.contentWindow !== event.source || originOf(frame) !== event.origin) continue;
    if (data.type === "ppm:height" && Number.isFinite(data.height) && data.height >= 0) {
      frame.style.height = `${Math.min(Math.ceil(data.height), 20000)}px`;
    } else if (data.type === "ppm:quote" || data.type === "ppm:error") {
      const name = data.type === "ppm:quote" ? "ppm-quote" : "ppm-error";
      frame.dispatchEvent(new CustomEvent(name, { detail: data.detail, bubbles: true }));
    }
  }
});

// An iframe is 300 px wide by default; the calculator reflows to any width, so it takes the
// width of its container unless the host gave it a width of its own.
for (const frame of document.querySelectorAll("iframe[data-ppm-embed]")) {
  if (!frame.hasAttribute("width") && !frame.style.width) frame.style.width = "100%";
  frame.style.border ||= "0";
}

/** Sends a scenario (object, JSON or share link) to an embedded calculator. */
export function setScenario(frame, scenario) {
  frame.contentWindow.postMessage({ type: "ppm:scenario", scenario }, originOf(frame));
}
