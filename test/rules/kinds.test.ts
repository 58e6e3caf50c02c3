/**
 * kindsByParts stands in for kindsOf keyed by the JSON text of the parts (what eligibilityKinds keyed by):
 * the same kind for each item and the same first item of each kind, on JSON-like values chosen to collide
 * (what JSON prints as null, -0 and 0, numbers and strings alike, objects with keys in other orders or with
 * undefined values, frozen values shared by identity beside fresh copies and beside frozen ones whose
 * insides are not frozen, or change from item to item).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kindsByParts, kindsOf } from "../../src/rules/kinds.js";
import { jsonLikeValue } from "../support/jsonValues.js";
import { fcOptions } from "../support/seed.js";

const atom = fc.constantFrom<unknown>("a", "1", "null", "", null, undefined, true, false, 0, -0, 1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 1e21);
const value = jsonLikeValue(atom, ["x", "y"], 2);

/** Frozen to the bottom (`deep`), or the outer object only. */
const frozen = (v: unknown, deep: boolean): unknown => {
  if (typeof v === "object" && v !== null) {
    if (deep) for (const x of Object.values(v)) frozen(x, true);
    Object.freeze(v);
  }
  return v;
};

describe("kinds by parts", () => {
  it("numbers the items as kindsOf numbers them by the JSON text of their parts", () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(fc.tuple(fc.nat(), fc.constantFrom("shared", "shallow", "copy")), { minLength: 1, maxLength: 3 }), { maxLength: 30 }),
        (pool, rows) => {
          const shared = pool.map((v) => frozen(structuredClone(v), true));
          const shallow = pool.map((v) => frozen(structuredClone(v), false));
          const items = rows.map((row) =>
            row.map(([k, how]) => (how === "shared" ? shared[k % pool.length] : how === "shallow" ? shallow[k % pool.length] : structuredClone(pool[k % pool.length]))),
          );
          const byParts = kindsByParts(items, (p) => p);
          const byText = kindsOf(items, (p) => JSON.stringify(p));
          expect([...byParts.of]).toEqual([...byText.of]);
          expect(byParts.first).toEqual(byText.first);
        },
      ),
      fcOptions(800),
    );
  });

  it("does not know a frozen object by identity when its insides may change from item to item", () => {
    // One frozen object around a mutable one, its inside set anew for each item (as a scratch array is).
    const inner = { n: 0 };
    const outer = Object.freeze({ inner });
    const items = [1, 2, 1, 3, 2];
    const partsOf = (n: number): unknown[] => {
      inner.n = n;
      return [outer];
    };
    expect([...kindsByParts(items, partsOf).of]).toEqual([...kindsOf(items, (n) => JSON.stringify(partsOf(n))).of]);
    expect([...kindsByParts(items, partsOf).of]).toEqual([0, 1, 0, 2, 1]);
  });
});
