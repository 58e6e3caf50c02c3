/**
 * Choosing an engine. "auto" takes the fastest engine that is exact for the
 * model: the flow engine when the model is a network (no policy, or policies
 * that nest, groups included), the side engine when policies cross or raw
 * side rows are present, and javascript-lp-solver for what neither takes. A
 * caller may force one. A forced engine that cannot take the model answers
 * with termination "error" and says why, rather than solving something else.
 */
import type { AssignmentModel } from "../model/types.js";
import { flowEngine } from "./flow.js";
import { lpSolverEngine } from "./lpSolver.js";
import { sideEngine } from "./side/engine.js";
import type { Engine, EngineChoice, EngineName, EngineOptions, EngineOutcome } from "./types.js";

/** Every engine, by name. */
export const ENGINES: Readonly<Record<EngineName, Engine>> = {
  flow: flowEngine,
  side: sideEngine,
  "lp-solver": lpSolverEngine,
};

/** The engines "auto" tries, in order: the first that accepts the model solves it. */
const AUTO: readonly Engine[] = [flowEngine, sideEngine, lpSolverEngine];

export const chooseEngine = (model: AssignmentModel, choice: EngineChoice): Engine =>
  choice !== "auto" ? ENGINES[choice] : (AUTO.find((engine) => engine.accepts(model).ok) ?? lpSolverEngine);

/** Solves with the chosen engine; each engine's `accepts` runs once. */
export const solveModel = (model: AssignmentModel, choice: EngineChoice, options: EngineOptions): EngineOutcome => {
  const candidates: readonly Engine[] = choice === "auto" ? AUTO : [ENGINES[choice]];
  let refusal = "";
  for (const engine of candidates) {
    const accepted = engine.accepts(model);
    if (accepted.ok) return engine.solve(model, options);
    refusal = `${engine.name} cannot take this model: ${accepted.why}`;
  }
  const last = candidates[candidates.length - 1] as Engine;
  return { engine: last.name, termination: "error", solution: null, bound: null, message: refusal };
};
