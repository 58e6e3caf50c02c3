/**
 * Disaggregation: class-to-class flows back to worker-to-employer placements.
 *
 * Members of a class are interchangeable, so any split is optimal; jobmatch
 * uses one fixed rule so the answer is reproducible: arcs are taken in model
 * order (worker class, then employer class); within a worker class, workers
 * go in id order; within an employer class, employers fill in id order, each
 * up to its capacity (its legal capacity: ../rules/limits.ts).
 */
import type { BuiltModel } from "../model/build.js";

/** For each worker index, the employer index it is placed with, or -1. */
export const disaggregate = (built: BuiltModel, flows: readonly number[], workerCount: number, capacityOf: (employer: number) => number): Int32Array => {
  const placedAt = new Int32Array(workerCount).fill(-1);
  const workerCursor = new Int32Array(built.workerMembers.length);
  const employerCursor = new Int32Array(built.employerMembers.length);
  // Slots taken per employer index (every employer is a member of some class).
  let employerCount = 0;
  for (const members of built.employerMembers) for (const e of members) employerCount = Math.max(employerCount, e + 1);
  const used = new Int32Array(employerCount);
  built.model.arcs.forEach((arc, a) => {
    let f = flows[a] ?? 0;
    const workers = built.workerMembers[arc.from] ?? [];
    const employers = built.employerMembers[arc.to] ?? [];
    while (f > 0) {
      const w = workers[workerCursor[arc.from] ?? 0];
      const e = employers[employerCursor[arc.to] ?? 0];
      if (w === undefined || e === undefined) throw new Error(`disaggregation ran out of members on arc ${a}: the flows break the model`);
      const taken = used[e] ?? 0;
      if (taken >= capacityOf(e)) {
        employerCursor[arc.to] = (employerCursor[arc.to] ?? 0) + 1;
        continue;
      }
      placedAt[w] = e;
      used[e] = taken + 1;
      workerCursor[arc.from] = (workerCursor[arc.from] ?? 0) + 1;
      f--;
    }
  });
  return placedAt;
};
