/**
 * The flow engine's model check and translation (src/engine/flow.ts) as they
 * were at 63cc99d (comments stripped): a pass that checks the arcs, then
 * another that counts them per worker class and notes whether they are
 * sorted and within their ends' bounds. The oracle of
 * test/engine/flowAdapter.test.ts, which holds the one-pass version to the
 * very same refusals (word for word) and problems. Frozen: never change it
 * to make that test pass.
 */
import type { AssignmentModel } from "../../../src/model/types.js";
import { isPureNetwork } from "../../../src/model/types.js";
import type { TransportProblem } from "../../../src/engine/minCostFlow.js";

const MAX_TOTAL = 2 ** 30 - 1;

const isCount = (x: number): boolean => Number.isSafeInteger(x) && x >= 0;

export const refusalOf = (model: AssignmentModel): string | null => {
  if (!isPureNetwork(model)) {
    return `the model has ${model.sideConstraints.length} side constraint(s); the flow engine solves pure networks only (use the lp-solver engine)`;
  }
  const nW = model.workerClasses.length;
  const nE = model.employerClasses.length;
  let totalSupply = 0;
  for (let c = 0; c < nW; c++) {
    const supply = model.workerClasses[c]!.supply;
    if (!isCount(supply)) return `worker class ${c} has supply ${supply}, expected a non-negative integer`;
    totalSupply += supply;
  }
  let totalCapacity = 0;
  for (let g = 0; g < nE; g++) {
    const capacity = model.employerClasses[g]!.capacity;
    if (!isCount(capacity)) return `employer class ${g} has capacity ${capacity}, expected a non-negative integer`;
    totalCapacity += capacity;
  }
  if (totalSupply > MAX_TOTAL || totalCapacity > MAX_TOTAL) {
    return `total supply ${totalSupply} or capacity ${totalCapacity} exceeds ${MAX_TOTAL}`;
  }
  if (!Number.isSafeInteger(model.placementWeight)) return `placementWeight ${model.placementWeight} is not an integer`;
  let maxWeight = 0;
  const { from, to, score, upper } = model.arcs;
  for (let a = 0; a < model.arcs.length; a++) {
    const c = from[a] as number;
    const j = to[a] as number;
    const s = score[a] as number;
    const u = upper[a] as number;
    if (c < 0 || c >= nW) return `arc ${a} starts at worker class ${c}, which does not exist`;
    if (j < 0 || j >= nE) return `arc ${a} ends at employer class ${j}, which does not exist`;
    if (!Number.isSafeInteger(s)) return `arc ${a} has score ${s}, expected an integer`;
    if (u < 0) return `arc ${a} has bound ${u}, expected a non-negative integer`;
    maxWeight = Math.max(maxWeight, Math.abs(model.placementWeight + s));
  }
  const nodes = nW + nE + 1;
  if (maxWeight * (2 * nodes + 1) > Number.MAX_SAFE_INTEGER || maxWeight * Math.min(totalSupply, totalCapacity) > Number.MAX_SAFE_INTEGER) {
    return `objective coefficients up to ${maxWeight} are too large for exact arithmetic at this size; lower placementWeight or the scores`;
  }
  return null;
};

export const toTransportProblem = (model: AssignmentModel): { readonly problem: TransportProblem; readonly order: Int32Array | null } => {
  const nW = model.workerClasses.length;
  const arcs = model.arcs;
  const m = arcs.length;
  const { from, to, score, upper } = arcs;
  const supply = new Int32Array(nW);
  for (let c = 0; c < nW; c++) supply[c] = model.workerClasses[c]!.supply;
  const capacity = new Int32Array(model.employerClasses.length);
  for (let g = 0; g < capacity.length; g++) capacity[g] = model.employerClasses[g]!.capacity;
  const start = new Int32Array(nW + 1);
  let sorted = true;
  let clamped = false;
  let previous = 0;
  for (let a = 0; a < m; a++) {
    const c = from[a]!;
    start[c + 1]!++;
    if (c < previous) sorted = false;
    previous = c;
    const u = upper[a]!;
    if (u > supply[c]! || u > capacity[to[a]!]!) clamped = true;
  }
  for (let c = 0; c < nW; c++) start[c + 1]! += start[c]!;
  const bonus = model.placementWeight;
  if (sorted && !clamped) return { problem: { supply, capacity, start, to, upper, weight: score, bonus }, order: null };
  let order: Int32Array | null = null;
  if (!sorted) {
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
