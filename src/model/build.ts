/**
 * Model building: a decoded instance in, the integer program (./types.ts) out,
 * with the membership tables that map classes back to workers and employers.
 * Never touches a solver.
 *
 * Aggregation (shared/solver-notes.md: aggregate before you solve):
 * - a *worker class* holds the workers whose eligibility and score agree for
 *   every employer: same language evidence, care test, certifications,
 *   skills, and ranked preferences. Training centre and home province do not
 *   enter the rules, so they do not split classes;
 * - an *employer class* holds the employers that agree for every worker:
 *   same prefecture, field, job category, language requirement, required and
 *   preferred skills, and wage points (wage above the minimum in 50-yen
 *   steps). Its capacity is the sum of their slots.
 * Classes are ordered by key and members by id, so the model is the same
 * whatever the order of the input rows.
 */
import { findField } from "../domain/fields.js";
import type { Employer, Instance, Worker } from "../input/instance.js";
import { compareStrings } from "../input/instance.js";
import { isEligible } from "../rules/eligibility.js";
import { maxScore, score, wagePoints } from "../rules/scoring.js";
import { placementWeightFor } from "./objective.js";
import type { AssignmentModel, ModelArc } from "./types.js";

export interface BuiltModel {
  readonly model: AssignmentModel;
  /** For each worker class, indices into instance.workers, in id order. */
  readonly workerMembers: readonly (readonly number[])[];
  /** For each employer class, indices into instance.employers, in id order. */
  readonly employerMembers: readonly (readonly number[])[];
}

/** The attributes that decide a worker's eligibility and score, as a canonical string. */
export const workerClassKey = (w: Worker): string =>
  JSON.stringify([w.language, w.careJapaneseTest, w.certifications, w.skills, w.fieldPreferences, w.prefecturePreferences]);

/** The attributes that decide an employer's eligibility and score, as a canonical string. */
export const employerClassKey = (e: Employer, wagePoints: number): string =>
  JSON.stringify([e.prefecture, e.field, e.jobCategory, e.minLanguage, e.requiredSkills, e.preferredSkills, wagePoints]);

/** Groups item indices by key; groups sorted by key, members in index order. */
const groupBy = <T>(items: readonly T[], keyOf: (item: T) => string): { key: string; members: number[] }[] => {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [i]);
    else members.push(i);
  });
  return [...groups.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([key, members]) => ({ key, members }));
};

/** The fields a worker could possibly work in: those certified in (eligibility requires it). */
const certifiedFields = (w: Worker): ReadonlySet<string> => new Set(w.certifications.map((c) => c.field));

export const buildModel = (instance: Instance): BuiltModel => {
  const { workers, employers, reference, weights } = instance;
  const workerGroups = groupBy(workers, workerClassKey);
  const employerGroups = groupBy(employers, (e) => employerClassKey(e, wagePoints(e, reference)));

  const workerClasses = workerGroups.map((g) => ({ key: g.key, supply: g.members.length }));
  const employerClasses = employerGroups.map((g) => ({
    key: g.key,
    capacity: g.members.reduce((s, i) => s + (employers[i] as Employer).slots, 0),
  }));

  // Index employer classes by field, so a worker class is tested only against
  // the fields it is certified in.
  const classesByField = new Map<string, number[]>();
  employerGroups.forEach((g, j) => {
    const rep = employers[g.members[0] as number] as Employer;
    if ((employerClasses[j]?.capacity ?? 0) === 0 || findField(reference.catalogue, rep.field) === undefined) return;
    const list = classesByField.get(rep.field);
    if (list === undefined) classesByField.set(rep.field, [j]);
    else list.push(j);
  });

  const arcs: ModelArc[] = [];
  workerGroups.forEach((g, c) => {
    const worker = workers[g.members[0] as number] as Worker;
    const candidates = [...certifiedFields(worker)].flatMap((f) => classesByField.get(f) ?? []).sort((a, b) => a - b);
    for (const j of candidates) {
      const employer = employers[employerGroups[j]?.members[0] as number] as Employer;
      if (!isEligible(worker, employer, reference)) continue;
      const supply = workerClasses[c]?.supply ?? 0;
      const capacity = employerClasses[j]?.capacity ?? 0;
      arcs.push({ from: c, to: j, score: score(worker, employer, reference, weights).total, upper: Math.min(supply, capacity) });
    }
  });

  const totalSupply = workers.length;
  const totalCapacity = employerClasses.reduce((s, g) => s + g.capacity, 0);
  const best = maxScore(weights);
  return {
    model: {
      workerClasses,
      employerClasses,
      arcs,
      placementWeight: placementWeightFor(best, Math.min(totalSupply, totalCapacity)),
      maxScore: best,
      sideConstraints: [],
    },
    workerMembers: workerGroups.map((g) => g.members),
    employerMembers: employerGroups.map((g) => g.members),
  };
};
