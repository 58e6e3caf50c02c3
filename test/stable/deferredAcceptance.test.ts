/**
 * Deferred acceptance against oracles simpler than the library
 * (./oracle.ts): its plan has no blocking pair when every pair is scanned;
 * the worker-proposing plan is the best stable plan for every worker and the
 * employer-proposing one the worst, among all stable matchings enumerated on
 * tiny markets; and every stable matching places the same workers and fills
 * each employer alike or fully (the rural hospitals theorem).
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InstanceInput, WorkerInput } from "../../src/input/codecs.js";
import { stableMatch, type StableOptions, type StableResult } from "../../src/stable/stable.js";
import { fcOptions } from "../support/seed.js";
import { marketArb } from "./arbitraries.js";
import { allMatchings, blockingPairs, legalCapacity, strict, strictlyStable } from "./oracle.js";

const solve = (input: InstanceInput, options: StableOptions = {}): StableResult => {
  const r = stableMatch(input, options);
  if (E.isLeft(r)) throw new Error(`generated market rejected: ${JSON.stringify(r.left.slice(0, 3))}`);
  return r.right;
};

const planOf = (r: StableResult): Map<string, string> => new Map(r.placements.map((p) => [p.workerId, p.employerId]));

describe("deferred acceptance", () => {
  it.each<[string, StableOptions]>([
    ["worker-proposing", {}],
    ["employer-proposing", { proposing: "employers" }],
    ["worker-proposing, multiple lottery", { tieBreak: "multiple", seed: 7 }],
  ])("%s leaves no blocking pair (every pair scanned)", (_, options) => {
    fc.assert(
      fc.property(marketArb({ workers: 14, employers: 6, rankings: true }), (input) => {
        const r = solve(input, options);
        expect(blockingPairs(input, planOf(r))).toEqual([]);
        expect(r.stability?.blockingPairs).toBe(0);
        expect(r.status).toBe("stable");
      }),
      fcOptions(80),
    );
  });

  it("worker-proposing is the best stable matching for every worker, employer-proposing the worst (all enumerated)", () => {
    fc.assert(
      fc.property(marketArb({ workers: 5, employers: 3, rankings: true }), (input) => {
        const stable = allMatchings(input).filter((m) => strictlyStable(input, m));
        const { workerPrefers } = strict(input);
        const byId = new Map(input.employers.map((e) => [e.id, e]));
        const at = (m: ReadonlyMap<string, string>, w: WorkerInput) => (m.has(w.id) ? byId.get(m.get(w.id) as string) : undefined);
        const best = planOf(solve(input));
        const worst = planOf(solve(input, { proposing: "employers" }));
        expect(stable.some((m) => sameMatching(m, best))).toBe(true);
        expect(stable.some((m) => sameMatching(m, worst))).toBe(true);
        for (const m of stable) {
          for (const w of input.workers) {
            // nobody does better than worker-proposing, nor worse than employer-proposing, in any stable matching
            const mine = at(m, w);
            if (mine !== undefined) expect(workerPrefers(w, mine, at(best, w))).toBe(false);
            const low = at(worst, w);
            if (low !== undefined) expect(workerPrefers(w, low, at(m, w))).toBe(false);
          }
        }
      }),
      fcOptions(150),
    );
  });

  it("places the same workers in every stable matching, and fills each employer alike or fully (rural hospitals)", () => {
    fc.assert(
      fc.property(marketArb({ workers: 6, employers: 3 }), (input) => {
        const stable = allMatchings(input).filter((m) => strictlyStable(input, m));
        expect(stable.length).toBeGreaterThan(0);
        const first = stable[0] as Map<string, string>;
        const placed = (m: ReadonlyMap<string, string>): string[] => [...m.keys()].sort();
        const count = (m: ReadonlyMap<string, string>, id: string): number => [...m.values()].filter((x) => x === id).length;
        for (const m of [...stable, planOf(solve(input)), planOf(solve(input, { proposing: "employers" }))]) {
          expect(placed(m)).toEqual(placed(first));
          for (const e of input.employers) {
            const full = count(m, e.id) === legalCapacity(input, e) && count(first, e.id) === legalCapacity(input, e);
            if (!full) expect(count(m, e.id)).toBe(count(first, e.id));
          }
        }
      }),
      fcOptions(120),
    );
  });

  it("gives the same plan whatever the order of the input rows", () => {
    fc.assert(
      fc.property(marketArb({ workers: 12, employers: 5, rankings: true }), fc.integer(), (input, salt) => {
        const shuffled = { ...input, workers: rotate(input.workers, salt), employers: rotate(input.employers, salt >> 3) };
        const a = solve(input, { tieBreak: "single", seed: 3 });
        const b = solve(shuffled, { tieBreak: "single", seed: 3 });
        expect(b.placements).toEqual(a.placements);
      }),
      fcOptions(80),
    );
  });
});

const rotate = <T>(xs: readonly T[], by: number): T[] => {
  const k = xs.length === 0 ? 0 : ((by % xs.length) + xs.length) % xs.length;
  return [...xs.slice(k), ...xs.slice(0, k)].reverse();
};

const sameMatching = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean => a.size === b.size && [...a].every(([w, e]) => b.get(w) === e);
