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
  /** Sorted by (from, to); at most one arc per pair. */
  readonly arcs: readonly ModelArc[];
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

/** An engine's answer in model terms: the flow on each arc, by arc index. */
export interface ModelSolution {
  readonly flows: readonly number[];
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
  model.arcs.forEach((arc, a) => {
    into[arc.to]?.push(a);
    from[arc.from]?.push(a);
  });
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
    const out = arcs.filter((a) => marked[(model.arcs[a] as ModelArc).from] === 1);
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
export const scopeFlows = (model: AssignmentModel, scopes: readonly PolicyScope[], flows: readonly number[]): number[] => {
  const { marked } = indexOf(model);
  const inflow = new Float64Array(model.employerClasses.length);
  const outflow = new Float64Array(model.workerClasses.length);
  /** Per employer class, the arcs into it that carry flow, in increasing order. */
  const carrying = model.employerClasses.map((): number[] => []);
  model.arcs.forEach((arc, a) => {
    const f = flows[a] ?? 0;
    if (f === 0) return;
    inflow[arc.to] = (inflow[arc.to] as number) + f;
    outflow[arc.from] = (outflow[arc.from] as number) + f;
    carrying[arc.to]?.push(a);
  });
  return scopes.map((scope) => {
    let total = 0;
    if (scope.kind === "pairs") {
      const arcs = carrying[scope.employer] ?? [];
      if (arcs.length === 0) return 0;
      for (const c of scope.workers) marked[c] = 1;
      for (const a of arcs) if (marked[(model.arcs[a] as ModelArc).from] === 1) total += flows[a] ?? 0;
      for (const c of scope.workers) marked[c] = 0;
    } else {
      const perClass = scope.kind === "employers" ? inflow : outflow;
      for (const c of scope.classes) total += perClass[c] ?? 0;
    }
    return total;
  });
};
