/**
 * The one place tests make an instance lawful: every declaration the format
 * requires, filled in so that no legal rule or limit bites unless the test
 * says otherwise (any field a test sets is kept).
 *
 * - workers: born 1998-05-01 (28 on the default start), no months in SSW
 *   (i), the departure checklist complete;
 * - employers: direct employment, the Japanese employee's wage equal to the
 *   slot's, support "self", housing "private", every prerequisite of the
 *   field met (an approved construction plan for the slots), and for nursing
 *   care and construction staff enough for the slots and no SSW workers
 *   already employed;
 * - the instance: a start date (`reference.asOf` 2026-04-01) when it has none.
 *
 * @example
 * match(lawful({ workers: [{ id: "W1", ... }], employers: [{ id: "E1", ... }] }))
 */
import { findCatalogue, findField, DEFAULT_FIELD_CATALOGUE_VERSION } from "../../src/domain/fields.js";
import { DEPARTURE_ITEMS } from "../../src/domain/law.js";
import type { EmployerInput, InstanceInput, WorkerInput } from "../../src/input/codecs.js";

type Obj = Record<string, unknown>;

/** A worker as a test writes it: the law's declarations optional. */
export type WorkerDraft = Omit<WorkerInput, "sswMonths" | "departure"> & Partial<Pick<WorkerInput, "sswMonths" | "departure">>;
type EmployerLawKey = "employment" | "japaneseWage" | "support" | "housing" | "declarations";
/** An employer as a test writes it: the law's declarations optional. */
export type EmployerDraft = Omit<EmployerInput, EmployerLawKey> & Partial<Pick<EmployerInput, EmployerLawKey>>;
/** An instance as a test writes it. */
export type InstanceDraft = Omit<InstanceInput, "workers" | "employers"> & { readonly workers: readonly WorkerDraft[]; readonly employers: readonly EmployerDraft[] };

/** The start date tests use when they give none: FY2025 minimum wages are in force everywhere, and a year from it ends before 2027-04-01. */
export const TEST_START = "2026-04-01";

export const lawfulWorker = <W extends object>(w: W): W & WorkerInput =>
  ({
    ...((w as Obj)["age"] === undefined ? { birthDate: "1998-05-01" } : {}),
    sswMonths: 0,
    departure: [...DEPARTURE_ITEMS],
    ...w,
  }) as W & WorkerInput;

const declarationsFor = (field: string, slots: number, catalogue: string): Obj => {
  const f = findField(findCatalogue(catalogue) ?? (findCatalogue(DEFAULT_FIELD_CATALOGUE_VERSION) as NonNullable<ReturnType<typeof findCatalogue>>), field);
  const out: Obj = {};
  for (const id of f?.prerequisites ?? []) {
    out[id] = id === "acceptancePlan" ? { approved: true, headcount: slots } : id === "lodgingLicence" ? "hotel-ryokan" : id === "entertainmentBusiness" ? false : true;
  }
  return out;
};

export const lawfulEmployer = <E extends object>(employer: E, catalogue = DEFAULT_FIELD_CATALOGUE_VERSION): E & EmployerInput => {
  const e = employer as Obj;
  const field = String(e["field"] ?? "");
  const slots = typeof e["slots"] === "number" ? e["slots"] : 0;
  const f = findField(findCatalogue(catalogue) ?? (findCatalogue(DEFAULT_FIELD_CATALOGUE_VERSION) as NonNullable<ReturnType<typeof findCatalogue>>), field);
  const staff =
    f?.headcountCap === "japanese-care-staff"
      ? { japaneseCareStaff: slots, sswEmployed: 0 }
      : f?.headcountCap === "full-time-staff"
        ? { fullTimeStaff: slots, sswEmployed: 0 }
        : {};
  return {
    ...staff,
    employment: "direct",
    japaneseWage: typeof e["hourlyWage"] === "number" ? e["hourlyWage"] : 0,
    support: "self",
    housing: "private",
    ...employer,
    declarations: { ...declarationsFor(field, slots, catalogue), ...((e["declarations"] as Obj | undefined) ?? {}) },
  } as E & EmployerInput;
};

/** The instance with every worker and employer lawful and a start date; see the module comment. */
export function lawful(input: InstanceDraft): InstanceInput;
export function lawful<I extends object>(input: I): I & InstanceInput;
export function lawful(raw: object): InstanceInput {
  const input = raw as Obj;
  const reference = (input["reference"] as Obj | undefined) ?? {};
  const placement = input["placement"] as Obj | undefined;
  const catalogue = typeof reference["fieldCatalogue"] === "string" ? reference["fieldCatalogue"] : DEFAULT_FIELD_CATALOGUE_VERSION;
  const hasStart = reference["asOf"] !== undefined || placement?.["start"] !== undefined;
  return {
    ...input,
    ...(hasStart ? {} : { reference: { ...reference, asOf: TEST_START } }),
    workers: ((input["workers"] as Obj[] | undefined) ?? []).map((w) => lawfulWorker(w)),
    employers: ((input["employers"] as Obj[] | undefined) ?? []).map((e) => lawfulEmployer(e, catalogue)),
  } as unknown as InstanceInput;
}
