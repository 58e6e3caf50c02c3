/**
 * `replan(instance, plan, events, options)`: apply the events to the
 * instance, keep every placement of the plan that is still lawful and
 * wanted, and find the best plan in the order the options give (./model.ts):
 *
 * - moves "pinned" (the default): fewest moves first (a kept placement is
 *   worth more than any number of new ones), then placements, then score:
 *   a started worker moves only when an event forces it;
 * - moves "fewest": most placements, then fewest moves of workers placed in
 *   the plan, then the highest score (a move may let more workers be placed);
 * - moves { penalty: k }: most placements, then score less k points per move.
 *
 * For moves, every worker placed in the plan counts as started (a placement
 * not yet begun is kept like one that has). The placement's start matters
 * in two places: a `worker-available-later` event (./apply.ts), and at an
 * employer with slot groups, where a worker whose placement began by the
 * last event's date keeps the group they began in (`pinnedStarts`).
 * The answer is a new saved plan, its result, and the diff (./diff.ts).
 * It is exact where the flow engine solves it (a network: the kept
 * placements are arc bonuses, which keep it one; the law's caps and
 * policies as the flow engine takes them) or the side engine (side
 * constraints on that network); `exact` and `solvedBy` say how it was solved.
 *
 * Bad input (the instance, the events, the options) is a Left with every
 * located issue; nothing is applied from an event list with an issue in it.
 *
 * @example
 * const r = replan(plan.instance, plan, [{ date: "2026-11-02", type: "worker-withdrawn", worker: "W0012" }]);
 * if (isRight(r)) console.log(formatDiff(r.right.diff));
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { diagnoseInstance } from "../analysis/diagnose.js";
import { solveModel } from "../engine/select.js";
import type { EngineChoice, EngineOutcome } from "../engine/types.js";
import { integer, numberAtLeast, oneOf, struct } from "../input/combinators.js";
import type { InstanceInput } from "../input/codecs.js";
import { decodeInstance, issuesFromErrors } from "../input/decode.js";
import { at, type InputIssue } from "../input/issues.js";
import type { MatchOptions } from "../match.js";
import { objectiveOf } from "../model/objective.js";
import { assemblePlan, type PlanOutcome } from "../result/assemble.js";
import { withStability } from "../stable/summary.js";
import type { MatchResult } from "../result/types.js";
import type { Instance } from "../input/instance.js";
import { applyEvents } from "./apply.js";
import { planDiff, type PlanDiff } from "./diff.js";
import { decodeEvents, type PlanEvent } from "./events.js";
import { knownInstance, planRecord, staleness, type SavedPlan } from "./file.js";
import { instanceHashLike } from "./canonical.js";
import { disaggregateKeeping } from "./keep.js";
import { builtFlows, replanModel, type MovePolicy } from "./model.js";
import { legalCapacities } from "../rules/limits.js";

export interface ReplanOptions extends MatchOptions {
  /** How moves of placed workers weigh: "pinned" (default), "fewest", or { penalty: k } score points per move. */
  readonly moves?: MovePolicy;
}

export interface ReplanResult {
  /** The new plan: the instance after the events, and the result; `asOf` the last event's date. */
  readonly plan: SavedPlan;
  readonly result: MatchResult;
  readonly diff: PlanDiff;
  readonly events: readonly PlanEvent[];
  /** Null when `instance` is the plan's own (or decodes to its hash); else the notice that it is not (its placements are carried over where the worker and the employer are still there). */
  readonly stale: string | null;
  /** How it was solved: the size of the model solved (classes, and arcs with the stay arcs), the engine, and whether the answer is exact. */
  readonly solvedBy: { readonly workerClasses: number; readonly employerClasses: number; readonly arcs: number; readonly exact: boolean; readonly note: string };
}

const MovesCodec = new t.Type<MovePolicy, MovePolicy, unknown>(
  'one of "fewest", "pinned" or { "penalty": k } (k a whole number of score points >= 0)',
  (u): u is MovePolicy => u === "fewest" || u === "pinned" || (typeof u === "object" && u !== null && integer(0).is((u as { penalty?: unknown }).penalty) && Object.keys(u).length === 1),
  (u, c) => (u === "fewest" || u === "pinned" || (typeof u === "object" && u !== null && integer(0).is((u as { penalty?: unknown }).penalty) && Object.keys(u).length === 1) ? t.success(u as MovePolicy) : t.failure(u, c)),
  t.identity,
);

const OptionsCodec = struct(
  "replan options",
  {},
  { engine: oneOf<EngineChoice>("one of auto, flow, lp-solver", ["auto", "flow", "lp-solver"]), timeLimitMs: numberAtLeast(1), moves: MovesCodec },
);

const prefixed = (prefix: string, issues: readonly InputIssue[]): InputIssue[] => issues.map((i) => ({ ...i, path: i.path === "" ? prefix : at(prefix, i.path) }));

/**
 * The workers who keep the placement they have started in, with its start:
 * kept with the employer they hold, in a plan placement that started on or
 * before the last event's date (with no events, no time has passed and
 * nobody is pinned).
 */
const pinnedStarts = (next: Instance, placedAt: Int32Array, holds: Int32Array, startOf: ReadonlyMap<string, string>, events: readonly PlanEvent[]): Map<number, string> => {
  const pinned = new Map<number, string>();
  const now = events[events.length - 1]?.date;
  if (now === undefined) return pinned;
  // Only an employer with slot groups deals starts (../result/starts.ts): the others' workers need no pin.
  next.workers.forEach((w, i) => {
    const e = holds[i] ?? -1;
    if (e < 0 || placedAt[i] !== e || (next.employers[e]?.slotGroups.length ?? 0) <= 1) return;
    const start = startOf.get(w.id);
    if (start !== undefined && start <= now) pinned.set(i, start);
  });
  return pinned;
};

/** See the module comment. */
export const replan = (instance: unknown, plan: SavedPlan, events: unknown, options: ReplanOptions = {}): E.Either<readonly InputIssue[], ReplanResult> => {
  const started = performance.now();
  const opts = OptionsCodec.decode(options ?? {});
  // The plan's instance, as savePlan or loadPlan decoded it, is not decoded again.
  const known = knownInstance(instance);
  const decoded = known === undefined ? decodeInstance(instance) : E.right(known);
  const issues = [...(E.isLeft(decoded) ? prefixed("instance", decoded.left) : []), ...(E.isLeft(opts) ? prefixed("options", issuesFromErrors(opts.left)) : [])];
  if (E.isLeft(decoded) || E.isLeft(opts)) return E.left(issues);
  // Until the model has dates every placed worker counts as started, and the issue's rule moves a started
  // worker only when an event forces it: "pinned" is that rule, so it is the default.
  const moves = opts.right.moves ?? "pinned";
  // The plan's own options where these do not say otherwise.
  const engineChoice = opts.right.engine ?? plan.options.engine;
  const engine = engineChoice ?? "auto";
  const timeLimitMs = opts.right.timeLimitMs ?? plan.options.timeLimitMs;
  // One clock for the whole call, as in match.
  const deadline = timeLimitMs === undefined ? undefined : started + timeLimitMs;

  const placedAt = new Map<string, string>();
  const startOf = new Map<string, string>();
  const placements = plan.result.placements;
  for (let i = 0; i < placements.length; i++) {
    const p = placements[i] as (typeof placements)[number];
    placedAt.set(p.workerId, p.employerId);
    if (p.start !== undefined) startOf.set(p.workerId, p.start);
  }
  const list = decodeEvents(events, { instance: decoded.right, plan: plan.result, asOf: plan.asOf, placedAt });
  if (E.isLeft(list)) return list;
  const applied = applyEvents(instance as InstanceInput, list.right, placedAt, startOf);
  if (E.isLeft(applied)) return applied;
  const next = applied.right.instance;
  const decodeMs = performance.now() - started;

  const buildStarted = performance.now();
  // The plan's placements as they are: the model keeps none of a worker who left their employer.
  const m = replanModel(next, placedAt, applied.right.barred, moves);
  const buildMs = performance.now() - buildStarted;

  const solveStarted = performance.now();
  const raw: EngineOutcome =
    m.tooLarge === null
      ? solveModel(m.weighted, engine, deadline === undefined ? {} : { deadline })
      : { engine: engine === "lp-solver" ? "lp-solver" : "flow", termination: "error", solution: null, bound: null, message: m.tooLarge };
  // The flows answer the weighted model; the result reads them, stay and plain parts added, against the instance's own scores.
  const flows = raw.solution === null ? null : builtFlows(m, raw.solution.flows);
  const value = flows === null ? null : objectiveOf(m.built.model, flows);
  const diagnosis = raw.termination === "infeasible" ? diagnoseInstance(next, m.built, engine, deadline) : null;
  const solveMs = performance.now() - solveStarted;

  const resultStarted = performance.now();
  const legal = legalCapacities(next);
  const placedAtNow = flows === null ? null : disaggregateKeeping(m.built, flows, m.holds, (e) => legal[e] ?? 0);
  const planned: PlanOutcome = {
    status: raw.termination,
    engine: raw.engine,
    message: raw.message,
    solution:
      flows === null || value === null
        ? null
        : { placedAt: placedAtNow as Int32Array, flows, objective: value },
    bound: raw.termination === "optimal" ? value : null,
    pinnedStarts: placedAtNow === null ? new Map() : pinnedStarts(next, placedAtNow, m.holds, startOf, list.right),
  };
  const assembled = assemblePlan(next, m.built, planned, { decodeMs, buildMs, solveMs }, started, diagnosis, resultStarted);
  // Every plan is audited for stability, as match's are (a class split apart is finer than match's, which the audit allows).
  const result: MatchResult = withStability(next, m.built, { ...assembled, model: m.plain }, placedAtNow ?? undefined);
  const asOf = list.right.length === 0 ? plan.asOf : (list.right[list.right.length - 1] as PlanEvent).date;
  // The result was assembled from `next` itself: it needs no check that it belongs to it.
  const saved = planRecord(applied.right.input, next, result, { ...(engineChoice === undefined ? {} : { engine: engineChoice }), ...(timeLimitMs === undefined ? {} : { timeLimitMs }) }, asOf);
  const exact = (raw.engine === "flow" || raw.engine === "side") && raw.termination === "optimal";
  // The plan's own instance object needs no hash; any other is compared by content.
  const stale = instance === plan.instance ? null : staleness(plan.instanceHash, instanceHashLike(plan.instanceHash, decoded.right));
  return E.right({
    stale,
    plan: saved,
    result,
    diff: planDiff(plan.result, result, next, list.right, applied.right.barred, moves),
    events: list.right,
    solvedBy: {
      workerClasses: m.built.model.workerClasses.length,
      employerClasses: m.built.model.employerClasses.length,
      arcs: m.weighted.arcs.length,
      exact,
      note: exact
        ? raw.engine === "flow"
          ? "exact: the flow engine on integer data (kept placements as bonus arcs beside their class arcs keep the model a network)"
          : "exact: the side engine on integer data (the network with the policy's side constraints; kept placements as bonus arcs)"
        : raw.engine === "lp-solver"
          ? "javascript-lp-solver (the model has side constraints the flow engine does not take): floating point, optimal up to its tolerances"
          : `not solved to optimality: ${raw.termination}${raw.message === null ? "" : ` (${raw.message})`}`,
    },
  });
};
