/**
 * The flow engine checks its answer reading only the arcs that carry flow
 * (`checkSupport`). Oracle: `checkFlows` and `objectiveOf` (src/model), which
 * read every arc. On random pure network models and random flows (feasible
 * or not: above a bound, negative, over a supply or a capacity), with the
 * arcs that carry flow listed in any order: the same verdict, and the same
 * objective where the flows are feasible.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFlows, checkSupport } from "../../src/model/check.js";
import { objectiveOf } from "../../src/model/objective.js";
import type { AssignmentModel } from "../../src/model/types.js";
import { fcOptions } from "../support/seed.js";

const cases = fc
  .record({ nW: fc.integer({ min: 1, max: 5 }), nE: fc.integer({ min: 1, max: 5 }) })
  .chain(({ nW, nE }) =>
    fc.record({
      supply: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: nW, maxLength: nW }),
      capacity: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: nE, maxLength: nE }),
      arcs: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: nW - 1 }),
          to: fc.integer({ min: 0, max: nE - 1 }),
          score: fc.integer({ min: -5, max: 40 }),
          upper: fc.integer({ min: 0, max: 3 }),
          flow: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 5 }) }),
        }),
        { maxLength: 14 },
      ),
      placementWeight: fc.constantFrom(0, 100, 2 ** 40),
      seed: fc.integer(),
    }),
  );

describe("checkSupport", () => {
  it("agrees with checkFlows and objectiveOf, reading only the arcs that carry flow", () => {
    fc.assert(
      fc.property(cases, ({ supply, capacity, arcs, placementWeight, seed }) => {
        const model: AssignmentModel = {
          workerClasses: supply.map((s, c) => ({ key: `w${c}`, supply: s })),
          employerClasses: capacity.map((k, j) => ({ key: `e${j}`, capacity: k })),
          arcs: {
            length: arcs.length,
            from: Int32Array.from(arcs, (a) => a.from),
            to: Int32Array.from(arcs, (a) => a.to),
            score: Int32Array.from(arcs, (a) => a.score),
            upper: Int32Array.from(arcs, (a) => a.upper),
          },
          placementWeight,
          maxScore: 40,
          sideConstraints: [],
        };
        const flows = Int32Array.from(arcs, (a) => a.flow);
        // The arcs with flow, in an order of their own.
        const carrying = Array.from(flows.keys()).filter((a) => flows[a] !== 0);
        const support = Int32Array.from(carrying.map((a, k) => ({ a, key: (Math.imul(a + 1, 2654435761) ^ seed ^ k) >>> 0 })).sort((x, y) => x.key - y.key), (x) => x.a);
        const verdict = checkSupport(model, flows, support);
        const oracle = checkFlows(model, flows);
        expect(verdict.violation === null).toBe(oracle === null);
        if (oracle === null) expect(verdict.objective).toBe(objectiveOf(model, flows));
      }),
      fcOptions(400),
    );
  });

  it("refuses a list that names an arc twice, or one the model does not have, instead of counting a flow twice", () => {
    const model: AssignmentModel = {
      workerClasses: [{ key: "w0", supply: 2 }],
      employerClasses: [{ key: "e0", capacity: 2 }],
      arcs: { length: 1, from: Int32Array.of(0), to: Int32Array.of(0), score: Int32Array.of(5), upper: Int32Array.of(2) },
      placementWeight: 100,
      maxScore: 40,
      sideConstraints: [],
    };
    const flows = Int32Array.of(1);
    expect(checkSupport(model, flows, Int32Array.of(0))).toEqual({ violation: null, objective: 105 });
    expect(checkSupport(model, flows, Int32Array.of(0, 0)).violation).toMatch(/listed arc 0 twice/);
    expect(checkSupport(model, flows, Int32Array.of(0, 1)).violation).toMatch(/arc 1, which the model does not have/);
    expect(checkSupport(model, flows, Int32Array.of(-1)).violation).toMatch(/arc -1/);
  });
});
