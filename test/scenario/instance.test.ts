import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { findPrefecture, minimumWageOn } from "../../src/domain/prefectures.js";
import { decodeInstance } from "../../src/input/decode.js";
import { formatIssues } from "../../src/input/issues.js";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatInstanceJson } from "../../src/generate/json.js";
import { BUNDLED_SCENARIOS, KAGAWA_PILOT_SCENARIO, SHIKOKU_SCENARIO } from "../../src/scenario/bundled.js";
import { scenarioInstance, type ScenarioInstance } from "../../src/scenario/instance.js";
import type { Scenario } from "../../src/scenario/types.js";
import { applyVariation } from "../../src/scenario/variations.js";
import { fcOptions } from "../support/seed.js";

const instanceOf = (s: Scenario): ScenarioInstance => {
  const i = scenarioInstance(s);
  if (E.isLeft(i)) throw new Error(formatIssues(i.left));
  return i.right;
};

const FIELDS = ["nursing-care", "construction", "food-manufacturing", "shipbuilding"] as const;

/** Small scenarios: 0..60 workers, 1..3 prefectures of Shikoku and Chugoku, 1..3 fields each. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.oneof(fc.integer(), fc.string({ maxLength: 8 })),
    size: fc.integer({ min: 0, max: 60 }),
    shift: fc.integer({ min: -1, max: 2 }),
    prefectures: fc.uniqueArray(fc.constantFrom("33", "34", "36", "37", "38", "39"), { minLength: 1, maxLength: 3 }),
    demand: fc.array(
      fc.record({ fields: fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 }), employers: fc.integer({ min: 1, max: 4 }), perEmployer: fc.integer({ min: 0, max: 20 }) }),
      { minLength: 3, maxLength: 3 },
    ),
  })
  .map(({ seed, size, shift, prefectures, demand }) => ({
    name: "arb",
    seed,
    cohort: { size, languageShift: shift, fieldMix: { "nursing-care": 2, construction: 1, "food-manufacturing": 1, shipbuilding: 1 } },
    prefectures: prefectures.map((prefecture, i) => {
      const d = demand[i % demand.length] as (typeof demand)[number];
      return { prefecture, demand: d.fields.map((field) => ({ field, employers: d.employers, slots: d.employers * d.perEmployer })) };
    }),
  }));

describe("scenarioInstance", () => {
  it("is deterministic: the same scenario gives the same instance, byte for byte", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(JSON.stringify(instanceOf(s))).toBe(JSON.stringify(instanceOf(JSON.parse(JSON.stringify(s)) as Scenario)));
      }),
      fcOptions(40),
    );
  });

  it("honours the demand: employers and slots per prefecture and field, wages never under the minimum, a valid instance", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const inst = instanceOf(s);
        expect(inst.workers).toHaveLength(s.cohort.size);
        for (const p of s.prefectures) {
          for (const d of p.demand) {
            const group = inst.employers.filter((e) => e.prefecture === p.prefecture && e.field === d.field);
            expect(group).toHaveLength(d.employers);
            expect(group.reduce((a, e) => a + e.slots, 0)).toBe(d.slots);
          }
        }
        const asOf = inst.reference?.asOf;
        for (const e of inst.employers) {
          const floor = minimumWageOn(findPrefecture(e.prefecture) as NonNullable<ReturnType<typeof findPrefecture>>, asOf).amount;
          expect(e.hourlyWage).toBeGreaterThanOrEqual(floor);
        }
        const decoded = decodeInstance(inst);
        expect(E.isRight(decoded) ? [] : formatIssues(decoded.left)).toEqual([]);
      }),
      fcOptions(40),
    );
  });

  it("gives different cohorts for different seeds", () => {
    const a = instanceOf({ ...SHIKOKU_SCENARIO, cohort: { ...SHIKOKU_SCENARIO.cohort, size: 200 } });
    const b = instanceOf({ ...SHIKOKU_SCENARIO, seed: "other", cohort: { ...SHIKOKU_SCENARIO.cohort, size: 200 } });
    expect(JSON.stringify(a.workers)).not.toBe(JSON.stringify(b.workers));
    expect(JSON.stringify(a.employers)).not.toBe(JSON.stringify(b.employers));
  });

  it("keeps every other group's employers when a variation changes one group (common random numbers)", () => {
    const base = instanceOf(SHIKOKU_SCENARIO);
    const varied = applyVariation(SHIKOKU_SCENARIO, { name: "care", changes: [{ kind: "scale-slots", field: "nursing-care", prefecture: "38", factor: 0.5 }] });
    if (E.isLeft(varied)) throw new Error(formatIssues(varied.left));
    const other = instanceOf(varied.right);
    const untouched = (i: ScenarioInstance) => i.employers.filter((e) => !(e.prefecture === "38" && e.field === "nursing-care"));
    expect(untouched(other)).toEqual(untouched(base));
    expect(other.workers).toEqual(base.workers);
  });

  it("draws home provinces and training centres from the cohort's origins when given", () => {
    const inst = instanceOf({
      name: "o",
      seed: 3,
      cohort: { size: 400, origins: [{ province: "Bali", weight: 3, trainingCentres: ["lpk-bali-1"] }, { province: "Aceh", weight: 1, trainingCentres: ["lpk-aceh-1", "lpk-aceh-2"] }] },
      prefectures: [{ prefecture: "37", demand: [{ field: "construction", employers: 2, slots: 10 }] }],
    });
    const bali = inst.workers.filter((w) => w.homeProvince === "Bali");
    expect(bali.length / 400).toBeGreaterThan(0.65);
    expect(bali.length / 400).toBeLessThan(0.85);
    expect(new Set(inst.workers.map((w) => w.trainingCentre))).toEqual(new Set(["lpk-bali-1", "lpk-aceh-1", "lpk-aceh-2"]));
    expect(inst.workers.every((w) => (w.homeProvince === "Bali") === (w.trainingCentre === "lpk-bali-1"))).toBe(true);
  });

  it("names employers after their prefecture and field, uniquely", () => {
    for (const s of BUNDLED_SCENARIOS.slice(0, 2)) {
      const ids = instanceOf(s).employers.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids[0]).toMatch(/^E\d\d-[a-z-]+-\d+$/);
    }
  });

  it("is the one source of the bundled pilot: examples/data/kagawa-pilot.json is the kagawa-pilot scenario's instance, byte for byte (rerun scripts/make-pilot-data.ts if not)", () => {
    const path = fileURLToPath(new URL("../../examples/data/kagawa-pilot.json", import.meta.url));
    const drawn = instanceOf(KAGAWA_PILOT_SCENARIO);
    expect(readFileSync(path, "utf8") === formatInstanceJson(drawn)).toBe(true);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(drawn);
  });
});
