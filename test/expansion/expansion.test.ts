/**
 * Marginal values and the expansion plan, checked against an oracle simpler
 * than the library: the brute-force search of test/support/tiny.ts on the
 * instance changed as each figure says (one more slot with its staff at each
 * employer of a group; a centre's unplaced workers passing a test), written
 * out here again rather than taken from src/expansion.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { baseline, type Baseline } from "../../src/expansion/baseline.js";
import { formatExpansionMarkdown } from "../../src/expansion/format.js";
import { planExpansion } from "../../src/expansion/planner.js";
import { expansionReport } from "../../src/expansion/run.js";
import { slotValues } from "../../src/expansion/slots.js";
import { trainingValues, type Upgrade } from "../../src/expansion/training.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { fcOptions } from "../support/seed.js";
import { lawful } from "../support/lawful.js";
import { bruteForce, contested, tinyInstanceArb, type TinyEmployer, type TinyWorker } from "../support/tiny.js";

const baseOf = (input: InstanceInput): Baseline => {
  const b = baseline(input);
  if (E.isLeft(b)) throw new Error(JSON.stringify(b.left.slice(0, 3)));
  return b.right;
};

/** Tiny instances, half the workers made to compete for slots, in two training centres. */
const instanceArb = tinyInstanceArb(6, 4).chain((input) =>
  fc.array(fc.boolean(), { minLength: input.workers.length, maxLength: input.workers.length }).map((flags) => ({
    ...input,
    workers: input.workers.map((w, i) => ({ ...(flags[i] === true ? contested(w) : w), trainingCentre: i % 2 === 0 ? "lpk-a" : "lpk-b" })),
  })),
);

/** The oracle's one more slot: slots and the staff behind its cap, each one up. */
const oneMore = (e: TinyEmployer): TinyEmployer => ({
  ...e,
  slots: e.slots + 1,
  ...(e.japaneseCareStaff === undefined ? {} : { japaneseCareStaff: e.japaneseCareStaff + 1 }),
  ...(e.fullTimeStaff === undefined ? {} : { fullTimeStaff: e.fullTimeStaff + 1 }),
});

const LEVEL: Record<string, number> = { N5: 1, N4: 2, "JFT-Basic A2": 2, N3: 3 };
const lacks = (w: TinyWorker, u: Upgrade): boolean =>
  u.kind === "care-test"
    ? !w.careJapaneseTest && (w.certifications ?? []).some((c) => c.field === "nursing-care")
    : u.kind === "n4"
      ? Math.max(0, ...w.language.map((l) => LEVEL[l] ?? 0)) < 2
      : !(w.certifications ?? []).some((c) => c.field === u.field);
const pass = (w: TinyWorker, u: Upgrade): TinyWorker =>
  u.kind === "care-test"
    ? { ...w, careJapaneseTest: true }
    : u.kind === "n4"
      ? { ...w, language: [...w.language, "N4"] }
      : { ...w, certifications: [...(w.certifications ?? []), { field: u.field, via: "skills-test" }] };

describe("marginal value of slots", () => {
  it("is, for each prefecture and field, the placements one more slot at each of its employers adds (brute force)", () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const base = baseOf(input);
        const v = slotValues(base);
        const placed = bruteForce(input).placed;
        expect(base.result.summary.placed).toBe(placed);
        const groups = new Set(input.employers.map((e) => `${e.prefecture}/${e.field}`));
        expect(v.groups.map((g) => `${g.prefecture}/${g.field}`).sort()).toEqual([...groups].sort());
        for (const g of v.groups) {
          const more = { ...input, employers: input.employers.map((e) => (e.prefecture === g.prefecture && e.field === g.field ? oneMore(e) : e)) };
          expect({ group: `${g.prefecture}/${g.field}`, gained: g.gained }).toEqual({ group: `${g.prefecture}/${g.field}`, gained: bruteForce(more).placed - placed });
          expect(g.added).toBe(input.employers.filter((e) => e.prefecture === g.prefecture && e.field === g.field).length);
        }
        for (const p of v.prefectures) {
          const more = { ...input, employers: input.employers.map((e) => (e.prefecture === p.prefecture ? oneMore(e) : e)) };
          expect(p.gained).toBe(bruteForce(more).placed - placed);
          expect(v.noMarginalValue.includes(p.prefecture)).toBe(bruteForce(more).placed === placed);
        }
        expect(base.exact).toBe(true);
      }),
      fcOptions(40),
    );
  });
});

describe("one more slot", () => {
  it("comes with the room the law asks to fill it: a bed and 7.5 m2, a head in the acceptance plan, a staff member behind a cap", () => {
    const worker = (id: string) => ({ id, language: ["N4"], certifications: [{ field: "construction", via: "skills-test" }], trainingCentre: "lpk-a", homeProvince: "Bali" });
    const input = lawful({
      reference: { asOf: "2026-04-01" },
      workers: ["W1", "W2", "W3", "W4"].map(worker),
      employers: [
        { id: "E1", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1100, housing: { beds: 2, areaM2: 15 } },
        { id: "E2", prefecture: "38", field: "construction", slots: 1, hourlyWage: 1100 },
      ],
    }) as InstanceInput;
    const v = slotValues(baseOf(input));
    expect(v.groups.map((g) => [g.prefecture, g.placed, g.gained])).toEqual([
      ["37", 2, 1],
      ["38", 1, 1],
    ]);
    expect(v.noMarginalValue).toEqual([]);
  });
});

describe("marginal value of training", () => {
  it("is the placements a centre's unplaced workers who lack a test would add by passing it (brute force)", () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const base = baseOf(input);
        const t = trainingValues(base, { centres: 2, skillTests: 2 });
        const unplaced = new Set(base.result.unplaced.map((u) => u.workerId));
        const placed = bruteForce(input).placed;
        expect(t.centres.every((c) => c.unplaced > 0)).toBe(true);
        for (const r of t.rows) {
          const trainees = new Set(input.workers.filter((w) => w.trainingCentre === r.centre && unplaced.has(w.id) && lacks(w, r.upgrade)).map((w) => w.id));
          expect(r.trainees).toBe(trainees.size);
          const trained = { ...input, workers: input.workers.map((w) => (trainees.has(w.id) ? pass(w, r.upgrade) : w)) };
          expect({ ...r, gained: bruteForce(trained).placed - placed }).toEqual(r);
          expect(r.per100).toBe(r.trainees === 0 ? 0 : (100 * r.gained) / r.trainees);
        }
      }),
      fcOptions(40),
    );
  });

  it("finds each test's gain where it has one: the care test, N4, a field's skills test", () => {
    const input = lawful({
      reference: { asOf: "2026-04-01" },
      workers: [
        { id: "W1", language: ["N4"], careJapaneseTest: false, certifications: [{ field: "nursing-care", via: "skills-test" }], trainingCentre: "lpk-a", homeProvince: "Bali" },
        { id: "W2", language: ["N5"], certifications: [{ field: "construction", via: "skills-test" }], trainingCentre: "lpk-a", homeProvince: "Bali" },
      ],
      employers: [
        { id: "E1", prefecture: "37", field: "nursing-care", slots: 2, hourlyWage: 1100 },
        { id: "E2", prefecture: "37", field: "construction", slots: 1, hourlyWage: 1100 },
        { id: "E3", prefecture: "37", field: "food-service", slots: 1, hourlyWage: 1100 },
      ],
    });
    const t = trainingValues(baseOf(input), { skillTests: 3 });
    const gain = (u: Upgrade): number => bruteForce({ ...input, workers: input.workers.map((w) => (lacks(w, u) ? pass(w, u) : w)) }).placed;
    const byName = new Map(t.rows.map((r) => [r.upgrade.kind === "skills-test" ? r.upgrade.field : r.upgrade.kind, r]));
    expect(byName.get("care-test")).toMatchObject({ trainees: 1, gained: gain({ kind: "care-test" }) });
    expect(byName.get("n4")).toMatchObject({ trainees: 1, gained: gain({ kind: "n4" }) });
    expect(byName.get("food-service")).toMatchObject({ trainees: 2, gained: gain({ kind: "skills-test", field: "food-service", jobCategory: null }) });
    expect(byName.get("construction")).toMatchObject({ trainees: 1, gained: gain({ kind: "skills-test", field: "construction", jobCategory: null }) });
    expect(t.rows.filter((r) => r.gained > 0).length).toBeGreaterThanOrEqual(4);
  });
});

describe("expansion plan", () => {
  it("proposes the optimum's placements by prefecture and field, and never loses to the proportional split", () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const base = baseOf(input);
        const plan = planExpansion(base);
        const slots = input.employers.reduce((s, e) => s + e.slots, 0);
        expect(plan.proposed.placed).toBe(bruteForce(input).placed);
        expect(plan.groups.reduce((s, g) => s + g.proposed, 0)).toBe(plan.proposed.placed);
        expect(plan.naive.planned).toBe(Math.min(input.workers.length, slots));
        expect(plan.groups.reduce((s, g) => s + g.naive, 0)).toBe(plan.naive.planned);
        expect(plan.naive.placed).toBeLessThanOrEqual(plan.proposed.placed);
        for (const g of plan.groups) {
          expect(g.naive).toBeLessThanOrEqual(g.slots);
          expect(g.naivePlaced).toBeLessThanOrEqual(g.naive);
        }
        expect(plan.unplanned).toBe(input.workers.length - plan.proposed.placed);
      }),
      fcOptions(40),
    );
  });

  it("says in the report that its figures are exact re-solves, and gives bad input back as issues", () => {
    const input = fc.sample(instanceArb.filter((i) => i.workers.length > 2 && i.employers.length > 1), { seed: 5, numRuns: 1 })[0] as InstanceInput;
    const report = expansionReport(input);
    if (E.isLeft(report)) throw new Error("rejected");
    expect(report.right.exact).toBe(true);
    expect(formatExpansionMarkdown(report.right)).toMatch(/exact re-solve of the optimiser/);
    const bad = expansionReport({ ...input, workers: [{ ...input.workers[0], language: ["N6"] }] } as unknown as InstanceInput);
    expect(E.isLeft(bad) ? bad.left[0]?.path : "").toBe("workers[0].language[0]");
  });
});
