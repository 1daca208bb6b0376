// The JS API against the real WASM in dist/ (built by `cargo xtask dist`), in Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
const api = await import(dist + "ppm_api.js");
api.initSync({ module: readFileSync(dist + "ppm_api_bg.wasm") });

const example = JSON.parse(readFileSync(fileURLToPath(new URL("../../examples/scenario.json", import.meta.url)), "utf8"));

test("quote round trip on the default card", () => {
  const q = api.quote(example);
  // 48 legs x 60 min x 0.0220 + 720 min x 0.0300 + 240 min x 0.0350 = 63.36 + 21.60 + 8.40.
  assert.equal(q.perMinute.monthlyTotal, "93.36");
  // 50 licences x 4.00 + 21.60 toll-free; the FR dial-out is inside the 2400-minute pool.
  assert.equal(q.perUser.monthlyTotal, "221.60");
  assert.equal(q.cheaper, "perMinute");
  assert.equal(q.currency, "USD");
  assert.equal(q.card.id, "illustrative-usd");
  assert.equal(q.perUser.pool.coveredMinutes, "240");
  assert.equal(q.breakEven.reason, null);
  // Decimal strings survive: the same scenario with strings gives the same quote.
  const asStrings = structuredClone(example);
  asStrings.meetings[0].perMonth = "4";
  assert.deepEqual(api.quote(asStrings), q);
});

test("the EUR card by id", () => {
  const q = api.quote(example, "illustrative-eur");
  assert.equal(q.currency, "EUR");
  // 50 x 3.70 = 185.00 plus US toll-free 720 min x 0.0276 (0.0300 x 0.92) = 19.872 -> 19.87.
  assert.equal(q.perUser.monthlyTotal, "204.87");
});

test("a scenario's own card is used when no card id is given; an id wins", () => {
  const own = { ...structuredClone(example), card: "illustrative-eur" };
  // 204.87 on the EUR card (see "the EUR card by id").
  assert.equal(api.quote(own).perUser.monthlyTotal, "204.87");
  assert.equal(api.quote(own).card.id, "illustrative-eur");
  assert.deepEqual(api.costCurve(own, null, { points: 3 }), api.costCurve(example, "illustrative-eur", { points: 3 }));
  assert.notDeepEqual(api.costCurve(own, null, { points: 3 }), api.costCurve(example, "illustrative-usd", { points: 3 }));
  // An explicit id wins: 221.60 on the USD card.
  assert.equal(api.quote(own, "illustrative-usd").perUser.monthlyTotal, "221.60");
  assert.throws(() => api.quote({ ...own, card: "no-such-card" }), /unknown rate card "no-such-card"/);
  // The key check knows `card` from the type itself.
  assert.throws(() => api.quote({ ...own, cards: "x" }), /unknown field `cards`; expected one of organisers, licencesPurchased, usCanadaAddon, organisationCountry, meetings, card/);
});

test("errors carry a stable code, the field's JSON path and, for a card, its problem", () => {
  const thrown = (f) => { try { f(); } catch (e) { return e; } assert.fail("no error"); };
  const bad = structuredClone(example);
  bad.meetings[0].minutes = -5;
  let e = thrown(() => api.quote(bad));
  assert.ok(e instanceof Error);
  assert.deepEqual([e.code, e.field, e.problem], ["negative", "meetings[0].minutes", undefined]);
  bad.meetings[0].minutes = 60;
  bad.meetings[0].legs[1].country = "XX";
  e = thrown(() => api.quote(bad));
  assert.deepEqual([e.code, e.field], ["unknownCountry", "meetings[0].legs[1].country"]);
  e = thrown(() => api.quote(example, "no-such-card"));
  assert.deepEqual([e.code, e.field], ["unknownCard", undefined]);
  e = thrown(() => api.quote({ organisers: 1, meetings: [{ perMonth: 1, minutes: 1, legs: [{ country: "DE", call: "app", cuont: 1 }] }] }));
  assert.deepEqual([e.code, e.field], ["unknownField", "meetings[0].legs[0].cuont"]);
  e = thrown(() => api.costCurve(example, null, { maxFactor: "lots" }));
  assert.deepEqual([e.code, e.field], ["badOption", "maxFactor"]);
  // A decimal string is read exactly, as a card's are: no exponent, no rounding of 29 decimal places.
  for (const maxFactor of ["1e3", "1.00000000000000000000000000001"]) {
    e = thrown(() => api.costCurve(example, null, { maxFactor }));
    assert.deepEqual([e.code, e.field], ["badOption", "maxFactor"]);
    assert.ok(e.message.includes(maxFactor), e.message);
  }
  e = thrown(() => api.loadRateCard("{ not json"));
  assert.equal(e.code, "notJson");
  // A card that is not valid: badCard, the card's field, and the card problem's own kind.
  const card = {
    id: "negative-card", name: "Negative", currency: "USD", effective_from: "2027-01-01",
    illustrative: false, source: "tests",
    billing: { increment_seconds: 60, minimum_seconds: 60, rounding: "half_up", decimals: 2 },
    licence: { price_per_user_month: "5.00", pool_minutes_per_licence: 0, pool_basis: "assigned", pool_zone: "A" },
    credits: { minimum_purchase: "25.00" },
    countries: [{ code: "DE", zone: "A", toll_dial_in: "0.0100", dial_out: "-1" }],
  };
  e = thrown(() => api.loadRateCard(card));
  assert.deepEqual([e.code, e.field, e.problem], ["badCard", "countries[0].dial_out", "negative"]);
  e = thrown(() => api.loadRateCard({ ...card, id: "illustrative-usd", countries: [{ code: "DE" }] }));
  assert.equal(e.code, "builtInCard");
});

test("JSON that does not parse says where: line and column", () => {
  // `{ "id": "x", ` (13 characters) ends where a property name should come: offset 13,
  // column 14 of line 1.
  assert.throws(() => api.loadRateCard('{ "id": "x", '), (e) => e.code === "notJson"
    && /^rate card: not valid JSON at line 1, column 14: /.test(e.message));
  // The second line's first character (the missing comma belongs before it).
  assert.throws(() => api.loadRateCard('{"id": "x"\n "name": "y"}'), /not valid JSON at line 2, column 2: /);
  // Cut off: the end of the text, line 2 after `  "a": 1` (8 characters): column 9.
  assert.throws(() => api.loadRateCard('{\n  "a": 1'), /not valid JSON at line 2, column 9: /);
});

test("errors are thrown as Error with the core's message", () => {
  const bad = structuredClone(example);
  bad.meetings[0].legs[0].country = "XX";
  assert.throws(() => api.quote(bad), (e) => e instanceof Error && e.message.includes("`meetings[0].legs[0].country`") && e.message.includes("\"XX\" is not a country code"));
  bad.meetings[0].legs[0].country = "DE";
  bad.meetings[0].minutes = -5;
  assert.throws(() => api.quote(bad), /`meetings\[0\].minutes`: -5 is negative/);
  assert.throws(() => api.quote({ organisers: "many" }), /`organisers`: "many" is not a number/);
  // A value of the wrong type: where it is, what it is and what belongs there.
  assert.throws(() => api.quote({ organisers: 1, meetings: "x" }), { message: "scenario: `meetings`: a text where a list was expected" });
  assert.throws(() => api.quote({ organisers: 1, meetings: [{ perMonth: 1, minutes: 1, legs: [{ country: "DE", call: "app", count: [2] }] }] }),
    { message: "scenario: `meetings[0].legs[0].count`: a list where a number or a decimal string was expected" });
  assert.throws(() => api.quote({ organisers: 1, meetings: [], usCanadaAddon: "yes" }), { message: "scenario: `usCanadaAddon`: a text where true or false was expected", code: "wrongType", field: "usCanadaAddon" });
  assert.throws(() => api.quote({ organisers: 1, organizers: 2 }), /scenario: unknown field `organizers`; expected one of organisers/);
  assert.throws(() => api.quote({ organisers: 1, meetings: [{ perMonth: 1, minutes: 1, legs: [{ country: "DE", call: "app", cuont: 1 }] }] }), /unknown field `cuont` in `meetings\[0\].legs\[0\]`/);
  assert.throws(() => api.quote(42), /scenario: expected an object/);
  assert.throws(() => api.quote(example, "no-such-card"), /unknown rate card "no-such-card"/);
  assert.throws(() => api.quote({ organisers: 1, meetings: [{ perMonth: NaN, minutes: 1, legs: [] }] }), /is not a number/);
});

test("rate cards and countries", () => {
  const cards = api.rateCards();
  assert.deepEqual(cards.map((c) => c.id), ["illustrative-eur", "illustrative-usd"]);
  assert.ok(cards.every((c) => c.illustrative && c.builtIn));
  const countries = api.countries("illustrative-usd");
  assert.equal(countries.length, 249);
  const de = countries.find((c) => c.code === "DE");
  assert.deepEqual(de, { code: "DE", zone: "A", tollDialIn: "0.0220", tollFreeDialIn: "0.0650", dialOut: "0.0350", creditsAvailable: true, audioConferencingAvailable: true });
});

test("cost curve", () => {
  const c = api.costCurve(example, null, { points: 3, maxFactor: "4" });
  assert.equal(c.points.length, 3);
  // Factor 2: pay-per-minute doubles to 186.72; per-user 200.00 + 2 x 21.60 = 243.20.
  assert.deepEqual(c.points[1], { factor: "2", phoneMinutesPerOrganiser: "192", perMinute: "186.72", perUser: "243.20" });
  assert.throws(() => api.costCurve(example, null, { points: 1 }), /option `points`: 1 points is out of range/);
  assert.throws(() => api.costCurve(example, null, { bogus: 1 }), /curve options: unknown field `bogus`/);
});

test("a partner card loaded at run time", () => {
  const usd = JSON.parse(JSON.stringify({
    id: "partner-test", name: "Partner <b>test</b>", currency: "USD", effective_from: "2027-01-01",
    illustrative: false, source: "tests",
    billing: { increment_seconds: 1, minimum_seconds: 1, rounding: "half_up", decimals: 2, connection_fee: "0.10" },
    licence: { price_per_user_month: "5.00", pool_minutes_per_licence: 0, pool_basis: "assigned", pool_zone: "A" },
    credits: { minimum_purchase: "25.00" },
    countries: [{ code: "DE", zone: "A", toll_dial_in: "0.0100", dial_out: "0.0200" }],
  }));
  const info = api.loadRateCard(JSON.stringify(usd));
  assert.deepEqual(info, { id: "partner-test", name: "Partner <b>test</b>", currency: "USD", effectiveFrom: "2027-01-01", illustrative: false, builtIn: false });
  const q = api.quote({ organisers: 2, meetings: [{ perMonth: 1, minutes: 1.5, legs: [{ country: "DE", call: "tollDialIn", count: 3 }] }] }, "partner-test");
  // 3 legs x 90 s = 270 s = 4.5 min x 0.0100 = 0.045 + 3 x 0.10 = 0.345 -> 0.35 (half-up).
  assert.equal(q.perMinute.monthlyTotal, "0.35");
  assert.equal(q.perUser.monthlyTotal, "10.00");
  // Objects work too, and errors name the field.
  usd.countries[0].dial_out = "-1";
  assert.throws(() => api.loadRateCard(usd), /field `countries\[0\].dial_out`: "-1" is negative/);
  assert.throws(() => api.loadRateCard("{ not json"), /rate card: not valid JSON/);
  usd.countries[0].dial_out = "0.02";
  usd.billing.rouding = "up";
  assert.throws(() => api.loadRateCard(usd), /rate card: unknown field `rouding` in `billing`/);
  delete usd.billing.rouding;
  usd.id = "illustrative-usd";
  usd.countries[0].dial_out = "0.02";
  assert.throws(() => api.loadRateCard(usd), /belongs to a built-in card/);
});

test("legs with their own minutes (measured usage) through the JS API", () => {
  api.loadRateCard({
    id: "per-leg-test", name: "Per leg", currency: "USD", effective_from: "2027-01-01",
    illustrative: false, source: "tests",
    billing: { increment_seconds: 60, minimum_seconds: 60, rounding: "half_up", decimals: 2, connection_fee: "0.00" },
    licence: { price_per_user_month: "4.00", pool_minutes_per_licence: 0, pool_basis: "assigned", pool_zone: "A" },
    credits: { minimum_purchase: "25.00" },
    countries: [{ code: "DE", zone: "A", toll_dial_in: "0.0200", dial_out: "0.0300" }],
  });
  // Per meeting: 2 legs of the meeting's 60 min + 1 of 0.5 min (billed the 60 s minimum: 1 min)
  // + 1 of "2.25" min (135 s, billed 3 min) = 124 min; x 3 meetings = 372 min x 0.02 = 7.44.
  const q = api.quote({ organisers: 2, meetings: [{ perMonth: 3, minutes: 60, legs: [
    { country: "DE", call: "tollDialIn", count: 2 },
    { country: "DE", call: "tollDialIn", count: 1, minutes: 0.5 },
    { country: "DE", call: "tollDialIn", count: 1, minutes: "2.25" },
  ] }] }, "per-leg-test");
  assert.equal(q.perMinute.lines[0].minutes, "372");
  assert.equal(q.perMinute.lines[0].legs, "12");
  assert.equal(q.perMinute.monthlyTotal, "7.44");
  assert.throws(() => api.quote({ organisers: 1, meetings: [{ perMonth: 1, minutes: 1, legs: [{ country: "DE", call: "tollDialIn", count: 1, minutes: 1801 }] }] }, "per-leg-test"),
    /`meetings\[0\].legs\[0\].minutes`: 1801 is more than the limit of 1800/);
});

test("the organisation's country and card translations through the JS API", () => {
  // A US organisation: no availability warning even with Russian callers.
  const scenario = { organisers: 1, organisationCountry: "US", meetings: [{ perMonth: 1, minutes: 10, legs: [{ country: "RU", call: "tollDialIn", count: 1 }] }] };
  assert.ok(!api.quote(scenario).warnings.some((w) => w.code === "creditsUnavailable"));
  // A Russian organisation: the warning (the illustrative card: no credits in RU).
  const russian = api.quote({ ...scenario, organisationCountry: "RU" });
  assert.ok(russian.warnings.some((w) => w.code === "creditsUnavailable"));
  assert.throws(() => api.quote({ ...scenario, organisationCountry: "XX" }), /organisationCountry/);
  // A card with translations loads (the key check knows the map of languages), and a typo
  // inside a translation is caught with its path.
  const card = {
    id: "translated", name: "T", currency: "EUR", effective_from: "2026-01-01", illustrative: true, source: "test",
    translations: { de: { name: "Übersetzt", tax_note: "Netto." } },
    billing: { increment_seconds: 60, minimum_seconds: 60, rounding: "half_up", decimals: 2 },
    licence: { price_per_user_month: "4.00", pool_minutes_per_licence: 60, pool_basis: "assigned", pool_zone: "A" },
    credits: { minimum_purchase: "50.00" },
    countries: [{ code: "DE", toll_dial_in: "0.02" }],
  };
  api.loadRateCard(card);
  const typo = structuredClone(card);
  typo.translations.de = { nmae: "x" };
  assert.throws(() => api.loadRateCard(typo), /unknown field `nmae` in `.de`|unknown field `nmae`/);
});

test("hostile JavaScript values get a clear error and leave the module working", () => {
  const ok = () => assert.equal(api.quote(example).perMinute.monthlyTotal, "93.36");
  const thrower = { get organisers() { throw new Error("boom"); }, meetings: [] };
  assert.throws(() => api.quote(thrower), /scenario: `organisers` could not be read: reading it threw "boom"/);
  ok();
  const proxy = new Proxy({}, { ownKeys() { throw new Error("trap"); } });
  assert.throws(() => api.quote(proxy), /could not be read: reading it threw "trap"/);
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.throws(() => api.quote(revoked), /could not be read/);
  ok();
  // A cycle and deep nesting: refused at 8 levels, quickly, without a trap.
  const cyclic = { organisers: 1, meetings: [] };
  cyclic.meetings.push({ perMonth: 1, minutes: 1, legs: [cyclic] });
  assert.throws(() => api.quote(cyclic), /nested more than 8 levels deep/);
  let deep = [];
  for (let i = 0; i < 5000; i++) deep = [deep];
  assert.throws(() => api.quote({ organisers: 1, meetings: deep }), /nested more than 8 levels deep/);
  // A huge length: refused at once instead of hanging.
  const huge = [];
  huge.length = 2 ** 32 - 1;
  assert.throws(() => api.quote({ organisers: 1, meetings: huge }), /a list of 4294967295 entries/);
  // A list (a Proxy of one) whose length is no count at all is no data.
  for (const length of [NaN, -1]) {
    const lying = new Proxy([], { get: (t, k) => (k === "length" ? length : t[k]) });
    assert.throws(() => api.quote({ organisers: 1, meetings: lying }), { message: "scenario: `meetings` is not a number, text, list or object", code: "wrongType" });
  }
  // A thousand failed card loads leak nothing: the module still answers.
  for (let i = 0; i < 1000; i++) {
    assert.throws(() => api.loadRateCard({ get id() { throw new Error("x"); } }), /rate card: `id` could not be read/);
  }
  assert.ok(api.rateCards().length >= 2);
  ok();
  // Messages: one sentence, no "Error: Error:", no raw control characters, no endless echo.
  const m = (() => { try { api.loadRateCard({ id: "x", name: "n", currency: "EUR", effective_from: "2026-01-01", illustrative: true, source: "s", billing: { increment_seconds: 1.5 } }); } catch (e) { return e.message; } })();
  assert.doesNotMatch(m, /Error: /);
  assert.match(m, /^rate card: /);
  const long = (() => { try { api.quote({ organisers: "\u0000".repeat(3) + "x".repeat(10000), meetings: [] }); } catch (e) { return e.message; } })();
  assert.ok(long.length < 200, long);
  assert.doesNotMatch(long, /\u0000/);
  assert.match(long, /\\u\{0\}/);
});

// Last: it leaves a partner card loaded.
test("a card id names one card: the same card again is accepted, another card with it refused", () => {
  const card = {
    id: "dup", name: "Partner A", currency: "USD", effective_from: "2027-01-01", illustrative: false, source: "tests",
    billing: { increment_seconds: 60, minimum_seconds: 60, rounding: "half_up", decimals: 2 },
    licence: { price_per_user_month: "5.00", pool_minutes_per_licence: 0, pool_basis: "assigned", pool_zone: "A" },
    credits: { minimum_purchase: "25.00" },
    countries: [{ code: "DE", zone: "A", toll_dial_in: "0.0100" }],
  };
  assert.equal(api.loadRateCard(card).id, "dup");
  assert.equal(api.loadRateCard(JSON.stringify(card)).name, "Partner A");
  const e = (() => { try { api.loadRateCard({ ...card, name: "Partner B" }); } catch (err) { return err; } })();
  assert.equal(e.code, "cardIdTaken");
  assert.equal(e.message, 'rate card id "dup" is already taken by another card loaded on this page ("Partner A"); give each card its own id');
  // The first card still prices: one licence at 5.00.
  assert.equal(api.quote({ organisers: 1, meetings: [] }, "dup").perUser.monthlyTotal, "5.00");
});
