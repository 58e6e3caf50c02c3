/**
 * Language levels against docs/SOURCES.md, "Language levels": one ordinal
 * scale N5 < N4 < N3 < N2 < N1, JLPT N4 and JFT-Basic A2 interchangeable,
 * JFT-Basic A2.1 (175-199) below A2 and so at the N5 level.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LANGUAGE_ALIASES,
  LANGUAGE_EVIDENCE,
  LANGUAGE_REQUIREMENTS,
  bestLevel,
  languageLevel,
  levelName,
  requirementLevel,
  type LanguageEvidence,
} from "../../src/domain/language.js";

const seed = Number(process.env.FC_SEED ?? 20261127);
console.log(`fast-check seed ${seed} (set FC_SEED to replay another)`);

/** The scale as docs/SOURCES.md states it, written out independently of src. */
const EXPECTED_LEVEL: Readonly<Record<LanguageEvidence, number>> = {
  N5: 1,
  "JFT-Basic A1": 1,
  "JFT-Basic A2.1": 1,
  N4: 2,
  "JFT-Basic A2": 2,
  N3: 3,
  N2: 4,
  N1: 5,
};

describe("language levels", () => {
  it("knows exactly the eight pieces of evidence, lowest level first", () => {
    expect([...LANGUAGE_EVIDENCE].sort()).toEqual(Object.keys(EXPECTED_LEVEL).sort());
    const levels = LANGUAGE_EVIDENCE.map(languageLevel);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it("reads every piece of evidence at its level", () => {
    for (const e of LANGUAGE_EVIDENCE) expect(languageLevel(e), e).toBe(EXPECTED_LEVEL[e]);
  });

  it("N4 and JFT-Basic A2 are interchangeable", () => {
    expect(languageLevel("JFT-Basic A2")).toBe(languageLevel("N4"));
    expect(languageLevel("JFT-Basic A2")).toBeGreaterThanOrEqual(requirementLevel("N4"));
    expect(languageLevel("JFT-Basic A2")).toBeLessThan(requirementLevel("N3"));
  });

  it("JFT-Basic A2.1 and A1 count as the N5 level only", () => {
    expect(languageLevel("JFT-Basic A2.1")).toBe(languageLevel("N5"));
    expect(languageLevel("JFT-Basic A1")).toBe(languageLevel("N5"));
    expect(languageLevel("JFT-Basic A2.1")).toBeLessThan(requirementLevel("N4"));
  });

  it("orders N5 < N4 < N3 < N2 < N1", () => {
    expect(LANGUAGE_REQUIREMENTS).toEqual(["N5", "N4", "N3", "N2", "N1"]);
    const levels = LANGUAGE_REQUIREMENTS.map(requirementLevel);
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeGreaterThan(levels[i - 1] ?? Infinity);
    expect(LANGUAGE_REQUIREMENTS.map((r) => languageLevel(r))).toEqual(levels);
  });

  it("JFT-Basic A2.2 (the August 2026 name) is an alias of A2", () => {
    expect(LANGUAGE_ALIASES).toEqual({ "JFT-Basic A2.2": "JFT-Basic A2" });
  });

  it("levelName names levels as requirements", () => {
    expect([0, 1, 2, 3, 4, 5].map((l) => levelName(l as 0 | 1 | 2 | 3 | 4 | 5))).toEqual(["none", "N5", "N4", "N3", "N2", "N1"]);
    expect(levelName(languageLevel("JFT-Basic A2"))).toBe("N4");
  });

  it("bestLevel: examples", () => {
    expect(bestLevel([])).toBe(0);
    expect(bestLevel(["JFT-Basic A2.1"])).toBe(1);
    expect(bestLevel(["N5", "JFT-Basic A2"])).toBe(2);
    expect(bestLevel(["JFT-Basic A2", "N3", "N5"])).toBe(3);
    expect(bestLevel(["N1", "N4"])).toBe(5);
  });

  it("bestLevel is the highest level of any evidence, whatever the order and repeats", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LANGUAGE_EVIDENCE), { maxLength: 8 }), (evidence) => {
        const expected = evidence.reduce((m, e) => Math.max(m, EXPECTED_LEVEL[e]), 0);
        expect(bestLevel(evidence)).toBe(expected);
        expect(bestLevel([...evidence].reverse())).toBe(expected);
        expect(bestLevel([...evidence, ...evidence])).toBe(expected);
      }),
      { seed, numRuns: 200, verbose: 1 },
    );
  });
});
