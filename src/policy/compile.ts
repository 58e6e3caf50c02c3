/**
 * Policy into model: turns a decoded policy into structured constraints over
 * the model's classes and arcs (../model/types.ts: PolicyConstraint,
 * GroupConstraint). It decides nothing itself; the engines enforce.
 *
 * What each becomes:
 * - quota (sector, field, prefecture, employer): the arcs into the matching
 *   employer classes, within [min, max];
 * - legal headcount cap: for each employer in a field with a legal cap
 *   (nursing care: Japanese care staff; construction: full-time staff), the
 *   arcs into it at most that staff count, where it is below its slots. It
 *   caps this cohort's placements; SSW workers already employed are not
 *   known to jobmatch and must be subtracted from the declared staff by the
 *   caller;
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
 * denominator: `policyPenalties` and ../model/objective.ts).
 */
import { findField } from "../domain/fields.js";
import type { Employer, Instance, Worker } from "../input/instance.js";
import { compareStrings } from "../input/instance.js";
import { penaltyUnits } from "../model/objective.js";
import type { GroupConstraint, ModelArc, PolicyConstraint } from "../model/types.js";
import { staffFigure } from "./decode.js";
import type { Policy, Quota } from "./types.js";

export interface ClassTables {
  readonly workers: readonly { readonly members: readonly number[] }[];
  readonly employers: readonly { readonly members: readonly number[] }[];
}

/** What the policy needs the classes to keep apart. */
export interface ClassSplits {
  readonly byCentre: boolean;
  readonly byProvince: boolean;
  readonly byGroup: boolean;
  /** Employers that need a class of their own. */
  readonly ownClass: (employer: Employer) => boolean;
}

export const classSplits = (instance: Instance): ClassSplits => {
  const { policy, reference } = instance;
  const named = new Set(policy.quotas.filter((q) => q.scope === "employer").map((q) => q.key));
  const byGroup = instance.workers.some((w) => w.group !== null);
  return {
    byCentre: policy.diversity !== null || policy.fairness.some((f) => f.by === "trainingCentre"),
    byProvince: policy.fairness.some((f) => f.by === "homeProvince"),
    byGroup,
    ownClass: (e) =>
      policy.diversity !== null ||
      named.has(e.id) ||
      (policy.headcountCaps !== null && staffFigure(reference.catalogue, e.field) !== null) ||
      (byGroup && policy.groups.together === "employer"),
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
    policy.headcountCaps?.penalty ?? null,
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
  const employerClassOf = new Map<string, number>();
  classes.employers.forEach((g, j) => g.members.forEach((i) => employerClassOf.set((employers[i] as Employer).id, j)));
  const policies: PolicyConstraint[] = [];

  for (const q of policy.quotas) {
    const matches = (e: Employer): boolean =>
      q.scope === "employer"
        ? e.id === q.key
        : q.scope === "field"
          ? e.field === q.key
          : q.scope === "prefecture"
            ? e.prefecture === q.key
            : findField(reference.catalogue, e.field)?.sector === q.key;
    const matching = classes.employers.flatMap((_, j) => (matches(repEmployer(j)) ? [j] : []));
    policies.push({ label: quotaLabel(q), source: q.source, scope: { kind: "employers", classes: matching }, min: q.min, max: q.max, penalty: units(q.penalty) });
  }

  if (policy.headcountCaps !== null) {
    for (const e of employers) {
      const figure = staffFigure(reference.catalogue, e.field);
      const cap = figure === null ? null : e[figure];
      const j = employerClassOf.get(e.id);
      if (cap === null || j === undefined || cap >= e.slots) continue;
      policies.push({
        label: `legal cap at ${e.id}: at most ${cap} SSW worker${cap === 1 ? "" : "s"} (${figure === "japaneseCareStaff" ? "Japanese care staff" : "full-time staff"} ${cap})`,
        source: "policy.headcountCaps",
        scope: { kind: "employers", classes: [j] },
        min: null,
        max: cap,
        penalty: units(policy.headcountCaps.penalty),
      });
    }
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

  const hasArc = new Set(arcs.map((a) => a.from));
  for (const f of policy.fairness) {
    const groups = new Map<string, { classes: number[]; workers: number; eligible: number }>();
    classes.workers.forEach((g, c) => {
      const w = repWorker(c);
      const key = f.by === "trainingCentre" ? w.trainingCentre : w.homeProvince;
      const entry = groups.get(key) ?? { classes: [], workers: 0, eligible: 0 };
      entry.classes.push(c);
      entry.workers += g.members.length;
      if (hasArc.has(c)) entry.eligible += g.members.length;
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
    if (id !== null) members.set(id, [...(members.get(id) ?? []), c]);
  });
  const regionKey = (j: number): string => (policy.groups.together === "prefecture" ? repEmployer(j).prefecture : `${j}`);
  const regionMap = new Map<string, number[]>();
  classes.employers.forEach((_, j) => regionMap.set(regionKey(j), [...(regionMap.get(regionKey(j)) ?? []), j]));
  const regions = [...regionMap.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, js]) => js);
  for (const [id, cs] of [...members.entries()].sort(([a], [b]) => compareStrings(a, b))) {
    const size = cs.reduce((s, c) => s + (classes.workers[c]?.members.length ?? 0), 0);
    if (size < 2) continue;
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
