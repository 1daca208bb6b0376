// <ppm-pricing>: the pricing widget as a custom element for partners' pages.
//
// wasm-bindgen cannot define custom-element classes, so this thin class owns the element's
// life cycle and attributes and calls into the WASM (`Widget`), which renders the Yew app into
// an open shadow root and does every check and every sum. No inline styles, no eval, no HTML
// strings: whatever a host supplies reaches the page as text. Documented in README.md.
// The WebAssembly instance every element shares (starting it, languages, a trap and the
// restart) is ppm-pricing-instance.js; the npm package makes both one module.
import {
  Widget,
  quote as wasm_quote,
  costCurve as wasm_costCurve,
  rateCards as wasm_rateCards,
  countries as wasm_countries,
  loadRateCard as wasm_loadRateCard,
  loadRest,
  holdUntilRest,
} from "./ppm_element.js";
import {
  live, pool, dead, apiCards, crashed, loaded, CRASH_TEXTS, textsRead,
  fetchedLanguage, fetchTexts, readTexts, menuTexts, isTrap, crash, restart, fetchRestSoon, start,
} from "./ppm-pricing-instance.js";

// `cargo xtask dist` rewrites these lines in the npm package (hashed file names and their
// sha384 integrity), so the whole chain from the partner's <script integrity> is checked.
const CSS_URL = new URL("./widget.css", import.meta.url);
const CSS_INTEGRITY = "";

const ATTRIBUTES = ["lang", "card", "card-src", "scenario", "compact", "hide", "loading"];

/** With `loading="lazy"`, how near the viewport an element starts (as IntersectionObserver's
 * rootMargin). */
const LAZY_MARGIN = "200px";

/** How long a `card-src` fetch may take, and how large the card may be. */
const CARD_TIMEOUT_MS = 10000;
const CARD_MAX_BYTES = 2 * 1024 * 1024;

/** Where there is no DOM (Node, server rendering), the class is defined on an empty base and
 * never registered: importing the module there does nothing. */
const Base = typeof HTMLElement === "undefined" ? class {} : HTMLElement;

/** Elements with `loading="lazy"` waiting to near the viewport. */
let lazyObserver;
function observeLazily(element) {
  lazyObserver ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      lazyObserver.unobserve(entry.target);
      entry.target.nearViewport();
    }
  }, { rootMargin: LAZY_MARGIN });
  lazyObserver.observe(element);
}

/** The `<ppm-pricing>` element. */
export class PpmPricing extends Base {
  static observedAttributes = ATTRIBUTES;

  #widget = null;
  #root;
  #styled;
  #detail = null;
  #pendingScenario;
  #card = { token: 0, id: null, error: null };
  #queued = false;
  /** The language whose texts could not be fetched for this element (shown in English). */
  #textsFailed = null;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    const link = document.createElement("link");
    link.rel = "stylesheet";
    if (CSS_INTEGRITY) {
      link.integrity = CSS_INTEGRITY;
      link.crossOrigin = "anonymous";
    }
    this.#styled = new Promise((resolve) => {
      link.addEventListener("load", resolve, { once: true });
      link.addEventListener("error", resolve, { once: true });
    });
    link.href = CSS_URL.href;
    const shell = document.createElement("div");
    shell.className = "ppm-shell";
    shell.setAttribute("part", "shell");
    this.#root = document.createElement("div");
    this.#root.className = "ppm-loading";
    this.#root.textContent = "…";
    shell.append(this.#root);
    shadow.append(link, shell);
  }

  async connectedCallback() {
    // A value set on the element before this class was defined would hide the accessor.
    if (Object.prototype.hasOwnProperty.call(this, "scenario")) {
      const value = this.scenario;
      delete this.scenario;
      this.scenario = value;
    }
    if (this.#widget) return;
    if (this.getAttribute("loading") === "lazy" && typeof IntersectionObserver !== "undefined") {
      observeLazily(this);
      return;
    }
    await this.#mount();
  }

  /** Called once a `loading="lazy"` element nears the viewport. */
  nearViewport() {
    if (this.isConnected && !this.#widget) this.#mount();
  }

  /** Starts this element's widget on the (shared) WebAssembly. */
  async #mount() {
    // The widget's language's texts are fetched beside the WebAssembly, not after it; the
    // first render uses that one fetch, failed or not.
    const lang = fetchedLanguage(this.#language());
    const early = lang && fetchTexts(lang);
    try {
      await Promise.all([start(), this.#styled]);
    } catch (err) {
      // Typically a Content-Security-Policy without 'wasm-unsafe-eval' (then use embed.html).
      const detail = String(err && err.message ? err.message : err);
      this.#root.textContent = `The pricing calculator could not start: ${detail}.`;
      this.#root.setAttribute("role", "alert");
      this.#error("start", detail);
      return;
    }
    if (lang) await this.#readTexts(lang, early);
    if (this.#widget || !this.isConnected) return;
    if (crashed) {
      live.add(this);
      this.crashed("an earlier internal error");
      return;
    }
    this.#root.className = "";
    this.#root.textContent = "";
    live.add(this);
    // An edit before the rest of the WebAssembly has arrived waits for it (fetched at once)
    // rather than a synchronous request that would hold the page still.
    holdUntilRest(this.shadowRoot);
    try {
      const parked = pool.pop();
      if (parked) {
        // A removed element's root, started afresh for this element.
        this.#root.replaceWith(parked.root);
        this.#root = parked.root;
        // Its previous content stays hidden until this element's configuration replaces it.
        this.#root.hidden = true;
        parked.widget.reuse((detail) => this.#quoted(detail), this.#language());
        this.#widget = parked.widget;
      } else {
        this.#widget = new Widget(this.#root, (detail) => this.#quoted(detail), this.#language(), menuTexts);
      }
    } catch (err) {
      if (isTrap(err)) crash(err);
      else this.#error("start", err.message);
      return;
    }
    // A scenario property set before now is part of the first configuration.
    if (this.#pendingScenario !== undefined) {
      const value = this.#pendingScenario;
      this.#pendingScenario = undefined;
      try {
        this.#widget.stageScenario(value);
      } catch (err) {
        if (isTrap(err)) return crash(err);
        this.#error("scenario", err.message);
      }
    }
    // The widget renders at its first configuration: with a partner card, once that card is
    // loaded (or has failed), so the first `ppm-quote` already carries the configured card
    // and scenario.
    if (this.hasAttribute("card-src")) await this.#loadCard();
    else this.#configure();
    // A scenario set while the card was loading: after it.
    if (this.#pendingScenario !== undefined) {
      const value = this.#pendingScenario;
      this.#pendingScenario = undefined;
      this.scenario = value;
    }
  }

  disconnectedCallback() {
    // Moving the element around the page disconnects and reconnects it in one task.
    queueMicrotask(() => {
      if (!this.isConnected) lazyObserver?.unobserve(this);
      if (!this.isConnected && this.#widget) {
        live.delete(this);
        const widget = this.#widget;
        this.#widget = null;
        // The root (with its app) goes to the pool; this element gets an empty one in case it
        // is connected again.
        const root = this.#root;
        this.#root = document.createElement("div");
        root.replaceWith(this.#root);
        if (!crashed) pool.push({ root, widget });
        else dead.push(widget);
      } else if (!this.isConnected) {
        live.delete(this);
      }
    });
  }

  attributeChangedCallback(name, before, after) {
    // An element still waiting to near the viewport starts at once when it stops being lazy.
    if (name === "loading") {
      if (after !== "lazy" && !this.#widget && this.isConnected) {
        lazyObserver?.unobserve(this);
        this.#mount();
      }
      return;
    }
    if (!this.#widget || before === after) return;
    if (name === "card-src") this.#loadCard();
    else this.#schedule();
  }

  /** The last quote event's detail (null before the first quote). Read-only. */
  get quote() {
    return this.#detail;
  }

  /** The scenario being priced (a scenario object), or null before the first quote. */
  get scenario() {
    return this.#detail ? this.#detail.scenario : null;
  }

  /** Replaces the scenario: a scenario object, scenario JSON or a share link. A bad value
   * keeps the current scenario and fires `ppm-error`. */
  set scenario(value) {
    if (!this.#widget) {
      this.#pendingScenario = value;
      return;
    }
    if (crashed) return;
    try {
      this.#widget.setScenario(value);
    } catch (err) {
      if (isTrap(err)) crash(err);
      else this.#error("scenario", err.message);
    }
  }

  #language() {
    const owner = this.closest("[lang]");
    return this.getAttribute("lang") || (owner && owner.getAttribute("lang")) || navigator.language || "en";
  }

  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#configure();
    });
  }

  /** Reads a language's texts (`file`, or fetched) into the WebAssembly; on failure fires `ppm-error` ("texts")
   * and the widget speaks English. Resolves either way. */
  async #readTexts(tag, file) {
    try {
      await readTexts(tag, file);
      this.#textsFailed = null;
    } catch (err) {
      if (isTrap(err)) return crash(err);
      this.#textsFailed = tag;
      this.#error("texts", `the ${tag} texts could not be loaded (${err && err.message ? err.message : err}); the calculator is shown in English`);
    }
  }

  #configure() {
    if (!this.#widget || crashed) return;
    // A language whose texts are not here yet: configured once they are (or have failed).
    const lang = fetchedLanguage(this.#language());
    if (lang && !textsRead.has(lang) && this.#textsFailed !== lang) {
      this.#readTexts(lang).then(() => this.#configure());
      return;
    }
    this.#root.hidden = false;
    try {
      // lang, card, scenario, compact, hide, the card-src card's id, or why it failed.
      this.#widget.configure(this.getAttribute("lang"), this.getAttribute("card"), this.getAttribute("scenario"),
        this.hasAttribute("compact"), this.getAttribute("hide"), this.#card.id, this.#card.error);
    } catch (err) {
      if (isTrap(err)) crash(err);
      else this.#error("configuration", err.message);
    }
  }

  /** Called for every widget when the shared WebAssembly has trapped (or part of it could not
   * be loaded: `unloaded`): a message in place of the widget with a button that starts it again,
   * and a `ppm-error` event (source "crash", in English with the reason). */
  crashed(reason, unloaded = false) {
    if (this.#widget) dead.push(this.#widget);
    this.#widget = null;
    const lang = this.#language().slice(0, 2).toLowerCase();
    const [say, button, notLoaded] = CRASH_TEXTS[lang] || CRASH_TEXTS.en;
    const box = document.createElement("div");
    box.className = "ppm-crashed";
    box.setAttribute("role", "alert");
    const text = document.createElement("p");
    text.textContent = unloaded ? notLoaded : say(reason);
    const again = document.createElement("button");
    again.type = "button";
    again.textContent = button;
    again.addEventListener("click", () => {
      again.disabled = true;
      restart().catch(() => location.reload());
    });
    box.append(text, again);
    // A fresh root: the old one holds the trapped app's nodes and listeners.
    const root = document.createElement("div");
    this.#root.replaceWith(root);
    this.#root = root;
    this.#root.append(box);
    this.#error("crash", unloaded
      ? `part of the calculator could not be loaded (${reason}); start it again or reload the page`
      : `the calculator stopped working (${reason}); start it again or reload the page`);
  }

  /** Called when a restart has started a fresh instance: this element starts again on it. */
  restarted() {
    if (!this.isConnected || this.#widget) return;
    this.#root.replaceChildren();
    this.#mount();
  }

  /** Fetches a partner's card (JSON, the format `ppm convert` writes), validates and uses it;
   * on failure the widget shows why and prices with the built-in card. */
  async #loadCard() {
    const src = this.getAttribute("card-src");
    const token = ++this.#card.token;
    // A partner's card is read by the rest of the WebAssembly (no first quote without card-src
    // needs that code; xtask/split/profile.mjs): it is fetched beside the card, and the card is
    // read (or its problem told) once it is in, or once the card's own time limit has passed
    // (then the first function of the rest to run brings it at once). Without the network, that
    // function says so, as everywhere.
    const rest = src
      ? Promise.race([loadRest().catch(() => {}), new Promise((go) => setTimeout(go, CARD_TIMEOUT_MS))])
      : null;
    let id = null;
    let error = null;
    if (src) {
      // A failure goes to the widget as data (`reason` and its values), so that the widget
      // says it in its own language; a card that is not valid goes with its text, which the
      // widget checks again to name the problem by kind.
      const fail = (reason, values) => {
        const err = new Error(reason);
        err.failure = { src, reason, ...values };
        return err;
      };
      try {
        const url = new URL(src, document.baseURI);
        if (url.protocol !== "https:" && url.protocol !== "http:") {
          throw fail("protocol", { protocol: url.protocol });
        }
        const response = await fetch(url, {
          credentials: "omit",
          headers: { accept: "application/json" },
          signal: AbortSignal.timeout(CARD_TIMEOUT_MS),
        });
        if (!response.ok) throw fail("status", { status: response.status });
        const declared = Number(response.headers.get("content-length"));
        if (declared > CARD_MAX_BYTES) throw fail("tooLarge", { bytes: declared, limit: CARD_MAX_BYTES });
        const text = await response.text();
        if (text.length > CARD_MAX_BYTES) throw fail("tooLarge", { bytes: text.length, limit: CARD_MAX_BYTES });
        await rest;
        try {
          id = wasm_loadRateCard(text).id;
        } catch (err) {
          if (isTrap(err)) throw err;
          throw fail("card", { text, message: err.message });
        }
      } catch (err) {
        if (isTrap(err)) {
          crash(err);
          return;
        }
        error = err.failure
          ?? (err && err.name === "TimeoutError"
            ? { src, reason: "timeout", seconds: CARD_TIMEOUT_MS / 1000 }
            : { src, reason: "network", message: String(err && err.message) });
      }
    }
    await rest;
    if (token !== this.#card.token) return; // a newer card-src replaced this one
    this.#card = { token, id, error };
    this.#configure();
  }

  #quoted(detail) {
    this.#detail = detail;
    fetchRestSoon();
    this.dispatchEvent(new CustomEvent("ppm-quote", { detail, bubbles: true, composed: true }));
  }

  #error(source, message) {
    this.dispatchEvent(
      new CustomEvent("ppm-error", { detail: { source, message }, bubbles: true, composed: true }),
    );
  }
}

if (typeof customElements !== "undefined" && !customElements.get("ppm-pricing")) {
  customElements.define("ppm-pricing", PpmPricing);
}

// The JS API from the same module. `ready` starts loading the WebAssembly when it is first
// awaited (or `then`/`catch`/`finally` is called), and resolves once the API below can be
// called (it rejects, with the reason, if the WebAssembly cannot start).
/** Resolves when the JS API below can be called (`await ready`); the WebAssembly is fetched
 * on the first await, not at import. */
// The API's functions run in the rest of the WebAssembly (no first quote needs them), so `ready`
// brings it too; one that cannot be fetched is left to the synchronous request of the first
// function that runs.
const apiReady = () => start().then(() => loadRest().catch(() => {}));
export const ready = {
  then: (onResolved, onRejected) => apiReady().then(onResolved, onRejected),
  catch: (onRejected) => apiReady().catch(onRejected),
  finally: (onFinally) => apiReady().finally(onFinally),
  [Symbol.toStringTag]: "Promise",
};

/** The JS API function `name`, with a readable error when called before `ready`. */
function whenReady(name, fn) {
  return (...args) => {
    if (!loaded) {
      throw new Error(`ppm-pricing: ${name}() was called before the WebAssembly was loaded; await ready first`);
    }
    if (crashed) {
      throw new Error(`ppm-pricing: ${name}(): the WebAssembly stopped working; start a widget again or reload the page`);
    }
    try {
      return fn(...args);
    } catch (err) {
      if (isTrap(err)) crash(err);
      throw err;
    }
  };
}

export const quote = whenReady("quote", wasm_quote);
export const costCurve = whenReady("costCurve", wasm_costCurve);
export const rateCards = whenReady("rateCards", wasm_rateCards);
export const countries = whenReady("countries", wasm_countries);
export const loadRateCard = whenReady("loadRateCard", (card) => {
  const result = wasm_loadRateCard(card);
  // Kept as loaded (a plain copy of an object), for a restarted instance.
  try {
    apiCards.set(result.id, typeof card === "string" ? card : JSON.stringify(card));
  } catch {
    // A value that cannot be copied twice is not kept; the card was loaded all the same.
  }
  return result;
});
