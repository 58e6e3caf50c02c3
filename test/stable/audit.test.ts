/**
 * The stability audit finds exactly the blocking pairs that scanning every
 * worker-employer pair finds (./oracle.ts), of the same kinds, on random
 * plans of random markets, with stated rankings, interview outcomes,
 * regional maximums and the law's limits (on employers, and on support
 * organisations' employers); and counts them by employer alike.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditMatch } from "../../src/stable/stabilityReport.js";
import { fcOptions } from "../support/seed.js";
import { capsArb, marketArb, planArb } from "./arbitraries.js";
import { blockingPairs, eligible, employerValue, workerValue } from "./oracle.js";

const key = (p: { workerId: string; employerId: string; kind: string }): string => `${p.workerId} ${p.employerId} ${p.kind}`;

describe("stability audit", () => {
  it("finds exactly the blocking pairs brute force finds", () => {
    const scenario = fc.boolean().chain((support) => marketArb({ workers: 10, employers: 5, rankings: true, support })).chain((market) =>
      fc.tuple(fc.constant(market), fc.option(capsArb(market), { nil: undefined })).chain(([m, policy]) => {
        const input = policy === undefined ? m : { ...m, policy };
        return fc.tuple(fc.constant(input), planArb(input, eligible));
      }),
    );
    fc.assert(
      fc.property(scenario, ([input, placements]) => {
        const report = auditMatch(input, { placements }, { limit: Infinity });
        if (E.isLeft(report)) throw new Error(JSON.stringify(report.left.slice(0, 3)));
        const expected = blockingPairs(input, new Map(placements.map((p) => [p.workerId, p.employerId])));
        expect(report.right.pairs.map(key).sort()).toEqual(expected.map(key).sort());
        expect(report.right.summary.blockingPairs).toBe(expected.length);
        expect(report.right.summary.byKind.freeSlot).toBe(expected.filter((p) => p.kind === "free-slot").length);
        const perEmployer = new Map<string, number>();
        for (const p of expected) perEmployer.set(p.employerId, (perEmployer.get(p.employerId) ?? 0) + 1);
        expect(Object.fromEntries(report.right.byEmployer.map((x) => [x.employerId, x.pairs]))).toEqual(Object.fromEntries(perEmployer));
        expect(report.right.summary.workersWithBlockingOption).toBe(new Set(expected.map((p) => p.workerId)).size);
        expect(report.right.summary.withinFullCap).toBe(expected.filter((p) => p.withinFullCap).length);
        const byId = new Map(input.employers.map((e) => [e.id, e]));
        const unacceptable = placements.filter((p) => {
          const w = input.workers.find((x) => x.id === p.workerId)!;
          const e = byId.get(p.employerId)!;
          return workerValue(input, w, e) === -Infinity || employerValue(input, w, e) === -Infinity;
        });
        expect(report.right.unacceptable.map((u) => u.workerId).sort()).toEqual(unacceptable.map((p) => p.workerId).sort());
      }),
      fcOptions(300),
    );
  });

  it("reports a plan that does not fit the instance as located issues", () => {
    const input = { reference: { asOf: "2026-04-01" }, workers: [], employers: [] };
    const r = auditMatch(input, { placements: [{ workerId: "W1", employerId: "E1" }] });
    expect(E.isLeft(r) && r.left.map((i) => i.path)).toEqual(["plan.placements[0].workerId", "plan.placements[0].employerId"]);
  });
});
