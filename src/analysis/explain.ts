/**
 * Explanations of one worker or one employer, as data: where a worker went
 * and the points behind it, and what decided it; why a worker was not
 * placed; why an employer's slots stayed empty. Pure functions of the decoded
 * instance and the result of `match` on it; they never throw, and a wrong id
 * or a result from another instance is a Left.
 *
 * "What decided it" uses what the optimum is: most placements first, then
 * the highest total score, less soft policy penalties. The explanation
 * computes the best exchange (./exchange.ts) rather than asserting that it
 * would not help: for a placed worker, at the better-scoring employers; for
 * an unplaced one, at every employer that accepts them. Under a policy the
 * exchange names the constraints it would break (./ledger.ts), so the
 * binding constraint is named, not guessed. Employers without slots are left
 * out of every count: they are not places a worker could go.
 *
 * @example
 * const x = explainWorker(instance, result, "W0006");
 * if (E.isRight(x)) console.log(formatWorkerExplanation(x.right));
 */
import * as E from "fp-ts/lib/Either.js";
import { compareStrings, type Employer, type Instance, type Worker } from "../input/instance.js";
import type { MatchResult } from "../result/types.js";
import { exclusions, RULES, type Exclusion } from "../rules/eligibility.js";
import { CRITERIA, score } from "../rules/scoring.js";
import { analysisContext, eligibleEmployers, freeSlots, scoreOf, type AnalysisContext } from "./context.js";
import { breaksHard, compareExchanges, exchange, type Exchange } from "./exchange.js";
import { groupFit } from "./groupFit.js";
import { betterOffers } from "../stable/offers.js";
import { smallestChangeFor } from "./whatIf.js";
import type { Alternative, EmployerExplanation, EmptySlots, GroupLeftOut, RuleTally, WorkerExplanation } from "./types.js";
import { criterionWords, employerLabel, exclusionWords, particulars, requirementWords, RULE_WORDS } from "./words.js";

const alternative = (ctx: AnalysisContext, employer: Employer, workerScore: number): Alternative => {
  const placed = ctx.placedAt.get(employer.id) ?? [];
  return {
    employerId: employer.id,
    label: employerLabel(employer, ctx.instance.reference),
    score: workerScore,
    slots: employer.slots,
    filled: placed.length,
    freeSlots: employer.slots - placed.length,
    placedWorkers: placed.map((p) => p.workerId),
  };
};

/** Tallies per rule over (item, exclusions) pairs; `words` renders one exclusion of a pair. */
const tally = <T extends { readonly id: string }>(
  rows: readonly { readonly item: T; readonly excluded: readonly Exclusion[] }[],
  words: (x: Exclusion, item: T) => string,
): RuleTally[] =>
  RULES.flatMap((rule) => {
    const hit = rows.filter((r) => r.excluded.some((x) => x.rule === rule));
    const first = hit[0];
    const x = first?.excluded.find((e) => e.rule === rule);
    if (first === undefined || x === undefined) return [];
    const only = hit.filter((r) => r.excluded.length === 1).length;
    return [{ rule, words: RULE_WORDS[rule], count: hit.length, only, exampleId: first.item.id, example: words(x, first.item) }];
  });

const explainPlaced = (ctx: AnalysisContext, worker: Worker, employerId: string, placedScore: number): E.Either<string, WorkerExplanation> => {
  const { reference, weights } = ctx.instance;
  const employer = ctx.employerById.get(employerId) as Employer;
  const s = score(worker, employer, reference, weights);
  if (s.total !== placedScore) return E.left(`the result scores ${worker.id} at ${employerId} ${placedScore}, the instance's weights give ${s.total}: explain with the instance the result was solved from`);
  const breakdown = CRITERIA.map((c) => ({
    criterion: c,
    points: s.points[c],
    weight: weights[c],
    weighted: s.points[c] * weights[c],
    words: criterionWords(c, s.points[c], employer, reference),
  }));
  const others = eligibleEmployers(ctx, worker).filter((x) => x.employer.id !== employerId);
  const better = exchangesAt(
    ctx,
    worker,
    others.filter((x) => x.score > placedScore),
  );
  return E.right({
    kind: "placed",
    workerId: worker.id,
    employerId,
    employerLabel: employerLabel(employer, reference),
    score: placedScore,
    breakdown,
    alternatives: others.map((x) => alternative(ctx, x.employer, x.score)),
    exchange: better.best,
    blocked: better.blocked,
    others: better.others,
    betterOffers: betterOffers(ctx.instance, ctx.result, worker.id),
    caveat: ctx.caveat,
  });
};

/**
 * The exchanges at these employers: the best one (compareExchanges, then the
 * order given; null when there are none), the others that a hard policy
 * constraint rules out, and the rest, each in the order given.
 */
const exchangesAt = (
  ctx: AnalysisContext,
  worker: Worker,
  at: readonly { readonly employer: Employer }[],
): { readonly best: Exchange | null; readonly blocked: readonly Exchange[]; readonly others: readonly Exchange[] } => {
  const all = at.map((x) => exchange(ctx, worker, x.employer));
  const best = all.reduce<Exchange | null>((b, x) => (b === null || compareExchanges(x, b) < 0 ? x : b), null);
  return { best, blocked: all.filter((x) => x !== best && breaksHard(x)), others: all.filter((x) => x !== best && !breaksHard(x)) };
};

/** A group's fit (./groupFit.ts), with what its seating would break when it fits. */
const groupExplanation = (ctx: AnalysisContext, groupId: string): GroupLeftOut => {
  const fit = groupFit(ctx, groupId);
  const seating = fit.kind === "fits" ? fit.seating.map((s) => ({ workerId: s.workerId, to: s.employerId })) : [];
  const breaches = seating.length === 0 ? [] : (ctx.ledger?.effect(seating).breaches ?? []);
  return { id: groupId, size: fit.size, fit, breaches };
};

/** The worker's group when none of it was placed, with why; null otherwise. */
const groupLeftOut = (ctx: AnalysisContext, worker: Worker): GroupLeftOut | null => {
  if (worker.group === null) return null;
  const g = groupExplanation(ctx, worker.group);
  return g.fit.kind === "not-left-out" ? null : g;
};

const explainUnplaced = (ctx: AnalysisContext, worker: Worker): WorkerExplanation => {
  const { reference } = ctx.instance;
  const eligible = eligibleEmployers(ctx, worker);
  const openAndEligible = eligible.some((x) => freeSlots(ctx, x.employer) > 0);
  const whatIf = openAndEligible ? null : smallestChangeFor(ctx, worker);
  const first = eligible[0];
  if (first !== undefined) {
    const exchanges = exchangesAt(ctx, worker, eligible);
    return {
      kind: "eligible-slots-taken",
      workerId: worker.id,
      group: groupLeftOut(ctx, worker),
      eligible: eligible.map((x) => alternative(ctx, x.employer, x.score)),
      exchange: exchanges.best,
      blocked: exchanges.blocked,
      betterOffers: betterOffers(ctx.instance, ctx.result, worker.id),
      smallestChange: whatIf,
      caveat: ctx.caveat,
    };
  }
  const rows = ctx.instance.employers.filter((e) => e.slots > 0).map((item) => ({ item, excluded: exclusions(worker, item, reference) }));
  const fewest = Math.min(...rows.map((r) => r.excluded.length));
  const nearestMisses = rows
    .filter((r) => r.excluded.length === fewest)
    .map((r) => ({
      employerId: r.item.id,
      label: employerLabel(r.item, reference),
      freeSlots: freeSlots(ctx, r.item),
      excludedBy: r.excluded.map((x) => ({ rule: x.rule, words: exclusionWords(x, worker, r.item, reference) })),
    }))
    .sort((a, b) => Number(b.freeSlots > 0) - Number(a.freeSlots > 0) || compareStrings(a.employerId, b.employerId));
  return {
    kind: "no-eligible-slot",
    workerId: worker.id,
    employers: rows.length,
    group: groupLeftOut(ctx, worker),
    excludedBy: tally(rows, (x, e) => particulars(x, worker, e, reference)),
    nearestMisses,
    smallestChange: whatIf,
    caveat: ctx.caveat,
  };
};

/** Where a worker went and why, or why they were not placed; see the module comment. */
export const explainWorker = (instance: Instance, result: MatchResult, workerId: string): E.Either<string, WorkerExplanation> => {
  const ctx = analysisContext(instance, result);
  if (E.isLeft(ctx)) return ctx;
  const worker = ctx.right.workerById.get(workerId);
  if (worker === undefined) return E.left(`no worker ${JSON.stringify(workerId)} in the instance`);
  const placement = ctx.right.placementOf.get(workerId);
  if (placement !== undefined) return explainPlaced(ctx.right, worker, placement.employerId, placement.score);
  if (!result.hasSolution) return E.right({ kind: "no-solution", workerId, status: result.status, caveat: ctx.right.caveat });
  return E.right(explainUnplaced(ctx.right, worker));
};

const emptySlots = (ctx: AnalysisContext, employer: Employer): EmptySlots => {
  const { reference, workers } = ctx.instance;
  if (!ctx.result.hasSolution) return { kind: "no-solution", status: ctx.result.status };
  // The workers placed here are not candidates for the empty slots.
  const rows = workers.filter((w) => ctx.placementOf.get(w.id)?.employerId !== employer.id).map((item) => ({ item, excluded: exclusions(item, employer, reference) }));
  const eligible = rows.filter((r) => r.excluded.length === 0);
  if (eligible.length > 0) {
    return {
      kind: "eligible-workers-placed-elsewhere",
      eligible: eligible
        .map(({ item }) => {
          const p = ctx.placementOf.get(item.id);
          const moved = exchange(ctx, item, employer);
          return {
            workerId: item.id,
            scoreHere: scoreOf(ctx, item, employer),
            placedAt: p?.employerId ?? null,
            scoreThere: p?.score ?? null,
            breaches: moved.breaches,
            objectiveChange: moved.objectiveChange,
          };
        })
        .sort((a, b) => b.scoreHere - a.scoreHere || compareStrings(a.workerId, b.workerId)),
      reached: ctx.ledger?.reachedAt(employer.id) ?? [],
    };
  }
  const excludedBy = tally(rows, (x, w) => particulars(x, w, employer, reference));
  const top = [...excludedBy].sort((a, b) => b.only - a.only)[0];
  return {
    kind: "no-eligible-worker",
    workers: rows.length,
    excludedBy,
    binding: top === undefined || top.only === 0 ? null : { rule: top.rule, words: requirementWords(top.rule, employer, reference), workers: top.only },
  };
};

/** How an employer's slots were filled, by whom, and why the rest stayed empty; see the module comment. */
export const explainEmployer = (instance: Instance, result: MatchResult, employerId: string): E.Either<string, EmployerExplanation> => {
  const ctx = analysisContext(instance, result);
  if (E.isLeft(ctx)) return ctx;
  const employer = ctx.right.employerById.get(employerId);
  if (employer === undefined) return E.left(`no employer ${JSON.stringify(employerId)} in the instance`);
  const placed = (ctx.right.placedAt.get(employerId) ?? []).map((p) => ({ workerId: p.workerId, score: p.score }));
  return E.right({
    employerId,
    label: employerLabel(employer, instance.reference),
    slots: employer.slots,
    filled: placed.length,
    placed,
    empty: placed.length < employer.slots ? emptySlots(ctx.right, employer) : null,
    caveat: ctx.right.caveat,
  });
};

/** Why a group (family, couple, village) was left out whole, and which member kept it out; or that it was not. A Left for an unknown group. */
export const explainGroup = (instance: Instance, result: MatchResult, groupId: string): E.Either<string, GroupLeftOut> => {
  const ctx = analysisContext(instance, result);
  if (E.isLeft(ctx)) return ctx;
  if (!instance.workers.some((w) => w.group === groupId)) return E.left(`no worker is in a group ${JSON.stringify(groupId)}`);
  if (!result.hasSolution) return E.left(`the solve returned no placement (status ${result.status}), so no group was placed or left out`);
  return E.right(groupExplanation(ctx.right, groupId));
};
