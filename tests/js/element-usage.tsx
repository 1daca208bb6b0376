// A TypeScript (and JSX) user of the <ppm-pricing> element: type-checked against
// dist/npm/ppm-pricing.d.ts by `cargo xtask test`. The @ts-expect-error lines prove misuse is
// rejected.
import type { PpmPricing, PpmQuoteDetail, PpmErrorDetail, Quote, Scenario } from "../../dist/npm/ppm-pricing.js";

export function wire(): string | null {
  const el: PpmPricing | null = document.querySelector("ppm-pricing");
  if (!el) return null;
  el.addEventListener("ppm-quote", (e) => {
    const d: PpmQuoteDetail = e.detail;
    const monthly: string = d.monthly.perMinute;
    const full: Quote = d.quote;
    console.log(monthly, full.perUser.monthlyTotal, d.cheaper === "perUser");
  });
  el.addEventListener("ppm-error", (e) => {
    const d: PpmErrorDetail = e.detail;
    console.log(d.source, d.message);
  });
  const scenario: Scenario = { organisers: 5, meetings: [{ perMonth: 4, minutes: 30, legs: [{ country: "DE", call: "tollDialIn", count: 2 }] }] };
  el.scenario = scenario;
  el.scenario = "#v2&o=5";
  // @ts-expect-error the quote is read-only
  el.quote = null;
  // @ts-expect-error a scenario needs organisers
  el.scenario = { meetings: [] };
  const created: PpmPricing = document.createElement("ppm-pricing");
  return created.quote ? created.quote.currency : null;
}

export const german = <ppm-pricing lang="de" card="illustrative-eur" compact hide="chart lines" scenario='{"organisers": 3}' />;
export const partnerCard = <ppm-pricing card-src="/cards/partner.json" />;
// @ts-expect-error unknown attribute
export const typo = <ppm-pricing colour="red" />;

/** A listener added and removed with its type (the overloads of `removeEventListener`). */
export function unwire(el: PpmPricing): void {
  const onQuote = (e: CustomEvent<PpmQuoteDetail>) => console.log(e.detail.cheaper);
  el.addEventListener("ppm-quote", onQuote);
  el.removeEventListener("ppm-quote", onQuote);
  // @ts-expect-error a quote listener is not an error listener
  el.removeEventListener("ppm-error", onQuote);
}
export const lazy = <ppm-pricing loading="lazy" />;
