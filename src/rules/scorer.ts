/**
 * The score (./scoring.ts) compiled for many pairs: model building scores
 * millions of (worker class, employer class) pairs, and `score` looks up the
 * field, searches the preference lists and builds a breakdown object for
 * each. Here each employer is read once (its field and sector, prefecture,
 * the slot's language level, wage points and preferred skills, as small
 * integers), and each worker once against those kinds (weighted points
 * per field kind, per prefecture, per level the slot requires; the wage's
 * weighted points are the employer's alone), so a pair adds five numbers it
 * reads from arrays.
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
import { kindsByParts, kindsOf } from "./kinds.js";
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
  const fieldKinds = kindsByParts(employers, fieldOf);
  const fieldPairs = fieldKinds.first.map(fieldOf);
  const prefectureKinds = kindsOf(employers, (e) => e.prefecture);
  const preferredKinds = kindsByParts(employers, (e) => [e.preferredSkills]);
  const preferredLists: readonly (readonly SkillRequirement[])[] = preferredKinds.first.map((e) => e.preferredSkills);
  // What reads the employer alone, once: the wage's weighted points, and the slot's language level.
  const { fieldPreference: wField, prefecturePreference: wPrefecture, preferredSkills: wSkills, languageAboveRequirement: wLanguage, wageAboveMinimum: wWage } = weights;
  const slot = new Int32Array(n);
  const wage = new Int32Array(n);
  let topSlot = 0;
  employers.forEach((e, j) => {
    slot[j] = slotLevel(e, reference);
    wage[j] = wWage * wagePoints(e, reference);
    topSlot = Math.max(topSlot, slot[j] as number);
  });
  const fieldOfEmployer = fieldKinds.of;
  const prefectureOfEmployer = prefectureKinds.of;
  const preferredOfEmployer = preferredKinds.of;

  return {
    forWorker: (worker) => {
      // Each criterion's weighted points per kind of the employer's side, so a pair adds five numbers it reads.
      // Field preference per field kind: the rank of the first preference naming the field or its sector.
      const fieldPoints = new Int32Array(fieldPairs.length);
      // Loops, not callbacks: a closure per field kind and worker class was 4.5 MB at national scale.
      const preferences = worker.fieldPreferences;
      for (let k = 0; k < fieldPairs.length; k++) {
        const [field, sector] = fieldPairs[k] as readonly [string, string | null];
        let i = 0;
        while (i < preferences.length && preferences[i] !== field && preferences[i] !== sector) i++;
        fieldPoints[k] = wField * rankPoints(i < preferences.length ? i + 1 : null);
      }
      // Per prefecture: the first mention is the best rank.
      const prefecturePoints = new Int32Array(prefectureKinds.first.length);
      const seen = new Set<string>();
      worker.prefecturePreferences.forEach((p, i) => {
        const k = prefectureKinds.index.get(p);
        if (k === undefined || seen.has(p)) return;
        seen.add(p);
        prefecturePoints[k] = wPrefecture * rankPoints(i + 1);
      });
      // Per language level the slot requires: the worker's levels above it.
      const level = bestLevel(worker.language);
      const languagePoints = new Int32Array(topSlot + 1);
      for (let s = 0; s <= topSlot; s++) languagePoints[s] = wLanguage * Math.min(MAX_POINTS.languageAboveRequirement, Math.max(0, level - s));
      // Preferred skills held, per kind of preferred list, counted when first needed.
      const skillPoints = new Int32Array(preferredLists.length);
      const skillsKnown = new Uint8Array(preferredLists.length);
      return (j) => {
        const p = preferredOfEmployer[j] as number;
        if (skillsKnown[p] === 0) {
          skillsKnown[p] = 1;
          skillPoints[p] = wSkills * Math.min(MAX_POINTS.preferredSkills, (preferredLists[p] as readonly SkillRequirement[]).filter((s) => holdsSkill(worker, s)).length);
        }
        // The weighted sum of `score` (integers, so the order of adding does not matter).
        return (
          (fieldPoints[fieldOfEmployer[j] as number] as number) +
          (prefecturePoints[prefectureOfEmployer[j] as number] as number) +
          (skillPoints[p] as number) +
          (languagePoints[slot[j] as number] as number) +
          (wage[j] as number)
        );
      };
    },
  };
};
