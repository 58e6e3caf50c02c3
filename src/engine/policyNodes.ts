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
 * The answer is read back and checked against the node model by
 * ./policyFlow.ts's solveCirculation, as for the model itself.
 */
import type { AssignmentModel } from "../model/types.js";
import { solveCirculation } from "./policyFlow.js";
import { toPolicyNetwork, type PolicyNetwork } from "./policyNetwork.js";
import type { EngineOptions, EngineOutcome } from "./types.js";

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
    const k = network.modelArc[a] as number;
    upper[k] = node.arcs.upper[a] as number;
    gain[k] = node.placementWeight + (node.arcs.score[a] as number);
  }
  return solveCirculation(node, network, { ...base, upper, gain }, options);
};
