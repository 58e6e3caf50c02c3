/**
 * One clock for the whole call (issue 13, item 5; issue 9): `timeLimitMs`
 * covers decoding, building, solving, diagnosing and the result, and `match`
 * returns within max(10%, 200 ms) of it, with an honest status.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { match, type MatchOptions } from "../../src/index.js";
import { generateInstance } from "../../src/generate/generate.js";
import type { MatchResult } from "../../src/result/types.js";
import { decodeInstance } from "../../src/input/decode.js";
import { buildModel, buildModelUntil } from "../../src/model/build.js";

const timed = (input: unknown, options: MatchOptions): { result: MatchResult; ms: number } => {
  const started = performance.now();
  const r = match(input, options);
  const ms = performance.now() - started;
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left.slice(0, 3)));
  return { result: r.right, ms };
};

/**
 * The promise is max(10%, 200 ms) past the limit (bench/RESULTS.md measures
 * it on a quiet machine); these tests share the machine with others, so they
 * allow a second more and check what cannot depend on load.
 */
const slack = (limit: number): number => Math.max(0.1 * limit, 200) + 1000;

/** The pilot's size with quotas that cross (a sector minimum, prefecture bands): javascript-lp-solver cannot prove it in seconds. */
const crossing = () => {
  const instance = generateInstance({ seed: 20261127, workers: 2000, employers: 150, prefectures: ["36", "37", "38", "39"] });
  return {
    ...instance,
    policy: {
      quotas: [
        // Under the law's caps at most 481 caregiving and 393 Kagawa placements are possible (the match's diagnosis, fair generator); both come close.
        { scope: "sector", key: "caregiving", min: 478 },
        { scope: "prefecture", key: "37", min: 390, max: 700 },
        { scope: "prefecture", key: "38", max: 440 },
      ],
    },
  };
};

describe("timeLimitMs covers the whole call", () => {
  it("a limit shorter than decoding: nothing solved, every worker accounted for, on time", () => {
    const input = generateInstance({ seed: 1, workers: 2000, employers: 150 });
    const { result, ms } = timed(input, { timeLimitMs: 1 });
    expect(result.status).toBe("time-limit");
    expect(result.placements).toHaveLength(0);
    expect(result.unplaced).toHaveLength(2000);
    expect(result.unplaced.every((u) => u.reason.kind === "no-solution")).toBe(true);
    // Building stops at the deadline too: it had passed during decoding, so no class was formed.
    expect(result.message).toBe("the time limit passed while workers and employers were grouped into classes, building the model; nothing was solved");
    expect(result.stability).toBeNull();
    // Decoding is not interrupted (README, Options: timeLimitMs), and the law's rules make it take
    // 0.5-2 s at this size on a loaded machine: what follows it must keep to the promise.
    expect(ms - result.timings.decodeMs, JSON.stringify(result.timings)).toBeLessThan(1 + slack(1));
  });

  it("a model built against a deadline is the whole model when the deadline does not come, and says how far it got when it does", () => {
    const decoded = decodeInstance(generateInstance({ seed: 2, workers: 300, employers: 30 }));
    if (E.isLeft(decoded)) throw new Error("the instance does not decode");
    const whole = buildModel(decoded.right);
    const unlimited = buildModelUntil(decoded.right, undefined);
    expect(unlimited.interrupted).toBeNull();
    expect(JSON.stringify(unlimited.built)).toBe(JSON.stringify(whole));
    expect(JSON.stringify(buildModelUntil(decoded.right, Number.POSITIVE_INFINITY).built)).toBe(JSON.stringify(whole));
    const passed = buildModelUntil(decoded.right, Number.NEGATIVE_INFINITY);
    expect(passed.interrupted).toBe("while workers and employers were grouped into classes");
    expect(passed.built.model.arcs).toHaveLength(0);
    expect(passed.built.workerMembers).toHaveLength(0);
    expect(whole.model.arcs.length).toBeGreaterThan(0);
  });

  it("javascript-lp-solver on a model it seldom finishes in time returns at the limit, honestly", () => {
    // Its first linear solve takes about as long as the limit; when it ends in time the relaxation is
    // integral and the answer proved, so "optimal" must then be the optimum the side engine proves.
    const limit = 1500;
    const { result, ms } = timed(crossing(), { engine: "lp-solver", timeLimitMs: limit });
    expect(["time-limit", "optimal"]).toContain(result.status);
    if (result.status === "optimal") expect(result.objective?.value).toBe(timed(crossing(), { engine: "side" }).result.objective?.value);
    expect(ms).toBeLessThan(limit + slack(limit));
    expect(result.placements.length + result.unplaced.length).toBe(2000);
  });

  it("the side engine on the same model, with a limit it needs more than: on time, and a plan under a proved bound if any", () => {
    const optimum = timed(crossing(), { engine: "side" }).result.objective?.value as number;
    const limit = 300;
    const { result, ms } = timed(crossing(), { engine: "side", timeLimitMs: limit });
    expect(["time-limit", "optimal"]).toContain(result.status);
    expect(ms).toBeLessThan(limit + slack(limit));
    if (result.objective !== null) {
      expect(result.objective.value).toBeLessThanOrEqual(optimum);
      if (result.objective.bound !== null) expect(result.objective.bound).toBeGreaterThanOrEqual(optimum);
    }
  });
});
