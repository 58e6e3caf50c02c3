/**
 * The one-walk decode of a worker row (src/input/workerWalk.ts) against the
 * old way, its oracle: the structural check `isWorkerRow` then
 * `decodeWorker`. A row the walk takes decodes to exactly what the old way
 * gives it, and the walk takes every row the old way passes without an
 * issue (unless it is frozen, which the decoder leaves to reuse); ages read
 * from a date's digits are `ageOn`'s.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageOn } from "../../src/domain/dates.js";
import { DEFAULT_FIELD_CATALOGUE_VERSION, findCatalogue, type FieldCatalogue } from "../../src/domain/fields.js";
import { DEPARTURE_ITEMS } from "../../src/domain/law.js";
import { LANGUAGE_EVIDENCE } from "../../src/domain/language.js";
import { generateInstance } from "../../src/generate/generate.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import type { InputIssue } from "../../src/input/issues.js";
import { decodeExpected, decodeOrganisations, decodePlacement } from "../../src/input/lawDecode.js";
import { rowContext, type RowContext } from "../../src/input/rows.js";
import { isWorkerRow } from "../../src/input/shape.js";
import { decodeWorker } from "../../src/input/workerRow.js";
import { ageReader, walkWorker } from "../../src/input/workerWalk.js";
import { instanceArb } from "../support/input-arbitraries.js";
import { mutate, mutationArb } from "../support/mutations.js";
import { fcOptions } from "../support/seed.js";

/** The context the decoder makes for an instance (src/input/semantic.ts), its caches fresh. */
const contextOf = (input: InstanceInput): RowContext => {
  const catalogue = findCatalogue(input.reference?.fieldCatalogue ?? DEFAULT_FIELD_CATALOGUE_VERSION) ?? (findCatalogue(DEFAULT_FIELD_CATALOGUE_VERSION) as FieldCatalogue);
  const ignored: InputIssue[] = [];
  return rowContext(input, catalogue, decodePlacement(input, ignored), decodeOrganisations(input, ignored), decodeExpected(input, ignored), new Set(input.employers.map((e) => e.id)));
};

const generatedArb = fc.record({ seed: fc.nat(), workers: fc.integer({ min: 0, max: 30 }), employers: fc.integer({ min: 1, max: 6 }) }).map((p) => generateInstance(p) as InstanceInput);

/** Rows with repeats, unknown values and odd lists, as in the shared-lists tests, plus the law's fields. */
const oddRowArb = fc.record(
  {
    language: fc.array(fc.constantFrom(...LANGUAGE_EVIDENCE, "N6"), { maxLength: 4 }),
    departure: fc.array(fc.constantFrom(...DEPARTURE_ITEMS), { maxLength: 5 }),
    certifications: fc.array(
      fc.record({ field: fc.constantFrom("nursing-care", "construction", "food-service", "no-such-field"), via: fc.constantFrom("skills-test", "titp-2", "care-school", "epa"), jobCategory: fc.constantFrom("free-text", "civil-engineering") }, { requiredKeys: ["field", "via"] }),
      { maxLength: 4 },
    ),
    preferences: fc.record({ fields: fc.array(fc.constantFrom("caregiving", "nursing-care", "no-such-sector"), { maxLength: 2 }), prefectures: fc.array(fc.constantFrom("37", "Kagawa", "Atlantis"), { maxLength: 2 }) }, { requiredKeys: [] }),
    birthDate: fc.constantFrom("1990-02-28", "2000-02-29", "2008-04-01", "2031-01-01"),
    age: fc.integer({ min: 16, max: 40 }),
    formerInternAt: fc.constantFrom("E1", "no-such-employer"),
    availableFrom: fc.constantFrom("2020-01-01", "2027-06-30"),
  },
  { requiredKeys: [] },
);

describe("a worker row decoded in one walk", () => {
  it("gives what the structural check and decodeWorker give, and is taken exactly where they pass without an issue", () => {
    fc.assert(
      fc.property(fc.oneof(instanceArb, generatedArb), fc.array(mutationArb, { maxLength: 3 }), fc.array(oddRowArb, { minLength: 1, maxLength: 6 }), fc.boolean(), (input, mutations, odd, frozenList) => {
        // The rows changed, the rest of the instance well formed (the context is made from it).
        const base = structuredClone(input.workers) as unknown as Record<string, unknown>[];
        base.forEach((w, i) => Object.assign(w, odd[i % Math.max(1, odd.length)] ?? {}));
        if (frozenList && base[0] !== undefined && Array.isArray(base[0]["language"])) Object.freeze(base[0]["language"]);
        const rows = mutate(base, mutations);
        if (!Array.isArray(rows)) return;
        const walkContext = contextOf(input);
        const oldContext = contextOf(input);
        const ages = ageReader(walkContext.placement.start);
        const scratch: InputIssue[] = [];
        rows.forEach((row: unknown, i) => {
          const walked = walkWorker(row, walkContext, ages, scratch);
          expect(scratch).toEqual([]);
          const issues: InputIssue[] = [];
          const old = isWorkerRow(row) ? decodeWorker(row, i, oldContext, issues) : undefined;
          const clean = old !== undefined && issues.length === 0;
          expect(walked !== undefined).toBe(clean);
          if (walked !== undefined) expect(walked).toStrictEqual(old);
        });
      }),
      fcOptions(400),
    );
  });

  it("reads ages from the digits of a date as ageOn does, in every month, on leap days and in the first centuries", () => {
    const dateArb = fc
      .record({ y: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1890, max: 2100 }), fc.integer({ min: 0, max: 9999 })), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .filter(({ y, m, d }) => d <= [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!)
      .map(({ y, m, d }) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const [birth, start] = a <= b ? [a, b] : [b, a];
        expect(ageReader(start).age(birth)).toBe(ageOn(birth, start));
      }),
      fcOptions(3000),
    );
    for (const [birth, start] of [["2000-02-29", "2026-02-28"], ["2000-02-29", "2028-02-28"], ["2000-02-29", "2028-02-29"], ["0000-02-29", "0001-02-28"], ["0004-02-29", "0100-02-28"], ["1990-12-31", "2026-01-01"]] as const) {
      expect(ageReader(start).age(birth)).toBe(ageOn(birth, start));
    }
  });
});
