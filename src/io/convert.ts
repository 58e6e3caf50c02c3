/**
 * An instance into spreadsheets and a result into a workbook: the rows the
 * CSV files hold (./rows.ts), as sheets of a workbook (./xlsx.ts), so that
 * everything the instance JSON can say about workers and employers, a
 * workbook can say, and back.
 *
 * @example
 * writeFileSync("pilot.xlsx", await instanceToWorkbook(input));
 */
import Papa from "papaparse";
import type { InstanceInput } from "../input/codecs.js";
import type { MatchResult } from "../result/types.js";
import { instanceToCsv, resultToCsv } from "./csv.js";
import { writeWorkbook } from "./xlsx.js";

const rowsOf = (csv: string): string[][] => Papa.parse<string[]>(csv.trimEnd(), { header: false, delimiter: "," }).data;

/** Columns whose cells are numbers in a workbook (others stay text, so `07` keeps its zero). */
const NUMERIC = new Set(["slots", "hourlyWage", "fullTimeStaff", "japaneseCareStaff", "score"]);

const typed = (rows: readonly (readonly string[])[]): (string | number)[][] => {
  const header = rows[0] ?? [];
  return rows.map((row, r) => row.map((cell, c) => (r > 0 && NUMERIC.has(header[c] ?? "") && cell !== "" && Number.isFinite(Number(cell)) ? Number(cell) : cell)));
};

/** The instance's workers and employers as a workbook with two sheets, `workers` and `employers`. */
export const instanceToWorkbook = async (input: InstanceInput): Promise<Uint8Array> => {
  const csv = instanceToCsv(input);
  return writeWorkbook([
    { name: "workers", rows: typed(rowsOf(csv.workers)) },
    { name: "employers", rows: typed(rowsOf(csv.employers)) },
  ]);
};

/** A result as a workbook with one sheet, `result`: the rows of `resultToCsv`. */
export const resultToWorkbook = async (result: MatchResult, employers: readonly { readonly id: string; readonly prefecture: string; readonly field: string }[] = []): Promise<Uint8Array> =>
  writeWorkbook([{ name: "result", rows: typed(rowsOf(resultToCsv(result, employers))) }]);
