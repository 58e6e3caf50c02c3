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
const whyGone = (workerId: string, worker: Worker | undefined, from: string, events: readonly PlanEvent[], instance: Instance, barred: ReadonlyMap<string, string>, placedBefore: number, moves: MovePolicy, wasAt: (workerId: string) => string | undefined, employerOf: (id: string) => Employer | undefined): Why => {
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
  const delayed = find(events, (e) => e.type === "worker-available-later" && e.worker !== workerId && wasAt(e.worker) === from, true);
  if (delayed >= 0) return because(events, delayed, `that worker now takes one of ${from}'s later slots`);
  return none(
    moves === "fewest" || moves === "pinned"
      ? "no event forced it: the move lets more workers be placed (placements come first)"
      : `no event forced it: the move scores more than its penalty of ${moves.penalty}`,
  );
};

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether the ids are strictly increasing (code units): in id order, each once. */
const inIdOrder = (ids: readonly string[]): boolean => {
  for (let i = 1; i < ids.length; i++) if (!((ids[i - 1] as string) < (ids[i] as string))) return false;
  return true;
};

/**
 * The ids of several lists, each once, in id order. Lists already in id
 * order (a decoded instance's workers, and a result's placements and
 * unplaced workers, which follow them) are merged; otherwise every id is
 * sorted (the definition).
 */
const unionInOrder = (lists: readonly (readonly string[])[]): string[] => {
  if (!lists.every(inIdOrder)) return [...new Set(lists.flat())].sort(byCodeUnits);
  const out: string[] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let next: string | undefined;
    lists.forEach((list, k) => {
      const id = list[at[k] as number];
      if (id !== undefined && (next === undefined || id < next)) next = id;
    });
    if (next === undefined) return out;
    out.push(next);
    lists.forEach((list, k) => {
      if (list[at[k] as number] === next) at[k] = (at[k] as number) + 1;
    });
  }
};

/**
 * For each of `ids` (in id order), the index in `keys` of the same id, or -1.
 * Keys in id order are walked alongside; otherwise they are looked up in a
 * map (the last of equal keys, as a map keeps).
 */
const aligned = (ids: readonly string[], keys: readonly string[]): Int32Array => {
  const out = new Int32Array(ids.length).fill(-1);
  if (inIdOrder(keys)) {
    let j = 0;
    ids.forEach((id, i) => {
      while (j < keys.length && (keys[j] as string) < id) j++;
      if (keys[j] === id) out[i] = j;
    });
    return out;
  }
  const index = new Map(keys.map((k, j) => [k, j]));
  ids.forEach((id, i) => (out[i] = index.get(id) ?? -1));
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
  // Every worker of the plan or the instance, in id order, and where each stands in the lists (no map of every id).
  const wasIds = before.placements.map((p) => p.workerId);
  const nowIds = after.placements.map((p) => p.workerId);
  const current = instance.workers.map((w) => w.id);
  const ids = unionInOrder([wasIds, before.unplaced.map((u) => u.workerId), current]);
  const wasAt = aligned(ids, wasIds);
  const nowAt = aligned(ids, nowIds);
  const workerAt = aligned(ids, current);
  // Read only where no event explains a move (a co-worker available later), and by employers in the whys.
  let was: Map<string, string> | null = null;
  const wasOf = (id: string): string | undefined => (was ??= new Map(before.placements.map((p) => [p.workerId, p.employerId]))).get(id);
  let employers: Map<string, Employer> | null = null;
  const employerOf = (id: string): Employer | undefined => (employers ??= new Map(instance.employers.map((e) => [e.id, e]))).get(id);
  const filledBefore = new Map<string, number>();
  for (let i = 0; i < before.placements.length; i++) {
    const id = (before.placements[i] as { readonly employerId: string }).employerId;
    filledBefore.set(id, (filledBefore.get(id) ?? 0) + 1);
  }
  const unplacedNow = new Map(after.unplaced.map((u) => [u.workerId, u.reason]));

  const kept: { workerId: string; employerId: string }[] = [];
  const moved: { workerId: string; from: string; to: string; why: Why }[] = [];
  const placed: { workerId: string; employerId: string }[] = [];
  const unplaced: { workerId: string; from: string; why: Why }[] = [];
  const waiting: { workerId: string }[] = [];
  const left: { workerId: string; why: Why }[] = [];
  const leavers = new Map<string, number>();
  const refilled = new Map<string, number>();
  // Index loops, and a reason written only for a worker who moved or lost a place: this walks every worker once per diff.
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    const from = before.placements[wasAt[i] as number]?.employerId;
    const to = after.placements[nowAt[i] as number]?.employerId;
    const worker = instance.workers[workerAt[i] as number];
    if (from !== undefined && from !== to) leavers.set(from, (leavers.get(from) ?? 0) + 1);
    if (from !== undefined && to === from) kept.push({ workerId: id, employerId: from });
    else if (from !== undefined && to !== undefined) moved.push({ workerId: id, from, to, why: whyGone(id, worker, from, events, instance, barred, filledBefore.get(from) ?? 0, moves, wasOf, employerOf) });
    else if (from !== undefined) {
      const w = whyGone(id, worker, from, events, instance, barred, filledBefore.get(from) ?? 0, moves, wasOf, employerOf);
      const reason = unplacedNow.get(id);
      unplaced.push({ workerId: id, from, why: reason === undefined || w.text.includes("withdrew") || w.text.includes("went home") ? w : { ...w, text: `${w.text}; now ${reasonWords(reason, after.status)}` } });
    } else if (to !== undefined) placed.push({ workerId: id, employerId: to });
    else if (worker !== undefined) waiting.push({ workerId: id });
    else {
      const k = find(events, (e) => eventWorker(e) === id && (e.type === "worker-withdrawn" || e.type === "worker-left"), true);
      left.push({ workerId: id, why: k >= 0 ? because(events, k) : none("no longer in the instance") });
    }
  }
  // Placements now at an employer some placed worker left, by a worker not there before.
  ids.forEach((_, i) => {
    const from = before.placements[wasAt[i] as number]?.employerId;
    const to = after.placements[nowAt[i] as number]?.employerId;
    if (to !== undefined && from !== to && leavers.has(to)) refilled.set(to, (refilled.get(to) ?? 0) + 1);
  });
  const reopened = after.employers
    .filter((e) => leavers.has(e.employerId))
    .map((e) => ({ employerId: e.employerId, slots: e.slots, before: filledBefore.get(e.employerId) ?? 0, after: e.filled, leavers: leavers.get(e.employerId) ?? 0, refilled: refilled.get(e.employerId) ?? 0 }));
  return { kept, moved, placed, unplaced, waiting, left, reopened };
};
