/**
 * rankings.csv: the instance's `rankings` section as one spreadsheet row per
 * worker or employer that states a preference, and plans read back from the
 * result CSV (`resultToCsv`) for an audit.
 *
 * rankings.csv columns: `side` (worker or employer), `id`, `ranking` (ids
 * best first, `;` between ranks, `:` between ids ranked equal:
 * `E012;E003:E007;E020`), `others` (after or unacceptable), and for an
 * employer `accepted` and `rejected` (interview outcomes, ids separated by
 * `;`). Cells are converted, never judged: the instance decoder reports
 * unknown ids, repeats and contradictions, and `locateRankings` points its
 * issues (`rankings.workers[3].employers[1]`) at the file and row.
 *
 * @example
 * side,id,ranking,others,accepted,rejected
 * worker,W0001,E012;E003:E007,after,,
 * employer,E012,W0001,,W0001;W0044,W0102
 */
import * as E from "fp-ts/lib/Either.js";
import Papa from "papaparse";
import { capIssues, issue, type InputIssue } from "../input/issues.js";
import { splitItems, splitParts, unescapeText } from "./cells.js";
import { RESULT_COLUMNS } from "./csv.js";
import { unguardCell } from "./formula.js";

/** The columns of rankings.csv, in order; `side` and `id` are required. */
export const RANKING_COLUMNS = ["side", "id", "ranking", "others", "accepted", "rejected"] as const;

/** What `rankingsFromCsv` gives: the `rankings` section and the row of each entry. */
export interface CsvRankings {
  readonly rankings: { readonly workers: readonly unknown[]; readonly employers: readonly unknown[] };
  readonly name: string;
  readonly workerRows: readonly number[];
  readonly employerRows: readonly number[];
}

/** Non-empty records of a CSV text, keyed by header, with their spreadsheet rows (header = 1). */
const records = (text: string, name: string, columns: readonly string[], required: readonly string[]): E.Either<readonly InputIssue[], { rows: Record<string, string>[]; at: number[] }> => {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false, delimiter: "," });
  const issues: InputIssue[] = parsed.errors.filter((e) => e.type === "Quotes").map((e) => issue("invalid", `${name} row ${(e.row ?? 0) + 1}`, "properly closed quotes", e.message));
  const header = (parsed.data[0] ?? []).map((h) => h.trim());
  header.forEach((h, i) => {
    if (!columns.includes(h)) issues.push(issue("unknown-property", `${name} row 1, column ${i + 1}`, `the known columns are ${columns.join(", ")}`, h));
  });
  for (const c of required) if (!header.includes(c)) issues.push(issue("missing", `${name} row 1`, `a column "${c}"`, undefined));
  const rows: Record<string, string>[] = [];
  const at: number[] = [];
  parsed.data.slice(1).forEach((raw, k) => {
    if (raw.every((c) => c.trim() === "")) return;
    // Cells guarded against running as formulas when written (./formula.ts) read back as they were.
    const cells = raw.map(unguardCell);
    if (cells.length > header.length) issues.push(issue("inconsistent", `${name} row ${k + 2}`, `at most ${header.length} cells (one per column)`, cells.length));
    const record: Record<string, string> = Object.create(null) as Record<string, string>;
    header.forEach((h, i) => (record[h] = cells[i] ?? ""));
    rows.push(record);
    at.push(k + 2);
  });
  return issues.length > 0 ? E.left(capIssues(issues)) : E.right({ rows, at });
};

/** A ranking cell: ranks separated by `;`, ids ranked equal by `:`; a rank of one id is the id. */
const ranking = (cell: string): (string | string[])[] =>
  splitItems(cell)
    .map((item) => splitParts(item).filter((x) => x !== ""))
    .filter((ids) => ids.length > 0)
    .map((ids) => (ids.length === 1 ? (ids[0] as string) : ids));

const ids = (cell: string): string[] => splitItems(cell).map(unescapeText).filter((x) => x !== "");

/** The `rankings` section from rankings.csv; the file's own problems (columns, sides) as located issues. */
export const rankingsFromCsv = (text: string, name = "rankings.csv"): E.Either<readonly InputIssue[], CsvRankings> => {
  const read = records(text, name, RANKING_COLUMNS, ["side", "id"]);
  if (E.isLeft(read)) return read;
  const issues: InputIssue[] = [];
  const workers: unknown[] = [];
  const employers: unknown[] = [];
  const workerRows: number[] = [];
  const employerRows: number[] = [];
  read.right.rows.forEach((r, i) => {
    const row = read.right.at[i] as number;
    const side = (r.side ?? "").trim().toLowerCase();
    const others = (r.others ?? "").trim();
    const common = { ...(others === "" ? {} : { others }) };
    if (side === "worker") {
      workers.push({ worker: (r.id ?? "").trim(), employers: ranking(r.ranking ?? ""), ...common });
      workerRows.push(row);
      if ((r.accepted ?? "").trim() !== "" || (r.rejected ?? "").trim() !== "") issues.push(issue("inconsistent", `${name} row ${row}, accepted`, "interview outcomes on an employer's row only", r.accepted || r.rejected));
    } else if (side === "employer") {
      const accepted = ids(r.accepted ?? "");
      const rejected = ids(r.rejected ?? "");
      employers.push({
        employer: (r.id ?? "").trim(),
        workers: ranking(r.ranking ?? ""),
        ...(accepted.length + rejected.length > 0 ? { interviews: { accepted, rejected } } : {}),
        ...common,
      });
      employerRows.push(row);
    } else issues.push(issue("invalid", `${name} row ${row}, side`, "worker or employer", r.side));
  });
  return issues.length > 0 ? E.left(capIssues(issues)) : E.right({ rankings: { workers, employers }, name, workerRows, employerRows });
};

/** Issues in the rankings section pointed at rankings.csv: `rankings.workers[3].employers[1]` becomes `rankings.csv row 5, employers[1]`. */
export const locateRankings = (issues: readonly InputIssue[], csv: CsvRankings): InputIssue[] =>
  issues.map((i) => {
    const m = /^rankings\.(workers|employers)\[(\d+)\](?:\.(.*))?$/.exec(i.path);
    if (m === null) return i;
    const row = (m[1] === "workers" ? csv.workerRows : csv.employerRows)[Number(m[2])];
    const rest = m[3] === undefined ? "" : `, ${m[3].replace(/^employers|^workers/, "ranking").replace(/^worker$|^employer$/, "id").replace(/^interviews\./, "")}`;
    return { ...i, path: `${csv.name} row ${row ?? "?"}${rest}` };
  });

/** A plan from the result CSV (`workerId, placed, employerId, ...`): its placements, and the row of each. */
export const planFromCsv = (text: string, name = "plan.csv"): E.Either<readonly InputIssue[], { readonly placements: { workerId: string; employerId: string }[]; readonly rows: readonly number[] }> => {
  const read = records(text, name, RESULT_COLUMNS, ["workerId", "employerId"]);
  if (E.isLeft(read)) return read;
  const placements: { workerId: string; employerId: string }[] = [];
  const rows: number[] = [];
  read.right.rows.forEach((r, i) => {
    const employerId = (r.employerId ?? "").trim();
    const placed = (r.placed ?? "").trim().toLowerCase();
    if (employerId === "" || placed === "false") return;
    placements.push({ workerId: (r.workerId ?? "").trim(), employerId });
    rows.push(read.right.at[i] as number);
  });
  return E.right({ placements, rows });
};
