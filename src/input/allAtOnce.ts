/**
 * Every issue in one round. The decoder's structural pass (types, allowed
 * values) used to stop before its semantic pass (duplicate ids, unknown
 * fields and prefectures, wages under the minimum), so a file with a typo in
 * one row and a wage too low in another needed two rounds of fixing. Here,
 * when the structural pass fails, the rows that are well formed are checked
 * semantically too, and their issues are added, pointed back at the rows
 * they came from.
 *
 * A row that is not well formed is left out of the semantic pass, except
 * that its id (when it has one) is still checked for repeats. When an
 * employer row is left out, the policy section's semantic checks are
 * skipped: they would wrongly miss the employer. Nothing here throws.
 */
import * as E from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { at, issue, type InputIssue } from "./issues.js";

type Decode<A> = (input: unknown) => E.Either<readonly InputIssue[], A>;

const rowIndex = (path: string): readonly [number, number] => {
  const m = /^(workers|employers)\[(\d+)\]/.exec(path);
  return m === null ? [2, 0] : [m[1] === "workers" ? 0 : 1, Number(m[2])];
};

/** Issues in input order: workers by row, employers by row, then the rest; stable within a row. */
export const byRow = (issues: readonly InputIssue[]): InputIssue[] =>
  issues
    .map((i, k) => [i, rowIndex(i.path), k] as const)
    .sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1] || a[2] - b[2])
    .map(([i]) => i);

/**
 * The structural issues of `input`, plus the semantic issues of its
 * well-formed rows (decoded by `check`, a decoder that runs both passes);
 * see the module comment.
 */
export const withRowChecks = <A>(
  input: unknown,
  structural: readonly InputIssue[],
  rowCodecs: { readonly workers: t.Mixed; readonly employers: t.Mixed },
  check: Decode<A>,
): InputIssue[] => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return [...structural];
  const { workers, employers, ...rest } = input as Record<string, unknown>;
  if (!Array.isArray(workers) || !Array.isArray(employers)) return [...structural];
  const keep = (rows: readonly unknown[], codec: t.Mixed): { values: unknown[]; from: number[] } => {
    const values: unknown[] = [];
    const from: number[] = [];
    rows.forEach((row, i) => {
      const d = codec.decode(row);
      if (E.isRight(d)) {
        values.push(d.right);
        from.push(i);
      }
    });
    return { values, from };
  };
  const w = keep(workers, rowCodecs.workers);
  const e = keep(employers, rowCodecs.employers);
  const droppedEmployer = e.values.length < employers.length;
  const second = check({ ...rest, ...(droppedEmployer ? { policy: undefined } : {}), workers: w.values, employers: e.values });
  if (E.isRight(second)) return [...structural, ...repeatedIds(workers, employers, w.from, e.from)];
  const back = (text: string): string =>
    text.replace(/\b(workers|employers)\[(\d+)\]/g, (_all, list: string, k: string) => `${list}[${(list === "workers" ? w.from : e.from)[Number(k)] ?? k}]`);
  const seen = new Set(structural.map((i) => i.path));
  const semantic = second.left
    // sections outside the rows that are malformed report themselves structurally
    .filter((i) => /^(workers|employers)\[/.test(i.path) || !seen.has(i.path))
    .filter((i) => !(droppedEmployer && i.path.startsWith("policy")))
    .map((i) => ({ ...i, path: back(i.path), expected: back(i.expected) }))
    .filter((i) => !seen.has(i.path));
  return byRow([...structural, ...semantic, ...repeatedIds(workers, employers, w.from, e.from)]);
};

/** Ids of malformed rows that repeat an earlier row's id (the semantic pass saw only well-formed rows). */
const repeatedIds = (workers: readonly unknown[], employers: readonly unknown[], goodW: readonly number[], goodE: readonly number[]): InputIssue[] => {
  const out: InputIssue[] = [];
  for (const [list, rows, good] of [["workers", workers, new Set(goodW)], ["employers", employers, new Set(goodE)]] as const) {
    const first = new Map<string, number>();
    rows.forEach((row, i) => {
      const id = typeof row === "object" && row !== null ? (row as { id?: unknown }).id : undefined;
      if (typeof id !== "string") return;
      const j = first.get(id);
      if (j === undefined) first.set(id, i);
      else if (!good.has(i) || !good.has(j)) out.push(issue("duplicate-id", at(at(list, i), "id"), `a unique id (also used by ${list}[${j}])`, id));
    });
  }
  return out;
};
