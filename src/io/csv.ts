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
import { capIssues, type InputIssue } from "../input/issues.js";
import { reasonWords } from "../report/reasons.js";
import type { MatchResult } from "../result/types.js";
import type { InputNotice } from "../input/notices.js";
import { guardCell } from "./formula.js";
import { locateIssues, type SheetOrigin } from "./locate.js";
import { rowToEmployer, rowToWorker, EMPLOYER_COLUMNS, WORKER_COLUMNS, employerToRow, workerToRow, type Columns } from "./rows.js";
import {
  EXPECTED_WAGE_COLUMNS,
  SETTING_COLUMNS,
  SHEET_NAMES,
  SUPPORT_ORGANISATION_COLUMNS,
  expectedWageRows,
  organisationRows,
  readSettings,
  rowToExpectedWage,
  rowToOrganisation,
  settingRows,
  type SectionSheet,
  type SheetKind,
} from "./sections.js";
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
  /** File names for issue paths; default "workers.csv", "employers.csv", and `SHEET_NAMES` + ".csv" for the others. */
  readonly names?: { readonly workers: string; readonly employers: string } & { readonly [K in SectionSheet]?: string };
  /** The other sheets' CSV text, where there are any (./sections.ts): support organisations, expected minimum wages, settings. */
  readonly sheets?: { readonly [K in SectionSheet]?: string };
  /** Reference settings (`asOf`, `fieldCatalogue`, ...): they take precedence over the settings sheet's, with a notice where they differ. */
  readonly reference?: unknown;
  /** Scoring weights: they take precedence over the settings sheet's. */
  readonly weights?: unknown;
  /** The policy section (see ./policyFile.ts for reading one from a file). */
  readonly policy?: unknown;
}

/** The sheets of an instance: workers and employers, and the other sections' sheets where there are any (./sections.ts). */
export interface InstanceSheets {
  readonly workers: Sheet;
  readonly employers: Sheet;
  readonly supportOrganisations?: Sheet;
  readonly expectedWages?: Sheet;
  readonly settings?: Sheet;
}

type Obj = Record<string, unknown>;
const asObject = (x: unknown): Obj | undefined => (typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Obj) : undefined);

/** The instance input from its sheets (CSV or Excel, ./table.ts); see the module comment. */
export const instanceFromSheets = (sheets: InstanceSheets, options: Omit<CsvOptions, "names" | "sheets"> = {}, notices: readonly InputNotice[] = []): E.Either<readonly InputIssue[], CsvInstance> => {
  const w = readSheet(sheets.workers, "workers", WORKER_COLUMNS);
  const e = readSheet(sheets.employers, "employers", EMPLOYER_COLUMNS);
  const o = sheets.supportOrganisations === undefined ? undefined : readSheet(sheets.supportOrganisations, "supportOrganisations", SUPPORT_ORGANISATION_COLUMNS);
  const x = sheets.expectedWages === undefined ? undefined : readSheet(sheets.expectedWages, "expectedWages", EXPECTED_WAGE_COLUMNS);
  const s = sheets.settings === undefined ? undefined : readSheet(sheets.settings, "settings", SETTING_COLUMNS);
  const settings = s === undefined || E.isLeft(s) ? undefined : readSettings(s.right.records, s.right.rows, (sheets.settings as Sheet).file);
  const issues = [w, e, o, x, s].flatMap((r) => (r === undefined || E.isRight(r) ? [] : r.left));
  if (E.isLeft(w) || E.isLeft(e) || (o !== undefined && E.isLeft(o)) || (x !== undefined && E.isLeft(x)) || (settings?.issues.length ?? 0) > 0) {
    return E.left(capIssues([...issues, ...(settings?.issues ?? [])]));
  }
  // A sheet without rows says nothing (convert writes every sheet, as a template).
  const organisations = o === undefined || E.isLeft(o) || o.right.records.length === 0 ? undefined : o.right;
  const expected = x === undefined || E.isLeft(x) || x.right.records.length === 0 ? undefined : x.right;
  // The reference: the settings sheet's, the expected wages, then what was given with the files (a differing value is a notice).
  const given = asObject(options.reference) ?? {};
  const overridden: InputNotice[] = Object.entries(given)
    .filter(([k, v]) => settings?.reference?.[k] !== undefined && JSON.stringify(settings.reference[k]) !== JSON.stringify(v))
    .map(([k, v]) => ({ code: "file-format", path: `${sheets.settings?.file ?? "settings"} row ${settings?.rows[`reference.${k}`] ?? "?"}`, found: String(settings?.reference?.[k]), now: null, message: `reference.${k} ${JSON.stringify(v)}, given with the files, replaces ${JSON.stringify(settings?.reference?.[k])}` }));
  const reference = {
    ...(settings?.reference ?? {}),
    ...(expected === undefined ? {} : { expectedMinimumWages: expected.records.map(rowToExpectedWage) }),
    ...given,
  };
  const weights = options.weights ?? settings?.weights;
  const extra = (sheet: Sheet | undefined, rows: readonly number[] | undefined) => (sheet === undefined || rows === undefined ? undefined : { file: sheet.file, rows });
  return E.right({
    input: {
      ...(Object.keys(reference).length === 0 ? {} : { reference }),
      ...(weights === undefined ? {} : { weights }),
      ...(settings?.placement === undefined ? {} : { placement: settings.placement }),
      workers: w.right.records.map(rowToWorker),
      employers: e.right.records.map(rowToEmployer),
      ...(organisations === undefined ? {} : { supportOrganisations: organisations.records.map(rowToOrganisation) }),
      ...(options.policy === undefined ? {} : { policy: options.policy }),
    },
    names: { workers: sheets.workers.file, employers: sheets.employers.file },
    workerRows: w.right.rows,
    employerRows: e.right.rows,
    spelled: { workers: w.right.typed, employers: e.right.typed },
    sections: {
      ...(extra(sheets.supportOrganisations, organisations?.rows) === undefined ? {} : { supportOrganisations: extra(sheets.supportOrganisations, organisations?.rows) }),
      ...(extra(sheets.expectedWages, expected?.rows) === undefined ? {} : { expectedWages: extra(sheets.expectedWages, expected?.rows) }),
      ...(settings === undefined || sheets.settings === undefined ? {} : { settings: { file: sheets.settings.file, rows: settings.rows } }),
    },
    notices: [...notices, ...[w, e, o, x, s].flatMap((r) => (r === undefined || E.isLeft(r) ? [] : r.right.notices)), ...(settings?.notices ?? []), ...overridden],
  });
};

const SECTIONS: readonly SectionSheet[] = ["supportOrganisations", "expectedWages", "settings"];

/** The instance input from the files' text (comma, semicolon or tab separated): workers and employers, and any of the other sheets; see the module comment. */
export const instanceFromCsv = (workersCsv: string, employersCsv: string, options: CsvOptions = {}): E.Either<readonly InputIssue[], CsvInstance> => {
  const name = (k: keyof typeof SHEET_NAMES): string => options.names?.[k] ?? `${SHEET_NAMES[k]}.csv`;
  const w = parseDelimited(workersCsv, name("workers"));
  const e = parseDelimited(employersCsv, name("employers"));
  const others = SECTIONS.flatMap((k) => {
    const text = options.sheets?.[k];
    return text === undefined ? [] : [[k, parseDelimited(text, name(k))] as const];
  });
  const { names: _, sheets: __, ...rest } = options;
  const parsed = [w, e, ...others.map(([, p]) => p)];
  const sheets = instanceFromSheets(
    { workers: w.sheet, employers: e.sheet, ...Object.fromEntries(others.map(([k, p]) => [k, p.sheet])) },
    rest,
    parsed.flatMap((p) => p.notices),
  );
  // Broken quotes and the sheets' own issues, all at once.
  const broken = parsed.flatMap((p) => p.issues);
  return broken.length === 0 ? sheets : E.left(capIssues([...(E.isLeft(sheets) ? sheets.left : []), ...broken]));
};

/** Issues from decoding a CSV instance, pointed at file, row and column: `workers[3].language[0]` becomes `workers.csv row 5, column language (item 1)`. */
export const locateInCsv = (issues: readonly InputIssue[], csv: SheetOrigin): InputIssue[] => locateIssues(issues, csv).map((c) => c.issue);

/** Rows as CSV text, every cell guarded against running as a spreadsheet formula (./formula.ts). */
export const toCsvText = (fields: readonly string[], rows: readonly (readonly string[])[]): string =>
  `${Papa.unparse({ fields: [...fields], data: rows.map((r) => r.map(guardCell)) }, { newline: "\n" })}\n`;

const unparse = (columns: Columns, rows: readonly Readonly<Record<string, string>>[]): string =>
  toCsvText(columns.order, rows.map((r) => columns.order.map((c) => r[c] ?? "")));

/** An instance as CSV files: workers, employers and the other sheets (./sections.ts), every one written, with its header even when it has no rows (a template to fill in). */
export type InstanceCsv = Readonly<Record<SheetKind, string>>;

/** The instance as CSV files (everything but the policy, which has its own file: ./policyFile.ts); see `InstanceCsv`. */
export const instanceToCsv = (input: InstanceInput): InstanceCsv => ({
  workers: unparse(WORKER_COLUMNS, input.workers.map(workerToRow)),
  employers: unparse(EMPLOYER_COLUMNS, input.employers.map(employerToRow)),
  supportOrganisations: unparse(SUPPORT_ORGANISATION_COLUMNS, organisationRows(input)),
  expectedWages: unparse(EXPECTED_WAGE_COLUMNS, expectedWageRows(input)),
  settings: unparse(SETTING_COLUMNS, settingRows(input)),
});

/** Every sheet, in the order files and workbooks hold them. */
export const SHEET_ORDER: readonly SheetKind[] = ["workers", "employers", "supportOrganisations", "expectedWages", "settings"];

/** The CSV files of an instance by file name (`workers.csv`, `support-organisations.csv`, ...), in `SHEET_ORDER`. */
export const instanceCsvFiles = (input: InstanceInput): readonly { readonly name: string; readonly text: string }[] => {
  const csv = instanceToCsv(input);
  return SHEET_ORDER.map((k) => ({ name: `${SHEET_NAMES[k]}.csv`, text: csv[k] }));
};

/** The columns of `resultToCsv`, in order. */
export const RESULT_COLUMNS = ["workerId", "placed", "employerId", "prefecture", "field", "start", "score", "reason", "detail"] as const;


/**
 * A result as CSV, one row per worker in id order: where they were placed
 * (employer, its prefecture and field when `employers` are given, the date
 * they start there, score) or why not (reason, and the detail in the
 * explanations' words).
 */
export const resultToCsv = (result: MatchResult, employers: readonly { readonly id: string; readonly prefecture: string; readonly field: string }[] = []): string => {
  const where = new Map(employers.map((e) => [e.id, e]));
  const rows: (readonly string[])[] = [
    ...result.placements.map((p) => {
      const e = where.get(p.employerId);
      return [p.workerId, "true", p.employerId, e?.prefecture ?? "", e?.field ?? "", p.start, String(p.score), "", ""];
    }),
    ...result.unplaced.map((u) => [u.workerId, "false", "", "", "", "", "", u.reason.kind, reasonWords(u.reason, result.status)]),
  ].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : (a[0] as string) > (b[0] as string) ? 1 : 0));
  return toCsvText(RESULT_COLUMNS, rows);
};
