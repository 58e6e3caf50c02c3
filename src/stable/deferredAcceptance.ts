/**
 * Worker-proposing deferred acceptance (Gale and Shapley), with regional caps
 * honoured flexibly (Kamada and Kojima; ./caps.ts).
 *
 * Each unplaced worker proposes to the next group of employers (cell,
 * ./market.ts) on her list; the cell holds its best proposers up to its
 * capacity and turns the worst away. Where the cell sits under a cap that
 * is full, the cap turns away the last worker its rounds would deal out:
 * the worst held worker of the child furthest beyond its target (latest
 * round, then latest in the fixed order), recursively down to a cell. A
 * worker turned away proposes again; the process ends when every worker is
 * held or has run out of list. Proposals are processed one at a time, the
 * workers in decreasing priority (./tieBreak.ts) and a worker turned away
 * next; with choice rules that are substitutable and keep their size (these
 * are), the outcome does not depend on that order.
 *
 * It is strategy-proof for workers: no worker gains by misstating her list
 * (Dubins and Freedman; Roth; with regional caps Kamada and Kojima). With no
 * caps its result is the worker-optimal stable matching: every worker gets
 * the best employer she has in any stable matching.
 *
 * The cost is one proposal per list entry walked, each O(log) in the cell
 * (a heap, ./heaps.ts) and in the caps above it (a tournament tree per cap,
 * ./rounds.ts), never a pass over all worker-employer pairs; and entries a
 * class-mate was already turned away from are jumped (below).
 */
import type { CapPlan } from "./caps.js";
import { makeHeaps, PRIORITY_SPAN, push, replaceWorst } from "./heaps.js";
import type { Market } from "./market.js";
import { UNACCEPTABLE } from "./preferences.js";
import { makeRounds, settle } from "./rounds.js";
import type { Priorities } from "./tieBreak.js";

/** A matching: for each worker index, the employer index she is placed with, or -1. */
export interface Matching {
  readonly placedAt: Int32Array;
  /** Proposals (offers) made, for benchmarks. */
  readonly proposals: number;
}

/** The cells' capacities under a cap plan: the sum of their members' capacities. */
export const cellCapacities = (market: Market, plan: CapPlan): Int32Array =>
  Int32Array.from(market.cells, (c) => c.members.reduce((s, e) => s + (plan.capacity[e] as number), 0));

/** Held workers to employers: within a cell, the best first (key, then smaller index), filling its employers in id order up to their capacities. */
export const disaggregateCells = (market: Market, plan: CapPlan, held: (cell: number) => { readonly workers: ArrayLike<number>; readonly keys: ArrayLike<number> }): Int32Array => {
  const placedAt = new Int32Array(market.instance.workers.length).fill(-1);
  market.cells.forEach((cell, c) => {
    const { workers, keys } = held(c);
    const order = Array.from({ length: workers.length }, (_, i) => i).sort(
      (a, b) => (keys[b] as number) - (keys[a] as number) || (workers[a] as number) - (workers[b] as number),
    );
    let m = 0;
    let used = 0;
    for (const i of order) {
      while (m < cell.members.length && used >= (plan.capacity[cell.members[m] as number] as number)) {
        m++;
        used = 0;
      }
      placedAt[workers[i] as number] = cell.members[m] as number;
      used++;
    }
  });
  return placedAt;
};

/**
 * Every worker class's list flattened: the cells in order and the cell's
 * value of the class at each (a class-level number: workers an employer
 * ranks by name are classes of their own), with each class's range.
 */
interface FlatLists {
  readonly start: Int32Array;
  readonly cell: Int32Array;
  readonly value: Float64Array;
}

const flatten = (market: Market): FlatLists => {
  const n = market.classes.length;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) start[k + 1] = (start[k] as number) + market.list(k).cells.length;
  const cell = new Int32Array(start[n] as number);
  const value = new Float64Array(start[n] as number);
  for (let k = 0; k < n; k++) {
    const list = market.list(k);
    const first = market.classes[k]?.members[0] as number;
    cell.set(list.cells, start[k] as number);
    for (let i = 0; i < list.cells.length; i++) value[(start[k] as number) + i] = market.employerValue(first, list.cells[i] as number);
  }
  return { start, cell, value };
};

/** Worker-proposing deferred acceptance under a cap plan; see the module comment. */
export const workerProposing = (market: Market, plan: CapPlan, priority: Priorities): Matching => {
  const { classOf, cells } = market;
  const workers = market.instance.workers.length;
  const capacity = cellCapacities(market, plan);
  const salt = Float64Array.from(cells, (c) => priority.groupSalt(market.instance.employers[c.members[0] as number]?.id ?? ""));
  const heaps = makeHeaps(capacity);
  const { size, start: heapStart, key: heapKey, worker: heapWorker } = heaps;
  const tree = plan.tree;
  const rounds = tree === null ? null : makeRounds(tree);
  const lists = flatten(market);
  const fixed = priority.fixed;
  // Module bindings read into locals once: the loop below runs millions of times.
  const span_ = PRIORITY_SPAN;
  const unacceptable = UNACCEPTABLE;
  const pushHeld = push;
  const replaceHeld = replaceWorst;
  const next = new Int32Array(workers);
  for (let w = 0; w < workers; w++) next[w] = lists.start[classOf[w] as number] as number;
  // Workers of a class share their list, and a cell's bar only rises: a class-mate turned away at an entry
  // marks it closed to everyone of the class below a priority (`closed`), and runs of closed entries are
  // jumped over (`jump`, path-compressed; `span` is the lowest bar along the run, kept conservatively low).
  const entries = lists.cell.length;
  const closed = new Float64Array(entries).fill(-Infinity);
  const span = new Float64Array(entries).fill(-Infinity);
  const jump = Int32Array.from({ length: entries }, (_, i) => i + 1);
  const stack = new Int32Array(workers);
  let top = 0;
  // First proposals in decreasing priority (where it is the same everywhere), so that marks left by the
  // earlier workers of a class close entries for the later ones.
  if (fixed === null) for (let w = workers - 1; w >= 0; w--) stack[top++] = w;
  else {
    // fixed is a permutation of 0..n-1: the highest priority goes on top of the stack.
    for (let w = 0; w < workers; w++) stack[fixed[w] as number] = w;
    top = workers;
  }
  let proposals = 0;
  while (top > 0) {
    const w = stack[--top] as number;
    const end = lists.start[(classOf[w] as number) + 1] as number;
    const pw = fixed === null ? Number.NaN : (fixed[w] as number);
    let i = next[w] as number;
    while (i < end) {
      // Skip the runs closed to this worker, compressing the path walked.
      if (fixed !== null && pw < (span[i] as number)) {
        const from = i;
        let low = Infinity;
        let hops = 0;
        while (i < end && pw < (span[i] as number)) {
          low = Math.min(low, span[i] as number);
          i = jump[i] as number;
          hops++;
        }
        if (hops > 1) {
          jump[from] = i;
          span[from] = low;
        }
        if (i >= end) break;
      }
      const c = lists.cell[i] as number;
      const value = lists.value[i] as number;
      const at = i;
      i++;
      proposals++;
      if (value === unacceptable) continue;
      const room = capacity[c] as number;
      if (room === 0) continue;
      const key = value * span_ + (fixed === null ? priority.of(w, salt[c] as number) : pw);
      if ((size[c] as number) < room) {
        pushHeld(heaps, c, key, w);
        const out = tree === null || rounds === null ? -1 : settle(tree, rounds, heaps, c);
        if (out >= 0) stack[top++] = out;
        break;
      }
      const base = heapStart[c] as number;
      const worst = heapKey[base] as number;
      if (key > worst || (key === worst && w < (heapWorker[base] as number))) {
        stack[top++] = replaceHeld(heaps, c, key, w);
        break;
      }
      // Turned away: the entry is closed to every class-mate valued alike with a lower priority than the worst held (to all, if valued less).
      const bar = value * span_ < worst - (worst % span_) ? Infinity : worst % span_;
      if (bar > (closed[at] as number)) {
        closed[at] = bar;
        if ((jump[at] as number) === at + 1) span[at] = bar;
      }
    }
    next[w] = i;
  }
  const placedAt = disaggregateCells(market, plan, (c) => {
    const base = heapStart[c] as number;
    const n = size[c] as number;
    return { workers: heapWorker.subarray(base, base + n), keys: heapKey.subarray(base, base + n) };
  });
  return { placedAt, proposals };
};
