/**
 * Time: a worker may fill a slot only if available by the slot's start, or
 * within the tolerance the instance sets (`placement.startToleranceDays`,
 * default 0). An employer's slots may start on several dates (its slot
 * groups); the pair rule `availability` excludes a worker available after
 * the last of them, and the model keeps the earlier groups to the workers
 * available by their start (`startLimits`). Which slot group each placed
 * worker fills: `slotStarts`.
 *
 * | rule         | excludes when                                                                 |
 * |--------------|-------------------------------------------------------------------------------|
 * | availability | the worker becomes available after the employer's last slots start, plus the tolerance |
 *
 * @example
 * // placement.startToleranceDays 0; W1 availableFrom 2027-06-01; E1 slots start 2027-04-01
 * availabilityExclusion(w1, e1, placement)
 * // { rule: "availability", detail: "available 2027-06-01, the slot starts 2027-04-01" }
 */
import { addDays } from "../domain/dates.js";
import type { Employer, PlacementPeriod, Worker } from "../input/instance.js";
import type { Exclusion } from "./ruleIds.js";

/** The latest date a worker may become available and still fill slots starting on `start`. */
export const latestAvailable = (start: string, placement: PlacementPeriod): string =>
  placement.startToleranceDays === 0 ? start : addDays(start, placement.startToleranceDays);

/** Whether a worker available from `availableFrom` may fill slots starting on `start`. */
export const availableFor = (availableFrom: string, start: string, placement: PlacementPeriod): boolean => availableFrom <= latestAvailable(start, placement);

/** The `availability` exclusion of the pair, or null when the worker is available for some slot group of the employer (or it has no slots). */
export const availabilityExclusion = (worker: Worker, employer: Employer, placement: PlacementPeriod): Exclusion | null => {
  const last = employer.slotGroups[employer.slotGroups.length - 1];
  if (last === undefined || availableFor(worker.availableFrom, last.start, placement)) return null;
  const slots = employer.slotGroups.length === 1 ? "the slot starts" : "its last slots start";
  const days = placement.startToleranceDays;
  const allowed = days === 0 ? "" : ` (${days} days late allowed: by ${addDays(last.start, days)})`;
  return { rule: "availability", detail: `available ${worker.availableFrom}, ${slots} ${last.start}${allowed}` };
};
