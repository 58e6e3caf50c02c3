/**
 * Small comparisons for the report tests: two solved instances (one Kagawa
 * only, one over Kagawa and Ehime), with fixed timings so that text output
 * does not depend on the machine.
 */
import * as E from "fp-ts/lib/Either.js";
import { generateInstance } from "../../src/generate/generate.js";
import { formatIssues } from "../../src/input/issues.js";
import { match } from "../../src/match.js";
import type { MatchResult } from "../../src/result/types.js";
import { compareResults, type Comparison } from "../../src/scenario/compare.js";

const FIXED = { decodeMs: 1, buildMs: 2, solveMs: 3.4, resultMs: 4, totalMs: 1234 };

export const solved = (params: Parameters<typeof generateInstance>[0]): MatchResult => {
  const r = match(generateInstance(params));
  if (E.isLeft(r)) throw new Error(formatIssues(r.left));
  return { ...r.right, timings: FIXED };
};

export const pilotLike = (): MatchResult => solved({ seed: 1, workers: 120, employers: 10 });

export const twoPrefectures = (): MatchResult => solved({ seed: 1, workers: 120, employers: 16, prefectures: ["37", "38"], slotsPerWorker: 1.3 });

/** Two results side by side; the second's name needs escaping in HTML and Markdown. */
export const comparison = (): Comparison =>
  compareResults([
    { name: "pilot", result: pilotLike() },
    { name: "<two> | & more", result: twoPrefectures(), generateMs: 12 },
  ]);
