/**
 * The plan a result hands to its readers with its placements
 * (src/result/placedAt.ts): `placedAtOf` must give what looking every id up
 * gives (the definition, written here with maps of ids), for the result as
 * assembled and after its placements are changed in place (the remembered
 * plan then no longer fits and must not be used); and `hintFits` must accept a
 * plan exactly when it is the one the placements list.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { match } from "../../src/index.js";
import { generateInstance } from "../../src/generate/generate.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { Instance } from "../../src/input/instance.js";
import { hintFits } from "../../src/result/placedAt.js";
import type { Placement } from "../../src/result/types.js";
import { placedAtOf } from "../../src/stable/plan.js";
import { fcOptions } from "../support/seed.js";

type Ids = Pick<Placement, "workerId" | "employerId">;

/** The definition: each placement's worker and employer looked up by id; unknown ids are left out. */
const byIds = (instance: Instance, placements: readonly Ids[]): number[] => {
  const worker = new Map(instance.workers.map((w, i) => [w.id, i]));
  const employer = new Map(instance.employers.map((e, i) => [e.id, i]));
  const out = new Array<number>(instance.workers.length).fill(-1);
  for (const p of placements) {
    const w = worker.get(p.workerId);
    const e = employer.get(p.employerId);
    if (w !== undefined && e !== undefined) out[w] = e;
  }
  return out;
};

const solved = (seed: string, workers: number, employers: number): { instance: Instance; placements: Ids[] } => {
  const input = generateInstance({ seed, workers, employers });
  const decoded = decodeInstance(input);
  const matched = match(input);
  if (E.isLeft(decoded) || E.isLeft(matched)) throw new Error("the generated instance does not decode");
  return { instance: decoded.right, placements: matched.right.placements as unknown as Ids[] };
};

/** Ways to change a result's placements in place. */
const edits: readonly ((instance: Instance, p: Ids[], k: number) => void)[] = [
  (_, p) => void p.reverse(),
  (_, p, k) => void p.splice(k % Math.max(1, p.length), 1),
  (instance, p, k) => {
    const i = k % Math.max(1, p.length);
    const other = instance.employers[(k * 7) % instance.employers.length];
    if (p[i] !== undefined && other !== undefined) p[i] = { ...p[i], employerId: other.id };
  },
  (instance, p, k) => {
    // A worker listed twice, or an unplaced one added at the end.
    const w = instance.workers[k % instance.workers.length];
    const e = instance.employers[k % instance.employers.length];
    if (w !== undefined && e !== undefined) p.push({ workerId: w.id, employerId: e.id });
  },
  (_, p, k) => {
    const i = k % Math.max(1, p.length);
    if (p[i] !== undefined) p[i] = { ...p[i], workerId: "nobody" };
  },
];

describe("the plan handed over with a result's placements", () => {
  it("gives the placements' plan by ids, as assembled and after the placements change in place", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: edits.length - 1 }), fc.nat(1000), (seed, edit, k) => {
        const { instance, placements } = solved(`placed-${seed}`, 40, 8);
        expect([...placedAtOf(instance, placements)]).toEqual(byIds(instance, placements));
        (edits[edit] as (typeof edits)[number])(instance, placements, k);
        expect([...placedAtOf(instance, placements)]).toEqual(byIds(instance, placements));
      }),
      fcOptions(30),
    );
  });

  it("fits a plan exactly when it is the one the placements list", () => {
    const { instance, placements } = solved("placed-fits", 60, 10);
    const plan = Int32Array.from(byIds(instance, placements));
    expect(hintFits(instance, placements, plan)).toBe(true);
    fc.assert(
      fc.property(fc.nat(instance.workers.length - 1), fc.integer({ min: -1, max: instance.employers.length }), (w, e) => {
        const changed = plan.slice();
        changed[w] = e;
        // (e = the number of employers is no employer: never a fit.)
        expect(hintFits(instance, placements, changed)).toBe((plan[w] as number) === e);
      }),
      fcOptions(200),
    );
    expect(hintFits(instance, placements, plan.subarray(1))).toBe(false);
  });
});
