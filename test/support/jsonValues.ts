/**
 * JSON-like values for properties that compare a numbering of values with
 * their JSON text (../rules/kinds.test.ts, ../model/grouping.test.ts):
 * atoms, arrays of up to three values, and objects whose few keys come in
 * different orders, nested.
 */
import fc from "fast-check";

/** Values from `atom`, arrays and objects of them; objects take up to `maxKeys` entries with keys from `keys` (a repeated key keeps its last value). */
export const jsonLikeValue = (atom: fc.Arbitrary<unknown>, keys: readonly string[], maxKeys: number): fc.Arbitrary<unknown> => {
  const record = (inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    fc.array(fc.tuple(fc.constantFrom(...keys), inner), { maxLength: maxKeys }).map((entries) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of entries) o[k] = v;
      return o;
    });
  return fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof({ depthSize: "small", withCrossShrink: true }, atom, fc.array(tie("v"), { maxLength: 3 }), record(tie("v"))),
  })).v;
};
