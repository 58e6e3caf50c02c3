/**
 * `matchDecoded`: `match` on an instance decoded already, so that a caller
 * can let the parsed input go before the solve. It must give `match`'s
 * answer, take only what `decodeInstance` made, and count decoding in its
 * timings and time limit when told when decoding ran.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInstance, match, matchDecoded } from "../../src/index.js";
import type { Instance } from "../../src/input/instance.js";
import type { MatchResult } from "../../src/result/types.js";
import { fcOptions } from "../support/seed.js";
import { tinyInstanceArb } from "../support/tiny.js";

/** The result as bytes, without the run's timings. */
const bytes = (r: E.Either<unknown, MatchResult>): string => (E.isLeft(r) ? `Left ${JSON.stringify(r.left)}` : JSON.stringify({ ...r.right, timings: null }));

const decoded = (input: unknown): Instance => {
  const d = decodeInstance(input);
  if (E.isLeft(d)) throw new Error(`generated instance rejected: ${JSON.stringify(d.left)}`);
  return d.right;
};

describe("matchDecoded", () => {
  it("gives match's answer, byte for byte, whatever the engine or time limit", () => {
    fc.assert(
      fc.property(tinyInstanceArb(10, 6), fc.constantFrom(undefined, { engine: "lp-solver" as const }, { timeLimitMs: 60_000 }), (input, options) => {
        expect(bytes(matchDecoded(decoded(input), options))).toBe(bytes(match(input, options)));
      }),
      fcOptions(60),
    );
  });

  it("takes only instances decodeInstance returned: a copy or a hand-made object is a Left, not a throw", () => {
    fc.assert(
      fc.property(tinyInstanceArb(6, 4), (input) => {
        const instance = decoded(input);
        for (const other of [{ ...instance }, JSON.parse(JSON.stringify(instance)) as Instance, null as unknown as Instance, 7 as unknown as Instance]) {
          const r = matchDecoded(other);
          expect(E.isLeft(r) && r.left.map((i) => i.path)).toEqual([""]);
        }
      }),
      fcOptions(20),
    );
  });

  it("reports bad options and a bad timing with their paths, together", () => {
    const instance = decoded(fc.sample(tinyInstanceArb(4, 3), { seed: 7, numRuns: 1 })[0]);
    const now = performance.now();
    const r = matchDecoded(instance, { timeLimitMs: -1 }, { started: Number.NaN, decodeMs: -3 });
    expect(E.isLeft(r) && r.left.map((i) => i.path).sort()).toEqual(["options.timeLimitMs", "timing.decodeMs", "timing.started"]);
    const later = matchDecoded(instance, {}, { started: now + 60_000, decodeMs: 0 });
    expect(E.isLeft(later) && later.left.map((i) => i.path)).toEqual(["timing.started"]);
    const longer = matchDecoded(instance, {}, { started: now, decodeMs: 60_000 });
    expect(E.isLeft(longer) && longer.left.map((i) => i.path)).toEqual(["timing.decodeMs"]);
  });

  it("counts decoding in the timings when told when it ran", () => {
    const input = fc.sample(tinyInstanceArb(8, 5), { seed: 11, numRuns: 1 })[0];
    const started = performance.now();
    const instance = decoded(input);
    const decodeMs = performance.now() - started;
    const r = matchDecoded(instance, {}, { started, decodeMs });
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
    expect(r.right.timings.decodeMs).toBe(decodeMs);
    expect(r.right.timings.totalMs).toBeGreaterThanOrEqual(decodeMs + r.right.timings.buildMs + r.right.timings.solveMs);
    const bare = matchDecoded(instance);
    expect(E.isRight(bare) && bare.right.timings.decodeMs).toBe(0);
  });
});
