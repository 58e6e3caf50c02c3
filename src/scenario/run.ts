/**
 * Running scenarios: draw the instance, solve it with `match`, keep both.
 *
 * `runScenario` runs one; `withVariations` lists a scenario followed by each
 * of its variations applied (and any extra ones), ready for `runScenarios`
 * and a side-by-side comparison (./compare.ts). All synchronous and total:
 * bad scenarios or variations come back as located issues; a solve that is
 * infeasible, refused or stopped by its time limit is a run whose
 * `result.status` says so.
 *
 * @example
 * const runs = pipe(withVariations(SHIKOKU_SCENARIO), E.chain((list) => runScenarios(list, { engine: "auto" })));
 * if (E.isRight(runs)) console.log(formatComparisonMarkdown(compareRuns(runs.right)));
 */
import * as E from "fp-ts/lib/Either.js";
import { capIssues, type InputIssue } from "../input/issues.js";
import { match, type MatchOptions } from "../match.js";
import type { MatchResult } from "../result/types.js";
import { scenarioInstance, type ScenarioInstance } from "./instance.js";
import type { Scenario, Variation } from "./types.js";
import { applyVariation } from "./variations.js";

/** A scenario drawn and solved: the instance and its result. */
export interface ScenarioRun {
  /** The scenario's name ("shikoku", or "shikoku/language +1" for a variation). */
  readonly name: string;
  readonly scenario: Scenario;
  readonly instance: ScenarioInstance;
  readonly result: MatchResult;
  /** Milliseconds spent drawing the instance. */
  readonly generateMs: number;
}

/** A step of a run, for progress displays. */
export interface RunStep {
  /** 0-based position of the scenario in the list, and the list's length. */
  readonly index: number;
  readonly total: number;
  readonly name: string;
  readonly stage: "generating" | "solving" | "done";
}

/** `match` options, plus a callback for progress. */
export interface RunOptions extends MatchOptions {
  /** Called before each stage (and once when a scenario is done); must not throw. */
  readonly onStep?: (step: RunStep) => void;
}

const runAt = (s: Scenario, options: RunOptions, index: number, total: number): E.Either<readonly InputIssue[], ScenarioRun> => {
  const step = (stage: RunStep["stage"]): void => options.onStep?.({ index, total, name: s.name, stage });
  step("generating");
  const started = performance.now();
  const instance = scenarioInstance(s);
  if (E.isLeft(instance)) return instance;
  const generateMs = performance.now() - started;
  step("solving");
  const matchOptions: MatchOptions = {
    ...(options.engine === undefined ? {} : { engine: options.engine }),
    ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
  };
  const result = match(instance.right, matchOptions);
  if (E.isLeft(result)) return result;
  step("done");
  return E.right({ name: s.name, scenario: s, instance: instance.right, result: result.right, generateMs });
};

/** One scenario (already decoded, see ./decode.ts) drawn and solved. */
export const runScenario = (s: Scenario, options: RunOptions = {}): E.Either<readonly InputIssue[], ScenarioRun> => runAt(s, options, 0, 1);

/** Several scenarios, in order; the first that fails stops the list, with its issues under `[i]`. */
export const runScenarios = (list: readonly Scenario[], options: RunOptions = {}): E.Either<readonly InputIssue[], readonly ScenarioRun[]> => {
  const runs: ScenarioRun[] = [];
  for (const [i, s] of list.entries()) {
    const run = runAt(s, options, i, list.length);
    if (E.isLeft(run)) return E.left(list.length === 1 ? run.left : run.left.map((x) => ({ ...x, path: x.path === "" ? `scenarios[${i}]` : `scenarios[${i}].${x.path}` })));
    runs.push(run.right);
  }
  return E.right(runs);
};

/**
 * The scenario, then each variation applied to it: its own (`includeOwn`,
 * default true) followed by `extra`. Issues are located under
 * `variations[i]` for its own and `extra[i]` for the others.
 */
export const withVariations = (
  s: Scenario,
  extra: readonly Variation[] = [],
  includeOwn = true,
): E.Either<readonly InputIssue[], readonly Scenario[]> => {
  const issues: InputIssue[] = [];
  const out: Scenario[] = [s];
  const apply = (list: readonly Variation[], prefix: string): void =>
    list.forEach((v, i) => {
      const applied = applyVariation(s, v, `${prefix}[${i}]`);
      if (E.isLeft(applied)) for (const item of applied.left) issues.push(item);
      else out.push(applied.right);
    });
  if (includeOwn) apply(s.variations ?? [], "variations");
  apply(extra, "extra");
  return issues.length > 0 ? E.left(capIssues(issues)) : E.right(out);
};
