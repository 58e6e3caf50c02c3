/**
 * Numbering items by a key, for the compiled rules (./scorer.ts,
 * `eligibilityTable` in ./eligibility.ts): items with one key are one kind,
 * whose answers are computed once from its first item.
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
