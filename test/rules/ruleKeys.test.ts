/**
 * The rule keys (workerRuleKey, employerRuleKey) let the result count rules
 * once per key instead of once per worker or employer. That is only right if
 * two workers (or employers) with one key are excluded by the same rules, for
 * the same reasons, everywhere. Checked on valid instances to which twins are
 * added: a copy of each worker that takes another worker's training centre,
 * home province, preferences, age and care experience; a copy of each
 * employer that takes another's preferred skills and support organisation.
 * Some twins keep their original's key, some do not; every pair of equal keys
 * is compared rule for rule.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInstance } from "../../src/input/decode.js";
import type { EmployerInput, InstanceInput, WorkerInput } from "../../src/input/codecs.js";
import { eligibilityTable, employerPairKey, employerRuleKey, exclusions, isEligible, pairExclusions, workerPairKey, workerRuleKey } from "../../src/rules/eligibility.js";
import { workerBarriers } from "../../src/rules/worker.js";
import { instanceArbitrary } from "../support/input-arbitraries.js";
import { fcOptions } from "../support/seed.js";

const pick = <T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<T> =>
  Object.fromEntries(keys.flatMap((k) => (k in from ? [[k, from[k]]] : []))) as unknown as Partial<T>;

const workerTwin = (w: WorkerInput, other: WorkerInput): WorkerInput => {
  const { age: _age, birthDate: _birth, careExperienceMonths: _months, careInitialTraining: _training, preferences: _prefs, ...rest } = w;
  return {
    ...rest,
    ...pick(other, ["age", "birthDate", "careExperienceMonths", "careInitialTraining", "preferences", "trainingCentre", "homeProvince"]),
    id: `${w.id}-twin`,
  } as WorkerInput;
};

const employerTwin = (e: EmployerInput, other: EmployerInput): EmployerInput => {
  const { preferredSkills: _preferred, ...rest } = e;
  return { ...rest, ...pick(other, ["preferredSkills", "support"]), id: `${e.id}-twin` } as EmployerInput;
};

const withTwins = (input: InstanceInput): InstanceInput => {
  const ws = input.workers;
  const es = input.employers;
  return {
    ...input,
    workers: [...ws, ...ws.map((w, i) => workerTwin(w, ws[(i + 1) % ws.length] as WorkerInput))],
    employers: [...es, ...es.map((e, j) => employerTwin(e, es[(j + 1) % es.length] as EmployerInput))],
  };
};

const equalKeyPairs = <T>(items: readonly T[], key: (item: T) => string): [T, T][] => {
  const keys = items.map(key);
  return items.flatMap((a, i) => items.slice(i + 1).flatMap((b, k) => (keys[i] === keys[i + 1 + k] ? [[a, b] as [T, T]] : [])));
};

describe("rule keys", () => {
  it("workers with one rule key, and employers with one, are excluded by the same rules for the same reasons everywhere", () => {
    const compared = { workers: 0, employers: 0 };
    fc.assert(
      fc.property(instanceArbitrary({ minWorkers: 2, maxWorkers: 6, minEmployers: 2, maxEmployers: 5 }), (input) => {
        const decoded = decodeInstance(withTwins(input));
        if (E.isLeft(decoded)) return true; // a twin can be invalid (an age and a start that do not fit); others are not
        const { workers, employers, reference } = decoded.right;
        for (const [a, b] of equalKeyPairs(workers, (w) => workerRuleKey(w, reference))) {
          compared.workers++;
          for (const e of employers) expect(exclusions(b, e, reference)).toEqual(exclusions(a, e, reference));
        }
        for (const [a, b] of equalKeyPairs(employers, (e) => employerRuleKey(e, reference))) {
          compared.employers++;
          for (const w of workers) expect(exclusions(w, b, reference)).toEqual(exclusions(w, a, reference));
        }
        return true;
      }),
      fcOptions(150),
    );
    // not vacuous: many twins keep their original's key
    expect(compared.workers).toBeGreaterThan(30);
    expect(compared.employers).toBeGreaterThan(100);
  });

  it("pair keys hold what the pair rules read, and the rules of one side alone are the rest of the exclusions", () => {
    let compared = 0;
    fc.assert(
      fc.property(instanceArbitrary({ minWorkers: 2, maxWorkers: 6, minEmployers: 2, maxEmployers: 5 }), (input) => {
        const decoded = decodeInstance(withTwins(input));
        if (E.isLeft(decoded)) return true;
        const { workers, employers, reference } = decoded.right;
        for (const w of workers) {
          for (const e of employers) {
            expect(exclusions(w, e, reference)).toEqual([...pairExclusions(w, e, reference), ...workerBarriers(w, reference.placement), ...(reference.employerBarriers.get(e.id) ?? [])]);
          }
        }
        for (const [a, b] of equalKeyPairs(workers, (w) => workerPairKey(w, reference))) {
          compared++;
          for (const e of employers) expect(pairExclusions(b, e, reference)).toEqual(pairExclusions(a, e, reference));
        }
        for (const [a, b] of equalKeyPairs(employers, employerPairKey)) {
          compared++;
          for (const w of workers) expect(pairExclusions(w, b, reference)).toEqual(pairExclusions(w, a, reference));
        }
        return true;
      }),
      fcOptions(100),
    );
    expect(compared).toBeGreaterThan(100);
  });

  it("the eligibility table answers as isEligible does, pair after pair, in any order, in its table and in its map", () => {
    fc.assert(
      fc.property(instanceArbitrary({ minWorkers: 2, maxWorkers: 6, minEmployers: 2, maxEmployers: 5 }), fc.boolean(), fc.boolean(), (input, reversed, inMap) => {
        // With a twin of each of the first workers who has used up SSW (i) (a worker rule excludes her everywhere).
        const spent = input.workers.slice(0, 2).map((w) => ({ ...w, id: `${w.id}-spent`, sswMonths: 58 }) as WorkerInput);
        const decoded = decodeInstance(withTwins({ ...input, workers: [...input.workers, ...spent] }));
        if (E.isLeft(decoded)) return true;
        const { workers, employers, reference } = decoded.right;
        const ws = reversed ? [...workers].reverse() : workers;
        const { eligible } = eligibilityTable(reference, ws, employers, inMap ? 0 : undefined);
        for (let round = 0; round < 2; round++) ws.forEach((w, i) => employers.forEach((e, j) => expect(eligible(i, j)).toBe(isEligible(w, e, reference))));
        return true;
      }),
      fcOptions(100),
    );
  });
});
