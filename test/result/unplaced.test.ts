/**
 * An unplaced worker's `eligibleEmployers`: the employers with slots that
 * accept them, the same whether a 0-slot employer shares an aggregation class
 * with one that has slots or not.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../src/input/issues.js";
import { match } from "../../src/match.js";
import { lawful } from "../support/lawful.js";

const worker = (id: string) => ({ id, language: ["N4"], trainingCentre: "Semarang", homeProvince: "Central Java", certifications: [{ field: "food-service", via: "skills-test" }] });

describe("an unplaced worker's eligibleEmployers", () => {
  it("counts the employers with slots that accept them, whatever class a 0-slot employer falls into", () => {
    const employer = (id: string, slots: number, hourlyWage: number) => ({ id, prefecture: "37", field: "food-service", slots, hourlyWage });
    const workers = [worker("A"), worker("B")];
    // E0 has no slot; alike E1 (one class with it), or paying more (a class of its own).
    for (const wage of [1036, 1300]) {
      const r = match(lawful({ workers, employers: [employer("E0", 0, wage), employer("E1", 1, 1036)] }));
      if (E.isLeft(r)) throw new Error(formatIssues(r.left));
      expect(r.right.unplaced.map((u) => u.reason)).toEqual([{ kind: "eligible-slots-taken", eligibleEmployers: 1, eligibleSlots: 1 }]);
    }
  });
});
