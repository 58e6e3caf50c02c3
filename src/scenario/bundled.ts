/**
 * The scenarios that ship with jobmatch, by name: `kagawa-pilot`, `shikoku`
 * and `nationwide`. Each is plain data (./types.ts) with its assumptions
 * listed, and each names the real figures it leans on (docs/SOURCES.md).
 *
 * @example
 * findBundledScenario("shikoku")?.cohort.size; // 6000
 */
import { KAGAWA_PILOT_SCENARIO } from "./bundled/kagawaPilot.js";
import { NATIONWIDE_SCENARIO } from "./bundled/nationwide.js";
import { SHIKOKU_SCENARIO } from "./bundled/shikoku.js";
import type { Scenario } from "./types.js";

export { KAGAWA_PILOT_SCENARIO, NATIONWIDE_SCENARIO, SHIKOKU_SCENARIO };

/** Every bundled scenario, smallest first. */
export const BUNDLED_SCENARIOS: readonly Scenario[] = [KAGAWA_PILOT_SCENARIO, SHIKOKU_SCENARIO, NATIONWIDE_SCENARIO];

/** The bundled scenario with this name, or undefined. */
export const findBundledScenario = (name: string): Scenario | undefined => BUNDLED_SCENARIOS.find((s) => s.name === name);
