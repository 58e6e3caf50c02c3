/**
 * The marginal value of slots: how many more workers would be placed if
 * each employer of a prefecture and field took one more worker.
 *
 * "One more slot" comes with the room the law asks of the employer to fill
 * it: one more full-time (or care) staff member behind a statutory cap, one
 * more bed and 7.5 m2 of housing, one more head in an acceptance plan
 * (`withOneMoreSlot`). A support organisation's officers are not added, so
 * where an organisation is at its limit the slot stays empty, as it would.
 *
 * Each figure is an exact re-solve (./baseline.ts). To save re-solves the
 * search goes from large to small: one re-solve per prefecture with a slot
 * more at every one of its employers; only where that places someone, one
 * re-solve per field of the prefecture (a zero for the prefecture is a zero
 * for each of its fields: slots only relax the instance). Even with no
 * unplaced worker eligible for a taken slot, a slot can place someone: a
 * worker eligible only at employers with no slot, or with no legal room, is
 * "eligible nowhere" in the result until the slot and the room come. A prefecture whose extra slots
 * place no one has slots of no marginal value: more of them would stay empty.
 *
 * @example
 * const values = slotValues(base); // { groups: [{ prefecture: "38", field: "fishery", added: 10, gained: 3, ... }], ... }
 */
import type { EmployerInput, InstanceInput } from "../input/codecs.js";
import { compareText, employerGroups, placedByGroup, resolve, type Baseline } from "./baseline.js";

/** m2 of living space the law asks for each housed worker. */
const AREA_PER_WORKER = 7.5;

/** The employer with one more slot and the room the law needs to fill it. */
export const withOneMoreSlot = (e: EmployerInput): EmployerInput => {
  const plan = e.declarations?.acceptancePlan;
  return {
    ...e,
    slots: e.slots + 1,
    ...(e.fullTimeStaff === undefined ? {} : { fullTimeStaff: e.fullTimeStaff + 1 }),
    ...(e.japaneseCareStaff === undefined ? {} : { japaneseCareStaff: e.japaneseCareStaff + 1 }),
    ...(e.housing === undefined || e.housing === "private" ? {} : { housing: { beds: e.housing.beds + 1, areaM2: e.housing.areaM2 + AREA_PER_WORKER } }),
    ...(plan === undefined ? {} : { declarations: { ...e.declarations, acceptancePlan: { ...plan, headcount: plan.headcount + 1 } } }),
  };
};

/** One prefecture and field: its slots, placements, and what a slot more at each of its employers would place. */
export interface SlotValue {
  readonly prefecture: string;
  readonly field: string;
  readonly employers: number;
  readonly slots: number;
  readonly placed: number;
  /** Slots added: one at each employer of the group. */
  readonly added: number;
  /** More placements with those slots (0..added). */
  readonly gained: number;
  /** How the figure was found: its own re-solve, or implied by a zero for the whole prefecture. */
  readonly by: "re-solve" | "prefecture-zero";
}

/** A prefecture: a slot more at every one of its employers, and what it would place. */
export interface PrefectureSlotValue {
  readonly prefecture: string;
  readonly added: number;
  readonly gained: number;
}

export interface SlotValues {
  readonly groups: readonly SlotValue[];
  readonly prefectures: readonly PrefectureSlotValue[];
  /** Prefectures where more slots would place no one (they would stay empty). */
  readonly noMarginalValue: readonly string[];
  /** Unplaced workers eligible for slots that went to others. */
  readonly eligibleUnplaced: number;
  /** Re-solves this took. */
  readonly solves: number;
}

const withSlotsAt = (input: InstanceInput, ids: ReadonlySet<string>): InstanceInput => ({
  ...input,
  employers: input.employers.map((e) => (ids.has(e.id) ? withOneMoreSlot(e) : e)),
});

/** The marginal value of slots by prefecture and field; see the module comment. */
export const slotValues = (base: Baseline): SlotValues => {
  const before = base.solves;
  const groups = employerGroups(base.input);
  const placed = placedByGroup(base.input, base.result);
  const eligibleUnplaced = base.result.unplaced.filter((u) => u.reason.kind === "eligible-slots-taken").length;
  const prefectures = [...new Set(base.input.employers.map((e) => e.prefecture))].sort(compareText);
  const out: SlotValue[] = [];
  const byPrefecture: PrefectureSlotValue[] = [];
  const row = (key: string, list: readonly EmployerInput[], gained: number, by: SlotValue["by"]): SlotValue => {
    const [first] = list as [EmployerInput];
    return {
      prefecture: first.prefecture,
      field: first.field,
      employers: list.length,
      slots: list.reduce((s, e) => s + e.slots, 0),
      placed: placed.get(key) ?? 0,
      added: list.length,
      gained,
      by,
    };
  };
  for (const prefecture of prefectures) {
    const own = [...groups.entries()].filter(([, list]) => list[0]?.prefecture === prefecture).sort(([a], [b]) => compareText(a, b));
    const ids = new Set(own.flatMap(([, list]) => list.map((e) => e.id)));
    const whole = resolve(base, withSlotsAt(base.input, ids)).placed - base.result.summary.placed;
    byPrefecture.push({ prefecture, added: ids.size, gained: whole });
    for (const [key, list] of own) {
      if (whole === 0) out.push(row(key, list, 0, "prefecture-zero"));
      else if (own.length === 1) out.push(row(key, list, whole, "re-solve"));
      else {
        const gained = resolve(base, withSlotsAt(base.input, new Set(list.map((e) => e.id)))).placed - base.result.summary.placed;
        out.push(row(key, list, gained, "re-solve"));
      }
    }
  }
  return {
    groups: out,
    prefectures: byPrefecture,
    noMarginalValue: byPrefecture.filter((p) => p.gained === 0).map((p) => p.prefecture),
    eligibleUnplaced,
    solves: base.solves - before,
  };
};

