/**
 * Checks a flow vector against the model: the independent test of any
 * engine's answer, used by adapters before they believe a solver and by
 * benchmarks before they time one. `checkSupport` is the same test read
 * over the arcs an engine says carry flow, for the flow engine's millions.
 */
import { groupSplit, violationAt } from "./objective.js";
import { scopeFlows, type AssignmentModel, type Flows, type PolicyConstraint } from "./types.js";

/** The flow of arc a against its bound: null, or the violation in words. */
const arcViolation = (a: number, f: number, bound: number): string | null =>
  !Number.isInteger(f) || f < 0 ? `arc ${a} has flow ${f}, expected a non-negative integer` : f > bound ? `arc ${a} has flow ${f} above its bound ${bound}` : null;

/** The flow out of each worker class and into each employer class against their supplies and capacities. */
const totalsViolation = (model: AssignmentModel, out: ArrayLike<number>, into: ArrayLike<number>): string | null => {
  for (let c = 0; c < out.length; c++) {
    const supply = model.workerClasses[c]!.supply;
    if (out[c]! > supply) return `worker class ${c} places ${out[c]} of ${supply} workers`;
  }
  for (let g = 0; g < into.length; g++) {
    const capacity = model.employerClasses[g]!.capacity;
    if (into[g]! > capacity) return `employer class ${g} takes ${into[g]} workers for ${capacity} slots`;
  }
  return null;
};

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
    const wrong = arcViolation(a, f, upper[a] as number);
    if (wrong !== null) return wrong;
    out[c]! += f;
    into[j]! += f;
  }
  const classes = totalsViolation(model, out, into);
  if (classes !== null) return classes;
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

/**
 * A pure network model's flows checked as `checkFlows` checks them, and
 * their objective as `objectiveOf` (./objective.ts) sums it, reading only
 * the arcs in `support`, which must list every arc whose flow is not 0, each
 * once (as the network simplex hands them back: the flows are a fresh array
 * written at those arcs only). At 333,000 workers at most 275,192 arcs (one
 * per worker placed) of 5.3 million: two cold passes over every arc (about
 * 0.1 s of CPU there) saved. An arc listed twice, or not an arc of the
 * model, is itself a violation (a bit per arc marks those seen: 0.7 MB at
 * 333,000 workers), so a faulty list cannot count a flow twice into the
 * objective. A violation (in checkFlows' words) or null, and the objective.
 */
export const checkSupport = (model: AssignmentModel, flows: Int32Array, support: Int32Array): { readonly violation: string | null; readonly objective: number } => {
  if (flows.length !== model.arcs.length) return { violation: `expected ${model.arcs.length} flows, got ${flows.length}`, objective: 0 };
  const out = new Float64Array(model.workerClasses.length);
  const into = new Float64Array(model.employerClasses.length);
  const { from, to, upper, score } = model.arcs;
  const seen = new Uint8Array((flows.length >> 3) + 1);
  let objective = 0;
  for (let k = 0; k < support.length; k++) {
    const a = support[k]!;
    if (!(a >= 0 && a < flows.length)) return { violation: `the engine listed arc ${a}, which the model does not have`, objective };
    if ((seen[a >> 3]! & (1 << (a & 7))) !== 0) return { violation: `the engine listed arc ${a} twice among the arcs that carry flow`, objective };
    seen[a >> 3]! |= 1 << (a & 7);
    const f = flows[a]!;
    const wrong = arcViolation(a, f, upper[a]!);
    if (wrong !== null) return { violation: wrong, objective };
    out[from[a]!]! += f;
    into[to[a]!]! += f;
    objective += (model.placementWeight + score[a]!) * f;
  }
  return { violation: totalsViolation(model, out, into), objective };
};
