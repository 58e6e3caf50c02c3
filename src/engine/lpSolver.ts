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
import type { Engine, EngineOutcome } from "./types.js";
import { solveInWorker } from "./lpWorker.js";

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
export const toJsLpModel = (model: AssignmentModel, timeoutMs?: number, mip: Mip = toMip(model)): JsLpModel => {
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
    ...(timeoutMs !== undefined ? { options: { timeout: timeoutMs } } : {}),
  };
};

/** The bound an arc's supply and capacity rows already impose. */
const impliedBound = (model: AssignmentModel, a: number): number => {
  if (a < 0 || a >= model.arcs.length) return 0;
  return Math.min(model.workerClasses[model.arcs.from[a] as number]?.supply ?? 0, model.employerClasses[model.arcs.to[a] as number]?.capacity ?? 0);
};

/** Bytes of the dense tableau javascript-lp-solver would build: 8 x rows x (variables + rows). */
export const estimateTableauBytes = (jsModel: JsLpModel): number => {
  const rows = Object.keys(jsModel.constraints).length + 1;
  const columns = Object.keys(jsModel.variables).length + rows;
  return 8 * rows * columns;
};

/** The same estimate from the model's counts, without translating it. */
const estimateModelBytes = (model: AssignmentModel): number => {
  let bounded = 0;
  for (let a = 0; a < model.arcs.length; a++) if ((model.arcs.upper[a] as number) < impliedBound(model, a)) bounded++;
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
    const { deadline } = options;
    const mip = toMip(model);
    const timeout = deadline === undefined ? undefined : Math.floor(deadline - performance.now());
    const jsModel = toJsLpModel(model, timeout, mip);
    const bytes = estimateTableauBytes(jsModel);
    if (bytes > MAX_TABLEAU_BYTES) {
      return {
        ...base,
        termination: "error",
        solution: null,
        message: `model too large for javascript-lp-solver: the dense tableau would need about ${Math.round(bytes / 1e6)} MB; use the flow or side engine, or aggregate further`,
      };
    }
    const impossible = mip.rows.find((row) => row.terms.length === 0 && !holdsAtZero(row));
    if (impossible !== undefined) {
      return { ...base, termination: "infeasible", solution: null, message: `${impossible.label ?? impossible.name} cannot hold: it counts no placement` };
    }
    if (deadline === undefined || timeout === undefined) return solveHere(model, jsModel, undefined);
    if (timeout < 1) return { ...base, termination: "time-limit", solution: null, message: "the time limit passed before javascript-lp-solver could start" };
    // In a worker, the limit holds even through the solver's linear solves, which never look at the clock.
    const answer = solveInWorker(jsModel, deadline);
    switch (answer.kind) {
      case "answer":
        return readAnswer(model, answer.answer, mayHaveStoppedForTime(answer.startedMs, answer.endedMs, timeout));
      case "threw":
        return { ...base, termination: "error", solution: null, message: `javascript-lp-solver threw: ${answer.message}` };
      case "terminated":
        return { ...base, termination: "time-limit", solution: null, message: "javascript-lp-solver had not answered at the time limit; its worker thread was stopped" };
      case "unavailable":
        return solveHere(model, jsModel, timeout);
    }
  },
};

/**
 * Solves in the calling thread (no deadline, or no worker threads here):
 * with a `timeout`, the solver's own limit is the only one, and it is not
 * looked at during a linear solve.
 */
const solveHere = (model: AssignmentModel, jsModel: JsLpModel, timeout: number | undefined): EngineOutcome => {
  // The solver's own clock (see `mayHaveStoppedForTime`): read just before and after the call.
  const startedMs = Date.now();
  let answer: JsLpResult;
  try {
    answer = solver.Solve(jsModel);
  } catch (e) {
    return { engine: "lp-solver", termination: "error", solution: null, bound: null, message: `javascript-lp-solver threw: ${String(e)}` };
  }
  return readAnswer(model, answer, timeout !== undefined && mayHaveStoppedForTime(startedMs, Date.now(), timeout));
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
 * The answer mapped to an outcome. `limited`: the solver may have stopped at
 * its time limit (then nothing is proved: no "optimal", no "infeasible", and
 * a point that is not an integer plan of the model is no plan rather than an
 * error); false when its search ended on its own.
 */
const readAnswer = (model: AssignmentModel, answer: JsLpResult, limited: boolean): EngineOutcome => {
  const base = { engine: "lp-solver" as const, bound: null };
  const stopped = (why: string): EngineOutcome => ({ ...base, termination: "time-limit", solution: null, message: `stopped at the time limit ${why}` });
  if (!answer.feasible) return limited ? stopped("without a feasible solution") : { ...base, termination: "infeasible", solution: null, message: null };
  if (answer.bounded === false) {
    return { ...base, termination: "error", solution: null, message: "javascript-lp-solver reported the model unbounded" };
  }
  const flows = readFlows(model, answer);
  if (typeof flows === "string") {
    // At its limit the solver hands back its last relaxation, which need not be integral.
    return limited ? stopped(`without an integer solution (${flows})`) : { ...base, termination: "error", solution: null, message: flows };
  }
  const violation = checkFlows(model, flows);
  if (violation !== null) {
    return limited
      ? stopped(`without a feasible solution (its last point broke: ${violation})`)
      : { ...base, termination: "error", solution: null, message: `javascript-lp-solver returned an infeasible point: ${violation}` };
  }
  const solution = { flows, objective: objectiveOf(model, flows) };
  if (limited) {
    return { ...base, termination: "time-limit", solution, message: "stopped at the time limit; the solution is the best found, not proved optimal" };
  }
  if (answer.isIntegral === false) {
    return { ...base, termination: "error", solution: null, message: "javascript-lp-solver returned a non-integral solution without reaching a time limit" };
  }
  return { ...base, termination: "optimal", solution, message: null };
};
