/** A decimal number written as a string ("93.36", "0.0280"); exact, never a binary float. */
export type DecimalString = string;

export type CallType = "tollDialIn" | "tollFreeDialIn" | "dialOut" | "app";

/** One group of identical participant legs in a meeting. */
export interface Leg {
  /** ISO 3166-1 alpha-2 code: where the participant calls from (dial-in) or is called (dial-out). */
  country: string;
  call: CallType;
  /** Participants joining this way; may be an average. */
  count: number | DecimalString;
  /** Each of these legs' own length in minutes (measured calls); default: the meeting's. */
  minutes?: number | DecimalString;
}

/** One meeting profile. */
export interface Meeting {
  name?: string;
  perMonth: number | DecimalString;
  minutes: number | DecimalString;
  legs?: Leg[];
}

/** The scenario of spec/rating.md section 2. */
export interface Scenario {
  organisers: number | DecimalString;
  licencesPurchased?: number | DecimalString;
  usCanadaAddon?: boolean;
  /** ISO 3166-1 alpha-2 code of where the organisation is located; availability warnings come from it. */
  organisationCountry?: string;
  meetings?: Meeting[];
  /** The id of the rate card the scenario was priced with: `quote` and `costCurve` use it when no `cardId` is given. */
  card?: string;
}

export type LineBilling = "perMinute" | "includedInLicence" | "addon" | "pool" | "free";

/** A call line (kind "call") or a fee line (kind "licence" | "addon"). */
export interface QuoteLine {
  kind: "call" | "licence" | "addon";
  call?: CallType;
  country?: string;
  legs?: DecimalString;
  minutes?: DecimalString;
  rate?: DecimalString;
  billing?: LineBilling;
  coveredMinutes?: DecimalString;
  quantity?: number;
  unitPrice?: DecimalString;
  amount: DecimalString;
}

export interface Recharge {
  trigger: DecimalString;
  amount: DecimalString;
}

export interface PoolQuote {
  minutes: DecimalString;
  eligibleMinutes: DecimalString;
  coveredMinutes: DecimalString;
}

export interface ModelQuote {
  monthlyTotal: DecimalString;
  yearlyTotal: DecimalString;
  creditsMonthly: DecimalString;
  creditsRecharge: Recharge | null;
  lines: QuoteLine[];
  pool?: PoolQuote;
}

export type NoBreakEvenReason =
  | "noPhoneUsage"
  | "perMinuteAlwaysCheaper"
  | "perUserAlwaysCheaper"
  | "alwaysEqual"
  | "beyondRange";

export interface BreakEvenQuote {
  factor: DecimalString | null;
  phoneMinutesPerOrganiser: DecimalString | null;
  reasonCode: NoBreakEvenReason | null;
  reason: string | null;
}

export type WarningCode =
  | "illustrativeRates"
  | "taxNote"
  | "creditsUnavailable"
  | "audioConferencingUnavailable"
  | "volumeLicensingOnly"
  | "creditsMayExpire";

export interface QuoteWarning {
  code: WarningCode;
  message: string;
}

/** The quote of spec/rating.md section 4. */
export interface Quote {
  currency: string;
  card: { id: string; name: string; effectiveFrom: string; illustrative: boolean; source: string };
  organisers: number;
  licencesPurchased: number;
  usage: {
    phoneLegs: DecimalString;
    phoneMinutes: DecimalString;
    phoneMinutesPerOrganiser: DecimalString | null;
  };
  perMinute: ModelQuote;
  perUser: ModelQuote;
  cheaper: "perMinute" | "perUser" | "equal";
  savingsMonthly: DecimalString;
  savingsYearly: DecimalString;
  breakEven: BreakEvenQuote;
  warnings: QuoteWarning[];
}

export interface CurveOptions {
  /** 2 to 201; default 41. */
  points?: number;
  /** Largest usage factor, above 0 and at most 1000; default max(2, 2 × break-even). */
  maxFactor?: DecimalString;
}

export interface CurvePoint {
  factor: DecimalString;
  phoneMinutesPerOrganiser: DecimalString | null;
  perMinute: DecimalString;
  perUser: DecimalString;
}

export interface Curve {
  points: CurvePoint[];
  breakEvenFactor: DecimalString | null;
}

export interface RateCardInfo {
  id: string;
  name: string;
  currency: string;
  effectiveFrom: string;
  illustrative: boolean;
  builtIn: boolean;
}

export interface CountryRates {
  code: string;
  zone: string | null;
  tollDialIn: DecimalString | null;
  tollFreeDialIn: DecimalString | null;
  dialOut: DecimalString | null;
  creditsAvailable: boolean;
  audioConferencingAvailable: boolean;
}

/** A rate card in its JSON form (spec/rating.md section 1; `ppm convert` writes it). */
export interface RateCardDocument {
  id: string;
  name: string;
  currency: string;
  effective_from: string;
  illustrative: boolean;
  source: string;
  tax_note?: string;
  /** The card's own name and tax note per language (lowercase ISO 639-1 code). */
  translations?: { [lang: string]: { name?: string; tax_note?: string } };
  billing: {
    increment_seconds: number;
    minimum_seconds: number;
    rounding: "half_up" | "half_even" | "up" | "down";
    decimals: number;
    connection_fee?: DecimalString;
  };
  licence: {
    price_per_user_month: DecimalString;
    pool_minutes_per_licence: number;
    pool_basis: "assigned" | "purchased";
    pool_zone: string;
  };
  credits: { minimum_purchase: DecimalString };
  addons?: { us_canada_dial_out?: { price_per_organiser_month: DecimalString; countries: string[] } };
  countries: {
    code: string;
    zone?: string;
    toll_dial_in?: DecimalString;
    toll_free_dial_in?: DecimalString;
    dial_out?: DecimalString;
    credits_available?: boolean;
    audio_conferencing_available?: boolean;
  }[];
}

/**
 * The `code` of an error the JS API throws: a stable name of what is wrong, for programs
 * (the `message` is an English sentence for people). Scenario problems: `negative`,
 * `unknownCountry`, `notANumber` …; a rate card that is not valid: `badCard` (its own kind in
 * `problem`); `unknownCard` for a card id that is not loaded; shape problems of the input:
 * `unknownField`, `wrongType`, `notJson`, `notAnObject`, `unreadable`, `inputTooLarge`.
 */
export type PpmErrorCode =
  | "inputTooLarge" | "wrongType" | "unreadable" | "notJson" | "notAnObject" | "unknownField"
  | "notANumber" | "negative" | "aboveLimit" | "tooPrecise" | "notWhole"
  | "licencesBelowOrganisers" | "tooManyMeetings" | "tooManyLegs" | "unknownCall"
  | "unknownCountry" | "countryNotOnCard" | "noRate" | "noAddon" | "noOrganiser"
  | "sharesNotHundred" | "mixNotHundred" | "ambiguousNumber"
  | "badCard" | "tooLarge" | "badOption" | "unknownCard" | "builtInCard" | "busy";

/**
 * What `quote`, `costCurve`, `countries`, `rateCards` and `loadRateCard` throw: an `Error`
 * whose `message` says what is wrong in English, with a stable `code`, the JSON path of the
 * field concerned (`meetings[0].minutes`, `countries[2].dial_out`, `maxFactor`) when there is
 * one, and for a card that is not valid its problem's own kind (`negative`, `notADate` …).
 */
export interface PpmError extends Error {
  code: PpmErrorCode;
  field?: string;
  problem?: string;
}
