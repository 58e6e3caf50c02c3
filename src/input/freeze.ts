/**
 * Deeply frozen input: rows that cannot change, so that what was decoded
 * from them can be reused (./reuse.ts).
 *
 * A value is deeply frozen when it is a primitive, or a plain object or
 * array that is frozen, whose own properties are all data properties (no
 * getters: a frozen getter can still answer differently) and whose property
 * values are deeply frozen in turn. Freezing is for good, so a value found
 * deeply frozen once stays so; it is remembered (in a WeakSet, which lets
 * it go with the value) and not walked again.
 *
 * @example
 * const input = freezeInput(JSON.parse(text) as InstanceInput);
 * decodeInstance(input); // decodes every row and remembers them
 * decodeInstance({ ...input, workers: [...input.workers.slice(1), edited] }); // decodes `edited` only
 */
const known = new WeakSet<object>();

const isPlain = (o: object): boolean => {
  if (Array.isArray(o)) return true;
  const proto: unknown = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
};

/**
 * Whether `value` is deeply frozen, freezing it first (plain objects and
 * arrays only) when `freeze` is set. One walk: every own key a string, every
 * property a data property. Only the value itself is remembered, not the
 * objects inside it: a weak collection of millions of entries costs the
 * garbage collector far more than the walk.
 */
const settle = (value: unknown, freeze: boolean): boolean => {
  if (typeof value !== "object" || value === null) return typeof value !== "function";
  if (known.has(value)) return true;
  if (!walk(value, freeze)) return false;
  known.add(value);
  return true;
};

const walk = (value: unknown, freeze: boolean): boolean => {
  if (typeof value !== "object" || value === null) return typeof value !== "function";
  try {
    if (!isPlain(value)) return false;
    if (freeze) Object.freeze(value);
    else if (!Object.isFrozen(value)) return false;
    let all = true;
    for (const key of Reflect.ownKeys(value)) {
      const d = typeof key === "symbol" ? undefined : Object.getOwnPropertyDescriptor(value, key);
      // Frozen properties never change; a getter may still answer differently, so it is not frozen data.
      if (d === undefined || !("value" in d) || !walk(d.value, freeze)) {
        if (!freeze) return false;
        all = false;
      }
    }
    return all && Object.isFrozen(value);
  } catch {
    return false; // a proxy whose traps throw
  }
};

/** Whether `value` is deeply frozen (see the module comment); never throws. */
export const isDeepFrozen = (value: unknown): boolean => settle(value, false);

/**
 * Freezes `value` and every plain object and array in it, in place, and
 * returns it. Other objects (dates, maps, class instances) are left as they
 * are, so a value holding one is not deeply frozen afterwards. A value
 * already known to be deeply frozen is not walked again.
 */
export const deepFreeze = <T>(value: T): T => {
  settle(value, true);
  return value;
};

/**
 * Freezes a value made of plain data that we created (a decoded row), and
 * every object in it, without remembering it; an object already frozen is
 * taken as frozen through (what is shared in a decoded row is: rows of a
 * frozen input, wage floors and steps). No property descriptors are read:
 * the value has no getters, as we made it.
 */
export const freezeOwn = <T>(value: T): T => {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (const x of value) freezeOwn(x);
  else for (const key in value) freezeOwn((value as Record<string, unknown>)[key]);
  return value;
};

/**
 * Freezes an instance input (`InstanceInput`, ./codecs.ts) in place and returns it: every row deeply, and
 * every other section; the lists of rows and the input object itself are
 * frozen too (but not walked again). Decoding a frozen input remembers what
 * each row decoded to, so an input that shares most of its rows with a
 * frozen one (re-planning after events, ../plan/apply.ts) decodes only the
 * rows that are new. A row already frozen costs one lookup.
 */
export const freezeInput = <T extends { readonly workers: readonly unknown[]; readonly employers: readonly unknown[] }>(input: T): T => {
  for (const row of input.workers) settle(row, true);
  for (const row of input.employers) settle(row, true);
  for (const key of Object.keys(input)) if (key !== "workers" && key !== "employers") settle((input as Record<string, unknown>)[key], true);
  Object.freeze(input.workers);
  Object.freeze(input.employers);
  return Object.freeze(input);
};
