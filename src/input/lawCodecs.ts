/**
 * The parts of the input format the law asks for, as io-ts codecs
 * (./codecs.ts puts them in place): the placement period, what each worker
 * and employer must declare, registered support organisations, and expected
 * minimum wages not yet published.
 *
 * What each declaration is for: src/rules/eligibility.ts (rules),
 * src/rules/limits.ts (legal caps), src/rules/wages.ts (wages over the
 * period), docs/SOURCES.md (the law behind each).
 *
 * @example
 * // an employer's part
 * {
 *   "employment": "direct", "japaneseWage": 1100, "support": "RSO-01",
 *   "housing": { "beds": 6, "areaM2": 48 },
 *   "declarations": { "sectorCouncil": true }
 * }
 */
import * as t from "io-ts";
import { DEPARTURE_ITEMS, type DepartureItem } from "../domain/law.js";
import { flag, integer, isoDate, listOf, nonEmptyString, numberAbove, numberIn, oneOf, struct } from "./combinators.js";
import { LIMITS } from "./limits.js";

// ---------------------------------------------------------------------------
// Instance level

export type WageHandling = "exclude" | "raise";
export const WAGE_HANDLINGS: readonly WageHandling[] = ["exclude", "raise"];

export const PlacementCodec = struct(
  "the placement period",
  {},
  {
    /** The date placements start; default `reference.asOf`. */
    start: isoDate,
    /** How long a placement lasts, in months; default 12 (the pilot's initial year). */
    months: integer(1, LIMITS.placementMonths),
    /**
     * An employer whose wage falls under a minimum wage in force during the
     * period, or under its declared Japanese employee's wage: "exclude" it
     * (with the reason and the date), or "raise": keep it, and the result lists
     * the raise it must make and when. Default "raise".
     */
    wages: oneOf<WageHandling>("one of exclude, raise", WAGE_HANDLINGS),
    /**
     * Days a worker may become available after a slot's start and still fill
     * it (arriving a little late); default 0: available by the start.
     */
    startToleranceDays: integer(0, LIMITS.startToleranceDays),
  },
);

export const SupportOrganisationCodec = struct(
  "a registered support organisation",
  {
    id: nonEmptyString,
    /** Full-time support officers (支援担当者). */
    officers: integer(1, LIMITS.officers),
  },
  {
    name: t.string,
    /** SSW workers it already supports for employers outside this instance. */
    workers: integer(0, LIMITS.workers),
    /** Employers it already supports outside this instance. */
    employers: integer(0, LIMITS.employers),
  },
);

/** A minimum wage revision not yet published, as the instance expects it. */
export const ExpectedMinimumWageCodec = struct(
  "an expected minimum wage",
  {
    /** Prefecture code or name. */
    prefecture: nonEmptyString,
    /** Yen per hour. */
    amount: numberAbove(0, LIMITS.wage),
    /** The date it is expected to take effect. */
    from: isoDate,
  },
  {
    /** An industry minimum's key (as in the reference data); absent: the regional minimum. */
    industry: nonEmptyString,
    /** Why this figure (for the result's notes). */
    note: t.string,
  },
);

// ---------------------------------------------------------------------------
// Worker level

export const DepartureItemCodec = oneOf<DepartureItem>(`one of ${DEPARTURE_ITEMS.join(", ")}`, DEPARTURE_ITEMS);

/** What the law asks of a worker, beyond language and skills (all put on the worker object). */
export const WORKER_LAW_REQUIRED = {
  /** Months already spent in SSW (i) (0 for a first placement); the five-year total counts them. */
  sswMonths: integer(0, LIMITS.months),
  /** The Indonesian side's departure checklist: the items done. */
  departure: listOf(DepartureItemCodec, "departure checklist items done", LIMITS.departureItems),
};

export const WORKER_LAW_OPTIONAL = {
  /** The date the worker can start work (training finished, tests passed, departure ready); default the placement's start. */
  availableFrom: isoDate,
  /** Date of birth; or `age` in whole years on the start date. One of them is required. */
  birthDate: isoDate,
  age: integer(0, LIMITS.age),
  /** Months of care work (home-visit care needs 12). */
  careExperienceMonths: integer(0, LIMITS.months),
  /** The initial care training (介護職員初任者研修), which home-visit care needs. */
  careInitialTraining: flag,
  /** The employer (id) whose dormitory the worker lived in as a technical intern, and may stay in. */
  formerInternAt: nonEmptyString,
};

// ---------------------------------------------------------------------------
// Employer level

export type Employment = "direct" | "dispatch";
export const EMPLOYMENTS: readonly Employment[] = ["direct", "dispatch"];

export type LodgingLicence = "hotel-ryokan" | "simple-lodging" | "boarding" | "none";
export const LODGING_LICENCES: readonly LodgingLicence[] = ["hotel-ryokan", "simple-lodging", "boarding", "none"];

export const AcceptancePlanCodec = struct(
  "a construction acceptance plan",
  {
    /** Approved by MLIT. */
    approved: flag,
    /** SSW workers the plan approves. */
    headcount: integer(0, LIMITS.staff),
  },
  {},
);

/** The prerequisites an employer declares; which ones its field needs: src/domain/fields.ts. */
export const DeclarationsCodec = struct(
  "the employer's declarations",
  {},
  {
    sectorCouncil: flag,
    constructionLicence: flag,
    jac: flag,
    ccus: flag,
    acceptancePlan: AcceptancePlanCodec,
    lodgingLicence: oneOf<LodgingLicence>(`one of ${LODGING_LICENCES.join(", ")}`, LODGING_LICENCES),
    entertainmentBusiness: flag,
    designatedIndustry: flag,
  },
);

export type HousingInput = "private" | { readonly beds: number; readonly areaM2: number };

const ProvidedHousingCodec = struct("housing", { beds: integer(0, LIMITS.beds), areaM2: numberAbove(0, LIMITS.areaM2) }, {});

/**
 * Housing the employer provides for the placed workers: the beds and the
 * living space (m2) free for them; or "private" (workers rent for themselves,
 * with the employer's support). An object is checked as such, so an issue
 * points into it: `employers[12].housing.areaM2: expected a number > 0, at most 10,000,000`.
 */
export const HousingCodec: t.Type<HousingInput, HousingInput, unknown> = new t.Type<HousingInput, HousingInput, unknown>(
  'housing: { "beds": n, "areaM2": m2 } or "private"',
  (u): u is HousingInput => u === "private" || ProvidedHousingCodec.is(u),
  (u, c) => (u === "private" ? t.success("private" as const) : typeof u === "object" && u !== null && !Array.isArray(u) ? ProvidedHousingCodec.validate(u, c) : t.failure(u, c)),
  t.identity,
);

export const EMPLOYER_LAW_REQUIRED = {
  /** Direct employment, or dispatch (agriculture and fishery only). */
  employment: oneOf<Employment>("one of direct, dispatch", EMPLOYMENTS),
  /** Hourly wage of a Japanese employee doing the same job here (the equal-pay floor). */
  japaneseWage: numberIn(0, LIMITS.wage),
  /** Who carries out the support plan: "self", or a registered support organisation's id. */
  support: nonEmptyString,
  housing: HousingCodec,
  declarations: DeclarationsCodec,
};

/** Slots that start on their own date (e.g. a second intake in July). */
export const SlotGroupCodec = struct(
  "a slot group",
  {
    slots: integer(0, LIMITS.slots),
    /** The date these slots start, within the placement period. */
    start: isoDate,
  },
  {},
);

export const EMPLOYER_LAW_OPTIONAL = {
  /**
   * The employer's slots by start date; their slots add up to `slots`.
   * Absent: all `slots` start on the placement's start.
   * @example [{ "slots": 3, "start": "2026-10-01" }, { "slots": 2, "start": "2027-04-01" }]
   */
  slotGroups: listOf(SlotGroupCodec, "slot groups", LIMITS.slotGroups),
  /** SSW (i) workers already employed (nursing care and construction: they count against the legal cap; required there). */
  sswEmployed: integer(0, LIMITS.staff),
  /** Nursing care: the jobs include home-visit care. */
  homeVisitCare: flag,
};

export type SupportOrganisationInput = t.TypeOf<typeof SupportOrganisationCodec>;
export type ExpectedMinimumWageInput = t.TypeOf<typeof ExpectedMinimumWageCodec>;
export type SlotGroupInput = t.TypeOf<typeof SlotGroupCodec>;
export type PlacementInput = t.TypeOf<typeof PlacementCodec>;
export type DeclarationsInput = t.TypeOf<typeof DeclarationsCodec>;
