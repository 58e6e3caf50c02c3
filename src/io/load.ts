/**
 * Spreadsheet files as bytes to an instance input, the same in the command
 * line and in the browser: each file is an Excel workbook (detected by its
 * zip signature) or CSV text (UTF-8 or Shift-JIS: ./encoding.ts; comma,
 * semicolon or tab: ./table.ts). One workbook may hold every sheet, named
 * `workers`, `employers` and, where there are any, `support-organisations`,
 * `expected-wages` and `settings` (./sections.ts; names in any case or
 * spacing); a sheet it holds under another name is a notice.
 *
 * @example
 * const csv = await loadSpreadsheets({ workers: { name: "w.csv", bytes }, employers: { name: "e.xlsx", bytes: bytes2 } });
 */
import * as E from "fp-ts/lib/Either.js";
import { capIssues, issue, type InputIssue } from "../input/issues.js";
import type { InputNotice } from "../input/notices.js";
import { instanceFromSheets, type CsvInstance, type CsvOptions, type InstanceSheets } from "./csv.js";
import { decodeBytes } from "./encoding.js";
import { SHEET_NAMES, type SectionSheet, type SheetKind } from "./sections.js";
import { parseDelimited, type Sheet } from "./table.js";
import { looksLikeXlsx, readWorkbook, sheetNamed } from "./xlsx.js";

/** A file as given: its name for messages, and its bytes. */
export interface FileBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The spreadsheets to read: a file per sheet (CSV or Excel, in any mix; workers and employers at least), or one workbook with the sheets. */
export type SpreadsheetFiles =
  | ({ readonly workers: FileBytes; readonly employers: FileBytes } & { readonly [K in SectionSheet]?: FileBytes })
  | { readonly workbook: FileBytes };

/** One sheet read from a file, with the file's issues and notices (encoding, separator). */
export interface Read {
  readonly sheet: Sheet | null;
  readonly issues: readonly InputIssue[];
  readonly notices: readonly InputNotice[];
}

/** One sheet from a file: `want` names the sheet of a workbook (its only sheet will do). */
export const readSheetFile = async (file: FileBytes, want: SheetKind): Promise<Read> => {
  if (looksLikeXlsx(file.bytes)) {
    const book = await readWorkbook(file.bytes, file.name);
    if (E.isLeft(book)) return { sheet: null, issues: book.left, notices: [] };
    const sheet = sheetNamed(book.right, SHEET_NAMES[want]);
    return sheet === undefined
      ? { sheet: null, issues: [issue("missing", file.name, `a sheet named "${SHEET_NAMES[want]}" (the workbook has ${book.right.map((s) => `"${s.name}"`).join(", ")})`, undefined)], notices: [] }
      : { sheet, issues: [], notices: [] };
  }
  const text = decodeBytes(file.bytes, file.name);
  if (E.isLeft(text)) return { sheet: null, issues: text.left, notices: [] };
  const parsed = parseDelimited(text.right.text, file.name);
  const encoding: InputNotice[] =
    text.right.encoding === "shift_jis" ? [{ code: "file-format", path: file.name, found: "Shift-JIS", now: null, message: "read as Shift-JIS (Japanese Excel's CSV)" }] : [];
  return { sheet: parsed.sheet, issues: parsed.issues, notices: [...encoding, ...parsed.notices] };
};

const SECTIONS: readonly SectionSheet[] = ["supportOrganisations", "expectedWages", "settings"];

/** Every sheet of one workbook: workers and employers must be there, the others may; a sheet under another name is a notice. */
const readBook = async (file: FileBytes): Promise<{ readonly sheets: Partial<Record<SheetKind, Sheet>>; readonly issues: readonly InputIssue[]; readonly notices: readonly InputNotice[] }> => {
  const book = await readWorkbook(file.bytes, file.name);
  if (E.isLeft(book)) return { sheets: {}, issues: book.left, notices: [] };
  const sheets: Partial<Record<SheetKind, Sheet>> = {};
  const issues: InputIssue[] = [];
  for (const kind of ["workers", "employers", ...SECTIONS] as const) {
    const sheet = sheetNamed(book.right, SHEET_NAMES[kind], false);
    if (sheet !== undefined) sheets[kind] = sheet;
    else if (kind === "workers" || kind === "employers") issues.push(issue("missing", file.name, `a sheet named "${kind}" (the workbook has ${book.right.map((s) => `"${s.name}"`).join(", ")})`, undefined));
  }
  const used = new Set(Object.values(sheets));
  const notices: InputNotice[] = book.right
    .filter((s) => !used.has(s))
    .map((s) => ({ code: "file-format", path: s.file, found: s.name, now: null, message: `not read: the sheets are ${Object.values(SHEET_NAMES).join(", ")}` }));
  return { sheets, issues, notices };
};

/** The instance input from spreadsheet files; every problem with the files at once. */
export const loadSpreadsheets = async (files: SpreadsheetFiles, options: Omit<CsvOptions, "names" | "sheets"> = {}): Promise<E.Either<readonly InputIssue[], CsvInstance>> => {
  if ("workbook" in files) {
    const book = await readBook(files.workbook);
    const { workers, employers } = book.sheets;
    if (workers === undefined || employers === undefined || book.issues.length > 0) return E.left(book.issues);
    return instanceFromSheets({ ...book.sheets, workers, employers }, options, book.notices);
  }
  const kinds = ["workers", "employers", ...SECTIONS.filter((k) => files[k] !== undefined)] as const;
  const read = await Promise.all(kinds.map((k) => readSheetFile(files[k] as FileBytes, k)));
  const broken = read.flatMap((r) => r.issues);
  if (read.some((r) => r.sheet === null)) return E.left(capIssues(broken));
  const sheets = Object.fromEntries(kinds.map((k, i) => [k, read[i]?.sheet])) as unknown as InstanceSheets;
  const result = instanceFromSheets(sheets, options, read.flatMap((r) => r.notices));
  return broken.length === 0 ? result : E.left(capIssues([...(E.isLeft(result) ? result.left : []), ...broken]));
};
