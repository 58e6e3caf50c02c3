/**
 * The "worker-available-later" event: decoded with located issues, applied
 * (./apply.ts) so that a placement started by the event's date is kept and
 * one not yet started is lost only when the worker is no longer available
 * by its start; slot groups follow slots-added and slots-removed. Expected
 * answers are worked out by hand on a two-employer instance.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { match } from "../../src/index.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { eventsFromCsv } from "../../src/plan/eventsCsv.js";
import { savePlan, type SavedPlan } from "../../src/plan/file.js";
import { replan, type ReplanResult } from "../../src/plan/replan.js";
import { lawful } from "../support/lawful.js";

const right = <A>(x: E.Either<unknown, A>): A => {
  if (E.isLeft(x)) throw new Error(`unexpected Left: ${JSON.stringify(x.left)}`);
  return x.right;
};

const worker = (id: string, extra: Record<string, unknown> = {}) => ({ id, language: ["N4" as const], certifications: [{ field: "food-service", via: "skills-test" as const }], trainingCentre: "C", homeProvince: "P", ...extra });

/** E1: one slot from April, one from October (2026); W1 and W2 available from the start, W3 from 2026-09-01. */
const input: InstanceInput = lawful({
  placement: { start: "2026-04-01" },
  workers: [worker("W1"), worker("W2"), worker("W3", { availableFrom: "2026-09-01" })],
  employers: [{ id: "E1", prefecture: "37", field: "food-service", slots: 2, hourlyWage: 1100, slotGroups: [{ slots: 1, start: "2026-04-01" }, { slots: 1, start: "2026-10-01" }] }],
});

const plan: SavedPlan = right(savePlan(input, right(match(input))));
const placements = (r: ReplanResult) => r.result.placements.map((p) => [p.workerId, p.employerId, p.start]);

describe("worker-available-later", () => {
  it("the plan: the April slot to the earliest available (W1, then by id), October's to W2; W3 waits", () => {
    expect(plan.result.placements.map((p) => [p.workerId, p.start])).toEqual([["W1", "2026-04-01"], ["W2", "2026-10-01"]]);
  });

  it("a placement not yet started is kept while the worker is still available by its start", () => {
    const r = right(replan(input, plan, [{ date: "2026-05-01", type: "worker-available-later", worker: "W2", availableFrom: "2026-09-15" }]));
    expect(placements(r)).toEqual([["W1", "E1", "2026-04-01"], ["W2", "E1", "2026-10-01"]]);
    expect(r.diff.moved).toEqual([]);
  });

  it("a placement not yet started is lost when the worker is available only after its start; the slot goes to a worker available for it", () => {
    const r = right(replan(input, plan, [{ date: "2026-05-01", type: "worker-available-later", worker: "W2", availableFrom: "2026-11-01" }]));
    expect(placements(r)).toEqual([["W1", "E1", "2026-04-01"], ["W3", "E1", "2026-10-01"]]);
    expect(r.diff.unplaced.map((u) => [u.workerId, u.why.event])).toEqual([["W2", 0]]);
    expect(r.diff.unplaced[0]?.why.text).toMatch(/^2026-05-01 W2 available later, from 2026-11-01: no longer eligible there: available after the slots start \(available 2026-11-01, its last slots start 2026-10-01\)/);
  });

  it("a placement started by the event's date is kept: the later availability does not undo a job begun", () => {
    const r = right(replan(input, plan, [{ date: "2026-05-01", type: "worker-available-later", worker: "W1", availableFrom: "2026-08-01" }]));
    expect(placements(r)).toEqual([["W1", "E1", "2026-04-01"], ["W2", "E1", "2026-10-01"]]);
  });

  it("a worker who has started keeps the slot group they started in: W2, in October's since 2026-10-01, is not dealt April's when W1 leaves", () => {
    const r = right(replan(plan.instance, plan, [{ date: "2026-11-02", type: "worker-withdrawn", worker: "W1" }]));
    // Before: W2 was dealt April's slot (a start in the past, not the one they began) and W3 October's.
    expect(placements(r)).toEqual([["W2", "E1", "2026-10-01"]]);
    expect(r.diff.kept.map((k) => k.workerId)).toEqual(["W2"]);
    // W2 has been available since their start at the latest; W3, available from September, cannot fill April's slot.
    expect(r.plan.instance).toMatchObject({ workers: [{ id: "W2", availableFrom: "2026-10-01" }, { id: "W3", availableFrom: "2026-09-01" }] });
    expect(r.result.unplaced.map((u) => u.workerId)).toEqual(["W3"]);
  });

  it("a placement not started by the last event's date is dealt again: W2's October start is not pinned in May", () => {
    const r = right(replan(plan.instance, plan, [{ date: "2026-05-01", type: "worker-withdrawn", worker: "W1" }]));
    expect(placements(r)).toEqual([["W2", "E1", "2026-04-01"], ["W3", "E1", "2026-10-01"]]);
    expect(r.plan.instance).toMatchObject({ workers: [{ id: "W2" }, { id: "W3" }] });
    expect((r.plan.instance as InstanceInput).workers[0]?.availableFrom).toBeUndefined();
  });

  it("an unplaced worker's availability moves: W3 later than every slot stays unplaced, with the availability rule as the reason", () => {
    const r = right(replan(input, plan, [{ date: "2026-05-01", type: "worker-available-later", worker: "W3", availableFrom: "2027-01-04" }]));
    expect(r.result.unplaced.find((u) => u.workerId === "W3")?.reason).toMatchObject({ kind: "no-eligible-slot", excludedBy: [{ rule: "availability" }] });
  });

  it("issues, all at once: a date not later than the availability then, an unknown worker, a bad date", () => {
    const events = [
      { date: "2026-05-01", type: "worker-available-later", worker: "W3", availableFrom: "2026-08-01" },
      { date: "2026-05-02", type: "worker-available-later", worker: "W9", availableFrom: "2026-08-01" },
      { date: "2026-05-03", type: "worker-available-later", worker: "W2", availableFrom: "2026-02-30" },
      { date: "2026-05-04", type: "worker-available-later", worker: "W2", availableFrom: "2026-06-01" },
      { date: "2026-05-05", type: "worker-available-later", worker: "W2", availableFrom: "2026-06-01" },
    ];
    const r = replan(input, plan, events);
    expect(E.isLeft(r) ? r.left.map((i) => `${i.path}: ${i.expected}`) : []).toEqual([
      "events[2].availableFrom: a calendar date YYYY-MM-DD",
      "events[0].availableFrom: a date after W3's availability then, 2026-09-01 (the event moves it later)",
      "events[1].worker: a worker of the instance (or one arrived in an earlier event)",
      "events[4].availableFrom: a date after W2's availability then, 2026-06-01 (the event moves it later)",
    ]);
  });

  it("reads from events.csv (the availableFrom column)", () => {
    const csv = eventsFromCsv("date,type,worker,availableFrom\n2026-05-01,worker-available-later,W2,2026-11-01\n", "events.csv");
    expect(csv.events).toEqual([{ date: "2026-05-01", type: "worker-available-later", worker: "W2", availableFrom: "2026-11-01" }]);
  });
});

describe("slot groups under slot events", () => {
  it("slots added start on the event's date; slots removed go from the latest group first", () => {
    const added = right(replan(input, plan, [{ date: "2026-06-15", type: "slots-added", employer: "E1", count: 1 }]));
    expect(added.plan.instance).toMatchObject({ employers: [{ slots: 3, slotGroups: [{ slots: 1, start: "2026-04-01" }, { slots: 1, start: "2026-10-01" }, { slots: 1, start: "2026-06-15" }] }] });
    // A third slot: W3 (available 2026-09-01) is placed too; W2, available earlier, now fills the June group and W3 October's.
    expect(placements(added)).toEqual([["W1", "E1", "2026-04-01"], ["W2", "E1", "2026-06-15"], ["W3", "E1", "2026-10-01"]]);
    const removed = right(replan(input, plan, [{ date: "2026-06-15", type: "slots-removed", employer: "E1", count: 1 }]));
    expect(removed.plan.instance).toMatchObject({ employers: [{ slots: 1, slotGroups: [{ slots: 1, start: "2026-04-01" }, { slots: 0, start: "2026-10-01" }] }] });
    expect(placements(removed)).toEqual([["W1", "E1", "2026-04-01"]]);
    const closed = right(replan(input, plan, [{ date: "2026-06-15", type: "employer-closed", employer: "E1" }]));
    expect(closed.result.placements).toEqual([]);
  });
});
