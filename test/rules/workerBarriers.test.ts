/**
 * `workerBarriersFor` (one placement period, many workers, equal answers
 * shared) against `workerBarriers` made afresh for each worker: the same
 * exclusions with the same sentences, for workers that differ in exactly
 * what the worker rules read (age at the start, months in SSW (i), the
 * departure checklist), asked in any order and more than once; and
 * `unbarred` true exactly where that answer is empty.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInstance } from "../../src/input/decode.js";
import type { Worker } from "../../src/input/instance.js";
import { DEPARTURE_ITEMS } from "../../src/domain/law.js";
import { unbarred, workerBarriers, workerBarriersFor } from "../../src/rules/worker.js";
import { instanceArbitrary } from "../support/input-arbitraries.js";
import { fcOptions } from "../support/seed.js";

const variant = fc.record({
  ageAtStart: fc.integer({ min: 16, max: 20 }),
  sswMonths: fc.integer({ min: 0, max: 60 }),
  departure: fc.subarray([...DEPARTURE_ITEMS]),
});

describe("worker barriers for many workers", () => {
  it("are workerBarriers' answers, shared only where the rules read the same", () => {
    fc.assert(
      fc.property(instanceArbitrary({ minWorkers: 1, maxWorkers: 3, minEmployers: 1, maxEmployers: 2 }), fc.array(variant, { minLength: 1, maxLength: 12 }), (input, variants) => {
        const decoded = decodeInstance(input);
        if (E.isLeft(decoded)) return true;
        const { workers, reference } = decoded.right;
        const all: Worker[] = [...workers, ...variants.map((v, i) => ({ ...(workers[i % workers.length] as Worker), ...v }))];
        const barriers = workerBarriersFor(reference.placement);
        for (const w of [...all, ...[...all].reverse()]) {
          expect(barriers(w)).toEqual(workerBarriers(w, reference.placement));
          expect(unbarred(w, reference.placement)).toBe(workerBarriers(w, reference.placement).length === 0);
        }
        return true;
      }),
      fcOptions(200),
    );
  });
});
