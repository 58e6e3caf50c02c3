/**
 * What a saved plan owns: its instance input, deeply frozen, so that
 * decoding and hashing may remember its rows by identity (a remembered row
 * cannot change under what was remembered). A plan never freezes what the
 * caller gave it: it keeps a frozen copy, sharing every part that is already
 * its own, so the input re-planning builds from a plan's instance (a few
 * rows changed, the rest the plan's) costs only its new rows.
 */

/** Objects this module froze (down to rows), with everything they hold. */
const own = new WeakSet<object>();

/** How deep ownership is recorded: the instance (0), its sections and lists (1), their entries, the rows (2). Rows are what re-planning shares; below them a copy shares nothing. */
const SHARED_DEPTH = 2;

/**
 * A deeply frozen copy of JSON data, sharing the parts (down to rows) that
 * are already owned (returned as they are); `undefined` properties are left
 * out, as JSON leaves them out.
 */
export const ownCopy = <T>(value: T, depth = 0): T => {
  const shared = depth <= SHARED_DEPTH;
  if (value === null || typeof value !== "object" || (shared && own.has(value))) return value;
  let copy: object;
  if (Array.isArray(value)) copy = value.map((v: unknown) => (v === undefined ? null : ownCopy(v, depth + 1)));
  else {
    const record: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) record[key] = ownCopy(v, depth + 1);
    }
    copy = record;
  }
  Object.freeze(copy);
  if (shared) own.add(copy);
  return copy as T;
};
