/**
 * The legal limits are law: with or without a policy section, no employer
 * ever receives more SSW workers than its statutory cap (nursing care: its
 * Japanese etc. care staff; construction: its full-time staff; both less the
 * SSW workers it already employs), its approved acceptance plan, or its
 * housing (beds, 7.5 m2 a person), and no registered support organisation
 * more than its officers may carry once the period reaches 2027-04-01. The
 * oracle counts the result's placements against the limits written out
 * again from the sources (not read from src). The bundled pilot shows a cap
 * binding.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EmployerInput, InstanceInput } from "../../src/input/codecs.js";
import { formatIssues } from "../../src/input/issues.js";
import { match } from "../../src/match.js";
import type { PolicyInput } from "../../src/policy/codecs.js";
import type { MatchResult } from "../../src/result/types.js";
import { instanceArbitrary } from "../support/input-arbitraries.js";
import { lawful, type WorkerDraft } from "../support/lawful.js";
import { legalMost, reachesSupportLimits, supportCapacity } from "../support/lawOracle.js";
import { fcOptions } from "../support/seed.js";

const solved = (input: unknown, engine: "auto" | "lp-solver" = "auto"): MatchResult => {
  const r = match(input, { engine });
  if (E.isLeft(r)) throw new Error(formatIssues(r.left));
  return r.right;
};

/** Checks the result's placements against every legal limit; returns how many employers sat at their limit. */
const withinTheLaw = (input: InstanceInput, r: MatchResult): number => {
  const placed = new Map<string, number>();
  for (const p of r.placements) placed.set(p.employerId, (placed.get(p.employerId) ?? 0) + 1);
  let atLimit = 0;
  for (const e of input.employers) {
    const n = placed.get(e.id) ?? 0;
    expect(n, `${e.id} (${e.field})`).toBeLessThanOrEqual(legalMost(e));
    if (n > 0 && n === legalMost(e) && n < e.slots) atLimit++;
  }
  if (reachesSupportLimits(input)) {
    for (const o of input.supportOrganisations ?? []) {
      const n = input.employers.filter((e) => e.support === o.id).reduce((s, e) => s + (placed.get(e.id) ?? 0), 0);
      expect(n, o.id).toBeLessThanOrEqual(supportCapacity(o));
    }
  }
  return atLimit;
};

/**
 * The instance with every worker qualified for every employer (Japanese, care
 * test, the employer's field and category, its skills, an adult with a
 * complete checklist), so that slots are contested and the limits bind.
 */
const contested = (input: InstanceInput): InstanceInput => ({
  ...input,
  workers: input.workers.map((w) => ({
    ...w,
    language: ["N1" as const],
    careJapaneseTest: true,
    certifications: input.employers.map((e) => ({ field: e.field, via: "skills-test" as const, ...(e.jobCategory === undefined ? {} : { jobCategory: e.jobCategory }) })),
    skills: input.employers.flatMap((e) => (e.requiredSkills ?? []).map((s) => ({ name: s.name, level: 10, years: 60 }))),
    age: 30,
    birthDate: undefined,
    sswMonths: 0,
    departure: ["health-check" as const, "bpjs" as const, "orientation" as const, "job-order" as const],
    careExperienceMonths: 24,
    careInitialTraining: true,
  })),
});

/** A small policy that never asks for more placements than the law allows at any one employer. */
const policyArb: fc.Arbitrary<PolicyInput | undefined> = fc.option(
  fc.record(
    {
      diversity: fc.record({ maxCount: fc.integer({ min: 1, max: 2 }) }),
      fairness: fc.constant([{ by: "trainingCentre" as const, minShare: 0.3, penalty: 1 }]),
      quotas: fc.constant([{ scope: "prefecture" as const, key: "37", min: 1, penalty: 0.5 }]),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe("the legal limits", () => {
  it("hold with or without a policy: no employer beyond its cap, plan or housing; no organisation beyond its officers", () => {
    let atLimit = 0;
    let withPolicy = 0;
    fc.assert(
      fc.property(instanceArbitrary({ minWorkers: 2, maxWorkers: 8, minEmployers: 1, maxEmployers: 5 }), fc.boolean(), policyArb, (drawn, qualify, policy) => {
        const input = qualify ? contested(drawn) : drawn;
        const full = policy === undefined ? input : { ...input, policy };
        const r = solved(full);
        if (!r.hasSolution) return;
        if (policy !== undefined) withPolicy++;
        atLimit += withinTheLaw(input, r);
        for (const p of r.policy.filter((x) => x.law)) {
          expect(p.hard).toBe(true);
          expect(p.violation).toBe(0);
        }
      }),
      fcOptions(150),
    );
    expect(atLimit).toBeGreaterThan(5);
    expect(withPolicy).toBeGreaterThan(20);
  });

  it("hold in javascript-lp-solver too", () => {
    fc.assert(
      fc.property(instanceArbitrary({ minWorkers: 2, maxWorkers: 6, minEmployers: 1, maxEmployers: 4 }), (drawn) => {
        const input = contested(drawn);
        const r = solved(input, "lp-solver");
        if (r.hasSolution) withinTheLaw(input, r);
      }),
      fcOptions(60),
    );
  });

  it("a capped employer shares a class with its look-alikes, and the class fills each member only up to its own cap", () => {
    const w = (id: string): WorkerDraft => ({ id, language: ["N4"], careJapaneseTest: true, certifications: [{ field: "nursing-care", via: "skills-test" }], trainingCentre: "Semarang", homeProvince: "Central Java" });
    const e = (id: string, japaneseCareStaff: number) => ({ id, prefecture: "37", field: "nursing-care", slots: 3, hourlyWage: 1300, japaneseCareStaff });
    // E1 is capped at 1 (one Japanese care staff); E2 at 3 (its slots); six workers want the four places.
    const input = lawful({ workers: ["w1", "w2", "w3", "w4", "w5", "w6"].map(w), employers: [e("E1", 1), e("E2", 5)] });
    const r = solved(input);
    expect(r.model.employerClasses).toBe(1);
    expect(r.summary.placed).toBe(4);
    expect(r.employers.map((o) => [o.employerId, o.filled])).toEqual([["E1", 1], ["E2", 3]]);
    expect(r.policy.filter((p) => p.law).map((p) => [p.label, p.value, p.violation])).toEqual([["legal cap at E1: at most 1 SSW worker (Japanese etc. full-time care staff 1)", 1, 0]]);
  });

  it("a support organisation's capacity is hard across its employers from 2027-04-01, and only reported before", () => {
    const w = (id: string): WorkerDraft => ({ id, language: ["N4"], certifications: [{ field: "food-service", via: "skills-test" }], trainingCentre: "Semarang", homeProvince: "Central Java" });
    const e = (id: string, prefecture: string) => ({ id, prefecture, field: "food-service", slots: 3, hourlyWage: 1300, support: "RSO-1" });
    const input = (start: string) =>
      lawful({
        placement: { start },
        supportOrganisations: [{ id: "RSO-1", officers: 1, workers: 47 }],
        workers: ["w1", "w2", "w3", "w4", "w5"].map(w),
        employers: [e("E1", "37"), e("E2", "38")],
      });
    const after = solved(input("2026-10-01"));
    expect(after.summary.placed).toBe(3);
    expect(after.policy.filter((p) => p.law).map((p) => [p.label, p.value])).toEqual([["support capacity of RSO-1: at most 3 workers from 2027-04-01 (1 officer x 50, less 47 supported elsewhere)", 3]]);
    expect(after.law.support.map((s) => s.text)).toEqual(["RSO-1: 50 of 50 workers and 1 of 10 employers (1 officer); enforced, the period reaches 2027-04-01"]);
    const before = solved(input("2026-03-01"));
    expect(before.summary.placed).toBe(5);
    expect(before.law.support.map((s) => [s.enforced, s.text])).toEqual([[false, "RSO-1: 52 of 50 workers and 2 of 10 employers (1 officer); over the limits that apply from 2027-04-01"]]);
  });

  it("housing: beds and 7.5 m2 a person, a former intern of the employer staying in the dormitory not counted", () => {
    const w = (id: string, extra: Partial<WorkerDraft> = {}): WorkerDraft => ({ id, language: ["N4"], certifications: [{ field: "food-service", via: "skills-test" }], trainingCentre: "Semarang", homeProvince: "Central Java", ...extra });
    const input = (workers: WorkerDraft[]) => lawful({ workers, employers: [{ id: "E1", prefecture: "37", field: "food-service", slots: 4, hourlyWage: 1300, housing: { beds: 3, areaM2: 16 } }] });
    // 16 m2 holds two at 7.5 m2, though there are three beds
    expect(solved(input([w("w1"), w("w2"), w("w3"), w("w4")])).summary.placed).toBe(2);
    const r = solved(input([w("w1"), w("w2"), w("w3", { formerInternAt: "E1" }), w("w4")]));
    expect(r.summary.placed).toBe(3);
    expect(r.placements.map((p) => p.workerId)).toContain("w3");
    expect(r.policy.filter((p) => p.law).map((p) => [p.label, p.value])).toEqual([["housing at E1: at most 2 workers (3 beds, 16 m2 at 7.5 m2 each)", 2]]);
  });

  it("bind in the bundled pilot: a care or construction employer at its statutory cap, below its slots", () => {
    const path = fileURLToPath(new URL("../../examples/data/kagawa-pilot.json", import.meta.url));
    const input = JSON.parse(readFileSync(path, "utf8")) as InstanceInput;
    const r = solved(input);
    withinTheLaw(input, r);
    const binding = r.policy.filter((p) => (p.source === "law.care-staff-cap" || p.source === "law.construction-staff-cap") && p.value > 0 && p.label.includes(`at most ${p.value} `));
    expect(binding.length).toBeGreaterThan(0);
  });
});
