/**
 * The stability summary every result carries, the better offers an
 * explanation cites, and retention risk, against the oracle (./oracle.ts):
 * the counts are the blocking pairs found by scanning every pair; a worker's
 * better offers are hers; a placement is high-risk exactly when its worker
 * has one, medium when a minimum wage elsewhere beats her wage by 10%; and
 * the wage that would hold an employer's workers is the least that answers
 * every blocking option they have.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainWorker } from "../../src/analysis/explain.js";
import { minimumWageOn, PREFECTURES } from "../../src/domain/prefectures.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { match } from "../../src/match.js";
import { auditMatch } from "../../src/stable/stabilityReport.js";
import { fcOptions } from "../support/seed.js";
import { marketArb } from "./arbitraries.js";
import { blockingPairs, derivedWorkerValue, workerValue } from "./oracle.js";

const solved = (input: InstanceInput) => {
  const r = match(input);
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left.slice(0, 2)));
  return r.right;
};

describe("stability of a result", () => {
  it("counts the optimal plan's blocking pairs as scanning every pair does, and explanations cite each worker's own", () => {
    fc.assert(
      fc.property(marketArb({ workers: 10, employers: 5, rankings: true }), (input) => {
        const r = solved(input);
        const plan = new Map(r.placements.map((p) => [p.workerId, p.employerId]));
        const expected = blockingPairs(input, plan);
        expect(r.stability?.blockingPairs).toBe(expected.length);
        expect(r.stability?.workersWithBlockingOption).toBe(new Set(expected.map((p) => p.workerId)).size);
        expect(r.stability?.risk.high).toBe(new Set(expected.map((p) => p.workerId).filter((w) => plan.has(w))).size);
        const decoded = decodeInstance(input);
        if (E.isLeft(decoded)) throw new Error("rejected");
        for (const w of input.workers) {
          const x = explainWorker(decoded.right, r, w.id);
          if (E.isLeft(x) || x.right.kind === "no-eligible-slot" || x.right.kind === "no-solution") continue;
          const mine = expected.filter((p) => p.workerId === w.id);
          expect(x.right.betterOffers?.count).toBe(mine.length);
          for (const shown of x.right.betterOffers?.shown ?? []) expect(mine.map((p) => p.employerId)).toContain(shown.employerId);
        }
      }),
      fcOptions(100),
    );
  });

  it("rates each placement's retention risk, and names the least wage that answers every better offer", () => {
    fc.assert(
      fc.property(marketArb({ workers: 10, employers: 5 }), (input) => {
        const r = solved(input);
        const report = auditMatch(input, r);
        if (E.isLeft(report)) throw new Error("rejected");
        const plan = new Map(r.placements.map((p) => [p.workerId, p.employerId]));
        const pairs = blockingPairs(input, plan);
        const byId = new Map(input.employers.map((e) => [e.id, e]));
        const wages = PREFECTURES.map((p) => ({ code: p.code, amount: minimumWageOn(p, "2026-04-01").amount }));
        for (const p of report.right.retention.placements) {
          const e = byId.get(p.employerId)!;
          const outsideWages = wages.filter((x) => x.code !== e.prefecture && x.amount >= 1.1 * e.hourlyWage).map((x) => x.amount);
          const outside = outsideWages.length;
          const high = pairs.some((x) => x.workerId === p.workerId);
          expect(p.level).toBe(high ? "high" : outside > 0 ? "medium" : "low");
          expect(p.outside).toBe(outside);
          expect(p.bestOutside?.minimumWage ?? null).toBe(outside > 0 ? Math.max(...outsideWages) : null);
        }
        for (const risk of report.right.retention.employers) {
          if (risk.retainingWage === null) continue;
          const e = byId.get(risk.employerId)!;
          const mine = input.workers.filter((w) => plan.get(w.id) === e.id);
          const answered = (wage: number): boolean =>
            mine.every((w) =>
              pairs.filter((x) => x.workerId === w.id).every((x) => derivedWorkerValue(w, { ...e, hourlyWage: wage }) >= workerValue(input, w, byId.get(x.employerId)!)),
            );
          expect(answered(risk.retainingWage)).toBe(true);
          if (risk.retainingWage > e.hourlyWage) expect(answered(risk.retainingWage - 1)).toBe(false);
        }
      }),
      fcOptions(100),
    );
  });
});
