/**
 * The full stability report of a plan, as data: the summary, the blocking
 * pairs listed (up to a limit; the counts are always exact), counted by
 * employer, field and prefecture, each worker's best blocking option, the
 * placements either side finds unacceptable, and the retention risk of
 * every placement and employer. `auditMatch` reports on any plan (the
 * optimiser's, a stable one, or one made elsewhere); `stabilityReport` on a
 * plan already audited.
 *
 * @example
 * const r = auditMatch(input, resultJson);   // resultJson: a result of match or stableMatch, or { placements: [...] }
 * if (E.isRight(r)) console.log(r.right.summary.blockingPairs, r.right.byEmployer[0]);
 */
import * as E from "fp-ts/lib/Either.js";
import { findField } from "../domain/fields.js";
import type { Employer, Instance, Worker } from "../input/instance.js";
import { compareStrings } from "../input/instance.js";
import type { InputIssue } from "../input/issues.js";
import { decodeInstance } from "../input/decode.js";
import { buildModel } from "../model/build.js";
import type { BlockingPair } from "./audit.js";
import { readPlan } from "./plan.js";
import { retentionReport, type Retention, type RetentionOptions } from "./retention.js";
import { stabilityOf, type Stability } from "./summary.js";
import type { StabilitySummary } from "./types.js";
import { staggeredStarts } from "./starts.js";

export interface StabilityReportOptions extends RetentionOptions {
  /** The most blocking pairs listed (default 1,000); counts are exact whatever the limit. */
  readonly limit?: number;
}

export interface StabilityReport {
  readonly summary: StabilitySummary;
  /** Blocking pairs, by worker id, each worker's options best first; at most `limit`. */
  readonly pairs: readonly BlockingPair[];
  /** Whether `pairs` stops short of `summary.blockingPairs`. */
  readonly truncated: boolean;
  /** Employers in blocking pairs: how many pairs each, most first (then id). */
  readonly byEmployer: readonly { readonly employerId: string; readonly pairs: number }[];
  /** Blocking pairs by the employer's SSW field and by its prefecture (JIS code). */
  readonly byField: Readonly<Record<string, number>>;
  readonly byPrefecture: Readonly<Record<string, number>>;
  /** Each worker with a blocking option: how many, and the best (her most preferred, then employer id). */
  readonly bestOptions: readonly { readonly workerId: string; readonly placedAt: string | null; readonly options: number; readonly best: string }[];
  /** Placements the worker or the employer finds unacceptable. */
  readonly unacceptable: readonly { readonly workerId: string; readonly employerId: string; readonly by: "worker" | "employer" }[];
  readonly retention: Retention;
}

const sorted = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m.entries()].sort(([a], [b]) => compareStrings(a, b)));

/** The report of an audited plan; see the module comment. */
export const stabilityReport = (instance: Instance, stability: Stability, options: StabilityReportOptions = {}): StabilityReport => {
  const { audit, retention, summary } = stability;
  const { workers, employers } = instance;
  const limit = options.limit ?? 1000;
  const pairs: BlockingPair[] = [];
  for (let w = 0; w < workers.length && pairs.length < limit; w++) {
    // A worker may block with every employer: a loop, not a spread into push's arguments (which throws past ~120,000).
    if ((audit.options[w] as number) > 0) for (const pair of audit.pairsOf(w, limit - pairs.length)) pairs.push(pair);
  }
  const byEmployer: { employerId: string; pairs: number }[] = [];
  const byField = new Map<string, number>();
  const byPrefecture = new Map<string, number>();
  audit.pairsAt.forEach((n, e) => {
    if (n === 0) return;
    const employer = employers[e] as Employer;
    byEmployer.push({ employerId: employer.id, pairs: n });
    const field = findField(instance.reference.catalogue, employer.field)?.id ?? employer.field;
    byField.set(field, (byField.get(field) ?? 0) + n);
    byPrefecture.set(employer.prefecture, (byPrefecture.get(employer.prefecture) ?? 0) + n);
  });
  byEmployer.sort((a, b) => b.pairs - a.pairs || compareStrings(a.employerId, b.employerId));
  const bestOptions = workers.flatMap((worker: Worker, w) => {
    const best = audit.bestOf[w] as number;
    if (best < 0) return [];
    const at = audit.placedAt[w] as number;
    return [{ workerId: worker.id, placedAt: at < 0 ? null : (employers[at] as Employer).id, options: audit.options[w] as number, best: (employers[best] as Employer).id }];
  });
  const unacceptable = workers.flatMap((worker, w) => {
    const by = audit.unacceptable[w] as number;
    return by === 0 ? [] : [{ workerId: worker.id, employerId: (employers[audit.placedAt[w] as number] as Employer).id, by: by === 1 ? ("worker" as const) : ("employer" as const) }];
  });
  return {
    summary,
    pairs,
    truncated: pairs.length < summary.blockingPairs,
    byEmployer,
    byField: sorted(byField),
    byPrefecture: sorted(byPrefecture),
    bestOptions,
    unacceptable,
    retention: retentionReport(retention),
  };
};

/**
 * The stability report of a plan for an instance: the plan is a result of
 * `match` or `stableMatch` (or any `{ placements: [{ workerId, employerId }] }`),
 * checked against the instance first (located issues under `plan.`).
 */
export const auditMatch = (input: unknown, plan: unknown, options: StabilityReportOptions = {}): E.Either<readonly InputIssue[], StabilityReport> => {
  const decoded = decodeInstance(input);
  if (E.isLeft(decoded)) return decoded;
  const instance = decoded.right;
  const staggered = staggeredStarts(instance, input);
  if (staggered.length > 0) return E.left(staggered);
  const placedAt = readPlan(instance, plan);
  if (E.isLeft(placedAt)) return placedAt;
  const built = buildModel(instance);
  return E.right(stabilityReport(instance, stabilityOf(instance, built, placedAt.right, options), options));
};
