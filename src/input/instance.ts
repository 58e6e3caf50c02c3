/**
 * A decoded instance: checked, normalised and in canonical order.
 *
 * Decoding fills defaults (empty lists, default weights), resolves prefecture
 * names to JIS codes, lower-cases skill names, and sorts workers and
 * employers by id (plain code-unit order). Everything downstream reads only
 * this form, so the answer cannot depend on the order of the input rows.
 *
 * Its lists are read-only: rows with equal lists may hold one frozen list
 * (./rows.ts), so a list is never changed in place; build a new one.
 */
import type { FieldCatalogue, FieldId } from "../domain/fields.js";
import type { LanguageEvidence, LanguageRequirement } from "../domain/language.js";
import type { PrefectureCode } from "../domain/prefectures.js";
import type { CertificationRoute } from "./codecs.js";
import type { DepartureItem } from "../domain/law.js";
import type { DeclarationsInput, Employment, HousingInput, WageHandling } from "./lawCodecs.js";
import type { Exclusion } from "../rules/ruleIds.js";
import type { Policy } from "../policy/types.js";
import type { Rankings } from "../stable/rankingTypes.js";

export interface Skill {
  /** Lower-cased, trimmed. */
  readonly name: string;
  /** Absent in the input counts as 1 for a held skill. */
  readonly level: number;
  /** Absent in the input counts as 0. */
  readonly years: number;
}

export interface SkillRequirement {
  readonly name: string;
  readonly level: number | null;
  readonly years: number | null;
}

export interface Certification {
  readonly field: FieldId;
  readonly via: CertificationRoute;
  /** The job category it covers, where stated. */
  readonly jobCategory: string | null;
}

export interface Worker {
  readonly id: string;
  /** Sorted, without repeats. */
  readonly language: readonly LanguageEvidence[];
  readonly careJapaneseTest: boolean;
  /** Sorted by field, then route. */
  readonly certifications: readonly Certification[];
  /** Sorted by name; one entry per name (the best level and years). */
  readonly skills: readonly Skill[];
  /** Sector names or field ids, best first. */
  readonly fieldPreferences: readonly string[];
  /** Prefecture codes, best first. */
  readonly prefecturePreferences: readonly PrefectureCode[];
  readonly trainingCentre: string;
  readonly homeProvince: string;
  /** Workers sharing a group are placed together or not at all; null for none. */
  readonly group: string | null;
  /** Whole years of age on the placement's start date (from the date of birth where given). */
  readonly ageAtStart: number;
  /** Months already spent in SSW (i). */
  readonly sswMonths: number;
  /** Departure checklist items done, in checklist order. */
  readonly departure: readonly DepartureItem[];
  readonly careExperienceMonths: number;
  readonly careInitialTraining: boolean;
  /** The employer whose dormitory the worker lived in as a technical intern; null for none. */
  readonly formerInternAt: string | null;
  /** The date the worker can start work (the placement's start where the input gives none, or an earlier date). */
  readonly availableFrom: string;
}

/** Slots of one employer that start on one date. */
export interface SlotGroup {
  readonly start: string;
  readonly slots: number;
}

export interface Employer {
  readonly id: string;
  readonly name: string | null;
  readonly prefecture: PrefectureCode;
  readonly field: FieldId;
  readonly jobCategory: string | null;
  /** All its slots, whatever their start. */
  readonly slots: number;
  /**
   * Its slots by start date: by date, one group per date, none empty; their
   * slots add up to `slots`. One group on the placement's start where the
   * input gives none.
   */
  readonly slotGroups: readonly SlotGroup[];
  readonly minLanguage: LanguageRequirement | null;
  readonly requiredSkills: readonly SkillRequirement[];
  readonly preferredSkills: readonly SkillRequirement[];
  readonly hourlyWage: number;
  readonly industry: string | null;
  readonly fullTimeStaff: number | null;
  readonly japaneseCareStaff: number | null;
  /** SSW (i) workers already employed (0 where not declared, which only uncapped fields may leave out). */
  readonly sswEmployed: number;
  readonly employment: Employment;
  /** Hourly wage of a Japanese employee in the same job: the equal-pay floor. */
  readonly japaneseWage: number;
  /** "self", or the id of a registered support organisation. */
  readonly support: string;
  readonly housing: HousingInput;
  readonly declarations: DeclarationsInput;
  readonly homeVisitCare: boolean;
}

/** The placement period: every placement runs from `start` for `months` (to `end`, exclusive). */
export interface PlacementPeriod {
  readonly start: string;
  readonly months: number;
  /** The first day after the period. */
  readonly end: string;
  /** What to do with an employer whose wage falls under a floor during the period. */
  readonly wages: WageHandling;
  /** Days a worker may become available after a slot's start and still fill it (0: by the start). */
  readonly startToleranceDays: number;
}

/** A registered support organisation, as declared. */
export interface SupportOrganisation {
  readonly id: string;
  readonly name: string | null;
  readonly officers: number;
  /** Workers and employers it already supports outside this instance. */
  readonly workers: number;
  readonly employers: number;
}

/** The minimum wage that binds an employer, with where it comes from. */
export interface WageFloor {
  readonly amount: number;
  readonly source: string;
}

export interface Reference {
  readonly catalogue: FieldCatalogue;
  readonly asOf: string | null;
  readonly placement: PlacementPeriod;
  /** The wage floor per employer id, at the start. */
  readonly wageFloor: ReadonlyMap<string, WageFloor>;
  /** Per employer id: its wage against every floor in force during the period (src/rules/wages.ts). */
  readonly wages: ReadonlyMap<string, WageSchedule>;
  /** Per employer id: the rules that exclude it whoever the worker (src/rules/employer.ts); absent when none. */
  readonly employerBarriers: ReadonlyMap<string, readonly Exclusion[]>;
  /** By id. */
  readonly supportOrganisations: ReadonlyMap<string, SupportOrganisation>;
}

/**
 * The weight of each scoring criterion (../rules/scoring.ts), integers
 * 0..100; the input's `weights` over the defaults.
 */
export interface Weights {
  readonly fieldPreference: number;
  readonly prefecturePreference: number;
  readonly preferredSkills: number;
  readonly languageAboveRequirement: number;
  readonly wageAboveMinimum: number;
}

/** A wage floor that takes effect during the placement period. */
export interface WageStep {
  readonly amount: number;
  /** ISO date it applies from in the period (the start, for the floors in force then). */
  readonly from: string;
  /** ISO date the floor itself took (or takes) effect, where known; else `from`. */
  readonly since: string;
  /** What it is: "Kagawa minimum wage FY2026", "equal pay (a Japanese employee in the same job)". */
  readonly what: string;
  readonly source: string;
  /** Stated in the instance as expected, not published. */
  readonly expected: boolean;
}

/** A minimum wage series whose yearly revision falls in the period with no rate known or expected. */
export interface UnpublishedRevision {
  /** "Kagawa minimum wage", "Kagawa shipbuilding minimum wage". */
  readonly what: string;
  readonly prefecture: PrefectureCode;
  readonly industry: string | null;
  readonly fiscalYear: number;
  /** About when it is due: the anniversary of the last revision. */
  readonly dueAround: string;
}

/** An employer's wage against the floors of the period. */
export interface WageSchedule {
  /** Every floor in force at the start or taking effect during the period, by date, then amount. */
  readonly steps: readonly WageStep[];
  /** The steps above the employer's wage (the raises it must make), by date. */
  readonly shortfalls: readonly WageStep[];
  readonly unpublished: readonly UnpublishedRevision[];
}

export interface Instance {
  /** Sorted by id. */
  readonly workers: readonly Worker[];
  /** Sorted by id. */
  readonly employers: readonly Employer[];
  readonly weights: Weights;
  readonly reference: Reference;
  readonly policy: Policy;
  /** Stated preferences (the `rankings` section); absent or empty where none are stated (../stable/rankings.ts). */
  readonly rankings?: Rankings;
}

/** Code-unit order, the same in every locale and runtime. */
export const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
