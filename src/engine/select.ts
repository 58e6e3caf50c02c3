/**
 * Choosing an engine. "auto" takes the exact network engine when the model is
 * a pure transportation problem, and javascript-lp-solver otherwise; a caller
 * may force either. A forced engine that cannot take the model answers with
 * termination "error" and says why, rather than solving something else.
 */
import type { AssignmentModel } from "../model/types.js";
import { flowEngine } from "./flow.js";
import { lpSolverEngine } from "./lpSolver.js";
import type { Engine, EngineChoice, EngineName, EngineOptions, EngineOutcome } from "./types.js";

/** Every engine, by name. */
export const ENGINES: Readonly<Record<EngineName, Engine>> = {
  flow: flowEngine,
  "lp-solver": lpSolverEngine,
};

export const chooseEngine = (model: AssignmentModel, choice: EngineChoice): Engine =>
  choice !== "auto" ? ENGINES[choice] : flowEngine.accepts(model).ok ? flowEngine : lpSolverEngine;

/** Solves with the chosen engine; each engine's `accepts` runs once. */
export const solveModel = (model: AssignmentModel, choice: EngineChoice, options: EngineOptions): EngineOutcome => {
  const candidates: readonly Engine[] = choice === "auto" ? [flowEngine, lpSolverEngine] : [ENGINES[choice]];
  let refusal = "";
  for (const engine of candidates) {
    const accepted = engine.accepts(model);
    if (accepted.ok) return engine.solve(model, options);
    refusal = `${engine.name} cannot take this model: ${accepted.why}`;
  }
  const last = candidates[candidates.length - 1] as Engine;
  return { engine: last.name, termination: "error", solution: null, bound: null, message: refusal };
};
