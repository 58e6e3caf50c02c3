/**
 * The network simplex against oracles simpler than itself: exhaustive
 * enumeration on tiny problems, successive shortest paths with Bellman-Ford
 * on larger ones (dense ones too, where the arcs are mixed with a stride
 * above its minimum, and one with more nodes than 16-bit node numbers hold),
 * and hand-made edge cases (no arcs, no supply, ties, stops).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIX_FROM_ARCS, maxWeightTransport, networkLayout, type TransportProblem } from "../../src/engine/minCostFlow.js";
import { fcOptions } from "../support/seed.js";

const params = fcOptions;

interface Arc {
  readonly from: number;
  readonly to: number;
  readonly upper: number;
  readonly weight: number;
}

/** Forward-star arrays from arcs listed in any order (sorted here by source, stably). */
const problemOf = (supply: readonly number[], capacity: readonly number[], arcs: readonly Arc[]): TransportProblem => {
  const sorted = [...arcs].sort((a, b) => a.from - b.from);
  const start = new Int32Array(supply.length + 1);
  for (const arc of sorted) start[arc.from + 1]! += 1;
  for (let i = 0; i < supply.length; i++) start[i + 1]! += start[i]!;
  return {
    supply: Int32Array.from(supply),
    capacity: Int32Array.from(capacity),
    start,
    to: Int32Array.from(sorted, (a) => a.to),
    upper: Int32Array.from(sorted, (a) => a.upper),
    weight: Float64Array.from(sorted, (a) => a.weight),
  };
};

const sourceOf = (p: TransportProblem): number[] => {
  const from: number[] = [];
  for (let i = 0; i < p.supply.length; i++) for (let a = p.start[i]!; a < p.start[i + 1]!; a++) from.push(i);
  return from;
};

/** null when the flows are feasible, else the first violation. */
const violation = (p: TransportProblem, flows: Int32Array): string | null => {
  if (flows.length !== p.to.length) return "wrong length";
  const from = sourceOf(p);
  const out = new Array<number>(p.supply.length).fill(0);
  const into = new Array<number>(p.capacity.length).fill(0);
  for (let a = 0; a < flows.length; a++) {
    const f = flows[a]!;
    if (f < 0 || f > p.upper[a]!) return `arc ${a} flow ${f}`;
    out[from[a]!]! += f;
    into[p.to[a]!]! += f;
  }
  if (out.some((o, i) => o > p.supply[i]!)) return "supply exceeded";
  if (into.some((o, j) => o > p.capacity[j]!)) return "capacity exceeded";
  return null;
};

const valueOf = (p: TransportProblem, flows: Int32Array): number => flows.reduce((s, f, a) => s + f * p.weight[a]!, 0);

/** The best value over every integer flow, by enumeration. */
const bruteForce = (p: TransportProblem): number => {
  const from = sourceOf(p);
  const leftS = Array.from(p.supply);
  const leftC = Array.from(p.capacity);
  let best = 0;
  const visit = (a: number, value: number): void => {
    if (a === from.length) {
      best = Math.max(best, value);
      return;
    }
    const i = from[a]!;
    const j = p.to[a]!;
    for (let x = 0; x <= Math.min(p.upper[a]!, leftS[i]!, leftC[j]!); x++) {
      leftS[i]! -= x;
      leftC[j]! -= x;
      visit(a + 1, value + x * p.weight[a]!);
      leftS[i]! += x;
      leftC[j]! += x;
    }
  };
  visit(0, 0);
  return best;
};

/** Successive shortest paths with Bellman-Ford from a super source: augment while a path gains. */
const shortestPathsOracle = (p: TransportProblem): number => {
  const nS = p.supply.length;
  const nodes = nS + p.capacity.length + 2;
  const s = nodes - 2;
  const t = nodes - 1;
  const tail: number[] = [];
  const head: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const add = (u: number, v: number, c: number, w: number): void => {
    tail.push(u, v);
    head.push(v, u);
    cap.push(c, 0);
    cost.push(w, -w);
  };
  for (let i = 0; i < nS; i++) add(s, i, p.supply[i]!, 0);
  for (let j = 0; j < p.capacity.length; j++) add(nS + j, t, p.capacity[j]!, 0);
  sourceOf(p).forEach((i, a) => add(i, nS + p.to[a]!, p.upper[a]!, -p.weight[a]!));
  let total = 0;
  for (;;) {
    const dist = new Array<number>(nodes).fill(Infinity);
    const via = new Array<number>(nodes).fill(-1);
    dist[s] = 0;
    for (let round = 0; round < nodes; round++) {
      let changed = false;
      for (let e = 0; e < tail.length; e++) {
        if (cap[e]! > 0 && dist[tail[e]!]! + cost[e]! < dist[head[e]!]!) {
          dist[head[e]!] = dist[tail[e]!]! + cost[e]!;
          via[head[e]!] = e;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (!(dist[t]! < 0)) return total;
    let push = Infinity;
    for (let v = t; v !== s; v = tail[via[v]!]!) push = Math.min(push, cap[via[v]!]!);
    for (let v = t; v !== s; v = tail[via[v]!]!) {
      cap[via[v]!]! -= push;
      cap[via[v]! ^ 1]! += push;
    }
    total -= push * dist[t]!;
  }
};

/** Random problems: sizes, supplies, bounds and weights from the given ranges; weights offset by `base`. */
const problems = (maxS: number, maxT: number, maxSupply: number, base: number): fc.Arbitrary<TransportProblem> =>
  fc
    .record({ nS: fc.noBias(fc.integer({ min: 0, max: maxS })), nT: fc.noBias(fc.integer({ min: 0, max: maxT })) })
    .chain(({ nS, nT }) =>
      fc.record({
        supply: fc.array(fc.noBias(fc.integer({ min: 0, max: maxSupply })), { minLength: nS, maxLength: nS }),
        capacity: fc.array(fc.noBias(fc.integer({ min: 0, max: maxSupply })), { minLength: nT, maxLength: nT }),
        pairs: fc.array(
          fc.option(fc.record({ upper: fc.noBias(fc.integer({ min: 0, max: maxSupply })), weight: fc.integer({ min: -2, max: 6 }) }), {
            nil: null,
            freq: 3,
          }),
          { minLength: nS * nT, maxLength: nS * nT },
        ),
      }),
    )
    .map(({ supply, capacity, pairs }) => {
      const arcs: Arc[] = [];
      pairs.forEach((pair, k) => {
        if (pair !== null) arcs.push({ from: Math.floor(k / capacity.length), to: k % capacity.length, upper: pair.upper, weight: base + pair.weight });
      });
      return problemOf(supply, capacity, arcs);
    });

/** The solve reaches `best` with a feasible flow, proved optimal, in both pricing orders (the problem's own and mixed). */
const expectBestInBothOrders = (p: TransportProblem, best: number): void => {
  for (const mix of [false, true]) {
    const result = maxWeightTransport(p, { mix });
    expect(result.status).toBe("optimal");
    expect(violation(p, result.flows)).toBeNull();
    expect(valueOf(p, result.flows)).toBe(best);
  }
};

describe("maxWeightTransport", () => {
  it("matches exhaustive enumeration on tiny problems (ties and zero weights included), in either pricing order", () => {
    fc.assert(
      fc.property(problems(4, 3, 3, 0), (p) => expectBestInBothOrders(p, bruteForce(p))),
      params(300),
    );
  });

  it("matches exhaustive enumeration with a dominant placement weight", () => {
    fc.assert(
      fc.property(problems(4, 3, 3, 1_000_003), (p) => {
        const result = maxWeightTransport(p);
        expect(violation(p, result.flows)).toBeNull();
        expect(valueOf(p, result.flows)).toBe(bruteForce(p));
      }),
      params(150),
    );
  });

  it("solves a problem with a shared bonus as the one with the bonus added to every weight, to the same flows, in either pricing order", () => {
    // The flow engine passes the model's scores as weights and its placement weight as the bonus.
    fc.assert(
      fc.property(problems(8, 6, 6, 0), fc.constantFrom(0, 7, 1_000_003, 2 ** 31), (p, bonus) => {
        const added = { ...p, weight: Float64Array.from(p.weight, (w) => w + bonus) };
        const shared = { ...p, bonus };
        for (const mix of [false, true]) {
          expect(maxWeightTransport(shared, { mix })).toEqual(maxWeightTransport(added, { mix }));
        }
      }),
      params(150),
    );
  });

  it("matches successive shortest paths on larger, degenerate problems, in either pricing order", () => {
    fc.assert(
      fc.property(problems(12, 9, 12, 0), (p) => expectBestInBothOrders(p, shortestPathsOracle(p))),
      params(200),
    );
  });

  it("matches successive shortest paths on dense problems (many arcs per node: the arcs are mixed with a wide stride)", () => {
    // 3..6 sources x 30..50 sinks, nearly every pair an arc: usable arcs / nodes is 2..5, so the stride of the mixing varies.
    const dense = fc
      .record({ nS: fc.integer({ min: 3, max: 6 }), nT: fc.integer({ min: 30, max: 50 }) })
      .chain(({ nS, nT }) =>
        fc.record({
          supply: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: nS, maxLength: nS }),
          capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: nT, maxLength: nT }),
          weights: fc.array(fc.integer({ min: -1, max: 4 }), { minLength: nS * nT, maxLength: nS * nT }),
          uppers: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: nS * nT, maxLength: nS * nT }),
        }),
      )
      .map(({ supply, capacity, weights, uppers }) =>
        problemOf(
          supply,
          capacity,
          weights.map((w, k) => ({ from: Math.floor(k / capacity.length), to: k % capacity.length, upper: uppers[k]!, weight: 1_000 + w * 7 })),
        ),
      );
    fc.assert(
      fc.property(dense, (p) => expectBestInBothOrders(p, shortestPathsOracle(p))),
      params(60),
    );
  });

  it("solves a problem with more nodes than 16-bit node numbers hold", () => {
    // 70,000 sinks, most of them unreachable: the wide (Int32Array) node numbers are used.
    const capacity = new Array<number>(70_000).fill(1);
    const arcs: Arc[] = [];
    for (let i = 0; i < 4; i++) for (const j of [0, 1, 69_998, 69_999, 35_000 + i]) arcs.push({ from: i, to: j, upper: 1, weight: 10 + ((i * 5 + j) % 7) });
    const p = problemOf([2, 2, 1, 3], capacity, arcs);
    expectBestInBothOrders(p, bruteForce(p));
  });

  it("prices in mixed order by default from MIX_FROM_ARCS usable arcs on, to the same value as the problem's order", () => {
    // 1,000 x 1,000 classes, every pair an arc: exactly MIX_FROM_ARCS usable arcs.
    const n = Math.sqrt(MIX_FROM_ARCS);
    const start = Int32Array.from({ length: n + 1 }, (_, i) => i * n);
    const to = Int32Array.from({ length: n * n }, (_, a) => a % n);
    const weight = Int32Array.from({ length: n * n }, (_, a) => 1_000 + ((Math.floor(a / n) * 31 + (a % n) * 17) % 50));
    const p: TransportProblem = { supply: new Int32Array(n).fill(3), capacity: new Int32Array(n).fill(2), start, to, upper: new Int32Array(n * n).fill(2), weight };
    const byDefault = maxWeightTransport(p);
    const mixed = maxWeightTransport(p, { mix: true });
    const ordered = maxWeightTransport(p, { mix: false });
    expect(byDefault.pivots).toBe(mixed.pivots);
    expect(Array.from(byDefault.flows)).toEqual(Array.from(mixed.flows));
    expect(violation(p, byDefault.flows)).toBeNull();
    expect(valueOf(p, byDefault.flows)).toBe(valueOf(p, ordered.flows));
    expect(valueOf(p, byDefault.flows)).toBeGreaterThanOrEqual(2 * n * 1_000);
  });

  it("lays the mixed arcs out at the positions of the plain walk, and reads their flows back (wide problems: many tiles of runs and steps)", () => {
    // Oracle: the walk as first written (usable arcs in the problem's order at base, base + skip, ...; then base + 1, ...).
    const walk = (p: TransportProblem): { tail: number[]; head: number[]; cost: number[]; cap: number[] } => {
      const S = p.supply.length;
      const nodes = S + p.capacity.length + 1;
      const base = nodes - 1;
      const bonus = p.bonus ?? 0;
      const list: number[][] = [];
      for (let i = 0; i < S; i++) {
        for (let a = p.start[i]!; a < p.start[i + 1]!; a++) {
          if (bonus + p.weight[a]! > 0 && p.upper[a]! > 0 && p.supply[i]! > 0 && p.capacity[p.to[a]!]! > 0) list.push([i, S + 1 + p.to[a]!, -(bonus + p.weight[a]!), p.upper[a]!]);
        }
      }
      const arcs = base + list.length;
      const skip = Math.max(Math.floor(list.length / nodes), 3);
      const out = { tail: new Array<number>(list.length), head: new Array<number>(list.length), cost: new Array<number>(list.length), cap: new Array<number>(list.length) };
      let k = base;
      let run = base;
      for (const [tail, head, cost, cap] of list) {
        out.tail[k - base] = tail!;
        out.head[k - base] = head!;
        out.cost[k - base] = cost!;
        out.cap[k - base] = cap!;
        k += skip;
        if (k >= arcs) k = ++run;
      }
      return out;
    };
    const wide = fc
      .record({ nS: fc.integer({ min: 1, max: 160 }), nT: fc.integer({ min: 1, max: 160 }), seed: fc.integer({ min: 1, max: 2 ** 30 }) })
      .map(({ nS, nT, seed }) => {
        // A cheap generator of many arcs (some unusable: weight <= 0, bound 0, no supply, no capacity).
        let x = seed;
        const next = (n: number): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 1) % n);
        const supply = Array.from({ length: nS }, () => (next(10) === 0 ? 0 : 1 + next(4)));
        const capacity = Array.from({ length: nT }, () => (next(10) === 0 ? 0 : 1 + next(3)));
        const arcs: Arc[] = [];
        for (let i = 0; i < nS; i++) for (let j = 0; j < nT; j++) if (next(5) !== 0) arcs.push({ from: i, to: j, upper: next(8) === 0 ? 0 : 1 + next(3), weight: next(12) - 1 });
        return problemOf(supply, capacity, arcs);
      });
    fc.assert(
      fc.property(wide, (p) => {
        const laid = networkLayout(p, true);
        const base = p.supply.length + p.capacity.length;
        const expected = walk(p);
        expect(laid.mixed).toBe(true);
        expect(laid.tail.slice(base)).toEqual(expected.tail);
        expect(laid.head.slice(base)).toEqual(expected.head);
        expect(laid.cost.slice(base)).toEqual(expected.cost);
        expect(laid.cap.slice(base)).toEqual(expected.cap);
        expect(laid.priced.slice(base).every((x) => x)).toBe(true);
        const mixed = maxWeightTransport(p, { mix: true });
        expect(violation(p, mixed.flows)).toBeNull();
        expect(valueOf(p, mixed.flows)).toBe(valueOf(p, maxWeightTransport(p, { mix: false }).flows));
      }),
      params(25),
    );
  });

  it("is deterministic, in either pricing order", () => {
    fc.assert(
      fc.property(problems(8, 6, 6, 500), (p) => {
        expect(Array.from(maxWeightTransport(p).flows)).toEqual(Array.from(maxWeightTransport(p).flows));
        expect(Array.from(maxWeightTransport(p, { mix: true }).flows)).toEqual(Array.from(maxWeightTransport(p, { mix: true }).flows));
      }),
      params(50),
    );
  });

  it("solves the documented example", () => {
    const p = problemOf([2], [1, 1], [
      { from: 0, to: 0, upper: 1, weight: 5 },
      { from: 0, to: 1, upper: 1, weight: 3 },
    ]);
    expect(Array.from(maxWeightTransport(p).flows)).toEqual([1, 1]);
  });

  it("handles no nodes, no arcs and no supply", () => {
    expect(maxWeightTransport(problemOf([], [], []))).toEqual({ status: "optimal", flows: new Int32Array(0), support: new Int32Array(0), pivots: 0 });
    expect(maxWeightTransport(problemOf([3, 1], [2], []))).toEqual({ status: "optimal", flows: new Int32Array(0), support: new Int32Array(0), pivots: 0 });
    const dry = problemOf([0, 0], [2, 2], [
      { from: 0, to: 0, upper: 0, weight: 9 },
      { from: 1, to: 1, upper: 2, weight: 9 },
    ]);
    expect(Array.from(maxWeightTransport(dry).flows)).toEqual([0, 0]);
  });

  it("never uses arcs of weight <= 0, zero bound, or into a zero-capacity sink", () => {
    const p = problemOf([5, 5], [5, 0], [
      { from: 0, to: 0, upper: 5, weight: 0 },
      { from: 0, to: 1, upper: 5, weight: 7 },
      { from: 1, to: 0, upper: 0, weight: 7 },
      { from: 1, to: 1, upper: 5, weight: 7 },
    ]);
    const result = maxWeightTransport(p);
    expect(Array.from(result.flows)).toEqual([0, 0, 0, 0]);
    expect(result.pivots).toBe(0);
  });

  it("breaks complete ties to some optimum: 3 x 3 all weight 5", () => {
    const arcs: Arc[] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) arcs.push({ from: i, to: j, upper: 1, weight: 5 });
    const p = problemOf([1, 1, 1], [1, 1, 1], arcs);
    const result = maxWeightTransport(p);
    expect(violation(p, result.flows)).toBeNull();
    expect(valueOf(p, result.flows)).toBe(15);
  });

  it("stops at a deadline already passed with feasible (empty) flows", () => {
    const p = problemOf([2], [2], [{ from: 0, to: 0, upper: 2, weight: 1 }]);
    const result = maxWeightTransport(p, { deadline: 0, now: () => 1 });
    expect(result).toEqual({ status: "time-limit", flows: new Int32Array(1), support: new Int32Array(0), pivots: 0 });
  });

  it("stops at the first clock check past the deadline with a feasible flow no better than the optimum", () => {
    const arcs: Arc[] = [];
    for (let i = 0; i < 150; i++) {
      for (let j = 0; j < 80; j++) if ((i * 7 + j * 3) % 4 !== 0) arcs.push({ from: i, to: j, upper: 3, weight: 1000 + ((i * j * 31 + j) % 47) });
    }
    const p = problemOf(new Array<number>(150).fill(3), new Array<number>(80).fill(5), arcs);
    let reads = 0;
    const stopped = maxWeightTransport(p, { deadline: 10, now: () => (reads++ === 0 ? 0 : 20) });
    const full = maxWeightTransport(p);
    expect(full.pivots).toBeGreaterThan(256);
    expect(stopped.status).toBe("time-limit");
    expect(stopped.pivots).toBe(256);
    expect(violation(p, stopped.flows)).toBeNull();
    expect(valueOf(p, stopped.flows)).toBeLessThanOrEqual(valueOf(p, full.flows));
  });
});
