/**
 * Groups on the flow engine: branch and bound over the groups, with the
 * network (groups dropped) as the relaxation at every node.
 *
 * A group (placed together in one region, or not at all) is not network
 * structure, but few groups are split in the network's own answer. So:
 * - relaxation: solve the model without its groups (a network); its
 *   objective before group penalties bounds every plan below the node;
 * - a node's answer that keeps every hard group together is a plan: its
 *   true objective (soft groups' penalties included) may become the best;
 * - otherwise branch on the first split group: "all in region r" for each
 *   region where each of its worker classes has an eligible arc (largest
 *   relaxed flow first), "none placed", and for a soft group "may split";
 * - "all in r" closes the group's arcs outside r and gives its arcs into r a
 *   bonus larger than every other gain together, so the node's optimum
 *   places as many members as possible; if that is not all of them, no plan
 *   has the group in r and the node is dropped;
 * - the plans that keep a group together are its "in r" and "out"
 *   children's, so below "may split" only plans that split it need be
 *   searched: its penalty comes off the bound there; and that child's
 *   relaxation is its parent's (nothing closed or favoured), so it is not
 *   solved again;
 * - every plan below a node is one of its parent's, so a child is dropped
 *   unsolved when its parent's bound does not beat the best plan; and an
 *   "in r" child is not made when r has fewer slots (or eligible places)
 *   than the group has members;
 * - a node whose bound does not beat the best plan is dropped. Depth first,
 *   children in the order above, so the search is deterministic.
 * The group's arcs are indexed once (per group, its worker classes' arcs),
 * so nothing per node scans every arc but the network solve itself; a
 * policy model's nodes patch the model's own network (./policyNodes.ts)
 * rather than build one each.
 * Optimal when the search ends; at the deadline, the best plan so far with
 * termination "time-limit".
 */
import { objectiveOf } from "../model/objective.js";
import type { AssignmentModel, Flows, GroupConstraint } from "../model/types.js";
import { policyNetworkOf, solvePolicyNode } from "./policyNodes.js";
import type { EngineOptions, EngineOutcome } from "./types.js";

type Fix = { readonly kind: "in"; readonly region: number } | { readonly kind: "out" } | { readonly kind: "split" };

/**
 * A group's `regions` as the search reads them: the region of each employer
 * class (as `groupSplit` sees it: a later region wins), or -1; and whether
 * the regions are disjoint, as the model promises (a partition), so that
 * "j is in region r" is `of[j] === r`. Otherwise membership is read from
 * each region's own list, built when first asked.
 */
interface Regions {
  readonly of: Int32Array;
  readonly partition: boolean;
  readonly lists: readonly (readonly number[])[];
  readonly member: Map<number, Uint8Array>;
}

/**
 * What the search reads of the groups, indexed once per solve: each group's
 * arcs (the arcs out of its worker classes, in increasing order, each once)
 * and its regions (one entry per distinct `regions` array: the groups of a
 * model share one). Every question below then costs the group's own arcs,
 * not the model's: at 10,000 workers the model has 600,000 arcs and 250
 * groups, and scanning all arcs once per group (and per region) took over
 * 30 s before the first network solve.
 */
interface GroupIndex {
  /** For each group, its arcs, increasing. */
  readonly arcs: readonly Int32Array[];
  readonly regions: readonly Regions[];
}

const indexGroups = (model: AssignmentModel, groups: readonly GroupConstraint[]): GroupIndex => {
  const nW = model.workerClasses.length;
  const nE = model.employerClasses.length;
  // Arcs by worker class, only for classes some group holds.
  const wanted = new Uint8Array(nW);
  for (const g of groups) for (const c of g.workerClasses) if (c >= 0 && c < nW) wanted[c] = 1;
  const count = new Int32Array(nW + 1);
  const { from } = model.arcs;
  for (let a = 0; a < model.arcs.length; a++) {
    const c = from[a]!;
    if (wanted[c] === 1) count[c + 1]!++;
  }
  for (let c = 0; c < nW; c++) count[c + 1]! += count[c]!;
  const byClass = new Int32Array(count[nW]!);
  const fill = count.slice(0, nW);
  for (let a = 0; a < model.arcs.length; a++) {
    const c = from[a]!;
    if (wanted[c] === 1) byClass[fill[c]!++] = a;
  }
  const regionCache = new Map<readonly (readonly number[])[], Regions>();
  const regionsOf = (lists: readonly (readonly number[])[]): Regions => {
    const known = regionCache.get(lists);
    if (known !== undefined) return known;
    // Indices outside the employer classes are never an arc's end: they need no entry.
    const of = new Int32Array(nE).fill(-1);
    let partition = true;
    lists.forEach((region, r) =>
      region.forEach((j) => {
        if (j < 0 || j >= nE) return;
        if (of[j] !== -1 && of[j] !== r) partition = false;
        of[j] = r;
      }),
    );
    const regions = { of, partition, lists, member: new Map<number, Uint8Array>() };
    regionCache.set(lists, regions);
    return regions;
  };
  const arcs = groups.map((g) => {
    const classes = [...new Set(g.workerClasses)].filter((c) => c >= 0 && c < nW).sort((a, b) => a - b);
    let n = 0;
    for (const c of classes) n += count[c + 1]! - count[c]!;
    const list = new Int32Array(n);
    let k = 0;
    for (const c of classes) for (let i = count[c]!; i < count[c + 1]!; i++) list[k++] = byClass[i]!;
    return list.sort();
  });
  return { arcs, regions: groups.map((g) => regionsOf(g.regions)) };
};

/** Membership of the employer classes in region r, for regions that are not a partition. */
const memberOf = (regions: Regions, r: number): Uint8Array => {
  const known = regions.member.get(r);
  if (known !== undefined) return known;
  const member = new Uint8Array(regions.of.length);
  for (const j of regions.lists[r] ?? []) if (j >= 0 && j < member.length) member[j] = 1;
  regions.member.set(r, member);
  return member;
};

/** Whether each of the group's arcs ends in region r (as the region lists it): 1 or 0, by position in the group's arcs. */
const arcsInRegion = (model: AssignmentModel, index: GroupIndex, g: number, r: number): Uint8Array => {
  const regions = index.regions[g] as Regions;
  const arcs = index.arcs[g] as Int32Array;
  const inside = new Uint8Array(arcs.length);
  if (regions.partition) {
    for (let i = 0; i < arcs.length; i++) inside[i] = regions.of[model.arcs.to[arcs[i]!]!] === r ? 1 : 0;
  } else {
    const member = memberOf(regions, r);
    for (let i = 0; i < arcs.length; i++) inside[i] = member[model.arcs.to[arcs[i]!]!] === 1 ? 1 : 0;
  }
  return inside;
};

/** The model at a node: groups dropped, fixed groups' arcs closed or favoured; and the arcs changed. */
const nodeModel = (
  model: AssignmentModel,
  groups: readonly GroupConstraint[],
  index: GroupIndex,
  fixes: ReadonlyMap<number, Fix>,
  bonus: number,
): { readonly node: AssignmentModel; readonly patched: readonly number[] } => {
  // 1 favoured, 2 closed: closing wins where two fixes touch one arc.
  const mark = new Map<number, number>();
  for (const [g, fix] of fixes) {
    if (fix.kind === "split") continue;
    const arcs = index.arcs[g] as Int32Array;
    const inside = fix.kind === "in" ? arcsInRegion(model, index, g, fix.region) : null;
    for (let i = 0; i < arcs.length; i++) {
      const a = arcs[i]!;
      if (inside === null || inside[i] !== 1) mark.set(a, 2);
      else if (mark.get(a) !== 2) mark.set(a, 1);
    }
  }
  // New bound and score columns (the node's own); the ends are shared, never written. The bonus is beyond 32 bits: scores in doubles.
  const upper = model.arcs.upper.slice();
  const score = [...mark.values()].includes(1) ? new Float64Array(model.arcs.score) : model.arcs.score;
  for (const [a, m] of mark) {
    if (m === 2) upper[a] = 0;
    else score[a] = score[a]! + bonus;
  }
  const { groups: _dropped, ...rest } = model;
  return { node: { ...rest, arcs: { length: model.arcs.length, from: model.arcs.from, to: model.arcs.to, score, upper } }, patched: [...mark.keys()] };
};

/** The model's objective before any group penalty: the node's bound. */
const boundOf = (model: AssignmentModel, flows: Flows): number => objectiveOf({ ...model, groups: [] }, flows);

/** Regions where every worker class of the group has an eligible arc. */
const possibleRegions = (model: AssignmentModel, groups: readonly GroupConstraint[], index: GroupIndex, g: number): number[] => {
  const group = groups[g] as GroupConstraint;
  const regions = index.regions[g] as Regions;
  const arcs = index.arcs[g] as Int32Array;
  const classes = new Set(group.workerClasses);
  if (!regions.partition) {
    return group.regions.flatMap((_region, r) => {
      const inside = arcsInRegion(model, index, g, r);
      const reached = new Set<number>();
      for (let i = 0; i < arcs.length; i++) if (inside[i] === 1) reached.add(model.arcs.from[arcs[i]!]!);
      return reached.size === classes.size ? [r] : [];
    });
  }
  // For each region, the distinct classes with an arc into it.
  const reachedBy = new Int32Array(group.regions.length);
  const seen = new Set<number>();
  for (const a of arcs) {
    const r = regions.of[model.arcs.to[a]!] as number;
    const key = r * model.workerClasses.length + model.arcs.from[a]!;
    if (r < 0 || seen.has(key)) continue;
    seen.add(key);
    reachedBy[r]!++;
  }
  return group.regions.flatMap((_region, r) => (reachedBy[r] === classes.size ? [r] : []));
};

/** Members of the group placed in region r. */
const placedIn = (model: AssignmentModel, index: GroupIndex, g: number, flows: Flows, r: number): number => {
  const arcs = index.arcs[g] as Int32Array;
  const inside = arcsInRegion(model, index, g, r);
  let s = 0;
  for (let i = 0; i < arcs.length; i++) if (inside[i] === 1) s += flows[arcs[i]!] ?? 0;
  return s;
};

/**
 * At most how many members of group g any plan places in region r: no more
 * than the region's slots, nor, per worker class, than its supply or its
 * arcs' bounds into r. A node can only lower these (it closes arcs), so a
 * group with less room than members in r is never whole there: its "in r"
 * child would be solved only to be dropped.
 */
const roomIn = (model: AssignmentModel, groups: readonly GroupConstraint[], index: GroupIndex, g: number, r: number): number => {
  const arcs = index.arcs[g] as Int32Array;
  const inside = arcsInRegion(model, index, g, r);
  const perClass = new Map<number, number>();
  for (let i = 0; i < arcs.length; i++) {
    if (inside[i] !== 1) continue;
    const a = arcs[i]!;
    const c = model.arcs.from[a]!;
    perClass.set(c, (perClass.get(c) ?? 0) + model.arcs.upper[a]!);
  }
  let byClass = 0;
  for (const [c, upper] of perClass) byClass += Math.min(upper, (model.workerClasses[c] as { supply: number }).supply);
  let slots = 0;
  for (const j of new Set((groups[g] as GroupConstraint).regions[r] ?? [])) {
    const employer = model.employerClasses[j];
    if (employer !== undefined) slots += employer.capacity;
  }
  return Math.min(byClass, slots);
};

/** `groupSplit` of ../model/objective.ts, reading the group's arcs only. */
const splitAt = (model: AssignmentModel, group: GroupConstraint, index: GroupIndex, g: number, flows: Flows): boolean => {
  const regionOf = (index.regions[g] as Regions).of;
  let placed = 0;
  let first = -2;
  let scattered = false;
  for (const a of index.arcs[g] as Int32Array) {
    const f = flows[a] ?? 0;
    if (f === 0) continue;
    placed += f;
    const r = regionOf[model.arcs.to[a]!] as number;
    if (r === -1 || (first !== -2 && r !== first)) scattered = true;
    first = r;
  }
  return placed !== 0 && (placed !== group.size || scattered);
};

export const solveWithGroups = (
  model: AssignmentModel,
  options: EngineOptions,
  solveNetwork: (node: AssignmentModel, options: EngineOptions) => EngineOutcome,
): EngineOutcome => {
  const groups = model.groups ?? [];
  const deadline = options.deadline ?? Infinity;
  const totalSupply = model.workerClasses.reduce((s, c) => s + c.supply, 0);
  const softPenalties = (model.policies ?? []).reduce((s, p) => s + (p.penalty ?? 0), 0);
  // A favoured placement outweighs every placement, score and policy penalty together.
  const bonus = (model.placementWeight + model.maxScore + softPenalties) * (totalSupply + 1);
  const index = indexGroups(model, groups);
  const possible = groups.map((_g, k) => possibleRegions(model, groups, index, k));
  // A policy model's nodes are solved on its own network, patched (./policyNodes.ts).
  const network = policyNetworkOf(model);

  // The possible regions that could hold the whole group, by capacity (computed when first branched on).
  const fits = new Map<number, number[]>();
  const fitting = (g: number): number[] => {
    let list = fits.get(g);
    if (list === undefined) {
      list = (possible[g] ?? []).filter((r) => roomIn(model, groups, index, g, r) >= (groups[g] as GroupConstraint).size);
      fits.set(g, list);
    }
    return [...list];
  };

  let best: { flows: Flows; objective: number } | null = null;
  let stopped = false;
  let failure: string | null = null;

  /**
   * `splitPenalty`: the penalties of the soft groups fixed "split" here. The
   * plans that keep such a group together are its siblings' ("in r", "out"),
   * so below this node only plans that split it need be found: each pays
   * its penalty, and the node's bound is the relaxation's objective less
   * them. `ceiling`: the parent's relaxation (Infinity at the root), which
   * bounds every plan below. `parent`: the parent's answer when this node is
   * its "split" child, whose network is the parent's, arc for arc (a "split"
   * fix closes and favours nothing), and so is its optimum: not solved again.
   */
  const visit = (fixes: ReadonlyMap<number, Fix>, splitPenalty: number, ceiling: number, parent: EngineOutcome | null): void => {
    if (stopped || failure !== null) return;
    // Every plan below is one of the parent's: none beats its relaxation.
    if (best !== null && ceiling - splitPenalty <= best.objective) return;
    if (performance.now() > deadline) {
      stopped = true;
      return;
    }
    let outcome: EngineOutcome;
    if (parent !== null) outcome = parent;
    else {
      const { node, patched } = nodeModel(model, groups, index, fixes, bonus);
      const nodeOptions = deadline === Infinity ? {} : { deadline };
      outcome = network === null ? solveNetwork(node, nodeOptions) : solvePolicyNode(network, node, patched, nodeOptions);
    }
    if (outcome.termination === "infeasible") return;
    if (outcome.termination === "time-limit" && outcome.solution === null) {
      // The deadline passed before the node's network found a feasible flow: a stop, not a failure.
      stopped = true;
      return;
    }
    if (outcome.termination === "error" || outcome.solution === null) {
      failure = outcome.message ?? outcome.termination;
      return;
    }
    if (outcome.termination === "time-limit") stopped = true;
    const flows = outcome.solution.flows;
    for (const [g, fix] of fixes) {
      // no plan has the group whole in that region
      if (fix.kind === "in" && placedIn(model, index, g, flows, fix.region) < (groups[g] as GroupConstraint).size) return;
    }
    const relaxed = boundOf(model, flows);
    if (best !== null && relaxed - splitPenalty <= best.objective) return;
    const g = groups.findIndex((grp, k) => !fixes.has(k) && splitAt(model, grp, index, k, flows));
    if (g < 0) {
      // Every group not yet fixed is together, and fixed ones hold by
      // construction: a plan, and the best below this node.
      // The objective of ../model/objective.ts: the bound less split soft groups' penalties.
      let objective = relaxed;
      groups.forEach((grp, k) => {
        if (grp.penalty !== null && splitAt(model, grp, index, k, flows)) objective -= grp.penalty;
      });
      if (best === null || objective > best.objective) best = { flows, objective };
      return;
    }
    if (stopped) return;
    const group = groups[g] as GroupConstraint;
    const candidates = fitting(g);
    const inRegion = new Map(candidates.map((r) => [r, placedIn(model, index, g, flows, r)]));
    const regions = candidates.sort((a, b) => (inRegion.get(b) as number) - (inRegion.get(a) as number) || a - b);
    const children: Fix[] = [...regions.map((region): Fix => ({ kind: "in", region })), { kind: "out" }, ...(group.penalty !== null ? [{ kind: "split" } as Fix] : [])];
    for (const child of children) {
      const split = child.kind === "split";
      visit(new Map([...fixes, [g, child]]), splitPenalty + (split ? (group.penalty as number) : 0), relaxed, split ? outcome : null);
    }
  };

  // A hard group that no region can take whole is never placed: fix it at the root.
  const rootFixes = new Map<number, Fix>();
  groups.forEach((g, k) => {
    if (g.penalty === null && (possible[k] ?? []).length === 0) rootFixes.set(k, { kind: "out" });
  });
  visit(rootFixes, 0, Infinity, null);
  if (failure !== null) return { engine: "flow", termination: "error", solution: null, bound: null, message: `group search failed: ${failure}` };
  const found = best as { flows: Flows; objective: number } | null;
  if (stopped) {
    return {
      engine: "flow",
      termination: "time-limit",
      solution: found === null ? null : { flows: found.flows, objective: found.objective },
      bound: null,
      message: `stopped at the time limit while keeping groups together; ${found === null ? "no plan found yet" : "the best plan found is not proved optimal"}`,
    };
  }
  if (found === null) return { engine: "flow", termination: "infeasible", solution: null, bound: null, message: null };
  return { engine: "flow", termination: "optimal", solution: { flows: found.flows, objective: found.objective }, bound: found.objective, message: null };
};
