/**
 * The flow engine: solves a pure network model (no side constraints) exactly
 * as a max-weight transportation problem with the network simplex of
 * ./minCostFlow.ts. Integer data in, integer flows out: no rounding and no
 * tolerance, and the answer is checked against the model (`checkSupport`,
 * ../model/check.ts: `checkFlows` read over the arcs that carry flow) before
 * it is given.
 *
 * What it refuses (termination "error", with the reason): side constraints
 * (use the lp-solver engine), non-integer or negative data, indices out of
 * range, and numbers so large that the potentials or the objective could
 * leave the exact range of doubles (2^53).
 */
import type { AssignmentModel } from "../model/types.js";
import { isPureNetwork } from "../model/types.js";
import { checkSupport } from "../model/check.js";
import type { Engine, EngineOptions, EngineOutcome } from "./types.js";
import { MAX_TOTAL, maxWeightTransport, type TransportProblem } from "./minCostFlow.js";
import { policyFlowRefusal, solvePolicyFlow } from "./policyFlow.js";
import { solveWithGroups } from "./groupSearch.js";

const isCount = (x: number): boolean => Number.isSafeInteger(x) && x >= 0;

/**
 * What one pass over a model's arcs finds: why the flow engine cannot solve
 * it (`refusal`, null when it can) and, when it can, what
 * `toTransportProblem` needs: supplies, capacities, the forward-star starts
 * (arcs per worker class), whether the arcs are sorted by worker class and
 * whether some bound exceeds its ends' supply or capacity. At national scale
 * (5.3 million arcs) the check and the counting were two passes, 110-190
 * and 25-40 ms of CPU once V8 had optimised them (about 280 ms in all the
 * first time, as a caller waits for it); now they are one (see `arcFacts`):
 * 30-55 ms optimised, 115-130 the first time.
 */
interface ArcFacts {
  readonly refusal: string | null;
  readonly supply: Int32Array;
  readonly capacity: Int32Array;
  readonly start: Int32Array;
  readonly sorted: boolean;
  readonly clamped: boolean;
}

/**
 * `arcFacts`'s answers by model: `accepts` and `solve` both ask, and at
 * national scale each asking reads 5.3 million arcs. Keyed by the model
 * object, which is never written after it is made (../model/types.ts).
 */
const facts = new WeakMap<AssignmentModel, ArcFacts>();

const factsOf = (model: AssignmentModel): ArcFacts => {
  const known = facts.get(model);
  if (known !== undefined) return known;
  const found = arcFacts(model);
  facts.set(model, found);
  return found;
};

/**
 * Why the flow engine cannot solve `model` exactly, or null when it can.
 * The first problem found, in words that say what to change.
 */
export const flowRefusal = (model: AssignmentModel): string | null => factsOf(model).refusal;

const refused = (refusal: string): ArcFacts => ({ refusal, supply: new Int32Array(0), capacity: new Int32Array(0), start: new Int32Array(0), sorted: false, clamped: false });

/** Why arc a (of ends c and j, score s and bound u) is refused, in the order the checks are made; null when it is not. */
const arcRefusal = (a: number, c: number, j: number, s: number, u: number, nW: number, nE: number): string | null => {
  if (c < 0 || c >= nW) return `arc ${a} starts at worker class ${c}, which does not exist`;
  if (j < 0 || j >= nE) return `arc ${a} ends at employer class ${j}, which does not exist`;
  if (!Number.isSafeInteger(s)) return `arc ${a} has score ${s}, expected an integer`;
  if (u < 0) return `arc ${a} has bound ${u}, expected a non-negative integer`;
  return null;
};

/**
 * The checks, then the counting, in one pass over the arcs. The largest
 * |placementWeight + score| is taken at the smallest or the largest score
 * (|w + s| is convex in s), so the pass keeps those two instead of a
 * maximum per arc; and an integer column needs no integer test.
 */
const arcFacts = (model: AssignmentModel): ArcFacts => {
  if (!isPureNetwork(model)) {
    return refused(`the model has ${model.sideConstraints.length} side constraint(s); the flow engine solves pure networks only (use the lp-solver engine)`);
  }
  const nW = model.workerClasses.length;
  const nE = model.employerClasses.length;
  const supply = new Int32Array(nW);
  let totalSupply = 0;
  for (let c = 0; c < nW; c++) {
    const x = model.workerClasses[c]!.supply;
    if (!isCount(x)) return refused(`worker class ${c} has supply ${x}, expected a non-negative integer`);
    totalSupply += x;
    supply[c] = x;
  }
  const capacity = new Int32Array(nE);
  let totalCapacity = 0;
  for (let g = 0; g < nE; g++) {
    const x = model.employerClasses[g]!.capacity;
    if (!isCount(x)) return refused(`employer class ${g} has capacity ${x}, expected a non-negative integer`);
    totalCapacity += x;
    capacity[g] = x;
  }
  if (totalSupply > MAX_TOTAL || totalCapacity > MAX_TOTAL) {
    return refused(`total supply ${totalSupply} or capacity ${totalCapacity} exceeds ${MAX_TOTAL}`);
  }
  const placementWeight = model.placementWeight;
  if (!Number.isSafeInteger(placementWeight)) return refused(`placementWeight ${placementWeight} is not an integer`);
  const { from, to, score, upper } = model.arcs;
  const m = model.arcs.length;
  const integral = !(score instanceof Float64Array);
  const start = new Int32Array(nW + 1);
  let low = Infinity;
  let high = -Infinity;
  let sorted = true;
  let clamped = false;
  let previous = 0;
  // A run of arcs of one worker class at a time: its class is checked and counted once.
  for (let a = 0; a < m; ) {
    const c = from[a]!;
    if (c < 0 || c >= nW) return refused(arcRefusal(a, c, to[a]!, score[a]!, upper[a]!, nW, nE)!);
    if (c < previous) sorted = false;
    previous = c;
    const own = supply[c]!;
    const first = a;
    for (; a < m && from[a] === c; a++) {
      const j = to[a]!;
      const s = score[a]!;
      const u = upper[a]!;
      if (j < 0 || j >= nE || u < 0 || (!integral && !Number.isSafeInteger(s))) return refused(arcRefusal(a, c, j, s, u, nW, nE)!);
      if (s < low) low = s;
      if (s > high) high = s;
      if (u > own || u > capacity[j]!) clamped = true;
    }
    start[c + 1]! += a - first;
  }
  const maxWeight = m === 0 ? 0 : Math.max(Math.abs(placementWeight + low), Math.abs(placementWeight + high));
  const nodes = nW + nE + 1;
  if (maxWeight * (2 * nodes + 1) > Number.MAX_SAFE_INTEGER || maxWeight * Math.min(totalSupply, totalCapacity) > Number.MAX_SAFE_INTEGER) {
    return refused(`objective coefficients up to ${maxWeight} are too large for exact arithmetic at this size; lower placementWeight or the scores`);
  }
  for (let c = 0; c < nW; c++) start[c + 1]! += start[c]!;
  return { refusal: null, supply, capacity, start, sorted, clamped };
};

/**
 * The model in forward-star form (arcs grouped by worker class), with
 * `order[k]` the model arc at position k, or null when the model's own order
 * already is that form (arcs sorted by `from`, as the model promises). Bounds
 * are clamped to the supply and capacity they can never exceed. In the usual
 * case (sorted, no bound above its ends') the problem reads the model's own
 * columns: `to`, `upper`, and `score` as the weights with the placement
 * weight as `bonus`; supplies, capacities and starts come from the pass that
 * checked the model (`arcFacts`). Otherwise the columns are copied (in
 * order, clamped). Assumes `flowRefusal(model)` is null.
 */
export const toTransportProblem = (model: AssignmentModel): { readonly problem: TransportProblem; readonly order: Int32Array | null } => {
  const { supply, capacity, start, sorted, clamped } = factsOf(model);
  const nW = supply.length;
  const arcs = model.arcs;
  const m = arcs.length;
  const { from, to, score, upper } = arcs;
  const bonus = model.placementWeight;
  if (sorted && !clamped) return { problem: { supply, capacity, start, to, upper, weight: score, bonus }, order: null };
  let order: Int32Array | null = null;
  if (!sorted) {
    // A stable counting sort by worker class.
    order = new Int32Array(m);
    const fill = start.slice(0, nW);
    for (let a = 0; a < m; a++) order[fill[from[a]!]!++] = a;
  }
  const head = new Int32Array(m);
  const bound = new Int32Array(m);
  const weight = score instanceof Float64Array ? new Float64Array(m) : new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const a = order === null ? k : order[k]!;
    head[k] = to[a]!;
    bound[k] = Math.min(upper[a]!, supply[from[a]!]!, capacity[to[a]!]!);
    weight[k] = score[a]!;
  }
  return { problem: { supply, capacity, start, to: head, upper: bound, weight, bonus }, order };
};

const fail = (message: string): EngineOutcome => ({ engine: "flow", termination: "error", solution: null, bound: null, message });

const solveFlow = (model: AssignmentModel, options: EngineOptions): EngineOutcome => {
  const refusal = flowRefusal(model);
  if (refusal !== null) return fail(refusal);
  const { problem, order } = toTransportProblem(model);
  const result = maxWeightTransport(problem, options.deadline === undefined ? {} : { deadline: options.deadline });
  // The simplex's own Int32Array, in the model's order already unless the arcs had to be sorted (5.3 million numbers not copied at national scale).
  let flows = result.flows;
  let support = result.support;
  if (order !== null) {
    flows = new Int32Array(model.arcs.length);
    for (let k = 0; k < flows.length; k++) flows[order[k]!] = result.flows[k]!;
    support = support.map((k) => order[k]!);
  }
  const { violation, objective } = checkSupport(model, flows, support);
  if (violation !== null) return fail(`the network simplex returned an infeasible flow (a bug): ${violation}`);
  const solution = { flows, objective };
  if (result.status === "optimal") {
    return { engine: "flow", termination: "optimal", solution, bound: solution.objective, message: null };
  }
  return {
    engine: "flow",
    termination: "time-limit",
    solution,
    bound: null,
    message: `stopped at the time limit after ${result.pivots} pivots; the flows are feasible, not proved optimal`,
  };
};

/**
 * Exact engine for pure network models: placements first, then score, as
 * the model's objective says. Fast (a pilot model of 50,000 arcs in tens of
 * milliseconds, 3 million arcs in about a second), deterministic, and honest
 * about time limits: the simplex is primal, so a stop at the limit still
 * returns feasible flows. The limit is checked between pivots; reading the
 * model into arrays before the first pivot is not interruptible.
 *
 * @example
 * const outcome = flowEngine.solve(model, { deadline: deadlineIn(5_000) });
 * if (outcome.termination === "optimal") console.log(outcome.solution?.objective);
 */
export const flowEngine: Engine = {
  name: "flow",
  accepts: (model) => {
    const refusal = isPureNetwork(model) ? flowRefusal(model) : policyFlowRefusal(model);
    return refusal === null ? { ok: true } : { ok: false, why: refusal };
  },
  solve: (model, options) => {
    try {
      if ((model.groups ?? []).length > 0) return solveWithGroups(model, options, (node, o) => (isPureNetwork(node) ? solveFlow(node, o) : solvePolicyFlow(node, o)));
      return isPureNetwork(model) ? solveFlow(model, options) : solvePolicyFlow(model, options);
    } catch (e) {
      return fail(`the flow engine failed: ${String(e)}`);
    }
  },
};
