/**
 * Eligibility: the hard rules. A worker may fill an employer's slot only if no
 * rule excludes the pair; each rule that does says why, so an unplaced worker
 * can be told which rules stood in the way.
 *
 * | rule                  | excludes when                                                                 |
 * |-----------------------|-------------------------------------------------------------------------------|
 * | field-certification   | the worker is not certified in the employer's field: the field's skills test, or Technical Intern Training (TITP) No. 2 completed in that field; for nursing care also a care school or EPA |
 * | statutory-language    | the worker's best level is under the field's SSW (i) minimum (N4 = JFT-Basic A2), unless exempt, or under the job category's minimum (N3 for taxi and bus drivers and railway staff), never waived |
 * | employer-language     | the worker's best level is under the employer's own requirement              |
 * | care-japanese-test    | nursing care, and the worker has not passed the Nursing Care Japanese Language Evaluation Test, unless care TITP No. 2, care school or EPA |
 * | required-skill        | the worker lacks a skill the employer or the job category requires, at its level and years |
 *
 * Exemption from the general Japanese test: completing TITP No. 2 in any field
 * waives the field's N4 minimum (shared/domain.md: same-field completers skip
 * the language test; completers from other fields moving into care skip the
 * general Japanese test; jobmatch reads both as "TITP No. 2 waives the general
 * test", which is also how the Immigration Services Agency states it). It does
 * not waive an employer's or a job category's own requirement. Care school and
 * EPA waive the general test for nursing care only.
 */
import { findField, findJobCategory } from "../domain/fields.js";
import { bestLevel, levelName, requirementLevel, type LanguageLevel } from "../domain/language.js";
import type { Employer, Reference, SkillRequirement, Worker } from "../input/instance.js";

export type RuleId =
  | "field-certification"
  | "statutory-language"
  | "employer-language"
  | "care-japanese-test"
  | "required-skill";

export const RULES: readonly RuleId[] = [
  "field-certification",
  "statutory-language",
  "employer-language",
  "care-japanese-test",
  "required-skill",
];

export interface Exclusion {
  readonly rule: RuleId;
  /** In words, e.g. "needs N3 for taxi-driver, has N4". */
  readonly detail: string;
}

const NURSING_CARE = "nursing-care";

const certifiedIn = (worker: Worker, field: string): boolean =>
  worker.certifications.some(
    (c) =>
      c.field === field &&
      (c.via === "skills-test" || c.via === "titp-2" || (field === NURSING_CARE && (c.via === "care-school" || c.via === "epa"))),
  );

const waivesGeneralTest = (worker: Worker, field: string): boolean =>
  worker.certifications.some(
    (c) => c.via === "titp-2" || (field === NURSING_CARE && c.field === NURSING_CARE && (c.via === "care-school" || c.via === "epa")),
  );

const waivesCareTest = (worker: Worker): boolean =>
  worker.certifications.some((c) => c.field === NURSING_CARE && (c.via === "titp-2" || c.via === "care-school" || c.via === "epa"));

/** Whether the worker holds a skill at the required level and years. */
export const holdsSkill = (worker: Worker, required: SkillRequirement): boolean =>
  worker.skills.some(
    (s) =>
      s.name === required.name &&
      (required.level === null || s.level >= required.level) &&
      (required.years === null || s.years >= required.years),
  );

const statutoryLevel = (worker: Worker, employer: Employer, reference: Reference): LanguageLevel => {
  const field = findField(reference.catalogue, employer.field);
  const category = field === undefined ? undefined : findJobCategory(field, employer.jobCategory ?? undefined);
  const fieldLevel = field === undefined || waivesGeneralTest(worker, employer.field) ? 0 : requirementLevel(field.minLanguage);
  const categoryLevel = category?.minLanguage === undefined ? 0 : requirementLevel(category.minLanguage);
  return Math.max(fieldLevel, categoryLevel) as LanguageLevel;
};

/** The language level this worker needs for this slot, all rules together (after any waiver the worker has). */
export const requiredLevel = (worker: Worker, employer: Employer, reference: Reference): LanguageLevel => {
  const own = employer.minLanguage === null ? 0 : requirementLevel(employer.minLanguage);
  return Math.max(statutoryLevel(worker, employer, reference), own) as LanguageLevel;
};

/**
 * The language level the slot itself requires: the field's SSW minimum, the
 * job category's and the employer's own, before any waiver. What the score's
 * `languageAboveRequirement` counts from, so that two workers with the same
 * Japanese score the same at the same slot, whether or not TITP No. 2 waives
 * the test for one of them.
 */
export const slotLevel = (employer: Employer, reference: Reference): LanguageLevel => {
  const field = findField(reference.catalogue, employer.field);
  const category = field === undefined ? undefined : findJobCategory(field, employer.jobCategory ?? undefined);
  const levels: number[] = [
    field === undefined ? 0 : requirementLevel(field.minLanguage),
    category?.minLanguage === undefined ? 0 : requirementLevel(category.minLanguage),
    employer.minLanguage === null ? 0 : requirementLevel(employer.minLanguage),
  ];
  return levels.reduce((a, b) => Math.max(a, b), 0) as LanguageLevel;
};

const describeSkill = (s: SkillRequirement): string =>
  [s.name, s.level === null ? "" : `level ${s.level}`, s.years === null ? "" : `${s.years} years`].filter((x) => x !== "").join(" ");

/** Every rule that excludes the pair, in RULES order; empty when the worker is eligible. */
export const exclusions = (worker: Worker, employer: Employer, reference: Reference): readonly Exclusion[] => {
  const out: Exclusion[] = [];
  const field = findField(reference.catalogue, employer.field);
  const category = field === undefined ? undefined : findJobCategory(field, employer.jobCategory ?? undefined);
  const level = bestLevel(worker.language);

  if (!certifiedIn(worker, employer.field)) {
    out.push({ rule: "field-certification", detail: `not certified in ${employer.field}` });
  }
  const statutory = statutoryLevel(worker, employer, reference);
  if (level < statutory) {
    out.push({
      rule: "statutory-language",
      detail: `needs ${levelName(statutory)} for ${employer.jobCategory ?? employer.field}, has ${levelName(level)}`,
    });
  }
  if (employer.minLanguage !== null && level < requirementLevel(employer.minLanguage)) {
    out.push({ rule: "employer-language", detail: `employer asks ${employer.minLanguage}, has ${levelName(level)}` });
  }
  if (field?.requiresCareJapaneseTest === true && !worker.careJapaneseTest && !waivesCareTest(worker)) {
    out.push({ rule: "care-japanese-test", detail: "has not passed the Nursing Care Japanese Language Evaluation Test" });
  }
  const requiredSkills: readonly SkillRequirement[] = [
    ...employer.requiredSkills,
    ...(category?.requiredSkills ?? []).map((name) => ({ name, level: null, years: null })),
  ];
  const missing = requiredSkills.filter((s) => !holdsSkill(worker, s));
  if (missing.length > 0) {
    out.push({ rule: "required-skill", detail: `lacks ${missing.map(describeSkill).join(", ")}` });
  }
  return out;
};

export const isEligible = (worker: Worker, employer: Employer, reference: Reference): boolean =>
  exclusions(worker, employer, reference).length === 0;
