/**
 * Groups kept together, as the side engine's branch and bound reads them
 * (the rules are ../groupSearch.ts's, on the side problem's columns).
 *
 * A group's worker classes hold only its members, and each class's
 * placements all pass through the one network arc into its node
 * (`classIn`). So the branches are bound changes:
 * - "in region r": every member placed (each class's in-arc at its supply)
 *   and none outside r (the group's arcs to other employer classes closed);
 * - "out": nobody placed (the in-arcs closed);
 * - "split" (soft groups only): nothing changes, but below it only plans
 *   that split the group are searched (the others are its siblings'), so its
 *   penalty comes off the bound.
 * A region is offered only where every class of the group has an arc into
 * it and it has room for the whole group (slots, and per class its arcs'
 * bounds and supply).
 */
import { scopeArcs, type AssignmentModel, type GroupConstraint } from "../../model/types.js";
import type { FamilyColumns, SideProblem } from "./problem.js";

/** A change of one column's bounds. */
export interface BoundChange {
  readonly column: number;
  readonly lower: number;
  readonly upper: number;
}

export type GroupFix = { readonly kind: "in"; readonly region: number } | { readonly kind: "out" } | { readonly kind: "split" };

/** What the search needs of one group. */
export interface GroupView {
  readonly group: GroupConstraint;
  /** Its model arcs, increasing. */
  readonly arcs: readonly number[];
  /** Region of each employer class (the last region listing it), or -1. */
  readonly regionOf: Int32Array;
  /** Regions that could take the whole group, in region order. */
  readonly fitting: readonly number[];
  /** When the group is a family node (./families.ts): its columns. */
  readonly family: FamilyColumns | null;
}

/**
 * The regions that could take the whole group: every class of it has arcs
 * into the region, and the region has room for all of it (slots, and per
 * class its arcs' bounds and supply). One pass over the group's arcs.
 */
const fittingRegions = (model: AssignmentModel, arcs: readonly number[], regionOf: Int32Array, group: GroupConstraint): number[] => {
  const classes = new Set(group.workerClasses);
  const perRegion = new Map<number, Map<number, number>>();
  for (const a of arcs) {
    const r = regionOf[model.arcs.to[a] as number] as number;
    if (r < 0) continue;
    const c = model.arcs.from[a] as number;
    const perClass = perRegion.get(r) ?? new Map<number, number>();
    perClass.set(c, (perClass.get(c) ?? 0) + (model.arcs.upper[a] as number));
    perRegion.set(r, perClass);
  }
  const out: number[] = [];
  for (const [r, perClass] of perRegion) {
    if (perClass.size !== classes.size) continue;
    let byClass = 0;
    for (const [c, upper] of perClass) byClass += Math.min(upper, model.workerClasses[c]?.supply ?? 0);
    let slots = 0;
    for (const j of new Set(group.regions[r] ?? [])) slots += model.employerClasses[j]?.capacity ?? 0;
    if (Math.min(byClass, slots) >= group.size) out.push(r);
  }
  return out.sort((x, y) => x - y);
};

export const groupViews = (model: AssignmentModel, p: SideProblem): GroupView[] =>
  (model.groups ?? []).map((group, g) => {
    const arcs = scopeArcs(model, { kind: "workers", classes: [...new Set(group.workerClasses)] });
    const regionOf = new Int32Array(model.employerClasses.length).fill(-1);
    group.regions.forEach((region, r) => {
      for (const j of region) if (j >= 0 && j < regionOf.length) regionOf[j] = r;
    });
    const family = p.families.find((f) => f.plan.group === g) ?? null;
    const fitting = fittingRegions(model, arcs, regionOf, group).filter((r) => family === null || family.regionColumn.has(r));
    return { group, arcs, regionOf, fitting, family };
  });

/** Flow of the group in each region, and its total, read off the columns' values `x`. */
export const groupFlows = (model: AssignmentModel, p: SideProblem, view: GroupView, x: Float64Array): { readonly total: number; readonly perRegion: Map<number, number> } => {
  const perRegion = new Map<number, number>();
  let total = 0;
  if (view.family !== null) {
    for (const [r, column] of view.family.regionColumn) {
      const v = x[column] as number;
      if (Math.abs(v) < 1e-9) continue;
      total += v;
      perRegion.set(r, v);
    }
    return { total, perRegion };
  }
  for (const a of view.arcs) {
    const v = x[p.network.modelArc[a] as number] as number;
    if (Math.abs(v) < 1e-9) continue;
    total += v;
    const r = view.regionOf[model.arcs.to[a] as number] as number;
    perRegion.set(r, (perRegion.get(r) ?? 0) + v);
  }
  return { total, perRegion };
};

/** Whether the group is kept together by `x`: nobody placed, or everybody in one region (within `tol`). */
export const together = (model: AssignmentModel, p: SideProblem, view: GroupView, x: Float64Array, tol = 1e-6): boolean => {
  const { total, perRegion } = groupFlows(model, p, view, x);
  if (Math.abs(total) <= tol) return true;
  if (Math.abs(total - view.group.size) > tol) return false;
  const used = [...perRegion.entries()].filter(([, v]) => Math.abs(v) > tol);
  return used.length === 1 && (used[0] as [number, number])[0] >= 0;
};

/** The bound changes a fix makes. */
export const fixChanges = (model: AssignmentModel, p: SideProblem, view: GroupView, fix: GroupFix): BoundChange[] => {
  if (fix.kind === "split") return [];
  const family = view.family;
  if (family !== null) {
    const size = view.group.size;
    if (fix.kind === "out") return [{ column: family.inColumn, lower: 0, upper: 0 }];
    // The whole family into F and all of it on to region r: F's other arcs are then empty by conservation.
    return [
      { column: family.inColumn, lower: size, upper: size },
      { column: family.regionColumn.get(fix.region) as number, lower: size, upper: size },
    ];
  }
  const classes = [...new Set(view.group.workerClasses)];
  if (fix.kind === "out") return classes.map((c) => ({ column: p.network.classIn[c] as number, lower: 0, upper: 0 }));
  const changes: BoundChange[] = classes.map((c) => {
    const supply = model.workerClasses[c]?.supply ?? 0;
    return { column: p.network.classIn[c] as number, lower: supply, upper: supply };
  });
  for (const a of view.arcs) {
    if (view.regionOf[model.arcs.to[a] as number] !== fix.region) changes.push({ column: p.network.modelArc[a] as number, lower: 0, upper: 0 });
  }
  return changes;
};
