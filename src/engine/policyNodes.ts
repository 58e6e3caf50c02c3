/**
 * The group search's nodes on the policy network, without building it again.
 *
 * A node of ./groupSearch.ts is the model with its groups dropped and some
 * arcs closed (upper 0) or favoured (a bonus on the score). Its circulation
 * (./policyNetwork.ts) is the model's own, arc for arc: groups are ignored
 * there, and which policy node a model arc passes through depends on the
 * arcs' ends only, never on their bounds or scores. Only the network arcs
 * carrying the patched model arcs differ, in their upper bound and gain. So
 * the model's network is built once (and is usually cached already: the flow
 * engine's `accepts` built it) and each node copies its two arrays and
 * patches them; the circulation solver sees exactly the problem that
 * `toPolicyNetwork(node)` would have built, and so returns exactly its flow.
 * Building the network took about as long as solving it (0.9 s each at
 * 10,000 workers and 600,000 arcs).
 *
 * The answer is read back and checked against the node model, as
 * ./policyFlow.ts does, before it is believed.
 */
import { checkFlows } from "../model/check.js";
import { objectiveOf } from "../model/objective.js";
import type { AssignmentModel, ModelArc } from "../model/types.js";
import { maxGainCirculation } from "./circulation.js";
import { toPolicyNetwork, type PolicyNetwork } from "./policyNetwork.js";
import type { EngineOptions, EngineOutcome } from "./types.js";

const fail = (message: string): EngineOutcome => ({ engine: "flow", termination: "error", solution: null, bound: null, message });

/** The policy network of `model` (its groups ignored), or null when it has none (a refusal, or a pure network). */
export const policyNetworkOf = (model: AssignmentModel): PolicyNetwork | null => {
  if (model.sideConstraints.length > 0 || (model.policies ?? []).length === 0) return null;
  const network = toPolicyNetwork(model);
  return typeof network === "string" ? null : network;
};

/**
 * Solves `node`, a copy of the model `network` was built for with the arcs
 * `patched` changed in their upper bound or score only (and groups dropped),
 * as ./policyFlow.ts would solve it.
 */
export const solvePolicyNode = (network: PolicyNetwork, node: AssignmentModel, patched: Iterable<number>, options: EngineOptions): EngineOutcome => {
  const base = network.problem;
  const upper = base.upper.slice();
  const gain = base.gain.slice();
  for (const a of patched) {
    const arc = node.arcs[a] as ModelArc;
    const k = network.modelArc[a] as number;
    upper[k] = arc.upper;
    gain[k] = node.placementWeight + arc.score;
  }
  const problem = { ...base, upper, gain };
  const started = performance.now();
  const result = maxGainCirculation(problem, options.timeLimitMs === undefined ? {} : { deadline: started + options.timeLimitMs });
  if (result.status === "refused") return fail(`the circulation solver refused the model: ${result.message}`);
  if (result.status === "infeasible") return { engine: "flow", termination: "infeasible", solution: null, bound: null, message: null };
  if (result.flow === null) {
    return { engine: "flow", termination: "time-limit", solution: null, bound: null, message: `no feasible flow found within ${options.timeLimitMs} ms` };
  }
  const flow = result.flow;
  const flows = Array.from(network.modelArc, (k) => flow[k] ?? 0);
  const violation = checkFlows(node, flows);
  if (violation !== null) return fail(`the circulation solver returned flows that break the model (a bug): ${violation}`);
  const solution = { flows, objective: objectiveOf(node, flows) };
  return result.status === "optimal"
    ? { engine: "flow", termination: "optimal", solution, bound: solution.objective, message: null }
    : {
        engine: "flow",
        termination: "time-limit",
        solution,
        bound: null,
        message: `stopped at the time limit of ${options.timeLimitMs} ms; the flows are feasible, not proved optimal`,
      };
};
