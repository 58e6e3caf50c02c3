/**
 * Time in the model: availability dates, slot groups with their own start
 * dates and the start tolerance, against an oracle simpler than the library:
 * brute force over every assignment of workers to (employer, slot group)
 * places, a worker fitting a group when available by its start plus the
 * tolerance, each employer within its legal capacity (../support/tiny.ts).
 * Each placement must name a group of its employer the worker was available
 * for, within the group's slots; and the answer must not depend on the
 * order of the input rows.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/dates.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { match, type MatchOptions } from "../../src/index.js";
import type { MatchResult } from "../../src/result/types.js";
import { renderHtmlReport } from "../../src/report/html.js";
import { formatResultMarkdown } from "../../src/report/markdown.js";
import { formatReport } from "../../src/report/text.js";
import { compareResults } from "../../src/scenario/compare.js";
import { lawful } from "../support/lawful.js";
import { fcOptions } from "../support/seed.js";
import { contested, legalCapacity, oracleEligible, oracleScore, tinyInstanceArb, type TinyEmployer, type TinyWorker } from "../support/tiny.js";

const STARTS = ["2026-04-01", "2026-07-01", "2026-10-01"] as const;
const AVAILABLE = [undefined, "2026-01-15", "2026-04-01", "2026-06-25", "2026-07-01", "2026-07-08", "2026-09-30", "2027-01-10"] as const;

/** A tiny instance with dates: each worker an availability (or none), each employer its slots split over the three starts, a tolerance of 0 or 7 days. */
const datedArb = (maxWorkers: number, maxEmployers: number, contest: boolean): fc.Arbitrary<InstanceInput> =>
  tinyInstanceArb(maxWorkers, maxEmployers).chain((input) =>
    fc
      .record({
        available: fc.array(fc.constantFrom(...AVAILABLE), { minLength: input.workers.length, maxLength: input.workers.length }),
        // For each of an employer's slots (at most 3), the start it gets.
        splits: fc.array(fc.array(fc.constantFrom(0, 1, 2), { minLength: 3, maxLength: 3 }), { minLength: input.employers.length, maxLength: input.employers.length }),
        tolerance: fc.constantFrom(0, 7),
      })
      .map(({ available, splits, tolerance }) => ({
        ...input,
        placement: { start: STARTS[0], startToleranceDays: tolerance },
        workers: input.workers.map((w, i) => {
          const from = available[i];
          const dated = from === undefined ? w : { ...w, availableFrom: from };
          return contest ? contested(dated) : dated;
        }),
        employers: input.employers.map((e, j) => {
          // The employer's slots (and so its staff and plans) as drawn, spread over the starts.
          const starts = (splits[j] ?? []).slice(0, e.slots);
          const groups = STARTS.map((start, k) => ({ slots: starts.filter((x) => x === k).length, start })).filter((g) => g.slots > 0);
          // Employers whose slots all start on the placement's start are written with `slots` alone half the time.
          return groups.every((g) => g.start === STARTS[0]) && j % 2 === 0 ? e : { ...e, slotGroups: groups };
        }),
      })),
  );

const toleranceOf = (input: InstanceInput): number => input.placement?.startToleranceDays ?? 0;
const availableFor = (w: TinyWorker, start: string, tolerance: number): boolean => (w.availableFrom ?? STARTS[0]) <= addDays(start, tolerance);
const groupsOf = (e: TinyEmployer) => e.slotGroups ?? [{ slots: e.slots, start: STARTS[0] as string }];

/** Best (placed, total score) over every assignment of workers to slot groups they are available for, within groups' slots and employers' legal capacity. */
const bruteForce = (input: InstanceInput): { placed: number; totalScore: number } => {
  const tolerance = toleranceOf(input);
  const left = input.employers.map(legalCapacity);
  const groupLeft = input.employers.map((e) => groupsOf(e).map((g) => g.slots));
  let best = { placed: 0, totalScore: 0 };
  const go = (i: number, placed: number, total: number): void => {
    if (i === input.workers.length) {
      if (placed > best.placed || (placed === best.placed && total > best.totalScore)) best = { placed, totalScore: total };
      return;
    }
    go(i + 1, placed, total);
    const w = input.workers[i] as TinyWorker;
    input.employers.forEach((e, j) => {
      if ((left[j] as number) === 0 || !oracleEligible(w, e)) return;
      groupsOf(e).forEach((g, k) => {
        const row = groupLeft[j] as number[];
        if ((row[k] as number) === 0 || !availableFor(w, g.start, tolerance)) return;
        left[j] = (left[j] as number) - 1;
        row[k] = (row[k] as number) - 1;
        go(i + 1, placed + 1, total + oracleScore(w, e));
        row[k] = (row[k] as number) + 1;
        left[j] = (left[j] as number) + 1;
      });
    });
  };
  go(0, 0, 0);
  return best;
};

const solve = (input: InstanceInput, options: MatchOptions = {}): MatchResult => {
  const r = match(input, options);
  if (E.isLeft(r)) throw new Error(`generated instance rejected: ${JSON.stringify(r.left)}`);
  return r.right;
};

/** Each placement's start is a group of its employer the worker was available for (with the tolerance), within that group's slots; the arrival waves add up. */
const expectStartsHonoured = (input: InstanceInput, result: MatchResult): void => {
  const tolerance = toleranceOf(input);
  const workers = new Map(input.workers.map((w) => [w.id, w]));
  const employers = new Map(input.employers.map((e) => [e.id, e]));
  const taken = new Map<string, number>();
  for (const p of result.placements) {
    const w = workers.get(p.workerId) as TinyWorker;
    const e = employers.get(p.employerId) as TinyEmployer;
    expect(oracleEligible(w, e)).toBe(true);
    const group = groupsOf(e).find((g) => g.start === p.start);
    expect(group, `${p.workerId} at ${p.employerId} starts ${p.start}`).toBeDefined();
    expect(availableFor(w, p.start, tolerance), `${p.workerId} available ${w.availableFrom}, starts ${p.start}`).toBe(true);
    const key = `${e.id} ${p.start}`;
    taken.set(key, (taken.get(key) ?? 0) + 1);
    expect(taken.get(key)).toBeLessThanOrEqual(group?.slots ?? 0);
  }
  const months = Object.values(result.summary.byStartMonth);
  expect(months.reduce((s, m) => s + m.placed, 0)).toBe(result.summary.placed);
  expect(months.reduce((s, m) => s + m.slots, 0)).toBe(result.summary.slots);
};

describe.each([{ engine: "auto" }, { engine: "lp-solver" }] as const)("dates with engine $engine", (options) => {
  it("are optimal against brute force over slot groups, every start honoured (tolerance 0 or 7 days)", () => {
    fc.assert(
      fc.property(datedArb(6, 3, false), (input) => {
        const result = solve(input, options);
        expect(result.status).toBe("optimal");
        expectStartsHonoured(input, result);
        expect({ placed: result.summary.placed, totalScore: result.summary.totalScore }).toEqual(bruteForce(input));
      }),
      fcOptions(120),
    );
  });

  it("when slots are contested (workers eligible nearly everywhere)", () => {
    fc.assert(
      fc.property(datedArb(6, 3, true), (input) => {
        const result = solve(input, options);
        expectStartsHonoured(input, result);
        expect({ placed: result.summary.placed, totalScore: result.summary.totalScore }).toEqual(bruteForce(input));
      }),
      fcOptions(120),
    );
  });
});

describe("dates: determinism and explanations", () => {
  it("give the same placements and starts whatever the order of the input rows", () => {
    fc.assert(
      fc.property(datedArb(6, 3, true), fc.infiniteStream(fc.nat()), (input, noise) => {
        const shuffle = <T>(xs: readonly T[]): T[] => xs.map((x) => [x, noise.next().value as number] as const).sort((a, b) => a[1] - b[1]).map(([x]) => x);
        const a = solve(input);
        const b = solve({ ...input, workers: shuffle(input.workers), employers: shuffle(input.employers).map((e) => (e.slotGroups === undefined ? e : { ...e, slotGroups: shuffle(e.slotGroups) })) });
        expect(b.placements).toEqual(a.placements);
        expect(b.summary.byStartMonth).toEqual(a.summary.byStartMonth);
      }),
      fcOptions(60),
    );
  });

  it("a worker available after the slots start is unplaced with the reason and both dates", () => {
    const input = lawful({
      reference: { asOf: "2026-04-01" },
      workers: [
        { id: "W1", language: ["N4"], certifications: [{ field: "food-service", via: "skills-test" }], trainingCentre: "C", homeProvince: "P", availableFrom: "2026-06-01" },
        { id: "W2", language: ["N4"], certifications: [{ field: "food-service", via: "skills-test" }], trainingCentre: "C", homeProvince: "P", availableFrom: "2026-06-10" },
      ],
      employers: [{ id: "E1", prefecture: "37", field: "food-service", slots: 2, hourlyWage: 1100, slotGroups: [{ slots: 1, start: "2026-04-01" }, { slots: 1, start: "2026-06-05" }] }],
    });
    const result = solve(input);
    expect(result.placements.map((p) => [p.workerId, p.start])).toEqual([["W1", "2026-06-05"]]);
    expect(result.unplaced[0]?.reason).toMatchObject({ kind: "no-eligible-slot", excludedBy: [{ rule: "availability", count: 1, example: "available 2026-06-10, its last slots start 2026-06-05" }] });
    expect(result.summary.byStartMonth).toEqual({ "2026-04": { placed: 0, slots: 1, unfilledSlots: 1 }, "2026-06": { placed: 1, slots: 1, unfilledSlots: 0 } });
    // The arrival waves in every report: the terminal's, Markdown, HTML (with each placement's start).
    expect(formatReport(result)).toContain(["start month  slots  placed  unfilled    fill", "2026-04          1       0         1    0.0%", "2026-06          1       1         0  100.0%"].join("\n"));
    expect(formatResultMarkdown(result)).toMatch(/## Arrival waves: placements by start month\n\n\| start month \| slots \| placed \| unfilled \| +fill \|/);
    const html = renderHtmlReport(compareResults([{ name: "r", result }]), { results: [{ name: "r", result }] });
    expect(html).toContain("<h2>Arrival waves: placements by start month</h2>");
    expect(html).toContain("<td>2026-06-05</td>");
    // One wave (every slot on the placement's start): the reports as before.
    const single = solve({ ...input, employers: input.employers.map(({ slotGroups, ...e }) => e) });
    expect(formatReport(single)).not.toContain("Arrival waves");
    expect(formatResultMarkdown(single)).not.toContain("Arrival waves");
    // Five days late allowed: W2 may fill the June slot too; W1 still not the April one. One June slot, two workers: W1 (by id), W2's slot taken.
    const tolerant = solve({ ...input, placement: { start: "2026-04-01", startToleranceDays: 5 } });
    expect(tolerant.placements.map((p) => [p.workerId, p.start])).toEqual([["W1", "2026-06-05"]]);
    expect(tolerant.unplaced.map((u) => [u.workerId, u.reason.kind])).toEqual([["W2", "eligible-slots-taken"]]);
  });
});

describe("dates: bad input as located issues", () => {
  /** E1's groups start outside a six-month period and add up to 2 of its 3 slots; E2's last day of the period is inside. */
  const employers = [
    { id: "E1", prefecture: "37", field: "food-service", slots: 3, hourlyWage: 1100, slotGroups: [{ slots: 1, start: "2026-03-31" }, { slots: 1, start: "2026-10-01" }] },
    { id: "E2", prefecture: "37", field: "food-service", slots: 1, hourlyWage: 1100, slotGroups: [{ slots: 1, start: "2026-09-30" }] },
  ];
  const issuesOf = (placement: Record<string, unknown>, workers: readonly Record<string, unknown>[]): string[] => {
    const r = decodeInstance(lawful({ placement: { start: "2026-04-01", months: 6, ...placement }, workers: workers as never, employers }));
    return E.isLeft(r) ? r.left.map((i) => `${i.path}: ${i.expected}`) : [];
  };
  const groupIssues = [
    "employers[0].slotGroups[0].start: a date in the placement period, 2026-04-01 to 2026-09-30",
    "employers[0].slotGroups[1].start: a date in the placement period, 2026-04-01 to 2026-09-30",
    "employers[0].slotGroups: slot groups whose slots add up to slots (3); these add up to 2",
  ];

  it("names every start outside the period and slot groups that do not add up", () => {
    expect(issuesOf({}, [])).toEqual(groupIssues);
  });

  it("with a malformed date, all at once: the well-formed rows are checked too", () => {
    expect(issuesOf({}, [{ id: "W1", language: ["N4"], trainingCentre: "C", homeProvince: "P", availableFrom: "2026-02-30" }])).toEqual([
      "workers[0].availableFrom: a calendar date YYYY-MM-DD",
      ...groupIssues,
    ]);
  });

  it("a tolerance out of range stops at the structural pass", () => {
    expect(issuesOf({ startToleranceDays: 400 }, [])).toEqual(["placement.startToleranceDays: an integer in 0..366"]);
  });
});

describe("dates in CSV files", () => {
  it("round-trip: availableFrom, slotGroups (slots:start items) and placement.startToleranceDays, to the same decoded instance", async () => {
    const { instanceFromCsv, instanceToCsv, locateInCsv } = await import("../../src/io/csv.js");
    const { formatIssues } = await import("../../src/input/issues.js");
    fc.assert(
      fc.property(datedArb(4, 3, false), (input) => {
        const files = instanceToCsv(input);
        const { workers, employers, ...sheets } = files;
        const back = instanceFromCsv(workers, employers, { sheets });
        expect(E.isRight(back) ? back.right.input.placement : back.left).toEqual(input.placement);
        const a = decodeInstance(input);
        const b = E.isRight(back) ? decodeInstance(back.right.input) : back;
        expect(b).toEqual(a);
      }),
      fcOptions(40),
    );
    const read = instanceFromCsv(
      "id,language,trainingCentre,homeProvince,sswMonths,departure,age,availableFrom\nW1,N4,C,P,0,health-check;bpjs;orientation;job-order,30,2026-13-01\n",
      "id,prefecture,field,slots,hourlyWage,employment,japaneseWage,support,housing,slotGroups\nE1,37,food-service,3,1100,direct,1100,self,private,2:2026-04-01;x:2026-05-01\n",
      { reference: { asOf: "2026-04-01" } },
    );
    if (E.isLeft(read)) throw new Error("the files are well formed");
    const decoded = decodeInstance(read.right.input);
    expect(E.isLeft(decoded) && formatIssues(locateInCsv(decoded.left, read.right))).toBe(
      [
        'workers.csv row 2, column availableFrom: expected a calendar date YYYY-MM-DD, got "2026-13-01"',
        'employers.csv row 2, column slotGroups (item 2, slots): expected an integer in 0..100,000, got "x"',
      ].join("\n"),
    );
  });
});

describe("dates on the command line", () => {
  it("jobmatch solve prints the arrival waves with its one line where slots start in several months", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { run } = await import("../../src/cli/program.js");
    const dir = mkdtempSync(join(tmpdir(), "jobmatch-time-"));
    try {
      const input = lawful({
        reference: { asOf: "2026-04-01" },
        workers: ["W1", "W2"].map((id, i) => ({ id, language: ["N4" as const], certifications: [{ field: "food-service", via: "skills-test" as const }], trainingCentre: "C", homeProvince: "P", ...(i === 1 ? { availableFrom: "2026-07-01" } : {}) })),
        employers: [{ id: "E1", prefecture: "37", field: "food-service", slots: 2, hourlyWage: 1100, slotGroups: [{ slots: 1, start: "2026-04-01" }, { slots: 1, start: "2026-07-01" }] }],
      });
      writeFileSync(join(dir, "instance.json"), JSON.stringify(input));
      let stderr = "";
      const ctx = { stdout: { write: (_: string, done?: (e?: Error | null) => void) => done?.() }, stderr: { write: (s: string) => ((stderr += s), true) }, readStdin: async () => "" };
      expect(await run(["solve", join(dir, "instance.json"), "--out", join(dir, "result.json")], ctx)).toBe(0);
      expect(stderr).toMatch(/^placed 2 of 2 workers \(optimal, flow, [^)]+\); by start month: 2026-04 1, 2026-07 1\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
