/**
 * Assembling a MatchResult from the instance, the built model and an engine's
 * outcome: placements, unplaced workers with reasons, employer outcomes and
 * summaries.
 */
import type { EngineOutcome } from "../engine/types.js";
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { BuiltModel } from "../model/build.js";
import { groupSplit, splitObjective, violationAt } from "../model/objective.js";
import { scopeArcs, scopeFlows, type AssignmentModel, type Flows } from "../model/types.js";
import { lawOutcomes, legalCapacities } from "../rules/limits.js";
import { score, type ScoreBreakdown } from "../rules/scoring.js";
import { disaggregate } from "./disaggregate.js";
import { lawReport } from "./law.js";
import { rememberPlacedAt } from "./placedAt.js";
import { lazyTotals, unfilledReasons, unplacedReasons } from "./explain.js";
import { slotStarts } from "./starts.js";
import { summarise } from "./summary.js";
import type { Diagnosis, EmployerOutcome, MatchResult, Placement, PolicyOutcome, Timings, Unplaced, UnplacedReason } from "./types.js";

/**
 * How the plan stands against each legal limit (read from the placements:
 * most are employers' capacities in the model, ../rules/limits.ts), then
 * against each policy and group. Each policy reads only its own classes and
 * arcs, never the whole arc list: a policy instance has thousands of
 * diversity limits and hundreds of groups, and the model hundreds of
 * thousands of arcs.
 */
const policyOutcomes = (instance: Instance, model: AssignmentModel, flows: Flows, placedAt: Int32Array): PolicyOutcome[] => {
  const policies = (model.policies ?? []).filter((p) => p.law !== true);
  // (No policy: no scopes to read, and no index of the arcs to build for them.)
  const values = policies.length === 0 ? [] : scopeFlows(model, policies.map((p) => p.scope), flows);
  return [
    ...lawOutcomes(instance, placedAt).map((l) => ({ label: l.label, source: l.source, hard: true, law: true, value: l.value, violation: Math.max(0, l.value - l.max) })),
    ...policies.map((p, k) => ({
      label: p.label,
      source: p.source,
      hard: p.penalty === null,
      law: p.law === true,
      value: values[k] as number,
      violation: violationAt(p, values[k] as number),
    })),
    ...(model.groups ?? []).map((g) => ({
      label: g.label,
      source: g.source,
      hard: g.penalty === null,
      law: false,
      value: scopeArcs(model, { kind: "workers", classes: g.workerClasses }).reduce((s, a) => s + (flows[a] ?? 0), 0),
      violation: groupSplit(model, g, flows) ? 1 : 0,
    })),
  ];
};

/**
 * A plan in the form every result is assembled from: why it stopped, who made
 * it, and (where it has a solution) the worker-to-employer placements with
 * the model's class flows they add up to.
 */
export interface PlanOutcome {
  readonly status: MatchResult["status"];
  readonly engine: MatchResult["engine"];
  readonly message: string | null;
  /** null without a solution. */
  readonly solution: {
    /** For each worker index, the employer index she is placed with, or -1. */
    readonly placedAt: Int32Array;
    /** The class-to-class flows of those placements, by arc index. */
    readonly flows: Flows;
    readonly objective: number;
  } | null;
  readonly bound: number | null;
  /** Worker index to the start of the slot group they have started in and keep (re-planning; ./starts.ts). */
  readonly pinnedStarts?: ReadonlyMap<number, string>;
}

export const assemble = (
  instance: Instance,
  built: BuiltModel,
  outcome: EngineOutcome,
  timings: Omit<Timings, "resultMs" | "totalMs">,
  started: number,
  diagnosis: Diagnosis | null = null,
): MatchResult => {
  const resultStarted = performance.now();
  const solution = outcome.solution;
  const legal = legalCapacities(instance);
  const placedAt = solution === null ? null : disaggregate(built, solution.flows, instance.workers.length, (e) => legal[e] ?? 0);
  const plan: PlanOutcome = {
    status: outcome.termination,
    engine: outcome.engine,
    message: outcome.message,
    solution: solution === null || placedAt === null ? null : { placedAt, flows: solution.flows, objective: solution.objective },
    bound: outcome.bound,
  };
  return assemblePlan(instance, built, plan, timings, started, diagnosis, resultStarted);
};

/**
 * The placements, in worker order: a loop of its own that only makes the
 * objects (scores and starts are worked out before), so that the optimising
 * compiler has it ready early. Made in the middle of a larger loop, most of
 * the 275,000 placements of the national scenario were made by unoptimised
 * code while the compiler was still busy with that loop (a tenth of a
 * second of compiling).
 */
const placementsOf = (
  instance: Instance,
  placedAt: Int32Array,
  scoreOf: Int32Array,
  pairScores: readonly ScoreBreakdown[],
  count: number,
  startAt: readonly string[] | null,
  starts: readonly (string | null)[] | null,
): Placement[] => {
  const { workers, employers, reference } = instance;
  const placements = new Array<Placement>(count);
  let n = 0;
  for (let w = 0; w < workers.length; w++) {
    const k = scoreOf[w] as number;
    if (k < 0) continue;
    const e = placedAt[w] as number;
    const s = pairScores[k] as ScoreBreakdown;
    placements[n++] = {
      workerId: (workers[w] as Worker).id,
      employerId: (employers[e] as Employer).id,
      start: startAt !== null ? (startAt[e] as string) : ((starts as readonly (string | null)[])[w] ?? reference.placement.start),
      score: s.total,
      points: s.points,
    };
  }
  return placements;
};

const NO_SOLUTION: UnplacedReason = Object.freeze({ kind: "no-solution" });

/** A MatchResult from a plan given as placements (./assemble.ts `assemble` gives it from an engine's flows). */
export const assemblePlan = (
  instance: Instance,
  built: BuiltModel,
  outcome: PlanOutcome,
  timings: Omit<Timings, "resultMs" | "totalMs">,
  started: number,
  diagnosis: Diagnosis | null = null,
  resultStarted: number = performance.now(),
): MatchResult => {
  const { workers, employers, reference, weights } = instance;
  const solution = outcome.solution;
  const placedAt = solution === null ? new Int32Array(workers.length).fill(-1) : solution.placedAt;

  const workerClassOf = new Int32Array(workers.length);
  built.workerMembers.forEach((members, c) => members.forEach((w) => (workerClassOf[w] = c)));
  const employerClassOf = new Int32Array(employers.length);
  built.employerMembers.forEach((members, j) => members.forEach((e) => (employerClassOf[e] = j)));

  // Groups of two or more with no member placed: their eligible members were
  // left out to keep the group whole.
  const groupSize = new Map<string, number>();
  const groupPlaced = new Set<string>();
  workers.forEach((worker, w) => {
    if (worker.group === null) return;
    groupSize.set(worker.group, (groupSize.get(worker.group) ?? 0) + 1);
    if ((placedAt[w] ?? -1) >= 0) groupPlaced.add(worker.group);
  });
  const leftWhole = (group: string | null): group is string => group !== null && (groupSize.get(group) ?? 0) >= 2 && !groupPlaced.has(group);

  const totalsOf = lazyTotals(instance, built);
  const reasonFor = unplacedReasons(instance, built, totalsOf);
  // Where no employer has more than one slot group, each placement starts at its employer's one group
  // (or the period's start), pinned or not, as ./starts.ts deals them: a start per employer, with no
  // array of a start per worker.
  const starts = employers.every((e) => e.slotGroups.length <= 1) ? null : slotStarts(instance, placedAt, outcome.pinnedStarts);
  const startAt = starts !== null ? null : employers.map((employer) => employer.slotGroups[employer.slotGroups.length - 1]?.start ?? reference.placement.start);
  // A placement's score reads only what both classes' keys hold (../model/build.ts: the arcs' scores are
  // the same numbers): it is computed once per pair of classes, and placements of one pair share it.
  const pairScores: ScoreBreakdown[] = [];
  const scoreIndex = new Map<number, number>();
  const employerClassCount = built.employerMembers.length;
  // Per worker: the index of her placement's score in pairScores, or -1 where she is unplaced.
  const scoreOf = new Int32Array(workers.length).fill(-1);
  const filled = new Int32Array(employers.length);
  let placedCount = 0;
  for (let w = 0; w < workers.length; w++) {
    const e = placedAt[w] ?? -1;
    if (e < 0 || e >= employers.length) continue;
    const pair = (workerClassOf[w] as number) * employerClassCount + (employerClassOf[e] as number);
    let k = scoreIndex.get(pair);
    if (k === undefined) {
      const s = score(workers[w] as Worker, employers[e] as Employer, reference, weights);
      Object.freeze(s.points);
      k = pairScores.length;
      pairScores.push(s);
      scoreIndex.set(pair, k);
    }
    scoreOf[w] = k;
    filled[e] = (filled[e] as number) + 1;
    placedCount++;
  }
  const placements = placementsOf(instance, placedAt, scoreOf, pairScores, placedCount, startAt, starts);
  const unplaced: Unplaced[] = new Array<Unplaced>(workers.length - placedCount);
  for (let w = 0, n = 0; w < workers.length; w++) {
    if ((scoreOf[w] as number) >= 0) continue;
    const worker = workers[w] as Worker;
    const reason = solution === null ? NO_SOLUTION : reasonFor(workerClassOf[w] ?? 0);
    unplaced[n++] = {
      workerId: worker.id,
      reason: reason.kind === "eligible-slots-taken" && leftWhole(worker.group) ? { ...reason, group: worker.group } : reason,
    };
  }

  // The stability summary reads the plan back from the placements: it is handed over with them (checked there).
  if (solution !== null) rememberPlacedAt(placements, placedAt);
  const unfilledFor = unfilledReasons(instance, built, totalsOf);
  const employerOutcomes: EmployerOutcome[] = employers.map((e, i) => ({
    employerId: e.id,
    slots: e.slots,
    filled: filled[i] ?? 0,
    unfilledReason: (filled[i] ?? 0) < e.slots && solution !== null ? unfilledFor(employerClassOf[i] ?? 0) : null,
  }));

  const split = solution === null ? null : splitObjective(built.model, solution.flows);
  const law = lawReport(instance, filled);
  const resultMs = performance.now() - resultStarted;
  return {
    status: outcome.status,
    hasSolution: solution !== null,
    message: outcome.message,
    engine: outcome.engine,
    placements,
    unplaced,
    employers: employerOutcomes,
    summary: summarise(instance, placements, unplaced, filled),
    objective:
      solution === null || split === null
        ? null
        : { value: solution.objective, placementWeight: built.model.placementWeight, placed: split.placed, totalScore: split.totalScore, bound: outcome.bound },
    model: { workerClasses: built.model.workerClasses.length, employerClasses: built.model.employerClasses.length, arcs: built.model.arcs.length },
    policy: solution === null ? [] : policyOutcomes(instance, built.model, solution.flows, placedAt),
    diagnosis,
    law,
    stability: null,
    timings: { ...timings, resultMs, totalMs: performance.now() - started },
  };
};
