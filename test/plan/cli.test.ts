/**
 * The command line of saved plans: solve --plan, replan with CSV events
 * (issues located at rows and columns, nothing written), the new plan
 * explained without solving again.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";

const dir = mkdtempSync(join(tmpdir(), "jobmatch-replan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jobmatch = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, readStdin: async () => "" });
  return { code, stdout, stderr };
};

describe("jobmatch replan", () => {
  it("applies CSV events to a saved plan, writes the new plan and says who moved and why", async () => {
    const at = (f: string): string => join(dir, f);
    const solved = await jobmatch("solve", "examples/data/kagawa-pilot.json", "--plan", at("plan.json"), "--out", at("result.json"));
    expect(solved.code).toBe(0);
    const plan = JSON.parse(readFileSync(at("plan.json"), "utf8")) as { result: { placements: { workerId: string; employerId: string }[] } };
    const first = plan.result.placements[0]!;

    writeFileSync(at("bad.csv"), `date,type,worker,employer,count,colour\n2026-11-02,worker-withdrawn,W9999,,,\n2026-11-01,slots-removed,,${first.employerId},999,\n`);
    const bad = await jobmatch("replan", at("plan.json"), "--events", at("bad.csv"), "--out", at("never.json"));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("column 6");
    writeFileSync(at("bad.csv"), `date,type,worker,employer,count\n2026-11-02,worker-withdrawn,W9999,,\n2026-11-01,slots-removed,,${first.employerId},999\n`);
    const bad2 = await jobmatch("replan", at("plan.json"), "--events", at("bad.csv"), "--out", at("never.json"));
    expect(bad2.code).toBe(1);
    expect(bad2.stderr).toContain("bad.csv row 2, column worker: expected a worker of the instance");
    expect(bad2.stderr).toContain("bad.csv row 3, column date: expected a date on or after 2026-11-02");
    expect(bad2.stderr).toMatch(/bad\.csv row 3, column count: expected at most \d+/);
    expect(existsSync(at("never.json"))).toBe(false);

    writeFileSync(at("events.csv"), `date,type,worker,employer,count\n2026-11-01,employer-closed,,${first.employerId},\n`);
    const ok = await jobmatch("replan", at("plan.json"), "--events", at("events.csv"), "--out", at("plan-2.json"), "--moves", "pinned", "--markdown", at("changes.md"));
    expect(ok.stderr).toMatch(/exact/);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`${first.workerId}`);
    expect(ok.stdout).toContain(`2026-11-01 ${first.employerId} closed`);
    expect(readFileSync(at("changes.md"), "utf8")).toContain("## Slots reopened");
    const explained = await jobmatch("explain", at("plan-2.json"), "--employer", first.employerId);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain("0 slots");
  }, 120_000);
});
