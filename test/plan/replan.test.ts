/**
 * Re-planning against oracles simpler than the library: on tiny instances,
 * events applied by hand and every assignment tried (brute force), for each
 * objective order; the diff accounts for every worker exactly once; no
 * events gives the same plan byte for byte; slots added move nobody who
 * need not move.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatResultMarkdown, match } from "../../src/index.js";
import { diffSections, formatDiff } from "../../src/plan/format.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { planToJson, savePlan, type SavedPlan } from "../../src/plan/file.js";
import type { MovePolicy } from "../../src/plan/model.js";
import { replan, type ReplanResult } from "../../src/plan/replan.js";
import { fcOptions } from "../support/seed.js";
import { contested, legalCapacity, oracleEligible, oracleScore, tinyInstanceArb, type TinyEmployer, type TinyWorker } from "../support/tiny.js";

/**
 * Employers made to look alike (the first one's attributes, each its own id
 * and slots): one class, unless the law sets them apart, so that which
 * employer of the class a worker holds decides what can be kept.
 */
const lookAlike = (input: InstanceInput): InstanceInput => {
  const first = input.employers[0];
  return first === undefined ? input : { ...input, employers: input.employers.map((e) => ({ ...first, id: e.id, slots: e.slots })) };
};

/**
 * Tiny instances, half of them with every worker eligible nearly everywhere
 * (so that keeping a placement competes with score), half with look-alike
 * employers.
 */
const instanceArb = fc
  .tuple(tinyInstanceArb(6, 3), fc.boolean(), fc.boolean())
  .map(([input, tight, alike]): InstanceInput => {
    const shaped = alike ? lookAlike(input) : input;
    return tight ? { ...shaped, workers: shaped.workers.map(contested) } : shaped;
  });

const right = <A>(x: E.Either<unknown, A>): A => {
  if (E.isLeft(x)) throw new Error(`unexpected Left: ${JSON.stringify(x.left)}`);
  return x.right;
};

type Ev = Record<string, unknown> & { date: string; type: string };

/** A few events that make sense for the instance and plan (no event for a worker gone or an employer closed). */
const eventsArb = (input: InstanceInput, plan: SavedPlan): fc.Arbitrary<Ev[]> =>
  fc.array(fc.tuple(fc.constantFrom("worker-withdrawn", "employer-closed", "slots-added", "slots-removed", "test-result", "worker-left"), fc.nat(), fc.nat({ max: 2 }), fc.subarray(["N5", "N4", "N3"])), { maxLength: 4 }).map((raw) => {
    const gone = new Set<string>();
    const closed = new Set<string>();
    const slots = new Map(input.employers.map((e) => [e.id, e.slots]));
    const placed = new Map(plan.result.placements.map((p) => [p.workerId, p.employerId]));
    const out: Ev[] = [];
    raw.forEach(([type, k, n, language], i) => {
      const date = `2026-05-${String(i + 1).padStart(2, "0")}`;
      const workers = input.workers.filter((w) => !gone.has(w.id));
      const employers = input.employers.filter((e) => !closed.has(e.id));
      if (type === "worker-withdrawn" || type === "test-result" || type === "worker-left") {
        const w = (type === "worker-left" ? workers.filter((x) => placed.has(x.id)) : workers)[k % Math.max(1, workers.length)];
        if (w === undefined || (type === "worker-left" && !placed.has(w.id))) return;
        if (type === "test-result") out.push({ date, type, worker: w.id, language });
        else {
          out.push(type === "worker-left" ? { date, type, worker: w.id, reason: "job-change" } : { date, type, worker: w.id });
          if (type === "worker-withdrawn") gone.add(w.id);
          else placed.delete(w.id);
        }
        return;
      }
      const e = employers[k % Math.max(1, employers.length)];
      if (e === undefined) return;
      const have = slots.get(e.id) ?? 0;
      if (type === "employer-closed") {
        out.push({ date, type, employer: e.id });
        closed.add(e.id);
      } else if (type === "slots-added") {
        out.push({ date, type, employer: e.id, count: n + 1 });
        slots.set(e.id, have + n + 1);
      } else if (have > 0) {
        const count = Math.min(have, n + 1);
        out.push({ date, type, employer: e.id, count });
        slots.set(e.id, have - count);
      }
    });
    return out;
  });

/** The events applied by hand: the oracle's own reading of each event. */
const applyByHand = (input: InstanceInput, events: readonly Ev[], placed: ReadonlyMap<string, string>) => {
  let workers = [...input.workers] as TinyWorker[];
  const employers = input.employers.map((e) => ({ ...e })) as TinyEmployer[];
  const barred = new Map<string, string>();
  for (const e of events) {
    const emp = employers.find((x) => x.id === e.employer);
    if (e.type === "worker-withdrawn") workers = workers.filter((w) => w.id !== e.worker);
    if (e.type === "worker-left") barred.set(e.worker as string, placed.get(e.worker as string) as string);
    if (e.type === "test-result") workers = workers.map((w) => (w.id === e.worker ? { ...w, language: e.language as TinyWorker["language"] } : w));
    if (emp !== undefined && e.type === "employer-closed") (emp as { slots: number }).slots = 0;
    if (emp !== undefined && e.type === "slots-added") (emp as { slots: number }).slots += e.count as number;
    if (emp !== undefined && e.type === "slots-removed") (emp as { slots: number }).slots -= e.count as number;
  }
  return { workers, employers, barred };
};

type Key = readonly number[];
const better = (a: Key, b: Key): boolean => {
  for (let i = 0; i < a.length; i++) if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) > (b[i] as number);
  return false;
};
/** The order's key of (placed, kept, score): what each move policy maximises, lexicographically. */
const keyOf = (moves: MovePolicy, placed: number, kept: number, score: number): Key =>
  moves === "fewest" ? [placed, kept, score] : moves === "pinned" ? [kept, placed, score] : [placed, score + moves.penalty * kept];

/** The best key over every assignment within each employer's legal capacity. */
const bruteForce = (workers: readonly TinyWorker[], employers: readonly TinyEmployer[], keptAt: ReadonlyMap<string, string>, barred: ReadonlyMap<string, string>, moves: MovePolicy): Key => {
  // Slots added do not raise what a construction employer's approved acceptance plan allows.
  const left = employers.map((e) => Math.min(legalCapacity(e), e.field === "construction" ? (e.declarations?.acceptancePlan?.headcount ?? Infinity) : Infinity));
  let best: Key | null = null;
  const go = (i: number, placed: number, kept: number, score: number): void => {
    if (i === workers.length) {
      const k = keyOf(moves, placed, kept, score);
      if (best === null || better(k, best)) best = k;
      return;
    }
    go(i + 1, placed, kept, score);
    const w = workers[i] as TinyWorker;
    employers.forEach((e, j) => {
      if ((left[j] as number) > 0 && oracleEligible(w, e) && barred.get(w.id) !== e.id) {
        left[j] = (left[j] as number) - 1;
        go(i + 1, placed + 1, kept + (keptAt.get(w.id) === e.id ? 1 : 0), score + oracleScore(w, e));
        left[j] = (left[j] as number) + 1;
      }
    });
  };
  go(0, 0, 0, 0);
  return best ?? [];
};

const ids = (r: ReplanResult): string[] =>
  [...r.diff.kept, ...r.diff.moved, ...r.diff.placed, ...r.diff.unplaced, ...r.diff.waiting, ...r.diff.left].map((x) => x.workerId).sort();

const MOVES: readonly MovePolicy[] = ["fewest", "pinned", { penalty: 3 }];

describe.each(MOVES)("replan with moves %j", (moves) => {
  it("is optimal in its order against brute force on tiny instances, and its diff names every worker once", () => {
    fc.assert(
      fc.property(
        instanceArb.chain((input) => {
          const plan = right(savePlan(input, right(match(input))));
          return eventsArb(input, plan).map((events) => ({ input, plan, events }));
        }),
        ({ input, plan, events }) => {
          const r = right(replan(input, plan, events, { moves }));
          expect(r.result.status).toBe("optimal");
          const placedBefore = new Map(plan.result.placements.map((p) => [p.workerId, p.employerId]));
          const { workers, employers, barred } = applyByHand(input, events, placedBefore);
          const keptAt = new Map([...placedBefore].filter(([w]) => !barred.has(w)));
          // The re-plan's own key, read by the oracle.
          const byId = new Map(workers.map((w) => [w.id, w]));
          const empById = new Map(employers.map((e) => [e.id, e]));
          let kept = 0;
          let score = 0;
          for (const p of r.result.placements) {
            const w = byId.get(p.workerId) as TinyWorker;
            const e = empById.get(p.employerId) as TinyEmployer;
            expect(oracleEligible(w, e)).toBe(true);
            expect(barred.get(w.id)).not.toBe(e.id);
            score += oracleScore(w, e);
            if (keptAt.get(w.id) === e.id) kept++;
          }
          expect(keyOf(moves, r.result.placements.length, kept, score)).toEqual(bruteForce(workers, employers, keptAt, barred, moves));
          // Every worker of the plan or the instance after the events, exactly once.
          const all = [...new Set([...input.workers.map((w) => w.id), ...workers.map((w) => w.id)])].sort();
          expect(ids(r)).toEqual(all);
          expect(r.diff.kept.length).toBe(kept);
          // The model size reported is match's on the instance after the events, whatever the re-plan split apart.
          expect(r.result.model).toEqual(right(match(r.plan.instance)).model);
        },
      ),
      fcOptions(120),
    );
  });

  it("moves nobody when slots are only added, unless (placements first) the move places more workers", () => {
    fc.assert(
      fc.property(
        instanceArb.chain((input) => {
          const plan = right(savePlan(input, right(match(input))));
          return fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 3 }).map((raw) => ({
            input,
            plan,
            events: input.employers.length === 0 ? [] : raw.map(([k, n], i) => ({ date: `2026-05-0${i + 1}`, type: "slots-added", employer: input.employers[k % input.employers.length]!.id, count: n })),
          }));
        }),
        ({ input, plan, events }) => {
          const r = right(replan(input, plan, events, { moves }));
          const pinned = right(replan(input, plan, events, { moves: "pinned" }));
          expect(pinned.diff.moved).toEqual([]);
          expect(pinned.diff.unplaced).toEqual([]);
          if (r.result.placements.length === pinned.result.placements.length) {
            expect(r.diff.moved).toEqual(moves === "fewest" || moves === "pinned" ? [] : r.diff.moved);
            if (moves !== "fewest" && moves !== "pinned") for (const m of r.diff.moved) expect(m.why.text).toMatch(/scores more than its penalty/);
          } else {
            for (const m of r.diff.moved) expect(m.why.text).toMatch(/more workers be placed/);
          }
        },
      ),
      fcOptions(100),
    );
  });
});

describe("replan on the pilot", () => {
  const pilot = JSON.parse(readFileSync("examples/data/kagawa-pilot.json", "utf8")) as InstanceInput;
  const plan = right(savePlan(pilot, right(match(pilot))));

  it("with no events gives the same plan, byte for byte", () => {
    const r = right(replan(pilot, plan, []));
    expect(planToJson(r.plan)).toBe(planToJson(plan));
    expect(r.diff.moved).toEqual([]);
    expect(r.solvedBy.exact).toBe(true);
    expect(r.stale).toBeNull();
    // The same instance, another object: compared by content.
    expect(right(replan(JSON.parse(JSON.stringify(pilot)), plan, [])).stale).toBeNull();
  }, 60_000);

  it("says so when the instance given is not the plan's", () => {
    const edited = { ...pilot, workers: pilot.workers.map((w, i) => (i === 0 ? { ...w, homeProvince: "Bali" } : w)) };
    expect(right(replan(edited, plan, [])).stale).toMatch(/no longer matches/);
  }, 60_000);

  it("says why each placement ended: the event that forced it, in the diff and in the reports", () => {
    const closing = plan.result.placements[0]!.employerId;
    const withdrawing = plan.result.placements.find((p) => p.employerId !== closing)!.workerId;
    const events = [
      { date: "2026-11-01", type: "employer-closed", employer: closing },
      { date: "2026-11-02", type: "worker-withdrawn", worker: withdrawing },
    ];
    const r = right(replan(pilot, plan, events, { moves: "pinned" }));
    const wasAt = new Map(plan.result.placements.map((p) => [p.workerId, p.employerId]));
    const ended = [...r.diff.moved, ...r.diff.unplaced];
    expect(ended.length).toBe(plan.result.placements.filter((p) => p.employerId === closing).length + 1);
    for (const x of ended) expect(x.why.event).toBe(x.workerId === withdrawing ? 1 : 0);
    for (const x of ended) if (x.workerId !== withdrawing) expect(wasAt.get(x.workerId)).toBe(closing);
    expect(r.diff.unplaced.find((u) => u.workerId === withdrawing)?.why.text).toBe(`2026-11-02 ${withdrawing} withdrew`);
    expect(r.plan.asOf).toBe("2026-11-02");
    expect(r.result.employers.find((e) => e.employerId === closing)).toMatchObject({ slots: 0, filled: 0 });
    const text = formatDiff(r.diff);
    // Moved ("because ...") or no longer placed (the pilot's other care employers are at their legal caps): the event is named either way.
    expect(text).toContain(`2026-11-01 ${closing} closed`);
    const markdown = formatResultMarkdown(r.result, { appendix: diffSections(r.diff) });
    expect(markdown).toContain(`No longer placed (${r.diff.unplaced.length})`);
    expect(markdown).toContain(`2026-11-01 ${closing} closed`);
  }, 60_000);

  it("refuses a list with any issue, naming them all at once, and applies none of it", () => {
    const placed = plan.result.placements[0]!;
    const unplaced = plan.result.unplaced[0]!;
    const events = [
      { date: "2026-11-02", type: "worker-withdrawn", worker: "W9999" },
      { date: "2026-11-01", type: "employer-closed", employer: placed.employerId },
      { date: "2026-11-03", type: "worker-withdrawn", worker: placed.workerId },
      { date: "2026-11-03", type: "test-result", worker: placed.workerId, language: ["N3"] },
      { date: "2026-11-04", type: "worker-left", worker: unplaced.workerId, reason: "job-change" },
      { date: "2027-12-01", type: "slots-added", employer: placed.employerId, count: 1 },
      { date: "2026-11-05", type: "no-such-event" },
    ];
    const r = replan(pilot, plan, events);
    expect(E.isLeft(r)).toBe(true);
    const paths = E.isLeft(r) ? r.left.map((i) => `${i.path}: ${i.expected}`) : [];
    expect(paths).toEqual([
      'events[6].type: one of worker-withdrawn, worker-left, test-result, worker-available-later, worker-arrived, employer-closed, slots-added, slots-removed, staff-changed, minimum-wage-revised, policy-changed',
      "events[0].worker: a worker of the instance (or one arrived in an earlier event)",
      "events[1].date: a date on or after 2026-11-02 (events[0]): events in date order",
      `events[3].worker: a worker still in the programme (${placed.workerId} left in events[2])`,
      `events[3]: one event a day for ${placed.workerId}: events[2] is for ${placed.workerId} on 2026-11-03 too (two events on one day repeat or contradict each other)`,
      "events[4].worker: a worker placed in the plan (only they can leave an employer)",
      "events[5].date: a date before the plan's period ends (2027-10-01)",
      `events[5].employer: an employer still open (${placed.employerId} closed in events[1])`,
    ]);
  });
});
