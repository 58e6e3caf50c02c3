/**
 * A spreadsheet as the rows of one sheet, whatever it came from (a CSV file
 * in any common dialect, an Excel sheet: ./xlsx.ts), and those rows as
 * records keyed by column.
 *
 * - `parseDelimited`: CSV text to rows, the separator (comma, semicolon or
 *   tab) detected from the header row, where it is unambiguous: column names
 *   never hold one. A separator other than a comma is reported as a notice.
 * - `readSheet`: rows to records. The header names the columns in any order;
 *   a header that differs from a known column only in case, spaces, `-` or
 *   `_` (`Preferred fields`) is read as that column, with a notice; others
 *   are issues with a "did you mean". Every cell is then read forgivingly
 *   (./normalise.ts), each change a notice. Rows count the header as 1, as a
 *   spreadsheet shows them; blank rows are skipped.
 */
import * as E from "fp-ts/lib/Either.js";
import Papa from "papaparse";
import { issue, type InputIssue } from "../input/issues.js";
import type { InputNotice } from "../input/notices.js";
import { editDistance } from "../input/spelling.js";
import { normaliseRecord } from "./normalise.js";
import type { Columns } from "./rows.js";

/** One sheet: its name for messages, and its rows of cells (the first is the header). */
export interface Sheet {
  readonly file: string;
  readonly rows: readonly (readonly string[])[];
}

/** Records keyed by column, with the spreadsheet row of each, and what was read differently from how it was written. */
export interface SheetRecords {
  readonly records: readonly Readonly<Record<string, string>>[];
  /** Spreadsheet row (header = 1) of each record. */
  readonly rows: readonly number[];
  readonly notices: readonly InputNotice[];
  /** Each column's header as the sheet spells it, where that differs from the column's name. */
  readonly typed: Readonly<Record<string, string>>;
}

const SEPARATORS = [",", ";", "\t"] as const;
const SEPARATOR_NAMES: Readonly<Record<string, string>> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** The separator of a CSV text: the one its first line holds most often outside quotes; comma when it holds none. */
export const detectSeparator = (text: string): "," | ";" | "\t" => {
  let quoted = false;
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (SEPARATORS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: "," | ";" | "\t" = ",";
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s;
  return best;
};

/** CSV text (RFC 4180 quoting, any of the three separators) to a sheet; broken quotes are issues. */
export const parseDelimited = (text: string, file: string): { readonly sheet: Sheet; readonly issues: readonly InputIssue[]; readonly notices: readonly InputNotice[] } => {
  const clean = text.replace(/^\uFEFF/, "");
  const delimiter = detectSeparator(clean);
  const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false, delimiter });
  const issues = parsed.errors
    .filter((e) => e.type === "Quotes")
    .map((e) => issue("invalid", `${file} row ${(e.row ?? 0) + 1}`, "properly closed quotes", e.message));
  const notices: InputNotice[] =
    delimiter === "," ? [] : [{ code: "file-format", path: file, found: SEPARATOR_NAMES[delimiter] as string, now: null, message: `read as ${SEPARATOR_NAMES[delimiter]}-separated` }];
  return { sheet: { file, rows: parsed.data }, issues, notices };
};

const squash = (x: string): string => x.toLowerCase().replace(/[\s_-]/g, "");

/** The known column a header most likely meant, at most 2 edits away (ignoring case, spaces, "-" and "_"). */
const nearest = (name: string, known: readonly string[]): string | undefined => {
  const scored = known.map((k) => [k, editDistance(squash(name), squash(k))] as const).sort((a, b) => a[1] - b[1]);
  const best = scored[0];
  return best !== undefined && best[1] <= 2 ? best[0] : undefined;
};

/** A sheet's rows as records of the given columns; see the module comment. */
export const readSheet = (sheet: Sheet, kind: "workers" | "employers", columns: Columns): E.Either<readonly InputIssue[], SheetRecords> => {
  const file = sheet.file;
  const issues: InputIssue[] = [];
  const notices: InputNotice[] = [];
  const known = columns.order;
  const typed = (sheet.rows[0] ?? []).map((h) => h.normalize("NFKC").trim());
  const header = typed.map((h, i) => {
    if (known.includes(h)) return h;
    const same = known.find((k) => squash(k) === squash(h));
    if (same !== undefined) {
      notices.push({ code: "normalised", path: `${file} row 1, column ${i + 1}`, found: h, now: same, message: "column name spelling" });
      return same;
    }
    if (h !== "") {
      const near = nearest(h, known);
      issues.push(issue("unknown-property", `${file} row 1, column ${i + 1} ("${h}")`, near === undefined ? `the known columns are ${known.join(", ")}` : `did you mean "${near}"?`, h));
    }
    return null;
  });
  header.forEach((h, i) => {
    if (h !== null && header.indexOf(h) !== i) issues.push(issue("inconsistent", `${file} row 1, column ${i + 1}`, `each column once ("${h}" is also column ${header.indexOf(h) + 1})`, typed[i]));
  });
  for (const c of columns.required) {
    if (!header.includes(c)) issues.push(issue("missing", `${file} row 1`, `a column "${c}"`, undefined));
  }
  const records: Record<string, string>[] = [];
  const rows: number[] = [];
  sheet.rows.slice(1).forEach((cells, k) => {
    if (cells.every((c) => c.trim() === "")) return;
    const row = k + 2;
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== "")) {
      issues.push(issue("inconsistent", `${file} row ${row}`, `at most ${header.length} cells (one per column)`, cells.length));
    }
    const raw: Record<string, string> = Object.create(null) as Record<string, string>;
    header.forEach((h, i) => {
      if (h !== null) raw[h] = cells[i] ?? "";
    });
    const { record, changes } = normaliseRecord(kind, raw);
    for (const c of changes) notices.push({ code: "normalised", path: `${file} row ${row}, column ${c.column}`, found: c.found, now: c.now, message: c.why });
    records.push(record);
    rows.push(row);
  });
  const spelled: Record<string, string> = {};
  header.forEach((h, i) => {
    if (h !== null && typed[i] !== h) spelled[h] = typed[i] as string;
  });
  return issues.length > 0 ? E.left(issues) : E.right({ records, rows, notices, typed: spelled });
};
