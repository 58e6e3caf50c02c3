/**
 * The marginal value of training, by training centre: if the workers a
 * centre's cohort left out passed a test they lack, how many more would be
 * placed, per 100 who pass.
 *
 * Tests (`Upgrade`): the nursing-care Japanese test (for the unplaced
 * certified in nursing care without it), JLPT N4 (for the unplaced below
 * N4), and a field's skills test in one job category (for the unplaced not
 * certified there). The skills tests tried are those of the job categories
 * with the most empty slots at employers open to SSW workers.
 *
 * The trainees are the centre's unplaced workers who lack the test (training
 * aimed at those left out); each figure is an exact re-solve with all of them
 * holding it (./baseline.ts), so "per 100" is the average over that many. A
 * planner bounds the time with `centres` (the centres with the most workers
 * left out) and `skillTests`.
 *
 * @example
 * const values = trainingValues(base, { centres: 3, skillTests: 2 });
 * // { rows: [{ centre: "lpk-central-java-1", upgrade: { kind: "n4" }, trainees: 40, gained: 9, per100: 22.5 }, ...] }
 */
import { bestLevel, requirementLevel, type LanguageEvidence } from "../domain/language.js";
import type { InstanceInput, WorkerInput } from "../input/codecs.js";
import { fieldLabel } from "../report/format.js";
import { EMPLOYER_RULES } from "../rules/ruleIds.js";
import { compareText, resolve, type Baseline } from "./baseline.js";

/** A test a worker could pass. */
export type Upgrade =
  | { readonly kind: "care-test" }
  | { readonly kind: "n4" }
  | { readonly kind: "skills-test"; readonly field: string; readonly jobCategory: string | null };

/** One centre and test: how many of its unplaced lack it, and how many more would be placed if they passed. */
export interface TrainingValue {
  readonly centre: string;
  readonly upgrade: Upgrade;
  /** The centre's unplaced workers who lack the test. */
  readonly trainees: number;
  readonly gained: number;
  /** gained per 100 trainees (0 when there are none). */
  readonly per100: number;
}

export interface TrainingValues {
  readonly rows: readonly TrainingValue[];
  /** The centres tried, most workers left out first, with how many were. */
  readonly centres: readonly { readonly centre: string; readonly workers: number; readonly unplaced: number }[];
  readonly upgrades: readonly Upgrade[];
  readonly solves: number;
}

export interface TrainingOptions {
  /** How many centres to try, most workers left out first (default 5). */
  readonly centres?: number;
  /** How many skills tests to try, most empty slots first (default 2). */
  readonly skillTests?: number;
}

const N4 = requirementLevel("N4");

/** Whether `w` lacks the test, and so would be trained. */
const lacks = (w: WorkerInput, u: Upgrade): boolean => {
  switch (u.kind) {
    case "care-test":
      return w.careJapaneseTest !== true && (w.certifications ?? []).some((c) => c.field === "nursing-care");
    case "n4":
      return bestLevel(w.language as readonly LanguageEvidence[]) < N4;
    case "skills-test":
      return !(w.certifications ?? []).some((c) => c.field === u.field && (u.jobCategory === null || c.jobCategory === u.jobCategory));
  }
};

/** `w` having passed the test. */
const passed = (w: WorkerInput, u: Upgrade): WorkerInput => {
  switch (u.kind) {
    case "care-test":
      return { ...w, careJapaneseTest: true };
    case "n4":
      return { ...w, language: [...w.language.filter((e) => bestLevel([e as LanguageEvidence]) >= N4), "N4"] };
    case "skills-test":
      return {
        ...w,
        certifications: [...(w.certifications ?? []), { field: u.field, via: "skills-test", ...(u.jobCategory === null ? {} : { jobCategory: u.jobCategory }) }],
      };
  }
};

/** The test in words: "the care Japanese test", "JLPT N4", "the Construction skills test (building)". */
export const upgradeName = (u: Upgrade): string =>
  u.kind === "care-test" ? "the care Japanese test" : u.kind === "n4" ? "JLPT N4" : `the ${fieldLabel(u.field)} skills test${u.jobCategory === null ? "" : ` (${u.jobCategory})`}`;

/**
 * Skills tests of the job categories with the most empty slots at employers
 * no employer rule closes (a closed employer takes no one, trained or not).
 */
const skillTestsToTry = (base: Baseline, count: number): Upgrade[] => {
  const employer = new Map(base.input.employers.map((e) => [e.id, e]));
  const empty = new Map<string, { field: string; jobCategory: string | null; slots: number }>();
  for (const o of base.result.employers) {
    const e = employer.get(o.employerId);
    const reason = o.unfilledReason;
    if (e === undefined || o.slots === o.filled) continue;
    if (reason?.kind === "no-eligible-worker" && reason.excludedBy.some((r) => EMPLOYER_RULES.includes(r.rule))) continue;
    const key = `${e.field}/${e.jobCategory ?? ""}`;
    const had = empty.get(key) ?? { field: e.field, jobCategory: e.jobCategory ?? null, slots: 0 };
    empty.set(key, { ...had, slots: had.slots + (o.slots - o.filled) });
  }
  return [...empty.entries()]
    .sort(([ka, a], [kb, b]) => b.slots - a.slots || compareText(ka, kb))
    .slice(0, count)
    .map(([, t]) => ({ kind: "skills-test", field: t.field, jobCategory: t.jobCategory }));
};

/** The marginal value of training by centre; see the module comment. */
export const trainingValues = (base: Baseline, options: TrainingOptions = {}): TrainingValues => {
  const before = base.solves;
  const unplacedIds = new Set(base.result.unplaced.map((u) => u.workerId));
  const tally = new Map<string, { workers: number; unplaced: number }>();
  for (const w of base.input.workers) {
    if (w.trainingCentre === undefined) continue;
    const t = tally.get(w.trainingCentre) ?? { workers: 0, unplaced: 0 };
    tally.set(w.trainingCentre, { workers: t.workers + 1, unplaced: t.unplaced + (unplacedIds.has(w.id) ? 1 : 0) });
  }
  const centres = [...tally.entries()]
    .filter(([, t]) => t.unplaced > 0)
    .sort(([a, x], [b, y]) => y.unplaced - x.unplaced || compareText(a, b))
    .slice(0, options.centres ?? 5)
    .map(([centre, t]) => ({ centre, ...t }));
  const upgrades: Upgrade[] = [{ kind: "care-test" }, { kind: "n4" }, ...skillTestsToTry(base, options.skillTests ?? 2)];
  const rows: TrainingValue[] = [];
  for (const { centre } of centres) {
    for (const upgrade of upgrades) {
      const trainees = new Set(base.input.workers.filter((w) => w.trainingCentre === centre && unplacedIds.has(w.id) && lacks(w, upgrade)).map((w) => w.id));
      const gained =
        trainees.size === 0
          ? 0
          : resolve(base, { ...base.input, workers: base.input.workers.map((w) => (trainees.has(w.id) ? passed(w, upgrade) : w)) } satisfies InstanceInput).placed -
            base.result.summary.placed;
      rows.push({ centre, upgrade, trainees: trainees.size, gained, per100: trainees.size === 0 ? 0 : (100 * gained) / trainees.size });
    }
  }
  return { rows, centres, upgrades, solves: base.solves - before };
};
