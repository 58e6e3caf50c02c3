import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainEmployer, explainWorker } from "../../src/analysis/explain.js";
import type { EmployerExplanation, WorkerExplanation } from "../../src/analysis/types.js";
import { smallestChange } from "../../src/analysis/whatIf.js";
import { RULE_WORDS } from "../../src/analysis/words.js";
import { generateInstance } from "../../src/generate/generate.js";
import { decodeInstance } from "../../src/input/decode.js";
import { match } from "../../src/match.js";
import { RULES } from "../../src/rules/eligibility.js";
import type { Comparison } from "../../src/scenario/compare.js";
import type { Scenario } from "../../src/scenario/types.js";
import { jobmatch, removeBundle, STACK, tempDir } from "./run.js";
import { lawful } from "../support/lawful.js";

const dir = tempDir();
const file = (name: string): string => join(dir, name);
const instance = generateInstance({ seed: 4, workers: 60, employers: 6 });
const result = match(instance);
if (E.isLeft(result)) throw new Error("fixture does not solve");
const decodedInstance = decodeInstance(instance);
if (E.isLeft(decodedInstance)) throw new Error("fixture does not decode");
const decoded = decodedInstance.right;
const workerExplanations = decoded.workers.flatMap((w) => {
  const x = explainWorker(decoded, result.right, w.id);
  return E.isRight(x) ? [x.right] : [];
});
/** A placed worker with points on two criteria or more. */
const placedX = workerExplanations.find((x): x is Extract<WorkerExplanation, { kind: "placed" }> => x.kind === "placed" && x.breakdown.filter((b) => b.weighted > 0).length >= 2);
/** An unplaced worker no employer accepts, with a smallest change. */
const unplacedX = workerExplanations.find((x): x is Extract<WorkerExplanation, { kind: "no-eligible-slot" }> => x.kind === "no-eligible-slot" && x.smallestChange !== null);
/** An employer some of whose slots no worker qualifies for. */
const emptyX = decoded.employers
  .map((e) => explainEmployer(decoded, result.right, e.id))
  .flatMap((x) => (E.isRight(x) && x.right.filled > 0 && x.right.empty?.kind === "no-eligible-worker" ? [{ ...x.right, empty: x.right.empty }] : []))[0];
if (placedX === undefined || unplacedX === undefined || emptyX === undefined) throw new Error("fixture lacks a case to explain");

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
  it("explains a placed worker: their profile, the employer, and the score in words per criterion", async () => {
    const x = placedX;
    const r = await jobmatch(["explain", file("instance.json"), "--worker", x.workerId]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(new RegExp(`^Worker ${x.workerId} \\(from .+, trained at .+\\)$`));
    expect(lines.slice(1, 5).map((l) => l.split(":")[0])).toEqual(["  Japanese", "  Certified", "  Skills", "  Prefers"]);
    expect(lines[5]).toMatch(new RegExp(`^${x.workerId} is placed at ${x.employerId} \\(Kagawa, [A-Z][a-z ]+\\), score ${x.score}: `));
    // The points behind the score, in words, each with its weighted value; they add up to the score.
    const earned = x.breakdown.filter((b) => b.weighted > 0);
    expect(earned.length).toBeGreaterThanOrEqual(2);
    expect(earned.reduce((s, b) => s + b.weighted, 0)).toBe(x.score);
    for (const b of earned) {
      expect(b.words).toMatch(/^(field|prefecture) \d(st|nd|rd|th) choice$|^\d+ preferred skills?$|^Japanese \d+ levels? above the requirement$|^wage \+\d+ yen$/);
      expect(lines[5]).toContain(`${b.words} ${b.weighted}`);
    }
  });

  it("explains a worker no employer accepts: the rules that excluded them, the nearest misses, and the smallest change", async () => {
    const x = unplacedX;
    const change = smallestChange(decoded, result.right, x.workerId);
    if (E.isLeft(change) || change.right === null) throw new Error(`no smallest change for ${x.workerId}`);
    const r = await jobmatch(["explain", file("instance.json"), "--worker", x.workerId]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toMatch(new RegExp(`^Worker ${x.workerId} `));
    expect(r.stdout).toContain(`\n${x.workerId} is not placed: none of the ${instance.employers.length} employers with slots accepts them.\n`);
    expect(x.excludedBy.length).toBeGreaterThan(0);
    for (const t of x.excludedBy) expect(r.stdout).toContain(`  - ${RULE_WORDS[t.rule]}: ${t.count} of ${x.employers} employers (e.g. ${t.exampleId}: `);
    expect(r.stdout).toMatch(/^ {2}Nearest, (one rule|\d rules) short/m);
    expect(r.stdout).toContain(`\n  Smallest change: placed at ${change.right.employerId} with `);
    expect(r.stdout).toMatch(/ {2}Smallest change: placed at \S+ with (JLPT N\d|the Nursing Care Japanese Language Evaluation Test|the skill \S+.*|the skills test in .+)\.\n$/);
  });

  it("explains an employer with empty slots: who filled the rest, and the rules and the requirement that kept others out", async () => {
    const x = emptyX;
    const r = await jobmatch(["explain", file("instance.json"), "--employer", x.employerId]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const [head, ...rest] = r.stdout.trimEnd().split("\n");
    expect(head).toMatch(new RegExp(`^${x.employerId} \\(Kagawa, [A-Z][a-z ]+\\): ${x.slots} slots, ${x.filled} filled, by `));
    for (const p of x.placed.slice(0, 4)) expect(head).toContain(`${p.workerId} (score ${p.score})`);
    expect(rest[0]).toMatch(new RegExp(`^ {2}${x.slots - x.filled} empty slots?: no (other )?worker of the ${x.empty.workers}`));
    for (const t of x.empty.excludedBy) expect(rest).toContain(`  - ${RULE_WORDS[t.rule]}: ${t.count} of ${x.empty.workers} workers (e.g. ${t.exampleId}: ${t.example})`);
    expect(rest.at(-1)).toMatch(/^ {2}(The requirement that binds most: .+ \(\d+ workers? fails? only this one\)|No single requirement stands alone in the way: .+)\.$/);
  });

  it("writes the explanation object as JSON: the worker's with their profile, the employer's as it is", async () => {
    const [w, u, e] = await Promise.all([
      jobmatch(["explain", file("instance.json"), "--worker", placedX.workerId, "--format", "json"]),
      jobmatch(["explain", file("instance.json"), "--worker", unplacedX.workerId, "--format", "json"]),
      jobmatch(["explain", file("instance.json"), "--employer", emptyX.employerId, "--format", "json"]),
    ]);
    for (const r of [w, u, e]) expect([r.code, r.stderr]).toEqual([0, ""]);
    const profile = (id: string | undefined) => decoded.workers.find((x) => x.id === id);
    expect(JSON.parse(w.stdout)).toEqual({ ...placedX, worker: profile(placedX.workerId) });
    expect(JSON.parse(u.stdout)).toEqual({ ...unplacedX, worker: profile(unplacedX.workerId) });
    expect(JSON.parse(e.stdout)).toEqual(emptyX);
    const employer = JSON.parse(e.stdout) as EmployerExplanation;
    expect(employer.empty?.kind).toBe("no-eligible-worker");
    if (employer.empty?.kind === "no-eligible-worker") for (const t of employer.empty.excludedBy) expect(RULES).toContain(t.rule);
  });

  it("explains why a family was left out whole, naming the cap its seating would break, as text and JSON", async () => {
    const member = (id: string) => ({
      id,
      language: ["N4"],
      certifications: [{ field: "construction", via: "skills-test" }],
      trainingCentre: "Semarang",
      homeProvince: "Central Java",
      group: "family-1",
    });
    // No policy: the legal cap (full-time staff 1) is law.
    const family = lawful({
      workers: [member("w1"), member("w2")],
      employers: [{ id: "E1", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1100, fullTimeStaff: 1 }],
    });
    writeFileSync(file("family.json"), JSON.stringify(family));
    const [text, json, unknown] = await Promise.all([
      jobmatch(["explain", file("family.json"), "--group", "family-1"]),
      jobmatch(["explain", file("family.json"), "--group", "family-1", "--format", "json"]),
      jobmatch(["explain", file("family.json"), "--group", "family-9"]),
    ]);
    expect([text.code, text.stderr]).toEqual([0, ""]);
    expect(text.stdout).toBe(
      "The group family-1 of 2 from training centre Semarang fits the free slots in Kagawa (w1 at E1 and w2 at E1), so a legal or policy limit, or a penalty, not eligibility or slots, left it out.\n" +
        "  Placing it there would break legal cap at E1: at most 1 SSW worker (full-time staff 1): 0 now, would be 2.\n",
    );
    const parsed = JSON.parse(json.stdout) as { id: string; size: number; fit: { kind: string }; breaches: { hard: boolean; source: string }[] };
    expect([parsed.id, parsed.size, parsed.fit.kind]).toEqual(["family-1", 2, "fits"]);
    expect(parsed.breaches.map((b) => [b.hard, b.source])).toEqual([[true, "law.construction-staff-cap"]]);
    expect([unknown.code, unknown.stdout]).toEqual([1, ""]);
    expect(unknown.stderr).toContain(`--group: expected a group of a worker of ${file("family.json")}, got "family-9"`);
  });

  it("reports an unknown id as bad input (exit 1), and asks for exactly one of --worker, --employer and --group (exit 2)", async () => {
    const [unknown, unknownEmployer, neither, both] = await Promise.all([
      jobmatch(["explain", file("instance.json"), "--worker", "W-nobody"]),
      jobmatch(["explain", file("instance.json"), "--employer", "E-nobody", "--format", "json"]),
      jobmatch(["explain", file("instance.json")]),
      jobmatch(["explain", file("instance.json"), "--worker", "a", "--employer", "b"]),
    ]);
    expect([unknown.code, unknown.stdout]).toEqual([1, ""]);
    expect(unknown.stderr).toBe(`error: ${file("instance.json")} has no such worker:\n--worker: expected a worker id of ${file("instance.json")}, got "W-nobody"\n`);
    expect([unknownEmployer.code, unknownEmployer.stdout]).toEqual([1, ""]);
    expect(unknownEmployer.stderr).toContain(`--employer: expected an employer id of ${file("instance.json")}, got "E-nobody"`);
    expect([neither.code, both.code]).toEqual([2, 2]);
    expect(neither.stderr).toBe("error: give exactly one of --worker ID, --employer ID and --group ID\n");
  });

  it("documents the JSON shape in its help", async () => {
    const r = await jobmatch(["explain", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/JSON \(--format json\):/);
    expect(r.stdout).toContain('"worker", the worker\'s profile');
  });
});

describe.concurrent("jobmatch scenario", () => {
  it("lists the bundled scenarios", async () => {
    const r = await jobmatch(["scenario", "--list"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").filter(Boolean).map((l) => l.split(" ")[0])).toEqual(["kagawa-pilot", "shikoku", "nationwide"]);
  });

  it("runs a file scenario with its variations, writing Markdown, HTML and the instance", async () => {
    mkdirSync(file("out"));
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
    expect(r.stderr).toBe(
      "error: standard input has problems:\nworkers[0].language: missing, expected a list of Japanese test results\nworkers[0].trainingCentre: missing, expected a non-empty string\n" +
        "workers[0].homeProvince: missing, expected a non-empty string\nworkers[0].sswMonths: missing, expected an integer in 0..600\n" +
        "workers[0].departure: missing, expected a list of departure checklist items done\n" +
        // all at once: the instance's own issue (no start date) in the same round as the worker's
        "placement.start: missing, expected the date placements start, YYYY-MM-DD (or reference.asOf): ages, minimum wages and the SSW (i) limit are read from it\n",
    );
  });
});
