import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../src/input/issues.js";
import { BUNDLED_SCENARIOS, KAGAWA_PILOT_SCENARIO, findBundledScenario } from "../../src/scenario/bundled.js";
import { decodeScenario } from "../../src/scenario/decode.js";
import type { Scenario } from "../../src/scenario/types.js";
import { fcOptions } from "../support/seed.js";

const small: Scenario = {
  name: "small",
  seed: 7,
  cohort: { size: 50 },
  prefectures: [{ prefecture: "Kagawa", demand: [{ field: "nursing-care", employers: 3, slots: 30 }] }],
};

const issuesOf = (input: unknown): string => {
  const d = decodeScenario(input);
  if (E.isRight(d)) throw new Error("expected issues");
  return formatIssues(d.left);
};

describe("decodeScenario", () => {
  it.each(BUNDLED_SCENARIOS.map((s) => [s.name, s] as const))("accepts the bundled scenario %s as JSON, unchanged", (_name, s) => {
    const d = decodeScenario(JSON.parse(JSON.stringify(s)));
    expect(E.isRight(d) && d.right).toEqual(JSON.parse(JSON.stringify(s)));
  });

  it("finds bundled scenarios by name", () => {
    expect(findBundledScenario("shikoku")?.prefectures.map((p) => p.prefecture)).toEqual(["37", "38", "36", "39"]);
    expect(findBundledScenario("nationwide")?.prefectures).toHaveLength(47);
    expect(findBundledScenario("nationwide")?.cohort.size).toBeGreaterThanOrEqual(50_000);
    expect(findBundledScenario("atlantis")).toBeUndefined();
  });

  it("normalises prefecture names to JIS codes", () => {
    const d = decodeScenario(small);
    expect(E.isRight(d) && d.right.prefectures[0]?.prefecture).toBe("37");
  });

  it("says every bundled scenario's assumptions and names no policy", () => {
    for (const s of BUNDLED_SCENARIOS) {
      expect(s.assumptions?.length).toBeGreaterThan(3);
      expect(s.assumptions?.some((a) => /policy/i.test(a))).toBe(true);
      expect(s.policy).toBeUndefined();
    }
    expect(KAGAWA_PILOT_SCENARIO.assumptions?.join(" ")).toMatch(/1,036/);
  });

  it("reports every problem at once, each with its path", () => {
    const text = issuesOf({
      name: "bad",
      seed: 1,
      cohort: { size: -1, fieldMix: { nursing: 1 } },
      prefectures: [
        { prefecture: "Atlantis", demand: [] },
        { prefecture: "37", demand: [{ field: "nursing-care", employers: 0, slots: 10 }] },
      ],
      sede: 2,
    });
    expect(text).toBe(
      [
        'sede: unknown property; did you mean "seed"?',
        "cohort.size: expected an integer in 0..1,000,000, got -1",
      ].join("\n"),
    );
    const semantic = issuesOf({
      name: "bad",
      seed: 1,
      cohort: { size: 10, fieldMix: { nursing: 1 }, origins: [{ province: "Bali", weight: 0, trainingCentres: [] }] },
      prefectures: [
        { prefecture: "Atlantis", demand: [] },
        { prefecture: "37", demand: [{ field: "nursing-care", employers: 0, slots: 10 }, { field: "nursing-care", employers: 1, slots: 40 }] },
        { prefecture: "Kagawa", demand: [] },
      ],
    });
    expect(semantic).toBe(
      [
        'prefectures[0].prefecture: expected a JIS prefecture code 01..47 or a prefecture name, got "Atlantis"',
        "prefectures[1].demand[0].employers: expected at least 1 employer for 10 slots, got 0",
        "prefectures[1].demand[1].employers: expected at least 2 employers for 40 slots (at most 30 each), got 1",
        'prefectures[1].demand[1].field: expected each field at most once per prefecture, got "nursing-care"',
        'prefectures[2].prefecture: expected each prefecture at most once, got "Kagawa"',
        'cohort.fieldMix.nursing: expected an SSW field id of catalogue 2024-09, got "nursing"',
        'cohort.origins: expected at least one origin with a positive weight, got [{"province":"Bali","weight":0,"trainingCentres":[]}]',
        "cohort.origins[0].trainingCentres: expected at least one training centre, got []",
      ].join("\n"),
    );
  });

  it("checks variations against the scenario when it is decoded", () => {
    const text = issuesOf({
      ...small,
      variations: [
        { name: "x", changes: [{ kind: "field-cap", field: "welding", cap: 3 }] },
        { name: "x", changes: [{ kind: "add-prefecture", prefecture: "37", like: "37" }] },
        { name: "y", changes: [{ kind: "teleport" }] },
      ],
    });
    expect(text).toBe(
      [
        'variations[2].changes[0].kind: expected one of language-shift, scale-slots, field-cap, add-prefecture, cohort-size, scale, got "teleport"',
      ].join("\n"),
    );
    const semantic = issuesOf({
      ...small,
      variations: [
        { name: "x", changes: [{ kind: "field-cap", field: "welding", cap: 3 }] },
        { name: "x", changes: [{ kind: "add-prefecture", prefecture: "37", like: "37" }] },
      ],
    });
    expect(semantic).toBe(
      [
        'variations[0].changes[0].field: expected an SSW field id of catalogue 2024-09, got "welding"',
        'variations[1].name: expected a name no other variation has, got "x"',
        'variations[1].changes[0].prefecture: expected a prefecture not yet in the scenario, got "37"',
      ].join("\n"),
    );
  });

  it("checks a policy section with the instance format's codecs, with located issues", () => {
    expect(issuesOf({ ...small, policy: { quotas: [{ scope: "region", key: "Shikoku" }] } })).toMatch(/^policy\.quotas\[0\]\.scope: expected one of sector, field, prefecture, employer/);
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        decodeScenario(u);
        decodeScenario({ ...small, cohort: u });
        decodeScenario({ ...small, prefectures: [{ prefecture: "37", demand: [u] }] });
        decodeScenario({ ...small, variations: [{ name: "v", changes: [u] }] });
      }),
      fcOptions(200),
    );
  });
});
