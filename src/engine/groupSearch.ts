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
 * - a node whose bound does not beat the best plan is dropped. Depth first,
 *   children in the order above, so the search is deterministic.
 * Optimal when the search ends; at the deadline, the best plan so far with
 * termination "time-limit".
 */
import { groupSplit, objectiveOf } from "../model/objective.js";
import type { AssignmentModel, GroupConstraint } from "../model/types.js";
import type { EngineOptions, EngineOutcome } from "./types.js";

type Fix = { readonly kind: "in"; readonly region: number } | { readonly kind: "out" } | { readonly kind: "split" };

/** The model at a node: groups dropped, fixed groups' arcs closed or favoured. */
const nodeModel = (model: AssignmentModel, fixes: ReadonlyMap<number, Fix>, bonus: number): AssignmentModel => {
  const groups = model.groups ?? [];
  const closed = new Set<number>();
  const favoured = new Set<number>();
  for (const [g, fix] of fixes) {
    const group = groups[g] as GroupConstraint;
    const classes = new Set(group.workerClasses);
    const region = fix.kind === "in" ? new Set(group.regions[fix.region] ?? []) : null;
    model.arcs.forEach((arc, a) => {
      if (!classes.has(arc.from) || fix.kind === "split") return;
      if (fix.kind === "out" || (region !== null && !region.has(arc.to))) closed.add(a);
      else favoured.add(a);
    });
  }
  const { groups: _dropped, ...rest } = model;
  return {
    ...rest,
    arcs: model.arcs.map((arc, a) => (closed.has(a) ? { ...arc, upper: 0 } : favoured.has(a) ? { ...arc, score: arc.score + bonus } : arc)),
  };
};

/** The model's objective before any group penalty: the node's bound. */
const boundOf = (model: AssignmentModel, flows: readonly number[]): number => objectiveOf({ ...model, groups: [] }, flows);

/** Regions where every worker class of the group has an eligible arc. */
const possibleRegions = (model: AssignmentModel, group: GroupConstraint): number[] =>
  group.regions.flatMap((region, r) => {
    const inRegion = new Set(region);
    const reached = new Set(model.arcs.filter((arc) => inRegion.has(arc.to)).map((arc) => arc.from));
    return group.workerClasses.every((c) => reached.has(c)) ? [r] : [];
  });

/** Members of the group placed, and placed in one region. */
const placedIn = (model: AssignmentModel, group: GroupConstraint, flows: readonly number[], region: number | null): number => {
  const classes = new Set(group.workerClasses);
  const inRegion = region === null ? null : new Set(group.regions[region] ?? []);
  return model.arcs.reduce((s, arc, a) => s + (classes.has(arc.from) && (inRegion === null || inRegion.has(arc.to)) ? (flows[a] ?? 0) : 0), 0);
};

export const solveWithGroups = (
  model: AssignmentModel,
  options: EngineOptions,
  solveNetwork: (node: AssignmentModel, options: EngineOptions) => EngineOutcome,
): EngineOutcome => {
  const groups = model.groups ?? [];
  const started = performance.now();
  const deadline = options.timeLimitMs === undefined ? Infinity : started + options.timeLimitMs;
  const totalSupply = model.workerClasses.reduce((s, c) => s + c.supply, 0);
  const softPenalties = (model.policies ?? []).reduce((s, p) => s + (p.penalty ?? 0), 0);
  // A favoured placement outweighs every placement, score and policy penalty together.
  const bonus = (model.placementWeight + model.maxScore + softPenalties) * (totalSupply + 1);
  const possible = groups.map((g) => possibleRegions(model, g));

  let best: { flows: readonly number[]; objective: number } | null = null;
  let stopped = false;
  let failure: string | null = null;

  const visit = (fixes: ReadonlyMap<number, Fix>): void => {
    if (stopped || failure !== null) return;
    if (performance.now() > deadline) {
      stopped = true;
      return;
    }
    const remaining = deadline === Infinity ? undefined : Math.max(1, deadline - performance.now());
    const outcome = solveNetwork(nodeModel(model, fixes, bonus), remaining === undefined ? {} : { timeLimitMs: remaining });
    if (outcome.termination === "infeasible") return;
    if (outcome.termination === "error" || outcome.solution === null) {
      failure = outcome.message ?? outcome.termination;
      return;
    }
    if (outcome.termination === "time-limit") stopped = true;
    const flows = outcome.solution.flows;
    for (const [g, fix] of fixes) {
      // no plan has the group whole in that region
      if (fix.kind === "in" && placedIn(model, groups[g] as GroupConstraint, flows, fix.region) < (groups[g] as GroupConstraint).size) return;
    }
    if (best !== null && boundOf(model, flows) <= best.objective) return;
    const g = groups.findIndex((grp, k) => !fixes.has(k) && groupSplit(model, grp, flows));
    if (g < 0) {
      // Every group not yet fixed is together, and fixed ones hold by
      // construction: a plan, and the best below this node.
      const objective = objectiveOf(model, flows);
      if (best === null || objective > best.objective) best = { flows, objective };
      return;
    }
    if (stopped) return;
    const group = groups[g] as GroupConstraint;
    const regions = [...(possible[g] ?? [])].sort((a, b) => placedIn(model, group, flows, b) - placedIn(model, group, flows, a) || a - b);
    const children: Fix[] = [...regions.map((region): Fix => ({ kind: "in", region })), { kind: "out" }, ...(group.penalty !== null ? [{ kind: "split" } as Fix] : [])];
    for (const child of children) visit(new Map([...fixes, [g, child]]));
  };

  // A hard group that no region can take whole is never placed: fix it at the root.
  const rootFixes = new Map<number, Fix>();
  groups.forEach((g, k) => {
    if (g.penalty === null && (possible[k] ?? []).length === 0) rootFixes.set(k, { kind: "out" });
  });
  visit(rootFixes);
  if (failure !== null) return { engine: "flow", termination: "error", solution: null, bound: null, message: `group search failed: ${failure}` };
  const found = best as { flows: readonly number[]; objective: number } | null;
  if (stopped) {
    return {
      engine: "flow",
      termination: "time-limit",
      solution: found === null ? null : { flows: found.flows, objective: found.objective },
      bound: null,
      message: `stopped at the time limit of ${options.timeLimitMs} ms while keeping groups together; ${found === null ? "no plan found yet" : "the best plan found is not proved optimal"}`,
    };
  }
  if (found === null) return { engine: "flow", termination: "infeasible", solution: null, bound: null, message: null };
  return { engine: "flow", termination: "optimal", solution: { flows: found.flows, objective: found.objective }, bound: found.objective, message: null };
};
