/**
 * Excel workbooks (.xlsx) in and out, in the browser and in Node: sheets as
 * rows of text cells (./table.ts reads them like CSV), and rows back into a
 * workbook. Reading and writing are read-excel-file's and write-excel-file's
 * universal builds (maintained, MIT, a zip and XML reader on fflate; no
 * native code and no Node-only modules).
 *
 * Cells are read as the text a CSV would hold: numbers in plain JavaScript
 * form (`1100`), booleans as true/false, dates as YYYY-MM-DD, empty cells as
 * "". A workbook that cannot be read is an issue, never an exception.
 *
 * @example
 * const book = await readWorkbook(readFileSync("pilot.xlsx"), "pilot.xlsx");
 * // Right([{ file: "pilot.xlsx (workers)", name: "workers", rows: [["id", "language", ...], ...] }, ...])
 */
import * as E from "fp-ts/lib/Either.js";
import readXlsxFile from "read-excel-file/universal";
import writeXlsxFile from "write-excel-file/universal";
import { issue, type InputIssue } from "../input/issues.js";
import type { Sheet } from "./table.js";

/** One sheet of a workbook: its name in the workbook, and its rows as text. */
export interface WorkbookSheet extends Sheet {
  readonly name: string;
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v);
};

/** Whether the bytes start like a zip archive (every .xlsx is one). */
export const looksLikeXlsx = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Every sheet of a workbook as rows of text; `file` names them in messages (`pilot.xlsx (workers)`). */
export const readWorkbook = async (bytes: Uint8Array | ArrayBuffer, file: string): Promise<E.Either<readonly InputIssue[], readonly WorkbookSheet[]>> => {
  const buffer = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes;
  try {
    const sheets = await readXlsxFile(buffer);
    return E.right(sheets.map((s) => ({ name: s.sheet, file: sheets.length === 1 ? file : `${file} (${s.sheet})`, rows: s.data.map((row) => row.map(cellText)) })));
  } catch (e) {
    return E.left([issue("invalid", file, "an Excel workbook (.xlsx)", e instanceof Error ? e.message : String(e))]);
  }
};

/** The sheet named `name` (ignoring case), else (with `onlyIsFine`) the only sheet of a one-sheet workbook. */
export const sheetNamed = (sheets: readonly WorkbookSheet[], name: string, onlyIsFine = true): WorkbookSheet | undefined =>
  sheets.find((s) => s.name.trim().toLowerCase() === name) ?? (onlyIsFine && sheets.length === 1 ? sheets[0] : undefined);

/** A workbook of the given sheets; cells are text, or numbers where `numeric` says the column holds numbers. */
export const writeWorkbook = async (sheets: readonly { readonly name: string; readonly rows: readonly (readonly (string | number)[])[] }[]): Promise<Uint8Array> => {
  const blob = await writeXlsxFile(
    sheets.map((s) => ({ sheet: s.name, data: s.rows.map((row) => row.map((v) => (v === "" ? null : { value: v, type: typeof v === "number" ? Number : String }))) })),
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
};
