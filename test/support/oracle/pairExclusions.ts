/**
 * The pair rules as src/rules/eligibility.ts wrote them at adcc2d1, one worker
 * and one employer at a time: the oracle for \`pairRulesAt\`, which works out
 * the employer's side once for many workers (test/rules/pairRules.test.ts).
 */
import { findField, findJobCategory, type SswField } from "../../../src/domain/fields.js";
import { bestLevel, levelName, requirementLevel, type LanguageLevel } from "../../../src/domain/language.js";
import type { Employer, Reference, SkillRequirement, Worker } from "../../../src/input/instance.js";
import type { Exclusion } from "../../../src/rules/ruleIds.js";
import { availabilityExclusion } from "../../../src/rules/availability.js";

const NURSING_CARE = "nursing-care";

const qualifies =
  (field: string) =>
  (c: Worker["certifications"][number]): boolean =>
    c.field === field && (c.via === "skills-test" || c.via === "titp-2" || (field === NURSING_CARE && (c.via === "care-school" || c.via === "epa")));

const certifiedIn = (worker: Worker, field: string): boolean => worker.certifications.some(qualifies(field));

/**
 * Where the employer hires for one of its field's several job categories:
 * why the worker's certification does not cover it, or null when it does
 * (or when the field has one category, or the employer names none).
 */
const categoryMismatch = (worker: Worker, employer: Employer, field: SswField | undefined): string | null => {
  if (field === undefined || field.jobCategories.length === 0 || employer.jobCategory === null) return null;
  const held = worker.certifications.filter(qualifies(employer.field));
  if (held.length === 0 || held.some((c) => c.jobCategory === employer.jobCategory)) return null;
  const named = held.flatMap((c) => (c.jobCategory === null ? [] : [c.jobCategory]));
  return named.length === 0
    ? `certification in ${employer.field} names no job category; the job is ${employer.jobCategory} (state the category of the skills test or TITP)`
    : `certified in ${named.join(", ")}; the job is ${employer.jobCategory}`;
};

/** Home-visit care: 12 months of care work and the initial care training (true where the field has no such rule). */
const qualifiesForHomeVisit = (worker: Worker, field: SswField | undefined): boolean => {
  const rule = field?.homeVisit ?? null;
  return rule === null || (worker.careExperienceMonths >= rule.minCareExperienceMonths && worker.careInitialTraining);
};

const waivesGeneralTest = (worker: Worker, field: string): boolean =>
  worker.certifications.some(
    (c) => c.via === "titp-2" || (field === NURSING_CARE && c.field === NURSING_CARE && (c.via === "care-school" || c.via === "epa")),
  );

const waivesCareTest = (worker: Worker): boolean =>
  worker.certifications.some((c) => c.field === NURSING_CARE && (c.via === "titp-2" || c.via === "care-school" || c.via === "epa"));

const holdsSkill = (worker: Worker, required: SkillRequirement): boolean =>
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

const describeSkill = (s: SkillRequirement): string =>
  [s.name, s.level === null ? "" : `level ${s.level}`, s.years === null ? "" : `${s.years} years`].filter((x) => x !== "").join(" ");

export const oraclePairExclusions = (worker: Worker, employer: Employer, reference: Reference): Exclusion[] => {
  const out: Exclusion[] = [];
  const field = findField(reference.catalogue, employer.field);
  const category = field === undefined ? undefined : findJobCategory(field, employer.jobCategory ?? undefined);
  const level = bestLevel(worker.language);

  if (!certifiedIn(worker, employer.field)) {
    out.push({ rule: "field-certification", detail: `not certified in ${employer.field}` });
  }
  const mismatch = categoryMismatch(worker, employer, field);
  if (mismatch !== null) out.push({ rule: "job-category", detail: mismatch });
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
  if (employer.homeVisitCare && !qualifiesForHomeVisit(worker, field)) {
    const months = field?.homeVisit?.minCareExperienceMonths ?? 12;
    out.push({
      rule: "home-visit-care",
      detail: `home-visit care needs ${months} months of care work and the initial care training; has ${worker.careExperienceMonths} months${worker.careInitialTraining ? " and the training" : " and no initial training"}`,
    });
  }
  const late = availabilityExclusion(worker, employer, reference.placement);
  if (late !== null) out.push(late);
  return out;
};
