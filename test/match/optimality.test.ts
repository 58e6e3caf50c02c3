/**
 * The placement is feasible and optimal: checked against an oracle simpler
 * than the library (eligibility and score re-derived from the documented
 * rules, brute force over every assignment) on tiny instances.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { match, type MatchOptions } from "../../src/index.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import type { MatchResult } from "../../src/result/types.js";
import { fcOptions } from "../support/seed.js";
import { bruteForce, oracleEligible, oracleScore, tinyInstanceArb } from "../support/tiny.js";

const ENGINE_CHOICES: readonly MatchOptions[] = [{ engine: "auto" }, { engine: "lp-solver" }];

const solve = (input: InstanceInput, options: MatchOptions): MatchResult => {
  const r = match(input, options);
  if (E.isLeft(r)) throw new Error(`generated instance rejected: ${JSON.stringify(r.left)}`);
  return r.right;
};

/** Feasibility by the oracle: every worker once, capacities, eligibility; score as documented. */
const expectFeasible = (input: InstanceInput, result: MatchResult): void => {
  const ids = [...result.placements.map((p) => p.workerId), ...result.unplaced.map((u) => u.workerId)].sort();
  expect(ids).toEqual(input.workers.map((w) => w.id).sort());
  const workers = new Map(input.workers.map((w) => [w.id, w]));
  const employers = new Map(input.employers.map((e) => [e.id, e]));
  const used = new Map<string, number>();
  for (const p of result.placements) {
    const w = workers.get(p.workerId)!;
    const e = employers.get(p.employerId)!;
    expect(oracleEligible(w, e)).toBe(true);
    expect(p.score).toBe(oracleScore(w, e));
    used.set(e.id, (used.get(e.id) ?? 0) + 1);
  }
  for (const [id, n] of used) expect(n).toBeLessThanOrEqual(employers.get(id)!.slots);
};

describe.each(ENGINE_CHOICES)("match with engine $engine", (options) => {
  it("is optimal against brute force on instances up to 7 workers x 4 employers", () => {
    fc.assert(
      fc.property(tinyInstanceArb(7, 4), (input) => {
        const result = solve(input, options);
        expect(result.status).toBe("optimal");
        expectFeasible(input, result);
        const best = bruteForce(input);
        expect({ placed: result.summary.placed, totalScore: result.summary.totalScore }).toEqual(best);
        expect(result.objective?.placed).toBe(best.placed);
      }),
      fcOptions(150),
    );
  });

  it("explains every unplaced worker consistently with the oracle", () => {
    fc.assert(
      fc.property(tinyInstanceArb(6, 3), (input) => {
        const result = solve(input, options);
        const workers = new Map(input.workers.map((w) => [w.id, w]));
        for (const u of result.unplaced) {
          const w = workers.get(u.workerId)!;
          const eligibleAnywhere = input.employers.some((e) => e.slots > 0 && oracleEligible(w, e));
          expect(u.reason.kind).toBe(eligibleAnywhere ? "eligible-slots-taken" : "no-eligible-slot");
          if (u.reason.kind === "no-eligible-slot") {
            const excludedEmployers = input.employers.filter((e) => !oracleEligible(w, e)).length;
            // every excluded employer is counted by at least one rule, and no rule counts more than exist
            const counts = u.reason.excludedBy.map((r) => r.count);
            expect(Math.max(0, ...counts)).toBeLessThanOrEqual(input.employers.length);
            if (excludedEmployers > 0) expect(counts.length).toBeGreaterThan(0);
          }
        }
      }),
      fcOptions(100),
    );
  });
});
