/**
 * Families kept with one employer, as a node of their own: the relaxation
 * that keeps a family's members together.
 *
 * A hard group whose regions are single employer classes (a family that must
 * go whole to one employer, or not at all) is solved, in the model's own
 * network, as members placed one by one: the relaxation then places each
 * member where it suits them and the branch and bound has to undo that,
 * region by region, with bounds that hardly fall (on the pilot with 50
 * families: hundreds of nodes, none pruned). Here the family becomes one
 * node F with one arc per employer class j that could take it whole: a unit
 * on F -> j is one member-share of the whole family at j, gaining the
 * average of the members' gains there, and using one of j's slots. So a
 * relaxed solution is a mix of whole-family placements (the members of a
 * family are always placed in the same proportions), which is the
 * relaxation a decomposition by family would give, and it is still a
 * network. An integer plan has F's flow all on one arc, at the family's
 * size: the members' own arcs then carry their class sizes (`FamilyPlan`
 * maps it back).
 *
 * Exact only where the network treats the members alike, so a family is
 * taken this way only when: it is hard; each region is one employer class;
 * its classes hang from the same node of the network (the same fairness
 * sets); every side row counts each member's placement alike (the same
 * coefficient on each member's arc into its class, and on each member's arc
 * to an employer class); and each member's arc to an employer class ends at
 * the same node (a diversity limit counts them alike). Where some member has
 * no arc to j, or one too tight for its class, the family has no arc to j.
 * The gains of F's arcs are averages; the side problem multiplies every gain
 * by the least common multiple of the families' sizes to keep them integers.
 */
import type { AssignmentModel } from "../../model/types.js";
import type { PolicyNetwork } from "../policyNetwork.js";

export interface FamilyRegion {
  /** Index of the region in the group's regions. */
  readonly region: number;
  /** The network node the family's arc to it ends at (its employer class's, or a diversity limit's). */
  readonly head: number;
  /** sum over members of class size * gain of the member's arc: the whole family's gain there. */
  readonly gain: number;
  /** Side terms of one unit: [row, coefficient]. */
  readonly side: readonly (readonly [number, number])[];
  /** The members' model arcs there, and how many workers each carries when the family is there. */
  readonly memberArcs: readonly (readonly [number, number])[];
}

export interface FamilyPlan {
  /** Index into the model's groups. */
  readonly group: number;
  readonly size: number;
  /** The member classes (distinct). */
  readonly classes: readonly number[];
  /** The network node the members hang from. */
  readonly from: number;
  /** Side terms of one unit on the arc into F. */
  readonly inSide: readonly (readonly [number, number])[];
  readonly regions: readonly FamilyRegion[];
}

/** Side terms of a column, as a canonical string for comparison. */
const termsKey = (terms: readonly (readonly [number, number])[]): string => terms.map(([r, c]) => `${r}:${c}`).join(",");

/**
 * The families that can be taken as nodes (see the module comment), given
 * the network, the side coefficients by column (`sideOf`), the columns'
 * gains and upper bounds.
 */
export const planFamilies = (
  model: AssignmentModel,
  network: PolicyNetwork,
  sideOf: (column: number) => readonly (readonly [number, number])[],
  gain: ArrayLike<number>,
  upper: ArrayLike<number>,
): FamilyPlan[] => {
  const net = network.problem;
  const groups = model.groups ?? [];
  if (groups.length === 0) return [];
  // The arcs of the groups' classes only (a map over every arc took most of the time at 600,000 arcs).
  const wanted = new Set<number>();
  for (const g of groups) for (const c of g.workerClasses) wanted.add(c);
  const arcsOf = new Map<number, number[]>();
  for (let a = 0; a < model.arcs.length; a++) {
    const c = model.arcs.from[a] as number;
    if (!wanted.has(c)) continue;
    const list = arcsOf.get(c);
    if (list === undefined) arcsOf.set(c, [a]);
    else list.push(a);
  }
  const plans: FamilyPlan[] = [];
  groups.forEach((group, g) => {
    if (group.penalty !== null || group.regions.length === 0) return;
    if (group.regions.some((region) => new Set(region).size !== 1)) return;
    const classes = [...new Set(group.workerClasses)].sort((a, b) => a - b);
    if (classes.some((c) => c < 0 || c >= model.workerClasses.length)) return;
    const supply = classes.map((c) => model.workerClasses[c]?.supply ?? 0);
    if (supply.reduce((s, x) => s + x, 0) !== group.size || group.size < 1) return;
    const inArcs = classes.map((c) => network.classIn[c] as number);
    const from = net.tail[inArcs[0] as number] as number;
    if (inArcs.some((j) => net.tail[j] !== from)) return;
    const inKey = termsKey(sideOf(inArcs[0] as number));
    if (inArcs.some((j) => termsKey(sideOf(j)) !== inKey)) return;
    // Per employer class, each member's arc into it.
    const byEmployer = new Map<number, Map<number, number>>();
    classes.forEach((c) => {
      for (const a of arcsOf.get(c) ?? []) {
        const to = model.arcs.to[a] as number;
        const entry = byEmployer.get(to) ?? new Map<number, number>();
        entry.set(c, a);
        byEmployer.set(to, entry);
      }
    });
    const regions: FamilyRegion[] = [];
    let alike = true;
    group.regions.forEach((region, r) => {
      if (!alike) return;
      const j = region[0] as number;
      const members = byEmployer.get(j);
      if (members === undefined || members.size !== classes.length) return;
      const columns = classes.map((c) => network.modelArc[members.get(c) as number] as number);
      const head = net.head[columns[0] as number] as number;
      const key = termsKey(sideOf(columns[0] as number));
      if (columns.some((col) => net.head[col] !== head || termsKey(sideOf(col)) !== key)) {
        alike = false;
        return;
      }
      // A member's arc too tight for its class: the family cannot be whole there.
      if (classes.some((c, i) => (upper[network.modelArc[members.get(c) as number] as number] as number) < (supply[i] as number))) return;
      let total = 0;
      classes.forEach((c, i) => {
        total += (supply[i] as number) * (gain[network.modelArc[members.get(c) as number] as number] as number);
      });
      regions.push({
        region: r,
        head,
        gain: total,
        side: sideOf(columns[0] as number),
        memberArcs: classes.map((c, i) => [members.get(c) as number, supply[i] as number] as const),
      });
    });
    if (!alike) return;
    plans.push({ group: g, size: group.size, classes, from, inSide: sideOf(inArcs[0] as number), regions });
  });
  return plans;
};
