/**
 * Policy constraints against brute force: on tiny instances, every
 * assignment of workers to employers (or none) is enumerated, the hard
 * policies re-checked from their documented meaning, soft ones priced, and
 * the best (placements and score first, less penalties) compared with match.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { match } from "../../src/index.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import type { PolicyInput } from "../../src/policy/codecs.js";
import type { MatchResult } from "../../src/result/types.js";
import { fcOptions } from "../support/seed.js";
import { oracleEligible, oracleScore, tinyInstanceArb, type TinyEmployer, type TinyWorker } from "../support/tiny.js";

const SECTOR: Record<string, string> = { "nursing-care": "caregiving", construction: "construction", "food-service": "hospitality" };
const MAX_SCORE = 49;

/** Tiny instances with training centres, groups and staff counts, and a policy. */
const policyCase = (maxWorkers: number, maxEmployers: number): fc.Arbitrary<{ input: InstanceInput; policy: PolicyInput }> =>
  tinyInstanceArb(maxWorkers, maxEmployers).chain((base) =>
    fc
      .record({
        centres: fc.array(fc.constantFrom("Bandung", "Semarang"), { minLength: base.workers.length, maxLength: base.workers.length }),
        groups: fc.array(fc.constantFrom(null, "g1", "g2"), { minLength: base.workers.length, maxLength: base.workers.length }),
        staff: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: base.employers.length, maxLength: base.employers.length }),
        policy: policyArb(base),
      })
      .map(({ centres, groups, staff, policy }) => ({
        input: {
          ...base,
          workers: base.workers.map((w, i) => ({ ...w, trainingCentre: centres[i] as string, ...(groups[i] === null ? {} : { group: groups[i] as string }) })),
          employers: base.employers.map((e, i) =>
            e.field === "nursing-care" ? { ...e, japaneseCareStaff: staff[i] as number } : e.field === "construction" ? { ...e, fullTimeStaff: staff[i] as number } : e,
          ),
        },
        policy,
      })),
  );

const penalty = fc.option(fc.constantFrom(0.5, 1, 2), { nil: undefined });
const withPenalty = <T extends object>(x: T, p: number | undefined): T => (p === undefined ? x : { ...x, penalty: p });

const policyArb = (base: InstanceInput): fc.Arbitrary<PolicyInput> =>
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
      caps: fc.option(penalty, { nil: null }),
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
      if (p.caps !== null) out.headcountCaps = withPenalty({}, p.caps);
      if (p.diversity !== undefined) out.diversity = withPenalty({ maxCount: p.diversity.maxCount }, p.diversity.penalty);
      if (p.fairness !== undefined) out.fairness = [withPenalty({ by: "trainingCentre" as const, minShare: p.fairness.minShare }, p.fairness.penalty)];
      if (p.groups !== undefined) out.groups = withPenalty({ together: p.groups.together }, p.groups.penalty);
      return out;
    });

// ---------------------------------------------------------------------------
// The oracle: the policies' documented meaning, checked on one assignment.

type Assignment = readonly number[]; // employer index per worker, -1 for none

/** Units of violation per constraint, with whether it is hard; groups count 1 when split. */
const violations = (input: InstanceInput, policy: PolicyInput, x: Assignment): { units: number; penalty: number | undefined; group?: true }[] => {
  const { workers, employers } = input;
  const out: { units: number; penalty: number | undefined; group?: true }[] = [];
  const placedAt = (pred: (e: TinyEmployer) => boolean): number => x.filter((j) => j >= 0 && pred(employers[j] as TinyEmployer)).length;
  for (const q of policy.quotas ?? []) {
    const n = placedAt((e) =>
      q.scope === "sector" ? SECTOR[e.field] === q.key : q.scope === "field" ? e.field === q.key : q.scope === "prefecture" ? e.prefecture === q.key : e.id === q.key,
    );
    out.push({ units: Math.max(0, (q.min ?? 0) - n) + Math.max(0, n - (q.max ?? Infinity)), penalty: q.penalty });
  }
  if (policy.headcountCaps !== undefined) {
    employers.forEach((e, j) => {
      const cap = e.japaneseCareStaff ?? e.fullTimeStaff;
      if (cap !== undefined) out.push({ units: Math.max(0, x.filter((k) => k === j).length - cap), penalty: policy.headcountCaps?.penalty });
    });
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

/** The best objective over all assignments, in the library's units; null when no assignment meets the hard policies. */
const bruteForce = (input: InstanceInput, policy: PolicyInput): number | null => {
  const { workers, employers } = input;
  const slots = employers.reduce((s, e) => s + e.slots, 0);
  const W = MAX_SCORE * Math.min(workers.length, slots) + 1;
  let best: number | null = null;
  const x: number[] = workers.map(() => -1);
  const left = employers.map((e) => e.slots);
  const go = (i: number, value: number): void => {
    if (i === workers.length) {
      let total = value;
      for (const v of violations(input, policy, x)) {
        if (v.units === 0) continue;
        if (v.penalty === undefined) return;
        total -= Math.round(v.penalty * W) * v.units;
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

const solve = (input: InstanceInput, policy: PolicyInput, engine: "auto" | "lp-solver" | "flow" = "auto"): MatchResult => {
  const r = match({ ...input, policy }, { engine });
  if (E.isLeft(r)) throw new Error(`rejected: ${JSON.stringify(r.left)}`);
  return r.right;
};

const assignmentOf = (input: InstanceInput, result: MatchResult): number[] => {
  const at = new Map(result.placements.map((p) => [p.workerId, input.employers.findIndex((e) => e.id === p.employerId)]));
  return input.workers.map((w) => at.get(w.id) ?? -1);
};

describe.each(["auto", "lp-solver"] as const)("policy constraints against brute force, engine %s", (engine) => {
  it("every answer meets the hard policies and matches the brute-force optimum, or both say infeasible", () => {
    fc.assert(
      fc.property(policyCase(6, 3), ({ input, policy }) => {
        const result = solve(input, policy, engine);
        // every policy here nests, so "auto" keeps them on the flow engine (groups by its branch and bound)
        if (engine === "auto") expect(result.engine).toBe("flow");
        const best = bruteForce(input, policy);
        if (best === null) {
          expect(result.status).toBe("infeasible");
          return;
        }
        expect(result.status).toBe("optimal");
        const x = assignmentOf(input, result);
        for (const v of violations(input, policy, x)) if (v.penalty === undefined) expect(v.units).toBe(0);
        expect(result.objective?.value).toBe(best);
      }),
      fcOptions(120),
    );
  });

});

describe("policy constraints on the flow engine (no groups: every policy nests)", () => {
  it("the network path proves the brute-force optimum, or infeasibility", () => {
    fc.assert(
      fc.property(policyCase(6, 3), ({ input, policy }) => {
        const ungrouped = { ...input, workers: input.workers.map(({ group: _group, ...w }) => w) };
        const { groups: _groups, ...rest } = policy;
        const result = solve(ungrouped, rest, "flow");
        expect(result.engine).toBe("flow");
        const best = bruteForce(ungrouped, rest);
        if (best === null) expect(result.status).toBe("infeasible");
        else {
          expect(result.status).toBe("optimal");
          expect(result.objective?.value).toBe(best);
        }
      }),
      fcOptions(150),
    );
  });
});

/** The fewest units of hard (non-group) policy violation any assignment needs, hard groups kept. */
const smallestRelaxation = (input: InstanceInput, policy: PolicyInput): number => {
  const { workers, employers } = input;
  let best = Infinity;
  const x: number[] = workers.map(() => -1);
  const left = employers.map((e) => e.slots);
  const go = (i: number): void => {
    if (i === workers.length) {
      let units = 0;
      for (const v of violations(input, policy, x)) {
        if (v.penalty !== undefined) continue;
        if (v.group === true) {
          if (v.units > 0) return;
        } else units += v.units;
      }
      best = Math.min(best, units);
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
  return best;
};

describe("diagnosis of an infeasible plan", () => {
  it("names a relaxation that restores feasibility, and no smaller one exists", () => {
    let diagnosed = 0;
    fc.assert(
      fc.property(
        policyCase(6, 3).map(({ input, policy }) => ({
          input,
          // tighter minimums, so that infeasible plans are common
          policy: { ...policy, quotas: (policy.quotas ?? []).map((q) => ({ scope: q.scope, key: q.key, min: (q.min ?? 0) + 2 })) },
        })),
        ({ input, policy }) => {
          const result = solve(input, policy);
          if (result.status !== "infeasible") {
            expect(result.diagnosis).toBeNull();
            return;
          }
          diagnosed++;
          const d = result.diagnosis;
          expect(d?.kind).toBe("relaxation");
          if (d?.kind !== "relaxation") return;
          expect(d.totalUnits).toBe(smallestRelaxation(input, policy));
          expect(d.relaxations.reduce((s, r) => s + r.by, 0)).toBe(d.totalUnits);
          // Apply it: quotas by source; fairness floors become a plain minimum share of 0 where relaxed.
          const relaxedQuotas = (policy.quotas ?? []).map((q, i) => {
            const r = d.relaxations.find((x) => x.source === `policy.quotas[${i}]`);
            return r === undefined ? q : r.bound === "min" ? { ...q, min: r.to } : { ...q, max: r.to };
          });
          const fairnessRelaxed = d.relaxations.some((r) => r.source.startsWith("policy.fairness"));
          const capsRelaxed = d.relaxations.some((r) => r.source === "policy.headcountCaps");
          const diversityRelaxed = d.relaxations.some((r) => r.source === "policy.diversity");
          if (!fairnessRelaxed && !capsRelaxed && !diversityRelaxed) {
            expect(solve(input, { ...policy, quotas: relaxedQuotas }).status).toBe("optimal");
          }
        },
      ),
      fcOptions(150),
    );
    expect(diagnosed).toBeGreaterThan(5);
  });
});

describe("removing a policy", () => {
  it("removing the policy (and the workers' groups) never lowers the objective", () => {
    fc.assert(
      fc.property(policyCase(6, 3), ({ input, policy }) => {
        const withPolicy = solve(input, policy);
        const ungrouped = { ...input, workers: input.workers.map(({ group: _group, ...w }) => w) };
        const without = solve(ungrouped, {});
        if (withPolicy.objective !== null && without.objective !== null) {
          expect(without.objective.value).toBeGreaterThanOrEqual(withPolicy.objective.value);
        }
        expect(without.status).toBe("optimal");
      }),
      fcOptions(60),
    );
  });
});

describe("the diagnosis in the cohort's terms", () => {
  it("says how many are eligible and which rule keeps most of the others out", () => {
    const worker = (id: string, careTest: boolean) => ({
      id,
      language: ["N4" as const],
      careJapaneseTest: careTest,
      certifications: [{ field: "nursing-care", via: "skills-test" as const }],
      trainingCentre: "Semarang",
      homeProvince: "Central Java",
    });
    const input = {
      workers: [worker("w1", true), worker("w2", true), worker("w3", false), worker("w4", false), worker("w5", false)],
      employers: [{ id: "E1", prefecture: "37", field: "nursing-care", slots: 5, hourlyWage: 1100 }],
    };
    const result = solve(input, { quotas: [{ scope: "sector", key: "caregiving", min: 4 }] });
    expect(result.status).toBe("infeasible");
    expect(result.diagnosis?.kind).toBe("relaxation");
    if (result.diagnosis?.kind !== "relaxation") return;
    expect(result.diagnosis.relaxations.map((r) => r.text)).toEqual([
      "sector caregiving: at least 4 placed cannot be met with the rest of the plan: at most 2 (lower the minimum by 2, to 2): only 2 workers are eligible for its 5 slots; of the other 3, 3 are without the nursing-care Japanese test",
    ]);
  });
});

describe("a family left out whole", () => {
  it("is named in the unplaced reason and the explanation of its eligible member", async () => {
    const { decodeInstance, explainWorker, formatWorkerExplanation } = await import("../../src/index.js");
    const member = (id: string, language: "N4" | "N5") => ({
      id,
      language: [language],
      certifications: [{ field: "construction", via: "skills-test" as const }],
      trainingCentre: "Semarang",
      homeProvince: "Central Java",
      group: "family-1",
    });
    const input = {
      workers: [member("w1", "N4"), member("w2", "N5")],
      employers: [{ id: "E1", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1100 }],
    };
    const result = solve(input, {});
    expect(result.status).toBe("optimal");
    expect(result.placements).toEqual([]);
    const w1 = result.unplaced.find((u) => u.workerId === "w1");
    expect(w1?.reason).toMatchObject({ kind: "eligible-slots-taken", group: "family-1" });
    expect(result.unplaced.find((u) => u.workerId === "w2")?.reason.kind).toBe("no-eligible-slot");
    const decoded = decodeInstance(input);
    if (E.isLeft(decoded)) throw new Error("rejected");
    const why = explainWorker(decoded.right, result, "w1");
    expect(E.isRight(why) && formatWorkerExplanation(why.right)).toContain("w1's group family-1 (2 workers) goes together or not at all");
  });
});
