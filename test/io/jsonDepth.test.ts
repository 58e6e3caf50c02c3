/**
 * The nesting check (src/io/jsonDepth.ts) skips strings by searching for
 * their closing quote. Its oracle is the check's definition, character by
 * character: outside a string, `[` and `{` go one level deeper and `]` and
 * `}` one back; inside one, a backslash takes the next character with it and
 * a quote ends it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tooDeepAt } from "../../src/io/jsonDepth.js";
import { fcOptions } from "../support/seed.js";

const byDefinition = (text: string, max: number): number => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      if (++depth > max) return i;
    } else if (c === "]" || c === "}") depth--;
  }
  return -1;
};

/** Texts made of the characters that matter, backslashes and quotes in runs. */
const tricky = fc.array(fc.constantFrom('"', "\\", "\\\\", "[", "]", "{", "}", "a", ",", ":", " "), { maxLength: 60 }).map((parts) => parts.join(""));

describe("tooDeepAt", () => {
  it("finds the same bracket as the definition, on any text of quotes, backslashes and brackets", () => {
    fc.assert(
      fc.property(tricky, fc.nat(5), (text, max) => {
        expect(tooDeepAt(text, max)).toBe(byDefinition(text, max));
      }),
      fcOptions(2000),
    );
  });

  it("finds the same bracket as the definition on JSON texts, escaped quotes and backslashes in their strings", () => {
    const strings = fc.string({ unit: fc.constantFrom('"', "\\", "[", "{", "a") });
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, strings, fc.integer(), fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(strings, tie("value"), { maxKeys: 3 })),
    })).value;
    fc.assert(
      fc.property(json, fc.nat(6), (value, max) => {
        const text = JSON.stringify(value);
        expect(tooDeepAt(text, max)).toBe(byDefinition(text, max));
      }),
      fcOptions(1000),
    );
  });
});
