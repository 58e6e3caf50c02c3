/**
 * The compiled scorer (src/rules/scorer.ts) against its specification,
 * `score`: the same total for every worker at every employer, on random
 * valid instances (any weights, preferences naming fields, sectors and
 * prefectures) and on instances of the generator (realistic profiles,
 * several prefectures).
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { compileScorer } from "../../src/rules/scorer.js";
import { score } from "../../src/rules/scoring.js";
import { instanceArbitrary, weightsArb } from "../support/input-arbitraries.js";
import { fcOptions } from "../support/seed.js";

/** Checks every pair; the number of pairs compared. */
const compareAll = (input: InstanceInput): number => {
  const decoded = decodeInstance(input);
  if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left.slice(0, 3)));
  const { workers, employers, reference, weights } = decoded.right;
  const scorer = compileScorer(employers, reference, weights);
  for (const w of workers) {
    const at = scorer.forWorker(w);
    // Twice each, in reverse: skill points counted on first need must not depend on the order of asking.
    for (let round = 0; round < 2; round++) for (let j = employers.length - 1; j >= 0; j--) expect(at(j)).toBe(score(w, employers[j]!, reference, weights).total);
  }
  return workers.length * employers.length;
};

describe("compiled scorer", () => {
  it("gives score's total for every pair of a random instance", () => {
    let pairs = 0;
    fc.assert(
      fc.property(instanceArbitrary({ minWorkers: 1, maxWorkers: 8, minEmployers: 1, maxEmployers: 6 }), (input) => {
        pairs += compareAll(input);
      }),
      fcOptions(150),
    );
    expect(pairs).toBeGreaterThan(1000);
  });

  it("gives score's total for every pair of a generated instance, under any weights", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.subarray(["37", "38", "13", "27", "01"], { minLength: 1 }),
        weightsArb,
        fc.integer({ min: -2, max: 2 }),
        (seed, prefectures, weights, languageShift) => {
          const input = generateInstance({ seed, workers: 60, employers: 25, prefectures, languageShift });
          compareAll({ ...input, weights });
        },
      ),
      fcOptions(20),
    );
  });
});
