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
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { BuiltModel } from "../model/build.js";
import { exclusions, RULES, type RuleId } from "../rules/eligibility.js";

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

/** The smallest relaxation of the hard policies that makes the built model feasible, each with its reason in the cohort's terms. */
export const diagnoseInstance = (instance: Instance, built: BuiltModel, engine: EngineChoice = "auto", timeLimitMs?: number): Diagnosis => {
  const d = diagnose(built.model, engine, timeLimitMs);
  if (d.kind !== "relaxation") return d;
  return {
    ...d,
    relaxations: d.relaxations.map((r) => {
      const reason = relaxationReason(instance, built, r);
      return reason === null ? r : { ...r, text: `${r.text}: ${reason}` };
    }),
  };
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

/**
 * Why a relaxed constraint could not hold, in the cohort's terms, for a
 * minimum over employers (a quota) or workers (a fairness floor): too few
 * eligible workers (and the rule that keeps most of the others out), too
 * few slots, or enough of both but taken by the rest of the plan.
 */
export const relaxationReason = (instance: Instance, built: BuiltModel, r: Relaxation): string | null => {
  const { model } = built;
  const policy = (model.policies ?? []).find((p) => p.source === r.source && p.label === r.label);
  if (policy === undefined || r.bound !== "min") return null;
  if (policy.scope.kind === "employers") {
    const targets = new Set(policy.scope.classes);
    const slots = policy.scope.classes.reduce((s, j) => s + (model.employerClasses[j]?.capacity ?? 0), 0);
    const eligibleClasses = new Set(model.arcs.filter((a) => targets.has(a.to)).map((a) => a.from));
    const eligible = [...eligibleClasses].reduce((s, c) => s + (model.workerClasses[c]?.supply ?? 0), 0);
    if (slots < r.from && slots <= eligible) return `its employers have only ${slots} slots`;
    if (eligible < r.from) {
      // The rule that keeps most of the other workers out of these employers.
      const counts = new Map<RuleId, number>();
      built.workerMembers.forEach((members, c) => {
        if (eligibleClasses.has(c)) return;
        const worker = instance.workers[members[0] as number] as Worker;
        // A rule counts for a worker when it excludes them at every one of these employers.
        const targetsHere = policy.scope.kind === "employers" ? policy.scope.classes : [];
        const ruleSets = targetsHere.map((j) => {
          const employer = instance.employers[built.employerMembers[j]?.[0] as number] as Employer;
          return new Set<RuleId>(exclusions(worker, employer, instance.reference).map((x) => x.rule));
        });
        const everywhere = RULES.filter((rule) => ruleSets.length > 0 && ruleSets.every((set) => set.has(rule)));
        for (const rule of everywhere) counts.set(rule, (counts.get(rule) ?? 0) + members.length);
      });
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || RULES.indexOf(a[0]) - RULES.indexOf(b[0]))[0];
      const others = instance.workers.length - eligible;
      return `only ${eligible} workers are eligible for its ${slots} slots${top === undefined ? "" : `; of the other ${others}, ${top[1]} are ${RULE_REASON[top[0]]}`}`;
    }
    return `${eligible} workers are eligible for its ${slots} slots, but the rest of the plan needs them or their slots`;
  }
  if (policy.scope.kind === "workers") {
    return "its eligible workers compete for the same slots as others the plan must place";
  }
  return null;
};

const RULE_REASON: Readonly<Record<RuleId, string>> = {
  "field-certification": "not certified in the field",
  "statutory-language": "below the SSW Japanese minimum",
  "employer-language": "below the employers' Japanese requirement",
  "care-japanese-test": "without the nursing-care Japanese test",
  "required-skill": "missing a required skill",
};
