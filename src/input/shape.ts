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

/** A worker row in canonical form (implies `WorkerCodec.is`). */
export const isWorkerRow = canonical(WorkerCodec) as (u: unknown) => u is WorkerInput;

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
