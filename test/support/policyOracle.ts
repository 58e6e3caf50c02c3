/**
 * The policies' documented meaning, written out again for tests: tiny
 * instances with training centres, groups and staff counts, a random policy,
 * the violations of one assignment, and brute force over all assignments
 * within each employer's legal capacity (the statutory caps are law: never a
 * violation to weigh, never relaxed).
 * Shared by the policy, diagnosis and explanation tests; never imports the
 * library's policy code.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { match } from "../../src/index.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import type { PolicyInput } from "../../src/policy/codecs.js";
import type { MatchResult } from "../../src/result/types.js";
import { lawful, type InstanceDraft } from "./lawful.js";
import { legalCapacity, oracleEligible, oracleScore, tinyInstanceArb, type TinyEmployer, type TinyWorker } from "./tiny.js";

export const SECTOR: Record<string, string> = { "nursing-care": "caregiving", construction: "construction", "food-service": "hospitality" };
export const MAX_SCORE = 49;

/** Tiny instances with training centres and groups (their staff counts drawn by tiny.ts), and a policy. */
export const policyCase = (maxWorkers: number, maxEmployers: number): fc.Arbitrary<{ input: InstanceInput; policy: PolicyInput }> =>
  tinyInstanceArb(maxWorkers, maxEmployers).chain((base) =>
    fc
      .record({
        centres: fc.array(fc.constantFrom("Bandung", "Semarang"), { minLength: base.workers.length, maxLength: base.workers.length }),
        groups: fc.array(fc.constantFrom(null, "g1", "g2"), { minLength: base.workers.length, maxLength: base.workers.length }),
        policy: policyArb(base),
      })
      .map(({ centres, groups, policy }) => ({
        input: {
          ...base,
          workers: base.workers.map((w, i) => ({ ...w, trainingCentre: centres[i] as string, ...(groups[i] === null ? {} : { group: groups[i] as string }) })),
        },
        policy,
      })),
  );

export const penalty = fc.option(fc.constantFrom(0.5, 0.99, 1, 2), { nil: undefined });
export const withPenalty = <T extends object>(x: T, p: number | undefined): T => (p === undefined ? x : { ...x, penalty: p });

export const policyArb = (base: InstanceInput): fc.Arbitrary<PolicyInput> =>
  fc
    .record({
      quota: fc.option(
        fc.record({
          scope: fc.constantFrom("sector", "field", "prefecture", ...(base.employers.length > 0 ? (["employer"] as const) : [])),
          min: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
          max: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
          penalty,
          pick: fc.nat(),
        }),
        { nil: undefined },
      ),
      diversity: fc.option(fc.record({ maxCount: fc.integer({ min: 1, max: 2 }), penalty }), { nil: undefined }),
      fairness: fc.option(fc.record({ minShare: fc.constantFrom(0.3, 0.5, 1), penalty }), { nil: undefined }),
      groups: fc.option(fc.record({ together: fc.constantFrom("prefecture" as const, "employer" as const), penalty }), { nil: undefined }),
    })
    .map((p) => {
      const out: { -readonly [K in keyof PolicyInput]: PolicyInput[K] } = {};
      if (p.quota !== undefined && (p.quota.min !== undefined || p.quota.max !== undefined)) {
        const keys: Record<string, readonly string[]> = {
          sector: ["caregiving", "construction", "hospitality"],
          field: ["nursing-care", "construction", "food-service"],
          prefecture: ["37", "38"],
          employer: base.employers.map((e) => e.id),
        };
        const list = keys[p.quota.scope] as readonly string[];
        const min = p.quota.min;
        const max = p.quota.max === undefined || min === undefined ? p.quota.max : Math.max(min, p.quota.max);
        out.quotas = [
          withPenalty({ scope: p.quota.scope, key: list[p.quota.pick % list.length] as string, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }, p.quota.penalty),
        ];
      }
      if (p.diversity !== undefined) out.diversity = withPenalty({ maxCount: p.diversity.maxCount }, p.diversity.penalty);
      if (p.fairness !== undefined) out.fairness = [withPenalty({ by: "trainingCentre" as const, minShare: p.fairness.minShare }, p.fairness.penalty)];
      if (p.groups !== undefined) out.groups = withPenalty({ together: p.groups.together }, p.groups.penalty);
      return out;
    });

// ---------------------------------------------------------------------------
// The oracle: the policies' documented meaning, checked on one assignment.

export type Assignment = readonly number[]; // employer index per worker, -1 for none

/** Units of violation per constraint, with whether it is hard; groups count 1 when split. */
export const violations = (input: InstanceInput, policy: PolicyInput, x: Assignment): { units: number; penalty: number | undefined; group?: true }[] => {
  const { workers, employers } = input;
  const out: { units: number; penalty: number | undefined; group?: true }[] = [];
  const placedAt = (pred: (e: TinyEmployer) => boolean): number => x.filter((j) => j >= 0 && pred(employers[j] as TinyEmployer)).length;
  for (const q of policy.quotas ?? []) {
    const n = placedAt((e) =>
      q.scope === "sector" ? SECTOR[e.field] === q.key : q.scope === "field" ? e.field === q.key : q.scope === "prefecture" ? e.prefecture === q.key : e.id === q.key,
    );
    out.push({ units: Math.max(0, (q.min ?? 0) - n) + Math.max(0, n - (q.max ?? Infinity)), penalty: q.penalty });
  }
  if (policy.diversity?.maxCount !== undefined) {
    employers.forEach((_, j) => {
      for (const centre of ["Bandung", "Semarang"]) {
        const n = x.filter((k, i) => k === j && (workers[i] as TinyWorker).trainingCentre === centre).length;
        out.push({ units: Math.max(0, n - (policy.diversity?.maxCount ?? Infinity)), penalty: policy.diversity?.penalty });
      }
    });
  }
  for (const f of policy.fairness ?? []) {
    for (const centre of ["Bandung", "Semarang"]) {
      const mine = workers.map((w, i) => [w, i] as const).filter(([w]) => w.trainingCentre === centre);
      const eligible = mine.filter(([w]) => employers.some((e) => e.slots > 0 && oracleEligible(w, e))).length;
      const floor = Math.min(Math.ceil(f.minShare * mine.length), eligible);
      const placed = mine.filter(([, i]) => (x[i] as number) >= 0).length;
      out.push({ units: Math.max(0, floor - placed), penalty: f.penalty });
    }
  }
  const groupIds = [...new Set(workers.flatMap((w) => (w.group === undefined ? [] : [w.group])))];
  for (const g of groupIds) {
    const members = workers.flatMap((w, i) => (w.group === g ? [i] : []));
    if (members.length < 2) continue;
    const at = members.map((i) => x[i] as number);
    const placed = at.filter((j) => j >= 0);
    const region = (j: number): string => (policy.groups?.together === "employer" ? `${j}` : (employers[j] as TinyEmployer).prefecture);
    const together = placed.length === 0 || (placed.length === members.length && new Set(placed.map(region)).size === 1);
    out.push({ units: together ? 0 : 1, penalty: policy.groups?.penalty, group: true });
  }
  return out;
};

/** Units over each nursing-care and construction employer's legal cap (its staff), one entry per employer: always hard, the law. */
export const legalViolations = (input: InstanceInput, x: Assignment): { units: number; penalty: undefined }[] =>
  input.employers.map((e, j) => ({ units: Math.max(0, x.filter((k) => k === j).length - legalCapacity(e)), penalty: undefined }));

/** Every penalty the policy sets. */
const penaltiesOf = (policy: PolicyInput): number[] =>
  [...(policy.quotas ?? []).map((q) => q.penalty), policy.diversity?.penalty, ...(policy.fairness ?? []).map((f) => f.penalty), policy.groups?.penalty].filter(
    (p): p is number => p !== undefined,
  );

/**
 * The placement weight as the README defines it: W = maxScore * P + 1 (P the
 * most placements possible), rounded up to a multiple of every penalty's
 * denominator, so that each penalty * W is a whole number of objective units.
 */
export const placementWeight = (input: InstanceInput, policy: PolicyInput): number => {
  const slots = input.employers.reduce((s, e) => s + e.slots, 0);
  const least = MAX_SCORE * Math.min(input.workers.length, slots) + 1;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let lcm = 1;
  for (const p of penaltiesOf(policy)) {
    let d = 1;
    while (Math.abs(p * d - Math.round(p * d)) > 1e-9) d++;
    lcm = (lcm / gcd(lcm, d)) * d;
  }
  return Math.ceil(least / lcm) * lcm;
};

/** The best objective over all assignments, in the library's units; null when no assignment meets the hard policies. */
export const bruteForce = (input: InstanceInput, policy: PolicyInput): number | null => {
  const { workers, employers } = input;
  const W = placementWeight(input, policy);
  let best: number | null = null;
  const x: number[] = workers.map(() => -1);
  const left = employers.map(legalCapacity);
  const go = (i: number, value: number): void => {
    if (i === workers.length) {
      let total = value;
      for (const v of violations(input, policy, x)) {
        if (v.units === 0) continue;
        if (v.penalty === undefined) return;
        total -= Math.round(v.penalty * W) * v.units; // a whole number: W is a multiple of the penalty's denominator
      }
      if (best === null || total > best) best = total;
      return;
    }
    x[i] = -1;
    go(i + 1, value);
    employers.forEach((e, j) => {
      const w = workers[i] as TinyWorker;
      if ((left[j] as number) > 0 && oracleEligible(w, e)) {
        left[j] = (left[j] as number) - 1;
        x[i] = j;
        go(i + 1, value + W + oracleScore(w, e));
        left[j] = (left[j] as number) + 1;
        x[i] = -1;
      }
    });
  };
  go(0, 0);
  return best;
};

/** Solves the instance (made lawful where a test left declarations out: ./lawful.ts) under the policy. */
export const solve = (input: InstanceDraft, policy: PolicyInput, engine: "auto" | "lp-solver" | "flow" | "side" = "auto"): MatchResult => {
  const r = match({ ...lawful(input), policy }, { engine });
  if (E.isLeft(r)) throw new Error(`rejected: ${JSON.stringify(r.left)}`);
  return r.right;
};

export const assignmentOf = (input: InstanceInput, result: MatchResult): number[] => {
  const at = new Map(result.placements.map((p) => [p.workerId, input.employers.findIndex((e) => e.id === p.employerId)]));
  return input.workers.map((w) => at.get(w.id) ?? -1);
};

/** Every assignment of workers to employers with a free slot, within the legal caps, they are eligible for (or none). */
export const assignments = (input: InstanceInput): Assignment[] => {
  const { workers, employers } = input;
  const out: Assignment[] = [];
  const x: number[] = workers.map(() => -1);
  const left = employers.map(legalCapacity);
  const go = (i: number): void => {
    if (i === workers.length) {
      out.push([...x]);
      return;
    }
    go(i + 1);
    employers.forEach((e, j) => {
      if ((left[j] as number) > 0 && oracleEligible(workers[i] as TinyWorker, e)) {
        left[j] = (left[j] as number) - 1;
        x[i] = j;
        go(i + 1);
        left[j] = (left[j] as number) + 1;
        x[i] = -1;
      }
    });
  };
  go(0);
  return out;
};

/** Units of hard (non-group) policy violation of one assignment; null when it splits a hard group. */
export const hardUnits = (input: InstanceInput, policy: PolicyInput, x: Assignment): number | null => {
  let units = 0;
  for (const v of violations(input, policy, x)) {
    if (v.penalty !== undefined) continue;
    if (v.group === true) {
      if (v.units > 0) return null;
    } else units += v.units;
  }
  return units;
};

/** The fewest units of hard (non-group) policy violation any assignment needs, hard groups kept. */
export const smallestRelaxation = (input: InstanceInput, policy: PolicyInput): number =>
  Math.min(...assignments(input).map((x) => hardUnits(input, policy, x) ?? Infinity));
