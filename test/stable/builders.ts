/**
 * Builders for the stability tests' instances: one place to add what a
 * worker or an employer must declare. Every worker and employer is lawful
 * (test/support/lawful.ts: the law's declarations filled in so that no legal
 * rule or limit bites unless the test sets it: staff for the slots, an
 * approved plan, private housing), with any field a test sets kept.
 */
import type { EmployerInput, InstanceInput, WorkerInput } from "../../src/input/codecs.js";
import { lawfulEmployer, lawfulWorker, TEST_START } from "../support/lawful.js";

/** Kagawa's FY2025 minimum wage, and Ehime's (the two prefectures the tests use). */
export const MIN_WAGE: Readonly<Record<string, number>> = { "37": 1036, "38": 1033 };

/** A worker eligible for food-service slots by default (N4, skills test). */
export const worker = (id: string, o: Partial<WorkerInput> = {}): WorkerInput =>
  lawfulWorker({
    id,
    language: ["N4"],
    careJapaneseTest: true,
    certifications: [{ field: "food-service", via: "skills-test" }],
    trainingCentre: "Semarang",
    homeProvince: "Central Java",
    ...o,
  });

/** A Kagawa food-service employer with one slot at the minimum wage, by default. */
export const employer = (id: string, o: Partial<EmployerInput> = {}): EmployerInput =>
  lawfulEmployer({
    id,
    prefecture: "37",
    field: "food-service",
    slots: 1,
    hourlyWage: MIN_WAGE[o.prefecture ?? "37"] ?? 1036,
    ...o,
  });

/** An instance of these workers and employers (start date fixed: a year that ends before 2027-04-01), with any extra sections. */
export const instance = (workers: readonly WorkerInput[], employers: readonly EmployerInput[], extra: Partial<InstanceInput> = {}): InstanceInput => ({
  reference: { asOf: TEST_START },
  workers: [...workers],
  employers: [...employers],
  ...extra,
});
