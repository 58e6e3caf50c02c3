/**
 * How a result stands against its policy, per line of the policy section,
 * and against the legal limits, per law: a quota is one constraint, but the
 * diversity limit, a fairness floor, the groups and each legal limit compile
 * to one constraint per employer, centre, family or organisation. The
 * reports show one row per source with how many of its constraints are met,
 * and list the ones not met (soft ones paid a penalty; a hard one is never
 * broken in a solution).
 *
 * @example
 * policyDigest(result)
 * // [{ source: "policy.quotas[0]", what: "sector caregiving: at least 650 placed", constraints: 1, met: 1, broken: [] }, ...]
 */
import type { MatchResult, PolicyOutcome } from "../result/types.js";

export interface PolicyDigestRow {
  /** Where it comes from: in the input ("policy.diversity"), or the law ("law.care-staff-cap"). */
  readonly source: string;
  /** In words: a quota's label, or what the family of constraints is. */
  readonly what: string;
  readonly constraints: number;
  readonly met: number;
  /** Met, and at a bound: these are the constraints that bind, the ones a change would first run into. */
  readonly atLimit: number;
  /** The constraints not met, in model order. */
  readonly broken: readonly PolicyOutcome[];
}

/**
 * The bounds a policy outcome states, read from its label as the policy
 * compiler writes it ("at least 650", "at most 21", "between 5 and 9");
 * groups and labels without a number have none.
 */
export const boundsOf = (label: string): { readonly min: number | null; readonly max: number | null } => {
  const between = /between (\d+) and (\d+)/.exec(label);
  if (between !== null) return { min: Number(between[1]), max: Number(between[2]) };
  const least = /at least (\d+)/.exec(label);
  const most = /at most (\d+)/.exec(label);
  return { min: least === null ? null : Number(least[1]), max: most === null ? null : Number(most[1]) };
};

/** Whether a met constraint sits at one of its bounds. */
const atLimit = (p: PolicyOutcome): boolean => {
  if (p.violation > 0) return false;
  const b = boundsOf(p.label);
  return p.value === b.min || p.value === b.max;
};

const FAMILY_WORDS: Readonly<Record<string, string>> = {
  "law.care-staff-cap": "nursing care: at most the Japanese etc. full-time care staff (one per capped employer)",
  "law.construction-staff-cap": "construction: at most the full-time staff (one per capped employer)",
  "law.acceptance-plan": "construction: at most the approved acceptance plan's headcount (one per employer)",
  "law.housing": "housing: beds, and 7.5 m2 a person (one per employer)",
  "law.support-capacity": "support organisations: 50 workers per officer (one per organisation)",
  "policy.diversity": "diversity limits (one per employer and training centre; employers alike in every rule share one, their limits summed)",
  "workers[].group": "groups placed together or not at all (one per group)",
};

const whatOf = (source: string, first: PolicyOutcome, count: number): string => {
  const family = FAMILY_WORDS[source];
  if (family !== undefined) return family;
  if (source.startsWith("policy.fairness")) {
    const by = first.label.startsWith("home province") ? "home province" : "training centre";
    return `fairness floors by ${by} (one per ${by === "home province" ? "province" : "centre"})`;
  }
  return count === 1 ? first.label : `${first.label} and ${count - 1} more`;
};

const SECTIONS = ["policy.quotas", "policy.diversity", "policy.fairness", "workers[].group"];

/** Where a source stands in the policy as written: its section in the format's order, then its index ("policy.quotas[10]" after "[2]"). */
const compareSources = (a: string, b: string): number => {
  const rank = (s: string): [number, number] => {
    const section = SECTIONS.findIndex((x) => s === x || s.startsWith(`${x}[`));
    return [section < 0 ? SECTIONS.length : section, Number(/\[(\d+)\]$/.exec(s)?.[1] ?? 0)];
  };
  const [ra, rb] = [rank(a), rank(b)];
  return ra[0] - rb[0] || ra[1] - rb[1] || (a < b ? -1 : a > b ? 1 : 0);
};

/**
 * One row per source: of the policy's constraints, in the order the input
 * wrote them (the model holds them in a canonical order of its own), or
 * (`law`) of the legal limits, in the order the result lists them; empty
 * when there are none.
 */
export const policyDigest = (result: MatchResult, which: "policy" | "law" = "policy"): PolicyDigestRow[] => {
  const bySource = new Map<string, PolicyOutcome[]>();
  for (const p of result.policy) {
    if (p.law !== (which === "law")) continue;
    const list = bySource.get(p.source);
    if (list === undefined) bySource.set(p.source, [p]);
    else list.push(p);
  }
  const entries = [...bySource.entries()];
  return (which === "law" ? entries : entries.sort(([a], [b]) => compareSources(a, b))).map(([source, outcomes]) => ({
    source,
    what: whatOf(source, outcomes[0] as PolicyOutcome, outcomes.length),
    constraints: outcomes.length,
    met: outcomes.filter((p) => p.violation === 0).length,
    atLimit: outcomes.filter(atLimit).length,
    broken: outcomes.filter((p) => p.violation > 0),
  }));
};

/** "sector caregiving: at least 650 placed: 612 placed, off by 38 (soft, penalty paid)"; a group: "split, 2 placed". */
export const brokenWords = (p: PolicyOutcome): string =>
  `${p.label}: ${p.source === "workers[].group" ? `split, ${p.value} placed` : `${p.value} placed, off by ${p.violation}`}${p.hard ? "" : " (soft, penalty paid)"}`;
