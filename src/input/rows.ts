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
import { SECTORS, findJobCategory, type FieldCatalogue, type JobCategory, type SswField } from "../domain/fields.js";
import { LANGUAGE_EVIDENCE, type LanguageEvidence } from "../domain/language.js";
import { DEPARTURE_ITEMS, type DepartureItem } from "../domain/law.js";
import { findPrefecture, PREFECTURES, type Prefecture } from "../domain/prefectures.js";
import { minimumWageFloor, wageScheduler, type WageInputs } from "../rules/wages.js";
import { CERTIFICATION_ROUTES, type EmployerInput, type InstanceInput, type SkillInput, type WorkerInput } from "./codecs.js";
import { compareStrings, type Certification, type Employer, type PlacementPeriod, type Skill, type SkillRequirement, type SupportOrganisation, type WageFloor, type WageSchedule, type Worker } from "./instance.js";
import { at, issue, type InputIssue } from "./issues.js";
import { checkEmployerLaw, checkWorkerLaw, decodeExpected, decodeSlotGroups, employerPath, workerAge, workerPath } from "./lawDecode.js";
import { freezeOwn, isDeepFrozen } from "./freeze.js";
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

/** The empty list every row with an empty list holds (frozen). */
const NONE: readonly never[] = Object.freeze([]);

/**
 * The items of `order` whose ranks are among `items`'s, once each and in
 * `order`'s order: what sorting `items` and dropping repeats gives. One
 * frozen list per set, shared by every row (at most 2^order.length lists).
 * Undefined when an item has no rank (a hole in a sparse list).
 */
const listOfSet = <T>(items: readonly unknown[], rank: ReadonlyMap<unknown, number>, order: readonly T[], lists: Map<number, readonly T[]>): readonly T[] | undefined => {
  let mask = 0;
  for (let i = 0; i < items.length; i++) {
    const r = rank.get(items[i]);
    if (r === undefined) return undefined;
    mask |= 1 << r;
  }
  let list = lists.get(mask);
  if (list === undefined) lists.set(mask, (list = Object.freeze(order.filter((_, r) => (mask & (1 << r)) !== 0))));
  return list;
};

const LANGUAGE_LISTS = new Map<number, readonly LanguageEvidence[]>();
const DEPARTURE_LISTS = new Map<number, readonly DepartureItem[]>();

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

const ROUTE_INDEX: ReadonlyMap<string, number> = new Map(CERTIFICATION_ROUTES.map((r, i) => [r, i]));

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
    const v = known.get(k);
    // One lookup where the value is found (undefined may be a value: then a second).
    if (v !== undefined || known.has(k)) return v as V;
    const w = f(k);
    known.set(k, w);
    return w;
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
  /** The wage schedule of an employer in a prefecture (with its override and expected revisions) and industry paying these wages; equal inputs share one (frozen). */
  readonly schedule: (prefecture: Prefecture, industry: string | null, hourlyWage: number, japaneseWage: number) => WageSchedule;
  readonly age: (birthDate: string) => number;
  readonly nearMiss: (industry: string) => string | undefined;
  /** The catalogue's field of an id. */
  readonly field: (id: string) => SswField | undefined;
  /** The index of that field in the catalogue (-1 for none). */
  readonly fieldIndex: (id: string) => number;
  readonly lists: SharedLists;
  /** Whether a field preference names a sector or a field of the catalogue. */
  readonly knownPreference: (name: string) => boolean;
  /** A skill name trimmed and lower-cased. */
  readonly skillName: (name: string) => string;
  /** One string for all equal ones (training centres, provinces: few values, many rows), so decoded rows hold no copies. */
  readonly intern: (text: string) => string;
}

export const rowContext = (
  input: InstanceInput,
  catalogue: FieldCatalogue,
  placement: PlacementPeriod,
  organisations: ReadonlyMap<string, SupportOrganisation>,
  expected: ReturnType<typeof decodeExpected>,
  employerIds: ReadonlySet<string> = new Set(input.employers.map((e) => e.id)),
): RowContext => {
  const overrides = new Map<string, number>();
  for (const [key, amount] of Object.entries(input.reference?.minimumWages ?? {})) {
    const code = findPrefecture(key)?.code;
    if (code !== undefined && !overrides.has(code)) overrides.set(code, amount);
  }
  const floors = new Map<string, WageFloor>();
  const fields = new Map<string, SswField>();
  const fieldIndexes = new Map<string, number>();
  catalogue.fields.forEach((f, i) => {
    if (!fields.has(f.id)) (fields.set(f.id, f), fieldIndexes.set(f.id, i));
  });
  const strings = new Map<string, string>();
  const scheduler = wageScheduler(placement);
  const schedules = new Map<string, WageSchedule>();
  return {
    catalogue,
    placement,
    employerIds,
    organisations,
    expected,
    override: (code) => overrides.get(code),
    floor: (prefecture, industry) => {
      const key = JSON.stringify([prefecture.code, industry]);
      let floor = floors.get(key);
      if (floor === undefined) floors.set(key, (floor = Object.freeze(minimumWageFloor({ prefecture, industry, override: overrides.get(prefecture.code) }, placement.start))));
      return floor;
    },
    schedule: (prefecture, industry, hourlyWage, japaneseWage) => {
      const inputs: WageInputs = { prefecture, industry, hourlyWage, japaneseWage, override: overrides.get(prefecture.code), expected: expected.get(prefecture.code) ?? NONE_EXPECTED };
      // A key cannot tell -0 from 0 (the equal-pay step's amount shows it): such a schedule is its employer's own.
      if (Object.is(hourlyWage, -0) || Object.is(japaneseWage, -0)) return scheduler(inputs);
      const key = JSON.stringify([prefecture.code, industry, hourlyWage, japaneseWage]);
      let schedule = schedules.get(key);
      if (schedule === undefined) schedules.set(key, (schedule = freezeOwn(scheduler(inputs))));
      return schedule;
    },
    age: memo((birthDate: string) => ageOn(birthDate, placement.start)),
    nearMiss: memo(nearMissIndustry),
    field: (id) => fields.get(id),
    fieldIndex: (id) => fieldIndexes.get(id) ?? -1,
    lists: sharedLists(),
    knownPreference: memo((name: string) => (SECTORS as readonly string[]).includes(name) || fields.has(name)),
    skillName: memo((name: string) => name.trim().toLowerCase()),
    intern: (text) => {
      const known = strings.get(text);
      if (known !== undefined) return known;
      strings.set(text, text);
      return text;
    },
  };
};

// ---------------------------------------------------------------------------
// Rows

const certificationPath = (row: number, i: number): string => at(at(workerPath(row), "certifications"), i);

/**
 * Lists that many rows hold alike, made once per decode and frozen: rows
 * with equal lists hold one list. A list is shared only where its row had
 * no issue in it; the rest are made for their row, as before.
 */
export interface SharedLists {
  /** Certification lists of one to three items, by their items' codes (field, route and job category as indexes). */
  readonly certifications: Map<number, readonly Certification[]>;
  /** One-skill lists by name, level and years. */
  readonly skills: Map<string, Map<number, Map<number, readonly Skill[]>>>;
  /** One-item lists of field or sector names, and of prefecture codes. */
  readonly fields: Map<string, readonly string[]>;
  readonly prefectures: Map<string, readonly string[]>;
}

export const sharedLists = (): SharedLists => ({ certifications: new Map(), skills: new Map(), fields: new Map(), prefectures: new Map() });

/** The one-item list of `item` in `lists`, made on first use. */
const oneItem = (lists: Map<string, readonly string[]>, item: string): readonly string[] => {
  let list = lists.get(item);
  if (list === undefined) lists.set(item, (list = Object.freeze([item])));
  return list;
};

/** A certification's code: its field's index in the catalogue, its route's index, its job category's index in the field (0 for none); -1 where none fits. */
const certificationCode = (fieldIndex: number, via: string, field: SswField, category: JobCategory | undefined, jobCategory: string | undefined): number => {
  const route = ROUTE_INDEX.get(via);
  if (route === undefined || fieldIndex >= 64) return -1;
  const j = jobCategory === undefined ? 0 : category === undefined ? -1 : field.jobCategories.indexOf(category) + 1;
  return j < 0 || j >= 64 ? -1 : (fieldIndex * 4 + route) * 64 + j;
};

/** A worker's certifications, checked against the catalogue, sorted and without repeats. */
const decodeCertifications = (certifications: NonNullable<WorkerInput["certifications"]>, row: number, ctx: RowContext, issues: InputIssue[]): readonly Certification[] => {
  const { catalogue } = ctx;
  // The list's key: up to three codes of 14 bits and the count (exact in a double).
  let key = certifications.length <= 3 ? certifications.length * 2 ** 42 : -1;
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
    key = key < 0 || code < 0 ? -1 : key + code * 2 ** (14 * i);
  }
  const known = key < 0 ? undefined : ctx.lists.certifications.get(key);
  if (known !== undefined) return known;
  const list = normaliseCertifications(certifications.map((c) => ({ field: c.field, via: c.via, jobCategory: c.jobCategory ?? null })));
  // Only a list whose every item the catalogue knows (field, route, job category) is shared.
  if (key >= 0) ctx.lists.certifications.set(key, freezeOwn(list));
  return list;
};

/** A worker's prefecture preferences as codes, with an issue for each one that names no prefecture. */
const prefectureCodes = (prefectures: readonly string[], row: number, ctx: RowContext, issues: InputIssue[]): readonly string[] => {
  if (prefectures.length === 1) {
    const found = findPrefecture(prefectures[0] as string);
    if (found !== undefined) return oneItem(ctx.lists.prefectures, found.code);
  }
  return prefectures.map((p, i) => {
    const found = findPrefecture(p);
    if (found === undefined) issues.push(issue("unknown-prefecture", at(at(at(workerPath(row), "preferences"), "prefectures"), i), "a prefecture code 01..47 or name", p));
    return found?.code ?? p;
  });
};

/** A worker's field preferences, with an issue for each one that is neither a sector nor a field; a frozen list is kept as it is. */
const fieldPreferencesOf = (fields: readonly string[], row: number, ctx: RowContext, issues: InputIssue[]): readonly string[] => {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as string;
    if (!ctx.knownPreference(f)) {
      issues.push(issue("unknown-field", at(at(at(workerPath(row), "preferences"), "fields"), i), `a sector (${SECTORS.join(", ")}) or ${fieldNames(ctx.catalogue)}`, f));
    }
  }
  if (Object.isFrozen(fields)) return fields;
  return fields.length === 1 && ctx.knownPreference(fields[0] as string) ? oneItem(ctx.lists.fields, fields[0] as string) : fields.slice();
};

/** A worker's skills, normalised: one skill is taken as it is (it dominates nothing), and shared with the rows that have the same. */
const decodeSkills = (skills: readonly SkillInput[], ctx: RowContext): readonly Skill[] => {
  if (skills.length > 1) return normaliseSkills(skills.map((s) => ({ name: ctx.skillName(s.name), level: s.level ?? 1, years: s.years ?? 0 })));
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

/** Plain data (objects, lists, primitives) copied, key order kept. */
const copy = (v: unknown): unknown => {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map(copy);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) out[key] = copy((v as Record<string, unknown>)[key]);
  return out;
};

/** A part of a row the decoded row holds: itself where it is deeply frozen (it cannot change), else a copy, so that a change to the caller's input never reaches the decoded instance. */
const ownCopy = <T>(v: T): T => (typeof v !== "object" || v === null || isDeepFrozen(v) ? v : (copy(v) as T));

/** An employer row, decoded: the employer, and its wage floor at the start and schedule over the period (null for an unknown prefecture). */
export interface DecodedEmployer {
  readonly employer: Employer;
  readonly floor: WageFloor | null;
  readonly wages: WageSchedule | null;
}

export const decodeEmployer = (e: EmployerInput, row: number, ctx: RowContext, issues: InputIssue[]): DecodedEmployer => {
  const { catalogue, placement } = ctx;
  const field = ctx.field(e.field);
  if (field === undefined) issues.push(issue("unknown-field", at(employerPath(row), "field"), fieldNames(catalogue), e.field));
  else if (e.jobCategory !== undefined && field.jobCategories.length > 0 && findJobCategory(field, e.jobCategory) === undefined) {
    issues.push(issue("inconsistent", at(employerPath(row), "jobCategory"), `a job category of ${field.id} (${field.jobCategories.map((c) => c.id).join(", ")})`, e.jobCategory));
  } else if (e.jobCategory !== undefined && field.jobCategories.length === 0) {
    const owner = catalogue.fields.find((f) => findJobCategory(f, e.jobCategory) !== undefined);
    if (owner !== undefined) issues.push(issue("inconsistent", at(employerPath(row), "jobCategory"), `a job category of ${field.id} (${e.jobCategory} belongs to ${owner.id})`, e.jobCategory));
  }
  checkEmployerLaw(e, row, catalogue, ctx.organisations, placement, issues);
  const nearIndustry = e.industry === undefined ? undefined : ctx.nearMiss(e.industry);
  if (nearIndustry !== undefined) {
    issues.push(issue("inconsistent", at(employerPath(row), "industry"), `an industry with its own minimum wage spelled as in the reference data (did you mean "${nearIndustry}"?), or another industry`, e.industry));
  }
  const prefecture = findPrefecture(e.prefecture);
  let floor: WageFloor | null = null;
  let wages: WageSchedule | null = null;
  if (prefecture === undefined) {
    issues.push(issue("unknown-prefecture", at(employerPath(row), "prefecture"), "a prefecture code 01..47 or name", e.prefecture));
  } else {
    const industry = e.industry ?? null;
    floor = ctx.floor(prefecture, industry);
    if (e.hourlyWage < floor.amount) {
      issues.push(issue("wage-below-minimum", at(employerPath(row), "hourlyWage"), `at least ${floor.amount} yen per hour (${floor.source})`, e.hourlyWage));
    }
    wages = ctx.schedule(prefecture, industry, e.hourlyWage, e.japaneseWage);
  }
  const employer: Employer = {
    id: e.id,
    name: e.name ?? null,
    prefecture: prefecture?.code ?? e.prefecture,
    field: e.field,
    jobCategory: e.jobCategory ?? null,
    slots: e.slots,
    slotGroups: decodeSlotGroups(e, row, placement, issues),
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
    housing: ownCopy(e.housing),
    declarations: ownCopy(e.declarations),
    homeVisitCare: e.homeVisitCare ?? false,
  };
  return { employer, floor, wages };
};
