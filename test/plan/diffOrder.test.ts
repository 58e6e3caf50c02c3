/**
 * The diff lists every worker in id order, whichever way it finds them: from
 * a decoded instance (workers already in id order, the plan's departed
 * workers merged in) or from any other (every id sorted, the definition).
 * On random generated plans re-solved after some workers left and others
 * arrived, both give the same diff, and each list is in id order.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { match } from "../../src/index.js";
import { generateInstance } from "../../src/generate/generate.js";
import { decodeInstance } from "../../src/input/decode.js";
import { planDiff } from "../../src/plan/diff.js";
import { fcOptions } from "../support/seed.js";

const right = <A>(x: E.Either<unknown, A>): A => {
  if (E.isLeft(x)) throw new Error(`unexpected Left: ${JSON.stringify(x.left).slice(0, 300)}`);
  return x.right;
};

describe("the plan diff's order", () => {
  it("is the same from a decoded instance and from its workers in another order, and in id order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 10, max: 120 }), fc.integer({ min: 2, max: 9 }), (seed, n, every) => {
        const before = generateInstance({ seed, workers: n, employers: Math.max(2, Math.floor(n / 10)) });
        // Some workers leave; newcomers arrive with ids that sort among the others.
        const after = {
          ...before,
          workers: [...before.workers.filter((_, i) => i % every !== 0), ...before.workers.filter((_, i) => i % every === 1).map((w) => ({ ...w, id: `${w.id}b` }))],
        };
        const plan = right(match(before));
        const now = right(match(after));
        const instance = right(decodeInstance(after));
        const diff = planDiff(plan, now, instance, [], new Map(), "fewest");
        const shuffled = { ...instance, workers: [...instance.workers].reverse() };
        expect(planDiff(plan, now, shuffled, [], new Map(), "fewest")).toEqual(diff);
        for (const list of [diff.kept, diff.moved, diff.placed, diff.unplaced, diff.waiting, diff.left]) {
          const ids = list.map((x) => x.workerId);
          expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        }
        // not vacuous: someone left
        expect(diff.unplaced.length + diff.left.length).toBeGreaterThan(0);
      }),
      fcOptions(25),
    );
  });
});
