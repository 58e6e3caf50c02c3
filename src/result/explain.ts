/**
 * Why a worker stayed unplaced, and why an employer's slots stayed empty,
 * computed from the model's arcs and the eligibility rules.
 */
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { BuiltModel } from "../model/build.js";
import { exclusions, RULES, type RuleId } from "../rules/eligibility.js";
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

/** Reasons per worker class for a class that is (partly) unplaced. */
export const unplacedReasons = (instance: Instance, built: BuiltModel): ((workerClass: number) => UnplacedReason) => {
  const { model, employerMembers, workerMembers } = built;
  const arcsFrom = new Map<number, number[]>();
  model.arcs.forEach((arc) => {
    const list = arcsFrom.get(arc.from);
    if (list === undefined) arcsFrom.set(arc.from, [arc.to]);
    else list.push(arc.to);
  });
  const memo = new Map<number, UnplacedReason>();
  return (c) => {
    const known = memo.get(c);
    if (known !== undefined) return known;
    const targets = arcsFrom.get(c) ?? [];
    let reason: UnplacedReason;
    if (targets.length === 0) {
      const worker = instance.workers[workerMembers[c]?.[0] as number] as Worker;
      const employers = employerMembers.map((m) => ({ item: instance.employers[m[0] as number] as Employer, weight: m.length }));
      reason = { kind: "no-eligible-slot", excludedBy: countRules(employers, (e) => exclusions(worker, e, instance.reference)) };
    } else {
      reason = {
        kind: "eligible-slots-taken",
        eligibleEmployers: targets.reduce((s, j) => s + (employerMembers[j]?.length ?? 0), 0),
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
  const suppliers = new Map<number, number>();
  model.arcs.forEach((arc) => suppliers.set(arc.to, (suppliers.get(arc.to) ?? 0) + (model.workerClasses[arc.from]?.supply ?? 0)));
  const memo = new Map<number, UnfilledReason>();
  return (j) => {
    const known = memo.get(j);
    if (known !== undefined) return known;
    const eligibleWorkers = suppliers.get(j) ?? 0;
    let reason: UnfilledReason;
    if (eligibleWorkers === 0) {
      const employer = instance.employers[employerMembers[j]?.[0] as number] as Employer;
      const workers = workerMembers.map((m) => ({ item: instance.workers[m[0] as number] as Worker, weight: m.length }));
      reason = { kind: "no-eligible-worker", excludedBy: countRules(workers, (w) => exclusions(w, employer, instance.reference)) };
    } else {
      reason = { kind: "eligible-workers-placed-elsewhere", eligibleWorkers };
    }
    memo.set(j, reason);
    return reason;
  };
};
