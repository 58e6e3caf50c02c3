/**
 * Exchanges: what would happen if one worker took a slot at an employer the
 * result gave to someone else. This is how an explanation shows "what decided
 * it" honestly, by computing one concrete alternative instead of asserting it.
 *
 * The worker moves to the target employer (leaving their own slot, if placed).
 * If the target is full, one worker placed there is pushed out; that worker
 * goes to the best-scoring slot they are eligible for that is free in the
 * result (the slot the first worker left counts as free), or stays unplaced.
 * Of the workers who could be pushed out, the exchange shown is the best one:
 * most placements, then highest total score, then worker id.
 *
 * The optimum maximises placements first, then total score, so when nothing
 * but eligibility and slots constrain it (no policy, proved optimal), no
 * exchange improves it: each one loses a placement, or keeps the count and
 * does not raise the total score.
 *
 * @example
 * exchange(ctx, worker, e044) // { employerId: "E044", displaced: { workerId: "W0031", ... }, placements: 0, scoreChange: -2 }
 */
import type { Employer, Worker } from "../input/instance.js";
import { compareStrings } from "../input/instance.js";
import { isEligible } from "../rules/eligibility.js";
import { freeSlots, scoreOf, type AnalysisContext } from "./context.js";

export interface Exchange {
  /** The employer the explained worker would take a slot at. */
  readonly employerId: string;
  /** The explained worker's score there. */
  readonly score: number;
  /** The worker pushed out, or null when the employer had a free slot. */
  readonly displaced: {
    readonly workerId: string;
    /** Their score at `employerId`. */
    readonly score: number;
    /** Where they would go instead (a slot free in the result, or the one the explained worker left), or null: unplaced. */
    readonly movesTo: { readonly employerId: string; readonly score: number } | null;
  } | null;
  /** Change in the number of placed workers if the exchange were made: -1, 0 or +1. */
  readonly placements: number;
  /** Change in the total score if the exchange were made. */
  readonly scoreChange: number;
}

/** Whether the exchange would make the result better (more placements, or as many with a higher score). */
export const improves = (x: Exchange): boolean => x.placements > 0 || (x.placements === 0 && x.scoreChange > 0);

/** The best exchange putting `worker` at `target`; see the module comment. */
export const exchange = (ctx: AnalysisContext, worker: Worker, target: Employer): Exchange => {
  const own = ctx.placementOf.get(worker.id) ?? null;
  const gain = scoreOf(ctx, worker, target) - (own?.score ?? 0);
  const placedBefore = own === null ? 0 : 1;
  if (freeSlots(ctx, target) > 0) {
    return { employerId: target.id, score: scoreOf(ctx, worker, target), displaced: null, placements: 1 - placedBefore, scoreChange: gain };
  }
  const candidates = (ctx.placedAt.get(target.id) ?? []).map((p): Exchange => {
    const other = ctx.workerById.get(p.workerId) as Worker;
    const best = ctx.instance.employers
      .filter((g) => g.id !== target.id && (freeSlots(ctx, g) > 0 || g.id === own?.employerId) && isEligible(other, g, ctx.instance.reference))
      .map((g) => ({ employerId: g.id, score: scoreOf(ctx, other, g) }))
      .sort((a, b) => b.score - a.score || compareStrings(a.employerId, b.employerId))[0];
    const movesTo = best ?? null;
    return {
      employerId: target.id,
      score: scoreOf(ctx, worker, target),
      displaced: { workerId: p.workerId, score: p.score, movesTo },
      placements: (movesTo === null ? 0 : 1) - placedBefore,
      scoreChange: gain - p.score + (movesTo?.score ?? 0),
    };
  });
  const sorted = candidates.sort(
    (a, b) => b.placements - a.placements || b.scoreChange - a.scoreChange || compareStrings(a.displaced?.workerId ?? "", b.displaced?.workerId ?? ""),
  );
  // A full employer with slots has at least one placement, so sorted[0] exists;
  // the fallback only guards an employer with no slots at all.
  return sorted[0] ?? { employerId: target.id, score: scoreOf(ctx, worker, target), displaced: null, placements: -placedBefore, scoreChange: -(own?.score ?? 0) };
};
