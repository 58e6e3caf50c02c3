/**
 * `languageAboveRequirement` counts levels above the slot's requirement (the
 * README's words): a waiver lets a worker below it in, but does not lower it.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../src/input/issues.js";
import { match } from "../../src/match.js";
import { lawful } from "../support/lawful.js";

const worker = (id: string, language: string[], via: "skills-test" | "titp-2") => ({
  id,
  language,
  trainingCentre: "Semarang",
  homeProvince: "Central Java",
  certifications: [{ field: "food-service", via }],
});

describe("languageAboveRequirement", () => {
  it("is the same for the same Japanese at the same slot, waived or not; counted from the slot's N4", () => {
    const r = match(
      lawful({
        workers: [worker("A", ["N4"], "skills-test"), worker("B", ["N4"], "titp-2"), worker("C", ["N5"], "titp-2"), worker("D", ["N2"], "skills-test")],
        employers: [{ id: "E1", prefecture: "37", field: "food-service", slots: 4, hourlyWage: 1036 }],
      }),
    );
    if (E.isLeft(r)) throw new Error(formatIssues(r.left));
    const points = Object.fromEntries(r.right.placements.map((p) => [p.workerId, p.points.languageAboveRequirement]));
    expect(points).toEqual({ A: 0, B: 0, C: 0, D: 2 });
  });
});
