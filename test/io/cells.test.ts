import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeText, joinItems, joinParts, splitItems, splitParts, unescapeText } from "../../src/io/cells.js";
import { fcOptions } from "../support/seed.js";

const textArb = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(" a ", "a;b", "x:y", "\\", "\\;", "\t", " ", "N4"));

describe("list cells", () => {
  it("read spreadsheet-style lists: separators, parts, spaces around items", () => {
    expect(splitItems("")).toEqual([]);
    expect(splitItems("  ")).toEqual([]);
    expect(splitItems("N4; JFT-Basic A2").map(unescapeText)).toEqual(["N4", "JFT-Basic A2"]);
    expect(splitItems("welding:2:3;forklift").map(splitParts)).toEqual([["welding", "2", "3"], ["forklift"]]);
    expect(splitParts("dementia care::5")).toEqual(["dementia care", "", "5"]);
    expect(unescapeText("a\\;b\\:c\\\\ ")).toBe("a;b:c\\");
    expect(unescapeText("\\ padded\\ ")).toBe(" padded ");
  });

  it("write what they read: any text as one part survives a round trip", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(splitParts(escapeText(text))).toEqual([text]);
      }),
      fcOptions(300),
    );
  });

  it("round-trip lists of items of parts", () => {
    const itemArb = fc.array(textArb, { minLength: 1, maxLength: 3 }).filter((parts) => parts.some((p) => p !== ""));
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 4 }), (items) => {
        const cell = joinItems(items.map(joinParts));
        const back = splitItems(cell).map(splitParts);
        const trimmed = items.map((parts) => {
          const kept = [...parts];
          while (kept.length > 1 && kept[kept.length - 1] === "") kept.pop();
          return kept;
        });
        expect(back).toEqual(trimmed);
      }),
      fcOptions(300),
    );
  });
});
