/**
 * Summaries of a placement: totals, and placed workers and empty slots by
 * sector, SSW field, prefecture and start month (the arrival waves). Groups
 * are listed in key order.
 */
import { monthOf } from "../domain/dates.js";
import { findField } from "../domain/fields.js";
import type { Instance } from "../input/instance.js";
import type { GroupSummary, Placement, Summary, Unplaced, UnplacedReason } from "./types.js";

type Mutable = { placed: number; slots: number };

const finish = (groups: Map<string, Mutable>): Record<string, GroupSummary> =>
  Object.fromEntries(
    [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, g]) => [k, { placed: g.placed, slots: g.slots, unfilledSlots: g.slots - g.placed }]),
  );

export const summarise = (instance: Instance, placements: readonly Placement[], unplaced: readonly Unplaced[]): Summary => {
  const employerById = new Map(instance.employers.map((e) => [e.id, e]));
  const bySector = new Map<string, Mutable>();
  const byField = new Map<string, Mutable>();
  const byPrefecture = new Map<string, Mutable>();
  const keysOf = (field: string, prefecture: string): [Map<string, Mutable>, string][] => [
    [bySector, findField(instance.reference.catalogue, field)?.sector ?? "other"],
    [byField, field],
    [byPrefecture, prefecture],
  ];
  const bump = (groups: Map<string, Mutable>, key: string, placed: number, slots: number): void => {
    const g = groups.get(key) ?? { placed: 0, slots: 0 };
    groups.set(key, { placed: g.placed + placed, slots: g.slots + slots });
  };
  for (const e of instance.employers) for (const [groups, key] of keysOf(e.field, e.prefecture)) bump(groups, key, 0, e.slots);
  for (const p of placements) {
    const e = employerById.get(p.employerId);
    if (e !== undefined) for (const [groups, key] of keysOf(e.field, e.prefecture)) bump(groups, key, 1, 0);
  }
  const byStartMonth = new Map<string, Mutable>();
  for (const e of instance.employers) for (const g of e.slotGroups) bump(byStartMonth, monthOf(g.start), 0, g.slots);
  for (const p of placements) bump(byStartMonth, monthOf(p.start), 1, 0);
  const slots = instance.employers.reduce((s, e) => s + e.slots, 0);
  const totalScore = placements.reduce((s, p) => s + p.score, 0);
  const unplacedByReason: Record<UnplacedReason["kind"], number> = { "no-eligible-slot": 0, "eligible-slots-taken": 0, "no-solution": 0 };
  for (const u of unplaced) unplacedByReason[u.reason.kind] += 1;
  const workers = instance.workers.length;
  return {
    workers,
    placed: placements.length,
    unplaced: unplaced.length,
    slots,
    unfilledSlots: slots - placements.length,
    placementRate: workers === 0 ? 0 : placements.length / workers,
    totalScore,
    meanScore: placements.length === 0 ? 0 : totalScore / placements.length,
    unplacedByReason,
    bySector: finish(bySector),
    byField: finish(byField),
    byPrefecture: finish(byPrefecture),
    byStartMonth: finish(byStartMonth),
  };
};
