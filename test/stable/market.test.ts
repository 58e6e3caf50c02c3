/**
 * The market's own worker classes (src/stable/market.ts): workers the
 * optimiser's model keeps apart for its own reasons (here: a fairness policy
 * by training centre, which splits the model's classes by centre) but that
 * the market cannot tell apart share one class. Checked against the oracle
 * (./oracle.ts), not the code: every two workers of one market class are
 * eligible at the same employers and value every employer alike, and every
 * employer values them alike; and the mechanism on such markets is still
 * the best stable plan for every worker among all stable matchings
 * enumerated (so grouping changed nothing a worker gets).
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInstance } from "../../src/input/decode.js";
import type { InstanceInput, WorkerInput } from "../../src/input/codecs.js";
import { buildModel } from "../../src/model/build.js";
import { buildMarket } from "../../src/stable/market.js";
import { stableMatch } from "../../src/stable/stable.js";
import { fcOptions } from "../support/seed.js";
import { marketArb } from "./arbitraries.js";
import { allMatchings, eligible, employerValue, strict, strictlyStable, workerValue } from "./oracle.js";

/** The market with every worker twinned (a copy from another training centre) and a fairness floor by centre, so that the model splits each pair. */
const splitByCentre = (input: InstanceInput): InstanceInput => ({
  ...input,
  workers: input.workers.flatMap((w) => [
    { ...w, trainingCentre: "Semarang" },
    { ...w, id: `${w.id}t`, trainingCentre: "Lampung" },
  ]),
  policy: { fairness: [{ by: "trainingCentre", minShare: 0.5 }] },
});

describe("the market's worker classes", () => {
  it("put together only workers alike to the market (eligibility and values on both sides, by the oracle), across the model's splits", () => {
    let merged = 0;
    fc.assert(
      fc.property(marketArb({ workers: 7, employers: 5 }).map(splitByCentre), (input) => {
        const decoded = decodeInstance(input);
        if (E.isLeft(decoded)) throw new Error(`generated market rejected: ${JSON.stringify(decoded.left.slice(0, 3))}`);
        const built = buildModel(decoded.right);
        const market = buildMarket(decoded.right, built);
        const byId = new Map(input.workers.map((w) => [w.id, w]));
        for (const k of market.classes) {
          const models = new Set(k.members.map((w) => built.workerMembers.findIndex((m) => m.includes(w))));
          if (models.size > 1) merged++;
          const [first, ...rest] = k.members.map((w) => byId.get(decoded.right.workers[w]?.id ?? "") as WorkerInput);
          for (const other of rest) {
            for (const e of input.employers) {
              expect(eligible(other, e)).toBe(eligible(first as WorkerInput, e));
              if (!eligible(other, e)) continue;
              expect(workerValue(input, other, e)).toBe(workerValue(input, first as WorkerInput, e));
              expect(employerValue(input, other, e)).toBe(employerValue(input, first as WorkerInput, e));
            }
          }
        }
      }),
      fcOptions(100),
    );
    // The property is about something: some classes did join workers of different model classes.
    expect(merged).toBeGreaterThan(0);
  });

  it("leave every worker as well off as in any stable matching (all enumerated) when the model splits classes", () => {
    fc.assert(
      fc.property(marketArb({ workers: 3, employers: 3 }).map(splitByCentre), (input) => {
        const r = stableMatch(input);
        if (E.isLeft(r)) throw new Error(`generated market rejected: ${JSON.stringify(r.left.slice(0, 3))}`);
        const mine = new Map(r.right.placements.map((p) => [p.workerId, p.employerId]));
        const stable = allMatchings(input).filter((m) => strictlyStable(input, m));
        expect(stable.some((m) => m.size === mine.size && [...m].every(([w, e]) => mine.get(w) === e))).toBe(true);
        const { workerPrefers } = strict(input);
        const byId = new Map(input.employers.map((e) => [e.id, e]));
        for (const m of stable) {
          for (const w of input.workers) {
            const there = m.get(w.id);
            const here = mine.get(w.id);
            if (there !== undefined) expect(workerPrefers(w, byId.get(there) as never, here === undefined ? undefined : byId.get(here))).toBe(false);
          }
        }
      }),
      fcOptions(120),
    );
  });
});
