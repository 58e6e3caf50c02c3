/**
 * What every engine offers, and what it answers.
 *
 * Two separate answers, as in MathOptInterface: *why the engine stopped*
 * (`termination`) and *what came back* (`solution`, or none). A time-limited
 * stop with a solution in hand is one combination, not an error; a status of
 * "optimal" is given only where optimality was proved.
 */
import type { AssignmentModel, ModelSolution } from "../model/types.js";

export type EngineName = "flow" | "side" | "lp-solver";

/** The engine the caller asks for; "auto" takes the flow engine for pure network models. */
export type EngineChoice = EngineName | "auto";

export type Termination =
  /** Proved optimal. */
  | "optimal"
  /** Proved that no solution satisfies the constraints. */
  | "infeasible"
  /** Stopped at the time limit; any solution is the best found, not proved optimal. */
  | "time-limit"
  /** The engine failed or refused the model (too large, unsupported structure); see `message`. */
  | "error";

export interface EngineOptions {
  /**
   * When to stop: a reading of `performance.now()`; undefined means no limit.
   * A deadline rather than a duration, so that one clock covers a whole call
   * (decoding, building, solving, diagnosing): the caller fixes it once and
   * every step reads the same one. An engine that reaches it returns within
   * `DEADLINE_GRACE_MS` with what it has ("time-limit").
   */
  readonly deadline?: number;
}

/** How far past its deadline an engine may return: the time one check of the clock may take to come round, and the answer to be read back. */
export const DEADLINE_GRACE_MS = 100;

/** The deadline `ms` milliseconds from now, or undefined for none. */
export const deadlineIn = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : performance.now() + ms);

/** Whether the deadline has passed. */
export const pastDeadline = (deadline: number | undefined): boolean => deadline !== undefined && performance.now() >= deadline;

export interface EngineOutcome {
  readonly engine: EngineName;
  readonly termination: Termination;
  /** The flows the engine returned, or null where it has none to give. */
  readonly solution: ModelSolution | null;
  /** An upper bound on the optimum, where the engine knows one. */
  readonly bound: number | null;
  /** Why, for "error" and "time-limit"; null otherwise. */
  readonly message: string | null;
}

export interface Engine {
  readonly name: EngineName;
  /** Whether the engine can solve this model exactly (structure and size). */
  readonly accepts: (model: AssignmentModel) => { readonly ok: true } | { readonly ok: false; readonly why: string };
  readonly solve: (model: AssignmentModel, options: EngineOptions) => EngineOutcome;
}
