/**
 * Choosing an engine. "auto" takes the exact network engine when the model is
 * a pure transportation problem, and javascript-lp-solver otherwise; a caller
 * may force either. A forced engine that cannot take the model answers with
 * termination "error" and says why, rather than solving something else.
 */
import type { AssignmentModel } from "../model/types.js";
import { lpSolverEngine } from "./lpSolver.js";
import type { Engine, EngineChoice, EngineName, EngineOptions, EngineOutcome } from "./types.js";

/** Every engine, by name. */
export const ENGINES: Readonly<Record<EngineName, Engine | undefined>> = {
  "lp-solver": lpSolverEngine,
  flow: undefined,
};

export const chooseEngine = (model: AssignmentModel, choice: EngineChoice): Engine => {
  if (choice !== "auto") return ENGINES[choice] ?? lpSolverEngine;
  const flow = ENGINES.flow;
  return flow !== undefined && flow.accepts(model).ok ? flow : lpSolverEngine;
};

export const solveModel = (model: AssignmentModel, choice: EngineChoice, options: EngineOptions): EngineOutcome => {
  const engine = chooseEngine(model, choice);
  const accepted = engine.accepts(model);
  if (!accepted.ok) {
    return { engine: engine.name, termination: "error", solution: null, bound: null, message: `${engine.name} cannot take this model: ${accepted.why}` };
  }
  return engine.solve(model, options);
};
