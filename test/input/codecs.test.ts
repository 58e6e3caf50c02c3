/**
 * Every codec of the input format round-trips the values its arbitrary
 * generates, and every generated instance passes the full decoder.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import type * as t from "io-ts";
import { describe, expect, it } from "vitest";
import {
  CertificationCodec,
  EmployerCodec,
  InstanceCodec,
  LanguageEvidenceCodec,
  LanguageRequirementCodec,
  PreferencesCodec,
  ReferenceCodec,
  SkillCodec,
  WeightsCodec,
  WorkerCodec,
} from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { formatIssues } from "../../src/input/issues.js";
import {
  certificationArb,
  employerArb,
  instanceArb,
  languageEvidenceArb,
  languageRequirementArb,
  preferencesArb,
  referenceArb,
  skillArb,
  weightsArb,
  workerArb,
} from "../support/input-arbitraries.js";

const seed = Number(process.env.FC_SEED ?? 20261127);
console.log(`fast-check seed ${seed} (set FC_SEED to replay another)`);
const opts = (numRuns: number) => ({ seed, numRuns, verbose: 1 as const });

const roundTrips = <A, O>(codec: t.Type<A, O, unknown>, arb: fc.Arbitrary<A>, numRuns: number): void =>
  fc.assert(
    fc.property(arb, (v) => {
      const decoded = codec.decode(codec.encode(v));
      if (E.isLeft(decoded)) throw new Error(`${codec.name} rejected its own arbitrary value ${JSON.stringify(v)}`);
      expect(decoded.right).toEqual(v);
      expect(codec.is(v)).toBe(true);
    }),
    opts(numRuns),
  );

describe("codecs round-trip (decode . encode = id on well-formed values)", () => {
  it("LanguageEvidence", () => roundTrips(LanguageEvidenceCodec, languageEvidenceArb, 50));
  it("LanguageRequirement", () => roundTrips(LanguageRequirementCodec, languageRequirementArb, 50));
  it("Certification", () => roundTrips(CertificationCodec, certificationArb, 100));
  it("Skill", () => roundTrips(SkillCodec, skillArb, 200));
  it("Preferences", () => roundTrips(PreferencesCodec, preferencesArb, 200));
  it("Worker", () => roundTrips(WorkerCodec, workerArb, 200));
  it("Employer", () => roundTrips(EmployerCodec, employerArb, 200));
  it("Weights", () => roundTrips(WeightsCodec, weightsArb, 100));
  it("Reference", () => roundTrips(ReferenceCodec, referenceArb, 200));
  it("Instance", () => roundTrips(InstanceCodec, instanceArb, 200));
});

describe("decodeInstance on generated instances", () => {
  it("accepts every generated instance and keeps every row", () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const decoded = decodeInstance(input);
        if (E.isLeft(decoded)) throw new Error(`rejected a generated instance:\n${formatIssues(decoded.left)}`);
        const instance = decoded.right;
        expect(instance.workers.map((w) => w.id).sort()).toEqual(input.workers.map((w) => w.id).sort());
        expect(instance.employers.map((e) => e.id).sort()).toEqual(input.employers.map((e) => e.id).sort());
        // every employer has a recorded wage floor, and pays at least that
        for (const e of instance.employers) {
          const floor = instance.reference.wageFloor.get(e.id);
          expect(floor).toBeDefined();
          expect(e.hourlyWage).toBeGreaterThanOrEqual(floor?.amount ?? Infinity);
        }
      }),
      opts(300),
    );
  });

  it("accepts the same instances built from null-prototype objects", () => {
    const nullProto = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(nullProto)
        : typeof v === "object" && v !== null
          ? Object.assign(Object.create(null) as object, Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nullProto(x)])))
          : v;
    fc.assert(
      fc.property(instanceArb, (input) => {
        expect(decodeInstance(nullProto(input))).toEqual(decodeInstance(input));
      }),
      opts(100),
    );
  });
});
