/**
 * The difference between a plan and its re-plan, for the people it moves:
 * every worker of either plan in exactly one list, and every move or loss of
 * a placement with why (the event that forced it, in words).
 *
 * Why a placed worker is no longer where they were, first that applies:
 * 1. they left the cohort (withdrew, went home) or changed jobs: that event;
 * 2. the placement is no longer lawful (a rule now excludes the pair: a test
 *    result, a closed employer, a wage under a revised minimum): the first
 *    event about the worker, the employer or its prefecture's minimum wage,
 *    with the rule in words;
 * 3. the employer has fewer places than it had workers (slots removed, a
 *    legal cap on a smaller staff): the last event about the employer;
 * 4. the policy changed: that event;
 * 5. otherwise the move made room for more placements (or, under a move
 *    penalty, for a higher score): no event forced it, and the text says so.
 */
import type { Employer, Instance, Worker } from "../input/instance.js";
import { exclusions } from "../rules/eligibility.js";
import { workerBarriers } from "../rules/worker.js";
import { exclusionWords } from "../analysis/words.js";
import { RULE_WORDS } from "../rules/ruleIds.js";
import type { MatchResult } from "../result/types.js";
import { reasonWords } from "../report/reasons.js";
import { findPrefecture } from "../domain/prefectures.js";
import { eventEmployer, eventWorker, eventWords, type PlanEvent } from "./events.js";
import type { MovePolicy } from "./model.js";
import type { PlanResult } from "./file.js";

/** Why: the event that forced it (its index in the list), or null when none did; and in words. */
export interface Why {
  readonly event: number | null;
  readonly text: string;
}

export interface PlanDiff {
  /** Placed before and now, with the same employer. */
  readonly kept: readonly { readonly workerId: string; readonly employerId: string }[];
  /** Placed before and now, with another employer. */
  readonly moved: readonly { readonly workerId: string; readonly from: string; readonly to: string; readonly why: Why }[];
  /** Placed now, not before (new arrivals among them). */
  readonly placed: readonly { readonly workerId: string; readonly employerId: string }[];
  /** Placed before, not now (those who left the cohort among them). */
  readonly unplaced: readonly { readonly workerId: string; readonly from: string; readonly why: Why }[];
  /** Not placed before, nor now, and still in the cohort. */
  readonly waiting: readonly { readonly workerId: string }[];
  /** Not placed before, and no longer in the cohort. */
  readonly left: readonly { readonly workerId: string; readonly why: Why }[];
  /** Employers some placed worker left: their slots reopened, and how many were filled again. */
  readonly reopened: readonly { readonly employerId: string; readonly slots: number; readonly before: number; readonly after: number; readonly leavers: number; readonly refilled: number }[];
}

const none = (text: string): Why => ({ event: null, text });
const because = (events: readonly PlanEvent[], i: number, detail = ""): Why => ({ event: i, text: `${eventWords(events[i] as PlanEvent)}${detail === "" ? "" : `: ${detail}`}` });

/** The first event index matching, or -1; the last with `last`. */
const find = (events: readonly PlanEvent[], test: (e: PlanEvent) => boolean, last = false): number => {
  if (!last) return events.findIndex(test);
  for (let i = events.length - 1; i >= 0; i--) if (test(events[i] as PlanEvent)) return i;
  return -1;
};

/** Why `workerId` is no longer at `from`; see the module comment. */
const whyGone = (workerId: string, from: string, events: readonly PlanEvent[], instance: Instance, workerOf: ReadonlyMap<string, Worker>, barred: ReadonlyMap<string, string>, placedBefore: number, moves: MovePolicy, was: ReadonlyMap<string, string>, employerOf: (id: string) => Employer | undefined): Why => {
  const worker = workerOf.get(workerId);
  if (worker === undefined) {
    const i = find(events, (e) => eventWorker(e) === workerId && (e.type === "worker-withdrawn" || e.type === "worker-left"), true);
    return i >= 0 ? because(events, i) : none("no longer in the instance");
  }
  if (barred.get(workerId) === from) {
    const i = find(events, (e) => e.type === "worker-left" && e.worker === workerId, true);
    if (i >= 0) return because(events, i);
  }
  const employer = employerOf(from);
  if (employer === undefined) return none(`${from} is no longer in the instance`);
  const { reference } = instance;
  const rules = [
    ...workerBarriers(worker, reference.placement).map((x) => `${RULE_WORDS[x.rule]} (${x.detail})`),
    ...(reference.employerBarriers.get(from) ?? []).map((x) => `${RULE_WORDS[x.rule]} (${x.detail})`),
    ...exclusions(worker, employer, reference).map((x) => exclusionWords(x, worker, employer, reference)),
  ];
  const prefecture = findPrefecture(employer.prefecture)?.code;
  const about = (e: PlanEvent): boolean =>
    eventWorker(e) === workerId || eventEmployer(e) === from || (e.type === "minimum-wage-revised" && findPrefecture(e.prefecture)?.code === prefecture);
  if (employer.slots === 0) {
    const i = find(events, (e) => eventEmployer(e) === from && (e.type === "employer-closed" || e.type === "slots-removed"), true);
    if (i >= 0) return because(events, i);
  }
  if (rules.length > 0) {
    const i = find(events, about);
    return i >= 0 ? because(events, i, `no longer eligible there: ${rules.join("; ")}`) : none(`no longer eligible at ${from}: ${rules.join("; ")}`);
  }
  const shrunk = find(events, (e) => eventEmployer(e) === from && (e.type === "slots-removed" || e.type === "staff-changed" || e.type === "employer-closed"), true);
  if (shrunk >= 0 && (employer.slots < placedBefore || events[shrunk]?.type === "staff-changed")) return because(events, shrunk, `${from} has room for fewer workers than it had`);
  const policy = find(events, (e) => e.type === "policy-changed", true);
  if (policy >= 0) return because(events, policy);
  // A co-worker there became available later: their slot now starts later, and a later slot they take is one another loses.
  const delayed = find(events, (e) => e.type === "worker-available-later" && e.worker !== workerId && was.get(e.worker) === from, true);
  if (delayed >= 0) return because(events, delayed, `that worker now takes one of ${from}'s later slots`);
  return none(
    moves === "fewest" || moves === "pinned"
      ? "no event forced it: the move lets more workers be placed (placements come first)"
      : `no event forced it: the move scores more than its penalty of ${moves.penalty}`,
  );
};

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every worker of the plan or of the instance, once each, in id order (code
 * units). A decoded instance lists its workers in that order already: only
 * the plan's workers no longer in it are sorted, then merged in. Any other
 * instance is sorted whole.
 */
const everyWorker = (before: PlanResult, instance: Instance, workerOf: ReadonlyMap<string, Worker>): string[] => {
  const current = instance.workers.map((w) => w.id);
  let ordered = true;
  for (let i = 1; i < current.length && ordered; i++) ordered = (current[i - 1] as string) < (current[i] as string);
  if (!ordered || workerOf.size !== current.length) {
    return [...new Set([...before.placements.map((p) => p.workerId), ...before.unplaced.map((u) => u.workerId), ...current])].sort(byCodeUnits);
  }
  const gone = new Set<string>();
  for (const p of before.placements) if (!workerOf.has(p.workerId)) gone.add(p.workerId);
  for (const u of before.unplaced) if (!workerOf.has(u.workerId)) gone.add(u.workerId);
  const extra = [...gone].sort(byCodeUnits);
  const out = new Array<string>(current.length + extra.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) out[k] = j >= extra.length || (i < current.length && (current[i] as string) < (extra[j] as string)) ? (current[i++] as string) : (extra[j++] as string);
  return out;
};

/** The diff from `before` (the plan) to `after` (the re-plan of `instance`); see PlanDiff. */
export const planDiff = (
  before: PlanResult,
  after: MatchResult,
  instance: Instance,
  events: readonly PlanEvent[],
  barred: ReadonlyMap<string, string>,
  moves: MovePolicy,
): PlanDiff => {
  const was = new Map(before.placements.map((p) => [p.workerId, p.employerId]));
  const now = new Map(after.placements.map((p) => [p.workerId, p.employerId]));
  const workerOf = new Map(instance.workers.map((w) => [w.id, w]));
  // Employers by id, built on the first why (most diffs ask few).
  let employers: Map<string, Employer> | null = null;
  const employerOf = (id: string): Employer | undefined => (employers ??= new Map(instance.employers.map((e) => [e.id, e]))).get(id);
  const filledBefore = new Map<string, number>();
  for (const p of before.placements) filledBefore.set(p.employerId, (filledBefore.get(p.employerId) ?? 0) + 1);
  const ids = everyWorker(before, instance, workerOf);
  const unplacedNow = new Map(after.unplaced.map((u) => [u.workerId, u.reason]));

  const kept: { workerId: string; employerId: string }[] = [];
  const moved: { workerId: string; from: string; to: string; why: Why }[] = [];
  const placed: { workerId: string; employerId: string }[] = [];
  const unplaced: { workerId: string; from: string; why: Why }[] = [];
  const waiting: { workerId: string }[] = [];
  const left: { workerId: string; why: Why }[] = [];
  const leavers = new Map<string, number>();
  for (const id of ids) {
    const from = was.get(id);
    const to = now.get(id);
    if (from !== undefined && from !== to) leavers.set(from, (leavers.get(from) ?? 0) + 1);
    const why = (): Why => whyGone(id, from as string, events, instance, workerOf, barred, filledBefore.get(from as string) ?? 0, moves, was, employerOf);
    if (from !== undefined && to === from) kept.push({ workerId: id, employerId: from });
    else if (from !== undefined && to !== undefined) moved.push({ workerId: id, from, to, why: why() });
    else if (from !== undefined) {
      const w = why();
      const reason = unplacedNow.get(id);
      unplaced.push({ workerId: id, from, why: reason === undefined || w.text.includes("withdrew") || w.text.includes("went home") ? w : { ...w, text: `${w.text}; now ${reasonWords(reason, after.status)}` } });
    } else if (to !== undefined) placed.push({ workerId: id, employerId: to });
    else if (workerOf.has(id)) waiting.push({ workerId: id });
    else {
      const i = find(events, (e) => eventWorker(e) === id && (e.type === "worker-withdrawn" || e.type === "worker-left"), true);
      left.push({ workerId: id, why: i >= 0 ? because(events, i) : none("no longer in the instance") });
    }
  }
  const refilled = new Map<string, number>();
  for (const p of after.placements) if (was.get(p.workerId) !== p.employerId && leavers.has(p.employerId)) refilled.set(p.employerId, (refilled.get(p.employerId) ?? 0) + 1);
  const reopened = after.employers
    .filter((e) => leavers.has(e.employerId))
    .map((e) => ({ employerId: e.employerId, slots: e.slots, before: filledBefore.get(e.employerId) ?? 0, after: e.filled, leavers: leavers.get(e.employerId) ?? 0, refilled: refilled.get(e.employerId) ?? 0 }));
  return { kept, moved, placed, unplaced, waiting, left, reopened };
};
