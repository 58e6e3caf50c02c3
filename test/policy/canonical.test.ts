/**
 * The same policy written in another order is the same policy: quotas and
 * fairness floors in any order give the same plan, byte for byte (the
 * placements, who is unplaced and why, the objective), on the pilot's size
 * and on tiny instances with several quotas; each constraint keeps the
 * source it was written at.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { formatIssues } from "../../src/input/issues.js";
import { match } from "../../src/match.js";
import type { PolicyInput } from "../../src/policy/codecs.js";
import type { MatchResult } from "../../src/result/types.js";
import { fcOptions } from "../support/seed.js";
import { tinyInstanceArb } from "../support/tiny.js";

const solve = (input: InstanceInput): MatchResult => {
  const r = match(input);
  if (E.isLeft(r)) throw new Error(formatIssues(r.left));
  return r.right;
};

/** The plan: everything but the timings and the constraints' sources (which say where each was written). */
const plan = (r: MatchResult): string => JSON.stringify([r.status, r.objective, r.placements, r.unplaced, r.summary, r.employers]);

const quotaArb = fc
  .record({
    scope: fc.constantFrom("sector", "field", "prefecture"),
    min: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    extra: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    penalty: fc.option(fc.constantFrom(0.5, 1, 2), { nil: undefined }),
    pick: fc.nat(),
  })
  .map(({ scope, min, extra, penalty, pick }) => {
    const keys = { sector: ["caregiving", "construction", "hospitality"], field: ["nursing-care", "construction", "food-service"], prefecture: ["37", "38"] }[scope];
    return {
      scope,
      key: keys[pick % keys.length] as string,
      ...(min === undefined && extra === undefined ? { max: 2 } : {}),
      ...(min === undefined ? {} : { min }),
      ...(extra === undefined ? {} : { max: (min ?? 0) + extra }),
      ...(penalty === undefined ? {} : { penalty }),
    };
  });

const fairnessArb = fc.record({ by: fc.constantFrom("trainingCentre" as const, "homeProvince" as const), minShare: fc.constantFrom(0.3, 0.5), penalty: fc.option(fc.constantFrom(1, 2), { nil: undefined }) }).map((f) => (f.penalty === undefined ? { by: f.by, minShare: f.minShare } : f));

describe("policy order", () => {
  it("the pilot's size: three quotas and two fairness floors reversed give the same plan", () => {
    const base = generateInstance({ seed: 7, workers: 2000, employers: 150 });
    const quotas = [
      { scope: "sector" as const, key: "caregiving", min: 300 },
      { scope: "sector" as const, key: "construction", max: 200 },
      { scope: "field" as const, key: "food-service", max: 150 },
    ];
    const fairness = [{ by: "trainingCentre" as const, minShare: 0.3 }, { by: "homeProvince" as const, minShare: 0.2 }];
    const a = solve({ ...base, policy: { quotas, fairness } });
    const b = solve({ ...base, policy: { quotas: [...quotas].reverse(), fairness: [...fairness].reverse() } });
    expect(a.status).toBe("optimal");
    const differing = a.placements.filter((p, i) => JSON.stringify(p) !== JSON.stringify(b.placements[i])).length;
    expect(plan(b) === plan(a), `${differing} of ${a.placements.length} placements differ`).toBe(true);
  });

  it("any order of several quotas and fairness floors gives the same plan", () => {
    fc.assert(
      fc.property(
        tinyInstanceArb(8, 5).chain((input) =>
          fc.record({ input: fc.constant(input), quotas: fc.array(quotaArb, { minLength: 2, maxLength: 4 }), fairness: fc.array(fairnessArb, { maxLength: 2 }) }).chain((c) =>
            fc.record({
              c: fc.constant(c),
              quotas: fc.shuffledSubarray(c.quotas, { minLength: c.quotas.length }),
              fairness: fc.shuffledSubarray(c.fairness, { minLength: c.fairness.length }),
            }),
          ),
        ),
        ({ c, quotas, fairness }) => {
          const policy = (q: PolicyInput["quotas"], f: PolicyInput["fairness"]): InstanceInput => ({ ...c.input, policy: { quotas: q, fairness: f } });
          expect(plan(solve(policy(quotas, fairness))) === plan(solve(policy(c.quotas, c.fairness))), "the plans differ").toBe(true);
        },
      ),
      fcOptions(100),
    );
  });

  it("keeps each constraint's source", () => {
    const base = generateInstance({ seed: 1, workers: 10, employers: 3 });
    const d = decodeInstance({ ...base, policy: { quotas: [{ scope: "sector", key: "construction", max: 5 }, { scope: "field", key: "construction", max: 4 }, { scope: "prefecture", key: "Kagawa", max: 3 }] } });
    if (E.isLeft(d)) throw new Error(formatIssues(d.left));
    expect(d.right.policy.quotas.map((q) => [q.scope, q.source])).toEqual([
      ["field", "policy.quotas[1]"],
      ["prefecture", "policy.quotas[2]"],
      ["sector", "policy.quotas[0]"],
    ]);
  });
});
