/**
 * A decoded instance: checked, normalised and in canonical order.
 *
 * Decoding fills defaults (empty lists, default weights), resolves prefecture
 * names to JIS codes, lower-cases skill names, and sorts workers and
 * employers by id (plain code-unit order). Everything downstream reads only
 * this form, so the answer cannot depend on the order of the input rows.
 */
import type { FieldCatalogue, FieldId } from "../domain/fields.js";
import type { LanguageEvidence, LanguageRequirement } from "../domain/language.js";
import type { PrefectureCode } from "../domain/prefectures.js";
import type { CertificationRoute } from "./codecs.js";
import type { Weights } from "../rules/scoring.js";
import type { Policy } from "../policy/types.js";
import type { Rankings } from "../stable/rankings.js";

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
}

export interface Employer {
  readonly id: string;
  readonly name: string | null;
  readonly prefecture: PrefectureCode;
  readonly field: FieldId;
  readonly jobCategory: string | null;
  readonly slots: number;
  readonly minLanguage: LanguageRequirement | null;
  readonly requiredSkills: readonly SkillRequirement[];
  readonly preferredSkills: readonly SkillRequirement[];
  readonly hourlyWage: number;
  readonly industry: string | null;
  readonly fullTimeStaff: number | null;
  readonly japaneseCareStaff: number | null;
}

/** The minimum wage that binds an employer, with where it comes from. */
export interface WageFloor {
  readonly amount: number;
  readonly source: string;
}

export interface Reference {
  readonly catalogue: FieldCatalogue;
  readonly asOf: string | null;
  /** The wage floor per employer id. */
  readonly wageFloor: ReadonlyMap<string, WageFloor>;
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
