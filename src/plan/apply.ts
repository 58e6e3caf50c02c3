/**
 * Applying decoded events (./events.ts) to an instance input: a new input,
 * as the officials would now write it, plus what the input format cannot
 * say (a worker who changed jobs may not be placed back with the employer
 * they left). Pure: the input given is not changed.
 *
 * - worker-withdrawn, worker-left (return-home): the worker leaves the cohort;
 * - worker-left (job-change): the worker stays, barred from that employer;
 * - test-result: the worker's language list (and care test) replaced;
 * - worker-available-later: the worker's availableFrom, unless the placement
 *   they hold in the plan started on or before the event's date: a started
 *   placement is the worker's job, and a later availability does not undo
 *   it (the event then changes nothing; a lost job is a worker-left or
 *   worker-withdrawn event). A placement not yet started is kept only if the
 *   worker is still available by its start (with the instance's tolerance):
 *   otherwise the availability rule excludes it and re-planning finds the
 *   worker another slot, a later slot group of the same employer among them;
 * - worker-arrived: the worker joins the cohort;
 * - employer-closed: its slots become 0 (it stays in the instance, so that
 *   references to it, such as a former intern's dormitory, still resolve);
 * - slots-added, slots-removed, staff-changed: the employer's figures; for
 *   an employer with slot groups, slots added are a group starting on the
 *   event's date (the placement's start, if that is later), and slots
 *   removed go from the latest groups first; an employer without slot groups
 *   keeps all its slots on the placement's start, as before;
 * - minimum-wage-revised: an entry of reference.expectedMinimumWages from
 *   its date, replacing an expected figure of the same series and fiscal
 *   year (the format keeps revisions there; the law report then counts the
 *   placements that rest on it);
 * - policy-changed: the policy section replaced;
 * - and, after the events: a worker whose placement in the plan started on
 *   or before the last event's date is available from that start (if their
 *   availableFrom was earlier): a job begun is history, and the earlier date
 *   would let the model count them for slot groups that began before theirs.
 */
import * as E from "fp-ts/lib/Either.js";
import { fiscalYearOf } from "../domain/dates.js";
import { findPrefecture } from "../domain/prefectures.js";
import type { EmployerInput, InstanceInput, WorkerInput } from "../input/codecs.js";
import type { ExpectedMinimumWageInput, SlotGroupInput } from "../input/lawCodecs.js";
import { decodeInstance } from "../input/decode.js";
import type { Instance } from "../input/instance.js";
import type { InputIssue } from "../input/issues.js";
import { eventWords, type PlanEvent } from "./events.js";
import { rowsById } from "./rowsById.js";

export interface AppliedEvents {
  /** The instance input after the events. */
  readonly input: InstanceInput;
  readonly instance: Instance;
  /** Workers who changed jobs, with the employer they left (they are not placed back there). */
  readonly barred: ReadonlyMap<string, string>;
}

const sameSeries = (a: ExpectedMinimumWageInput, prefecture: string, industry: string | null, from: string): boolean =>
  findPrefecture(a.prefecture)?.code === prefecture && (a.industry ?? null) === industry && fiscalYearOf(a.from) === fiscalYearOf(from);

/** The slot groups less `count` slots, taken from the latest groups first. */
const withoutLatest = (groups: readonly SlotGroupInput[], count: number): SlotGroupInput[] => {
  let left = count;
  const latestFirst = [...groups].map((g, i) => ({ g, i })).sort((a, b) => (a.g.start > b.g.start ? -1 : a.g.start < b.g.start ? 1 : b.i - a.i));
  const slots = groups.map((g) => g.slots);
  for (const { g, i } of latestFirst) {
    const taken = Math.min(left, g.slots);
    slots[i] = g.slots - taken;
    left -= taken;
  }
  return groups.map((g, i) => ({ ...g, slots: slots[i] ?? 0 }));
};

/** The input after the events (in their order), decoded; issues of the result are located at the events that caused them where they can be. */
export const applyEvents = (
  input: InstanceInput,
  events: readonly PlanEvent[],
  placedAt: ReadonlyMap<string, string>,
  /** The start of each placement of the plan (../result/types.ts Placement.start); where absent, the placement's start. */
  startsAt: ReadonlyMap<string, string> = new Map(),
): E.Either<readonly InputIssue[], AppliedEvents> => {
  const periodStart = input.placement?.start ?? input.reference?.asOf ?? "";
  // The workers by id as a Map would hold them, without a map of every worker per call (./rowsById.ts).
  const workers = rowsById(input.workers);
  const employers = new Map<string, EmployerInput>();
  for (let i = 0; i < input.employers.length; i++) {
    const e = input.employers[i] as EmployerInput;
    employers.set(e.id, e);
  }
  let expected = [...(input.reference?.expectedMinimumWages ?? [])];
  let policy: unknown = input.policy;
  let policyEvent: number | null = null;
  let wagesRevised = false;
  const arrivedAt = new Map<string, number>();
  const barred = new Map<string, string>();
  const employer = (id: string, change: (e: EmployerInput) => EmployerInput): void => {
    const e = employers.get(id);
    if (e !== undefined) employers.set(id, change(e));
  };
  events.forEach((e, i) => {
    switch (e.type) {
      case "worker-withdrawn":
        workers.delete(e.worker);
        break;
      case "worker-left": {
        if (e.reason === "return-home") workers.delete(e.worker);
        const from = placedAt.get(e.worker);
        if (e.reason === "job-change" && from !== undefined) barred.set(e.worker, from);
        break;
      }
      case "test-result": {
        const w = workers.get(e.worker);
        if (w !== undefined) workers.set(e.worker, { ...w, language: [...e.language], ...(e.careJapaneseTest === undefined ? {} : { careJapaneseTest: e.careJapaneseTest }) });
        break;
      }
      case "worker-available-later": {
        const w = workers.get(e.worker);
        const started = placedAt.has(e.worker) && (startsAt.get(e.worker) ?? periodStart) <= e.date;
        if (w !== undefined && !started) workers.set(e.worker, { ...w, availableFrom: e.availableFrom });
        break;
      }
      case "worker-arrived":
        workers.set(e.worker.id, e.worker);
        arrivedAt.set(e.worker.id, i);
        break;
      case "employer-closed":
        employer(e.employer, ({ slotGroups, ...x }) => ({ ...x, slots: 0 }));
        break;
      case "slots-added":
        employer(e.employer, (x) => ({
          ...x,
          slots: x.slots + e.count,
          ...(x.slotGroups === undefined ? {} : { slotGroups: [...x.slotGroups, { slots: e.count, start: e.date > periodStart ? e.date : periodStart }] }),
        }));
        break;
      case "slots-removed":
        employer(e.employer, (x) => ({
          ...x,
          slots: Math.max(0, x.slots - e.count),
          ...(x.slotGroups === undefined ? {} : { slotGroups: withoutLatest(x.slotGroups, e.count) }),
        }));
        break;
      case "staff-changed":
        employer(e.employer, (x) => ({
          ...x,
          ...(e.fullTimeStaff === undefined ? {} : { fullTimeStaff: e.fullTimeStaff }),
          ...(e.japaneseCareStaff === undefined ? {} : { japaneseCareStaff: e.japaneseCareStaff }),
        }));
        break;
      case "minimum-wage-revised": {
        const code = findPrefecture(e.prefecture)?.code ?? e.prefecture;
        const from = e.from ?? e.date;
        expected = expected.filter((x) => !sameSeries(x, code, e.industry ?? null, from));
        wagesRevised = true;
        expected.push({ prefecture: code, amount: e.amount, from, ...(e.industry === undefined ? {} : { industry: e.industry }), note: `revised: ${eventWords(e)} (events[${i}])` });
        break;
      }
      case "policy-changed":
        policy = e.policy;
        policyEvent = i;
        break;
    }
  });
  // A worker whose placement started by the last event's date has been available since that start at the
  // latest: their availability becomes that start, so the model keeps them out of earlier slot groups (the
  // group they started in is theirs: ../result/starts.ts pins it) and the plan's starts stay as they were.
  const now = events[events.length - 1]?.date;
  // (A start on the period's first day changes nothing: nobody is available before it.)
  if (now !== undefined) {
    // forEach, not for-of: no entry pair allocated per placement.
    startsAt.forEach((start, id) => {
      const w = start > periodStart && start <= now && placedAt.has(id) ? workers.get(id) : undefined;
      if (w !== undefined && (w.availableFrom ?? periodStart) < start) workers.set(id, { ...w, availableFrom: start });
    });
  }
  const next: InstanceInput = {
    ...input,
    workers: workers.values(),
    employers: input.employers.map((e) => employers.get(e.id) as EmployerInput),
    ...(wagesRevised ? { reference: { ...input.reference, expectedMinimumWages: expected } } : {}),
    ...(policyEvent === null ? {} : { policy: policy as InstanceInput["policy"] }),
  };
  const decoded = decodeInstance(next);
  if (E.isRight(decoded)) return E.right({ input: next, instance: decoded.right, barred });
  return E.left(decoded.left.map((x) => ({ ...x, path: locate(x.path, next, arrivedAt, policyEvent) })));
};

/** Where an issue of the input after the events points: into the event that brought it, or at the input after the events. */
const locate = (path: string, next: InstanceInput, arrivedAt: ReadonlyMap<string, number>, policyEvent: number | null): string => {
  const worker = /^workers\[(\d+)\](.*)$/.exec(path);
  const arrived = worker === null ? undefined : arrivedAt.get(next.workers[Number(worker[1])]?.id ?? "");
  if (worker !== null && arrived !== undefined) return `events[${arrived}].worker${worker[2]}`;
  if (policyEvent !== null && (path === "policy" || path.startsWith("policy."))) return `events[${policyEvent}].${path}`;
  return `(the instance after the events) ${path}`;
};
