/**
 * The model's arc columns (src/model/types.ts): `arcColumns` and
 * `arcColumnsBuilder` hold exactly the arcs they are given, in order, and
 * `arcAt` / `arcList` read them back; a value the columns cannot hold
 * exactly is refused, never truncated.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arcAt, arcColumns, arcColumnsBuilder, arcList, indexColumn, noArcs, type ModelArc } from "../../src/model/types.js";
import { fcOptions } from "../support/seed.js";

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const arcArb = (score: fc.Arbitrary<number>): fc.Arbitrary<ModelArc> =>
  fc.record({ from: fc.integer(INT32), to: fc.integer(INT32), score, upper: fc.integer(INT32) });

describe("arc columns", () => {
  it("read back every arc as given, in order (scores beyond 32 bits in doubles)", () => {
    fc.assert(
      fc.property(fc.array(arcArb(fc.oneof(fc.integer({ min: 0, max: 2400 }), fc.maxSafeInteger(), fc.integer(INT32))), { maxLength: 40 }), (list) => {
        const arcs = arcColumns(list);
        expect(arcs.length).toBe(list.length);
        for (const column of [arcs.from, arcs.to, arcs.score, arcs.upper]) expect(column.length).toBe(list.length);
        expect(arcList(arcs)).toEqual(list);
        list.forEach((arc, a) => expect(arcAt(arcs, a)).toEqual(arc));
        const wide = list.some((arc) => arc.score > INT32.max || arc.score < INT32.min);
        expect(arcs.score instanceof Float64Array).toBe(wide);
      }),
      fcOptions(100),
    );
  });

  it("grown one arc at a time, are the same columns as made from the list, trimmed to their length", () => {
    fc.assert(
      fc.property(fc.array(arcArb(fc.integer({ min: 0, max: 2400 })), { maxLength: 200 }), fc.integer({ min: 0, max: 64 }), (list, capacity) => {
        const builder = arcColumnsBuilder(capacity);
        for (const arc of list) builder.push(arc.from, arc.to, arc.score, arc.upper);
        expect(builder.length).toBe(list.length);
        const grown = builder.finish();
        expect(grown).toEqual(arcColumns(list));
        expect(grown.from.buffer.byteLength).toBe(4 * list.length);
      }),
      fcOptions(100),
    );
  });

  it("refuses values they cannot hold exactly", () => {
    const ok: ModelArc = { from: 0, to: 0, score: 1, upper: 1 };
    for (const bad of [{ upper: Infinity }, { upper: 1.5 }, { score: 0.5 }, { from: 2 ** 31 }, { to: -1 - 2 ** 31 }, { score: Number.NaN }]) {
      expect(() => arcColumns([ok, { ...ok, ...bad }])).toThrow(RangeError);
    }
    expect(noArcs().length).toBe(0);
  });

  it("an index column holds every value 0..largest exactly, in 16 bits when they fit", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(0, 2 ** 16 - 1, 2 ** 16, 2 ** 31 - 1), fc.integer({ min: 0, max: 2 ** 31 - 1 })), (largest) => {
        const column = indexColumn(3, largest);
        expect(column.length).toBe(3);
        expect(column instanceof Uint16Array).toBe(largest < 2 ** 16);
        column[0] = largest;
        column[1] = largest >> 1;
        expect([column[0], column[1], column[2]]).toEqual([largest, largest >> 1, 0]);
      }),
      fcOptions(100),
    );
  });
});
