/**
 * Output that cannot be lost or destroyed without a word (exit 4 for every
 * write failure, exit 2 for an output that names an input):
 * standard output closed, a full device, a file size limit in the middle of
 * a write (the previous file stays whole, nothing half-written is left), an
 * output naming the input or another output, a missing folder (not created).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import { instanceCsvFiles } from "../../src/io/csv.js";
import { jobmatch, jobmatchInShell, removeBundle, STACK, tempDir } from "./run.js";

const dir = tempDir();
const file = (name: string): string => join(dir, name);
const instance = JSON.stringify(generateInstance({ seed: 5, workers: 300, employers: 20 }));

beforeAll(() => {
  writeFileSync(file("instance.json"), instance);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeBundle();
});

describe.concurrent("jobmatch output", () => {
  it("standard output closed: exit 4 with a message, not exit 0 and the result gone", async () => {
    for (const args of [["solve", file("instance.json")], ["scenario", "--list"]]) {
      const r = await jobmatchInShell(args, (c) => `${c} >&-`);
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/^error: standard output is closed, so the result would be lost/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it("standard output closed but the result going to --out: fine", async () => {
    const r = await jobmatchInShell(["solve", file("instance.json"), "--out", file("closed-ok.json")], (c) => `${c} >&-`);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file("closed-ok.json"), "utf8"))).toHaveProperty("placements");
  });

  it("standard output to /dev/null on purpose: fine", async () => {
    const r = await jobmatchInShell(["scenario", "--list"], (c) => `${c} > /dev/null`);
    expect([r.code, r.stderr]).toEqual([0, ""]);
  });

  it("a full device, as standard output or as --out: exit 4, not exit 5", async () => {
    const stdout = await jobmatchInShell(["solve", file("instance.json")], (c) => `${c} > /dev/full`);
    expect([stdout.code, stdout.stderr]).toEqual([4, "error: cannot write to standard output: no space left on device\n"]);
    const out = await jobmatch(["solve", file("instance.json"), "--out", "/dev/full"]);
    expect([out.code, out.stderr]).toEqual([4, "error: cannot write /dev/full: no space left on device\n"]);
  });

  it("a reader that closes the pipe early: exit 4, saying so", async () => {
    const r = await jobmatchInShell(["solve", file("instance.json")], (c) => `{ ${c}; echo "status $?" >&2; } | head -c 1 > /dev/null`);
    expect(r.stderr).toMatch(/error: cannot write to standard output: the reader closed the pipe\nstatus 4\n$/);
  });

  it("--out over an existing file: a failed write (file size limit) leaves the previous file whole and no temporary file", async () => {
    const folder = file("keep");
    mkdirSync(folder);
    const target = join(folder, "result.json");
    writeFileSync(target, "previous result\n");
    // 64 KiB at most per file (ulimit -f counts 1024-byte blocks in dash and bash); SIGXFSZ ignored so write fails with EFBIG.
    const r = await jobmatchInShell(["solve", file("instance.json"), "--out", target], (c) => `trap '' XFSZ; ulimit -f 64; ${c}`);
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toBe(`error: cannot write ${target}: the file would be larger than the file size limit allows (${target} is unchanged)\n`);
    expect(readFileSync(target, "utf8")).toBe("previous result\n");
    expect(readdirSync(folder)).toEqual(["result.json"]);
  });

  it("--out over an existing file: replaced whole when the write succeeds, keeping its permissions", async () => {
    const target = file("replace.json");
    writeFileSync(target, "old", { mode: 0o640 });
    const r = await jobmatch(["solve", file("instance.json"), "--out", target]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(target, "utf8"))).toHaveProperty("summary");
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("an output naming the input, or two outputs naming one file: exit 2 before any work, the input untouched", async () => {
    const runs = await Promise.all([
      jobmatch(["solve", file("instance.json"), "--out", file("instance.json")]),
      jobmatch(["solve", file("instance.json"), "--markdown", join(dir, ".", "instance.json")]),
      jobmatch(["solve", file("instance.json"), "--out", file("same.md"), "--markdown", file("same.md")]),
      jobmatch(["export-lp", file("instance.json"), "--out", file("instance.json")]),
      jobmatch(["explain", file("instance.json"), "--worker", "W001", "--out", file("instance.json")]),
    ]);
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
    }
    expect(runs[0]?.stderr).toBe(`error: --out ${file("instance.json")} is an input file: choose another path (jobmatch never overwrites its input)\n`);
    expect(runs[2]?.stderr).toMatch(/--out and --markdown name the same file/);
    expect(readFileSync(file("instance.json"), "utf8")).toBe(instance);
    expect(existsSync(file("same.md"))).toBe(false);
  });

  it("an output naming one of the law's sheets read as input, or a file of a folder read as the instance: exit 2, the sheets untouched", async () => {
    const sheets = file("sheets");
    mkdirSync(sheets);
    const files = instanceCsvFiles(generateInstance({ seed: 5, workers: 30, employers: 4 }));
    for (const f of files) writeFileSync(join(sheets, f.name), f.text);
    const at = (name: string): string => join(sheets, name);
    const named = ["--workers", at("workers.csv"), "--employers", at("employers.csv"), "--support-organisations", at("support-organisations.csv"), "--expected-wages", at("expected-wages.csv"), "--settings", at("settings.csv")];
    const runs = await Promise.all([
      jobmatch(["solve", sheets, "--out", at("settings.csv")]),
      jobmatch(["solve", sheets, "--markdown", at("policy.json")]),
      jobmatch(["explain", sheets, "--worker", "W001", "--out", at("support-organisations.csv")]),
      jobmatch(["export-lp", sheets, "--out", at("expected-wages.csv")]),
      jobmatch(["convert", sheets, "--out", sheets]),
      jobmatch(["solve", ...named, "--html", at("expected-wages.csv")]),
      jobmatch(["convert", ...named, "--out", `${sheets}/`]),
    ]);
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
    }
    for (const f of files) expect(readFileSync(at(f.name), "utf8")).toBe(f.text);
    expect(existsSync(at("policy.json"))).toBe(false);
  });

  it("a scenario file as --out: exit 2", async () => {
    const scenario = file("scenario.json");
    const text = JSON.stringify({ name: "s", seed: 1, cohort: { size: 10 }, prefectures: [{ prefecture: "37", demand: [{ field: "food-service", employers: 1, slots: 5 }] }] });
    writeFileSync(scenario, text);
    const r = await jobmatch(["scenario", scenario, "--html", scenario]);
    expect(r.code).toBe(2);
    expect(readFileSync(scenario, "utf8")).toBe(text);
  });

  it("a missing folder is not created: exit 4 before the solve, saying so", async () => {
    const r = await jobmatch(["solve", file("instance.json"), "--html", file("no/such/folder/report.html")]);
    expect([r.code, r.stdout]).toEqual([4, ""]);
    expect(r.stderr).toBe(`error: cannot write ${file("no/such/folder/report.html")}: the folder ${file("no/such/folder")} does not exist (create it first: jobmatch does not create folders)\n`);
    expect(existsSync(file("no"))).toBe(false);
  });
  it("stable and audit write as solve does: inputs (the instance, --rankings, --plan) never overwritten, closed standard output and a full device exit 4, missing folders not created", async () => {
    writeFileSync(file("rankings.csv"), "side,id,ranking,others,accepted,rejected\n");
    writeFileSync(file("plan.json"), JSON.stringify({ placements: [] }));
    const refused = await Promise.all([
      jobmatch(["stable", file("instance.json"), "--out", file("instance.json")]),
      jobmatch(["stable", file("instance.json"), "--rankings", file("rankings.csv"), "--out", file("rankings.csv")]),
      jobmatch(["stable", file("instance.json"), "--export-top-choice", file("instance.json")]),
      jobmatch(["audit", file("instance.json"), "--plan", file("plan.json"), "--out", file("plan.json")]),
      jobmatch(["audit", file("instance.json"), "--markdown", file("instance.json")]),
    ]);
    for (const r of refused) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/is an input file: choose another path/);
    }
    expect(readFileSync(file("instance.json"), "utf8")).toBe(instance);
    expect(readFileSync(file("plan.json"), "utf8")).toBe(JSON.stringify({ placements: [] }));
    for (const command of ["stable", "audit"]) {
      const closed = await jobmatchInShell([command, file("instance.json")], (c) => `${c} >&-`);
      expect(closed.code, closed.stderr).toBe(4);
      expect(closed.stderr).toMatch(/standard output is closed/);
      const full = await jobmatch([command, file("instance.json"), "--out", "/dev/full"]);
      expect([full.code, full.stderr]).toEqual([4, "error: cannot write /dev/full: no space left on device\n"]);
      const missing = await jobmatch([command, file("instance.json"), "--html", file(`no-such-folder/${command}.html`)]);
      expect(missing.code, missing.stderr).toBe(4);
      expect(existsSync(file("no-such-folder"))).toBe(false);
    }
  });
  it("replan and solve --plan write as solve does: the plan and the events read are never overwritten, a full device exits 4", async () => {
    const plan = file("saved-plan.json");
    const saved = await jobmatch(["solve", file("instance.json"), "--out", file("solved.json"), "--plan", plan]);
    expect(saved.code, saved.stderr).toBe(0);
    const overInput = await jobmatch(["solve", file("instance.json"), "--plan", file("instance.json")]);
    expect(overInput.code, overInput.stderr).toBe(2);
    writeFileSync(file("events.json"), "[]");
    const before = readFileSync(plan, "utf8");
    for (const out of [plan, file("events.json")]) {
      const r = await jobmatch(["replan", plan, "--events", file("events.json"), "--out", out]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/is an input file: choose another path/);
    }
    expect(readFileSync(plan, "utf8")).toBe(before);
    const full = await jobmatch(["replan", plan, "--events", file("events.json"), "--out", "/dev/full"]);
    expect(full.code, full.stderr).toBe(4);
  });
});
