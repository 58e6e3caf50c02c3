/**
 * Summaries of a placement: totals, and placed workers and empty slots by
 * sector, SSW field, prefecture and start month (the arrival waves). Groups
 * are listed in key order.
 */
import { monthOf } from "../domain/dates.js";
import { findField } from "../domain/fields.js";
import type { Employer, Instance } from "../input/instance.js";
import type { GroupSummary, Placement, Summary, Unplaced, UnplacedReason } from "./types.js";

type Mutable = { placed: number; slots: number };

const finish = (groups: Map<string, Mutable>): Record<string, GroupSummary> =>
  Object.fromEntries(
    [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, g]) => [k, { placed: g.placed, slots: g.slots, unfilledSlots: g.slots - g.placed }]),
  );

/** Placements per start month. */
const perStartMonth = (placements: readonly Placement[]): Map<string, number> => {
  const byStart = new Map<string, number>();
  for (let i = 0; i < placements.length; i++) {
    const { start } = placements[i] as Placement;
    byStart.set(start, (byStart.get(start) ?? 0) + 1);
  }
  const byMonth = new Map<string, number>();
  for (const [start, n] of byStart) byMonth.set(monthOf(start), (byMonth.get(monthOf(start)) ?? 0) + n);
  return byMonth;
};

/**
 * Employers are counted once each (their slots and `filled`, the placements
 * at each employer by its index), not a pass of map updates per placement; a
 * group appears when some employer (or slot group, or placement) names it.
 */
export const summarise = (instance: Instance, placements: readonly Placement[], unplaced: readonly Unplaced[], filled: Int32Array): Summary => {
  const byMonth = perStartMonth(placements);
  const bySector = new Map<string, Mutable>();
  const byField = new Map<string, Mutable>();
  const byPrefecture = new Map<string, Mutable>();
  const bump = (groups: Map<string, Mutable>, key: string, placed: number, slots: number): void => {
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { placed, slots });
    else {
      g.placed += placed;
      g.slots += slots;
    }
  };
  // Employer ids are unique in a decoded instance: each employer's placements are counted at it once.
  for (let i = 0; i < instance.employers.length; i++) {
    const e = instance.employers[i] as Employer;
    const placed = filled[i] ?? 0;
    bump(bySector, findField(instance.reference.catalogue, e.field)?.sector ?? "other", placed, e.slots);
    bump(byField, e.field, placed, e.slots);
    bump(byPrefecture, e.prefecture, placed, e.slots);
  }
  const byStartMonth = new Map<string, Mutable>();
  for (const e of instance.employers) for (const g of e.slotGroups) bump(byStartMonth, monthOf(g.start), 0, g.slots);
  for (const [month, n] of byMonth) bump(byStartMonth, month, n, 0);
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
