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
 * Under a policy, the exchange also says which constraints it would break
 * (./ledger.ts) and what its soft penalties would cost, and the best one is
 * chosen among those that break no hard constraint when there are any.
 *
 * The optimum maximises placements first, then total score, less soft
 * penalties (its objective), so in a result proved optimal no exchange that
 * breaks no hard constraint raises the objective: without a policy, each one
 * loses a placement, or keeps the count and does not raise the total score.
 *
 * @example
 * exchange(ctx, worker, e044) // { employerId: "E044", displaced: { workerId: "W0031", ... }, placements: 0, scoreChange: -2 }
 */
import type { Employer, Worker } from "../input/instance.js";
import { compareStrings } from "../input/instance.js";
import { isEligible } from "../rules/eligibility.js";
import { freeSlots, scoreOf, type AnalysisContext } from "./context.js";
import type { Breach, Move } from "./ledger.js";

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
  /** The policy constraints it would break, hard and soft, in model order; empty without a policy. */
  readonly breaches: readonly Breach[];
  /** Change in the objective: placementWeight x placements + scoreChange - soft penalties added. */
  readonly objectiveChange: number;
}

/** Whether the exchange is allowed (breaks no hard constraint) and would make the result better by its objective. */
export const improves = (x: Exchange): boolean => !breaksHard(x) && x.objectiveChange > 0;

/** Whether the exchange would break a hard policy constraint. */
export const breaksHard = (x: Exchange): boolean => x.breaches.some((b) => b.hard);

type Draft = Omit<Exchange, "breaches" | "objectiveChange">;

/** The draft with what it does to the policy and the objective. */
const priced = (ctx: AnalysisContext, worker: Worker, x: Draft): Exchange => {
  const moves: Move[] = [{ workerId: worker.id, to: x.employerId }];
  if (x.displaced !== null) moves.push({ workerId: x.displaced.workerId, to: x.displaced.movesTo?.employerId ?? null });
  const effect = ctx.ledger?.effect(moves) ?? { breaches: [], penaltyChange: 0 };
  return { ...x, breaches: effect.breaches, objectiveChange: ctx.placementWeight * x.placements + x.scoreChange - effect.penaltyChange };
};

/** Best first: allowed before breaking a hard constraint, then objective change, then the displaced worker's id. */
export const compareExchanges = (a: Exchange, b: Exchange): number =>
  Number(breaksHard(a)) - Number(breaksHard(b)) ||
  b.objectiveChange - a.objectiveChange ||
  compareStrings(a.displaced?.workerId ?? "", b.displaced?.workerId ?? "");

/** The best exchange putting `worker` at `target`; see the module comment. */
export const exchange = (ctx: AnalysisContext, worker: Worker, target: Employer): Exchange => {
  const own = ctx.placementOf.get(worker.id) ?? null;
  const gain = scoreOf(ctx, worker, target) - (own?.score ?? 0);
  const placedBefore = own === null ? 0 : 1;
  if (freeSlots(ctx, target) > 0) {
    return priced(ctx, worker, { employerId: target.id, score: scoreOf(ctx, worker, target), displaced: null, placements: 1 - placedBefore, scoreChange: gain });
  }
  const candidates = (ctx.placedAt.get(target.id) ?? []).map((p): Exchange => {
    const other = ctx.workerById.get(p.workerId) as Worker;
    const best = ctx.instance.employers
      .filter((g) => g.id !== target.id && (freeSlots(ctx, g) > 0 || g.id === own?.employerId) && isEligible(other, g, ctx.instance.reference))
      .map((g) => ({ employerId: g.id, score: scoreOf(ctx, other, g) }))
      .sort((a, b) => b.score - a.score || compareStrings(a.employerId, b.employerId))[0];
    const movesTo = best ?? null;
    return priced(ctx, worker, {
      employerId: target.id,
      score: scoreOf(ctx, worker, target),
      displaced: { workerId: p.workerId, score: p.score, movesTo },
      placements: (movesTo === null ? 0 : 1) - placedBefore,
      scoreChange: gain - p.score + (movesTo?.score ?? 0),
    });
  });
  // A full employer with slots has at least one placement, so there is a
  // candidate; the fallback only guards an employer with no slots at all.
  return (
    candidates.sort(compareExchanges)[0] ??
    priced(ctx, worker, { employerId: target.id, score: scoreOf(ctx, worker, target), displaced: null, placements: -placedBefore, scoreChange: -(own?.score ?? 0) })
  );
};
