/**
 * An instance into spreadsheets and a result into a workbook: the rows the
 * CSV files hold (./rows.ts, ./sections.ts), as sheets of a workbook
 * (./xlsx.ts), so that everything the instance JSON can say (but the policy,
 * which has a file of its own), a workbook can say, and back.
 *
 * @example
 * writeFileSync("pilot.xlsx", await instanceToWorkbook(input));
 */
import Papa from "papaparse";
import type { InstanceInput } from "../input/codecs.js";
import type { MatchResult } from "../result/types.js";
import { instanceToCsv, resultToCsv, SHEET_ORDER } from "./csv.js";
import { SHEET_NAMES } from "./sections.js";
import { writeWorkbook } from "./xlsx.js";

const rowsOf = (csv: string): string[][] => Papa.parse<string[]>(csv.trimEnd(), { header: false, delimiter: "," }).data;

/** Columns whose cells are numbers in a workbook (others stay text, so `07` keeps its zero). */
const NUMERIC = new Set(["slots", "hourlyWage", "fullTimeStaff", "japaneseCareStaff", "sswEmployed", "japaneseWage", "age", "sswMonths", "careExperienceMonths", "officers", "workers", "employers", "amount", "score"]);

const typed = (rows: readonly (readonly string[])[]): (string | number)[][] => {
  const header = rows[0] ?? [];
  return rows.map((row, r) => row.map((cell, c) => (r > 0 && NUMERIC.has(header[c] ?? "") && cell !== "" && Number.isFinite(Number(cell)) ? Number(cell) : cell)));
};

/** The instance as a workbook: sheets `workers`, `employers`, `support-organisations`, `expected-wages` and `settings` (./sections.ts); the policy has its own file. */
export const instanceToWorkbook = async (input: InstanceInput): Promise<Uint8Array> => {
  const csv = instanceToCsv(input);
  return writeWorkbook(SHEET_ORDER.map((k) => ({ name: SHEET_NAMES[k], rows: k === "settings" ? rowsOf(csv[k]) : typed(rowsOf(csv[k])) })));
};

/** A result as a workbook with one sheet, `result`: the rows of `resultToCsv`. */
export const resultToWorkbook = async (result: MatchResult, employers: readonly { readonly id: string; readonly prefecture: string; readonly field: string }[] = []): Promise<Uint8Array> =>
  writeWorkbook([{ name: "result", rows: typed(rowsOf(resultToCsv(result, employers))) }]);
