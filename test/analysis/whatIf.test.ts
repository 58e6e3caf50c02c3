/**
 * smallestChange: a change it names really places the worker when applied to
 * the input row and solved again; when it names none, brute force over the
 * candidate changes (written out here from the documented list, checked with
 * the oracle of test/support/tiny.ts) finds none either; and the change it
 * names is the cheapest, with the best employer among the cheapest.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChange, smallestChange, type Change } from "../../src/analysis/whatIf.js";
import type { InstanceInput, WorkerInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { Instance } from "../../src/input/instance.js";
import { match } from "../../src/match.js";
import type { MatchResult } from "../../src/result/types.js";
import { instanceArbitrary } from "../support/input-arbitraries.js";
import { fcOptions } from "../support/seed.js";
import { legalCapacity, oracleEligible, oracleScore, tinyInstanceArb, type TinyEmployer, type TinyWorker } from "../support/tiny.js";
import { lawful } from "../support/lawful.js";

const solved = (input: InstanceInput): { instance: Instance; result: MatchResult } => {
  const instance = decodeInstance(input);
  const result = match(input);
  if (E.isLeft(instance) || E.isLeft(result)) throw new Error(`generated instance rejected: ${JSON.stringify(input)}`);
  return { instance: instance.right, result: result.right };
};

/** The change made to an input row, as a user would type it. */
const changeRow = (w: WorkerInput, c: Change): WorkerInput => {
  switch (c.kind) {
    case "language":
      return { ...w, language: [...w.language, c.to] };
    case "care-japanese-test":
      return { ...w, careJapaneseTest: true };
    case "skill":
      return { ...w, skills: [...(w.skills ?? []), { name: c.name, level: c.level, years: c.years }] };
    case "certification":
      return { ...w, certifications: [...(w.certifications ?? []), { field: c.field, via: c.via, ...(c.jobCategory === null ? {} : { jobCategory: c.jobCategory }) }] };
  }
};

const withRow = (input: InstanceInput, w: WorkerInput): InstanceInput => ({ ...input, workers: input.workers.map((v) => (v.id === w.id ? w : v)) });

// The candidate list, written out again from the documented table.
const LEVEL: Record<string, number> = { N5: 1, "JFT-Basic A1": 1, "JFT-Basic A2.1": 1, N4: 2, "JFT-Basic A2": 2, N3: 3, N2: 4, N1: 5 };
const JLPT = ["N5", "N4", "N3", "N2", "N1"] as const;
const TINY_FIELDS = ["nursing-care", "construction", "food-service"] as const;

const candidates = (w: TinyWorker, employers: readonly TinyEmployer[]): { row: TinyWorker; cost: number }[] => {
  const level = Math.max(0, ...w.language.map((l) => LEVEL[l] ?? 0));
  const out: { row: TinyWorker; cost: number }[] = [];
  for (const to of JLPT) if (LEVEL[to]! - level === 1 || LEVEL[to]! - level === 2) out.push({ row: { ...w, language: [...w.language, to] }, cost: LEVEL[to]! - level });
  if (w.careJapaneseTest !== true) out.push({ row: { ...w, careJapaneseTest: true }, cost: 3 });
  for (const e of employers) for (const s of e.requiredSkills ?? []) out.push({ row: { ...w, skills: [...(w.skills ?? []), { name: s.name, level: s.level ?? 1 }] }, cost: 4 });
  for (const field of TINY_FIELDS) out.push({ row: { ...w, certifications: [...(w.certifications ?? []), { field, via: "skills-test" }] }, cost: 5 });
  return out;
};

const placedAt = (result: MatchResult, id: string): number => result.placements.filter((p) => p.employerId === id).length;

/** Employers with a free slot in the result. */
const freeIn = (input: InstanceInput, result: MatchResult): TinyEmployer[] => input.employers.filter((e) => e.slots > placedAt(result, e.id));

/**
 * The cheapest cost that makes the worker eligible at a free employer, and
 * the best (score, id) at that cost: first among employers below their legal
 * cap (placing there breaks nothing), then among those at it.
 */
const bruteForce = (input: InstanceInput, result: MatchResult, w: TinyWorker): { cost: number; score: number; employerId: string; allowed: boolean } | null => {
  const found = candidates(w, input.employers).flatMap(({ row, cost }) =>
    freeIn(input, result)
      .filter((e) => oracleEligible(row, e))
      .map((e) => ({ cost, score: oracleScore(row, e), employerId: e.id, allowed: placedAt(result, e.id) < legalCapacity(e) })),
  );
  found.sort((a, b) => Number(b.allowed) - Number(a.allowed) || a.cost - b.cost || b.score - a.score || (a.employerId < b.employerId ? -1 : a.employerId > b.employerId ? 1 : 0));
  return found[0] ?? null;
};

const seen = new Map<string, number>();
const saw = (kind: string): void => void seen.set(kind, (seen.get(kind) ?? 0) + 1);

describe("smallestChange", () => {
  it("names the cheapest change, which places the worker when applied and solved again; null only when brute force finds none", () => {
    fc.assert(
      fc.property(tinyInstanceArb(7, 4), (input) => {
        const { instance, result } = solved(input);
        for (const u of result.unplaced) {
          const w = input.workers.find((v) => v.id === u.workerId)!;
          const x = smallestChange(instance, result, u.workerId);
          // Eligible already at a free slot: only a legal cap (the law) can have kept them out of an optimal plan.
          const capped = freeIn(input, result).filter((e) => oracleEligible(w, e));
          if (capped.length > 0) {
            saw("eligible, held out by a legal cap");
            expect(capped.every((e) => placedAt(result, e.id) >= legalCapacity(e))).toBe(true);
            expect(E.isLeft(x) && x.left).toContain("would break legal cap");
            continue;
          }
          if (E.isLeft(x)) throw new Error(x.left);
          const expected = bruteForce(input, result, w);
          saw(x.right === null ? "null" : x.right.change.kind);
          if (x.right === null) {
            expect(expected).toBeNull();
            continue;
          }
          expect({ cost: x.right.cost, score: x.right.score, employerId: x.right.employerId, allowed: x.right.breaches.every((b) => !b.hard) }).toEqual(expected);
          if (expected?.allowed !== true) continue;
          const again = match(withRow(input, changeRow(w, x.right.change)));
          if (E.isLeft(again)) throw new Error(JSON.stringify(again.left));
          expect(again.right.placements.some((p) => p.workerId === w.id)).toBe(true);
          expect(again.right.summary.placed).toBeGreaterThan(result.summary.placed);
        }
      }),
      fcOptions(300),
    );
    for (const kind of ["null", "language", "care-japanese-test", "skill", "certification", "eligible, held out by a legal cap"]) expect(seen.get(kind) ?? 0).toBeGreaterThan(0);
  });

  it("places the worker on general instances too, and applyChange agrees with decoding the changed row", () => {
    fc.assert(
      fc.property(instanceArbitrary({ maxWorkers: 6, maxEmployers: 5 }), (input) => {
        const { instance, result } = solved(input);
        for (const u of result.unplaced) {
          const x = smallestChange(instance, result, u.workerId);
          // already eligible at a free slot that a legal limit (the law) keeps them out of: no change to name
          if (E.isLeft(x) && x.left.includes("would break") && x.left.includes("needs no change")) continue;
          if (E.isLeft(x)) throw new Error(x.left);
          if (x.right === null) continue;
          const row = changeRow(input.workers.find((v) => v.id === u.workerId)!, x.right.change);
          const changed = decodeInstance(withRow(input, row));
          if (E.isLeft(changed)) throw new Error(JSON.stringify(changed.left));
          const before = instance.workers.find((v) => v.id === u.workerId)!;
          expect(changed.right.workers.find((v) => v.id === u.workerId)).toEqual(applyChange(before, x.right.change));
          if (x.right.breaches.some((b) => b.hard)) continue; // eligible there, but a hard limit says no
          const again = match(withRow(input, row));
          if (E.isLeft(again)) throw new Error(JSON.stringify(again.left));
          expect(again.right.placements.some((p) => p.workerId === u.workerId)).toBe(true);
          expect(again.right.summary.placed).toBeGreaterThan(result.summary.placed);
        }
      }),
      fcOptions(100),
    );
  });

  it("is a Left for a placed worker, an unknown id and a result without a solution", () => {
    const input: InstanceInput = lawful({
      reference: { asOf: "2026-04-01" },
      workers: [
        { id: "W1", language: ["N4"], certifications: [{ field: "construction", via: "skills-test" }], trainingCentre: "Semarang", homeProvince: "Central Java" },
        { id: "W2", language: ["N5"], certifications: [{ field: "construction", via: "skills-test" }], trainingCentre: "Bandung", homeProvince: "West Java" },
      ],
      employers: [{ id: "E1", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1100 }],
    });
    const { instance, result } = solved(input);
    expect(smallestChange(instance, result, "W1")).toEqual(E.left("W1 is already placed (at E1); a smallest change is for unplaced workers"));
    expect(E.isLeft(smallestChange(instance, result, "W9"))).toBe(true);
    expect(E.isLeft(smallestChange(instance, { ...result, hasSolution: false, placements: [], unplaced: [...result.unplaced, { workerId: "W1", reason: { kind: "no-solution" } }] }, "W2"))).toBe(true);
    expect(smallestChange(instance, result, "W2")).toEqual(
      E.right({ change: { kind: "language", to: "N4" }, cost: 1, employerId: "E1", score: 1, breaches: [], text: "placed at E1 with JLPT N4" }),
    );
  });
});
