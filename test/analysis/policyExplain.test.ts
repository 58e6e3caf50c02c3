/**
 * Explanations under a policy, against the policy oracle
 * (test/support/policyOracle.ts): every exchange an explanation shows is
 * replayed as an assignment, and the oracle's own violations decide which
 * constraints it breaks and what it does to the objective. In a result proved
 * optimal, no exchange that breaks no hard constraint may raise the objective.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breaksHard, improves, type Exchange } from "../../src/analysis/exchange.js";
import { explainEmployer, explainWorker } from "../../src/analysis/explain.js";
import { formatEmployerExplanation, formatWorkerExplanation } from "../../src/analysis/format.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { PolicyInput } from "../../src/policy/codecs.js";
import type { MatchResult } from "../../src/result/types.js";
import { assignmentOf, legalViolations, placementWeight, policyCase, solve, violations, type Assignment } from "../support/policyOracle.js";
import { fcOptions } from "../support/seed.js";
import { lawful } from "../support/lawful.js";
import { contested, oracleEligible, oracleScore, type TinyEmployer, type TinyWorker } from "../support/tiny.js";

/** The oracle's view of an assignment: objective (placements, score, soft penalties) and each constraint's units. */
const judge = (input: InstanceInput, policy: PolicyInput, x: Assignment): { objective: number; units: number[]; hard: boolean[] } => {
  const W = placementWeight(input, policy);
  let objective = 0;
  x.forEach((j, i) => {
    if (j >= 0) objective += W + oracleScore(input.workers[i] as TinyWorker, input.employers[j] as TinyEmployer);
  });
  const vs = [...violations(input, policy, x), ...legalViolations(input, x)];
  for (const v of vs) if (v.penalty !== undefined) objective -= Math.round(v.penalty * W) * v.units;
  return { objective, units: vs.map((v) => v.units), hard: vs.map((v) => v.penalty === undefined) };
};

/** The assignment after the moves, checked feasible for slots and eligibility. */
const after = (input: InstanceInput, x: Assignment, moves: readonly { workerId: string; to: string | null }[]): number[] => {
  const y = [...x];
  for (const m of moves) y[input.workers.findIndex((w) => w.id === m.workerId)] = m.to === null ? -1 : input.employers.findIndex((e) => e.id === m.to);
  input.employers.forEach((e, j) => expect(y.filter((k) => k === j).length).toBeLessThanOrEqual(e.slots));
  y.forEach((j, i) => {
    if (j >= 0) expect(oracleEligible(input.workers[i] as TinyWorker, input.employers[j] as TinyEmployer)).toBe(true);
  });
  return y;
};

/** Checks a stated effect (breaches, objective change) against the oracle; returns what kind of case it was. */
const check = (
  input: InstanceInput,
  policy: PolicyInput,
  result: MatchResult,
  moves: readonly { workerId: string; to: string | null }[],
  stated: { breaches: readonly { hard: boolean }[]; objectiveChange: number },
): string => {
  const x = assignmentOf(input, result);
  const before = judge(input, policy, x);
  const now = judge(input, policy, after(input, x, moves));
  const worse = before.units.map((u, i) => (now.units[i] as number) > u);
  const hardWorse = worse.filter((w, i) => w && before.hard[i]).length;
  const softWorse = worse.filter((w, i) => w && !before.hard[i]).length;
  expect(stated.breaches.filter((b) => b.hard).length).toBe(hardWorse);
  expect(stated.breaches.filter((b) => !b.hard).length).toBe(softWorse);
  expect(stated.objectiveChange).toBe(now.objective - before.objective);
  return hardWorse > 0 ? "breaks hard" : softWorse > 0 ? "breaks soft" : "breaks nothing";
};

const movesOf = (workerId: string, x: Exchange): { workerId: string; to: string | null }[] => [
  { workerId, to: x.employerId },
  ...(x.displaced === null ? [] : [{ workerId: x.displaced.workerId, to: x.displaced.movesTo?.employerId ?? null }]),
];

/** Policy cases where some workers meet nearly every rule, so slots (and the policy) are contested. */
const contestedCase = fc.tuple(policyCase(6, 3), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })).map(([{ input, policy }, boost]) => ({
  policy,
  input: { ...input, workers: input.workers.map((w, i) => (boost[i] === true ? contested(w) : w)) },
}));

const seen = new Map<string, number>();
const saw = (kind: string): void => void seen.set(kind, (seen.get(kind) ?? 0) + 1);

describe("explanations under a policy", () => {
  it("name what each exchange would break, and its objective change, as the oracle counts them", () => {
    fc.assert(
      fc.property(contestedCase, ({ input, policy }) => {
        const result = solve(input, policy);
        if (!result.hasSolution) return;
        const decoded = decodeInstance({ ...input, policy });
        if (E.isLeft(decoded)) throw new Error("rejected");
        const instance = decoded.right;
        for (const w of input.workers) {
          const x = explainWorker(instance, result, w.id);
          if (E.isLeft(x)) throw new Error(x.left);
          const ex = x.right;
          expect(ex.caveat).toBeNull(); // proved optimal: the explanation needs no caveat
          expect(formatWorkerExplanation(ex)).toContain(w.id);
          if ((ex.kind === "placed" || ex.kind === "eligible-slots-taken") && ex.exchange !== null) {
            saw(`worker: ${check(input, policy, result, movesOf(w.id, ex.exchange), ex.exchange)}`);
            expect(improves(ex.exchange)).toBe(false);
            if (breaksHard(ex.exchange)) {
              for (const b of ex.exchange.breaches.filter((v) => v.hard)) expect(formatWorkerExplanation(ex)).toContain(b.text);
            }
          }
        }
        for (const e of input.employers) {
          const x = explainEmployer(instance, result, e.id);
          if (E.isLeft(x)) throw new Error(x.left);
          const empty = x.right.empty;
          if (empty?.kind !== "eligible-workers-placed-elsewhere") continue;
          for (const v of empty.eligible) {
            const kind = check(input, policy, result, [{ workerId: v.workerId, to: e.id }], v);
            saw(`employer: ${kind}`);
            // An empty slot with an eligible worker: moving them in must not be an allowed improvement.
            expect(kind !== "breaks hard" && v.objectiveChange > 0).toBe(false);
          }
          expect(formatEmployerExplanation(x.right)).toContain(e.id);
        }
      }),
      fcOptions(200),
    );
    for (const kind of ["worker: breaks hard", "worker: breaks soft", "worker: breaks nothing", "employer: breaks hard"]) expect(seen.get(kind) ?? 0).toBeGreaterThan(0);
  });
});

describe("a family the policy keeps out", () => {
  it("says it fits, and names the cap its seating would break", async () => {
    const { explainGroup, explainWorker, formatGroupExplanation, formatWorkerExplanation } = await import("../../src/index.js");
    const member = (id: string) => ({
      id,
      language: ["N4" as const],
      certifications: [{ field: "construction", via: "skills-test" as const }],
      trainingCentre: "Semarang",
      homeProvince: "Central Java",
      group: "family-1",
    });
    const input = {
      ...lawful({
        workers: [member("w1"), member("w2")],
        employers: [{ id: "E1", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1100, fullTimeStaff: 1 }],
      }),
      policy: { groups: { together: "employer" as const } },
    };
    const result = solve({ reference: input.reference, workers: input.workers, employers: input.employers }, input.policy);
    expect(result.placements).toEqual([]);
    const decoded = decodeInstance(input);
    if (E.isLeft(decoded)) throw new Error("rejected");
    const group = explainGroup(decoded.right, result, "family-1");
    expect(E.isRight(group) && formatGroupExplanation(group.right)).toBe(
      [
        "The group family-1 of 2 from training centre Semarang fits the 2 free slots at E1, so a legal or policy limit, or a penalty, not eligibility or slots, left it out.",
        "  Placing it there would break legal cap at E1: at most 1 SSW worker (full-time staff 1): 0 now, would be 2.",
        "",
      ].join("\n"),
    );
    const w1 = explainWorker(decoded.right, result, "w1");
    expect(E.isRight(w1) && formatWorkerExplanation(w1.right)).toContain("Placing it there would break legal cap at E1");
    expect(E.isLeft(explainGroup(decoded.right, result, "nobody"))).toBe(true);
    const { formatReport } = await import("../../src/report/text.js");
    expect(formatReport(result)).toContain("\n    of them left out with their group (it goes whole or not at all): 2\n");
  });
});
