/**
 * The javascript-lp-solver adapter: translates an AssignmentModel and maps the
 * answer back. It handles any model, side constraints included, by simplex and
 * branch and bound.
 *
 * What the adapter guards against (shared/solver-notes.md):
 * - names: every variable and constraint name is generated (x0, w0, e0, s0,
 *   b0), never taken from input, so ids like `constructor` cannot reach the
 *   solver's object lookups; the objective is "z" and no variable is named
 *   like a result field;
 * - numbers: values are rounded and checked for integrality and feasibility
 *   before they are believed;
 * - size: the tableau is dense, about 8 * rows * columns bytes; a model past
 *   `MAX_TABLEAU_BYTES` is refused with termination "error" rather than
 *   exhausting memory;
 * - time: the solver checks its timeout only between branch-and-bound nodes,
 *   on its own clock, and then still claims integrality; whether it may have
 *   stopped for time is decided on that same clock (`mayHaveStoppedForTime`),
 *   and such a solve is "time-limit" (unproven), never "optimal", and its
 *   last point, integral or not, is never an "error".
 */
import solverModule from "javascript-lp-solver";
import type { JsLpConstraintBound, JsLpModel, JsLpResult, JsLpSolver } from "./jsLpSolver.js";
import type { AssignmentModel } from "../model/types.js";
import { objectiveOf } from "../model/objective.js";
import { checkFlows } from "../model/check.js";
import { holdsAtZero, toMip, type Mip } from "../model/mip.js";
import type { Engine, EngineOptions, EngineOutcome } from "./types.js";

const solver = solverModule as unknown as JsLpSolver;

/** Refuse models whose dense tableau would pass this many bytes (1.5 GB). */
export const MAX_TABLEAU_BYTES = 1.5e9;

const OBJECTIVE = "z";

/**
 * Translates the model (through its MIP form, ../model/mip.ts) into
 * javascript-lp-solver's JSON form, with generated names only. A variable's
 * upper bound becomes a row where it is finite and tighter than its rows
 * imply. Rows with no terms are left out (the caller checks they hold).
 */
export const toJsLpModel = (model: AssignmentModel, options: EngineOptions = {}, mip: Mip = toMip(model)): JsLpModel => {
  const constraints: Record<string, JsLpConstraintBound> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  mip.variables.forEach((v, i) => {
    variables[v.name] = { [OBJECTIVE]: v.gain };
    ints[v.name] = 1;
    const implied = i < model.arcs.length ? impliedBound(model, i) : Infinity;
    if (v.upper < implied) {
      constraints[`b${i}`] = { max: v.upper };
      (variables[v.name] as Record<string, number>)[`b${i}`] = 1;
    }
  });
  for (const row of mip.rows) {
    if (row.terms.length === 0) continue;
    constraints[row.name] = row.relation === "<=" ? { max: row.rhs } : row.relation === ">=" ? { min: row.rhs } : { equal: row.rhs };
    for (const [v, coefficient] of row.terms) {
      const coefficients = variables[mip.variables[v]?.name ?? ""];
      if (coefficients !== undefined) coefficients[row.name] = coefficient;
    }
  }
  return {
    optimize: OBJECTIVE,
    opType: "max",
    constraints,
    variables,
    ints,
    ...(options.timeLimitMs !== undefined ? { options: { timeout: options.timeLimitMs } } : {}),
  };
};

/** The bound an arc's supply and capacity rows already impose. */
const impliedBound = (model: AssignmentModel, a: number): number => {
  const arc = model.arcs[a];
  return arc === undefined ? 0 : Math.min(model.workerClasses[arc.from]?.supply ?? 0, model.employerClasses[arc.to]?.capacity ?? 0);
};

/** Bytes of the dense tableau javascript-lp-solver would build: 8 x rows x (variables + rows). */
export const estimateTableauBytes = (jsModel: JsLpModel): number => {
  const rows = Object.keys(jsModel.constraints).length + 1;
  const columns = Object.keys(jsModel.variables).length + rows;
  return 8 * rows * columns;
};

/** The same estimate from the model's counts, without translating it. */
const estimateModelBytes = (model: AssignmentModel): number => {
  const bounded = model.arcs.filter(
    (arc) => arc.upper < Math.min(model.workerClasses[arc.from]?.supply ?? 0, model.employerClasses[arc.to]?.capacity ?? 0),
  ).length;
  const policyRows = 2 * (model.policies ?? []).length + (model.groups ?? []).reduce((s, g) => s + 2 * g.regions.length + 1, 0);
  const rows = model.workerClasses.length + model.employerClasses.length + model.sideConstraints.length + policyRows + bounded + 1;
  return 8 * rows * (model.arcs.length + rows);
};

const readFlows = (model: AssignmentModel, answer: JsLpResult): number[] | string => {
  const flows: number[] = [];
  for (let a = 0; a < model.arcs.length; a++) {
    const raw = answer[`x${a}`];
    const value = typeof raw === "number" ? raw : 0;
    const rounded = Math.round(value);
    if (Math.abs(value - rounded) > 1e-6) return `variable x${a} came back non-integral (${value})`;
    flows.push(rounded);
  }
  return flows;
};

export const lpSolverEngine: Engine = {
  name: "lp-solver",
  accepts: (model) => {
    const bytes = estimateModelBytes(model);
    return bytes <= MAX_TABLEAU_BYTES
      ? { ok: true }
      : { ok: false, why: `the dense tableau would need about ${Math.round(bytes / 1e6)} MB (limit ${MAX_TABLEAU_BYTES / 1e6} MB)` };
  },
  solve: (model, options): EngineOutcome => {
    const base = { engine: "lp-solver" as const, bound: null };
    const mip = toMip(model);
    const jsModel = toJsLpModel(model, options, mip);
    const bytes = estimateTableauBytes(jsModel);
    if (bytes > MAX_TABLEAU_BYTES) {
      return {
        ...base,
        termination: "error",
        solution: null,
        message: `model too large for javascript-lp-solver: the dense tableau would need about ${Math.round(bytes / 1e6)} MB; use the flow engine or aggregate further`,
      };
    }
    const impossible = mip.rows.find((row) => row.terms.length === 0 && !holdsAtZero(row));
    if (impossible !== undefined) {
      return { ...base, termination: "infeasible", solution: null, message: `${impossible.label ?? impossible.name} cannot hold: it counts no placement` };
    }
    const timeout = options.timeLimitMs;
    // The solver's own clock (see `mayHaveStoppedForTime`): read just before and after the call.
    const startedMs = Date.now();
    let answer: JsLpResult;
    try {
      answer = solver.Solve(jsModel);
    } catch (e) {
      return { ...base, termination: "error", solution: null, message: `javascript-lp-solver threw: ${String(e)}` };
    }
    const limited = timeout !== undefined && mayHaveStoppedForTime(startedMs, Date.now(), timeout);
    return readAnswer(model, answer, limited ? timeout : null);
  },
};

/**
 * Whether javascript-lp-solver may have stopped at its time limit, from
 * `Date.now()` read just before (`startedMs`) and just after (`endedMs`) the
 * call. The solver computes its deadline as `Date.now() + timeout` when its
 * branch and bound starts (after the call began, so at or after
 * `startedMs + timeout`) and stops searching once `Date.now()` reaches it,
 * without saying whether it stopped for time or because the search ended.
 * If `endedMs - startedMs < timeout`, every clock reading inside the call was
 * below that deadline, so the search ended on its own: proved. Otherwise it
 * may have been cut short, and nothing it returns is proved. Both readings
 * come from the same integer-millisecond clock the solver uses; a search
 * that ends on its own within the last millisecond is reported as limited,
 * which costs a proof, never a wrong status.
 */
export const mayHaveStoppedForTime = (startedMs: number, endedMs: number, timeout: number): boolean => endedMs - startedMs >= timeout;

/**
 * The answer mapped to an outcome. `limit` is the time limit in ms when the
 * solver may have stopped for it (then nothing is proved: no "optimal", no
 * "infeasible", and a point that is not an integer plan of the model is no
 * plan rather than an error), null when its search ended on its own.
 */
const readAnswer = (model: AssignmentModel, answer: JsLpResult, limit: number | null): EngineOutcome => {
  const base = { engine: "lp-solver" as const, bound: null };
  const stopped = (why: string): EngineOutcome => ({ ...base, termination: "time-limit", solution: null, message: `stopped at the time limit of ${limit} ms ${why}` });
  if (!answer.feasible) return limit !== null ? stopped("without a feasible solution") : { ...base, termination: "infeasible", solution: null, message: null };
  if (answer.bounded === false) {
    return { ...base, termination: "error", solution: null, message: "javascript-lp-solver reported the model unbounded" };
  }
  const flows = readFlows(model, answer);
  if (typeof flows === "string") {
    // At its limit the solver hands back its last relaxation, which need not be integral.
    return limit !== null ? stopped(`without an integer solution (${flows})`) : { ...base, termination: "error", solution: null, message: flows };
  }
  const violation = checkFlows(model, flows);
  if (violation !== null) {
    return limit !== null
      ? stopped(`without a feasible solution (its last point broke: ${violation})`)
      : { ...base, termination: "error", solution: null, message: `javascript-lp-solver returned an infeasible point: ${violation}` };
  }
  const solution = { flows, objective: objectiveOf(model, flows) };
  if (limit !== null) {
    return { ...base, termination: "time-limit", solution, message: `stopped at the time limit of ${limit} ms; the solution is the best found, not proved optimal` };
  }
  if (answer.isIntegral === false) {
    return { ...base, termination: "error", solution: null, message: "javascript-lp-solver returned a non-integral solution without reaching a time limit" };
  }
  return { ...base, termination: "optimal", solution, message: null };
};
