// A TypeScript user of the JS API: type-checked against dist/ppm_pricing.d.ts by
// `cargo xtask test` (tsc --noEmit). The @ts-expect-error lines prove the types reject misuse.
import init, { quote, costCurve, rateCards, countries, loadRateCard } from "../../dist/ppm_api.js";
import type { Quote, Scenario, Curve, RateCardInfo, CountryRates, RateCardDocument, QuoteLine } from "../../dist/ppm_api.js";

export async function example(): Promise<string> {
  await init();
  const scenario: Scenario = {
    organisers: 40,
    licencesPurchased: "50",
    meetings: [{ name: "All-hands", perMonth: 4, minutes: 60, legs: [{ country: "DE", call: "tollDialIn", count: 12 }, { country: "DE", call: "tollDialIn", count: 3, minutes: "12.5" }] }],
  };
  const q: Quote = quote(scenario, "illustrative-eur");
  const cheaper: "perMinute" | "perUser" | "equal" = q.cheaper;
  const total: string = q.perUser.monthlyTotal;
  const first: QuoteLine | undefined = q.perMinute.lines[0];
  const curve: Curve = costCurve(scenario);
  const curve2: Curve = costCurve(scenario, null, { points: 11, maxFactor: "3" });
  const cards: RateCardInfo[] = rateCards();
  const de: CountryRates | undefined = countries("illustrative-usd").find((c) => c.code === "DE");
  const doc: RateCardDocument = {
    id: "partner", name: "Partner", currency: "EUR", effective_from: "2027-01-01", illustrative: false, source: "contract",
    billing: { increment_seconds: 60, minimum_seconds: 60, rounding: "half_even", decimals: 2 },
    licence: { price_per_user_month: "3.70", pool_minutes_per_licence: 60, pool_basis: "purchased", pool_zone: "A" },
    credits: { minimum_purchase: "45.00" },
    countries: [{ code: "DE", zone: "A", dial_out: "0.0300" }],
  };
  const info: RateCardInfo = loadRateCard(doc);
  // @ts-expect-error: call types are a closed set
  const bad: Scenario = { organisers: 1, meetings: [{ perMonth: 1, minutes: 1, legs: [{ country: "DE", call: "fax", count: 1 }] }] };
  // @ts-expect-error: money is a decimal string, not a number
  const wrong: number = q.perMinute.monthlyTotal;
  // @ts-expect-error: rounding words are a closed set
  const badDoc: RateCardDocument = { ...doc, billing: { ...doc.billing, rounding: "nearest" } };
  return [cheaper, total, first?.amount, curve.points.length, curve2.breakEvenFactor, cards.length, de?.dialOut, info.id, bad, wrong, badDoc].join();
}
