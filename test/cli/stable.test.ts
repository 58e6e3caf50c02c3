/**
 * `jobmatch stable` and `jobmatch audit` as a user runs them: JSON and CSV
 * in and out, the price of stability, located issues for bad rankings and
 * plans, exit codes.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import { instanceToCsv } from "../../src/io/csv.js";
import { stableMatch } from "../../src/stable/stable.js";
import { auditMatch } from "../../src/stable/stabilityReport.js";
import { jobmatch, removeBundle, STACK, tempDir } from "./run.js";

const dir = tempDir();
const file = (name: string): string => join(dir, name);
const instance = generateInstance({ seed: 4, workers: 60, employers: 6 });
const csv = instanceToCsv(instance);
const [w1, w2] = instance.workers;
const [e1] = instance.employers;

beforeAll(() => {
  writeFileSync(file("instance.json"), JSON.stringify(instance));
  writeFileSync(file("workers.csv"), csv.workers);
  writeFileSync(file("employers.csv"), csv.employers);
  writeFileSync(file("rankings.csv"), `side,id,ranking,others\nworker,${w1?.id},E99,after\n`);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeBundle();
});

describe.concurrent("jobmatch stable", () => {
  it("writes the stable plan as JSON, the same as the library's, exit 0", async () => {
    const run = await jobmatch(["stable", file("instance.json")]);
    expect(run.code).toBe(0);
    const lib = stableMatch(instance);
    if (E.isLeft(lib)) throw new Error("rejected");
    const out = JSON.parse(run.stdout) as typeof lib.right;
    expect(out.status).toBe("stable");
    expect(out.placements).toEqual(lib.right.placements);
    expect(out.stability?.blockingPairs).toBe(0);
    expect(out.mechanism.proposing).toBe("workers");
  });

  it("reads CSV with rankings.csv, and points a bad ranking at its row, exit 1", async () => {
    const run = await jobmatch(["stable", "--workers", file("workers.csv"), "--employers", file("employers.csv"), "--rankings", file("rankings.csv")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file("rankings.csv")} row 2, ranking[0]: expected the id of an employer in this instance, got "E99"`);
    expect(run.stderr).not.toMatch(STACK);
  });

  it("prints the price of stability, exit 0", async () => {
    const run = await jobmatch(["stable", file("instance.json"), "--compare"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\| Blocking pairs +\| .* \| +0 \|/);
    expect(run.stdout).toMatch(/^Stability costs \d+ placements?/m);
  });

  it("writes the plan as CSV, and the top-choice model in LP, exit 0", async () => {
    const run = await jobmatch(["stable", file("instance.json"), "--format", "csv", "--out", file("stable.csv"), "--export-top-choice", file("tc.lp")]);
    expect(run.code).toBe(0);
    expect(readFileSync(file("stable.csv"), "utf8").split("\n")[0]).toBe("workerId,placed,employerId,prefecture,field,start,score,reason,detail");
    expect(readFileSync(file("tc.lp"), "utf8")).toMatch(/^Maximize/m);
  });

  it("asks a lottery for its seed, and CSV is not a comparison, exit 2; rankings.csv replaces a JSON instance's rankings", async () => {
    expect((await jobmatch(["stable", file("instance.json"), "--tie-break", "single"])).code).toBe(2);
    expect((await jobmatch(["stable", file("instance.json"), "--compare", "--format", "csv"])).code).toBe(2);
    const ranked = await jobmatch(["stable", file("instance.json"), "--rankings", file("rankings.csv")]);
    expect(ranked.code).toBe(1);
    expect(ranked.stderr).toContain(`${file("rankings.csv")} row 2, ranking[0]`);
  });
});

describe.concurrent("jobmatch audit", () => {
  it("audits the optimal plan by default, the same as the library, exit 0", async () => {
    const run = await jobmatch(["audit", file("instance.json")]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { summary: { blockingPairs: number }; pairs: unknown[] };
    expect(report.summary.blockingPairs).toBeGreaterThan(0);
    expect(report.pairs.length).toBe(report.summary.blockingPairs);
  });

  it("audits a stable plan from the CSV result: no blocking pair; text and CSV out", async () => {
    await jobmatch(["stable", file("instance.json"), "--format", "csv", "--out", file("plan.csv")]);
    const text = await jobmatch(["audit", file("instance.json"), "--plan", file("plan.csv"), "--format", "text"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Stability \(derived preferences\): no blocking pair/);
    const pairs = await jobmatch(["audit", file("instance.json"), "--format", "csv"]);
    const lib = auditMatch(instance, { placements: (JSON.parse((await jobmatch(["solve", file("instance.json")])).stdout) as { placements: unknown[] }).placements }, { limit: Infinity });
    if (E.isLeft(lib)) throw new Error("rejected");
    expect(pairs.stdout.trim().split("\n").length).toBe(1 + lib.right.summary.blockingPairs);
  });

  it("reports a plan that does not fit the instance with located issues, exit 1", async () => {
    writeFileSync(file("bad-plan.json"), JSON.stringify({ placements: [{ workerId: w1?.id, employerId: e1?.id }, { workerId: w1?.id, employerId: e1?.id }, { workerId: "W9999", employerId: e1?.id }] }));
    const run = await jobmatch(["audit", file("instance.json"), "--plan", file("bad-plan.json")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`placements[1].workerId: expected each worker placed once`);
    expect(run.stderr).toContain(`placements[2].workerId: expected the id of a worker in this instance, got "W9999"`);
    expect(run.stderr).not.toMatch(STACK);
    void w2;
  });
});
