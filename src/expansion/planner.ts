/**
 * The expansion planner: how many of a cohort to plan for each prefecture
 * and field, against the naive split in proportion to slots.
 *
 * Given a cohort and the candidate prefectures with their demand (an
 * instance) and the policy in it, the plan that places the most, and then
 * the best, is the optimum's own placements counted by prefecture and field:
 * plan more for a group and the extra workers stay unplaced, plan fewer and
 * placements are lost. The naive plan splits the cohort (at most the slots)
 * over the groups in proportion to their slots, and each group's employers
 * in proportion to theirs (largest remainders), as a programme that shares
 * out intake by demand would; it is evaluated by an exact re-solve with each
 * employer's slots cut to its share. The naive plan can never place more:
 * its instance only takes slots away.
 *
 * @example
 * const plan = planExpansion(base);
 * // { groups: [{ prefecture: "37", field: "nursing-care", slots: 484, proposed: 397, naive: 440, naivePlaced: 380 }, ...], proposed: {...}, naive: {...} }
 */
import type { EmployerInput, InstanceInput } from "../input/codecs.js";
import { apportion } from "../numbers/apportion.js";
import { employerGroups, placedByGroup, resolveResult, type Baseline } from "./baseline.js";

/** One prefecture and field under both plans. */
export interface PlanGroup {
  readonly prefecture: string;
  readonly field: string;
  readonly slots: number;
  /** Workers to plan here: the optimum's placements. */
  readonly proposed: number;
  /** Workers the proportional split plans here. */
  readonly naive: number;
  /** How many of those the naive plan places. */
  readonly naivePlaced: number;
}

/** A plan's totals: workers planned, placed, and the mean score per placement. */
export interface PlanTotals {
  readonly planned: number;
  readonly placed: number;
  readonly meanScore: number;
  readonly status: string;
}

export interface ExpansionPlan {
  readonly groups: readonly PlanGroup[];
  readonly proposed: PlanTotals;
  readonly naive: PlanTotals;
  /** Workers no group can take under the policy (the proposal leaves them unplanned). */
  readonly unplanned: number;
  readonly solves: number;
}

/** The naive plan's instance: the cohort split over groups by slots, each group's share over its employers by theirs. */
const naiveInstance = (input: InstanceInput): { instance: InstanceInput; planned: ReadonlyMap<string, number> } => {
  const groups = [...employerGroups(input).entries()];
  const total = Math.min(input.workers.length, input.employers.reduce((s, e) => s + e.slots, 0));
  const shares = apportion(total, groups.map(([, list]) => list.reduce((s, e) => s + e.slots, 0)));
  const cut = new Map<string, number>();
  const planned = new Map<string, number>();
  groups.forEach(([key, list], g) => {
    const share = shares[g] as number;
    planned.set(key, share);
    const parts = apportion(share, list.map((e) => e.slots));
    list.forEach((e, i) => cut.set(e.id, parts[i] as number));
  });
  const employers = input.employers.map((e): EmployerInput => ({ ...e, slots: cut.get(e.id) ?? e.slots }));
  return { instance: { ...input, employers }, planned };
};

/** The proposal and the naive split; see the module comment. */
export const planExpansion = (base: Baseline): ExpansionPlan => {
  const before = base.solves;
  const { instance, planned } = naiveInstance(base.input);
  const naive = resolveResult(base, instance);
  const proposedByGroup = placedByGroup(base.input, base.result);
  const naiveByGroup = placedByGroup(instance, naive);
  const groups = [...employerGroups(base.input).entries()].map(([key, list]): PlanGroup => {
    const [first] = list as [EmployerInput];
    return {
      prefecture: first.prefecture,
      field: first.field,
      slots: list.reduce((s, e) => s + e.slots, 0),
      proposed: proposedByGroup.get(key) ?? 0,
      naive: planned.get(key) ?? 0,
      naivePlaced: naiveByGroup.get(key) ?? 0,
    };
  });
  const r = base.result.summary;
  const n = naive.summary;
  return {
    groups,
    proposed: { planned: r.placed, placed: r.placed, meanScore: r.meanScore, status: base.result.status },
    naive: { planned: [...planned.values()].reduce((a, b) => a + b, 0), placed: n.placed, meanScore: n.meanScore, status: naive.status },
    unplanned: r.workers - r.placed,
    solves: base.solves - before,
  };
};
