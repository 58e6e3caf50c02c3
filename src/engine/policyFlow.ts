/**
 * The flow engine's path for policy models: the model as a circulation
 * (./policyNetwork.ts), solved exactly by ./circulation.ts, the flows read
 * back and checked against the model before they are believed.
 */
import { checkFlows } from "../model/check.js";
import { objectiveOf } from "../model/objective.js";
import type { AssignmentModel } from "../model/types.js";
import { maxGainCirculation } from "./circulation.js";
import { toPolicyNetwork, type PolicyNetwork } from "./policyNetwork.js";
import type { EngineOptions, EngineOutcome } from "./types.js";

const fail = (message: string): EngineOutcome => ({ engine: "flow", termination: "error", solution: null, bound: null, message });

/** Why the policy path cannot take the model, or null. */
export const policyFlowRefusal = (model: AssignmentModel): string | null => {
  const network = toPolicyNetwork(model);
  return typeof network === "string" ? network : null;
};

export const solvePolicyFlow = (model: AssignmentModel, options: EngineOptions): EngineOutcome => {
  const network = toPolicyNetwork(model);
  if (typeof network === "string") return fail(`the flow engine cannot take this model: ${network}`);
  return solveCirculation(model, network, network.problem, options);
};

/**
 * Solves `problem` (the circulation of `model`, arc for arc as in `network`,
 * perhaps with patched bounds and gains), reads the flows back onto the
 * model's arcs and checks them against `model` before they are believed.
 */
export const solveCirculation = (model: AssignmentModel, network: PolicyNetwork, problem: PolicyNetwork["problem"], options: EngineOptions): EngineOutcome => {
  const result = maxGainCirculation(problem, options.deadline === undefined ? {} : { deadline: options.deadline });
  if (result.status === "refused") return fail(`the circulation solver refused the model: ${result.message}`);
  if (result.status === "infeasible") return { engine: "flow", termination: "infeasible", solution: null, bound: null, message: null };
  if (result.flow === null) {
    return { engine: "flow", termination: "time-limit", solution: null, bound: null, message: "no feasible flow found within the time limit" };
  }
  const flow = result.flow;
  const flows = Array.from(network.modelArc, (a) => flow[a] ?? 0);
  const violation = checkFlows(model, flows);
  if (violation !== null) return fail(`the circulation solver returned flows that break the model (a bug): ${violation}`);
  const solution = { flows, objective: objectiveOf(model, flows) };
  return result.status === "optimal"
    ? { engine: "flow", termination: "optimal", solution, bound: solution.objective, message: null }
    : {
        engine: "flow",
        termination: "time-limit",
        solution,
        bound: null,
        message: "stopped at the time limit; the flows are feasible, not proved optimal",
      };
};
