/**
 * Regional caps, honoured flexibly (Kamada and Kojima): the plan never
 * passes a cap; it is stable for the caps' choice rule written out apart
 * (./capsOracle.ts); it is the best such stable plan for every worker among
 * all matchings enumerated; and no worker is worse off than with the caps
 * honoured rigidly.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InstanceInput } from "../../src/input/codecs.js";
import { stableMatch, type StableOptions, type StableResult } from "../../src/stable/stable.js";
import { fcOptions } from "../support/seed.js";
import { capsArb, marketArb } from "./arbitraries.js";
import { employer, instance, worker } from "./builders.js";
import { capsOracle } from "./capsOracle.js";
import { allMatchings, legalCapacity, regions, strict } from "./oracle.js";

const solve = (input: InstanceInput, options: StableOptions = {}): StableResult => {
  const r = stableMatch(input, options);
  if (E.isLeft(r)) throw new Error(`generated market rejected: ${JSON.stringify(r.left.slice(0, 3))}`);
  return r.right;
};

const planOf = (r: StableResult): Map<string, string> => new Map(r.placements.map((p) => [p.workerId, p.employerId]));

const withCaps = (shape: { workers: number; employers: number; support?: boolean }, nested: boolean): fc.Arbitrary<InstanceInput> =>
  marketArb({ ...shape, distinctWages: true, rankings: true, ...(nested ? { prefectures: ["37"] } : {}) }).chain((m) => capsArb(m, { nested }).map((policy) => ({ ...m, policy })));

const withinCaps = (input: InstanceInput, plan: ReadonlyMap<string, string>): void => {
  const byId = new Map(input.employers.map((e) => [e.id, e]));
  const placed = [...plan.values()].map((id) => byId.get(id)!);
  for (const e of input.employers) expect(placed.filter((x) => x.id === e.id).length).toBeLessThanOrEqual(legalCapacity(input, e));
  for (const r of regions(input)) expect(placed.filter((e) => r.has(e)).length).toBeLessThanOrEqual(r.max);
};

describe("regional caps", () => {
  it("never passes a cap, nested or crossing, flexible or rigid", () => {
    fc.assert(
      fc.property(fc.boolean().chain((support) => withCaps({ workers: 14, employers: 6, support }, false)), (input) => {
        withinCaps(input, planOf(solve(input)));
        withinCaps(input, planOf(solve(input, { caps: "rigid" })));
        withinCaps(input, planOf(solve(input, { proposing: "employers" })));
      }),
      fcOptions(100),
    );
  });

  it("flexible caps give a stable plan, the best for every worker among all enumerated", () => {
    fc.assert(
      fc.property(withCaps({ workers: 5, employers: 3 }, true), (input) => {
        const oracle = capsOracle(input);
        const mine = planOf(solve(input));
        expect(oracle.stable(mine)).toBe(true);
        const { workerPrefers } = strict(input);
        const byId = new Map(input.employers.map((e) => [e.id, e]));
        for (const m of allMatchings(input).filter(oracle.stable)) {
          for (const w of input.workers) {
            const there = m.get(w.id);
            const here = mine.get(w.id);
            if (there !== undefined) expect(workerPrefers(w, byId.get(there)!, here === undefined ? undefined : byId.get(here))).toBe(false);
          }
        }
      }),
      fcOptions(150),
    );
  });

  it("leaves no worker worse off than rigid caps with the same targets", () => {
    fc.assert(
      fc.property(withCaps({ workers: 12, employers: 6 }, true), (input) => {
        const flexible = planOf(solve(input));
        const rigid = planOf(solve(input, { caps: "rigid" }));
        const { workerPrefers } = strict(input);
        const byId = new Map(input.employers.map((e) => [e.id, e]));
        for (const w of input.workers) {
          const r = rigid.get(w.id);
          const f = flexible.get(w.id);
          if (r !== undefined) expect(workerPrefers(w, byId.get(r)!, f === undefined ? undefined : byId.get(f))).toBe(false);
        }
        expect(flexible.size).toBeGreaterThanOrEqual(rigid.size);
      }),
      fcOptions(120),
    );
  });

  it("deals a full cap's spare places in rounds, and takes back the last one dealt (the later employer in id order)", () => {
    // Kagawa capped at 4 over four employers of 2 slots: each has a target of 1, spare places go one per employer per round.
    const employers = ["E1", "E2", "E3", "E4"].map((id, i) => employer(id, { slots: 2, hourlyWage: 1100 + i }));
    const input = instance(
      ["W1", "W2", "W3", "W4", "W5"].map((id) => worker(id)),
      employers,
      {
        policy: { quotas: [{ scope: "prefecture", key: "37", max: 4 }] },
        rankings: {
          workers: [
            { worker: "W1", employers: ["E1"], others: "unacceptable" },
            { worker: "W2", employers: ["E1"], others: "unacceptable" },
            { worker: "W3", employers: ["E2"], others: "unacceptable" },
            { worker: "W4", employers: ["E2"], others: "unacceptable" },
            { worker: "W5", employers: ["E3"], others: "unacceptable" },
          ],
        },
      },
    );
    // E1 and E2 each took a second worker in round 1; W5's arrival at E3 passes the cap, and E2's second (W4) is the last dealt.
    expect([...planOf(solve(input))].sort()).toEqual([["W1", "E1"], ["W2", "E1"], ["W3", "E2"], ["W5", "E3"]]);
    // Rigid: every employer held to its target of 1.
    expect([...planOf(solve(input, { caps: "rigid" }))].sort()).toEqual([["W1", "E1"], ["W3", "E2"], ["W5", "E3"]]);
  });
});
