/**
 * Branch and bound over the network with side rows: the side engine's
 * search for an integer plan, proved optimal.
 *
 * A node is the side problem (./problem.ts) with some columns' bounds
 * changed. Its linear relaxation is solved by the dual simplex (./dual.ts)
 * from its parent's final basis (a child only tightens bounds, so that basis
 * stays dual feasible: a few pivots usually finish it), and judged only on
 * what ./exact.ts proves from the final basis:
 * - no solution (an empty box, or the exact Farkas certificate): dropped;
 * - its exact bound, less the constant the network counts beyond the model
 *   (`offset`) and the penalties of soft groups branched "split", floored
 *   (objectives are integers): dropped when it does not beat the best plan;
 * - otherwise, when some group the node has not fixed is not kept together,
 *   branch on the first such group (./groups.ts: each region that can take
 *   it whole, the most of its relaxed flow first; "out"; "split" if soft);
 * - else when a side row's slack (its scope's total) is fractional, branch
 *   on the most fractional one, else on the most fractional model arc (the
 *   lowest-numbered of equals): value <= floor and value >= ceil, the
 *   nearer side first;
 * - else the flows are an integer plan: checked against the model
 *   (`checkFlows`) and its objective recomputed exactly (`objectiveOf`)
 *   before it may become the best.
 * Each child gets a ceiling before it is solved: this node's exact prices
 * on the child's bounds (weak duality holds for any prices; only the changed
 * columns' terms move), so a child that cannot beat the best plan is never
 * solved, and siblings are explored highest ceiling first (ties in the
 * order above). Depth first: the same model always gives the same search
 * and the same plan. Every bound used to drop a node is a proof, so the best
 * plan is optimal when the search ends. At the deadline it returns the best
 * plan with the largest ceiling of the nodes left (the proved gap); the dual
 * simplex reads the clock at every pivot.
 */
import { checkFlows } from "../../model/check.js";
import { objectiveOf } from "../../model/objective.js";
import type { AssignmentModel } from "../../model/types.js";
import { copyBasis, newFactor, type Basis } from "./basis.js";
import { dualSimplex, newWork, tolerancesFor } from "./dual.js";
import { boundWithChanges, certifyInfeasible, exactBound, floorOf, type Rational } from "./exact.js";
import { fixChanges, groupFlows, groupViews, together, type BoundChange, type GroupFix, type GroupView } from "./groups.js";
import type { SideProblem } from "./problem.js";

export interface SearchResult {
  readonly status: "optimal" | "infeasible" | "time-limit" | "trouble";
  /** The best plan's flows on the model's arcs, and its objective. */
  readonly plan: { readonly flows: number[]; readonly objective: number } | null;
  /** A proved upper bound on the optimum (null when the search proved nothing yet). */
  readonly bound: number | null;
  readonly nodes: number;
  readonly pivots: number;
  readonly message: string | null;
}

interface Node {
  /** Bound changes from the root, oldest first (a later change of a column wins). */
  readonly changes: readonly BoundChange[];
  readonly fixes: ReadonlyMap<number, GroupFix>;
  /** Penalties of the soft groups fixed "split". */
  readonly splitPenalty: number;
  /** An upper bound on every plan below (the parent's), in model units. */
  readonly ceiling: number;
  /** The basis to start from (the parent's final one; not changed). */
  readonly start: Basis;
}

/** The root's starting basis: every node on its artificial column, every side row on its slack. */
export const artificialBasis = (p: SideProblem): Basis => {
  const state = new Int8Array(p.columns).fill(1);
  const tree = new Int32Array(p.n);
  for (let v = 0; v < p.n; v++) {
    tree[v] = p.artificial + v;
    state[p.artificial + v] = 0;
  }
  const keys = p.slack.slice();
  for (const s of keys) state[s] = 0;
  return { tree, keys, state };
};

const FRACTION = 1e-6;

/**
 * The columns to branch on, in tiers: each side row's slack (minus the total
 * of its scope, or the row's room), then the model's arcs. A slack is whole
 * in every integer plan (a total of whole flows, integer coefficients), so
 * branching on it loses no plan, and a quota that the relaxation meets with
 * a fraction is settled in one branch instead of one per arc. (Branching on
 * the network's other totals as well, per class and per set, was measured:
 * forty times the nodes on random models with crossing quotas.)
 */
const branchingTiers = (p: SideProblem): readonly Int32Array[] => [p.slack.slice(), p.network.modelArc.slice()];

/** The most fractional column of the first tier that has one (the lowest-numbered of equals), or -1 when all are whole. */
const mostFractional = (x: Float64Array, tiers: readonly Int32Array[]): number => {
  for (const tier of tiers) {
    let best = -1;
    let fractionality = FRACTION;
    for (const j of tier) {
      const v = x[j] as number;
      const frac = Math.min(v - Math.floor(v), Math.ceil(v) - v);
      if (frac > fractionality || (frac === fractionality && best >= 0 && j < best)) {
        fractionality = frac;
        best = j;
      }
    }
    if (best >= 0) return best;
  }
  return -1;
};

export const branchAndBound = (model: AssignmentModel, p: SideProblem, start: Basis, deadline: number): SearchResult => {
  const f = newFactor(p);
  const work = newWork(p);
  const tol = tolerancesFor(p.gain);
  const views = groupViews(model, p);
  const maxPivots = 50 * (p.n + p.k) + 10_000;
  const lower = new Float64Array(p.columns);
  const upper = new Float64Array(p.columns);
  const tiers = branchingTiers(p);

  let best: { flows: number[]; objective: number } | null = null;
  let nodes = 0;
  let pivots = 0;
  /** Open nodes, last in first out. */
  const stack: Node[] = [];
  // A hard group no region can take whole is never placed.
  const rootFixes = new Map<number, GroupFix>();
  const rootChanges: BoundChange[] = [];
  views.forEach((view, g) => {
    if (view.group.penalty === null && view.fitting.length === 0) {
      rootFixes.set(g, { kind: "out" });
      // One change per arc of the group: a loop, not a spread into push's arguments (which throws past ~120,000).
      for (const change of fixChanges(model, p, view, { kind: "out" })) rootChanges.push(change);
    }
  });
  stack.push({ changes: rootChanges, fixes: rootFixes, splitPenalty: 0, ceiling: Infinity, start });

  const beats = (ceiling: number): boolean => best === null || ceiling > best.objective;
  const result = (status: SearchResult["status"], message: string | null, open: number): SearchResult => {
    const bound = status === "optimal" ? (best?.objective ?? null) : status === "infeasible" ? null : Number.isFinite(open) ? Math.max(open, best?.objective ?? -Infinity) : null;
    return { status, plan: best, bound, nodes, pivots, message };
  };
  const openCeiling = (extra: number): number => stack.reduce((m, node) => (beats(node.ceiling) ? Math.max(m, node.ceiling) : m), extra);

  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (!beats(node.ceiling)) continue;
    if (performance.now() >= deadline) return result("time-limit", "stopped at the time limit", openCeiling(node.ceiling));
    nodes++;
    lower.set(p.lower);
    upper.set(p.upper);
    for (const c of node.changes) {
      lower[c.column] = c.lower;
      upper[c.column] = c.upper;
    }
    const basis = copyBasis(node.start);
    const lp = dualSimplex(f, basis, lower, upper, work, tol, deadline, maxPivots);
    pivots += lp.pivots;
    if (lp.status === "empty") continue;
    if (lp.status === "stopped") return result("time-limit", "stopped at the time limit", openCeiling(node.ceiling));
    if (lp.status === "trouble") return result("trouble", `the linear relaxation could not be solved: ${lp.why}`, Infinity);
    if (lp.status === "infeasible") {
      if (certifyInfeasible(f, basis, lower, upper, lp.leaving)) continue;
      return result("trouble", "the linear relaxation looked infeasible, but that could not be proved exactly", Infinity);
    }
    const exact = exactBound(f, basis, lower, upper);
    if (exact === null) return result("trouble", "no exact bound from the final basis", Infinity);
    // In model units: the linear bound is `scale` times the model's plus `offset`.
    const modelBound = (r: Rational, splitPenalty: number): number => {
      const scaledDen = r.den * BigInt(p.scale);
      return Number(floorOf({ num: r.num - BigInt(p.offset + splitPenalty) * scaledDen, den: scaledDen }));
    };
    const ceiling = Math.min(node.ceiling, modelBound(exact, node.splitPenalty));
    /** A child's ceiling before it is solved: this node's prices on the child's bounds (weak duality). */
    const childCeiling = (changes: readonly BoundChange[], splitPenalty: number): number =>
      Math.min(ceiling - (splitPenalty - node.splitPenalty), changes.length === 0 ? Infinity : modelBound(boundWithChanges(f, exact, lower, upper, changes), splitPenalty));
    if (!beats(ceiling)) continue;
    const x = work.x;

    // Groups first: the first one the node has not fixed and the relaxation does not keep together.
    const g = views.findIndex((view, i) => !node.fixes.has(i) && !together(model, p, view, x));
    if (g >= 0) {
      const view = views[g] as GroupView;
      const { perRegion } = groupFlows(model, p, view, x);
      const regions = [...view.fitting].sort((a, b) => (perRegion.get(b) ?? 0) - (perRegion.get(a) ?? 0) || a - b);
      const children: GroupFix[] = [...regions.map((region): GroupFix => ({ kind: "in", region })), { kind: "out" }];
      if (view.group.penalty !== null) children.push({ kind: "split" });
      // Each child's ceiling from this node's prices; the most promising is explored first (ties keep the order above).
      const made = children.map((fix, order) => {
        const changes = fixChanges(model, p, view, fix);
        const splitPenalty = node.splitPenalty + (fix.kind === "split" ? (view.group.penalty as number) : 0);
        return { fix, changes, splitPenalty, ceiling: childCeiling(changes, splitPenalty), order };
      });
      made.sort((a, b) => b.ceiling - a.ceiling || a.order - b.order);
      for (let i = made.length - 1; i >= 0; i--) {
        const child = made[i] as (typeof made)[number];
        if (!beats(child.ceiling)) continue;
        stack.push({
          changes: [...node.changes, ...child.changes],
          fixes: new Map([...node.fixes, [g, child.fix]]),
          splitPenalty: child.splitPenalty,
          ceiling: child.ceiling,
          start: basis,
        });
      }
      continue;
    }

    // Then integrality, totals first (see `mostFractional`).
    const column = mostFractional(x, tiers);
    if (column >= 0) {
      const v = x[column] as number;
      const down: BoundChange = { column, lower: lower[column] as number, upper: Math.floor(v) };
      const up: BoundChange = { column, lower: Math.ceil(v), upper: upper[column] as number };
      const first = v - Math.floor(v) >= 0.5 ? up : down;
      const second = first === up ? down : up;
      for (const change of [second, first]) {
        const childBound = childCeiling([change], node.splitPenalty);
        if (beats(childBound)) stack.push({ changes: [...node.changes, change], fixes: node.fixes, splitPenalty: node.splitPenalty, ceiling: childBound, start: basis });
      }
      continue;
    }

    // An integer plan: believed only once the model checks it.
    const flows = Array.from({ length: model.arcs.length }, (_, a) => Math.round(x[p.network.modelArc[a] as number] as number));
    // A family node's flow, all on one arc at the family's size (`together`), is its members' flows there.
    for (const family of p.families) {
      for (const region of family.plan.regions) {
        if (Math.round(x[family.regionColumn.get(region.region) as number] as number) !== family.plan.size) continue;
        for (const [a, count] of region.memberArcs) flows[a] = (flows[a] as number) + count;
      }
    }
    const violation = checkFlows(model, flows);
    if (violation !== null) return result("trouble", `an integral relaxation broke the model (${violation})`, Infinity);
    const objective = objectiveOf(model, flows);
    if (best === null || objective > best.objective) best = { flows, objective };
  }
  if (best === null) return result("infeasible", null, -Infinity);
  return result("optimal", null, -Infinity);
};
