/**
 * Choosing an engine. "auto" takes the fastest engine that is exact for the
 * model (measured in bench/RESULTS.md):
 * - the flow engine when the model is a network (no policy, or policies that
 *   nest) and no group must go to one employer: exact integer network
 *   simplex, and its search over groups kept in one prefecture;
 * - the side engine when policies cross, raw side rows are present, or a
 *   group must go to one employer (it takes such a family as a node of its
 *   own: the pilot with 50 families, 0.7 s against the flow engine's search
 *   not proved in 60 s);
 * - javascript-lp-solver for what neither takes.
 * A caller may force one. A forced engine that cannot take the model answers
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

/** Whether some group must be placed with one employer (every region one employer class). */
const hasOneEmployerGroups = (model: AssignmentModel): boolean =>
  (model.groups ?? []).some((g) => g.regions.length > 0 && g.regions.every((region) => new Set(region).size === 1));

/** The engines "auto" tries for this model, in order: the first that accepts it solves it. */
const autoOrder = (model: AssignmentModel): readonly Engine[] =>
  hasOneEmployerGroups(model) ? [sideEngine, flowEngine, lpSolverEngine] : [flowEngine, sideEngine, lpSolverEngine];

/** The engine that would be tried first, without asking whether it accepts the model (which can take a while to decide). */
export const firstEngine = (model: AssignmentModel, choice: EngineChoice): Engine => (choice !== "auto" ? ENGINES[choice] : (autoOrder(model)[0] as Engine));

export const chooseEngine = (model: AssignmentModel, choice: EngineChoice): Engine =>
  choice !== "auto" ? ENGINES[choice] : (autoOrder(model).find((engine) => engine.accepts(model).ok) ?? lpSolverEngine);

/**
 * Solves with the chosen engine; each engine's `accepts` runs once. Under
 * "auto", an engine that accepts the model but fails on it (termination
 * "error": numerical trouble it could not prove its way through, a bug) hands
 * it to the next engine that accepts it, within the same deadline; the first
 * failure is returned if every engine fails.
 */
export const solveModel = (model: AssignmentModel, choice: EngineChoice, options: EngineOptions): EngineOutcome => {
  const candidates: readonly Engine[] = choice === "auto" ? autoOrder(model) : [ENGINES[choice]];
  let refusal = "";
  let failure: EngineOutcome | null = null;
  for (const engine of candidates) {
    const accepted = engine.accepts(model);
    if (!accepted.ok) {
      refusal = `${engine.name} cannot take this model: ${accepted.why}`;
      continue;
    }
    const outcome = engine.solve(model, options);
    if (outcome.termination !== "error" || choice !== "auto") return outcome;
    failure ??= outcome;
  }
  if (failure !== null) return failure;
  const last = candidates[candidates.length - 1] as Engine;
  return { engine: last.name, termination: "error", solution: null, bound: null, message: refusal };
};
