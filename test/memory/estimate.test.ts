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

/**
 * Heap limits measured on 2026-11-30 (MB; the smallest `--max-old-space-size`
 * that solves plus V8's 48 MB young generation; the README's "Memory"
 * section and src/memory/estimate.ts): the estimate must cover each of them.
 */
const MEASURED: readonly (InputSize & { readonly limitMb: number })[] = [
  { workers: 10_000, employers: 1_000, inputBytes: 4_000_000, limitMb: 96 },
  { workers: 30_000, employers: 3_000, inputBytes: 13_000_000, limitMb: 112 },
  { workers: 100_000, employers: 10_000, inputBytes: 44_000_000, limitMb: 208 },
  { workers: 100_000, employers: 50_000, inputBytes: 57_000_000, limitMb: 304 },
  { workers: 300_000, employers: 30_000, inputBytes: 133_000_000, limitMb: 464 },
  { workers: 333_000, employers: 26_013, inputBytes: 131_000_000, limitMb: 496 },
  { workers: 50_000, employers: 5_000, inputBytes: 22_900_000, policy: true, limitMb: 208 },
  { workers: 100_000, employers: 10_000, inputBytes: 45_900_000, policy: true, limitMb: 336 },
];

describe("estimateMemory", () => {
  it("covers every heap limit measured, with and without a policy", () => {
    for (const m of MEASURED) expect(estimateMemory(m).totalBytes / 2 ** 20, `${m.workers} x ${m.employers}${m.policy === true ? " with a policy" : ""}`).toBeGreaterThanOrEqual(m.limitMb);
  });

  it("never asks for less with a policy", () => {
    fc.assert(
      fc.property(size, (s) => {
        expect(estimateMemory({ ...s, policy: true }).totalBytes).toBeGreaterThanOrEqual(estimateMemory(s).totalBytes);
      }),
      fcOptions(200),
    );
  });
});

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
