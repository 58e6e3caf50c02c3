/**
 * Random small markets for the stability tests, built with ./builders.ts
 * (lawful: the law's declarations filled in): workers mostly eligible for
 * several employers (so that slots are contested), derived preferences with
 * many ties, the law's limits on employers drawn so that they often bind
 * (construction staff and SSW workers already employed, an acceptance plan's
 * headcount, provided housing's beds and space), and optionally stated
 * rankings, interview outcomes, regional caps and support organisations
 * whose legal capacity applies (a period reaching 2027-04-01).
 */
import fc from "fast-check";
import type { EmployerInput, InstanceInput, WorkerInput } from "../../src/input/codecs.js";
import { employer, instance, MIN_WAGE, worker } from "./builders.js";

const FIELDS = ["food-service", "construction"] as const;

export interface MarketShape {
  readonly workers: number;
  readonly employers: number;
  /** Every employer a wage of its own (so every employer is a group of its own). */
  readonly distinctWages?: boolean;
  /** Add stated rankings and interviews for some workers and employers. */
  readonly rankings?: boolean;
  /** The prefectures employers are drawn from (default Kagawa and Ehime). */
  readonly prefectures?: readonly string[];
  /**
   * Employers supported by two registered support organisations with little
   * capacity left, and a period from 2026-10-01 (so their legal capacity, a
   * cap over each organisation's employers, applies from 2027-04-01).
   */
  readonly support?: boolean;
}

/** The support organisations of a `support` market: one officer each (50 workers), most of them already supported elsewhere. */
const organisationsArb = fc.tuple(fc.integer({ min: 46, max: 50 }), fc.integer({ min: 47, max: 50 })).map(([a, b]) => [
  { id: "RSO-1", officers: 1, workers: a },
  { id: "RSO-2", officers: 1, workers: b },
]);

const workerArb = (id: string): fc.Arbitrary<WorkerInput> =>
  fc
    .record({
      language: fc.constantFrom<WorkerInput["language"]>(["N4"], ["N3"], ["JFT-Basic A2"], ["N2"], ["N4", "N3"]),
      certs: fc.subarray([...FIELDS], { minLength: 1 }),
      cooking: fc.option(fc.record({ level: fc.integer({ min: 1, max: 2 }), years: fc.integer({ min: 0, max: 6 }) }), { nil: undefined }),
      fields: fc.shuffledSubarray(["hospitality", "construction", "food-service"], { maxLength: 2 }),
      prefectures: fc.shuffledSubarray(["37", "38"], { maxLength: 2 }),
    })
    .map((w) =>
      worker(id, {
        language: w.language,
        certifications: w.certs.map((field) => ({ field, via: "skills-test" as const })),
        ...(w.cooking === undefined ? {} : { skills: [{ name: "cooking", level: w.cooking.level, years: w.cooking.years }] }),
        preferences: { fields: w.fields, prefectures: w.prefectures },
      }),
    );

const employerArb = (id: string, premium: fc.Arbitrary<number>, prefectures: readonly string[] = ["37", "38"], support = false): fc.Arbitrary<EmployerInput> =>
  fc
    .record({
      prefecture: fc.constantFrom(...prefectures),
      field: fc.constantFrom(...FIELDS),
      slots: fc.integer({ min: 0, max: 3 }),
      premium,
      minLanguage: fc.option(fc.constant("N3" as const), { nil: undefined, freq: 4 }),
      prefersCooking: fc.boolean(),
      staff: fc.integer({ min: 0, max: 3 }),
      sswEmployed: fc.constantFrom(0, 0, 1),
      plan: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      housing: fc.option(fc.record({ beds: fc.integer({ min: 0, max: 3 }), areaM2: fc.constantFrom(7, 8, 15, 16, 24) }), { nil: undefined, freq: 2 }),
      support: fc.constantFrom("self", "RSO-1", "RSO-2"),
    })
    .map((e) =>
      employer(id, {
        prefecture: e.prefecture,
        field: e.field,
        slots: e.slots,
        hourlyWage: (MIN_WAGE[e.prefecture] as number) + e.premium,
        ...(e.minLanguage === undefined ? {} : { minLanguage: e.minLanguage }),
        ...(e.prefersCooking ? { preferredSkills: [{ name: "cooking" }] } : {}),
        ...(e.field === "construction" ? { fullTimeStaff: e.staff, sswEmployed: e.sswEmployed } : {}),
        ...(e.field === "construction" && e.plan !== undefined ? { declarations: { acceptancePlan: { approved: true, headcount: e.plan } } } : {}),
        ...(e.housing === undefined ? {} : { housing: e.housing }),
        ...(support ? { support: e.support } : {}),
      }),
    );

/** Ids that sort differently from creation order, so nothing leans on input order. */
const workerId = (i: number, n: number): string => `w${((n - i) * 7) % 10}${i}`;
const employerId = (i: number, n: number): string => `e${((n - i) * 3) % 5}${i}`;

/** Stated rankings for some of the market: a worker's top picks, an employer's list and interviews. */
const rankingsArb = (workers: readonly WorkerInput[], employers: readonly EmployerInput[]): fc.Arbitrary<InstanceInput["rankings"]> => {
  const wIds = workers.map((w) => w.id);
  const eIds = employers.map((e) => e.id);
  if (wIds.length === 0 || eIds.length === 0) return fc.constant(undefined);
  return fc.record({
    workers: fc.uniqueArray(
      fc.record({ worker: fc.constantFrom(...wIds), employers: fc.shuffledSubarray(eIds, { minLength: 1, maxLength: Math.min(2, eIds.length) }), others: fc.constantFrom("after" as const, "unacceptable" as const) }),
      { maxLength: 2, selector: (r) => r.worker },
    ),
    employers: fc.uniqueArray(
      fc.record({ employer: fc.constantFrom(...eIds), workers: fc.shuffledSubarray(wIds, { maxLength: Math.min(2, wIds.length) }), rejected: fc.shuffledSubarray(wIds, { maxLength: 1 }) }).map((r) => ({
        employer: r.employer,
        workers: r.workers.filter((id) => !r.rejected.includes(id)),
        interviews: { rejected: r.rejected },
      })),
      { maxLength: 2, selector: (r) => r.employer },
    ),
  });
};

/** A market of up to `shape.workers` workers and `shape.employers` employers. */
export const marketArb = (shape: MarketShape): fc.Arbitrary<InstanceInput> =>
  fc
    .tuple(fc.integer({ min: 1, max: shape.workers }), fc.integer({ min: 1, max: shape.employers }))
    .chain(([nw, ne]) => {
      const premiums = shape.distinctWages === true ? fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: ne, maxLength: ne }) : fc.array(fc.constantFrom(0, 40, 120), { minLength: ne, maxLength: ne });
      return fc.tuple(
        fc.tuple(...Array.from({ length: nw }, (_, i) => workerArb(workerId(i, nw)))),
        premiums.chain((ps) => fc.tuple(...ps.map((p, i) => employerArb(employerId(i, ne), fc.constant(p * (shape.distinctWages === true ? 7 : 1)), shape.prefectures, shape.support === true)))),
      );
    })
    .chain(([workers, employers]) =>
      fc
        .tuple(shape.rankings === true ? rankingsArb(workers, employers) : fc.constant(undefined), shape.support === true ? organisationsArb : fc.constant(undefined))
        .map(([rankings, organisations]) =>
          instance(workers, employers, {
            ...(rankings === undefined ? {} : { rankings }),
            ...(organisations === undefined ? {} : { reference: { asOf: "2026-10-01" }, supportOrganisations: organisations }),
          }),
        ),
    );

/** A policy of maximum quotas (sector, field, prefecture, employer); the legal limits need no policy (they are law). */
export const capsArb = (input: InstanceInput, options: { readonly nested?: boolean } = {}): fc.Arbitrary<NonNullable<InstanceInput["policy"]>> => {
  // Nested (with every employer in Kagawa): Kagawa holds both sectors; hospitality and food service are the same employers.
  const scopes = options.nested === true
    ? fc.constantFrom(
        { scope: "sector" as const, key: "hospitality" },
        { scope: "field" as const, key: "food-service" },
        { scope: "sector" as const, key: "construction" },
        { scope: "prefecture" as const, key: "37" },
      )
    : fc.constantFrom(
        { scope: "sector" as const, key: "hospitality" },
        { scope: "sector" as const, key: "construction" },
        { scope: "field" as const, key: "food-service" },
        { scope: "prefecture" as const, key: "37" },
        { scope: "prefecture" as const, key: "38" },
        ...input.employers.slice(0, 2).map((e) => ({ scope: "employer" as const, key: e.id })),
      );
  const quotas = fc.uniqueArray(fc.tuple(scopes, fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 3, selector: ([q]) => `${q.scope}:${q.key}` });
  return quotas.map((qs) => ({ quotas: qs.map(([q, max]) => ({ ...q, max })) }));
};

/** A plan: each worker (in order) at one of the employers that accept her and still have slots, or unplaced. */
export const planArb = (input: InstanceInput, eligible: (w: WorkerInput, e: EmployerInput) => boolean): fc.Arbitrary<{ workerId: string; employerId: string }[]> =>
  fc.array(fc.nat(), { minLength: input.workers.length, maxLength: input.workers.length }).map((picks) => {
    const left = new Map(input.employers.map((e) => [e.id, e.slots]));
    return input.workers.flatMap((w, i) => {
      const open = input.employers.filter((e) => (left.get(e.id) ?? 0) > 0 && eligible(w, e));
      const pick = (picks[i] as number) % (open.length + 1);
      const e = open[pick - 1];
      if (e === undefined) return [];
      left.set(e.id, (left.get(e.id) ?? 0) - 1);
      return [{ workerId: w.id, employerId: e.id }];
    });
  });
