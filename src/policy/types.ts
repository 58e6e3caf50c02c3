/**
 * A decoded policy: checked against the instance, keys normalised
 * (prefecture names to codes). Penalties are in placements per unit of
 * violation; null means hard.
 */
import type { FairnessBy, QuotaScope, Together } from "./codecs.js";

export interface Quota {
  /** Where it came from in the input, e.g. "policy.quotas[2]". */
  readonly source: string;
  readonly scope: QuotaScope;
  /** Sector name, field id, prefecture code or employer id. */
  readonly key: string;
  readonly min: number | null;
  readonly max: number | null;
  readonly penalty: number | null;
}

export interface Diversity {
  readonly maxShare: number | null;
  readonly maxCount: number | null;
  readonly penalty: number | null;
}

export interface Fairness {
  readonly source: string;
  readonly by: FairnessBy;
  readonly minShare: number;
  readonly penalty: number | null;
}

export interface Policy {
  readonly quotas: readonly Quota[];
  readonly diversity: Diversity | null;
  readonly fairness: readonly Fairness[];
  /** How workers sharing a `group` are kept together; applies whenever some worker has a group. */
  readonly groups: { readonly together: Together; readonly penalty: number | null };
}

export const NO_POLICY: Policy = {
  quotas: [],
  diversity: null,
  fairness: [],
  groups: { together: "prefecture", penalty: null },
};
