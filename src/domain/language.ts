/**
 * Japanese-language evidence and the one ordinal scale it is read on.
 *
 * A worker proves Japanese with a test result: a JLPT level (N5 lowest, N1
 * highest) or a JFT-Basic band. For the Specified Skilled Worker (i) status,
 * JLPT N4 and JFT-Basic A2 are accepted interchangeably (docs/SOURCES.md,
 * "Language levels"). jobmatch therefore keeps the *evidence* (which test, which
 * level) and compares on one *ordinal level*:
 *
 * | level | JLPT | JFT-Basic                                   |
 * |-------|------|---------------------------------------------|
 * | 1     | N5   | A1 (145-174), A2.1 (175-199)                |
 * | 2     | N4   | A2 (200+; shown as A2.2 from August 2026)   |
 * | 3     | N3   | -                                           |
 * | 4     | N2   | -                                           |
 * | 5     | N1   | -                                           |
 *
 * JFT-Basic A2.1 is kept as its own evidence but counts as level 1: no rule
 * accepts it in place of A2, so it satisfies only requirements of N5.
 *
 * @example
 * languageLevel("JFT-Basic A2") === languageLevel("N4") // true
 */

/** A Japanese test result a worker can hold. */
export type LanguageEvidence =
  | "N5"
  | "N4"
  | "N3"
  | "N2"
  | "N1"
  | "JFT-Basic A1"
  | "JFT-Basic A2.1"
  | "JFT-Basic A2";

/** A requirement is written as a JLPT level; JFT-Basic A2 satisfies "N4". */
export type LanguageRequirement = "N5" | "N4" | "N3" | "N2" | "N1";

/** Ordinal level 1 (N5) .. 5 (N1); 0 means no evidence at all. */
export type LanguageLevel = 0 | 1 | 2 | 3 | 4 | 5;

const LEVEL_OF_EVIDENCE: Readonly<Record<LanguageEvidence, LanguageLevel>> = {
  N5: 1,
  N4: 2,
  N3: 3,
  N2: 4,
  N1: 5,
  "JFT-Basic A1": 1,
  "JFT-Basic A2.1": 1,
  "JFT-Basic A2": 2,
};

/** Every accepted evidence string, lowest level first. */
export const LANGUAGE_EVIDENCE: readonly LanguageEvidence[] = [
  "N5",
  "JFT-Basic A1",
  "JFT-Basic A2.1",
  "N4",
  "JFT-Basic A2",
  "N3",
  "N2",
  "N1",
];

/** Every requirement level, lowest first. */
export const LANGUAGE_REQUIREMENTS: readonly LanguageRequirement[] = ["N5", "N4", "N3", "N2", "N1"];

/** Accepted spellings that mean the same evidence (JFT-Basic renamed A2 to A2.2 in August 2026). */
export const LANGUAGE_ALIASES: Readonly<Record<string, LanguageEvidence>> = {
  "JFT-Basic A2.2": "JFT-Basic A2",
};

/** The ordinal level a piece of evidence proves. */
export const languageLevel = (evidence: LanguageEvidence): LanguageLevel => LEVEL_OF_EVIDENCE[evidence];

/** The ordinal level a requirement asks for. */
export const requirementLevel = (requirement: LanguageRequirement): LanguageLevel => LEVEL_OF_EVIDENCE[requirement];

/** The highest level proved by any of the worker's evidence (0 when there is none). */
export const bestLevel = (evidence: readonly LanguageEvidence[]): LanguageLevel =>
  evidence.reduce<LanguageLevel>((best, e) => (languageLevel(e) > best ? languageLevel(e) : best), 0);

/** The requirement name of an ordinal level, for messages ("N4"). */
export const levelName = (level: LanguageLevel): string =>
  level === 0 ? "none" : (LANGUAGE_REQUIREMENTS[level - 1] as string);
