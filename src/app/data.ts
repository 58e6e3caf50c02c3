/**
 * The data on the page, without the page: files dropped by the officer
 * (told apart by their columns, not their names), the bundled pilot, fixes
 * made in place, and the check that turns them into an instance input with
 * every issue and notice located where the officer typed it.
 */
import * as E from "fp-ts/lib/Either.js";
import { decodeInstance } from "../input/decode.js";
import type { InputIssue } from "../input/issues.js";
import type { InputNotice } from "../input/notices.js";
import { skillNotices } from "../input/vocabulary.js";
import { instanceFromSheets } from "../io/csv.js";
import { decodeBytes } from "../io/encoding.js";
import { readSheetFile } from "../io/load.js";
import { locateIssues, locateNotices, type CellIssue, type CellRef } from "../io/locate.js";
import { readPolicy } from "../io/policyFile.js";
import type { Sheet } from "../io/table.js";
import { looksLikeXlsx, readWorkbook } from "../io/xlsx.js";

/** Where the workers and employers come from. */
export type Source =
  | { readonly kind: "sheets"; readonly workers: Sheet | null; readonly employers: Sheet | null; readonly notices: readonly InputNotice[] }
  | { readonly kind: "json"; readonly name: string; readonly input: Readonly<Record<string, unknown>> };

/** What a check of the data found. */
export interface Checked {
  /** The instance input (with the policy), when the files could be read at all. */
  readonly input: Record<string, unknown> | null;
  readonly issues: readonly CellIssue[];
  readonly notices: readonly InputNotice[];
  /** Rows per side, for the status line. */
  readonly counts: { readonly workers: number; readonly employers: number };
}

const squash = (x: string): string => x.normalize("NFKC").toLowerCase().replace(/[\s_-]/g, "");

/** Which sheet a header row is: workers have a home province, employers a wage. */
const roleOf = (header: readonly string[]): "workers" | "employers" | "policy" | null => {
  const h = header.map(squash);
  if (h.includes("homeprovince") || h.includes("trainingcentre")) return "workers";
  if (h.includes("hourlywage") || h.includes("slots")) return "employers";
  if (h.includes("scope") && h.includes("key")) return "policy";
  return null;
};

/** A file the officer dropped, read: a sheet or two, a JSON instance, or a policy. */
export type Dropped =
  | { readonly kind: "sheet"; readonly role: "workers" | "employers"; readonly sheet: Sheet; readonly notices: readonly InputNotice[] }
  | { readonly kind: "instance"; readonly name: string; readonly input: Readonly<Record<string, unknown>> }
  | { readonly kind: "policy"; readonly name: string; readonly policy: unknown; readonly notices: readonly InputNotice[] }
  | { readonly kind: "problem"; readonly name: string; readonly issues: readonly InputIssue[] };

/** Reads one dropped file; a workbook may give two sheets. */
export const readDropped = async (name: string, bytes: Uint8Array): Promise<readonly Dropped[]> => {
  if (looksLikeXlsx(bytes)) {
    const book = await readWorkbook(bytes, name);
    if (E.isLeft(book)) return [{ kind: "problem", name, issues: book.left }];
    const out: Dropped[] = [];
    for (const s of book.right) {
      const role = roleOf(s.rows[0] ?? []);
      if (role === "workers" || role === "employers") out.push({ kind: "sheet", role, sheet: s, notices: [] });
    }
    return out.length > 0 ? out : [{ kind: "problem", name, issues: [{ code: "invalid", path: name, expected: "a sheet of workers (with a homeProvince column) or of employers (with an hourlyWage column)", received: `sheets ${book.right.map((s) => s.name).join(", ")}` }] }];
  }
  const text = decodeBytes(bytes, name);
  if (E.isLeft(text)) return [{ kind: "problem", name, issues: text.left }];
  const t = text.right.text.trim();
  if (t.startsWith("{")) {
    try {
      const json = JSON.parse(t) as Record<string, unknown>;
      if ("workers" in json || "employers" in json) return [{ kind: "instance", name, input: json }];
    } catch {
      // not JSON after all: read as a policy or a sheet below
    }
    const p = readPolicy(bytes, name);
    return E.isLeft(p) ? [{ kind: "problem", name, issues: p.left }] : [{ kind: "policy", name, policy: p.right.policy, notices: p.right.notices }];
  }
  const firstLine = t.split(/\r?\n/, 1)[0] ?? "";
  const role = roleOf(firstLine.split(/[,;\t]/).map((c) => c.replace(/"/g, "")));
  if (role === "policy") {
    const p = readPolicy(bytes, name);
    return E.isLeft(p) ? [{ kind: "problem", name, issues: p.left }] : [{ kind: "policy", name, policy: p.right.policy, notices: p.right.notices }];
  }
  if (role === null) return [{ kind: "problem", name, issues: [{ code: "invalid", path: name, expected: "workers (with a homeProvince column), employers (with an hourlyWage column), quotas (scope,key,...) or an instance JSON", received: `a first row "${firstLine.slice(0, 60)}"` }] }];
  const read = await readSheetFile({ name, bytes }, role);
  if (read.sheet === null) return [{ kind: "problem", name, issues: read.issues }];
  return [{ kind: "sheet", role, sheet: read.sheet, notices: read.notices }];
};

/** The column index a cell's column is in, reading headers as the sheet reader does. */
const columnIndex = (sheet: Sheet, column: string): number => (sheet.rows[0] ?? []).findIndex((h) => squash(h) === squash(column));

/** The sheet with one cell replaced (a fix made in place); the sheet as it was when the cell is not there. */
export const editCell = (sheet: Sheet, cell: CellRef, text: string): Sheet => {
  const c = cell.column === null ? -1 : columnIndex(sheet, cell.column);
  const r = cell.row - 1;
  if (c < 0 || r < 1 || r >= sheet.rows.length) return sheet;
  const rows = sheet.rows.map((row, i) => (i === r ? Object.assign([...row], { [c]: text }) : row));
  return { file: sheet.file, rows };
};

/** The text a cell holds now, for the fix box. */
export const cellValue = (sheet: Sheet, cell: CellRef): string => {
  const c = cell.column === null ? -1 : columnIndex(sheet, cell.column);
  return c < 0 ? "" : (sheet.rows[cell.row - 1]?.[c] ?? "");
};

/** The JSON input with the value at a path replaced (a fix made in place). */
export const editPath = (input: Readonly<Record<string, unknown>>, path: string, value: unknown): Record<string, unknown> => {
  const keys = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? (m[1] as string) : Number(m[2])));
  const set = (node: unknown, k: number): unknown => {
    if (k === keys.length) return value;
    const key = keys[k] as string | number;
    if (Array.isArray(node)) return node.map((x, i) => (i === key ? set(x, k + 1) : x));
    const obj = typeof node === "object" && node !== null ? (node as Record<string, unknown>) : {};
    return { ...obj, [key]: set(obj[key as string], k + 1) };
  };
  return set(input, 0) as Record<string, unknown>;
};

/** Checks the data with the policy: the instance input, and every issue and notice, located. */
export const check = (source: Source, policy: unknown, reference: Readonly<Record<string, unknown>>): Checked => {
  if (source.kind === "json") {
    const input: Record<string, unknown> = { ...source.input, ...(policy === undefined ? {} : { policy }) };
    const decoded = decodeInstance(input);
    const issues = E.isLeft(decoded) ? decoded.left.map((issue) => ({ issue, cell: null, suggestion: null })) : [];
    return { input, issues, notices: skillNotices(input), counts: { workers: Array.isArray(input.workers) ? input.workers.length : 0, employers: Array.isArray(input.employers) ? input.employers.length : 0 } };
  }
  if (source.workers === null || source.employers === null) return { input: null, issues: [], notices: source.notices, counts: { workers: 0, employers: 0 } };
  const sheets = instanceFromSheets(source.workers, source.employers, { ...(Object.keys(reference).length > 0 ? { reference } : {}), ...(policy === undefined ? {} : { policy }) }, source.notices);
  if (E.isLeft(sheets)) return { input: null, issues: sheets.left.map((issue) => ({ issue, cell: null, suggestion: null })), notices: source.notices, counts: { workers: 0, employers: 0 } };
  const c = sheets.right;
  const input = c.input as Record<string, unknown>;
  const decoded = decodeInstance(input);
  return {
    input,
    issues: E.isLeft(decoded) ? locateIssues(decoded.left, c) : [],
    notices: [...c.notices, ...locateNotices(skillNotices(input), c)],
    counts: { workers: c.workerRows.length, employers: c.employerRows.length },
  };
};
