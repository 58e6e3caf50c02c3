/**
 * Spreadsheet files as bytes to an instance input, the same in the command
 * line and in the browser: each file is an Excel workbook (detected by its
 * zip signature) or CSV text (UTF-8 or Shift-JIS: ./encoding.ts; comma,
 * semicolon or tab: ./table.ts). One workbook may hold both sheets, named
 * `workers` and `employers`.
 *
 * @example
 * const csv = await loadSpreadsheets({ workers: { name: "w.csv", bytes }, employers: { name: "e.xlsx", bytes: bytes2 } });
 */
import * as E from "fp-ts/lib/Either.js";
import { issue, type InputIssue } from "../input/issues.js";
import type { InputNotice } from "../input/notices.js";
import { instanceFromSheets, type CsvInstance, type CsvOptions } from "./csv.js";
import { decodeBytes } from "./encoding.js";
import { parseDelimited, type Sheet } from "./table.js";
import { looksLikeXlsx, readWorkbook, sheetNamed } from "./xlsx.js";

/** A file as given: its name for messages, and its bytes. */
export interface FileBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The spreadsheets to read: two files (CSV or Excel, in any mix), or one workbook with both sheets. */
export type SpreadsheetFiles = { readonly workers: FileBytes; readonly employers: FileBytes } | { readonly workbook: FileBytes };

/** One sheet read from a file, with the file's issues and notices (encoding, separator). */
export interface Read {
  readonly sheet: Sheet | null;
  readonly issues: readonly InputIssue[];
  readonly notices: readonly InputNotice[];
}

/** One sheet from a file: `want` names the sheet of a workbook; `both` when the workbook must hold both sheets. */
export const readSheetFile = async (file: FileBytes, want: "workers" | "employers", both = false): Promise<Read> => {
  if (looksLikeXlsx(file.bytes)) {
    const book = await readWorkbook(file.bytes, file.name);
    if (E.isLeft(book)) return { sheet: null, issues: book.left, notices: [] };
    const sheet = sheetNamed(book.right, want, !both);
    return sheet === undefined
      ? { sheet: null, issues: [issue("missing", file.name, `a sheet named "${want}" (the workbook has ${book.right.map((s) => `"${s.name}"`).join(", ")})`, undefined)], notices: [] }
      : { sheet, issues: [], notices: [] };
  }
  const text = decodeBytes(file.bytes, file.name);
  if (E.isLeft(text)) return { sheet: null, issues: text.left, notices: [] };
  const parsed = parseDelimited(text.right.text, file.name);
  const encoding: InputNotice[] =
    text.right.encoding === "shift_jis" ? [{ code: "file-format", path: file.name, found: "Shift-JIS", now: null, message: "read as Shift-JIS (Japanese Excel's CSV)" }] : [];
  return { sheet: parsed.sheet, issues: parsed.issues, notices: [...encoding, ...parsed.notices] };
};

/** The instance input from spreadsheet files; every problem with the files at once. */
export const loadSpreadsheets = async (files: SpreadsheetFiles, options: Omit<CsvOptions, "names"> = {}): Promise<E.Either<readonly InputIssue[], CsvInstance>> => {
  const [w, e] =
    "workbook" in files
      ? await Promise.all([readSheetFile(files.workbook, "workers", true), readSheetFile(files.workbook, "employers", true)])
      : await Promise.all([readSheetFile(files.workers, "workers"), readSheetFile(files.employers, "employers")]);
  if (w.sheet === null || e.sheet === null) return E.left([...w.issues, ...e.issues]);
  const sheets = instanceFromSheets(w.sheet, e.sheet, options, [...w.notices, ...e.notices]);
  const broken = [...w.issues, ...e.issues];
  return broken.length === 0 ? sheets : E.left([...(E.isLeft(sheets) ? sheets.left : []), ...broken]);
};
