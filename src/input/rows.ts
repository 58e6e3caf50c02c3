/**
 * The semantic pass over one row: a worker (./workerRow.ts) or an employer
 * (here) checked against the catalogue, the placement period and the
 * reference data, normalised into its decoded form (./instance.ts), its
 * issues added to a list; and what the rows of one decode share.
 *
 * What is the same for many rows is worked out once per decode
 * (`RowContext`): the minimum wage override and the wage floor of each
 * prefecture and industry, the wage schedule of each prefecture, industry
 * and pair of wages (../rules/wages.ts `wageScheduler`), an age per date of
 * birth, the near misses of each industry name, normalised skill names.
 * Paths into the input are written only for an issue.
 *
 * Lists that many rows hold alike are one frozen list (./sharedLists.ts): language results, departure items, certifications, one
 * skill, preferred fields and prefectures (any number), and every empty list; and
 * strings that many rows repeat (training centres, provinces, the
 * catalogue's ids) are held once. A decoded row is deep-equal to what it
 * was before, in a third of the memory, and shares nothing that can change
 * with the caller's input (what it holds of the input is frozen, copied, or
 * a string).
 */
import { ageOn } from "../domain/dates.js";
import { SECTORS, findJobCategory, type FieldCatalogue, type SswField } from "../domain/fields.js";
import { findPrefecture, PREFECTURES, type Prefecture } from "../domain/prefectures.js";
import { minimumWageFloor, wageScheduler, type WageInputs } from "../rules/wages.js";
import type { EmployerInput, InstanceInput, SkillInput } from "./codecs.js";
import { compareStrings, type Employer, type PlacementPeriod, type SkillRequirement, type SupportOrganisation, type WageFloor, type WageSchedule } from "./instance.js";
import { at, issue, type InputIssue } from "./issues.js";
import { checkEmployerLaw, decodeExpected, decodeSlotGroups, employerPath } from "./lawDecode.js";
import { freezeOwn, isDeepFrozen } from "./freeze.js";
import { NONE, sharedLists, type SharedLists } from "./sharedLists.js";
import { editDistance } from "./spelling.js";

const normaliseRequirement = (s: SkillInput): SkillRequirement => ({
  name: s.name.trim().toLowerCase(),
  level: s.level ?? null,
  years: s.years ?? null,
});

const byName = (a: SkillRequirement, b: SkillRequirement): number => compareStrings(a.name, b.name);

/** An employer's skill requirements, normalised and sorted by name; none is the shared empty list (most employers state none). */
const requirements = (skills: readonly SkillInput[] | undefined): readonly SkillRequirement[] =>
  skills === undefined || skills.length === 0 ? NONE : skills.length === 1 ? [normaliseRequirement(skills[0] as SkillInput)] : skills.map(normaliseRequirement).sort(byName);

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
  /** The string `intern` gave for one equal to `u` before, if any (only checked strings are interned: ./workerWalk.ts). */
  readonly interned: (u: unknown) => string | undefined;
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
      // Prefecture codes are two characters: the code, then the industry if any, is a key no other pair has.
      const key = industry === null ? prefecture.code : `${prefecture.code}|${industry}`;
      let floor = floors.get(key);
      if (floor === undefined) floors.set(key, (floor = Object.freeze(minimumWageFloor({ prefecture, industry, override: overrides.get(prefecture.code) }, placement.start))));
      return floor;
    },
    schedule: (prefecture, industry, hourlyWage, japaneseWage) => {
      const inputs = (): WageInputs => ({ prefecture, industry, hourlyWage, japaneseWage, override: overrides.get(prefecture.code), expected: expected.get(prefecture.code) ?? NONE_EXPECTED });
      // A key cannot tell -0 from 0 (the equal-pay step's amount shows it): such a schedule is its employer's own.
      if (Object.is(hourlyWage, -0) || Object.is(japaneseWage, -0)) return scheduler(inputs());
      // The two-character code, the wages as numbers print (one text per number but -0), then the industry if any.
      const key = `${prefecture.code}|${hourlyWage}|${japaneseWage}${industry === null ? "" : `|${industry}`}`;
      let schedule = schedules.get(key);
      if (schedule === undefined) schedules.set(key, (schedule = freezeOwn(scheduler(inputs()))));
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
    interned: (u) => (typeof u === "string" ? strings.get(u) : undefined),
  };
};

// ---------------------------------------------------------------------------
// Employer rows

/** Plain data (objects, lists, primitives) copied, key order kept. */
const copy = (v: unknown): unknown => {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map(copy);
  const out: Record<string, unknown> = {};
  // Own enumerable keys in Object.keys's order, without making its list.
  for (const key in v) if (Object.prototype.hasOwnProperty.call(v, key)) out[key] = copy((v as Record<string, unknown>)[key]);
  return out;
};

/** A part of a row the decoded row holds: itself where it is deeply frozen (it cannot change), else a copy, so that a change to the caller's input never reaches the decoded instance. */
const ownCopy = <T>(v: T): T => (typeof v !== "object" || v === null || (Object.isFrozen(v) && isDeepFrozen(v)) ? v : (copy(v) as T));

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
    requiredSkills: requirements(e.requiredSkills),
    preferredSkills: requirements(e.preferredSkills),
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
