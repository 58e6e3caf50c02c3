/**
 * The stability audit of a plan: its *blocking pairs*.
 *
 * A worker and an employer block a plan when both would rather be together
 * than keep what the plan gave them: the worker is eligible at the employer
 * and strictly prefers it to her placement (or to being unplaced), and the
 * employer either has a free slot it may legally fill, or holds a worker it
 * values strictly less than her. Preferences are weak (./preferences.ts): a
 * tie blocks nothing. "Legally": the change (she moves in, and, without a
 * free slot, the worker it values least moves out) leaves the employer
 * within its legal capacity and its own maximum, and every sector, field
 * and prefecture maximum that holds it (./limits.ts) within its limit. So a
 * full cap stops a free slot from counting unless she moves within the cap,
 * and an employer or a cap already over its limit (a plan that breaks a
 * soft maximum) takes nobody.
 *
 * Counted per pair of a worker and an employer. A free slot blocks as
 * "free-slot"; otherwise as "preferred" (it would push out a worker it
 * values less). Free-slot pairs that move a worker *within* a cap at its
 * maximum are also counted apart (`withinFullCap`): a mechanism that honours
 * regional caps flexibly can leave these (no matching may avoid them all:
 * Kamada and Kojima's strong stability can fail to exist), and they are the
 * price of the caps rather than of the plan.
 *
 * The audit works on groups (./market.ts): workers of one class placed in
 * one cell share their blocking options, and the employers of a cell are
 * sorted once by the value of the worst worker each holds, so a pair count
 * is a binary search, not a pass over pairs. A class's groups differ only in
 * how far down its preference list they reach (the cells it values above
 * their placement): the class walks the list once, as far as the furthest,
 * and each group adds up its prefix; only cells under a cap, where a move's
 * legality depends on where the worker is now, are counted group by group.
 * Placements the worker or the employer finds unacceptable are listed
 * apart.
 */
import type { Employer, Worker } from "../input/instance.js";
import { limitsOf, type Limits } from "./limits.js";
import type { Market } from "./market.js";
import { UNACCEPTABLE } from "./preferences.js";

/** How a pair blocks: a free slot the employer may legally fill, or a held worker it values less. */
export type BlockingKind = "free-slot" | "preferred";

export interface BlockingPair {
  readonly workerId: string;
  readonly employerId: string;
  readonly kind: BlockingKind;
  /** For "preferred": the held worker the employer values least (she would take that place). */
  readonly displaces: string | null;
  /** The worker's placement in the plan, or null when unplaced. */
  readonly placedAt: string | null;
}

/** The audit's detail, for reports, retention and explanations. */
export interface AuditDetail {
  readonly market: Market;
  readonly limits: Limits;
  readonly placedAt: Int32Array;
  readonly blockingPairs: number;
  readonly byKind: { readonly freeSlot: number; readonly preferred: number };
  readonly withinFullCap: number;
  /** Per worker index: her blocking options (employers). */
  readonly options: Int32Array;
  /** Per worker index: her best blocking option (employer index: her most preferred, then id), or -1. */
  readonly bestOf: Int32Array;
  /** Per employer index: its blocking pairs. */
  readonly pairsAt: Float64Array;
  /** Per worker index: placements she (1) or the employer (2) finds unacceptable; 0 otherwise. */
  readonly unacceptable: Uint8Array;
  /** A worker's blocking pairs, best option first (her preference, then employer id); at most `limit`. */
  readonly pairsOf: (worker: number, limit?: number) => BlockingPair[];
}

/** Per cell: its members split by whether they have a free slot, each list sorted by the value of the worst worker held. */
interface CellState {
  readonly free: readonly number[];
  readonly freeWorst: Float64Array;
  readonly full: readonly number[];
  readonly fullWorst: Float64Array;
}

/** How many of the sorted values sorted[from, to) are below `x`. */
const countBelowIn = (sorted: Float64Array, from: number, to: number, x: number): number => {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
};

/** How many of the sorted values are below `x`. */
const countBelow = (sorted: Float64Array, x: number): number => countBelowIn(sorted, 0, sorted.length, x);

/** The audit of a plan (employer index per worker, -1 unplaced) in a market; see the module comment. */
export const auditPlan = (market: Market, placedAt: Int32Array): AuditDetail => {
  const { instance, cells, cellOf, classOf } = market;
  const { workers, employers } = instance;
  const limits = limitsOf(instance);
  const used = new Int32Array(employers.length);
  const worstHeld = new Float64Array(employers.length).fill(Infinity);
  const worstWorker = new Int32Array(employers.length).fill(-1);
  const regionCount = new Float64Array(limits.regions.length);
  const unacceptable = new Uint8Array(workers.length);
  // A worker's value of her placement is a class-level number: computed once per (class, employer).
  const mineMemo = new Map<number, number>();
  const valueOfPlacement = (k: number, e: number): number => {
    const key = k * employers.length + e;
    let v = mineMemo.get(key);
    if (v === undefined) {
      v = market.valueOfEmployer(k, e);
      mineMemo.set(key, v);
    }
    return v;
  };
  placedAt.forEach((e, w) => {
    if (e < 0) return;
    used[e] = (used[e] as number) + 1;
    for (const r of limits.regionsOf[e] ?? []) regionCount[r] = (regionCount[r] as number) + 1;
    const v = market.valueOfWorker(w, e);
    if (valueOfPlacement(classOf[w] as number, e) === UNACCEPTABLE) unacceptable[w] = 1;
    else if (v === UNACCEPTABLE) unacceptable[w] = 2;
    if (v < (worstHeld[e] as number) || (v === worstHeld[e] && w > (worstWorker[e] as number))) {
      worstHeld[e] = v;
      worstWorker[e] = w;
    }
  });
  const hasFreeSlot = (e: number): boolean => (used[e] as number) < (limits.capacity[e] as number);
  const atCapacity = (e: number): boolean => (used[e] as number) === (limits.capacity[e] as number);
  const states: CellState[] = cells.map((cell) => {
    const byWorst = (list: number[]): number[] => list.sort((a, b) => (worstHeld[a] as number) - (worstHeld[b] as number) || a - b);
    const free = byWorst(cell.members.filter(hasFreeSlot));
    const full = byWorst(cell.members.filter(atCapacity));
    return { free, freeWorst: Float64Array.from(free, (e) => worstHeld[e] as number), full, fullWorst: Float64Array.from(full, (e) => worstHeld[e] as number) };
  });
  // The same, flat, for the loop over every class's acceptable cells (millions at national scale): per cell
  // its free members' count and its full members' worst values as a range of one array, so the loop reads
  // a few contiguous arrays instead of an object and two typed arrays per cell.
  const freeCount = Int32Array.from(states, (st) => st.free.length);
  const fullFrom = new Int32Array(cells.length + 1);
  for (let c = 0; c < cells.length; c++) fullFrom[c + 1] = (fullFrom[c] as number) + (states[c] as CellState).full.length;
  const fullWorstAll = new Float64Array(fullFrom[cells.length] as number);
  for (let c = 0; c < cells.length; c++) fullWorstAll.set((states[c] as CellState).fullWorst, fullFrom[c] as number);

  /**
   * For a worker now at employer `from` (-1: unplaced) moving into cell c:
   * whether the caps holding c stay within their limits if she fills a free
   * slot (`free`), or takes another's place (`swap`); and whether the free
   * slot is a move within a cap at its maximum.
   */
  const regionsOfCell = cells.map((cell) => limits.regionsOf[cell.members[0] as number] ?? []);
  const cappedCell = Uint8Array.from(regionsOfCell, (rs) => (rs.length > 0 ? 1 : 0));
  const UNCAPPED = { free: true, swap: true, withinFull: false } as const;
  const move = (c: number, from: number): { free: boolean; swap: boolean; withinFull: boolean } => {
    // Most cells are under no cap: every move into them is legal as far as caps go (one shared answer, no allocation).
    if ((regionsOfCell[c] ?? []).length === 0) return UNCAPPED;
    const mine = from < 0 ? [] : (limits.regionsOf[from] ?? []);
    let free = true;
    let swap = true;
    let withinFull = false;
    for (const r of regionsOfCell[c] ?? []) {
      const count = regionCount[r] as number;
      const max = limits.regions[r]?.max ?? Infinity;
      if (mine.includes(r)) {
        // She leaves a place inside the cap: a free slot keeps its count, a swap lowers it.
        if (count > max) free = false;
        if (count - 1 > max) swap = false;
        if (count === max) withinFull = true;
      } else {
        if (count >= max) free = false;
        if (count > max) swap = false;
      }
    }
    return { free, swap, withinFull: free && withinFull };
  };

  /** How member e blocks with a worker it values v, given the move's legality: a free slot, a worker it values less, or not. */
  const blocks = (e: number, v: number, legal: { free: boolean; swap: boolean }): BlockingKind | null =>
    hasFreeSlot(e) && legal.free ? "free-slot" : legal.swap && (used[e] as number) <= (limits.capacity[e] as number) && (worstHeld[e] as number) < v ? "preferred" : null;

  // Groups: workers of one class at one employer cell (or unplaced, or at an employer outside every cell, by employer).
  // Keys: class x (1 + cells + employers): unplaced, a cell, or an employer outside every cell.
  const span = 1 + cells.length + employers.length;
  const groups = new Map<number, number[]>();
  for (let w = 0; w < workers.length; w++) {
    const e = placedAt[w] as number;
    const where = e < 0 ? 0 : (cellOf[e] as number) >= 0 ? 1 + (cellOf[e] as number) : 1 + cells.length + e;
    const key = (classOf[w] as number) * span + where;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [w]);
    else g.push(w);
  }

  const options = new Int32Array(workers.length);
  const bestOf = new Int32Array(workers.length).fill(-1);
  // Per cell, a difference array over its members' positions in its free and full lists (flat: cell c's at addFrom[c]).
  const addFrom = new Int32Array(cells.length + 1);
  for (let c = 0; c < cells.length; c++) addFrom[c + 1] = (addFrom[c] as number) + (cells[c] as { members: readonly number[] }).members.length + 1;
  const freeAdd = new Float64Array(addFrom[cells.length] as number);
  const fullAdd = new Float64Array(addFrom[cells.length] as number);
  let blockingPairs = 0;
  let freeSlot = 0;
  let withinFullCap = 0;
  /** Records that `size` workers block with `full` + `free` members of cell c (their employers' pair counts, by the lists' order). */
  const addPairs = (c: number, full: number, free: number, size: number): void => {
    const at = addFrom[c] as number;
    fullAdd[at] = (fullAdd[at] as number) + size;
    fullAdd[at + full] = (fullAdd[at + full] as number) - size;
    freeAdd[at] = (freeAdd[at] as number) + size;
    freeAdd[at + free] = (freeAdd[at + free] as number) - size;
  };

  // The groups of each worker class. A group reaches the cells it values above its placement; in a cell
  // under no cap what a pair counts reads only the class (the employers' value of her: her standing, or her
  // own id in a class of one) and the cell. So each class reads its acceptable cells once, in any order
  // (no sorted list): a cell counts for every group whose own value is below the cell's, which a binary
  // search over the groups' values (increasing) finds, and a group's count is the sum over the cells that
  // reach it. Its best option is the blocking cell it values most (ties: the lower cell index, as a sorted
  // list would have it first). Cells under a cap depend on where the group is placed (a move within the
  // cap): those are counted group by group, as `move` says.
  const groupsOf = new Map<number, number[][]>();
  for (const members of groups.values()) {
    const k = classOf[members[0] as number] as number;
    const list = groupsOf.get(k);
    if (list === undefined) groupsOf.set(k, [members]);
    else list.push(members);
  }
  // Room for any class's acceptable cells (each cell at most once), reused class after class.
  const room = { cells: new Int32Array(cells.length), values: new Float64Array(cells.length) };
  /** Whether a cell valued `v` (index c) comes before one valued `w` (index d) in a preference list. */
  const before = (v: number, c: number, w: number, d: number): boolean => v > w || (v === w && c < d);
  for (const [k, classGroups] of groupsOf) {
    const rep = (classGroups[0] as number[])[0] as number;
    // The groups in increasing order of their value of their placement (the unplaced: UNACCEPTABLE, lowest).
    const mineOf = classGroups.map((members) => {
      const e0 = placedAt[members[0] as number] as number;
      return e0 < 0 ? UNACCEPTABLE : valueOfPlacement(k, e0);
    });
    const order = classGroups.map((_, g) => g).sort((a, b) => (mineOf[a] as number) - (mineOf[b] as number) || a - b);
    const G = order.length;
    const mine = Float64Array.from(order, (g) => mineOf[g] as number);
    // workersBelow[i]: the workers of the i groups valuing their placement least.
    const workersBelow = new Float64Array(G + 1);
    for (let i = 0; i < G; i++) workersBelow[i + 1] = (workersBelow[i] as number) + (classGroups[order[i] as number] as number[]).length;
    /** How many groups value their placement below `x` (they reach a cell she values `x`). */
    const reaching = (x: number): number => countBelowIn(mine, 0, G, x);
    const { cells: acceptable, values: theirs } = market.acceptable(k, room);
    // countFrom[i]: the pairs the uncapped cells reached by exactly the first i groups count (per worker).
    const countFrom = new Float64Array(G + 1);
    const capped: { readonly c: number; readonly mine: number; readonly v: number }[] = [];
    let bestCell = -1;
    let bestMine = UNACCEPTABLE;
    let bestV = 0;
    // The employers' values of her (the class's), per profile: read inline, asked of the market where not yet known.
    const { derived, profileOf, stated } = market.employerRow(rep);
    const lowest = G > 0 ? (mine[0] as number) : Infinity;
    for (let i = 0; i < acceptable.length; i++) {
      const wv = theirs[i] as number;
      // No group values its placement below wv (the cheap test first: most cells of a placed class fail it).
      if (!(wv > lowest)) continue;
      const groupsReaching = reaching(wv);
      const c = acceptable[i] as number;
      let v = stated[c] === 1 ? Number.NaN : (derived[profileOf[c] as number] as number);
      if (v !== v) v = market.employerValue(rep, c);
      if (v === UNACCEPTABLE) continue;
      if (cappedCell[c] === 1) {
        capped.push({ c, mine: wv, v });
        continue;
      }
      const full = countBelowIn(fullWorstAll, fullFrom[c] as number, fullFrom[c + 1] as number, v);
      const free = freeCount[c] as number;
      if (full + free === 0) continue;
      countFrom[groupsReaching] = (countFrom[groupsReaching] as number) + full + free;
      const size = workersBelow[groupsReaching] as number;
      addPairs(c, full, free, size);
      freeSlot += free * size;
      if (bestCell < 0 || before(wv, c, bestMine, bestCell)) {
        bestCell = c;
        bestMine = wv;
        bestV = v;
      }
    }
    // Group order[i] is reached by every cell reached by more than i groups.
    for (let i = G - 1; i >= 0; i--) countFrom[i] = (countFrom[i] as number) + (countFrom[i + 1] as number);
    // Capped cells in preference order, so the first that blocks for a group is its best among them.
    capped.sort((x, y) => (before(x.mine, x.c, y.mine, y.c) ? -1 : 1));
    // The first blocking member of the best uncapped cell, once.
    const uncappedBest = bestCell < 0 ? -1 : ((cells[bestCell]?.members ?? []).find((e) => blocks(e, bestV, UNCAPPED)) ?? -1);
    for (let i = 0; i < G; i++) {
      const members = classGroups[order[i] as number] as number[];
      const size = members.length;
      const e0 = placedAt[members[0] as number] as number;
      const own = mine[i] as number;
      let count = countFrom[i + 1] as number;
      let best = bestCell >= 0 && bestMine > own ? uncappedBest : -1;
      let bestAtMine = best < 0 ? UNACCEPTABLE : bestMine;
      let bestAtCell = best < 0 ? -1 : bestCell;
      for (const { c, mine: wv, v } of capped) {
        if (!(wv > own)) continue;
        const st = states[c] as CellState;
        const legal = move(c, e0);
        const full = legal.swap ? countBelow(st.fullWorst, v) : 0;
        const free = legal.free ? st.free.length : legal.swap ? countBelow(st.freeWorst, v) : 0;
        if (full + free === 0) continue;
        if (bestAtCell < 0 || before(wv, c, bestAtMine, bestAtCell)) {
          best = (cells[c]?.members ?? []).find((e) => blocks(e, v, legal)) ?? -1;
          bestAtMine = wv;
          bestAtCell = c;
        }
        count += full + free;
        addPairs(c, full, free, size);
        if (legal.free) {
          freeSlot += free * size;
          if (legal.withinFull) withinFullCap += free * size;
        }
      }
      if (count === 0) continue;
      blockingPairs += count * size;
      for (let m = 0; m < members.length; m++) {
        const w = members[m] as number;
        options[w] = count;
        bestOf[w] = best;
      }
    }
  }
  const pairsAt = new Float64Array(employers.length);
  cells.forEach((_, c) => {
    const s = states[c] as CellState;
    const at = addFrom[c] as number;
    for (const [list, add] of [[s.free, freeAdd], [s.full, fullAdd]] as const) {
      let running = 0;
      list.forEach((e, i) => {
        running += add[at + i] as number;
        pairsAt[e] = running;
      });
    }
  });

  const pairsOf = (w: number, limit = Infinity): BlockingPair[] => {
    const out: BlockingPair[] = [];
    const k = classOf[w] as number;
    const e0 = placedAt[w] as number;
    const mine = e0 < 0 ? UNACCEPTABLE : market.valueOfEmployer(k, e0);
    const id = (workers[w] as Worker).id;
    const placed = e0 < 0 ? null : (employers[e0] as Employer).id;
    if (limit <= 0) return out;
    market.walk(k, mine, (c) => {
      const v = market.employerValue(w, c);
      if (v === UNACCEPTABLE) return true;
      const legal = move(c, e0);
      for (const e of (cells[c] as { members: readonly number[] }).members) {
        const kind = blocks(e, v, legal);
        if (kind === null) continue;
        const displaced = worstWorker[e] as number;
        out.push({
          workerId: id,
          employerId: (employers[e] as Employer).id,
          kind,
          displaces: kind === "preferred" && displaced >= 0 ? (workers[displaced] as Worker).id : null,
          placedAt: placed,
        });
        if (out.length >= limit) return false;
      }
      return true;
    });
    return out;
  };

  return {
    market,
    limits,
    placedAt,
    blockingPairs,
    byKind: { freeSlot, preferred: blockingPairs - freeSlot },
    withinFullCap,
    options,
    bestOf,
    pairsAt,
    unacceptable,
    pairsOf,
  };
};
