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
import { scopeArcs, type AssignmentModel, type Flows, type GroupConstraint, type PolicyConstraint } from "./types.js";

export const placementWeightFor = (maxScore: number, maxPlacements: number, denominator = 1): number => {
  const least = maxScore * maxPlacements + 1;
  return Math.ceil(least / denominator) * denominator;
};

/**
 * Soft penalties are given in placements with at most `PENALTY_DECIMALS`
 * decimals, so each is n / d with d dividing 10^3; `penaltyDenominator` is
 * the least common multiple of their d. A placement weight W that is a
 * multiple of it (placementWeightFor's third argument; W still exceeds
 * maxScore * P, so the proof above holds) makes every penalty * W an exact
 * integer: `penaltyUnits`. The objective, its bound and the LP export then
 * hold no rounding at all.
 */
export const PENALTY_DECIMALS = 3;
const SCALE = 10 ** PENALTY_DECIMALS;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The penalty as a reduced fraction n / d of placements (d divides 10^3); null when it has more decimals. */
export const penaltyFraction = (penalty: number): { readonly n: number; readonly d: number } | null => {
  const scaled = Math.round(penalty * SCALE);
  if (!Number.isSafeInteger(scaled) || scaled / SCALE !== penalty) return null;
  const g = gcd(Math.abs(scaled), SCALE);
  return { n: scaled / g, d: SCALE / g };
};

/** The least common multiple of the penalties' denominators (1 for none, or whole numbers). */
export const penaltyDenominator = (penalties: readonly number[]): number =>
  penalties.reduce((lcm, p) => {
    const d = penaltyFraction(p)?.d ?? 1;
    return (lcm / gcd(lcm, d)) * d;
  }, 1);

/**
 * One unit of violation at `penalty` placements, in objective units: exactly
 * penalty * placementWeight, an integer when the weight is a multiple of the
 * penalty's denominator (else rounded, and the caller broke the contract).
 */
export const penaltyUnits = (penalty: number, placementWeight: number): number => {
  const f = penaltyFraction(penalty);
  return f !== null && placementWeight % f.d === 0 ? f.n * (placementWeight / f.d) : Math.round(penalty * placementWeight);
};

/** Units by which the flows break a policy: below its min plus above its max. */
export const policyViolation = (model: AssignmentModel, policy: PolicyConstraint, flows: Flows): number =>
  violationAt(policy, scopeArcs(model, policy.scope).reduce((s, a) => s + (flows[a] ?? 0), 0));

/** Units outside a policy's bounds when its scope carries `total`: below its min plus above its max. */
export const violationAt = (policy: Pick<PolicyConstraint, "min" | "max">, total: number): number =>
  Math.max(0, (policy.min ?? 0) - total) + (policy.max === null ? 0 : Math.max(0, total - policy.max));

/** Whether a group's placed members are not all in one region, or not all placed while some are. */
export const groupSplit = (model: AssignmentModel, group: GroupConstraint, flows: Flows): boolean => {
  // Only the group's own arcs (out of its classes) can carry its members.
  const own = scopeArcs(model, { kind: "workers", classes: group.workerClasses }).filter((a) => (flows[a] ?? 0) !== 0);
  if (own.length === 0) return false;
  const regionOf = new Map<number, number>();
  group.regions.forEach((region, r) => region.forEach((g) => regionOf.set(g, r)));
  const perRegion = new Set<number>();
  let placed = 0;
  for (const a of own) {
    placed += flows[a] ?? 0;
    perRegion.add(regionOf.get(model.arcs.to[a] ?? -1) ?? -1);
  }
  return placed !== group.size || perRegion.size !== 1 || perRegion.has(-1);
};

/**
 * The objective of a flow vector, recomputed from the model (for checking an
 * engine's claim): placements and scores, less the penalties of soft
 * policies and split soft groups.
 */
export const objectiveOf = (model: AssignmentModel, flows: Flows): number => {
  const { score } = model.arcs;
  let value = 0;
  for (let i = 0; i < model.arcs.length; i++) value += (model.placementWeight + (score[i] as number)) * (flows[i] ?? 0);
  for (const p of model.policies ?? []) if (p.penalty !== null) value -= p.penalty * policyViolation(model, p, flows);
  for (const g of model.groups ?? []) if (g.penalty !== null && groupSplit(model, g, flows)) value -= g.penalty;
  return value;
};

/** Placements and total score of a flow vector. */
export const splitObjective = (
  model: AssignmentModel,
  flows: Flows,
): { readonly placed: number; readonly totalScore: number } => {
  // A loop with two sums, not a reduce that makes an object per arc (400,000 at 100,000 workers).
  const { score } = model.arcs;
  let placed = 0;
  let totalScore = 0;
  for (let i = 0; i < model.arcs.length; i++) {
    const f = flows[i] ?? 0;
    placed += f;
    totalScore += (score[i] as number) * f;
  }
  return { placed, totalScore };
};
