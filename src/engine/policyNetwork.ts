/**
 * Policy models as flow networks: a model whose policy constraints nest
 * (laminar families on each side) is a circulation with lower bounds, which
 * ./circulation.ts solves exactly. Raw side rows are not network structure;
 * such models are refused here (with the reason) and go to the general
 * engine. Groups are ignored here: ./groupSearch.ts branches on them over
 * this network.
 *
 * The network, source S to sink T and back:
 *
 *     S -> worker sets (fairness floors, nested) -> worker class
 *       -> [pair nodes (diversity, slot starts; nested), for the arcs a pairs policy counts]
 *       -> employer class -> employer sets (caps, quotas, nested) -> T -> S
 *
 * A policy bound sits on the arc that leaves its set's node: hard [min, max]
 * directly; soft with penalty p as parallel arcs: [0, min] gaining p (the
 * units that meet the minimum), [0, max - min] gaining 0, and [0, inf)
 * gaining -p (the units over the maximum); a minimum above the maximum is
 * broken by every flow: [0, max] gaining p, [0, min - max] gaining 0, then
 * -p. The network's objective then differs from the model's by the constant
 * sum of p * min, so the engine recomputes the model's objective from the
 * flows.
 */
import type { AssignmentModel, PolicyConstraint } from "../model/types.js";
import type { CirculationProblem } from "./circulation.js";

export interface PolicyNetwork {
  readonly problem: CirculationProblem;
  /** For each model arc, the network arc carrying its flow. */
  readonly modelArc: Int32Array;
  /** For each worker class, the one network arc into its node: it carries every placement of the class. */
  readonly classIn: Int32Array;
  /** For each employer class, the one network arc out of its node: it carries every placement with it. */
  readonly classOut: Int32Array;
  /** The node every flow returns through (T -> S closes the circulation): the natural root of a spanning tree. */
  readonly sink: number;
}

/** Arcs written into typed arrays sized up front (pushing 600,000 arcs onto five plain arrays took a second). */
interface Builder {
  nodes: number;
  arcs: number;
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly gain: Float64Array;
}

const builder = (capacity: number): Builder => ({
  nodes: 2,
  arcs: 0,
  tail: new Int32Array(capacity),
  head: new Int32Array(capacity),
  lower: new Float64Array(capacity),
  upper: new Float64Array(capacity),
  gain: new Float64Array(capacity),
});

const arc = (b: Builder, from: number, to: number, lower: number, upper: number, gain: number): number => {
  const a = b.arcs++;
  if (a >= b.tail.length) throw new Error("the policy network has more arcs than its builder counted (a bug)");
  b.tail[a] = from;
  b.head[a] = to;
  b.lower[a] = lower;
  b.upper[a] = upper;
  b.gain[a] = gain;
  return a;
};

/** Arcs from `from` to `to` that carry a policy's bounds (or none: [0, inf)). */
const bounded = (b: Builder, from: number, to: number, policies: readonly PolicyConstraint[], inf: number): void => {
  if (policies.length === 0) {
    arc(b, from, to, 0, inf, 0);
    return;
  }
  // Several policies on the same set: chain them through extra nodes.
  let at = from;
  policies.forEach((p, i) => {
    const next = i === policies.length - 1 ? to : b.nodes++;
    const min = p.min ?? 0;
    const max = p.max ?? inf;
    if (p.penalty === null) arc(b, at, next, min, max, 0);
    else {
      // Each unit up to min (or max, if lower) gains the penalty back, none between, each beyond costs it:
      // the model's -penalty * violation plus penalty * min (a min above the max is violated everywhere).
      if (min > 0 && max > 0) arc(b, at, next, 0, Math.min(min, max), p.penalty);
      if (max !== min) arc(b, at, next, 0, p.max === null ? inf : Math.abs(max - min), 0);
      if (p.max !== null) arc(b, at, next, 0, inf, -p.penalty);
    }
    at = next;
  });
};

/** Sets over 0..n-1 with their policies, as a forest: each set's parent is the smallest set strictly containing it; null if two sets cross. */
const laminarForest = (sets: readonly (readonly number[])[]): number[] | null => {
  const order = sets.map((s, i) => ({ i, members: new Set(s) })).sort((a, b) => b.members.size - a.members.size || a.i - b.i);
  const parent = sets.map(() => -1);
  const placed: { i: number; members: Set<number> }[] = [];
  for (const s of order) {
    let best = -1;
    let bestSize = Infinity;
    for (const t of placed) {
      let inside = 0;
      for (const m of s.members) if (t.members.has(m)) inside++;
      if (inside === s.members.size && t.members.size < bestSize) {
        best = t.i;
        bestSize = t.members.size;
      } else if (inside > 0 && inside < s.members.size) return null;
    }
    parent[s.i] = best;
    placed.push(s);
  }
  return parent;
};

/**
 * Groups policies with identical member sets, so each distinct set is one
 * node; sets in the order their first policy comes. Sets are told apart by
 * a hash of their sorted members, compared member by member where hashes
 * meet (a policy instance has thousands of pair limits over a million arcs:
 * a string key per set cost more than building the network).
 */
const distinctSets = (policies: readonly PolicyConstraint[], membersOf: (p: PolicyConstraint) => readonly number[]) => {
  const out: { members: number[]; policies: PolicyConstraint[] }[] = [];
  const byHash = new Map<number, number[]>();
  for (const p of policies) {
    const given = membersOf(p);
    let increasing = true;
    for (let i = 1; i < given.length && increasing; i++) increasing = (given[i - 1] as number) < (given[i] as number);
    // Pair scopes come increasing already (`scopeArcs`): no copy to sort.
    const sorted: ArrayLike<number> = increasing ? given : Int32Array.from(given).sort();
    let h = sorted.length | 0;
    for (let i = 0; i < sorted.length; i++) h = (Math.imul(h ^ (sorted[i] as number), 0x9e3779b1) + 0x7f4a7c15) | 0;
    const candidates = byHash.get(h);
    const same = candidates?.find((k) => {
      const m = (out[k] as { members: number[] }).members;
      if (m.length !== sorted.length) return false;
      for (let i = 0; i < m.length; i++) if (m[i] !== sorted[i]) return false;
      return true;
    });
    if (same !== undefined) {
      (out[same] as { policies: PolicyConstraint[] }).policies.push(p);
      continue;
    }
    if (candidates === undefined) byHash.set(h, [out.length]);
    else candidates.push(out.length);
    out.push({ members: increasing ? [...given] : Array.from(sorted), policies: [p] });
  }
  return out;
};

/**
 * The arcs of each pair policy (`scopeArcs`: increasing, each once), for
 * all of them together: each employer class's arcs are read once, and each
 * arc goes to the policies there that count its worker class (at 50,000
 * workers, 11,783 diversity limits at 1,537 employer classes; reading an
 * employer's arcs once per limit read each nine times).
 */
const pairScopeArcs = (model: AssignmentModel, pairs: readonly PolicyConstraint[]): Map<PolicyConstraint, number[]> => {
  const out = new Map<PolicyConstraint, number[]>();
  if (pairs.length === 0) return out;
  const nE = model.employerClasses.length;
  // The arcs into each employer class, increasing (arcs are sorted by worker class, then employer class).
  const { from, to } = model.arcs;
  const start = new Int32Array(nE + 1);
  for (let a = 0; a < model.arcs.length; a++) {
    const j = to[a] as number;
    if (j >= 0 && j < nE) start[j + 1] = (start[j + 1] as number) + 1;
  }
  for (let j = 0; j < nE; j++) start[j + 1] = (start[j + 1] as number) + (start[j] as number);
  const fill = start.slice(0, nE);
  const into = new Int32Array(start[nE] as number);
  for (let a = 0; a < model.arcs.length; a++) {
    const j = to[a] as number;
    if (j < 0 || j >= nE) continue;
    const k = fill[j] as number;
    into[k] = a;
    fill[j] = k + 1;
  }
  const atEmployer = new Map<number, PolicyConstraint[]>();
  for (const p of pairs) {
    if (p.scope.kind !== "pairs" || out.has(p)) continue;
    out.set(p, []);
    const list = atEmployer.get(p.scope.employer);
    if (list === undefined) atEmployer.set(p.scope.employer, [p]);
    else list.push(p);
  }
  // Per worker class, the policies at the current employer that count it (in policy order, each once).
  const holders: (number[] | undefined)[] = new Array(model.workerClasses.length);
  for (const [j, list] of atEmployer) {
    list.forEach((p, k) => {
      if (p.scope.kind !== "pairs") return;
      for (const c of p.scope.workers) {
        if (c < 0 || c >= holders.length) continue;
        const h = holders[c];
        if (h === undefined) holders[c] = [k];
        else if (h[h.length - 1] !== k) h.push(k);
      }
    });
    const arcs = list.map((p) => out.get(p) as number[]);
    if (j >= 0 && j < nE) {
      for (let i = start[j] as number; i < (start[j + 1] as number); i++) {
        const a = into[i] as number;
        for (const k of holders[from[a] as number] ?? []) (arcs[k] as number[]).push(a);
      }
    }
    for (const p of list) if (p.scope.kind === "pairs") for (const c of p.scope.workers) if (c >= 0 && c < holders.length) holders[c] = undefined;
  }
  return out;
};

/** Networks already built, per model (models are immutable): accepts and solve build it once. */
const built = new WeakMap<AssignmentModel, PolicyNetwork | string>();

/** The circulation for a policy model, or why it is not one. */
export const toPolicyNetwork = (model: AssignmentModel): PolicyNetwork | string => {
  const known = built.get(model);
  if (known !== undefined) return known;
  const network = buildNetwork(model);
  built.set(model, network);
  return network;
};

const buildNetwork = (model: AssignmentModel): PolicyNetwork | string =>
  model.sideConstraints.length > 0 ? "the model has raw side constraints" : networkWith(model, model.policies ?? []);

/**
 * The circulation of `model` with `policies` only (its raw side rows and
 * groups ignored), or why those policies do not nest. ./side/ builds its
 * network part this way, with the policies that nest, and carries the rest
 * as side rows.
 */
export const networkWith = (model: AssignmentModel, policies: readonly PolicyConstraint[]): PolicyNetwork | string => {
  const inf = model.workerClasses.reduce((s, c) => s + c.supply, 0);
  // Each policy adds at most three arcs (a soft one) and one node per set; classes one arc each; T -> S one.
  const b = builder(model.arcs.length + model.workerClasses.length + model.employerClasses.length + 3 * policies.length + 1);
  const S = 0;
  const T = 1;
  const workerNode = model.workerClasses.map(() => b.nodes++);
  const employerNode = model.employerClasses.map(() => b.nodes++);

  // Worker side: S -> sets -> classes.
  const workerSets = distinctSets(policies.filter((p) => p.scope.kind === "workers"), (p) => (p.scope.kind === "workers" ? p.scope.classes : []));
  const wParent = laminarForest(workerSets.map((s) => s.members));
  if (wParent === null) return "two worker-side policies (fairness floors) overlap without nesting";
  const wNode = workerSets.map(() => b.nodes++);
  workerSets.forEach((s, k) => bounded(b, (wParent[k] ?? -1) < 0 ? S : (wNode[wParent[k] as number] as number), wNode[k] as number, s.policies, inf));
  const innermostW = model.workerClasses.map(() => -1);
  workerSets.forEach((s, k) => {
    for (const c of s.members) {
      const current = innermostW[c] as number;
      if (current < 0 || (workerSets[current]?.members.length ?? 0) > s.members.length) innermostW[c] = k;
    }
  });
  const classIn = model.workerClasses.map((c, i) => {
    const k = innermostW[i] as number;
    return arc(b, k < 0 ? S : (wNode[k] as number), workerNode[i] as number, 0, c.supply, 0);
  });

  // Employer side: classes -> sets -> T.
  const employerSets = distinctSets(policies.filter((p) => p.scope.kind === "employers"), (p) => (p.scope.kind === "employers" ? p.scope.classes : []));
  const eParent = laminarForest(employerSets.map((s) => s.members));
  if (eParent === null) return "two employer-side policies (quotas, caps) overlap without nesting, e.g. a sector quota and a prefecture quota";
  const eNode = employerSets.map(() => b.nodes++);
  employerSets.forEach((s, k) => bounded(b, eNode[k] as number, (eParent[k] ?? -1) < 0 ? T : (eNode[eParent[k] as number] as number), s.policies, inf));
  const innermostE = model.employerClasses.map(() => -1);
  employerSets.forEach((s, k) => {
    for (const j of s.members) {
      const current = innermostE[j] as number;
      if (current < 0 || (employerSets[current]?.members.length ?? 0) > s.members.length) innermostE[j] = k;
    }
  });
  const classOut = model.employerClasses.map((g, j) => {
    const k = innermostE[j] as number;
    return arc(b, employerNode[j] as number, k < 0 ? T : (eNode[k] as number), 0, g.capacity, 0);
  });

  // Pairs (diversity, slot starts): the arcs a pairs policy counts go through its node; at one
  // employer class the sets nest (a set's node feeds the smallest set holding it), each arc
  // entering through its innermost set.
  // Per model arc, the pair node it enters through (-1: none) and that set's size.
  const pairNodeOfArc = new Int32Array(model.arcs.length).fill(-1);
  const pairSizeOfArc = new Float64Array(model.arcs.length).fill(Infinity);
  const pairPolicies = policies.filter((p) => p.scope.kind === "pairs");
  const pairArcs = pairScopeArcs(model, pairPolicies);
  const pairSets = distinctSets(pairPolicies, (p) => pairArcs.get(p) ?? []);
  const pairsAt = new Map<number, typeof pairSets>();
  for (const s of pairSets) {
    const first = s.policies[0];
    if (first === undefined || first.scope.kind !== "pairs") continue;
    const list = pairsAt.get(first.scope.employer) ?? [];
    list.push(s);
    pairsAt.set(first.scope.employer, list);
  }
  for (const [employer, sets] of [...pairsAt.entries()].sort(([a], [b]) => a - b)) {
    const parent = laminarForest(sets.map((s) => s.members));
    if (parent === null) return "two pair limits at one employer (diversity, slot starts) count overlapping placements without nesting";
    const node = sets.map(() => b.nodes++);
    sets.forEach((s, k) => {
      const up = parent[k] ?? -1;
      bounded(b, node[k] as number, up < 0 ? (employerNode[employer] as number) : (node[up] as number), s.policies, inf);
      for (const a of s.members) {
        if (s.members.length < (pairSizeOfArc[a] as number)) {
          pairNodeOfArc[a] = node[k] as number;
          pairSizeOfArc[a] = s.members.length;
        }
      }
    });
  }

  const modelArc = new Int32Array(model.arcs.length);
  const { from, to, score, upper } = model.arcs;
  for (let i = 0; i < model.arcs.length; i++) {
    const via = pairNodeOfArc[i] as number;
    modelArc[i] = arc(b, workerNode[from[i] as number] as number, via >= 0 ? via : (employerNode[to[i] as number] as number), 0, upper[i] as number, model.placementWeight + (score[i] as number));
  }
  arc(b, T, S, 0, inf, 0);

  return {
    problem: {
      nodeCount: b.nodes,
      tail: b.tail.slice(0, b.arcs),
      head: b.head.slice(0, b.arcs),
      lower: b.lower.slice(0, b.arcs),
      upper: b.upper.slice(0, b.arcs),
      gain: b.gain.slice(0, b.arcs),
    },
    modelArc,
    classIn: Int32Array.from(classIn),
    classOut: Int32Array.from(classOut),
    sink: T,
  };
};
