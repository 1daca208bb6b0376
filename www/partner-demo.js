// The partner demo's own script: a lead form filled from `ppm-quote`, organisers typed in the
// form sent to the main widget through its `scenario` property, and the iframe variant.
import { setScenario } from "./ppm-frame.js";

const main = document.getElementById("main-widget");
const form = document.getElementById("lead-form");
const status = document.getElementById("lead-status");
const money = (value, currency) =>
  new Intl.NumberFormat("en", { style: "currency", currency }).format(Number(value));

main.addEventListener("ppm-quote", (event) => {
  const d = event.detail;
  form.elements.ppm.value = money(d.monthly.perMinute, d.currency) + " / month";
  form.elements.pu.value = money(d.monthly.perUser, d.currency) + " / month";
  form.elements.cheaper.value = d.cheaper === "perMinute" ? "pay-per-minute" : d.cheaper === "perUser" ? "per-user licence" : "equal";
  form.elements.scenario.value = JSON.stringify(d.scenario);
  if (document.activeElement !== form.elements.organisers) form.elements.organisers.value = d.scenario.organisers;
});

main.addEventListener("ppm-error", (event) => {
  status.textContent = "Calculator: " + event.detail.message;
});

// Typing organisers here re-prices the widget's current scenario with that number.
form.elements.organisers.addEventListener("input", () => {
  const scenario = main.scenario;
  const organisers = Number(form.elements.organisers.value);
  if (scenario && Number.isInteger(organisers) && organisers > 0) main.scenario = { ...scenario, organisers };
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  status.textContent = `Thank you${form.elements.name.value ? ", " + form.elements.name.value : ""}: we will send an offer for ${form.elements.ppm.value} (pay-per-minute) or ${form.elements.pu.value} (licence).`;
});

// The iframe variant: served from `?embed=<base URL>` (another origin in the tests) or from here.
const frame = document.getElementById("ppm-frame");
const base = new URL(new URLSearchParams(location.search).get("embed") ?? "./", location.href);
const src = new URL("embed.html", base);
src.search = new URLSearchParams({ origin: location.origin, lang: "en", hide: "chart lines" }).toString();
frame.src = src.href;
frame.addEventListener("ppm-quote", (event) => {
  frame.dataset.total = event.detail.monthly.perMinute;
});
window.ppmDemo = { setFrameScenario: (scenario) => setScenario(frame, scenario) };
