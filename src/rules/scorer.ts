/**
 * The score (./scoring.ts) compiled for many pairs: model building scores
 * millions of (worker class, employer class) pairs, and `score` looks up the
 * field, searches the preference lists and builds a breakdown object for
 * each. Here each employer is read once (its field and sector, prefecture,
 * the slot's language level, wage points and preferred skills, as small
 * integers), and each worker once against those kinds (points per field
 * kind, per prefecture, its best level), so a pair costs a few array reads.
 *
 * `score` stays the specification: for every worker and employer,
 * `compileScorer(employers, reference, weights).forWorker(worker)(j)` equals
 * `score(worker, employers[j], reference, weights).total`
 * (test/rules/scorer.test.ts checks it on random and generated instances).
 */
import { findField } from "../domain/fields.js";
import { bestLevel } from "../domain/language.js";
import type { Employer, Reference, SkillRequirement, Weights, Worker } from "../input/instance.js";
import { holdsSkill, slotLevel } from "./eligibility.js";
import { kindsOf } from "./kinds.js";
import { MAX_POINTS, rankPoints, wagePoints } from "./scoring.js";

export interface Scorer {
  /** The worker's score at each employer the scorer was compiled for, by the employer's position. */
  readonly forWorker: (worker: Worker) => (employer: number) => number;
}

/** The scorer for `employers` under `reference` and `weights`. */
export const compileScorer = (employers: readonly Employer[], reference: Reference, weights: Weights): Scorer => {
  const n = employers.length;
  // Field preference reads the employer's field and its sector; a kind per distinct pair.
  const fieldOf = (e: Employer): readonly [string, string | null] => [e.field, findField(reference.catalogue, e.field)?.sector ?? null];
  const fieldKinds = kindsOf(employers, (e) => JSON.stringify(fieldOf(e)));
  const fieldPairs = fieldKinds.first.map(fieldOf);
  const prefectureKinds = kindsOf(employers, (e) => e.prefecture);
  const preferredKinds = kindsOf(employers, (e) => JSON.stringify(e.preferredSkills));
  const preferredLists: readonly (readonly SkillRequirement[])[] = preferredKinds.first.map((e) => e.preferredSkills);
  const slot = new Int32Array(n);
  const wage = new Int32Array(n);
  employers.forEach((e, j) => {
    slot[j] = slotLevel(e, reference);
    wage[j] = wagePoints(e, reference);
  });
  const { fieldPreference: wField, prefecturePreference: wPrefecture, preferredSkills: wSkills, languageAboveRequirement: wLanguage, wageAboveMinimum: wWage } = weights;
  const fieldOfEmployer = fieldKinds.of;
  const prefectureOfEmployer = prefectureKinds.of;
  const preferredOfEmployer = preferredKinds.of;

  return {
    forWorker: (worker) => {
      // Points per field kind: the rank of the first preference naming the field or its sector.
      const fieldPoints = new Int32Array(fieldPairs.length);
      fieldPairs.forEach(([field, sector], k) => {
        const i = worker.fieldPreferences.findIndex((p) => p === field || p === sector);
        fieldPoints[k] = rankPoints(i < 0 ? null : i + 1);
      });
      // Points per prefecture: the first mention is the best rank.
      const prefecturePoints = new Int32Array(prefectureKinds.first.length);
      const seen = new Set<string>();
      worker.prefecturePreferences.forEach((p, i) => {
        const k = prefectureKinds.index.get(p);
        if (k === undefined || seen.has(p)) return;
        seen.add(p);
        prefecturePoints[k] = rankPoints(i + 1);
      });
      // Preferred skills held, per kind of preferred list, counted when first needed (-1: not yet).
      const skillPoints = new Int32Array(preferredLists.length).fill(-1);
      const level = bestLevel(worker.language);
      return (j) => {
        const p = preferredOfEmployer[j] as number;
        let skills = skillPoints[p] as number;
        if (skills < 0) {
          skills = Math.min(MAX_POINTS.preferredSkills, (preferredLists[p] as readonly SkillRequirement[]).filter((s) => holdsSkill(worker, s)).length);
          skillPoints[p] = skills;
        }
        const language = Math.min(MAX_POINTS.languageAboveRequirement, Math.max(0, level - (slot[j] as number)));
        // The weighted sum in CRITERIA order, as `score` adds it.
        return (
          0 +
          wField * (fieldPoints[fieldOfEmployer[j] as number] as number) +
          wPrefecture * (prefecturePoints[prefectureOfEmployer[j] as number] as number) +
          wSkills * skills +
          wLanguage * language +
          wWage * (wage[j] as number)
        );
      };
    },
  };
};
