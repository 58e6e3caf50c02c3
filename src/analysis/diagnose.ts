/**
 * Diagnosis of an infeasible plan: which hard policy constraints conflict,
 * and the smallest relaxation that makes the plan feasible.
 *
 * Only minimums (quotas' `min`, fairness floors) can make a plan infeasible:
 * placing nobody meets every maximum and keeps every group together. The
 * diagnosis solves the same model with every hard constraint made soft at a
 * penalty larger than any number of placements can pay for, so the engine
 * first minimises the total units of relaxation (summed over constraints)
 * and only then places and scores. The constraints it had to break, and by
 * how much, are the smallest relaxation in that sense: no plan breaks fewer
 * units in total. Several relaxations can be equally small; the engine's
 * deterministic choice is reported.
 */
import { solveModel } from "../engine/select.js";
import type { EngineChoice } from "../engine/types.js";
import { policyViolation } from "../model/objective.js";
import { scopeArcs, type AssignmentModel, type PolicyConstraint } from "../model/types.js";
import type { Diagnosis, Relaxation } from "../result/types.js";

/** The model with every hard policy made soft at `penalty` per unit. */
const relaxed = (model: AssignmentModel, penalty: number): AssignmentModel => ({
  ...model,
  policies: (model.policies ?? []).map((p) => (p.penalty === null ? { ...p, penalty } : p)),
});

const relaxation = (model: AssignmentModel, p: PolicyConstraint, flows: readonly number[]): Relaxation | null => {
  const value = scopeArcs(model, p.scope).reduce((s, a) => s + (flows[a] ?? 0), 0);
  if (p.min !== null && value < p.min) {
    return {
      label: p.label,
      source: p.source,
      bound: "min",
      from: p.min,
      to: value,
      by: p.min - value,
      text: `${p.label} cannot be met with the rest of the plan: at most ${value} (lower the minimum by ${p.min - value}, to ${value})`,
    };
  }
  if (p.max !== null && value > p.max) {
    return {
      label: p.label,
      source: p.source,
      bound: "max",
      from: p.max,
      to: value,
      by: value - p.max,
      text: `${p.label} must give: the other constraints need ${value} here (raise the maximum by ${value - p.max}, to ${value})`,
    };
  }
  return null;
};

/** The smallest relaxation of the hard policies that makes `model` feasible. */
export const diagnose = (model: AssignmentModel, engine: EngineChoice = "auto", timeLimitMs?: number): Diagnosis => {
  const hard = (model.policies ?? []).filter((p) => p.penalty === null);
  if (hard.length === 0) return { kind: "unavailable", message: "no hard policy constraint to relax" };
  // One unit of relaxation must outweigh every placement and score together.
  const totalSupply = model.workerClasses.reduce((s, c) => s + c.supply, 0);
  const penalty = model.placementWeight * (totalSupply + 1);
  if (!Number.isSafeInteger(penalty * (totalSupply + 1) * hard.length)) {
    return { kind: "unavailable", message: "the model is too large to diagnose exactly (penalties would leave exact arithmetic)" };
  }
  const outcome = solveModel(relaxed(model, penalty), engine, timeLimitMs === undefined ? {} : { timeLimitMs });
  if (outcome.solution === null || outcome.termination !== "optimal") {
    return { kind: "unavailable", message: `the relaxed plan was not solved to optimality (${outcome.termination}${outcome.message === null ? "" : `: ${outcome.message}`})` };
  }
  const flows = outcome.solution.flows;
  const relaxations = hard.flatMap((p) => {
    const r = relaxation(model, p, flows);
    return r === null ? [] : [r];
  });
  return { kind: "relaxation", relaxations, totalUnits: hard.reduce((s, p) => s + policyViolation(model, p, flows), 0) };
};
