// The same element under React 18's types (checked by tsconfig.react18.json): attributes only,
// events through a ref; what React 18 would break is refused by the types.
import type {} from "ppm-pricing-widget/react";
import { useEffect, useRef } from "react";
import type { PpmPricing } from "ppm-pricing-widget";

export function Pricing18({ onMonthly }: { onMonthly: (amount: string) => void }) {
  const ref = useRef<PpmPricing>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const listener = (e: CustomEvent<{ monthly: { perMinute: string } }>) => onMonthly(e.detail.monthly.perMinute);
    el.addEventListener("ppm-quote", listener);
    return () => el.removeEventListener("ppm-quote", listener);
  }, [onMonthly]);
  return <ppm-pricing ref={ref} lang="de" card="illustrative-eur" scenario='{"organisers": 3}' compact loading="lazy" />;
}

// @ts-expect-error React 18 writes an object as the text "[object Object]"
export const objectScenario = <ppm-pricing scenario={{ organisers: 3 }} />;
// @ts-expect-error React 18 does not listen to custom events through props
export const eventProp = <ppm-pricing onppm-quote={() => undefined} />;
// @ts-expect-error React 18 writes compact={false} as the present attribute "false"
export const compactOff = <ppm-pricing compact={false} />;
// @ts-expect-error unknown attribute
export const typo = <ppm-pricing colour="red" />;
