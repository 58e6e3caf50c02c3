/**
 * The eligibility rules by name, in the order every list of them follows,
 * with their words: short (headings, counts), and as a reason a group of
 * workers is kept out ("1,166 are without the nursing-care Japanese test").
 * One table, so every report and explanation says the same.
 *
 * Pair rules look at the worker and the employer; worker rules at the worker
 * alone (age, time in SSW, departure checklist); employer rules at the
 * employer alone (field open, employment form, prerequisites, wages).
 */

export type RuleId =
  | "field-certification"
  | "job-category"
  | "statutory-language"
  | "employer-language"
  | "care-japanese-test"
  | "required-skill"
  | "home-visit-care"
  | "availability"
  | "age"
  | "ssw-period"
  | "departure-readiness"
  | "field-not-open"
  | "employment-form"
  | "employer-prerequisite"
  | "wage-during-placement"
  | "equal-pay";

export const RULES: readonly RuleId[] = [
  "field-certification",
  "job-category",
  "statutory-language",
  "employer-language",
  "care-japanese-test",
  "required-skill",
  "home-visit-care",
  "availability",
  "age",
  "ssw-period",
  "departure-readiness",
  "field-not-open",
  "employment-form",
  "employer-prerequisite",
  "wage-during-placement",
  "equal-pay",
];

/** The rules that look at the employer alone: they exclude an employer for every worker. */
export const EMPLOYER_RULES: readonly RuleId[] = ["field-not-open", "employment-form", "employer-prerequisite", "wage-during-placement", "equal-pay"];

export interface Exclusion {
  readonly rule: RuleId;
  /** In words, e.g. "needs N3 for taxi-driver, has N4". */
  readonly detail: string;
}

/** Each rule, short, for headings and counts. */
export const RULE_WORDS: Readonly<Record<RuleId, string>> = {
  "field-certification": "not certified in the employer's field",
  "job-category": "certified in another job category",
  "statutory-language": "below the legal Japanese minimum",
  "employer-language": "below the employer's language requirement",
  "care-japanese-test": "without the nursing-care Japanese test",
  "required-skill": "missing a required skill",
  "home-visit-care": "not qualified for home-visit care",
  availability: "available after the slots start",
  age: "under 18 at the start",
  "ssw-period": "past the five-year SSW (i) limit",
  "departure-readiness": "departure checklist incomplete",
  "field-not-open": "field not yet open to SSW workers",
  "employment-form": "dispatch outside agriculture and fishery",
  "employer-prerequisite": "employer prerequisite not met",
  "wage-during-placement": "wage under a minimum wage during the placement",
  "equal-pay": "wage under a Japanese employee's in the same job",
};

/** Each rule as the reason a group of workers is kept out: "[1,166 are] without the nursing-care Japanese test". */
export const RULE_REASON: Readonly<Record<RuleId, string>> = {
  "field-certification": "not certified in the field",
  "job-category": "certified in another job category of the field",
  "statutory-language": "below the SSW Japanese minimum",
  "employer-language": "below the employers' Japanese requirement",
  "care-japanese-test": "without the nursing-care Japanese test",
  "required-skill": "missing a required skill",
  "home-visit-care": "without the care experience or initial training home-visit care needs",
  availability: "available only after the slots start",
  age: "under 18 on the start date",
  "ssw-period": "past the five-year SSW (i) limit over the placement",
  "departure-readiness": "not through the departure checklist",
  "field-not-open": "kept out by fields not yet open (the employers accept no one)",
  "employment-form": "kept out by dispatch employment outside agriculture and fishery (the employers accept no one)",
  "employer-prerequisite": "kept out by employers' unmet prerequisites (they accept no one)",
  "wage-during-placement": "kept out by wages under a minimum during the placement (the employers accept no one)",
  "equal-pay": "kept out by wages under the equal-pay floor (the employers accept no one)",
};
