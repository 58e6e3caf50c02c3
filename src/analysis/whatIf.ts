/**
 * What if: the smallest single change to an unplaced worker that would get
 * them placed without displacing anyone, i.e. make them eligible at an
 * employer the result left with a free slot ("placed at E017 with JLPT N4").
 *
 * Changes considered, cheapest first (CHANGE_COSTS; ranks, not effort
 * estimates, in the order programme staff usually reach for them):
 *
 * | cost | change                                                      |
 * |------|-------------------------------------------------------------|
 * | 1    | Japanese one level up (a JLPT result one level above their best) |
 * | 2    | Japanese two levels up                                       |
 * | 3    | the Nursing Care Japanese Language Evaluation Test          |
 * | 4    | one skill an employer requires, at its level and years      |
 * | 5    | a certification in an employer's field (its skills test)    |
 *
 * Each candidate is verified by running the real eligibility rules
 * (`exclusions`) on the changed worker; nothing here restates a rule. Ties:
 * cheapest change, then the employer where the changed worker scores best,
 * then employer id, then the order of the table.
 *
 * Why such a worker is then placed: the result places k workers and leaves a
 * slot free where the changed worker is eligible, so k + 1 placements become
 * possible; every placement without this worker was possible before, so any
 * optimum of the changed instance places them (perhaps at another employer
 * than the one named). This holds when eligibility and slots are the only
 * constraints. Under a policy, placing them there is also checked against
 * the policy (./ledger.ts): changes whose placement breaks no hard
 * constraint and is worth its soft penalties come first; when every one
 * breaks a hard constraint (a group that cannot follow, a cap reached), the
 * cheapest is given with the constraints it breaks, and its text says so.
 *
 * @example
 * smallestChange(instance, result, "W0042")
 * // right({ change: { kind: "language", to: "N4" }, cost: 1, employerId: "E017", score: 22, text: "placed at E017 with JLPT N4" })
 */
import * as E from "fp-ts/lib/Either.js";
import { findField, findJobCategory, type FieldId } from "../domain/fields.js";
import { bestLevel, LANGUAGE_EVIDENCE, LANGUAGE_REQUIREMENTS, type LanguageRequirement } from "../domain/language.js";
import { compareStrings, type Employer, type Instance, type Reference, type Skill, type SkillRequirement, type Worker } from "../input/instance.js";
import type { MatchResult } from "../result/types.js";
import { exclusions, holdsSkill, isEligible } from "../rules/eligibility.js";
import { analysisContext, freeSlots, scoreOf, type AnalysisContext } from "./context.js";
import type { Breach } from "./ledger.js";
import { andList, fieldName } from "./words.js";

/** One change to a worker. */
export type Change =
  /** A JLPT result at this level (one or two levels above their best). */
  | { readonly kind: "language"; readonly to: LanguageRequirement }
  /** Passing the Nursing Care Japanese Language Evaluation Test. */
  | { readonly kind: "care-japanese-test" }
  /** Holding this skill at this level and years (at least what they held). */
  | { readonly kind: "skill"; readonly name: string; readonly level: number; readonly years: number }
  /** Passing this field's skills test (in this job category, where the field has several and the employer names one). */
  | { readonly kind: "certification"; readonly field: FieldId; readonly via: "skills-test"; readonly jobCategory: string | null };

/** The cost rank of each kind of change; see the module comment. */
export const CHANGE_COSTS = {
  languageOneLevel: 1,
  languageTwoLevels: 2,
  careJapaneseTest: 3,
  skill: 4,
  certification: 5,
} as const;

export interface WhatIf {
  readonly change: Change;
  /** Its rank in CHANGE_COSTS. */
  readonly cost: number;
  /** An employer with a free slot in the result that would accept the changed worker. */
  readonly employerId: string;
  /** The changed worker's score there. */
  readonly score: number;
  /** The policy constraints placing them there would break; empty when none (or without a policy). */
  readonly breaches: readonly Breach[];
  /** "placed at E017 with JLPT N4"; "eligible at E017 with JLPT N4, but placing them there would break ...". */
  readonly text: string;
}

const upsertSkill = (skills: readonly Skill[], name: string, level: number, years: number): Skill[] =>
  [...skills.filter((s) => s.name !== name), { name, level, years }].sort((a, b) => compareStrings(a.name, b.name));

/** The worker with the change made, in the decoded instance's canonical form. */
export const applyChange = (worker: Worker, change: Change): Worker => {
  switch (change.kind) {
    case "language":
      return worker.language.includes(change.to)
        ? worker
        : { ...worker, language: [...worker.language, change.to].sort((a, b) => LANGUAGE_EVIDENCE.indexOf(a) - LANGUAGE_EVIDENCE.indexOf(b)) };
    case "care-japanese-test":
      return { ...worker, careJapaneseTest: true };
    case "skill":
      return { ...worker, skills: upsertSkill(worker.skills, change.name, change.level, change.years) };
    case "certification":
      return worker.certifications.some((c) => c.field === change.field && c.via === change.via && c.jobCategory === change.jobCategory)
        ? worker
        : {
            ...worker,
            certifications: [...worker.certifications, { field: change.field, via: change.via, jobCategory: change.jobCategory }].sort(
              (a, b) => compareStrings(a.field, b.field) || compareStrings(a.via, b.via) || compareStrings(a.jobCategory ?? "", b.jobCategory ?? ""),
            ),
          };
  }
};

/** The change in words: "JLPT N4", "the skills test in Construction". */
export const changeWords = (change: Change, reference: Reference): string => {
  switch (change.kind) {
    case "language":
      return `JLPT ${change.to}`;
    case "care-japanese-test":
      return "the Nursing Care Japanese Language Evaluation Test";
    case "skill":
      return `the skill ${change.name}${change.level > 1 ? ` level ${change.level}` : ""}${change.years > 0 ? `, ${change.years} years` : ""}`;
    case "certification":
      return `the skills test in ${fieldName(reference, change.field)}${change.jobCategory === null ? "" : ` (${change.jobCategory})`}`;
  }
};

const requiredSkillsOf = (e: Employer, reference: Reference): SkillRequirement[] => {
  const field = findField(reference.catalogue, e.field);
  const category = field === undefined ? undefined : findJobCategory(field, e.jobCategory ?? undefined);
  return [...e.requiredSkills, ...(category?.requiredSkills ?? []).map((name) => ({ name, level: null, years: null }))];
};

/** The skill as the worker would hold it after meeting the requirement. */
const meeting = (worker: Worker, r: SkillRequirement): Change => {
  const held = worker.skills.find((s) => s.name === r.name);
  return { kind: "skill", name: r.name, level: Math.max(held?.level ?? 1, r.level ?? 1), years: Math.max(held?.years ?? 0, r.years ?? 0) };
};

/** Every single change worth trying for this worker against these employers, cheapest first. */
export const candidateChanges = (worker: Worker, employers: readonly Employer[], reference: Reference): { readonly change: Change; readonly cost: number }[] => {
  const out: { change: Change; cost: number }[] = [];
  const best = bestLevel(worker.language);
  for (const [up, cost] of [[1, CHANGE_COSTS.languageOneLevel], [2, CHANGE_COSTS.languageTwoLevels]] as const) {
    const to = LANGUAGE_REQUIREMENTS[best + up - 1];
    if (to !== undefined) out.push({ change: { kind: "language", to }, cost });
  }
  if (!worker.careJapaneseTest) out.push({ change: { kind: "care-japanese-test" }, cost: CHANGE_COSTS.careJapaneseTest });
  const skills = new Map<string, Change>();
  const tests = new Map<string, { field: string; jobCategory: string | null }>();
  for (const e of employers) {
    for (const r of requiredSkillsOf(e, reference)) {
      if (holdsSkill(worker, r)) continue;
      const c = meeting(worker, r);
      skills.set(JSON.stringify(c), c);
    }
    // Where the field has several job categories, the test is the one of the employer's category.
    const categories = findField(reference.catalogue, e.field)?.jobCategories.length ?? 0;
    const jobCategory = categories > 0 ? e.jobCategory : null;
    if (!worker.certifications.some((c) => c.field === e.field && c.via === "skills-test" && (jobCategory === null || c.jobCategory === jobCategory))) {
      tests.set(`${e.field}\u0000${jobCategory ?? ""}`, { field: e.field, jobCategory });
    }
  }
  [...skills.entries()].sort(([a], [b]) => compareStrings(a, b)).forEach(([, change]) => out.push({ change, cost: CHANGE_COSTS.skill }));
  [...tests.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .forEach(([, t]) => out.push({ change: { kind: "certification", field: t.field, via: "skills-test", jobCategory: t.jobCategory }, cost: CHANGE_COSTS.certification }));
  return out;
};

/** The smallest change for a worker the context shows unplaced; null when no single change places them. */
export const smallestChangeFor = (ctx: AnalysisContext, worker: Worker): WhatIf | null => {
  const { reference } = ctx.instance;
  const open = ctx.instance.employers.filter((e) => freeSlots(ctx, e) > 0);
  const found: (WhatIf & { readonly order: number; readonly allowed: boolean })[] = [];
  const candidates = candidateChanges(worker, open, reference);
  for (const [order, { change, cost }] of candidates.entries()) {
    // Candidates come cheapest first: stop past the cost of the cheapest allowed change.
    if (found.some((f) => f.allowed && f.cost < cost)) break;
    const changed = applyChange(worker, change);
    for (const e of open) {
      if (exclusions(changed, e, reference).length > 0) continue;
      const score = scoreOf(ctx, changed, e);
      const effect = ctx.ledger?.effect([{ workerId: worker.id, to: e.id }]) ?? { breaches: [], penaltyChange: 0 };
      const hard = effect.breaches.filter((b) => b.hard);
      const allowed = hard.length === 0 && ctx.placementWeight + score - effect.penaltyChange > 0;
      const words = changeWords(change, reference);
      const text =
        hard.length === 0 ? `placed at ${e.id} with ${words}` : `eligible at ${e.id} with ${words}, but placing them there would break ${andList(hard.map((b) => b.text))}`;
      found.push({ change, cost, employerId: e.id, score, breaches: effect.breaches, text, order, allowed });
    }
  }
  found.sort((a, b) => Number(b.allowed) - Number(a.allowed) || a.cost - b.cost || b.score - a.score || compareStrings(a.employerId, b.employerId) || a.order - b.order);
  const best = found[0];
  return best === undefined ? null : { change: best.change, cost: best.cost, employerId: best.employerId, score: best.score, breaches: best.breaches, text: best.text };
};

/** The smallest change that would place an unplaced worker; see the module comment. */
export const smallestChange = (instance: Instance, result: MatchResult, workerId: string): E.Either<string, WhatIf | null> => {
  const ctx = analysisContext(instance, result);
  if (E.isLeft(ctx)) return ctx;
  const worker = ctx.right.workerById.get(workerId);
  if (worker === undefined) return E.left(`no worker ${JSON.stringify(workerId)} in the instance`);
  const placed = ctx.right.placementOf.get(workerId);
  if (placed !== undefined) return E.left(`${workerId} is already placed (at ${placed.employerId}); a smallest change is for unplaced workers`);
  if (!result.hasSolution) return E.left(`the solve returned no placement (status ${result.status}), so there are no free slots to measure against`);
  const open = instance.employers.find((e) => freeSlots(ctx.right, e) > 0 && isEligible(worker, e, instance.reference));
  if (open !== undefined) {
    const hard = (ctx.right.ledger?.effect([{ workerId, to: open.id }]).breaches ?? []).filter((b) => b.hard);
    const why = hard.length > 0 ? `placing them there would break ${andList(hard.map((b) => b.text))}` : (ctx.right.caveat ?? "the result is not optimal");
    return E.left(`${workerId} needs no change: already eligible at ${open.id}, which has a free slot (${why})`);
  }
  return E.right(smallestChangeFor(ctx.right, worker));
};
