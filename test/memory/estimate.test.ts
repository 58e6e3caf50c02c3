/**
 * The memory estimate for several runs kept side by side (`estimateRuns`,
 * what `jobmatch scenario --compare` checks), against its definition worked
 * out by brute force: for each run, its own whole-call need plus what every
 * other run keeps; the largest of these.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateMemory, estimateRuns, KEPT_EMPLOYER_BYTES, KEPT_WORKER_BYTES, type InputSize } from "../../src/memory/estimate.js";
import { fcOptions } from "../support/seed.js";

const size = fc.record({ workers: fc.nat(400_000), employers: fc.nat(60_000) });

describe("estimateRuns", () => {
  it("is one run's own estimate for one run", () => {
    fc.assert(
      fc.property(size, (s) => {
        expect(estimateRuns([s])).toEqual(estimateMemory(s));
      }),
      fcOptions(200),
    );
  });

  it("is the largest run's need plus what all the others keep, whatever the order of the runs", () => {
    fc.assert(
      fc.property(fc.array(size, { minLength: 1, maxLength: 6 }), (sizes) => {
        const kept = (s: InputSize): number => s.workers * KEPT_WORKER_BYTES + s.employers * KEPT_EMPLOYER_BYTES;
        let best = 0;
        for (let i = 0; i < sizes.length; i++) {
          let need = estimateMemory(sizes[i] as InputSize).totalBytes;
          for (let j = 0; j < sizes.length; j++) if (j !== i) need += kept(sizes[j] as InputSize);
          best = Math.max(best, need);
        }
        expect(estimateRuns(sizes).totalBytes).toBe(best);
        expect(estimateRuns([...sizes].reverse()).totalBytes).toBe(best);
      }),
      fcOptions(200),
    );
  });

  it("never asks for less when a run is added", () => {
    fc.assert(
      fc.property(fc.array(size, { minLength: 1, maxLength: 5 }), size, (sizes, extra) => {
        expect(estimateRuns([...sizes, extra]).totalBytes).toBeGreaterThanOrEqual(estimateRuns(sizes).totalBytes);
      }),
      fcOptions(200),
    );
  });
});
