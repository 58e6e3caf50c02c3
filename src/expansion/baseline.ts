/**
 * The solve that marginal values and the expansion planner start from, and
 * the re-solves they make.
 *
 * Everything in src/expansion is measured by *exact re-solves* through the
 * public `match`: change the instance (one more slot at each employer of a
 * group, a test passed by a centre's workers, slots cut to a plan), solve it
 * again, and compare placements. A figure is exact when both solves are
 * proved optimal (`status: "optimal"`); `Baseline.exact` says whether every
 * solve so far was. No engine internals are read, so the figures hold for
 * whatever engine `match` picks, policies included.
 *
 * Placements come first in the objective (src/model/objective.ts), so a
 * change that only relaxes the instance (more slots, more qualifications)
 * never lowers placements: a zero for a larger change proves a zero for
 * every part of it, which is how the searches here save re-solves.
 *
 * @example
 * const base = baseline(instance); // Right({ input, result, ... })
 */
import * as E from "fp-ts/lib/Either.js";
import type { EmployerInput, InstanceInput } from "../input/codecs.js";
import type { InputIssue } from "../input/issues.js";
import { match, type MatchOptions } from "../match.js";
import type { MatchResult } from "../result/types.js";

/** What one re-solve gave: placements, total score and the status (exact when "optimal"). */
export interface Solved {
  readonly status: MatchResult["status"];
  readonly placed: number;
  readonly totalScore: number;
}

/** The instance, its solve, and a counter of the re-solves made from it. */
export interface Baseline {
  readonly input: InstanceInput;
  readonly result: MatchResult;
  readonly options: MatchOptions;
  /** Re-solves made so far (not counting the baseline's own solve). */
  solves: number;
  /** Whether the baseline and every re-solve so far were proved optimal. */
  exact: boolean;
}

/** Solves `input` once; Left with every issue if it does not decode. */
export const baseline = (input: InstanceInput, options: MatchOptions = {}): E.Either<readonly InputIssue[], Baseline> => {
  const result = match(input, options);
  if (E.isLeft(result)) return result;
  return E.right({ input, result: result.right, options, solves: 0, exact: result.right.status === "optimal" });
};

/**
 * Solves a changed instance and counts the solve. A changed instance that no
 * longer decodes is a bug in the change (the changes here keep every field
 * valid), so it throws.
 */
export const resolveResult = (base: Baseline, input: InstanceInput): MatchResult => {
  const result = match(input, base.options);
  if (E.isLeft(result)) throw new Error(`expansion: a changed instance does not decode: ${result.left.map((i) => i.path).join(", ")}`);
  base.solves += 1;
  if (result.right.status !== "optimal") base.exact = false;
  return result.right;
};

/** `resolveResult`, kept to what the searches compare. */
export const resolve = (base: Baseline, input: InstanceInput): Solved => {
  const r = resolveResult(base, input);
  return { status: r.status, placed: r.summary.placed, totalScore: r.summary.totalScore };
};

/** A (prefecture, field) group's key, `37/nursing-care`. */
export const groupKey = (prefecture: string, field: string): string => `${prefecture}/${field}`;

/** The input's employers by group key, in input order; groups in order of first appearance. */
export const employerGroups = (input: InstanceInput): ReadonlyMap<string, readonly EmployerInput[]> => {
  const groups = new Map<string, EmployerInput[]>();
  for (const e of input.employers) {
    const key = groupKey(e.prefecture, e.field);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return groups;
};

/** Placements per group key in a result, from the input's employers. */
export const placedByGroup = (input: InstanceInput, result: MatchResult): ReadonlyMap<string, number> => {
  const groupOf = new Map(input.employers.map((e) => [e.id, groupKey(e.prefecture, e.field)]));
  const out = new Map<string, number>();
  for (const p of result.placements) {
    const key = groupOf.get(p.employerId);
    if (key !== undefined) out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
};

/** Compares strings by code unit, for orders that do not depend on the locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
