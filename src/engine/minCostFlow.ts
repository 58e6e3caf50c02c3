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
 * or capacity not positive) stay fixed at zero, outside the network.
 *
 * The tree is stored as parent, predecessor arc and its direction, preorder
 * thread (doubly linked), subtree size and last descendant (Kennington and
 * Helgason's representation); a pivot re-hangs the cut subtree by splicing
 * pieces of its old preorder.
 *
 * Speed notes, measured on a 2-core VM where a cold solve (before V8 has
 * optimised the hot loops) is what a caller waits for:
 * - pricing is block search (blocks of sqrt(arcs)); from `MIX_FROM_ARCS`
 *   usable arcs on, over the arcs in mixed order (`mixedSkip`): a block
 *   then holds arcs of sources all over the problem, so its best arc is a
 *   better pivot than the best of two or three neighbouring sources' arcs.
 *   On the nationwide instance at 333,000 workers (5.3 million arcs) that
 *   took 113,179 pivots and priced 0.49 billion arcs, against 312,824 pivots
 *   and 2.0 billion in the problem's order; with half the block size
 *   (`MIXED_BLOCK`) 138,474 pivots, and the solve 2.9 times faster than in
 *   the problem's order (CPU 2.2 s against 6.3 s, medians of 3 in one
 *   process);
 * - the arcs, artificial ones included, are one flat array with each arc's
 *   tail, so pricing is one loop without a rarely taken branch (on which V8
 *   de-optimised and recompiled four times in an earlier layout); node
 *   numbers are 16-bit when they fit (8% less CPU at 333,000 workers than
 *   32-bit ones), and arcs at their upper bound are kept reversed (`flip`),
 *   so that pricing reads no state per arc: each arc priced reads 5 bytes
 *   (cost, tail, head; the costs are Int8 when the weights fit, since the
 *   placement bonus is taken out of them by a change of potentials, see
 *   `Network.virtual`) and takes no branch but the comparison (a branch-free
 *   state * reduced cost, tried first, was slower than the branches);
 * - the mixed layout is written in tiles (`TILE`): a cache miss per arc and
 *   array otherwise. With the reversed arcs, the solve at 333,000 workers
 *   took 2.40 s CPU against 2.75 s (medians of 5, alternated in one process);
 * - fresh memory is dear (a page touched for the first time costs about
 *   17 us on the 2-core VM), so nothing is kept per arc that pricing does not
 *   read: an arc outside the tree is at its lower bound as it stands (0, see
 *   `flip`), so flows and bounds are kept per node for the tree's arcs only
 *   (`treeFlow`, `treeCap`), the entering arc's bound is read from the
 *   problem, a reversed arc is known by its tail, and the usable arcs are
 *   kept as segments of consecutive problem arcs (`Usable`). At 333,000
 *   workers that took the solve from 31,300 to 17,900 page faults (122 to
 *   70 MB freshly touched) and 2.82 to 2.51 s CPU (medians of 3 cold
 *   processes, alternated), with the very same pivots; Int16 costs then took
 *   it to 15,200 faults and 2.33 s CPU (against 2.90 s for the per-arc engine
 *   in the same minutes), the flows written into the tails' memory (see
 *   `Network.spare`) to 10,100, and Int8 costs to 7,500 faults and 2.49 s
 *   CPU against 2.71 s with Int16 (medians of 3, alternated; load 8-9);
 *   the segments, instead of a list of the usable arcs of every source
 *   that has unusable ones (2.5 million of them), took the cold solve from
 *   about 9,400 to 6,900 page faults (alternated cold runs);
 * - a tree arc's bound is read from the problem only when a cycle needs it
 *   (`Network.treeCap`): 53,751 reads instead of one per pivot (138,474) at
 *   333,000 workers, where three pivots in four are degenerate. With the
 *   segments, a cheaper survey and the adapter's single pass over the model
 *   (./flow.ts), the cold solve took 1,980-2,650 ms CPU against 2,270-3,220
 *   before them (three alternated cold pipelines each, load 11; pricing
 *   itself unchanged, about 1.1 s of it);
 * - which optimum is returned among equal ones follows from the pivot
 *   sequence: deterministic for a given problem (its arcs in its order).
 *   Below `MIX_FROM_ARCS` the sequence is the one this engine always took
 *   (the same flows as before mixing existed); above it, the mixed order can
 *   choose another optimum of the same value;
 * - costs and potentials are Int32Array whenever they fit (`survey`):
 *   unoptimised code boxes every double read from a Float64Array;
 * - a greedy warm start (placing 99.7% of the workers at once) needed more
 *   pivots afterwards, and was dropped; so was a restricted candidate set
 *   (each source's 8 to 64 best arcs first, then the violators found by
 *   pricing every arc, repeated until none): 620,000 to 950,000 pivots at
 *   333,000 workers, slower at every set size tried.
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
  /** Sink of each arc (16-bit where the model's columns are: ../model/types.ts). */
  readonly to: Int32Array | Uint16Array;
  /** Upper bound on the flow of each arc. */
  readonly upper: Int32Array | Uint16Array;
  /** Gain per unit of flow on each arc, before `bonus` (integers when the weights fit: faster); arcs with weight <= 0 carry nothing. */
  readonly weight: Int32Array | Uint16Array | Float64Array;
  /**
   * Added to every arc's weight (default 0): an arc's gain is bonus +
   * weight[a]. The flow engine passes the model's scores as `weight` and its
   * placement weight as `bonus`, so the arcs are not copied to add it.
   */
  readonly bonus?: number;
}

/** The largest total supply (and total capacity) a problem may have: 2^30 - 1. */
export const MAX_TOTAL = 2 ** 30 - 1;

/**
 * Stop rule: `deadline` is a reading of `now` (default `performance.now`).
 * `mix` forces the pricing order (mixed or the problem's own) whatever the
 * size; by default problems from `MIX_FROM_ARCS` usable arcs on are mixed.
 * The value of the answer never depends on it.
 */
export interface TransportOptions {
  readonly deadline?: number;
  readonly now?: () => number;
  readonly mix?: boolean;
}

/**
 * "optimal": proved (no arc has a negative reduced cost). "time-limit": the
 * deadline passed first; `flows` is feasible but not proved optimal.
 */
export type TransportStatus = "optimal" | "time-limit";

/**
 * The flow of each arc (feasible in every case), the arcs whose flow is not
 * 0 (each once, in no particular order: a check of the flows need only read
 * these, a few hundred thousand among millions), and the number of pivots
 * made. `flows` is a view on memory the solve used before (its buffer can
 * be longer than the flows): no fresh memory for 5.3 million flows.
 */
export interface TransportResult {
  readonly status: TransportStatus;
  readonly flows: Int32Array;
  readonly support: Int32Array;
  readonly pivots: number;
}

/** Clock reads are cheap but not free: one every this many pivots. */
const CLOCK_EVERY = 256;

/** The bound of artificial arcs: above any room a real arc can have (totals <= MAX_TOTAL). */
const UNBOUNDED = 2 ** 31 - 1;

/**
 * Problems with at least this many usable arcs are priced in mixed order
 * (see `mixedSkip`); smaller ones in the problem's order, as before mixing
 * existed, so that their answers (which optimum among equal ones) stay as
 * they were. At 326,000 arcs (100,000 workers) both orders solve in about
 * 0.15 s; at 5.3 million the mixed one is 2 to 2.5 times faster.
 */
export const MIX_FROM_ARCS = 1_000_000;

/**
 * Block size of the mixed order, times sqrt(arcs): at 333,000 workers 0.5
 * made 10 to 20% less CPU than 1 (138,474 pivots instead of 113,179, each
 * priced over fewer arcs; medians of 3 and 4 runs in one process; 0.3 to 0.8
 * were alike). The problem's order keeps 1, and with it its pivot sequence.
 */
const MIXED_BLOCK = 0.5;

/**
 * The working state. Nodes: sources 0..S-1, the root S, sinks S+1..S+T.
 * Arcs, in one of two layouts; `tail` and `head` say where each goes:
 * - in the problem's order: problem arc a of source i at position a + i,
 *   source i's artificial arc to the root right after its arcs, the root's
 *   arc to sink j at position m + S + j; arcs that are not usable (see
 *   `usable`) stay in place as loops (tail = head, cost 0: a reduced cost
 *   of 0, never entering), fixed at zero;
 * - mixed (`mixed`): position i < S is source i's artificial arc, S + j the
 *   root's arc to sink j, and from S + T on only the usable arcs, in the
 *   order of `mixedSkip`.
 * An arc at its upper bound is kept reversed (`flip`): tail and head
 * swapped, cost negated and flow counted down from the bound, so that every
 * arc outside the tree is at its lower bound and its violation is its
 * reduced cost, whatever the arc; a tree arc's reduced cost is 0. Pricing
 * then reads no state per arc (9 bytes per arc priced became 8), and its
 * choices are the same: a reversed arc's reduced cost is the negation of
 * the original's, which is what pricing compared before.
 */
interface Network extends TreeLinks {
  readonly mixed: boolean;
  readonly sources: number;
  readonly nodes: number;
  readonly arcs: number;
  /** Uint16Array when every node number fits (less to read per arc priced), else Int32Array. */
  readonly tail: Uint16Array | Int32Array;
  readonly head: Uint16Array | Int32Array;
  /**
   * The memory of `tail` (and of `head` when narrow), at least 4 bytes per
   * problem arc: `flowsOf` writes the flows there once it has read the
   * tree, so that the flows handed back take no fresh memory (21 MB, 5,200
   * page faults at 333,000 workers).
   */
  readonly spare: ArrayBuffer;
  /**
   * -weight[a] for problem arc a, without the bonus (see `virtual`), 0 for
   * artificial ones; negated while reversed. The narrowest array that holds
   * every usable arc's weight: Int8Array (scores 0..39 nationwide: 5 bytes
   * read per arc priced instead of 8), Int16Array, Int32Array or
   * Float64Array.
   */
  readonly cost: Int8Array | Int16Array | Int32Array | Float64Array;
  /**
   * The bonus is taken out of the problem arcs' costs by a change of
   * potentials (pi - phi with phi = -bonus at the sinks, 0 elsewhere), which
   * leaves every reduced cost, and so every pivot, as it was: a problem arc
   * costs -weight, the root's arcs to the sinks cost the bonus. Those leave
   * from a node of their own, `virtual` = nodes (the root to the tree code,
   * see `tailOf`), whose potential is fixed at the bonus, so that pricing
   * stays one loop over one cost array of small numbers. (Where a cost plus
   * two such potentials could leave the exact range of doubles, weights and
   * bonus near 2^53 in size, nothing is taken out: `Usable.lifted` is then 0;
   * the pivot-sequence test finds other pivots without that guard.)
   */
  readonly virtual: number;
  /**
   * Per node u other than the root, of its tree arc pred[u]: the flow, counted
   * from the tail as the arc now stands, and the bound. An arc outside the tree
   * is at its lower bound as it stands (flow 0, see `flip`), so no arc needs a
   * flow of its own, and only the entering arc's bound is read from the problem
   * (`capAt`): two Int32 per node instead of per arc. A bound is read only
   * when a cycle needs it (`capOf`): -1 in `treeCap` stands for one not read
   * yet. Three pivots in four are degenerate at national scale (the cycle
   * takes no flow, whatever the entering arc's bound), and reading a bound
   * is a cache miss in the problem's 10 MB column (see `pivot`).
   */
  readonly treeFlow: Int32Array;
  readonly treeCap: Int32Array;
  /** Potentials: a tree arc's reduced cost cost + pi[tail] - pi[head] is 0; pi[root] stays 0, pi[virtual] the bonus. */
  readonly pi: Int32Array | Float64Array;
  readonly block: number;
  /** The problem (its bounds are the arcs' bounds) and its usable arcs (see `survey`), to map a position back to its problem arc. */
  readonly problem: TransportProblem;
  readonly found: Usable;
  /** Mixed layout only: the walk of `mixedSkip` (see `runsOf`). */
  readonly runs: Runs | null;
  /** Every position `flip` reversed, in order (some more than once, some back since): where `flowsOf` looks for arcs at their bound. */
  readonly flips: number[];
  /** Where the next block search starts. */
  next: number;
  /** Flow and side of the last cycle (see findLeaving). */
  delta: number;
  side: number;
}

/** Whether problem arc a of source i can carry profitable flow (its gain `bonus + weight[a]`); the others stay at zero, outside the network. */
const usable = (p: TransportProblem, bonus: number, i: number, a: number): boolean =>
  bonus + p.weight[a]! > 0 && p.upper[a]! > 0 && p.supply[i]! > 0 && p.capacity[p.to[a]!]! > 0;

/**
 * Arc mixing (as in LEMON's network simplex): the usable arcs, taken in the
 * problem's order, fill positions 0, skip, 2 skip, ... then 1, 1 + skip, ...
 * with skip = max(usable arcs / nodes, 3). A block of the search then holds
 * arcs of sources spread over the whole problem instead of the arcs of two
 * or three neighbouring sources, and its best arc is a better pivot: on the
 * nationwide instance at 333,000 workers 113,179 pivots and 0.49 billion
 * arcs priced, against 312,824 and 2.0 billion in the problem's order.
 * `mixedSkip` is that skip; `starNetwork` takes the walk's positions in
 * cache-sized tiles (see `TILE`), and `problemArcAt` maps a position back.
 */
const mixedSkip = (count: number, nodes: number): number => Math.max(Math.floor(count / nodes), 3);

/**
 * The usable arcs, found by `survey`, numbered t = 0..count-1 in the
 * problem's order, as segments: runs of consecutive problem arcs of one
 * source that are all usable. Segment g holds t = segStart[g] ..
 * segStart[g+1]-1, whose problem arcs are t + segShift[g], of source
 * segSource[g]; source i's segments are g = segOf[i] .. segOf[i+1]-1. A
 * source whose arcs are all usable is one segment; each unusable arc
 * amid usable ones starts another. So nothing as long as the arcs is kept:
 * at 333,000 workers 22,257 unusable arcs are spread over sources that
 * hold 2.5 million usable ones, which a list of those sources' usable arcs
 * (as kept before) took 10 MB of fresh memory for (2,450 page faults), and
 * a second pass over them.
 */
interface Usable {
  readonly count: number;
  /** How much of the bonus the potentials carry (see `Network.virtual`): all of it, or 0 where the sums could pass 2^53. */
  readonly lifted: number;
  /** The narrowest cost array that holds every usable arc's cost (see `Network.cost`). */
  readonly costs: "int8" | "int16" | "int32" | "float64";
  /** Whether the potentials fit Int32Array. */
  readonly exact: boolean;
  /** Length segments + 1 (the last entry is `count`); strictly increasing. */
  readonly segStart: Int32Array;
  readonly segShift: Int32Array;
  readonly segSource: Int32Array;
  /** Length sources + 1. */
  readonly segOf: Int32Array;
}

/** The problem arc of the t-th usable arc, which belongs to source i: found among i's segments (the last that starts at or before t). */
const usableArc = (found: Usable, t: number, i: number): number => {
  const { segStart } = found;
  let lo = found.segOf[i]!;
  let hi = found.segOf[i + 1]! - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segStart[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return t + found.segShift[lo]!;
};

/**
 * One pass over the arcs: which are usable (see `Usable`), which array
 * their costs fit, and whether the potentials fit Int32Array. Unoptimised
 * JavaScript boxes every double it reads from a Float64Array (a heap
 * allocation), but not a small integer from an Int32Array, so the first
 * pivots, before V8 optimises them, run much faster on Int32Array. A root
 * path in the tree is one artificial arc (cost 0) and then problem arcs in
 * alternating directions, so |pi| <= maxW + (nodes / 2) * (maxW - minW) over
 * the arcs that can enter: the usable ones (W = bonus + weight); the change
 * of potentials (see `Network.virtual`) adds at most |bonus|.
 */
const survey = (p: TransportProblem): Usable => {
  const bonus = p.bonus ?? 0;
  const sources = p.supply.length;
  const segOf = new Int32Array(sources + 1);
  const segStart: number[] = [];
  const segShift: number[] = [];
  const segSource: number[] = [];
  const { to, upper, weight, capacity } = p;
  let count = 0;
  // The smallest and largest weight of a usable arc: each bound below is a monotone function of the weight (|x| convex), largest at one of them.
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < sources; i++) {
    segOf[i] = segStart.length;
    if (p.supply[i]! <= 0) continue;
    let open = false;
    for (let a = p.start[i]!, end = p.start[i + 1]!; a < end; a++) {
      const x = weight[a]!;
      if (!(bonus + x > 0 && upper[a]! > 0 && capacity[to[a]!]! > 0)) {
        open = false;
        continue;
      }
      if (!open) {
        open = true;
        segStart.push(count);
        segShift.push(a - count);
        segSource.push(i);
      }
      count++;
      if (x < low) low = x;
      if (x > high) high = x;
    }
  }
  segOf[sources] = segStart.length;
  segStart.push(count);
  // Over the usable arcs (W = bonus + weight > 0): the largest and smallest W, the largest |weight| and the largest |W| (= maxW).
  const maxW = count === 0 ? 0 : bonus + high;
  const minW = count === 0 ? Infinity : bonus + low;
  const widest = count === 0 ? 0 : Math.max(Math.abs(low), Math.abs(high));
  const largest = maxW;
  const nodes = sources + p.capacity.length + 1;
  const potentials = maxW === 0 ? 0 : maxW + Math.ceil(nodes / 2) * (maxW - minW);
  // A reduced cost sums a cost and two potentials: with the bonus lifted, each potential can be |bonus| larger.
  const lifted = widest + 2 * (potentials + Math.abs(bonus)) <= Number.MAX_SAFE_INTEGER ? bonus : 0;
  const cost = lifted === 0 ? largest : widest;
  return {
    count,
    lifted,
    costs: cost <= 2 ** 7 - 1 ? "int8" : cost <= 2 ** 15 - 1 ? "int16" : cost <= 2 ** 31 - 1 ? "int32" : "float64",
    exact: Math.abs(lifted) + potentials <= 2 ** 31 - 1,
    segStart: Int32Array.from(segStart),
    segShift: Int32Array.from(segShift),
    segSource: Int32Array.from(segSource),
    segOf,
  };
};

/**
 * The mixed layout as a matrix transposition. The walk of `mixedSkip` puts
 * the t-th usable arc at position base + r + q * skip, where run r holds
 * `runs.length(r)` arcs from t = `runs.first(r)` on and q = t - first(r):
 * read run by run, the usable arcs are the columns of a matrix whose rows
 * are the positions. Walking it a run at a time (as the walk itself does)
 * writes each arc `skip` positions after the previous one, a cache miss per
 * array per arc (0.5 s of a 333,000-worker solve); the layout walks tiles of
 * `TILE` runs x `TILE` steps instead, whose reads and writes stay in cache. The positions are exactly the walk's.
 */
const TILE = 64;

interface Runs {
  readonly skip: number;
  /** Arcs per run: `long` for runs r < `longRuns`, one less for the others. */
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

/** The segment of the t-th usable arc (t < count): the last g with segStart[g] <= t. */
const segmentOf = (segStart: Int32Array, t: number): number => {
  let lo = 0;
  let hi = segStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segStart[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

/** The star tree: every node hangs from the root by its artificial arc; nothing is placed. */
const starNetwork = (p: TransportProblem, mix: boolean | undefined): Network => {
  const sources = p.supply.length;
  const sinks = p.capacity.length;
  const root = sources;
  const nodes = sources + sinks + 1;
  const m = p.to.length;
  const found = survey(p);
  const { count, costs, exact, lifted } = found;
  const bonus = p.bonus ?? 0;
  // What stays in the problem arcs' costs: 0, unless the bonus could not be lifted.
  const kept = bonus - lifted;
  const mixed = mix ?? count >= MIX_FROM_ARCS;
  const base = sources + sinks;
  const arcs = mixed ? base + count : m + sources + sinks;
  const virtual = nodes;
  const narrow = virtual < 2 ** 16;
  const spare = new ArrayBuffer(4 * Math.max(arcs, m));
  const net: Network = {
    mixed,
    sources,
    nodes,
    arcs,
    tail: narrow ? new Uint16Array(spare, 0, arcs) : new Int32Array(spare, 0, arcs),
    head: narrow ? new Uint16Array(spare, 2 * arcs, arcs) : new Int32Array(arcs),
    spare,
    cost: costs === "int8" ? new Int8Array(arcs) : costs === "int16" ? new Int16Array(arcs) : costs === "int32" ? new Int32Array(arcs) : new Float64Array(arcs),
    virtual,
    treeFlow: new Int32Array(nodes),
    treeCap: new Int32Array(nodes),
    parent: new Int32Array(nodes),
    pred: new Int32Array(nodes),
    up: new Uint8Array(nodes),
    thread: new Int32Array(nodes),
    rev: new Int32Array(nodes),
    size: new Int32Array(nodes),
    last: new Int32Array(nodes),
    pi: exact ? new Int32Array(nodes + 1) : new Float64Array(nodes + 1),
    block: Math.max(10, Math.ceil((mixed ? MIXED_BLOCK : 1) * Math.sqrt(arcs))),
    problem: p,
    found,
    runs: mixed ? runsOf(count, nodes) : null,
    flips: [],
    next: 0,
    delta: 0,
    side: 0,
  };
  const { tail, head, cost, treeFlow, treeCap, parent, pred, up, pi } = net;
  for (let i = 0; i < sources; i++) {
    const k = mixed ? i : p.start[i + 1]! + i;
    tail[k] = i;
    head[k] = root;
    treeCap[i] = UNBOUNDED;
    treeFlow[i] = p.supply[i]!;
    parent[i] = root;
    pred[i] = k;
    up[i] = 1;
  }
  for (let j = 0; j < sinks; j++) {
    const k = (mixed ? sources : m + sources) + j;
    const u = root + 1 + j;
    tail[k] = virtual;
    head[k] = u;
    pi[u] = lifted;
    treeCap[u] = UNBOUNDED;
    treeFlow[u] = p.capacity[j]!;
    parent[u] = root;
    pred[u] = k;
  }
  if (net.runs !== null) {
    const { segStart, segShift, segSource } = found;
    const runs = net.runs;
    const { skip, long } = runs;
    for (let r0 = 0; r0 < skip; r0 += TILE) {
      const r1 = Math.min(skip, r0 + TILE);
      for (let q0 = 0; q0 < long; q0 += TILE) {
        for (let r = r0; r < r1; r++) {
          const q1 = Math.min(runLength(runs, r), q0 + TILE);
          if (q0 >= q1) continue;
          let t = runFirst(runs, r) + q0;
          let g = segmentOf(segStart, t);
          let next = segStart[g + 1]!;
          let shift = segShift[g]!;
          let i = segSource[g]!;
          let k = base + r + q0 * skip;
          for (let q = q0; q < q1; q++, t++, k += skip) {
            if (t === next) {
              g++;
              next = segStart[g + 1]!;
              shift = segShift[g]!;
              i = segSource[g]!;
            }
            const a = t + shift;
            tail[k] = i;
            head[k] = root + 1 + p.to[a]!;
            cost[k] = -(kept + p.weight[a]!);
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
        cost[k] = priced ? -(kept + p.weight[a]!) : 0;
      }
    }
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
  pi[virtual] = lifted;
  parent[root] = -1;
  pred[root] = -1;
  size[root] = nodes;
  last[root] = rev[root]!;
  return net;
};

/** The tail of the arc at position k as the tree sees it: the root for the root's arcs (see `Network.virtual`). */
const tailOf = (net: Network, k: number): number => {
  const from = net.tail[k]!;
  return from === net.virtual ? net.sources : from;
};

/**
 * The problem arc at position k, or -1 for an artificial arc. Artificial arcs
 * touch the root (its arcs to the sinks leave from `virtual`) and are never
 * reversed (their bound is above any flow); a problem arc's source is its
 * tail, or its head while it is reversed.
 */
const problemArcAt = (net: Network, k: number): number => {
  const root = net.sources;
  const from = net.tail[k]!;
  const to = net.head[k]!;
  if (from === net.virtual || to === root) return -1;
  const i = from < root ? from : to;
  const runs = net.runs;
  if (runs === null) return k - i;
  // Mixed: the usable arcs from position sources + sinks (nodes - 1) on, in the walk's order (see `runsOf`).
  const offset = k - (net.nodes - 1);
  const r = offset % runs.skip;
  return usableArc(net.found, runFirst(runs, r) + (offset - r) / runs.skip, i);
};

/** The bound of the arc at position k: the problem's, or `UNBOUNDED` for an artificial arc. */
const capAt = (net: Network, k: number): number => {
  const a = problemArcAt(net, k);
  return a < 0 ? UNBOUNDED : net.problem.upper[a]!;
};

/**
 * The arcs of the starting network as laid out for pricing: tail, head
 * (nodes: sources 0..S-1, the root S, sinks S+1..S+T), cost and bound of
 * each position, whether it can enter (not a loop), and whether the layout is mixed. For
 * the tests, which check the tiled layout against the plain walk; the solve
 * itself never calls it.
 */
export const networkLayout = (
  problem: TransportProblem,
  mix?: boolean,
): { readonly mixed: boolean; readonly tail: number[]; readonly head: number[]; readonly cost: number[]; readonly cap: number[]; readonly priced: boolean[] } => {
  const net = starNetwork(problem, mix);
  const lifted = net.found.lifted;
  return {
    mixed: net.mixed,
    tail: Array.from(net.tail, (_, k) => tailOf(net, k)),
    head: Array.from(net.head),
    cost: Array.from(net.cost, (c, k) => (problemArcAt(net, k) >= 0 && net.tail[k] !== net.head[k] ? c - lifted : 0)),
    cap: Array.from(net.tail, (_, k) => capAt(net, k)),
    priced: Array.from(net.tail, (t, k) => t !== net.head[k]),
  };
};

/**
 * Block search: the most violating arc of the first block (of `block` arcs,
 * cyclically from where the last search stopped) that has one, or -1 when no
 * arc violates and the tree is optimal.
 */
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

/** The bound of node u's tree arc, read from the problem the first time a cycle needs it (see `Network.treeCap`). */
const capOf = (net: Network, u: number): number => {
  const known = net.treeCap[u]!;
  if (known >= 0) return known;
  const cap = capAt(net, net.pred[u]!);
  net.treeCap[u] = cap;
  return cap;
};

/**
 * The leaving arc: the last blocking arc met going round the cycle from the
 * apex along its orientation (apex down to `first`, then `e`, then `second`
 * up to the apex), which keeps the tree strongly feasible. Sets `net.delta`
 * (the flow the cycle takes) and `net.side` (1 or 2: the side of the cycle it
 * is on), and returns the node whose tree arc leaves, or -1 when `e` itself
 * blocks (it then only moves to its other bound).
 */
const findLeaving = (net: Network, capE: number, first: number, second: number, join: number): number => {
  const { treeFlow, parent, up } = net;
  let delta = capE;
  let out = -1;
  let side = 0;
  for (let u = first; u !== join; u = parent[u]!) {
    const room = up[u] === 1 ? treeFlow[u]! : capOf(net, u) - treeFlow[u]!;
    if (room < delta) {
      delta = room;
      out = u;
      side = 1;
    }
  }
  for (let u = second; u !== join; u = parent[u]!) {
    const room = up[u] === 1 ? capOf(net, u) - treeFlow[u]! : treeFlow[u]!;
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

/**
 * Pushes `delta` round the cycle's tree arcs: down from the apex to `first`,
 * up from `second`. The entering arc itself had flow 0 and now has `delta`:
 * it is kept by `pivot` as it enters the tree (see `shiftTreeArcs`), or
 * reversed by `flip` when it blocked the cycle itself.
 */
const augment = (net: Network, first: number, second: number, join: number, delta: number): void => {
  const { treeFlow, parent, up } = net;
  for (let u = first; u !== join; u = parent[u]!) treeFlow[u]! += up[u] === 1 ? -delta : delta;
  for (let u = second; u !== join; u = parent[u]!) treeFlow[u]! += up[u] === 1 ? delta : -delta;
};

/**
 * Reverses arc e, which has just reached its upper bound (and is leaving the
 * tree, or never entered it), so that it is at its lower bound again: the
 * same arc seen from its head (flow counted down from the bound, so 0; cost
 * negated, so its reduced cost is negated too). Only problem arcs reach
 * their bound, and a reversed one has a sink as its tail: a node above the
 * root, which is how `flowsOf` knows it.
 */
const flip = (net: Network, e: number): void => {
  const { tail, head, cost } = net;
  const t = tail[e]!;
  tail[e] = head[e]!;
  head[e] = t;
  cost[e] = 0 - cost[e]!;
  net.flips.push(e);
};

/**
 * Moves the tree arcs' flows and bounds along the path uIn .. out, whose
 * nodes `reversePath` is about to hang each from the next (uIn from the
 * entering arc, of flow `delta` and bound `capE`, -1 when not read yet: see
 * `Network.treeCap`): each node takes its
 * predecessor's arc, and the arc's state goes with it. Reads the old parents,
 * so it runs before `reversePath`.
 */
const shiftTreeArcs = (net: Network, uIn: number, out: number, delta: number, capE: number): void => {
  const { treeFlow, treeCap, parent } = net;
  let flow = delta;
  let cap = capE;
  for (let u = uIn; ; u = parent[u]!) {
    const oldFlow = treeFlow[u]!;
    const oldCap = treeCap[u]!;
    treeFlow[u] = flow;
    treeCap[u] = cap;
    if (u === out) return;
    flow = oldFlow;
    cap = oldCap;
  }
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
  const { cost, treeFlow, pred, pi } = net;
  // Outside the tree, e is at its lower bound (see `flip`): the cycle runs from its tail, through it, to its head.
  const eTail = tailOf(net, e);
  const eHead = net.head[e]!;
  const join = findJoin(net, eTail, eHead);
  // First without the entering arc's bound (`UNBOUNDED`, above any real room): when the cycle takes less than
  // that bound (always when it takes nothing, a bound being at least 1), the bound changes nothing, and it is
  // not read (`capE` -1: the tree reads it if it ever needs it); otherwise again with it, as it always was.
  let capE = -1;
  let out = findLeaving(net, UNBOUNDED, eTail, eHead, join);
  if (net.delta > 0) {
    capE = capAt(net, e);
    if (net.delta >= capE) out = findLeaving(net, capE, eTail, eHead, join);
  }
  const delta = net.delta;
  if (delta > MAX_TOTAL) return false;
  if (delta > 0) augment(net, eTail, eHead, join, delta);
  if (out < 0) {
    flip(net, e);
    return true;
  }
  const onFirst = net.side === 1;
  const uIn = onFirst ? eTail : eHead;
  const vIn = onFirst ? eHead : eTail;
  const reduced = cost[e]! + pi[net.tail[e]!]! - pi[eHead]!;
  const leaving = pred[out]!;
  if (treeFlow[out] !== 0) flip(net, leaving);
  cut(net, out, join);
  const end = rethread(net, uIn, out);
  shiftTreeArcs(net, uIn, out, delta, capE);
  reversePath(net, e, eTail, uIn, vIn, out, end);
  graft(net, uIn, vIn, end, join);
  shiftPotentials(net, uIn, uIn === eHead ? reduced : 0 - reduced);
  return true;
};

/**
 * The flow of each problem arc, read back from either layout, and the arcs
 * whose flow is not 0: a tree arc's flow is its node's `treeFlow` (counted
 * down from the bound while reversed); an arc outside the tree has 0, or its
 * bound while reversed, and only arcs `flip` has reversed can be. So nothing
 * here walks the arcs: a look-up per node and per flip. The flows are
 * written into `spare` once the arcs are read (the network is done with).
 */
const flowsOf = (net: Network): { readonly flows: Int32Array; readonly support: Int32Array } => {
  const { upper } = net.problem;
  const support: number[] = [];
  const values: number[] = [];
  const { tail, head, pred, treeFlow, flips } = net;
  const root = net.sources;
  for (let u = 0; u < net.nodes; u++) {
    if (u === root) continue;
    const k = pred[u]!;
    const a = problemArcAt(net, k);
    if (a < 0) continue;
    const f = tail[k]! > root ? upper[a]! - treeFlow[u]! : treeFlow[u]!;
    if (f === 0) continue;
    support.push(a);
    values.push(f);
  }
  for (const k of flips) {
    // Reversed now (a sink as its tail) and outside the tree; usable arcs have a bound above 0.
    if (tail[k]! <= root || pred[tail[k]!] === k || pred[head[k]!] === k) continue;
    const a = problemArcAt(net, k);
    support.push(a);
    values.push(upper[a]!);
    // Read once: a position listed again is skipped (the root as its tail, as if not reversed).
    tail[k] = root;
  }
  const flows = new Int32Array(net.spare, 0, upper.length).fill(0);
  for (let t = 0; t < support.length; t++) flows[support[t]!] = values[t]!;
  return { flows, support: Int32Array.from(support) };
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
  const { flows, support } = flowsOf(net);
  return { status, flows, support, pivots };
};
