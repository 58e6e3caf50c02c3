/**
 * `match`: the library's front door. Decode, build the model, solve, explain.
 *
 *     import { match } from "jobmatch";
 *     const result = match(JSON.parse(text), { timeLimitMs: 60_000 });
 *     if (E.isLeft(result)) console.error(formatIssues(result.left));
 *     else console.log(result.right.status, result.right.summary.placed);
 *
 * Synchronous and total: bad input (or bad options) is a Left with every
 * located issue; infeasible and time-limited solves are a Right whose status
 * says so.
 */
import * as E from "fp-ts/lib/Either.js";
import { diagnoseInstance } from "./analysis/diagnose.js";
import { solveModel } from "./engine/select.js";
import type { EngineChoice } from "./engine/types.js";
import { oneOf, struct, numberAtLeast } from "./input/combinators.js";
import { decodeInstance, issuesFromErrors } from "./input/decode.js";
import type { InputIssue } from "./input/issues.js";
import { buildModel } from "./model/build.js";
import { assemble } from "./result/assemble.js";
import type { MatchResult } from "./result/types.js";
import { withStability } from "./stable/summary.js";

export interface MatchOptions {
  /** "auto" (default): the flow engine for pure network models, javascript-lp-solver otherwise. */
  readonly engine?: EngineChoice;
  /** Wall-clock budget for the solve, in milliseconds. */
  readonly timeLimitMs?: number;
}

const OptionsCodec = struct(
  "match options",
  {},
  {
    engine: oneOf<EngineChoice>("one of auto, flow, lp-solver", ["auto", "flow", "lp-solver"]),
    timeLimitMs: numberAtLeast(1),
  },
);

const decodeOptions = (options: unknown): E.Either<readonly InputIssue[], MatchOptions> => {
  const decoded = OptionsCodec.decode(options ?? {});
  return E.isLeft(decoded)
    ? E.left(issuesFromErrors(decoded.left).map((i) => ({ ...i, path: i.path === "" ? "options" : `options.${i.path}` })))
    : E.right(decoded.right);
};

/** Places the instance's workers; see the module comment. */
export const match = (input: unknown, options?: MatchOptions): E.Either<readonly InputIssue[], MatchResult> => {
  const started = performance.now();
  const opts = decodeOptions(options);
  const decoded = decodeInstance(input);
  if (E.isLeft(opts) || E.isLeft(decoded)) {
    return E.left([...(E.isLeft(decoded) ? decoded.left : []), ...(E.isLeft(opts) ? opts.left : [])]);
  }
  const instance = decoded.right;
  const decodeMs = performance.now() - started;

  const buildStarted = performance.now();
  const built = buildModel(instance);
  const buildMs = performance.now() - buildStarted;

  const solveStarted = performance.now();
  const engine = opts.right.engine ?? "auto";
  const outcome = solveModel(built.model, engine, { timeLimitMs: opts.right.timeLimitMs });
  // An infeasible plan is diagnosed: the smallest relaxation of its hard policies.
  const diagnosis = outcome.termination === "infeasible" ? diagnoseInstance(instance, built, engine, opts.right.timeLimitMs) : null;
  const solveMs = performance.now() - solveStarted;

  // Every plan is audited for stability; the summary costs a pass over groups of workers, not pairs.
  return E.right(withStability(instance, built, assemble(instance, built, outcome, { decodeMs, buildMs, solveMs }, started, diagnosis)));
};
