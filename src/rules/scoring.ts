/**
 * Scoring: how good a placement is, soft and weighted. Eligibility decides
 * whether a placement may happen at all (./eligibility.ts); the score only
 * ranks the allowed ones.
 *
 * Every criterion gives a small integer number of points; the score is the
 * weighted sum, an integer, so the exact flow engine can use it as is.
 *
 * | criterion                  | points                                                        | default weight |
 * |----------------------------|---------------------------------------------------------------|----------------|
 * | fieldPreference            | the worker's rank r (1 = first) of the employer's field or its sector: max(0, 6 - r); 0 if unlisted | 4 |
 * | prefecturePreference       | the same for the employer's prefecture                        | 2              |
 * | preferredSkills            | the employer's preferred skills the worker holds (at level), at most 5 | 2     |
 * | languageAboveRequirement   | levels above what the slot requires (field, job category, employer; a waiver for the worker does not lower it), at most 4 | 1 |
 * | wageAboveMinimum           | whole 50-yen steps of wage above the binding minimum, at most 5 | 1            |
 *
 * With the default weights a placement scores 0..49. Weights are integers
 * 0..100, so a score never passes 1,900.
 *
 * `score` is the specification; model building scores millions of pairs
 * through ./scorer.ts, compiled from it and checked against it.
 */
import { findField } from "../domain/fields.js";
import { bestLevel } from "../domain/language.js";
import type { Employer, Reference, SkillRequirement, Weights, Worker } from "../input/instance.js";
import { holdsSkill, slotLevel } from "./eligibility.js";

/** The weight of each criterion (defined with the instance it belongs to). */
export type { Weights } from "../input/instance.js";

export type Criterion = keyof Weights;

export const CRITERIA: readonly Criterion[] = [
  "fieldPreference",
  "prefecturePreference",
  "preferredSkills",
  "languageAboveRequirement",
  "wageAboveMinimum",
];

export const DEFAULT_WEIGHTS: Weights = {
  fieldPreference: 4,
  prefecturePreference: 2,
  preferredSkills: 2,
  languageAboveRequirement: 1,
  wageAboveMinimum: 1,
};

/** The most points each criterion can give. */
export const MAX_POINTS: Readonly<Record<Criterion, number>> = {
  fieldPreference: 5,
  prefecturePreference: 5,
  preferredSkills: 5,
  languageAboveRequirement: 4,
  wageAboveMinimum: 5,
};

/** Yen per point of wage above the minimum. */
export const WAGE_STEP_YEN = 50;

/** Points for a 1-based preference rank; 0 when not listed. */
export const rankPoints = (rank: number | null): number => (rank === null ? 0 : Math.max(0, 6 - rank));

/** The largest score one placement can have. */
export const maxScore = (w: Weights): number => CRITERIA.reduce((s, c) => s + w[c] * MAX_POINTS[c], 0);

export interface ScoreBreakdown {
  /** Points per criterion, before weighting. */
  readonly points: Readonly<Record<Criterion, number>>;
  /** The weighted sum. */
  readonly total: number;
}

const rankOf = (list: readonly string[], accepts: (entry: string) => boolean): number | null => {
  const i = list.findIndex(accepts);
  return i < 0 ? null : i + 1;
};

/** Points for the employer's wage above the binding minimum (the same for every worker). */
export const wagePoints = (employer: Employer, reference: Reference): number => {
  const floor = reference.wageFloor.get(employer.id)?.amount ?? employer.hourlyWage;
  return Math.min(MAX_POINTS.wageAboveMinimum, Math.max(0, Math.floor((employer.hourlyWage - floor) / WAGE_STEP_YEN)));
};

/** Points for the employer's preferred skills the worker holds. */
export const preferredSkillPoints = (worker: Worker, employer: Employer): number => {
  let held = 0;
  for (let i = 0; i < employer.preferredSkills.length; i++) if (holdsSkill(worker, employer.preferredSkills[i] as SkillRequirement)) held++;
  return Math.min(MAX_POINTS.preferredSkills, held);
};

/** Points for the worker's Japanese above what the slot requires (./eligibility.ts `slotLevel`). */
export const languagePoints = (worker: Worker, employer: Employer, reference: Reference): number =>
  Math.min(
    MAX_POINTS.languageAboveRequirement,
    Math.max(0, bestLevel(worker.language) - slotLevel(employer, reference)),
  );

/** The score of placing `worker` with `employer` (meaningful only where eligible). */
export const score = (worker: Worker, employer: Employer, reference: Reference, weights: Weights): ScoreBreakdown => {
  const field = findField(reference.catalogue, employer.field);
  const sector = field?.sector ?? null;
  const points: Record<Criterion, number> = {
    fieldPreference: rankPoints(rankOf(worker.fieldPreferences, (p) => p === employer.field || p === sector)),
    prefecturePreference: rankPoints(rankOf(worker.prefecturePreferences, (p) => p === employer.prefecture)),
    preferredSkills: preferredSkillPoints(worker, employer),
    languageAboveRequirement: languagePoints(worker, employer, reference),
    wageAboveMinimum: wagePoints(employer, reference),
  };
  return { points, total: CRITERIA.reduce((s, c) => s + weights[c] * points[c], 0) };
};
