// Types of `ppm-pricing-widget/api`: the JS API alone (browsers, bundlers, Node).
export { quote, costCurve, rateCards, countries, loadRateCard } from "./ppm_api.js";
export type * from "./ppm_api.js";

/** Resolves when the functions can be called: `await ready` (the WebAssembly is loaded on the
 * first await, fetched in browsers and read from the package in Node). A call before that
 * throws an `Error` saying so. */
export declare const ready: Promise<void>;
