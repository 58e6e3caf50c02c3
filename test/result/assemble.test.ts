/**
 * The result of a policy instance, recomputed from its placements: each
 * policy's value counted over the workers and employers its scope names (in
 * instance terms, through class membership, not through the model's arcs or
 * flows), each group's placed members and split read from the employers'
 * prefectures, and the rule counts of unplaced workers and unfilled employers
 * taken over every employer and worker one by one (no classes, no merging).
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { match } from "../../src/index.js";
import { generateInstance } from "../../src/generate/generate.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { Employer, Instance, Worker } from "../../src/input/instance.js";
import { buildModel } from "../../src/model/build.js";
import { exclusions } from "../../src/rules/eligibility.js";
import { employerLimits, supportCapacities } from "../../src/rules/limits.js";
import type { MatchResult } from "../../src/result/types.js";
import { countOneByOne } from "../support/ruleCounts.js";

const WORKERS = 600;
const EMPLOYERS = 60;

/** The benchmark's policy (bench/run.ts) at this size, families of three in one prefecture, and one employer no worker qualifies for. */
const input = (() => {
  // A seed where the quotas can be met: at this size the law's caps leave some draws less care room than the minimum.
  const base = generateInstance({ seed: "20261128", workers: WORKERS, employers: EMPLOYERS });
  const [first] = base.employers;
  return {
    ...base,
    workers: base.workers.map((w, i) => (i % 40 < 3 ? { ...w, group: `family-${Math.floor(i / 40)}` } : w)),
    employers: [...base.employers, { ...first, id: "E-nobody", slots: 2, requiredSkills: [{ name: "no-worker-has-this-skill" }] }],
    policy: {
      quotas: [
        { scope: "sector", key: "caregiving", min: Math.floor(0.15 * WORKERS) },
        { scope: "sector", key: "construction", max: Math.floor(0.12 * WORKERS) },
      ],
      diversity: { maxShare: 0.5 },
      fairness: [{ by: "trainingCentre", minShare: 0.5 }],
      groups: { together: "prefecture" },
    },
  };
})();

describe("a policy instance's result, recomputed from its placements", () => {
  const decoded = decodeInstance(input);
  if (E.isLeft(decoded)) throw new Error(`the instance does not decode: ${JSON.stringify(decoded.left.slice(0, 3))}`);
  const instance: Instance = decoded.right;
  // The model match solves: employers under the diversity limit merged where exact (src/policy/alike.ts).
  const built = buildModel(instance, true);
  const matched = match(input);
  if (E.isLeft(matched)) throw new Error("match rejected the instance");
  const result: MatchResult = matched.right;
  // The policy's constraints; the law's limits are reported from the placements (most are capacities in the model).
  const policies = (built.model.policies ?? []).filter((p) => p.law !== true);
  const groups = built.model.groups ?? [];
  // Every legal limit, from the rules' own list of them: employers in order, then support organisations.
  const law = [
    ...instance.employers.flatMap((e) => employerLimits(e, instance).map((l) => ({ ...l, employers: new Set([e.id]) }))),
    ...supportCapacities(instance).map((o) => ({ label: o.label, source: "law.support-capacity", max: o.max, exceptFormerInterns: false, employers: new Set(instance.employers.filter((e) => e.support === o.id).map((e) => e.id)) })),
  ];

  const workerIds = (classes: readonly number[]): Set<string> =>
    new Set(classes.flatMap((c) => (built.workerMembers[c] ?? []).map((w) => (instance.workers[w] as Worker).id)));
  const employerIds = (classes: readonly number[]): Set<string> =>
    new Set(classes.flatMap((j) => (built.employerMembers[j] ?? []).map((e) => (instance.employers[e] as Employer).id)));

  it("solves the instance, with every kind of policy in it", () => {
    expect(result.status).toBe("optimal");
    const kinds = new Set(policies.map((p) => p.scope.kind));
    expect([...kinds].sort()).toEqual(["employers", "pairs", "workers"]);
    expect(groups.length).toBeGreaterThan(5);
    expect(law.length).toBeGreaterThan(0);
    expect(result.policy.map((p) => p.label)).toEqual([...law.map((l) => l.label), ...policies.map((p) => p.label), ...groups.map((g) => g.label)]);
  });

  it("each legal limit counts the placements at its employers (housing: not their former interns), first, hard, never broken", () => {
    const workerById = new Map(instance.workers.map((w) => [w.id, w]));
    law.forEach((l, k) => {
      const value = result.placements.filter((x) => l.employers.has(x.employerId) && !(l.exceptFormerInterns && workerById.get(x.workerId)?.formerInternAt === x.employerId)).length;
      expect(value).toBeLessThanOrEqual(l.max);
      expect(result.policy[k]).toEqual({ label: l.label, source: l.source, hard: true, law: true, value, violation: 0 });
    });
    // not vacuous: some limit is reached
    expect(law.some((l, k) => result.policy[k]?.value === l.max && l.max > 0)).toBe(true);
  });

  it("each policy counts the placements in its scope, and its violation is the units outside its bounds", () => {
    const outcomes = policies.map((p, k) => {
      const inScope =
        p.scope.kind === "employers"
          ? ((ids: Set<string>) => (_w: string, e: string) => ids.has(e))(employerIds(p.scope.classes))
          : p.scope.kind === "workers"
            ? ((ids: Set<string>) => (w: string) => ids.has(w))(workerIds(p.scope.classes))
            : ((ws: Set<string>, es: Set<string>) => (w: string, e: string) => ws.has(w) && es.has(e))(workerIds(p.scope.workers), employerIds([p.scope.employer]));
      const value = result.placements.filter((x) => inScope(x.workerId, x.employerId)).length;
      const violation = Math.max(0, (p.min ?? 0) - value) + Math.max(0, value - (p.max ?? Infinity));
      return { expected: { label: p.label, source: p.source, hard: p.penalty === null, law: false, value, violation }, actual: result.policy[law.length + k] };
    });
    for (const { expected, actual } of outcomes) expect(actual).toEqual(expected);
    // not vacuous: some diversity limits and the fairness floors count placements
    expect(outcomes.filter((o) => o.expected.source === "policy.diversity" && o.expected.value > 0).length).toBeGreaterThan(10);
    expect(outcomes.filter((o) => o.expected.source.startsWith("policy.fairness") && o.expected.value > 0).length).toBeGreaterThan(1);
  });

  it("each group counts its placed members, and is split when they are some but not all, or in two prefectures", () => {
    const employerById = new Map(instance.employers.map((e) => [e.id, e]));
    const at = new Map(result.placements.map((p) => [p.workerId, employerById.get(p.employerId) as Employer]));
    groups.forEach((g, k) => {
      const members = [...workerIds(g.workerClasses)];
      const placed = members.flatMap((w) => (at.has(w) ? [at.get(w) as Employer] : []));
      const split = placed.length > 0 && (placed.length < members.length || new Set(placed.map((e) => e.prefecture)).size > 1);
      expect(result.policy[law.length + policies.length + k]).toEqual({ label: g.label, source: g.source, hard: g.penalty === null, law: false, value: placed.length, violation: split ? 1 : 0 });
    });
    expect(result.policy.slice(law.length + policies.length).some((o) => o.value > 0)).toBe(true);
  });

  it("an unplaced worker no employer accepts gets the rules counted over every employer, in class order", () => {
    const byClassOrder = built.employerMembers.flatMap((m) => m.map((e) => instance.employers[e] as Employer));
    const workerById = new Map(instance.workers.map((w) => [w.id, w]));
    const none = result.unplaced.filter((u) => u.reason.kind === "no-eligible-slot");
    expect(none.length).toBeGreaterThan(0);
    for (const u of none) {
      const worker = workerById.get(u.workerId) as Worker;
      expect(u.reason).toEqual({ kind: "no-eligible-slot", excludedBy: countOneByOne(byClassOrder, (e) => exclusions(worker, e, instance.reference)) });
    }
  });

  it("an employer no worker qualifies for gets the rules counted over every worker, in class order", () => {
    const byClassOrder = built.workerMembers.flatMap((m) => m.map((w) => instance.workers[w] as Worker));
    const employerById = new Map(instance.employers.map((e) => [e.id, e]));
    const none = result.employers.filter((o) => o.unfilledReason?.kind === "no-eligible-worker");
    expect(none.map((o) => o.employerId)).toContain("E-nobody");
    for (const o of none) {
      const employer = employerById.get(o.employerId) as Employer;
      expect(o.unfilledReason).toEqual({ kind: "no-eligible-worker", excludedBy: countOneByOne(byClassOrder, (w) => exclusions(w, employer, instance.reference)) });
    }
  });
});
