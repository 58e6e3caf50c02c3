/**
 * Rows decoded before, reused: a deeply frozen row (./freeze.ts) that was
 * decoded without an issue gives back the same decoded row when it is
 * decoded again under the same context, and its structural check is skipped
 * too (./codecs.ts, `remember`). Re-planning after events (../plan/apply.ts)
 * builds an input sharing every unchanged row with the plan's input, so
 * only the rows the events changed are decoded again.
 *
 * The context of a row is everything its semantic pass (./rows.ts) reads
 * besides the row itself:
 *
 * | row      | reads                                                                 | kept as                                    |
 * |----------|-----------------------------------------------------------------------|--------------------------------------------|
 * | both     | the field catalogue (reference.fieldCatalogue)                        | its version                                |
 * | both     | the placement period: start, months, end, wage handling, tolerance    | all of it                                  |
 * | worker   | the employer ids, for formerInternAt                                  | checked again at each reuse                |
 * | employer | its prefecture's minimum wage override (reference.minimumWages)       | the amount                                 |
 * | employer | its prefecture's expected minimum wages (reference.expectedMinimumWages), with their paths and notes | all of them |
 * | employer | the support organisation it names (supportOrganisations), where the limits apply | checked again at each reuse     |
 * | both     | the reference data (prefectures, fields, laws)                        | constant: part of the code                 |
 *
 * What looks across rows always runs: repeated ids, the total of slots,
 * the support organisations' officers, the policy, the rankings.
 *
 * The caches are WeakMaps keyed by the row, so an entry goes with its row.
 * Decoded rows are deeply frozen before they are kept: decodes that reuse
 * one share it.
 */
import { supportLimitsApply } from "../domain/law.js";
import type { EmployerInput, WorkerInput } from "./codecs.js";
import { freezeOwn, isDeepFrozen } from "./freeze.js";
import type { Worker } from "./instance.js";
import type { DecodedEmployer, RowContext } from "./rows.js";
import type { Exclusion } from "../rules/ruleIds.js";

/** An employer row decoded, with the rules that bar it whoever the worker. */
export interface DecodedEmployerRow extends DecodedEmployer {
  readonly barriers: readonly Exclusion[];
}

interface Kept<T> {
  /** The context shared by every row of the decode (catalogue and placement). */
  readonly shared: string;
  /** For an employer: its prefecture's override and expected revisions. */
  readonly regional: string;
  readonly value: T;
}

const workers = new WeakMap<object, Kept<Worker>>();
const employers = new WeakMap<object, Kept<DecodedEmployerRow>>();

/** The keys of one decode's context: the shared part, and each prefecture's regional part (made on first use). */
export interface ReuseKeys {
  readonly shared: string;
  readonly regional: (code: string) => string;
}

export const reuseKeys = (ctx: RowContext): ReuseKeys => {
  const p = ctx.placement;
  const shared = JSON.stringify([ctx.catalogue.version, p.start, p.months, p.end, p.wages, p.startToleranceDays]);
  const regional = new Map<string, string>();
  return {
    shared,
    regional: (code) => {
      let key = regional.get(code);
      if (key === undefined) regional.set(code, (key = JSON.stringify([ctx.override(code) ?? null, ctx.expected.get(code) ?? []])));
      return key;
    },
  };
};

/** The worker this row decoded to before under the same context, if any. */
export const reusedWorker = (row: WorkerInput, ctx: RowContext, keys: ReuseKeys): Worker | undefined => {
  // A row that is not even frozen was never kept: one check of its shape, no lookup.
  if (!Object.isFrozen(row)) return undefined;
  const kept = workers.get(row);
  if (kept === undefined || kept.shared !== keys.shared) return undefined;
  if (row.formerInternAt !== undefined && !ctx.employerIds.has(row.formerInternAt)) return undefined;
  return kept.value;
};

/** Keeps what a deeply frozen row decoded to (without an issue); returns the decoded worker, frozen when kept. */
export const keepWorker = (row: WorkerInput, keys: ReuseKeys, worker: Worker): Worker => {
  if (!Object.isFrozen(row) || !isDeepFrozen(row)) return worker;
  workers.set(row, { shared: keys.shared, regional: "", value: freezeOwn(worker) });
  return worker;
};

/** Whether this employer row was kept by an earlier decode (under any context): it passed the structural check then, and is frozen. */
export const keptEmployer = (row: unknown): boolean => typeof row === "object" && row !== null && Object.isFrozen(row) && employers.has(row);

/** What this employer row decoded to before under the same context, if any. */
export const reusedEmployer = (row: EmployerInput, ctx: RowContext, keys: ReuseKeys): DecodedEmployerRow | undefined => {
  if (!Object.isFrozen(row)) return undefined;
  const kept = employers.get(row);
  if (kept === undefined || kept.shared !== keys.shared || kept.regional !== keys.regional(kept.value.employer.prefecture)) return undefined;
  if (row.support !== "self" && !ctx.organisations.has(row.support) && supportLimitsApply(ctx.placement)) return undefined;
  return kept.value;
};

/** Keeps what a deeply frozen row decoded to (without an issue, in a known prefecture); returns it, frozen when kept. */
export const keepEmployer = (row: EmployerInput, keys: ReuseKeys, decoded: DecodedEmployerRow): DecodedEmployerRow => {
  if (!Object.isFrozen(row) || !isDeepFrozen(row) || decoded.floor === null) return decoded;
  employers.set(row, { shared: keys.shared, regional: keys.regional(decoded.employer.prefecture), value: freezeOwn(decoded) });
  return decoded;
};
