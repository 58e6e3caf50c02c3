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
import { compareStrings, type Instance, type Worker } from "../input/instance.js";
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
  const starts: (string | null)[] = workers.map(() => null);
  const at = new Map<number, number[]>();
  placedAt.forEach((e, w) => {
    if (e < 0) return;
    const list = at.get(e);
    if (list === undefined) at.set(e, [w]);
    else list.push(w);
  });
  for (const [e, placed] of at) {
    const employer = employers[e];
    if (employer === undefined) continue;
    const groups = employer.slotGroups;
    const last = groups[groups.length - 1]?.start ?? reference.placement.start;
    if (groups.length <= 1) {
      for (const w of placed) starts[w] = last;
      continue;
    }
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
