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
  /** Total slots of the employers in the class. */
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
const arcIndex = new WeakMap<AssignmentModel, { readonly into: number[][]; readonly from: number[][] }>();

const indexOf = (model: AssignmentModel): { readonly into: number[][]; readonly from: number[][] } => {
  const known = arcIndex.get(model);
  if (known !== undefined) return known;
  const into = model.employerClasses.map((): number[] => []);
  const from = model.workerClasses.map((): number[] => []);
  model.arcs.forEach((arc, a) => {
    into[arc.to]?.push(a);
    from[arc.from]?.push(a);
  });
  const index = { into, from };
  arcIndex.set(model, index);
  return index;
};

/** The arc indices a policy scope counts, in increasing order. */
export const scopeArcs = (model: AssignmentModel, scope: PolicyScope): number[] => {
  const { into, from } = indexOf(model);
  if (scope.kind === "pairs") {
    const set = new Set(scope.workers);
    return (into[scope.employer] ?? []).filter((a) => set.has(model.arcs[a]?.from ?? -1));
  }
  const lists = scope.kind === "employers" ? scope.classes.map((j) => into[j] ?? []) : scope.classes.map((c) => from[c] ?? []);
  return lists.flat().sort((a, b) => a - b);
};
