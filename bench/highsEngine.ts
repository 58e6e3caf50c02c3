/**
 * HiGHS (WebAssembly, npm `highs`) behind jobmatch's engine interface, for
 * benchmarks and conformance checks only: it is a development dependency.
 * It solves the model's CPLEX LP export with mip_rel_gap 0, so "optimal"
 * means proved optimal.
 */
import type { EngineOptions, EngineOutcome } from "../src/engine/types.js";
import type { AssignmentModel } from "../src/model/types.js";
import { toLP } from "../src/engine/lpFormat.js";
import { checkFlows } from "../src/model/check.js";
import { objectiveOf } from "../src/model/objective.js";

export interface HighsSolver {
  solve(problem: string, options?: Record<string, unknown>): {
    Status: string;
    Columns: Record<string, { Primal?: number }>;
  };
}

export const loadHighs = async (): Promise<HighsSolver> => {
  const loader = (await import("highs")).default as unknown as () => Promise<HighsSolver>;
  return loader();
};

/** An engine for the benchmark: a name and a solve; the outcome's own engine field is not used. */
export interface BenchEngine {
  readonly name: string;
  readonly solve: (model: AssignmentModel, options: EngineOptions) => Omit<EngineOutcome, "engine">;
}

export const highsEngine = (highs: HighsSolver): BenchEngine => ({
  name: "highs",
  solve: (model, options) => {
    const base = { bound: null };
    let answer: ReturnType<HighsSolver["solve"]>;
    try {
      answer = highs.solve(toLP(model), {
        mip_rel_gap: 0,
        ...(options.deadline === undefined ? {} : { time_limit: Math.max(0.001, (options.deadline - performance.now()) / 1000) }),
      });
    } catch (e) {
      return { ...base, termination: "error", solution: null, message: `HiGHS threw: ${String(e)}` };
    }
    if (answer.Status === "Infeasible") return { ...base, termination: "infeasible", solution: null, message: null };
    if (answer.Status !== "Optimal" && answer.Status !== "Time limit reached") {
      return { ...base, termination: "error", solution: null, message: `HiGHS status ${answer.Status}` };
    }
    const flows = Array.from({ length: model.arcs.length }, (_, a) => Math.round(answer.Columns[`x${a}`]?.Primal ?? 0));
    const violation = checkFlows(model, flows);
    if (violation !== null) return { ...base, termination: "error", solution: null, message: `HiGHS answer infeasible: ${violation}` };
    return {
      ...base,
      termination: answer.Status === "Optimal" ? "optimal" : "time-limit",
      solution: { flows, objective: objectiveOf(model, flows) },
      message: null,
    };
  },
});
