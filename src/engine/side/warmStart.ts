/**
 * The root's starting basis for the side engine: the network part solved by
 * the exact circulation engine, its optimal tree, and one key column per
 * side row.
 *
 * With each side row on its slack, the side prices start at 0: the tree is
 * dual feasible, and the dual simplex only has to bring the side rows into
 * their bounds. That is a few pivots when the network's own optimum nearly
 * meets them, and many (a thousand at the pilot's size) when a soft row is
 * far from it, as in the diagnosis of an infeasible plan, where every hard
 * minimum becomes soft at a penalty no placement can pay: the optimum then
 * prices the row at its penalty. So the rows the network's optimum breaks
 * start on the soft column that pays for the breach (`under` below the
 * minimum, `over` above the maximum), which puts the row's price at that
 * penalty, and the network is solved again with every gain less those
 * prices (a Lagrangian start): the tree is optimal for the network priced
 * that way, so the basis is again dual feasible, and close to the end.
 * Rows with no such column (hard ones) start on their slack.
 */
import { maxGainCirculation, type CirculationResult } from "../circulation.js";
import type { Basis } from "./basis.js";
import type { SideProblem } from "./problem.js";
import { artificialBasis } from "./search.js";

const solveNetwork = (p: SideProblem, gain: Float64Array, deadline: number): CirculationResult => {
  const m = p.m;
  return maxGainCirculation(
    { nodeCount: p.n, tail: p.tail.subarray(0, m), head: p.head.subarray(0, m), lower: p.lower.subarray(0, m), upper: p.upper.subarray(0, m), gain },
    { basis: true, ...(deadline === Infinity ? {} : { deadline }) },
  );
};

/** For each side row, the key column to start from: its slack, or the soft column that pays for the breach the flow shows. */
const startingKeys = (p: SideProblem, flow: Float64Array): Int32Array => {
  const { k, m, artificial, sideStart, sideRow, sideCoef, rhs, lower, upper, gain, slack } = p;
  const activity = new Float64Array(k);
  for (let j = 0; j < m; j++) {
    const x = flow[j]!;
    if (x === 0) continue;
    for (let e = sideStart[j]!; e < sideStart[j + 1]!; e++) activity[sideRow[e]!]! += sideCoef[e]! * x;
  }
  const keys = slack.slice();
  for (let j = m; j < artificial; j++) {
    const r = sideRow[sideStart[j]!]!;
    const s = slack[r]!;
    if (j === s || gain[j]! >= 0) continue;
    // With the other soft columns at 0, the slack would have to be rhs - activity.
    const needed = rhs[r]! - activity[r]!;
    const coefficient = sideCoef[sideStart[j]!]!;
    const breach = needed > upper[s]! ? 1 : needed < lower[s]! ? -1 : 0;
    if (breach !== 0 && Math.sign(coefficient) === breach) keys[r] = j;
  }
  return keys;
};

export const warmStart = (p: SideProblem, deadline: number): Basis | "infeasible" | "stopped" => {
  let solved = solveNetwork(p, p.gain.subarray(0, p.m), deadline);
  if (solved.status === "infeasible") return "infeasible";
  if (solved.status !== "optimal" || solved.basis === undefined) return solved.status === "time-limit" ? "stopped" : artificialBasis(p);
  const keys = startingKeys(p, solved.flow);
  // The side prices those keys set: W = diag(coefficient), gamma = gain, so mu_r = gain / coefficient.
  const mu = new Float64Array(p.k);
  let priced = false;
  for (let r = 0; r < p.k; r++) {
    const j = keys[r]!;
    if (j === p.slack[r]) continue;
    mu[r] = p.gain[j]! / p.sideCoef[p.sideStart[j]!]!;
    priced = true;
  }
  if (priced) {
    const gain = p.gain.slice(0, p.m);
    for (let j = 0; j < p.m; j++) for (let e = p.sideStart[j]!; e < p.sideStart[j + 1]!; e++) gain[j]! -= mu[p.sideRow[e]!]! * p.sideCoef[e]!;
    const again = solveNetwork(p, gain, deadline);
    if (again.status === "optimal" && again.basis !== undefined) solved = again;
    else if (again.status === "time-limit") return "stopped";
    else keys.set(p.slack);
  }
  const basis = solved.basis;
  if (basis === undefined) return artificialBasis(p);
  const state = new Int8Array(p.columns).fill(1);
  const tree = new Int32Array(p.n);
  for (let v = 0; v < p.n; v++) {
    const a = basis.treeArc[v] as number;
    tree[v] = a >= 0 ? a : p.artificial + v;
    state[tree[v] as number] = 0;
  }
  for (let a = 0; a < p.m; a++) if (basis.atUpper[a] === 1) state[a] = -1;
  for (const j of keys) state[j] = 0;
  return { tree, keys, state };
};
