/**
 * What stability costs: the optimal plan (most placements, then score) and
 * the stable plan (deferred acceptance) side by side, and, where it can be
 * solved, the optimal plan with no blocking pair at a worker's top choice
 * (./constrained.ts), each with its placements, total score, blocking pairs,
 * placements at retention risk and unplaced workers by reason.
 *
 * @example
 * const p = priceOfStability(input, { timeLimitMs: 60_000 });
 * if (E.isRight(p)) console.log(formatPriceOfStability(p.right));
 */
import * as E from "fp-ts/lib/Either.js";
import { solveModel } from "../engine/select.js";
import type { EngineChoice } from "../engine/types.js";
import { decodeInstance } from "../input/decode.js";
import type { Instance } from "../input/instance.js";
import { capIssues, type InputIssue } from "../input/issues.js";
import { match } from "../match.js";
import { buildModel, type BuiltModel } from "../model/build.js";
import { objectiveOf } from "../model/objective.js";
import { assemblePlan } from "../result/assemble.js";
import type { MatchResult } from "../result/types.js";
import { placementsOf, topChoiceModel } from "./constrained.js";
import { buildMarket } from "./market.js";
import { flowsOf } from "./plan.js";
import { decodeStableOptions, stablePlan, type StableOptions, type StableResult } from "./stable.js";
import { stabilityOf } from "./summary.js";
import { staggeredStarts } from "./starts.js";

export interface PriceOptions {
  /** The optimiser's engine, for the optimal and the top-choice plans. */
  readonly engine?: EngineChoice;
  /** Time budget for each of the two optimisations. */
  readonly timeLimitMs?: number;
  readonly stable?: StableOptions;
  /** Also solve the optimal plan with no blocking pair at a top choice (default false: it is exact, and slow beyond small instances with javascript-lp-solver). */
  readonly topChoice?: boolean;
}

export interface PriceOfStability {
  readonly optimal: MatchResult;
  readonly stable: StableResult;
  /** The optimal plan with no blocking pair at a top choice; null when not asked for. */
  readonly topChoice: MatchResult | null;
}

/** The optimal plan with no blocking pair at a worker's top choice, as a result (status from its engine). */
export const topChoicePlan = (instance: Instance, built: BuiltModel, engine: EngineChoice, timeLimitMs: number | undefined, started: number): MatchResult => {
  const market = buildMarket(instance, built);
  const buildStarted = performance.now();
  const m = topChoiceModel(market);
  const buildMs = performance.now() - buildStarted;
  const solveStarted = performance.now();
  const outcome = solveModel(m.model, engine, { deadline: timeLimitMs === undefined ? undefined : started + timeLimitMs });
  const solveMs = performance.now() - solveStarted;
  const timings = { decodeMs: 0, buildMs, solveMs };
  const solution = outcome.solution;
  if (solution === null) {
    return assemblePlan(instance, built, { status: outcome.termination, engine: outcome.engine, message: outcome.message, solution: null, bound: null }, timings, started);
  }
  const placedAt = placementsOf(instance, market, m.plain, Array.from({ length: m.realArcs }, (_, a) => solution.flows[a] as number));
  const flows = flowsOf(instance, built, placedAt);
  const f = E.isRight(flows) ? flows.right : [];
  const result = assemblePlan(
    instance,
    built,
    { status: outcome.termination, engine: outcome.engine, message: outcome.message, solution: { placedAt, flows: f, objective: objectiveOf(built.model, f) }, bound: null },
    timings,
    started,
  );
  return { ...result, stability: stabilityOf(instance, built, placedAt, {}, market).summary };
};

/** The three plans of an instance; see the module comment. */
export const priceOfStability = (input: unknown, options: PriceOptions = {}): E.Either<readonly InputIssue[], PriceOfStability> => {
  const stableOptions = decodeStableOptions(options.stable);
  const matchOptions = { ...(options.engine === undefined ? {} : { engine: options.engine }), ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }) };
  const optimal = match(input, matchOptions);
  if (E.isLeft(optimal) || E.isLeft(stableOptions)) return E.left(capIssues([...(E.isLeft(optimal) ? optimal.left : []), ...(E.isLeft(stableOptions) ? stableOptions.left : [])]));
  const decoded = decodeInstance(input);
  if (E.isLeft(decoded)) return decoded;
  const instance = decoded.right;
  const staggered = staggeredStarts(instance, input);
  if (staggered.length > 0) return E.left(capIssues(staggered));
  const started = performance.now();
  const built = buildModel(instance);
  const stable = stablePlan(instance, built, stableOptions.right, started, { decodeMs: 0, buildMs: performance.now() - started }).result;
  const topChoice = options.topChoice !== true ? null : topChoicePlan(instance, built, options.engine ?? "auto", options.timeLimitMs, performance.now());
  return E.right({ optimal: optimal.right, stable, topChoice });
};
