/**
 * The optimal plan with no blocking pair at a worker's top choice: most
 * placements, then the highest total score (less soft penalties), among the
 * plans in which no worker has a blocking pair with one of the employers she
 * ranks first (her top tier, ./preferences.ts).
 *
 * It is an assignment model (../model/types.ts) over the market's groups
 * (./market.ts: worker classes to cells, pairs acceptable to both sides,
 * the optimiser's scores), with the law's limits and the instance's policy
 * (as the optimiser's model has them), plus side rows, so
 * any engine that takes side rows solves it. For a worker class k of s
 * workers and its top cells T, either all s are placed in T, or every cell
 * of T is full of workers it values at least as much as k's:
 *
 *     sum_{c in T} x[k,c] - s * top_k >= 0
 *     sum_{k' valued >= k at c} x[k',c] - capacity_c * full_k >= 0     (each c in T)
 *     top_k + full_k = 1
 *
 * where top_k and full_k are 0/1: each is an arc of a *choice gadget*, a
 * worker class of supply 1 with two arcs to two employer classes of one
 * slot. The gadget's unit always flows (the row = 1), so it adds the same
 * placement weight to every plan and changes no comparison; the reported
 * plan and its objective leave the gadgets out.
 *
 * Where the top cell is under caps (a policy maximum over a sector, field
 * or prefecture; a support organisation's legal capacity: ./limits.ts), a
 * full cap stops its free slots from counting, as in the audit: the
 * condition becomes "the cell, or one of its caps, is full", a second choice
 * gadget per (class, top cell) with one arc per reason and one for neither
 * (taken where the class is placed at a top choice):
 *
 *     sum_{k' valued < k at c} x[k',c] + capacity_c * full_k <= capacity_c
 *     sum_{k'} x[k',c] - capacity_c * cellFull_kc >= 0
 *     cellFull_kc + sum_r capFull_kcr - full_k >= 0
 *     sum_{arcs into cells under r} x - max_r * capFull_kcr >= 0
 *
 * (a full cap excuses a free slot, never a worker the cell values less).
 *
 * Exact: the plan is optimal among those with no blocking pair at a top
 * choice, where a free slot at a top choice under a full cap does not count
 * even when she would move within that cap (the audit counts such a move as
 * a blocking pair, apart: `withinFullCap`). The engine decides the rest: javascript-lp-solver proves small
 * instances; a pilot-sized model may need a faster side-row engine or an
 * outside solver (the LP export) within `timeLimitMs`.
 *
 * Not offered: a plan with at most a given number of blocking pairs, which
 * needs an indicator per counted pair (tens of thousands at pilot size).
 */
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { BuiltModel } from "../model/build.js";
import { placementWeightFor } from "../model/objective.js";
import { arcColumns, type AssignmentModel, type Flows, type ModelArc, type SideConstraint } from "../model/types.js";
import { compilePolicy } from "../policy/compile.js";
import { compileLimits } from "../rules/limits.js";
import { maxScore, score } from "../rules/scoring.js";
import { limitsOf } from "./limits.js";
import type { Market } from "./market.js";
import { UNACCEPTABLE } from "./preferences.js";

export interface TopChoiceModel {
  /** The model with its gadgets: real classes first, gadget classes after, real arcs first. */
  readonly model: AssignmentModel;
  /** The same classes and arcs without the gadgets, for reading a plan back. */
  readonly plain: BuiltModel;
  /** Arcs of the real plan: the first `realArcs` of `model.arcs`. */
  readonly realArcs: number;
  /** Worker classes with a top-choice row. */
  readonly guarded: number;
}

/** The model; see the module comment. */
export const topChoiceModel = (market: Market): TopChoiceModel => {
  const { instance, classes, cells } = market;
  const { workers, employers } = instance;
  const rep = (k: number): number => classes[k]?.members[0] as number;
  const arcs: ModelArc[] = [];
  const arcAt = new Map<number, number>();
  const span = cells.length;
  classes.forEach((k, i) => {
    const list = market.list(i);
    const eligible = [...list.cells].filter((c) => market.employerValue(rep(i), c) !== UNACCEPTABLE).sort((a, b) => a - b);
    for (const c of eligible) {
      const cell = cells[c];
      if (cell === undefined) continue;
      arcAt.set(i * span + c, arcs.length);
      arcs.push({
        from: i,
        to: c,
        score: score(workers[rep(i)] as Worker, employers[cell.members[0] as number] as Employer, instance.reference, instance.weights).total,
        upper: Math.min(k.members.length, cell.capacity),
      });
    }
  });
  const realArcs = arcs.length;
  const workerClasses = classes.map((k, i) => ({ key: `class ${i}`, supply: k.members.length }));
  const employerClasses = cells.map((c, i) => ({ key: `cell ${i}`, capacity: c.capacity }));

  // Each class's top cells (its first tier, acceptable to both) and, per top cell, the classes it values at least as much.
  const sideConstraints: SideConstraint[] = [];
  const gadgetWorkers: { key: string; supply: number }[] = [];
  const gadgetEmployers: { key: string; capacity: number }[] = [];
  const gadgetArcs: ModelArc[] = [];
  const entrants = cells.map((): number[] => []);
  for (const a of arcs) entrants[a.to]?.push(a.from);
  // The caps over cells (the policy's maximums over sectors, fields and prefectures; support organisations'
  // legal capacities: ./limits.ts), by a cell's first employer, and the real arcs into each.
  const limits = limitsOf(instance);
  const regionsOfCell = cells.map((cell) => limits.regionsOf[cell.members[0] as number] ?? []);
  // A cell is full at its members' capacities under the law and their own maximums (as the audit has it).
  const fullAt = cells.map((cell) => cell.members.reduce((sum, e) => sum + (limits.capacity[e] as number), 0));
  const regionArcs = limits.regions.map((): number[] => []);
  arcs.forEach((a, n) => {
    for (const r of regionsOfCell[a.to] ?? []) regionArcs[r]?.push(n);
  });
  classes.forEach((k, i) => {
    const list = market.list(i);
    if (list.cells.length === 0) return;
    const topValue = list.values[0] as number;
    const top: number[] = [];
    for (let j = 0; j < list.cells.length && list.values[j] === topValue; j++) {
      const c = list.cells[j] as number;
      if (arcAt.has(i * span + c)) top.push(c);
    }
    if (top.length === 0) return;
    const g = classes.length + gadgetWorkers.length;
    gadgetWorkers.push({ key: `choice ${i}`, supply: 1 });
    const topSlot = cells.length + gadgetEmployers.length;
    gadgetEmployers.push({ key: `all top ${i}`, capacity: 1 }, { key: `top full ${i}`, capacity: 1 });
    const aTop = realArcs + gadgetArcs.length;
    gadgetArcs.push({ from: g, to: topSlot, score: 0, upper: 1 }, { from: g, to: topSlot + 1, score: 0, upper: 1 });
    const aFull = aTop + 1;
    const who = `worker class ${i} (${k.members.length} worker${k.members.length === 1 ? "" : "s"}, e.g. ${(workers[rep(i)] as Worker).id})`;
    sideConstraints.push({
      label: `${who}: all placed at a top choice, or`,
      terms: [...top.map((c) => ({ arc: arcAt.get(i * span + c) as number, coefficient: 1 })), { arc: aTop, coefficient: -k.members.length }],
      relation: ">=",
      rhs: 0,
    });
    for (const c of top) {
      const mine = market.employerValue(rep(i), c);
      const atLeast = (entrants[c] ?? []).filter((j) => market.employerValue(rep(j), c) >= mine);
      const name = (employers[cells[c]?.members[0] as number] as Employer).id;
      const held = regionsOfCell[c] ?? [];
      // Without a cap over the cell, the cell itself must be full; under caps, the cell or one of its caps
      // (a second choice gadget: cell full, cap r full, or neither, one unit; the neither arc only where not needed).
      let fullArc = aFull;
      if (held.length > 0) {
        const h = classes.length + gadgetWorkers.length;
        gadgetWorkers.push({ key: `why full ${i} ${c}`, supply: 1 });
        const first = cells.length + gadgetEmployers.length;
        // Loops, not spreads into push's arguments (the source test forbids them whatever the size).
        gadgetEmployers.push({ key: `cell full ${i} ${c}`, capacity: 1 });
        for (const r of held) gadgetEmployers.push({ key: `cap ${r} full ${i} ${c}`, capacity: 1 });
        gadgetEmployers.push({ key: `neither ${i} ${c}`, capacity: 1 });
        const base = realArcs + gadgetArcs.length;
        gadgetArcs.push({ from: h, to: first, score: 0, upper: 1 });
        for (let x = 0; x < held.length; x++) gadgetArcs.push({ from: h, to: first + 1 + x, score: 0, upper: 1 });
        gadgetArcs.push({ from: h, to: first + 1 + held.length, score: 0, upper: 1 });
        fullArc = base;
        sideConstraints.push({
          label: `${who}: top choice ${name}'s group or one of its caps full`,
          terms: [{ arc: base, coefficient: 1 }, ...held.map((_, x) => ({ arc: base + 1 + x, coefficient: 1 })), { arc: aFull, coefficient: -1 }],
          relation: ">=",
          rhs: 0,
        });
        held.forEach((r, x) => {
          const region = limits.regions[r] as { label: string; max: number };
          sideConstraints.push({
            label: `${who}: ${region.label} full`,
            terms: [...(regionArcs[r] ?? []).map((a) => ({ arc: a, coefficient: 1 })), { arc: base + 1 + x, coefficient: -region.max }],
            relation: ">=",
            rhs: 0,
          });
        });
      }
      if (held.length === 0) {
        sideConstraints.push({
          label: `${who}: top choice ${name}'s group full of workers it values as much`,
          terms: [...atLeast.map((j) => ({ arc: arcAt.get(j * span + c) as number, coefficient: 1 })), { arc: fullArc, coefficient: -(fullAt[c] as number) }],
          relation: ">=",
          rhs: 0,
        });
      } else {
        // Under caps the two halves apart: no worker it values less (whatever the caps), and the cell full (or a cap).
        const capacity = fullAt[c] as number;
        const less = (entrants[c] ?? []).filter((j) => market.employerValue(rep(j), c) < mine);
        sideConstraints.push({
          label: `${who}: top choice ${name}'s group holds no worker it values less`,
          terms: [...less.map((j) => ({ arc: arcAt.get(j * span + c) as number, coefficient: 1 })), { arc: aFull, coefficient: capacity }],
          relation: "<=",
          rhs: capacity,
        });
        sideConstraints.push({
          label: `${who}: top choice ${name}'s group full`,
          terms: [...(entrants[c] ?? []).map((j) => ({ arc: arcAt.get(j * span + c) as number, coefficient: 1 })), { arc: fullArc, coefficient: -capacity }],
          relation: ">=",
          rhs: 0,
        });
      }
    }
    sideConstraints.push({ label: `${who}: one of the two`, terms: [{ arc: aTop, coefficient: 1 }, { arc: aFull, coefficient: 1 }], relation: "=", rhs: 1 });
  });

  const allWorkers = [...workerClasses, ...gadgetWorkers];
  const allEmployers = [...employerClasses, ...gadgetEmployers];
  const best = maxScore(instance.weights);
  const placementWeight = placementWeightFor(
    best,
    Math.min(
      allWorkers.reduce((s, k) => s + k.supply, 0),
      allEmployers.reduce((s, c) => s + c.capacity, 0),
    ),
  );
  const tables = { workers: classes.map((k) => ({ members: k.members })), employers: cells.map((c) => ({ members: c.members })) };
  // The law's limits first (as ../model/build.ts has them), then the policy: a support organisation's capacity
  // spans several cells; the per-employer limits already lower the cells' capacities and hold again as rows.
  const realColumns = arcColumns(arcs);
  const compiled = compilePolicy(instance, tables, realColumns, placementWeight);
  const policies = [...compileLimits(instance, tables), ...compiled.policies];
  const { groups } = compiled;
  const plainModel: AssignmentModel = { workerClasses, employerClasses, arcs: realColumns, placementWeight, maxScore: best, sideConstraints: [] };
  return {
    model: {
      workerClasses: allWorkers,
      employerClasses: allEmployers,
      arcs: arcColumns([...arcs, ...gadgetArcs]),
      placementWeight,
      maxScore: best,
      sideConstraints,
      ...(policies.length > 0 ? { policies } : {}),
      ...(groups.length > 0 ? { groups } : {}),
    },
    plain: { model: plainModel, workerMembers: classes.map((k) => k.members), employerMembers: cells.map((c) => c.members) },
    realArcs,
    guarded: gadgetWorkers.length,
  };
};

/** For each worker index, the employer index of a solution's real flows (classes in id order, cells filling employers in id order). */
export const placementsOf = (instance: Instance, market: Market, plain: BuiltModel, flows: Flows): Int32Array => {
  const placedAt = new Int32Array(instance.workers.length).fill(-1);
  const cursor = new Int32Array(market.classes.length);
  const fill = market.cells.map(() => ({ member: 0, used: 0 }));
  const arcs = plain.model.arcs;
  for (let a = 0; a < arcs.length; a++) {
    let f = flows[a] ?? 0;
    const from = arcs.from[a] as number;
    const members = market.classes[from]?.members ?? [];
    const cell = market.cells[arcs.to[a] as number];
    const at = fill[arcs.to[a] as number];
    if (cell === undefined || at === undefined) continue;
    while (f > 0) {
      while (at.used >= (market.capacityOf[cell.members[at.member] as number] as number)) {
        at.member++;
        at.used = 0;
      }
      placedAt[members[cursor[from] as number] as number] = cell.members[at.member] as number;
      cursor[from] = (cursor[from] as number) + 1;
      at.used++;
      f--;
    }
  }
  return placedAt;
};
