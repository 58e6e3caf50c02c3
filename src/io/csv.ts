/**
 * CSV in and out: workers.csv and employers.csv to the instance input format,
 * an instance back to the two files, and a result as one CSV row per worker.
 * Spreadsheet-friendly: one row per worker or employer, a header row naming
 * the columns (any order; unknown ones are reported), lists in one cell (see
 * ./cells.ts: `N4;JFT-Basic A2`, skills as `welding:2:3`). Parsing and quoting
 * are papaparse's (RFC 4180, quotes, embedded newlines, a leading BOM).
 *
 * Reading never throws. The separator (comma, semicolon, tab) is detected,
 * cells are read forgivingly where the meaning is unambiguous (./normalise.ts:
 * `Ｎ４`, `香川`, `"1,050"`), each such reading a notice. Problems with the
 * files themselves (unknown or missing columns, too many cells, broken
 * quotes) come back as located issues (`workers.csv row 1, column 2
 * ("lanugage"): unknown property; did you mean "language"?`); cell values
 * are only converted (numbers, true/false, lists), so that the instance
 * decoder reports wrong values with the library's messages, which
 * `locateInCsv` then points at the spreadsheet row and column
 * (`workers.csv row 14, column language (item 1): expected N5..N1 ...,
 * got "N6"`). Rows count the header as 1, as a spreadsheet shows them. An
 * empty cell is the same as no value.
 *
 * @example
 * const csv = instanceFromCsv(readFileSync("workers.csv", "utf8"), readFileSync("employers.csv", "utf8"));
 * const result = E.chain((c: CsvInstance) => E.mapLeft((i) => locateInCsv(i, c))(match(c.input)))(csv);
 */
import * as E from "fp-ts/lib/Either.js";
import Papa from "papaparse";
import type { InstanceInput } from "../input/codecs.js";
import type { InputIssue } from "../input/issues.js";
import { reasonWords } from "../report/reasons.js";
import type { MatchResult } from "../result/types.js";
import type { InputNotice } from "../input/notices.js";
import { locateIssues, type SheetOrigin } from "./locate.js";
import { rowToEmployer, rowToWorker, EMPLOYER_COLUMNS, WORKER_COLUMNS, employerToRow, workerToRow, type Columns } from "./rows.js";
import { parseDelimited, readSheet, type Sheet } from "./table.js";

/** What `instanceFromCsv` gives: the instance input, where each row came from, and what was read forgivingly. */
export interface CsvInstance extends SheetOrigin {
  /** The instance input, to pass to `match` or `decodeInstance` (values converted, not yet checked). */
  readonly input: { readonly workers: readonly unknown[]; readonly employers: readonly unknown[]; readonly [key: string]: unknown };
  /** File names used in issue paths. */
  readonly names: { readonly workers: string; readonly employers: string };
  /** Spreadsheet row (header = 1) of each worker, by index; the same for employers. */
  readonly workerRows: readonly number[];
  readonly employerRows: readonly number[];
  /** Every value read differently from how it was written, and the files' separators: never silent. */
  readonly notices: readonly InputNotice[];
}

/** Options of `instanceFromCsv`. */
export interface CsvOptions {
  /** File names for issue paths; default "workers.csv" and "employers.csv". */
  readonly names?: { readonly workers: string; readonly employers: string };
  /** Added to the input as they are (they have no CSV form). */
  readonly reference?: unknown;
  readonly weights?: unknown;
  /** The policy section (see ./policyFile.ts for reading one from a file). */
  readonly policy?: unknown;
}

/** The instance input from two sheets (CSV or Excel, ./table.ts); see the module comment. */
export const instanceFromSheets = (workers: Sheet, employers: Sheet, options: Omit<CsvOptions, "names"> = {}, notices: readonly InputNotice[] = []): E.Either<readonly InputIssue[], CsvInstance> => {
  const w = readSheet(workers, "workers", WORKER_COLUMNS);
  const e = readSheet(employers, "employers", EMPLOYER_COLUMNS);
  if (E.isLeft(w) || E.isLeft(e)) return E.left([...(E.isLeft(w) ? w.left : []), ...(E.isLeft(e) ? e.left : [])]);
  return E.right({
    input: {
      ...(options.reference === undefined ? {} : { reference: options.reference }),
      ...(options.weights === undefined ? {} : { weights: options.weights }),
      workers: w.right.records.map(rowToWorker),
      employers: e.right.records.map(rowToEmployer),
      ...(options.policy === undefined ? {} : { policy: options.policy }),
    },
    names: { workers: workers.file, employers: employers.file },
    workerRows: w.right.rows,
    employerRows: e.right.rows,
    spelled: { workers: w.right.typed, employers: e.right.typed },
    notices: [...notices, ...w.right.notices, ...e.right.notices],
  });
};

/** The instance input from the two files' text (comma, semicolon or tab separated); see the module comment. */
export const instanceFromCsv = (workersCsv: string, employersCsv: string, options: CsvOptions = {}): E.Either<readonly InputIssue[], CsvInstance> => {
  const names = options.names ?? { workers: "workers.csv", employers: "employers.csv" };
  const w = parseDelimited(workersCsv, names.workers);
  const e = parseDelimited(employersCsv, names.employers);
  const { names: _, ...rest } = options;
  const sheets = instanceFromSheets(w.sheet, e.sheet, rest, [...w.notices, ...e.notices]);
  // Broken quotes and the sheets' own issues, all at once.
  const broken = [...w.issues, ...e.issues];
  return broken.length === 0 ? sheets : E.left([...(E.isLeft(sheets) ? sheets.left : []), ...broken]);
};

/** Issues from decoding a CSV instance, pointed at file, row and column: `workers[3].language[0]` becomes `workers.csv row 5, column language (item 1)`. */
export const locateInCsv = (issues: readonly InputIssue[], csv: SheetOrigin): InputIssue[] => locateIssues(issues, csv).map((c) => c.issue);

const unparse = (columns: Columns, rows: readonly Readonly<Record<string, string>>[]): string =>
  `${Papa.unparse({ fields: [...columns.order], data: rows.map((r) => columns.order.map((c) => r[c] ?? "")) }, { newline: "\n" })}\n`;

/** The instance's workers and employers as the two CSV files (reference and weights have no CSV form). */
export const instanceToCsv = (input: InstanceInput): { readonly workers: string; readonly employers: string } => ({
  workers: unparse(WORKER_COLUMNS, input.workers.map(workerToRow)),
  employers: unparse(EMPLOYER_COLUMNS, input.employers.map(employerToRow)),
});

/** The columns of `resultToCsv`, in order. */
export const RESULT_COLUMNS = ["workerId", "placed", "employerId", "prefecture", "field", "score", "reason", "detail"] as const;


/**
 * A result as CSV, one row per worker in id order: where they were placed
 * (employer, its prefecture and field when `employers` are given, score) or
 * why not (reason, and the detail in the explanations' words).
 */
export const resultToCsv = (result: MatchResult, employers: readonly { readonly id: string; readonly prefecture: string; readonly field: string }[] = []): string => {
  const where = new Map(employers.map((e) => [e.id, e]));
  const rows: (readonly string[])[] = [
    ...result.placements.map((p) => {
      const e = where.get(p.employerId);
      return [p.workerId, "true", p.employerId, e?.prefecture ?? "", e?.field ?? "", String(p.score), "", ""];
    }),
    ...result.unplaced.map((u) => [u.workerId, "false", "", "", "", "", u.reason.kind, reasonWords(u.reason, result.status)]),
  ].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : (a[0] as string) > (b[0] as string) ? 1 : 0));
  return `${Papa.unparse({ fields: [...RESULT_COLUMNS], data: rows.map((r) => [...r]) }, { newline: "\n" })}\n`;
};
