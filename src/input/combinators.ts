/**
 * Codec building blocks on io-ts: closed objects, named enums, bounded
 * numbers, lists with plural names. Every failure keeps its path, and names
 * what would have been accepted, so the decoder can say where and what.
 *
 * The objects and lists built here keep at most MAX_ISSUES failures each;
 * past that they only count (an OMITTED failure carries the count), so a
 * list of a million bad elements costs memory for a thousand messages, and
 * failures are appended one by one (never spread into a call's arguments,
 * which overflows the stack past about 123,000 of them).
 */
import * as t from "io-ts";
import { isDeepFrozen } from "./freeze.js";
import { MAX_ISSUES } from "./issues.js";
import { thousands } from "./limits.js";
import { editDistance } from "./spelling.js";

/** Failure messages the reporter turns into issue codes. */
export const MISSING = "missing";
export const UNKNOWN_PROPERTY = "unknown-property";
/** A failure standing for `value` (a count) failures that were not kept. */
export const OMITTED = "omitted";

/**
 * Failures of one object or list, kept up to MAX_ISSUES and counted past it.
 * Reusable by any custom codec: `add` each child's failures, then `errors(c)`.
 */
export interface FailureCollector {
  /** Adds a child's failures (an OMITTED failure adds its count). */
  readonly add: (errors: t.Errors) => void;
  /** Adds one failure. */
  readonly push: (error: t.ValidationError) => void;
  /** Whether anything failed. */
  readonly failed: () => boolean;
  /** The failures kept, then one OMITTED failure at `c` counting the rest (if any). */
  readonly errors: (c: t.Context) => t.Errors;
}

export const failureCollector = (): FailureCollector => {
  const kept: t.ValidationError[] = [];
  let omitted = 0;
  const push = (e: t.ValidationError): void => {
    if (e.message === OMITTED) omitted += e.value as number;
    else if (kept.length < MAX_ISSUES) kept.push(e);
    else omitted++;
  };
  return {
    push,
    add: (errors) => {
      for (const e of errors) push(e);
    },
    failed: () => kept.length > 0 || omitted > 0,
    errors: (c) => (omitted === 0 ? kept : [...kept, { value: omitted, context: c, message: OMITTED }]),
  };
};

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

/**
 * An integer in [min, max]. Give every integer a max (src/input/limits.ts);
 * without one it is only kept exact (at most 2^53 - 1).
 */
export const integer = (min: number, max = Number.MAX_SAFE_INTEGER): t.Type<number, number, unknown> =>
  new t.Type<number, number, unknown>(
    max === Number.MAX_SAFE_INTEGER ? `an integer >= ${thousands(min)}` : `an integer in ${thousands(min)}..${thousands(max)}`,
    (u): u is number => Number.isInteger(u) && (u as number) >= min && (u as number) <= max,
    (u, c) => (Number.isInteger(u) && (u as number) >= min && (u as number) <= max ? t.success(u as number) : t.failure(u, c)),
    t.identity,
  );

/** A finite number in [min, max]. */
export const numberIn = (min: number, max: number): t.Type<number, number, unknown> =>
  new t.Type<number, number, unknown>(
    `a number in ${thousands(min)}..${thousands(max)}`,
    (u): u is number => typeof u === "number" && u >= min && u <= max,
    (u, c) => (typeof u === "number" && u >= min && u <= max ? t.success(u) : t.failure(u, c)),
    t.identity,
  );

/** A finite number above `min` (not `min` itself), at most `max`. */
export const numberAbove = (min: number, max: number): t.Type<number, number, unknown> =>
  new t.Type<number, number, unknown>(
    `a number > ${thousands(min)}, at most ${thousands(max)}`,
    (u): u is number => typeof u === "number" && u > min && u <= max,
    (u, c) => (typeof u === "number" && u > min && u <= max ? t.success(u) : t.failure(u, c)),
    t.identity,
  );

/** A finite number >= min; prefer `numberIn`, which bounds it above too. */
export const numberAtLeast = (min: number): t.Type<number, number, unknown> =>
  new t.Type<number, number, unknown>(
    `a number >= ${min}`,
    (u): u is number => typeof u === "number" && Number.isFinite(u) && u >= min,
    (u, c) => (typeof u === "number" && Number.isFinite(u) && u >= min ? t.success(u) : t.failure(u, c)),
    t.identity,
  );

/**
 * Whether `s` has a character that is not white space, as `s.trim() !== ""`
 * decides it: a printable ASCII first character settles it without the copy
 * `trim` would make; anything else asks `trim`.
 */
const hasNonBlank = (s: string): boolean => {
  const first = s.charCodeAt(0);
  return (first > 32 && first < 127) || s.trim() !== "";
};

/** A string with at least one non-blank character. */
export const nonEmptyString: t.Type<string, string, unknown> = new t.Type<string, string, unknown>(
  "a non-empty string",
  (u): u is string => typeof u === "string" && hasNonBlank(u),
  (u, c) => (typeof u === "string" && hasNonBlank(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** The digit at `i` of `s` as a number, or -1 when it is not an ASCII digit. */
const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
};

/**
 * An ISO calendar date, YYYY-MM-DD: four, two and two ASCII digits, a month
 * 01..12 and a day of that month in the proleptic Gregorian calendar (what
 * `Date` reads, so "0000-02-29" is a date and "1900-02-29" is not). Read
 * from the character codes: nothing is allocated.
 */
const isCalendarDate = (u: unknown): u is string => {
  if (typeof u !== "string" || u.length !== 10 || u.charCodeAt(4) !== 45 || u.charCodeAt(7) !== 45) return false;
  const y0 = digit(u, 0), y1 = digit(u, 1), y2 = digit(u, 2), y3 = digit(u, 3);
  const m0 = digit(u, 5), m1 = digit(u, 6), d0 = digit(u, 8), d1 = digit(u, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return false;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
};

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

/** A closed object's codec, with its properties' codecs (as io-ts's `InterfaceType` has `props`). */
export class StructType<R extends Props, O extends Props> extends t.Type<StructOf<R, O>, StructOf<R, O>, unknown> {
  constructor(
    name: string,
    is: (u: unknown) => u is StructOf<R, O>,
    validate: t.Validate<unknown, StructOf<R, O>>,
    readonly required: R,
    readonly optional: O,
  ) {
    super(name, is, validate, t.identity);
  }
}

/**
 * A closed object: `required` properties must be present, `optional` ones may
 * be; any other property fails with UNKNOWN_PROPERTY. An optional property
 * given as null counts as absent.
 */
export const struct = <R extends Props, O extends Props>(
  name: string,
  required: R,
  optional: O,
  /**
   * `remember`: deeply frozen values (./freeze.ts) that passed `is` are
   * remembered, and pass again without a check (they cannot have changed).
   * For rows that are decoded again and again (re-planning).
   */
  options: { readonly remember?: boolean } = {},
): StructType<R, O> => {
  const passed = options.remember === true ? new WeakSet<object>() : null;
  const known = [...Object.keys(required), ...Object.keys(optional)];
  const knownSet = new Set(known);
  const requiredKeys = Object.keys(required);
  const requiredCodecs = requiredKeys.map((k) => required[k] as t.Mixed);
  const optionalKeys = Object.keys(optional);
  const optionalCodecs = optionalKeys.map((k) => optional[k] as t.Mixed);
  const unknownType = (key: string): t.Type<never> => {
    const near = closest(key, known);
    const hint = near === null ? `the known properties are ${known.join(", ")}` : `did you mean "${near}"?`;
    return new t.Type<never>(hint, (_): _ is never => false, t.failure, t.identity);
  };
  return new StructType<R, O>(
    name,
    // A full check that allocates nothing: the decoder's fast path for input
    // that is already in canonical form (no aliases, no nulls, no unknown
    // keys). The keys and codecs are arrays made once, so a row costs one
    // lookup per property it has and one check per property the codec knows.
    (u): u is StructOf<R, O> => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) return false;
      if (passed !== null && Object.isFrozen(u) && passed.has(u)) return true;
      const record = u as Record<string, unknown>;
      for (const key in record) if (!knownSet.has(key) && hasOwn(record, key)) return false;
      for (let i = 0; i < requiredKeys.length; i++) {
        const key = requiredKeys[i] as string;
        if (!hasOwn(record, key) || !(requiredCodecs[i] as t.Mixed).is(record[key])) return false;
      }
      for (let i = 0; i < optionalKeys.length; i++) {
        const key = optionalKeys[i] as string;
        if (hasOwn(record, key) && !(optionalCodecs[i] as t.Mixed).is(record[key])) return false;
      }
      if (passed !== null && Object.isFrozen(u) && isDeepFrozen(u)) passed.add(u);
      return true;
    },
    (u, c) => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) return t.failure(u, c);
      const record = u as Record<string, unknown>;
      const errors = failureCollector();
      const out: Record<string, unknown> = {};
      for (const key in record) {
        if (hasOwn(record, key) && !hasOwn(required, key) && !hasOwn(optional, key)) {
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
        if (result._tag === "Left") errors.add(result.left);
        else out[key] = result.right;
      };
      for (const key of Object.keys(required)) take(key, required[key] as t.Mixed, true);
      for (const key of Object.keys(optional)) take(key, optional[key] as t.Mixed, false);
      return errors.failed() ? t.failures(errors.errors(c)) : t.success(out as StructOf<R, O>);
    },
    required,
    optional,
  );
};

/**
 * An object of numbers >= 0 keyed by free text (prefecture codes). Built on a
 * null-prototype object so a key such as "__proto__" stays an ordinary key.
 */
export const amountsByKey = (name: string, max: number): t.Type<Readonly<Record<string, number>>, Readonly<Record<string, number>>, unknown> => {
  const amount = numberIn(0, max);
  return new t.Type<Readonly<Record<string, number>>, Readonly<Record<string, number>>, unknown>(
    name,
    (u): u is Readonly<Record<string, number>> =>
      typeof u === "object" && u !== null && !Array.isArray(u) && Object.values(u).every((v) => amount.is(v)),
    (u, c) => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) return t.failure(u, c);
      const out: Record<string, number> = Object.create(null) as Record<string, number>;
      const errors = failureCollector();
      for (const [key, value] of Object.entries(u)) {
        const r = amount.validate(value, t.appendContext(c, key, amount, value));
        if (r._tag === "Left") errors.add(r.left);
        else out[key] = r.right;
      }
      return errors.failed() ? t.failures(errors.errors(c)) : t.success(out);
    },
    t.identity,
  );
};

/**
 * An array of at most `max` `item`s; `plural` names the list in messages ("a
 * list of workers"). A longer list is one failure, found before any item is
 * read. Item failures are kept up to MAX_ISSUES and counted past it.
 */
/** A list's codec (as io-ts's `ArrayType`, whose `type` is the item's codec), with its most items. */
export class ListType<C extends t.Mixed> extends t.ArrayType<C, t.TypeOf<C>[], t.OutputOf<C>[], unknown> {
  constructor(
    name: string,
    is: (u: unknown) => u is t.TypeOf<C>[],
    validate: t.Validate<unknown, t.TypeOf<C>[]>,
    encode: (a: t.TypeOf<C>[]) => t.OutputOf<C>[],
    item: C,
    readonly max: number,
  ) {
    super(name, is, validate, encode, item);
  }
}

export const listOf = <C extends t.Mixed>(item: C, plural: string, max: number): ListType<C> => {
  const name = `a list of ${plural}`;
  const tooLong = (length: number): t.Type<never> =>
    new t.Type<never>(`${name}, at most ${thousands(max)} (this one has ${thousands(length)})`, (_): _ is never => false, t.failure, t.identity);
  return new ListType<C>(
    name,
    (u): u is t.TypeOf<C>[] => Array.isArray(u) && u.length <= max && u.every((x) => item.is(x)),
    (u, c) => {
      if (!Array.isArray(u)) return t.failure(u, c);
      if (u.length > max) {
        const last = c[c.length - 1];
        return t.failure(u.length, last === undefined ? c : [...c.slice(0, -1), { ...last, type: tooLong(u.length) }]);
      }
      const errors = failureCollector();
      const out: t.TypeOf<C>[] = [];
      for (let i = 0; i < u.length; i++) {
        const x: unknown = u[i];
        const r = item.validate(x, t.appendContext(c, String(i), item, x));
        if (r._tag === "Left") errors.add(r.left);
        else if (!errors.failed()) out.push(r.right);
      }
      return errors.failed() ? t.failures(errors.errors(c)) : t.success(out);
    },
    (a) => a.map((x) => item.encode(x) as t.OutputOf<C>),
    item,
    max,
  );
};

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


