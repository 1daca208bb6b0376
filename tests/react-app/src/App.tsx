// A partner's page as the npm README describes it (React 19): the element with a scenario
// object, a typed quote listener and a ref, and the JS API from `ppm-pricing-widget/api`.
import type {} from "ppm-pricing-widget/react";
import "ppm-pricing-widget";
import { useEffect, useRef, useState } from "react";
import type { PpmPricing, PpmQuoteDetail, Scenario } from "ppm-pricing-widget";
import { ready, quote } from "ppm-pricing-widget/api";

/** Seven organisers; four 30-minute calls a month with two German toll dial-in legs. */
const scenario: Scenario = {
  organisers: 7,
  meetings: [{ perMonth: 4, minutes: 30, legs: [{ country: "DE", call: "tollDialIn", count: 2 }] }],
};

export function App() {
  const ref = useRef<PpmPricing>(null);
  const [quotes, setQuotes] = useState<PpmQuoteDetail[]>([]);
  const [apiTotal, setApiTotal] = useState("");
  const [tag, setTag] = useState("");
  useEffect(() => {
    ready.then(() => setApiTotal(quote(scenario).perUser.monthlyTotal));
    setTag(ref.current ? ref.current.tagName.toLowerCase() : "");
  }, []);
  const first = quotes[0];
  return (
    <main>
      <h1>Our Teams calling offer</h1>
      <p id="first-quote">{first ? `${first.scenario.organisers} organisers, ${first.currency} ${first.monthly.perMinute}` : "…"}</p>
      <p id="quote-count">{quotes.length}</p>
      <p id="api-total">{apiTotal}</p>
      <p id="ref-tag">{tag}</p>
      <ppm-pricing
        ref={ref}
        lang="en"
        card="illustrative-usd"
        scenario={scenario}
        compact
        onppm-quote={(e) => setQuotes((q) => [...q, e.detail])}
        onppm-error={(e) => console.error(e.detail.source, e.detail.message)}
      />
    </main>
  );
}
