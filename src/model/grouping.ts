/**
 * Grouping items by a value without building a string per item.
 *
 * Model building groups hundreds of thousands of workers into classes by the
 * attributes that decide eligibility and score (./build.ts). Grouping them by
 * a canonical string (`JSON.stringify` of those attributes) built one long
 * string per worker and hashed it into a Map: about 1 s at 333,000 workers.
 * Here each item's parts (plain JSON data: strings, numbers, booleans, null,
 * arrays and plain objects) are numbered, equal data alike (a list shared by
 * many rows, frozen, is hashed and compared once, then known by identity),
 * items whose numbers agree are one group, and a string is built only for
 * the first item of each group, to order the groups.
 *
 * The groups are exactly those of grouping by `JSON.stringify(parts)`, by
 * construction: two items land in one group only when their parts are equal
 * in every primitive (===, or both NaN), in array length and order, and in
 * object keys and their order, so their strings are equal; and groups whose strings turn out
 * equal anyway (data JSON prints alike, as `undefined` and `null` in an
 * array) are joined afterwards. The hash decides only how many comparisons
 * are made.
 *
 * At 333,000 workers and 26,013 employers (7,407 and 14,850 classes) the
 * groups are found in an open-addressing table of typed arrays, and null,
 * undefined and booleans (five or six of a worker's thirteen parts) are numbered
 * without a Map: grouping both sides went from about 516 to 416 ms of CPU
 * (medians of six, alternated in one process, on a loaded host).
 */

import { compareStrings } from "../input/instance.js";

/** A JSON-like value's hash folded into `h` (32 bits; strings numbered in `atoms`). */
const hashInto = (h: number, value: unknown, atoms: Map<string, number>): number => {
  if (typeof value === "string") {
    let id = atoms.get(value);
    if (id === undefined) atoms.set(value, (id = atoms.size + 1));
    return mix(h, id);
  }
  if (typeof value === "number") return mix(mix(h, 0x6b43a9b5), Number.isInteger(value) ? value | 0 : Math.round(value * 1024) | 0);
  if (typeof value === "boolean") return mix(h, value ? 0x1b873593 : 0x2545f491);
  if (value === null || typeof value !== "object") return mix(h, 0x5bd1e995);
  if (Array.isArray(value)) {
    let g = mix(h, 0x27d4eb2f + value.length);
    for (let i = 0; i < value.length; i++) g = hashInto(g, value[i], atoms);
    return g;
  }
  let g = mix(h, 0x165667b1);
  const record = value as Record<string, unknown>;
  for (const key in record) g = hashInto(hashInto(g, key, atoms), record[key], atoms);
  return g;
};

const mix = (h: number, x: number): number => {
  const k = Math.imul(h ^ x, 0x9e3779b1);
  return k ^ (k >>> 15);
};

/** Per depth of nesting, room for an object's own keys (sameData compares without allocating). */
const keysAtDepth: string[][] = [];

const hasOwn = Object.prototype.hasOwnProperty;

/** Equal as JSON data, strictly: primitives ===, arrays element by element, objects own key by own key in order. */
export const sameData = (a: unknown, b: unknown, depth = 0): boolean => {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // Own enumerable keys in order (Object.keys' order, as JSON.stringify reads them), without a fresh array.
  const keys = (keysAtDepth[depth] ??= []);
  let n = 0;
  for (const key in a) if (hasOwn.call(a, key)) keys[n++] = key;
  let i = 0;
  for (const key in b) {
    if (!hasOwn.call(b, key)) continue;
    if (i >= n || key !== keys[i]) return false;
    i++;
  }
  if (i !== n) return false;
  for (let k = 0; k < n; k++) {
    const key = keys[k] as string;
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
};

/** Two increasing lists merged into one. */
const mergeIncreasing = (a: readonly number[], b: readonly number[]): number[] => {
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) out[k++] = j >= b.length || (i < a.length && (a[i] as number) < (b[j] as number)) ? (a[i++] as number) : (b[j++] as number);
  return out;
};

/**
 * Numbers for values, equal numbers for equal data (one call of `groupByParts`):
 * a primitive by itself (a Map key: equal by SameValueZero, so NaN is NaN and
 * -0 is 0, data JSON prints alike); an array or object by its content, found
 * by hash among the contents numbered so far and compared with `sameData`; a
 * frozen one also by identity, so a list many rows share (the decoder's
 * shared lists, ../input/sharedLists.ts) is walked once, not once per row.
 * Unfrozen objects (made afresh per row) are not remembered by identity.
 * The numbers live for one call, in which nothing changes the items.
 */
const valueNumbers = (): ((value: unknown) => number) => {
  const atoms = new Map<string, number>();
  const primitives = new Map<unknown, number>();
  const frozen = new Map<object, number>();
  /** Content numbers by hash; a number when one content has the hash, a list otherwise. */
  const byHash = new Map<number, number | number[]>();
  const contents: unknown[] = [];
  // null, undefined, false and true have fixed numbers (they are most of a worker's parts at national scale:
  // the splits not asked for, the care test), without a Map look-up.
  let next = 4;
  const contentNumber = (value: object): number => {
    const h = hashInto(0x7f4a7c15, value, atoms);
    const known = byHash.get(h);
    if (typeof known === "number" && sameData(contents[known], value)) return known;
    if (typeof known === "object") for (let k = 0; k < known.length; k++) if (sameData(contents[known[k] as number], value)) return known[k] as number;
    const id = next++;
    contents[id] = value;
    if (known === undefined) byHash.set(h, id);
    else if (typeof known === "number") byHash.set(h, [known, id]);
    else known.push(id);
    return id;
  };
  return (value) => {
    if (value === null) return 0;
    if (value === undefined) return 1;
    if (value === false) return 2;
    if (value === true) return 3;
    if (typeof value !== "object") {
      let id = primitives.get(value);
      if (id === undefined) primitives.set(value, (id = next++));
      return id;
    }
    // Only a frozen value is ever listed here, and frozen is for good: look it up before asking.
    let id = frozen.get(value);
    if (id !== undefined) return id;
    if (!Object.isFrozen(value)) return contentNumber(value);
    frozen.set(value, (id = contentNumber(value)));
    return id;
  };
};

/** `grown` if `array` has no room at `at`: a copy of at least twice the length. */
const roomFor = (array: Int32Array<ArrayBuffer>, at: number): Int32Array<ArrayBuffer> => {
  if (at < array.length) return array;
  const grown = new Int32Array(Math.max(2 * array.length, at + 1));
  grown.set(array);
  return grown;
};

/**
 * The items grouped by `JSON.stringify(partsOf(item))`: groups in the order
 * of that key (UTF-16 code units, as `compareStrings`), members in index
 * order; or null when the deadline (a `performance.now()` reading, checked
 * every 256 items) came first. `partsOf` may return one array filled anew
 * for each item: it is read before the next call (a group keeps a copy of
 * its first item's). Each item's parts are numbered
 * (`valueNumbers`), and items whose numbers agree part by part are one
 * group; a string is built for the first item of each group.
 */
export const groupByParts = <T>(
  items: readonly T[],
  partsOf: (item: T) => readonly unknown[],
  deadline: number | undefined,
): { key: string; members: number[] }[] | null => {
  const numberOf = valueNumbers();
  // The groups in an open-addressing table of typed arrays: a slot holds a group's index plus one (0: empty),
  // found from the hash of its numbers and probed onwards. (A Map keyed by the 32-bit hash boxed every hash
  // beyond 2^30 into a heap number, and a hash shared by several groups needed a list.)
  let table = new Int32Array(1024);
  let mask = table.length - 1;
  /** Per group: the hash of its numbers, where its numbers start in `flat`, and how many there are. */
  let hashes = new Int32Array(256);
  let starts = new Int32Array(256);
  let lengths = new Int32Array(256);
  let flat = new Int32Array(4096);
  let used = 0;
  const groupParts: (readonly unknown[])[] = [];
  /** Each item's group, and each group's size: the member lists are made at the end, each at its size. */
  const groupOf = new Int32Array(items.length);
  const sizes: number[] = [];
  let numbers = new Int32Array(16);
  const same = (g: number, length: number): boolean => {
    if (lengths[g] !== length) return false;
    const start = starts[g] as number;
    for (let k = 0; k < length; k++) if (flat[start + k] !== numbers[k]) return false;
    return true;
  };
  for (let i = 0; i < items.length; i++) {
    if (deadline !== undefined && i % 256 === 0 && performance.now() >= deadline) return null;
    const parts = partsOf(items[i] as T);
    const length = parts.length;
    if (length > numbers.length) numbers = new Int32Array(2 * length);
    let h = mix(0x3c6ef372, length);
    for (let k = 0; k < length; k++) h = mix(h, (numbers[k] = numberOf(parts[k])));
    let slot = h & mask;
    let g = -1;
    for (let at = table[slot] as number; at !== 0; at = table[slot] as number) {
      if (hashes[at - 1] === h && same(at - 1, length)) {
        g = at - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (g < 0) {
      g = sizes.length;
      groupParts.push(parts.slice());
      sizes.push(0);
      hashes = roomFor(hashes, g);
      starts = roomFor(starts, g);
      lengths = roomFor(lengths, g);
      flat = roomFor(flat, used + length);
      hashes[g] = h;
      starts[g] = used;
      lengths[g] = length;
      flat.set(numbers.subarray(0, length), used);
      used += length;
      table[slot] = g + 1;
      if (2 * sizes.length > table.length) {
        // At most half full: twice the room, every group placed again by its hash.
        table = new Int32Array(2 * table.length);
        mask = table.length - 1;
        for (let k = 0; k < sizes.length; k++) {
          let s = (hashes[k] as number) & mask;
          while (table[s] !== 0) s = (s + 1) & mask;
          table[s] = k + 1;
        }
      }
    }
    groupOf[i] = g;
    sizes[g] = (sizes[g] as number) + 1;
  }
  // Filled in increasing order; a list made at its size unless large (V8 keeps an array made at over 100,000
  // empty places as a dictionary), which grows as it is filled instead.
  const members = sizes.map((size) => (size <= 65_536 ? new Array<number>(size) : []));
  const filled = new Int32Array(sizes.length);
  for (let i = 0; i < items.length; i++) {
    const g = groupOf[i] as number;
    (members[g] as number[])[(filled[g] as number)++] = i;
  }
  const groups = members.map((list, g) => ({ key: JSON.stringify(groupParts[g]), members: list }));
  groups.sort((a, b) => compareStrings(a.key, b.key));
  // Groups whose data differ but print alike are one group, as grouping by the string makes them.
  const joined: { key: string; members: number[] }[] = [];
  for (const g of groups) {
    const last = joined[joined.length - 1];
    if (last !== undefined && last.key === g.key) last.members = mergeIncreasing(last.members, g.members);
    else joined.push(g);
  }
  return joined;
};
