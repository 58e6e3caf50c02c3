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
import { scopeArcs, type AssignmentModel, type GroupConstraint, type PolicyConstraint } from "./types.js";

export const placementWeightFor = (maxScore: number, maxPlacements: number): number =>
  maxScore * maxPlacements + 1;

/** Units by which the flows break a policy: below its min plus above its max. */
export const policyViolation = (model: AssignmentModel, policy: PolicyConstraint, flows: readonly number[]): number =>
  violationAt(policy, scopeArcs(model, policy.scope).reduce((s, a) => s + (flows[a] ?? 0), 0));

/** Units outside a policy's bounds when its scope carries `total`: below its min plus above its max. */
export const violationAt = (policy: Pick<PolicyConstraint, "min" | "max">, total: number): number =>
  Math.max(0, (policy.min ?? 0) - total) + (policy.max === null ? 0 : Math.max(0, total - policy.max));

/** Whether a group's placed members are not all in one region, or not all placed while some are. */
export const groupSplit = (model: AssignmentModel, group: GroupConstraint, flows: readonly number[]): boolean => {
  // Only the group's own arcs (out of its classes) can carry its members.
  const own = scopeArcs(model, { kind: "workers", classes: group.workerClasses }).filter((a) => (flows[a] ?? 0) !== 0);
  if (own.length === 0) return false;
  const regionOf = new Map<number, number>();
  group.regions.forEach((region, r) => region.forEach((g) => regionOf.set(g, r)));
  const perRegion = new Set<number>();
  let placed = 0;
  for (const a of own) {
    placed += flows[a] ?? 0;
    perRegion.add(regionOf.get(model.arcs[a]?.to ?? -1) ?? -1);
  }
  return placed !== group.size || perRegion.size !== 1 || perRegion.has(-1);
};

/**
 * The objective of a flow vector, recomputed from the model (for checking an
 * engine's claim): placements and scores, less the penalties of soft
 * policies and split soft groups.
 */
export const objectiveOf = (model: AssignmentModel, flows: readonly number[]): number => {
  let value = model.arcs.reduce((sum, arc, i) => sum + (model.placementWeight + arc.score) * (flows[i] ?? 0), 0);
  for (const p of model.policies ?? []) if (p.penalty !== null) value -= p.penalty * policyViolation(model, p, flows);
  for (const g of model.groups ?? []) if (g.penalty !== null && groupSplit(model, g, flows)) value -= g.penalty;
  return value;
};

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
