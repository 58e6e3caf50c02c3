/**
 * The structural check of well-formed rows, fast: for the decoder's single
 * pass (./decode.ts), which checks each row just before it decodes it.
 *
 * `canonical(codec)` compiles a codec of ./combinators.ts (closed objects,
 * lists, leaves) into a check that says yes only where the codec's own `is`
 * says yes: an input it accepts is in canonical form and is decoded as it
 * is. It may say no where `is` says yes (an object whose prototype is not
 * Object.prototype, a property that is not enumerable or is inherited, a
 * list with holes): the decoder then falls back to the io-ts codecs, which
 * give the same answer, only slower. So an input either passes here and is
 * decoded as `is` would let it be, or is decoded exactly as before.
 *
 * What makes it fast: a closed object is read in one walk over its own keys
 * (a key's check found by a map made once per codec, not by a hasOwn per
 * known property), lists are walked by index (no closure per list), and
 * nothing is allocated. Keys and checks come from the codecs themselves,
 * so the format has one definition.
 */
import type * as t from "io-ts";
import { InstanceCodec, type EmployerInput, type InstanceInput, type WorkerInput } from "./codecs.js";
import { EmployerCodec, WorkerCodec } from "./codecs.js";
import { ListType, StructType } from "./combinators.js";

type Check = (u: unknown) => boolean;

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** A closed object's check; `replace` gives some properties other checks (the rows of an instance). */
const struct = (codec: StructType<Record<string, t.Mixed>, Record<string, t.Mixed>>, replace: Readonly<Record<string, Check>> = {}): Check => {
  const requiredKeys = Object.keys(codec.required);
  const keys = [...requiredKeys, ...Object.keys(codec.optional)];
  const index = new Map(keys.map((k, i) => [k, i]));
  const checks: Check[] = keys.map((k) => replace[k] ?? canonical((codec.required[k] ?? codec.optional[k]) as t.Mixed));
  const all = keys.length;
  const required = requiredKeys.length;
  // Which keys a walk saw, as bits (a codec of more than 30 properties checks every key it did not see by name).
  const bits = all <= 30;
  return (u) => {
    if (typeof u !== "object" || u === null || Array.isArray(u) || Object.getPrototypeOf(u) !== Object.prototype) return false;
    const record = u as Record<string, unknown>;
    let seenRequired = 0;
    let seen = 0;
    for (const key in record) {
      // An inherited key (Object.prototype changed) is left to the codecs.
      if (!hasOwn(record, key)) return false;
      const k = index.get(key);
      if (k === undefined || !(checks[k] as Check)(record[key])) return false;
      seen |= bits ? 1 << k : 0;
      if (k < required) seenRequired++;
    }
    if (seenRequired !== required) return false;
    // A known key the walk did not see must be absent, not hidden (not enumerable, or inherited), which the codecs would read.
    for (let k = required; k < all; k++) {
      const key = keys[k] as string;
      if ((bits ? (seen & (1 << k)) === 0 : !Object.prototype.propertyIsEnumerable.call(record, key)) && key in record) return false;
    }
    return true;
  };
};

/** A list's check: an array of at most `max` items, each passing, without holes. */
const list = (codec: ListType<t.Mixed>): Check => {
  const item = canonical(codec.type);
  const max = codec.max;
  return (u) => {
    if (!Array.isArray(u) || u.length > max) return false;
    for (let i = 0; i < u.length; i++) if (!item(u[i])) return false;
    return true;
  };
};

/**
 * A check that passes only what `codec.is` passes (see the module comment);
 * for a codec that is neither a closed object nor a list, its own `is`.
 */
export const canonical = (codec: t.Mixed): Check => {
  if (codec instanceof StructType) return struct(codec as StructType<Record<string, t.Mixed>, Record<string, t.Mixed>>);
  if (codec instanceof ListType) return list(codec as ListType<t.Mixed>);
  return (u) => codec.is(u);
};

/** An employer row in canonical form (implies `EmployerCodec.is`). */
export const isEmployerRow = canonical(EmployerCodec) as (u: unknown) => u is EmployerInput;

/** Lists of rows of a length the format allows; their rows are checked one by one as they are decoded. */
const rowList = (codec: t.Mixed): Check => {
  const max = (codec as ListType<t.Mixed>).max;
  return (u) => Array.isArray(u) && u.length <= max;
};

/**
 * An instance whose every part but its rows is in canonical form: with each
 * row passing `isWorkerRow` or `isEmployerRow`, `InstanceCodec.is` passes it.
 */
export const isInstanceShell = struct(InstanceCodec as unknown as StructType<Record<string, t.Mixed>, Record<string, t.Mixed>>, {
  workers: rowList(InstanceCodec.required.workers),
  employers: rowList(InstanceCodec.required.employers),
}) as (u: unknown) => u is InstanceInput;

// ---------------------------------------------------------------------------
// Worker rows, by hand: most rows of a large instance are workers. The same
// check as `canonical(WorkerCodec)` (test/input/onePass.test.ts holds them to
// it), with each property's check called where it is named, so that it can
// be inlined, instead of through a table. Every leaf check and bound is the
// codecs' own.

const W = WorkerCodec.required;
const WO = WorkerCodec.optional;
const id = W.id.is;
const trainingCentre = W.trainingCentre.is;
const homeProvince = W.homeProvince.is;
const languageItem = W.language.type.is;
const sswMonths = W.sswMonths.is;
const departureItem = W.departure.type.is;
const availableFrom = WO.availableFrom.is;
const birthDate = WO.birthDate.is;
const age = WO.age.is;
const careExperienceMonths = WO.careExperienceMonths.is;
const careInitialTraining = WO.careInitialTraining.is;
const formerInternAt = WO.formerInternAt.is;
const careJapaneseTest = WO.careJapaneseTest.is;
const group = WO.group.is;
const Certification = WO.certifications.type;
const certificationField = Certification.required.field.is;
const via = Certification.required.via.is;
const jobCategory = Certification.optional.jobCategory.is;
const Skill = WO.skills.type;
const skillName = Skill.required.name.is;
const level = Skill.optional.level.is;
const years = Skill.optional.years.is;
const Preferences = WO.preferences;

/** Whether `u` is a plain object (its prototype Object.prototype) that is not an array. */
export const plainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u) && Object.getPrototypeOf(u) === Object.prototype;

/** Whether none of `keys` whose bit is not in `seen` is in `record` at all (own but not enumerable, or inherited). */
export const unseenAbsent = (record: object, keys: readonly string[], seen: number): boolean => {
  for (let k = 0; k < keys.length; k++) if ((seen & (1 << k)) === 0 && (keys[k] as string) in record) return false;
  return true;
};

const listOf = (u: unknown, list: ListType<t.Mixed>): boolean => {
  if (!Array.isArray(u) || u.length > list.max) return false;
  const item = list.type.is;
  for (let i = 0; i < u.length; i++) if (!item(u[i])) return false;
  return true;
};

const CERTIFICATION_KEYS = ["jobCategory"] as const;
const certification = (u: unknown): boolean => {
  if (!plainObject(u)) return false;
  let seen = 0;
  let required = 0;
  for (const key in u) {
    if (!hasOwn(u, key)) return false;
    const v = u[key];
    if (key === "field") {
      if (!certificationField(v)) return false;
      required++;
    } else if (key === "via") {
      if (!via(v)) return false;
      required++;
    } else if (key === "jobCategory") {
      if (!jobCategory(v)) return false;
      seen |= 1;
    } else return false;
  }
  return required === 2 && unseenAbsent(u, CERTIFICATION_KEYS, seen);
};

const SKILL_KEYS = ["level", "years"] as const;
const skill = (u: unknown): boolean => {
  if (!plainObject(u)) return false;
  let seen = 0;
  let required = 0;
  for (const key in u) {
    if (!hasOwn(u, key)) return false;
    const v = u[key];
    if (key === "name") {
      if (!skillName(v)) return false;
      required++;
    } else if (key === "level") {
      if (!level(v)) return false;
      seen |= 1;
    } else if (key === "years") {
      if (!years(v)) return false;
      seen |= 2;
    } else return false;
  }
  return required === 1 && unseenAbsent(u, SKILL_KEYS, seen);
};

/** A worker's certifications in canonical form (a list of closed objects). */
export const certificationListPasses = (v: unknown): v is NonNullable<WorkerInput["certifications"]> => {
  if (!Array.isArray(v) || v.length > WO.certifications.max) return false;
  for (let i = 0; i < v.length; i++) if (!certification(v[i])) return false;
  return true;
};

/** A worker's skills in canonical form. */
export const skillListPasses = (v: unknown): v is NonNullable<WorkerInput["skills"]> => {
  if (!Array.isArray(v) || v.length > WO.skills.max) return false;
  for (let i = 0; i < v.length; i++) if (!skill(v[i])) return false;
  return true;
};

const PREFERENCE_KEYS = ["fields", "prefectures"] as const;
/** A worker's preferences in canonical form. */
export const preferencesPass = (u: unknown): u is NonNullable<WorkerInput["preferences"]> => {
  if (!plainObject(u)) return false;
  let seen = 0;
  for (const key in u) {
    if (!hasOwn(u, key)) return false;
    const v = u[key];
    if (key === "fields") {
      if (!listOf(v, Preferences.optional.fields)) return false;
      seen |= 1;
    } else if (key === "prefectures") {
      if (!listOf(v, Preferences.optional.prefectures)) return false;
      seen |= 2;
    } else return false;
  }
  return unseenAbsent(u, PREFERENCE_KEYS, seen);
};

/** The optional properties of a worker, in the order of their bits below (and in ./workerWalk.ts). */
export const WORKER_OPTIONAL = ["availableFrom", "birthDate", "age", "careExperienceMonths", "careInitialTraining", "formerInternAt", "careJapaneseTest", "certifications", "skills", "preferences", "group"] as const;
/** The properties the hand-written check knows, required first (for the test that holds it to the codec). */
export const WORKER_ROW_KEYS: readonly string[] = ["id", "language", "trainingCentre", "homeProvince", "sswMonths", "departure", ...WORKER_OPTIONAL];

/** A worker row in canonical form (implies `WorkerCodec.is`): what `canonical(WorkerCodec)` says, faster. */
export const isWorkerRow = (u: unknown): u is WorkerInput => {
  if (!plainObject(u)) return false;
  let seen = 0;
  let required = 0;
  for (const key in u) {
    if (!hasOwn(u, key)) return false;
    const v = u[key];
    switch (key) {
      case "id":
        if (!id(v)) return false;
        required++;
        break;
      case "trainingCentre":
        if (!trainingCentre(v)) return false;
        required++;
        break;
      case "homeProvince":
        if (!homeProvince(v)) return false;
        required++;
        break;
      case "language": {
        if (!Array.isArray(v) || v.length > W.language.max) return false;
        for (let i = 0; i < v.length; i++) if (!languageItem(v[i])) return false;
        required++;
        break;
      }
      case "sswMonths":
        if (!sswMonths(v)) return false;
        required++;
        break;
      case "departure": {
        if (!Array.isArray(v) || v.length > W.departure.max) return false;
        for (let i = 0; i < v.length; i++) if (!departureItem(v[i])) return false;
        required++;
        break;
      }
      case "availableFrom":
        if (!availableFrom(v)) return false;
        seen |= 1;
        break;
      case "birthDate":
        if (!birthDate(v)) return false;
        seen |= 2;
        break;
      case "age":
        if (!age(v)) return false;
        seen |= 4;
        break;
      case "careExperienceMonths":
        if (!careExperienceMonths(v)) return false;
        seen |= 8;
        break;
      case "careInitialTraining":
        if (!careInitialTraining(v)) return false;
        seen |= 16;
        break;
      case "formerInternAt":
        if (!formerInternAt(v)) return false;
        seen |= 32;
        break;
      case "careJapaneseTest":
        if (!careJapaneseTest(v)) return false;
        seen |= 64;
        break;
      case "group":
        if (!group(v)) return false;
        seen |= 1024;
        break;
      case "certifications":
        if (!certificationListPasses(v)) return false;
        seen |= 128;
        break;
      case "skills":
        if (!skillListPasses(v)) return false;
        seen |= 256;
        break;
      case "preferences":
        if (!preferencesPass(v)) return false;
        seen |= 512;
        break;
      default:
        return false;
    }
  }
  return required === 6 && unseenAbsent(u, WORKER_OPTIONAL, seen);
};
