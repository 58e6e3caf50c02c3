/**
 * Pretty JSON in pieces gives exactly JSON.stringify(value, null, 2) and a
 * newline, for any JSON value and for a whole result.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { prettyJsonPieces } from "../../src/cli/json.js";
import { generateInstance } from "../../src/generate/generate.js";
import { match } from "../../src/match.js";
import { fcOptions } from "../support/seed.js";

const joined = (v: unknown): string => [...prettyJsonPieces(v)].join("");

describe("pretty JSON in pieces", () => {
  it("is JSON.stringify(value, null, 2) for any JSON value, long lists included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 60, maxLength: 200 }), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { minKeys: 70, maxKeys: 100 })), (v) => {
        expect(joined(v)).toBe(`${JSON.stringify(v, null, 2)}\n`);
      }),
      fcOptions(300),
    );
    expect(joined({ a: undefined, b: [undefined, () => 1, ...new Array(70).fill(0)], c: new Date(0) })).toBe(`${JSON.stringify({ a: undefined, b: [undefined, () => 1, ...new Array(70).fill(0)], c: new Date(0) }, null, 2)}\n`);
  });

  it("is the result's JSON, in pieces of at most about 64 KB", () => {
    const r = match(generateInstance({ seed: 3, workers: 3000, employers: 200 }));
    if (E.isLeft(r)) throw new Error("rejected");
    const pieces = [...prettyJsonPieces(r.right)];
    expect(pieces.join("")).toBe(`${JSON.stringify(r.right, null, 2)}\n`);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.reduce((m, p) => Math.max(m, p.length), 0)).toBeLessThan(80 * 1024);
  });
});
