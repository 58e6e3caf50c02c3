/**
 * groupByParts stands in for grouping by `JSON.stringify(parts)` in a Map
 * (model building's class keys). Checked against that grouping, built here
 * the plain way: the same groups, keys and members, in key order; on small
 * JSON-like values chosen to collide (the same data in other key orders,
 * `undefined` and `null`, -0 and 0, NaN, integers and fractions, strings
 * that look alike, frozen values shared by identity beside fresh copies),
 * and on the nationwide generator's workers through the model's own classes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupByParts, sameData } from "../../src/model/grouping.js";
import { jsonLikeValue } from "../support/jsonValues.js";
import { fcOptions } from "../support/seed.js";

/** The oracle: a Map from each item's string to its indices, in key order. */
const byString = (items: readonly (readonly unknown[])[]): { key: string; members: number[] }[] => {
  const groups = new Map<string, number[]>();
  items.forEach((parts, i) => {
    const key = JSON.stringify(parts);
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [i]);
    else members.push(i);
  });
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, members]) => ({ key, members }));
};

const atom = fc.oneof(
  fc.constantFrom<unknown>("a", "b", "ab", "", "\u00e9", "1", null, undefined, true, false, 0, -0, 1, 2, 0.5, Number.NaN, 1e21),
  fc.integer({ min: -3, max: 3 }),
);
// Objects from a few keys, so the same keys come in different orders.
const value = jsonLikeValue(atom, ["x", "y", "z", "1"], 3);
const parts = fc.array(value, { minLength: 1, maxLength: 3 });

describe("grouping by parts", () => {
  it("makes the groups that grouping by the JSON string makes, in key order", () => {
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 30 }), (items) => {
        // Drawn from a small pool too, so that equal data in distinct objects is common.
        const pooled = items.concat(items.map((p) => JSON.parse(JSON.stringify(p) ?? "null") as unknown[]).filter(Array.isArray));
        for (const list of [items, pooled]) expect(groupByParts(list, (p) => p, undefined)).toEqual(byString(list));
        // And when the parts come in one array filled anew for each item (as model building gives them).
        const scratch: unknown[] = [];
        const refilled = (p: readonly unknown[]): unknown[] => {
          scratch.length = 0;
          scratch.push(...p);
          return scratch;
        };
        expect(groupByParts(items, refilled, undefined)).toEqual(byString(items));
      }),
      fcOptions(800),
    );
  });

  it("makes the same groups where rows share frozen values, beside fresh copies of them", () => {
    /** The value deeply frozen (as the decoder's shared lists are). */
    const frozen = (v: unknown): unknown => {
      if (typeof v === "object" && v !== null) {
        for (const x of Object.values(v)) frozen(x);
        Object.freeze(v);
      }
      return v;
    };
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), fc.array(fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 3 }), { maxLength: 30 }), (pool, rows) => {
        // Each row's parts: values of one frozen pool, by identity, or fresh copies of them (equal data, not frozen).
        const shared = pool.map((v) => frozen(structuredClone(v)));
        const items = rows.map((row) => row.map(([k, copy]) => (copy ? structuredClone(pool[k % pool.length]) : shared[k % shared.length])));
        expect(groupByParts(items, (p) => p, undefined)).toEqual(byString(items));
      }),
      fcOptions(800),
    );
  });

  it("tells apart primitives of other types that look alike, and joins those JSON prints alike", () => {
    const atoms: unknown[] = [1, "1", true, "true", null, "null", undefined, 0, -0, "0", Number.NaN, 1e21, "1e21", "", false];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...atoms), { minLength: 1, maxLength: 2 }), { maxLength: 30 }), (items) => {
        expect(groupByParts(items, (p) => p, undefined)).toEqual(byString(items));
      }),
      fcOptions(300),
    );
  });

  it("makes the same groups when there are thousands of them (the group table grows and places them again)", () => {
    // Up to 4,000 items of one to five small integers and a string: groups by the thousand, of parts of
    // several lengths, many items alike, so the table and the numbers' store grow while groups are found again.
    const row = fc.tuple(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 5 }), fc.constantFrom("p", "q"));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1000, maxLength: 4000 }), (rows) => {
        const items = rows.map(([ints, s]) => [...ints, s]);
        expect(groupByParts(items, (p) => p, undefined)).toEqual(byString(items));
      }),
      fcOptions(20),
    );
  });

  it("compares data strictly: equal only where the JSON strings are equal", () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        if (sameData(a, b)) expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        // A copy is the same data, unless it holds NaN (NaN !== NaN: kept apart, and joined by the string after).
        if (!JSON.stringify(a, (_k, v: unknown) => (Number.isNaN(v) ? "NaN!" : v))?.includes("NaN!")) expect(sameData(a, structuredClone(a))).toBe(true);
      }),
      fcOptions(800),
    );
  });

  it("tells apart objects whose keys come in another order, as their strings do", () => {
    /** The value with each object's keys in reverse order. */
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : typeof v === "object" && v !== null ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    fc.assert(
      fc.property(value, (a) => {
        const b = reversed(a);
        if (sameData(a, b)) expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      fcOptions(800),
    );
    expect(sameData({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(false);
  });

  it("stops at a deadline already past, and not without one", () => {
    expect(groupByParts([[1], [2]], (p) => p, performance.now() - 1)).toBeNull();
    expect(groupByParts([[1], [2], [1]], (p) => p, undefined)).toEqual([
      { key: "[1]", members: [0, 2] },
      { key: "[2]", members: [1] },
    ]);
  });
});
