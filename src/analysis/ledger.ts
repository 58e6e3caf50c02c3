/**
 * The policy as a result stands against it, and what a change to that result
 * would do to it: which constraints a move of some workers would break, by
 * how much, and what the soft ones would cost. This is how an explanation
 * names the constraint that decided a case ("the legal cap at E017 is
 * reached: 3 of 3") instead of a general caveat.
 *
 * The constraints are the ones `match` solved with: the law's limits
 * (../rules/limits.ts `lawLimits`, most of which the model holds as
 * employers' capacities), then the policy's, which the ledger compiles again
 * (model building is deterministic); each constraint's value is read from
 * the result's placements. A legal limit is matched by employer (housing's
 * unless the worker interned there); a policy's scope by class: a worker's
 * class for fairness floors and groups, an employer's class for quotas, and
 * for a diversity limit the employer's class and the worker's training
 * centre (so a worker changed by a what-if, whose class the model never saw,
 * is still counted right).
 *
 * Units: a soft constraint's penalty is in objective units (placement weight
 * per placement, ../model/objective.ts), so a move's `objectiveChange` is
 * exact: placementWeight x placements + score change - penalties. The result
 * is optimal when no move that breaks no hard constraint has a positive
 * objectiveChange.
 *
 * @example
 * const ledger = policyLedger(ctx);
 * ledger?.breaches([{ workerId: "W0031", to: "E017" }]) // [{ label: "legal cap at E017: at most 3 ...", before: 3, after: 4, ... }]
 */
import type { Instance } from "../input/instance.js";
import { buildModel } from "../model/build.js";
import { violationAt } from "../model/objective.js";
import type { AssignmentModel, GroupConstraint, PolicyConstraint } from "../model/types.js";
import { lawCounts, lawLimits, type LawLimit } from "../rules/limits.js";
import type { MatchResult } from "../result/types.js";

/** One worker to a new place: an employer id, or null for unplaced. */
export interface Move {
  readonly workerId: string;
  readonly to: string | null;
}

/** A constraint a change would break (or break further). */
export interface Breach {
  /** The constraint in domain words, and where it is in the input. */
  readonly label: string;
  readonly source: string;
  readonly hard: boolean;
  /** Which side it breaks: a minimum, a maximum, or a group's togetherness. */
  readonly bound: "min" | "max" | "together";
  /** The placements it counts before and after the change (for a group: its placed members). */
  readonly before: number;
  readonly after: number;
  /** Units of violation added (for a group: 1, it is split). */
  readonly units: number;
  /** For a soft constraint, its penalty per unit in placements; null when hard. */
  readonly penalty: number | null;
  /** "legal cap at E017: at most 3 SSW workers (full-time staff 3), already 3, would be 4". */
  readonly text: string;
}

/** What a change would do to the policy. */
export interface PolicyEffect {
  readonly breaches: readonly Breach[];
  /** Soft penalties added by the change, less those it removes, in objective units. */
  readonly penaltyChange: number;
}

export interface PolicyLedger {
  readonly placementWeight: number;
  readonly effect: (moves: readonly Move[]) => PolicyEffect;
  /** The hard maximums this employer's placements count towards that the result has reached, in model order. */
  readonly reachedAt: (employerId: string) => readonly { readonly label: string; readonly source: string; readonly value: number }[];
}

/** Whether a group with these members' regions (-1: unplaced) is split. */
const split = (regions: readonly number[]): boolean => {
  const placed = regions.filter((r) => r >= 0);
  return placed.length > 0 && (placed.length < regions.length || new Set(placed).size > 1);
};

const breachText = (label: string, bound: Breach["bound"], before: number, after: number, size: number, penalty: number | null): string => {
  const what =
    bound === "together"
      ? after === size
        ? `${label}: its members would be in different places`
        : `${label}: ${after} of its ${size} would be placed`
      : `${label}: ${before} now, would be ${after}`;
  return penalty === null ? what : `${what} (soft: ${placementsWords(penalty)} per unit)`;
};

/** A penalty in placements, to two decimals: "1 placement", "0.5 placements". */
export const placementsWords = (n: number): string => {
  const shown = Number(n.toFixed(2));
  return `${shown} placement${shown === 1 ? "" : "s"}`;
};

/** What the ledger reads of a constraint, the law's or the policy's: its words and its bounds. */
type Counted = Pick<PolicyConstraint, "label" | "source" | "min" | "max" | "penalty">;

const ledgers = new WeakMap<MatchResult, PolicyLedger | null>();

/** The ledger of a result, or null when the instance has no policy constraint or group, or the result no solution. */
export const policyLedger = (instance: Instance, result: MatchResult): PolicyLedger | null => {
  if (ledgers.has(result)) return ledgers.get(result) ?? null;
  const ledger = result.hasSolution ? buildLedger(instance, result) : null;
  ledgers.set(result, ledger);
  return ledger;
};

const buildLedger = (instance: Instance, result: MatchResult): PolicyLedger | null => {
  const built = buildModel(instance);
  const { model } = built;
  const law = lawLimits(instance);
  const ownPolicies = (model.policies ?? []).filter((p) => p.law !== true);
  // The law's limits first (as a constraint each, counted by employer), then the policy's.
  const policies: Counted[] = [...law.map((l): Counted => ({ label: l.label, source: l.source, min: null, max: l.max, penalty: null })), ...ownPolicies];
  const groups = model.groups ?? [];
  if (policies.length === 0 && groups.length === 0) return null;

  const workerIndex = new Map(instance.workers.map((w, i) => [w.id, i]));
  const employerIndex = new Map(instance.employers.map((e, i) => [e.id, i]));
  const workerClass = new Int32Array(instance.workers.length);
  built.workerMembers.forEach((members, c) => members.forEach((w) => (workerClass[w] = c)));
  const employerClass = new Int32Array(instance.employers.length);
  built.employerMembers.forEach((members, j) => members.forEach((e) => (employerClass[e] = j)));
  const centreOfClass = (c: number): string => instance.workers[built.workerMembers[c]?.[0] as number]?.trainingCentre ?? "";

  // Which constraints a (worker, employer) pair counts towards: the law's by
  // employer index, the policy's by class.
  const byEmployerIndex = instance.employers.map((): number[] => []);
  law.forEach((l, k) => l.employers.forEach((e) => byEmployerIndex[e]?.push(k)));
  const byEmployer = model.employerClasses.map((): number[] => []);
  const byWorker = model.workerClasses.map((): number[] => []);
  // A pair scope counts some of an employer's workers: by training centre (a diversity limit).
  const pairCounts = new Map<number, (w: number) => boolean>();
  ownPolicies.forEach((p, i) => {
    const k = law.length + i;
    const s = p.scope;
    if (s.kind === "employers") s.classes.forEach((j) => byEmployer[j]?.push(k));
    else if (s.kind === "workers") s.classes.forEach((c) => byWorker[c]?.push(k));
    else {
      byEmployer[s.employer]?.push(k);
      const centre = centreOfClass(s.workers[0] ?? -1);
      pairCounts.set(k, (w) => instance.workers[w]?.trainingCentre === centre);
    }
  });
  const counting = (w: number, e: number): number[] => {
    const viaLaw = (byEmployerIndex[e] ?? []).filter((k) => lawCounts(instance, law[k] as LawLimit, w, e));
    const viaEmployer = (byEmployer[employerClass[e] ?? -1] ?? []).filter((k) => pairCounts.get(k)?.(w) ?? true);
    return [...viaLaw, ...viaEmployer, ...(byWorker[workerClass[w] ?? -1] ?? [])];
  };

  const groupOfClass = new Map<number, number>();
  groups.forEach((g, k) => g.workerClasses.forEach((c) => groupOfClass.set(c, k)));
  const membersOf = groups.map((): number[] => []);
  instance.workers.forEach((_, w) => {
    const k = groupOfClass.get(workerClass[w] ?? -1);
    if (k !== undefined) membersOf[k]?.push(w);
  });
  const regionOf = groups.map((g) => {
    const map = new Map<number, number>();
    g.regions.forEach((region, r) => region.forEach((j) => map.set(j, r)));
    return map;
  });

  // The result as employer indices per worker, and each constraint's value.
  const placedAt = new Int32Array(instance.workers.length).fill(-1);
  for (const p of result.placements) placedAt[workerIndex.get(p.workerId) ?? -1] = employerIndex.get(p.employerId) ?? -1;
  const values = policies.map(() => 0);
  placedAt.forEach((e, w) => {
    if (e >= 0) for (const k of counting(w, e)) values[k] = (values[k] ?? 0) + 1;
  });

  const effect = (moves: readonly Move[]): PolicyEffect => {
    const next = new Map<number, number>();
    for (const m of moves) {
      const w = workerIndex.get(m.workerId);
      if (w !== undefined) next.set(w, m.to === null ? -1 : (employerIndex.get(m.to) ?? -1));
    }
    const delta = new Map<number, number>();
    const touchedGroups = new Set<number>();
    for (const [w, to] of next) {
      const from = placedAt[w] ?? -1;
      if (from === to) continue;
      if (from >= 0) for (const k of counting(w, from)) delta.set(k, (delta.get(k) ?? 0) - 1);
      if (to >= 0) for (const k of counting(w, to)) delta.set(k, (delta.get(k) ?? 0) + 1);
      const g = groupOfClass.get(workerClass[w] ?? -1);
      if (g !== undefined) touchedGroups.add(g);
    }
    const breaches: Breach[] = [];
    let penaltyChange = 0;
    for (const [k, d] of [...delta.entries()].sort(([a], [b]) => a - b)) {
      const p = policies[k] as Counted;
      const before = values[k] ?? 0;
      const added = violationAt(p, before + d) - violationAt(p, before);
      if (p.penalty !== null) penaltyChange += p.penalty * added;
      if (added <= 0) continue;
      const bound = p.min !== null && before + d < p.min ? "min" : "max";
      breaches.push(breachOf(p, bound, before, before + d, added, model));
    }
    for (const k of [...touchedGroups].sort((a, b) => a - b)) {
      const g = groups[k] as GroupConstraint;
      const regions = (at: (w: number) => number): number[] =>
        (membersOf[k] ?? []).map((w) => {
          const e = at(w);
          return e < 0 ? -1 : (regionOf[k]?.get(employerClass[e] ?? -1) ?? -1);
        });
      const before = regions((w) => placedAt[w] ?? -1);
      const after = regions((w) => next.get(w) ?? placedAt[w] ?? -1);
      const added = Number(split(after)) - Number(split(before));
      if (g.penalty !== null) penaltyChange += g.penalty * added;
      if (added <= 0) continue;
      const count = (rs: readonly number[]): number => rs.filter((r) => r >= 0).length;
      const penalty = g.penalty === null ? null : g.penalty / model.placementWeight;
      breaches.push({
        label: g.label,
        source: g.source,
        hard: g.penalty === null,
        bound: "together",
        before: count(before),
        after: count(after),
        units: added,
        penalty,
        text: breachText(g.label, "together", count(before), count(after), g.size, penalty),
      });
    }
    return { breaches, penaltyChange };
  };

  const reachedAt = (employerId: string): { label: string; source: string; value: number }[] => {
    const e = employerIndex.get(employerId);
    if (e === undefined) return [];
    return [...new Set([...(byEmployerIndex[e] ?? []), ...(byEmployer[employerClass[e] ?? -1] ?? [])])]
      .sort((a, b) => a - b)
      .flatMap((k) => {
        const p = policies[k] as Counted;
        const value = values[k] ?? 0;
        return p.penalty === null && p.max !== null && value >= p.max ? [{ label: p.label, source: p.source, value }] : [];
      });
  };

  return { placementWeight: model.placementWeight, effect, reachedAt };
};

const breachOf = (p: Counted, bound: "min" | "max", before: number, after: number, units: number, model: AssignmentModel): Breach => {
  const penalty = p.penalty === null ? null : p.penalty / model.placementWeight;
  return { label: p.label, source: p.source, hard: p.penalty === null, bound, before, after, units, penalty, text: breachText(p.label, bound, before, after, 0, penalty) };
};
