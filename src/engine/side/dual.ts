/**
 * The bounded dual simplex method on a network with side rows (./basis.ts).
 *
 * Every variable is boxed (./problem.ts), so any basis is made dual feasible
 * by putting each nonbasic column at the bound its reduced cost points to;
 * the method then drives out primal infeasibility while keeping every
 * reduced cost's sign. That is what branch and bound needs: a child differs
 * from its parent in bounds only, so the parent's final basis stays dual
 * feasible and a few pivots usually finish the child (warm start).
 *
 * One pivot: the basic column furthest outside its bounds leaves (Bland's
 * rule, the lowest-numbered, once many pivots in a row have not moved the
 * prices); the row of the basis inverse gives how each nonbasic column moves
 * it; of the columns that move it the right way, the entering one keeps
 * every reduced cost's sign (the ratio test, in Harris's two passes: the
 * smallest ratio with a tolerance, then among those within it the largest
 * pivot element, for stability). No column to enter: the leaving row proves
 * the linear program infeasible (./exact.ts turns that into a certificate in
 * exact arithmetic). Primal values and reduced costs are updated along the
 * pivot and recomputed from the basis every `REFRESH` pivots and before an
 * answer is given.
 *
 * Floating point with tolerances here; nothing decided here is trusted: the
 * branch and bound accepts a bound or an infeasibility only once ./exact.ts
 * has proved it from the final basis, and a plan only once the model checks
 * it. The deadline is read at every pivot.
 */
import { factorise, reducedCost, reducedCosts, type Basis, type Factor } from "./basis.js";
import { inverseRow, swap } from "./pivot.js";
import { primalValues, stepAlong } from "./primal.js";
import type { SideProblem } from "./problem.js";
import { incidenceOf, sparseRow, type Incidence } from "./row.js";

export type LpOutcome =
  /** Column `column` has its lower bound above its upper one: no solution, exactly. */
  | { readonly status: "empty"; readonly column: number; readonly pivots: 0 }
  /** Primal and dual feasible within tolerances. */
  | { readonly status: "optimal"; readonly pivots: number }
  /** Basic column `leaving` is outside its bounds (below its lower one when `below`) and no column can bring it back. */
  | { readonly status: "infeasible"; readonly leaving: number; readonly below: boolean; readonly pivots: number }
  /** The deadline passed. */
  | { readonly status: "stopped"; readonly pivots: number }
  /** The basis became singular, or the method did not converge: numerical trouble. */
  | { readonly status: "trouble"; readonly pivots: number; readonly why: string };

/** Scratch vectors over the columns. */
export interface LpWork {
  readonly x: Float64Array;
  readonly d: Float64Array;
  /** The current row's nonzero entries: columns and values. */
  readonly rowColumn: Int32Array;
  readonly rowValue: Float64Array;
  /** Columns by node and by side row (./row.ts). */
  readonly incidence: Incidence;
}

export const newWork = (p: SideProblem): LpWork => ({
  x: new Float64Array(p.columns),
  d: new Float64Array(p.columns),
  rowColumn: new Int32Array(p.columns),
  rowValue: new Float64Array(p.columns),
  incidence: incidenceOf(p),
});

/** Tolerances, scaled to the problem's numbers. */
export interface Tolerances {
  /** A basic value this far outside its bounds (relative to 1 + |bound|) is infeasible. */
  readonly primal: number;
  /** A reduced cost this far on the wrong side is dual infeasible. */
  readonly dual: number;
  /** Row entries smaller than this are treated as zero. */
  readonly pivot: number;
}

export const tolerancesFor = (gain: Float64Array): Tolerances => {
  let scale = 1;
  for (let j = 0; j < gain.length; j++) scale = Math.max(scale, Math.abs(gain[j]!));
  return { primal: 1e-9, dual: 1e-11 * scale, pivot: 1e-9 };
};

/** Pivots between recomputing primal values and reduced costs from the basis. */
const REFRESH = 100;

/** Puts every nonbasic column at the bound its reduced cost points to (fixed columns at their lower bound). */
const dualFeasible = (basis: Basis, d: Float64Array, lower: Float64Array, upper: Float64Array, tol: number): void => {
  const { state } = basis;
  for (let j = 0; j < d.length; j++) {
    if (state[j] === 0) continue;
    if (lower[j] === upper[j]) state[j] = 1;
    else if (d[j]! > tol) state[j] = -1;
    else if (d[j]! < -tol) state[j] = 1;
  }
};

/** Recomputes reduced costs and primal values from the factorised basis, nonbasic columns at the bounds their reduced costs point to. */
const refresh = (f: Factor, basis: Basis, lower: Float64Array, upper: Float64Array, work: LpWork, tol: Tolerances): void => {
  reducedCosts(f, basis, work.d);
  dualFeasible(basis, work.d, lower, upper, tol.dual);
  primalValues(f, basis, lower, upper, work.x);
};

/** The basic column furthest outside its bounds (the lowest-numbered one under Bland's rule), or -1. */
const chooseLeaving = (f: Factor, basis: Basis, lower: Float64Array, upper: Float64Array, x: Float64Array, tol: number, bland: boolean): { column: number; below: boolean } => {
  const { n, k } = f.p;
  let leaving = -1;
  let worst = 0;
  let below = false;
  for (let slot = 0; slot < n + k; slot++) {
    const j = slot < n ? f.pred[slot]! : basis.keys[slot - n]!;
    const v = x[j]!;
    const lo = lower[j]!;
    const hi = upper[j]!;
    let gap: number;
    let isBelow = false;
    if (v < lo - tol * (1 + Math.abs(lo))) {
      gap = lo - v;
      isBelow = true;
    } else if (v > hi + tol * (1 + Math.abs(hi))) gap = v - hi;
    else continue;
    if (bland ? leaving < 0 || j < leaving : gap > worst) {
      leaving = j;
      worst = gap;
      below = isBelow;
    }
  }
  return { column: leaving, below };
};

/**
 * Runs the dual simplex from `basis` (changed in place) under the bounds
 * `lower` and `upper`. On "optimal", `work.x` holds the primal values and
 * `work.d` the reduced costs of the final basis, whose factorisation `f`
 * holds.
 */
export const dualSimplex = (
  f: Factor,
  basis: Basis,
  lower: Float64Array,
  upper: Float64Array,
  work: LpWork,
  tol: Tolerances,
  deadline: number,
  maxPivots: number,
): LpOutcome => {
  const { p } = f;
  const { columns } = p;
  const { x, d, rowColumn, rowValue } = work;
  const { state } = basis;
  for (let j = 0; j < columns; j++) if (lower[j]! > upper[j]!) return { status: "empty", column: j, pivots: 0 };
  if (!factorise(f, basis)) return { status: "trouble", pivots: 0, why: "the starting basis is singular" };
  refresh(f, basis, lower, upper, work, tol);
  let pivots = 0;
  let sinceRefresh = 0;
  let bland = false;
  let degenerate = 0;
  const stallLimit = 2 * (p.n + p.k) + 100;
  for (;;) {
    if (performance.now() >= deadline) return { status: "stopped", pivots };
    let { column: leaving, below } = chooseLeaving(f, basis, lower, upper, x, tol.primal, bland);
    if (leaving < 0 && sinceRefresh > 0) {
      // Believe "feasible" only from values recomputed from the basis.
      refresh(f, basis, lower, upper, work, tol);
      sinceRefresh = 0;
      ({ column: leaving, below } = chooseLeaving(f, basis, lower, upper, x, tol.primal, bland));
    }
    if (leaving < 0) return { status: "optimal", pivots };
    if (pivots >= maxPivots) return { status: "trouble", pivots, why: `no convergence in ${pivots} pivots` };

    inverseRow(f, basis, leaving);
    // x_leaving must rise (below) or fall: a column at its lower bound rises, at its upper falls.
    const need = below ? 1 : -1;
    const entries = sparseRow(f, basis, work.incidence, lower, upper, rowColumn, rowValue);
    let bound = Infinity;
    for (let i = 0; i < entries; i++) {
      const j = rowColumn[i]!;
      const a = rowValue[i]!;
      const moved = a * (state[j] === -1 ? -1 : 1) * need;
      if (moved <= tol.pivot) continue;
      // The reduced cost from the basis's prices: nothing to update from pivot to pivot.
      const dj = reducedCost(f, j);
      d[j] = dj;
      const slack = Math.max(0, -dj * (state[j] === -1 ? -1 : 1));
      const ratio = (slack + (bland ? 0 : tol.dual)) / moved;
      if (ratio < bound) bound = ratio;
    }
    if (bound === Infinity) return { status: "infeasible", leaving, below, pivots };
    let entering = -1;
    let enteringAlpha = 0;
    let enteringSize = 0;
    for (let i = 0; i < entries; i++) {
      const j = rowColumn[i]!;
      const a = rowValue[i]!;
      const dir = state[j] === -1 ? -1 : 1;
      const moved = a * dir * need;
      if (moved <= tol.pivot) continue;
      const slack = Math.max(0, -d[j]! * dir);
      if (slack / moved > bound) continue;
      if (bland ? entering < 0 || j < entering : moved > enteringSize) {
        entering = j;
        enteringAlpha = a;
        enteringSize = moved;
      }
    }
    if (entering < 0) return { status: "infeasible", leaving, below, pivots };

    // Primal step: the leaving column reaches the bound it broke.
    const target = below ? lower[leaving]! : upper[leaving]!;
    stepAlong(f, basis, entering, (target - x[leaving]!) / enteringAlpha, x);
    x[leaving] = target;
    // The dual step: zero when the entering column's reduced cost is; many in a row call for Bland's rule.
    if (d[entering] !== 0) degenerate = 0;
    else if (++degenerate > stallLimit) bland = true;

    if (!swap(f, basis, leaving, entering)) return { status: "trouble", pivots, why: "the entering column does not reconnect the tree" };
    state[leaving] = below ? 1 : -1;
    state[entering] = 0;
    pivots++;
    if (!factorise(f, basis)) return { status: "trouble", pivots, why: "the basis became singular" };
    if (++sinceRefresh >= REFRESH) {
      refresh(f, basis, lower, upper, work, tol);
      sinceRefresh = 0;
    }
  }
};
