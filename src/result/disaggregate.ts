/**
 * Disaggregation: class-to-class flows back to worker-to-employer placements.
 *
 * Members of a class are interchangeable, so any split is optimal; jobmatch
 * uses one fixed rule so the answer is reproducible: arcs are taken in model
 * order (worker class, then employer class); within a worker class, workers
 * go in id order; within an employer class, employers fill in id order, each
 * up to its capacity (its legal capacity: ../rules/limits.ts).
 *
 * A class of several employers under a diversity limit (../policy/alike.ts)
 * is split first by training centre: how many of the class's workers from
 * each centre each member takes (`splitAmong`, within every member's own
 * limit and capacity), then each unit, in the order above, goes to the first
 * member in id order with room left for its centre.
 */
import type { BuiltModel } from "../model/build.js";
import type { Flows } from "../model/types.js";
import { splitAmong } from "../policy/alike.js";

/** For each merged employer class, how many of its workers from each centre each member takes (x[t * members + i]); null for other classes. */
const memberQuotas = (built: BuiltModel, flows: Flows, capacityOf: (employer: number) => number): (Int32Array | null)[] | null => {
  const { alike } = built;
  if (alike === undefined) return null;
  const { centres, centreOf, caps } = alike;
  const perCentre = built.employerMembers.map((members) => (members.length > 1 ? new Int32Array(centres) : null));
  const { from, to } = built.model.arcs;
  for (let a = 0; a < built.model.arcs.length; a++) {
    const y = perCentre[to[a] as number];
    const f = flows[a] ?? 0;
    if (y === null || y === undefined || f === 0) continue;
    const t = centreOf[from[a] as number] as number;
    y[t] = (y[t] as number) + f;
  }
  return perCentre.map((y, j) => {
    if (y === null) return null;
    const members = built.employerMembers[j] ?? [];
    const x = splitAmong(
      y,
      members.map((e) => caps[e] as number),
      members.map((e) => capacityOf(e)),
    );
    if (x === null) throw new Error(`disaggregation cannot split employer class ${j} among its members: the flows break the model`);
    return x;
  });
};

/** For each worker index, the employer index it is placed with, or -1. */
export const disaggregate = (built: BuiltModel, flows: Flows, workerCount: number, capacityOf: (employer: number) => number): Int32Array => {
  const placedAt = new Int32Array(workerCount).fill(-1);
  const workerCursor = new Int32Array(built.workerMembers.length);
  const employerCursor = new Int32Array(built.employerMembers.length);
  // Slots taken per employer index (every employer is a member of some class).
  let employerCount = 0;
  for (const members of built.employerMembers) for (const e of members) employerCount = Math.max(employerCount, e + 1);
  const used = new Int32Array(employerCount);
  const quotas = memberQuotas(built, flows, capacityOf);
  const arcs = built.model.arcs;
  for (let a = 0; a < arcs.length; a++) {
    let f = flows[a] ?? 0;
    if (f === 0) continue;
    const c = arcs.from[a] as number;
    const j = arcs.to[a] as number;
    const workers = built.workerMembers[c] ?? [];
    const employers = built.employerMembers[j] ?? [];
    const quota = quotas?.[j] ?? null;
    if (quota !== null && f > 0) {
      // A merged class: each unit to the first member with room left for the workers' centre.
      const base = ((built.alike?.centreOf[c] ?? 0) as number) * employers.length;
      let i = 0;
      while (f > 0) {
        const w = workers[workerCursor[c] ?? 0];
        while (i < employers.length && (quota[base + i] as number) === 0) i++;
        const e = employers[i];
        if (w === undefined || e === undefined) throw new Error(`disaggregation ran out of members on arc ${a}: the flows break the model`);
        quota[base + i] = (quota[base + i] as number) - 1;
        placedAt[w] = e;
        used[e] = (used[e] ?? 0) + 1;
        workerCursor[c] = (workerCursor[c] ?? 0) + 1;
        f--;
      }
      continue;
    }
    while (f > 0) {
      const w = workers[workerCursor[c] ?? 0];
      const e = employers[employerCursor[j] ?? 0];
      if (w === undefined || e === undefined) throw new Error(`disaggregation ran out of members on arc ${a}: the flows break the model`);
      const taken = used[e] ?? 0;
      if (taken >= capacityOf(e)) {
        employerCursor[j] = (employerCursor[j] ?? 0) + 1;
        continue;
      }
      placedAt[w] = e;
      used[e] = taken + 1;
      workerCursor[c] = (workerCursor[c] ?? 0) + 1;
      f--;
    }
  }
  return placedAt;
};
