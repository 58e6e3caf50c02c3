/**
 * The legal limits written out from the sources (docs/SOURCES.md), not read
 * from src: an oracle shared by the law's tests (test/rules/limits.test.ts)
 * and the stability room's (test/stable/oracle.ts).
 */
import type { EmployerInput, InstanceInput } from "../../src/input/codecs.js";

/**
 * The most SSW workers the law lets this employer take from the cohort: its
 * slots; nursing care, its Japanese etc. care staff, and construction, its
 * full-time staff, each less the SSW (i) workers it already employs;
 * construction, its approved acceptance plan's headcount; provided housing,
 * its beds and 7.5 m2 a person.
 */
export const legalMost = (e: EmployerInput): number => {
  const already = e.sswEmployed ?? 0;
  const limits = [e.slots];
  if (e.field === "nursing-care") limits.push((e.japaneseCareStaff ?? 0) - already);
  if (e.field === "construction") limits.push((e.fullTimeStaff ?? 0) - already);
  const plan = e.declarations.acceptancePlan;
  if (e.field === "construction" && plan?.approved === true) limits.push(plan.headcount);
  if (e.housing !== "private") limits.push(Math.min(e.housing.beds, Math.floor(e.housing.areaM2 / 7.5)));
  return Math.max(0, Math.min(...limits));
};

/** Whether the period reaches 2027-04-01, from which support officers carry at most 50 workers each. */
export const reachesSupportLimits = (input: InstanceInput): boolean => {
  const start = input.placement?.start ?? input.reference?.asOf ?? "";
  const months = input.placement?.months ?? 12;
  const [y, m] = start.split("-").map(Number) as [number, number];
  const endIndex = y * 12 + (m - 1) + months;
  const end = `${Math.floor(endIndex / 12)}-${String((endIndex % 12) + 1).padStart(2, "0")}-${start.slice(8, 10)}`;
  return end > "2027-04-01";
};

/** A support organisation's capacity once it applies: 50 workers per officer, less those it supports elsewhere. */
export const supportCapacity = (o: { readonly officers: number; readonly workers?: number }): number => Math.max(0, 50 * o.officers - (o.workers ?? 0));
