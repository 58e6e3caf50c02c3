/**
 * The semantic pass over one row: a worker or an employer checked against
 * the catalogue, the placement period and the reference data, normalised
 * into its decoded form (./instance.ts), its issues added to a list.
 *
 * What is the same for many rows is worked out once per decode (`RowMemo`):
 * the minimum wage override and the wage floor of each prefecture and
 * industry, the floors of the period (../rules/wages.ts `wageScheduler`),
 * an age per date of birth, the near misses of each industry name. Lists
 * already in canonical order are copied, not sorted again. Paths into the
 * input are written only for an issue.
 */
import { ageOn } from "../domain/dates.js";
import { SECTORS, findField, findJobCategory, type FieldCatalogue } from "../domain/fields.js";
import { LANGUAGE_EVIDENCE, type LanguageEvidence } from "../domain/language.js";
import { DEPARTURE_ITEMS } from "../domain/law.js";
import { findPrefecture, PREFECTURES, type Prefecture } from "../domain/prefectures.js";
import { minimumWageFloor, wageScheduler, type WageInputs } from "../rules/wages.js";
import type { EmployerInput, InstanceInput, SkillInput, WorkerInput } from "./codecs.js";
import { compareStrings, type Certification, type Employer, type PlacementPeriod, type Skill, type SkillRequirement, type SupportOrganisation, type WageFloor, type WageSchedule, type Worker } from "./instance.js";
import { at, issue, type InputIssue } from "./issues.js";
import { checkEmployerLaw, checkWorkerLaw, decodeExpected, decodeSlotGroups, workerAge } from "./lawDecode.js";
import { editDistance } from "./spelling.js";

// ---------------------------------------------------------------------------
// Normalisation

const normaliseSkill = (s: SkillInput): Skill => ({ name: s.name.trim().toLowerCase(), level: s.level ?? 1, years: s.years ?? 0 });

const normaliseRequirement = (s: SkillInput): SkillRequirement => ({
  name: s.name.trim().toLowerCase(),
  level: s.level ?? null,
  years: s.years ?? null,
});

/**
 * Skills sorted by (name, level, years), without entries another entry of the
 * same name dominates (at least the level and at least the years). Level and
 * years are never combined across entries: (level 3, 0 years) and (level 1,
 * 5 years) do not make (level 3, 5 years).
 */
const normaliseSkills = (skills: readonly Skill[]): Skill[] => {
  if (skills.length <= 1) return [...skills];
  const dominates = (a: Skill, b: Skill): boolean => a.name === b.name && a.level >= b.level && a.years >= b.years;
  const sorted = [...skills].sort((a, b) => compareStrings(a.name, b.name) || a.level - b.level || a.years - b.years);
  return sorted.filter((s, i) => !sorted.some((o, j) => j !== i && dominates(o, s) && (!dominates(s, o) || j < i)));
};

const LANGUAGE_RANK = new Map<unknown, number>(LANGUAGE_EVIDENCE.map((l, i) => [l, i]));
const DEPARTURE_RANK = new Map<unknown, number>(DEPARTURE_ITEMS.map((d, i) => [d, i]));

/** Whether every item has a rank and the ranks rise strictly (so there are no repeats and no holes). */
const inOrder = (items: readonly unknown[], rank: ReadonlyMap<unknown, number>): boolean => {
  let last = -1;
  for (let i = 0; i < items.length; i++) {
    const r = rank.get(items[i]);
    if (r === undefined || r <= last) return false;
    last = r;
  }
  return true;
};

/** Language results without repeats, in LANGUAGE_EVIDENCE order; a list already so is copied. */
const normaliseLanguage = (language: readonly LanguageEvidence[]): LanguageEvidence[] =>
  inOrder(language, LANGUAGE_RANK) ? language.slice() : [...new Set(language)].sort((a, b) => LANGUAGE_EVIDENCE.indexOf(a) - LANGUAGE_EVIDENCE.indexOf(b));

/** Departure items done, in checklist order; a list already so is copied. */
const normaliseDeparture = (departure: WorkerInput["departure"]): Worker["departure"] =>
  inOrder(departure, DEPARTURE_RANK) ? departure.slice() : DEPARTURE_ITEMS.filter((d) => departure.includes(d));

const compareCertifications = (a: Certification, b: Certification): number =>
  compareStrings(a.field, b.field) || compareStrings(a.via, b.via) || compareStrings(a.jobCategory ?? "", b.jobCategory ?? "");

/** Certifications sorted by field, route and job category, without repeats; a list already so is only copied. */
const normaliseCertifications = (certifications: NonNullable<WorkerInput["certifications"]>): Certification[] => {
  const all = [...certifications].map((c) => ({ field: c.field, via: c.via, jobCategory: c.jobCategory ?? null }));
  let ordered = true;
  for (let i = 1; i < all.length && ordered; i++) ordered = compareCertifications(all[i - 1] as Certification, all[i] as Certification) < 0;
  return ordered
    ? all
    : all.sort(compareCertifications).filter((c, i, sorted) => i === 0 || c.field !== sorted[i - 1]?.field || c.via !== sorted[i - 1]?.via || c.jobCategory !== sorted[i - 1]?.jobCategory);
};

// ---------------------------------------------------------------------------
// What many rows share, worked out once per decode

/** Every industry with a minimum wage of its own somewhere, as the reference data spells it. */
const KNOWN_INDUSTRIES: readonly string[] = [...new Set(PREFECTURES.flatMap((p) => p.industryMinimumWages.map((m) => m.industry)))].sort(compareStrings);

/**
 * A known industry this one is a near miss of (one or two edits, not equal),
 * or undefined. `industry` selects an industry minimum wage by exact name, so
 * a typo would silently drop the higher minimum; an industry far from every
 * known one is taken as one with no minimum of its own.
 */
const nearMissIndustry = (industry: string): string | undefined =>
  KNOWN_INDUSTRIES.includes(industry) ? undefined : KNOWN_INDUSTRIES.find((known) => editDistance(industry.toLowerCase(), known) <= 2);

export const fieldNames = (catalogue: FieldCatalogue): string =>
  `an SSW field of catalogue ${catalogue.version} (${catalogue.fields.map((f) => f.id).join(", ")})`;

/** `f` remembered per argument, for one decode. */
const memo = <K, V>(f: (k: K) => V): ((k: K) => V) => {
  const known = new Map<K, V>();
  return (k) => {
    if (known.has(k)) return known.get(k) as V;
    const v = f(k);
    known.set(k, v);
    return v;
  };
};

/** The expected revisions of a prefecture with none: one list, so that the scheduler sees the same list each time. */
const NONE_EXPECTED: WageInputs["expected"] = Object.freeze([]);

/** What the semantic pass of a row reads besides the row, with its memos; one per decode. */
export interface RowContext {
  readonly catalogue: FieldCatalogue;
  readonly placement: PlacementPeriod;
  readonly employerIds: ReadonlySet<string>;
  readonly organisations: ReadonlyMap<string, SupportOrganisation>;
  readonly expected: ReturnType<typeof decodeExpected>;
  /** The `reference.minimumWages` override of a prefecture code (the first key naming it, in the object's order). */
  readonly override: (code: string) => number | undefined;
  readonly floor: (prefecture: Prefecture, industry: string | null) => WageFloor;
  readonly schedule: ReturnType<typeof wageScheduler>;
  readonly age: (birthDate: string) => number;
  readonly nearMiss: (industry: string) => string | undefined;
}

export const rowContext = (
  input: InstanceInput,
  catalogue: FieldCatalogue,
  placement: PlacementPeriod,
  organisations: ReadonlyMap<string, SupportOrganisation>,
  expected: ReturnType<typeof decodeExpected>,
): RowContext => {
  const overrides = new Map<string, number>();
  for (const [key, amount] of Object.entries(input.reference?.minimumWages ?? {})) {
    const code = findPrefecture(key)?.code;
    if (code !== undefined && !overrides.has(code)) overrides.set(code, amount);
  }
  const floors = new Map<string, WageFloor>();
  return {
    catalogue,
    placement,
    employerIds: new Set(input.employers.map((e) => e.id)),
    organisations,
    expected,
    override: (code) => overrides.get(code),
    floor: (prefecture, industry) => {
      const key = JSON.stringify([prefecture.code, industry]);
      let floor = floors.get(key);
      if (floor === undefined) floors.set(key, (floor = Object.freeze(minimumWageFloor({ prefecture, industry, override: overrides.get(prefecture.code) }, placement.start))));
      return floor;
    },
    schedule: wageScheduler(placement),
    age: memo((birthDate: string) => ageOn(birthDate, placement.start)),
    nearMiss: memo(nearMissIndustry),
  };
};

// ---------------------------------------------------------------------------
// Rows

export const decodeWorker = (w: WorkerInput, path: string, ctx: RowContext, issues: InputIssue[]): Worker => {
  const { catalogue, placement } = ctx;
  const certifications = w.certifications ?? [];
  certifications.forEach((c, i) => {
    const p = (): string => at(at(path, "certifications"), i);
    const field = findField(catalogue, c.field);
    if (field === undefined) issues.push(issue("unknown-field", at(p(), "field"), fieldNames(catalogue), c.field));
    else if ((c.via === "care-school" || c.via === "epa") && c.field !== "nursing-care") {
      issues.push(issue("inconsistent", at(p(), "via"), "skills-test or titp-2 (care-school and epa exist for nursing-care only)", c.via));
    } else if (c.jobCategory !== undefined && field.jobCategories.length > 0 && findJobCategory(field, c.jobCategory) === undefined) {
      issues.push(issue("inconsistent", at(p(), "jobCategory"), `a job category of ${field.id} (${field.jobCategories.map((x) => x.id).join(", ")})`, c.jobCategory));
    }
  });
  checkWorkerLaw(w, path, ctx.employerIds, issues);
  const fieldPreferences = w.preferences?.fields ?? [];
  fieldPreferences.forEach((f, i) => {
    if (!(SECTORS as readonly string[]).includes(f) && findField(catalogue, f) === undefined) {
      issues.push(issue("unknown-field", at(at(at(path, "preferences"), "fields"), i), `a sector (${SECTORS.join(", ")}) or ${fieldNames(catalogue)}`, f));
    }
  });
  const prefecturePreferences = (w.preferences?.prefectures ?? []).map((p, i) => {
    const found = findPrefecture(p);
    if (found === undefined) issues.push(issue("unknown-prefecture", at(at(at(path, "preferences"), "prefectures"), i), "a prefecture code 01..47 or name", p));
    return found?.code ?? p;
  });
  return {
    id: w.id,
    language: normaliseLanguage(w.language),
    careJapaneseTest: w.careJapaneseTest ?? false,
    certifications: certifications.length === 0 ? [] : normaliseCertifications(certifications),
    skills: w.skills === undefined || w.skills.length === 0 ? [] : normaliseSkills(w.skills.map(normaliseSkill)),
    fieldPreferences,
    prefecturePreferences,
    trainingCentre: w.trainingCentre,
    homeProvince: w.homeProvince,
    group: w.group ?? null,
    ageAtStart: workerAge(w, path, placement, issues, ctx.age),
    sswMonths: w.sswMonths,
    departure: normaliseDeparture(w.departure),
    careExperienceMonths: w.careExperienceMonths ?? 0,
    careInitialTraining: w.careInitialTraining ?? false,
    formerInternAt: w.formerInternAt ?? null,
    availableFrom: w.availableFrom === undefined || w.availableFrom < placement.start ? placement.start : w.availableFrom,
  };
};

/** An employer row, decoded: the employer, and its wage floor at the start and schedule over the period (null for an unknown prefecture). */
export interface DecodedEmployer {
  readonly employer: Employer;
  readonly floor: WageFloor | null;
  readonly wages: WageSchedule | null;
}

export const decodeEmployer = (e: EmployerInput, path: string, ctx: RowContext, issues: InputIssue[]): DecodedEmployer => {
  const { catalogue, placement } = ctx;
  const field = findField(catalogue, e.field);
  if (field === undefined) issues.push(issue("unknown-field", at(path, "field"), fieldNames(catalogue), e.field));
  else if (e.jobCategory !== undefined && field.jobCategories.length > 0 && findJobCategory(field, e.jobCategory) === undefined) {
    issues.push(issue("inconsistent", at(path, "jobCategory"), `a job category of ${field.id} (${field.jobCategories.map((c) => c.id).join(", ")})`, e.jobCategory));
  } else if (e.jobCategory !== undefined && field.jobCategories.length === 0) {
    const owner = catalogue.fields.find((f) => findJobCategory(f, e.jobCategory) !== undefined);
    if (owner !== undefined) issues.push(issue("inconsistent", at(path, "jobCategory"), `a job category of ${field.id} (${e.jobCategory} belongs to ${owner.id})`, e.jobCategory));
  }
  checkEmployerLaw(e, path, catalogue, ctx.organisations, placement, issues);
  const nearIndustry = e.industry === undefined ? undefined : ctx.nearMiss(e.industry);
  if (nearIndustry !== undefined) {
    issues.push(issue("inconsistent", at(path, "industry"), `an industry with its own minimum wage spelled as in the reference data (did you mean "${nearIndustry}"?), or another industry`, e.industry));
  }
  const prefecture = findPrefecture(e.prefecture);
  let floor: WageFloor | null = null;
  let wages: WageSchedule | null = null;
  if (prefecture === undefined) {
    issues.push(issue("unknown-prefecture", at(path, "prefecture"), "a prefecture code 01..47 or name", e.prefecture));
  } else {
    const override = ctx.override(prefecture.code);
    const industry = e.industry ?? null;
    floor = ctx.floor(prefecture, industry);
    if (e.hourlyWage < floor.amount) {
      issues.push(issue("wage-below-minimum", at(path, "hourlyWage"), `at least ${floor.amount} yen per hour (${floor.source})`, e.hourlyWage));
    }
    wages = ctx.schedule({ prefecture, industry, hourlyWage: e.hourlyWage, japaneseWage: e.japaneseWage, override, expected: ctx.expected.get(prefecture.code) ?? NONE_EXPECTED });
  }
  const employer: Employer = {
    id: e.id,
    name: e.name ?? null,
    prefecture: prefecture?.code ?? e.prefecture,
    field: e.field,
    jobCategory: e.jobCategory ?? null,
    slots: e.slots,
    slotGroups: decodeSlotGroups(e, path, placement, issues),
    minLanguage: e.minLanguage ?? null,
    requiredSkills: (e.requiredSkills ?? []).map(normaliseRequirement).sort((a, b) => compareStrings(a.name, b.name)),
    preferredSkills: (e.preferredSkills ?? []).map(normaliseRequirement).sort((a, b) => compareStrings(a.name, b.name)),
    hourlyWage: e.hourlyWage,
    industry: e.industry ?? null,
    fullTimeStaff: e.fullTimeStaff ?? null,
    japaneseCareStaff: e.japaneseCareStaff ?? null,
    sswEmployed: e.sswEmployed ?? 0,
    employment: e.employment,
    japaneseWage: e.japaneseWage,
    support: e.support,
    housing: e.housing,
    declarations: e.declarations,
    homeVisitCare: e.homeVisitCare ?? false,
  };
  return { employer, floor, wages };
};
