import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorAt, lineAndColumn } from "../../src/cli/jsonError.js";
import { fcOptions } from "../support/seed.js";

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("jsonErrorAt", () => {
  it("finds the first error, with its line and column", () => {
    const text = '{\n  "workers": [,]\n}';
    const at = jsonErrorAt(text);
    expect(at).toEqual({ offset: 16, problem: 'unexpected ","' });
    expect(lineAndColumn(text, at?.offset ?? 0)).toBe("line 2, column 15");
    expect(jsonErrorAt('{"a": 1,}')?.problem).toBe("expected a property name in double quotes");
    expect(jsonErrorAt('{"a": "x')?.problem).toBe("unterminated string");
    expect(jsonErrorAt("[1] 2")?.problem).toBe("unexpected text after the end");
    expect(jsonErrorAt("")?.problem).toBe("unexpected end of input");
  });

  it("agrees with JSON.parse on what is valid", () => {
    const textArb = fc.oneof(
      fc.json(),
      fc.json().chain((j) => fc.nat({ max: Math.max(0, j.length - 1) }).map((cut) => j.slice(0, cut))),
      fc.json().chain((j) => fc.tuple(fc.nat({ max: j.length }), fc.constantFrom(",", "]", "}", '"', "x", "\n", "\\")).map(([at, ch]) => j.slice(0, at) + ch + j.slice(at))),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        expect(jsonErrorAt(text) === null).toBe(parses(text));
      }),
      fcOptions(500),
    );
  });
});
