/**
 * Rules that look at the employer alone, so they exclude it for every
 * worker: computed once per employer when the instance is decoded
 * (`reference.employerBarriers`), and read by `exclusions`.
 *
 * | rule                  | excludes the employer when                                                   |
 * |-----------------------|------------------------------------------------------------------------------|
 * | field-not-open        | its field accepts SSW (i) workers only after the start (the 2026 fields: date not set), or it declares home-visit care and the start is before 2025-04-21 |
 * | employment-form       | it employs by dispatch outside agriculture and fishery                       |
 * | employer-prerequisite | a prerequisite of its field is not met: sector council, construction licence, JAC, CCUS, approved acceptance plan, hotel or ryokan licence, no entertainment business, designated industry |
 * | wage-during-placement | with `placement.wages` "exclude": its wage falls under a minimum wage in force at some date of the period |
 * | equal-pay             | with `placement.wages` "exclude": its wage is under its Japanese employee's in the same job |
 *
 * With "raise" the last two exclude nothing: the result lists the raises instead.
 */
import type { FieldCatalogue, SswField } from "../domain/fields.js";
import { findField } from "../domain/fields.js";
import { PREREQUISITES, type PrerequisiteId } from "../domain/prerequisites.js";
import type { Employer, PlacementPeriod, WageSchedule, WageStep } from "../input/instance.js";
import type { Exclusion } from "./ruleIds.js";

const yen = (n: number): string => `${n.toLocaleString("en-US")} yen`;

/** Whether a declared prerequisite is met; false when not declared. */
export const prerequisiteMet = (e: Employer, id: PrerequisiteId): boolean => {
  const d = e.declarations;
  switch (id) {
    case "entertainmentBusiness":
      return d.entertainmentBusiness === false;
    case "lodgingLicence":
      return d.lodgingLicence === "hotel-ryokan";
    case "acceptancePlan":
      return d.acceptancePlan?.approved === true;
    default:
      return d[id] === true;
  }
};

const fieldNotOpen = (e: Employer, field: SswField, placement: PlacementPeriod): string | null => {
  if (field.acceptsFrom === null) return `${field.name} accepts SSW (i) workers only from a date not yet set (expected around 2027)`;
  if (field.acceptsFrom > placement.start) return `${field.name} accepts SSW (i) workers only from ${field.acceptsFrom}`;
  if (e.homeVisitCare && field.homeVisit !== null && field.homeVisit.allowedFrom > placement.start) {
    return `home-visit care is open to SSW (i) workers only from ${field.homeVisit.allowedFrom}`;
  }
  return null;
};

/** "pays 1,040 yen; Kagawa minimum wage FY2026 rises to 1,102 yen from 2026-10-01 (expected, not published)". */
export const shortfallWords = (e: Employer, s: WageStep, start: string): string =>
  s.what.startsWith("equal pay")
    ? `pays ${yen(e.hourlyWage)}, a Japanese employee in the same job ${yen(s.amount)} (equal pay)`
    : `pays ${yen(e.hourlyWage)}; ${s.what} ${s.from === start ? "is" : "rises to"} ${yen(s.amount)}${s.from === start ? " at the start" : ` from ${s.from}`}${s.expected ? " (expected, not published)" : ""}`;

/** Every rule that excludes the employer whoever the worker, in RULES order; empty when none. */
export const employerBarriers = (e: Employer, catalogue: FieldCatalogue, placement: PlacementPeriod, wages: WageSchedule | undefined): Exclusion[] => {
  const field = findField(catalogue, e.field);
  if (field === undefined) return [];
  const out: Exclusion[] = [];
  const closed = fieldNotOpen(e, field, placement);
  if (closed !== null) out.push({ rule: "field-not-open", detail: closed });
  if (e.employment === "dispatch" && !field.dispatchAllowed) {
    out.push({ rule: "employment-form", detail: `employs by dispatch; ${field.name} takes SSW workers in direct employment only (dispatch only in agriculture and fishery)` });
  }
  const unmet = field.prerequisites.filter((id) => !prerequisiteMet(e, id));
  if (unmet.length > 0) out.push({ rule: "employer-prerequisite", detail: unmet.map((id) => PREREQUISITES[id].failure).join("; ") });
  if (placement.wages === "exclude" && wages !== undefined) {
    const minimum = wages.shortfalls.find((s) => !s.what.startsWith("equal pay"));
    const equal = wages.shortfalls.find((s) => s.what.startsWith("equal pay"));
    if (minimum !== undefined) out.push({ rule: "wage-during-placement", detail: shortfallWords(e, minimum, placement.start) });
    if (equal !== undefined) out.push({ rule: "equal-pay", detail: shortfallWords(e, equal, placement.start) });
  }
  return out;
};
