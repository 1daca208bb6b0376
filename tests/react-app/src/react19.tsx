// React 19's types (tsconfig.json): misuse of the element is refused.
import type {} from "ppm-pricing-widget/react";

// @ts-expect-error a scenario needs organisers
export const noOrganisers = <ppm-pricing scenario={{ meetings: [] }} />;
// @ts-expect-error the quote listener receives a CustomEvent of the quote's detail
export const wrongListener = <ppm-pricing onppm-quote={(e: CustomEvent<number>) => e.detail} />;
// @ts-expect-error unknown attribute
export const typo = <ppm-pricing colour="red" />;
export const lazy = <ppm-pricing loading="lazy" compact={false} />;
