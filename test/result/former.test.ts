/**
 * Result assembly and the stability audit against their former, slower
 * definitions (test/support/oracle: the code as it was at 1dcb00c), on random
 * instances from the generator with and without a policy (quotas, regional
 * maximums, diversity, fairness, families kept together), stated rankings,
 * slot groups with later availability, and former interns:
 *
 * - every placement's score and points are `score` of that worker at that
 *   employer (they are now computed once per pair of classes);
 * - an unplaced worker's eligible employers and slots, and an unfilled
 *   employer's eligible workers, are the totals over the arcs of its class
 *   (they are now summed in one pass over the arcs);
 * - the rules that keep a worker from every employer, or every worker from
 *   an employer, are counted as one by one (they are tallied per pair of
 *   keys);
 * - the summary and the support organisations' load are what reading the
 *   placements one by one gives (they are now counted per employer);
 * - the audit's every count, per worker and per employer, is the former
 *   audit's (each group walking its own prefix), for the optimal plan and
 *   for the plan with some of its placements dropped (so unplaced workers
 *   walk whole lists), and the result's stability summary is built from it;
 * - placements read in any order give the same plan.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { match } from "../../src/index.js";
import { generateInstance } from "../../src/generate/generate.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { Employer, Instance, Worker } from "../../src/input/instance.js";
import { buildModel } from "../../src/model/build.js";
import { arcAt, scopeArcs } from "../../src/model/types.js";
import { exclusions } from "../../src/rules/eligibility.js";
import { score } from "../../src/rules/scoring.js";
import { auditPlan, type AuditDetail } from "../../src/stable/audit.js";
import { buildMarket } from "../../src/stable/market.js";
import { placedAtOf } from "../../src/stable/plan.js";
import { retentionDetail } from "../../src/stable/retention.js";
import { summarise } from "../../src/stable/summary.js";
import { oracleAuditPlan } from "../support/oracle/audit.js";
import { oracleSummarise, oracleSupportOf } from "../support/oracle/result.js";
import { countOneByOne } from "../support/ruleCounts.js";
import { fcOptions } from "../support/seed.js";

interface Shape {
  readonly seed: number;
  readonly workers: number;
  readonly employers: number;
  readonly prefectures: readonly string[];
  readonly policy: boolean;
  readonly rankings: boolean;
  readonly slotGroups: boolean;
  readonly formerInterns: boolean;
  readonly families: boolean;
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  workers: fc.integer({ min: 20, max: 300 }),
  employers: fc.integer({ min: 3, max: 30 }),
  prefectures: fc.constantFrom(["37"], ["37", "38"], ["37", "38", "36", "13"]),
  policy: fc.boolean(),
  rankings: fc.boolean(),
  slotGroups: fc.boolean(),
  formerInterns: fc.boolean(),
  families: fc.boolean(),
});

/** A generated instance with the extras the shape asks for, each drawn by a fixed rule from the indices. */
const instanceOf = (s: Shape): InstanceInput => {
  const base = generateInstance({ seed: s.seed, workers: s.workers, employers: s.employers, prefectures: s.prefectures });
  const employerIds = base.employers.map((e) => e.id);
  const workers = base.workers.map((w, i) => ({
    ...w,
    ...(s.families && i % 13 < 3 ? { group: `family-${Math.floor(i / 13)}` } : {}),
    ...(s.formerInterns && i % 7 === 0 ? { formerInternAt: employerIds[i % employerIds.length] as string } : {}),
    ...(s.slotGroups && i % 5 === 1 ? { availableFrom: i % 2 === 0 ? "2026-09-01" : "2027-01-15" } : {}),
  }));
  const employers = base.employers.map((e, j) =>
    s.slotGroups && e.slots >= 2 && j % 2 === 0
      ? { ...e, slotGroups: [{ start: "2026-04-01", slots: Math.floor(e.slots / 2) }, { start: j % 4 === 0 ? "2026-10-01" : "2027-02-01", slots: e.slots - Math.floor(e.slots / 2) }] }
      : e,
  );
  const ids = workers.map((w) => w.id);
  /** Distinct entries of `xs` (a ranking names each id once). */
  const distinct = (xs: readonly string[]): string[] => [...new Set(xs)];
  const rankings = {
    workers: ids
      .filter((_, i) => i % 11 === 3)
      .map((worker, i) => {
        const [first, ...tie] = distinct([employerIds[(i * 3) % employerIds.length] as string, employerIds[(i * 5 + 1) % employerIds.length] as string]);
        return { worker, employers: tie.length === 0 ? [first as string] : [first as string, tie], others: i % 2 === 0 ? ("after" as const) : ("unacceptable" as const) };
      }),
    employers: employerIds
      .filter((_, j) => j % 4 === 1)
      .map((employer, j) => {
        const [a, b, accepted, rejected] = distinct([(j * 7) % ids.length, (j * 7 + 2) % ids.length, (j * 11 + 5) % ids.length, (j * 13 + 9) % ids.length].map((i) => ids[i] as string));
        return {
          employer,
          workers: [a, b].filter((x): x is string => x !== undefined),
          interviews: { accepted: accepted === undefined ? [] : [accepted], rejected: rejected === undefined ? [] : [rejected] },
          ...(j % 3 === 0 ? { others: "unacceptable" as const } : {}),
        };
      }),
  };
  const n = workers.length;
  const policy = {
    quotas: [
      { scope: "sector" as const, key: "caregiving", min: Math.floor(0.05 * n) },
      { scope: "prefecture" as const, key: s.prefectures[0] as string, max: Math.floor(0.6 * n) },
      { scope: "sector" as const, key: "construction", max: Math.floor(0.1 * n) },
    ],
    diversity: { maxShare: 0.6 },
    fairness: [{ by: "trainingCentre" as const, minShare: 0.3 }],
    ...(s.families ? { groups: { together: "prefecture" as const } } : {}),
  };
  return {
    ...base,
    workers,
    employers,
    ...(s.rankings ? { rankings } : {}),
    ...(s.policy ? { policy } : {}),
  };
};

/** The plan with every third placement dropped: its workers unplaced. */
const thinned = (placedAt: Int32Array): Int32Array => placedAt.map((e, w) => (w % 3 === 0 ? -1 : e));

const sameAudit = (actual: AuditDetail, expected: AuditDetail): void => {
  expect(actual.blockingPairs).toBe(expected.blockingPairs);
  expect(actual.byKind).toEqual(expected.byKind);
  expect(actual.withinFullCap).toBe(expected.withinFullCap);
  expect([...actual.options]).toEqual([...expected.options]);
  expect([...actual.bestOf]).toEqual([...expected.bestOf]);
  expect([...actual.pairsAt]).toEqual([...expected.pairsAt]);
  expect([...actual.unacceptable]).toEqual([...expected.unacceptable]);
};

/** A fixed shuffle (reversal, then odd positions first). */
const reordered = <T>(xs: readonly T[]): T[] => {
  const r = [...xs].reverse();
  return [...r.filter((_, i) => i % 2 === 1), ...r.filter((_, i) => i % 2 === 0)];
};

describe("result assembly and the stability audit, against their former definitions", () => {
  it("give the same result, number for number, on random instances", () => {
    let compared = 0;
    let summarised = 0;
    let counted = 0;
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const input = instanceOf(shape);
        const decoded = decodeInstance(input);
        if (E.isLeft(decoded)) throw new Error(`the instance does not decode: ${JSON.stringify(decoded.left.slice(0, 3))}`);
        const instance: Instance = decoded.right;
        const matched = match(input);
        if (E.isLeft(matched)) throw new Error("match rejected the instance");
        const result = matched.right;
        const workerById = new Map(instance.workers.map((w) => [w.id, w]));
        const employerById = new Map(instance.employers.map((e) => [e.id, e]));
        for (const p of result.placements) {
          const s = score(workerById.get(p.workerId) as Worker, employerById.get(p.employerId) as Employer, instance.reference, instance.weights);
          expect({ score: p.score, points: p.points }).toEqual({ score: s.total, points: s.points });
        }
        expect(result.summary).toEqual(oracleSummarise(instance, result.placements, result.unplaced));
        expect(result.law.support).toEqual(oracleSupportOf(instance, result.placements));

        const built = buildModel(instance);
        // The class-level counts of the reasons, read through the arcs of each class as before.
        const classOfWorker = new Map(built.workerMembers.flatMap((m, c) => m.map((w) => [(instance.workers[w] as Worker).id, c] as const)));
        for (const u of result.unplaced) {
          if (u.reason.kind !== "eligible-slots-taken") continue;
          const targets = scopeArcs(built.model, { kind: "workers", classes: [classOfWorker.get(u.workerId) as number] }).map((a) => arcAt(built.model.arcs, a).to);
          expect(u.reason.eligibleEmployers).toBe(targets.reduce((n, j) => n + (built.employerMembers[j] ?? []).filter((m) => (instance.employers[m]?.slots ?? 0) > 0).length, 0));
          expect(u.reason.eligibleSlots).toBe(targets.reduce((n, j) => n + (built.model.employerClasses[j]?.capacity ?? 0), 0));
        }
        const classOfEmployer = new Map(built.employerMembers.flatMap((m, j) => m.map((e) => [(instance.employers[e] as Employer).id, j] as const)));
        for (const o of result.employers) {
          if (o.unfilledReason?.kind !== "eligible-workers-placed-elsewhere") continue;
          const arcs = scopeArcs(built.model, { kind: "employers", classes: [classOfEmployer.get(o.employerId) as number] });
          expect(o.unfilledReason.eligibleWorkers).toBe(arcs.reduce((n, a) => n + (built.model.workerClasses[arcAt(built.model.arcs, a).from]?.supply ?? 0), 0));
        }

        // The rules that keep a worker from every employer (and every worker from an employer), counted one by one.
        const employersInOrder = built.employerMembers.flatMap((m) => m.map((e) => instance.employers[e] as Employer));
        const workersInOrder = built.workerMembers.flatMap((m) => m.map((w) => instance.workers[w] as Worker));
        for (const u of result.unplaced) {
          if (u.reason.kind !== "no-eligible-slot") continue;
          const worker = workerById.get(u.workerId) as Worker;
          counted++;
          expect(u.reason.excludedBy).toEqual(countOneByOne(employersInOrder, (e) => exclusions(worker, e, instance.reference)));
        }
        for (const o of result.employers) {
          if (o.unfilledReason?.kind !== "no-eligible-worker") continue;
          const employer = employerById.get(o.employerId) as Employer;
          expect(o.unfilledReason.excludedBy).toEqual(countOneByOne(workersInOrder, (w) => exclusions(w, employer, instance.reference)));
        }

        const placedAt = placedAtOf(instance, result.placements);
        expect([...placedAtOf(instance, reordered(result.placements))]).toEqual([...placedAt]);
        if (!result.hasSolution) return;
        // The audit itself on every plan; the stability summary where the result carries one (not with staggered starts).
        compared++;
        const market = buildMarket(instance, built);
        const former = oracleAuditPlan(market, placedAt);
        sameAudit(auditPlan(market, placedAt), former);
        const fewer = thinned(placedAt);
        sameAudit(auditPlan(market, fewer), oracleAuditPlan(market, fewer));
        if (result.stability === null) return;
        summarised++;
        expect(result.stability).toEqual(summarise(instance, former, retentionDetail(former)));
      }),
      fcOptions(40),
    );
    // not vacuous: most instances have a plan to audit, and many a stability summary
    expect(compared).toBeGreaterThan(25);
    expect(summarised).toBeGreaterThan(8);
    expect(counted).toBeGreaterThan(20);
  });
});
