import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../src/input/issues.js";
import { apportion } from "../../src/numbers/apportion.js";
import { SHIKOKU_SCENARIO } from "../../src/scenario/bundled.js";
import { parseVariation } from "../../src/scenario/shorthand.js";
import type { Change, Scenario } from "../../src/scenario/types.js";
import { applyChange, applyVariation } from "../../src/scenario/variations.js";
import { fcOptions } from "../support/seed.js";

const S = SHIKOKU_SCENARIO;

const apply = (c: Change, s: Scenario = S): Scenario => {
  const r = applyChange(s, c);
  if (E.isLeft(r)) throw new Error(formatIssues(r.left));
  return r.right;
};

const issues = (c: Change): string => {
  const r = applyChange(S, c, "changes[0]");
  return E.isLeft(r) ? formatIssues(r.left) : "";
};

const slotsOf = (s: Scenario, field?: string, prefecture?: string): number =>
  s.prefectures
    .filter((p) => prefecture === undefined || p.prefecture === prefecture)
    .flatMap((p) => p.demand)
    .filter((d) => field === undefined || d.field === field)
    .reduce((a, d) => a + d.slots, 0);

describe("apportion", () => {
  it("splits a total into whole numbers that add up, each within one of its exact share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }), (total, weights) => {
        const parts = apportion(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(sum === 0 ? 0 : total);
        parts.forEach((p, i) => {
          if (sum > 0) expect(Math.abs(p - (total * (weights[i] as number)) / sum)).toBeLessThan(1);
        });
      }),
      fcOptions(200),
    );
  });
});

describe("variations", () => {
  it("shifts the cohort's language, within N5..N1", () => {
    expect(apply({ kind: "language-shift", by: 1 }).cohort.languageShift).toBe(1);
    expect(issues({ kind: "language-shift", by: 5 })).toBe("changes[0].by: expected an integer in -4..4, got 5");
    const shifted = applyChange({ ...S, cohort: { ...S.cohort, languageShift: 1 } }, { kind: "language-shift", by: 4 }, "changes[0]");
    expect(E.isLeft(shifted) ? formatIssues(shifted.left) : "").toMatch(/^changes\[0\]\.by: expected a shift that keeps/);
  });

  it("scales slots of one field in one prefecture, leaving the rest alone, with employers following", () => {
    const s = apply({ kind: "scale-slots", field: "nursing-care", prefecture: "Ehime", factor: 0.1 });
    expect(slotsOf(s, "nursing-care", "38")).toBe(40);
    expect(slotsOf(s, "nursing-care", "37")).toBe(slotsOf(S, "nursing-care", "37"));
    expect(slotsOf(s) - slotsOf(S)).toBe(40 - 400);
    const d = s.prefectures.find((p) => p.prefecture === "38")?.demand.find((x) => x.field === "nursing-care");
    expect(d?.employers).toBe(28);
    const doubled = apply({ kind: "scale-slots", field: "construction", factor: 4 });
    for (const p of doubled.prefectures) for (const x of p.demand) expect(x.slots).toBeLessThanOrEqual(30 * x.employers);
    expect(issues({ kind: "scale-slots", prefecture: "13", factor: 2 })).toBe('changes[0].prefecture: expected a prefecture of the scenario (37, 38, 36, 39), got "13"');
  });

  it("caps a field over all prefectures, shared out in proportion", () => {
    const s = apply({ kind: "field-cap", field: "construction", cap: 300 });
    expect(slotsOf(s, "construction")).toBe(300);
    expect(slotsOf(s, "nursing-care")).toBe(slotsOf(S, "nursing-care"));
    expect(apply({ kind: "field-cap", field: "construction", cap: 1e6 })).toBe(S);
    expect(issues({ kind: "field-cap", field: "plumbing", cap: 3 })).toBe('changes[0].field: expected an SSW field id of catalogue 2024-09, got "plumbing"');
  });

  it("adds a prefecture like another, or with its own demand", () => {
    const s = apply({ kind: "add-prefecture", prefecture: "Okayama", like: "36", factor: 0.5 });
    expect(s.prefectures.at(-1)?.prefecture).toBe("33");
    expect(slotsOf(s, undefined, "33")).toBe(slotsOf(S, undefined, "36") / 2);
    const own = apply({ kind: "add-prefecture", prefecture: "34", demand: [{ field: "shipbuilding", employers: 3, slots: 40 }] });
    expect(slotsOf(own, "shipbuilding", "34")).toBe(40);
    expect(issues({ kind: "add-prefecture", prefecture: "34" })).toBe('changes[0]: expected exactly one of demand and like, got {"demand":false,"like":false}');
    expect(issues({ kind: "add-prefecture", prefecture: "34", demand: [{ field: "x", employers: 0, slots: 1 }] })).toBe(
      ['changes[0].demand[0].field: expected an SSW field id of catalogue 2024-09, got "x"', "changes[0].demand[0].employers: expected at least 1 employer for 1 slots, got 0"].join("\n"),
    );
  });

  it("resizes the cohort, and scales the whole scenario", () => {
    expect(apply({ kind: "cohort-size", size: 10 }).cohort.size).toBe(10);
    const tenth = apply({ kind: "scale", factor: 0.1 });
    expect(tenth.cohort.size).toBe(600);
    expect(Math.abs(slotsOf(tenth) - 660)).toBeLessThanOrEqual(15);
  });

  it("names a variation after its scenario and drops the scenario's own variation list", () => {
    const v = applyVariation(S, { name: "N3", changes: [{ kind: "language-shift", by: 1 }] });
    expect(E.isRight(v) && [v.right.name, v.right.title, v.right.variations]).toEqual([
      "shikoku/N3",
      "Shikoku expansion (6,000 workers, 4 prefectures): N3",
      undefined,
    ]);
  });
});

describe("variation shorthand", () => {
  it.each([
    ["language+1", { kind: "language-shift", by: 1 }],
    ["language-2", { kind: "language-shift", by: -2 }],
    ["slots*0.8", { kind: "scale-slots", factor: 0.8 }],
    ["slots:nursing-care*1.5", { kind: "scale-slots", factor: 1.5, field: "nursing-care" }],
    ["slots@38*2", { kind: "scale-slots", factor: 2, prefecture: "38" }],
    ["slots:construction@Ehime*0.5", { kind: "scale-slots", factor: 0.5, field: "construction", prefecture: "Ehime" }],
    ["cap:construction=300", { kind: "field-cap", field: "construction", cap: 300 }],
    ["add:33", { kind: "add-prefecture", prefecture: "33", like: "37" }],
    ["add:33~36*0.5", { kind: "add-prefecture", prefecture: "33", like: "36", factor: 0.5 }],
    ["size=8000", { kind: "cohort-size", size: 8000 }],
    ["scale*0.1", { kind: "scale", factor: 0.1 }],
  ] as const)("reads %s", (spec, change) => {
    expect(parseVariation(spec, S)).toEqual(E.right({ name: spec, changes: [change] }));
  });

  it.each(["language", "slots", "cap:x", "teleport", "size=big"])("rejects %s with the forms it may take", (spec) => {
    expect(E.isLeft(parseVariation(spec, S))).toBe(true);
  });
});
