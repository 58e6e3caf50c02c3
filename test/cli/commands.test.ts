import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import { match } from "../../src/match.js";
import type { Comparison } from "../../src/scenario/compare.js";
import type { Scenario } from "../../src/scenario/types.js";
import { jobmatch, removeBundle, STACK, tempDir } from "./run.js";

const dir = tempDir();
const file = (name: string): string => join(dir, name);
const instance = generateInstance({ seed: 4, workers: 60, employers: 6 });
const result = match(instance);
if (E.isLeft(result)) throw new Error("fixture does not solve");
const placed = result.right.placements[0];
const unplaced = result.right.unplaced[0];

const scenario: Scenario = {
  name: "tiny",
  title: "Tiny",
  seed: 5,
  assumptions: ["Everything here is made up."],
  cohort: { size: 120 },
  prefectures: [{ prefecture: "37", demand: [{ field: "nursing-care", employers: 4, slots: 60 }, { field: "food-manufacturing", employers: 4, slots: 60 }] }],
  variations: [{ name: "N3", changes: [{ kind: "language-shift", by: 1 }] }],
};

beforeAll(() => {
  writeFileSync(file("instance.json"), JSON.stringify(instance));
  writeFileSync(file("tiny.json"), JSON.stringify(scenario));
  writeFileSync(file("bad-scenario.json"), JSON.stringify({ ...scenario, cohort: { size: 10, fieldMix: { nursing: 1 } }, seeds: 1 }));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeBundle();
});

describe.concurrent("jobmatch (top level)", () => {
  it("has help for every command, exit 0", async () => {
    const runs = await Promise.all([[], ["solve"], ["explain"], ["scenario"], ["export-lp"]].map((c) => jobmatch([...c, "--help"])));
    for (const [i, name] of ["jobmatch", "jobmatch solve", "jobmatch explain", "jobmatch scenario", "jobmatch export-lp"].entries()) {
      expect(runs[i]?.code).toBe(0);
      expect(runs[i]?.stdout).toContain(`Usage: ${name} [options]`);
      expect(runs[i]?.stdout).toMatch(/Exit codes/);
    }
  });

  it("prints its version, exit 0; an unknown command, option or nothing at all is a usage error, exit 2", async () => {
    const [version, unknown, option, nothing] = await Promise.all([jobmatch(["--version"]), jobmatch(["place"]), jobmatch(["--frobnicate"]), jobmatch([])]);
    expect([version?.code, version?.stdout.trim()]).toEqual([0, JSON.parse(readFileSync("package.json", "utf8")).version]);
    for (const r of [unknown, option, nothing]) {
      expect(r?.code).toBe(2);
      expect(r?.stderr).not.toMatch(STACK);
    }
    expect(unknown?.stderr).toContain("unknown command 'place'");
  });
});

describe.concurrent("jobmatch explain", () => {
  it("explains a placed worker: employer and points per criterion", async () => {
    const r = await jobmatch(["explain", file("instance.json"), "--worker", placed?.workerId ?? ""]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Worker ${placed?.workerId}`);
    expect(r.stdout).toContain(`Placed with ${placed?.employerId}`);
    expect(r.stdout).toMatch(/fieldPreference +\d+ points x 4 = \d+/);
  });

  it("explains an unplaced worker and an employer, as text or JSON", async () => {
    const [w, e] = await Promise.all([
      jobmatch(["explain", file("instance.json"), "--worker", unplaced?.workerId ?? ""]),
      jobmatch(["explain", file("instance.json"), "--employer", instance.employers[0]?.id ?? "", "--format", "json"]),
    ]);
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/Not placed: /);
    expect(e.code).toBe(0);
    const x = JSON.parse(e.stdout) as { kind: string; employer: { id: string }; outcome: { slots: number } };
    expect([x.kind, x.employer.id, x.outcome.slots]).toEqual(["employer", instance.employers[0]?.id, instance.employers[0]?.slots]);
  });

  it("reports an unknown id as bad input (exit 1), and asks for exactly one of --worker and --employer (exit 2)", async () => {
    const [unknown, neither, both] = await Promise.all([
      jobmatch(["explain", file("instance.json"), "--worker", "W-nobody"]),
      jobmatch(["explain", file("instance.json")]),
      jobmatch(["explain", file("instance.json"), "--worker", "a", "--employer", "b"]),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`--worker: expected a worker id of ${file("instance.json")}, got "W-nobody"`);
    expect([neither.code, both.code]).toEqual([2, 2]);
    expect(neither.stderr).toBe("error: give exactly one of --worker ID and --employer ID\n");
  });
});

describe.concurrent("jobmatch scenario", () => {
  it("lists the bundled scenarios", async () => {
    const r = await jobmatch(["scenario", "--list"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").filter(Boolean).map((l) => l.split(" ")[0])).toEqual(["kagawa-pilot", "shikoku", "nationwide"]);
  });

  it("runs a file scenario with its variations, writing Markdown, HTML and the instance", async () => {
    const r = await jobmatch(["scenario", file("tiny.json"), "--compare", "--vary", "slots*0.5", "--html", file("out/tiny.html"), "--markdown", file("out/tiny.md"), "--instance", file("out/tiny-instance.json")]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toMatch(/^# Tiny\n/);
    expect(r.stdout).toMatch(/\| +\| +tiny \| +tiny\/N3 \| +tiny\/slots\*0\.5 \|/);
    expect(readFileSync(file("out/tiny.html"), "utf8")).toContain('data-chart="placements-by-prefecture"');
    expect(readFileSync(file("out/tiny.md"), "utf8")).toContain("- Everything here is made up.");
    const inst = JSON.parse(readFileSync(file("out/tiny-instance.json"), "utf8")) as { workers: unknown[] };
    expect(inst.workers).toHaveLength(120);
  });

  it("compares several scenarios side by side as JSON, the nationwide one at a reduced size", async () => {
    const r = await jobmatch(["scenario", "kagawa-pilot", "nationwide", "--scale", "0.02", "--format", "json"]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.rows.map((x) => [x.name, x.status, x.workers])).toEqual([
      ["kagawa-pilot", "optimal", 40],
      ["nationwide", "optimal", 1000],
    ]);
    expect(c.prefectures).toHaveLength(47);
  });

  it("prints a scenario as JSON to start a file of one's own", async () => {
    const r = await jobmatch(["scenario", "shikoku", "--show"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Scenario).prefectures).toHaveLength(4);
  });

  it("gives a bad scenario file its located issues (exit 1), a bad variation its own (exit 1), bad shorthand and unknown names usage errors (exit 2)", async () => {
    const [file1, variation, shorthand, unknown, none] = await Promise.all([
      jobmatch(["scenario", file("bad-scenario.json")]),
      jobmatch(["scenario", file("tiny.json"), "--vary", "cap:plumbing=3"]),
      jobmatch(["scenario", file("tiny.json"), "--vary", "more slots"]),
      jobmatch(["scenario", "atlantis"]),
      jobmatch(["scenario"]),
    ]);
    expect(file1.code).toBe(1);
    expect(file1.stderr).toBe(`error: ${file("bad-scenario.json")} has problems:\nseeds: unknown property; did you mean "seed"?\n`);
    expect(variation.code).toBe(1);
    expect(variation.stderr).toContain('--vary[0].changes[0].field: expected an SSW field id of catalogue 2024-09, got "plumbing"');
    expect([shorthand.code, unknown.code, none.code]).toEqual([2, 2, 2]);
    expect(unknown.stderr).toContain('unknown scenario "atlantis"');
    for (const r of [file1, variation, shorthand, unknown, none]) expect(r.stderr).not.toMatch(STACK);
  });
});

describe.concurrent("jobmatch export-lp", () => {
  it("writes the model in CPLEX LP format, exit 0", async () => {
    const r = await jobmatch(["export-lp", file("instance.json")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Maximize$/m);
    expect(r.stdout).toMatch(/^Subject To$/im);
    expect(r.stdout).toMatch(/^End$/m);
  });

  it("reports bad input with located issues, exit 1", async () => {
    const r = await jobmatch(["export-lp", "-"], JSON.stringify({ workers: [{ id: "w" }], employers: [] }));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: standard input has problems:\nworkers[0].language: missing, expected a list of Japanese test results\nworkers[0].trainingCentre: missing, expected a non-empty string\nworkers[0].homeProvince: missing, expected a non-empty string\n");
  });
});
