/**
 * Disaggregation for re-planning: class-to-class flows back to placements,
 * the workers who hold a place first. ../result/disaggregate.ts's rule with
 * one pass before it:
 *
 * 1. on each arc (worker class c, employer class j) with flow x, the first
 *    min(x, k) of the k workers of c who hold a place at an employer of j
 *    (in id order) stay there;
 * 2. the rest of each arc's flow as `match` splits it (its own
 *    disaggregation): arcs in model order, the workers of the class not yet
 *    placed in id order, the employers of the class in id order, each up to
 *    its slots less those kept in step 1.
 *
 * ./model.ts argues why this always fits (each employer's holders fit its
 * slots, or it is a class of its own) and so attains the model's optimum.
 * With no holders it is `match`'s split exactly.
 */
import type { BuiltModel } from "../model/build.js";
import type { Flows } from "../model/types.js";
import { disaggregate } from "../result/disaggregate.js";

/** For each worker index, the employer index they are placed with, or -1. `holds` gives each worker's employer to keep, or -1. */
export const disaggregateKeeping = (
  built: BuiltModel,
  flows: Flows,
  holds: Int32Array,
  capacityOf: (employer: number) => number,
): Int32Array => {
  const { model, workerMembers, employerMembers } = built;
  const placedAt = new Int32Array(holds.length).fill(-1);
  let employerCount = 0;
  for (const members of employerMembers) for (const e of members) employerCount = Math.max(employerCount, e + 1);
  const classOf = new Int32Array(employerCount).fill(-1);
  employerMembers.forEach((members, j) => members.forEach((e) => (classOf[e] = j)));
  const used = new Int32Array(employerCount);
  const rest = Array.from(flows);

  // 1. Holders back where they are, arc by arc.
  const arcsFrom = new Map<number, number[]>();
  for (let a = 0; a < model.arcs.length; a++) {
    if ((flows[a] ?? 0) === 0) continue;
    const c = model.arcs.from[a] as number;
    const list = arcsFrom.get(c);
    if (list === undefined) arcsFrom.set(c, [a]);
    else list.push(a);
  }
  for (const [c, arcs] of arcsFrom) {
    const byClass = new Map<number, number>();
    for (const a of arcs) byClass.set(model.arcs.to[a] as number, a);
    const members = workerMembers[c] ?? [];
    for (let i = 0; i < members.length; i++) {
      const w = members[i] as number;
      const e = holds[w] ?? -1;
      if (e < 0) continue;
      const a = byClass.get(classOf[e] ?? -1);
      if (a === undefined || (rest[a] ?? 0) === 0) continue;
      placedAt[w] = e;
      used[e] = (used[e] ?? 0) + 1;
      rest[a] = (rest[a] as number) - 1;
    }
  }

  // 2. The rest as match splits it, among the workers not yet placed and the slots the holders left.
  const rested: BuiltModel = { ...built, workerMembers: workerMembers.map((members) => members.filter((w) => (placedAt[w] ?? -1) < 0)) };
  const others = disaggregate(rested, rest, holds.length, (e) => capacityOf(e) - (used[e] ?? 0));
  others.forEach((e, w) => {
    if (e >= 0) placedAt[w] = e;
  });
  return placedAt;
};
