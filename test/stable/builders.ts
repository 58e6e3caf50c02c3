/**
 * Builders for the stability tests' instances: one place to add what a
 * worker or an employer must declare (when the law adds required fields,
 * only these change).
 */
import type { EmployerInput, InstanceInput, WorkerInput } from "../../src/input/codecs.js";

/** Kagawa's FY2025 minimum wage, and Ehime's (the two prefectures the tests use). */
export const MIN_WAGE: Readonly<Record<string, number>> = { "37": 1036, "38": 1033 };

/** A worker eligible for food-service slots by default (N4, skills test). */
export const worker = (id: string, o: Partial<WorkerInput> = {}): WorkerInput => ({
  id,
  language: ["N4"],
  careJapaneseTest: true,
  certifications: [{ field: "food-service", via: "skills-test" }],
  trainingCentre: "Semarang",
  homeProvince: "Central Java",
  ...o,
});

/** A Kagawa food-service employer with one slot at the minimum wage, by default. */
export const employer = (id: string, o: Partial<EmployerInput> = {}): EmployerInput => ({
  id,
  prefecture: "37",
  field: "food-service",
  slots: 1,
  hourlyWage: MIN_WAGE[o.prefecture ?? "37"] ?? 1036,
  ...o,
});

/** An instance of these workers and employers (reference date fixed), with any extra sections. */
export const instance = (workers: readonly WorkerInput[], employers: readonly EmployerInput[], extra: Partial<InstanceInput> = {}): InstanceInput => ({
  reference: { asOf: "2026-04-01" },
  workers: [...workers],
  employers: [...employers],
  ...extra,
});
