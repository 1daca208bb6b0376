// The performance report (numbers, no assertions), run by `cargo xtask perf` after `dist`:
//   node tests/perf/perf.mjs BASE_URL
// BASE_URL serves dist/ with its pre-compressed files (`cargo xtask serve --no-build`).
// Prints: what the pricing page fetches; load times to quote-visible and to interactive under
// network and CPU emulation (CDP), and to a partner page's first ppm-quote; Event Timing of
// edits (as INP measures them) on the default page and on the large scenario, at 1x and 4x
// CPU; Lighthouse 12 mobile and desktop; and the JS API's quote times in Node.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";

const base = process.argv[2];
if (!base) {
  console.error("usage: node tests/perf/perf.mjs BASE_URL");
  process.exit(2);
}
const root = fileURLToPath(new URL("../../", import.meta.url));
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const flags = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];
const large = JSON.parse(readFileSync(root + "tests/data/large-scenario.json", "utf8"));
const only = new Set((process.env.PERF_ONLY ?? "sizes,load,early,edits,lighthouse,api,usage").split(","));

const sorted = (a) => [...a].sort((x, y) => x - y);
const pct = (a, p) => { const s = sorted(a); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const median = (a) => pct(a, 50);
const ms = (v) => (v === undefined ? "-" : v < 16 ? "<16" : v.toFixed(0));
const kb = (n) => (n / 1000).toFixed(1);

// Chrome DevTools' throttling presets (Lighthouse uses the same figures).
const NETWORKS = {
  "none": null,
  "Fast 4G + 4x CPU": { latency: 165, downloadThroughput: (9 * 1024 * 1024) / 8 * 0.9, uploadThroughput: (1.5 * 1024 * 1024) / 8 * 0.9, cpu: 4 },
  "Fast 3G + 4x CPU": { latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024) / 8 * 0.9, uploadThroughput: (750 * 1024) / 8 * 0.9, cpu: 4 },
};

const browser = await chromium.launch({ executablePath: chromiumPath, args: flags });

/** A fresh page with CDP throttling applied. */
async function openPage(profile, cpu) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (profile) {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...profile });
  }
  const rate = cpu ?? profile?.cpu ?? 1;
  if (rate > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  return { context, page, cdp };
}

// ---------------------------------------------------------------------------------------------
if (only.has("sizes")) {
  console.log("## What the pricing page fetches (first load, brotli as served)");
  const { context, page, cdp } = await openPage(null);
  const responses = new Map();
  cdp.on("Network.responseReceived", (e) => responses.set(e.requestId, { url: e.response.url, encoding: e.response.headers["content-encoding"] ?? e.response.headers["Content-Encoding"] ?? "none" }));
  cdp.on("Network.loadingFinished", (e) => { const r = responses.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  await page.goto(base, { waitUntil: "networkidle" });
  await page.waitForSelector("#per-minute-monthly");
  // What the page asked for once it was ready (the rest of its WebAssembly) is counted apart.
  const later = await page.evaluate(() => {
    const mark = performance.getEntriesByName("ppm-ready")[0];
    return mark ? performance.getEntriesByType("resource").filter((e) => e.startTime >= mark.startTime).map((e) => e.name) : [];
  });
  let total = 0;
  let after = 0;
  for (const r of responses.values()) {
    const name = new URL(r.url).pathname;
    const isLater = later.includes(r.url);
    console.log(`  ${name.padEnd(28)} ${String(r.bytes ?? "?").padStart(8)} B on the wire (${r.encoding})${isLater ? ", after ready" : ""}`);
    if (isLater) after += r.bytes ?? 0; else total += r.bytes ?? 0;
  }
  console.log(`  total over the wire until ready: ${kb(total)} KB (headers included), then ${kb(after)} KB; gzip -9 and brotli sizes per file: cargo xtask dist`);
  await context.close();
}

// ---------------------------------------------------------------------------------------------
if (only.has("load")) {
  console.log("\n## Load: first paint, both prices visible, and the calculator ready to react (median of 3)");
  for (const [name, profile] of Object.entries(NETWORKS)) {
    const visible = [], interactive = [], fcp = [];
    for (let i = 0; i < 3; i++) {
      const { context, page } = await openPage(profile);
      await page.addInitScript(() => {
        const seen = () => {
          const el = document.getElementById("per-minute-monthly");
          if (el && el.textContent.trim() && !(document.querySelector("[data-pricing]"))) window.__visible ??= performance.now();
          if (document.documentElement.dataset.ready === "true" && window.__visible) window.__ready ??= performance.now();
        };
        new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        document.addEventListener("DOMContentLoaded", seen);
      });
      await page.goto(base, { waitUntil: "load", timeout: 120000 });
      await page.waitForFunction(() => window.__ready && window.__visible, null, { timeout: 120000 });
      const t = await page.evaluate(() => ({ v: window.__visible, r: window.__ready,
        f: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0 }));
      // The quote is seen at the first paint that has it: not before the first paint at all.
      visible.push(Math.max(t.v, t.f)); interactive.push(t.r); fcp.push(t.f);
      await context.close();
    }
    console.log(`  ${name.padEnd(18)} first paint ${median(fcp).toFixed(0).padStart(5)} ms   quote visible ${median(visible).toFixed(0).padStart(5)} ms   interactive ${median(interactive).toFixed(0).padStart(5)} ms`);
  }
  console.log("\n## A partner page (npm/example.html): the first ppm-quote of <ppm-pricing> (median of 3)");
  for (const [name, profile] of Object.entries(NETWORKS)) {
    const quoted = [];
    for (let i = 0; i < 3; i++) {
      const { context, page } = await openPage(profile);
      await page.addInitScript(() => document.addEventListener("ppm-quote", () => { window.__quoted ??= performance.now(); }));
      await page.goto(base + "npm/example.html", { waitUntil: "load", timeout: 120000 });
      await page.waitForFunction(() => window.__quoted, null, { timeout: 120000 });
      quoted.push(await page.evaluate(() => window.__quoted));
      await context.close();
    }
    console.log(`  ${name.padEnd(18)} first quote ${median(quoted).toFixed(0).padStart(5)} ms`);
  }
}

// ---------------------------------------------------------------------------------------------
/** Records Event Timing entries (as INP does: the longest event of each interaction), each
 * as its duration and how much of it the page held the event (input delay and handlers: from
 * the input to the end of its handlers; the rest of the duration is waiting for and making the
 * next frame). */
async function observeEvents(page) {
  await page.evaluate(() => {
    window.__interactions = new Map();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.interactionId || e.duration < (window.__interactions.get(e.interactionId)?.d ?? 0)) continue;
        window.__interactions.set(e.interactionId, { d: e.duration, held: e.processingEnd - e.startTime });
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  });
}

/** Waits for the page's next frame and the task after it. */
const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

/** Runs `act` `n` times; returns the `n` longest interactions' durations and how long the
 * page held each (both 0 when under the 16 ms the browser reports: such an interaction is
 * within a frame). Between two edits the page finishes what the first one deferred to the
 * frame after its paint (the chart and line items), as it does between a person's keystrokes,
 * which come 50 ms or more apart. */
async function timeEdits(page, n, act) {
  const before = await page.evaluate(() => [...window.__interactions.keys()]);
  for (let i = 0; i < n; i++) {
    await act(i);
    await nextFrame(page);
    await nextFrame(page);
  }
  await page.waitForTimeout(300);
  const seen = await page.evaluate((before) => [...window.__interactions].filter(([k]) => !before.includes(k)).map(([, v]) => v), before);
  const none = { d: 0, held: 0 };
  const longest = [...seen, ...Array.from({ length: n }, () => none)].sort((a, b) => b.d - a.d).slice(0, n);
  return { d: longest.map((x) => x.d), held: longest.map((x) => x.held) };
}

/** The main thread's work per edit, by phase, from a CDP trace of `n` more edits (a second
 * pass: tracing slows the page, so it is not the pass Event Timing reads). Finer than Event
 * Timing's 8 ms steps, it shows where an edit's frame goes: script (events, timers, frame
 * callbacks: Yew and the pricing), style and layout, paint (pre-paint, paint, layerize, commit).
 * Work that waits for the next frame (the chart and line items) is counted too. */
async function workPerEdit(page, cdp, n, act) {
  const PHASES = {
    EventDispatch: "script", TimerFire: "script", FireAnimationFrame: "script", FunctionCall: "script", RunMicrotasks: "script",
    UpdateLayoutTree: "layout", Layout: "layout",
    PrePaint: "paint", Paint: "paint", Layerize: "paint", Commit: "paint",
  };
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on("Tracing.dataCollected", collect);
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: "devtools.timeline", transferMode: "ReportEvents" });
  for (let i = 0; i < n; i++) {
    await act(i);
    await nextFrame(page);
    await nextFrame(page);
  }
  await cdp.send("Tracing.end");
  await complete;
  cdp.off("Tracing.dataCollected", collect);
  const main = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const totals = { script: 0, layout: 0, paint: 0 };
  const end = new Map();
  // Outermost events only: a layout forced inside a script counts as the script's time.
  for (const e of events.filter((e) => e.ph === "X" && PHASES[e.name] && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts)) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ts < (end.get(thread) ?? 0)) continue;
    end.set(thread, e.ts + e.dur);
    totals[PHASES[e.name]] += e.dur / 1000 / n;
  }
  return totals;
}

/** Types at the end of a field: `keys[0]` on even edits, `keys[1]` on odd ones, so that every
 * second edit brings the field back to where it started. The caret is put at the end by script,
 * not with the End key: a key press is an interaction of its own, and the edit's is the one
 * timed. */
const typeInto = (page, selector, keys = ["5", "Backspace"]) => async (i) => {
  await caretAtEnd(page.locator(selector));
  await press(page, keys[i % 2]);
};

/** Focuses a text field with its caret at the end, by script (no key press). */
const caretAtEnd = (field) => field.evaluate((input) => {
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
});

/** How long a person holds a key or a mouse button down: about 60 to 150 ms. Playwright's
 * default releases at once, which no person does: a click's release then came while the
 * hover's frame was being drawn (the simple/detailed floor's p50 read 24 in one of two runs
 * so, 16 pressed), and a key's release came between the edit's frame and the chart's a frame
 * later, so the interaction lasted until the chart was drawn (keyup 40-56 ms in 2 to 3 of 40
 * typed edits on the page, none on its floor, whose second frame is lighter). */
const HOLD_MS = 100;

/** A click as a person makes it: the pointer on the target, the button held `HOLD_MS`. */
const click = (page, selector) => page.click(selector, { delay: HOLD_MS });

/** A key pressed as a person presses it, held `HOLD_MS`. */
const press = (page, key) => page.keyboard.press(key, { delay: HOLD_MS });

/** Edits of a visitor who has already changed the example (see `editedSetup`), each between two
 * states of the same shape: the numbers change, no message or hint comes or goes. The
 * edits that do add or remove a message are timed on their own, in `FLIP_EDITS`. */
const DEFAULT_EDITS = {
  "organisers": (p) => typeInto(p, "#organisers", ["Backspace", "0"]), // 40 <-> 4 (50 licences)
  "licences": (p) => typeInto(p, "#licencesPurchased", ["0", "Backspace"]), // 50 <-> 500
  "duration": (p) => typeInto(p, "#meetings-0-minutes", ["Backspace", "0"]), // 60 <-> 6 minutes
  "leg count": (p) => typeInto(p, "#meetings-1-legs-0-count"), // 1 <-> 15 people
  "add/remove": (p) => async (i) => {
    if (i % 2 === 0) await click(p, "#add-meeting");
    else await click(p, "#meetings-2 .ppm-meeting-actions button:last-child");
  },
  "card": (p) => async (i) => { await p.focus("#card"); await press(p, i % 2 ? "ArrowUp" : "ArrowDown"); },
  "mode": (p) => async (i) => { await click(p, i % 2 ? "#meetings-0-mode-simple" : "#meetings-0-mode-detailed"); },
};

/** Edits that change the page's shape on every edit: a message or hint appears, then goes. */
const FLIP_EDITS = {
  // 80 <-> 8 %: the shares stop adding up to 100 % and the message saying so comes and goes.
  "share (%)": (p) => typeInto(p, "#meetings-0-countries-0-share", ["Backspace", "0"]),
  // 40 <-> 405 organisers with 50 licences bought: the licences error comes and goes.
  "error": (p) => typeInto(p, "#organisers"),
  // On the built-in example: "This is an example estimate" goes at the first change, and
  // comes back (shifting the whole column) when the example is restored.
  "example": (p) => typeInto(p, "#meetings-0-name"),
};

/** The large scenario's edits (tests/data/large-scenario.json: 40 organisers, 50 licences,
 * meeting 2 held 6 times a month, 1.5 people per leg), each between two valid states of the
 * same shape, as on the default page: no message comes or goes, and every edit changes the
 * quote (a duration of 50.5 <-> 50.55 minutes would not: both are billed as 51). */
const LARGE_EDITS = {
  "organisers": (p) => typeInto(p, "#organisers", ["Backspace", "0"]), // 40 <-> 4
  "licences": (p) => typeInto(p, "#licencesPurchased", ["0", "Backspace"]), // 50 <-> 500
  "frequency": (p) => typeInto(p, "#meetings-2-perMonth", ["0", "Backspace"]), // 6 <-> 60 a month
  "leg count": (p) => typeInto(p, "#meetings-4-legs-7-count"), // 1.5 <-> 1.55 people
  "card": (p) => async (i) => { await p.focus("#card"); await press(p, i % 2 ? "ArrowUp" : "ArrowDown"); },
};

/** Edits timed per kind: 40, so that p95 is the 38th of 40 and not simply the slowest (with
 * 12, one busy moment of a shared machine was the p95). `PERF_EDITS` overrides it. */
const EDITS_PER_KIND = Number(process.env.PERF_EDITS ?? 40);
/** Rounds per kind, each on a fresh page: the p95 reported is their median, so that one busy
 * stretch of a shared machine (it slows a few edits in a row, and three of 40 are a round's
 * p95) does not decide it. `PERF_ROUNDS` overrides it. */
const ROUNDS = Number(process.env.PERF_ROUNDS ?? 3);

/** Times each kind of `edits` in `ROUNDS` rounds of `n`, each round on a fresh page set up by
 * `setups`: one function, or named ones (`{ page, floor }`) timed in turn within each round, so
 * that a busy stretch of this shared machine falls on all of them alike. */
async function editReport(label, url, edits, setups, cpu, n = EDITS_PER_KIND) {
  const variants = typeof setups === "function" ? [["", setups]] : Object.entries(setups);
  const rows = [];
  // PERF_KINDS=share,card times only the edit kinds whose names start so (all by default).
  const kinds = process.env.PERF_KINDS?.split(",");
  for (const [kind, make] of Object.entries(edits)) {
    if (kinds && !kinds.some((k) => kind.startsWith(k))) continue;
    const runs = variants.map(() => ({ all: [], p95s: [], held: [], work: "" }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [v, [name, setup]] of variants.entries()) {
        const run = runs[v];
        const { context, page, cdp } = await openPage(null, cpu);
        await page.goto(url);
        await setup(page, make);
        await observeEvents(page);
        const t = await timeEdits(page, n, make(page));
        const failed = await page.evaluate(() => window.__replayFailed);
        if (failed) throw new Error(`${label}, ${kind} ${name}: the replay failed: ${failed}`);
        run.all.push(...t.d);
        run.held.push(...t.held);
        run.p95s.push(pct(t.d, 95));
        if (round === ROUNDS - 1) {
          const w = await workPerEdit(page, cdp, 12, make(page));
          run.work = `work ${(w.script + w.layout + w.paint).toFixed(1).padStart(5)} ms (script ${w.script.toFixed(1)}, layout ${w.layout.toFixed(1)}, paint ${w.paint.toFixed(1)})`;
        }
        await context.close();
      }
    }
    // "held": input delay and handlers, p95 over the same interactions (the rest of an
    // interaction's duration is the frame that paints it and the wait for that frame).
    for (const [v, [name]] of variants.entries()) {
      const { all, p95s, held, work } = runs[v];
      rows.push(`    ${`${kind} ${name}`.trim().padEnd(variants.length > 1 ? 18 : 12)} p50 ${ms(median(all)).padStart(5)} ms   p95 ${ms(median(p95s)).padStart(5)} ms (rounds ${p95s.map(ms).join(", ")})   held p95 ${pct(held, 95).toFixed(1).padStart(4)} ms   (n=${ROUNDS}x${n})   ${work}`);
    }
  }
  console.log(`  ${label}, CPU ${cpu}x:`);
  for (const r of rows) console.log(r);
}

// At the documented limits (rating.md: 1,000 profiles, 1,000 leg groups per profile).
const countries = [...new Set(large.meetings[0].legs.map((l) => l.country))];
const calls = ["tollDialIn", "tollFreeDialIn", "dialOut", "app"];
const LIMITS = {
  "1 profile x 1,000 groups": { organisers: 40, meetings: [{ name: "All", perMonth: 4, minutes: 45,
    legs: Array.from({ length: 1000 }, (_, i) => ({ country: countries[i % countries.length], call: calls[Math.floor(i / countries.length) % 4], count: 1 + (i % 3) })) }] },
  "1,000 profiles x 1 group": { organisers: 40, meetings: Array.from({ length: 1000 }, (_, i) => ({ name: `P${i}`, perMonth: 1 + (i % 5), minutes: 30,
    legs: [{ country: countries[i % countries.length], call: "tollDialIn", count: 2 }] })) },
};

if (only.has("early")) {
  // A visitor who types the moment the calculator is ready, before the rest of its WebAssembly
  // (the edits' code) has arrived: how long the keystroke holds the page (Event Timing: input to
  // next paint) and how long until the prices show it. The edit waits for the rest's fetch
  // (holdUntilRest in the loader) rather than a synchronous request.
  console.log("\n## An edit the moment the calculator is ready, before the rest has arrived (median of 3)");
  const targets = {
    "pricing page": { url: base, host: "", ready: () => document.documentElement.dataset.ready === "true" },
    "<ppm-pricing>": { url: base + "npm/example.html", host: "ppm-pricing", ready: () => document.querySelector("ppm-pricing")?.quote != null },
  };
  for (const [label, { url, host, ready }] of Object.entries(targets)) {
    for (const [name, profile] of Object.entries(NETWORKS)) {
      if (!profile) continue;
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const { context, page } = await openPage(profile);
        await page.goto(url);
        await page.waitForFunction(ready);
        await observeEvents(page);
        // Whether the rest had not arrived yet (the widget's instances of it are not visible
        // from here: a request for it still pending or not made counts).
        const early = await page.evaluate(() => !performance.getEntriesByType("resource").some((r) => /rest/.test(r.name) && r.responseEnd > 0));
        // 50 -> 501 licences: the per-user price changes.
        const priced = page.evaluate((host) => new Promise((resolve) => {
          const scope = host ? document.querySelector(host).shadowRoot : document;
          const was = scope.getElementById("per-user-monthly").textContent;
          const t = performance.now();
          const check = () => (scope.getElementById("per-user-monthly")?.textContent !== was
            ? resolve(performance.now() - t) : requestAnimationFrame(check));
          check();
        }), host);
        // The caret put by script, as in `typeInto`: the keystroke is the one interaction.
        await caretAtEnd(page.locator(`${host} #licencesPurchased`.trim()));
        await press(page, "1");
        const shown = await priced;
        await page.waitForTimeout(300);
        const held = await page.evaluate(() => Math.max(0, ...[...window.__interactions.values()].map((v) => v.d)));
        runs.push({ early, held, shown });
        await context.close();
      }
      const early = runs.filter((r) => r.early).length;
      console.log(`  ${label.padEnd(14)} ${name.padEnd(18)} keystroke ${ms(median(runs.map((r) => r.held))).padStart(5)} ms   prices shown after ${median(runs.map((r) => r.shown)).toFixed(0).padStart(5)} ms   (${early} of 3 before the rest)`);
    }
  }
}

if (only.has("edits")) {
  console.log("\n## Edits: Event Timing, input to next paint per interaction (\"<16\": within a frame)");
  // Once the rest of the WebAssembly (edits among it) is in, as for a visitor who reads the
  // page before typing; an edit before then brings it at once (split.test.mjs).
  const defaultSetup = async (page) => { await page.waitForFunction(() => document.documentElement.dataset.rest === "loaded"); };
  // A visitor who has started on their own meetings: the example's hint is gone for good.
  const editedSetup = async (page) => {
    await defaultSetup(page);
    await page.focus("#meetings-0-name");
    await page.keyboard.press("End");
    await page.keyboard.press("x");
    await page.waitForSelector("#example-note", { state: "detached" });
  };
  /** `setup`, then the DOM changes of one edit of `make`, recorded by a MutationObserver in two
   * parts as the page makes them: from the key or click to the frame that paints it, and then
   * what follows a frame later (the chart and line items). From then on both are replayed by
   * plain script on each edit, forward and back, the second part after the next frame as the
   * page does it (`requestAnimationFrame`, then a timer), while the page's own handlers never
   * see the edits: what the browser alone needs for those changes, the floor of that edit
   * kind. */
  const replaySetup = (setup) => async (page, make) => {
    await setup(page);
    // One edit there and back first: on the first view, the first replaces its kept copy. Where
    // each leaves the focus (a new meeting's name, say) is part of what the replay does.
    const focused = [];
    for (const i of [0, 1]) {
      await make(page)(i);
      await nextFrame(page);
      await nextFrame(page);
      focused.push(await page.evaluate(() => document.activeElement?.id ?? ""));
    }
    await page.evaluate(() => {
      window.__records = [];
      window.__observer = new MutationObserver((list) => window.__records.push(...list));
      window.__observer.observe(document.body, { subtree: true, childList: true, attributes: true,
        attributeOldValue: true, characterData: true, characterDataOldValue: true });
      // A click edit is replayed on clicks, a typed or chosen one on `input`. The first part
      // ends where the edit's frame starts.
      window.__clicked = false;
      const mark = (e) => {
        removeEventListener("click", mark, true);
        removeEventListener("input", mark, true);
        window.__clicked = e.type === "click";
        requestAnimationFrame(() => {
          window.__records.push(...window.__observer.takeRecords());
          window.__firstPart = window.__records.length;
        });
      };
      addEventListener("click", mark, true);
      addEventListener("input", mark, true);
    });
    await make(page)(0);
    await nextFrame(page);
    await nextFrame(page);
    const replayed = await page.evaluate((focused) => {
      const on = window.__clicked ? "click" : "input";
      const records = [...window.__records, ...window.__observer.takeRecords()];
      window.__observer.disconnect();
      // Each attribute's and text's value after the edit: the old value of its next record, or
      // what it is now.
      const after = records.map((r, i) => {
        const next = records.slice(i + 1).find((n) => n.type === r.type && n.target === r.target && n.attributeName === r.attributeName);
        if (next) return next.oldValue;
        return r.type === "attributes" ? r.target.getAttribute(r.attributeName) : r.type === "characterData" ? r.target.data : null;
      });
      const set = (r, value) => {
        if (r.type === "characterData") r.target.data = value;
        else if (value === null) r.target.removeAttribute(r.attributeName);
        else r.target.setAttribute(r.attributeName, value);
      };
      const forward = (from, to) => records.slice(from, to).forEach((r, i) => {
        if (r.type !== "childList") return set(r, after[from + i]);
        for (const n of r.removedNodes) n.remove();
        for (const n of r.addedNodes) r.target.insertBefore(n, r.nextSibling);
      });
      const back = (from, to) => records.slice(from, to).reverse().forEach((r) => {
        if (r.type !== "childList") return set(r, r.oldValue);
        for (const n of r.addedNodes) n.remove();
        for (const n of r.removedNodes) r.target.insertBefore(n, r.nextSibling);
      });
      const first = window.__firstPart;
      const later = (f) => requestAnimationFrame(() => setTimeout(f, 0));
      let changed = true;
      for (const type of ["input", "change", "keydown", "keyup", "beforeinput", "click"]) {
        document.addEventListener(type, (e) => {
          e.stopImmediatePropagation();
          if (type !== on) return;
          // A change that cannot be replayed (its place is gone) is reported, not skipped.
          const replay = changed ? back : forward;
          const step = (from, to) => {
            try { replay(from, to); } catch (err) { window.__replayFailed ??= String(err); }
          };
          step(0, first);
          const focus = focused[changed ? 1 : 0];
          if (focus) document.getElementById(focus)?.focus();
          later(() => step(first, records.length));
          changed = !changed;
        }, true);
      }
      return { first, records: records.length };
    }, focused);
    // Back to where the edits start, by the replay.
    await make(page)(1);
    await nextFrame(page);
    await nextFrame(page);
    if (!replayed.first) throw new Error("the edit changed nothing in its own frame to replay");
  };
  const largeSetup = async (page) => {
    await page.waitForFunction(() => customElements.get("ppm-pricing"));
    await page.evaluate(async (scenario) => {
      const el = document.querySelector("ppm-pricing");
      await new Promise((resolve) => {
        el.addEventListener("ppm-quote", resolve, { once: true });
        el.scenario = scenario;
      });
    }, large);
    await page.waitForSelector("#meetings-4-legs-7-count");
  };
  // PERF_PAGES=default,large,limits picks the pages (all by default).
  const pages = new Set((process.env.PERF_PAGES ?? "default,large,limits").split(","));
  for (const [name, scenario] of Object.entries(pages.has("limits") ? LIMITS : {})) {
    const setup = async (page) => {
      await page.waitForFunction(() => customElements.get("ppm-pricing"));
      const ms = await page.evaluate(async (scenario) => {
        const el = document.querySelector("ppm-pricing");
        await new Promise((resolve) => { el.addEventListener("ppm-quote", resolve, { once: true }); setTimeout(resolve, 500); });
        const t = performance.now();
        await new Promise((resolve) => { el.addEventListener("ppm-quote", resolve, { once: true }); el.scenario = scenario; });
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - t;
      }, scenario);
      console.log(`  ${name}: set as the scenario and priced on screen in ${ms.toFixed(0)} ms`);
    };
    await editReport(`${name} in <ppm-pricing>`, base + "npm/example.html",
      { "organisers": LARGE_EDITS.organisers, "licences": LARGE_EDITS.licences }, setup, 1, 12);
  }
  // PERF_CPUS=1 measures at 1x only (1x and 4x by default).
  for (const cpu of (process.env.PERF_CPUS ?? "1,4").split(",").map(Number)) {
    // The floor of this measure: typing into a bare <input> and clicking a bare <button> that
    // changes its text (headless Chromium presents at the next 60 Hz frame: the typing reads
    // under 16 ms, the click 16).
    if (pages.has("default")) {
      await editReport("a bare <input> and <button> (this harness's floor)", "about:blank", {
        "typing": (p) => typeInto(p, "#organisers"),
        "click": (p) => async () => { await click(p, "#more"); },
      }, (page) => page.setContent('<input id="organisers" value="40" aria-label="organisers">'
        + '<button id="more" onclick="this.textContent += 1">1</button>'), cpu);
    }
    if (pages.has("default")) {
      // Each kind on the page and, round by round in turn, its floor: the same DOM changes
      // replayed by plain script.
      await editReport("default page, after a first change (page; floor)", base, DEFAULT_EDITS,
        { page: editedSetup, floor: replaySetup(editedSetup) }, cpu);
      await editReport("default page, edits that add or remove a message (page; floor)", base, FLIP_EDITS,
        { page: defaultSetup, floor: replaySetup(defaultSetup) }, cpu);
    }
    if (pages.has("large")) await editReport("large scenario (5 x 30 x 4) in <ppm-pricing>", base + "npm/example.html", LARGE_EDITS, largeSetup, cpu);
  }
}
await browser.close();

// ---------------------------------------------------------------------------------------------
if (only.has("lighthouse")) {
  console.log("\n## Lighthouse 12 (performance category, median of 3)");
  const lh = fileURLToPath(new URL("./node_modules/.bin/lighthouse", import.meta.url));
  for (const preset of ["mobile", "desktop"]) {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const args = [base, "--quiet", "--only-categories=performance", "--output=json", "--output-path=stdout",
        `--chrome-flags=--headless=new ${flags.join(" ")}`];
      if (preset === "desktop") args.push("--preset=desktop");
      const out = execFileSync(lh, args, { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 << 20 });
      const r = JSON.parse(out);
      const a = r.audits;
      runs.push({ score: r.categories.performance.score * 100, fcp: a["first-contentful-paint"].numericValue,
        lcp: a["largest-contentful-paint"].numericValue, tbt: a["total-blocking-time"].numericValue,
        cls: a["cumulative-layout-shift"].numericValue, si: a["speed-index"].numericValue });
    }
    runs.sort((x, y) => x.score - y.score);
    const m = runs[1];
    console.log(`  ${preset.padEnd(8)} score ${m.score.toFixed(0)} (runs ${runs.map((r) => r.score.toFixed(0)).join(", ")})   FCP ${m.fcp.toFixed(0)} ms   LCP ${m.lcp.toFixed(0)} ms   TBT ${m.tbt.toFixed(0)} ms   CLS ${m.cls.toFixed(3)}   SI ${m.si.toFixed(0)} ms`);
  }
}

// ---------------------------------------------------------------------------------------------
if (only.has("api")) {
  console.log("\n## JS API in Node (dist/ppm_api.js; median of 15 batches)");
  const api = await import(root + "dist/ppm_api.js");
  api.initSync({ module: readFileSync(root + "dist/ppm_api_bg.wasm") });
  const example = JSON.parse(readFileSync(root + "examples/scenario.json", "utf8"));
  const time = (n, f) => {
    const batches = [];
    for (let b = 0; b < 15; b++) {
      const t = performance.now();
      for (let i = 0; i < n; i++) f();
      batches.push(((performance.now() - t) * 1000) / n);
    }
    return median(batches);
  };
  for (const [name, s] of [["default", example], ["large", large]]) {
    api.quote(s, "illustrative-usd");
    const q = time(name === "large" ? 40 : 400, () => api.quote(s, "illustrative-usd"));
    const c = time(name === "large" ? 10 : 100, () => api.costCurve(s, "illustrative-usd"));
    console.log(`  JS API ${name.padEnd(8)} quote() ${q.toFixed(1).padStart(8)} µs   costCurve() ${c.toFixed(1).padStart(8)} µs`);
  }
}

// ---------------------------------------------------------------------------------------------
if (only.has("usage")) {
  console.log("\n## Usage import in Chromium (target/perf/year.zip: 1,000,000 rows, from `cargo xtask perf`)");
  const file = root + "target/perf/year.zip";
  const b = await chromium.launch({ executablePath: chromiumPath, args: flags });
  // PERF_CPUS=1 measures at 1x only (1x and 4x by default).
  for (const cpu of (process.env.PERF_CPUS ?? "1,4").split(",").map(Number)) {
    const page = await b.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
    await page.goto(base);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    await page.evaluate(() => {
      window.__import = {};
      document.getElementById("usage-file").addEventListener("change", () => { window.__import.start = performance.now(); }, { capture: true });
      new MutationObserver(() => {
        if (document.getElementById("usage-rows-used") && !window.__import.end) window.__import.end = performance.now();
        if (document.getElementById("licence-mix-sentence") && !window.__import.mix) window.__import.mix = performance.now();
      }).observe(document.getElementById("usage-panel"), { childList: true, subtree: true });
    });
    await page.setInputFiles("#usage-file", file);
    await page.locator("#usage-rows-used").waitFor({ timeout: 600000 });
    const t = await page.evaluate(() => window.__import.end - window.__import.start);
    const heap = await cdp.send("Runtime.getHeapUsage");
    const rows = await page.locator("#usage-rows-read").innerText();
    console.log(`  CPU ${cpu}x: ${rows} rows in ${(t / 1000).toFixed(2)} s (${Math.round(1e6 / (t / 1000)).toLocaleString("en")} rows/s, module load included); JS heap ${(heap.usedSize / 1e6).toFixed(1)} MB`);
    // The licence mix of the tenant's organisers, worked out after the report is drawn.
    await page.locator("#licence-mix-sentence").waitFor({ timeout: 600000 });
    const mix = await page.evaluate(() => window.__import.mix - window.__import.end);
    const organisers = await page.locator("#licence-mix-organisers tbody tr").count();
    const sentence = await page.locator("#licence-mix-sentence").innerText();
    console.log(`  CPU ${cpu}x: licence mix in ${(mix / 1000).toFixed(2)} s after the report (${organisers} organisers listed): ${sentence}`);
    await page.close();
  }
  await b.close();
}

