/**
 * The assignment as an integer program, as plain data.
 *
 * Model building produces this; engines read it; nothing here knows a solver.
 * Workers who are interchangeable (same eligibility and score everywhere) form a
 * *worker class*; employers that are interchangeable form an *employer class*.
 * One integer variable per arc says how many workers of a class go to an
 * employer class:
 *
 *     maximise   sum_a (placementWeight + score_a) * x_a
 *     subject to sum_{a from class c} x_a <= supply_c          (each worker at most once)
 *                sum_{a into group g} x_a <= capacity_g        (each employer at most its slots)
 *                side constraints (policies; none in a pure network model)
 *                0 <= x_a <= upper_a, x_a integer
 *
 * `placementWeight` exceeds the largest total score any solution can have, so
 * the objective places as many workers as possible first and only then
 * maximises score (see `placementWeightFor` in ./objective.ts for the proof).
 *
 * Indices are positions in the arrays; arcs are sorted by (from, to), which is
 * the canonical order every engine and the disaggregation rely on.
 *
 * The arcs are columns (`ModelArcs`): one typed array per field, arc `a`
 * being `from[a]`, `to[a]`, `score[a]`, `upper[a]`. At 333,000 workers a
 * model has 5.3 million arcs; as columns they are four flat arrays (43 MB:
 * 16-bit numbers where they fit) the engines read as they are, instead of
 * 5.3 million objects the garbage collector walks through and every engine
 * copied into arrays of its own.
 */

export interface ModelWorkerClass {
  /** Canonical key of the attributes that decide eligibility and score. */
  readonly key: string;
  /** How many workers the class holds (its supply). */
  readonly supply: number;
}

export interface ModelEmployerClass {
  readonly key: string;
  /** Total legal capacity of the employers in the class: their slots, lowered by the legal limits that count every worker (../rules/limits.ts). */
  readonly capacity: number;
}

/** One arc read out of the columns (`arcAt`), or listed by hand for `arcColumns`. */
export interface ModelArc {
  /** Index into `workerClasses`. */
  readonly from: number;
  /** Index into `employerClasses`. */
  readonly to: number;
  /** Integer score of one placement on this arc, 0..maxScore. */
  readonly score: number;
  /** Upper bound on the flow: min(supply, capacity) unless a policy tightens it. */
  readonly upper: number;
}

/**
 * The arcs of a model as columns: arc `a` (0 <= a < length) goes from worker
 * class `from[a]` to employer class `to[a]`, scores `score[a]` per placement
 * and carries at most `upper[a]`. Every array has exactly `length` entries.
 *
 * Bounds the columns rely on: class indices and bounds are 32-bit integers
 * (a bound is at most a class's supply, and a model's supply and capacity
 * totals are below 2^30: the flow engine's limit); a score is an integer
 * 0..maxScore (at most 24 x 100 = 2,400 under the input's weights, 0..100
 * each), held in an Int32Array. Only a model whose objective is re-weighted
 * (re-planning's "pinned" order, ../plan/model.ts) has scores beyond 2^31:
 * then `score` is a Float64Array of integers (exact below 2^53).
 *
 * Element types: a column is a Uint16Array or an Int32Array (score: or a
 * Float64Array), and readers must take whichever they are given (read by
 * index, as numbers). `buildModel` writes each column as a Uint16Array
 * where every value in it is below 2^16 (`indexColumn`): at national scale
 * (7,407 x 14,850 classes, scores to 2,400, bounds to a class's size) all
 * four, 43 MB instead of 85. Fresh memory is dear (the first write to each
 * page costs a page fault, about 17 us on the benchmark host): the columns'
 * page faults went from about 21,000 to 10,400, the whole build's from about
 * 30,000 to 19,000.
 * `arcColumns` and `arcColumnsBuilder` write Int32Arrays.
 *
 * Typed arrays cannot be frozen: the columns of a model are never written
 * after the model is made (engines and caches keyed by the model rely on it).
 * Build them with `arcColumns` (from a list) or `arcColumnsBuilder` (grown
 * one arc at a time).
 */
export interface ModelArcs {
  readonly length: number;
  readonly from: Int32Array | Uint16Array;
  readonly to: Int32Array | Uint16Array;
  readonly score: Int32Array | Uint16Array | Float64Array;
  readonly upper: Int32Array | Uint16Array;
}

/**
 * A column of `length` entries for values 0..`largest`: a Uint16Array when `largest` is below 2^16,
 * else an Int32Array (values to 2^31 - 1).
 */
export const indexColumn = (length: number, largest: number): Int32Array | Uint16Array =>
  largest < 2 ** 16 ? new Uint16Array(length) : new Int32Array(length);

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const isInt32 = (x: number): boolean => Number.isInteger(x) && x >= INT32_MIN && x <= INT32_MAX;

/** No arcs. */
export const noArcs = (): ModelArcs => ({ length: 0, from: new Int32Array(0), to: new Int32Array(0), score: new Int32Array(0), upper: new Int32Array(0) });

/**
 * Columns from a list of arcs, in the list's order (for tests and the cold
 * paths that write arcs by hand). Scores go to an Int32Array when they all
 * fit, else to a Float64Array. Throws a RangeError for a value the columns
 * cannot hold exactly (an index or bound that is not a 32-bit integer, a
 * score that is not a safe integer): a programming error, never input.
 */
export const arcColumns = (list: readonly ModelArc[]): ModelArcs => {
  const n = list.length;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const upper = new Int32Array(n);
  let narrow = true;
  for (let a = 0; a < n; a++) {
    const arc = list[a] as ModelArc;
    if (!isInt32(arc.from) || !isInt32(arc.to) || !isInt32(arc.upper) || !Number.isSafeInteger(arc.score)) {
      throw new RangeError(`arc ${a} (${arc.from} -> ${arc.to}, score ${arc.score}, bound ${arc.upper}): arc columns hold 32-bit integer ends and bounds and integer scores`);
    }
    from[a] = arc.from;
    to[a] = arc.to;
    upper[a] = arc.upper;
    if (!isInt32(arc.score)) narrow = false;
  }
  const score = narrow ? new Int32Array(n) : new Float64Array(n);
  for (let a = 0; a < n; a++) score[a] = (list[a] as ModelArc).score;
  return { length: n, from, to, score, upper };
};

/** Arc `a` read out of the columns (a fresh object: for cold paths, not for loops over millions of arcs). */
export const arcAt = (arcs: ModelArcs, a: number): ModelArc => ({
  from: arcs.from[a] as number,
  to: arcs.to[a] as number,
  score: arcs.score[a] as number,
  upper: arcs.upper[a] as number,
});

/** Every arc read out, in order (for tests and cold paths). */
export const arcList = (arcs: ModelArcs): ModelArc[] => Array.from({ length: arcs.length }, (_, a) => arcAt(arcs, a));

/**
 * Grows arc columns one arc at a time, then `finish` joins them into columns of exactly `length` entries.
 * The arcs go into chunks (the first of `capacity` arcs, each next one twice as large, up to 2^20 arcs),
 * and a full chunk is never copied: `finish` copies each arc once. (Doubling one set of arrays copied the
 * arcs three times over, counting the trim, and at national scale, 5.3 million arcs, that copying and the
 * zeroed arrays it allocated were a quarter of the eligibility step.)
 */
export interface ArcColumnsBuilder {
  readonly length: number;
  /** Appends one arc; every value a 32-bit integer (scores of built models are 0..2,400). */
  push(from: number, to: number, score: number, upper: number): void;
  /** The columns, exactly `length` entries (the builder's chunks are then garbage); push no more afterwards. */
  finish(): ModelArcs;
}

/** The largest chunk an `arcColumnsBuilder` allocates, in arcs. */
const MAX_CHUNK = 1 << 20;

export const arcColumnsBuilder = (capacity = 1024): ArcColumnsBuilder => {
  interface Chunk {
    readonly from: Int32Array;
    readonly to: Int32Array;
    readonly score: Int32Array;
    readonly upper: Int32Array;
  }
  const chunkOf = (size: number): Chunk => ({ from: new Int32Array(size), to: new Int32Array(size), score: new Int32Array(size), upper: new Int32Array(size) });
  const full: Chunk[] = [];
  let chunk = chunkOf(Math.min(MAX_CHUNK, Math.max(16, capacity)));
  let at = 0;
  let n = 0;
  return {
    get length() {
      return n;
    },
    push(f, t, s, u) {
      if (at === chunk.from.length) {
        full.push(chunk);
        chunk = chunkOf(Math.min(MAX_CHUNK, 2 * chunk.from.length));
        at = 0;
      }
      chunk.from[at] = f;
      chunk.to[at] = t;
      chunk.score[at] = s;
      chunk.upper[at] = u;
      at++;
      n++;
    },
    finish() {
      const out = { length: n, from: new Int32Array(n), to: new Int32Array(n), score: new Int32Array(n), upper: new Int32Array(n) };
      let k = 0;
      for (const c of [...full, chunk]) {
        const m = c === chunk ? at : c.from.length;
        out.from.set(c.from.subarray(0, m), k);
        out.to.set(c.to.subarray(0, m), k);
        out.score.set(c.score.subarray(0, m), k);
        out.upper.set(c.upper.subarray(0, m), k);
        k += m;
      }
      return out;
    },
  };
};

/** sum coefficient * x_arc  (relation) rhs, over arc indices. Used by policies. */
export interface SideConstraint {
  /** A stable, human-readable label for messages ("sector caregiving minimum"); never sent to a solver. */
  readonly label: string;
  readonly terms: readonly { readonly arc: number; readonly coefficient: number }[];
  readonly relation: "<=" | ">=" | "=";
  readonly rhs: number;
}

/** Which arcs a policy constraint counts. */
export type PolicyScope =
  /** Every arc into these employer classes (a quota, a legal cap). */
  | { readonly kind: "employers"; readonly classes: readonly number[] }
  /** Every arc out of these worker classes (a fairness floor). */
  | { readonly kind: "workers"; readonly classes: readonly number[] }
  /** Every arc from these worker classes into one employer class (a diversity limit). */
  | { readonly kind: "pairs"; readonly workers: readonly number[]; readonly employer: number };

/**
 * A policy: the flow on the scope's arcs stays within [min, max]. Hard when
 * `penalty` is null; otherwise each unit outside costs `penalty` objective
 * units. Kept structured (not as raw rows) so a network engine can see its
 * shape and a diagnosis can name it.
 */
export interface PolicyConstraint {
  /** In domain words: "sector caregiving: at least 500". */
  readonly label: string;
  /** Where it comes from in the input: "policy.quotas[0]". */
  readonly source: string;
  readonly scope: PolicyScope;
  readonly min: number | null;
  readonly max: number | null;
  readonly penalty: number | null;
  /** A legal limit (../rules/limits.ts): always hard, and never relaxed by a diagnosis. */
  readonly law?: boolean;
}

/**
 * A group placed all together or not at all: its worker classes hold only its
 * members, and all placed members must fall in one region (the employer
 * classes of one prefecture, or of one employer). Soft when `penalty` is set:
 * a split group costs `penalty` objective units.
 */
export interface GroupConstraint {
  readonly label: string;
  readonly source: string;
  readonly workerClasses: readonly number[];
  /** Members of the group. */
  readonly size: number;
  /** A partition of the employer classes into regions. */
  readonly regions: readonly (readonly number[])[];
  readonly penalty: number | null;
}

export interface AssignmentModel {
  readonly workerClasses: readonly ModelWorkerClass[];
  readonly employerClasses: readonly ModelEmployerClass[];
  /** Columns (`ModelArcs`), sorted by (from, to); at most one arc per pair. */
  readonly arcs: ModelArcs;
  /** Objective bonus per placement; larger than any achievable total score. */
  readonly placementWeight: number;
  /** The largest score one placement can have under the weights. */
  readonly maxScore: number;
  /** Raw linear rows; empty in a pure transportation (network) model. */
  readonly sideConstraints: readonly SideConstraint[];
  /** Policy constraints (quotas, caps, diversity, fairness); none when absent. */
  readonly policies?: readonly PolicyConstraint[];
  /** Groups kept together; none when absent. */
  readonly groups?: readonly GroupConstraint[];
}

/**
 * Flows by arc index, read by index only: a plain array, or an Int32Array
 * (the flow engine hands over its own, not copied into 5.3 million numbers
 * at national scale). Never JSON.stringify one (a typed array becomes an
 * object with keys "0", "1", ...): `Array.from` it first.
 */
export type Flows = ArrayLike<number>;

/** An engine's answer in model terms: the flow on each arc, by arc index. */
export interface ModelSolution {
  readonly flows: Flows;
  /** sum (placementWeight + score) * flow. */
  readonly objective: number;
}

/** The model is a plain transportation problem: no side rows, policies or groups. */
export const isPureNetwork = (model: AssignmentModel): boolean =>
  model.sideConstraints.length === 0 && (model.policies ?? []).length === 0 && (model.groups ?? []).length === 0;

/** Arcs by their ends, built once per model (arcs never change). */
interface ArcIndex {
  /** For each employer class, the arcs into it, in increasing order. */
  readonly into: number[][];
  /** For each worker class, the arcs out of it, in increasing order (a contiguous run: arcs are sorted by `from`). */
  readonly from: number[][];
  /** Scratch marks per worker class for `scopeArcs`; all 0 between calls. */
  readonly marked: Uint8Array;
}

const arcIndex = new WeakMap<AssignmentModel, ArcIndex>();

const indexOf = (model: AssignmentModel): ArcIndex => {
  const known = arcIndex.get(model);
  if (known !== undefined) return known;
  const into = model.employerClasses.map((): number[] => []);
  const from = model.workerClasses.map((): number[] => []);
  const arcs = model.arcs;
  for (let a = 0; a < arcs.length; a++) {
    into[arcs.to[a] as number]?.push(a);
    from[arcs.from[a] as number]?.push(a);
  }
  const index = { into, from, marked: new Uint8Array(model.workerClasses.length) };
  arcIndex.set(model, index);
  return index;
};

/** The lists joined, in increasing order (duplicates kept); each list is already increasing. */
const joinSorted = (lists: readonly (readonly number[])[]): number[] => {
  let n = 0;
  for (const list of lists) n += list.length;
  const joined = new Array<number>(n);
  let k = 0;
  let sorted = true;
  for (const list of lists) {
    for (const a of list) {
      if (k > 0 && (joined[k - 1] as number) > a) sorted = false;
      joined[k++] = a;
    }
  }
  if (sorted) return joined;
  // Arc indices are small non-negative integers: a typed array sorts them numerically, and fast.
  const order = Int32Array.from(joined).sort();
  for (let i = 0; i < n; i++) joined[i] = order[i] as number;
  return joined;
};

/**
 * The arc indices a policy scope counts, in increasing order. An arc is
 * listed once per occurrence of its class in `classes` (for "employers" and
 * "workers") and at most once for "pairs". A fresh array the caller may keep.
 */
export const scopeArcs = (model: AssignmentModel, scope: PolicyScope): number[] => {
  const { into, from, marked } = indexOf(model);
  if (scope.kind === "pairs") {
    const arcs = into[scope.employer] ?? [];
    if (arcs.length === 0) return [];
    for (const c of scope.workers) marked[c] = 1; // a typed array ignores indices out of range
    const tails = model.arcs.from;
    const out = arcs.filter((a) => marked[tails[a] as number] === 1);
    for (const c of scope.workers) marked[c] = 0;
    return out;
  }
  return joinSorted(scope.kind === "employers" ? scope.classes.map((j) => into[j] ?? []) : scope.classes.map((c) => from[c] ?? []));
};

/**
 * For each scope, the total flow on its arcs: the same as summing `flows`
 * over `scopeArcs(model, scope)`, for many scopes of one flow vector at once.
 * It reads the flows once, then each scope costs its class list plus the
 * arcs with flow into its employer class, not its whole arc list.
 */
export const scopeFlows = (model: AssignmentModel, scopes: readonly PolicyScope[], flows: Flows): number[] => {
  const { marked } = indexOf(model);
  const inflow = new Float64Array(model.employerClasses.length);
  const outflow = new Float64Array(model.workerClasses.length);
  /** Per employer class, the arcs into it that carry flow, in increasing order. */
  const carrying = model.employerClasses.map((): number[] => []);
  const { from, to } = model.arcs;
  for (let a = 0; a < model.arcs.length; a++) {
    const f = flows[a] ?? 0;
    if (f === 0) continue;
    const j = to[a] as number;
    const c = from[a] as number;
    inflow[j] = (inflow[j] as number) + f;
    outflow[c] = (outflow[c] as number) + f;
    carrying[j]?.push(a);
  }
  return scopes.map((scope) => {
    let total = 0;
    if (scope.kind === "pairs") {
      const arcs = carrying[scope.employer] ?? [];
      if (arcs.length === 0) return 0;
      for (const c of scope.workers) marked[c] = 1;
      for (const a of arcs) if (marked[from[a] as number] === 1) total += flows[a] ?? 0;
      for (const c of scope.workers) marked[c] = 0;
    } else {
      const perClass = scope.kind === "employers" ? inflow : outflow;
      for (const c of scope.classes) total += perClass[c] ?? 0;
    }
    return total;
  });
};
