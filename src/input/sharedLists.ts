/**
 * Lists that many decoded rows hold alike, made once and frozen, so that
 * rows with equal lists hold one list (./workerRow.ts): a decoded instance
 * of 333,000 workers then holds a few thousand lists, not millions, and the
 * garbage collector has that much less to copy. Frozen, a shared list
 * cannot be changed through one row under another.
 */
import type { Certification, Skill } from "./instance.js";

/** The empty list every row with an empty list holds (frozen). */
export const NONE: readonly never[] = Object.freeze([]);

/**
 * The items of `order` whose ranks are among `items`'s, once each and in
 * `order`'s order: what sorting `items` and dropping repeats gives. One
 * frozen list per set, shared by every row (at most 2^order.length lists).
 * Undefined when an item has no rank (a hole in a sparse list).
 */
export const listOfSet = <T>(items: readonly unknown[], rank: ReadonlyMap<unknown, number>, order: readonly T[], lists: Map<number, readonly T[]>): readonly T[] | undefined => {
  let mask = 0;
  for (let i = 0; i < items.length; i++) {
    const r = rank.get(items[i]);
    if (r === undefined) return undefined;
    mask |= 1 << r;
  }
  return listOfMask(mask, order, lists);
};

/**
 * The items of `order` whose ranks are the bits of `mask`, in `order`'s order: one frozen list per mask, made on first use.
 * It runs twice a worker row: it holds no closure over `mask`, which would
 * make every call allocate a context (80 bytes a row, garbage at once).
 */
export const listOfMask = <T>(mask: number, order: readonly T[], lists: Map<number, readonly T[]>): readonly T[] => {
  let list = lists.get(mask);
  if (list === undefined) lists.set(mask, (list = maskedList(mask, order)));
  return list;
};

const maskedList = <T>(mask: number, order: readonly T[]): readonly T[] => Object.freeze(order.filter((_, r) => (mask & (1 << r)) !== 0));

/**
 * Lists that many rows hold alike, made once per decode and frozen: rows
 * with equal lists hold one list. A list is shared only where its row had
 * no issue in it; the rest are made for their row, as before.
 */
export interface SharedLists {
  /** Certification lists of one to three items, by their items' codes (field, route and job category as indexes). */
  readonly certifications: Map<number, readonly Certification[]>;
  /** One-skill lists by name, level and years. */
  readonly skills: Map<string, Map<number, Map<number, readonly Skill[]>>>;
  /** Lists of field or sector names, and of prefecture codes, by their items in order. */
  readonly fields: ListTrie;
  readonly prefectures: ListTrie;
}

/**
 * Lists of strings by their items in order: the node of a list is found
 * from the root one item at a time (no key is made, so a list found
 * allocates nothing); `list` is the frozen list of the items on the way.
 */
export interface ListTrie {
  list: readonly string[] | undefined;
  readonly next: Map<string, ListTrie>;
}

const listTrie = (): ListTrie => ({ list: undefined, next: new Map() });

export const sharedLists = (): SharedLists => ({ certifications: new Map(), skills: new Map(), fields: listTrie(), prefectures: listTrie() });

/** The node one item further down, made on first use. */
export const child = (node: ListTrie, item: string): ListTrie => {
  let next = node.next.get(item);
  if (next === undefined) node.next.set(item, (next = listTrie()));
  return next;
};
