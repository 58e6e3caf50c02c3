/**
 * Policy constraints against brute force: on tiny instances, every
 * assignment of workers to employers (or none) is enumerated, the hard
 * policies re-checked from their documented meaning, soft ones priced, and
 * the best (placements and score first, less penalties) compared with match.
 * The oracle itself is test/support/policyOracle.ts.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignmentOf, bruteForce, policyCase, smallestRelaxation, solve, violations } from "../support/policyOracle.js";
import { fcOptions } from "../support/seed.js";
import { lawful } from "../support/lawful.js";

describe.each(["auto", "side", "lp-solver"] as const)("policy constraints against brute force, engine %s", (engine) => {
  it("every answer meets the hard policies and matches the brute-force optimum, or both say infeasible", () => {
    fc.assert(
      fc.property(policyCase(6, 3), ({ input, policy }) => {
        const result = solve(input, policy, engine);
        // every policy here nests, so "auto" keeps them on the flow engine, unless a group must go to one employer
        // (so also a group in a prefecture of one employer): the side engine takes those families as nodes
        const grouped = input.workers.some((w) => w.group !== undefined);
        if (engine === "auto") expect(grouped ? ["flow", "side"] : ["flow"]).toContain(result.engine);
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
          // The law is never relaxed.
          expect(d.relaxations.filter((r) => r.source.startsWith("law."))).toEqual([]);
          const diversityRelaxed = d.relaxations.some((r) => r.source === "policy.diversity");
          if (!fairnessRelaxed && !diversityRelaxed) {
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
        // The plan under the policy is a plan without it: the optimum without is worth at least that plan's
        // placements and score, in the units of the model without (the placement weight depends on the
        // policy's penalties, so the two objectives are not compared directly).
        if (withPolicy.objective !== null && without.objective !== null) {
          const W = without.objective.placementWeight;
          const planWithout = withPolicy.placements.reduce((s, p) => s + W + p.score, 0);
          expect(without.objective.value).toBeGreaterThanOrEqual(planWithout);
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
    const input = lawful({
      workers: [worker("w1", true), worker("w2", true), worker("w3", false), worker("w4", false), worker("w5", false)],
      employers: [{ id: "E1", prefecture: "37", field: "nursing-care", slots: 5, hourlyWage: 1100 }],
    });
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
    const input = lawful({
      workers: [member("w1", "N4"), member("w2", "N5")],
      employers: [{ id: "E1", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1100 }],
    });
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
