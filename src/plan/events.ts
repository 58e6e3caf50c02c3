/**
 * Events, as data: what happened during the year, dated, decoded with every
 * issue located (`events[4].worker: expected a worker of the instance, got
 * "W9999"`), all at once. A list with any issue is refused whole: nothing is
 * applied from it (./apply.ts applies a clean list).
 *
 *     [
 *       { "date": "2026-11-02", "type": "worker-withdrawn", "worker": "W0012" },
 *       { "date": "2026-11-09", "type": "worker-left", "worker": "W0044", "reason": "job-change" },
 *       { "date": "2026-11-09", "type": "test-result", "worker": "W0101", "language": ["N3"] },
 *       { "date": "2026-11-20", "type": "worker-available-later", "worker": "W0150", "availableFrom": "2027-04-01" },
 *       { "date": "2026-12-01", "type": "worker-arrived", "worker": { "id": "W2001", ... } },
 *       { "date": "2027-01-15", "type": "employer-closed", "employer": "E37-construction-04" },
 *       { "date": "2027-01-15", "type": "slots-added", "employer": "E37-nursing-care-02", "count": 2 },
 *       { "date": "2027-01-15", "type": "slots-removed", "employer": "E37-nursing-care-03", "count": 1 },
 *       { "date": "2027-02-01", "type": "staff-changed", "employer": "E37-nursing-care-05", "japaneseCareStaff": 3 },
 *       { "date": "2026-10-05", "type": "minimum-wage-revised", "prefecture": "37", "amount": 1110, "from": "2026-10-18" },
 *       { "date": "2027-03-01", "type": "policy-changed", "policy": { "quotas": [...] } }
 *     ]
 *
 * Besides each event's own shape: an unknown worker or employer id; events
 * out of date order; a date after the plan's period, or before the plan's
 * last event (`asOf`); two events for one worker on one day (they repeat or
 * contradict each other); an event for a worker who already left or an
 * employer already closed; a worker leaving an employer they were not placed
 * with; more slots removed than the employer has then; an availability not
 * later than the worker's availability then.
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { findPrefecture } from "../domain/prefectures.js";
import { LanguageEvidenceCodec, WorkerCodec, type WorkerInput } from "../input/codecs.js";
import { flag, integer, isoDate, listOf, nonEmptyString, numberAbove, oneOf, struct } from "../input/combinators.js";
import { LIMITS, thousands } from "../input/limits.js";
import { issuesFromErrors } from "../input/decode.js";
import type { Instance } from "../input/instance.js";
import { at, capIssues, issue, type InputIssue } from "../input/issues.js";
import type { LanguageEvidence } from "../domain/language.js";
import type { PlanResult } from "./file.js";

export type LeaveReason = "job-change" | "return-home";

export type PlanEvent =
  /** Withdrew before or after departure (a failed medical, a change of mind): leaves the cohort. */
  | { readonly type: "worker-withdrawn"; readonly date: string; readonly worker: string }
  /** Left their employer: to change jobs (they stay in the cohort, not at that employer), or to go home (they leave it). */
  | { readonly type: "worker-left"; readonly date: string; readonly worker: string; readonly reason: LeaveReason }
  /** New Japanese test results (they replace the old list), and the care Japanese test where stated. */
  | { readonly type: "test-result"; readonly date: string; readonly worker: string; readonly language: readonly LanguageEvidence[]; readonly careJapaneseTest?: boolean }
  /**
   * The worker becomes available later than planned (training, a test or the
   * departure took longer): their new availability date. A placement that
   * has started by the event's date is kept; one that has not loses its slot
   * if the worker is no longer available by its start (./apply.ts).
   */
  | { readonly type: "worker-available-later"; readonly date: string; readonly worker: string; readonly availableFrom: string }
  /** A new worker ready for placement (a new arrival wave). */
  | { readonly type: "worker-arrived"; readonly date: string; readonly worker: WorkerInput }
  /** The employer closed: its slots are gone. */
  | { readonly type: "employer-closed"; readonly date: string; readonly employer: string }
  | { readonly type: "slots-added"; readonly date: string; readonly employer: string; readonly count: number }
  | { readonly type: "slots-removed"; readonly date: string; readonly employer: string; readonly count: number }
  /** The staff a legal cap rests on (nursing care: Japanese care staff; construction: full-time staff), as now. */
  | { readonly type: "staff-changed"; readonly date: string; readonly employer: string; readonly fullTimeStaff?: number; readonly japaneseCareStaff?: number }
  /** A minimum wage revision, in force from `from` (the event's date where absent). */
  | { readonly type: "minimum-wage-revised"; readonly date: string; readonly prefecture: string; readonly amount: number; readonly from?: string; readonly industry?: string }
  /** The policy section replaced (checked with the instance when the events are applied). */
  | { readonly type: "policy-changed"; readonly date: string; readonly policy: unknown };

export type EventType = PlanEvent["type"];

const date = { date: isoDate };

const SHAPES: Readonly<Record<EventType, t.Mixed>> = {
  "worker-withdrawn": struct("a worker-withdrawn event", { ...date, type: t.string, worker: nonEmptyString }, {}),
  "worker-left": struct("a worker-left event", { ...date, type: t.string, worker: nonEmptyString, reason: oneOf<LeaveReason>("one of job-change, return-home", ["job-change", "return-home"]) }, {}),
  "test-result": struct("a test-result event", { ...date, type: t.string, worker: nonEmptyString, language: listOf(LanguageEvidenceCodec, "Japanese test results", LIMITS.languageResults) }, { careJapaneseTest: flag }),
  "worker-available-later": struct("a worker-available-later event", { ...date, type: t.string, worker: nonEmptyString, availableFrom: isoDate }, {}),
  "worker-arrived": struct("a worker-arrived event", { ...date, type: t.string, worker: WorkerCodec }, {}),
  "employer-closed": struct("an employer-closed event", { ...date, type: t.string, employer: nonEmptyString }, {}),
  "slots-added": struct("a slots-added event", { ...date, type: t.string, employer: nonEmptyString, count: integer(1, LIMITS.slots) }, {}),
  "slots-removed": struct("a slots-removed event", { ...date, type: t.string, employer: nonEmptyString, count: integer(1, LIMITS.slots) }, {}),
  "staff-changed": struct("a staff-changed event", { ...date, type: t.string, employer: nonEmptyString }, { fullTimeStaff: integer(0, LIMITS.staff), japaneseCareStaff: integer(0, LIMITS.staff) }),
  "minimum-wage-revised": struct("a minimum-wage-revised event", { ...date, type: t.string, prefecture: nonEmptyString, amount: numberAbove(0, LIMITS.wage) }, { from: isoDate, industry: nonEmptyString }),
  "policy-changed": struct("a policy-changed event", { ...date, type: t.string, policy: t.unknown }, {}),
};

export const EVENT_TYPES = Object.keys(SHAPES) as readonly EventType[];

/** One event in words: "2026-11-02 W0012 withdrew". */
export const eventWords = (e: PlanEvent): string => {
  switch (e.type) {
    case "worker-withdrawn":
      return `${e.date} ${e.worker} withdrew`;
    case "worker-left":
      return `${e.date} ${e.worker} left their employer (${e.reason === "job-change" ? "job change" : "went home"})`;
    case "test-result":
      return `${e.date} ${e.worker}'s test results changed to ${e.language.join(", ") || "none"}${e.careJapaneseTest === undefined ? "" : e.careJapaneseTest ? " (care Japanese test passed)" : " (no care Japanese test)"}`;
    case "worker-available-later":
      return `${e.date} ${e.worker} available later, from ${e.availableFrom}`;
    case "worker-arrived":
      return `${e.date} ${e.worker.id} arrived`;
    case "employer-closed":
      return `${e.date} ${e.employer} closed`;
    case "slots-added":
      return `${e.date} ${e.employer} added ${e.count} slot${e.count === 1 ? "" : "s"}`;
    case "slots-removed":
      return `${e.date} ${e.employer} removed ${e.count} slot${e.count === 1 ? "" : "s"}`;
    case "staff-changed":
      return `${e.date} ${e.employer}'s staff changed (${[e.fullTimeStaff === undefined ? null : `full-time ${e.fullTimeStaff}`, e.japaneseCareStaff === undefined ? null : `Japanese care staff ${e.japaneseCareStaff}`].filter((x) => x !== null).join(", ")})`;
    case "minimum-wage-revised":
      return `${e.date} minimum wage${e.industry === undefined ? "" : ` (${e.industry})`} in ${findPrefecture(e.prefecture)?.name ?? e.prefecture} revised to ${e.amount} yen from ${e.from ?? e.date}`;
    case "policy-changed":
      return `${e.date} the policy changed`;
  }
};

/** The workers and employers an event names (for contradictions, and for why a placement ended). */
export const eventWorker = (e: PlanEvent): string | null =>
  e.type === "worker-arrived" ? e.worker.id : "worker" in e && typeof e.worker === "string" ? e.worker : null;
export const eventEmployer = (e: PlanEvent): string | null => ("employer" in e ? e.employer : null);

/** What the events are checked against: the instance they apply to, and the plan. */
export interface EventContext {
  readonly instance: Instance;
  readonly plan: PlanResult;
  /** The plan's last event; events before it are an issue. */
  readonly asOf: string | null;
  /** The plan's placements, worker id to employer id, where the caller has them already (else made from `plan`). */
  readonly placedAt?: ReadonlyMap<string, string>;
}

const shapeOf = (u: unknown, path: string, issues: InputIssue[]): PlanEvent | null => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) {
    issues.push(issue("invalid", path, "an event: an object with date and type", u));
    return null;
  }
  const type = (u as { readonly type?: unknown }).type;
  const codec = typeof type === "string" && Object.prototype.hasOwnProperty.call(SHAPES, type) ? SHAPES[type as EventType] : undefined;
  if (codec === undefined) {
    issues.push(issue(type === undefined ? "missing" : "invalid", at(path, "type"), `one of ${EVENT_TYPES.join(", ")}`, type));
    return null;
  }
  const decoded = codec.decode(u);
  if (E.isLeft(decoded)) {
    // A loop, not a spread into push's arguments (which throws past ~120,000 issues).
    for (const i of issuesFromErrors(decoded.left)) issues.push({ ...i, path: i.path === "" ? path : `${path}.${i.path}` });
    return null;
  }
  return decoded.right as PlanEvent;
};

/** The events' shapes alone (each event's fields), without the instance: every issue, or the events. */
export const decodeEventShapes = (input: unknown): E.Either<readonly InputIssue[], readonly PlanEvent[]> => {
  if (!Array.isArray(input)) return E.left([issue("invalid", "events", "a list of events", input)]);
  if (input.length > LIMITS.events) return E.left([issue("invalid", "events", `a list of at most ${thousands(LIMITS.events)} events`, input.length)]);
  const issues: InputIssue[] = [];
  const events = input.map((u, i) => shapeOf(u, `events[${i}]`, issues));
  return issues.length > 0 ? E.left(capIssues(issues)) : E.right(events as PlanEvent[]);
};

/** The decoded events, or every issue; see the module comment. */
export const decodeEvents = (input: unknown, ctx: EventContext): E.Either<readonly InputIssue[], readonly PlanEvent[]> => {
  if (!Array.isArray(input)) return E.left([issue("invalid", "events", "a list of events", input)]);
  if (input.length > LIMITS.events) return E.left([issue("invalid", "events", `a list of at most ${thousands(LIMITS.events)} events`, input.length)]);
  const issues: InputIssue[] = [];
  const events = input.map((u, i) => shapeOf(u, `events[${i}]`, issues));
  const { instance, plan, asOf } = ctx;
  /** Each worker's availability as the events so far leave it; its keys are the workers of the instance and those arrived so far. */
  const availability = new Map<string, string>();
  for (let i = 0; i < instance.workers.length; i++) {
    const w = instance.workers[i] as Instance["workers"][number];
    availability.set(w.id, w.availableFrom);
  }
  const slots = new Map(instance.employers.map((e) => [e.id, e.slots]));
  const placedAt = ctx.placedAt ?? new Map(plan.placements.map((p) => [p.workerId, p.employerId]));
  const end = instance.reference.placement.end;
  /** Per worker: why they can have no more events (left the cohort), with the event's index. */
  const gone = new Map<string, number>();
  const closed = new Map<string, number>();
  const lastOf = new Map<string, { readonly date: string; readonly index: number }>();
  let previous: { readonly date: string; readonly index: number } | null = null;

  events.forEach((e, i) => {
    if (e === null) return;
    const path = `events[${i}]`;
    if (previous !== null && e.date < previous.date) issues.push(issue("inconsistent", at(path, "date"), `a date on or after ${previous.date} (events[${previous.index}]): events in date order`, e.date));
    if (e.date >= end) issues.push(issue("inconsistent", at(path, "date"), `a date before the plan's period ends (${end})`, e.date));
    if (asOf !== null && e.date < asOf) issues.push(issue("inconsistent", at(path, "date"), `a date on or after ${asOf}, the plan's last event`, e.date));
    previous = { date: e.date, index: i };

    const worker = eventWorker(e);
    if (worker !== null) {
      const wPath = e.type === "worker-arrived" ? at(at(path, "worker"), "id") : at(path, "worker");
      if (e.type === "worker-arrived") {
        if (availability.has(worker)) issues.push(issue("duplicate-id", wPath, "the id of a worker not yet in the instance", worker));
        availability.set(worker, e.worker.availableFrom ?? instance.reference.placement.start);
      } else if (!availability.has(worker)) {
        issues.push(issue("inconsistent", wPath, "a worker of the instance (or one arrived in an earlier event)", worker));
      }
      const left = gone.get(worker);
      if (left !== undefined) issues.push(issue("inconsistent", wPath, `a worker still in the programme (${worker} left in events[${left}])`, worker));
      const last = lastOf.get(worker);
      if (last !== undefined && last.date === e.date) issues.push(issue("inconsistent", path, `one event a day for ${worker}: events[${last.index}] is for ${worker} on ${e.date} too (two events on one day repeat or contradict each other)`, e.type));
      lastOf.set(worker, { date: e.date, index: i });
      if (e.type === "worker-withdrawn" || (e.type === "worker-left" && e.reason === "return-home")) gone.set(worker, i);
      const was = availability.get(worker);
      if (e.type === "worker-available-later" && was !== undefined) {
        if (e.availableFrom <= was) issues.push(issue("inconsistent", at(path, "availableFrom"), `a date after ${worker}'s availability then, ${was} (the event moves it later)`, e.availableFrom));
        else availability.set(worker, e.availableFrom);
      }
      if (e.type === "worker-left" && availability.has(worker) && !placedAt.has(worker)) issues.push(issue("inconsistent", wPath, "a worker placed in the plan (only they can leave an employer)", worker));
    }
    const employer = eventEmployer(e);
    if (employer !== null) {
      const ePath = at(path, "employer");
      const have = slots.get(employer);
      if (have === undefined) issues.push(issue("inconsistent", ePath, "an employer of the instance", employer));
      const shut = closed.get(employer);
      if (shut !== undefined) issues.push(issue("inconsistent", ePath, `an employer still open (${employer} closed in events[${shut}])`, employer));
      if (e.type === "employer-closed") closed.set(employer, i);
      if (have !== undefined && e.type === "slots-added") slots.set(employer, have + e.count);
      if (have !== undefined && e.type === "slots-removed") {
        if (e.count > have) issues.push(issue("inconsistent", at(path, "count"), `at most ${have} (the slots ${employer} has then)`, e.count));
        slots.set(employer, Math.max(0, have - e.count));
      }
      if (e.type === "staff-changed" && e.fullTimeStaff === undefined && e.japaneseCareStaff === undefined) {
        issues.push(issue("missing", at(path, "fullTimeStaff"), "fullTimeStaff or japaneseCareStaff (the staff count as it now is)", undefined));
      }
    }
    if (e.type === "minimum-wage-revised") {
      if (findPrefecture(e.prefecture) === undefined) issues.push(issue("unknown-prefecture", at(path, "prefecture"), "a prefecture code 01..47 or name", e.prefecture));
      if (e.from !== undefined && e.from >= end) issues.push(issue("inconsistent", at(path, "from"), `a date before the plan's period ends (${end})`, e.from));
    }
  });
  return issues.length > 0 ? E.left(capIssues(issues)) : E.right(events as readonly PlanEvent[]);
};
