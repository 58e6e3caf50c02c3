import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import { formatIssues } from "../../src/input/issues.js";
import { instanceToCsv } from "../../src/io/csv.js";
import { match } from "../../src/match.js";
import type { MatchResult } from "../../src/result/types.js";
import { jobmatch, removeBundle, STACK, tempDir } from "./run.js";

const dir = tempDir();
const file = (name: string): string => join(dir, name);
const instance = generateInstance({ seed: 3, workers: 80, employers: 8 });
const bad = {
  ...instance,
  workers: instance.workers.map((w, i) => (i === 1 ? { ...w, language: ["N6"] } : w)),
  employers: instance.employers.map((e, i) => (i === 0 ? { ...e, hourlyWage: 500 } : e)),
};

beforeAll(() => {
  writeFileSync(file("instance.json"), JSON.stringify(instance));
  writeFileSync(file("bad.json"), JSON.stringify(bad));
  writeFileSync(file("broken.json"), '{\n  "workers": [,]\n}');
  const csv = instanceToCsv(instance);
  writeFileSync(file("workers.csv"), csv.workers);
  writeFileSync(file("employers.csv"), csv.employers);
  writeFileSync(file("bad-workers.csv"), csv.workers.replace(/\nW02,[^,]*,/, "\nW02,N6,"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeBundle();
});

describe.concurrent("jobmatch solve", () => {
  it("writes the result JSON to standard output, exit 0, nothing on standard error", async () => {
    const r = await jobmatch(["solve", file("instance.json")]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const result = JSON.parse(r.stdout) as MatchResult;
    expect(result.status).toBe("optimal");
    expect(result.placements.length + result.unplaced.length).toBe(80);
  });

  it("reads the instance from standard input with -", async () => {
    const r = await jobmatch(["solve", "-", "--engine", "lp-solver"], JSON.stringify(instance));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as MatchResult).engine).toBe("lp-solver");
  });

  it("reads workers.csv and employers.csv and writes a CSV result and reports to files", async () => {
    const out = file("out/result.csv");
    const r = await jobmatch([
      "solve",
      "--workers", file("workers.csv"),
      "--employers", file("employers.csv"),
      "--format", "csv",
      "--out", out,
      "--html", file("out/report.html"),
      "--markdown", file("out/report.md"),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^placed \d+ of 80 workers \(optimal, \w[\w-]*, .+\)\n$/);
    const rows = Papa.parse<Record<string, string>>(readFileSync(out, "utf8").trim(), { header: true }).data;
    expect(rows).toHaveLength(80);
    const expected = match(instance);
    expect(rows.filter((x) => x.placed === "true")).toHaveLength(E.isRight(expected) ? expected.right.summary.placed : -1);
    expect(readFileSync(file("out/report.html"), "utf8")).toContain('data-chart="fill-by-field"');
    expect(readFileSync(file("out/report.md"), "utf8")).toContain("## Fill by prefecture");
  });

  it("gives bad input the library's located issues on standard error, exit 1", async () => {
    const r = await jobmatch(["solve", file("bad.json")]);
    const expected = match(bad);
    expect(E.isLeft(expected)).toBe(true);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`error: ${file("bad.json")} has problems:\n${E.isLeft(expected) ? formatIssues(expected.left) : ""}\n`);
    expect(r.stderr).toContain('workers[1].language[0]: expected N5..N1 or JFT-Basic A1/A2.1/A2, got "N6"');
  });

  it("points CSV issues at the file and row", async () => {
    const r = await jobmatch(["solve", "--workers", file("bad-workers.csv"), "--employers", file("employers.csv")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file("bad-workers.csv")} row 3, column language (item 1): expected N5..N1 or JFT-Basic A1/A2.1/A2, got "N6"`);
  });

  it("says where JSON is broken, and which file cannot be read, exit 1", async () => {
    const broken = await jobmatch(["solve", file("broken.json")]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON at line 2, column \d+/);
    const missing = await jobmatch(["solve", file("nope.json")]);
    expect([missing.code, missing.stderr]).toEqual([1, `error: cannot read ${file("nope.json")}: no such file\n`]);
  });

  it("treats missing or conflicting arguments and bad option values as usage errors, exit 2", async () => {
    const runs = await Promise.all([
      jobmatch(["solve"]),
      jobmatch(["solve", file("instance.json"), "--workers", file("workers.csv"), "--employers", file("employers.csv")]),
      jobmatch(["solve", "--workers", file("workers.csv")]),
      jobmatch(["solve", file("instance.json"), "--format", "xml"]),
      jobmatch(["solve", file("instance.json"), "--time-limit", "soon"]),
      jobmatch(["solve", file("instance.json"), "--as-of", "2026-04-01"]),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^error: /);
    }
    expect(runs[3]?.stderr).toContain("Allowed choices are json, csv");
  });

  it("exits 3 when the solve is not proved optimal, still writing the result", async () => {
    const big = file("pilot.json");
    writeFileSync(big, JSON.stringify(generateInstance({ seed: 9, workers: 1500, employers: 120 })));
    const r = await jobmatch(["solve", big, "--engine", "lp-solver", "--time-limit", "1"]);
    expect(r.code).toBe(3);
    expect((JSON.parse(r.stdout) as MatchResult).status).toBe("time-limit");
    expect(r.stderr).toMatch(/time-limit/);
  });

  it("exits 4 when the output cannot be written", async () => {
    const r = await jobmatch(["solve", file("instance.json"), "--out", join(file("instance.json"), "result.json")]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^error: cannot write .*result\.json: a folder on its path is a file\n$/);
  });

  it("never shows a stack trace", async () => {
    const runs = await Promise.all([jobmatch(["solve", file("broken.json")]), jobmatch(["solve", "--bogus"]), jobmatch(["solve", dir])]);
    for (const r of runs) expect(r.stderr).not.toMatch(STACK);
    expect(runs[2]?.stderr).toContain("it is a directory");
    expect(existsSync(file("instance.json"))).toBe(true);
  });
});
