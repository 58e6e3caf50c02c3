/**
 * One benchmark case of the stable mechanism, run by bench/case.ts with
 * `--mechanism stable`: decode, build, deferred acceptance (worker- or
 * employer-proposing), the result, and the stability audit of the
 * *optimal* plan (the hard case: millions of blocking pairs), each timed.
 *
 * Verified before it is timed, by checks apart from the code under test:
 * the plan's flows satisfy the model (capacities, eligibility), and for a
 * sample of workers every employer is scanned pair by pair for a blocking
 * pair (none may exist in the stable plan; in the optimal plan the count per
 * worker must equal the audit's).
 */
import * as E from "fp-ts/lib/Either.js";
import { solveModel } from "../src/engine/select.js";
import type { Instance } from "../src/input/instance.js";
import { checkFlows } from "../src/model/check.js";
import { disaggregate } from "../src/result/disaggregate.js";
import type { AuditDetail } from "../src/stable/audit.js";
import { limitsOf } from "../src/stable/limits.js";
import type { Market } from "../src/stable/market.js";
import { flowsOf, placedAtOf } from "../src/stable/plan.js";
import { UNACCEPTABLE } from "../src/stable/preferences.js";
import { stablePlan } from "../src/stable/stable.js";
import { decodeAndBuild } from "./load.js";
import { stabilityOf } from "../src/stable/summary.js";
import { legalCapacities } from "../src/rules/limits.js";

export interface StableRun {
  decodeMs: number;
  buildMs: number;
  solveMs: number;
  resultMs: number;
  auditMs: number;
  totalMs: number;
  problem: string | null;
  objective: number;
  blockingPairs: number;
  optimalBlockingPairs: number;
  summary: { workerClasses: number; employerClasses: number; arcs: number; placed: number; solvedBy: string; cells: number; proposals: number };
}

/**
 * Blocking pairs of worker w found by scanning every employer: she prefers it strictly, it accepts her, and
 * it has a free slot (legal capacity) or holds a worker it values less. No regional caps in the benchmark.
 */
const scan = (market: Market, placedAt: Int32Array, used: Int32Array, worst: Float64Array, capacity: Int32Array, w: number): number => {
  const k = market.classOf[w] as number;
  const here = placedAt[w] as number;
  const mine = here < 0 ? -Infinity : market.valueOfEmployer(k, here);
  let n = 0;
  market.instance.employers.forEach((_, e) => {
    const c = market.cellOf[e] as number;
    if (c < 0 || e === here || !market.eligible(k, c)) return;
    const v = market.valueOfEmployer(k, e);
    if (v === UNACCEPTABLE || !(v > mine)) return;
    const ev = market.valueOfWorker(w, e);
    if (ev === UNACCEPTABLE) return;
    if ((used[e] as number) < (capacity[e] as number) || (worst[e] as number) < ev) n++;
  });
  return n;
};

/** Compares the scan with the audit on a sample of workers (every step-th); the first disagreement, or null. */
const checkSample = (instance: Instance, market: Market, audit: AuditDetail, placedAt: Int32Array, expectNone: boolean): string | null => {
  const capacity = limitsOf(instance).capacity;
  const used = new Int32Array(instance.employers.length);
  const worst = new Float64Array(instance.employers.length).fill(Infinity);
  placedAt.forEach((e, w) => {
    if (e < 0) return;
    used[e] = (used[e] as number) + 1;
    worst[e] = Math.min(worst[e] as number, market.valueOfWorker(w, e));
  });
  const step = Math.max(1, Math.floor(instance.workers.length / 200));
  for (let w = 0; w < instance.workers.length; w += step) {
    const n = scan(market, placedAt, used, worst, capacity, w);
    if (expectNone && n > 0) return `${instance.workers[w]?.id} has ${n} blocking pairs in the stable plan`;
    if (n !== audit.options[w]) return `${instance.workers[w]?.id}: the scan finds ${n} blocking pairs, the audit ${audit.options[w]}`;
  }
  return null;
};

/** One timed run; `verify` adds the checks (untimed: its figures are not reported). */
export const stableRun = (file: string, proposing: "workers" | "employers", verify: boolean): StableRun => {
  const { parsed, instance, built, t1, t2 } = decodeAndBuild(file);
  const { result, stability } = stablePlan(instance, built, { proposing }, parsed, { decodeMs: t1 - parsed, buildMs: t2 - t1 });
  const t4 = performance.now();
  const solveMs = result.timings.solveMs;
  const resultMs = result.timings.resultMs;

  // The optimal plan (not timed), then its audit from scratch, as match() does it.
  const optimal = solveModel(built.model, "auto", {});
  const legal = legalCapacities(instance);
  const optimalPlacedAt = optimal.solution === null ? new Int32Array(instance.workers.length).fill(-1) : disaggregate(built, optimal.solution.flows, instance.workers.length, (e) => legal[e] ?? 0);
  const a0 = performance.now();
  const audited = stabilityOf(instance, built, optimalPlacedAt);
  const auditMs = performance.now() - a0;

  let problem: string | null = null;
  const placedAt = placedAtOf(instance, result.placements);
  if (verify) {
    const flows = flowsOf(instance, built, placedAt);
    problem = E.isLeft(flows) ? flows.left : checkFlows(built.model, flows.right);
    if (problem === null) problem = checkSample(instance, stability.market, stability.audit, placedAt, true);
    if (problem === null) problem = checkSample(instance, audited.market, audited.audit, optimalPlacedAt, false);
  }
  return {
    decodeMs: t1 - parsed,
    buildMs: t2 - t1,
    solveMs,
    resultMs,
    auditMs,
    totalMs: t4 - parsed,
    problem,
    objective: result.objective?.value ?? 0,
    blockingPairs: result.stability?.blockingPairs ?? -1,
    optimalBlockingPairs: audited.audit.blockingPairs,
    summary: {
      ...result.model,
      placed: result.summary.placed,
      solvedBy: `deferred acceptance, ${proposing} proposing`,
      cells: stability.market.cells.length,
      proposals: result.mechanism.proposals,
    },
  };
};
