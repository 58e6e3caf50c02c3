/**
 * Slots that start on different dates at one employer are not yet held by
 * deferred acceptance or the audit (src/stable/starts.ts): a stable plan,
 * the price of stability and the audit are refused with the employer named,
 * and `match` leaves its stability summary out, rather than give a plan
 * that holds a late worker in an early slot, or count an early free slot as
 * an offer to a worker who cannot start by then. With every employer's
 * slots starting together, all of them answer as before.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { match } from "../../src/match.js";
import { priceOfStability } from "../../src/stable/price.js";
import { stableMatch } from "../../src/stable/stable.js";
import { auditMatch } from "../../src/stable/stabilityReport.js";
import { lawful } from "../support/lawful.js";

const worker = (id: string, availableFrom: string) => ({ id, language: ["N4" as const], certifications: [{ field: "food-service", via: "skills-test" as const }], trainingCentre: "C", homeProvince: "P", availableFrom });
const staggered = lawful({
  reference: { asOf: "2026-04-01" },
  workers: [worker("W1", "2026-06-01"), worker("W2", "2026-03-01"), worker("W3", "2026-06-01")],
  employers: [
    { id: "E0", prefecture: "37", field: "food-service", slots: 1, hourlyWage: 1100 },
    { id: "E1", prefecture: "37", field: "food-service", slots: 2, hourlyWage: 1300, slotGroups: [{ slots: 1, start: "2026-04-01" }, { slots: 1, start: "2026-06-05" }] },
  ],
});
const together = { ...staggered, employers: staggered.employers.map(({ slotGroups: _groups, ...e }) => e) };

describe("stable plans and audits where slots start on different dates", () => {
  it("are refused, naming the employer's slot groups", () => {
    const expected = [{ code: "inconsistent", path: "employers[1].slotGroups", received: '"1 from 2026-04-01, 1 from 2026-06-05"' }];
    const stable = stableMatch(staggered);
    expect(E.isLeft(stable) && stable.left.map(({ code, path, received }) => ({ code, path, received }))).toEqual(expected);
    const price = priceOfStability(staggered);
    expect(E.isLeft(price) && price.left.map((i) => i.path)).toEqual(["employers[1].slotGroups"]);
    const optimal = match(staggered);
    if (E.isLeft(optimal)) throw new Error("rejected");
    expect(optimal.right.hasSolution).toBe(true);
    expect(optimal.right.stability).toBeNull();
    const audit = auditMatch(staggered, optimal.right);
    expect(E.isLeft(audit) && audit.left.map((i) => i.path)).toEqual(["employers[1].slotGroups"]);
  });

  it("are given as before where every employer's slots start together", () => {
    const stable = stableMatch(together);
    expect(E.isRight(stable) && stable.right.stability?.blockingPairs).toBe(0);
    const optimal = match(together);
    expect(E.isRight(optimal) && optimal.right.stability).not.toBeNull();
    if (E.isRight(optimal)) expect(E.isRight(auditMatch(together, optimal.right))).toBe(true);
  });
});
