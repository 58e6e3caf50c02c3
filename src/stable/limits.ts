/**
 * The limits that decide whether an employer could legally take one more
 * worker: its legal capacity (slots, or fewer under a statutory cap), its own
 * maximum quota, and the maximum quotas of the sector, field and prefecture
 * it is in. Read by the stability audit (./audit.ts): a free slot that a
 * limit forbids filling is no better option for anyone.
 *
 * Every maximum counts, hard or soft: a soft maximum is still the
 * programme's stated limit, and a mechanism or an audit cannot weigh its
 * penalty against a worker's wish.
 */
import type { Employer, Instance } from "../input/instance.js";
import { quotaCovers } from "../policy/scope.js";
import type { Quota } from "../policy/types.js";
import { legalCapacity } from "./market.js";

/** A maximum over a set of employers. */
export interface Region {
  readonly label: string;
  readonly source: string;
  readonly max: number;
}

export interface Limits {
  /** Per employer index: legal capacity, lowered by its own maximum quota. */
  readonly capacity: Int32Array;
  /** Maximum quotas over sectors, fields and prefectures. */
  readonly regions: readonly Region[];
  /** Per employer index, the regions it is in (indices into `regions`). */
  readonly regionsOf: readonly (readonly number[])[];
}

/** "sector caregiving: at most 600 placed". */
export const quotaMaxLabel = (q: Quota): string => `${q.scope === "employer" ? `employer ${q.key}` : `${q.scope} ${q.key}`}: at most ${q.max} placed`;

/** Whether an employer is in a quota's scope. */
export const inScope = (instance: Instance, q: Quota, e: Employer): boolean => quotaCovers(instance.reference.catalogue, q, e);

export const limitsOf = (instance: Instance): Limits => {
  const capacity = Int32Array.from(instance.employers, (e) => legalCapacity(instance, e));
  const regions: Region[] = [];
  const regionsOf: number[][] = instance.employers.map(() => []);
  for (const q of instance.policy.quotas) {
    if (q.max === null) continue;
    if (q.scope === "employer") {
      instance.employers.forEach((e, i) => {
        if (e.id === q.key) capacity[i] = Math.min(capacity[i] as number, q.max as number);
      });
      continue;
    }
    const r = regions.push({ label: quotaMaxLabel(q), source: q.source, max: q.max }) - 1;
    instance.employers.forEach((e, i) => {
      if (inScope(instance, q, e)) regionsOf[i]?.push(r);
    });
  }
  return { capacity, regions, regionsOf };
};
