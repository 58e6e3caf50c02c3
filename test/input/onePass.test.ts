/**
 * Decoding in one walk (src/input/semantic.ts, shape.ts, rows.ts) against
 * the decoder before it (test/support/decodeOracle.ts): its structural
 * checks say yes only where the codecs' `is` says yes (and yes to rows in
 * canonical form), inputs with hidden, inherited or missing properties take
 * the codecs' way and give what the oracle gives, lists shared between rows
 * are right for every row that holds them, and the decoded instance shares
 * nothing mutable with the caller's input.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEPARTURE_ITEMS } from "../../src/domain/law.js";
import { LANGUAGE_EVIDENCE } from "../../src/domain/language.js";
import { generateInstance } from "../../src/generate/generate.js";
import { EmployerCodec, InstanceCodec, WorkerCodec, type InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { freezeInput } from "../../src/input/freeze.js";
import { canonical, isEmployerRow, isInstanceShell, isWorkerRow, WORKER_ROW_KEYS } from "../../src/input/shape.js";
import { canonicalText, oracleDecodeInstance } from "../support/decodeOracle.js";
import { DEFAULT_FIELDS, instanceArb, instanceArbitrary, isoDateArb } from "../support/input-arbitraries.js";
import { mutate, mutationArb } from "../support/mutations.js";
import { fcOptions } from "../support/seed.js";

const sameAsOracle = (input: unknown): void => {
  const expected = oracleDecodeInstance(structuredClone(input));
  const actual = decodeInstance(input);
  expect(canonicalText(actual)).toBe(canonicalText(expected));
  expect(actual).toStrictEqual(expected);
};

const generatedArb = fc.record({ seed: fc.nat(), workers: fc.integer({ min: 0, max: 40 }), employers: fc.integer({ min: 1, max: 8 }) }).map((p) => generateInstance(p));

type Rows = { workers: Record<string, unknown>[]; employers: Record<string, unknown>[] } & Record<string, unknown>;

const rowsOf = (u: unknown, list: "workers" | "employers"): unknown[] => {
  const rows = (u as Record<string, unknown> | null)?.[list];
  return Array.isArray(rows) ? rows : [];
};

describe("the structural checks of the single walk", () => {
  const byTable = canonical(WorkerCodec);

  it("say yes only where the codecs' is says yes, and yes to every row in canonical form", () => {
    fc.assert(
      fc.property(fc.oneof(instanceArb, generatedArb), fc.array(mutationArb, { maxLength: 3 }), (input, mutations) => {
        const u = mutate(input, mutations);
        for (const row of rowsOf(u, "workers")) {
          expect(isWorkerRow(row)).toBe(byTable(row));
          // The codecs' check passes sparse lists (every skips holes); the walk's does not, and leaves them to the codecs.
          if (isWorkerRow(row)) expect(WorkerCodec.is(row)).toBe(true);
          else if (WorkerCodec.is(row)) expect(JSON.stringify(row)).toContain("null");
        }
        for (const row of rowsOf(u, "employers")) {
          if (isEmployerRow(row)) expect(EmployerCodec.is(row)).toBe(true);
          else if (EmployerCodec.is(row)) expect(JSON.stringify(row)).toContain("null");
        }
        const rowsPass = rowsOf(u, "workers").every(isWorkerRow) && rowsOf(u, "employers").every(isEmployerRow);
        if (isInstanceShell(u) && rowsPass) expect(InstanceCodec.is(u)).toBe(true);
      }),
      fcOptions(300),
    );
    fc.assert(
      fc.property(fc.oneof(instanceArb, generatedArb), (input) => {
        expect(isInstanceShell(input)).toBe(true);
        for (const row of input.workers) expect(isWorkerRow(row)).toBe(true);
        for (const row of input.employers) expect(isEmployerRow(row)).toBe(true);
      }),
      fcOptions(100),
    );
  });

  it("the worker check by hand knows exactly the worker's properties", () => {
    const required = Object.keys(WorkerCodec.required);
    expect([...WORKER_ROW_KEYS].sort()).toEqual([...required, ...Object.keys(WorkerCodec.optional)].sort());
    expect(WORKER_ROW_KEYS.slice(0, required.length).sort()).toEqual([...required].sort());
  });

  it("leave hidden, inherited and missing properties to the codecs, which give what the old decoder gave", () => {
    const input = generateInstance({ seed: 3, workers: 6, employers: 3 }) as unknown as Rows;
    const cases: ((u: Rows) => void)[] = [
      // a property that is not enumerable: the codecs still read it
      (u) => Object.defineProperty(u.workers[1], "group", { value: 12, enumerable: false }),
      (u) => Object.defineProperty(u.workers[1], "group", { value: "g", enumerable: false }),
      (u) => Object.defineProperty(u.employers[0], "slots", { value: -1, enumerable: false }),
      (u) => Object.defineProperty(u.employers[0], "minLanguage", { value: "N9", enumerable: false }),
      // a row whose properties are inherited, or with no prototype
      (u) => void (u.workers[2] = Object.create(u.workers[2] as object) as Record<string, unknown>),
      (u) => void (u.workers[2] = Object.assign(Object.create(null) as object, u.workers[2]) as Record<string, unknown>),
      (u) => void (u.workers[0] = Object.assign(Object.create({ group: "inherited" }) as object, u.workers[0]) as Record<string, unknown>),
      // a sparse list
      (u) => void ((u.workers[0] as Record<string, unknown>)["language"] = [, "N4"]), // eslint-disable-line no-sparse-arrays
      (u) => void ((u.workers[0] as Record<string, unknown>)["departure"] = ["bpjs", , "orientation"]), // eslint-disable-line no-sparse-arrays
      // an own property holding undefined
      (u) => void ((u.workers[3] as Record<string, unknown>)["skills"] = undefined),
    ];
    for (const change of cases) {
      const u = structuredClone(input);
      change(u);
      expect(decodeInstance(u)).toStrictEqual(oracleDecodeInstance(u));
      expect(canonicalText(decodeInstance(u))).toBe(canonicalText(oracleDecodeInstance(u)));
    }
  });
});

describe("lists shared between rows", () => {
  const category = (f: (typeof DEFAULT_FIELDS)[number], pick: number): string | undefined => f.jobCategories[pick % Math.max(1, f.jobCategories.length)]?.id;
  // Certifications from a small palette, so that rows repeat lists, in and out of order, with repeats, unknown fields and job categories.
  const certificationArb = fc
    .record({ field: fc.nat(DEFAULT_FIELDS.length), via: fc.constantFrom("skills-test", "titp-2", "care-school", "epa"), category: fc.option(fc.nat(6)), odd: fc.nat(9) })
    .map(({ field, via, category: pick, odd }) => {
      const f = DEFAULT_FIELDS[field];
      const id = f === undefined ? "no-such-field" : f.id;
      const jobCategory = pick === null || f === undefined ? undefined : odd === 0 ? "no-such-category" : (category(f, pick) ?? (odd < 3 ? "free-text" : undefined));
      return jobCategory === undefined ? { field: id, via } : { field: id, via, jobCategory };
    });
  const rowArb = fc.record({
    certifications: fc.array(certificationArb, { maxLength: 4 }),
    language: fc.array(fc.constantFrom(...LANGUAGE_EVIDENCE), { maxLength: 4 }),
    departure: fc.array(fc.constantFrom(...DEPARTURE_ITEMS), { maxLength: 5 }),
    skills: fc.array(fc.record({ name: fc.constantFrom("welding", " Welding ", "forklift"), level: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), years: fc.option(fc.constantFrom(0, -0, 1, 2.5), { nil: undefined }) }, { requiredKeys: ["name"] }), { maxLength: 2 }),
    fields: fc.array(fc.constantFrom("caregiving", "manufacturing", "nursing-care", "no-such-sector"), { maxLength: 2 }),
    prefectures: fc.array(fc.constantFrom("37", "Kagawa", "kagawa", "13", "Atlantis"), { maxLength: 2 }),
  });

  it("give every row what the old decoder gave it, and are frozen", () => {
    fc.assert(
      fc.property(generatedArb, fc.array(rowArb, { minLength: 1, maxLength: 30 }), fc.boolean(), (generated, rows, freeze) => {
        const u = structuredClone(generated) as unknown as Rows;
        u.workers.forEach((w, i) => {
          const r = rows[i % rows.length] as (typeof rows)[number];
          Object.assign(w, { certifications: r.certifications, language: r.language, departure: r.departure, skills: r.skills, preferences: { fields: r.fields, prefectures: r.prefectures } });
        });
        const expected = oracleDecodeInstance(structuredClone(u));
        const actual = decodeInstance(freeze ? freezeInput(u) : u);
        expect(canonicalText(actual)).toBe(canonicalText(expected));
        expect(actual).toStrictEqual(expected);
        if (E.isRight(actual)) {
          for (const w of actual.right.workers) for (const list of [w.language, w.departure, w.certifications, w.skills, w.fieldPreferences, w.prefecturePreferences]) expect(Object.isFrozen(list)).toBe(true);
          // Equal preference lists are one list, whatever their length (their items in order), as are language results.
          const byText = new Map<string, unknown>();
          for (const w of actual.right.workers)
            for (const [what, list] of [["f", w.fieldPreferences], ["p", w.prefecturePreferences], ["l", w.language]] as const) {
              const key = what + JSON.stringify(list);
              if (!byText.has(key)) byText.set(key, list);
              expect(list).toBe(byText.get(key));
            }
        }
      }),
      fcOptions(150),
    );
  });

  it("tell -0 from 0 where the old decoder did", () => {
    const u = generateInstance({ seed: 5, workers: 3, employers: 2 }) as unknown as Rows;
    (u.workers[0] as Record<string, unknown>)["skills"] = [{ name: "welding", years: 0 }];
    (u.workers[1] as Record<string, unknown>)["skills"] = [{ name: "welding", years: -0 }];
    (u.workers[2] as Record<string, unknown>)["skills"] = [{ name: "welding", years: 0 }];
    (u.employers[0] as Record<string, unknown>)["japaneseWage"] = -0;
    const actual = decodeInstance(u);
    expect(actual).toStrictEqual(oracleDecodeInstance(structuredClone(u)));
    if (E.isRight(actual)) expect(Object.is(actual.right.workers.find((w) => w.id === (u.workers[1] as { id: string }).id)?.skills[0]?.years, -0)).toBe(true);
  });
});

describe("the decoded instance", () => {
  /** Every array and object in `root`, changed in place: strings reversed, numbers plus one, lists emptied after. */
  const scramble = (root: unknown): void => {
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) {
        v.forEach(visit);
        v.push("changed");
        v.reverse();
      } else if (typeof v === "object" && v !== null) {
        for (const [k, x] of Object.entries(v)) {
          visit(x);
          (v as Record<string, unknown>)[k] = typeof x === "string" ? `${x}!` : typeof x === "number" ? x + 1 : x;
        }
      }
    };
    visit(root);
  };

  it("shares nothing the caller can change with the input it came from", () => {
    fc.assert(
      fc.property(fc.oneof(instanceArbitrary({ minWorkers: 1 }), generatedArb), (input: InstanceInput) => {
        const u = structuredClone(input);
        const decoded = decodeInstance(u);
        const before = canonicalText(decoded);
        scramble(u);
        expect(canonicalText(decoded)).toBe(before);
      }),
      fcOptions(100),
    );
  });

  it("is the same whatever the order of the rows, with repeated ids reported as before", () => {
    fc.assert(
      fc.property(generatedArb, fc.array(fc.nat(), { maxLength: 6 }), isoDateArb, (input, picks, date) => {
        const u = structuredClone(input) as unknown as Rows;
        // shuffled by the picks, with some rows repeated (the same id twice) and one row's date changed
        for (const p of picks) {
          const list = p % 2 === 0 ? u.workers : u.employers;
          if (list.length === 0) continue;
          const k = p % list.length;
          if (p % 3 === 0) list.push(structuredClone(list[k] as Record<string, unknown>));
          else list.unshift(...list.splice(k, 1));
        }
        if (u.workers[0] !== undefined) u.workers[0]["availableFrom"] = date;
        sameAsOracle(u);
      }),
      fcOptions(150),
    );
  });
});
