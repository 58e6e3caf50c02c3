/**
 * The objective: placements first, then score.
 *
 * Each placement earns `placementWeight + score`, with every score an integer
 * in 0..maxScore. Take P = min(total supply, total capacity), the most
 * placements any solution can make, and placementWeight = maxScore * P + 1.
 * A solution with p placements has objective in [p*W, p*W + maxScore*p], and
 * p <= P, so its objective is below p*W + W = (p+1)*W: every solution with
 * p+1 placements beats every solution with p. Maximising this single
 * objective is therefore the same as maximising placements and, among
 * maximum placements, total score; it never trades a placement for score.
 * All numbers stay integers well inside 2^53 (100,000 placements with
 * maxScore 100 give an objective near 1e12).
 */
import type { AssignmentModel } from "./types.js";

export const placementWeightFor = (maxScore: number, maxPlacements: number): number =>
  maxScore * maxPlacements + 1;

/** The objective of a flow vector, recomputed from the model (for checking an engine's claim). */
export const objectiveOf = (model: AssignmentModel, flows: readonly number[]): number =>
  model.arcs.reduce((sum, arc, i) => sum + (model.placementWeight + arc.score) * (flows[i] ?? 0), 0);

/** Placements and total score of a flow vector. */
export const splitObjective = (
  model: AssignmentModel,
  flows: readonly number[],
): { readonly placed: number; readonly totalScore: number } =>
  model.arcs.reduce(
    (acc, arc, i) => {
      const f = flows[i] ?? 0;
      return { placed: acc.placed + f, totalScore: acc.totalScore + arc.score * f };
    },
    { placed: 0, totalScore: 0 },
  );
