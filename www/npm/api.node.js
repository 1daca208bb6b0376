// `ppm-pricing-widget/api` in Node (and server rendering): the same JS API; the WebAssembly
// is read from the package's folder, since Node's fetch cannot read a file: URL.
import { readFile } from "node:fs/promises";
import init from "./ppm_api.js";
import { guarded } from "./api-guard.js";

const WASM = new URL("./ppm_api_bg.wasm", import.meta.url);

export const { ready, quote, costCurve, rateCards, countries, loadRateCard } = guarded(
  async () => init({ module_or_path: await readFile(WASM) }),
);
