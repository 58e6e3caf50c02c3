/**
 * Why a worker stayed unplaced, and why an employer's slots stayed empty,
 * computed from the model's arcs and the eligibility rules.
 */
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { BuiltModel } from "../model/build.js";
import { scopeArcs, type ModelArc } from "../model/types.js";
import { employerRuleKey, exclusions, RULES, workerRuleKey, type RuleId } from "../rules/eligibility.js";
import type { RuleCount, UnfilledReason, UnplacedReason } from "./types.js";

/** Counts, over `others` (weighted), which rules exclude the pair; rules in RULES order. */
const countRules = <T>(
  others: readonly { readonly item: T; readonly weight: number }[],
  excluded: (other: T) => readonly { readonly rule: RuleId; readonly detail: string }[],
): RuleCount[] => {
  const counts = new Map<RuleId, { count: number; example: string }>();
  for (const { item, weight } of others) {
    for (const x of excluded(item)) {
      const had = counts.get(x.rule);
      counts.set(x.rule, { count: (had?.count ?? 0) + weight, example: had?.example ?? x.detail });
    }
  }
  return RULES.flatMap((rule) => {
    const c = counts.get(rule);
    return c === undefined ? [] : [{ rule, count: c.count, example: c.example }];
  });
};

/**
 * Items grouped by a key, in order of each key's first appearance, with their
 * weights summed; each group is represented by its first item. Counting rules
 * over the groups gives the same counts and the same examples as over the
 * items, provided items with one key are excluded alike.
 */
const merged = <T>(items: readonly { readonly item: T; readonly weight: number }[], keyOf: (item: T) => string): { item: T; weight: number }[] => {
  const byKey = new Map<string, { item: T; weight: number }>();
  for (const { item, weight } of items) {
    const key = keyOf(item);
    const had = byKey.get(key);
    if (had === undefined) byKey.set(key, { item, weight });
    else had.weight += weight;
  }
  return [...byKey.values()];
};

// Classes split workers and employers by more than eligibility reads
// (preferences, wages, prefectures; under a policy, training centres,
// groups, employers), but workers or employers with one rule key
// (../rules/eligibility.ts) are excluded by the same rules. So the rule
// counts are computed once per rule key, over the other side merged by rule
// key: the same counts, and the same first example, as one by one.
const plainWorkerKey = (instance: Instance) => (w: Worker): string => workerRuleKey(w, instance.reference);
const plainEmployerKey = (instance: Instance) => (e: Employer): string => employerRuleKey(e, instance.reference);

/** Reasons per worker class for a class that is (partly) unplaced. */
export const unplacedReasons = (instance: Instance, built: BuiltModel): ((workerClass: number) => UnplacedReason) => {
  const { model, employerMembers, workerMembers } = built;
  const memo = new Map<number, UnplacedReason>();
  const excludedMemo = new Map<string, readonly RuleCount[]>();
  let employers: readonly { readonly item: Employer; readonly weight: number }[] | null = null;
  return (c) => {
    const known = memo.get(c);
    if (known !== undefined) return known;
    const targets = scopeArcs(model, { kind: "workers", classes: [c] }).map((a) => (model.arcs[a] as ModelArc).to);
    let reason: UnplacedReason;
    if (targets.length === 0) {
      const worker = instance.workers[workerMembers[c]?.[0] as number] as Worker;
      const key = plainWorkerKey(instance)(worker);
      let excludedBy = excludedMemo.get(key);
      if (excludedBy === undefined) {
        employers ??= merged(
          employerMembers.map((m) => ({ item: instance.employers[m[0] as number] as Employer, weight: m.length })),
          plainEmployerKey(instance),
        );
        excludedBy = countRules(employers, (e) => exclusions(worker, e, instance.reference));
        excludedMemo.set(key, excludedBy);
      }
      reason = { kind: "no-eligible-slot", excludedBy };
    } else {
      reason = {
        kind: "eligible-slots-taken",
        // Employers with slots: a 0-slot employer in the class of one with slots accepts nobody either.
        eligibleEmployers: targets.reduce((s, j) => s + (employerMembers[j] ?? []).filter((m) => (instance.employers[m]?.slots ?? 0) > 0).length, 0),
        eligibleSlots: targets.reduce((s, j) => s + (model.employerClasses[j]?.capacity ?? 0), 0),
      };
    }
    memo.set(c, reason);
    return reason;
  };
};

/** Reasons per employer class for a class whose slots are not all filled. */
export const unfilledReasons = (instance: Instance, built: BuiltModel): ((employerClass: number) => UnfilledReason) => {
  const { model, employerMembers, workerMembers } = built;
  const memo = new Map<number, UnfilledReason>();
  const excludedMemo = new Map<string, readonly RuleCount[]>();
  let workers: readonly { readonly item: Worker; readonly weight: number }[] | null = null;
  return (j) => {
    const known = memo.get(j);
    if (known !== undefined) return known;
    const eligibleWorkers = scopeArcs(model, { kind: "employers", classes: [j] }).reduce(
      (s, a) => s + (model.workerClasses[(model.arcs[a] as ModelArc).from]?.supply ?? 0),
      0,
    );
    let reason: UnfilledReason;
    if (eligibleWorkers === 0) {
      const employer = instance.employers[employerMembers[j]?.[0] as number] as Employer;
      const key = plainEmployerKey(instance)(employer);
      let excludedBy = excludedMemo.get(key);
      if (excludedBy === undefined) {
        workers ??= merged(
          workerMembers.map((m) => ({ item: instance.workers[m[0] as number] as Worker, weight: m.length })),
          plainWorkerKey(instance),
        );
        excludedBy = countRules(workers, (w) => exclusions(w, employer, instance.reference));
        excludedMemo.set(key, excludedBy);
      }
      reason = { kind: "no-eligible-worker", excludedBy };
    } else {
      reason = { kind: "eligible-workers-placed-elsewhere", eligibleWorkers };
    }
    memo.set(j, reason);
    return reason;
  };
};
