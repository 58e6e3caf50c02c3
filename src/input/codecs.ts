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

/** Failure messages the reporter turns into issue codes. */
export const MISSING = "missing";
export const UNKNOWN_PROPERTY = "unknown-property";

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** A string from a fixed set (with optional alias spellings), named for messages. */
export const oneOf = <K extends string>(
  name: string,
  values: readonly K[],
  aliases: Readonly<Record<string, K>> = {},
): t.Type<K, K, unknown> => {
  const allowed = new Set<string>(values);
  return new t.Type<K, K, unknown>(
    name,
    (u): u is K => typeof u === "string" && allowed.has(u),
    (u, c) =>
      typeof u === "string" && allowed.has(u)
        ? t.success(u as K)
        : typeof u === "string" && hasOwn(aliases, u)
          ? t.success(aliases[u] as K)
          : t.failure(u, c),
    t.identity,
  );
};

/** An integer in [min, max]. */
export const integer = (min: number, max = Number.MAX_SAFE_INTEGER): t.Type<number, number, unknown> =>
  new t.Type<number, number, unknown>(
    max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer in ${min}..${max}`,
    (u): u is number => Number.isInteger(u) && (u as number) >= min && (u as number) <= max,
    (u, c) => (Number.isInteger(u) && (u as number) >= min && (u as number) <= max ? t.success(u as number) : t.failure(u, c)),
    t.identity,
  );

/** A finite number >= min. */
export const numberAtLeast = (min: number): t.Type<number, number, unknown> =>
  new t.Type<number, number, unknown>(
    `a number >= ${min}`,
    (u): u is number => typeof u === "number" && Number.isFinite(u) && u >= min,
    (u, c) => (typeof u === "number" && Number.isFinite(u) && u >= min ? t.success(u) : t.failure(u, c)),
    t.identity,
  );

/** A string with at least one non-blank character. */
export const nonEmptyString: t.Type<string, string, unknown> = new t.Type<string, string, unknown>(
  "a non-empty string",
  (u): u is string => typeof u === "string" && u.trim() !== "",
  (u, c) => (typeof u === "string" && u.trim() !== "" ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** An ISO calendar date, YYYY-MM-DD. */
const isCalendarDate = (u: unknown): u is string =>
  typeof u === "string" &&
  /^\d{4}-\d{2}-\d{2}$/.test(u) &&
  !Number.isNaN(Date.parse(u)) &&
  new Date(`${u}T00:00:00Z`).toISOString().slice(0, 10) === u;

export const isoDate: t.Type<string, string, unknown> = new t.Type<string, string, unknown>(
  "a calendar date YYYY-MM-DD",
  isCalendarDate,
  (u, c) => (isCalendarDate(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** true or false. */
export const flag: t.Type<boolean, boolean, unknown> = new t.Type<boolean, boolean, unknown>(
  "true or false",
  (u): u is boolean => typeof u === "boolean",
  (u, c) => (typeof u === "boolean" ? t.success(u) : t.failure(u, c)),
  t.identity,
);

type Props = Record<string, t.Mixed>;
export type StructOf<R extends Props, O extends Props> = { readonly [K in keyof R]: t.TypeOf<R[K]> } & {
  readonly [K in keyof O]?: t.TypeOf<O[K]>;
};

/**
 * A closed object: `required` properties must be present, `optional` ones may
 * be; any other property fails with UNKNOWN_PROPERTY. An optional property
 * given as null counts as absent.
 */
export const struct = <R extends Props, O extends Props>(
  name: string,
  required: R,
  optional: O,
): t.Type<StructOf<R, O>, StructOf<R, O>, unknown> => {
  const known = [...Object.keys(required), ...Object.keys(optional)];
  const unknownType = (key: string): t.Type<never> => {
    const near = closest(key, known);
    const hint = near === null ? `the known properties are ${known.join(", ")}` : `did you mean "${near}"?`;
    return new t.Type<never>(hint, (_): _ is never => false, t.failure, t.identity);
  };
  return new t.Type<StructOf<R, O>, StructOf<R, O>, unknown>(
    name,
    // A full check that allocates nothing: the decoder's fast path for input
    // that is already in canonical form (no aliases, no nulls, no unknown keys).
    (u): u is StructOf<R, O> => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) return false;
      const record = u as Record<string, unknown>;
      for (const key in record) if (hasOwn(record, key) && !hasOwn(required, key) && !hasOwn(optional, key)) return false;
      for (const key in required) if (!hasOwn(record, key) || !(required[key] as t.Mixed).is(record[key])) return false;
      for (const key in optional) if (hasOwn(record, key) && !(optional[key] as t.Mixed).is(record[key])) return false;
      return true;
    },
    (u, c) => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) return t.failure(u, c);
      const record = u as Record<string, unknown>;
      const errors: t.ValidationError[] = [];
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(record)) {
        if (!hasOwn(required, key) && !hasOwn(optional, key)) {
          errors.push({ value: key, context: t.appendContext(c, key, unknownType(key), record[key]), message: UNKNOWN_PROPERTY });
        }
      }
      const take = (key: string, codec: t.Mixed, isRequired: boolean): void => {
        const value = hasOwn(record, key) ? record[key] : undefined;
        if (value === undefined || (value === null && !isRequired)) {
          if (isRequired) errors.push({ value: undefined, context: t.appendContext(c, key, codec, undefined), message: MISSING });
          return;
        }
        const result = codec.validate(value, t.appendContext(c, key, codec, value));
        if (result._tag === "Left") errors.push(...result.left);
        else out[key] = result.right;
      };
      for (const key of Object.keys(required)) take(key, required[key] as t.Mixed, true);
      for (const key of Object.keys(optional)) take(key, optional[key] as t.Mixed, false);
      return errors.length > 0 ? t.failures(errors) : t.success(out as StructOf<R, O>);
    },
    t.identity,
  );
};

/**
 * An object of numbers >= 0 keyed by free text (prefecture codes). Built on a
 * null-prototype object so a key such as "__proto__" stays an ordinary key.
 */
export const amountsByKey = (name: string): t.Type<Readonly<Record<string, number>>, Readonly<Record<string, number>>, unknown> => {
  const amount = numberAtLeast(0);
  return new t.Type<Readonly<Record<string, number>>, Readonly<Record<string, number>>, unknown>(
    name,
    (u): u is Readonly<Record<string, number>> =>
      typeof u === "object" && u !== null && !Array.isArray(u) && Object.values(u).every((v) => amount.is(v)),
    (u, c) => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) return t.failure(u, c);
      const out: Record<string, number> = Object.create(null) as Record<string, number>;
      const errors: t.ValidationError[] = [];
      for (const [key, value] of Object.entries(u)) {
        const r = amount.validate(value, t.appendContext(c, key, amount, value));
        if (r._tag === "Left") errors.push(...r.left);
        else out[key] = r.right;
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out);
    },
    t.identity,
  );
};

/** An array of `item`; `plural` names the list in messages ("a list of workers"). */
export const listOf = <C extends t.Mixed>(item: C, plural: string): t.ArrayC<C> => t.array(item, `a list of ${plural}`);

/** The known name nearest to `key` (edit distance at most 2, or a case difference), or null. */
const closest = (key: string, known: readonly string[]): string | null => {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
};

const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};

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
  {},
);

export const SkillCodec = struct(
  "a skill",
  { name: nonEmptyString },
  { level: integer(1, 10), years: numberAtLeast(0) },
);

export const PreferencesCodec = struct(
  "preferences",
  {},
  {
    /** Pilot sectors or SSW field ids, best first. */
    fields: listOf(nonEmptyString, "sector or field names"),
    /** Prefecture codes or names, best first. */
    prefectures: listOf(nonEmptyString, "prefecture codes or names"),
  },
);

export const WorkerCodec = struct(
  "a worker",
  {
    id: nonEmptyString,
    language: listOf(LanguageEvidenceCodec, "Japanese test results"),
    trainingCentre: nonEmptyString,
    homeProvince: nonEmptyString,
  },
  {
    careJapaneseTest: flag,
    certifications: listOf(CertificationCodec, "certifications"),
    skills: listOf(SkillCodec, "skills"),
    preferences: PreferencesCodec,
  },
);

export const EmployerCodec = struct(
  "an employer",
  {
    id: nonEmptyString,
    prefecture: nonEmptyString,
    field: nonEmptyString,
    slots: integer(0),
    hourlyWage: numberAtLeast(0),
  },
  {
    name: t.string,
    jobCategory: nonEmptyString,
    minLanguage: LanguageRequirementCodec,
    requiredSkills: listOf(SkillCodec, "skills"),
    preferredSkills: listOf(SkillCodec, "skills"),
    industry: nonEmptyString,
    fullTimeStaff: integer(0),
    japaneseCareStaff: integer(0),
  },
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
    /** Minimum wage overrides, yen per hour, by prefecture code or name. */
    minimumWages: amountsByKey("minimum wages by prefecture code or name"),
  },
);

export const InstanceCodec = struct(
  "an object with workers and employers",
  { workers: listOf(WorkerCodec, "workers"), employers: listOf(EmployerCodec, "employers") },
  { weights: WeightsCodec, reference: ReferenceCodec },
);

export type CertificationInput = t.TypeOf<typeof CertificationCodec>;
export type SkillInput = t.TypeOf<typeof SkillCodec>;
export type WorkerInput = t.TypeOf<typeof WorkerCodec>;
export type EmployerInput = t.TypeOf<typeof EmployerCodec>;
export type WeightsInput = t.TypeOf<typeof WeightsCodec>;
export type InstanceInput = t.TypeOf<typeof InstanceCodec>;
