/**
 * The network simplex of src/engine/minCostFlow.ts as it was at ce60995
 * (comments stripped), which kept every arc's flow, bound and direction in
 * arrays as long as the arcs: the oracle of test/engine/pivotSequence.test.ts,
 * which holds the leaner engine to the very same pivots and flows. Frozen:
 * never change it to make that test pass.
 */
import type { TransportOptions, TransportProblem, TransportResult, TransportStatus } from "../../../src/engine/minCostFlow.js";
import { cut, graft, rethread, reversePath, type TreeLinks } from "../../../src/engine/spanningTree.js";

const MAX_TOTAL = 2 ** 30 - 1;

const CLOCK_EVERY = 256;

const UNBOUNDED = 2 ** 31 - 1;

const MIX_FROM_ARCS = 1_000_000;

const MIXED_BLOCK = 0.5;

interface Network extends TreeLinks {
  readonly mixed: boolean;
  readonly sources: number;
  readonly nodes: number;
  readonly arcs: number;
    readonly tail: Uint16Array | Int32Array;
  readonly head: Uint16Array | Int32Array;
    readonly cost: Int32Array | Float64Array;
  readonly cap: Int32Array;
    readonly flow: Int32Array;
    readonly flipped: Uint8Array;
    readonly pi: Int32Array | Float64Array;
  readonly block: number;
    readonly usable: Int32Array | null;
    next: number;
    delta: number;
  side: number;
}

const usable = (p: TransportProblem, bonus: number, i: number, a: number): boolean =>
  bonus + p.weight[a]! > 0 && p.upper[a]! > 0 && p.supply[i]! > 0 && p.capacity[p.to[a]!]! > 0;

const mixedSkip = (count: number, nodes: number): number => Math.max(Math.floor(count / nodes), 3);

interface Usable {
  readonly count: number;
  readonly exact: boolean;
  readonly idx: Int32Array;
  readonly ustart: Int32Array;
}

const survey = (p: TransportProblem): Usable => {
  const bonus = p.bonus ?? 0;
  const sources = p.supply.length;
  const idx = new Int32Array(p.to.length);
  const ustart = new Int32Array(sources + 1);
  let count = 0;
  let maxW = 0;
  let minW = Infinity;
  for (let i = 0; i < sources; i++) {
    ustart[i] = count;
    if (p.supply[i]! <= 0) continue;
    for (let a = p.start[i]!; a < p.start[i + 1]!; a++) {
      if (!usable(p, bonus, i, a)) continue;
      idx[count++] = a;
      const w = bonus + p.weight[a]!;
      if (w > maxW) maxW = w;
      if (w < minW) minW = w;
    }
  }
  ustart[sources] = count;
  const nodes = sources + p.capacity.length + 1;
  return { count, exact: maxW === 0 || maxW + Math.ceil(nodes / 2) * (maxW - minW) <= 2 ** 31 - 1, idx, ustart };
};

const TILE = 64;

interface Runs {
  readonly skip: number;
    readonly long: number;
  readonly longRuns: number;
}

const runsOf = (count: number, nodes: number): Runs => {
  const skip = mixedSkip(count, nodes);
  const rest = count % skip;
  return { skip, long: Math.floor(count / skip) + (rest > 0 ? 1 : 0), longRuns: rest > 0 ? rest : skip };
};

const runLength = (runs: Runs, r: number): number => (r < runs.longRuns ? runs.long : runs.long - 1);
const runFirst = (runs: Runs, r: number): number => r * runs.long - Math.max(0, r - runs.longRuns);

const sourceOfUsable = (ustart: Int32Array, t: number): number => {
  let lo = 0;
  let hi = ustart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ustart[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  while (t >= ustart[lo + 1]!) lo++;
  return lo;
};

const starNetwork = (p: TransportProblem, mix: boolean | undefined): Network => {
  const sources = p.supply.length;
  const sinks = p.capacity.length;
  const root = sources;
  const nodes = sources + sinks + 1;
  const m = p.to.length;
  const found = survey(p);
  const { count, exact } = found;
  const bonus = p.bonus ?? 0;
  const mixed = mix ?? count >= MIX_FROM_ARCS;
  const base = sources + sinks;
  const arcs = mixed ? base + count : m + sources + sinks;
  const narrow = nodes <= 2 ** 16;
  const net: Network = {
    mixed,
    sources,
    nodes,
    arcs,
    tail: narrow ? new Uint16Array(arcs) : new Int32Array(arcs),
    head: narrow ? new Uint16Array(arcs) : new Int32Array(arcs),
    cost: exact ? new Int32Array(arcs) : new Float64Array(arcs),
    cap: new Int32Array(arcs),
    flow: new Int32Array(arcs),
    flipped: new Uint8Array(arcs),
    parent: new Int32Array(nodes),
    pred: new Int32Array(nodes),
    up: new Uint8Array(nodes),
    thread: new Int32Array(nodes),
    rev: new Int32Array(nodes),
    size: new Int32Array(nodes),
    last: new Int32Array(nodes),
    pi: exact ? new Int32Array(nodes) : new Float64Array(nodes),
    block: Math.max(10, Math.ceil((mixed ? MIXED_BLOCK : 1) * Math.sqrt(arcs))),
    usable: mixed ? found.idx.subarray(0, count) : null,
    next: 0,
    delta: 0,
    side: 0,
  };
  const { tail, head, cost, cap, flow, parent, pred, up } = net;
  for (let i = 0; i < sources; i++) {
    const k = mixed ? i : p.start[i + 1]! + i;
    tail[k] = i;
    head[k] = root;
    cap[k] = UNBOUNDED;
    flow[k] = p.supply[i]!;
    parent[i] = root;
    pred[i] = k;
    up[i] = 1;
  }
  for (let j = 0; j < sinks; j++) {
    const k = (mixed ? sources : m + sources) + j;
    const u = root + 1 + j;
    tail[k] = root;
    head[k] = u;
    cap[k] = UNBOUNDED;
    flow[k] = p.capacity[j]!;
    parent[u] = root;
    pred[u] = k;
  }
  if (mixed) {
    const { idx, ustart } = found;
    const runs = runsOf(count, nodes);
    const { skip, long } = runs;
    for (let r0 = 0; r0 < skip; r0 += TILE) {
      const r1 = Math.min(skip, r0 + TILE);
      for (let q0 = 0; q0 < long; q0 += TILE) {
        for (let r = r0; r < r1; r++) {
          const q1 = Math.min(runLength(runs, r), q0 + TILE);
          if (q0 >= q1) continue;
          let t = runFirst(runs, r) + q0;
          let i = sourceOfUsable(ustart, t);
          let k = base + r + q0 * skip;
          for (let q = q0; q < q1; q++, t++, k += skip) {
            while (t >= ustart[i + 1]!) i++;
            const a = idx[t]!;
            tail[k] = i;
            head[k] = root + 1 + p.to[a]!;
            cost[k] = -(bonus + p.weight[a]!);
            cap[k] = p.upper[a]!;
          }
        }
      }
    }
  } else {
    for (let i = 0; i < sources; i++) {
      for (let a = p.start[i]!; a < p.start[i + 1]!; a++) {
        const k = a + i;
        const priced = usable(p, bonus, i, a);
        tail[k] = i;
        head[k] = priced ? root + 1 + p.to[a]! : i;
        cost[k] = priced ? -(bonus + p.weight[a]!) : 0;
        cap[k] = p.upper[a]!;
      }
    }
  }
  const { thread, rev, size, last } = net;
  let previous = root;
  for (let u = 0; u < nodes; u++) {
    size[u] = 1;
    last[u] = u;
    if (u === root) continue;
    thread[previous] = u;
    previous = u;
  }
  thread[previous] = root;
  for (let u = 0; u < nodes; u++) rev[thread[u]!] = u;
  parent[root] = -1;
  pred[root] = -1;
  size[root] = nodes;
  last[root] = rev[root]!;
  return net;
};

const findEntering = (net: Network): number => {
  const { arcs, tail, head, cost, pi, block } = net;
  let best = -1;
  let bestValue = 0;
  let left = block;
  let e = net.next;
  for (let scanned = 0; scanned < arcs; ) {
    const end = Math.min(arcs, e + left);
    const from = e;
    for (; e < end; e++) {
      const value = cost[e]! + pi[tail[e]!]! - pi[head[e]!]!;
      if (value < bestValue) {
        bestValue = value;
        best = e;
      }
    }
    scanned += e - from;
    left -= e - from;
    if (e === arcs) e = 0;
    if (left === 0) {
      if (best >= 0) break;
      left = block;
    }
  }
  net.next = e;
  return best;
};

const findJoin = (net: Network, a: number, b: number): number => {
  const { size, parent } = net;
  while (a !== b) {
    if (size[a]! < size[b]!) a = parent[a]!;
    else b = parent[b]!;
  }
  return a;
};

const findLeaving = (net: Network, e: number, first: number, second: number, join: number): number => {
  const { cap, flow, parent, pred, up } = net;
  let delta = cap[e]!;
  let out = -1;
  let side = 0;
  for (let u = first; u !== join; u = parent[u]!) {
    const f = pred[u]!;
    const room = up[u] === 1 ? flow[f]! : cap[f]! - flow[f]!;
    if (room < delta) {
      delta = room;
      out = u;
      side = 1;
    }
  }
  for (let u = second; u !== join; u = parent[u]!) {
    const f = pred[u]!;
    const room = up[u] === 1 ? cap[f]! - flow[f]! : flow[f]!;
    if (room <= delta) {
      delta = room;
      out = u;
      side = 2;
    }
  }
  net.delta = delta;
  net.side = side;
  return out;
};

const augment = (net: Network, e: number, first: number, second: number, join: number, delta: number): void => {
  const { flow, parent, pred, up } = net;
  flow[e]! += delta;
  for (let u = first; u !== join; u = parent[u]!) flow[pred[u]!]! += up[u] === 1 ? -delta : delta;
  for (let u = second; u !== join; u = parent[u]!) flow[pred[u]!]! += up[u] === 1 ? delta : -delta;
};

const flip = (net: Network, e: number): void => {
  const { tail, head, cost, flow } = net;
  const t = tail[e]!;
  tail[e] = head[e]!;
  head[e] = t;
  cost[e] = 0 - cost[e]!;
  flow[e] = net.cap[e]! - flow[e]!;
  net.flipped[e]! ^= 1;
};

const shiftPotentials = (net: Network, u: number, sigma: number): void => {
  const { size, thread, pi } = net;
  for (let c = size[u]!; c > 0; c--, u = thread[u]!) pi[u]! += sigma;
};

const pivot = (net: Network, e: number): boolean => {
  const { cost, flow, pred, pi } = net;
  const eTail = net.tail[e]!;
  const eHead = net.head[e]!;
  const join = findJoin(net, eTail, eHead);
  const out = findLeaving(net, e, eTail, eHead, join);
  const delta = net.delta;
  if (delta > MAX_TOTAL) return false;
  if (delta > 0) augment(net, e, eTail, eHead, join, delta);
  if (out < 0) {
    flip(net, e);
    return true;
  }
  const onFirst = net.side === 1;
  const uIn = onFirst ? eTail : eHead;
  const vIn = onFirst ? eHead : eTail;
  const reduced = cost[e]! + pi[eTail]! - pi[eHead]!;
  const leaving = pred[out]!;
  if (flow[leaving] !== 0) flip(net, leaving);
  cut(net, out, join);
  const end = rethread(net, uIn, out);
  reversePath(net, e, eTail, uIn, vIn, out, end);
  graft(net, uIn, vIn, end, join);
  shiftPotentials(net, uIn, uIn === eHead ? reduced : 0 - reduced);
  return true;
};

const flowsOf = (net: Network, p: TransportProblem): Int32Array => {
  const flows = new Int32Array(p.to.length);
  const { flow, cap, flipped } = net;
  if (net.usable === null) {
    for (let i = 0; i < p.supply.length; i++) {
      for (let a = p.start[i]!; a < p.start[i + 1]!; a++) flows[a] = flipped[a + i] === 1 ? cap[a + i]! - flow[a + i]! : flow[a + i]!;
    }
    return flows;
  }
  const idx = net.usable;
  const base = net.nodes - 1;
  const runs = runsOf(idx.length, net.nodes);
  const { skip, long } = runs;
  for (let r0 = 0; r0 < skip; r0 += TILE) {
    const r1 = Math.min(skip, r0 + TILE);
    for (let q0 = 0; q0 < long; q0 += TILE) {
      for (let r = r0; r < r1; r++) {
        const q1 = Math.min(runLength(runs, r), q0 + TILE);
        let t = runFirst(runs, r) + q0;
        let k = base + r + q0 * skip;
        for (let q = q0; q < q1; q++, t++, k += skip) flows[idx[t]!] = flipped[k] === 1 ? cap[k]! - flow[k]! : flow[k]!;
      }
    }
  }
  return flows;
};

export const perArcTransport = (problem: TransportProblem, options: TransportOptions = {}): Omit<TransportResult, "support"> => {
  const net = starNetwork(problem, options.mix);
  const now = options.now ?? (() => performance.now());
  const deadline = options.deadline;
  let pivots = 0;
  let status: TransportStatus = "optimal";
  for (;;) {
    if (deadline !== undefined && pivots % CLOCK_EVERY === 0 && now() >= deadline) {
      status = "time-limit";
      break;
    }
    const e = findEntering(net);
    if (e < 0) break;
    if (!pivot(net, e)) throw new Error("network simplex: a cycle without bound (invalid input)");
    pivots++;
  }
  return { status, flows: flowsOf(net, problem), pivots };
};
