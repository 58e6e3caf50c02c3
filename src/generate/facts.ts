/**
 * The numbers behind the synthetic cohorts, each with where it comes from.
 *
 * Every parameter is a `Fact`: its value, its basis and its source.
 *
 * - "sourced": a published figure, as collected in docs/SOURCES.md (which
 *   names the secondary source it was seen in, and when).
 * - "derived": computed from sourced figures by a rule written next to it.
 * - "synthetic": an assumption made to get plausible, solvable test data. No
 *   public table was found for it; change it freely, and never cite it as fact.
 *
 * The generator (./generate.ts) reads only this file for its distributions,
 * so a reviewer can check every number the bundled pilot data rests on here.
 */
import type { LanguageRequirement } from "../domain/language.js";
import type { FieldId } from "../domain/fields.js";

export type Basis = "sourced" | "derived" | "synthetic";

export interface Fact<T> {
  readonly value: T;
  readonly basis: Basis;
  /** Where the value comes from, or why it was chosen. */
  readonly source: string;
}

/** A skill as workers hold it and employers ask for it (same shape as the instance format). */
export interface SkillSpec {
  readonly name: string;
  readonly level?: number;
  readonly years?: number;
}

const DOMAIN = "docs/SOURCES.md";

// ---------------------------------------------------------------- the pilot

export const PILOT_WORKERS: Fact<number> = {
  value: 2000,
  basis: "sourced",
  source: `Indonesia-Kagawa memorandum of 23 January 2026: about 2,000 workers (${DOMAIN}, "The pilot")`,
};

export const PILOT_PREFECTURE: Fact<string> = {
  value: "37",
  basis: "sourced",
  source: `Kagawa, JIS X 0401 code 37 (${DOMAIN}, "Prefectures")`,
};

export const PILOT_EMPLOYERS: Fact<number> = {
  value: 150,
  basis: "synthetic",
  source: "No employer list is public; 150 employers give about 15 slots each for 2,200 slots.",
};

/** The SSW fields behind the memorandum's four sectors (src/domain/fields.ts maps each field to its sector). */
export const PILOT_FIELDS: Fact<readonly FieldId[]> = {
  value: ["nursing-care", "industrial-products", "food-manufacturing", "shipbuilding", "construction", "accommodation", "food-service"],
  basis: "sourced",
  source: `Sectors caregiving, manufacturing, construction, hospitality, and the fields each maps to; shipbuilding among manufacturing, Kagawa being a shipbuilding prefecture with its own shipbuilding minimum wage (${DOMAIN}, "SSW fields", "Minimum wages")`,
};

/** Reference date (the placement start) written into generated instances when none is given. */
export const PILOT_AS_OF: Fact<string> = {
  value: "2026-04-01",
  basis: "synthetic",
  source: "A date after the memorandum when FY2025 minimum wages are in force everywhere (the last took effect 2026-03-31).",
};

/**
 * The pilot's placement start: the first departures after the memorandum of
 * January 2026 and several months of language and skills training. A year
 * from it crosses Kagawa's FY2026 minimum wage revision (due about
 * 2026-10-18) and 1 April 2027 (Employment for Skill Development; support
 * organisations' limits).
 */
export const PILOT_START: Fact<string> = {
  value: "2026-10-01",
  basis: "synthetic",
  source: "Assumption: about nine months of pre-departure training after the memorandum of 23 January 2026.",
};

export const PILOT_FIELD_CATALOGUE: Fact<string> = {
  value: "2024-09",
  basis: "sourced",
  source: `Latest confirmed field catalogue (Cabinet decision of 29 March 2024; ${DOMAIN})`,
};

// ------------------------------------------------------------- the cohort

/** Indonesian SSW (i) holders by field, June 2024 (only the fields the sources listed). */
export const INDONESIAN_SSW_BY_FIELD_JUNE_2024: Fact<Readonly<Record<FieldId, number>>> = {
  value: {
    "nursing-care": 9760,
    "food-manufacturing": 9134,
    construction: 3075,
    fishery: 2452,
    shipbuilding: 1641,
    "building-cleaning": 972,
    accommodation: 91,
    aviation: 70,
  },
  basis: "sourced",
  source: `viet-jo.com, kakemochi.co.jp, kompas.com (secondary; ${DOMAIN}, "Prefectures")`,
};

/**
 * The pilot's field mix: share of workers (by main certification) and of
 * slots per field.
 *
 * Kagawa's foreign workers are mostly in manufacturing (58% in October 2017;
 * "just under half" in recent years), and the Governor named manufacturing,
 * construction and care, in that order, when the memorandum was signed. So
 * manufacturing takes half: industrial products (Kagawa's machinery and
 * electronics industries), food and beverage manufacturing (the largest
 * Indonesian SSW manufacturing field, 9,134 holders in June 2024) and
 * shipbuilding (Kagawa's shipyards; 1,641 Indonesian holders). Care, the
 * largest Indonesian SSW field nationally (9,760), takes 22%; construction
 * 16%; hospitality, the smallest of the four named sectors in Indonesian
 * SSW figures (accommodation 91 holders), 12%. The split inside each sector
 * is an assumption.
 */
export const PILOT_FIELD_MIX: Fact<Readonly<Record<FieldId, number>>> = {
  value: {
    "nursing-care": 0.22,
    "industrial-products": 0.2,
    "food-manufacturing": 0.17,
    shipbuilding: 0.13,
    construction: 0.16,
    "food-service": 0.07,
    accommodation: 0.05,
  },
  basis: "derived",
  source:
    "Manufacturing about half as among Kagawa's foreign workers (58% in 2017, Nikkei; 'just under half', studyinjpn.com), care and construction next as the Governor named them; the split within sectors is synthetic.",
};

/**
 * Weight of a field outside the pilot mix (scenarios with other fields):
 * its June 2024 Indonesian count relative to care, scaled to care's pilot
 * share; fields with no published count get this small synthetic weight.
 */
export const UNLISTED_FIELD_WEIGHT: Fact<number> = {
  value: 0.02,
  basis: "synthetic",
  source: "No Indonesian figure was found for the field.",
};

/** Indonesia's 2024 SSW placements to Japan, by home province. "Other" is the remainder of 12,272. */
export const PLACEMENTS_2024_BY_PROVINCE: Fact<Readonly<Record<string, number>>> = {
  value: { "Central Java": 3684, "West Java": 3399, "East Java": 1990, other: 12272 - 3684 - 3399 - 1990 },
  basis: "sourced",
  source: `kompas.com (secondary; ${DOMAIN}, "Prefectures"); "other" derived as 12,272 minus the three named provinces`,
};

/** How the "other" 3,199 placements are split among provinces. */
export const OTHER_PROVINCES: Fact<Readonly<Record<string, number>>> = {
  value: { Lampung: 0.3, Banten: 0.25, "West Nusa Tenggara": 0.25, "DI Yogyakarta": 0.2 },
  basis: "synthetic",
  source: "No per-province figure beyond the top three was found; four plausible sending provinces.",
};

/**
 * Common worker profiles. Pre-departure training runs in batches with one
 * curriculum and one test sitting, so workers of a batch tend to share
 * language result, certifications, skills and even stated preferences. The
 * cohort is drawn from this many common profiles (with random weights), so
 * that identical workers recur as they do in a real cohort and the model's
 * worker classes stay few. Each batch trains at one centre.
 */
export const COMMON_PROFILES: Fact<number> = {
  value: 400,
  basis: "synthetic",
  source: "Assumption, chosen for a few hundred worker classes at 2,000 workers.",
};

/** Share of workers whose attributes are drawn individually rather than from a common profile. */
export const INDIVIDUAL_PROFILE_SHARE: Fact<number> = {
  value: 0.03,
  basis: "synthetic",
  source: "Assumption: a long tail of unusual workers, growing with the cohort (a few thousand classes at 100,000 workers).",
};

/** Share of a batch's workers recorded at another province and centre (transfers, regional recruitment). */
export const BATCH_ELSEWHERE_SHARE: Fact<number> = {
  value: 0.1,
  basis: "synthetic",
  source: "Assumption.",
};

/** Training centres (LPK) per home province. Names are invented identifiers, not real institutions. */
export const TRAINING_CENTRES: Fact<Readonly<Record<string, readonly string[]>>> = {
  value: {
    "Central Java": ["lpk-central-java-1", "lpk-central-java-2", "lpk-central-java-3"],
    "West Java": ["lpk-west-java-1", "lpk-west-java-2", "lpk-west-java-3"],
    "East Java": ["lpk-east-java-1", "lpk-east-java-2"],
    Lampung: ["lpk-lampung-1"],
    Banten: ["lpk-banten-1"],
    "West Nusa Tenggara": ["lpk-west-nusa-tenggara-1"],
    "DI Yogyakarta": ["lpk-yogyakarta-1"],
  },
  basis: "synthetic",
  source: "Invented; a few centres per province, more in the provinces that send more workers.",
};

/**
 * Best Japanese level of a worker (ordinal 1 = N5 .. 5 = N1) before any
 * `languageShift`. SSW (i) needs N4 or JFT-Basic A2, and pilot workers are
 * trained before departure, so most sit exactly at the requirement; a few
 * are still below it (not yet eligible anywhere).
 */
export const LANGUAGE_LEVEL_MIX: Fact<Readonly<Record<1 | 2 | 3 | 4, number>>> = {
  value: { 1: 0.08, 2: 0.72, 3: 0.17, 4: 0.03 },
  basis: "synthetic",
  source: `Anchored on the SSW (i) requirement of N4 / JFT-Basic A2 (${DOMAIN}, "SSW fields"); the shares are assumptions.`,
};

/** Which test proved the level: JLPT, JFT-Basic, or both. */
export const LANGUAGE_TEST_MIX: Fact<Readonly<Record<"jlpt" | "jft" | "both", number>>> = {
  value: { jlpt: 0.5, jft: 0.45, both: 0.05 },
  basis: "synthetic",
  source: `Both tests are accepted interchangeably for SSW (i) (${DOMAIN}, "Language levels"); the split is an assumption.`,
};

/** Among JFT-Basic results below A2: share at A1 (the rest are A2.1). */
export const JFT_A1_SHARE: Fact<number> = {
  value: 0.3,
  basis: "synthetic",
  source: "JFT-Basic reports A1 (145-174) and A2.1 (175-199) from August 2026; the split is an assumption.",
};

/** Share of care-certified workers (skills-test route) who passed the Nursing Care Japanese Language Evaluation Test. */
export const CARE_TEST_SHARE: Fact<number> = {
  value: 0.9,
  basis: "synthetic",
  source: `The care test is required on top of the general test (${DOMAIN}, "SSW fields"); the pass share is an assumption.`,
};

/** Workers with no certification yet (skills test still pending): they fit nowhere. */
export const NO_CERTIFICATION_SHARE: Fact<number> = {
  value: 0.03,
  basis: "synthetic",
  source: "Assumption: a few trainees have not passed a skills test at data time.",
};

/** How a worker's main certification was obtained. care-school and epa exist only for nursing care. */
export const CERTIFICATION_ROUTES: Fact<{
  readonly care: Readonly<Record<"skills-test" | "titp-2" | "care-school" | "epa", number>>;
  readonly other: Readonly<Record<"skills-test" | "titp-2", number>>;
}> = {
  value: {
    care: { "skills-test": 0.92, "titp-2": 0.04, "care-school": 0.01, epa: 0.03 },
    other: { "skills-test": 0.95, "titp-2": 0.05 },
  },
  basis: "synthetic",
  source: `Routes from ${DOMAIN} ("SSW fields": TITP-2 completers, care-school graduates, EPA candidates); the shares are assumptions.`,
};

/** TITP-2 completers who hold no Japanese test result (exempt in their field). */
export const TITP_NO_LANGUAGE_SHARE: Fact<number> = {
  value: 0.4,
  basis: "synthetic",
  source: `TITP-2 in the same field exempts from the language test (${DOMAIN}); the share without a result is an assumption.`,
};

/** Share of workers also certified in the other field of their sector (food manufacturing with industrial products, accommodation with food service). */
export const SIBLING_CERTIFICATION_SHARE: Fact<number> = {
  value: 0.3,
  basis: "synthetic",
  source: "Assumption: pre-departure training is by sector, so some trainees pass both of the sector's skills tests.",
};

/**
 * Share of workers also certified in a field of another sector, in the
 * scenarios (the bundled pilot among them). A skills test is a separate
 * exam, with its own fee and training, so most workers hold one
 * certification: with the sector's other field, about a third hold two.
 */
export const CROSS_CERTIFICATION_SHARE: Fact<number> = {
  value: 0.15,
  basis: "synthetic",
  source: "Assumption: each field's skills test is a separate exam, with its own fee and training; a minority of trainees sit a second sector's test.",
};

/**
 * The skill sets a worker trained for a field may hold, with weights (drawn
 * from the worker's main field). Few sets, most workers with none: skills
 * split worker classes, so the palette is kept short.
 */
export const WORKER_SKILL_PATTERNS: Fact<Readonly<Record<FieldId, readonly (readonly [readonly SkillSpec[], number])[]>>> = {
  value: {
    "nursing-care": [
      [[], 60],
      [[{ name: "dementia-care", level: 1 }], 25],
      [[{ name: "dementia-care", level: 2 }], 5],
      [[{ name: "care-initial-training" }], 10],
    ],
    "industrial-products": [
      [[], 55],
      [[{ name: "welding", level: 1 }], 25],
      [[{ name: "welding", level: 2 }], 5],
      [[{ name: "forklift-licence" }], 15],
    ],
    "food-manufacturing": [
      [[], 55],
      [[{ name: "food-hygiene", level: 1 }], 30],
      [[{ name: "food-hygiene", level: 2 }], 5],
      [[{ name: "forklift-licence" }], 10],
    ],
    construction: [
      [[], 55],
      [[{ name: "scaffolding", level: 1 }], 25],
      [[{ name: "scaffolding", level: 2 }], 5],
      [[{ name: "slinging" }], 15],
    ],
    accommodation: [
      [[], 60],
      [[{ name: "customer-service", level: 1 }], 30],
      [[{ name: "english", level: 2 }], 10],
    ],
    "food-service": [
      [[], 55],
      [[{ name: "food-hygiene", level: 1 }], 35],
      [[{ name: "customer-service", level: 1 }], 10],
    ],
    shipbuilding: [
      [[], 50],
      [[{ name: "welding", level: 1 }], 30],
      [[{ name: "welding", level: 2 }], 10],
      [[{ name: "slinging" }], 10],
    ],
    "automobile-transportation": [
      [[{ name: "japanese-driving-licence" }], 70],
      [[], 30],
    ],
  },
  basis: "synthetic",
  source: "Invented palettes: a few common skills per field at coarse levels (1 basic, 2 experienced), so that identical workers recur.",
};

/** Skill pattern for fields without a palette above. */
export const GENERIC_SKILL_PATTERNS: Fact<readonly (readonly [readonly SkillSpec[], number])[]> = {
  value: [
    [[], 60],
    [[{ name: "forklift-licence" }], 25],
    [[{ name: "welding", level: 1 }], 15],
  ],
  basis: "synthetic",
  source: "Invented.",
};

/** A TITP-2 completer's experience: three years of practice in the field's main skill (TITP i + ii). */
export const TITP_YEARS: Fact<number> = {
  value: 3,
  basis: "synthetic",
  source: "TITP No. 1 (one year) plus No. 2 (two years); the skill is the field's first palette skill.",
};

/**
 * Field preference patterns: none, the worker's main field, or a ranking of
 * 1-3 sectors. A ranking starts with the worker's own sector (or field where
 * it has none); the next places go to the sector of a second certification if
 * the worker holds one, then to the other sectors, largest first.
 */
export const FIELD_PREFERENCE_PATTERNS: Fact<Readonly<Record<"none" | "field" | "sector" | "sector+1" | "sector+2", number>>> = {
  value: { none: 0.45, field: 0.07, sector: 0.33, "sector+1": 0.12, "sector+2": 0.03 },
  basis: "synthetic",
  source: "Assumption: many workers state no preference; those who do rank their own sector first.",
};

/** Prefecture preference patterns: none, the first (pilot) prefecture, or it and one more. */
export const PREFECTURE_PREFERENCE_PATTERNS: Fact<Readonly<Record<"none" | "home" | "home+1", number>>> = {
  value: { none: 0.7, home: 0.26, "home+1": 0.04 },
  basis: "synthetic",
  source: "Assumption: most workers recruited for the Kagawa pilot state no prefecture or Kagawa first.",
};

// ---------------------------------------------------------------- employers

/**
 * Hourly wage above the binding minimum (yen), with weights; multiples of 50
 * match the score's 50-yen steps. Kagawa firms' lowest hiring wage averaged
 * 1,117 yen in September 2025 (Teikoku Databank), 81 above the FY2025
 * minimum of 1,036 that took effect the next month: the steps average about
 * 85 above the minimum.
 */
export const WAGE_STEPS: Fact<readonly (readonly [number, number])[]> = {
  value: [
    [0, 15],
    [50, 32],
    [100, 30],
    [150, 13],
    [200, 7],
    [300, 3],
  ],
  basis: "derived",
  source: `The floor is the binding minimum wage (${DOMAIN}, "Minimum wages"); the steps are set so their mean (about 85 yen) puts Kagawa wages near the 1,117 yen lowest hiring wage of September 2025 (news.livedoor.com topics 30082941).`,
};

/**
 * Share of employers, in a field and prefecture where an industry minimum
 * applies, that belong to that industry: industrial products as machinery
 * manufacturing (Kagawa 1,158 yen) or, for electrical and electronic
 * assembly, electronics manufacturing; shipbuilding as shipbuilding (Kagawa
 * 1,159 yen). Their wage floor is then the industry minimum.
 */
export const INDUSTRY_MINIMUM_SHARE: Fact<number> = {
  value: 0.4,
  basis: "synthetic",
  source: `Kagawa's industry minimums are sourced (${DOMAIN}); the share of employers under one is an assumption.`,
};

/**
 * Slots per employer. Within the range, the spread is as skewed towards
 * small employers as the mean (total slots / employers) allows: flat at the
 * pilot's mean of about 15, mostly small at lower means.
 */
export const SLOT_RANGE: Fact<readonly [number, number]> = {
  value: [1, 30],
  basis: "synthetic",
  source: "Assumption: small and medium employers take a few workers each, a few take a cohort.",
};

/** Total slots per worker in the cohort. */
export const SLOTS_PER_WORKER: Fact<number> = {
  value: 1.1,
  basis: "synthetic",
  source: "Assumption: slightly more vacancies than workers, so that placement is limited by eligibility, not by slots.",
};

/** Target share of worker-employer pairs that are eligible. */
export const ELIGIBLE_SHARE: Fact<number> = {
  value: 0.3,
  basis: "synthetic",
  source: "The density at which the solver was measured (bench/RESULTS.md).",
};

/** An employer's own language requirement (on top of the field's statutory N4), with weights. */
export const EMPLOYER_LANGUAGE: Fact<readonly (readonly [LanguageRequirement | null, number])[]> = {
  value: [
    [null, 89],
    ["N4", 5],
    ["N3", 6],
  ],
  basis: "synthetic",
  source: "Assumption: most employers accept the statutory level; a few ask for N3.",
};

/** Required skills by field (one pattern is drawn; most employers require nothing beyond certification). */
export const EMPLOYER_REQUIRED_SKILLS: Fact<Readonly<Record<FieldId, readonly SkillSpec[]>>> = {
  value: {
    "nursing-care": [{ name: "dementia-care", level: 1 }],
    "industrial-products": [{ name: "welding", level: 1 }],
    "food-manufacturing": [{ name: "food-hygiene", level: 1 }],
    construction: [{ name: "scaffolding", level: 1 }],
    shipbuilding: [{ name: "welding", level: 1 }],
    accommodation: [{ name: "customer-service", level: 1 }],
    "food-service": [{ name: "food-hygiene", level: 1 }],
  },
  basis: "synthetic",
  source: "Invented; uses the same palette as the workers.",
};

export const EMPLOYER_REQUIRED_SKILL_SHARE: Fact<number> = {
  value: 0.08,
  basis: "synthetic",
  source: "Assumption.",
};

/** Share of employers naming one preferred skill, and two. */
export const EMPLOYER_PREFERRED_SKILL_SHARES: Fact<{ readonly one: number; readonly two: number }> = {
  value: { one: 0.35, two: 0.1 },
  basis: "synthetic",
  source: "Assumption; preferred skills are drawn from the field's worker palette.",
};

/** Share of preferred skills asked with years of experience (three: a TITP-2 completer's). */
export const EMPLOYER_PREFERS_EXPERIENCE_SHARE: Fact<number> = {
  value: 0.2,
  basis: "synthetic",
  source: "Assumption.",
};

/**
 * Headcount caps: nursing care caps SSW workers at the establishment's
 * Japanese full-time care staff; construction at its full-time staff
 * (sourced rules). The staff numbers are synthetic: usually above the
 * slots, below them for a share of employers so that the cap binds.
 */
export const STAFF_BELOW_SLOTS_SHARE: Fact<number> = {
  value: 0.15,
  basis: "synthetic",
  source: `Rules from ${DOMAIN} ("Rules an employer slot must respect"); the staff numbers are assumptions.`,
};

// ------------------------------------------------------------------ the law

/** Job categories of a certification (and of an employer's job), by field, with weights. Fields with one category have none here. */
export const JOB_CATEGORY_MIX: Fact<Readonly<Record<FieldId, Readonly<Record<string, number>>>>> = {
  value: {
    "industrial-products": { "metal-machining": 0.5, "electrical-electronic-assembly": 0.3, "metal-surface-treatment": 0.1, "printing-bookbinding": 0.05, sewing: 0.05 },
    construction: { "civil-engineering": 0.4, building: 0.45, "lifelines-equipment": 0.15 },
    shipbuilding: { shipbuilding: 0.7, "marine-machinery": 0.2, "marine-electrical-electronic": 0.1 },
    agriculture: { "crop-farming": 0.7, "livestock-farming": 0.3 },
    fishery: { fishing: 0.5, aquaculture: 0.5 },
    aviation: { "ground-handling": 0.7, "aircraft-maintenance": 0.3 },
  },
  basis: "synthetic",
  source: `The categories are the law's (${DOMAIN}, "Job categories"); the weights are assumptions.`,
};

/** Workers' age on the start date: most in their twenties. */
export const AGE_RANGE: Fact<readonly [number, number]> = {
  value: [19, 35],
  basis: "synthetic",
  source: `SSW (i) needs 18 (${DOMAIN}, "Workers"); the spread is an assumption.`,
};

/** Workers still 17 on the start date (trained, but too young to go yet). */
export const UNDER_18_SHARE: Fact<number> = {
  value: 0.005,
  basis: "synthetic",
  source: "Assumption: a few trainees recruited out of vocational school turn 18 after the start.",
};

/** Workers who have been in SSW (i) before (returning), with their months: some near the five-year total. */
export const FORMER_SSW: Fact<{ readonly share: number; readonly months: readonly [number, number] }> = {
  value: { share: 0.02, months: [12, 58] },
  basis: "synthetic",
  source: `SSW (i) is limited to five years in total (${DOMAIN}, "Workers"); the share of returning workers is an assumption.`,
};

/** Workers whose departure checklist is incomplete at data time, and which items they lack (weights). */
export const DEPARTURE_GAPS: Fact<{ readonly share: number; readonly items: Readonly<Record<string, number>> }> = {
  value: { share: 0.03, items: { bpjs: 0.4, orientation: 0.35, "health-check": 0.15, "job-order": 0.1 } },
  basis: "synthetic",
  source: `The checklist is Indonesia's (${DOMAIN}, "Workers"); the gaps are assumptions.`,
};

/** Care workers' months of care work by route (TITP No. 2 three years, EPA and care school two), and the share with the initial care training. */
export const CARE_EXPERIENCE: Fact<{ readonly months: Readonly<Record<string, number>>; readonly trainedShare: number }> = {
  value: { months: { "titp-2": 36, epa: 24, "care-school": 24, "skills-test": 0 }, trainedShare: 0.15 },
  basis: "synthetic",
  source: "Assumption from the length of each route; home-visit care needs 12 months and the initial training (docs/SOURCES.md).",
};

/** Employer declarations that fail, so the pilot shows each rule's reason; the rest are declared met. */
export const EMPLOYER_FAILURES: Fact<Readonly<Record<string, number>>> = {
  value: {
    sectorCouncil: 0.03,
    constructionLicence: 0.02,
    jac: 0.05,
    ccus: 0.05,
    acceptancePlanPending: 0.08,
    lodgingSimple: 0.1,
    entertainmentBusiness: 0.03,
    designatedIndustry: 0.04,
    dispatchOutsideAgriFishery: 0.01,
    equalPayGap: 0.05,
  },
  basis: "synthetic",
  source: "Assumptions: a few employers in each field are not yet ready (no approved plan, not in the council, the wrong lodging licence).",
};

/** Dispatch employment where the law allows it (agriculture, fishery). */
export const DISPATCH_SHARE: Fact<number> = {
  value: 0.3,
  basis: "synthetic",
  source: "Assumption.",
};

/** Nursing-care employers whose jobs include home-visit care (allowed for SSW workers only since 2025-04-21, so few yet). */
export const HOME_VISIT_SHARE: Fact<number> = {
  value: 0.05,
  basis: "synthetic",
  source: "Assumption.",
};

/** Housing: share of employers providing it, and among those the share with fewer places than slots. */
export const HOUSING: Fact<{ readonly provided: number; readonly short: number }> = {
  value: { provided: 0.8, short: 0.1 },
  basis: "synthetic",
  source: `The 7.5 m2 rule is sourced (${DOMAIN}, "Housing"); the shares are assumptions.`,
};

/** Employers that carry out the support plan themselves; the others name a registered support organisation. */
export const SELF_SUPPORT_SHARE: Fact<number> = {
  value: 0.2,
  basis: "synthetic",
  source: "Assumption: most small employers entrust support to a registered organisation.",
};

/** Employers per registered support organisation, and the share of its employers' slots its officers are sized for (50 workers each). */
export const SUPPORT_ORGANISATIONS: Fact<{ readonly employersEach: number; readonly slotsCovered: number }> = {
  value: { employersEach: 7, slotsCovered: 0.8 },
  basis: "synthetic",
  source: `From 2027-04-01 an officer supports at most 50 workers and 10 employers (${DOMAIN}, "Support organisations"); sizes are assumptions, set so a few organisations run short.`,
};

/** SSW (i) workers already employed by a capped employer (nursing care, construction): none for most. */
export const SSW_ALREADY_EMPLOYED: Fact<{ readonly share: number; readonly max: number }> = {
  value: { share: 0.3, max: 4 },
  basis: "synthetic",
  source: "Assumption.",
};

/**
 * The rise assumed for a minimum wage revision not yet published: 66 yen a
 * year, the FY2025 national average rise (1,055 to 1,121), from the
 * anniversary of the last revision. An assumption written into generated
 * instances as `reference.expectedMinimumWages`, each marked as such.
 */
export const EXPECTED_YEARLY_RISE: Fact<number> = {
  value: 66,
  basis: "derived",
  source: `FY2025 national weighted average rise, 1,055 to 1,121 yen (${DOMAIN}, "Minimum wages"); that FY2026 repeats it is an assumption.`,
};
