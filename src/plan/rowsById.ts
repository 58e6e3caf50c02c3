/**
 * Rows by id, changed by a few events: what a `Map` from id to row built from
 * the rows would do (set keeps a present id's place, an absent id goes to the
 * end, delete removes), without building that map for every re-plan. The
 * index of a frozen rows array (a saved plan's, ./owned.ts) is remembered, so
 * re-planning a 100,000-worker plan indexes its workers once, not per call;
 * the changes are kept apart and laid over the rows at the end.
 *
 * Rows with repeated ids (which decoding refuses) are indexed as a Map would
 * take them: the first place, the last row.
 */

interface Row {
  readonly id: string;
}

const indexes = new WeakMap<readonly Row[], ReadonlyMap<string, number>>();

/** Each id's index: its first place (a Map keeps the first insertion's place). */
const indexOf = (rows: readonly Row[]): ReadonlyMap<string, number> => {
  const known = indexes.get(rows);
  if (known !== undefined) return known;
  const index = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const id = (rows[i] as Row).id;
    if (!index.has(id)) index.set(id, i);
  }
  if (Object.isFrozen(rows)) indexes.set(rows, index);
  return index;
};

export interface RowsById<T extends Row> {
  readonly get: (id: string) => T | undefined;
  readonly set: (id: string, row: T) => void;
  readonly delete: (id: string) => void;
  /** The rows in Map order: the original places, then ids added while absent, in the order they were added. */
  readonly values: () => T[];
}

export const rowsById = <T extends Row>(rows: readonly T[]): RowsById<T> => {
  const index = indexOf(rows);
  // The last row of each repeated id (what a Map built row by row holds); none when ids are distinct.
  const lastOf = new Map<string, T>();
  if (index.size !== rows.length) for (const row of rows) lastOf.set(row.id, row);
  const original = (id: string): T | undefined => {
    const i = index.get(id);
    return i === undefined ? undefined : (lastOf.get(id) ?? (rows[i] as T));
  };
  /** Original ids changed: their new row, or null when deleted. */
  const replaced = new Map<string, T | null>();
  /** Ids set while absent (new, or deleted before), in insertion order. */
  const appended = new Map<string, T>();
  const present = (id: string): boolean => index.has(id) && replaced.get(id) !== null;
  const get = (id: string): T | undefined => {
    const added = appended.get(id);
    if (added !== undefined) return added;
    if (!present(id)) return undefined;
    return replaced.get(id) ?? original(id);
  };
  return {
    get,
    set: (id, row) => {
      if (appended.has(id)) appended.set(id, row);
      else if (present(id)) replaced.set(id, row);
      else appended.set(id, row);
    },
    delete: (id) => {
      if (appended.has(id)) appended.delete(id);
      else if (present(id)) replaced.set(id, null);
    },
    values: () => {
      const out: T[] = [];
      for (let i = 0; i < rows.length; i++) {
        const id = (rows[i] as T).id;
        if (index.get(id) !== i) continue;
        const now = replaced.get(id);
        if (now === null) continue;
        out.push(now ?? original(id) as T);
      }
      for (const row of appended.values()) out.push(row);
      return out;
    },
  };
};
