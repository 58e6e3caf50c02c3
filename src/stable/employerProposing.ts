/**
 * Employer-proposing deferred acceptance: the mirror of ./deferredAcceptance.ts.
 * Each group of interchangeable employers (cell) offers its free places to
 * the workers it values most, in turn; a worker keeps the best offer she
 * has had and turns the others down; an employer turned down offers again,
 * further down its list. With no caps its result is the employer-optimal
 * stable matching, the worst stable matching for every worker; with the
 * same strict preferences it places the same workers as the worker-proposing
 * result (the rural hospitals theorem), so the difference between the two
 * shows how much the choice of side is worth to each worker.
 *
 * It honours regional caps rigidly only (each employer held to its target,
 * ./caps.ts): the flexible dealing of spare places is defined for workers
 * proposing. Strategy-proofness holds for neither side here.
 *
 * An employer's list is built tier by tier as it is reached: the eligible
 * worker classes by the employer's value, and inside a tier the workers by
 * priority (./tieBreak.ts).
 */
import type { CapPlan } from "./caps.js";
import { cellCapacities, disaggregateCells, type Matching } from "./deferredAcceptance.js";
import { PRIORITY_SPAN } from "./heaps.js";
import type { Market } from "./market.js";
import { UNACCEPTABLE } from "./preferences.js";
import type { Priorities } from "./tieBreak.js";

/** A cell's offers, best first, produced a tier at a time. */
interface Offers {
  /** Worker classes eligible there, with the cell's value of each, best first (values of stated rankings vary per worker: one class each). */
  readonly tiers: readonly { readonly value: number; readonly classes: readonly number[] }[];
  tier: number;
  current: number[];
  next: number;
}

const offersOf = (market: Market, c: number): Offers => {
  const cell = market.cells[c];
  const byValue = new Map<number, number[]>();
  const eligibleClasses = market.classesOfModel.flatMap((ks) => (ks.length > 0 && market.eligible(ks[0] as number, c) ? ks : []));
  for (const k of eligibleClasses) {
    const first = market.classes[k]?.members[0] as number;
    const v = market.employerValue(first, c);
    if (v === UNACCEPTABLE || cell === undefined) continue;
    const list = byValue.get(v);
    if (list === undefined) byValue.set(v, [k]);
    else list.push(k);
  }
  const tiers = [...byValue.entries()].sort(([a], [b]) => b - a).map(([value, classes]) => ({ value, classes }));
  return { tiers, tier: -1, current: [], next: 0 };
};

/** The next worker a cell offers to, or -1 when its list is done. */
const nextWorker = (market: Market, offers: Offers, c: number, priority: Priorities, salt: number): number => {
  while (offers.next >= offers.current.length) {
    offers.tier++;
    const tier = offers.tiers[offers.tier];
    if (tier === undefined) return -1;
    const workers = tier.classes.flatMap((k) => market.classes[k]?.members ?? []);
    const p = new Map(workers.map((w) => [w, priority.of(w, salt)]));
    offers.current = workers.sort((a, b) => (p.get(b) as number) - (p.get(a) as number) || a - b);
    offers.next = 0;
  }
  return offers.current[offers.next++] as number;
};

/** Employer-proposing deferred acceptance (caps rigid); see the module comment. */
export const employerProposing = (market: Market, plan: CapPlan, priority: Priorities): Matching => {
  const { cells, classOf } = market;
  const capacity = cellCapacities(market, plan);
  const workers = market.instance.workers.length;
  const salt = Float64Array.from(cells, (c) => priority.groupSalt(market.instance.employers[c.members[0] as number]?.id ?? ""));
  const held = new Int32Array(cells.length);
  const at = new Int32Array(workers).fill(-1);
  const offers: (Offers | undefined)[] = new Array(cells.length);
  const queue: number[] = [];
  for (let c = cells.length - 1; c >= 0; c--) queue.push(c);
  let proposals = 0;
  /** Whether the worker prefers cell a to cell b (b = -1: unplaced); ties between cells go to the earlier cell. */
  const prefers = (w: number, a: number, b: number): boolean => {
    const k = classOf[w] as number;
    const va = market.workerValue(k, a);
    if (va === UNACCEPTABLE) return false;
    if (b < 0) return true;
    const vb = market.workerValue(k, b);
    return va > vb || (va === vb && a < b);
  };
  while (queue.length > 0) {
    const c = queue.pop() as number;
    const o = (offers[c] ??= offersOf(market, c));
    while ((held[c] as number) < (capacity[c] as number)) {
      const w = nextWorker(market, o, c, priority, salt[c] as number);
      if (w < 0) break;
      proposals++;
      const now = at[w] as number;
      if (!prefers(w, c, now)) continue;
      if (now >= 0) {
        held[now] = (held[now] as number) - 1;
        queue.push(now);
      }
      at[w] = c;
      held[c] = (held[c] as number) + 1;
    }
  }
  const heldBy: { workers: number[]; keys: number[] }[] = cells.map(() => ({ workers: [], keys: [] }));
  at.forEach((c, w) => {
    const h = heldBy[c];
    if (h === undefined) return;
    h.workers.push(w);
    h.keys.push(market.employerValue(w, c) * PRIORITY_SPAN + priority.of(w, salt[c] as number));
  });
  const placedAt = disaggregateCells(market, plan, (c) => heldBy[c] ?? { workers: [], keys: [] });
  return { placedAt, proposals };
};
