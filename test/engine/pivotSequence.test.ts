/**
 * The network simplex keeps per node, not per arc, the flows and bounds of
 * its tree arcs, reads the entering arc's bound from the problem, knows a
 * reversed arc by its tail, and prices arcs whose costs leave the bonus out
 * (a change of potentials). Oracle: the engine as it was before
 * (test/support/oracle/perArcSimplex.ts, every arc's flow, bound and
 * direction in arrays of their own). Both must take the very same pivots and
 * return the very same flows, in either pricing order, proved or stopped
 * early: the answers (which optimum among equal ones) do not change.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxWeightTransport, type TransportProblem } from "../../src/engine/minCostFlow.js";
import { perArcTransport } from "../support/oracle/perArcSimplex.js";
import { fcOptions } from "../support/seed.js";

/** The arcs whose flow is not 0, in order: what `support` must list, each once. */
const nonZero = (flows: Int32Array): number[] => Array.from(flows.keys()).filter((a) => flows[a] !== 0);

/**
 * A problem drawn from `seed` by a small linear congruential generator:
 * supplies and capacities (one in 12 of them 0), the arcs `keep` keeps,
 * bounds (one in 9 of them 0) and the weights `weightOf` draws.
 */
const drawProblem = (
  nS: number,
  nT: number,
  seed: number,
  keep: (next: (n: number) => number) => boolean,
  weightOf: (next: (n: number) => number) => number,
): Omit<TransportProblem, "weight"> & { readonly weight: number[] } => {
  let x = seed;
  const next = (n: number): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 1) % n);
  const supply = Int32Array.from({ length: nS }, () => (next(12) === 0 ? 0 : 1 + next(5)));
  const capacity = Int32Array.from({ length: nT }, () => (next(12) === 0 ? 0 : 1 + next(4)));
  const start = new Int32Array(nS + 1);
  const to: number[] = [];
  const upper: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < nS; i++) {
    for (let j = 0; j < nT; j++) {
      if (!keep(next)) continue;
      to.push(j);
      upper.push(next(9) === 0 ? 0 : 1 + next(6));
      weight.push(weightOf(next));
    }
    start[i + 1] = to.length;
  }
  return { supply, capacity, start, to: Int32Array.from(to), upper: Int32Array.from(upper), weight };
};

/**
 * Problems with many ties (few distinct weights), degenerate pivots (small
 * supplies and bounds), arcs that cannot be used (weight, bound, supply or
 * capacity not positive: sources partly or wholly unusable), bounds above
 * what the ends allow, a placement bonus or none (or one of 2^50 or 2^53 - 2^20 against
 * weights near its negation), Int32 or Float64 weights,
 * from a few units to 3 billion (so the costs take each of Int8Array, Int16Array,
 * Int32Array and Float64Array, and the potentials Float64Array too).
 */
const problems = (minNodes: number, maxNodes: number): fc.Arbitrary<TransportProblem> => fc
  .record({
    nS: fc.noBias(fc.integer({ min: minNodes, max: maxNodes })),
    nT: fc.noBias(fc.integer({ min: minNodes, max: maxNodes })),
    density: fc.integer({ min: 1, max: 5 }),
    spread: fc.constantFrom(1, 3, 12),
    bonus: fc.constantFrom(0, 0, 1_000, 2 ** 28, 2 ** 50, 2 ** 53 - 2 ** 20),
    scale: fc.constantFrom(1, 1, 100, 5_000, 2 ** 28),
    wide: fc.boolean(),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  })
  .map(({ nS, nT, density, spread, bonus, scale, wide, seed }): TransportProblem => {
    const p = drawProblem(
      nS,
      nT,
      seed,
      (next) => next(6) < density,
      // With a bonus of 2^50 or 2^53 - 2^20 the weights are near its negation (gains bonus + weight of a few units to billions).
      (next) => (next(spread + 1) - (bonus === 0 ? 1 : 0)) * scale - (bonus >= 2 ** 50 ? bonus - 1 : 0),
    );
    return { ...p, weight: wide || bonus >= 2 ** 50 ? Float64Array.from(p.weight) : Int32Array.from(p.weight), bonus };
  });

/**
 * A placement bonus with weights of either sign (gains bonus + weight from 1
 * up): most weights small, some near -bonus, so the costs with the bonus
 * taken out are wider one way than the other (Int8Array against Int16Array
 * or wider), and with a bonus near 2^30 the potentials leave Int32Array.
 */
const signed = fc
  .record({
    nS: fc.noBias(fc.integer({ min: 2, max: 40 })),
    nT: fc.noBias(fc.integer({ min: 2, max: 40 })),
    bonus: fc.constantFrom(60, 1_000, 40_000, 2 ** 29, 2 ** 30),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  })
  .map(({ nS, nT, bonus, seed }): TransportProblem => {
    const p = drawProblem(nS, nT, seed, (next) => next(3) !== 0, (next) => {
      const kind = next(10);
      return kind === 0 ? 1 - bonus + next(3) : kind === 1 ? -bonus : next(20) - 5;
    });
    return { ...p, weight: Int32Array.from(p.weight), bonus };
  });

describe("network simplex with per-node tree state", () => {
  it("takes the same pivots to the same flows as the per-arc engine with weights of either sign under a bonus", () => {
    fc.assert(
      fc.property(signed, (p) => {
        for (const mix of [false, true]) {
          const lean = maxWeightTransport(p, { mix });
          const oracle = perArcTransport(p, { mix });
          expect(lean.pivots).toBe(oracle.pivots);
          expect(Array.from(lean.flows)).toEqual(Array.from(oracle.flows));
        }
      }),
      fcOptions(80),
    );
  });


  it("takes the same pivots to the same flows as the per-arc engine, in either pricing order, and lists the arcs that carry flow", () => {
    fc.assert(
      fc.property(problems(1, 90), (p) => {
        for (const mix of [false, true]) {
          const lean = maxWeightTransport(p, { mix });
          const oracle = perArcTransport(p, { mix });
          expect(lean.status).toBe("optimal");
          expect(lean.pivots).toBe(oracle.pivots);
          expect(Array.from(lean.flows)).toEqual(Array.from(oracle.flows));
          expect(Array.from(lean.support).sort((a, b) => a - b)).toEqual(nonZero(lean.flows));
        }
      }),
      fcOptions(60),
    );
  });

  it("stops at the same pivot with the same feasible flows when the deadline passes mid-solve", () => {
    fc.assert(
      // Problems of 60,000 to 100,000 arcs take 1,000 to 3,000 pivots.
      fc.property(problems(60, 150), fc.integer({ min: 2, max: 4 }), (p, reads) => {
        // The clock is read every 256 pivots: it passes the deadline at its `reads`-th reading.
        const clock = (): (() => number) => {
          let n = 0;
          return () => (++n >= reads ? 1 : 0);
        };
        for (const mix of [false, true]) {
          const lean = maxWeightTransport(p, { mix, deadline: 1, now: clock() });
          const oracle = perArcTransport(p, { mix, deadline: 1, now: clock() });
          expect(lean.status).toBe(oracle.status);
          expect(lean.pivots).toBe(oracle.pivots);
          expect(Array.from(lean.flows)).toEqual(Array.from(oracle.flows));
          expect(Array.from(lean.support).sort((a, b) => a - b)).toEqual(nonZero(lean.flows));
        }
      }),
      fcOptions(20),
    );
  });
});
