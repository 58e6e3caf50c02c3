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
 *   employer can still take one worker from each centre);
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
import type { GroupConstraint, ModelArc, PolicyConstraint } from "../model/types.js";
import { limitSplits, type LimitClasses } from "../rules/limits.js";
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
  /** Employers apart by support organisation (a legal support capacity counts them together). */
  readonly bySupport: boolean;
  /** Workers apart by the employer they interned at (housing does not count them there). */
  readonly byFormerIntern: boolean;
}

export const classSplits = (instance: Instance): ClassSplits => {
  const { policy } = instance;
  const named = new Set(policy.quotas.filter((q) => q.scope === "employer").map((q) => q.key));
  const byGroup = instance.workers.some((w) => w.group !== null);
  const law = limitSplits(instance);
  return {
    byCentre: policy.diversity !== null || policy.fairness.some((f) => f.by === "trainingCentre"),
    byProvince: policy.fairness.some((f) => f.by === "homeProvince"),
    byGroup,
    ownClass: (e) => policy.diversity !== null || named.has(e.id) || law.ownClass(e) || (byGroup && policy.groups.together === "employer"),
    bySupport: law.bySupport,
    byFormerIntern: law.byFormerIntern,
  };
};

const quotaLabel = (q: Quota): string => {
  const what = q.scope === "employer" ? `employer ${q.key}` : `${q.scope} ${q.key}`;
  const bound = q.min !== null && q.max !== null ? `between ${q.min} and ${q.max}` : q.min !== null ? `at least ${q.min}` : `at most ${q.max}`;
  return `${what}: ${bound} placed`;
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
  arcs: readonly ModelArc[],
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
    const { maxShare, maxCount, penalty } = policy.diversity;
    const arcsInto = classes.employers.map((): ModelArc[] => []);
    for (const arc of arcs) arcsInto[arc.to]?.push(arc);
    classes.employers.forEach((g, j) => {
      const e = repEmployer(j);
      const cap = Math.min(maxCount ?? Infinity, maxShare === null ? Infinity : Math.max(1, Math.floor(maxShare * e.slots)));
      const byCentre = new Map<string, { classes: number[]; supply: number }>();
      for (const arc of arcsInto[j] ?? []) {
        const centre = repWorker(arc.from).trainingCentre;
        const entry = byCentre.get(centre) ?? { classes: [], supply: 0 };
        entry.classes.push(arc.from);
        entry.supply += classes.workers[arc.from]?.members.length ?? 0;
        byCentre.set(centre, entry);
      }
      for (const [centre, entry] of [...byCentre.entries()].sort(([a], [b]) => compareStrings(a, b))) {
        if (cap >= Math.min(entry.supply, e.slots * g.members.length)) continue;
        policies.push({
          label: `at most ${cap} of ${e.id}'s workers from training centre ${centre}`,
          source: "policy.diversity",
          scope: { kind: "pairs", workers: entry.classes, employer: j },
          min: null,
          max: cap,
          penalty: units(penalty),
        });
      }
    });
  }

  // Worker classes with an arc (read by fairness floors only; one pass over the arcs, no copy).
  const hasArc = new Uint8Array(policy.fairness.length > 0 ? classes.workers.length : 0);
  if (policy.fairness.length > 0) for (const arc of arcs) hasArc[arc.from] = 1;
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
