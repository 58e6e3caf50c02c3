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
import { toSideProblem, type SideProblem } from "./problem.js";
import { branchAndBound } from "./search.js";
import { warmStart } from "./warmStart.js";

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
