/**
 * The side engine: exact for networks with side constraints. It takes every
 * model jobmatch builds: policies that nest stay network structure, those
 * that cross (a sector quota and prefecture bands, fairness by training
 * centre and by home province, raw side rows) become side rows of a network
 * simplex with a small working basis (./basis.ts), and groups and
 * integrality are branched on (./search.ts), every pruning bound proved in
 * exact arithmetic (./exact.ts) and every plan checked against the model.
 *
 * What it refuses (termination "error", with the reason): numbers that could
 * leave exact arithmetic, and raw side rows whose coefficients are not whole
 * after scaling by up to 10^6 (./problem.ts). javascript-lp-solver takes
 * those.
 */
import type { AssignmentModel } from "../../model/types.js";
import type { Engine, EngineOutcome } from "../types.js";
import { maxGainCirculation } from "../circulation.js";
import type { Basis } from "./basis.js";
import { toSideProblem, type SideProblem } from "./problem.js";
import { artificialBasis, branchAndBound } from "./search.js";

const built = new WeakMap<AssignmentModel, SideProblem | string>();

/** The side problem of a model, built once per model (models are immutable). */
export const sideProblemOf = (model: AssignmentModel): SideProblem | string => {
  const known = built.get(model);
  if (known !== undefined) return known;
  let problem: SideProblem | string;
  try {
    problem = toSideProblem(model);
  } catch (e) {
    problem = `the model could not be read as a network with side rows: ${String(e)}`;
  }
  built.set(model, problem);
  return problem;
};

/**
 * The root's starting basis: the network part solved alone by the exact
 * circulation engine (side rows dropped), its optimal tree, and each side
 * row on its slack. Its prices are the network's and the side prices 0, so
 * it is dual feasible; the dual simplex then only has to bring the side
 * rows into their bounds. "infeasible" when the network part alone has no
 * flow (then neither has the model; the circulation engine proves that in
 * integers), "stopped" at the deadline.
 */
const warmStart = (p: SideProblem, deadline: number): Basis | "infeasible" | "stopped" => {
  const m = p.m;
  const solved = maxGainCirculation(
    { nodeCount: p.n, tail: p.tail.subarray(0, m), head: p.head.subarray(0, m), lower: p.lower.subarray(0, m), upper: p.upper.subarray(0, m), gain: p.gain.subarray(0, m) },
    { basis: true, ...(deadline === Infinity ? {} : { deadline }) },
  );
  if (solved.status === "infeasible") return "infeasible";
  if (solved.status !== "optimal" || solved.basis === undefined) return solved.status === "time-limit" ? "stopped" : artificialBasis(p);
  const state = new Int8Array(p.columns).fill(1);
  const tree = new Int32Array(p.n);
  for (let v = 0; v < p.n; v++) {
    const a = solved.basis.treeArc[v] as number;
    tree[v] = a >= 0 ? a : p.artificial + v;
    state[tree[v] as number] = 0;
  }
  for (let a = 0; a < m; a++) if (solved.basis.atUpper[a] === 1) state[a] = -1;
  const keys = p.slack.slice();
  for (const s of keys) state[s] = 0;
  return { tree, keys, state };
};

const fail = (message: string): EngineOutcome => ({ engine: "side", termination: "error", solution: null, bound: null, message });

export const sideEngine: Engine = {
  name: "side",
  accepts: (model) => {
    const problem = sideProblemOf(model);
    return typeof problem === "string" ? { ok: false, why: problem } : { ok: true };
  },
  solve: (model, options) => {
    const problem = sideProblemOf(model);
    if (typeof problem === "string") return fail(`the side engine cannot take this model: ${problem}`);
    const deadline = options.deadline ?? Infinity;
    let found;
    try {
      const start = warmStart(problem, deadline);
      if (start === "infeasible") return { engine: "side", termination: "infeasible", solution: null, bound: null, message: null };
      if (start === "stopped") return { engine: "side", termination: "time-limit", solution: null, bound: null, message: "stopped at the time limit before a first relaxation was solved" };
      found = branchAndBound(model, problem, start, deadline);
    } catch (e) {
      return fail(`the side engine failed: ${String(e)}`);
    }
    const solution = found.plan === null ? null : { flows: found.plan.flows, objective: found.plan.objective };
    switch (found.status) {
      case "optimal":
        return { engine: "side", termination: "optimal", solution, bound: solution?.objective ?? null, message: null };
      case "infeasible":
        return { engine: "side", termination: "infeasible", solution: null, bound: null, message: null };
      case "time-limit":
        return {
          engine: "side",
          termination: "time-limit",
          solution,
          bound: found.bound,
          message: `stopped at the time limit after ${found.nodes} nodes; ${solution === null ? "no plan found yet" : `the best plan is within ${found.bound === null ? "an unknown margin" : found.bound - solution.objective} of the optimum`}`,
        };
      case "trouble":
        return fail(`the side engine could not prove its answer: ${found.message ?? "numerical trouble"}`);
    }
  },
};
