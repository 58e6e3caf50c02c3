/**
 * Wages over the whole placement: every minimum wage in force during the
 * period, expected revisions stated by the instance, revisions due with no
 * rate, and the equal-pay floor; with `placement.wages` "exclude" the
 * employer is excluded with the reason and the date, with "raise" the result
 * lists the raise and when. Expected values are written out from the sources
 * (Kagawa 1,036 from 2025-10-18; machinery 1,158 from 2025-12-15), not read
 * from src.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decodeInstance } from "../../src/input/decode.js";
import { formatIssues } from "../../src/input/issues.js";
import { match } from "../../src/match.js";
import type { MatchResult } from "../../src/result/types.js";
import { exclusions } from "../../src/rules/eligibility.js";
import { lawful, type EmployerDraft } from "../support/lawful.js";

const worker = { id: "W1", language: ["N4" as const], certifications: [{ field: "food-service", via: "skills-test" as const }], trainingCentre: "Semarang", homeProvince: "Central Java" };

const instance = (employer: Partial<EmployerDraft>, extra: object = {}) =>
  lawful({
    placement: { start: "2026-10-01" },
    workers: [worker],
    employers: [{ id: "E031", prefecture: "37", field: "food-service", slots: 1, hourlyWage: 1040, ...employer }],
    ...extra,
  });

const KAGAWA_FY2026 = { reference: { expectedMinimumWages: [{ prefecture: "37", amount: 1102, from: "2026-10-18", note: "assumed +66" }] } };

const solved = (input: unknown): MatchResult => {
  const r = match(input);
  if (E.isLeft(r)) throw new Error(formatIssues(r.left));
  return r.right;
};

const decoded = (input: unknown) => {
  const d = decodeInstance(input);
  if (E.isLeft(d)) throw new Error(formatIssues(d.left));
  return d.right;
};

describe("the wage schedule of a placement period", () => {
  it("lists every floor in force during the period: the minimum at the start, an expected revision, equal pay", () => {
    const d = decoded(instance({}, KAGAWA_FY2026));
    const schedule = d.reference.wages.get("E031");
    // by date, then amount
    expect(schedule?.steps.map((s) => [s.what, s.amount, s.from, s.expected])).toEqual([
      ["Kagawa minimum wage FY2025", 1036, "2026-10-01", false],
      ["equal pay (a Japanese employee in the same job)", 1040, "2026-10-01", false],
      ["Kagawa minimum wage FY2026", 1102, "2026-10-18", true],
    ]);
    expect(schedule?.shortfalls.map((s) => [s.amount, s.from])).toEqual([[1102, "2026-10-18"]]);
    expect(schedule?.unpublished).toEqual([]);
  });

  it("names a yearly revision due in the period with no rate known or expected", () => {
    const d = decoded(instance({}));
    expect(d.reference.wages.get("E031")?.unpublished).toEqual([
      { what: "Kagawa minimum wage", prefecture: "37", industry: null, fiscalYear: 2026, dueAround: "2026-10-18" },
    ]);
    // a period ending before the anniversary of the last revision has none
    expect(decoded(instance({}, { placement: { start: "2025-11-01", months: 6 } })).reference.wages.get("E031")?.unpublished).toEqual([]);
    // an override replaces the series for the whole period
    expect(decoded(instance({}, { reference: { minimumWages: { "37": 1000 } } })).reference.wages.get("E031")?.unpublished).toEqual([]);
  });

  it("reads an industry minimum by its dates: machinery 1,092, then 1,158 from 2025-12-15", () => {
    const d = decoded(instance({ field: "industrial-products", industry: "machinery-manufacturing", hourlyWage: 1100 }, { placement: { start: "2025-10-01" } }));
    const steps = d.reference.wages.get("E031")?.steps.filter((s) => s.what.includes("machinery"));
    expect(steps?.map((s) => [s.amount, s.from])).toEqual([
      [1092, "2025-10-01"],
      [1158, "2025-12-15"],
    ]);
    expect(d.reference.wages.get("E031")?.shortfalls.map((s) => [s.amount, s.from])).toEqual([[1158, "2025-12-15"]]);
  });
});

describe("an employer whose wage falls under a floor during the period", () => {
  it('"raise" (the default): placed, and the result lists the raise it must make and when, resting on the expected rate', () => {
    const r = solved(instance({}, KAGAWA_FY2026));
    expect(r.placements.map((p) => p.employerId)).toEqual(["E031"]);
    expect(r.law.placement).toEqual({ start: "2026-10-01", months: 12, end: "2027-10-01", wages: "raise" });
    expect(r.law.raises.map((x) => x.text)).toEqual(["E031 must raise its wage to at least 1,102 yen from 2026-10-18 (now 1,040; Kagawa minimum wage FY2026, expected)"]);
    expect(r.law.wageReliance.map((x) => [x.kind, x.what, x.amount, x.employers, x.placed])).toEqual([["expected-rate", "Kagawa minimum wage FY2026", 1102, ["E031"], 1]]);
  });

  it('"exclude": excluded, with the reason and the date in domain words; nothing to raise', () => {
    const input = instance({}, { ...KAGAWA_FY2026, placement: { start: "2026-10-01", wages: "exclude" } });
    const r = solved(input);
    expect(r.placements).toEqual([]);
    expect(r.law.raises).toEqual([]);
    const d = decoded(input);
    expect(exclusions(d.workers[0]!, d.employers[0]!, d.reference)).toEqual([
      { rule: "wage-during-placement", detail: "pays 1,040 yen; Kagawa minimum wage FY2026 rises to 1,102 yen from 2026-10-18 (expected, not published)" },
    ]);
    expect(r.unplaced[0]?.reason).toMatchObject({ kind: "no-eligible-slot", excludedBy: [{ rule: "wage-during-placement", count: 1 }] });
  });

  it("equal pay: a Japanese employee paid more in the same job is a raise from the start, or an exclusion", () => {
    const underpaid = { japaneseWage: 1100, hourlyWage: 1050 };
    const raise = solved(instance(underpaid, { reference: { minimumWages: { "37": 1036 } } }));
    expect(raise.law.raises.map((x) => x.text)).toEqual(["E031 must pay at least 1,100 yen from 2026-10-01 (now 1,050; equal pay (a Japanese employee in the same job))"]);
    const input = instance(underpaid, { placement: { start: "2026-10-01", wages: "exclude" }, reference: { minimumWages: { "37": 1036 } } });
    const d = decoded(input);
    expect(exclusions(d.workers[0]!, d.employers[0]!, d.reference)).toEqual([{ rule: "equal-pay", detail: "pays 1,050 yen, a Japanese employee in the same job 1,100 yen (equal pay)" }]);
  });

  it("a wage at every floor of the period needs nothing; a revision with no rate is reported, not assumed", () => {
    const r = solved(instance({ hourlyWage: 1200, japaneseWage: 1200 }));
    expect(r.law.raises).toEqual([]);
    expect(r.law.wageReliance.map((x) => x.text)).toEqual([
      "1 placements at 1 employers run past Kagawa minimum wage FY2026, due about 2026-10-18 and not published: their wages are checked against no revision (state it in reference.expectedMinimumWages)",
    ]);
  });
});
