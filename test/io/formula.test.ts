/**
 * CSV cells a spreadsheet would run as formulas are written guarded, and read
 * back as they were: checked on the files themselves (parsed by papaparse,
 * independently of the writer) and by round trips.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import { formatIssues } from "../../src/input/issues.js";
import { instanceCsvFiles, instanceFromCsv, instanceToCsv, resultToCsv } from "../../src/io/csv.js";
import { guardCell, unguardCell } from "../../src/io/formula.js";
import { match } from "../../src/match.js";
import { fcOptions } from "../support/seed.js";

/** What a spreadsheet would run: a cell starting with one of these that is not a plain number. */
const runsAsFormula = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);

/** Strings that start like formulas, after any apostrophes, half of the time. */
const risky = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.tuple(fc.constantFrom("", "'", "''"), fc.constantFrom("=", "+", "-", "@", "\t", "\r"), fc.string({ maxLength: 10 })).map(([q, t, rest]) => `${q}${t}${rest}`),
);

const cellsOf = (csv: string): string[] => Papa.parse<string[]>(csv, { header: false }).data.slice(1).flat();

describe("spreadsheet formula guard", () => {
  it("guards exactly the cells that would run, and reads every string back as it was", () => {
    fc.assert(
      fc.property(risky, (s) => {
        expect(unguardCell(guardCell(s))).toBe(s);
        expect(runsAsFormula(guardCell(s))).toBe(false);
        if (!/^'*[=+\-@\t\r]/.test(s)) expect(guardCell(s)).toBe(s);
      }),
      fcOptions(2000),
    );
    expect(["=1+2", "-5", "+3", "-2+3", "@SUM(A1)", "O'Brien", "'=x"].map(guardCell)).toEqual(["'=1+2", "-5", "+3", "'-2+3", "'@SUM(A1)", "O'Brien", "''=x"]);
  });

  it("the result CSV has no cell a spreadsheet would run, with ids and names that start like formulas", () => {
    const base = generateInstance({ seed: 2, workers: 40, employers: 6 });
    const evil = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(1)", "\t=1", "\r=1"];
    const instance = {
      ...base,
      workers: base.workers.map((w, i) => ({ ...w, id: `${evil[i % evil.length]}${i}` })),
      employers: base.employers.map((e, i) => ({ ...e, id: `${evil[i % evil.length]}E${i}`, name: evil[i % evil.length] })),
    };
    const r = match(instance);
    if (E.isLeft(r)) throw new Error(formatIssues(r.left));
    const cells = cellsOf(resultToCsv(r.right, instance.employers));
    expect(cells.filter(runsAsFormula)).toEqual([]);
    const csv = instanceToCsv(instance);
    expect([...cellsOf(csv.workers), ...cellsOf(csv.employers)].filter(runsAsFormula)).toEqual([]);
    // Round trip: the ids come back exactly.
    const back = instanceFromCsv(csv.workers, csv.employers);
    if (E.isLeft(back)) throw new Error(formatIssues(back.left));
    expect(back.right.input.workers.map((w) => (w as { id: string }).id)).toEqual(instance.workers.map((w) => w.id));
    expect(back.right.input.employers.map((e) => (e as { name?: string }).name)).toEqual(instance.employers.map((e) => e.name));
  });

  it("every sheet the law added is guarded too (support organisations, expected wages, settings), and reads back as it was", () => {
    const base = generateInstance({ seed: 3, workers: 30, employers: 5 });
    const organisations = [
      { id: "=RSO(1)", name: "@SUM(A1)", officers: 3 },
      { id: "+RSO-2", name: "-1+1", officers: 1, workers: 4, employers: 1 },
    ];
    const instance = {
      ...base,
      supportOrganisations: [...(base.supportOrganisations ?? []), ...organisations],
      employers: base.employers.map((e, i) => (i < 2 ? { ...e, support: (organisations[i] as { id: string }).id } : e)),
      reference: { ...base.reference, expectedMinimumWages: [{ prefecture: "37", amount: 1_200, from: "2026-10-01", note: "=cmd|' /C calc'!A0" }] },
    };
    const r = match(instance);
    if (E.isLeft(r)) throw new Error(formatIssues(r.left));
    const files = instanceCsvFiles(instance);
    expect(files.map((f) => f.name)).toEqual(["workers.csv", "employers.csv", "support-organisations.csv", "expected-wages.csv", "settings.csv"]);
    for (const f of files) expect(cellsOf(f.text).filter(runsAsFormula), f.name).toEqual([]);
    const text = new Map(files.map((f) => [f.name, f.text]));
    const back = instanceFromCsv(text.get("workers.csv") ?? "", text.get("employers.csv") ?? "", {
      sheets: { supportOrganisations: text.get("support-organisations.csv"), expectedWages: text.get("expected-wages.csv"), settings: text.get("settings.csv") },
    });
    if (E.isLeft(back)) throw new Error(formatIssues(back.left));
    const input = back.right.input as unknown as typeof instance;
    expect(input.supportOrganisations.slice(-2)).toEqual(organisations);
    expect(input.employers.slice(0, 2).map((e) => e.support)).toEqual(["=RSO(1)", "+RSO-2"]);
    expect(input.reference.expectedMinimumWages).toEqual(instance.reference.expectedMinimumWages);
    const again = match(back.right.input);
    expect(E.isRight(again) && JSON.stringify(again.right.placements)).toBe(JSON.stringify(r.right.placements));
  });
});
