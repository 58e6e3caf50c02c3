/**
 * The fuzz suite at a small size, with the suite's fixed seed (FC_SEED to
 * replay another): see ./cases.ts for the inputs and checks. The long run is
 * `npm run fuzz -- --runs N` (./run.ts); its figures are in bench/RESULTS.md.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { match } from "../../src/match.js";
import { fcOptions } from "../support/seed.js";
import { caseArb, check, checkSentinel, lawArb, mutate, nastyArb, SENTINELS, validArb } from "./cases.js";

describe("fuzz", () => {
  it("no input makes the library throw, hang, lose a worker, pollute a prototype, or answer differently for another order", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(check(c)).toEqual([]);
      }),
      fcOptions(Number(process.env.FUZZ_RUNS ?? 200)),
    );
  });

  for (const s of SENTINELS) {
    it(`the sentinel input: ${s.name}`, () => {
      expect(checkSentinel(s.input())).toEqual([]);
    });
  }

  it("the lawful cases reach the engine: valid, often placing workers, with legal limits and law rules at work", () => {
    const results = fc.sample(lawArb, { seed: 20261127, numRuns: 100 }).map(({ input }) => match(input));
    const solved = results.flatMap((r) => (E.isRight(r) ? [r.right] : []));
    expect(solved).toHaveLength(100);
    expect(solved.filter((r) => r.placements.length > 0).length).toBeGreaterThan(25);
    expect(solved.filter((r) => r.policy.some((p) => p.law)).length).toBeGreaterThan(25);
    expect(solved.filter((r) => r.unplaced.some((u) => u.reason.kind === "no-eligible-slot")).length).toBeGreaterThan(25);
  });

  it("the valid cases' crossing policies reach the side engine under auto, and every plan carries its stability summary", () => {
    const results = fc.sample(validArb, { seed: 20261127, numRuns: 60 }).map(({ input }) => match(input));
    const solved = results.flatMap((r) => (E.isRight(r) ? [r.right] : []));
    expect(solved).toHaveLength(60);
    expect(solved.filter((r) => r.engine === "side").length).toBeGreaterThan(10);
    expect(solved.filter((r) => r.hasSolution).length).toBeGreaterThan(30);
    expect(solved.every((r) => (r.stability !== null) === r.hasSolution)).toBe(true);
  });

  it("the checks catch what they look for (the harness itself)", () => {
    // A mutation changes the value somewhere, and a nasty value can be anything, including huge.
    expect(mutate({ a: [1, 2] }, { seed: 0, action: "replace", key: "x", value: 5 })).toBe(5);
    const added = mutate({ a: [1, 2] }, { seed: 0, action: "add", key: "__proto__", value: 5 }) as object;
    expect(Object.getOwnPropertyDescriptor(added, "__proto__")?.value).toBe(5);
    expect(Object.getPrototypeOf(added)).toBe(Object.prototype);
    expect(mutate({ a: [1, 2] }, { seed: 1, action: "replace", key: "x", value: 5 })).toEqual({ a: 5 });
    fc.assert(fc.property(nastyArb, () => true), fcOptions(50));
    const polluted = (Object.prototype as Record<string, unknown>);
    polluted.fuzzCheckItself = 1;
    try {
      expect(check({ kind: "csv", workers: "", employers: "" }).map((f) => f.kind)).toContain("pollution");
    } finally {
      delete polluted.fuzzCheckItself;
    }
  });
});
