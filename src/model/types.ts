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

export interface AssignmentModel {
  readonly workerClasses: readonly ModelWorkerClass[];
  readonly employerClasses: readonly ModelEmployerClass[];
  /** Sorted by (from, to); at most one arc per pair. */
  readonly arcs: readonly ModelArc[];
  /** Objective bonus per placement; larger than any achievable total score. */
  readonly placementWeight: number;
  /** The largest score one placement can have under the weights. */
  readonly maxScore: number;
  /** Empty in a pure transportation (network) model. */
  readonly sideConstraints: readonly SideConstraint[];
}

/** An engine's answer in model terms: the flow on each arc, by arc index. */
export interface ModelSolution {
  readonly flows: readonly number[];
  /** sum (placementWeight + score) * flow. */
  readonly objective: number;
}

/** The model is a transportation problem a network engine can solve exactly. */
export const isPureNetwork = (model: AssignmentModel): boolean => model.sideConstraints.length === 0;
