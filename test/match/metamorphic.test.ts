/**
 * Metamorphic properties: changes to the input whose effect on the answer is
 * known without solving.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { match } from "../../src/index.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import type { MatchResult } from "../../src/result/types.js";
import { fcOptions } from "../support/seed.js";
import { tinyInstanceArb } from "../support/tiny.js";
import { lawfulWorker } from "../support/lawful.js";

const solve = (input: InstanceInput): MatchResult => {
  const r = match(input);
  if (E.isLeft(r)) throw new Error(`generated instance rejected: ${JSON.stringify(r.left)}`);
  return r.right;
};

/** The result as bytes, without the run's timings. */
const bytes = (r: MatchResult): string => JSON.stringify({ ...r, timings: null });

describe("metamorphic properties", () => {
  it("gives the same bytes whatever the order of the input rows", () => {
    fc.assert(
      fc.property(
        tinyInstanceArb(10, 6).chain((input) =>
          fc.record({
            input: fc.constant(input),
            workers: fc.shuffledSubarray(input.workers, { minLength: input.workers.length }),
            employers: fc.shuffledSubarray(input.employers, { minLength: input.employers.length }),
          }),
        ),
        ({ input, workers, employers }) => {
          expect(bytes(solve({ ...input, workers, employers }))).toBe(bytes(solve(input)));
        },
      ),
      fcOptions(100),
    );
  });

  it("changes nothing when a worker who fits nowhere is added", () => {
    fc.assert(
      fc.property(tinyInstanceArb(7, 4), (input) => {
        const misfit = lawfulWorker({
          id: "zz-misfit",
          language: ["N5" as const],
          certifications: [{ field: "aviation", via: "skills-test" as const }],
          trainingCentre: "Surabaya",
          homeProvince: "East Java",
        });
        const before = solve(input);
        const after = solve({ ...input, workers: [...input.workers, misfit] });
        expect(after.placements).toEqual(before.placements);
        expect(after.unplaced.find((u) => u.workerId === "zz-misfit")?.reason.kind).toBe("no-eligible-slot");
        expect(after.objective?.placed).toBe(before.objective?.placed);
        expect(after.objective?.totalScore).toBe(before.objective?.totalScore);
      }),
      fcOptions(100),
    );
  });

  it("never places fewer workers when a slot is added", () => {
    fc.assert(
      fc.property(tinyInstanceArb(7, 4).filter((i) => i.employers.length > 0), fc.nat(), (input, k) => {
        const j = k % input.employers.length;
        const more = input.employers.map((e, i) => (i === j ? { ...e, slots: e.slots + 1 } : e));
        const before = solve(input);
        const after = solve({ ...input, employers: more });
        expect(after.summary.placed).toBeGreaterThanOrEqual(before.summary.placed);
        if (after.summary.placed === before.summary.placed) {
          expect(after.summary.totalScore).toBeGreaterThanOrEqual(before.summary.totalScore);
        }
      }),
      fcOptions(100),
    );
  });
});
