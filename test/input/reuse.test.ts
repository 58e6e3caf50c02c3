/**
 * Rows decoded before, reused (src/input/reuse.ts): decoding an input that
 * shares frozen rows with one decoded before gives exactly what decoding a
 * fresh, unfrozen copy gives (and what the old decoder gave), after random
 * edits of rows and of everything a row's decoding reads besides the row;
 * a row that is not deeply frozen is never reused.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import type { EmployerInput, InstanceInput, WorkerInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { deepFreeze, freezeInput, isDeepFrozen } from "../../src/input/freeze.js";
import type { Instance } from "../../src/input/instance.js";
import { match } from "../../src/match.js";
import { canonicalText, oracleDecodeInstance } from "../support/decodeOracle.js";
import { instanceArbitrary, isoDateArb } from "../support/input-arbitraries.js";
import { fcOptions } from "../support/seed.js";

type Row = Record<string, unknown>;

const right = (d: E.Either<readonly unknown[], Instance>): Instance => {
  if (E.isLeft(d)) throw new Error(`expected the input to decode: ${JSON.stringify(d.left.slice(0, 3))}`);
  return d.right;
};

/** An edit of the input after it was frozen and decoded; each keeps the other rows as they are (the same objects). */
type Edit =
  | { readonly kind: "worker"; readonly at: number; readonly change: Row }
  | { readonly kind: "employer"; readonly at: number; readonly change: Row }
  | { readonly kind: "remove-worker"; readonly at: number }
  | { readonly kind: "remove-employer"; readonly at: number }
  | { readonly kind: "override"; readonly key: string; readonly amount: number | null }
  | { readonly kind: "expected"; readonly prefecture: string; readonly amount: number; readonly from: string; readonly note: string | null }
  | { readonly kind: "organisations"; readonly keep: number }
  | { readonly kind: "placement"; readonly start: string | null; readonly months: number | null; readonly wages: "raise" | "exclude" | null }
  | { readonly kind: "catalogue"; readonly version: string };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("worker" as const),
      at: fc.nat(),
      change: fc.oneof(
        fc.record({ language: fc.shuffledSubarray(["N5", "N4", "N3", "N2", "JFT-Basic A2"], { minLength: 1 }) }),
        fc.record({ sswMonths: fc.integer({ min: 0, max: 70 }) }),
        fc.record({ availableFrom: isoDateArb }),
        fc.record({ formerInternAt: fc.constantFrom("nobody", "E0001", "E0002") }),
        fc.record({ birthDate: isoDateArb.map((d) => `19${d.slice(2)}`) }),
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("employer" as const),
      at: fc.nat(),
      change: fc.oneof(
        fc.record({ slots: fc.integer({ min: 0, max: 20 }) }),
        fc.record({ hourlyWage: fc.integer({ min: 900, max: 1400 }) }),
        fc.record({ support: fc.constantFrom("self", "RSO-nowhere") }),
        fc.record({ prefecture: fc.constantFrom("37", "Kagawa", "13", "99") }),
        fc.record({ industry: fc.constantFrom("shipbuilding", "shipbuildng", "retail") }),
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove-worker" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove-employer" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("override" as const), key: fc.constantFrom("37", "Kagawa", "13", "38", "01"), amount: fc.option(fc.integer({ min: 900, max: 1300 })) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("expected" as const),
      prefecture: fc.constantFrom("37", "13", "38", "01", "Ehime"),
      amount: fc.integer({ min: 1000, max: 1300 }),
      from: isoDateArb,
      note: fc.option(fc.constantFrom("assumed", "revised")),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("organisations" as const), keep: fc.nat(3) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("placement" as const),
      start: fc.option(isoDateArb),
      months: fc.option(fc.integer({ min: 1, max: 36 })),
      wages: fc.option(fc.constantFrom("raise" as const, "exclude" as const)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("catalogue" as const), version: fc.constantFrom("2024-09", "2025-01", "1999-01") }) },
);

/** The input after the edits, sharing every row no edit touched with `input` (the way re-planning builds one). */
const edited = (input: InstanceInput, edits: readonly Edit[]): InstanceInput => {
  let workers: WorkerInput[] = [...input.workers];
  let employers: EmployerInput[] = [...input.employers];
  let reference: Row = { ...(input.reference ?? {}) };
  let placement: Row | undefined = input.placement === undefined ? undefined : { ...input.placement };
  let organisations = input.supportOrganisations;
  for (const e of edits) {
    switch (e.kind) {
      case "worker":
        if (workers.length > 0) workers[e.at % workers.length] = { ...(workers[e.at % workers.length] as WorkerInput), ...e.change } as WorkerInput;
        break;
      case "employer":
        if (employers.length > 0) employers[e.at % employers.length] = { ...(employers[e.at % employers.length] as EmployerInput), ...e.change } as EmployerInput;
        break;
      case "remove-worker":
        if (workers.length > 0) workers = workers.filter((_, i) => i !== e.at % workers.length);
        break;
      case "remove-employer":
        if (employers.length > 0) employers = employers.filter((_, i) => i !== e.at % employers.length);
        break;
      case "override": {
        const { [e.key]: _dropped, ...rest } = (reference["minimumWages"] ?? {}) as Record<string, number>;
        reference = { ...reference, minimumWages: e.amount === null ? rest : { ...rest, [e.key]: e.amount } };
        break;
      }
      case "expected":
        reference = {
          ...reference,
          expectedMinimumWages: [
            { prefecture: e.prefecture, amount: e.amount, from: e.from, ...(e.note === null ? {} : { note: e.note }) },
            ...((reference["expectedMinimumWages"] ?? []) as unknown[]),
          ],
        };
        break;
      case "organisations":
        organisations = (organisations ?? []).slice(0, e.keep);
        break;
      case "placement":
        placement = {
          ...(placement ?? {}),
          ...(e.start === null ? {} : { start: e.start }),
          ...(e.months === null ? {} : { months: e.months }),
          ...(e.wages === null ? {} : { wages: e.wages }),
        };
        break;
      case "catalogue":
        reference = { ...reference, fieldCatalogue: e.version };
        break;
    }
  }
  return {
    ...input,
    workers,
    employers,
    reference: reference as InstanceInput["reference"],
    ...(placement === undefined ? {} : { placement: placement as InstanceInput["placement"] }),
    ...(organisations === undefined ? {} : { supportOrganisations: organisations }),
  };
};

/** Some workers name an employer as their former dormitory, so that removing it must be seen. */
const withFormerInterns = (input: InstanceInput): InstanceInput => ({
  ...input,
  workers: input.workers.map((w, i) => (i % 3 === 0 && input.employers.length > 0 ? { ...w, formerInternAt: (input.employers[i % input.employers.length] as EmployerInput).id } : w)),
});

const baseArb = fc.oneof(
  instanceArbitrary({ minWorkers: 1, maxWorkers: 8, minEmployers: 1, maxEmployers: 5 }),
  fc.record({ seed: fc.nat(), workers: fc.integer({ min: 1, max: 40 }), employers: fc.integer({ min: 1, max: 8 }) }).map((p) => generateInstance(p)),
).map(withFormerInterns);

describe("rows decoded before are reused", () => {
  it("decoding a frozen input after random edits gives what decoding a fresh copy gives, and what the old decoder gives", () => {
    fc.assert(
      fc.property(baseArb, fc.array(editArb, { maxLength: 6 }), (base, edits) => {
        const frozen = freezeInput(structuredClone(base));
        decodeInstance(frozen);
        const next = edited(frozen, edits);
        const fresh = decodeInstance(structuredClone(next));
        const reused = decodeInstance(next);
        expect(canonicalText(reused)).toBe(canonicalText(fresh));
        expect(reused).toStrictEqual(fresh);
        expect(canonicalText(reused)).toBe(canonicalText(oracleDecodeInstance(structuredClone(next))));
        // and again, now that the edited rows may be remembered too (freezing them as re-planning does)
        const again = decodeInstance(freezeInput({ ...next }));
        expect(canonicalText(again)).toBe(canonicalText(fresh));
      }),
      fcOptions(300),
    );
  });

  it("gives back the very same decoded rows for the rows it shares, and decodes the edited ones", () => {
    const input = freezeInput(generateInstance({ seed: 3, workers: 50, employers: 6 }));
    const first = right(decodeInstance(input));
    const w0 = input.workers[0] as WorkerInput;
    const next = { ...input, workers: [{ ...w0, sswMonths: w0.sswMonths + 1 }, ...input.workers.slice(1)] };
    const second = right(decodeInstance(next));
    const byId = (i: Instance): Map<string, unknown> => new Map([...i.workers, ...i.employers].map((x) => [x.id, x]));
    const a = byId(first);
    const b = byId(second);
    for (const [id, row] of b) expect(row === a.get(id)).toBe(id !== w0.id);
    expect(second.workers.find((w) => w.id === w0.id)?.sswMonths).toBe(w0.sswMonths + 1);
    expect(Object.isFrozen(b.get((input.workers[1] as WorkerInput).id))).toBe(true);
  });

  it("never reuses a row that is not deeply frozen: a row changed in place between two decodes is decoded again", () => {
    fc.assert(
      fc.property(baseArb, fc.nat(), fc.constantFrom("none", "shallow", "nested-open"), (base, pick, freezing) => {
        const input = structuredClone(base) as unknown as { workers: Row[]; employers: Row[] };
        const w = input.workers[pick % input.workers.length] as Row;
        const e = input.employers[pick % input.employers.length] as Row;
        const language = ["N5"];
        w["language"] = language;
        e["declarations"] = { ...(e["declarations"] as Row) };
        if (freezing !== "none") {
          Object.freeze(w);
          Object.freeze(e);
          if (freezing === "nested-open") {
            for (const row of [...input.workers, ...input.employers]) if (row !== w && row !== e) deepFreeze(row);
          }
        }
        decodeInstance(input);
        language[0] = "N2"; // inside a frozen row, the list is still open
        const declarations = e["declarations"] as Row;
        declarations["sectorCouncil"] = !(declarations["sectorCouncil"] === true);
        if (freezing === "none") e["hourlyWage"] = (e["hourlyWage"] as number) + 500;
        const again = decodeInstance(input);
        expect(canonicalText(again)).toBe(canonicalText(decodeInstance(structuredClone(input))));
      }),
      fcOptions(150),
    );
  });
});

describe("a frozen input downstream", () => {
  it("match on a frozen input, decoded once or twice, gives what match gives on the same input unfrozen (nothing downstream writes to a decoded row)", () => {
    const input = generateInstance({ seed: 11, workers: 300, employers: 30 });
    const text = (r: ReturnType<typeof match>): string => (E.isLeft(r) ? JSON.stringify(r.left) : JSON.stringify({ ...r.right, timings: null }));
    const plain = text(match(structuredClone(input)));
    const frozen = freezeInput(structuredClone(input));
    expect(text(match(frozen))).toBe(plain);
    expect(text(match(frozen))).toBe(plain);
  });
});

describe("deep freezing", () => {
  it("a getter, a date or an open nested list is not frozen data", () => {
    expect(isDeepFrozen(Object.freeze({ a: Object.freeze([1, 2]), b: "x" }))).toBe(true);
    expect(isDeepFrozen(Object.freeze({ a: [1, 2] }))).toBe(false);
    expect(isDeepFrozen(Object.freeze({ get a() { return Math.random(); } }))).toBe(false);
    expect(isDeepFrozen(Object.freeze({ d: Object.freeze(new Date(0)) }))).toBe(false);
    expect(isDeepFrozen(deepFreeze({ a: [{ b: [1] }], c: null }))).toBe(true);
    expect(isDeepFrozen(42)).toBe(true);
  });

  it("freezeInput freezes every row and section in place and returns the input", () => {
    const input = generateInstance({ seed: 5, workers: 5, employers: 2 });
    expect(freezeInput(input)).toBe(input);
    expect([...input.workers, ...input.employers, input.reference].every(isDeepFrozen)).toBe(true);
    expect(Object.isFrozen(input) && Object.isFrozen(input.workers)).toBe(true);
  });
});
