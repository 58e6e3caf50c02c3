/**
 * Soft penalties are exact (issue 9, item 2): each unit of violation costs
 * exactly `penalty` placements, `penalty * W` objective units, with no
 * rounding; the objective, its bound and the LP export agree to the unit.
 * Penalties are accepted with at most three decimals and up to 1000; anything
 * else is a located input issue that says so.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { match } from "../../src/index.js";
import { toLP } from "../../src/engine/lpFormat.js";
import { decodeInstance } from "../../src/input/decode.js";
import { buildModel } from "../../src/model/build.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import type { PolicyInput } from "../../src/policy/codecs.js";
import { lawful } from "../support/lawful.js";

/** One worker, one employer that takes them (score 0: no preferences, wage at the minimum), lawful (../support/lawful.ts), and a policy. */
const single = (policy: PolicyInput, workers = 1): InstanceInput =>
  lawful({
    workers: Array.from({ length: workers }, (_, i) => ({
      id: `W${i + 1}`,
      language: ["N4" as const],
      certifications: [{ field: "construction", via: "skills-test" as const }],
      trainingCentre: "Semarang",
      homeProvince: "Central Java",
    })),
    employers: [{ id: "E1", prefecture: "37", field: "construction", slots: workers, hourlyWage: 1036 }],
    reference: { asOf: "2026-04-01" },
    policy,
  });

const solved = (input: InstanceInput, engine: "auto" | "lp-solver" = "auto") => {
  const r = match(input, { engine });
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  return r.right;
};

describe("exact soft penalties", () => {
  it.each(["auto", "lp-solver"] as const)("a worker is placed when that breaks a constraint at 0.99 placements (%s)", (engine) => {
    // Placing W1 earns one placement and costs 0.99 of one: worth 0.01 placements.
    const r = solved(single({ quotas: [{ scope: "employer", key: "E1", max: 0, penalty: 0.99 }] }), engine);
    expect(r.status).toBe("optimal");
    expect(r.placements.map((p) => p.workerId)).toEqual(["W1"]);
    const W = r.objective?.placementWeight as number;
    expect(W % 100).toBe(0);
    expect(r.objective?.value).toBe(W - (99 * W) / 100);
  });

  it.each(["auto", "lp-solver"] as const)("half a placement per unit costs exactly half the placement weight (%s)", (engine) => {
    // Two workers, two slots: the sector minimum of 4 is missed by 2 units: 2 placements less 2 * 0.5.
    // (Before, W = 49 * 2 + 1 = 99 and each unit cost round(49.5) = 50.)
    const input = single({ quotas: [{ scope: "sector", key: "construction", min: 4, penalty: 0.5 }] }, 2);
    const r = solved(input, engine);
    expect(r.status).toBe("optimal");
    expect(r.placements).toHaveLength(2);
    const W = r.objective?.placementWeight as number;
    expect(W % 2).toBe(0);
    expect(r.objective?.value).toBe(2 * W - 2 * (W / 2));
    if (engine === "auto") expect(r.objective?.bound).toBe(r.objective?.value);
  });

  it("the LP export carries the exact penalty", () => {
    const decoded = decodeInstance(single({ quotas: [{ scope: "employer", key: "E1", max: 0, penalty: 0.125 }] }));
    if (E.isLeft(decoded)) throw new Error("does not decode");
    const { model } = buildModel(decoded.right);
    expect(model.placementWeight % 8).toBe(0);
    expect(model.policies?.[0]?.penalty).toBe(model.placementWeight / 8);
    expect(toLP(model)).toContain(`- ${model.placementWeight / 8} v0`);
  });

  it("refuses penalties with more than three decimals, or above 1000, saying where and why", () => {
    const r = match(single({ quotas: [{ scope: "employer", key: "E1", max: 0, penalty: 0.1234 }], fairness: [{ by: "trainingCentre", minShare: 1, penalty: 1001 }] }));
    expect(E.isLeft(r)).toBe(true);
    if (E.isRight(r)) return;
    const issues = r.left.map((i) => `${i.path}: ${i.expected}`);
    expect(issues).toContain("policy.quotas[0].penalty: a number of placements from 0 to 1000 with at most 3 decimals");
    expect(issues).toContain("policy.fairness[0].penalty: a number of placements from 0 to 1000 with at most 3 decimals");
  });
});
