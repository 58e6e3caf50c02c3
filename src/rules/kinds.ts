/**
 * Numbering items by a key, for the compiled rules (./scorer.ts,
 * `eligibilityTable` in ./eligibility.ts): items with one key are one kind,
 * whose answers are computed once from its first item. `kindsByParts` makes
 * the kinds a key of JSON text makes, numbering the parts instead.
 */
export interface Kinds<T> {
  /** The kind of each item, by the item's position. */
  readonly of: Int32Array;
  /** The first item of each kind, kinds in order of first appearance. */
  readonly first: readonly T[];
  /** The kind of each key. */
  readonly index: ReadonlyMap<string, number>;
}

/** The items' kinds by `keyOf`, numbered in order of first appearance. */
export const kindsOf = <T>(items: readonly T[], keyOf: (item: T) => string): Kinds<T> => {
  const index = new Map<string, number>();
  const first: T[] = [];
  const of = new Int32Array(items.length);
  items.forEach((item, i) => {
    const key = keyOf(item);
    let k = index.get(key);
    if (k === undefined) {
      index.set(key, (k = first.length));
      first.push(item);
    }
    of[i] = k;
  });
  return { of, first, index };
};

/**
 * `kindsOf(items, (x) => JSON.stringify(partsOf(x)))` (the same `of` and `first`), without a long string per
 * item: each part is numbered by itself (equal numbers exactly where its JSON text is equal: a primitive by
 * value, what JSON prints as null alike; a frozen object by identity first, its text made once; any other
 * object by its text), and an item's kind is keyed by its parts' numbers. Model building keys 22,000 class
 * representatives at national scale: their JSON keys were 15 MB of strings.
 */
export const kindsByParts = <T>(items: readonly T[], partsOf: (item: T) => readonly unknown[]): Pick<Kinds<T>, "of" | "first"> => {
  const primitives = new Map<unknown, number>();
  const frozen = new Map<object, number>();
  const texts = new Map<string, number>();
  // 0 is what JSON prints as null in an array: null, undefined, NaN and the infinities (and functions, symbols).
  let next = 1;
  const numberOf = (v: unknown): number => {
    if (v === null || v === undefined || typeof v === "function" || typeof v === "symbol" || (typeof v === "number" && !Number.isFinite(v))) return 0;
    if (typeof v !== "object") {
      let id = primitives.get(v);
      if (id === undefined) primitives.set(v, (id = next++));
      return id;
    }
    let id = frozen.get(v);
    if (id !== undefined) return id;
    const text = JSON.stringify(v);
    id = texts.get(text);
    if (id === undefined) texts.set(text, (id = next++));
    // Frozen is for good, so a frozen object's text cannot change: it is known by identity from now on.
    if (Object.isFrozen(v) && isFrozenThrough(v)) frozen.set(v, id);
    return id;
  };
  const index = new Map<string, number>();
  const first: T[] = [];
  const of = new Int32Array(items.length);
  // An item's key: its parts' numbers, two UTF-16 code units each (the low and high 16 bits), one short string.
  let codes = new Uint16Array(16);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const parts = partsOf(item);
    if (2 * parts.length > codes.length) codes = new Uint16Array(4 * parts.length);
    for (let k = 0; k < parts.length; k++) {
      const n = numberOf(parts[k]);
      codes[2 * k] = n & 0xffff;
      codes[2 * k + 1] = n >>> 16;
    }
    const key = String.fromCharCode.apply(null, codes.subarray(0, 2 * parts.length) as unknown as number[]);
    let kind = index.get(key);
    if (kind === undefined) {
      index.set(key, (kind = first.length));
      first.push(item);
    }
    of[i] = kind;
  }
  return { of, first };
};

/** Whether every object inside `v` is frozen too (plain JSON data: so its text can never change). */
const isFrozenThrough = (v: unknown): boolean => {
  if (typeof v !== "object" || v === null) return true;
  if (!Object.isFrozen(v)) return false;
  for (const x of Object.values(v)) if (!isFrozenThrough(x)) return false;
  return true;
};
