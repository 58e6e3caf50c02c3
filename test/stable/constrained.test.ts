/**
 * The optimal plan with no blocking pair at a worker's top choice
 * (src/stable/constrained.ts) against brute force on tiny markets: among all
 * matchings (eligible, acceptable both ways, within capacity) with no such
 * blocking pair, the most placements, then the highest total score; solved
 * by javascript-lp-solver and by HiGHS (the independent second solver).
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { highsEngine, loadHighs, type BenchEngine } from "../../bench/highsEngine.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { EmployerInput, InstanceInput } from "../../src/input/codecs.js";
import { buildModel } from "../../src/model/build.js";
import { splitObjective } from "../../src/model/objective.js";
import { placementsOf, topChoiceModel } from "../../src/stable/constrained.js";
import { buildMarket } from "../../src/stable/market.js";
import { topChoicePlan } from "../../src/stable/price.js";
import { fcOptions } from "../support/seed.js";
import { oracleScore } from "../support/tiny.js";
import { capsArb, marketArb } from "./arbitraries.js";
import { allMatchings, blockingPairs, eligible, legalMost, workerValue } from "./oracle.js";

/**
 * The best (placed, total score) over matchings with no blocking pair at a worker's top choice (among the
 * employers the law lets take someone), within every cap; a free slot under a full cap does not count, even
 * for a move within the cap (the audit's `withinFullCap` pairs, which src/stable/constrained.ts documents it leaves).
 */
const bruteForce = (input: InstanceInput): { placed: number; totalScore: number } => {
  const byId = new Map(input.employers.map((e) => [e.id, e]));
  const open = (e: EmployerInput): boolean => legalMost(e) > 0;
  const top = new Map(
    input.workers.map((w) => {
      const values = input.employers.filter((e) => eligible(w, e) && open(e)).map((e) => workerValue(input, w, e)).filter((v) => v > -Infinity);
      const best = Math.max(...values);
      return [w.id, new Set(input.employers.filter((e) => eligible(w, e) && open(e) && workerValue(input, w, e) === best).map((e) => e.id))] as const;
    }),
  );
  let best = { placed: -1, totalScore: 0 };
  for (const m of allMatchings(input)) {
    if (blockingPairs(input, m).some((p) => !p.withinFullCap && top.get(p.workerId)?.has(p.employerId))) continue;
    const placed = m.size;
    const totalScore = [...m].reduce((s, [w, e]) => s + oracleScore(input.workers.find((x) => x.id === w)!, byId.get(e)!), 0);
    if (placed > best.placed || (placed === best.placed && totalScore > best.totalScore)) best = { placed, totalScore };
  }
  return best;
};

let highs: BenchEngine;
beforeAll(async () => {
  highs = highsEngine(await loadHighs());
});

/** Tiny markets, half of them under caps: support organisations' legal capacities, and sometimes the policy's maximums. */
const tinyMarket = fc
  .boolean()
  .chain((support) => marketArb({ workers: 5, employers: 3, rankings: true, support }))
  .chain((m) => fc.option(capsArb(m), { nil: undefined, freq: 2 }).map((policy) => (policy === undefined ? m : { ...m, policy })));

describe("optimal plan with no blocking pair at a top choice", () => {
  it("matches brute force with javascript-lp-solver, and HiGHS agrees", () => {
    fc.assert(
      fc.property(tinyMarket, (input) => {
        const decoded = decodeInstance(input);
        if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left));
        const instance = decoded.right;
        const built = buildModel(instance);
        const r = topChoicePlan(instance, built, "lp-solver", undefined, performance.now());
        expect(r.status).toBe("optimal");
        expect({ placed: r.summary.placed, totalScore: r.summary.totalScore }).toEqual(bruteForce(input));
        // HiGHS on the same model: the same optimum.
        const market = buildMarket(instance, built);
        const m = topChoiceModel(market);
        const h = highs.solve(m.model, {});
        expect(h.termination).toBe("optimal");
        expect(splitObjective(m.plain.model, Array.from(h.solution?.flows ?? []).slice(0, m.realArcs))).toEqual({ placed: r.summary.placed, totalScore: r.summary.totalScore });
        expect(placementsOf(instance, market, m.plain, Array.from(h.solution?.flows ?? []).slice(0, m.realArcs)).filter((e) => e >= 0).length).toBe(r.summary.placed);
      }),
      fcOptions(60),
    );
  });
});
