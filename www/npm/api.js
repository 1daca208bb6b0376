// `ppm-pricing-widget/api` in browsers and bundlers: the JS API alone. The WebAssembly
// (ppm_api_bg.wasm, beside this file) is fetched on the first `await ready`; a bundler sees
// the glue's `new URL("ppm_api_bg.wasm", import.meta.url)` and ships the file.
import init from "./ppm_api.js";
import { guarded } from "./api-guard.js";

export const { ready, quote, costCurve, rateCards, countries, loadRateCard } = guarded(() => init());
