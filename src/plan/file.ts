/**
 * A saved plan: a result of `match` (or `replan`) written as a versioned JSON
 * file with the instance it was solved from, the options, and the content
 * hash of the decoded instance (./canonical.ts), so that explanations,
 * reports and re-planning run from the file without solving again, and say
 * so when the instance no longer matches.
 *
 *     {
 *       "format": "jobmatch-plan", "version": 1,
 *       "instanceHash": "sha256-rows:...",
 *       "options": { "engine": "auto" },
 *       "asOf": null,
 *       "instance": { "workers": [...], "employers": [...], ... },
 *       "result": { "status": "optimal", "placements": [...], ... }
 *     }
 *
 * `result` is the MatchResult without `timings` (they measure one run, and a
 * plan is the same plan however long it took). `asOf` is the date of the
 * last event `replan` applied (null for a plan straight from `match`).
 *
 * @example
 * const saved = savePlan(input, result);             // Either<issues, SavedPlan>
 * writeFileSync("plan.json", planToJson(saved.right));
 * const loaded = loadPlan(JSON.parse(readFileSync("plan.json", "utf8")));
 * if (E.isRight(loaded)) explainWorker(loaded.right.instance, loaded.right.result, "W0006");
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { resultMismatch } from "../analysis/context.js";
import { isoDate, nonEmptyString, oneOf, struct } from "../input/combinators.js";
import { decodeInstance, issuesFromErrors } from "../input/decode.js";
import type { Instance } from "../input/instance.js";
import { at, issue, type InputIssue } from "../input/issues.js";
import type { MatchOptions } from "../match.js";
import type { MatchResult, Timings } from "../result/types.js";
import { instanceHash, instanceHashLike } from "./canonical.js";
import { ownCopy } from "./owned.js";

export const PLAN_FORMAT = "jobmatch-plan";
export const PLAN_VERSION = 1;

/** A result as a plan keeps it: everything but the run's timings. */
export type PlanResult = Omit<MatchResult, "timings">;

export interface SavedPlan {
  readonly format: typeof PLAN_FORMAT;
  readonly version: typeof PLAN_VERSION;
  /** The content hash of the decoded instance (./canonical.ts): "sha256-rows:..." (or "sha256:..." in plans saved before). */
  readonly instanceHash: string;
  /** The options the plan was solved with. */
  readonly options: MatchOptions;
  /** The date of the last event applied (by `replan`); null for a plan from `match`. */
  readonly asOf: string | null;
  /** The instance input (it decodes to the instance the hash names): the plan's own frozen copy of what was given. */
  readonly instance: unknown;
  readonly result: PlanResult;
}

/** A saved plan read back: the plan, its instance decoded, and whether the hash still matches. */
export interface LoadedPlan {
  readonly plan: SavedPlan;
  readonly instance: Instance;
  /** The plan's result with zero timings (nothing was solved), ready for explainWorker and the reports. */
  readonly result: MatchResult;
  /** The hash of the instance as it decodes now, in the scheme of the plan's recorded hash. */
  readonly hash: string;
  /** Null when the hash matches; otherwise what changed, in words, to show before any explanation. */
  readonly stale: string | null;
}

const NO_TIMINGS: Timings = { decodeMs: 0, buildMs: 0, solveMs: 0, resultMs: 0, totalMs: 0 };

const withoutTimings = (result: MatchResult): PlanResult => {
  const { timings: _timings, ...rest } = result;
  return rest;
};

/**
 * The plan of `result`, solved from `input` with `options`: a Left with the
 * input's issues when it does not decode, or one issue when the result does
 * not belong to it.
 */
export const savePlan = (input: unknown, result: MatchResult, options: MatchOptions = {}, asOf: string | null = null): E.Either<readonly InputIssue[], SavedPlan> => {
  // The plan's own frozen copy is what is decoded: its decoded rows are then remembered (../input/reuse.ts), and so are their digests.
  const own = ownCopy(input);
  const decoded = decodeInstance(own);
  if (E.isLeft(decoded)) return decoded;
  return planOf(own, decoded.right, result, options, asOf);
};

/**
 * The decoded instances of plans made (savePlan, planOf) or read (loadPlan)
 * in this process, by their instance input object, so that re-planning
 * decodes a plan's instance once, not again. Those input objects are the
 * plans' own, deeply frozen: an instance changed after the plan is a new
 * object (which is decoded, and compared with the plan by its hash).
 */
const decodedInputs = new WeakMap<object, Instance>();

const remember = (input: unknown, instance: Instance): void => {
  if (typeof input === "object" && input !== null) decodedInputs.set(input, instance);
};

/** The decoded instance of a plan's instance input, when this process made or read that plan; else undefined. */
export const knownInstance = (input: unknown): Instance | undefined => (typeof input === "object" && input !== null ? decodedInputs.get(input) : undefined);

/** As savePlan, with the instance already decoded from `input`. */
export const planOf = (input: unknown, instance: Instance, result: MatchResult, options: MatchOptions, asOf: string | null): E.Either<readonly InputIssue[], SavedPlan> => {
  const mismatch = resultMismatch(instance, result);
  if (mismatch !== null) return E.left([issue("inconsistent", "result", `the result of match on this instance, but ${mismatch}`, "placements that do not fit it")]);
  return E.right(planRecord(input, instance, result, options, asOf));
};

/** The plan of a result assembled from `instance` itself (re-planning's), which needs no check that it belongs to it. */
export const planRecord = (input: unknown, instance: Instance, result: MatchResult, options: MatchOptions, asOf: string | null): SavedPlan => {
  const own = ownCopy(input);
  remember(own, instance);
  return {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    instanceHash: instanceHash(instance),
    options: { ...(options.engine === undefined ? {} : { engine: options.engine }), ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }) },
    asOf,
    instance: own,
    result: withoutTimings(result),
  };
};

/** The plan as the text of its file: JSON, two-space indented, with a final newline. The same plan gives the same bytes. */
export const planToJson = (plan: SavedPlan): string => `${JSON.stringify(plan, null, 2)}\n`;

// ---------------------------------------------------------------------------
// Reading a plan file back

const named = <P extends t.Props>(name: string, props: P) => t.type(props, name);

/** What explanations and re-planning read from a saved result; the rest is checked to be there. */
const ResultShape = named("a result of match", {
  status: oneOf("one of optimal, infeasible, time-limit, error", ["optimal", "infeasible", "time-limit", "error"]),
  hasSolution: t.boolean,
  message: t.union([t.string, t.null], "a message or null"),
  engine: nonEmptyString,
  placements: t.array(named("a placement", { workerId: t.string, employerId: t.string, score: t.number, points: t.UnknownRecord }), "a list of placements"),
  unplaced: t.array(named("an unplaced worker", { workerId: t.string, reason: named("a reason", { kind: t.string }) }), "a list of unplaced workers"),
  employers: t.array(named("an employer outcome", { employerId: t.string, slots: t.number, filled: t.number }), "a list of employer outcomes"),
  summary: t.UnknownRecord,
  objective: t.union([t.null, t.UnknownRecord], "the objective or null"),
  model: t.UnknownRecord,
  policy: t.UnknownArray,
  diagnosis: t.unknown,
  law: t.UnknownRecord,
});

const OptionsShape = struct(
  "match options",
  {},
  { engine: oneOf("one of auto, flow, lp-solver", ["auto", "flow", "lp-solver"]), timeLimitMs: t.number },
);

const PlanShape = struct(
  "a jobmatch plan file",
  {
    format: oneOf(`"${PLAN_FORMAT}"`, [PLAN_FORMAT]),
    version: new t.Type<number, number, unknown>(
      `version ${PLAN_VERSION} (this jobmatch reads plan files of version ${PLAN_VERSION})`,
      (u): u is number => u === PLAN_VERSION,
      (u, c) => (u === PLAN_VERSION ? t.success(u) : t.failure(u, c)),
      t.identity,
    ),
    instanceHash: nonEmptyString,
    options: OptionsShape,
    instance: t.unknown,
    result: ResultShape,
  },
  { asOf: isoDate },
);

/** Whether `json` says it is a plan file (its "format"), whatever else is wrong with it. */
export const isPlanFile = (json: unknown): boolean =>
  typeof json === "object" && json !== null && (json as { readonly format?: unknown }).format === PLAN_FORMAT;

/**
 * A plan file read back: every issue with the file's shape, located
 * (`result.placements[3].workerId: expected string, got 7`); then the
 * instance's own issues under `instance`; then whether the result belongs
 * to the instance. A plan whose instance now decodes to another hash loads,
 * with `stale` saying so.
 */
export const loadPlan = (json: unknown): E.Either<readonly InputIssue[], LoadedPlan> => {
  const shape = PlanShape.decode(json);
  if (E.isLeft(shape)) return E.left(issuesFromErrors(shape.left));
  const raw = shape.right;
  const instance = ownCopy(raw.instance);
  const decoded = decodeInstance(instance);
  if (E.isLeft(decoded)) return E.left(decoded.left.map((i) => ({ ...i, path: i.path === "" ? "instance" : at("instance", i.path) })));
  const result: MatchResult = { ...(raw.result as unknown as PlanResult), timings: NO_TIMINGS };
  const hash = instanceHashLike(raw.instanceHash, decoded.right);
  const stale = staleness(raw.instanceHash, hash);
  const mismatch = resultMismatch(decoded.right, result);
  if (mismatch !== null) return E.left([issue("inconsistent", "result", `the result of the plan's instance, but ${stale === null ? mismatch : `${mismatch}; ${stale}`}`, "placements that do not fit it")]);
  remember(instance, decoded.right);
  const plan: SavedPlan = {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    instanceHash: raw.instanceHash,
    options: raw.options as MatchOptions,
    asOf: raw.asOf ?? null,
    instance,
    result: raw.result as unknown as PlanResult,
  };
  return E.right({ plan, instance: decoded.right, result, hash, stale });
};

/** Null when the hashes agree; else the notice a reader of the plan must see first. */
export const staleness = (recorded: string, now: string): string | null =>
  recorded === now
    ? null
    : `the instance no longer matches this plan (recorded ${recorded.slice(0, 19)}..., it decodes now to ${now.slice(0, 19)}...): the file was edited, or this jobmatch reads it differently (reference data, law). What follows is the plan as it was solved; solve again, or replan, for a plan of the instance as it is now.`;

/** Whether `input` (an instance as it is now) is the instance the plan was solved from: null when it is, else the notice. */
export const checkPlanInstance = (plan: SavedPlan, input: unknown): E.Either<readonly InputIssue[], string | null> => {
  const decoded = decodeInstance(input);
  return E.isLeft(decoded) ? decoded : E.right(staleness(plan.instanceHash, instanceHashLike(plan.instanceHash, decoded.right)));
};
