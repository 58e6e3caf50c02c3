/**
 * A bundled scenario scaled to a number of workers, as a benchmark instance:
 * the scenario's `scale` change (cohort and every prefecture's demand by the
 * same factor), drawn with the scenario's own seed.
 *
 *     npm run bench -- --scenario nationwide --workers 333000 --engines auto --runs 1
 */
import * as E from "fp-ts/lib/Either.js";
import type { InstanceInput } from "../src/input/codecs.js";
import { formatIssues } from "../src/input/issues.js";
import { findBundledScenario } from "../src/scenario/bundled.js";
import { scenarioInstance } from "../src/scenario/instance.js";
import { applyChange } from "../src/scenario/variations.js";

/** The instance of bundled scenario `name` with about `workers` workers; throws (a benchmark's input is ours) when it cannot be drawn. */
export const scaledScenario = (name: string, workers: number): InstanceInput => {
  const scenario = findBundledScenario(name);
  if (scenario === undefined) throw new Error(`--scenario: no bundled scenario "${name}"`);
  const scaled = workers > 0 && workers !== scenario.cohort.size ? applyChange(scenario, { kind: "scale", factor: workers / scenario.cohort.size }) : E.right(scenario);
  const instance = E.chain(scenarioInstance)(scaled);
  if (E.isLeft(instance)) throw new Error(formatIssues(instance.left));
  return instance.right;
};
