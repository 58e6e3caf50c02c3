/**
 * Tiny instances on a small palette, and an oracle for them that is simpler
 * than the library: eligibility and score written out again from the rule
 * tables in the docs, and a brute-force search over every assignment that
 * keeps each nursing-care and construction employer within its legal cap
 * (its declared staff: the law, on whatever the policy).
 */
import fc from "fast-check";
import type { InstanceInput } from "../../src/input/codecs.js";
import { lawful, type EmployerDraft, type WorkerDraft } from "./lawful.js";

const FIELDS = ["nursing-care", "construction", "food-service"] as const;
const SECTOR: Record<string, string> = { "nursing-care": "caregiving", construction: "construction", "food-service": "hospitality" };
const LANGS = ["N5", "N4", "JFT-Basic A2", "N3"] as const;
const LEVEL: Record<string, number> = { N5: 1, N4: 2, "JFT-Basic A2": 2, N3: 3, N2: 4, N1: 5 };
const MIN_WAGE: Record<string, number> = { "37": 1036, "38": 1033 };

export type TinyWorker = InstanceInput["workers"][number];
export type TinyEmployer = InstanceInput["employers"][number];

const workerArb = (id: string): fc.Arbitrary<WorkerDraft> =>
  fc
    .record({
      language: fc.subarray([...LANGS], { maxLength: 2 }),
      careJapaneseTest: fc.boolean(),
      certifications: fc.subarray(
        FIELDS.flatMap((field) => [
          { field, via: "skills-test" as const },
          { field, via: "titp-2" as const },
        ]),
        { minLength: 1, maxLength: 2 },
      ),
      skills: fc.subarray([
        { name: "welding", level: 1 },
        { name: "welding", level: 2 },
        { name: "forklift" },
      ], { maxLength: 2 }),
      fields: fc.subarray(["caregiving", "construction", "hospitality", "food-service"], { maxLength: 3 }),
      prefectures: fc.subarray(["37", "38"], { maxLength: 2 }),
    })
    .chain((w) => fc.shuffledSubarray(w.fields, { minLength: w.fields.length }).map((fields) => ({ ...w, fields })))
    .map((w) => ({
      id,
      language: w.language,
      careJapaneseTest: w.careJapaneseTest,
      certifications: w.certifications,
      skills: w.skills,
      preferences: { fields: w.fields, prefectures: w.prefectures },
      trainingCentre: "Semarang",
      homeProvince: "Central Java",
    }));

const employerArb = (id: string): fc.Arbitrary<EmployerDraft> =>
  fc
    .record({
      prefecture: fc.constantFrom("37", "38"),
      field: fc.constantFrom(...FIELDS),
      slots: fc.integer({ min: 0, max: 3 }),
      minLanguage: fc.option(fc.constantFrom("N4" as const, "N3" as const), { nil: undefined }),
      required: fc.option(fc.constantFrom({ name: "welding", level: 2 }, { name: "forklift" }), { nil: undefined }),
      preferred: fc.option(fc.constantFrom({ name: "welding" }, { name: "forklift" }), { nil: undefined }),
      premium: fc.constantFrom(0, 60, 130, 400),
      staff: fc.integer({ min: 0, max: 3 }),
    })
    .map((e) => ({
      id,
      prefecture: e.prefecture,
      field: e.field,
      slots: e.slots,
      hourlyWage: (MIN_WAGE[e.prefecture] as number) + e.premium,
      ...(e.minLanguage === undefined ? {} : { minLanguage: e.minLanguage }),
      ...(e.required === undefined ? {} : { requiredSkills: [e.required] }),
      ...(e.preferred === undefined ? {} : { preferredSkills: [e.preferred] }),
      // The legal caps' staff figures; the caps bind whenever they are below the slots.
      ...(e.field === "nursing-care" ? { japaneseCareStaff: e.staff, sswEmployed: 0 } : e.field === "construction" ? { fullTimeStaff: e.staff, sswEmployed: 0 } : {}),
    }));

/** Up to `maxWorkers` workers and `maxEmployers` employers; ids chosen to sort differently from creation order. */
export const tinyInstanceArb = (maxWorkers = 7, maxEmployers = 4): fc.Arbitrary<InstanceInput> =>
  fc
    .tuple(fc.integer({ min: 0, max: maxWorkers }), fc.integer({ min: 0, max: maxEmployers }))
    .chain(([nw, ne]) =>
      fc.record({
        workers: fc.tuple(...Array.from({ length: nw }, (_, i) => workerArb(`w${(nw - i) * 7 % 10}${i}`))),
        employers: fc.tuple(...Array.from({ length: ne }, (_, i) => employerArb(`e${(ne - i) * 3 % 5}${i}`))),
      }),
    )
    .map(({ workers, employers }) => lawful({ workers: [...workers], employers: [...employers], reference: { asOf: "2026-04-01" } }));

/** The worker made to meet nearly every rule (N4, the care test, every field, the skills employers ask), so slots become contested. */
export const contested = (w: TinyWorker): TinyWorker => ({
  ...w,
  language: [...new Set([...w.language, "N4" as const])],
  careJapaneseTest: true,
  certifications: (["nursing-care", "construction", "food-service"] as const).map((field) => ({ field, via: "skills-test" as const })),
  skills: [{ name: "welding", level: 2 }, { name: "forklift" }],
});

// ---------------------------------------------------------------------------
// The oracle

const level = (w: TinyWorker): number => Math.max(0, ...w.language.map((l) => LEVEL[l] ?? 0));

const has = (w: TinyWorker, name: string, lvl = 1): boolean =>
  (w.skills ?? []).some((s) => s.name === name && (s.level ?? 1) >= lvl);

export const oracleEligible = (w: TinyWorker, e: TinyEmployer): boolean => {
  const certs = w.certifications ?? [];
  if (!certs.some((c) => c.field === e.field)) return false;
  const titp = certs.some((c) => c.via === "titp-2");
  if (!titp && level(w) < 2) return false;
  if (e.minLanguage !== undefined && level(w) < (LEVEL[e.minLanguage] as number)) return false;
  if (e.field === "nursing-care" && !w.careJapaneseTest && !certs.some((c) => c.field === "nursing-care" && c.via === "titp-2")) return false;
  return (e.requiredSkills ?? []).every((s) => has(w, s.name, s.level ?? 1));
};

const rank = (list: readonly string[], accept: (x: string) => boolean): number => {
  const i = list.findIndex(accept);
  return i < 0 ? 0 : Math.max(0, 5 - i);
};

/** Score with the default weights 4, 2, 2, 1, 1. */
export const oracleScore = (w: TinyWorker, e: TinyEmployer): number => {
  const fieldPts = rank(w.preferences?.fields ?? [], (x) => x === e.field || x === SECTOR[e.field]);
  const prefPts = rank(w.preferences?.prefectures ?? [], (x) => x === e.prefecture);
  const skillPts = Math.min(5, (e.preferredSkills ?? []).filter((s) => has(w, s.name, s.level ?? 1)).length);
  // Counted from the slot's requirement (N4 in every field here, or the employer's own), whatever waives the worker's test.
  const required = Math.max(2, e.minLanguage === undefined ? 0 : (LEVEL[e.minLanguage] as number));
  const langPts = Math.min(4, Math.max(0, level(w) - required));
  const wagePts = Math.min(5, Math.floor((e.hourlyWage - (MIN_WAGE[e.prefecture] as number)) / 50));
  return 4 * fieldPts + 2 * prefPts + 2 * skillPts + langPts + wagePts;
};

/** How many workers the law lets an employer take: its slots, and at most its staff in nursing care and construction. */
export const legalCapacity = (e: TinyEmployer): number =>
  Math.min(e.slots, e.field === "nursing-care" ? (e.japaneseCareStaff ?? 0) : e.field === "construction" ? (e.fullTimeStaff ?? 0) : Infinity);

/** The best (placed, total score), lexicographically, over every assignment within each employer's legal capacity. */
export const bruteForce = (input: InstanceInput): { placed: number; totalScore: number } => {
  const { workers, employers } = input;
  const left = employers.map(legalCapacity);
  let best = { placed: 0, totalScore: 0 };
  const go = (i: number, placed: number, total: number): void => {
    if (i === workers.length) {
      if (placed > best.placed || (placed === best.placed && total > best.totalScore)) best = { placed, totalScore: total };
      return;
    }
    go(i + 1, placed, total);
    const w = workers[i] as TinyWorker;
    employers.forEach((e, j) => {
      if ((left[j] as number) > 0 && oracleEligible(w, e)) {
        left[j] = (left[j] as number) - 1;
        go(i + 1, placed + 1, total + oracleScore(w, e));
        left[j] = (left[j] as number) + 1;
      }
    });
  };
  go(0, 0, 0);
  return best;
};
