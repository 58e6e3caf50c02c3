/**
 * Policy into model: turns a decoded policy into structured constraints over
 * the model's classes and arcs (../model/types.ts: PolicyConstraint,
 * GroupConstraint). It decides nothing itself; the engines enforce.
 *
 * What each becomes:
 * - quota (sector, field, prefecture, employer): the arcs into the matching
 *   employer classes, within [min, max];
 * - diversity: for each employer and training centre, at most maxCount, or
 *   maxShare of the employer's slots rounded down but at least 1 (so a small
 *   employer can still take one worker from each centre); for a class of
 *   several employers (`classSplits` with mergeAlike, ./alike.ts), the sum
 *   of their limits, each at most the employer's legal capacity;
 * - fairness floor: for each training centre (or home province), at least
 *   minShare of its workers placed, rounded up, "where that is possible":
 *   never more than the number of its workers eligible for some slot.
 *   Capacity shared with other centres can still make floors conflict; the
 *   solve then says infeasible (or pays the penalty when soft);
 * - group: the classes of its members, and the regions (one per prefecture,
 *   or one per employer) its placed members must share.
 * Penalties are converted from placements to objective units: times the
 * placement weight, exactly (the weight is a multiple of their common
 * denominator: `policyPenalties` and ../model/objective.ts). The legal
 * headcount caps are not policy: they are law, always on and hard
 * (../rules/limits.ts), so they carry no penalty.
 */
import type { Employer, Instance, Worker } from "../input/instance.js";
import { compareStrings } from "../input/instance.js";
import { penaltyUnits } from "../model/objective.js";
import type { GroupConstraint, ModelArcs, PolicyConstraint } from "../model/types.js";
import { legalCapacities, limitSplits, type LimitClasses } from "../rules/limits.js";
import { diversityCap, memberCaps } from "./alike.js";
import { quotaCovers } from "./scope.js";
import type { Policy, Quota } from "./types.js";

/** The classes a compiled constraint refers to: the same tables the legal limits read. */
export type ClassTables = LimitClasses;

/** What the policy needs the classes to keep apart. */
export interface ClassSplits {
  readonly byCentre: boolean;
  readonly byProvince: boolean;
  readonly byGroup: boolean;
  /** Employers that need a class of their own. */
  readonly ownClass: (employer: Employer) => boolean;
  /** The other employers, alike in every rule, are split by their diversity limits (./alike.ts) instead: merged classes under a diversity limit. */
  readonly byDiversity: boolean;
  /** Employers apart by support organisation (a legal support capacity counts them together). */
  readonly bySupport: boolean;
  /** Workers apart by the employer they interned at (housing does not count them there). */
  readonly byFormerIntern: boolean;
}

/**
 * What the classes must keep apart. With `mergeAlike`, employers under a
 * diversity limit share classes where ./alike.ts proves it exact (the model
 * `match` solves); without, each has a class of its own (the model
 * `buildModel` gives, and explanations read, one limit per employer).
 */
export const classSplits = (instance: Instance, mergeAlike = false): ClassSplits => {
  const { policy } = instance;
  const named = new Set(policy.quotas.filter((q) => q.scope === "employer").map((q) => q.key));
  const byGroup = instance.workers.some((w) => w.group !== null);
  const law = limitSplits(instance);
  const byDiversity = mergeAlike && policy.diversity !== null;
  return {
    byCentre: policy.diversity !== null || policy.fairness.some((f) => f.by === "trainingCentre"),
    byProvince: policy.fairness.some((f) => f.by === "homeProvince"),
    byGroup,
    ownClass: (e) => (policy.diversity !== null && !byDiversity) || named.has(e.id) || law.ownClass(e) || (byGroup && policy.groups.together === "employer"),
    byDiversity,
    bySupport: law.bySupport,
    byFormerIntern: law.byFormerIntern,
  };
};

const quotaLabel = (q: Quota): string => {
  const what = q.scope === "employer" ? `employer ${q.key}` : `${q.scope} ${q.key}`;
  const bound = q.min !== null && q.max !== null ? `between ${q.min} and ${q.max}` : q.min !== null ? `at least ${q.min}` : `at most ${q.max}`;
  return `${what}: ${bound} placed`;
};

/** Up to four items as "a, b and c"; more as "a, b, c and 5 more". */
const listed = (xs: readonly (string | number)[]): string =>
  xs.length === 1 ? `${xs[0]}` : xs.length <= 4 ? `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}` : `${xs.slice(0, 3).join(", ")} and ${xs.length - 3} more`;

/** A merged class's limit from one centre: "at most 7 of the workers of E010, E011 and E012 from training centre X (2, 2 and 3 each)". */
const alikeLabel = (instance: Instance, members: readonly number[], caps: Int32Array, cap: number, centre: string): string => {
  const ids = members.map((i) => (instance.employers[i] as Employer).id);
  const own = members.map((i) => caps[i] as number);
  const least = own.reduce((a, b) => Math.min(a, b), Infinity);
  const most = own.reduce((a, b) => Math.max(a, b), -Infinity);
  const each = least === most ? `${least} each` : own.length <= 4 ? `${listed(own)} each` : `${least} to ${most} each`;
  return `at most ${cap} of the workers of ${listed(ids)} from training centre ${centre} (${each})`;
};

/** Every penalty the policy sets, in placements (the placement weight is made a multiple of their common denominator). */
export const policyPenalties = (policy: Policy): number[] =>
  [
    ...policy.quotas.map((q) => q.penalty),
    policy.diversity?.penalty ?? null,
    ...policy.fairness.map((f) => f.penalty),
    policy.groups.penalty,
  ].filter((p): p is number => p !== null);

export const compilePolicy = (
  instance: Instance,
  classes: ClassTables,
  arcs: ModelArcs,
  placementWeight: number,
): { readonly policies: PolicyConstraint[]; readonly groups: GroupConstraint[] } => {
  const { policy, workers, employers, reference } = instance;
  const units = (p: number | null): number | null => (p === null ? null : penaltyUnits(p, placementWeight));
  const repEmployer = (j: number): Employer => employers[classes.employers[j]?.members[0] as number] as Employer;
  const repWorker = (c: number): Worker => workers[classes.workers[c]?.members[0] as number] as Worker;
  const policies: PolicyConstraint[] = [];

  for (const q of policy.quotas) {
    const matching = classes.employers.flatMap((_, j) => (quotaCovers(reference.catalogue, q, repEmployer(j)) ? [j] : []));
    policies.push({ label: quotaLabel(q), source: q.source, scope: { kind: "employers", classes: matching }, min: q.min, max: q.max, penalty: units(q.penalty) });
  }

  if (policy.diversity !== null) {
    const { diversity } = policy;
    const penalty = units(diversity.penalty);
    // Centres as numbers in name order; the arcs into each employer class (increasing worker class) as one list.
    const centreName = classes.workers.map((_, c) => repWorker(c).trainingCentre);
    const names = [...new Set(centreName)].sort(compareStrings);
    const centreIndex = new Map(names.map((n, t) => [n, t]));
    const centreOf = Int32Array.from(centreName, (n) => centreIndex.get(n) as number);
    const start = new Int32Array(classes.employers.length + 1);
    for (let a = 0; a < arcs.length; a++) start[(arcs.to[a] as number) + 1] = (start[(arcs.to[a] as number) + 1] as number) + 1;
    for (let j = 0; j < classes.employers.length; j++) start[j + 1] = (start[j + 1] as number) + (start[j] as number);
    const fill = start.slice(0, classes.employers.length);
    const fromInto = new Int32Array(arcs.length);
    for (let a = 0; a < arcs.length; a++) {
      const j = arcs.to[a] as number;
      const k = fill[j] as number;
      fromInto[k] = arcs.from[a] as number;
      fill[j] = k + 1;
    }
    const caps = memberCaps(instance);
    const legal = legalCapacities(instance);
    const supply = new Float64Array(names.length);
    const lists: number[][] = names.map(() => []);
    classes.employers.forEach((g, j) => {
      const e = repEmployer(j);
      // A class of several employers (./alike.ts): the sum of their own limits, each at most its legal capacity.
      const merged = g.members.length > 1;
      const cap = merged ? g.members.reduce((s, i) => s + (caps[i] as number), 0) : diversityCap(diversity, e);
      const room = merged ? g.members.reduce((s, i) => s + (legal[i] as number), 0) : e.slots * g.members.length;
      const touched: number[] = [];
      for (let k = start[j] as number; k < (start[j + 1] as number); k++) {
        const c = fromInto[k] as number;
        const t = centreOf[c] as number;
        const list = lists[t] as number[];
        if (list.length === 0) touched.push(t);
        list.push(c);
        supply[t] = (supply[t] as number) + (classes.workers[c]?.members.length ?? 0);
      }
      touched.sort((a, b) => a - b);
      for (const t of touched) {
        const centre = names[t] as string;
        const entry = lists[t] as number[];
        lists[t] = [];
        const from = supply[t] as number;
        supply[t] = 0;
        if (cap >= Math.min(from, room)) continue;
        policies.push({
          label: merged ? alikeLabel(instance, g.members, caps, cap, centre) : `at most ${cap} of ${e.id}'s workers from training centre ${centre}`,
          source: "policy.diversity",
          scope: { kind: "pairs", workers: entry, employer: j },
          min: null,
          max: cap,
          penalty,
        });
      }
    });
  }

  // Worker classes with an arc (read by fairness floors only; one pass over the arcs, no copy).
  const hasArc = new Uint8Array(policy.fairness.length > 0 ? classes.workers.length : 0);
  if (policy.fairness.length > 0) for (let a = 0; a < arcs.length; a++) hasArc[arcs.from[a] as number] = 1;
  for (const f of policy.fairness) {
    const groups = new Map<string, { classes: number[]; workers: number; eligible: number }>();
    classes.workers.forEach((g, c) => {
      const w = repWorker(c);
      const key = f.by === "trainingCentre" ? w.trainingCentre : w.homeProvince;
      const entry = groups.get(key) ?? { classes: [], workers: 0, eligible: 0 };
      entry.classes.push(c);
      entry.workers += g.members.length;
      if (hasArc[c] === 1) entry.eligible += g.members.length;
      groups.set(key, entry);
    });
    const what = f.by === "trainingCentre" ? "training centre" : "home province";
    for (const [key, entry] of [...groups.entries()].sort(([a], [b]) => compareStrings(a, b))) {
      const floor = Math.min(Math.ceil(f.minShare * entry.workers), entry.eligible);
      if (floor <= 0) continue;
      policies.push({
        label: `${what} ${key}: at least ${floor} of its ${entry.workers} workers placed`,
        source: f.source,
        scope: { kind: "workers", classes: entry.classes },
        min: floor,
        max: null,
        penalty: units(f.penalty),
      });
    }
  }

  const groups: GroupConstraint[] = [];
  const members = new Map<string, number[]>();
  classes.workers.forEach((_, c) => {
    const id = repWorker(c).group;
    if (id === null) return;
    const list = members.get(id);
    if (list === undefined) members.set(id, [c]);
    else list.push(c);
  });
  const sizeOf = (cs: readonly number[]): number => cs.reduce((s, c) => s + (classes.workers[c]?.members.length ?? 0), 0);
  const kept = [...members.entries()].filter(([, cs]) => sizeOf(cs) >= 2).sort(([a], [b]) => compareStrings(a, b));
  if (kept.length === 0) return { policies, groups };
  const regionKey = (j: number): string => (policy.groups.together === "prefecture" ? repEmployer(j).prefecture : `${j}`);
  const regionMap = new Map<string, number[]>();
  classes.employers.forEach((_, j) => {
    const key = regionKey(j);
    const list = regionMap.get(key);
    if (list === undefined) regionMap.set(key, [j]);
    else list.push(j);
  });
  const regions = [...regionMap.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, js]) => js);
  for (const [id, cs] of kept) {
    const size = sizeOf(cs);
    groups.push({
      label: `group ${id} (${size} workers, together in one ${policy.groups.together})`,
      source: "workers[].group",
      workerClasses: cs,
      size,
      regions,
      penalty: units(policy.groups.penalty),
    });
  }
  return { policies, groups };
};
