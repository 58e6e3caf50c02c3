/**
 * Domain words for explanations: rules, criteria and employers as a
 * programme officer would say them ("below the employer's language
 * requirement (asks N3, has N4)", "field 1st choice", "wage +150 yen").
 * Explanations carry these strings, so the JSON form reads as well as the text.
 */
import { findField } from "../domain/fields.js";
import { bestLevel, levelName } from "../domain/language.js";
import { findPrefecture } from "../domain/prefectures.js";
import type { Employer, Reference, Worker } from "../input/instance.js";
import type { Exclusion, RuleId } from "../rules/eligibility.js";
import { RULE_WORDS } from "../rules/ruleIds.js";
import type { Criterion } from "../rules/scoring.js";

/** Each rule, short, for headings and counts (one table for every report: ../rules/ruleIds.ts). */
export { RULE_WORDS };

/** The SSW field's English name ("Nursing care"), or its id. */
export const fieldName = (reference: Reference, field: string): string => findField(reference.catalogue, field)?.name ?? field;

/** "E012 Sanuki Care (Kagawa, Nursing care)". */
export const employerLabel = (e: Employer, reference: Reference): string =>
  `${e.id}${e.name === null || e.name === "" ? "" : ` ${e.name}`} (${findPrefecture(e.prefecture)?.name ?? e.prefecture}, ${fieldName(reference, e.field)}${
    e.jobCategory === null ? "" : `, ${e.jobCategory}`
  })`;

/** The particulars of one exclusion for this worker and employer: "asks N3, has N4". */
export const particulars = (x: Exclusion, worker: Worker, employer: Employer, reference: Reference): string => {
  switch (x.rule) {
    case "field-certification":
      return `no skills test or TITP No. 2 in ${fieldName(reference, employer.field)}`;
    case "employer-language":
      return `asks ${employer.minLanguage ?? "-"}, has ${levelName(bestLevel(worker.language))}`;
    case "care-japanese-test":
      return "no pass recorded, and no care TITP No. 2, care school or EPA";
    case "statutory-language": // "needs N4 for construction, has N5": the field's name for its id
      return employer.jobCategory === null ? x.detail.replace(` for ${employer.field},`, ` for ${fieldName(reference, employer.field)},`) : x.detail;
    case "required-skill": // "lacks welding level 2"
    case "job-category":
    case "home-visit-care":
    case "availability": // "available 2027-06-01, the slot starts 2027-04-01"
    case "age":
    case "ssw-period":
    case "departure-readiness":
    case "field-not-open":
    case "employment-form":
    case "employer-prerequisite":
    case "wage-during-placement":
    case "equal-pay":
      return x.detail;
  }
};

/** One exclusion in words: "below the employer's language requirement (asks N3, has N4)". */
export const exclusionWords = (x: Exclusion, worker: Worker, employer: Employer, reference: Reference): string =>
  `${RULE_WORDS[x.rule]} (${particulars(x, worker, employer, reference)})`;

/** Each rule as a requirement of this employer: "certification in Food service", "the employer's Japanese requirement (N3)". */
export const requirementWords = (rule: RuleId, employer: Employer, reference: Reference): string => {
  switch (rule) {
    case "field-certification":
      return `certification in ${fieldName(reference, employer.field)}`;
    case "statutory-language":
      return "the legal Japanese minimum";
    case "employer-language":
      return `the employer's Japanese requirement (${employer.minLanguage ?? "-"})`;
    case "care-japanese-test":
      return "the nursing-care Japanese test";
    case "required-skill":
      return "the required skills";
    case "job-category":
      return `certification in its job category (${employer.jobCategory ?? "-"})`;
    case "home-visit-care":
      return "the care experience and initial training of home-visit care";
    case "availability": {
      const last = employer.slotGroups[employer.slotGroups.length - 1]?.start ?? reference.placement.start;
      const days = reference.placement.startToleranceDays;
      return `workers available by ${last}${days === 0 ? "" : ` (or within ${days} days of it)`}, when its ${employer.slotGroups.length > 1 ? "last slots start" : "slots start"}`;
    }
    case "age":
      return "workers 18 or older";
    case "ssw-period":
      return "time left in the five-year SSW (i) limit";
    case "departure-readiness":
      return "a complete departure checklist";
    case "field-not-open":
      return `${fieldName(reference, employer.field)} open to SSW workers on the start date`;
    case "employment-form":
      return "direct employment";
    case "employer-prerequisite":
      return "its field's prerequisites";
    case "wage-during-placement":
      return "a wage at every minimum wage of the placement period";
    case "equal-pay":
      return "a wage at least a Japanese employee's in the same job";
  }
};

/** "1st", "2nd", "3rd", "4th". */
export const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
};

/** What earned a criterion's points, in words ("field 1st choice", "wage +150 yen"). */
export const criterionWords = (c: Criterion, points: number, employer: Employer, reference: Reference): string => {
  switch (c) {
    case "fieldPreference":
      return points === 0 ? "field not among their first five choices" : `field ${ordinal(6 - points)} choice`;
    case "prefecturePreference":
      return points === 0 ? "prefecture not among their first five choices" : `prefecture ${ordinal(6 - points)} choice`;
    case "preferredSkills":
      return `${points} preferred skill${points === 1 ? "" : "s"}`;
    case "languageAboveRequirement":
      return `Japanese ${points} level${points === 1 ? "" : "s"} above the requirement`;
    case "wageAboveMinimum": {
      const floor = reference.wageFloor.get(employer.id)?.amount ?? employer.hourlyWage;
      return `wage +${employer.hourlyWage - floor} yen`;
    }
  }
};

/** "W1, W2, W3 and 4 more". */
export const someOf = (ids: readonly string[], shown = 3): string => {
  if (ids.length <= shown) return ids.length <= 1 ? (ids[0] ?? "") : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
  return `${ids.slice(0, shown).join(", ")} and ${ids.length - shown} more`;
};

/** "1 employer", "3 employers". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** Phrases that may hold commas, joined: "A", "A and B", "A; B; and C". */
export const andList = (items: readonly string[]): string =>
  items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join("; ")}; and ${items[items.length - 1]}`;
