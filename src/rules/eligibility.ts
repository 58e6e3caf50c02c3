/**
 * Eligibility: the hard rules. A worker may fill an employer's slot only if no
 * rule excludes the pair; each rule that does says why, so an unplaced worker
 * can be told which rules stood in the way. Rules are listed and named in
 * ./ruleIds.ts; this module holds the ones that look at the pair, and
 * gathers the worker rules (./worker.ts) and the employer rules
 * (./employer.ts, computed once per employer at decoding).
 *
 * | rule                  | excludes when                                                                 |
 * |-----------------------|-------------------------------------------------------------------------------|
 * | field-certification   | the worker is not certified in the employer's field: the field's skills test, or Technical Intern Training (TITP) No. 2 completed in that field; for nursing care also a care school or EPA |
 * | job-category          | the employer hires for a job category of a field that has several, and the worker's certification in the field covers another category or names none |
 * | statutory-language    | the worker's best level is under the field's SSW (i) minimum (N4 = JFT-Basic A2), unless exempt, or under the job category's minimum (N3 for taxi and bus drivers and railway transport staff), never waived |
 * | employer-language     | the worker's best level is under the employer's own requirement              |
 * | care-japanese-test    | nursing care, and the worker has not passed the Nursing Care Japanese Language Evaluation Test, unless care TITP No. 2, care school or EPA |
 * | required-skill        | the worker lacks a skill the employer or the job category requires, at its level and years |
 * | home-visit-care       | the employer's jobs include home-visit care, and the worker has under 12 months of care work or not the initial care training |
 * | availability          | the worker becomes available after the employer's last slots start (plus `placement.startToleranceDays`): ./availability.ts |
 * | (worker rules)        | age, ssw-period, departure-readiness: ./worker.ts                              |
 * | (employer rules)      | field-not-open, employment-form, employer-prerequisite, wage-during-placement, equal-pay: ./employer.ts |
 *
 * Exemption from the general Japanese test: completing TITP No. 2 in any field
 * waives the field's N4 minimum (docs/SOURCES.md: same-field completers skip
 * the language test; completers from other fields moving into care skip the
 * general Japanese test; jobmatch reads both as "TITP No. 2 waives the general
 * test", which is also how the Immigration Services Agency states it). It does
 * not waive an employer's or a job category's own requirement. Care school and
 * EPA waive the general test for nursing care only.
 */
import { findField, findJobCategory, type SswField } from "../domain/fields.js";
import { bestLevel, levelName, requirementLevel, type LanguageLevel } from "../domain/language.js";
import type { Employer, Reference, SkillRequirement, Worker } from "../input/instance.js";
import { RULES, type Exclusion, type RuleId } from "./ruleIds.js";
import { availabilityExclusion, latestAvailable } from "./availability.js";
import { workerBarriers } from "./worker.js";
import { kindsByParts } from "./kinds.js";
import { isDeepFrozen } from "../input/freeze.js";

export { RULES };
export type { Exclusion, RuleId };

const NURSING_CARE = "nursing-care";

const qualifies =
  (field: string) =>
  (c: Worker["certifications"][number]): boolean =>
    c.field === field && (c.via === "skills-test" || c.via === "titp-2" || (field === NURSING_CARE && (c.via === "care-school" || c.via === "epa")));


/**
 * Where the employer hires for one of its field's several job categories:
 * why the worker's certification does not cover it, or null when it does
 * (or when the field has one category, or the employer names none).
 */
const categoryMismatch = (
  worker: Worker,
  employer: Employer,
  field: SswField | undefined,
  certified: (c: Worker["certifications"][number]) => boolean = qualifies(employer.field),
  details = true,
): string | null => {
  if (field === undefined || field.jobCategories.length === 0 || employer.jobCategory === null) return null;
  let held = false;
  for (let i = 0; i < worker.certifications.length; i++) {
    const c = worker.certifications[i] as Worker["certifications"][number];
    if (!certified(c)) continue;
    if (c.jobCategory === employer.jobCategory) return null;
    held = true;
  }
  if (!held) return null;
  // A mismatch; its sentence only when asked for ("" otherwise).
  if (!details) return "";
  const named = worker.certifications.filter(certified).flatMap((c) => (c.jobCategory === null ? [] : [c.jobCategory]));
  return named.length === 0
    ? `certification in ${employer.field} names no job category; the job is ${employer.jobCategory} (state the category of the skills test or TITP)`
    : `certified in ${named.join(", ")}; the job is ${employer.jobCategory}`;
};

/** Home-visit care: 12 months of care work and the initial care training (true where the field has no such rule). */
export const qualifiesForHomeVisit = (worker: Worker, field: SswField | undefined): boolean => {
  const rule = field?.homeVisit ?? null;
  return rule === null || (worker.careExperienceMonths >= rule.minCareExperienceMonths && worker.careInitialTraining);
};

/**
 * What the home-visit rule reads of a worker, for class keys: true when
 * qualified, else the months and the training its reason names (so workers
 * with one key get the same reason, word for word).
 */
export const homeVisitStanding = (worker: Worker, reference: Reference): true | readonly [number, boolean] => homeVisitStandingIn(worker, findField(reference.catalogue, NURSING_CARE));

/** `homeVisitStanding` for many workers of one reference: the care field looked up once. */
export const homeVisitStandingFor = (reference: Reference): ((worker: Worker) => true | readonly [number, boolean]) => {
  const care = findField(reference.catalogue, NURSING_CARE);
  return (worker) => homeVisitStandingIn(worker, care);
};

const homeVisitStandingIn = (worker: Worker, care: SswField | undefined): true | readonly [number, boolean] =>
  qualifiesForHomeVisit(worker, care) ? true : standing(worker.careExperienceMonths, worker.careInitialTraining);

/** One frozen pair per months and training, shared by every worker who has them (class keys group workers by identity first: ../model/grouping.ts). */
const standings = [new Map<number, readonly [number, boolean]>(), new Map<number, readonly [number, boolean]>()] as const;
const standing = (months: number, training: boolean): readonly [number, boolean] => {
  const byMonths = standings[training ? 1 : 0];
  let pair = byMonths.get(months);
  if (pair === undefined) byMonths.set(months, (pair = Object.freeze([months, training] as const)));
  return pair;
};

const waivesGeneralTest = (worker: Worker, field: string): boolean => {
  for (let i = 0; i < worker.certifications.length; i++) {
    const c = worker.certifications[i] as Worker["certifications"][number];
    if (c.via === "titp-2" || (field === NURSING_CARE && c.field === NURSING_CARE && (c.via === "care-school" || c.via === "epa"))) return true;
  }
  return false;
};

const waivesCareTest = (worker: Worker): boolean =>
  worker.certifications.some((c) => c.field === NURSING_CARE && (c.via === "titp-2" || c.via === "care-school" || c.via === "epa"));

/** Whether the worker holds a skill at the required level and years. */
export const holdsSkill = (worker: Worker, required: SkillRequirement): boolean => {
  for (let i = 0; i < worker.skills.length; i++) {
    const s = worker.skills[i] as Worker["skills"][number];
    if (s.name === required.name && (required.level === null || s.level >= required.level) && (required.years === null || s.years >= required.years)) return true;
  }
  return false;
};

/** The employer's side of the statutory level: its field and job category, and their minimum levels. */
interface StatutoryMinimums {
  readonly field: SswField | undefined;
  readonly category: ReturnType<typeof findJobCategory>;
  readonly fieldLevel: number;
  readonly categoryLevel: number;
}

const statutoryMinimums = (employer: Employer, reference: Reference): StatutoryMinimums => {
  const field = findField(reference.catalogue, employer.field);
  const category = field === undefined ? undefined : findJobCategory(field, employer.jobCategory ?? undefined);
  return {
    field,
    category,
    fieldLevel: field === undefined ? 0 : requirementLevel(field.minLanguage),
    categoryLevel: category?.minLanguage === undefined ? 0 : requirementLevel(category.minLanguage),
  };
};

/** The statutory level for this worker: the field's minimum unless a waiver she has lifts it, and the job category's, never waived. */
const statutoryFor = (worker: Worker, employer: Employer, m: StatutoryMinimums): LanguageLevel =>
  Math.max(m.field === undefined || waivesGeneralTest(worker, employer.field) ? 0 : m.fieldLevel, m.categoryLevel) as LanguageLevel;

const statutoryLevel = (worker: Worker, employer: Employer, reference: Reference): LanguageLevel => statutoryFor(worker, employer, statutoryMinimums(employer, reference));

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
  return Math.max(
    field === undefined ? 0 : requirementLevel(field.minLanguage),
    category?.minLanguage === undefined ? 0 : requirementLevel(category.minLanguage),
    employer.minLanguage === null ? 0 : requirementLevel(employer.minLanguage),
  ) as LanguageLevel;
};

const describeSkill = (s: SkillRequirement): string =>
  [s.name, s.level === null ? "" : `level ${s.level}`, s.years === null ? "" : `${s.years} years`].filter((x) => x !== "").join(" ");

/** Every rule that excludes the pair, in RULES order; empty when the worker is eligible. */
export const exclusions = (worker: Worker, employer: Employer, reference: Reference): readonly Exclusion[] =>
  pairExclusions(worker, employer, reference).concat(workerBarriers(worker, reference.placement), reference.employerBarriers.get(employer.id) ?? []);

/**
 * The rules of `exclusions` that read both sides (not the worker rules of
 * ./worker.ts nor the employer rules of ./employer.ts), in RULES order. They
 * read only what `workerPairKey` and `employerPairKey` hold.
 */
export const pairExclusions = (worker: Worker, employer: Employer, reference: Reference): Exclusion[] => pairRulesAt(employer, reference)(worker, true);

/** The exclusions without a sentence, one shared frozen object per rule (counting allocates none per pair). */
const UNDETAILED: Readonly<Record<RuleId, Exclusion>> = Object.freeze(
  Object.fromEntries(RULES.map((rule) => [rule, Object.freeze({ rule, detail: "" })])) as Record<RuleId, Exclusion>,
);

/**
 * `pairExclusions` for one employer and many workers: what the rules read of
 * the employer and the reference is worked out once. With `details` false the
 * exclusions carry an empty detail (counting rules over many workers needs
 * the rules and one example each, not a sentence per worker). Given `into`,
 * the exclusions are written there (emptied first) and it is returned: a
 * caller that reads each answer before asking the next reuses one array.
 */
export const pairRulesAt = (employer: Employer, reference: Reference): ((worker: Worker, details: boolean, into?: Exclusion[]) => Exclusion[]) => {
  const minimums = statutoryMinimums(employer, reference);
  const { field, category } = minimums;
  const ownLevel = employer.minLanguage === null ? null : requirementLevel(employer.minLanguage);
  const requiredSkills: readonly SkillRequirement[] = [
    ...employer.requiredSkills,
    ...(category?.requiredSkills ?? []).map((name) => ({ name, level: null, years: null })),
  ];
  const certified = qualifies(employer.field);
  // The checks below are loops, not callbacks: this runs for hundreds of thousands of pairs per model or result.
  const lacksSkill = (worker: Worker): boolean => {
    for (let i = 0; i < requiredSkills.length; i++) if (!holdsSkill(worker, requiredSkills[i] as SkillRequirement)) return true;
    return false;
  };
  return (worker, details, into) => {
    // Written by index and cut to length at the end: a reused array keeps its room from answer to answer.
    const out: Exclusion[] = into ?? [];
    let n = 0;
    const level = bestLevel(worker.language);
    if (!worker.certifications.some(certified)) {
      out[n++] = details ? { rule: "field-certification", detail: `not certified in ${employer.field}` } : UNDETAILED["field-certification"];
    }
    const mismatch = categoryMismatch(worker, employer, field, certified, details);
    if (mismatch !== null) out[n++] = details ? { rule: "job-category", detail: mismatch } : UNDETAILED["job-category"];
    const statutory = statutoryFor(worker, employer, minimums);
    if (level < statutory) {
      out[n++] = details
        ? { rule: "statutory-language", detail: `needs ${levelName(statutory)} for ${employer.jobCategory ?? employer.field}, has ${levelName(level)}` }
        : UNDETAILED["statutory-language"];
    }
    if (ownLevel !== null && level < ownLevel) {
      out[n++] = details ? { rule: "employer-language", detail: `employer asks ${employer.minLanguage}, has ${levelName(level)}` } : UNDETAILED["employer-language"];
    }
    if (field?.requiresCareJapaneseTest === true && !worker.careJapaneseTest && !waivesCareTest(worker)) {
      out[n++] = details ? { rule: "care-japanese-test", detail: "has not passed the Nursing Care Japanese Language Evaluation Test" } : UNDETAILED["care-japanese-test"];
    }
    if (lacksSkill(worker)) {
      out[n++] = details ? { rule: "required-skill", detail: `lacks ${requiredSkills.filter((r) => !holdsSkill(worker, r)).map(describeSkill).join(", ")}` } : UNDETAILED["required-skill"];
    }
    if (employer.homeVisitCare && !qualifiesForHomeVisit(worker, field)) {
      const months = field?.homeVisit?.minCareExperienceMonths ?? 12;
      out[n++] = details
        ? {
            rule: "home-visit-care",
            detail: `home-visit care needs ${months} months of care work and the initial care training; has ${worker.careExperienceMonths} months${worker.careInitialTraining ? " and the training" : " and no initial training"}`,
          }
        : UNDETAILED["home-visit-care"];
    }
    const late = availabilityExclusion(worker, employer, reference.placement);
    if (late !== null) out[n++] = late;
    if (out.length !== n) out.length = n;
    return out;
  };
};

/**
 * What `exclusions` reads of a worker, as a string: two workers with one key
 * are excluded by the same rules, for the same reasons, at every employer.
 * Coarser than the model's class key (no preferences), so counting rules
 * over the cohort can merge more workers. Keep in step with `exclusions`.
 */
export const workerRuleKey = (w: Worker, reference: Reference): string => JSON.stringify([...workerPairParts(w, reference), workerBarriers(w, reference.placement)]);

/** What `exclusions` reads of an employer (not its prefecture, wage or preferred skills); see `workerRuleKey`. */
export const employerRuleKey = (e: Employer, reference: Reference): string => JSON.stringify([...employerPairParts(e), reference.employerBarriers.get(e.id) ?? []]);

/**
 * Pair keys remembered for workers that cannot change (deeply frozen, as the rows of a saved plan's
 * instance are: ../input/reuse.ts), with the one thing besides the worker the key reads: the field
 * catalogue (home-visit standing). Counting the rules behind a re-plan's unplaced workers and empty
 * slots then builds keys only for rows its events changed.
 */
const pairKeys = new WeakMap<Worker, { readonly catalogue: Reference["catalogue"]; readonly key: string }>();

/** What `pairExclusions` reads of a worker: `workerRuleKey` without the worker rules. */
export const workerPairKey = (w: Worker, reference: Reference): string => {
  const known = pairKeys.get(w);
  if (known !== undefined && known.catalogue === reference.catalogue) return known.key;
  const key = JSON.stringify(workerPairParts(w, reference));
  if (isDeepFrozen(w)) pairKeys.set(w, { catalogue: reference.catalogue, key });
  return key;
};


/** What `pairExclusions` reads of an employer: `employerRuleKey` without the employer rules. */
export const employerPairKey = (e: Employer): string => JSON.stringify(employerPairParts(e));

/** The worker's side of the pair rules, for the keys above. Keep in step with `pairExclusions`. */
const workerPairParts = (w: Worker, reference: Reference): unknown[] => [...workerUndatedParts(w, reference), w.availableFrom];

/** The employer's side of the pair rules (its last slot group's start for availability), for the keys above. */
const employerPairParts = (e: Employer): unknown[] => [...employerUndatedParts(e), lastStart(e)];

/** What the pair rules other than availability read of a worker (availability reads only `availableFrom`). */
const workerUndatedParts = (w: Worker, reference: Reference, standing = (x: Worker) => homeVisitStanding(x, reference)): unknown[] => [
  w.language,
  w.careJapaneseTest,
  w.certifications,
  w.skills,
  standing(w),
];

/** What the pair rules other than availability read of an employer (availability reads only `lastStart`). */
const employerUndatedParts = (e: Employer): unknown[] => [e.field, e.jobCategory, e.minLanguage, e.requiredSkills, e.homeVisitCare];

/** The start of the employer's last slot group, or null when it has none: all the availability rule reads of it. */
const lastStart = (e: Employer): string | null => e.slotGroups[e.slotGroups.length - 1]?.start ?? null;

/** Whether no rule excludes the pair; the employer's own barriers are checked first, as they need no worker. */
export const isEligible = (worker: Worker, employer: Employer, reference: Reference): boolean =>
  (reference.employerBarriers.get(employer.id) ?? []).length === 0 && exclusions(worker, employer, reference).length === 0;

/**
 * `isEligible` for checking many pairs of few kinds (model building).
 * `eligible(w, e)` answers for `workers[w]` and `employers[e]` (class
 * representatives); it is `eligibilityKinds` put together: the pair's kinds
 * eligible and the worker available in time.
 */
export const eligibilityTable = (
  reference: Reference,
  workers: readonly Worker[],
  employers: readonly Employer[],
  tableBytes = 1 << 26,
): { readonly eligible: (w: number, e: number) => boolean } => {
  const { workerKind, employerKind, kindsEligible, workerDay, employerDay } = eligibilityKinds(reference, workers, employers, tableBytes);
  return {
    eligible: (wi, ei) => kindsEligible(workerKind[wi] as number, employerKind[ei] as number) && (workerDay[wi] as number) <= (employerDay[ei] as number),
  };
};

/**
 * `isEligible` of `workers[w]` and `employers[e]`, in two parts, for loops over millions of pairs
 * (model building reads the arrays itself; `eligibilityTable` puts them together):
 * - every rule but availability, once per pair of kinds: `kindsEligible(workerKind[w], employerKind[e])`.
 *   Workers and employers are numbered by what those rules read (the rule keys without the dates:
 *   `workerRuleKey` and `employerRuleKey` less `availableFrom` and the last slot start), which makes far
 *   fewer kinds than the dates do; answers are kept in one byte per pair of kinds while that takes at
 *   most `tableBytes` (64 MiB by default), else in a map;
 * - availability (./availability.ts): `workerDay[w] <= employerDay[e]`. The dates as ranks: the
 *   workers' `availableFrom` and the latest date each employer accepts (its last slot start plus the
 *   tolerance) numbered in the order `<` puts strings in, equal dates alike, so comparing two ranks
 *   answers as comparing the two strings does; an employer without slots (nobody is late) ranks above
 *   every worker.
 */
export interface EligibilityKinds {
  readonly workerKind: Int32Array;
  readonly employerKind: Int32Array;
  readonly kindsEligible: (wk: number, ek: number) => boolean;
  readonly workerDay: Int32Array;
  readonly employerDay: Int32Array;
}

export const eligibilityKinds = (reference: Reference, workers: readonly Worker[], employers: readonly Employer[], tableBytes = 1 << 26): EligibilityKinds => {
  const { placement } = reference;
  // Kinds by the rule keys' parts, numbered part by part (./kinds.ts), not by their JSON text.
  const standing = homeVisitStandingFor(reference);
  const w = kindsByParts(workers, (x) => [...workerUndatedParts(x, reference, standing), workerBarriers(x, placement)]);
  const e = kindsByParts(employers, (x) => [...employerUndatedParts(x), reference.employerBarriers.get(x.id) ?? []]);
  const across = e.first.length;
  // `exclusions` without sentences: a side's own rules once per kind, the pair rules with the employer's
  // side worked out once per employer kind.
  const barredWorker = w.first.map((x) => workerBarriers(x, placement).length > 0);
  const barredEmployer = e.first.map((x) => (reference.employerBarriers.get(x.id) ?? []).length > 0);
  const rulesAt: (((worker: Worker, details: boolean, into?: Exclusion[]) => Exclusion[]) | undefined)[] = new Array(e.first.length);
  const scratch: Exclusion[] = [];
  const answer = (wk: number, ek: number): boolean => {
    if (barredWorker[wk] === true || barredEmployer[ek] === true) return false;
    const at = (rulesAt[ek] ??= pairRulesAt(e.first[ek] as Employer, reference));
    const found = at(w.first[wk] as Worker, false, scratch);
    for (let i = 0; i < found.length; i++) if ((found[i] as Exclusion).rule !== "availability") return false;
    return true;
  };
  // The latest date a worker may become available for each employer (null: it has no slots, so nobody is late).
  const latest = employers.map((x) => {
    const start = lastStart(x);
    return start === null ? null : latestAvailable(start, placement);
  });
  const dates = [...new Set([...workers.map((x) => x.availableFrom), ...latest.filter((d): d is string => d !== null)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(dates.map((d, i) => [d, i]));
  const workerDay = Int32Array.from(workers, (x) => rank.get(x.availableFrom) as number);
  const employerDay = Int32Array.from(latest, (d) => (d === null ? dates.length : (rank.get(d) as number)));
  const kinds = { workerKind: w.of, employerKind: e.of, workerDay, employerDay };
  if (w.first.length * across <= tableBytes) {
    // 0: not yet asked, 1: eligible, 2: not.
    const table = new Uint8Array(w.first.length * across);
    return {
      ...kinds,
      kindsEligible: (wk, ek) => {
        const at = wk * across + ek;
        let known = table[at] as number;
        if (known === 0) table[at] = known = answer(wk, ek) ? 1 : 2;
        return known === 1;
      },
    };
  }
  const answers = new Map<number, boolean>();
  return {
    ...kinds,
    kindsEligible: (wk, ek) => {
      // Kinds number at most the items given, far fewer than 2^26 each, so the pair's number is exact.
      const at = wk * 67_108_864 + ek;
      let known = answers.get(at);
      if (known === undefined) answers.set(at, (known = answer(wk, ek)));
      return known;
    },
  };
};
