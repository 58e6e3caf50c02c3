/**
 * Rules that look at the worker alone: who may hold SSW (i) for the whole
 * placement, and who is ready to leave Indonesia.
 *
 * | rule                | excludes the worker when                                                    |
 * |---------------------|-----------------------------------------------------------------------------|
 * | age                 | under 18 on the start date                                                  |
 * | ssw-period          | months already in SSW (i) plus the placement pass the five-year total (60)  |
 * | departure-readiness | the departure checklist is incomplete: health check, BPJS membership, pre-departure orientation, registered job order |
 */
import { DEPARTURE_ITEMS, DEPARTURE_WORDS, MINIMUM_AGE, SSW1_TOTAL_MONTHS } from "../domain/law.js";
import type { PlacementPeriod, Worker } from "../input/instance.js";
import type { Exclusion } from "./ruleIds.js";

/** No worker rule excludes her: one shared, frozen answer (model building asks for every worker). */
const NONE: readonly Exclusion[] = Object.freeze([]);

/** Whether the departure checklist lacks an item (a loop: this runs for every worker of a national cohort). */
const lacksDeparture = (w: Worker): boolean => {
  for (let i = 0; i < DEPARTURE_ITEMS.length; i++) if (!w.departure.includes(DEPARTURE_ITEMS[i] as (typeof DEPARTURE_ITEMS)[number])) return true;
  return false;
};

/** Whether no worker rule excludes her (the common case, answered without building anything): `workerBarriers` is empty exactly then. */
export const unbarred = (w: Worker, placement: PlacementPeriod): boolean =>
  w.ageAtStart >= MINIMUM_AGE.value && w.sswMonths + placement.months <= SSW1_TOTAL_MONTHS.value && !lacksDeparture(w);

/** Every worker rule that excludes the worker, in RULES order; empty when none. */
export const workerBarriers = (w: Worker, placement: PlacementPeriod): readonly Exclusion[] => {
  if (unbarred(w, placement)) return NONE;
  const out: Exclusion[] = [];
  if (w.ageAtStart < MINIMUM_AGE.value) {
    out.push({ rule: "age", detail: `is ${w.ageAtStart} on ${placement.start}; SSW (i) needs ${MINIMUM_AGE.value}` });
  }
  const total = w.sswMonths + placement.months;
  if (total > SSW1_TOTAL_MONTHS.value) {
    out.push({
      rule: "ssw-period",
      detail: `has ${w.sswMonths} months in SSW (i); with a ${placement.months}-month placement that is ${total} of the ${SSW1_TOTAL_MONTHS.value} allowed`,
    });
  }
  const missing = DEPARTURE_ITEMS.filter((item) => !w.departure.includes(item));
  if (missing.length > 0) out.push({ rule: "departure-readiness", detail: `departure checklist missing: ${missing.map((m) => DEPARTURE_WORDS[m]).join("; ")}` });
  return out;
};

/**
 * `workerBarriers` for many workers under one placement period: workers alike in what the rules read
 * (age at the start, months in SSW (i), the departure checklist) share one frozen answer, made once.
 * Model building asks for every worker of a national cohort, and a barred worker's answer is objects and
 * sentences (about 20 MB at 333,000 workers when made afresh for each).
 */
export const workerBarriersFor = (placement: PlacementPeriod): ((w: Worker) => readonly Exclusion[]) => {
  const known = new Map<number | string, readonly Exclusion[]>();
  return (w) => {
    if (unbarred(w, placement)) return NONE;
    // The answer reads the age, the months and which checklist items are missing: keyed by a number where
    // age and months are small whole numbers (always, for a decoded worker), else by a string.
    let missing = 0;
    for (let i = 0; i < DEPARTURE_ITEMS.length; i++) if (!w.departure.includes(DEPARTURE_ITEMS[i] as (typeof DEPARTURE_ITEMS)[number])) missing |= 1 << i;
    const { ageAtStart: age, sswMonths: months } = w;
    const key =
      Number.isInteger(age) && Number.isInteger(months) && age >= 0 && age < 1024 && months >= 0 && months < 4096
        ? (age * 4096 + months) * 2 ** DEPARTURE_ITEMS.length + missing
        : `${age} ${months} ${missing}`;
    let answer = known.get(key);
    if (answer === undefined) {
      const made = workerBarriers(w, placement);
      made.forEach((x) => Object.freeze(x));
      known.set(key, (answer = Object.freeze(made)));
    }
    return answer;
  };
};
