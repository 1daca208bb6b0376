// Types of the <ppm-pricing> element and the JS API of the same module.
export { quote, costCurve, rateCards, countries, loadRateCard } from "./ppm_element.js";
export type * from "./ppm_element.js";

/** Resolves when the JS API functions can be called: `await ready` (the WebAssembly is fetched
 * on the first await, or when the first element connects; never at import). The element itself
 * needs nothing; `await customElements.whenDefined("ppm-pricing")` waits for its class. */
export declare const ready: Promise<void>;
// `PpmQuoteDetail` (the `ppm-quote` detail) is generated from the Rust types with the JS API's.
import type { PpmQuoteDetail, Scenario } from "./ppm_element.js";

/** The `detail` of a `ppm-error` event. */
export interface PpmErrorDetail {
  /** What went wrong: "configuration" (attributes, card-src), "scenario" (the property), "start",
   * "texts" (the German or French texts file could not be fetched: the widget speaks English), or
   * "crash" (the WebAssembly stopped; every widget of the page then shows a reload button). */
  source: "configuration" | "scenario" | "start" | "texts" | "crash";
  /** A sentence saying what is wrong and how to fix it. */
  message: string;
}

/** Sections the `hide` attribute can name. */
export type PpmSection = "header" | "inputs" | "chart" | "lines" | "warnings" | "pool" | "actions";

/** The element's attributes (all strings, as in HTML). */
export interface PpmPricingAttributes {
  /** Page language: "en", "de" or "fr" (default: the nearest `lang`, then the browser's). */
  lang?: string;
  /** A built-in card id: "illustrative-usd" (default) or "illustrative-eur". */
  card?: string;
  /** URL of a partner rate card (JSON, as `ppm convert` writes it). */
  "card-src"?: string;
  /** Scenario JSON, or a share link / its `#v3&…` fragment (older `#v1&`/`#v2&` links open too). */
  scenario?: string;
  /** Present: results only, one column. */
  compact?: boolean | "";
  /** Sections to hide, separated by spaces or commas. */
  hide?: string;
  /** "lazy": the WebAssembly is fetched when the element nears the viewport. */
  loading?: "lazy" | "eager";
  id?: string;
  class?: string;
  part?: string;
}

/** `<ppm-pricing>`. */
export declare class PpmPricing extends HTMLElement {
  /** The last `ppm-quote` detail, or null before the first quote. Read-only. */
  readonly quote: PpmQuoteDetail | null;
  /** The scenario being priced; set an object, scenario JSON or a share link to replace it. */
  get scenario(): Scenario | null;
  set scenario(value: Scenario | string);
  addEventListener<K extends keyof PpmPricingEventMap>(type: K, listener: (this: PpmPricing, ev: PpmPricingEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PpmPricingEventMap>(type: K, listener: (this: PpmPricing, ev: PpmPricingEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The element's events. */
export interface PpmPricingEventMap extends HTMLElementEventMap {
  "ppm-quote": CustomEvent<PpmQuoteDetail>;
  "ppm-error": CustomEvent<PpmErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    "ppm-pricing": PpmPricing;
  }
  namespace JSX {
    interface IntrinsicElements {
      "ppm-pricing": PpmPricingAttributes;
    }
  }
}
