/**
 * A worker row checked and decoded in one walk over its keys: each value is
 * read once, checked by the codecs' own check and decoded on the spot, so
 * that the row is not read a second time (by property names, over rows of
 * some forty different shapes) after its structural check.
 *
 * The walk takes only the usual row: in canonical form (what `isWorkerRow`,
 * ./shape.ts, passes) and without an issue. Anything else gives undefined,
 * and the decoder takes the old way for that row (`isWorkerRow`, then
 * `decodeWorker`, ./workerRow.ts), which says what is wrong and where. So a
 * row either decodes here to exactly what `decodeWorker` gives it, or is
 * decoded by `decodeWorker` itself (test/input/workerWalk.test.ts holds the
 * two to it).
 *
 * What it does at once: language results and departure items are checked
 * and turned into their shared list by one lookup of each item's rank;
 * training centres and provinces found among the decode's interned strings
 * are not checked again (only a checked string is interned); a date of birth
 * is checked and read as an age from its digits, with no lookup; a list of
 * certifications another row had is found by its key as its items are
 * checked (`sharedCertifications`), not checked and then read again.
 *
 * What is left is memory, not tests (2026-11-30, 333,000 rows, this host).
 * A row's walk reads some fifteen objects of the parsed input (the row, its
 * lists, their strings), most of them a cache miss; the tests only take the
 * misses (the id's non-blank test is its string's first touch). Ranks found
 * by length and comparison instead of the rank Maps changed nothing
 * measurable (16 paired decodes, main-thread CPU within noise): the item's
 * string is touched either way. Dropped.
 * The Worker itself has one map for every row (17 in-object fields, 160
 * bytes, no dictionary mode); it costs what V8 does with 53 MB that lives
 * on. The first ~110,000 are allocated young, survive a scavenge (14.7 MB
 * copied) and are promoted by the next (copied again); that scavenge tenures
 * the literal's allocation site, and the rest go straight to old space,
 * into pages touched for the first time (about 13,000 page faults, counted
 * on the literal's line). A full collection that finds the old generation
 * mostly dead sets the site back to young, so every decode pays the same.
 * A cold decode: 900 ms user and 150-180 ms system CPU on the main thread,
 * 1,340-1,380 ms user in all (the rest V8's helper threads); warm, 700-780
 * ms user on the main thread.
 */
import { findJobCategory } from "../domain/fields.js";
import { LANGUAGE_EVIDENCE, type LanguageEvidence } from "../domain/language.js";
import { DEPARTURE_ITEMS, type DepartureItem } from "../domain/law.js";
import { WorkerCodec, type WorkerInput } from "./codecs.js";
import type { Certification, Worker } from "./instance.js";
import type { InputIssue } from "./issues.js";
import type { RowContext } from "./rows.js";
import { listOfMask, NONE } from "./sharedLists.js";
import { certificationCode, certificationKeyStart, certificationKeyWith, DEPARTURE_LISTS, DEPARTURE_RANK, LANGUAGE_LISTS, LANGUAGE_RANK, decodeCertifications, decodeSkills, fieldPreferencesOf, prefectureCodes } from "./workerRow.js";
import { certificationListPasses, plainObject, preferencesPass, skillListPasses, unseenAbsent, WORKER_OPTIONAL } from "./shape.js";

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

const W = WorkerCodec.required;
const WO = WorkerCodec.optional;
const isNonEmpty = W.id.is;
const sswMonthsOk = W.sswMonths.is;
const ageOk = WO.age.is;
const careExperienceOk = WO.careExperienceMonths.is;
const isFlag = WO.careInitialTraining.is;
const isDate = WO.birthDate.is;
const MAX_LANGUAGE = W.language.max;
const MAX_DEPARTURE = W.departure.max;


/** Ages on one start date, read from a date of birth's digits: what `ageOn(birth, start)` gives (../domain/dates.ts). */
export interface AgeReader {
  /** The age on the start of a date of birth YYYY-MM-DD that `isoDate` passes and that is not after the start. */
  readonly age: (birth: string) => number;
}

const digits4 = (s: string): number => (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
const digits2 = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

/** An `AgeReader` for `start` (an ISO date); month lengths of the start's year as `ageOn` reads them. */
export const ageReader = (start: string): AgeReader => {
  const [y = 0, m = 1, d = 1] = start.split("-").map(Number);
  // As ageOn's daysIn: Date.UTC's reading of the year (0..99 as 1900..1999) kept, so that the answers agree.
  const daysIn = [0, ...Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(y, i + 1, 0)).getUTCDate())];
  return {
    age: (birth) => {
      const by = digits4(birth);
      const bm = digits2(birth, 5);
      const bd = digits2(birth, 8);
      const birthday = Math.min(bd, daysIn[bm] as number);
      return y - by - (m < bm || (m === bm && d < birthday) ? 1 : 0);
    },
  };
};

/**
 * The list a row's certifications share with the rows decoded before (the
 * decode's shared lists, ./sharedLists.ts), found in one walk over them: for
 * a list in canonical form (what `certificationListPasses` passes) of one to
 * three items the catalogue knows, without an issue, whose key
 * (`certificationKeyStart`, ./workerRow.ts) a row before made a list for.
 * Undefined for anything else: the list is then checked and decoded as
 * before (`certificationListPasses`, `decodeCertifications`). What is read
 * here is read once: each item's field, route and job category are checked
 * by what finds their indexes (a field of the catalogue, a route of
 * CERTIFICATION_ROUTES, a job category of the field: each a non-empty
 * string the codec passes).
 */
const sharedCertifications = (v: unknown, ctx: RowContext): readonly Certification[] | undefined => {
  if (!Array.isArray(v)) return undefined;
  let key = certificationKeyStart(v.length);
  if (key < 0) return undefined;
  for (let i = 0; i < v.length; i++) {
    const c: unknown = v[i];
    if (!plainObject(c)) return undefined;
    let field: unknown;
    let via: unknown;
    let jobCategory: unknown;
    let required = 0;
    for (const k in c) {
      if (!hasOwn(c, k)) return undefined;
      if (k === "field") {
        field = c[k];
        required++;
      } else if (k === "via") {
        via = c[k];
        required++;
      } else if (k === "jobCategory") jobCategory = c[k];
      else return undefined;
    }
    // A job category not seen must be absent, not hidden (see ./shape.ts, unseenAbsent).
    if (required !== 2 || typeof field !== "string" || (jobCategory === undefined && "jobCategory" in c)) return undefined;
    const fieldIndex = ctx.fieldIndex(field);
    const known = ctx.catalogue.fields[fieldIndex];
    // Care-school and EPA outside nursing care are an issue.
    if (known === undefined || ((via === "care-school" || via === "epa") && field !== "nursing-care")) return undefined;
    if (jobCategory !== undefined && typeof jobCategory !== "string") return undefined;
    // -1 for a route not allowed, or a job category the field does not have (an issue, or free text where it has none).
    const code = certificationCode(fieldIndex, via as string, known, findJobCategory(known, jobCategory), jobCategory);
    if (code < 0) return undefined;
    key = certificationKeyWith(key, code, i);
  }
  return ctx.lists.certifications.get(key);
};

/**
 * The worker of a row in canonical form without an issue, decoded as
 * `decodeWorker` decodes it; undefined for any other row (see the module
 * comment). `scratch` is an empty list the semantic helpers may write
 * issues to (it is emptied again); `ages` reads ages on the placement's start.
 */
export const walkWorker = (u: unknown, ctx: RowContext, ages: AgeReader, scratch: InputIssue[]): Worker | undefined => {
  if (!plainObject(u)) return undefined;
  let id = "";
  let language: readonly LanguageEvidence[] = NONE;
  let trainingCentre = "";
  let homeProvince = "";
  let sswMonths = 0;
  let departure: readonly DepartureItem[] = NONE;
  let availableFrom: string | undefined;
  let birthDate: string | undefined;
  let age: number | undefined;
  let careExperienceMonths = 0;
  let careInitialTraining = false;
  let formerInternAt: string | null = null;
  let careJapaneseTest = false;
  let certifications: WorkerInput["certifications"];
  let sharedList: readonly Certification[] | undefined;
  let skills: WorkerInput["skills"];
  let preferences: WorkerInput["preferences"];
  let group: string | null = null;
  let required = 0;
  let seen = 0;
  for (const key in u) {
    if (!hasOwn(u, key)) return undefined;
    const v = u[key];
    switch (key) {
      case "id":
        if (!isNonEmpty(v)) return undefined;
        id = v;
        required++;
        break;
      case "trainingCentre": {
        const known = ctx.interned(v);
        if (known === undefined && !isNonEmpty(v)) return undefined;
        trainingCentre = known ?? ctx.intern(v as string);
        required++;
        break;
      }
      case "homeProvince": {
        const known = ctx.interned(v);
        if (known === undefined && !isNonEmpty(v)) return undefined;
        homeProvince = known ?? ctx.intern(v as string);
        required++;
        break;
      }
      case "language": {
        if (!Array.isArray(v) || v.length > MAX_LANGUAGE) return undefined;
        let mask = 0;
        // The ranks are those of the codec's allowed values (LANGUAGE_EVIDENCE): a rank found is the check passed.
        for (let i = 0; i < v.length; i++) {
          const r = LANGUAGE_RANK.get(v[i]);
          if (r === undefined) return undefined;
          mask |= 1 << r;
        }
        language = listOfMask(mask, LANGUAGE_EVIDENCE, LANGUAGE_LISTS);
        required++;
        break;
      }
      case "sswMonths":
        if (!sswMonthsOk(v)) return undefined;
        sswMonths = v;
        required++;
        break;
      case "departure": {
        if (!Array.isArray(v) || v.length > MAX_DEPARTURE) return undefined;
        let mask = 0;
        for (let i = 0; i < v.length; i++) {
          const r = DEPARTURE_RANK.get(v[i]);
          // An item not allowed, or one done twice (an issue): the old way.
          if (r === undefined || (mask & (1 << r)) !== 0) return undefined;
          mask |= 1 << r;
        }
        departure = listOfMask(mask, DEPARTURE_ITEMS, DEPARTURE_LISTS);
        required++;
        break;
      }
      case "availableFrom":
        if (!isDate(v)) return undefined;
        availableFrom = v;
        seen |= 1;
        break;
      case "birthDate":
        if (!isDate(v)) return undefined;
        birthDate = v;
        seen |= 2;
        break;
      case "age":
        if (!ageOk(v)) return undefined;
        age = v;
        seen |= 4;
        break;
      case "careExperienceMonths":
        if (!careExperienceOk(v)) return undefined;
        careExperienceMonths = v;
        seen |= 8;
        break;
      case "careInitialTraining":
        if (!isFlag(v)) return undefined;
        careInitialTraining = v;
        seen |= 16;
        break;
      case "formerInternAt":
        // An employer this instance does not have is an issue.
        if (!isNonEmpty(v) || !ctx.employerIds.has(v)) return undefined;
        formerInternAt = v;
        seen |= 32;
        break;
      case "careJapaneseTest":
        if (!isFlag(v)) return undefined;
        careJapaneseTest = v;
        seen |= 64;
        break;
      case "certifications": {
        const shared = sharedCertifications(v, ctx);
        if (shared !== undefined) sharedList = shared;
        else if (!certificationListPasses(v)) return undefined;
        else certifications = v;
        seen |= 128;
        break;
      }
      case "skills":
        if (!skillListPasses(v)) return undefined;
        skills = v;
        seen |= 256;
        break;
      case "preferences":
        if (!preferencesPass(v)) return undefined;
        preferences = v;
        seen |= 512;
        break;
      case "group":
        if (!isNonEmpty(v)) return undefined;
        group = v;
        seen |= 1024;
        break;
      default:
        return undefined;
    }
  }
  if (required !== 6 || !unseenAbsent(u, WORKER_OPTIONAL, seen)) return undefined;
  // The age: from the date of birth (not after the start, and the same as an age given), else the age given; neither is an issue.
  const { start } = ctx.placement;
  let ageAtStart: number;
  if (birthDate !== undefined) {
    if (birthDate > start) return undefined;
    ageAtStart = ages.age(birthDate);
    if (age !== undefined && age !== ageAtStart) return undefined;
  } else if (age !== undefined) ageAtStart = age;
  else return undefined;
  // The semantic helpers of decodeWorker, in its order; any issue they find sends the row the old way.
  const row = -1;
  const certificationList = sharedList ?? (certifications === undefined || certifications.length === 0 ? NONE : decodeCertifications(certifications, row, ctx, scratch));
  const fieldPreferences = preferences?.fields === undefined || preferences.fields.length === 0 ? NONE : fieldPreferencesOf(preferences.fields, row, ctx, scratch);
  const prefecturePreferences = preferences?.prefectures === undefined || preferences.prefectures.length === 0 ? NONE : prefectureCodes(preferences.prefectures, row, ctx, scratch);
  if (scratch.length > 0) {
    scratch.length = 0;
    return undefined;
  }
  return {
    id,
    language,
    careJapaneseTest,
    certifications: certificationList,
    skills: skills === undefined || skills.length === 0 ? NONE : decodeSkills(skills, ctx),
    fieldPreferences,
    prefecturePreferences,
    trainingCentre,
    homeProvince,
    group,
    ageAtStart,
    sswMonths,
    departure,
    careExperienceMonths,
    careInitialTraining,
    formerInternAt,
    availableFrom: availableFrom === undefined || availableFrom < start ? start : availableFrom,
  };
};
