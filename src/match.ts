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
 *
 * One clock for the whole call: `timeLimitMs` counts from the moment `match`
 * is called (for `matchDecoded`, which takes an instance decoded already:
 * from when its decoding started, if the caller says when), and covers
 * decoding, building the model, solving, the diagnosis of an infeasible
 * plan, assembling the result and its stability audit. The engines get a
 * deadline that leaves room for the result (`resultReserveMs`); building the
 * model stops at that deadline too (while grouping workers into classes and
 * checking eligibility), and then nothing is solved and the status is
 * "time-limit", with every worker accounted for as
 * unplaced for want of a solution. Decoding is not interrupted: a limit
 * shorter than decoding is overrun by the rest of decoding. Past decoding,
 * the call returns within max(10%, 200 ms) of the limit (bench/RESULTS.md,
 * "A time limit for the whole call", measures it).
 */
import * as E from "fp-ts/lib/Either.js";
import { diagnoseInstance } from "./analysis/diagnose.js";
import { firstEngine, solveModel } from "./engine/select.js";
import { pastDeadline, type EngineChoice } from "./engine/types.js";
import { numberIn, oneOf, struct } from "./input/combinators.js";
import { LIMITS } from "./input/limits.js";
import { decodeInstance, issuesFromErrors } from "./input/decode.js";
import type { Instance } from "./input/instance.js";
import { isDecoded } from "./input/decoded.js";
import { capIssues, issue, type InputIssue } from "./input/issues.js";
import type { AssignmentModel } from "./model/types.js";
import { buildModelUntil } from "./model/build.js";
import { assemble } from "./result/assemble.js";
import type { MatchResult } from "./result/types.js";
import { withStability } from "./stable/summary.js";

export interface MatchOptions {
  /** "auto" (default): the fastest engine exact for the model (flow, then side, then javascript-lp-solver). */
  readonly engine?: EngineChoice;
  /** Wall-clock budget for the whole call (decode, build, solve, diagnose, result), in milliseconds (1..86,400,000: one day). */
  readonly timeLimitMs?: number;
}

const OptionsCodec = struct(
  "match options",
  {},
  {
    engine: oneOf<EngineChoice>("one of auto, flow, side, lp-solver", ["auto", "flow", "side", "lp-solver"]),
    timeLimitMs: numberIn(1, LIMITS.timeLimitMs),
  },
);

const decodeOptions = (options: unknown): E.Either<readonly InputIssue[], MatchOptions> => {
  const decoded = OptionsCodec.decode(options ?? {});
  return E.isLeft(decoded)
    ? E.left(issuesFromErrors(decoded.left).map((i) => ({ ...i, path: i.path === "" ? "options" : `options.${i.path}` })))
    : E.right(decoded.right);
};

/**
 * The time kept back from the engines for assembling the result and its
 * stability audit, in ms: about 5 microseconds per worker and employer and
 * 20 per policy constraint or group for the result (measured: 0.4 s for
 * 100,000 workers, 0.16 s for 10,000 workers with 9,868 constraints), and
 * about 15 microseconds per worker for the audit (80 ms for the pilot's
 * 2,000, 0.7 s for the nationwide scenario's 50,000), at most a quarter of
 * the limit.
 */
export const resultReserveMs = (instance: Instance, model: AssignmentModel | null, limit: number): number =>
  Math.min(
    limit / 4,
    0.005 * (instance.workers.length + instance.employers.length) +
      0.015 * instance.workers.length +
      (model === null ? 0 : 0.02 * ((model.policies ?? []).length + (model.groups ?? []).length)),
  );

/** Places the instance's workers; see the module comment. */
export const match = (input: unknown, options?: MatchOptions): E.Either<readonly InputIssue[], MatchResult> => {
  const started = performance.now();
  const opts = decodeOptions(options);
  const decoded = decodeInstance(input);
  if (E.isLeft(opts) || E.isLeft(decoded)) {
    return E.left(capIssues([...(E.isLeft(decoded) ? decoded.left : []), ...(E.isLeft(opts) ? opts.left : [])]));
  }
  return E.right(placeDecoded(decoded.right, opts.right, started, performance.now() - started));
};

/**
 * When an instance given to `matchDecoded` was decoded: `started`, a
 * reading of `performance.now()` as decoding began, and `decodeMs`, how
 * long it took. The result's timings then count decoding, and the time
 * limit runs from `started`, as in `match`.
 */
export interface DecodeTiming {
  readonly started: number;
  readonly decodeMs: number;
}

/**
 * `match` on an instance already decoded (by `decodeInstance`; any other
 * value is a Left). The same result as `match` on its input, the timings
 * aside. What it is for: a caller that decodes first can let the parsed
 * input go before the solve. An argument stays reachable for the whole of a
 * call, so `match(JSON.parse(text))` keeps the parsed JSON alive (about
 * 250 MB at 333,000 workers) through building, solving and the result,
 * where the garbage collector has to walk it again and again; the command
 * line decodes in a function of its own and calls this instead.
 *
 * @example
 * const decoded = decodeInstance(JSON.parse(text)); // the parsed JSON is garbage from here on
 * const result = E.isLeft(decoded) ? decoded : matchDecoded(decoded.right, { timeLimitMs: 60_000 });
 */
export const matchDecoded = (instance: Instance, options?: MatchOptions, timing?: DecodeTiming): E.Either<readonly InputIssue[], MatchResult> => {
  const called = performance.now();
  const opts = decodeOptions(options);
  const issues = [...(isDecoded(instance) ? [] : [notDecoded(instance)]), ...timingIssues(timing, called), ...(E.isLeft(opts) ? opts.left : [])];
  if (issues.length > 0 || E.isLeft(opts)) return E.left(capIssues(issues));
  return E.right(placeDecoded(instance, opts.right, timing?.started ?? called, timing?.decodeMs ?? 0));
};

const notDecoded = (value: unknown): InputIssue =>
  issue("invalid", "", "an instance that decodeInstance returned (decode the input first, or call match)", typeof value === "object" && value !== null ? "an object decodeInstance did not return" : value);

/** A `DecodeTiming` must be readings of this clock, before the call: finite, decoding no longer than the time since it started. */
const timingIssues = (timing: DecodeTiming | undefined, now: number): InputIssue[] => {
  if (timing === undefined) return [];
  if (typeof timing !== "object" || timing === null) return [issue("invalid", "timing", "{ started, decodeMs }", timing)];
  const { started, decodeMs } = timing;
  const startOk = typeof started === "number" && Number.isFinite(started) && started >= 0 && started <= now;
  return [
    ...(startOk ? [] : [issue("invalid", "timing.started", "a reading of performance.now() before this call", started)]),
    ...(typeof decodeMs === "number" && Number.isFinite(decodeMs) && decodeMs >= 0 && (!startOk || decodeMs <= now - started)
      ? []
      : [issue("invalid", "timing.decodeMs", "milliseconds from 0 to the time since timing.started", decodeMs)]),
  ];
};

/** Build, solve, result and stability summary of a decoded instance; `started` is when the call (or its decoding) began. */
const placeDecoded = (instance: Instance, options: MatchOptions, started: number, decodeMs: number): MatchResult => {
  const limit = options.timeLimitMs;
  const buildStarted = performance.now();
  // Employers under a diversity limit merged where exact (../policy/alike.ts): the same optimum, fewer classes.
  const { built, interrupted } = buildModelUntil(instance, limit === undefined ? undefined : started + limit - resultReserveMs(instance, null, limit), true);
  const buildMs = performance.now() - buildStarted;

  const solveStarted = performance.now();
  const engine = options.engine ?? "auto";
  const deadline = limit === undefined ? undefined : started + limit - resultReserveMs(instance, built.model, limit);
  const nothingSolved = (when: string) =>
    ({ engine: firstEngine(built.model, engine).name, termination: "time-limit", solution: null, bound: null, message: `the time limit passed ${when}; nothing was solved` }) as const;
  const outcome =
    interrupted !== null
      ? nothingSolved(`${interrupted}, building the model`)
      : pastDeadline(deadline)
        ? nothingSolved("while the input was decoded and the model built")
        : solveModel(built.model, engine, deadline === undefined ? {} : { deadline });
  // An infeasible plan is diagnosed: the smallest relaxation of its hard policies.
  const diagnosis = outcome.termination === "infeasible" ? diagnoseInstance(instance, built, engine, deadline) : null;
  const solveMs = performance.now() - solveStarted;

  // Every plan is audited for stability; the summary costs a pass over groups of workers, not pairs.
  return withStability(instance, built, assemble(instance, built, outcome, { decodeMs, buildMs, solveMs }, started, diagnosis));
};
