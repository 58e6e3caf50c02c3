/**
 * Side-by-side comparison of match results (scenarios, or one scenario and
 * its variations), as data: one row per result with the numbers planners
 * compare (placement rate, fill by field and prefecture, mean score, unplaced
 * by reason, times), and the union of fields and prefectures so that every
 * table has the same rows for every column. The reports render it
 * (src/report/markdown.ts, src/report/html.ts).
 *
 * @example
 * const c = compareResults([{ name: "pilot", result: a }, { name: "N3", result: b }]);
 * c.rows[1].placementRate - c.rows[0].placementRate; // what the variation changed
 */
import type { GroupSummary, MatchResult, UnplacedReason } from "../result/types.js";
import type { StabilitySummary } from "../stable/types.js";
import type { ScenarioRun } from "./run.js";

/** A result with the name it is shown under. */
export interface LabelledResult {
  readonly name: string;
  readonly result: MatchResult;
  /** Milliseconds spent drawing the instance, for scenarios. */
  readonly generateMs?: number;
}

/** Why a worker was not placed (`UnplacedReason["kind"]`). */
export type UnplacedKind = UnplacedReason["kind"];
/** Every unplaced reason, in report order. */
export const UNPLACED_KINDS: readonly UnplacedKind[] = ["no-eligible-slot", "eligible-slots-taken", "no-solution"];

/** One result's numbers in a comparison. */
export interface ComparisonRow {
  readonly name: string;
  readonly status: MatchResult["status"];
  readonly message: string | null;
  readonly engine: MatchResult["engine"];
  readonly workers: number;
  readonly slots: number;
  readonly placed: number;
  /** placed / workers (0 without workers). */
  readonly placementRate: number;
  /** placed / slots (0 without slots). */
  readonly fillRate: number;
  readonly meanScore: number;
  readonly unplacedByReason: Readonly<Record<UnplacedKind, number>>;
  /** Slots, placed and unfilled per SSW field; a field the result lacks has zeros. */
  readonly byField: Readonly<Record<string, GroupSummary>>;
  /** The same per prefecture (JIS code). */
  readonly byPrefecture: Readonly<Record<string, GroupSummary>>;
  readonly solveMs: number;
  readonly totalMs: number;
  readonly generateMs: number | null;
  readonly totalScore: number;
  /** Blocking pairs and retention risk (../stable/types.ts); null without a solution. */
  readonly stability: StabilitySummary | null;
}

/** Results side by side: one row each, and the fields and prefectures any of them has. */
export interface Comparison {
  readonly rows: readonly ComparisonRow[];
  /** Every field of any row, most slots (over all rows) first. */
  readonly fields: readonly string[];
  /** Every prefecture of any row, by JIS code. */
  readonly prefectures: readonly string[];
}

const EMPTY: GroupSummary = { placed: 0, slots: 0, unfilledSlots: 0 };

/** `placed / slots` of a group, or null when it has no slots. */
export const fillOf = (g: { readonly placed: number; readonly slots: number } | undefined): number | null => (g === undefined || g.slots === 0 ? null : g.placed / g.slots);

const complete = (groups: Readonly<Record<string, GroupSummary>>, keys: readonly string[]): Record<string, GroupSummary> =>
  Object.fromEntries(keys.map((k) => [k, groups[k] ?? EMPTY]));

/** Keys of every row's groups; ordered by `order`. */
const union = (
  results: readonly LabelledResult[],
  pick: (r: MatchResult) => Readonly<Record<string, GroupSummary>>,
  order: (a: [string, number], b: [string, number]) => number,
): string[] => {
  const slots = new Map<string, number>();
  for (const { result } of results) for (const [k, g] of Object.entries(pick(result))) slots.set(k, (slots.get(k) ?? 0) + g.slots);
  return [...slots.entries()].sort(order).map(([k]) => k);
};

const byCode = (a: [string, number], b: [string, number]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const bySlots = (a: [string, number], b: [string, number]): number => b[1] - a[1] || byCode(a, b);

/** The comparison of labelled results, in the order given. */
export const compareResults = (results: readonly LabelledResult[]): Comparison => {
  const fields = union(results, (r) => r.summary.byField, bySlots);
  const prefectures = union(results, (r) => r.summary.byPrefecture, byCode);
  const rows = results.map(({ name, result: r, generateMs }): ComparisonRow => {
    const s = r.summary;
    return {
      name,
      status: r.status,
      message: r.message,
      engine: r.engine,
      workers: s.workers,
      slots: s.slots,
      placed: s.placed,
      placementRate: s.placementRate,
      fillRate: s.slots === 0 ? 0 : s.placed / s.slots,
      meanScore: s.meanScore,
      unplacedByReason: { ...s.unplacedByReason },
      byField: complete(s.byField, fields),
      byPrefecture: complete(s.byPrefecture, prefectures),
      solveMs: r.timings.solveMs,
      totalMs: r.timings.totalMs,
      generateMs: generateMs ?? null,
      totalScore: s.totalScore,
      stability: r.stability ?? null,
    };
  });
  return { rows, fields, prefectures };
};

/** The comparison of scenario runs, each under its scenario's name. */
export const compareRuns = (runs: readonly ScenarioRun[]): Comparison =>
  compareResults(runs.map((r) => ({ name: r.name, result: r.result, generateMs: r.generateMs })));
