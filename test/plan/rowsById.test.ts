/**
 * rowsById stands in for a Map from id to row built from the rows, in
 * re-planning's applyEvents. Checked against that Map: after every set and
 * delete, the same row for every id, and at the end the same rows in the same
 * order; on frozen rows (whose index it remembers, so used twice) and on
 * rows with repeated ids.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowsById } from "../../src/plan/rowsById.js";
import { fcOptions } from "../support/seed.js";

const ids = fc.constantFrom<string>("a", "b", "c", "d", "e", "f");
const row = fc.record({ id: ids, n: fc.integer({ min: 0, max: 9 }) });
const op = fc.oneof(fc.record({ kind: fc.constant("set" as const), row }), fc.record({ kind: fc.constant("delete" as const), id: ids }));

describe("rows by id", () => {
  it("answers and lists as a Map built row by row would, after any sets and deletes", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.array(op, { maxLength: 12 }), fc.boolean(), (rows, ops, frozen) => {
        const given = frozen ? Object.freeze([...rows]) : rows;
        // Twice over the same rows: the second time from the remembered index.
        for (let round = 0; round < 2; round++) {
          const map = new Map(given.map((r) => [r.id, r]));
          const overlay = rowsById(given);
          for (const o of ops) {
            if (o.kind === "set") {
              map.set(o.row.id, o.row);
              overlay.set(o.row.id, o.row);
            } else {
              map.delete(o.id);
              overlay.delete(o.id);
            }
            for (const id of ["a", "b", "c", "d", "e", "f"]) expect(overlay.get(id)).toBe(map.get(id));
          }
          expect(overlay.values()).toEqual([...map.values()]);
          overlay.values().forEach((r, i) => expect(r).toBe([...map.values()][i]));
        }
      }),
      fcOptions(500),
    );
  });
});
