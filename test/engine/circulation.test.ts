/**
 * The circulation solver against oracles simpler than itself: enumeration of
 * every integer flow on tiny networks, HiGHS on layered policy-shaped
 * networks (LP text written here), and the bipartite network simplex of
 * minCostFlow.ts on transportation problems; then metamorphic checks (gains
 * doubled, an arc fixed at zero added) and edge cases (refusals, time limits).
 */
import fc from "fast-check";
import type { Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCirculation, maxGainCirculation, type CirculationProblem, type CirculationResult } from "../../src/engine/circulation.js";
import { maxWeightTransport, type TransportProblem } from "../../src/engine/minCostFlow.js";
import { fcOptions } from "../support/seed.js";

interface Arc {
  readonly tail: number;
  readonly head: number;
  readonly lower: number;
  readonly upper: number;
  readonly gain: number;
}

const problemOf = (nodeCount: number, arcs: readonly Arc[]): CirculationProblem => ({
  nodeCount,
  tail: Int32Array.from(arcs, (a) => a.tail),
  head: Int32Array.from(arcs, (a) => a.head),
  lower: Float64Array.from(arcs, (a) => a.lower),
  upper: Float64Array.from(arcs, (a) => a.upper),
  gain: Float64Array.from(arcs, (a) => a.gain),
});

const arcsOf = (p: CirculationProblem): Arc[] =>
  Array.from(p.tail, (tail, a) => ({ tail, head: p.head[a]!, lower: p.lower[a]!, upper: p.upper[a]!, gain: p.gain[a]! }));

const valueOf = (p: CirculationProblem, flow: ArrayLike<number>): number => {
  let sum = 0;
  for (let a = 0; a < flow.length; a++) sum += p.gain[a]! * flow[a]!;
  return sum;
};

/** Every returned flow is a circulation within bounds, and its objective is stated truthfully. */
const expectSound = (p: CirculationProblem, r: CirculationResult): void => {
  if (r.flow === null) {
    expect(r.objective).toBe(0);
    return;
  }
  expect(checkCirculation(p, r.flow)).toBeNull();
  expect(r.objective).toBe(valueOf(p, r.flow));
};

/** The optimum over every integer flow within bounds, or null when none conserves flow. */
const bruteForce = (p: CirculationProblem): number | null => {
  const m = p.tail.length;
  const flow = new Array<number>(m).fill(0);
  let best: number | null = null;
  const visit = (a: number): void => {
    if (a === m) {
      const balance = new Array<number>(p.nodeCount).fill(0);
      for (let k = 0; k < m; k++) {
        balance[p.tail[k]!]! -= flow[k]!;
        balance[p.head[k]!]! += flow[k]!;
      }
      if (balance.every((b) => b === 0)) best = Math.max(best ?? -Infinity, valueOf(p, flow));
      return;
    }
    for (let x = p.lower[a]!; x <= p.upper[a]!; x++) {
      flow[a] = x;
      visit(a + 1);
    }
  };
  visit(0);
  return best;
};

const enumerationSize = (p: CirculationProblem): number => {
  let size = 1;
  for (let a = 0; a < p.tail.length; a++) size *= p.upper[a]! - p.lower[a]! + 1;
  return size;
};

/** Up to 6 nodes and 10 arcs, bounds in 0..4 (a lower bound on about half the arcs), gains -5..5. */
const smallProblems: fc.Arbitrary<CirculationProblem> = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc
      .array(
        fc.record({
          tail: fc.integer({ min: 0, max: n - 1 }),
          head: fc.integer({ min: 0, max: n - 1 }),
          x: fc.integer({ min: 0, max: 4 }),
          y: fc.integer({ min: 0, max: 4 }),
          bounded: fc.boolean(),
          gain: fc.integer({ min: -5, max: 5 }),
        }),
        { maxLength: 10 },
      )
      .map((specs) =>
        problemOf(
          n,
          specs.map((s) => ({ tail: s.tail, head: s.head, lower: s.bounded ? Math.min(s.x, s.y) : 0, upper: Math.max(s.x, s.y), gain: s.gain })),
        ),
      ),
  )
  .filter((p) => enumerationSize(p) <= 20_000);

/**
 * Layered networks shaped like compiled policies: source -> groups (training
 * centres) -> classes -> employers -> sets (sectors, quotas) -> sink, and the
 * return arc sink -> source. Class -> employer arcs gain a placement weight
 * plus a score; employer -> set arcs may cost a penalty; some set arcs have
 * minimums; some sets have a second, penalised arc past a soft maximum.
 */
const layeredProblems = (maxClasses: number, maxEmployers: number, weight: number): fc.Arbitrary<CirculationProblem> =>
  fc
    .record({
      groups: fc.integer({ min: 1, max: 3 }),
      classes: fc.integer({ min: 1, max: maxClasses }),
      employers: fc.integer({ min: 1, max: maxEmployers }),
      sets: fc.integer({ min: 1, max: 4 }),
    })
    .chain((size) =>
      fc.record({
        size: fc.constant(size),
        groupCaps: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: size.groups, maxLength: size.groups }),
        classes: fc.array(fc.record({ group: fc.nat(size.groups - 1), supply: fc.integer({ min: 0, max: 6 }) }), {
          minLength: size.classes,
          maxLength: size.classes,
        }),
        employers: fc.array(
          fc.record({
            set: fc.nat(size.sets - 1),
            second: fc.option(fc.nat(size.sets - 1), { freq: 3 }),
            capacity: fc.integer({ min: 0, max: 6 }),
            penalty: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: weight })),
          }),
          { minLength: size.employers, maxLength: size.employers },
        ),
        pairs: fc.array(fc.option(fc.record({ upper: fc.integer({ min: 1, max: 6 }), score: fc.integer({ min: 0, max: 20 }) }), { freq: 2 }), {
          minLength: size.classes * size.employers,
          maxLength: size.classes * size.employers,
        }),
        sets: fc.array(
          fc.record({
            minimum: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })),
            room: fc.integer({ min: 0, max: 15 }),
            soft: fc.option(fc.record({ upper: fc.integer({ min: 1, max: 5 }), penalty: fc.integer({ min: 0, max: 2 * weight }) })),
          }),
          { minLength: size.sets, maxLength: size.sets },
        ),
      }),
    )
    .map(({ size, groupCaps, classes, employers, pairs, sets }) => {
      const source = 0;
      const sink = 1;
      const group = (g: number) => 2 + g;
      const cls = (c: number) => 2 + size.groups + c;
      const emp = (e: number) => 2 + size.groups + size.classes + e;
      const set = (s: number) => 2 + size.groups + size.classes + size.employers + s;
      const arcs: Arc[] = [];
      groupCaps.forEach((cap, g) => arcs.push({ tail: source, head: group(g), lower: 0, upper: cap, gain: 0 }));
      classes.forEach((c, k) => arcs.push({ tail: group(c.group), head: cls(k), lower: 0, upper: c.supply, gain: 0 }));
      pairs.forEach((pair, k) => {
        if (pair === null) return;
        const c = Math.floor(k / size.employers);
        arcs.push({ tail: cls(c), head: emp(k % size.employers), lower: 0, upper: pair.upper, gain: weight + pair.score });
      });
      employers.forEach((e, k) => {
        arcs.push({ tail: emp(k), head: set(e.set), lower: 0, upper: e.capacity, gain: -e.penalty });
        if (e.second !== null) arcs.push({ tail: emp(k), head: set(e.second), lower: 0, upper: e.capacity, gain: 0 });
      });
      sets.forEach((s, k) => {
        arcs.push({ tail: set(k), head: sink, lower: s.minimum, upper: s.minimum + s.room, gain: 0 });
        if (s.soft !== null) arcs.push({ tail: set(k), head: sink, lower: 0, upper: s.soft.upper, gain: -s.soft.penalty });
      });
      const total = classes.reduce((sum, c) => sum + c.supply, 0);
      arcs.push({ tail: sink, head: source, lower: 0, upper: total, gain: 0 });
      return problemOf(2 + size.groups + size.classes + size.employers + size.sets, arcs);
    });

/** CPLEX LP text of the circulation, one term per line. */
const toLP = (p: CirculationProblem): string => {
  const m = p.tail.length;
  const lines = ["Maximize", " obj:"];
  for (let a = 0; a < m; a++) lines.push(` + ${p.gain[a]} x${a}`);
  if (m === 0) lines.push(" 0 z");
  lines.push("Subject To");
  const terms: string[][] = Array.from({ length: p.nodeCount }, () => []);
  for (let a = 0; a < m; a++) {
    terms[p.tail[a]!]!.push(` - x${a}`);
    terms[p.head[a]!]!.push(` + x${a}`);
  }
  terms.forEach((t, v) => {
    if (t.length > 0) lines.push(` n${v}:`, ...t, " = 0");
  });
  if (m === 0) lines.push(" c: z = 0");
  lines.push("Bounds");
  for (let a = 0; a < m; a++) lines.push(` ${p.lower[a]} <= x${a} <= ${p.upper[a]}`);
  lines.push("General");
  for (let a = 0; a < m; a++) lines.push(` x${a}`);
  lines.push("End", "");
  return lines.join("\n");
};

let highs: Highs;
beforeAll(async () => {
  highs = await (await import("highs")).default();
});

const highsOptimum = (p: CirculationProblem): number | null => {
  const answer = highs.solve(toLP(p), { mip_rel_gap: 0 });
  if (answer.Status === "Infeasible") return null;
  expect(answer.Status).toBe("Optimal");
  return Math.round(answer.ObjectiveValue);
};

const optimumOf = (r: CirculationResult): number | null => {
  expect(["optimal", "infeasible"]).toContain(r.status);
  return r.status === "optimal" ? r.objective : null;
};

describe("maxGainCirculation", () => {
  it("agrees with enumeration of every integer flow on tiny networks, infeasible ones included", () => {
    const seen = { optimal: 0, infeasible: 0 };
    fc.assert(
      fc.property(smallProblems, (p) => {
        const r = maxGainCirculation(p);
        expectSound(p, r);
        const expected = bruteForce(p);
        expect(optimumOf(r)).toBe(expected);
        seen[expected === null ? "infeasible" : "optimal"]++;
      }),
      fcOptions(1000),
    );
    expect(seen.optimal).toBeGreaterThan(200);
    expect(seen.infeasible).toBeGreaterThan(100);
  });

  it("agrees with HiGHS on layered policy networks with minimums and penalties", () => {
    const seen = { optimal: 0, infeasible: 0 };
    fc.assert(
      fc.property(layeredProblems(8, 8, 100_000), (p) => {
        const r = maxGainCirculation(p);
        expectSound(p, r);
        const expected = highsOptimum(p);
        expect(optimumOf(r)).toBe(expected);
        seen[expected === null ? "infeasible" : "optimal"]++;
      }),
      fcOptions(300),
    );
    expect(seen.optimal).toBeGreaterThan(60);
    expect(seen.infeasible).toBeGreaterThan(20);
  });

  it("agrees with HiGHS with pilot-sized gains (placement weight 1e8, penalties up to 2e8)", () => {
    fc.assert(
      fc.property(layeredProblems(8, 8, 100_000_000), (p) => {
        const r = maxGainCirculation(p);
        expectSound(p, r);
        expect(optimumOf(r)).toBe(highsOptimum(p));
      }),
      fcOptions(60),
    );
  });

  it("agrees with HiGHS on general random networks with small gains (many ties)", () => {
    const networks = fc
      .integer({ min: 2, max: 14 })
      .chain((n) =>
        fc.array(
          fc.record({
            tail: fc.nat(n - 1),
            head: fc.nat(n - 1),
            lower: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 3 })),
            room: fc.integer({ min: 0, max: 9 }),
            gain: fc.integer({ min: -3, max: 3 }),
          }),
          { maxLength: 50 },
        ).map((specs) => problemOf(n, specs.map((s) => ({ tail: s.tail, head: s.head, lower: s.lower, upper: s.lower + s.room, gain: s.gain })))),
      );
    fc.assert(
      fc.property(networks, (p) => {
        const r = maxGainCirculation(p);
        expectSound(p, r);
        expect(optimumOf(r)).toBe(highsOptimum(p));
      }),
      fcOptions(300),
    );
  });

  it("keeps the flow optimal when every gain doubles (objective doubles)", () => {
    fc.assert(
      fc.property(layeredProblems(6, 6, 1000), (p) => {
        const r = maxGainCirculation(p);
        const doubled = { ...p, gain: p.gain.map((g) => 2 * g) };
        const r2 = maxGainCirculation(doubled);
        expect(r2.status).toBe(r.status);
        expectSound(doubled, r2);
        if (r.flow !== null) {
          expect(r2.objective).toBe(2 * r.objective);
          expect(valueOf(doubled, r.flow)).toBe(r2.objective);
        }
      }),
      fcOptions(100),
    );
  });

  it("changes nothing when an arc fixed at zero is added anywhere", () => {
    fc.assert(
      fc.property(
        fc.oneof(smallProblems, layeredProblems(6, 6, 1000)),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (p, at, t, h, gain) => {
          const arcs = arcsOf(p);
          const k = at % (arcs.length + 1);
          arcs.splice(k, 0, { tail: t % p.nodeCount, head: h % p.nodeCount, lower: 0, upper: 0, gain });
          const q = problemOf(p.nodeCount, arcs);
          const r = maxGainCirculation(p);
          const rq = maxGainCirculation(q);
          expect(rq.status).toBe(r.status);
          expect(rq.objective).toBe(r.objective);
          if (r.flow !== null) {
            const without = Array.from(rq.flow!);
            expect(without.splice(k, 1)).toEqual([0]);
            expect(without).toEqual(Array.from(r.flow));
          }
        },
      ),
      fcOptions(150),
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(layeredProblems(8, 8, 100_000), (p) => {
        expect(maxGainCirculation(p)).toEqual(maxGainCirculation(p));
      }),
      fcOptions(50),
    );
  });

  it("matches maxWeightTransport on transportation problems written as circulations", () => {
    const transport = fc
      .record({ nS: fc.integer({ min: 0, max: 12 }), nT: fc.integer({ min: 0, max: 10 }), base: fc.constantFrom(0, 100_003) })
      .chain(({ nS, nT, base }) =>
        fc.record({
          base: fc.constant(base),
          supply: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: nS, maxLength: nS }),
          capacity: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: nT, maxLength: nT }),
          pairs: fc.array(fc.option(fc.record({ upper: fc.integer({ min: 0, max: 9 }), weight: fc.integer({ min: -3, max: 8 }) }), { freq: 3 }), {
            minLength: nS * nT,
            maxLength: nS * nT,
          }),
        }),
      );
    fc.assert(
      fc.property(transport, ({ base, supply, capacity, pairs }) => {
        const nT = capacity.length;
        const to: number[] = [];
        const upper: number[] = [];
        const weight: number[] = [];
        const start = [0];
        supply.forEach((_, i) => {
          for (let j = 0; j < nT; j++) {
            const pair = pairs[i * nT + j];
            if (pair === null || pair === undefined) continue;
            to.push(j);
            upper.push(pair.upper);
            weight.push(base + pair.weight);
          }
          start.push(to.length);
        });
        const tp: TransportProblem = {
          supply: Int32Array.from(supply),
          capacity: Int32Array.from(capacity),
          start: Int32Array.from(start),
          to: Int32Array.from(to),
          upper: Int32Array.from(upper),
          weight: Float64Array.from(weight),
        };
        const t = maxWeightTransport(tp);
        expect(t.status).toBe("optimal");
        const expected = Array.from(t.flows).reduce((sum, f, a) => sum + f * weight[a]!, 0);

        const source = 0;
        const sink = 1;
        const arcs: Arc[] = [];
        supply.forEach((s, i) => arcs.push({ tail: source, head: 2 + i, lower: 0, upper: s, gain: 0 }));
        supply.forEach((_, i) => {
          for (let a = start[i]!; a < start[i + 1]!; a++) {
            arcs.push({ tail: 2 + i, head: 2 + supply.length + to[a]!, lower: 0, upper: upper[a]!, gain: weight[a]! });
          }
        });
        capacity.forEach((c, j) => arcs.push({ tail: 2 + supply.length + j, head: sink, lower: 0, upper: c, gain: 0 }));
        arcs.push({ tail: sink, head: source, lower: 0, upper: supply.reduce((x, y) => x + y, 0), gain: 0 });
        const p = problemOf(2 + supply.length + nT, arcs);
        const r = maxGainCirculation(p);
        expect(r.status).toBe("optimal");
        expectSound(p, r);
        expect(r.objective).toBe(expected);
      }),
      fcOptions(200),
    );
  });

  it("solves the documented example", () => {
    const p = problemOf(2, [
      { tail: 0, head: 1, lower: 0, upper: 2, gain: 3 },
      { tail: 1, head: 0, lower: 1, upper: 5, gain: -1 },
    ]);
    const r = maxGainCirculation(p);
    expect(r.status).toBe("optimal");
    expect(Array.from(r.flow!)).toEqual([2, 2]);
    expect(r.objective).toBe(4);
  });

  it("handles empty networks, self-loops and fixed arcs", () => {
    expect(maxGainCirculation(problemOf(0, []))).toEqual({ status: "optimal", flow: new Float64Array(0), objective: 0, pivots: 0 });
    expect(maxGainCirculation(problemOf(3, []))).toEqual({ status: "optimal", flow: new Float64Array(0), objective: 0, pivots: 0 });
    const loops = problemOf(1, [
      { tail: 0, head: 0, lower: 1, upper: 4, gain: 2 },
      { tail: 0, head: 0, lower: 1, upper: 4, gain: -2 },
      { tail: 0, head: 0, lower: 3, upper: 3, gain: 5 },
    ]);
    const r = maxGainCirculation(loops);
    expect(r.status).toBe("optimal");
    expect(Array.from(r.flow!)).toEqual([4, 1, 3]);
    expect(r.objective).toBe(21);
    // A fixed arc whose flow has nowhere to go.
    expect(maxGainCirculation(problemOf(2, [{ tail: 0, head: 1, lower: 2, upper: 2, gain: 1 }])).status).toBe("infeasible");
  });

  it("reports lower > upper as infeasible, and a minimum no path can carry", () => {
    const crossed = problemOf(2, [
      { tail: 0, head: 1, lower: 3, upper: 2, gain: 1 },
      { tail: 1, head: 0, lower: 0, upper: 9, gain: 0 },
    ]);
    expect(maxGainCirculation(crossed)).toEqual({ status: "infeasible", flow: null, objective: 0, pivots: 0 });
    const short = problemOf(3, [
      { tail: 0, head: 1, lower: 0, upper: 2, gain: 1 },
      { tail: 1, head: 2, lower: 3, upper: 5, gain: 1 },
      { tail: 2, head: 0, lower: 0, upper: 9, gain: 0 },
    ]);
    expect(maxGainCirculation(short).status).toBe("infeasible");
  });

  it("accepts a minimum that forces a loss", () => {
    // Carrying 2 round the cycle costs 2 * (4 - 7) = -6, but the minimum demands it.
    const p = problemOf(2, [
      { tail: 0, head: 1, lower: 2, upper: 5, gain: 4 },
      { tail: 1, head: 0, lower: 0, upper: 5, gain: -7 },
    ]);
    const r = maxGainCirculation(p);
    expect(r.status).toBe("optimal");
    expect(Array.from(r.flow!)).toEqual([2, 2]);
    expect(r.objective).toBe(-6);
  });

  it("refuses malformed input and numbers that could leave exact arithmetic, with the reason", () => {
    const ok: Arc = { tail: 0, head: 1, lower: 0, upper: 2, gain: 1 };
    const cases: [CirculationProblem, RegExp][] = [
      [problemOf(1.5, []), /nodeCount 1.5/],
      [problemOf(2, [{ ...ok, head: 2 }]), /arc 0 ends at node 2/],
      [problemOf(2, [ok, { ...ok, tail: -1 }]), /arc 1 starts at node -1/],
      [problemOf(2, [{ ...ok, lower: -1 }]), /lower bound -1/],
      [problemOf(2, [{ ...ok, upper: Infinity }]), /upper bound Infinity/],
      [problemOf(2, [{ ...ok, upper: 2.5 }]), /upper bound 2.5/],
      [problemOf(2, [{ ...ok, gain: Number.NaN }]), /gain NaN/],
      [problemOf(2, [{ ...ok, upper: 2 ** 53 }]), /upper bounds sum/],
      [problemOf(2, [{ ...ok, upper: 2 ** 30, gain: 2 ** 30 }]), /objective could leave/],
      [problemOf(1_000_000, [{ ...ok, upper: 1, gain: 2 ** 32 }]), /potentials/],
      [{ ...problemOf(2, [ok]), gain: new Float64Array(0) }, /gain has 0 entries but tail has 1/],
    ];
    for (const [p, message] of cases) {
      const r = maxGainCirculation(p);
      expect(r.status).toBe("refused");
      expect(r.flow).toBeNull();
      if (r.status === "refused") expect(r.message).toMatch(message);
    }
  });

  describe("time limit", () => {
    /** A layered network big enough to need well over 256 pivots. */
    const big = (withMinimum: boolean): CirculationProblem => {
      const classes = 60;
      const employers = 40;
      const arcs: Arc[] = [];
      const cls = (c: number) => 2 + c;
      const emp = (e: number) => 2 + classes + e;
      for (let c = 0; c < classes; c++) arcs.push({ tail: 0, head: cls(c), lower: 0, upper: 3, gain: 0 });
      for (let c = 0; c < classes; c++) {
        for (let e = 0; e < employers; e++) {
          if ((c * 7 + e * 3) % 4 !== 0) arcs.push({ tail: cls(c), head: emp(e), lower: 0, upper: 2, gain: 1000 + ((c * e * 31 + e) % 47) });
        }
      }
      for (let e = 0; e < employers; e++) arcs.push({ tail: emp(e), head: 1, lower: withMinimum && e < 10 ? 2 : 0, upper: 5, gain: 0 });
      arcs.push({ tail: 1, head: 0, lower: 0, upper: 3 * classes, gain: 0 });
      return problemOf(2 + classes + employers, arcs);
    };

    it("returns a feasible flow when one was reached (no lower bounds: zero is one)", () => {
      const p = big(false);
      const r = maxGainCirculation(p, { deadline: 0, now: () => 1 });
      expect(r.status).toBe("time-limit");
      expect(r.pivots).toBe(0);
      expect(Array.from(r.flow!).every((f) => f === 0)).toBe(true);
      expectSound(p, r);
    });

    it("returns no flow when stopped before the minimums were met", () => {
      const r = maxGainCirculation(big(true), { deadline: 0, now: () => 1 });
      expect(r).toEqual({ status: "time-limit", flow: null, objective: 0, pivots: 0 });
    });

    it("stops at the first clock check past the deadline with a feasible flow no better than the optimum", () => {
      const p = big(true);
      const full = maxGainCirculation(p);
      expect(full.status).toBe("optimal");
      expect(full.pivots).toBeGreaterThan(512);
      let reads = 0;
      const stopped = maxGainCirculation(p, { deadline: 10, now: () => (reads++ < 2 ? 0 : 20) });
      expect(stopped.status).toBe("time-limit");
      expect(stopped.pivots).toBe(512);
      expect(stopped.flow).not.toBeNull();
      expectSound(p, stopped);
      expect(stopped.objective).toBeLessThanOrEqual(full.objective);
    });

    it("reports optimal, not time-limit, when the first search already proves optimality", () => {
      const p = problemOf(2, [{ tail: 0, head: 1, lower: 0, upper: 2, gain: -1 }]);
      expect(maxGainCirculation(p, { deadline: 0, now: () => 1 }).status).toBe("optimal");
    });
  });
});

describe("checkCirculation", () => {
  const p = problemOf(3, [
    { tail: 0, head: 1, lower: 1, upper: 3, gain: 0 },
    { tail: 1, head: 2, lower: 0, upper: 3, gain: 0 },
    { tail: 2, head: 0, lower: 0, upper: 3, gain: 0 },
  ]);

  it("accepts a circulation and names the first violation otherwise", () => {
    expect(checkCirculation(p, Float64Array.of(2, 2, 2))).toBeNull();
    expect(checkCirculation(p, Float64Array.of(2, 2))).toBe("flow has 2 entries, the problem 3 arcs");
    expect(checkCirculation(p, Float64Array.of(0, 0, 0))).toBe("arc 0 (0 -> 1) carries 0, below its lower bound 1");
    expect(checkCirculation(p, Float64Array.of(2, 4, 2))).toBe("arc 1 (1 -> 2) carries 4, above its upper bound 3");
    expect(checkCirculation(p, Float64Array.of(2, 1.5, 2))).toBe("arc 1 (1 -> 2) carries 1.5, not an integer");
    expect(checkCirculation(p, Float64Array.of(2, 1, 2))).toBe("node 1: inflow 2, outflow 1");
  });
});
