/**
 * Max-weight transportation by the primal network simplex method, exact in
 * integer arithmetic, in flat typed arrays.
 *
 * Problem: sources i with supply b_i, sinks j with capacity d_j, arcs (i, j)
 * with bound u_a and integer weight w_a; maximise sum w_a x_a subject to
 * sum_j x_ij <= b_i, sum_i x_ij <= d_j, 0 <= x_a <= u_a, x integer.
 *
 * Why network simplex (and not cost scaling or successive shortest paths):
 * - the models have few nodes (thousands) and many arcs (up to millions):
 *   network simplex works on a spanning tree of the nodes, so each pivot
 *   touches one cycle and one moved subtree, and the arc count only enters
 *   through pricing, which block search keeps to a slice of the arcs a pivot;
 * - the weights are placementWeight + score with a huge placementWeight
 *   (~5e6 at 100,000 workers): cost scaling pays log(n * C) refinement rounds
 *   for that spread, and successive shortest paths pays one Dijkstra over all
 *   arcs per augmenting path, of which aggregated classes need thousands;
 *   simplex pivots are blind to the size of the weights;
 * - it is primal: every tree carries a feasible flow that only improves, so a
 *   solve stopped at the time limit still has an answer.
 * Everything is an integer below 2^53 (callers keep |w| * (2 * nodes + 1)
 * under it), so arithmetic is exact and no tolerance is needed anywhere.
 *
 * Formulation: one extra root node r; arc i -> r (weight 0, unbounded) carries
 * the unplaced workers of source i, arc r -> j the empty slots of sink j.
 * Every feasible x extends uniquely to this network (r balances the rest).
 * The start is the star of these arcs (carrying b_i and d_j, all potentials
 * 0), which is strongly feasible; Cunningham's leaving rule (the last blocking
 * arc from the cycle's apex along its orientation) keeps it so, which rules
 * out cycling. Arcs that cannot carry profitable flow (weight, bound, supply
 * or capacity not positive) stay fixed at zero and are never priced.
 *
 * The tree is stored as parent, predecessor arc and its direction, preorder
 * thread (doubly linked), subtree size and last descendant (Kennington and
 * Helgason's representation); a pivot re-hangs the cut subtree by splicing
 * pieces of its old preorder.
 *
 * Speed notes, measured on a 2-core VM where a cold solve (before V8 has
 * optimised the hot loops) is what a caller waits for:
 * - all arcs live in one forward-star layout grouped by tail, artificial arcs
 *   included, so that pricing is one loop without a rarely taken branch (on
 *   which V8 de-optimised and recompiled four times; that cost more than the
 *   copy of the arcs);
 * - costs and potentials are Int32Array whenever they fit (`fitsInt32`):
 *   unoptimised code boxes every double read from a Float64Array;
 * - a greedy warm start (placing 99.7% of the workers at once) needed more
 *   pivots afterwards, and was dropped.
 */
import { cut, graft, rethread, reversePath, type TreeLinks } from "./spanningTree.js";

/**
 * A transportation problem in forward-star form: the arcs of source i are
 * positions start[i] .. start[i+1]-1. All entries are integers; supplies,
 * capacities and bounds non-negative, with supply and capacity totals at most
 * `MAX_TOTAL`.
 */
export interface TransportProblem {
  /** Supply of each source (worker class). */
  readonly supply: Int32Array;
  /** Capacity of each sink (employer class). */
  readonly capacity: Int32Array;
  /** Length sources + 1, non-decreasing, from 0 to the arc count. */
  readonly start: Int32Array;
  /** Sink of each arc. */
  readonly to: Int32Array;
  /** Upper bound on the flow of each arc. */
  readonly upper: Int32Array;
  /** Gain per unit of flow on each arc (Int32Array when the weights fit: faster); arcs with weight <= 0 carry nothing. */
  readonly weight: Int32Array | Float64Array;
}

/** The largest total supply (and total capacity) a problem may have: 2^30 - 1. */
export const MAX_TOTAL = 2 ** 30 - 1;

/** Stop rule: `deadline` is a reading of `now` (default `performance.now`). */
export interface TransportOptions {
  readonly deadline?: number;
  readonly now?: () => number;
}

/**
 * "optimal": proved (no arc has a negative reduced cost). "time-limit": the
 * deadline passed first; `flows` is feasible but not proved optimal.
 */
export type TransportStatus = "optimal" | "time-limit";

/** The flow of each arc (feasible in every case) and the number of pivots made. */
export interface TransportResult {
  readonly status: TransportStatus;
  readonly flows: Int32Array;
  readonly pivots: number;
}

/** Clock reads are cheap but not free: one every this many pivots. */
const CLOCK_EVERY = 256;

/** The bound of artificial arcs: above any room a real arc can have (totals <= MAX_TOTAL). */
const UNBOUNDED = 2 ** 31 - 1;

/**
 * The working state. Nodes: sources 0..S-1, the root S, sinks S+1..S+T.
 * Arcs in forward-star order by tail: each source's input arcs then its arc
 * to the root, then the root's arcs to the sinks; `first[g]` starts node g's
 * run for g <= S. Input arc a of source i sits at position a + i.
 */
interface Network extends TreeLinks {
  readonly sources: number;
  readonly nodes: number;
  readonly arcs: number;
  readonly first: Int32Array;
  readonly head: Int32Array;
  /** -weight for input arcs, 0 for artificial ones. */
  readonly cost: Int32Array | Float64Array;
  readonly cap: Int32Array;
  readonly flow: Int32Array;
  /** 1: at lower bound, -1: at upper bound, 0: tree arc or fixed at zero (never priced). */
  readonly state: Int8Array;
  /** Potentials: a tree arc's reduced cost cost + pi[tail] - pi[head] is 0; pi[root] stays 0. */
  readonly pi: Int32Array | Float64Array;
  readonly block: number;
  /** Where the next block search starts, and the tail of that arc. */
  next: number;
  nextTail: number;
  /** Tail of the arc the last search chose; flow and side of the last cycle (see findLeaving). */
  enterTail: number;
  delta: number;
  side: number;
}

/**
 * Whether costs and potentials fit Int32Array. Unoptimised JavaScript boxes
 * every double it reads from a Float64Array (a heap allocation), but not a
 * small integer from an Int32Array, so the first pivots, before V8 optimises
 * them, run much faster on Int32Array. A root path in the tree is one
 * artificial arc (cost 0) and then input arcs in alternating directions, so
 * |pi| <= maxW + (nodes / 2) * (maxW - minW) over the arcs that can enter.
 */
const fitsInt32 = (p: TransportProblem): boolean => {
  let maxW = 0;
  let minW = Infinity;
  for (let a = 0; a < p.weight.length; a++) {
    const w = p.weight[a]!;
    if (w <= 0) continue;
    if (w > maxW) maxW = w;
    if (w < minW) minW = w;
  }
  const nodes = p.supply.length + p.capacity.length + 1;
  return maxW === 0 || maxW + Math.ceil(nodes / 2) * (maxW - minW) <= 2 ** 31 - 1;
};

/**
 * Copies source i's input arcs into the network (a small function of its own,
 * so that V8 optimises it after a few calls); returns the position of the
 * source's artificial arc, right after them.
 */
const copyArcs = (net: Network, p: TransportProblem, i: number): number => {
  const { first, head, cost, cap, state } = net;
  const base = p.start[i]! + i;
  const end = p.start[i + 1]! + i;
  const live = p.supply[i]! > 0;
  const sinkBase = net.sources + 1;
  first[i] = base;
  for (let k = base; k < end; k++) {
    const a = k - i;
    const j = p.to[a]!;
    const w = p.weight[a]!;
    const priced = live && w > 0 && p.upper[a]! > 0 && p.capacity[j]! > 0;
    head[k] = sinkBase + j;
    cost[k] = priced ? -w : 0;
    cap[k] = p.upper[a]!;
    state[k] = priced ? 1 : 0;
  }
  return end;
};

/** The star tree: every node hangs from the root by its artificial arc; nothing is placed. */
const starNetwork = (p: TransportProblem): Network => {
  const sources = p.supply.length;
  const sinks = p.capacity.length;
  const root = sources;
  const nodes = sources + sinks + 1;
  const arcs = p.to.length + sources + sinks;
  const exact = fitsInt32(p);
  const net: Network = {
    sources,
    nodes,
    arcs,
    first: new Int32Array(sources + 2),
    head: new Int32Array(arcs),
    cost: exact ? new Int32Array(arcs) : new Float64Array(arcs),
    cap: new Int32Array(arcs),
    flow: new Int32Array(arcs),
    state: new Int8Array(arcs),
    parent: new Int32Array(nodes),
    pred: new Int32Array(nodes),
    up: new Uint8Array(nodes),
    thread: new Int32Array(nodes),
    rev: new Int32Array(nodes),
    size: new Int32Array(nodes),
    last: new Int32Array(nodes),
    pi: exact ? new Int32Array(nodes) : new Float64Array(nodes),
    block: Math.max(10, Math.ceil(Math.sqrt(arcs))),
    next: 0,
    nextTail: 0,
    enterTail: -1,
    delta: 0,
    side: 0,
  };
  const { first, head, cap, flow, parent, pred, up } = net;
  for (let i = 0; i < sources; i++) {
    const end = copyArcs(net, p, i);
    head[end] = root;
    cap[end] = UNBOUNDED;
    flow[end] = p.supply[i]!;
    parent[i] = root;
    pred[i] = end;
    up[i] = 1;
  }
  first[root] = p.to.length + sources;
  first[root + 1] = arcs;
  for (let j = 0; j < sinks; j++) {
    const k = first[root]! + j;
    const u = root + 1 + j;
    head[k] = u;
    cap[k] = UNBOUNDED;
    flow[k] = p.capacity[j]!;
    parent[u] = root;
    pred[u] = k;
  }
  const { thread, rev, size, last } = net;
  // Preorder: the root, then every other node in index order, then back to the root.
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

/**
 * Block search: the most violating arc of the first block (of `block` arcs,
 * cyclically from where the last search stopped) that has one, or -1 when no
 * arc violates and the tree is optimal. Arcs are read tail by tail, so the
 * tail's potential is loaded once per run.
 */
const findEntering = (net: Network): number => {
  const { arcs, first, head, cost, state, pi, block } = net;
  let best = -1;
  let bestValue = 0;
  let bestTail = -1;
  let left = block;
  let e = net.next;
  let g = net.nextTail;
  for (let scanned = 0; scanned < arcs; ) {
    while (first[g + 1]! <= e) g++;
    const end = Math.min(first[g + 1]!, e + left);
    const tailPi = pi[g]!;
    const from = e;
    for (; e < end; e++) {
      const s = state[e]!;
      if (s === 0) continue;
      const reduced = cost[e]! + tailPi - pi[head[e]!]!;
      const value = s === 1 ? reduced : 0 - reduced;
      if (value < bestValue) {
        bestValue = value;
        best = e;
        bestTail = g;
      }
    }
    scanned += e - from;
    left -= e - from;
    if (e === arcs) {
      e = 0;
      g = 0;
    }
    if (left === 0) {
      if (best >= 0) break;
      left = block;
    }
  }
  net.next = e;
  net.nextTail = g;
  net.enterTail = bestTail;
  return best;
};

/** The apex of the cycle closed by an arc between a and b: their deepest common ancestor. */
const findJoin = (net: Network, a: number, b: number): number => {
  const { size, parent } = net;
  while (a !== b) {
    // An ancestor's subtree is strictly larger, so the smaller side climbs.
    if (size[a]! < size[b]!) a = parent[a]!;
    else b = parent[b]!;
  }
  return a;
};

/**
 * The leaving arc: the last blocking arc met going round the cycle from the
 * apex along its orientation (apex down to `first`, then `e`, then `second`
 * up to the apex), which keeps the tree strongly feasible. Sets `net.delta`
 * (the flow the cycle takes) and `net.side` (1 or 2: the side of the cycle it
 * is on), and returns the node whose tree arc leaves, or -1 when `e` itself
 * blocks (it then only moves to its other bound).
 */
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

/** Pushes `delta` round the cycle: through `e`, down from the apex to `first`, up from `second`. */
const augment = (net: Network, e: number, first: number, second: number, join: number, delta: number): void => {
  const { flow, state, parent, pred, up } = net;
  flow[e]! += state[e] === 1 ? delta : -delta;
  for (let u = first; u !== join; u = parent[u]!) flow[pred[u]!]! += up[u] === 1 ? -delta : delta;
  for (let u = second; u !== join; u = parent[u]!) flow[pred[u]!]! += up[u] === 1 ? delta : -delta;
};

/** Adds `sigma` to the potentials of the subtree rooted at `u` (a preorder run of size[u] nodes). */
const shiftPotentials = (net: Network, u: number, sigma: number): void => {
  const { size, thread, pi } = net;
  for (let c = size[u]!; c > 0; c--, u = thread[u]!) pi[u]! += sigma;
};

/**
 * One pivot on entering arc `e`: push flow round its cycle and, when a tree
 * arc blocks, swap it out: the subtree it held is re-rooted at the entering
 * arc's end inside it and hung from the other end, and its potentials shift
 * by the entering arc's reduced cost. Each step is a small function of its
 * own so that V8 optimises it after few pivots. Returns false if the cycle
 * had no real bound (impossible for valid input).
 */
const pivot = (net: Network, e: number): boolean => {
  const { head, cost, flow, state, pred, pi } = net;
  const eTail = net.enterTail;
  const eHead = head[e]!;
  const forward = state[e] === 1;
  const first = forward ? eTail : eHead;
  const second = forward ? eHead : eTail;
  const join = findJoin(net, first, second);
  const out = findLeaving(net, e, first, second, join);
  const delta = net.delta;
  if (delta > MAX_TOTAL) return false;
  if (delta > 0) augment(net, e, first, second, join, delta);
  if (out < 0) {
    state[e] = forward ? -1 : 1;
    return true;
  }
  const onFirst = net.side === 1;
  const uIn = onFirst ? first : second;
  const vIn = onFirst ? second : first;
  const reduced = cost[e]! + pi[eTail]! - pi[eHead]!;
  const leaving = pred[out]!;
  state[leaving] = flow[leaving] === 0 ? 1 : -1;
  state[e] = 0;
  cut(net, out, join);
  const end = rethread(net, uIn, out);
  reversePath(net, e, eTail, uIn, vIn, out, end);
  graft(net, uIn, vIn, end, join);
  shiftPotentials(net, uIn, uIn === eHead ? reduced : 0 - reduced);
  return true;
};

/**
 * Solves a max-weight transportation problem exactly. Deterministic: the same
 * input always gives the same flows. The input must satisfy the conditions
 * of `TransportProblem` (the flow engine checks them first); the only throw
 * is for a cycle without bound, which such input cannot have.
 *
 * @example
 * const p = { supply: Int32Array.of(2), capacity: Int32Array.of(1, 1), start: Int32Array.of(0, 2),
 *   to: Int32Array.of(0, 1), upper: Int32Array.of(1, 1), weight: Float64Array.of(5, 3) };
 * maxWeightTransport(p); // { status: "optimal", flows: Int32Array [1, 1], pivots: 2 }
 */
export const maxWeightTransport = (problem: TransportProblem, options: TransportOptions = {}): TransportResult => {
  const net = starNetwork(problem);
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
  const flows = new Int32Array(problem.to.length);
  for (let i = 0; i < net.sources; i++) {
    for (let a = problem.start[i]!; a < problem.start[i + 1]!; a++) flows[a] = net.flow[a + i]!;
  }
  return { status, flows, pivots };
};
