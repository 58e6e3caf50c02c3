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

/**
 * Per cell, its members with a free slot and its members at capacity, each sorted by the value of the
 * worst worker held (then index), as ranges of flat arrays: cell c's free members are
 * freeMembers[freeFrom[c], freeFrom[c + 1]), their worst values the same range of freeWorst; likewise
 * for the full ones. (One array each for the market, not four per cell: 15,445 cells at national scale.)
 */
interface CellLists {
  readonly freeFrom: Int32Array;
  readonly freeMembers: Int32Array;
  readonly freeWorst: Float64Array;
  readonly fullFrom: Int32Array;
  readonly fullMembers: Int32Array;
  readonly fullWorst: Float64Array;
}

/** How many of the sorted values sorted[from, to) are below `x`. */
const countBelowIn = (sorted: Float64Array, from: number, to: number, x: number): number => {
  // Most calls find none below (the cheap test first).
  if (from === to || !((sorted[from] as number) < x)) return 0;
  let lo = from + 1;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
};

/** The cells' members split into free and full (`which`: 1 free, 2 full, 0 neither, per employer), sorted by the worst value held, then index. */
const cellLists = (cells: Market["cells"], cellOf: Int32Array, which: Uint8Array, worstHeld: Float64Array): CellLists => {
  const list = (kind: number): { readonly from: Int32Array; readonly members: Int32Array; readonly worst: Float64Array } => {
    const from = new Int32Array(cells.length + 1);
    for (let c = 0; c < cells.length; c++) {
      const members = (cells[c] as { readonly members: readonly number[] }).members;
      let n = 0;
      for (let i = 0; i < members.length; i++) if (which[members[i] as number] === kind) n++;
      from[c + 1] = (from[c] as number) + n;
    }
    const members = new Int32Array(from[cells.length] as number);
    let at = 0;
    for (let c = 0; c < cells.length; c++) for (const e of (cells[c] as { readonly members: readonly number[] }).members) if (which[e] === kind) members[at++] = e;
    // Each cell's members are one run: sorted by cell first, they stay in it. (Equal worst values, or
    // two Infinity ones, fall through to the index.)
    members.sort((a, b) => (cellOf[a] as number) - (cellOf[b] as number) || (worstHeld[a] as number) - (worstHeld[b] as number) || a - b);
    const worst = Float64Array.from(members, (e) => worstHeld[e] as number);
    return { from, members, worst };
  };
  const free = list(1);
  const full = list(2);
  return { freeFrom: free.from, freeMembers: free.members, freeWorst: free.worst, fullFrom: full.from, fullMembers: full.members, fullWorst: full.worst };
};

/** The audit of a plan (employer index per worker, -1 unplaced) in a market; see the module comment. */
export const auditPlan = (market: Market, placedAt: Int32Array): AuditDetail => {
  const { instance, cells, cellOf, classOf, classes } = market;
  const { workers, employers } = instance;
  const limits = limitsOf(instance);
  const used = new Int32Array(employers.length);
  const worstHeld = new Float64Array(employers.length).fill(Infinity);
  const worstWorker = new Int32Array(employers.length).fill(-1);
  const regionCount = new Float64Array(limits.regions.length);
  const unacceptable = new Uint8Array(workers.length);
  // A worker's value of her placement is a class-level number: a table read for an employer in a cell
  // (./market.ts); for one outside every cell (a plan that breaks a capacity) it is scored, once per
  // (class, employer).
  const outsideMemo = new Map<number, number>();
  const valueOfPlacement = (k: number, e: number): number => {
    if ((cellOf[e] as number) >= 0) return market.valueOfEmployer(k, e);
    const key = k * employers.length + e;
    let v = outsideMemo.get(key);
    if (v === undefined) {
      v = market.valueOfEmployer(k, e);
      outsideMemo.set(key, v);
    }
    return v;
  };
  for (let w = 0; w < placedAt.length; w++) {
    const e = placedAt[w] as number;
    if (e < 0) continue;
    used[e] = (used[e] as number) + 1;
    for (const r of limits.regionsOf[e] ?? []) regionCount[r] = (regionCount[r] as number) + 1;
    const v = market.valueOfWorker(w, e);
    if (valueOfPlacement(classOf[w] as number, e) === UNACCEPTABLE) unacceptable[w] = 1;
    else if (v === UNACCEPTABLE) unacceptable[w] = 2;
    if (v < (worstHeld[e] as number) || (v === worstHeld[e] && w > (worstWorker[e] as number))) {
      worstHeld[e] = v;
      worstWorker[e] = w;
    }
  }
  const hasFreeSlot = (e: number): boolean => (used[e] as number) < (limits.capacity[e] as number);
  const which = new Uint8Array(employers.length);
  for (let e = 0; e < employers.length; e++) which[e] = hasFreeSlot(e) ? 1 : (used[e] as number) === (limits.capacity[e] as number) ? 2 : 0;
  const { freeFrom, freeMembers, freeWorst, fullFrom, fullMembers, fullWorst } = cellLists(cells, cellOf, which, worstHeld);

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

  // Each worker class's *groups*: its workers at one employer cell (or unplaced, or at one employer outside
  // every cell), numbered in order of their first member. A group reaches the cells it values above its
  // placement; in a cell under no cap what a pair counts reads only the class (the employers' value of
  // her: her standing, or her own id in a class of one) and the cell. So each class reads its acceptable
  // cells once, in any order (no sorted list): a cell counts for every group whose own value is below the
  // cell's, which a binary search over the groups' values (increasing) finds, and a group's count is the
  // sum over the cells that reach it. Its best option is the blocking cell it values most (ties: the lower
  // cell index, as a sorted list would have it first). Cells under a cap depend on where the group is
  // placed (a move within the cap): those are counted group by group, as `move` says.
  // The groups are found per class with a stamp per place (no map, no list per group), and every per-class
  // array is a scratch array sized for the largest class, reused class after class.
  const span = 1 + cells.length + employers.length;
  const placeOf = (e: number): number => (e < 0 ? 0 : (cellOf[e] as number) >= 0 ? 1 + (cellOf[e] as number) : 1 + cells.length + e);
  const stamp = new Int32Array(span).fill(-1);
  const groupAt = new Int32Array(span);
  let largest = 0;
  for (const k of classes) largest = Math.max(largest, k.members.length);
  const groupSize = new Float64Array(largest);
  const groupE0 = new Int32Array(largest);
  const mineOf = new Float64Array(largest);
  const groupCount = new Float64Array(largest);
  const groupBest = new Int32Array(largest);
  const mine = new Float64Array(largest);
  const workersBelow = new Float64Array(largest + 1);
  const countFrom = new Float64Array(largest + 1);
  const order: number[] = [];
  const byMine = (a: number, b: number): number => (mineOf[a] as number) - (mineOf[b] as number) || a - b;
  const capped: { c: number; mine: number; v: number }[] = [];
  // Room for any class's acceptable cells (each cell at most once), reused class after class.
  const room = { cells: new Int32Array(cells.length), values: new Float64Array(cells.length) };
  const { index: memoIndex, values: memoValues, profileOf, stated, rowOf } = market.employerTable;
  /** Whether a cell valued `v` (index c) comes before one valued `w` (index d) in a preference list. */
  const before = (v: number, c: number, w: number, d: number): boolean => v > w || (v === w && c < d);
  for (let k = 0; k < classes.length; k++) {
    const members = (classes[k] as { readonly members: readonly number[] }).members;
    if (members.length === 0) continue;
    const rep = members[0] as number;
    let G = 0;
    for (let m = 0; m < members.length; m++) {
      const w = members[m] as number;
      const e = placedAt[w] as number;
      const where = placeOf(e);
      if (stamp[where] !== k) {
        stamp[where] = k;
        groupAt[where] = G;
        groupSize[G] = 0;
        groupE0[G] = e;
        mineOf[G] = e < 0 ? UNACCEPTABLE : valueOfPlacement(k, e);
        G++;
      }
      const g = groupAt[where] as number;
      groupSize[g] = (groupSize[g] as number) + 1;
    }
    // The groups in increasing order of their value of their placement (the unplaced: UNACCEPTABLE, lowest).
    order.length = 0;
    for (let g = 0; g < G; g++) order.push(g);
    if (G > 1) order.sort(byMine);
    workersBelow[0] = 0;
    // countFrom[i]: the pairs the uncapped cells reached by exactly the first i groups count (per worker).
    for (let i = 0; i < G; i++) {
      const g = order[i] as number;
      mine[i] = mineOf[g] as number;
      // workersBelow[i]: the workers of the i groups valuing their placement least.
      workersBelow[i + 1] = (workersBelow[i] as number) + (groupSize[g] as number);
      countFrom[i] = 0;
    }
    countFrom[G] = 0;
    const lowest = mine[0] as number;
    // Only the cells some group values above its placement (above the lowest) are written.
    const n = market.acceptableAbove(k, lowest, room);
    const acceptable = room.cells;
    const theirs = room.values;
    capped.length = 0;
    let bestCell = -1;
    let bestMine = UNACCEPTABLE;
    let bestV = 0;
    // The employers' values of her (the class's), per profile: read inline, asked of the market where not yet known.
    const row = rowOf(rep);
    for (let i = 0; i < n; i++) {
      const wv = theirs[i] as number;
      const groupsReaching = countBelowIn(mine, 0, G, wv);
      const c = acceptable[i] as number;
      let v = stated[c] === 1 ? Number.NaN : (memoValues[memoIndex[row + (profileOf[c] as number)] as number] as number);
      if (v !== v) v = market.employerValue(rep, c);
      if (v === UNACCEPTABLE) continue;
      if (cappedCell[c] === 1) {
        capped.push({ c, mine: wv, v });
        continue;
      }
      const full = countBelowIn(fullWorst, fullFrom[c] as number, fullFrom[c + 1] as number, v);
      const free = (freeFrom[c + 1] as number) - (freeFrom[c] as number);
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
      const g = order[i] as number;
      const size = groupSize[g] as number;
      const e0 = groupE0[g] as number;
      const own = mine[i] as number;
      let count = countFrom[i + 1] as number;
      let best = bestCell >= 0 && bestMine > own ? uncappedBest : -1;
      let bestAtMine = best < 0 ? UNACCEPTABLE : bestMine;
      let bestAtCell = best < 0 ? -1 : bestCell;
      for (const { c, mine: wv, v } of capped) {
        if (!(wv > own)) continue;
        const legal = move(c, e0);
        const full = legal.swap ? countBelowIn(fullWorst, fullFrom[c] as number, fullFrom[c + 1] as number, v) : 0;
        const free = legal.free ? (freeFrom[c + 1] as number) - (freeFrom[c] as number) : legal.swap ? countBelowIn(freeWorst, freeFrom[c] as number, freeFrom[c + 1] as number, v) : 0;
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
      blockingPairs += count * size;
      groupCount[g] = count;
      groupBest[g] = best;
    }
    // Each member takes her group's count and best option (none where the count is 0).
    for (let m = 0; m < members.length; m++) {
      const w = members[m] as number;
      const g = groupAt[placeOf(placedAt[w] as number)] as number;
      const count = groupCount[g] as number;
      if (count === 0) continue;
      options[w] = count;
      bestOf[w] = groupBest[g] as number;
    }
  }
  const pairsAt = new Float64Array(employers.length);
  for (let c = 0; c < cells.length; c++) {
    const at = addFrom[c] as number;
    for (const [from, list, add] of [[freeFrom, freeMembers, freeAdd], [fullFrom, fullMembers, fullAdd]] as const) {
      let running = 0;
      for (let i = from[c] as number; i < (from[c + 1] as number); i++) {
        running += add[at + i - (from[c] as number)] as number;
        pairsAt[list[i] as number] = running;
      }
    }
  }

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
