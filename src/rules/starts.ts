/**
 * Slot groups in the model: an employer whose slots start on several dates
 * has an employer class of its own (its class key carries its id and its
 * groups, ../model/build.ts), and for each group after the first a hard
 * limit: the workers who cannot fill any earlier group (available after its
 * start, plus the tolerance) take at most the slots from that group on.
 * The limits nest (each later set of workers inside the earlier one), so
 * the model stays a network (../engine/policyNetwork.ts); with the
 * `availability` rule, which keeps out workers available after the last
 * group, they are exactly Hall's condition for putting every placed worker
 * into a group they can fill (../result/starts.ts does it).
 *
 * @example
 * // E1: 2 slots from 2026-10-01, 3 from 2027-04-01; worker classes 0 (available 2026-10-01), 1 (2027-01-15)
 * startLimits(instance, classes, arcs)
 * // [{ label: "E1: at most 3 workers available after 2026-10-01 (3 slots start 2027-04-01 or later)", scope: { kind: "pairs", workers: [1], employer: 0 }, max: 3, law: true, ... }]
 */
import { addDays } from "../domain/dates.js";
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { ModelArcs, PolicyConstraint } from "../model/types.js";
import { availableFor } from "./availability.js";
import type { LimitClasses } from "./limits.js";

/** The class key part of an employer's start dates: the date where all its slots start on one; else its id and groups (a class of its own). */
export const startsKey = (e: Employer): string | readonly unknown[] | null =>
  e.slotGroups.length <= 1 ? (e.slotGroups[0]?.start ?? null) : [e.id, e.slotGroups.map((g) => [g.start, g.slots])];

/** The hard limits that keep each slot group's later slots to the workers available for them; none where every employer starts on one date. */
export const startLimits = (instance: Instance, classes: LimitClasses, arcs: ModelArcs): PolicyConstraint[] => {
  const { employers, workers, reference } = instance;
  const out: PolicyConstraint[] = [];
  const arcsInto = new Map<number, number[]>();
  classes.employers.forEach((g, j) => {
    if ((employers[g.members[0] as number] as Employer).slotGroups.length > 1) arcsInto.set(j, []);
  });
  if (arcsInto.size === 0) return out;
  for (let a = 0; a < arcs.length; a++) arcsInto.get(arcs.to[a] as number)?.push(arcs.from[a] as number);
  for (const [j, from] of [...arcsInto.entries()].sort(([a], [b]) => a - b)) {
    const members = classes.employers[j]?.members ?? [];
    const e = employers[members[0] as number] as Employer;
    const groups = e.slotGroups;
    for (let k = 1; k < groups.length; k++) {
      const before = groups[k - 1]?.start as string;
      const days = reference.placement.startToleranceDays;
      const cutoff = days === 0 ? before : addDays(before, days);
      const late = from.filter((c) => !availableFor((workers[classes.workers[c]?.members[0] as number] as Worker).availableFrom, before, reference.placement));
      const supply = late.reduce((s, c) => s + (classes.workers[c]?.members.length ?? 0), 0);
      const slots = groups.slice(k).reduce((s, g) => s + g.slots, 0) * members.length;
      if (late.length === 0 || supply <= slots) continue;
      out.push({
        label: `${e.id}: at most ${slots} workers available after ${cutoff} (${slots} slots start ${groups[k]?.start} or later)`,
        source: "employers[].slotGroups",
        scope: { kind: "pairs", workers: late, employer: j },
        min: null,
        max: slots,
        penalty: null,
        law: true,
      });
    }
  }
  return out;
};
