/**
 * The decoder as it was before it was made fast (1dcb00c, src/input/decode.ts
 * and the `is` checks of src/input/combinators.ts), kept as the oracle the
 * fast decoder is checked against (test/input/fastDecode.test.ts,
 * onePass.test.ts, reuse.test.ts): same values, same issues in the same
 * order. Only the parts that changed are copied: the law checks as they
 * were at c9f2d09 (before rows were passed by index, and the organisations'
 * employers counted in one walk) are copied too; what did not change (the
 * codecs' `validate`, the wage schedule's definition, the placement, the
 * expected wages, the policy and rankings) is imported.
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { DEFAULT_FIELD_CATALOGUE_VERSION, FIELD_CATALOGUES, SECTORS, findCatalogue, findField, findJobCategory, type FieldCatalogue } from "../../src/domain/fields.js";
import { LANGUAGE_EVIDENCE } from "../../src/domain/language.js";
import { findPrefecture, PREFECTURES } from "../../src/domain/prefectures.js";
import { DEPARTURE_ITEMS } from "../../src/domain/law.js";
import { employerBarriers } from "../../src/rules/employer.js";
import type { Exclusion } from "../../src/rules/ruleIds.js";
import { minimumWageFloor, wageSchedule } from "../../src/rules/wages.js";
import { DEFAULT_WEIGHTS, type Weights } from "../../src/rules/scoring.js";
import { withRowChecks } from "../../src/input/allAtOnce.js";
import { EmployerCodec, InstanceCodec, WorkerCodec, type EmployerInput, type InstanceInput, type SkillInput, type WorkerInput } from "../../src/input/codecs.js";
import { isoDate, nonEmptyString, StructType } from "../../src/input/combinators.js";
import { issuesFromErrors } from "../../src/input/decode.js";
import { at, capIssues, issue, type InputIssue } from "../../src/input/issues.js";
import { LIMITS, thousands } from "../../src/input/limits.js";
import { editDistance } from "../../src/input/spelling.js";
import { decodePolicy } from "../../src/policy/decode.js";
import { decodeRankings } from "../../src/stable/rankings.js";
import { byId, compareStrings, type Employer, type Instance, type PlacementPeriod, type Reference, type SkillRequirement, type Skill, type SupportOrganisation, type WageFloor, type WageSchedule, type Worker } from "../../src/input/instance.js";
import { decodeExpected, decodeOrganisations, decodePlacement } from "../../src/input/lawDecode.js";
import { ageOn, dayBefore } from "../../src/domain/dates.js";
import { SUPPORT_LIMITS, supportLimitsApply } from "../../src/domain/law.js";
import { PREREQUISITES } from "../../src/domain/prerequisites.js";
import type { SlotGroup } from "../../src/input/instance.js";

/** A decode result as text: objects in their key order, Maps as their entries in order (for byte-for-byte comparisons). */
export const canonicalText = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? { "(map)": [...x.entries()] } : x));

// ---------------------------------------------------------------------------
// The structural fast path as it was

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The old ISO date check, through the regular expression and Date. */
export const oldIsCalendarDate = (u: unknown): u is string =>
  typeof u === "string" &&
  /^\d{4}-\d{2}-\d{2}$/.test(u) &&
  !Number.isNaN(Date.parse(u)) &&
  new Date(`${u}T00:00:00Z`).toISOString().slice(0, 10) === u;

/**
 * `codec.is` as it was: closed objects through for-in over the input and the
 * codec's property records, dates and non-empty strings as they were
 * checked; a list's items checked this way (its length by the list's own
 * check); any other codec by its own `is`.
 */
export const oldIs = (codec: t.Mixed, u: unknown): boolean => {
  if (codec === isoDate) return oldIsCalendarDate(u);
  if (codec === nonEmptyString) return typeof u === "string" && u.trim() !== "";
  if (codec instanceof StructType) {
    const required = codec.required as Record<string, t.Mixed>;
    const optional = codec.optional as Record<string, t.Mixed>;
    if (typeof u !== "object" || u === null || Array.isArray(u)) return false;
    const record = u as Record<string, unknown>;
    for (const key in record) if (hasOwn(record, key) && !hasOwn(required, key) && !hasOwn(optional, key)) return false;
    for (const key in required) if (!hasOwn(record, key) || !oldIs(required[key] as t.Mixed, record[key])) return false;
    for (const key in optional) if (hasOwn(record, key) && !oldIs(optional[key] as t.Mixed, record[key])) return false;
    return true;
  }
  if (codec instanceof t.ArrayType) return Array.isArray(u) && u.every((x) => oldIs(codec.type as t.Mixed, x)) && codec.is(u);
  return codec.is(u);
};


// ---------------------------------------------------------------------------
// The law checks as they were (c9f2d09, src/input/lawDecode.ts), paths as strings

/**
 * An employer's slots by start date: `slotGroups` (each start within the
 * placement period, their slots adding up to `slots`), merged by date and
 * without empty groups; or all `slots` on the placement's start.
 */
export const decodeSlotGroups = (e: EmployerInput, path: string, placement: PlacementPeriod, issues: InputIssue[]): SlotGroup[] => {
  if (e.slotGroups === undefined) return e.slots > 0 ? [{ start: placement.start, slots: e.slots }] : [];
  const groupsPath = at(path, "slotGroups");
  e.slotGroups.forEach((g, i) => {
    if (g.start < placement.start || g.start >= placement.end) {
      issues.push(issue("inconsistent", at(at(groupsPath, i), "start"), `a date in the placement period, ${placement.start} to ${dayBefore(placement.end)}`, g.start));
    }
  });
  const total = e.slotGroups.reduce((sum, g) => sum + g.slots, 0);
  if (total !== e.slots) issues.push(issue("inconsistent", groupsPath, `slot groups whose slots add up to slots (${e.slots}); these add up to ${total}`, e.slotGroups));
  const byStart = new Map<string, number>();
  for (const g of e.slotGroups) if (g.slots > 0) byStart.set(g.start, (byStart.get(g.start) ?? 0) + g.slots);
  return [...byStart.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([start, slots]) => ({ start, slots }));
};

/**
 * The worker's age on the start date, from the date of birth or the age
 * given; issues where neither or they disagree. `ageOf` is `ageOn` to the
 * start (a decode passes one that remembers each date of birth).
 */
export const workerAge = (
  w: WorkerInput,
  path: string,
  placement: PlacementPeriod,
  issues: InputIssue[],
  ageOf: (birthDate: string) => number = (birthDate) => ageOn(birthDate, placement.start),
): number => {
  if (w.birthDate === undefined && w.age === undefined) {
    issues.push(issue("missing", at(path, "birthDate"), "a date of birth YYYY-MM-DD (or age, in whole years on the start date): SSW (i) workers must be 18", undefined));
    return 0;
  }
  if (w.birthDate === undefined) return w.age as number;
  if (w.birthDate > placement.start) issues.push(issue("inconsistent", at(path, "birthDate"), `a date before the start ${placement.start}`, w.birthDate));
  const age = ageOf(w.birthDate);
  if (w.age !== undefined && w.age !== age) {
    issues.push(issue("inconsistent", at(path, "age"), `${age}, the age on ${placement.start} from birthDate ${w.birthDate} (or leave age out)`, w.age));
  }
  return age;
};

const STAFF_WORDS = {
  japaneseCareStaff:
    "the establishment's full-time care staff who are Japanese etc. (Japanese, permanent residents, care-visa holders, EPA-certified care workers): the legal cap on its SSW (i) workers",
  fullTimeStaff: "the employer's full-time staff, not counting technical interns and SSW (i) workers: the legal cap on its SSW (i) workers",
} as const;

/** Checks an employer's declarations against what its field needs. */
export const checkEmployerLaw = (
  e: EmployerInput,
  path: string,
  catalogue: FieldCatalogue,
  organisations: ReadonlyMap<string, SupportOrganisation>,
  placement: PlacementPeriod,
  issues: InputIssue[],
): void => {
  const field = findField(catalogue, e.field);
  if (field === undefined) return; // reported as an unknown field
  const declarations = at(path, "declarations");
  for (const id of field.prerequisites) {
    if (e.declarations[id] === undefined) issues.push(issue("missing", at(declarations, id), `${PREREQUISITES[id].declares}, which ${field.name} requires`, undefined));
  }
  const figure = field.headcountCap === "japanese-care-staff" ? "japaneseCareStaff" : field.headcountCap === "full-time-staff" ? "fullTimeStaff" : null;
  if (figure !== null) {
    if (e[figure] === undefined) issues.push(issue("missing", at(path, figure), STAFF_WORDS[figure], undefined));
    if (e.sswEmployed === undefined) issues.push(issue("missing", at(path, "sswEmployed"), `the SSW (i) workers ${field.name} employers already employ (0 for none): they count against the legal cap`, undefined));
  }
  if (e.homeVisitCare === true && field.homeVisit === null) issues.push(issue("inconsistent", at(path, "homeVisitCare"), "false or absent (home-visit care is a nursing-care job)", true));
  if (e.support !== "self" && !organisations.has(e.support) && supportLimitsApply(placement)) {
    issues.push(
      issue(
        "inconsistent",
        at(path, "support"),
        `"self", or the id of a registered support organisation listed in supportOrganisations (from ${SUPPORT_LIMITS.value.from} its officers limit whom it can support)`,
        e.support,
      ),
    );
  }
};

/** From the date the limits apply: each organisation's officers must be enough for the employers that name it (10 each). */
export const checkOrganisationEmployers = (
  input: InstanceInput,
  organisations: ReadonlyMap<string, SupportOrganisation>,
  placement: PlacementPeriod,
  issues: InputIssue[],
): void => {
  if (!supportLimitsApply(placement)) return;
  const { employersPerOfficer, from } = SUPPORT_LIMITS.value;
  (input.supportOrganisations ?? []).forEach((o, i) => {
    const named = input.employers.filter((e) => e.support === o.id && e.slots > 0).length;
    const total = named + (o.employers ?? 0);
    const needed = Math.ceil(total / employersPerOfficer);
    if (needed > o.officers) {
      issues.push(
        issue(
          "inconsistent",
          at(at("supportOrganisations", i), "officers"),
          `at least ${needed} officers for ${total} employers (${named} here, ${o.employers ?? 0} elsewhere): from ${from} an officer supports at most ${employersPerOfficer} employers; or move employers to another organisation`,
          o.officers,
        ),
      );
    }
  });
};

// ---------------------------------------------------------------------------
// The semantic pass as it was

/** The old worker law check (repeats found through a Set). */
const checkWorkerLaw = (w: WorkerInput, path: string, employerIds: ReadonlySet<string>, issues: InputIssue[]): void => {
  if (w.formerInternAt !== undefined && !employerIds.has(w.formerInternAt)) {
    issues.push(issue("inconsistent", at(path, "formerInternAt"), "the id of an employer in this instance (whose dormitory the worker lived in as a technical intern)", w.formerInternAt));
  }
  if (new Set(w.departure).size !== w.departure.length) issues.push(issue("inconsistent", at(path, "departure"), "each checklist item once", w.departure));
};

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
  const dominates = (a: Skill, b: Skill): boolean => a.name === b.name && a.level >= b.level && a.years >= b.years;
  const sorted = [...skills].sort((a, b) => compareStrings(a.name, b.name) || a.level - b.level || a.years - b.years);
  return sorted.filter((s, i) => !sorted.some((o, j) => j !== i && dominates(o, s) && (!dominates(s, o) || j < i)));
};

/** For each row after the first with the same id, the index of the first. */
const firstOccurrences = (rows: readonly { readonly id: string }[]): Map<number, number> => {
  const first = new Map<string, number>();
  const repeats = new Map<number, number>();
  rows.forEach((row, i) => {
    const j = first.get(row.id);
    if (j === undefined) first.set(row.id, i);
    else repeats.set(i, j);
  });
  return repeats;
};

const checkUnique = (repeats: Map<number, number>, list: string, i: number, id: string, issues: InputIssue[]): void => {
  const j = repeats.get(i);
  if (j !== undefined) issues.push(issue("duplicate-id", at(at(list, i), "id"), `a unique id (also used by ${list}[${j}])`, id));
};

const fieldNames = (catalogue: FieldCatalogue): string =>
  `an SSW field of catalogue ${catalogue.version} (${catalogue.fields.map((f) => f.id).join(", ")})`;

const decodeWorker = (
  w: WorkerInput,
  path: string,
  catalogue: FieldCatalogue,
  placement: PlacementPeriod,
  employerIds: ReadonlySet<string>,
  issues: InputIssue[],
): Worker => {
  (w.certifications ?? []).forEach((c, i) => {
    const p = at(at(path, "certifications"), i);
    const field = findField(catalogue, c.field);
    if (field === undefined) issues.push(issue("unknown-field", at(p, "field"), fieldNames(catalogue), c.field));
    else if ((c.via === "care-school" || c.via === "epa") && c.field !== "nursing-care") {
      issues.push(issue("inconsistent", at(p, "via"), "skills-test or titp-2 (care-school and epa exist for nursing-care only)", c.via));
    } else if (c.jobCategory !== undefined && field.jobCategories.length > 0 && findJobCategory(field, c.jobCategory) === undefined) {
      issues.push(issue("inconsistent", at(p, "jobCategory"), `a job category of ${field.id} (${field.jobCategories.map((x) => x.id).join(", ")})`, c.jobCategory));
    }
  });
  checkWorkerLaw(w, path, employerIds, issues);
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
  const language = [...new Set(w.language)].sort((a, b) => LANGUAGE_EVIDENCE.indexOf(a) - LANGUAGE_EVIDENCE.indexOf(b));
  const certifications = [...(w.certifications ?? [])]
    .map((c) => ({ field: c.field, via: c.via, jobCategory: c.jobCategory ?? null }))
    .sort((a, b) => compareStrings(a.field, b.field) || compareStrings(a.via, b.via) || compareStrings(a.jobCategory ?? "", b.jobCategory ?? ""))
    .filter((c, i, all) => i === 0 || c.field !== all[i - 1]?.field || c.via !== all[i - 1]?.via || c.jobCategory !== all[i - 1]?.jobCategory);
  return {
    id: w.id,
    language,
    careJapaneseTest: w.careJapaneseTest ?? false,
    certifications,
    skills: normaliseSkills((w.skills ?? []).map(normaliseSkill)),
    fieldPreferences,
    prefecturePreferences,
    trainingCentre: w.trainingCentre,
    homeProvince: w.homeProvince,
    group: w.group ?? null,
    ageAtStart: workerAge(w, path, placement, issues),
    sswMonths: w.sswMonths,
    departure: DEPARTURE_ITEMS.filter((d) => w.departure.includes(d)),
    careExperienceMonths: w.careExperienceMonths ?? 0,
    careInitialTraining: w.careInitialTraining ?? false,
    formerInternAt: w.formerInternAt ?? null,
    availableFrom: w.availableFrom === undefined || w.availableFrom < placement.start ? placement.start : w.availableFrom,
  };
};

/** What the semantic pass needs besides the employer row. */
interface EmployerContext {
  readonly input: InstanceInput;
  readonly catalogue: FieldCatalogue;
  readonly placement: PlacementPeriod;
  readonly organisations: ReadonlyMap<string, SupportOrganisation>;
  readonly expected: ReturnType<typeof decodeExpected>;
}

const decodeEmployer = (
  e: EmployerInput,
  path: string,
  ctx: EmployerContext,
  issues: InputIssue[],
): { employer: Employer; floor: WageFloor | null; wages: WageSchedule | null } => {
  const { catalogue, input, placement } = ctx;
  const field = findField(catalogue, e.field);
  if (field === undefined) issues.push(issue("unknown-field", at(path, "field"), fieldNames(catalogue), e.field));
  else if (e.jobCategory !== undefined && field.jobCategories.length > 0 && findJobCategory(field, e.jobCategory) === undefined) {
    issues.push(issue("inconsistent", at(path, "jobCategory"), `a job category of ${field.id} (${field.jobCategories.map((c) => c.id).join(", ")})`, e.jobCategory));
  } else if (e.jobCategory !== undefined && field.jobCategories.length === 0) {
    const owner = catalogue.fields.find((f) => findJobCategory(f, e.jobCategory) !== undefined);
    if (owner !== undefined) issues.push(issue("inconsistent", at(path, "jobCategory"), `a job category of ${field.id} (${e.jobCategory} belongs to ${owner.id})`, e.jobCategory));
  }
  checkEmployerLaw(e, path, catalogue, ctx.organisations, placement, issues);
  const nearIndustry = e.industry === undefined ? undefined : nearMissIndustry(e.industry);
  if (nearIndustry !== undefined) {
    issues.push(issue("inconsistent", at(path, "industry"), `an industry with its own minimum wage spelled as in the reference data (did you mean "${nearIndustry}"?), or another industry`, e.industry));
  }
  const prefecture = findPrefecture(e.prefecture);
  let floor: WageFloor | null = null;
  let wages: WageSchedule | null = null;
  if (prefecture === undefined) {
    issues.push(issue("unknown-prefecture", at(path, "prefecture"), "a prefecture code 01..47 or name", e.prefecture));
  } else {
    const override = Object.entries(input.reference?.minimumWages ?? {}).find(([key]) => findPrefecture(key)?.code === prefecture.code)?.[1];
    const industry = e.industry ?? null;
    floor = minimumWageFloor({ prefecture, industry, override }, placement.start);
    if (e.hourlyWage < floor.amount) {
      issues.push(issue("wage-below-minimum", at(path, "hourlyWage"), `at least ${floor.amount} yen per hour (${floor.source})`, e.hourlyWage));
    }
    wages = wageSchedule(
      { prefecture, industry, hourlyWage: e.hourlyWage, japaneseWage: e.japaneseWage, override, expected: ctx.expected.get(prefecture.code) ?? [] },
      placement,
    );
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

const semantic = (input: InstanceInput): E.Either<InputIssue[], Instance> => {
  const issues: InputIssue[] = [];
  const version = input.reference?.fieldCatalogue ?? DEFAULT_FIELD_CATALOGUE_VERSION;
  const chosen = findCatalogue(version);
  if (chosen === undefined) {
    issues.push(issue("invalid", "reference.fieldCatalogue", `one of ${FIELD_CATALOGUES.map((c) => c.version).join(", ")}`, version));
  }
  // With an unknown catalogue, the rest is still checked against the default one.
  const catalogue = chosen ?? (findCatalogue(DEFAULT_FIELD_CATALOGUE_VERSION) as FieldCatalogue);
  const overridden = new Map<string, string>();
  Object.keys(input.reference?.minimumWages ?? {}).forEach((key) => {
    const code = findPrefecture(key)?.code;
    const path = at("reference.minimumWages", key);
    if (code === undefined) issues.push(issue("unknown-prefecture", path, "a prefecture code 01..47 or name", key));
    else if (overridden.has(code)) issues.push(issue("inconsistent", path, `one override per prefecture (also given as "${overridden.get(code)}")`, key));
    else overridden.set(code, key);
  });
  const placement = decodePlacement(input, issues);
  const organisations = decodeOrganisations(input, issues);
  const expected = decodeExpected(input, issues);
  const employerIds = new Set(input.employers.map((e) => e.id));
  const workerRepeats = firstOccurrences(input.workers);
  const workers = input.workers.map((w, i) => {
    checkUnique(workerRepeats, "workers", i, w.id, issues);
    return decodeWorker(w, at("workers", i), catalogue, placement, employerIds, issues);
  });
  const employerRepeats = firstOccurrences(input.employers);
  const wageFloors = new Map<string, WageFloor>();
  const wages = new Map<string, WageSchedule>();
  const barriers = new Map<string, readonly Exclusion[]>();
  const ctx: EmployerContext = { input, catalogue, placement, organisations, expected };
  const employers = input.employers.map((e, i) => {
    checkUnique(employerRepeats, "employers", i, e.id, issues);
    const decoded = decodeEmployer(e, at("employers", i), ctx, issues);
    const { employer } = decoded;
    if (decoded.floor !== null) wageFloors.set(employer.id, decoded.floor);
    if (decoded.wages !== null) wages.set(employer.id, decoded.wages);
    const barred = employerBarriers(employer, catalogue, placement, decoded.wages ?? undefined);
    if (barred.length > 0) barriers.set(employer.id, barred);
    return employer;
  });
  const totalSlots = input.employers.reduce((sum, e) => sum + e.slots, 0);
  if (totalSlots > LIMITS.totalSlots) issues.push(issue("inconsistent", "employers", `employers with at most ${thousands(LIMITS.totalSlots)} slots in total`, totalSlots));
  checkOrganisationEmployers(input, organisations, placement, issues);
  const policy = decodePolicy(input.policy, input.employers, catalogue, issues);
  const reference: Reference = {
    catalogue,
    asOf: input.reference?.asOf ?? null,
    placement,
    wageFloor: wageFloors,
    wages,
    employerBarriers: barriers,
    supportOrganisations: organisations,
  };
  const rankings = decodeRankings(input.rankings, workers, employers, reference, issues);
  if (issues.length > 0) return E.left(issues);
  const weights: Weights = { ...DEFAULT_WEIGHTS, ...input.weights };
  return E.right({
    workers: workers.sort(byId),
    employers: employers.sort(byId),
    weights,
    reference,
    policy,
    ...(input.rankings === undefined ? {} : { rankings }),
  });
};

/** The structural pass, then the semantic pass if it succeeds. */
const bothPasses = (input: unknown): E.Either<readonly InputIssue[], Instance> => {
  const structural = InstanceCodec.decode(input);
  return E.isLeft(structural) ? E.left(issuesFromErrors(structural.left)) : semantic(structural.right);
};

/** Whether the instance's workers or employers are more than LIMITS allows. */
const oversized = (input: unknown): boolean => {
  const rows = typeof input === "object" && input !== null ? (input as { readonly workers?: unknown; readonly employers?: unknown }) : {};
  return (Array.isArray(rows.workers) && rows.workers.length > LIMITS.workers) || (Array.isArray(rows.employers) && rows.employers.length > LIMITS.employers);
};

/** The decoder of 1dcb00c: decodes and checks an instance; never throws. */
export const oracleDecodeInstance = (input: unknown): E.Either<readonly InputIssue[], Instance> => {
  // Input already in canonical form passes the allocation-free check and is
  // used as it is; anything else is validated in full, with located issues.
  const structural = oldIs(InstanceCodec, input) ? E.right(input as InstanceInput) : InstanceCodec.decode(input);
  // Malformed input: the well-formed rows are checked semantically too, so every issue comes in one round (./allAtOnce.ts); at most MAX_ISSUES listed.
  // A list past its limit is refused for its length alone: its rows are not read.
  if (E.isLeft(structural)) {
    const issues = issuesFromErrors(structural.left);
    return E.left(capIssues(oversized(input) ? issues : withRowChecks(input, issues, { workers: WorkerCodec, employers: EmployerCodec }, bothPasses)));
  }
  return E.mapLeft(capIssues)(semantic(structural.right));
};
