/**
 * What the law asks each synthetic worker and employer to declare, drawn so
 * that most are in order and a few fail, as a real cohort would: a trainee
 * not yet 18, a returning worker near the five-year limit, a missing BPJS
 * membership; an employer without an approved construction plan, a hostel
 * with a simple-lodging licence, housing short of beds, a support
 * organisation with too few officers. Every share is in ./facts.ts.
 *
 * Also the instance-level parts: the support organisations the employers
 * name, and the expected minimum wages of revisions not yet published (an
 * assumption, marked as one in each record's note).
 */
import { addMonths } from "../domain/dates.js";
import { findField, type FieldCatalogue, type FieldId } from "../domain/fields.js";
import { DEPARTURE_ITEMS, SUPPORT_LIMITS, type DepartureItem } from "../domain/law.js";
import { findPrefecture } from "../domain/prefectures.js";
import type { EmployerInput, WorkerInput } from "../input/codecs.js";
import type { DeclarationsInput, ExpectedMinimumWageInput, HousingInput, SupportOrganisationInput } from "../input/lawCodecs.js";
import { revisionsDue } from "../rules/wages.js";
import * as F from "./facts.js";
import type { Random, Weighted } from "./random.js";

const asWeighted = (record: Readonly<Record<string, number>>): Weighted<string> => Object.entries(record).map(([k, w]) => [k, w] as const);

/** A job category for a certification or a job in `field`: weighted where ./facts.ts has weights, uniform otherwise; undefined for a one-category field. */
export const drawCategory = (catalogue: FieldCatalogue, field: FieldId, rng: Random): string | undefined => {
  const categories = findField(catalogue, field)?.jobCategories ?? [];
  if (categories.length === 0) return undefined;
  const mix = F.JOB_CATEGORY_MIX.value[field];
  return mix === undefined ? rng.pick(categories).id : rng.weighted(asWeighted(mix));
};

type WorkerLaw = Pick<WorkerInput, "birthDate" | "sswMonths" | "departure">;

const GAP_ITEMS = asWeighted(F.DEPARTURE_GAPS.value.items) as Weighted<DepartureItem>;

/** The complete checklist, frozen: most rows share it (100,000 copies of one list cost more than the rest of a worker). */
const COMPLETE: readonly DepartureItem[] = Object.freeze([...DEPARTURE_ITEMS]);

/**
 * A worker's date of birth, months in SSW (i) and departure checklist, for a
 * placement starting in month `startMonthIndex` (year x 12 + month - 1).
 * Plain integer arithmetic: it runs once per worker, 100,000 times and more.
 */
export const drawWorkerLaw = (rng: Random, startMonthIndex: number): WorkerLaw => {
  const [low, high] = F.AGE_RANGE.value;
  const age = rng.chance(F.UNDER_18_SHARE.value) ? 17 : rng.int(low, high);
  const born = startMonthIndex - (age * 12 + rng.int(0, 10));
  const month = (born % 12) + 1;
  const birthDate = `${Math.floor(born / 12)}-${month < 10 ? "0" : ""}${month}-${String(rng.int(1, 28)).padStart(2, "0")}`;
  const former = F.FORMER_SSW.value;
  const sswMonths = rng.chance(former.share) ? rng.int(former.months[0], former.months[1]) : 0;
  const missing = rng.chance(F.DEPARTURE_GAPS.value.share) ? rng.weighted(GAP_ITEMS) : null;
  return { birthDate, sswMonths, departure: missing === null ? (COMPLETE as DepartureItem[]) : DEPARTURE_ITEMS.filter((d) => d !== missing) };
};

/** The month index (year x 12 + month - 1) of an ISO date, for `drawWorkerLaw`. */
export const monthIndex = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Months of care work and the initial care training of a worker whose main certification is nursing care, by route. */
export const drawCareExperience = (via: string, hasTrainingSkill: boolean, rng: Random): Pick<WorkerInput, "careExperienceMonths" | "careInitialTraining"> => {
  const months = F.CARE_EXPERIENCE.value.months[via] ?? 0;
  const trained = hasTrainingSkill || rng.chance(F.CARE_EXPERIENCE.value.trainedShare);
  return { ...(months > 0 ? { careExperienceMonths: months } : {}), ...(trained ? { careInitialTraining: true } : {}) };
};

const fails = (key: string, rng: Random): boolean => rng.chance(F.EMPLOYER_FAILURES.value[key] ?? 0);

/** The prerequisites of the employer's field, declared: met, except for the failure shares. */
const drawDeclarations = (field: FieldId, catalogue: FieldCatalogue, slots: number, rng: Random): DeclarationsInput => {
  const needs = findField(catalogue, field)?.prerequisites ?? [];
  const out: { -readonly [K in keyof DeclarationsInput]: DeclarationsInput[K] } = {};
  for (const id of needs) {
    switch (id) {
      case "acceptancePlan":
        out.acceptancePlan = { approved: !fails("acceptancePlanPending", rng), headcount: Math.max(1, slots + rng.int(-3, 4)) };
        break;
      case "lodgingLicence":
        out.lodgingLicence = fails("lodgingSimple", rng) ? "simple-lodging" : "hotel-ryokan";
        break;
      case "entertainmentBusiness":
        out.entertainmentBusiness = fails("entertainmentBusiness", rng);
        break;
      default:
        out[id] = !fails(id, rng);
    }
  }
  return out;
};

/** Beds and living space for the placed workers, or "private"; short of the slots for a share of employers. */
const drawHousing = (slots: number, rng: Random): HousingInput => {
  if (!rng.chance(F.HOUSING.value.provided)) return "private";
  const beds = Math.max(1, rng.chance(F.HOUSING.value.short) ? slots - rng.int(1, 4) : slots + rng.int(0, 3));
  return { beds, areaM2: beds * rng.pick([7.5, 8, 9, 10]) };
};

type EmployerLaw = Pick<EmployerInput, "employment" | "japaneseWage" | "support" | "housing" | "declarations" | "sswEmployed" | "homeVisitCare">;

/** What an employer declares for the law; `support` is "self" or a placeholder the instance resolves (`assignOrganisations`). */
export const drawEmployerLaw = (field: FieldId, catalogue: FieldCatalogue, slots: number, hourlyWage: number, rng: Random): EmployerLaw => {
  const f = findField(catalogue, field);
  const employment = f?.dispatchAllowed === true ? (rng.chance(F.DISPATCH_SHARE.value) ? "dispatch" : "direct") : fails("dispatchOutsideAgriFishery", rng) ? "dispatch" : "direct";
  const japaneseWage = fails("equalPayGap", rng) ? hourlyWage + rng.pick([30, 50, 80]) : hourlyWage - rng.pick([0, 0, 20, 50]);
  const support = rng.chance(F.SELF_SUPPORT_SHARE.value) ? "self" : "organisation";
  const capped = f?.headcountCap !== null && f?.headcountCap !== undefined;
  const already = F.SSW_ALREADY_EMPLOYED.value;
  return {
    employment,
    japaneseWage,
    support,
    housing: drawHousing(slots, rng),
    declarations: drawDeclarations(field, catalogue, slots, rng),
    ...(capped ? { sswEmployed: rng.chance(already.share) ? rng.int(1, already.max) : 0 } : {}),
    ...(f?.homeVisit !== null && f?.homeVisit !== undefined && rng.chance(F.HOME_VISIT_SHARE.value) ? { homeVisitCare: true } : {}),
  };
};

/**
 * Names the organisations: employers with `support` "organisation" go, in
 * order, to `RSO-<prefecture>-<field>-<k>`, a few employers each; returns the
 * employers and the organisations with their officers (enough for the
 * employer limit, a little short of the worker limit for some).
 */
export const assignOrganisations = (employers: readonly EmployerInput[]): { employers: EmployerInput[]; organisations: SupportOrganisationInput[] } => {
  const { employersEach, slotsCovered } = F.SUPPORT_ORGANISATIONS.value;
  const counters = new Map<string, number>();
  const members = new Map<string, EmployerInput[]>();
  const out = employers.map((e) => {
    if (e.support !== "organisation") return e;
    const group = `${e.prefecture}-${e.field}`;
    const n = counters.get(group) ?? 0;
    counters.set(group, n + 1);
    const id = `RSO-${group}-${Math.floor(n / employersEach) + 1}`;
    const named = { ...e, support: id };
    members.set(id, [...(members.get(id) ?? []), named]);
    return named;
  });
  const organisations = [...members.entries()].map(([id, list]) => {
    const slots = list.reduce((s, e) => s + e.slots, 0);
    const { employersPerOfficer, workersPerOfficer } = SUPPORT_LIMITS.value;
    const officers = Math.max(1, Math.ceil(list.length / employersPerOfficer), Math.ceil((slots * slotsCovered) / workersPerOfficer));
    return { id, officers };
  });
  return { employers: out, organisations };
};

/**
 * For every minimum wage series the employers' wages are checked against
 * (regional, and each declared industry minimum), the revisions due before
 * the period ends, expected at the last amount plus EXPECTED_YEARLY_RISE a
 * year: an assumption, noted as one.
 */
export const expectedWagesFor = (employers: readonly EmployerInput[], start: string, months: number): ExpectedMinimumWageInput[] => {
  const end = addMonths(start, months);
  const rise = F.EXPECTED_YEARLY_RISE.value;
  const note = `assumed: ${rise} yen a year above the last published rate (the FY2025 national average rise); not published`;
  const series = new Map<string, { prefecture: string; industry: string | null }>();
  for (const e of employers) {
    series.set(`${e.prefecture}`, { prefecture: e.prefecture, industry: null });
    if (e.industry !== undefined) series.set(`${e.prefecture}/${e.industry}`, { prefecture: e.prefecture, industry: e.industry });
  }
  return [...series.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([, { prefecture, industry }]) => {
      const p = findPrefecture(prefecture);
      const records = industry === null ? p?.minimumWages : p?.industryMinimumWages.find((m) => m.industry === industry)?.records;
      if (p === undefined || records === undefined) return [];
      return revisionsDue(records, end).map((r, k) => ({
        prefecture: p.code,
        ...(industry === null ? {} : { industry }),
        amount: r.latestAmount + rise * (k + 1),
        from: r.dueAround,
        note,
      }));
    });
};
