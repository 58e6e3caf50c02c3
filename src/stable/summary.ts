/**
 * The stability summary every result carries (`MatchResult.stability`): how
 * many blocking pairs the plan has and of which kind, how many placements
 * are at risk, and the warnings the rankings raised. The counts come from
 * the group-level audit (./audit.ts) and retention (./retention.ts), so they
 * cost a few hundred milliseconds at 100,000 workers, not a pass over pairs;
 * the full lists (every pair, every placement's risk) are `auditResult`'s.
 */
import type { Instance } from "../input/instance.js";
import type { BuiltModel } from "../model/build.js";
import type { MatchResult } from "../result/types.js";
import { auditPlan, type AuditDetail } from "./audit.js";
import { buildMarket, type Market } from "./market.js";
import { placedAtOf } from "./plan.js";
import { NO_RANKINGS } from "./rankings.js";
import { retentionDetail, type RetentionDetail, type RetentionOptions } from "./retention.js";
import type { StabilitySummary } from "./types.js";
import { stableCanRead } from "./starts.js";

export type { StabilitySummary } from "./types.js";

/** The market, audit and retention of a plan, computed once. */
export interface Stability {
  readonly market: Market;
  readonly audit: AuditDetail;
  readonly retention: RetentionDetail;
  readonly summary: StabilitySummary;
}

const preferencesSource = (instance: Instance): StabilitySummary["preferences"] => {
  const r = instance.rankings ?? NO_RANKINGS;
  const stated = r.workers.size + r.employers.size;
  const everyone = r.workers.size === instance.workers.length && r.employers.size === instance.employers.length;
  return stated === 0 ? "derived" : everyone ? "stated" : "derived and stated";
};

/** The summary of an audit and its retention. */
export const summarise = (instance: Instance, audit: AuditDetail, retention: RetentionDetail): StabilitySummary => {
  let workers = 0;
  let unacceptable = 0;
  for (let w = 0; w < audit.options.length; w++) {
    if ((audit.options[w] as number) > 0) workers++;
    if ((audit.unacceptable[w] as number) > 0) unacceptable++;
  }
  let employers = 0;
  for (const n of audit.pairsAt) if (n > 0) employers++;
  return {
    preferences: preferencesSource(instance),
    blockingPairs: audit.blockingPairs,
    workersWithBlockingOption: workers,
    employersInBlockingPairs: employers,
    byKind: audit.byKind,
    withinFullCap: audit.withinFullCap,
    unacceptablePlacements: unacceptable,
    risk: retention.counts,
    employersAtRisk: { high: retention.employers.filter((e) => e.level === "high").length, medium: retention.employers.filter((e) => e.level === "medium").length },
    warnings: (instance.rankings ?? NO_RANKINGS).warnings,
  };
};

/** Market, audit, retention and summary of a plan (employer index per worker, -1 unplaced). */
export const stabilityOf = (instance: Instance, built: BuiltModel, placedAt: Int32Array, options: RetentionOptions = {}, market: Market = buildMarket(instance, built)): Stability => {
  const audit = auditPlan(market, placedAt);
  const retention = retentionDetail(audit, options);
  return { market, audit, retention, summary: summarise(instance, audit, retention) };
};

/**
 * A result with its stability summary filled in; unchanged without a solution, or where slots start on
 * different dates (./starts.ts). The plan is read from its placements (`placedAtOf`: for a result
 * `assemblePlan` made, the plan it was listed from, checked against them), or given as the employer
 * index per worker (-1 unplaced) where the caller already holds it (the result's placements, indexed).
 */
export const withStability = (instance: Instance, built: BuiltModel, result: MatchResult, placedAt?: Int32Array): MatchResult => {
  if (!result.hasSolution || !stableCanRead(instance)) return result;
  const started = performance.now();
  const { summary } = stabilityOf(instance, built, placedAt ?? placedAtOf(instance, result.placements));
  const stabilityMs = performance.now() - started;
  return { ...result, stability: summary, timings: { ...result.timings, stabilityMs, totalMs: result.timings.totalMs + stabilityMs } };
};
