/**
 * The part of javascript-lp-solver's API that jobmatch uses, typed locally.
 * (The package's own declarations are broad and return `unknown`; this file
 * says exactly what the adapter relies on.) Names in these records must be
 * generated ones (x0, c0, ...): see shared/solver-notes.md.
 */
export interface JsLpConstraintBound {
  readonly min?: number;
  readonly max?: number;
  readonly equal?: number;
}

export interface JsLpModel {
  readonly optimize: string;
  readonly opType: "max" | "min";
  readonly constraints: Readonly<Record<string, JsLpConstraintBound>>;
  readonly variables: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly ints?: Readonly<Record<string, 1>>;
  readonly options?: { readonly timeout?: number; readonly tolerance?: number };
}

/** The answer: fixed fields plus one entry per variable that is non-zero. */
export interface JsLpResult {
  readonly feasible: boolean;
  readonly bounded?: boolean;
  readonly isIntegral?: boolean;
  readonly result: number;
  readonly [variable: string]: number | boolean | undefined;
}

export interface JsLpSolver {
  Solve(model: JsLpModel): JsLpResult;
}
