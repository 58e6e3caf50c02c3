/**
 * Metamorphic suite for what-ifs: a variation changes only what it names
 * (common random numbers), so its effect on placements has a known sign.
 *
 * The oracle is not the solver's answer but a relation between two answers:
 * - more slots in a group (its employers can hold them: at most 30 each)
 *   never lowers placements, and takes no slot from any employer;
 * - another prefecture never lowers placements, and leaves every worker and
 *   every employer of the scenario exactly as it was;
 * - one Japanese level more for everyone never lowers placements, and changes
 *   nothing but the workers' language evidence;
 * - the same scenario and seed give the same instance, byte for byte, and a
 *   variation that changes nothing (factor 1, shift 0) gives the scenario's
 *   own instance.
 * Each holds because placements come first in the objective
 * (src/model/objective.ts) and the varied instance only relaxes the base
 * one: the base plan stays feasible.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { EmployerInput, WorkerInput } from "../../src/input/codecs.js";
import { formatIssues } from "../../src/input/issues.js";
import { match } from "../../src/match.js";
import { scenarioInstance, type ScenarioInstance } from "../../src/scenario/instance.js";
import type { Change, Scenario } from "../../src/scenario/types.js";
import { applyVariation } from "../../src/scenario/variations.js";
import { fcOptions } from "../support/seed.js";

const FIELDS = ["nursing-care", "construction", "food-manufacturing", "industrial-products"] as const;
const PREFECTURES = ["33", "34", "36", "37", "38", "39"] as const;

const ok = <A>(e: E.Either<readonly { path: string; message?: string }[], A>): A => {
  if (E.isLeft(e)) throw new Error(formatIssues(e.left as never));
  return e.right;
};

const instanceOf = (s: Scenario): ScenarioInstance => ok(scenarioInstance(s));
const placed = (i: ScenarioInstance): number => {
  const r = ok(match(i));
  expect(r.status).toBe("optimal");
  return r.summary.placed;
};
const varied = (s: Scenario, c: Change): Scenario => ok(applyVariation(s, { name: "v", changes: [c] }));
const bytes = (x: unknown): string => JSON.stringify(x);

/**
 * Small scenarios, 20..90 workers, 1..3 prefectures with 1..3 fields each, at
 * most 15 slots an employer so that doubling a group's slots keeps its employers.
 */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.oneof(fc.integer(), fc.string({ maxLength: 6 })),
    size: fc.integer({ min: 20, max: 90 }),
    shift: fc.integer({ min: -1, max: 1 }),
    prefectures: fc.uniqueArray(fc.constantFrom(...PREFECTURES.slice(0, 4)), { minLength: 1, maxLength: 3 }),
    demand: fc.array(
      fc.record({
        fields: fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 }),
        employers: fc.integer({ min: 1, max: 4 }),
        perEmployer: fc.integer({ min: 1, max: 15 }),
      }),
      { minLength: 3, maxLength: 3 },
    ),
  })
  .map(({ seed, size, shift, prefectures, demand }) => ({
    name: "arb",
    seed,
    cohort: { size, languageShift: shift, fieldMix: { "nursing-care": 2, construction: 1, "food-manufacturing": 1, "industrial-products": 1 } },
    prefectures: prefectures.map((prefecture, i) => {
      const d = demand[i % demand.length] as (typeof demand)[number];
      return { prefecture, demand: d.fields.map((field) => ({ field, employers: d.employers, slots: d.employers * d.perEmployer })) };
    }),
  }));

/** A scale-slots change by 1..2 of one group, one field, one prefecture, or all. */
const slotsChangeArb = (s: Scenario): fc.Arbitrary<Extract<Change, { kind: "scale-slots" }>> => {
  const groups = s.prefectures.flatMap((p) => p.demand.map((d) => [p.prefecture, d.field] as const));
  return fc.record({
    factor: fc.double({ min: 1, max: 2, noNaN: true }),
    which: fc.constantFrom(...groups),
    scope: fc.constantFrom("group", "field", "prefecture", "all"),
  }).map(({ factor, which: [prefecture, field], scope }) => ({
    kind: "scale-slots" as const,
    factor,
    ...(scope === "group" || scope === "field" ? { field } : {}),
    ...(scope === "group" || scope === "prefecture" ? { prefecture } : {}),
  }));
};

const byId = <T extends { id: string }>(rows: readonly T[]): Map<string, T> => new Map(rows.map((r) => [r.id, r]));
const withoutLanguage = (w: WorkerInput): Omit<WorkerInput, "language"> => {
  const { language: _language, ...rest } = w;
  return rest;
};
/** What an employer is apart from its slots and what follows them (staff, housing, plan headcount, support organisation's size). */
const apartFromSlots = (e: EmployerInput): unknown => {
  const { slots: _s, fullTimeStaff: _f, japaneseCareStaff: _j, housing: _h, declarations, sswEmployed: _e, ...rest } = e;
  const { acceptancePlan, ...decl } = declarations ?? {};
  return { ...rest, declarations: decl, approved: acceptancePlan?.approved };
};

describe("what-ifs change only what they name (metamorphic)", () => {
  it("gives the same instance, byte for byte, for the same scenario and seed, and for a variation that changes nothing", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const base = bytes(instanceOf(s));
        expect(bytes(instanceOf(JSON.parse(JSON.stringify(s)) as Scenario))).toBe(base);
        expect(bytes(instanceOf(varied(s, { kind: "scale-slots", factor: 1 })))).toBe(base);
        expect(bytes(instanceOf(varied(s, { kind: "language-shift", by: 0 })))).toBe(base);
      }),
      fcOptions(25),
    );
  });

  it("more slots never lower placements, and no employer loses a slot", () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) => fc.tuple(fc.constant(s), slotsChangeArb(s))),
        ([s, change]) => {
          const a = instanceOf(s);
          const b = instanceOf(varied(s, change));
          expect(b.workers).toEqual(a.workers);
          const after = byId(b.employers);
          expect(after.size).toBe(a.employers.length);
          for (const e of a.employers) {
            const f = after.get(e.id) as EmployerInput;
            expect(f.slots).toBeGreaterThanOrEqual(e.slots);
            expect(apartFromSlots(f)).toEqual(apartFromSlots(e));
            if (f.slots === e.slots) expect(f).toEqual(e);
          }
          expect(placed(b)).toBeGreaterThanOrEqual(placed(a));
        },
      ),
      fcOptions(30),
    );
  });

  it("another prefecture never lowers placements, and leaves the workers and the scenario's employers as they were", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom("38", "39", "33"),
        fc.double({ min: 0.3, max: 1.5, noNaN: true }),
        (s, extra, factor) => {
          fc.pre(!s.prefectures.some((p) => p.prefecture === extra));
          const a = instanceOf(s);
          const b = instanceOf(varied(s, { kind: "add-prefecture", prefecture: extra, like: s.prefectures[0]?.prefecture as string, factor }));
          expect(bytes(b.workers)).toBe(bytes(a.workers));
          expect(b.employers.filter((e) => e.prefecture !== extra)).toEqual(a.employers);
          const orgs = new Set(a.employers.map((e) => e.support));
          expect((b.supportOrganisations ?? []).filter((o) => orgs.has(o.id))).toEqual(a.supportOrganisations ?? []);
          expect(placed(b)).toBeGreaterThanOrEqual(placed(a));
        },
      ),
      fcOptions(30),
    );
  });

  it("one Japanese level more never lowers placements, and changes only the workers' language", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const a = instanceOf(s);
        const b = instanceOf(varied(s, { kind: "language-shift", by: 1 }));
        expect(bytes(b.employers)).toBe(bytes(a.employers));
        expect(b.workers.map(withoutLanguage)).toEqual(a.workers.map(withoutLanguage));
        expect(b.workers.some((w, i) => bytes(w.language) !== bytes(a.workers[i]?.language))).toBe(true);
        expect(placed(b)).toBeGreaterThanOrEqual(placed(a));
      }),
      fcOptions(30),
    );
  });
});
