import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../src/input/issues.js";
import { KAGAWA_PILOT_SCENARIO, NATIONWIDE_SCENARIO } from "../../src/scenario/bundled.js";
import { compareRuns } from "../../src/scenario/compare.js";
import { scenarioNotes } from "../../src/scenario/notes.js";
import { runScenario, runScenarios, withVariations, type RunStep, type ScenarioRun } from "../../src/scenario/run.js";
import type { Scenario } from "../../src/scenario/types.js";
import { applyChange } from "../../src/scenario/variations.js";

const scaled = (s: Scenario, factor: number): Scenario => {
  const r = applyChange(s, { kind: "scale", factor });
  if (E.isLeft(r)) throw new Error(formatIssues(r.left));
  return r.right;
};

const right = <T>(e: E.Either<readonly { path: string }[], T>): T => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left));
  return e.right;
};

describe("running scenarios", () => {
  it("runs a scenario with its variations and compares them side by side", () => {
    const steps: RunStep[] = [];
    const list = right(withVariations(scaled(KAGAWA_PILOT_SCENARIO, 0.2)));
    expect(list.map((s) => s.name)).toEqual(["kagawa-pilot", "kagawa-pilot/language +1", "kagawa-pilot/care slots -25%", "kagawa-pilot/+ Ehime"]);
    const runs = right(runScenarios(list, { onStep: (s) => steps.push(s) }));
    expect(steps.filter((s) => s.stage === "done").map((s) => s.index)).toEqual([0, 1, 2, 3]);
    const c = compareRuns(runs);
    expect(c.rows.map((r) => r.status)).toEqual(["optimal", "optimal", "optimal", "optimal"]);
    const [base, language, care, ehime] = c.rows;
    // One level more Japanese never places fewer: eligibility only widens and the slots are the same.
    expect(language?.placed).toBeGreaterThanOrEqual(base?.placed ?? 0);
    // Fewer care slots never place more; another prefecture never places fewer.
    expect(care?.placed).toBeLessThanOrEqual(base?.placed ?? 0);
    expect(ehime?.placed).toBeGreaterThanOrEqual(base?.placed ?? 0);
    expect(c.prefectures).toEqual(["37", "38"]);
    expect(base?.byPrefecture["38"]).toEqual({ placed: 0, slots: 0, unfilledSlots: 0 });
    for (const r of c.rows) {
      expect(r.placed).toBeLessThanOrEqual(Math.min(r.workers, r.slots));
      expect(Object.values(r.unplacedByReason).reduce((a, b) => a + b, 0)).toBe(r.workers - r.placed);
      expect(Object.values(r.byField).reduce((a, g) => a + g.placed, 0)).toBe(r.placed);
    }
    const notes = scenarioNotes(runs);
    expect(notes.map((n) => n.heading)).toEqual(["Assumptions: kagawa-pilot", "Variations"]);
    expect(notes[1]?.items).toHaveLength(3);
  });

  it("runs the nationwide scenario end to end at a reduced size (47 prefectures)", () => {
    const small = scaled(NATIONWIDE_SCENARIO, 0.04);
    expect(small.cohort.size).toBe(2000);
    const run: ScenarioRun = right(runScenario(small));
    expect(run.result.status).toBe("optimal");
    expect(Object.keys(run.result.summary.byPrefecture)).toHaveLength(47);
    expect(run.result.summary.placed).toBeGreaterThan(0.5 * run.result.summary.workers);
  });

  it("reports a scenario whose instance the library refuses, with the scenario's index", () => {
    const bad: Scenario = { ...KAGAWA_PILOT_SCENARIO, policy: { quotas: [{ scope: "sector", key: "fishing", min: 1 }] } };
    const r = runScenarios([scaled(KAGAWA_PILOT_SCENARIO, 0.05), bad]);
    expect(E.isLeft(r) && r.left.map((i) => i.path)).toEqual(["scenarios[1].policy.quotas[0].key"]);
  });
});
