/**
 * Parts of result assembly as they were before they were counted per
 * employer (src/result/summary.ts and src/result/law.ts at 1dcb00c), kept as
 * oracles: the summary and the support organisations' load, read placement by
 * placement.
 */
import { monthOf } from "../../../src/domain/dates.js";
import { SUPPORT_LIMITS, supportLimitsApply } from "../../../src/domain/law.js";
import { findField } from "../../../src/domain/fields.js";
import { compareStrings, type Instance } from "../../../src/input/instance.js";
import type { GroupSummary, Placement, Summary, SupportLoad, Unplaced, UnplacedReason } from "../../../src/result/types.js";

type Mutable = { placed: number; slots: number };

const finish = (groups: Map<string, Mutable>): Record<string, GroupSummary> =>
  Object.fromEntries(
    [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, g]) => [k, { placed: g.placed, slots: g.slots, unfilledSlots: g.slots - g.placed }]),
  );

export const oracleSummarise = (instance: Instance, placements: readonly Placement[], unplaced: readonly Unplaced[]): Summary => {
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

export const oracleSupportOf = (instance: Instance, placements: readonly Placement[]): SupportLoad[] => {
  const { supportOrganisations, placement } = instance.reference;
  const employerOf = new Map(instance.employers.map((e) => [e.id, e]));
  const enforced = supportLimitsApply(placement);
  const { workersPerOfficer, employersPerOfficer, from } = SUPPORT_LIMITS.value;
  const names = [...new Set(instance.employers.map((e) => e.support).filter((s) => s !== "self"))].sort(compareStrings);
  // Placements and placed-at employers per organisation, in one pass.
  const load = new Map<string, { workers: number; employers: Set<string> }>();
  for (const p of placements) {
    const id = employerOf.get(p.employerId)?.support;
    if (id === undefined || id === "self") continue;
    const l = load.get(id) ?? { workers: 0, employers: new Set<string>() };
    l.workers += 1;
    l.employers.add(p.employerId);
    load.set(id, l);
  }
  return names.map((id) => {
    const o = supportOrganisations.get(id);
    const mine = load.get(id);
    const workers = (mine?.workers ?? 0) + (o?.workers ?? 0);
    const employers = (mine?.employers.size ?? 0) + (o?.employers ?? 0);
    const officers = o?.officers ?? 0;
    const capacity = { workers: officers * workersPerOfficer, employers: officers * employersPerOfficer };
    const within = workers <= capacity.workers && employers <= capacity.employers;
    const text =
      o === undefined
        ? `${id}: ${workers} workers at ${employers} employers; not declared in supportOrganisations, so its capacity from ${from} is unknown`
        : `${id}: ${workers} of ${capacity.workers} workers and ${employers} of ${capacity.employers} employers (${officers} officer${officers === 1 ? "" : "s"})${
            enforced ? `; enforced, the period reaches ${from}` : within ? `; within the limits that apply from ${from}` : `; over the limits that apply from ${from}`
          }`;
    return { organisation: id, officers, workers, employers, capacity, enforced: enforced && o !== undefined, text };
  });
};
