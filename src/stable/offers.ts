/**
 * A worker's better offers inside a plan, for explanations: her blocking
 * pairs (./audit.ts), best first. The audit of a result is computed once
 * and kept with the result, so explaining many workers of one result costs
 * one audit.
 */
import type { Instance } from "../input/instance.js";
import { buildModel } from "../model/build.js";
import type { MatchResult } from "../result/types.js";
import type { AuditDetail, BlockingPair } from "./audit.js";
import { placedAtOf } from "./plan.js";
import { stabilityOf } from "./summary.js";
import { stableCanRead } from "./starts.js";

/** A worker's better offers: how many, and the first few, best first. */
export interface BetterOffers {
  readonly count: number;
  readonly shown: readonly BlockingPair[];
}

const audits = new WeakMap<MatchResult, { readonly instance: Instance; readonly audit: AuditDetail }>();

const auditOf = (instance: Instance, result: MatchResult): AuditDetail => {
  const known = audits.get(result);
  if (known !== undefined && known.instance === instance) return known.audit;
  const { audit } = stabilityOf(instance, buildModel(instance), placedAtOf(instance, result.placements));
  audits.set(result, { instance, audit });
  return audit;
};

/** The worker's blocking pairs in the result's plan (at most `limit` shown), or null for an unknown worker, a result without a solution, or slots that start on different dates (./starts.ts). */
export const betterOffers = (instance: Instance, result: MatchResult, workerId: string, limit = 3): BetterOffers | null => {
  if (!result.hasSolution || !stableCanRead(instance)) return null;
  const w = instance.workers.findIndex((x) => x.id === workerId);
  if (w < 0) return null;
  const audit = auditOf(instance, result);
  return { count: audit.options[w] as number, shown: audit.pairsOf(w, limit) };
};
