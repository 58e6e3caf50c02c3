/**
 * What every engine offers, and what it answers.
 *
 * Two separate answers, as in MathOptInterface: *why the engine stopped*
 * (`termination`) and *what came back* (`solution`, or none). A time-limited
 * stop with a solution in hand is one combination, not an error; a status of
 * "optimal" is given only where optimality was proved.
 */
import type { AssignmentModel, ModelSolution } from "../model/types.js";

export type EngineName = "flow" | "lp-solver";

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
  /** Wall-clock budget in milliseconds for the solve; undefined means none. */
  readonly timeLimitMs?: number;
}

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
