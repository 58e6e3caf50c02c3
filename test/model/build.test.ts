/**
 * Model building's eligibility step (`eligibleArcs`: eligibility per pair of
 * rule kinds, candidates indexed by certified field and job category, the
 * compiled scorer) against its definition (test/support/modelOracle.ts: every pair of
 * classes, `isEligible` and `score` afresh): the same arcs, in the same
 * order, with the same scores and bounds. On random valid instances with
 * look-alike workers and employers (so classes have several members and
 * kinds repeat), and on generated instances over several prefectures.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { addDays } from "../../src/domain/dates.js";
import { aggregate, buildModel, eligibleArcs, workerClassKey } from "../../src/model/build.js";
import { arcList } from "../../src/model/types.js";
import { freezeInput } from "../../src/input/freeze.js";
import { exclusions } from "../../src/rules/eligibility.js";
import { instanceArbitrary, weightsArb } from "../support/input-arbitraries.js";
import { eligibleArcsByDefinition } from "../support/modelOracle.js";
import { fcOptions } from "../support/seed.js";

/** Compares the arcs; the number of arcs. Null when the instance does not decode. */
const compare = (input: InstanceInput): number | null => {
  const decoded = decodeInstance(input);
  if (E.isLeft(decoded)) return null;
  const classes = aggregate(decoded.right);
  const arcs = eligibleArcs(decoded.right, classes);
  expect(arcList(arcs)).toEqual(eligibleArcsByDefinition(decoded.right, classes));
  return arcs.length;
};

/** Each worker and employer twice more under new ids: classes of several members. */
const withCopies = (input: InstanceInput): InstanceInput => ({
  ...input,
  workers: [0, 1, 2].flatMap((k) => input.workers.map((w) => ({ ...w, id: `${w.id}~${k}` }))),
  employers: [0, 1, 2].flatMap((k) => input.employers.map((e) => ({ ...e, id: `${e.id}~${k}` }))),
});

/** Each employer in the field of a worker's certification (where it has one), so that many pairs are eligible; a field can need declarations the employer lacks (the law's care staff), so such an instance may not decode. */
const inWorkersFields = (input: InstanceInput): InstanceInput => ({
  ...input,
  employers: input.employers.map((e, j) => {
    const field = input.workers[j % Math.max(1, input.workers.length)]?.certifications?.[0]?.field;
    return field === undefined ? e : { ...e, field };
  }),
});

describe("eligible arcs", () => {
  it("are the arcs of every eligible pair of classes with score's totals, on random instances", () => {
    let arcs = 0;
    fc.assert(
      fc.property(instanceArbitrary({ minWorkers: 1, maxWorkers: 8, minEmployers: 1, maxEmployers: 5 }), fc.boolean(), (input, copies) => {
        const copied = (x: InstanceInput): InstanceInput => (copies ? withCopies(x) : x);
        const n = compare(copied(inWorkersFields(input))) ?? compare(copied(input));
        expect(n).not.toBeNull(); // the arbitrary's instances decode
        arcs += n ?? 0;
      }),
      fcOptions(150),
    );
    // Random workers are mostly excluded (language, skills, the law): few arcs, many exclusions; the generated instances below give the arcs.
    expect(arcs).toBeGreaterThan(5);
  });

  it("are the arcs of every eligible pair of classes with score's totals, on generated instances", () => {
    let arcs = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.subarray(["37", "38", "13", "27"], { minLength: 1 }), weightsArb, (seed, prefectures, weights) => {
        const n = compare({ ...generateInstance({ seed, workers: 120, employers: 30, prefectures }), weights });
        expect(n).not.toBeNull();
        arcs += n ?? 0;
      }),
      fcOptions(15),
    );
    expect(arcs).toBeGreaterThan(1000);
  });

  it("keep the workers available in time, with slots starting on several dates and days of tolerance", () => {
    let late = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 90 }), (seed, tolerance, spread) => {
        const base = generateInstance({ seed, workers: 120, employers: 30 });
        const start = base.reference?.asOf as string;
        // Workers available up to `spread` days after the start; every other employer with a second slot group later.
        const workers = base.workers.map((w, i) => ({ ...w, availableFrom: addDays(start, (i * 37) % (spread + 1)) }));
        const employers = base.employers.map((e, j) =>
          j % 2 === 1 && e.slots >= 2 ? { ...e, slotGroups: [{ slots: 1, start }, { slots: e.slots - 1, start: addDays(start, (j * 11) % spread) }] } : e,
        );
        const input = { ...base, workers, employers, placement: { startToleranceDays: tolerance } };
        const decoded = decodeInstance(input);
        if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left.slice(0, 3)));
        const { workers: ws, employers: es, reference } = decoded.right;
        late += ws.filter((w) => es.some((e) => exclusions(w, e, reference).some((x) => x.rule === "availability"))).length;
        expect(compare(input)).not.toBeNull();
      }),
      fcOptions(15),
    );
    expect(late).toBeGreaterThan(100);
  });
});

describe("worker classes of frozen rows", () => {
  it("are the classes of fresh keys: the same frozen workers under another placement period are grouped by that period's keys", () => {
    const input = freezeInput(generateInstance({ seed: "frozen-keys", workers: 300, employers: 30 }));
    const decoded = decodeInstance(input);
    if (E.isLeft(decoded)) throw new Error("the generated instance does not decode");
    const instance = decoded.right;
    const byDefinition = (i: typeof instance) => {
      const groups = new Map<string, number[]>();
      i.workers.forEach((w, k) => groups.set(workerClassKey(w, i.reference), [...(groups.get(workerClassKey(w, i.reference)) ?? []), k]));
      return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, members]) => ({ key, members }));
    };
    expect(aggregate(instance).workers).toEqual(byDefinition(instance));
    expect(aggregate(instance).workers).toEqual(byDefinition(instance));
    // The same (frozen, remembered) worker objects, a period long enough to bar some of them by their months in SSW.
    const longer = { ...instance, reference: { ...instance.reference, placement: { ...instance.reference.placement, months: 58 } } };
    expect(aggregate(longer).workers).toEqual(byDefinition(longer));
    expect(aggregate(longer).workers).not.toEqual(aggregate(instance).workers);
  });
});

describe("arc columns of the eligibility step", () => {
  it("hold a bound above 16 bits exactly (a worker class of 70,000, an employer class of 70,000 slots)", () => {
    const base = generateInstance({ seed: "wide-bound", workers: 60, employers: 20 });
    const small = decodeInstance(base);
    if (E.isLeft(small)) throw new Error("the generated instance does not decode");
    const instance = small.right;
    const first = buildModel(instance);
    expect(first.model.arcs.length).toBeGreaterThan(0);
    // The ends of its first arc, as classes of many members: the same worker 70,000 times over (a class's
    // supply is its member count), the same employer 100 times with 700 slots (capacity: their sum).
    const worker = first.workerMembers[first.model.arcs.from[0] as number]?.[0] as number;
    const employer = first.employerMembers[first.model.arcs.to[0] as number]?.[0] as number;
    const wide = { ...instance, employers: instance.employers.map((e, i) => (i === employer ? { ...e, slots: 700, housing: { beds: 700, areaM2: 7000 } } : e)) };
    const classes = {
      workers: [{ key: "w", members: new Array<number>(70_000).fill(worker) }],
      employers: [{ key: "e", members: new Array<number>(100).fill(employer) }],
    };
    const arcs = eligibleArcs(wide, classes);
    expect(arcList(arcs)).toEqual([{ from: 0, to: 0, score: expect.any(Number), upper: 70_000 }]);
    // Indices and scores still fit in 16 bits.
    expect([arcs.from, arcs.to, arcs.score].map((c) => c.constructor.name)).toEqual(["Uint16Array", "Uint16Array", "Uint16Array"]);
  });
});
