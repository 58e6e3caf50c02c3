/**
 * The semantic pass over a worker row (its part of ../input/semantic.ts's
 * walk): certifications checked against the catalogue, preferences against
 * the sectors, fields and prefectures, the law's fields (./lawDecode.ts),
 * and the row normalised into its decoded form, its lists shared with the
 * rows that have the same (./sharedLists.ts). Paths are written only for an
 * issue.
 */
import { SECTORS, findJobCategory, type JobCategory, type SswField } from "../domain/fields.js";
import { LANGUAGE_EVIDENCE, type LanguageEvidence } from "../domain/language.js";
import { DEPARTURE_ITEMS, type DepartureItem } from "../domain/law.js";
import { findPrefecture } from "../domain/prefectures.js";
import { CERTIFICATION_ROUTES, type SkillInput, type WorkerInput } from "./codecs.js";
import { freezeOwn } from "./freeze.js";
import { compareStrings, type Certification, type Skill, type Worker } from "./instance.js";
import { at, issue, type InputIssue } from "./issues.js";
import { checkWorkerLaw, workerAge, workerPath } from "./lawDecode.js";
import { fieldNames, type RowContext } from "./rows.js";
import { child, listOfSet, NONE } from "./sharedLists.js";

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

export const LANGUAGE_RANK: ReadonlyMap<unknown, number> = new Map<unknown, number>(LANGUAGE_EVIDENCE.map((l, i) => [l, i]));
export const DEPARTURE_RANK: ReadonlyMap<unknown, number> = new Map<unknown, number>(DEPARTURE_ITEMS.map((d, i) => [d, i]));

export const LANGUAGE_LISTS = new Map<number, readonly LanguageEvidence[]>();
export const DEPARTURE_LISTS = new Map<number, readonly DepartureItem[]>();

/** Language results without repeats, in LANGUAGE_EVIDENCE order. */
const normaliseLanguage = (language: readonly LanguageEvidence[]): readonly LanguageEvidence[] =>
  listOfSet(language, LANGUAGE_RANK, LANGUAGE_EVIDENCE, LANGUAGE_LISTS) ?? [...new Set(language)].sort((a, b) => LANGUAGE_EVIDENCE.indexOf(a) - LANGUAGE_EVIDENCE.indexOf(b));

/** Departure items done, in checklist order. */
const normaliseDeparture = (departure: WorkerInput["departure"]): Worker["departure"] =>
  listOfSet(departure, DEPARTURE_RANK, DEPARTURE_ITEMS, DEPARTURE_LISTS) ?? DEPARTURE_ITEMS.filter((d) => departure.includes(d));

const compareCertifications = (a: Certification, b: Certification): number =>
  compareStrings(a.field, b.field) || compareStrings(a.via, b.via) || compareStrings(a.jobCategory ?? "", b.jobCategory ?? "");

/** Certifications sorted by field, route and job category, without repeats; a list already so is not sorted again. */
const normaliseCertifications = (all: Certification[]): Certification[] => {
  let ordered = true;
  for (let i = 1; i < all.length && ordered; i++) ordered = compareCertifications(all[i - 1] as Certification, all[i] as Certification) < 0;
  return ordered
    ? all
    : all.sort(compareCertifications).filter((c, i, sorted) => i === 0 || c.field !== sorted[i - 1]?.field || c.via !== sorted[i - 1]?.via || c.jobCategory !== sorted[i - 1]?.jobCategory);
};

const ROUTE_INDEX: ReadonlyMap<unknown, number> = new Map(CERTIFICATION_ROUTES.map((r, i) => [r, i]));

const certificationPath = (row: number, i: number): string => at(at(workerPath(row), "certifications"), i);

/** A certification's code (its key's part, see decodeCertifications): its field's index in the catalogue, its route's index, its job category's index in the field (0 for none); -1 where none fits. */
export const certificationCode = (fieldIndex: number, via: string, field: SswField, category: JobCategory | undefined, jobCategory: string | undefined): number => {
  const route = ROUTE_INDEX.get(via);
  if (route === undefined || fieldIndex >= 64) return -1;
  const j = jobCategory === undefined ? 0 : category === undefined ? -1 : field.jobCategories.indexOf(category) + 1;
  return j < 0 || j >= 64 ? -1 : (fieldIndex * 4 + route) * 64 + j;
};

/**
 * A certification list's key (in `SharedLists.certifications`): its codes of 14 bits, and a bit for a list of two (bit 28)
 * or of three (bit 29, the third code above it); -1 for a list of another length (not shared). A list of one or two has a
 * key under 2^31, which V8 keeps as a small integer: no number is allocated to look it up.
 */
export const certificationKeyStart = (n: number): number => (n === 1 ? 0 : n === 2 ? 2 ** 28 : n === 3 ? 2 ** 29 : -1);

/** The key with item `i`'s code added. */
export const certificationKeyWith = (key: number, code: number, i: number): number => key + code * (i === 2 ? 2 ** 30 : i === 1 ? 2 ** 14 : 1);

/** A worker's certifications, checked against the catalogue, sorted and without repeats. */
export const decodeCertifications = (certifications: NonNullable<WorkerInput["certifications"]>, row: number, ctx: RowContext, issues: InputIssue[]): readonly Certification[] => {
  const { catalogue } = ctx;
  let key = certificationKeyStart(certifications.length);
  for (let i = 0; i < certifications.length; i++) {
    const c = certifications[i] as (typeof certifications)[number];
    const fieldIndex = ctx.fieldIndex(c.field);
    const field = catalogue.fields[fieldIndex];
    const category = field === undefined || c.jobCategory === undefined ? undefined : findJobCategory(field, c.jobCategory);
    if (field === undefined) issues.push(issue("unknown-field", at(certificationPath(row, i), "field"), fieldNames(catalogue), c.field));
    else if ((c.via === "care-school" || c.via === "epa") && c.field !== "nursing-care") {
      issues.push(issue("inconsistent", at(certificationPath(row, i), "via"), "skills-test or titp-2 (care-school and epa exist for nursing-care only)", c.via));
    } else if (c.jobCategory !== undefined && field.jobCategories.length > 0 && category === undefined) {
      issues.push(issue("inconsistent", at(certificationPath(row, i), "jobCategory"), `a job category of ${field.id} (${field.jobCategories.map((x) => x.id).join(", ")})`, c.jobCategory));
    }
    const code = field === undefined ? -1 : certificationCode(fieldIndex, c.via, field, category, c.jobCategory);
    key = key < 0 || code < 0 ? -1 : certificationKeyWith(key, code, i);
  }
  const known = key < 0 ? undefined : ctx.lists.certifications.get(key);
  if (known !== undefined) return known;
  const list = normaliseCertifications(certifications.map((c) => ({ field: c.field, via: c.via, jobCategory: c.jobCategory ?? null })));
  // Only a list whose every item the catalogue knows (field, route, job category) is shared.
  if (key >= 0) ctx.lists.certifications.set(key, freezeOwn(list));
  return list;
};

/** A worker's prefecture preferences as codes, with an issue for each one that names no prefecture. */
export const prefectureCodes = (prefectures: readonly string[], row: number, ctx: RowContext, issues: InputIssue[]): readonly string[] => {
  // Codes of prefectures that all exist: the list shared with every row that has the same codes in the same order.
  let node = ctx.lists.prefectures;
  for (let i = 0; i < prefectures.length; i++) {
    const found = findPrefecture(prefectures[i] as string);
    if (found === undefined) return prefectureList(prefectures, row, issues);
    node = child(node, found.code);
  }
  return node.list ?? (node.list = Object.freeze(prefectureList(prefectures, row, issues)));
};

// Apart from prefectureCodes, which runs for most rows: a closure over its arguments would make every call allocate a context.
const prefectureList = (prefectures: readonly string[], row: number, issues: InputIssue[]): readonly string[] =>
  prefectures.map((p, i) => {
    const found = findPrefecture(p);
    if (found === undefined) issues.push(issue("unknown-prefecture", at(at(at(workerPath(row), "preferences"), "prefectures"), i), "a prefecture code 01..47 or name", p));
    return found?.code ?? p;
  });

/** A worker's field preferences, with an issue for each one that is neither a sector nor a field; a frozen list is kept as it is. */
export const fieldPreferencesOf = (fields: readonly string[], row: number, ctx: RowContext, issues: InputIssue[]): readonly string[] => {
  let known = true;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as string;
    if (!ctx.knownPreference(f)) {
      known = false;
      issues.push(issue("unknown-field", at(at(at(workerPath(row), "preferences"), "fields"), i), `a sector (${SECTORS.join(", ")}) or ${fieldNames(ctx.catalogue)}`, f));
    }
  }
  if (Object.isFrozen(fields)) return fields;
  if (!known) return fields.slice();
  // Known names only: the list shared with every row that has the same names in the same order.
  let node = ctx.lists.fields;
  for (let i = 0; i < fields.length; i++) node = child(node, fields[i] as string);
  return node.list ?? (node.list = Object.freeze(fields.slice()));
};

// Apart from decodeSkills (a closure over ctx there would make every call allocate a context).
const skillList = (skills: readonly SkillInput[], ctx: RowContext): readonly Skill[] =>
  normaliseSkills(skills.map((s) => ({ name: ctx.skillName(s.name), level: s.level ?? 1, years: s.years ?? 0 })));

/** A worker's skills, normalised: one skill is taken as it is (it dominates nothing), and shared with the rows that have the same. */
export const decodeSkills = (skills: readonly SkillInput[], ctx: RowContext): readonly Skill[] => {
  if (skills.length > 1) return skillList(skills, ctx);
  const s = skills[0] as SkillInput;
  const name = ctx.skillName(s.name);
  const level = s.level ?? 1;
  const years = s.years ?? 0;
  // A Map does not tell -0 from 0; a list with -0 years is its row's own.
  if (Object.is(years, -0)) return [{ name, level, years }];
  let byLevel = ctx.lists.skills.get(name);
  if (byLevel === undefined) ctx.lists.skills.set(name, (byLevel = new Map()));
  let byYears = byLevel.get(level);
  if (byYears === undefined) byLevel.set(level, (byYears = new Map()));
  let list = byYears.get(years);
  if (list === undefined) byYears.set(years, (list = freezeOwn([{ name, level, years }])));
  return list;
};

/** The worker of row `row` (its index in `workers`, for the paths of its issues). */
export const decodeWorker = (w: WorkerInput, row: number, ctx: RowContext, issues: InputIssue[]): Worker => {
  const { catalogue, placement } = ctx;
  const certifications = w.certifications === undefined || w.certifications.length === 0 ? NONE : decodeCertifications(w.certifications, row, ctx, issues);
  checkWorkerLaw(w, row, ctx.employerIds, issues);
  const preferences = w.preferences;
  const fieldPreferences = preferences?.fields === undefined || preferences.fields.length === 0 ? NONE : fieldPreferencesOf(preferences.fields, row, ctx, issues);
  const prefecturePreferences = preferences?.prefectures === undefined || preferences.prefectures.length === 0 ? NONE : prefectureCodes(preferences.prefectures, row, ctx, issues);
  return {
    id: w.id,
    language: normaliseLanguage(w.language),
    careJapaneseTest: w.careJapaneseTest ?? false,
    certifications,
    skills: w.skills === undefined || w.skills.length === 0 ? NONE : decodeSkills(w.skills, ctx),
    fieldPreferences,
    prefecturePreferences,
    trainingCentre: ctx.intern(w.trainingCentre),
    homeProvince: ctx.intern(w.homeProvince),
    group: w.group ?? null,
    ageAtStart: workerAge(w, row, placement, issues, ctx.age),
    sswMonths: w.sswMonths,
    departure: normaliseDeparture(w.departure),
    careExperienceMonths: w.careExperienceMonths ?? 0,
    careInitialTraining: w.careInitialTraining ?? false,
    formerInternAt: w.formerInternAt ?? null,
    availableFrom: w.availableFrom === undefined || w.availableFrom < placement.start ? placement.start : w.availableFrom,
  };
};
