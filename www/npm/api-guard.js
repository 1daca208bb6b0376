// The JS API of `ppm-pricing-widget/api` (api.js in browsers and bundlers, api.node.js in
// Node): the functions of the API's own WebAssembly (no element, no Yew), each refusing with a
// readable error until `ready` has resolved. `ready` loads the WebAssembly when it is first
// awaited, never at import.
import { quote, costCurve, rateCards, countries, loadRateCard } from "./ppm_api.js";

/** The API on a WebAssembly that `start()` loads (a promise): `{ ready, quote, … }`. */
export function guarded(start) {
  let started;
  let loaded = false;
  const load = () => {
    started ??= start().then(() => {
      loaded = true;
    }, (err) => {
      started = undefined;
      throw err;
    });
    return started;
  };
  const ready = {
    then: (onResolved, onRejected) => load().then(onResolved, onRejected),
    catch: (onRejected) => load().catch(onRejected),
    finally: (onFinally) => load().finally(onFinally),
    [Symbol.toStringTag]: "Promise",
  };
  const whenReady = (name, fn) => (...args) => {
    if (!loaded) {
      throw new Error(`ppm-pricing-widget/api: ${name}() was called before the WebAssembly was loaded; await ready first`);
    }
    return fn(...args);
  };
  return {
    ready,
    quote: whenReady("quote", quote),
    costCurve: whenReady("costCurve", costCurve),
    rateCards: whenReady("rateCards", rateCards),
    countries: whenReady("countries", countries),
    loadRateCard: whenReady("loadRateCard", loadRateCard),
  };
}
