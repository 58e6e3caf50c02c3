/**
 * The lookups every explanation needs, built once from a decoded instance and
 * the result of `match` on it, after checking that the two belong together
 * (the same workers, placements only at known employers and within their
 * slots). A result from another instance is a Left, never a wrong answer.
 *
 * @example
 * const ctx = analysisContext(instance, result);
 * if (E.isRight(ctx)) freeSlots(ctx.right, employer); // slots left in the result
 */
import * as E from "fp-ts/lib/Either.js";
import { compareStrings, type Employer, type Instance, type Worker } from "../input/instance.js";
import type { MatchResult, Placement, UnplacedReason } from "../result/types.js";
import { isEligible } from "../rules/eligibility.js";
import { score } from "../rules/scoring.js";
import { policyLedger, type PolicyLedger } from "./ledger.js";

export interface AnalysisContext {
  readonly instance: Instance;
  readonly result: MatchResult;
  readonly workerById: ReadonlyMap<string, Worker>;
  readonly employerById: ReadonlyMap<string, Employer>;
  /** The placement of each placed worker, by worker id. */
  readonly placementOf: ReadonlyMap<string, Placement>;
  /** The placements at each employer, by employer id, in worker id order. */
  readonly placedAt: ReadonlyMap<string, readonly Placement[]>;
  /** The reason of each unplaced worker, by worker id. */
  readonly unplacedReason: ReadonlyMap<string, UnplacedReason>;
  /** The policy as the result stands against it; null without a policy (./ledger.ts). */
  readonly ledger: PolicyLedger | null;
  /** The objective's weight of one placement (../model/objective.ts); 0 without a solution. */
  readonly placementWeight: number;
  /**
   * Set when the solve was not proved optimal: an exchange that would
   * improve the result is then possible, and the explanation says so.
   */
  readonly caveat: string | null;
}

const MISMATCH = "the result does not belong to this instance (explain with the instance the result was solved from)";

const caveatOf = (result: MatchResult): string | null =>
  result.status === "optimal"
    ? null
    : result.status === "infeasible"
      ? "the policy's hard constraints cannot all be met (proved infeasible), so nobody was placed; the diagnosis (result.diagnosis) says the smallest change to the policy that makes a plan possible"
      : `the solve was not proved optimal (status ${result.status}): a better plan may exist`;

/** The lookups, or a Left when the result does not match the instance. */
export const analysisContext = (instance: Instance, result: MatchResult): E.Either<string, AnalysisContext> => {
  const fits = lookups(instance, result);
  if (E.isLeft(fits)) return fits;
  return E.right({ ...fits.right, ledger: policyLedger(instance, result), placementWeight: result.objective?.placementWeight ?? 0, caveat: caveatOf(result) });
};

/** Null when the result belongs to the instance (the check of analysisContext, without its policy ledger, which builds the model); else why not. */
export const resultMismatch = (instance: Instance, result: Pick<MatchResult, "placements" | "unplaced">): string | null => {
  const fits = lookups(instance, result);
  return E.isLeft(fits) ? fits.left : null;
};

const lookups = (
  instance: Instance,
  result: Pick<MatchResult, "placements" | "unplaced">,
): E.Either<string, Omit<AnalysisContext, "ledger" | "placementWeight" | "caveat" | "result"> & { readonly result: MatchResult }> => {
  const workerById = new Map(instance.workers.map((w) => [w.id, w]));
  const employerById = new Map(instance.employers.map((e) => [e.id, e]));
  const placementOf = new Map<string, Placement>();
  const placedAt = new Map<string, Placement[]>();
  for (const p of result.placements) {
    const employer = employerById.get(p.employerId);
    if (!workerById.has(p.workerId) || employer === undefined || placementOf.has(p.workerId)) return E.left(`${MISMATCH}: placement ${p.workerId} at ${p.employerId}`);
    placementOf.set(p.workerId, p);
    const list = placedAt.get(p.employerId) ?? [];
    list.push(p);
    placedAt.set(p.employerId, list);
    if (list.length > employer.slots) return E.left(`${MISMATCH}: ${p.employerId} has ${employer.slots} slots but ${list.length} placements`);
  }
  const unplacedReason = new Map(result.unplaced.map((u) => [u.workerId, u.reason]));
  if (placementOf.size + unplacedReason.size !== instance.workers.length || instance.workers.some((w) => !placementOf.has(w.id) && !unplacedReason.has(w.id))) {
    return E.left(`${MISMATCH}: the workers differ`);
  }
  for (const list of placedAt.values()) list.sort((a, b) => compareStrings(a.workerId, b.workerId));
  return E.right({ instance, result: result as MatchResult, workerById, employerById, placementOf, placedAt, unplacedReason });
};

/** Slots the result left empty at this employer. */
export const freeSlots = (ctx: AnalysisContext, employer: Employer): number => employer.slots - (ctx.placedAt.get(employer.id)?.length ?? 0);

/** The weighted score of the pair (meaningful where eligible). */
export const scoreOf = (ctx: AnalysisContext, worker: Worker, employer: Employer): number =>
  score(worker, employer, ctx.instance.reference, ctx.instance.weights).total;

/** Employers with at least one slot that accept the worker, best score first, then id. */
export const eligibleEmployers = (ctx: AnalysisContext, worker: Worker): { readonly employer: Employer; readonly score: number }[] =>
  ctx.instance.employers
    .filter((e) => e.slots > 0 && isEligible(worker, e, ctx.instance.reference))
    .map((employer) => ({ employer, score: scoreOf(ctx, worker, employer) }))
    .sort((a, b) => b.score - a.score || compareStrings(a.employer.id, b.employer.id));
