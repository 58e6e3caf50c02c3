/**
 * The stability audit as it was before the per-class walk (src/stable/audit.ts
 * at 1dcb00c), kept as an oracle: every group of workers (one class at one
 * cell) walks its own prefix of the class's preference list. The library's
 * audit must give the same detail, number for number.
 */
import type { Employer, Worker } from "../../../src/input/instance.js";
import { limitsOf } from "../../../src/stable/limits.js";
import type { AuditDetail, BlockingKind, BlockingPair } from "../../../src/stable/audit.js";
import type { Market } from "../../../src/stable/market.js";
import { UNACCEPTABLE } from "../../../src/stable/preferences.js";

/** Per cell: its members split by whether they have a free slot, each list sorted by the value of the worst worker held. */
interface CellState {
  readonly free: readonly number[];
  readonly freeWorst: Float64Array;
  readonly full: readonly number[];
  readonly fullWorst: Float64Array;
}

/** How many of the sorted values are below `x`. */
const countBelow = (sorted: Float64Array, x: number): number => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** The audit of a plan (employer index per worker, -1 unplaced) in a market; see the module comment. */
export const oracleAuditPlan = (market: Market, placedAt: Int32Array): AuditDetail => {
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

  /**
   * For a worker now at employer `from` (-1: unplaced) moving into cell c:
   * whether the caps holding c stay within their limits if she fills a free
   * slot (`free`), or takes another's place (`swap`); and whether the free
   * slot is a move within a cap at its maximum.
   */
  const regionsOfCell = cells.map((cell) => limits.regionsOf[cell.members[0] as number] ?? []);
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
  const freeAdd = cells.map((cell) => new Float64Array(cell.members.length + 1));
  const fullAdd = cells.map((cell) => new Float64Array(cell.members.length + 1));
  let blockingPairs = 0;
  let freeSlot = 0;
  let withinFullCap = 0;
  for (const members of groups.values()) {
    const w0 = members[0] as number;
    const k = classOf[w0] as number;
    const e0 = placedAt[w0] as number;
    const mine = e0 < 0 ? UNACCEPTABLE : valueOfPlacement(k, e0);
    let count = 0;
    let best = -1;
    const size = members.length;
    market.walk(k, mine, (c) => {
      const v = market.employerValue(w0, c);
      if (v === UNACCEPTABLE) return true;
      const s = states[c] as CellState;
      const legal = move(c, e0);
      const full = legal.swap ? countBelow(s.fullWorst, v) : 0;
      const free = legal.free ? s.free.length : legal.swap ? countBelow(s.freeWorst, v) : 0;
      if (full + free === 0) return true;
      if (best < 0) best = (cells[c]?.members ?? []).find((e) => blocks(e, v, legal)) ?? -1;
      count += full + free;
      (fullAdd[c] as Float64Array)[0] = ((fullAdd[c] as Float64Array)[0] as number) + size;
      (fullAdd[c] as Float64Array)[full] = ((fullAdd[c] as Float64Array)[full] as number) - size;
      (freeAdd[c] as Float64Array)[0] = ((freeAdd[c] as Float64Array)[0] as number) + size;
      (freeAdd[c] as Float64Array)[free] = ((freeAdd[c] as Float64Array)[free] as number) - size;
      if (legal.free) {
        freeSlot += free * size;
        if (legal.withinFull) withinFullCap += free * size;
      }
      return true;
    });
    if (count === 0) continue;
    blockingPairs += count * size;
    for (const w of members) {
      options[w] = count;
      bestOf[w] = best;
    }
  }
  const pairsAt = new Float64Array(employers.length);
  cells.forEach((_, c) => {
    const s = states[c] as CellState;
    for (const [list, add] of [[s.free, freeAdd[c]], [s.full, fullAdd[c]]] as const) {
      let running = 0;
      list.forEach((e, i) => {
        running += (add as Float64Array)[i] as number;
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
