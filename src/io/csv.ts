/**
 * CSV in and out: workers.csv and employers.csv to the instance input format,
 * an instance back to the two files, and a result as one CSV row per worker.
 * Spreadsheet-friendly: one row per worker or employer, a header row naming
 * the columns (any order; unknown ones are reported), lists in one cell (see
 * ./cells.ts: `N4;JFT-Basic A2`, skills as `welding:2:3`). Parsing and quoting
 * are papaparse's (RFC 4180, quotes, embedded newlines, a leading BOM).
 * A cell a spreadsheet would run as a formula (`=...`, `+...`, `-...`,
 * `@...`) is written with a leading apostrophe, which reading takes off
 * again (./formula.ts), so ids round-trip unchanged.
 *
 * Reading never throws. Problems with the files themselves (unknown or
 * missing columns, too many cells, broken quotes) come back as located issues
 * (`workers.csv row 1: unknown property; did you mean "language"?`); cell
 * values are only converted (numbers, true/false, lists), so that the
 * instance decoder reports wrong values with the library's messages, which
 * `locateInCsv` then points at the spreadsheet row (`workers.csv row 14,
 * language[0]: expected N5..N1 ..., got "N6"`). Rows count the header as 1,
 * as a spreadsheet shows them. An empty cell is the same as no value.
 *
 * @example
 * const csv = instanceFromCsv(readFileSync("workers.csv", "utf8"), readFileSync("employers.csv", "utf8"));
 * const result = E.chain((c: CsvInstance) => E.mapLeft((i) => locateInCsv(i, c))(match(c.input)))(csv);
 */
import * as E from "fp-ts/lib/Either.js";
import Papa from "papaparse";
import type { InstanceInput } from "../input/codecs.js";
import { capIssues, issue, type InputIssue } from "../input/issues.js";
import type { MatchResult, UnplacedReason } from "../result/types.js";
import { rowToEmployer, rowToWorker, EMPLOYER_COLUMNS, WORKER_COLUMNS, employerToRow, workerToRow, type Columns } from "./rows.js";
import { editDistance } from "../input/spelling.js";
import { guardCell, unguardCell } from "./formula.js";

/** What `instanceFromCsv` gives: the instance input and where each row came from. */
export interface CsvInstance {
  /** The instance input, to pass to `match` or `decodeInstance` (values converted, not yet checked). */
  readonly input: { readonly workers: readonly unknown[]; readonly employers: readonly unknown[]; readonly [key: string]: unknown };
  /** File names used in issue paths. */
  readonly names: { readonly workers: string; readonly employers: string };
  /** Spreadsheet row (header = 1) of each worker, by index; the same for employers. */
  readonly workerRows: readonly number[];
  readonly employerRows: readonly number[];
}

/** Options of `instanceFromCsv`. */
export interface CsvOptions {
  /** File names for issue paths; default "workers.csv" and "employers.csv". */
  readonly names?: { readonly workers: string; readonly employers: string };
  /** Added to the input as they are (they have no CSV form). */
  readonly reference?: unknown;
  readonly weights?: unknown;
}

interface Table {
  readonly records: Record<string, string>[];
  readonly rows: number[];
}

/** The known column a header most likely meant: same letters ignoring case, spaces, "-" and "_", or at most 2 edits away. */
const nearest = (name: string, known: readonly string[]): string | undefined => {
  const plain = (x: string): string => x.toLowerCase().replace(/[\s_-]/g, "");
  const scored = known.map((k) => [k, plain(k) === plain(name) ? 0 : editDistance(plain(name), plain(k))] as const).sort((a, b) => a[1] - b[1]);
  const best = scored[0];
  return best !== undefined && best[1] <= 2 ? best[0] : undefined;
};

/** Parses one file into records keyed by column, or every problem with its shape. */
const readTable = (text: string, file: string, columns: Columns): E.Either<InputIssue[], Table> => {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false, delimiter: "," });
  const issues: InputIssue[] = parsed.errors
    .filter((e) => e.type === "Quotes")
    .map((e) => issue("invalid", `${file} row ${(e.row ?? 0) + 1}`, "properly closed quotes", e.message));
  const lines = parsed.data;
  const header = (lines[0] ?? []).map((h) => h.trim());
  const known = columns.order;
  header.forEach((h, i) => {
    if (!known.includes(h)) {
      const near = nearest(h, known);
      issues.push(issue("unknown-property", `${file} row 1, column ${i + 1}`, near === undefined ? `the known columns are ${known.join(", ")}` : `did you mean "${near}"?`, h));
    } else if (header.indexOf(h) !== i) {
      issues.push(issue("inconsistent", `${file} row 1, column ${i + 1}`, "each column once", h));
    }
  });
  for (const c of columns.required) {
    if (!header.includes(c)) issues.push(issue("missing", `${file} row 1`, `a column "${c}"`, undefined));
  }
  const records: Record<string, string>[] = [];
  const rows: number[] = [];
  lines.slice(1).forEach((cells, k) => {
    if (cells.every((c) => c.trim() === "")) return;
    if (cells.length > header.length) {
      issues.push(issue("inconsistent", `${file} row ${k + 2}`, `at most ${header.length} cells (one per column)`, cells.length));
    }
    const record: Record<string, string> = Object.create(null) as Record<string, string>;
    header.forEach((h, i) => {
      record[h] = unguardCell(cells[i] ?? "");
    });
    records.push(record);
    rows.push(k + 2);
  });
  return issues.length > 0 ? E.left(issues) : E.right({ records, rows });
};

/** The instance input from the two files' text; see the module comment. */
export const instanceFromCsv = (workersCsv: string, employersCsv: string, options: CsvOptions = {}): E.Either<readonly InputIssue[], CsvInstance> => {
  const names = options.names ?? { workers: "workers.csv", employers: "employers.csv" };
  const w = readTable(workersCsv, names.workers, WORKER_COLUMNS);
  const e = readTable(employersCsv, names.employers, EMPLOYER_COLUMNS);
  if (E.isLeft(w) || E.isLeft(e)) return E.left(capIssues([...(E.isLeft(w) ? w.left : []), ...(E.isLeft(e) ? e.left : [])]));
  return E.right({
    input: {
      ...(options.reference === undefined ? {} : { reference: options.reference }),
      ...(options.weights === undefined ? {} : { weights: options.weights }),
      workers: w.right.records.map(rowToWorker),
      employers: e.right.records.map(rowToEmployer),
    },
    names,
    workerRows: w.right.rows,
    employerRows: e.right.rows,
  });
};

/** Issues from decoding a CSV instance, pointed at file and row: `workers[3].x` becomes `workers.csv row 5, x`. */
export const locateInCsv = (issues: readonly InputIssue[], csv: CsvInstance): InputIssue[] =>
  issues.map((i) => {
    const m = /^(workers|employers)\[(\d+)\](?:\.(.*))?$/.exec(i.path);
    if (m === null) return i;
    const isWorker = m[1] === "workers";
    const row = (isWorker ? csv.workerRows : csv.employerRows)[Number(m[2])];
    const file = isWorker ? csv.names.workers : csv.names.employers;
    return { ...i, path: `${file} row ${row ?? "?"}${m[3] === undefined ? "" : `, ${m[3]}`}` };
  });

/** Rows as CSV text, every cell guarded against running as a spreadsheet formula (./formula.ts). */
const toCsvText = (fields: readonly string[], rows: readonly (readonly string[])[]): string =>
  `${Papa.unparse({ fields: [...fields], data: rows.map((r) => r.map(guardCell)) }, { newline: "\n" })}\n`;

const unparse = (columns: Columns, rows: readonly Readonly<Record<string, string>>[]): string =>
  toCsvText(columns.order, rows.map((r) => columns.order.map((c) => r[c] ?? "")));

/** The instance's workers and employers as the two CSV files (reference and weights have no CSV form). */
export const instanceToCsv = (input: InstanceInput): { readonly workers: string; readonly employers: string } => ({
  workers: unparse(WORKER_COLUMNS, input.workers.map(workerToRow)),
  employers: unparse(EMPLOYER_COLUMNS, input.employers.map(employerToRow)),
});

/** The columns of `resultToCsv`, in order. */
export const RESULT_COLUMNS = ["workerId", "placed", "employerId", "prefecture", "field", "score", "reason", "detail"] as const;

const reasonDetail = (r: UnplacedReason): string => {
  switch (r.kind) {
    case "no-eligible-slot":
      return r.excludedBy.map((x) => `${x.rule} at ${x.count} employers (e.g. ${x.example})`).join("; ");
    case "eligible-slots-taken":
      return `eligible at ${r.eligibleEmployers} employers (${r.eligibleSlots} slots), all filled by others`;
    case "no-solution":
      return "the solver returned no solution";
  }
};

/**
 * A result as CSV, one row per worker in id order: where they were placed
 * (employer, its prefecture and field when `employers` are given, score) or
 * why not (reason and detail).
 */
export const resultToCsv = (result: MatchResult, employers: readonly { readonly id: string; readonly prefecture: string; readonly field: string }[] = []): string => {
  const where = new Map(employers.map((e) => [e.id, e]));
  const rows: (readonly string[])[] = [
    ...result.placements.map((p) => {
      const e = where.get(p.employerId);
      return [p.workerId, "true", p.employerId, e?.prefecture ?? "", e?.field ?? "", String(p.score), "", ""];
    }),
    ...result.unplaced.map((u) => [u.workerId, "false", "", "", "", "", u.reason.kind, reasonDetail(u.reason)]),
  ].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : (a[0] as string) > (b[0] as string) ? 1 : 0));
  return toCsvText(RESULT_COLUMNS, rows);
};
