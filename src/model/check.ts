/**
 * Checks a flow vector against the model: the independent test of any
 * engine's answer, used by adapters before they believe a solver and by
 * benchmarks before they time one.
 */
import { groupSplit, violationAt } from "./objective.js";
import { scopeFlows, type AssignmentModel, type Flows, type PolicyConstraint } from "./types.js";

/** null when the flows satisfy every constraint of the model; otherwise the first violation, in words. */
export const checkFlows = (model: AssignmentModel, flows: Flows): string | null => {
  if (flows.length !== model.arcs.length) return `expected ${model.arcs.length} flows, got ${flows.length}`;
  const out = new Array<number>(model.workerClasses.length).fill(0);
  const into = new Array<number>(model.employerClasses.length).fill(0);
  const { from, to, upper } = model.arcs;
  for (let a = 0; a < flows.length; a++) {
    const f = flows[a] as number;
    const c = from[a] as number;
    const j = to[a] as number;
    if (!(c >= 0 && c < out.length && j >= 0 && j < into.length)) {
      return `arc ${a} joins classes ${c} and ${j}, which do not exist`;
    }
    if (!Number.isInteger(f) || f < 0) return `arc ${a} has flow ${f}, expected a non-negative integer`;
    if (f > (upper[a] as number)) return `arc ${a} has flow ${f} above its bound ${upper[a]}`;
    out[c]! += f;
    into[j]! += f;
  }
  for (let c = 0; c < out.length; c++) {
    const supply = model.workerClasses[c]!.supply;
    if (out[c]! > supply) return `worker class ${c} places ${out[c]} of ${supply} workers`;
  }
  for (let g = 0; g < into.length; g++) {
    const capacity = model.employerClasses[g]!.capacity;
    if (into[g]! > capacity) return `employer class ${g} takes ${into[g]} workers for ${capacity} slots`;
  }
  for (const side of model.sideConstraints) {
    const lhs = side.terms.reduce((s, t) => s + t.coefficient * (flows[t.arc] ?? 0), 0);
    const ok = side.relation === "<=" ? lhs <= side.rhs + 1e-9 : side.relation === ">=" ? lhs >= side.rhs - 1e-9 : Math.abs(lhs - side.rhs) <= 1e-9;
    if (!ok) return `side constraint "${side.label}" has ${lhs} ${side.relation} ${side.rhs} violated`;
  }
  // Every hard policy's flow at once (`scopeFlows`: the sums over `scopeArcs`, in one pass over the flows):
  // a policy model has thousands of pair limits over a million arcs.
  const hard = (model.policies ?? []).filter((p) => p.penalty === null);
  const totals = hard.length === 0 ? [] : scopeFlows(model, hard.map((p) => p.scope), flows);
  for (let k = 0; k < hard.length; k++) {
    const p = hard[k] as PolicyConstraint;
    if (violationAt(p, totals[k] as number) > 0) return `policy "${p.label}" (${p.source}) is broken`;
  }
  for (const g of model.groups ?? []) {
    if (g.penalty === null && groupSplit(model, g, flows)) return `group "${g.label}" (${g.source}) is split`;
  }
  return null;
};
