/**
 * Synthetic workers.
 *
 * A worker's *profile* is everything eligibility and score read: language
 * results, care test, certifications, skills, preferences. Real cohorts are
 * trained in batches that share these, so the cohort is drawn from a
 * catalogue of common profiles ("batches", each at one training centre) and
 * only a small share of workers gets a profile of its own. That keeps the
 * model's worker classes few (shared/solver-notes.md, "Aggregation depends on
 * the score"): a few hundred at 2,000 workers, a few thousand at 100,000.
 * Distributions come from ./facts.ts.
 */
import type { FieldId } from "../domain/fields.js";
import type { LanguageEvidence } from "../domain/language.js";
import type { Prefecture } from "../domain/prefectures.js";
import type { CertificationInput, SkillInput, WorkerInput } from "../input/codecs.js";
import * as F from "./facts.js";
import { drawCareExperience, drawCategory, drawWorkerLaw, monthIndex } from "./law.js";
import { table, type Random, type Weighted } from "./random.js";
import type { Setup } from "./setup.js";

const JLPT: readonly LanguageEvidence[] = ["N5", "N4", "N3", "N2", "N1"];

/** The evidence a worker at `level` (1..5) holds, given the test(s) taken; in the canonical evidence order. */
const evidenceFor = (level: number, test: "jlpt" | "jft" | "both", jftA1: boolean): LanguageEvidence[] => {
  const jlpt = JLPT[level - 1] as LanguageEvidence;
  if (test === "jlpt") return [jlpt];
  if (level === 1) {
    const jft: LanguageEvidence = jftA1 ? "JFT-Basic A1" : "JFT-Basic A2.1";
    return test === "both" ? [jlpt, jft] : [jft];
  }
  if (level === 2) return test === "both" ? [jlpt, "JFT-Basic A2"] : ["JFT-Basic A2"];
  // JFT-Basic tops out at A2: higher levels are proved by the JLPT.
  return ["JFT-Basic A2", jlpt];
};

const asWeighted = <K extends string | number>(record: Readonly<Record<K, number>>): Weighted<K> =>
  Object.entries(record).map(([k, w]) => [k as K, w as number] as const);

const LEVELS: Weighted<number> = asWeighted(F.LANGUAGE_LEVEL_MIX.value).map(([level, w]) => [Number(level), w] as const);
const TESTS = asWeighted(F.LANGUAGE_TEST_MIX.value);
const CARE_ROUTES = asWeighted(F.CERTIFICATION_ROUTES.value.care);
const OTHER_ROUTES = asWeighted(F.CERTIFICATION_ROUTES.value.other);
const FIELD_PATTERNS = asWeighted(F.FIELD_PREFERENCE_PATTERNS.value);
const PREFECTURE_PATTERNS = asWeighted(F.PREFECTURE_PREFERENCE_PATTERNS.value);
const PROVINCES: Weighted<string> = Object.entries(F.PLACEMENTS_2024_BY_PROVINCE.value).flatMap(([province, count]) =>
  province === "other"
    ? Object.entries(F.OTHER_PROVINCES.value).map(([p, share]) => [p, count * share] as const)
    : [[province, count] as const],
);

export const skillPatterns = (field: FieldId): Weighted<readonly F.SkillSpec[]> =>
  F.WORKER_SKILL_PATTERNS.value[field] ?? F.GENERIC_SKILL_PATTERNS.value;

/** The distinct skill names of a field's palette, in palette order. */
export const paletteSkills = (field: FieldId): readonly string[] => [
  ...new Set(skillPatterns(field).flatMap(([skills]) => skills.map((s) => s.name))),
];

export const copySkill = (s: F.SkillSpec): SkillInput => ({ ...s });

/**
 * Everything about a worker that eligibility and score read: the attributes
 * the model groups workers by.
 */
interface Profile {
  /** The field the worker trained for (not written out; used to weigh batches). */
  readonly main: FieldId;
  readonly language: readonly LanguageEvidence[];
  readonly careJapaneseTest: boolean;
  readonly certifications: readonly CertificationInput[];
  readonly skills: readonly SkillInput[];
  readonly fields: readonly string[];
  readonly prefectures: readonly string[];
  /** Care work and the initial care training (care profiles). */
  readonly care: Pick<WorkerInput, "careExperienceMonths" | "careInitialTraining">;
}

/** A profile as a training batch: the attributes plus where the batch trained. */
interface Batch {
  readonly profile: Profile;
  readonly homeProvince: string;
  readonly trainingCentre: string;
}

/**
 * A profile. `prefRng` draws the second preferred prefecture, once per
 * profile whatever the prefectures: a scenario with another list of
 * prefectures then draws the same people (only that preference may differ).
 */
const drawProfile = (s: Setup, rng: Random, languageShift: number, prefRng: Random): Profile => {
  const main = rng.weighted(s.fieldChoices);
  const via = rng.weighted(main === "nursing-care" ? CARE_ROUTES : OTHER_ROUTES);

  const certifications: CertificationInput[] = [];
  let crossGroup: string | null = null;
  const certify = (field: FieldId, how: CertificationInput["via"]): CertificationInput => {
    const jobCategory = drawCategory(s.catalogue, field, rng);
    return jobCategory === undefined ? { field, via: how } : { field, via: how, jobCategory };
  };
  if (!rng.chance(F.NO_CERTIFICATION_SHARE.value)) {
    certifications.push(certify(main, via));
    const sibs = s.siblings.get(main) ?? [];
    if (sibs.length > 0 && rng.chance(s.pSibling)) certifications.push(certify(rng.pick(sibs), "skills-test"));
    const cross = s.crossChoices.get(main) ?? [];
    if (cross.length > 0 && rng.chance(s.pCross)) {
      const field = rng.weighted(cross);
      certifications.push(certify(field, "skills-test"));
      crossGroup = s.group.get(field) ?? null;
    }
  }

  const language =
    via === "titp-2" && rng.chance(F.TITP_NO_LANGUAGE_SHARE.value)
      ? []
      : evidenceFor(
          Math.min(5, Math.max(1, rng.weighted(LEVELS) + languageShift)),
          rng.weighted(TESTS),
          rng.chance(F.JFT_A1_SHARE.value),
        );

  // Care trainees sit the care language test whether or not they have passed the skills test yet.
  const takesCareTest =
    certifications.some((c) => c.field === "nursing-care" && c.via === "skills-test") ||
    (main === "nursing-care" && certifications.length === 0);
  const careJapaneseTest = takesCareTest && rng.chance(F.CARE_TEST_SHARE.value);

  const skills: SkillInput[] =
    via === "titp-2"
      ? [{ name: paletteSkills(main)[0] ?? "practical-training", level: 2, years: F.TITP_YEARS.value }]
      : rng.weighted(skillPatterns(main)).map(copySkill);

  return {
    main,
    language,
    careJapaneseTest,
    certifications,
    skills,
    fields: preferredFields(rng.weighted(FIELD_PATTERNS), main, s.group.get(main) as string, crossGroup, s),
    prefectures: preferredPrefectures(rng.weighted(PREFECTURE_PATTERNS), s, prefRng.next()),
    care: main === "nursing-care" ? drawCareExperience(via, skills.some((x) => x.name === "care-initial-training"), rng) : {},
  };
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A worker row, keys in the format's order, optional keys left out when
 * empty, with its own copies of the profile's lists (rows share no mutable
 * array; the complete departure checklist is one frozen array). Built by
 * assignment rather than spreads: at 100,000 workers the temporary objects of
 * spreads cost more than the rest of the generator.
 */
const workerRow = (id: string, p: Profile, trainingCentre: string, homeProvince: string, law: Pick<WorkerInput, "birthDate" | "sswMonths" | "departure">): WorkerInput => {
  const row: Mutable<WorkerInput> = { id, language: p.language.slice() } as Mutable<WorkerInput>;
  if (p.careJapaneseTest) row.careJapaneseTest = true;
  if (p.certifications.length > 0) {
    row.certifications = p.certifications.map((c) => (c.jobCategory === undefined ? { field: c.field, via: c.via } : { field: c.field, via: c.via, jobCategory: c.jobCategory }));
  }
  if (p.skills.length > 0) row.skills = p.skills.map(copySkill);
  if (p.fields.length > 0 || p.prefectures.length > 0) {
    const preferences: Mutable<NonNullable<WorkerInput["preferences"]>> = {};
    if (p.fields.length > 0) preferences.fields = p.fields.slice();
    if (p.prefectures.length > 0) preferences.prefectures = p.prefectures.slice();
    row.preferences = preferences;
  }
  row.trainingCentre = trainingCentre;
  row.homeProvince = homeProvince;
  if (law.birthDate !== undefined) row.birthDate = law.birthDate;
  row.sswMonths = law.sswMonths;
  row.departure = law.departure;
  if (p.care.careExperienceMonths !== undefined) row.careExperienceMonths = p.care.careExperienceMonths;
  if (p.care.careInitialTraining !== undefined) row.careInitialTraining = p.care.careInitialTraining;
  return row;
};

const centresOf = (province: string): readonly string[] =>
  F.TRAINING_CENTRES.value[province] ?? [`lpk-${province.toLowerCase().replace(/[^a-z]+/g, "-")}-1`];

const PROVINCES_TABLE = table(PROVINCES);

/** Home province and training centre; a batch trains at one centre, mostly for its own province. */
const drawOrigin = (rng: Random): { homeProvince: string; trainingCentre: string } => {
  const homeProvince = rng.draw(PROVINCES_TABLE);
  return { homeProvince, trainingCentre: rng.pick(centresOf(homeProvince)) };
};

/**
 * Iterative proportional fitting: rescales `weights` so that, for each
 * margin, the total weight of each category is its target share (targets
 * renormalised over the categories present). Twenty rounds settle two
 * margins far below any visible error.
 */
const rake = (
  weights: readonly number[],
  margins: readonly (readonly [readonly string[], ReadonlyMap<string, number>])[],
): number[] => {
  let w = [...weights];
  for (let round = 0; round < 20; round++) {
    for (const [categories, target] of margins) {
      const sums = new Map<string, number>();
      categories.forEach((c, i) => sums.set(c, (sums.get(c) ?? 0) + (w[i] as number)));
      const present = [...sums.keys()].reduce((t, c) => t + (target.get(c) ?? 0), 0);
      w = w.map((x, i) => {
        const c = categories[i] as string;
        const sum = sums.get(c) as number;
        return sum > 0 && present > 0 ? ((x / sum) * (target.get(c) ?? 0)) / present : 0;
      });
    }
  }
  return w;
};

/**
 * `count` batches with random (exponential) weights, raked so that the
 * batches' main fields and home provinces weigh their shares in the mix: the
 * cohort's marginals then do not depend on the luck of a small catalogue.
 */
const batchCatalogue = (s: Setup, rng: Random, count: number, languageShift: number): Weighted<Batch> => {
  const prefRng = rng.fork("preferences");
  const batches = Array.from({ length: count }, (): Batch => ({ profile: drawProfile(s, rng, languageShift, prefRng), ...drawOrigin(rng) }));
  const weights = rake(
    batches.map(() => -Math.log(1 - rng.next())),
    [
      [batches.map((b) => b.profile.main), new Map(s.fieldChoices)],
      [batches.map((b) => b.homeProvince), new Map(PROVINCES)],
    ],
  );
  return batches.map((b, i) => [b, weights[i] as number] as const);
};

/**
 * The cohort: a catalogue of `profiles` training batches (one centre, one
 * profile) with random weights, from which each worker takes one; a share
 * `individualShare` of workers draws a profile of its own instead, and a share
 * BATCH_ELSEWHERE_SHARE of batch workers comes from another province and centre.
 */
export const makeWorkers = (
  ids: readonly string[],
  s: Setup,
  rng: Random,
  o: { readonly languageShift: number; readonly profiles: number; readonly individualShare: number; readonly start: string },
): WorkerInput[] => {
  const catalogueRng = rng.fork("profiles");
  // Age, time in SSW and the departure checklist are each worker's own, from a stream of their own.
  const lawRng = rng.fork("law");
  const prefRng = rng.fork("preferences");
  const start = monthIndex(o.start);
  const batches = o.profiles === 0 ? null : table(batchCatalogue(s, catalogueRng, o.profiles, o.languageShift));
  return ids.map((id) => {
    if (batches === null || rng.chance(o.individualShare)) {
      const origin = drawOrigin(rng);
      return workerRow(id, drawProfile(s, rng, o.languageShift, prefRng), origin.trainingCentre, origin.homeProvince, drawWorkerLaw(lawRng, start));
    }
    const batch = rng.draw(batches);
    const origin = rng.chance(F.BATCH_ELSEWHERE_SHARE.value) ? drawOrigin(rng) : batch;
    return workerRow(id, batch.profile, origin.trainingCentre, origin.homeProvince, drawWorkerLaw(lawRng, start));
  });
};

const preferredFields = (
  pattern: keyof typeof F.FIELD_PREFERENCE_PATTERNS.value,
  main: FieldId,
  mainGroup: string,
  crossGroup: string | null,
  s: Setup,
): string[] => {
  if (pattern === "none") return [];
  if (pattern === "field") return [main];
  const length = pattern === "sector" ? 1 : pattern === "sector+1" ? 2 : 3;
  const others = s.groupsBySize.filter((g) => g !== mainGroup && g !== crossGroup);
  return [mainGroup, ...(crossGroup === null ? [] : [crossGroup]), ...others].slice(0, length);
};

/** The preferred prefectures of a pattern; `u` (uniform in [0, 1)) picks the second. */
const preferredPrefectures = (pattern: keyof typeof F.PREFECTURE_PREFERENCE_PATTERNS.value, s: Setup, u: number): string[] => {
  const home = (s.prefectures[0] as Prefecture).code;
  if (pattern === "none") return [];
  const others = s.prefectures.map((p) => p.code).filter((c) => c !== home);
  return pattern === "home+1" && others.length > 0 ? [home, others[Math.floor(u * others.length)] as string] : [home];
};
