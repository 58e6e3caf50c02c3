/**
 * Why a worker stayed unplaced, and why an employer's slots stayed empty,
 * computed from the model's arcs and the eligibility rules.
 */
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { BuiltModel } from "../model/build.js";
import { employerPairKey, pairRulesAt, RULES, workerPairKey, type Exclusion, type RuleId } from "../rules/eligibility.js";
import { workerBarriers } from "../rules/worker.js";
import type { RuleCount, UnfilledReason, UnplacedReason } from "./types.js";

/** Rule tallies: per rule, the weight it excludes and the first detail met. */
type Tally = Map<RuleId, { count: number; example: string }>;

const add = (tally: Tally, rule: RuleId, weight: number, detail: string): void => {
  const had = tally.get(rule);
  tally.set(rule, { count: (had?.count ?? 0) + weight, example: had?.example ?? detail });
};

/** The tallies in RULES order. */
const inOrder = (...tallies: readonly Tally[]): RuleCount[] =>
  RULES.flatMap((rule) => {
    const c = tallies.find((t) => t.has(rule))?.get(rule);
    return c === undefined ? [] : [{ rule, count: c.count, example: c.example }];
  });

/** Tallies, over `others` (weighted), which rules exclude each; in the order of `others`. */
const tallyOver = <T>(others: readonly { readonly item: T; readonly weight: number }[], excluded: (other: T) => readonly Exclusion[]): Tally => {
  const tally: Tally = new Map();
  for (const { item, weight } of others) for (const x of excluded(item)) add(tally, x.rule, weight, x.detail);
  return tally;
};

/**
 * `tallyOver` for the pair rules: the rules are found without their sentences
 * (`details` false), and each rule's example is then written for the first of
 * `others` it excludes, the one `tallyOver` would have taken it from.
 */
const tallyRules = <T>(
  others: readonly { readonly item: T; readonly weight: number }[],
  rulesOf: (other: T, details: boolean, into?: Exclusion[]) => readonly Exclusion[],
): Tally => {
  const counts = new Map<RuleId, { count: number; readonly first: T }>();
  // One array for every answer without sentences: each is read before the next is asked.
  const scratch: Exclusion[] = [];
  for (let i = 0; i < others.length; i++) {
    const { item, weight } = others[i] as { readonly item: T; readonly weight: number };
    const found = rulesOf(item, false, scratch);
    for (let k = 0; k < found.length; k++) {
      const x = found[k] as Exclusion;
      const had = counts.get(x.rule);
      if (had === undefined) counts.set(x.rule, { count: weight, first: item });
      else had.count += weight;
    }
  }
  const tally: Tally = new Map();
  for (const [rule, { count, first }] of counts) tally.set(rule, { count, example: rulesOf(first, true).find((x) => x.rule === rule)?.detail ?? "" });
  return tally;
};

/** Every one of `own` (one side's own rules, which exclude it whatever the other side), counted `weight` times. */
const tallyOwn = (own: readonly Exclusion[], weight: number): Tally => {
  const tally: Tally = new Map();
  for (const x of own) add(tally, x.rule, weight, x.detail);
  return tally;
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

// The rules that exclude a worker at every employer (the worker rules,
// ../rules/worker.ts), or every worker at an employer (the employer rules),
// are counted apart from the rules that read the pair: those are counted
// once per pair key (../rules/eligibility.ts `workerPairKey`,
// `employerPairKey`), over the other side merged by its pair key. Classes
// split by more than these keys (preferences, wages, prefectures, the worker
// and employer rules; under a policy, training centres, groups, employers),
// so the counts and their first examples are the same as one by one, and
// computed far fewer times. The three kinds of rule have distinct ids.

/**
 * What the reasons read of the model's arcs, in one pass over them (rather
 * than an index of every arc by class): per worker class, its arcs and the
 * employers with slots and the capacity at their ends; per employer class,
 * the workers at the other ends of its arcs.
 */
export interface ArcTotals {
  readonly arcsFrom: Int32Array;
  readonly employersWithSlots: Float64Array;
  readonly slots: Float64Array;
  readonly eligibleWorkers: Float64Array;
}

const arcTotals = (instance: Instance, built: BuiltModel): ArcTotals => {
  const { model, employerMembers } = built;
  const withSlots = Float64Array.from(employerMembers, (members) => members.filter((m) => (instance.employers[m]?.slots ?? 0) > 0).length);
  const capacity = Float64Array.from(model.employerClasses, (j) => j.capacity);
  const supply = Float64Array.from(model.workerClasses, (c) => c.supply);
  const arcsFrom = new Int32Array(model.workerClasses.length);
  const employersWithSlots = new Float64Array(model.workerClasses.length);
  const slots = new Float64Array(model.workerClasses.length);
  const eligibleWorkers = new Float64Array(model.employerClasses.length);
  const { from, to } = model.arcs;
  for (let a = 0; a < model.arcs.length; a++) {
    const c = from[a] as number;
    const j = to[a] as number;
    arcsFrom[c] = (arcsFrom[c] as number) + 1;
    employersWithSlots[c] = (employersWithSlots[c] as number) + (withSlots[j] ?? 0);
    slots[c] = (slots[c] as number) + (capacity[j] ?? 0);
    eligibleWorkers[j] = (eligibleWorkers[j] as number) + (supply[c] ?? 0);
  }
  return { arcsFrom, employersWithSlots, slots, eligibleWorkers };
};

/** `arcTotals`, worked out on the first call and then remembered: one result asks for reasons of both kinds. */
export const lazyTotals = (instance: Instance, built: BuiltModel): (() => ArcTotals) => {
  let totals: ArcTotals | null = null;
  return () => (totals ??= arcTotals(instance, built));
};

/** Reasons per worker class for a class that is (partly) unplaced; `totalsOf` shares the arc totals with `unfilledReasons`. */
export const unplacedReasons = (instance: Instance, built: BuiltModel, totalsOf = lazyTotals(instance, built)): ((workerClass: number) => UnplacedReason) => {
  const { employerMembers, workerMembers } = built;
  const { reference } = instance;
  const memo = new Map<number, UnplacedReason>();
  const pairMemo = new Map<string, Tally>();
  let employers: readonly { readonly item: (worker: Worker, details: boolean, into?: Exclusion[]) => Exclusion[]; readonly weight: number }[] | null = null;
  let employerRules: Tally | null = null;
  let employerWeight = 0;
  return (c) => {
    const known = memo.get(c);
    if (known !== undefined) return known;
    const totals = totalsOf();
    let reason: UnplacedReason;
    if (totals.arcsFrom[c] === 0) {
      const worker = instance.workers[workerMembers[c]?.[0] as number] as Worker;
      if (employers === null) {
        const reps = employerMembers.map((m) => ({ item: instance.employers[m[0] as number] as Employer, weight: m.length }));
        employerWeight = reps.reduce((s, r) => s + r.weight, 0);
        employerRules = tallyOver(reps, (e) => reference.employerBarriers.get(e.id) ?? []);
        employers = merged(reps, employerPairKey).map(({ item, weight }) => ({ item: pairRulesAt(item, reference), weight }));
      }
      const key = workerPairKey(worker, reference);
      let pairs = pairMemo.get(key);
      if (pairs === undefined) {
        pairs = tallyRules(employers, (rulesAt, details, into) => rulesAt(worker, details, into));
        pairMemo.set(key, pairs);
      }
      reason = { kind: "no-eligible-slot", excludedBy: inOrder(pairs, tallyOwn(workerBarriers(worker, reference.placement), employerWeight), employerRules ?? new Map()) };
    } else {
      reason = {
        kind: "eligible-slots-taken",
        // Employers with slots: a 0-slot employer in the class of one with slots accepts nobody either.
        eligibleEmployers: totals.employersWithSlots[c] as number,
        eligibleSlots: totals.slots[c] as number,
      };
    }
    memo.set(c, reason);
    return reason;
  };
};

/** Reasons per employer class for a class whose slots are not all filled; `totalsOf` as for `unplacedReasons`. */
export const unfilledReasons = (instance: Instance, built: BuiltModel, totalsOf = lazyTotals(instance, built)): ((employerClass: number) => UnfilledReason) => {
  const { employerMembers, workerMembers } = built;
  const { reference } = instance;
  const memo = new Map<number, UnfilledReason>();
  const pairMemo = new Map<string, Tally>();
  let workers: readonly { readonly item: Worker; readonly weight: number }[] | null = null;
  let workerRules: Tally | null = null;
  let workerWeight = 0;
  return (j) => {
    const known = memo.get(j);
    if (known !== undefined) return known;
    const totals = totalsOf();
    const eligibleWorkers = totals.eligibleWorkers[j] as number;
    let reason: UnfilledReason;
    if (eligibleWorkers === 0) {
      const employer = instance.employers[employerMembers[j]?.[0] as number] as Employer;
      if (workers === null) {
        const reps = workerMembers.map((m) => ({ item: instance.workers[m[0] as number] as Worker, weight: m.length }));
        workerWeight = reps.reduce((s, r) => s + r.weight, 0);
        workerRules = tallyOver(reps, (w) => workerBarriers(w, reference.placement));
        workers = merged(reps, (w) => workerPairKey(w, reference));
      }
      const key = employerPairKey(employer);
      let pairs = pairMemo.get(key);
      if (pairs === undefined) {
        const rulesAt = pairRulesAt(employer, reference);
        pairs = tallyRules(workers, rulesAt);
        pairMemo.set(key, pairs);
      }
      reason = { kind: "no-eligible-worker", excludedBy: inOrder(pairs, workerRules ?? new Map(), tallyOwn(reference.employerBarriers.get(employer.id) ?? [], workerWeight)) };
    } else {
      reason = { kind: "eligible-workers-placed-elsewhere", eligibleWorkers };
    }
    memo.set(j, reason);
    return reason;
  };
};
