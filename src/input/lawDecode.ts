/**
 * Semantic checks of what the law asks an instance to declare, after the
 * structural pass (./lawCodecs.ts): the placement period, each worker's age,
 * each employer's field prerequisites, staff figures, support organisation
 * and home-visit care, the support organisations' employer limit, and the
 * expected minimum wages. A rule that needs a declaration the input lacks is
 * a located issue saying what to declare, never a silent pass.
 */
import { addMonths, ageOn, dayBefore } from "../domain/dates.js";
import { findField, type FieldCatalogue } from "../domain/fields.js";
import { SUPPORT_LIMITS, supportLimitsApply } from "../domain/law.js";
import { PREREQUISITES } from "../domain/prerequisites.js";
import { findPrefecture } from "../domain/prefectures.js";
import type { EmployerInput, InstanceInput, WorkerInput } from "./codecs.js";
import type { PlacementPeriod, SlotGroup, SupportOrganisation } from "./instance.js";
import { at, issue, type InputIssue } from "./issues.js";

/** The path of a row, written only for an issue (rows are passed by index). */
export const workerPath = (row: number): string => at("workers", row);
export const employerPath = (row: number): string => at("employers", row);

/** Placement months when the instance does not say: the pilot's initial year. */
export const DEFAULT_PLACEMENT_MONTHS = 12;

/** The period from `placement` (start defaulting to `reference.asOf`); an issue when neither gives a start. */
export const decodePlacement = (input: InstanceInput, issues: InputIssue[]): PlacementPeriod => {
  const start = input.placement?.start ?? input.reference?.asOf;
  if (start === undefined) {
    issues.push(issue("missing", "placement.start", "the date placements start, YYYY-MM-DD (or reference.asOf): ages, minimum wages and the SSW (i) limit are read from it", undefined));
  }
  const months = input.placement?.months ?? DEFAULT_PLACEMENT_MONTHS;
  const from = start ?? "1970-01-01";
  return { start: from, months, end: addMonths(from, months), wages: input.placement?.wages ?? "raise", startToleranceDays: input.placement?.startToleranceDays ?? 0 };
};

/**
 * An employer's slots by start date: `slotGroups` (each start within the
 * placement period, their slots adding up to `slots`), merged by date and
 * without empty groups; or all `slots` on the placement's start.
 */
export const decodeSlotGroups = (e: EmployerInput, row: number, placement: PlacementPeriod, issues: InputIssue[]): SlotGroup[] => {
  if (e.slotGroups === undefined) return e.slots > 0 ? [{ start: placement.start, slots: e.slots }] : [];
  const groupsPath = at(employerPath(row), "slotGroups");
  e.slotGroups.forEach((g, i) => {
    if (g.start < placement.start || g.start >= placement.end) {
      issues.push(issue("inconsistent", at(at(groupsPath, i), "start"), `a date in the placement period, ${placement.start} to ${dayBefore(placement.end)}`, g.start));
    }
  });
  const total = e.slotGroups.reduce((sum, g) => sum + g.slots, 0);
  if (total !== e.slots) issues.push(issue("inconsistent", groupsPath, `slot groups whose slots add up to slots (${e.slots}); these add up to ${total}`, e.slotGroups));
  const byStart = new Map<string, number>();
  for (const g of e.slotGroups) if (g.slots > 0) byStart.set(g.start, (byStart.get(g.start) ?? 0) + g.slots);
  return [...byStart.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([start, slots]) => ({ start, slots }));
};

/**
 * The worker's age on the start date, from the date of birth or the age
 * given; issues where neither or they disagree. `ageOf` is `ageOn` to the
 * start (a decode passes one that remembers each date of birth).
 */
export const workerAge = (
  w: WorkerInput,
  row: number,
  placement: PlacementPeriod,
  issues: InputIssue[],
  ageOf: (birthDate: string) => number = (birthDate) => ageOn(birthDate, placement.start),
): number => {
  if (w.birthDate === undefined && w.age === undefined) {
    issues.push(issue("missing", at(workerPath(row), "birthDate"), "a date of birth YYYY-MM-DD (or age, in whole years on the start date): SSW (i) workers must be 18", undefined));
    return 0;
  }
  if (w.birthDate === undefined) return w.age as number;
  if (w.birthDate > placement.start) issues.push(issue("inconsistent", at(workerPath(row), "birthDate"), `a date before the start ${placement.start}`, w.birthDate));
  const age = ageOf(w.birthDate);
  if (w.age !== undefined && w.age !== age) {
    issues.push(issue("inconsistent", at(workerPath(row), "age"), `${age}, the age on ${placement.start} from birthDate ${w.birthDate} (or leave age out)`, w.age));
  }
  return age;
};

/** Checks a worker's law fields against the employers and the catalogue. */
export const checkWorkerLaw = (w: WorkerInput, row: number, employerIds: ReadonlySet<string>, issues: InputIssue[]): void => {
  if (w.formerInternAt !== undefined && !employerIds.has(w.formerInternAt)) {
    issues.push(issue("inconsistent", at(workerPath(row), "formerInternAt"), "the id of an employer in this instance (whose dormitory the worker lived in as a technical intern)", w.formerInternAt));
  }
  if (hasRepeats(w.departure)) issues.push(issue("inconsistent", at(workerPath(row), "departure"), "each checklist item once", w.departure));
};

/** Whether an item of a short list comes twice (as a Set of it would be smaller than it; a hole reads as undefined). */
const hasRepeats = (items: readonly unknown[]): boolean => {
  for (let i = 1; i < items.length; i++) for (let j = 0; j < i; j++) if (items[i] === items[j]) return true;
  return false;
};

const STAFF_WORDS = {
  japaneseCareStaff:
    "the establishment's full-time care staff who are Japanese etc. (Japanese, permanent residents, care-visa holders, EPA-certified care workers): the legal cap on its SSW (i) workers",
  fullTimeStaff: "the employer's full-time staff, not counting technical interns and SSW (i) workers: the legal cap on its SSW (i) workers",
} as const;

/** Checks an employer's declarations against what its field needs. */
export const checkEmployerLaw = (
  e: EmployerInput,
  row: number,
  catalogue: FieldCatalogue,
  organisations: ReadonlyMap<string, SupportOrganisation>,
  placement: PlacementPeriod,
  issues: InputIssue[],
): void => {
  const field = findField(catalogue, e.field);
  if (field === undefined) return; // reported as an unknown field
  for (const id of field.prerequisites) {
    if (e.declarations[id] === undefined) issues.push(issue("missing", at(at(employerPath(row), "declarations"), id), `${PREREQUISITES[id].declares}, which ${field.name} requires`, undefined));
  }
  const figure = field.headcountCap === "japanese-care-staff" ? "japaneseCareStaff" : field.headcountCap === "full-time-staff" ? "fullTimeStaff" : null;
  if (figure !== null) {
    if (e[figure] === undefined) issues.push(issue("missing", at(employerPath(row), figure), STAFF_WORDS[figure], undefined));
    if (e.sswEmployed === undefined) issues.push(issue("missing", at(employerPath(row), "sswEmployed"), `the SSW (i) workers ${field.name} employers already employ (0 for none): they count against the legal cap`, undefined));
  }
  if (e.homeVisitCare === true && field.homeVisit === null) issues.push(issue("inconsistent", at(employerPath(row), "homeVisitCare"), "false or absent (home-visit care is a nursing-care job)", true));
  if (e.support !== "self" && !organisations.has(e.support) && supportLimitsApply(placement)) {
    issues.push(
      issue(
        "inconsistent",
        at(employerPath(row), "support"),
        `"self", or the id of a registered support organisation listed in supportOrganisations (from ${SUPPORT_LIMITS.value.from} its officers limit whom it can support)`,
        e.support,
      ),
    );
  }
};

/** The organisations by id, with repeated ids reported. */
export const decodeOrganisations = (input: InstanceInput, issues: InputIssue[]): Map<string, SupportOrganisation> => {
  const out = new Map<string, SupportOrganisation>();
  (input.supportOrganisations ?? []).forEach((o, i) => {
    if (out.has(o.id)) issues.push(issue("duplicate-id", at(at("supportOrganisations", i), "id"), "a unique id", o.id));
    else out.set(o.id, { id: o.id, name: o.name ?? null, officers: o.officers, workers: o.workers ?? 0, employers: o.employers ?? 0 });
  });
  return out;
};

/** From the date the limits apply: each organisation's officers must be enough for the employers that name it (10 each). */
export const checkOrganisationEmployers = (
  input: InstanceInput,
  organisations: ReadonlyMap<string, SupportOrganisation>,
  placement: PlacementPeriod,
  issues: InputIssue[],
): void => {
  if (!supportLimitsApply(placement)) return;
  const { employersPerOfficer, from } = SUPPORT_LIMITS.value;
  const organisationsList = input.supportOrganisations ?? [];
  // Employers with slots by the organisation they name: one walk over the employers, not one per organisation.
  const employersOf = new Map<string, number>();
  if (organisationsList.length > 0) for (const e of input.employers) if (e.slots > 0) employersOf.set(e.support, (employersOf.get(e.support) ?? 0) + 1);
  organisationsList.forEach((o, i) => {
    const named = employersOf.get(o.id) ?? 0;
    const total = named + (o.employers ?? 0);
    const needed = Math.ceil(total / employersPerOfficer);
    if (needed > o.officers) {
      issues.push(
        issue(
          "inconsistent",
          at(at("supportOrganisations", i), "officers"),
          `at least ${needed} officers for ${total} employers (${named} here, ${o.employers ?? 0} elsewhere): from ${from} an officer supports at most ${employersPerOfficer} employers; or move employers to another organisation`,
          o.officers,
        ),
      );
    }
  });
};

/** Expected minimum wages by prefecture code, checked: a known prefecture, and an industry minimum it has. */
export const decodeExpected = (
  input: InstanceInput,
  issues: InputIssue[],
): Map<string, { industry: string | null; amount: number; from: string; source: string }[]> => {
  const out = new Map<string, { industry: string | null; amount: number; from: string; source: string }[]>();
  (input.reference?.expectedMinimumWages ?? []).forEach((x, i) => {
    const path = at(at("reference", "expectedMinimumWages"), i);
    const p = findPrefecture(x.prefecture);
    if (p === undefined) {
      issues.push(issue("unknown-prefecture", at(path, "prefecture"), "a prefecture code 01..47 or name", x.prefecture));
      return;
    }
    if (x.industry !== undefined && !p.industryMinimumWages.some((m) => m.industry === x.industry)) {
      const known = p.industryMinimumWages.map((m) => m.industry);
      issues.push(issue("inconsistent", at(path, "industry"), known.length === 0 ? `none (${p.name} has no industry minimum wage)` : `one of ${known.join(", ")}`, x.industry));
      return;
    }
    const list = out.get(p.code) ?? [];
    list.push({ industry: x.industry ?? null, amount: x.amount, from: x.from, source: `${path}${x.note === undefined || x.note === "" ? "" : `: ${x.note}`}` });
    out.set(p.code, list);
  });
  return out;
};
