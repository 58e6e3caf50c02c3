/**
 * Which slot group each placed worker fills, and so the date they start.
 *
 * At each employer, its groups are filled from the earliest start on: each
 * group takes the workers available for it (../rules/availability.ts) who
 * are still without a group, earliest available first, then by id. A
 * worker available for a group is available for every later one, so
 * filling the earlier group first never takes a place a later worker
 * needs: when the plan keeps the model's start limits (../rules/starts.ts),
 * every placed worker gets a group. A plan that does not (a saved plan of an
 * older instance) still gets a start for every placement: the workers left
 * over go to the employer's last group. In a re-plan, a worker who has
 * started keeps the group they started in (`pinned`); re-planning makes
 * their availability that start (../plan/apply.ts), so the model's start
 * limits leave the others room in the groups that remain.
 *
 * @example
 * // E1: 1 slot from 2026-10-01, 1 from 2027-04-01; placed W2 (available 2027-01-10), W1 (2026-09-01)
 * slotStarts(instance, placedAt) // W1 "2026-10-01", W2 "2027-04-01"
 */
import { compareStrings, type Employer, type Instance, type Worker } from "../input/instance.js";
import { availableFor } from "../rules/availability.js";

/**
 * For each worker index: the start of the slot group they fill, or null where
 * unplaced. `pinned` (worker index to start) holds the groups of workers who
 * have started in them (re-planning: ../plan/replan.ts): each such worker
 * takes a slot of their group first, if it is still there with a slot free,
 * and the others are dealt over what is left as above.
 */
export const slotStarts = (instance: Instance, placedAt: Int32Array, pinned: ReadonlyMap<number, string> = new Map()): (string | null)[] => {
  const { workers, employers, reference } = instance;
  const starts = new Array<string | null>(workers.length).fill(null);
  // The workers at each employer, in index order: counted, then laid out employer by employer (each
  // employer's placements are dealt on their own, so the order of employers does not matter).
  const first = new Int32Array(employers.length + 1);
  for (let w = 0; w < placedAt.length; w++) {
    const e = placedAt[w] as number;
    if (e >= 0 && e < employers.length) first[e + 1] = (first[e + 1] as number) + 1;
  }
  for (let e = 0; e < employers.length; e++) first[e + 1] = (first[e + 1] as number) + (first[e] as number);
  const cursor = first.slice(0, employers.length);
  const byEmployer = new Int32Array(first[employers.length] as number);
  for (let w = 0; w < placedAt.length; w++) {
    const e = placedAt[w] as number;
    if (e >= 0 && e < employers.length) byEmployer[(cursor[e] as number)++] = w;
  }
  for (let e = 0; e < employers.length; e++) {
    const from = first[e] as number;
    const to = first[e + 1] as number;
    if (from === to) continue;
    const employer = employers[e] as Employer;
    const groups = employer.slotGroups;
    const last = groups[groups.length - 1]?.start ?? reference.placement.start;
    if (groups.length <= 1) {
      for (let k = from; k < to; k++) starts[byEmployer[k] as number] = last;
      continue;
    }
    const placed = Array.from(byEmployer.subarray(from, to));
    const free = groups.map((g) => g.slots);
    const unpinned: number[] = [];
    // Workers in index order, which is id order in a decoded instance.
    for (const w of placed) {
      const start = pinned.get(w);
      const g = start === undefined ? -1 : groups.findIndex((x, i) => x.start === start && (free[i] as number) > 0);
      if (g < 0) unpinned.push(w);
      else {
        starts[w] = start as string;
        free[g] = (free[g] as number) - 1;
      }
    }
    const waiting = unpinned.sort((a, b) => {
      const x = workers[a] as Worker;
      const y = workers[b] as Worker;
      return compareStrings(x.availableFrom, y.availableFrom) || compareStrings(x.id, y.id);
    });
    let next = 0;
    groups.forEach((g, i) => {
      let left = free[i] as number;
      while (left > 0 && next < waiting.length && availableFor((workers[waiting[next] as number] as Worker).availableFrom, g.start, reference.placement)) {
        starts[waiting[next] as number] = g.start;
        next++;
        left--;
      }
    });
    for (; next < waiting.length; next++) starts[waiting[next] as number] = last;
  }
  return starts;
};
