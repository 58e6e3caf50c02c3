/**
 * The limits that decide whether an employer could legally take one more
 * worker: its legal capacity, its own maximum quota, the maximum quotas of
 * the sector, field and prefecture it is in, and the legal capacity of its
 * registered support organisation. Read by the stable mechanisms (./caps.ts,
 * ./market.ts) and the stability audit (./audit.ts): a free slot that a
 * limit forbids filling is no better option for anyone, and no stable plan
 * places a worker against the law.
 *
 * The legal limits are the law's own (../rules/limits.ts), the ones the
 * optimiser's model carries, never derived again here:
 * - per employer (`employerLimits`): the nursing-care and construction staff
 *   caps, the construction acceptance plan's headcount, and provided
 *   housing's beds and space, each lowering the employer's legal capacity;
 * - over a support organisation's employers (`supportCapacities`, when the
 *   placement period reaches 2027-04-01): a region like a maximum quota.
 * One simplification, on the safe side: the law does not count an
 * employer's former technical interns staying in their dormitory against its
 * housing; the stable mechanisms and the audit do (the optimiser does not),
 * so a stable plan may leave such a worker out of a bed the law would let
 * her keep, and the audit does not count that bed as a better offer.
 *
 * Every maximum counts, hard or soft: a soft maximum is still the
 * programme's stated limit, and a mechanism or an audit cannot weigh its
 * penalty against a worker's wish.
 */
import type { Employer, Instance } from "../input/instance.js";
import { quotaCovers } from "../policy/scope.js";
import type { Quota } from "../policy/types.js";
import { limitsByEmployer, supportCapacities, type EmployerLimit } from "../rules/limits.js";

const capacityUnder = (limits: readonly EmployerLimit[], slots: number): number => limits.reduce((cap, limit) => Math.min(cap, limit.max), slots);

/**
 * Per employer index, the most workers it may legally take: its slots, or
 * fewer under any of the law's limits on it (../rules/limits.ts
 * `employerLimits`: staff caps, acceptance plan, housing), always on
 * whatever the policy says; the limits are worked out once per instance
 * (`limitsByEmployer`).
 */
export const legalCapacityOf = (instance: Instance): Int32Array => {
  const limits = limitsByEmployer(instance);
  return Int32Array.from(instance.employers, (e, i) => capacityUnder(limits[i] ?? [], e.slots));
};

/** A legal limit over a set of employers: a support organisation's capacity, with its members (employer indices, in order). */
export interface LegalRegion {
  readonly label: string;
  readonly source: string;
  readonly max: number;
  readonly employers: readonly number[];
}

/** The law's limits over sets of employers (../rules/limits.ts `supportCapacities`), organisations in id order. */
export const legalRegions = (instance: Instance): LegalRegion[] =>
  supportCapacities(instance)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((o) => ({
      label: o.label,
      source: "law.support-capacity",
      max: o.max,
      employers: instance.employers.flatMap((e, i) => (e.support === o.id ? [i] : [])),
    }));

/** A maximum over a set of employers. */
export interface Region {
  readonly label: string;
  readonly source: string;
  readonly max: number;
}

export interface Limits {
  /** Per employer index: legal capacity, lowered by its own maximum quota. */
  readonly capacity: Int32Array;
  /** Maximum quotas over sectors, fields and prefectures, then the legal capacities of support organisations. */
  readonly regions: readonly Region[];
  /** Per employer index, the regions it is in (indices into `regions`). */
  readonly regionsOf: readonly (readonly number[])[];
}

/** "sector caregiving: at most 600 placed". */
export const quotaMaxLabel = (q: Quota): string => `${q.scope === "employer" ? `employer ${q.key}` : `${q.scope} ${q.key}`}: at most ${q.max} placed`;

/** Whether an employer is in a quota's scope. */
export const inScope = (instance: Instance, q: Quota, e: Employer): boolean => quotaCovers(instance.reference.catalogue, q, e);

export const limitsOf = (instance: Instance): Limits => {
  const capacity = legalCapacityOf(instance);
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
  for (const l of legalRegions(instance)) {
    const r = regions.push({ label: l.label, source: l.source, max: l.max }) - 1;
    for (const i of l.employers) regionsOf[i]?.push(r);
  }
  return { capacity, regions, regionsOf };
};
