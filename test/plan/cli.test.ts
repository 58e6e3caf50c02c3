/**
 * The command line of saved plans: solve --plan, replan with CSV events
 * (issues located at rows and columns, nothing written), the new plan
 * explained and audited without solving again.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { generateInstance } from "../../src/generate/generate.js";

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

describe("jobmatch audit of a saved plan", () => {
  it("audits the plan against its own instance without solving, as the same placements given as a result; and says so when an instance is not the plan's", async () => {
    const at = (f: string): string => join(dir, f);
    const instance = generateInstance({ seed: 12, workers: 80, employers: 8 });
    writeFileSync(at("small.json"), JSON.stringify(instance));
    expect((await jobmatch("solve", at("small.json"), "--plan", at("small-plan.json"), "--out", at("small-result.json"))).code).toBe(0);

    const fromPlan = await jobmatch("audit", at("small-plan.json"));
    const fromResult = await jobmatch("audit", at("small.json"), "--plan", at("small-result.json"));
    const fromBoth = await jobmatch("audit", at("small.json"), "--plan", at("small-plan.json"));
    expect([fromPlan.code, fromResult.code, fromBoth.code]).toEqual([0, 0, 0]);
    expect(fromPlan.stdout).toBe(fromResult.stdout);
    expect(fromBoth.stdout).toBe(fromResult.stdout);
    expect(fromPlan.stderr + fromBoth.stderr).not.toContain("no longer matches");
    const report = JSON.parse(fromPlan.stdout) as { summary: { blockingPairs: number } };
    expect(report.summary.blockingPairs).toBeGreaterThanOrEqual(0);

    // Rankings given on the command line replace the plan's instance's, as they replace an instance's.
    const worker = instance.workers[0]!.id;
    writeFileSync(at("small-rankings.csv"), `side,id,ranking,others\nworker,${worker},${instance.employers[0]!.id},after\n`);
    const ranked = await jobmatch("audit", at("small-plan.json"), "--rankings", at("small-rankings.csv"));
    const rankedResult = await jobmatch("audit", at("small.json"), "--plan", at("small-result.json"), "--rankings", at("small-rankings.csv"));
    expect(ranked.code).toBe(0);
    expect(ranked.stdout).toBe(rankedResult.stdout);

    // Another instance (one worker's home province edited): audited, with the notice first.
    writeFileSync(at("small-edited.json"), JSON.stringify({ ...instance, workers: instance.workers.map((w, i) => (i === 0 ? { ...w, homeProvince: "Bali" } : w)) }));
    const edited = await jobmatch("audit", at("small-edited.json"), "--plan", at("small-plan.json"));
    expect(edited.code).toBe(0);
    expect(edited.stderr).toContain("no longer matches");
    // The plan file's own instance edited: the same notice.
    const plan = JSON.parse(readFileSync(at("small-plan.json"), "utf8")) as { instance: typeof instance };
    writeFileSync(at("small-plan-edited.json"), JSON.stringify({ ...plan, instance: { ...plan.instance, workers: plan.instance.workers.map((w, i) => (i === 0 ? { ...w, homeProvince: "Bali" } : w)) } }));
    const editedPlan = await jobmatch("audit", at("small-plan-edited.json"), "--format", "text", "--markdown", at("small-audit.md"));
    expect(editedPlan.code).toBe(0);
    expect(editedPlan.stderr).toContain("no longer matches");
    expect(editedPlan.stdout).toMatch(/^Stability \(derived preferences\)/);
    expect(readFileSync(at("small-audit.md"), "utf8")).toMatch(/blocking pair/i);

    // A saved plan with --plan as well is a usage error; a plan whose placements do not fit the instance given, located issues.
    expect((await jobmatch("audit", at("small-plan.json"), "--plan", at("small-result.json"))).code).toBe(2);
    const placed = JSON.parse(readFileSync(at("small-result.json"), "utf8")) as { placements: { employerId: string }[] };
    writeFileSync(at("small-closed.json"), JSON.stringify({ ...instance, employers: instance.employers.map((e) => (e.id === placed.placements[0]!.employerId ? { ...e, slots: 0 } : e)) }));
    const misfit = await jobmatch("audit", at("small-closed.json"), "--plan", at("small-plan.json"));
    expect(misfit.code).toBe(1);
    expect(misfit.stderr).toContain("no longer matches");
    expect(misfit.stderr).toMatch(/small-plan\.json: result\.placements\[\d+\]: expected at most 0 workers at/);
  }, 120_000);
});
