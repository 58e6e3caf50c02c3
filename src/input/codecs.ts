/**
 * The input format, as io-ts codecs: the single source of truth for what an
 * instance file may contain. `InstanceInput` is the type of a well-formed
 * instance (before semantic checks such as duplicate ids).
 *
 * Objects are closed: a property the format does not know is reported (it is
 * usually a typo, like `preferedSkills`), never silently dropped. Every failure
 * keeps its path so the decoder can say where it is.
 */
import * as t from "io-ts";
import { LANGUAGE_ALIASES, LANGUAGE_EVIDENCE, LANGUAGE_REQUIREMENTS, type LanguageEvidence, type LanguageRequirement } from "../domain/language.js";
import { PolicyCodec } from "../policy/codecs.js";
import { amountsByKey, flag, integer, isoDate, listOf, nonEmptyString, numberIn, oneOf, struct } from "./combinators.js";
import { LIMITS } from "./limits.js";
import { RankingsCodec } from "../stable/codecs.js";
import {
  EMPLOYER_LAW_OPTIONAL,
  EMPLOYER_LAW_REQUIRED,
  ExpectedMinimumWageCodec,
  PlacementCodec,
  SupportOrganisationCodec,
  WORKER_LAW_OPTIONAL,
  WORKER_LAW_REQUIRED,
} from "./lawCodecs.js";

// ---------------------------------------------------------------------------
// The format

export const LanguageEvidenceCodec = oneOf<LanguageEvidence>(
  "N5..N1 or JFT-Basic A1/A2.1/A2",
  LANGUAGE_EVIDENCE,
  LANGUAGE_ALIASES,
);

export const LanguageRequirementCodec = oneOf<LanguageRequirement>(
  "one of N5..N1 (a JFT-Basic A2 requirement is written N4)",
  LANGUAGE_REQUIREMENTS,
);

export type CertificationRoute = "skills-test" | "titp-2" | "care-school" | "epa";
export const CERTIFICATION_ROUTES: readonly CertificationRoute[] = ["skills-test", "titp-2", "care-school", "epa"];

export const CertificationCodec = struct(
  "a certification",
  {
    /** SSW field id, e.g. "nursing-care". */
    field: nonEmptyString,
    /** How the worker qualified: the field's skills test, Technical Intern Training No. 2 completed in that field, a care school, or EPA (care only). */
    via: oneOf<CertificationRoute>("one of skills-test, titp-2, care-school, epa", CERTIFICATION_ROUTES),
  },
  {
    /** The job category the skills test (or TITP) covered, where the field has several. */
    jobCategory: nonEmptyString,
  },
);

export const SkillCodec = struct(
  "a skill",
  { name: nonEmptyString },
  { level: integer(1, LIMITS.skillLevel), years: numberIn(0, LIMITS.skillYears) },
);

export const PreferencesCodec = struct(
  "preferences",
  {},
  {
    /** Pilot sectors or SSW field ids, best first. */
    fields: listOf(nonEmptyString, "sector or field names", LIMITS.preferences),
    /** Prefecture codes or names, best first. */
    prefectures: listOf(nonEmptyString, "prefecture codes or names", LIMITS.preferences),
  },
);

export const WorkerCodec = struct(
  "a worker",
  {
    id: nonEmptyString,
    language: listOf(LanguageEvidenceCodec, "Japanese test results", LIMITS.languageResults),
    trainingCentre: nonEmptyString,
    homeProvince: nonEmptyString,
    ...WORKER_LAW_REQUIRED,
  },
  {
    ...WORKER_LAW_OPTIONAL,
    careJapaneseTest: flag,
    certifications: listOf(CertificationCodec, "certifications", LIMITS.certifications),
    skills: listOf(SkillCodec, "skills", LIMITS.skills),
    preferences: PreferencesCodec,
    /** Workers sharing a group (a family, a couple, one village) are placed together or not at all. */
    group: nonEmptyString,
  },
  { remember: true },
);

export const EmployerCodec = struct(
  "an employer",
  {
    id: nonEmptyString,
    prefecture: nonEmptyString,
    field: nonEmptyString,
    slots: integer(0, LIMITS.slots),
    hourlyWage: numberIn(0, LIMITS.wage),
    ...EMPLOYER_LAW_REQUIRED,
  },
  {
    ...EMPLOYER_LAW_OPTIONAL,
    name: t.string,
    jobCategory: nonEmptyString,
    minLanguage: LanguageRequirementCodec,
    requiredSkills: listOf(SkillCodec, "skills", LIMITS.skills),
    preferredSkills: listOf(SkillCodec, "skills", LIMITS.skills),
    industry: nonEmptyString,
    fullTimeStaff: integer(0, LIMITS.staff),
    japaneseCareStaff: integer(0, LIMITS.staff),
  },
  // Re-planning decodes the same (frozen) rows again: ./reuse.ts.
  { remember: true },
);

const weight = integer(0, 100);

export const WeightsCodec = struct(
  "scoring weights",
  {},
  {
    fieldPreference: weight,
    prefecturePreference: weight,
    preferredSkills: weight,
    languageAboveRequirement: weight,
    wageAboveMinimum: weight,
  },
);

export const ReferenceCodec = struct(
  "reference data choices",
  {},
  {
    /** SSW field catalogue version, e.g. "2024-09". */
    fieldCatalogue: nonEmptyString,
    /** Date the minimum wages are read at. */
    asOf: isoDate,
    /** Minimum wage overrides, yen per hour, by prefecture code or name (in force over the whole period). */
    minimumWages: amountsByKey("minimum wages by prefecture code or name", LIMITS.wage),
    /** Minimum wage revisions not yet published, as expected; the result says which placements rely on them. */
    expectedMinimumWages: listOf(ExpectedMinimumWageCodec, "expected minimum wages", LIMITS.expectedMinimumWages),
  },
);

export const InstanceCodec = struct(
  "an object with workers and employers",
  { workers: listOf(WorkerCodec, "workers", LIMITS.workers), employers: listOf(EmployerCodec, "employers", LIMITS.employers) },
  {
    weights: WeightsCodec,
    reference: ReferenceCodec,
    placement: PlacementCodec,
    supportOrganisations: listOf(SupportOrganisationCodec, "registered support organisations", LIMITS.supportOrganisations),
    policy: PolicyCodec,
    rankings: RankingsCodec,
  },
);

export type CertificationInput = t.TypeOf<typeof CertificationCodec>;
export type SkillInput = t.TypeOf<typeof SkillCodec>;
export type WorkerInput = t.TypeOf<typeof WorkerCodec>;
export type EmployerInput = t.TypeOf<typeof EmployerCodec>;
export type WeightsInput = t.TypeOf<typeof WeightsCodec>;
export type InstanceInput = t.TypeOf<typeof InstanceCodec>;
