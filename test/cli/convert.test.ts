/**
 * `jobmatch convert`, `--policy` and spreadsheet input on the command line:
 * an instance goes to Excel and CSV and back to the same decoded instance,
 * and `solve` and `explain` read Shift-JIS, semicolons, Excel and a policy
 * sheet as given.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import { decodeInstance } from "../../src/input/decode.js";
import { instanceToCsv } from "../../src/io/csv.js";
import { instanceToWorkbook } from "../../src/io/convert.js";
import type { MatchResult } from "../../src/result/types.js";
import { shiftJis } from "../support/shiftJis.js";
import { jobmatch, removeBundle, tempDir } from "./run.js";

const dir = tempDir();
const file = (name: string): string => join(dir, name);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeBundle();
});

const generated = generateInstance({ seed: 21, workers: 120, employers: 12 });
// a family of three, so the group column makes the round trip too
const instance = {
  ...generated,
  workers: generated.workers.map((w, i) => (i < 3 ? { ...w, group: "family-1" } : w)),
  policy: { quotas: [{ scope: "sector" as const, key: "caregiving", max: 5 }] },
};

describe("jobmatch convert", () => {
  it("JSON to Excel and back, and to CSV files and back, gives the same decoded instance", async () => {
    writeFileSync(file("instance.json"), JSON.stringify(instance));
    const toXlsx = await jobmatch(["convert", file("instance.json"), "--out", file("book.xlsx")]);
    expect(toXlsx.code, toXlsx.stderr).toBe(0);
    expect(toXlsx.stderr).toContain("policy.json (give it back with --policy)");
    const back = await jobmatch(["convert", file("book.xlsx"), "--policy", file("policy.json"), "--as-of", instance.reference?.asOf ?? "", "--out", file("back.json")]);
    expect(back.code, back.stderr).toBe(0);
    const original = decodeInstance(instance);
    const again = decodeInstance(JSON.parse(readFileSync(file("back.json"), "utf8")));
    expect(E.isRight(original)).toBe(true);
    expect(E.isRight(again) && again.right.workers.filter((w) => w.group === "family-1").length).toBe(3);
    expect(again).toEqual(original);

    const toCsv = await jobmatch(["convert", file("instance.json"), "--out", file("sheets/")]);
    expect(toCsv.code, toCsv.stderr).toBe(0);
    const fromCsv = await jobmatch(["convert", "--workers", file("sheets/workers.csv"), "--employers", file("sheets/employers.csv"), "--policy", file("sheets/policy.json"), "--as-of", instance.reference?.asOf ?? "", "--out", file("back2.json")]);
    expect(fromCsv.code, fromCsv.stderr).toBe(0);
    expect(decodeInstance(JSON.parse(readFileSync(file("back2.json"), "utf8")))).toEqual(original);
  });

  it("refuses an instance with issues, listing them all, exit 1", async () => {
    writeFileSync(file("bad-w.csv"), "id,language,trainingCentre,homeProvince\nw1,N6,c,p\nw1,N4,c,p\n");
    writeFileSync(file("e.csv"), "id,prefecture,field,slots,hourlyWage\ne1,37,nursing-care,3,1100\n");
    const r = await jobmatch(["convert", "--workers", file("bad-w.csv"), "--employers", file("e.csv"), "--out", file("x.json")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("row 2, column language (item 1)");
    expect(r.stderr).toContain("row 3, column id: expected a unique id (also used by row 2 of");
  });
});

describe("solve and explain with spreadsheets and --policy", () => {
  it("read a Shift-JIS semicolon CSV and an Excel sheet, and apply a quota sheet", async () => {
    const csv = instanceToCsv(instance);
    // Japanese Excel: Shift-JIS, semicolons, a prefecture in kanji
    const rows = Papa.parse<string[]>(csv.workers.trim(), { delimiter: "," }).data.map((row) => row.map((c) => (c === "37" ? "香川県" : c)));
    writeFileSync(file("w-sjis.csv"), shiftJis(`${Papa.unparse(rows, { delimiter: ";", newline: "\r\n" })}\r\n`));
    writeFileSync(file("employers.xlsx"), await instanceToWorkbook(instance));
    writeFileSync(file("quotas.csv"), "scope,key,max\nSector,Caregiving,5\n");
    const args = ["--workers", file("w-sjis.csv"), "--employers", file("employers.xlsx"), "--policy", file("quotas.csv"), "--as-of", instance.reference?.asOf ?? ""];
    const r = await jobmatch(["solve", ...args]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("read as Shift-JIS");
    expect(r.stderr).toContain("read as semicolon-separated");
    const result = JSON.parse(r.stdout) as MatchResult;
    const quota = result.policy.find((p) => p.source === "policy.quotas[0]");
    expect(quota?.value).toBeLessThanOrEqual(5);
    const same = await jobmatch(["solve", file("instance.json")]);
    expect({ ...result, timings: null }).toEqual({ ...(JSON.parse(same.stdout) as MatchResult), timings: null });

    const placed = result.placements[0]?.workerId ?? "";
    const x = await jobmatch(["explain", ...args, "--worker", placed]);
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toContain(`${placed} is placed at`);
  });
});
