/**
 * The fast decoder against the decoder it replaced (test/support/decodeOracle.ts):
 * the same `Instance` (every value, object keys and Map entries in the same
 * order) and the same issues in the same order, on generated instances and
 * on instances with random mutations; its date and string checks against
 * the old ones; its wage scheduler against `wageSchedule`.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPrefecture, PREFECTURES } from "../../src/domain/prefectures.js";
import { generateInstance } from "../../src/generate/generate.js";
import { InstanceCodec, WorkerCodec, EmployerCodec } from "../../src/input/codecs.js";
import { isoDate, nonEmptyString } from "../../src/input/combinators.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { PlacementPeriod } from "../../src/input/instance.js";
import { wageSchedule, wageScheduler, type WageInputs } from "../../src/rules/wages.js";
import { canonicalText, oldIs, oldIsCalendarDate, oracleDecodeInstance } from "../support/decodeOracle.js";
import { instanceArb, instanceArbitrary, isoDateArb, INDUSTRY_PALETTE } from "../support/input-arbitraries.js";
import { fcOptions } from "../support/seed.js";
import { mutate, mutationArb } from "../support/mutations.js";


const sameAsOracle = (input: unknown): void => {
  const expected = oracleDecodeInstance(structuredClone(input));
  const actual = decodeInstance(input);
  expect(canonicalText(actual)).toBe(canonicalText(expected));
  expect(actual).toStrictEqual(expected);
};

/** The old date check, where it threw (on what Date.parse reads in its legacy way and Date does not) taken as "not a date". */
const oldDate = (u: unknown): boolean => {
  try {
    return oldIsCalendarDate(u);
  } catch {
    return false;
  }
};

const generatedArb = fc.record({ seed: fc.nat(), workers: fc.integer({ min: 0, max: 60 }), employers: fc.integer({ min: 1, max: 12 }) }).map((p) => generateInstance(p));

// ---------------------------------------------------------------------------

describe("the structural fast path", () => {
  it("reads a calendar date exactly as the old check did, on every day of every month of telling years", () => {
    const two = (n: number): string => String(n).padStart(2, "0");
    for (const year of ["0000", "0001", "0004", "1582", "1900", "1999", "2000", "2024", "2025", "2100", "2400", "9999"]) {
      for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) expect(isoDate.is(`${year}-${two(m)}-${two(d)}`)).toBe(oldDate(`${year}-${two(m)}-${two(d)}`));
    }
  });

  it("says no, where the old check threw, to strings Date.parse reads in its legacy way (day 00 or 32 in the first centuries)", () => {
    for (const u of ["0001-01-00", "0001-01-32", "0001-02-00", "0012-12-32"]) {
      expect(() => oldIsCalendarDate(u)).toThrow(RangeError);
      expect(isoDate.is(u)).toBe(false);
      const input = generateInstance({ seed: 1, workers: 1, employers: 1 }) as unknown as { workers: Record<string, unknown>[] };
      (input.workers[0] as Record<string, unknown>)["birthDate"] = u;
      const decoded = decodeInstance(input);
      expect(E.isLeft(decoded) && decoded.left.map((i) => i.path)).toEqual(["workers[0].birthDate"]);
    }
  });

  it("... and on strings near a date (other digits, signs, spaces, lengths, non-strings)", () => {
    const charArb = fc.constantFrom("0", "1", "2", "3", "9", "-", "+", " ", "a", "٣", "\n", "");
    const nearDate = fc.tuple(isoDateArb, fc.nat(11), charArb).map(([d, i, c]) => d.slice(0, i) + c + d.slice(i + 1));
    fc.assert(
      fc.property(fc.oneof(nearDate, isoDateArb.map((d) => `${d}\n`), fc.string(), fc.anything()), (u) => {
        expect(isoDate.is(u)).toBe(oldDate(u));
      }),
      fcOptions(2000),
    );
  });

  it("reads a non-empty string as trim did", () => {
    const blank = fc.constantFrom(" ", "\t", "\n", "\u00a0", "\u3000", "\ufeff", "\u2028", "x", "\u0000", "\u007f");
    fc.assert(
      fc.property(fc.oneof(fc.array(blank).map((xs) => xs.join("")), fc.string({ unit: "binary" }), fc.anything()), (u) => {
        expect(nonEmptyString.is(u)).toBe(typeof u === "string" && u.trim() !== "");
      }),
      fcOptions(2000),
    );
  });

  it("accepts exactly what the old closed-object check accepted, on generated and mutated instances", () => {
    fc.assert(
      fc.property(fc.oneof(instanceArb, generatedArb), fc.array(mutationArb, { maxLength: 3 }), (input, mutations) => {
        const u = mutate(input, mutations);
        expect(InstanceCodec.is(u)).toBe(oldIs(InstanceCodec, u));
        for (const row of (u as { workers?: unknown }).workers instanceof Array ? ((u as { workers: unknown[] }).workers) : []) expect(WorkerCodec.is(row)).toBe(oldIs(WorkerCodec, row));
        for (const row of (u as { employers?: unknown }).employers instanceof Array ? ((u as { employers: unknown[] }).employers) : []) expect(EmployerCodec.is(row)).toBe(oldIs(EmployerCodec, row));
      }),
      fcOptions(400),
    );
  });
});

describe("the decoder gives what the old decoder gave", () => {
  it("on generated instances", () => {
    fc.assert(fc.property(instanceArb, (input) => sameAsOracle(input)), fcOptions(200));
  });

  it("on the generator's instances", () => {
    fc.assert(fc.property(generatedArb, (input) => sameAsOracle(input)), fcOptions(40));
  });

  it("on instances with a few random mutations (values, issues and their order)", () => {
    fc.assert(
      fc.property(fc.oneof(instanceArbitrary({ minWorkers: 1, minEmployers: 1 }), generatedArb), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (input, mutations) => {
        sameAsOracle(mutate(input, mutations));
      }),
      fcOptions(400),
    );
  });

  it("on instances whose lists need sorting and deduplicating, with overrides and expected minimum wages", () => {
    const rowsArb = fc.record({
      language: fc.shuffledSubarray(["N5", "N4", "N3", "JFT-Basic A2", "N4"], { minLength: 1 }),
      departure: fc.shuffledSubarray(["health-check", "bpjs", "orientation", "job-order"]),
      override: fc.option(fc.tuple(fc.constantFrom("37", "Kagawa", "38", "13"), fc.integer({ min: 900, max: 1300 }))),
      expected: fc.array(fc.record({ prefecture: fc.constantFrom("37", "38", "Tokyo"), amount: fc.integer({ min: 1000, max: 1300 }), from: isoDateArb }), { maxLength: 3 }),
      industry: fc.option(fc.constantFrom(...INDUSTRY_PALETTE, "shipbuildng", "retail-trade")),
    });
    fc.assert(
      fc.property(generatedArb, rowsArb, (input, r) => {
        const u = structuredClone(input) as unknown as Record<string, unknown> & { workers: Record<string, unknown>[]; employers: Record<string, unknown>[] };
        u.workers.forEach((w, i) => {
          if (i % 2 === 0) w["language"] = r.language;
          if (i % 3 === 0) w["departure"] = r.departure;
        });
        u.employers.forEach((e, i) => {
          if (i % 2 === 0 && r.industry !== null) e["industry"] = r.industry;
        });
        const reference = (u["reference"] ?? {}) as Record<string, unknown>;
        u["reference"] = { ...reference, ...(r.override === null ? {} : { minimumWages: { [r.override[0]]: r.override[1] } }), expectedMinimumWages: r.expected };
        sameAsOracle(u);
      }),
      fcOptions(150),
    );
  });
});

describe("the wage scheduler", () => {
  it("gives each employer what wageSchedule gives, whatever order the employers come in", () => {
    const inputsArb = fc.record({
      prefecture: fc.constantFrom(...PREFECTURES),
      industry: fc.option(fc.constantFrom(...INDUSTRY_PALETTE)),
      hourlyWage: fc.integer({ min: 800, max: 1400 }),
      japaneseWage: fc.integer({ min: 0, max: 1400 }),
      override: fc.option(fc.integer({ min: 800, max: 1300 }), { nil: undefined }),
      expected: fc.constantFrom(0, 1, 2),
    });
    const expectedLists: WageInputs["expected"][] = [
      [],
      [{ industry: null, amount: 1150, from: "2026-10-01", source: "reference.expectedMinimumWages[0]" }],
      [
        { industry: "shipbuilding", amount: 1200, from: "2026-12-01", source: "reference.expectedMinimumWages[1]: a note" },
        { industry: null, amount: 1100, from: "2027-01-01", source: "reference.expectedMinimumWages[2]" },
      ],
    ];
    const periodArb = fc.tuple(isoDateArb, fc.integer({ min: 1, max: 36 })).map(([start, months]): PlacementPeriod => {
      const [y, m, d] = start.split("-").map(Number) as [number, number, number];
      const index = y * 12 + (m - 1) + months;
      const endMonth = (index % 12) + 1;
      const last = new Date(Date.UTC(Math.floor(index / 12), endMonth, 0)).getUTCDate();
      const end = `${Math.floor(index / 12)}-${String(endMonth).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
      return { start, months, end, wages: "raise", startToleranceDays: 0 };
    });
    fc.assert(
      fc.property(periodArb, fc.array(inputsArb, { minLength: 1, maxLength: 12 }), (period, rows) => {
        const schedule = wageScheduler(period);
        for (const r of rows) {
          const i: WageInputs = { ...r, industry: r.industry, expected: expectedLists[r.expected] as WageInputs["expected"] };
          expect(findPrefecture(i.prefecture.code)).toBe(i.prefecture);
          const fast = schedule(i);
          expect(canonicalText(fast)).toBe(canonicalText(wageSchedule(i, period)));
          expect(fast).toStrictEqual(wageSchedule(i, period));
        }
      }),
      fcOptions(300),
    );
  });
});

describe("decoding never throws", () => {
  it("on mutated instances with sparse lists", () => {
    const input = generateInstance({ seed: 7, workers: 10, employers: 3 }) as unknown as { workers: Record<string, unknown>[] };
    const sparse = structuredClone(input);
    // eslint-disable-next-line no-sparse-arrays
    (sparse.workers[0] as Record<string, unknown>)["language"] = [, "N4"];
    expect(() => decodeInstance(sparse)).not.toThrow();
    expect(E.isRight(decodeInstance(sparse))).toBe(E.isRight(oracleDecodeInstance(sparse)));
  });
});
