/**
 * Issues and notices about spreadsheet input, pointed at what the officer
 * typed: the file, the spreadsheet row and the column (with the item of a
 * list cell), instead of a path into the instance JSON.
 *
 *     workers[3].preferences.fields[0]  ->  workers.csv row 5, column preferredFields (item 1)
 *     employers[2].requiredSkills[1].level  ->  employers.csv row 4, column requiredSkills (item 2, level)
 *
 * A duplicate id names both rows (`also used by row 3`), and an unknown
 * field, prefecture or level gets a "did you mean" from the known values
 * when one is near.
 */
import { FIELD_CATALOGUES, SECTORS } from "../domain/fields.js";
import { LANGUAGE_EVIDENCE } from "../domain/language.js";
import { PREFECTURES } from "../domain/prefectures.js";
import type { InputIssue } from "../input/issues.js";
import type { InputNotice } from "../input/notices.js";
import { editDistance } from "../input/spelling.js";

/** Where a value is in the spreadsheets. */
export interface CellRef {
  readonly file: string;
  /** Spreadsheet row, header = 1. */
  readonly row: number;
  /** The column's name; null for the row as a whole. */
  readonly column: string | null;
  /** 1-based item of a list cell, or null. */
  readonly item: number | null;
  /** The part of an item (`level` of `welding:2:3`), or null. */
  readonly part: string | null;
}

/** What locating needs to know about where rows came from. */
export interface SheetOrigin {
  readonly names: { readonly workers: string; readonly employers: string };
  readonly workerRows: readonly number[];
  readonly employerRows: readonly number[];
  /** Headers as the sheets spell them, where they differ from the column names (`Language` for language). */
  readonly spelled?: { readonly workers: Readonly<Record<string, string>>; readonly employers: Readonly<Record<string, string>> };
}

/** JSON property to the CSV column it is read from, where the two differ. */
const COLUMN_OF: Readonly<Record<string, string>> = { "preferences.fields": "preferredFields", "preferences.prefectures": "preferredPrefectures" };

/** The cell a JSON path into a spreadsheet instance points at, or null for a path outside the rows. */
export const cellOf = (path: string, origin: SheetOrigin): CellRef | null => {
  const m = /^(workers|employers)\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (m === null) return null;
  const isWorker = m[1] === "workers";
  const row = (isWorker ? origin.workerRows : origin.employerRows)[Number(m[2])] ?? 0;
  const file = isWorker ? origin.names.workers : origin.names.employers;
  const rest = m[3];
  if (rest === undefined) return { file, row, column: null, item: null, part: null };
  const p = /^(preferences\.(?:fields|prefectures)|[A-Za-z]+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(rest);
  if (p === null) return { file, row, column: rest, item: null, part: null };
  const name = COLUMN_OF[p[1] as string] ?? (p[1] as string);
  const column = (isWorker ? origin.spelled?.workers : origin.spelled?.employers)?.[name] ?? name;
  return { file, row, column, item: p[2] === undefined ? null : Number(p[2]) + 1, part: p[3] ?? null };
};

/** `workers.csv row 5, column preferredFields (item 1)`. */
export const cellText = (c: CellRef): string =>
  `${c.file} row ${c.row}${c.column === null ? "" : `, column ${c.column}`}${
    c.item === null && c.part === null ? "" : ` (${[c.item === null ? null : `item ${c.item}`, c.part].filter((x) => x !== null).join(", ")})`
  }`;

const FIELD_NAMES = [...new Set(FIELD_CATALOGUES.flatMap((c) => c.fields.map((f) => f.id)))];
const PREFECTURE_NAMES = PREFECTURES.map((p) => p.name);

/** The known value nearest to `found` (at most 2 edits, ignoring case), or null. */
export const nearestKnown = (found: string, known: readonly string[]): string | null => {
  const f = found.toLowerCase();
  let best: string | null = null;
  let bestD = 3;
  for (const k of known) {
    const d = editDistance(f, k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
};

/** A "did you mean" for an issue's received value, from the values its code expects; null when none is near. */
export const suggestion = (i: InputIssue): string | null => {
  const said = /did you mean "([^"]+)"/.exec(i.expected)?.[1];
  if (said !== undefined) return said;
  let found: unknown;
  try {
    found = JSON.parse(i.received);
  } catch {
    return null;
  }
  if (typeof found !== "string") return null;
  const known =
    i.code === "unknown-field"
      ? [...FIELD_NAMES, ...(i.expected.startsWith("a sector") ? SECTORS : [])]
      : i.code === "unknown-prefecture"
        ? PREFECTURE_NAMES
        : i.code === "invalid" && /N5\.\.N1/.test(i.expected)
          ? LANGUAGE_EVIDENCE
          : [];
  return known.length === 0 ? null : nearestKnown(found, known);
};

/** The duplicate-id text with the other row named as the spreadsheet shows it. */
const otherRow = (expected: string, origin: SheetOrigin): string =>
  expected.replace(/\b(workers|employers)\[(\d+)\]/g, (all, list: string, k: string) => {
    const row = (list === "workers" ? origin.workerRows : origin.employerRows)[Number(k)];
    return row === undefined ? all : `row ${row} of ${list === "workers" ? origin.names.workers : origin.names.employers}`;
  });

/** An issue about spreadsheet input, with its cell and a suggestion. */
export interface CellIssue {
  readonly issue: InputIssue;
  readonly cell: CellRef | null;
  readonly suggestion: string | null;
}

/** Every issue pointed at its cell: the path in words, the other row of a duplicate named. */
export const locateIssues = (issues: readonly InputIssue[], origin: SheetOrigin): CellIssue[] =>
  issues.map((i) => {
    const cell = cellOf(i.path, origin);
    const expected = otherRow(i.expected, origin);
    return { issue: { ...i, path: cell === null ? i.path : cellText(cell), expected }, cell, suggestion: suggestion(i) };
  });

/** Notices with JSON paths pointed at their cells. */
export const locateNotices = (notices: readonly InputNotice[], origin: SheetOrigin): InputNotice[] =>
  notices.map((n) => {
    const cell = cellOf(n.path, origin);
    return cell === null ? n : { ...n, path: cellText(cell) };
  });
