/**
 * An oracle for the stability room, simpler than the library: preferences
 * written out again from the documented formulas (src/stable/preferences.ts),
 * eligibility from test/support/tiny.ts, blocking pairs by scanning every
 * pair, and stable matchings by enumerating every matching of a tiny
 * instance.
 */
import type { EmployerInput, InstanceInput, WorkerInput } from "../../src/input/codecs.js";
import { legalMost, reachesSupportLimits, supportCapacity } from "../support/lawOracle.js";
import { oracleEligible } from "../support/tiny.js";
import { MIN_WAGE } from "./builders.js";

const SECTOR: Readonly<Record<string, string>> = { "nursing-care": "caregiving", construction: "construction", "food-service": "hospitality" };
const LEVEL: Readonly<Record<string, number>> = { N5: 1, "JFT-Basic A2": 2, N4: 2, N3: 3, N2: 4, N1: 5 };

const points = (list: readonly string[], accept: (x: string) => boolean): number => {
  const i = list.findIndex(accept);
  return i < 0 ? 0 : Math.max(0, 5 - i);
};

const level = (w: WorkerInput): number => Math.max(0, ...w.language.map((l) => LEVEL[l] ?? 0));

type Skill = { readonly name: string; readonly level?: number; readonly years?: number };

const holds = (w: WorkerInput, s: Skill): boolean =>
  (w.skills ?? []).some((x) => x.name === s.name && (x.level ?? 1) >= (s.level ?? 0) && (x.years ?? 0) >= (s.years ?? 0));

export const eligible = (w: WorkerInput, e: EmployerInput): boolean => oracleEligible(w, e);

/** The wage paid from the first day: the declared wage, at least the Japanese employee's (equal pay) and the prefecture's minimum. */
export const startingWage = (e: EmployerInput): number => Math.max(e.hourlyWage, e.japaneseWage ?? 0, MIN_WAGE[e.prefecture] ?? 0);

/** Derived worker value: 50 x (4 x field points + 2 x prefecture points) + starting wage. */
export const derivedWorkerValue = (w: WorkerInput, e: EmployerInput): number =>
  50 * (4 * points(w.preferences?.fields ?? [], (x) => x === e.field || x === SECTOR[e.field]) + 2 * points(w.preferences?.prefectures ?? [], (x) => x === e.prefecture)) +
  startingWage(e);

/** Derived employer value: 2 x preferred skills held (<= 5) + levels above the requirement (<= 4) + years in a named skill (<= 5). */
export const derivedEmployerValue = (w: WorkerInput, e: EmployerInput): number => {
  const titp = (w.certifications ?? []).some((c) => c.via === "titp-2");
  const required = Math.max(titp ? 0 : 2, e.minLanguage === undefined ? 0 : (LEVEL[e.minLanguage] as number));
  const named = new Set([...(e.requiredSkills ?? []), ...(e.preferredSkills ?? [])].map((s) => s.name));
  const years = Math.max(0, ...(w.skills ?? []).filter((s) => named.has(s.name)).map((s) => s.years ?? 0));
  return 2 * Math.min(5, (e.preferredSkills ?? []).filter((s) => holds(w, s)).length) + Math.min(4, Math.max(0, level(w) - required)) + Math.min(5, Math.floor(years));
};

const tiers = (list: readonly (string | readonly string[])[]): Map<string, number> => {
  const out = new Map<string, number>();
  list.forEach((entry, i) => (typeof entry === "string" ? [entry] : entry).forEach((id) => out.set(id, i)));
  return out;
};

/** The worker's value of an employer with her stated ranking, if any; -Infinity: unacceptable. */
export const workerValue = (input: InstanceInput, w: WorkerInput, e: EmployerInput): number => {
  const r = input.rankings?.workers?.find((x) => x.worker === w.id);
  if (r === undefined) return derivedWorkerValue(w, e);
  const t = tiers(r.employers).get(e.id);
  if (t !== undefined) return 1e12 * (r.employers.length - t);
  return r.others === "unacceptable" ? -Infinity : derivedWorkerValue(w, e);
};

/** The employer's value of a worker with its stated ranking and interviews, if any; -Infinity: unacceptable. */
export const employerValue = (input: InstanceInput, w: WorkerInput, e: EmployerInput): number => {
  const r = input.rankings?.employers?.find((x) => x.employer === e.id);
  if (r === undefined) return derivedEmployerValue(w, e);
  if ((r.interviews?.rejected ?? []).includes(w.id)) return -Infinity;
  const list = r.workers ?? [];
  const t = tiers(list).get(w.id);
  if (t !== undefined) return 1e9 * (list.length - t + 2);
  if ((r.interviews?.accepted ?? []).includes(w.id)) return 1e9 + derivedEmployerValue(w, e);
  return r.others === "unacceptable" ? -Infinity : derivedEmployerValue(w, e);
};

export { legalMost };

/** A plan: employer id per worker id (absent: unplaced). */
export type Plan = ReadonlyMap<string, string>;

const sectorOf = (e: EmployerInput): string => SECTOR[e.field] ?? "other";

/** The most workers the employer may take: the law's most, and its own maximum quota. */
export const legalCapacity = (input: InstanceInput, e: EmployerInput): number => {
  let cap = legalMost(e);
  for (const q of input.policy?.quotas ?? []) if (q.scope === "employer" && q.key === e.id && q.max !== undefined) cap = Math.min(cap, q.max);
  return cap;
};

/** The law's caps over several employers: each support organisation's officers x 50, less the workers it supports elsewhere, once they apply. */
export const legalRegions = (input: InstanceInput): { max: number; has: (e: EmployerInput) => boolean }[] =>
  reachesSupportLimits(input)
    ? (input.supportOrganisations ?? []).map((o) => ({ max: supportCapacity(o), has: (e: EmployerInput) => e.support === o.id }))
    : [];

/** The law's caps over several employers, then the sector, field and prefecture maximum quotas (the order the mechanism takes caps of one size in), as employer sets. */
export const regions = (input: InstanceInput): { max: number; has: (e: EmployerInput) => boolean }[] => [
  ...legalRegions(input),
  ...(input.policy?.quotas ?? []).flatMap((q) =>
    q.max === undefined || q.scope === "employer"
      ? []
      : [{ max: q.max, has: (e: EmployerInput) => (q.scope === "sector" ? sectorOf(e) === q.key : q.scope === "field" ? e.field === q.key : e.prefecture === q.key) }],
  ),
];

export interface OraclePair {
  readonly workerId: string;
  readonly employerId: string;
  readonly kind: "free-slot" | "preferred";
  /** A free slot she would take moving within a cap at its maximum. */
  readonly withinFullCap: boolean;
}

/** Every blocking pair of a plan, by scanning every worker-employer pair (see src/stable/audit.ts for the definition). */
export const blockingPairs = (input: InstanceInput, plan: Plan): OraclePair[] => {
  const byId = new Map(input.employers.map((e) => [e.id, e]));
  const caps = regions(input);
  const held = (e: EmployerInput): WorkerInput[] => input.workers.filter((w) => plan.get(w.id) === e.id);
  const count = (r: { has: (e: EmployerInput) => boolean }): number => input.workers.filter((w) => plan.has(w.id) && r.has(byId.get(plan.get(w.id) as string) as EmployerInput)).length;
  const out: OraclePair[] = [];
  for (const w of input.workers) {
    const now = plan.get(w.id);
    const current = now === undefined ? undefined : byId.get(now);
    const mine = current === undefined ? -Infinity : workerValue(input, w, current);
    for (const e of input.employers) {
      if (e.id === now || !eligible(w, e)) continue;
      const v = workerValue(input, w, e);
      const ev = employerValue(input, w, e);
      if (!(v > mine) || ev === -Infinity) continue;
      // After the change (she moves in; without a free slot, one held worker moves out), e and every cap holding it within limits.
      const inside = (r: { has: (e: EmployerInput) => boolean }): boolean => current !== undefined && r.has(current);
      const free =
        held(e).length < legalCapacity(input, e) && caps.every((r) => !r.has(e) || (inside(r) ? count(r) <= r.max : count(r) + 1 <= r.max));
      const preferred =
        held(e).length <= legalCapacity(input, e) &&
        held(e).some((x) => employerValue(input, x, e) < ev) &&
        caps.every((r) => !r.has(e) || (inside(r) ? count(r) - 1 <= r.max : count(r) <= r.max));
      const withinFullCap = free && caps.some((r) => r.has(e) && inside(r) && count(r) === r.max);
      if (free || preferred) out.push({ workerId: w.id, employerId: e.id, kind: free ? "free-slot" : "preferred", withinFullCap });
    }
  }
  return out;
};

/** Employers grouped as the library's cells would group them in these tests (same attributes and wage), by the first employer id. */
const groupKey = (input: InstanceInput, e: EmployerInput): string => {
  const named = (input.rankings?.employers ?? []).some((r) => r.employer === e.id) || (input.rankings?.workers ?? []).some((r) => r.employers.flat().includes(e.id));
  return named ? e.id : JSON.stringify([e.prefecture, e.field, e.jobCategory, e.minLanguage, e.requiredSkills, e.preferredSkills, e.hourlyWage]);
};

/**
 * Strict preferences by the documented tie rules: a worker's ties by the
 * group of interchangeable employers with the smaller first id, then id; an
 * employer's ties by worker id.
 */
export const strict = (input: InstanceInput) => {
  const firstOfGroup = new Map<string, string>();
  for (const e of [...input.employers].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const k = groupKey(input, e);
    if (!firstOfGroup.has(k)) firstOfGroup.set(k, e.id);
  }
  const group = (e: EmployerInput): string => firstOfGroup.get(groupKey(input, e)) as string;
  /** Whether w strictly prefers a to b (b undefined: unplaced). */
  const workerPrefers = (w: WorkerInput, a: EmployerInput, b: EmployerInput | undefined): boolean => {
    const va = workerValue(input, w, a);
    if (va === -Infinity) return false;
    if (b === undefined) return true;
    const vb = workerValue(input, w, b);
    return va > vb || (va === vb && (group(a) < group(b) || (group(a) === group(b) && a.id < b.id)));
  };
  const employerPrefers = (e: EmployerInput, a: WorkerInput, b: WorkerInput): boolean => {
    const va = employerValue(input, a, e);
    const vb = employerValue(input, b, e);
    return va > vb || (va === vb && a.id < b.id);
  };
  return { workerPrefers, employerPrefers };
};

/** Every matching (employer id or none per worker) within legal capacities and regional maximums, eligible and acceptable to both. */
export const allMatchings = (input: InstanceInput): Map<string, string>[] => {
  const caps = regions(input);
  const out: Map<string, string>[] = [];
  const used = new Map<string, number>();
  const current = new Map<string, string>();
  const go = (i: number): void => {
    if (i === input.workers.length) {
      const byId = new Map(input.employers.map((e) => [e.id, e]));
      const placedIn = (r: { has: (e: EmployerInput) => boolean }): number => [...current.values()].filter((id) => r.has(byId.get(id) as EmployerInput)).length;
      if (caps.every((r) => placedIn(r) <= r.max)) out.push(new Map(current));
      return;
    }
    const w = input.workers[i] as WorkerInput;
    go(i + 1);
    for (const e of input.employers) {
      if (!eligible(w, e) || workerValue(input, w, e) === -Infinity || employerValue(input, w, e) === -Infinity) continue;
      if ((used.get(e.id) ?? 0) >= legalCapacity(input, e)) continue;
      used.set(e.id, (used.get(e.id) ?? 0) + 1);
      current.set(w.id, e.id);
      go(i + 1);
      current.delete(w.id);
      used.set(e.id, (used.get(e.id) ?? 0) - 1);
    }
  };
  go(0);
  return out;
};

/** Whether a matching is stable under the strict (tie-broken) preferences, with no caps but legal capacity. */
export const strictlyStable = (input: InstanceInput, m: ReadonlyMap<string, string>): boolean => {
  const { workerPrefers, employerPrefers } = strict(input);
  const byId = new Map(input.employers.map((e) => [e.id, e]));
  for (const w of input.workers) {
    const now = m.get(w.id);
    for (const e of input.employers) {
      if (e.id === now || !eligible(w, e) || employerValue(input, w, e) === -Infinity) continue;
      if (!workerPrefers(w, e, now === undefined ? undefined : byId.get(now))) continue;
      const held = input.workers.filter((x) => m.get(x.id) === e.id);
      if (held.length < legalCapacity(input, e) || held.some((x) => employerPrefers(e, w, x))) return false;
    }
  }
  return true;
};
