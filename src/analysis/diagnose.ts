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
 * deterministic choice is reported. Groups are never relaxed, nor legal
 * limits (../rules/limits.ts): the law is not the plan's to relax.
 *
 * Each relaxed minimum then gets a reason in the cohort's terms:
 * - a quota (a minimum over employers): too few slots, or too few eligible
 *   workers and the rule that keeps most of the others out everywhere, or
 *   too little room under the legal limits of its employers, or enough of
 *   all three but taken by the rest of the plan;
 * - a fairness floor (a minimum over one centre's or province's workers),
 *   read off the relaxed plan: how many of its workers are eligible anywhere,
 *   how many slots at how many employers they qualify for, and how the plan
 *   fills those slots (its workers, other workers, empty). Then, where any:
 *   the hard maximums whose scope counts a placement of its workers and that
 *   the plan meets (or, relaxed themselves, exceeds): "limits reached there";
 *   the hard minimums with none to spare (at or below their bound) and how
 *   many of the other workers in those slots or under those limits count
 *   towards each; and how many of its eligible workers are in hard groups the
 *   plan leaves wholly unplaced. Constraints are named by label in model
 *   order (legal limits, quotas, diversity limits, fairness floors, as
 *   compiled), at most three to a list and then how many more.
 */
import { solveModel } from "../engine/select.js";
import type { EngineChoice } from "../engine/types.js";
import { policyViolation } from "../model/objective.js";
import { scopeArcs, type AssignmentModel, type Flows, type PolicyConstraint } from "../model/types.js";
import type { Diagnosis, Relaxation } from "../result/types.js";
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { BuiltModel } from "../model/build.js";
import { exclusions, RULES, type RuleId } from "../rules/eligibility.js";
import { lawLimits, lawOutcomes, legalCapacities } from "../rules/limits.js";
import { disaggregate } from "../result/disaggregate.js";
import { RULE_REASON } from "../rules/ruleIds.js";

/** Hard constraints the diagnosis may relax: the policy's, never the law's. */
const relaxable = (p: PolicyConstraint): boolean => p.penalty === null && p.law !== true;

/** The model with every hard policy constraint made soft at `penalty` per unit; legal limits stay hard. */
const relaxed = (model: AssignmentModel, penalty: number): AssignmentModel => ({
  ...model,
  policies: (model.policies ?? []).map((p) => (relaxable(p) ? { ...p, penalty } : p)),
});

const relaxation = (model: AssignmentModel, p: PolicyConstraint, flows: Flows): Relaxation | null => {
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
export const diagnoseInstance = (instance: Instance, built: BuiltModel, engine: EngineChoice = "auto", deadline?: number): Diagnosis => {
  const { diagnosis: d, flows } = relaxedPlan(built.model, engine, deadline);
  if (d.kind !== "relaxation") return d;
  return {
    ...d,
    relaxations: d.relaxations.map((r) => {
      const reason = relaxationReason(instance, built, flows, r);
      return reason === null ? r : { ...r, text: `${r.text}: ${reason}` };
    }),
  };
};

/** The smallest relaxation of the hard policies that makes `model` feasible. */
export const diagnose = (model: AssignmentModel, engine: EngineChoice = "auto", deadline?: number): Diagnosis =>
  relaxedPlan(model, engine, deadline).diagnosis;

/** The diagnosis, and the flows of the relaxed plan it was read from (none when unavailable). */
const relaxedPlan = (model: AssignmentModel, engine: EngineChoice, deadline?: number): { readonly diagnosis: Diagnosis; readonly flows: Flows } => {
  const unavailable = (message: string) => ({ diagnosis: { kind: "unavailable", message } as const, flows: [] });
  const hard = (model.policies ?? []).filter(relaxable);
  if (hard.length === 0) return unavailable("no hard policy constraint to relax (legal limits are never relaxed)");
  // One unit of relaxation must outweigh every placement and score together.
  const totalSupply = model.workerClasses.reduce((s, c) => s + c.supply, 0);
  const penalty = model.placementWeight * (totalSupply + 1);
  if (!Number.isSafeInteger(penalty * (totalSupply + 1) * hard.length)) {
    return unavailable("the model is too large to diagnose exactly (penalties would leave exact arithmetic)");
  }
  const outcome = solveModel(relaxed(model, penalty), engine, deadline === undefined ? {} : { deadline });
  if (outcome.solution === null || outcome.termination !== "optimal") {
    return unavailable(`the relaxed plan was not solved to optimality (${outcome.termination}${outcome.message === null ? "" : `: ${outcome.message}`})`);
  }
  const flows = outcome.solution.flows;
  const relaxations = hard.flatMap((p) => {
    const r = relaxation(model, p, flows);
    return r === null ? [] : [r];
  });
  return { diagnosis: { kind: "relaxation", relaxations, totalUnits: hard.reduce((s, p) => s + policyViolation(model, p, flows), 0) }, flows };
};

/**
 * Why a relaxed minimum could not hold, in the cohort's terms: for a quota
 * from the input alone, for a fairness floor from the relaxed plan's `flows`
 * too (see the module comment). Null for a relaxed maximum.
 */
export const relaxationReason = (instance: Instance, built: BuiltModel, flows: Flows, r: Relaxation): string | null => {
  const policy = (built.model.policies ?? []).find((p) => p.source === r.source && p.label === r.label);
  if (policy === undefined || r.bound !== "min") return null;
  switch (policy.scope.kind) {
    case "employers":
      return quotaReason(instance, built, policy.scope.classes, r);
    case "workers":
      return floorReason(instance, built, flows, policy, policy.scope.classes);
    case "pairs":
      return null;
  }
};

/** A quota: too few slots, too few eligible workers (and the rule that keeps most of the others out), or both enough but taken by the rest of the plan. */
const quotaReason = (instance: Instance, built: BuiltModel, classes: readonly number[], r: Relaxation): string => {
  const { model } = built;
  const targets = new Set(classes);
  const slots = classes.reduce((s, j) => s + (built.employerMembers[j] ?? []).reduce((t, i) => t + (instance.employers[i]?.slots ?? 0), 0), 0);
  const eligibleClasses = new Set<number>();
  for (let a = 0; a < model.arcs.length; a++) if (targets.has(model.arcs.to[a] as number)) eligibleClasses.add(model.arcs.from[a] as number);
  const eligible = [...eligibleClasses].reduce((s, c) => s + (model.workerClasses[c]?.supply ?? 0), 0);
  if (slots < r.from && slots <= eligible) return `its employers have only ${slots} slots`;
  if (eligible < r.from) {
    // The rule that keeps most of the other workers out of these employers.
    const counts = new Map<RuleId, number>();
    built.workerMembers.forEach((members, c) => {
      if (eligibleClasses.has(c)) return;
      const worker = instance.workers[members[0] as number] as Worker;
      // A rule counts for a worker when it excludes them at every one of these employers.
      const ruleSets = classes.map((j) => {
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
  const barred = classes.filter((j) => instance.reference.employerBarriers.has(instance.employers[built.employerMembers[j]?.[0] as number]?.id ?? ""));
  const room = legalRoom(model, classes.filter((j) => !barred.includes(j)));
  if (room < r.from) {
    const excluded = barred.reduce((s, j) => s + (built.employerMembers[j] ?? []).reduce((t, i) => t + (instance.employers[i]?.slots ?? 0), 0), 0);
    return `${eligible} workers are eligible for its ${slots} slots, but the law lets its employers take only ${room} (${excluded} slots are at employers a rule excludes; statutory caps, acceptance plans and housing limit the others)`;
  }
  return `${eligible} workers are eligible for its ${slots} slots, but the rest of the plan needs them or their slots`;
};

/**
 * What the legal limits on single employers (../rules/limits.ts) let these
 * employer classes take: their capacities, which are their employers' legal
 * capacities. A limit over several employers (a support organisation) or
 * over some of their workers (housing, former interns aside) is left out, so
 * this is an upper bound.
 */
const legalRoom = (model: AssignmentModel, classes: readonly number[]): number => classes.reduce((total, j) => total + (model.employerClasses[j]?.capacity ?? 0), 0);

/**
 * A fairness floor over the worker classes `classes` (one centre's or
 * province's workers), read off the relaxed plan: "its 3 eligible workers
 * qualify for 4 slots at 2 employers; the relaxed plan fills 1 of them with
 * its workers, 2 with workers from other centres and leaves 1 empty; limits
 * reached there: ...; workers from other centres there count towards
 * minimums with none to spare: 2 towards ...; 1 of its eligible workers is in
 * groups left unplaced, which go whole or not at all".
 */
const floorReason = (instance: Instance, built: BuiltModel, flows: Flows, floor: PolicyConstraint, classes: readonly number[]): string => {
  const { model } = built;
  const mine = new Set(classes);
  const flow = (arcs: readonly number[]): number => arcs.reduce((s, a) => s + (flows[a] ?? 0), 0);
  const { from, to } = model.arcs;
  const fromMine = (a: number): boolean => mine.has(from[a] ?? -1);
  const own: number[] = [];
  for (let a = 0; a < model.arcs.length; a++) if (mine.has(from[a] as number)) own.push(a);
  const eligibleClasses = new Set(own.map((a) => from[a] ?? -1));
  const targets = new Set(own.map((a) => to[a] ?? -1));
  const eligible = [...eligibleClasses].reduce((s, c) => s + (model.workerClasses[c]?.supply ?? 0), 0);
  const members = [...targets].flatMap((j) => built.employerMembers[j] ?? []);
  const slots = members.reduce((s, i) => s + (instance.employers[i]?.slots ?? 0), 0);
  const employers = members.filter((i) => (instance.employers[i]?.slots ?? 0) > 0).length;
  const into: number[] = [];
  for (let a = 0; a < model.arcs.length; a++) if (targets.has(to[a] as number)) into.push(a);
  const placedHere = flow(own);
  const othersHere = flow(into.filter((a) => !fromMine(a)));

  // The law's limits reached at these employers (most are capacities in the
  // model: read them off the relaxed plan's placements), then the policy's.
  const classOf = new Int32Array(instance.employers.length).fill(-1);
  built.employerMembers.forEach((m, j) => m.forEach((i) => (classOf[i] = j)));
  const legal = legalCapacities(instance);
  const law = lawOutcomes(instance, disaggregate(built, flows, instance.workers.length, (i) => legal[i] ?? 0));
  const lawReached = lawLimits(instance).flatMap((l, k) =>
    (law[k]?.value ?? 0) >= l.max && l.employers.some((i) => targets.has(classOf[i] ?? -1)) ? [{ label: l.label, classes: l.employers.map((i) => classOf[i] ?? -1) }] : [],
  );
  const hard = (model.policies ?? []).filter((p) => p.penalty === null && p !== floor && p.law !== true);
  const policyReached = hard.filter((p) => p.max !== null && flow(scopeArcs(model, p.scope)) >= p.max && scopeArcs(model, p.scope).some(fromMine));
  const limits = [...lawReached, ...policyReached];
  const there = new Set([
    ...into,
    ...lawReached.flatMap((l) => scopeArcs(model, { kind: "employers", classes: l.classes })),
    ...policyReached.flatMap((p) => scopeArcs(model, p.scope)),
  ]);
  const needs = hard.flatMap((p) => {
    const arcs = scopeArcs(model, p.scope);
    if (p.min === null || flow(arcs) > p.min) return [];
    const n = flow(arcs.filter((a) => there.has(a) && !fromMine(a)));
    return n > 0 ? [`${n} towards ${p.label}`] : [];
  });
  const placedByClass = model.workerClasses.map(() => 0);
  for (let a = 0; a < model.arcs.length; a++) {
    const c = from[a] as number;
    placedByClass[c] = (placedByClass[c] ?? 0) + (flows[a] ?? 0);
  }
  const leftOut = new Set(
    (model.groups ?? []).filter((g) => g.penalty === null && g.workerClasses.every((c) => placedByClass[c] === 0)).flatMap((g) => g.workerClasses),
  );
  const inGroups = [...eligibleClasses].filter((c) => leftOut.has(c)).reduce((s, c) => s + (model.workerClasses[c]?.supply ?? 0), 0);

  const by = instance.policy.fairness.find((f) => f.source === floor.source)?.by;
  const others = by === "homeProvince" ? "workers from other provinces" : "workers from other centres";
  return [
    `its ${count(eligible, "eligible worker")} ${eligible === 1 ? "qualifies" : "qualify"} for ${count(slots, "slot")} at ${count(employers, "employer")}`,
    `the relaxed plan fills ${placedHere} of them with its workers, ${othersHere} with ${others} and leaves ${slots - placedHere - othersHere} empty`,
    ...(limits.length === 0 ? [] : [`limits reached there: ${listed(limits.map((p) => p.label))}`]),
    ...(needs.length === 0 ? [] : [`${others} there count towards minimums with none to spare: ${listed(needs)}`]),
    ...(inGroups === 0 ? [] : [`${inGroups} of its eligible workers ${inGroups === 1 ? "is" : "are"} in groups left unplaced, which go whole or not at all`]),
  ].join("; ");
};

/** At most three items, then how many more: "a, b, c and 2 more". */
const listed = (items: readonly string[]): string =>
  items.length <= 3 ? items.join(", ") : `${items.slice(0, 3).join(", ")} and ${items.length - 3} more`;

/** "1 slot", "3 slots". */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;
