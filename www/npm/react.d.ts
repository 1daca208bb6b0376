// `import type {} from "ppm-pricing-widget/react"`: <ppm-pricing> as a typed JSX element in
// React 18 and 19 (`jsx: "react-jsx"` reads the JSX namespace of `react`, not the global one).
//
// React 19 passes objects and functions to a custom element as properties and listens to
// `on` + event name, so there `scenario` may be an object and `onppm-quote` / `onppm-error`
// are typed listeners. React 18 sets every prop as an attribute text: there `scenario` is
// JSON or a share link, `compact` is given only when on (`compact={on || undefined}`), and
// the events are listened to through a ref.
import type * as React from "react";
import type { PpmErrorDetail, PpmPricing } from "./ppm-pricing.js";
import type { PpmQuoteDetail, Scenario } from "./ppm_element.js";

/** Whether the `react` types are React 19's (`use` is exported from 19 on). */
type IsReact19 = "use" extends keyof typeof React ? true : false;

/** What both React versions accept: React's own props (`key`, `ref`, `className`, `style`, …)
 * and the element's attributes. */
interface PpmPricingCommonProps extends React.DetailedHTMLProps<React.HTMLAttributes<PpmPricing>, PpmPricing> {
  /** A built-in card id: "illustrative-usd" (default) or "illustrative-eur". */
  card?: string;
  /** URL of a partner rate card (JSON, as `ppm convert` writes it). */
  "card-src"?: string;
  /** Sections to hide, separated by spaces or commas. */
  hide?: string;
  /** "lazy": the WebAssembly is fetched when the element nears the viewport. */
  loading?: "lazy" | "eager";
}

/** `<ppm-pricing>` props under React 19. */
export interface PpmPricingReact19Props extends PpmPricingCommonProps {
  /** A scenario object (set as the element's property), scenario JSON or a share link. */
  scenario?: Scenario | string;
  /** Results only, one column. */
  compact?: boolean;
  /** Every new quote (the first one already of the given card and scenario). */
  "onppm-quote"?: (event: CustomEvent<PpmQuoteDetail>) => void;
  /** A problem with the configuration, the scenario, the start or a crash. */
  "onppm-error"?: (event: CustomEvent<PpmErrorDetail>) => void;
}

/** `<ppm-pricing>` props under React 18 (attributes only). */
export interface PpmPricingReact18Props extends PpmPricingCommonProps {
  /** Scenario JSON or a share link (React 18 would write an object as "[object Object]"). */
  scenario?: string;
  /** Present: results only (React 18 writes `false` as the text "false", which is present). */
  compact?: true | "";
  /** Not on React 18, which sets a function prop as an attribute: listen through a ref. */
  "onppm-quote"?: undefined;
  /** Not on React 18: listen through a ref. */
  "onppm-error"?: undefined;
}

/** The props of `<ppm-pricing>` for the `react` types in use. */
export type PpmPricingProps = IsReact19 extends true ? PpmPricingReact19Props : PpmPricingReact18Props;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "ppm-pricing": PpmPricingProps;
    }
  }
}
