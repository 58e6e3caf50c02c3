/**
 * The flow engine checks a model and reads its arcs per worker class in one
 * pass (src/engine/flow.ts). Oracle: the two passes it replaced
 * (test/support/oracle/flowAdapter.ts). On models with planted defects
 * (classes out of range, scores that are not integers, negative bounds,
 * supplies or capacities, totals or weights too large), arcs out of order
 * and bounds above their ends', both must refuse with the very same words,
 * and accept the rest as the very same transportation problem.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowRefusal, toTransportProblem } from "../../src/engine/flow.js";
import type { AssignmentModel, ModelArcs } from "../../src/model/types.js";
import { refusalOf, toTransportProblem as oracleProblem } from "../support/oracle/flowAdapter.js";
import { fcOptions } from "../support/seed.js";

/** A value, or (one time in `odds`) one of the defects. */
const sometimes = <T>(value: fc.Arbitrary<T>, odds: number, ...defects: T[]): fc.Arbitrary<T> =>
  fc.integer({ min: 0, max: odds - 1 }).chain((k) => (k === 0 && defects.length > 0 ? fc.constantFrom(...defects) : value));

const models: fc.Arbitrary<AssignmentModel> = fc
  .record({
    supplies: fc.array(sometimes(fc.integer({ min: 0, max: 6 }), 25, -1, 1.5, 2 ** 30), { maxLength: 6 }),
    capacities: fc.array(sometimes(fc.integer({ min: 0, max: 6 }), 25, -2, 0.5, Number.NaN, 2 ** 30), { maxLength: 6 }),
    arcs: fc.array(
      fc.record({
        from: sometimes(fc.nat(5), 60, -1, 7),
        to: sometimes(fc.nat(5), 60, -1, 9),
        score: sometimes(fc.integer({ min: -3, max: 40 }), 60, 0.5, Number.NaN, 2 ** 53, -(2 ** 40), -(2 ** 49)),
        upper: sometimes(fc.integer({ min: 0, max: 8 }), 60, -1),
      }),
      { maxLength: 14 },
    ),
    sorted: fc.boolean(),
    narrow: fc.boolean(),
    placementWeight: fc.constantFrom(0, 0, 50, 50, 1_000_000, 1_000_000, 2 ** 40, 2 ** 48, 2 ** 53, 1.5),
    side: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ supplies, capacities, arcs, sorted, narrow, placementWeight, side }): AssignmentModel => {
    // Arcs from classes that exist, unless planted otherwise; in order of worker class unless `sorted` is false.
    const list = arcs.map((a) => ({ ...a, from: a.from >= 0 && a.from <= 5 ? a.from % Math.max(1, supplies.length) : a.from, to: a.to >= 0 && a.to <= 5 ? a.to % Math.max(1, capacities.length) : a.to }));
    if (sorted) list.sort((x, y) => x.from - y.from);
    const fits = (xs: number[]): boolean => xs.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 16);
    const column = (xs: number[]): Int32Array | Uint16Array => (narrow && fits(xs) ? Uint16Array.from(xs) : Int32Array.from(xs));
    const scores = list.map((a) => a.score);
    const columns: ModelArcs = {
      length: list.length,
      from: column(list.map((a) => a.from)),
      to: column(list.map((a) => a.to)),
      score: scores.every((s) => Number.isInteger(s) && Math.abs(s) < 2 ** 31) ? column(scores) : Float64Array.from(scores),
      upper: column(list.map((a) => a.upper)),
    };
    return {
      workerClasses: supplies.map((supply, c) => ({ key: `w${c}`, supply })),
      employerClasses: capacities.map((capacity, g) => ({ key: `e${g}`, capacity })),
      arcs: columns,
      placementWeight,
      maxScore: 40,
      sideConstraints: side === 0 ? [{ label: "row", terms: [], relation: "<=", rhs: 1 }] : [],
    };
  });

describe("the flow engine's model check and translation", () => {
  it("refuses with the words of the two-pass check, and accepts the rest as the same problem", () => {
    let accepted = 0;
    fc.assert(
      fc.property(models, (model) => {
        const refusal = flowRefusal(model);
        expect(refusal).toBe(refusalOf(model));
        if (refusal !== null) return;
        accepted++;
        const { problem, order } = toTransportProblem(model);
        const expected = oracleProblem(model);
        expect(order === null ? null : Array.from(order)).toEqual(expected.order === null ? null : Array.from(expected.order));
        for (const key of ["supply", "capacity", "start", "to", "upper", "weight"] as const) {
          expect(Array.from(problem[key]), key).toEqual(Array.from(expected.problem[key]));
          expect(problem[key].constructor, key).toBe(expected.problem[key].constructor);
        }
        expect(problem.bonus).toBe(expected.problem.bonus);
      }),
      fcOptions(600),
    );
    // Most models have no defect: the translation is checked on hundreds of them.
    expect(accepted).toBeGreaterThan(150);
  });
});
