/**
 * A small seeded pseudo-random number generator for synthetic data.
 *
 * The seed (a number or a string) is hashed with cyrb128 into four 32-bit
 * words that seed sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator,
 * as popularised by the PractRand test suite). Neither is cryptographic; both
 * are fast, pass PractRand for far longer than any instance we generate, and,
 * being plain 32-bit integer arithmetic, give the same sequence on every
 * JavaScript engine. A number seed and its decimal string are the same seed
 * (`12` and `"12"`).
 *
 * A `Random` holds its state in a closure: the sequence depends only on the
 * seed, there is no global state, and `fork` derives an independent stream by
 * name, so that adding workers does not change the employers drawn after them.
 *
 * @example
 * const rng = createRandom("kagawa");
 * rng.int(1, 6);                        // 1..6, inclusive
 * rng.pick(["a", "b"]);                 // "a" or "b"
 * rng.weighted([["N4", 70], ["N3", 30]]); // "N4" about 70% of the time
 */

/** A weighted choice: the item and its (non-negative, not necessarily normalised) weight. */
export type Weighted<T> = readonly (readonly [T, number])[];

/** A weighted choice prepared for many draws: cumulative weights, searched by bisection. */
export interface Table<T> {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
}

/** Prepares `choices` for `Random.draw`. Throws when no weight is positive (a programming error). */
export const table = <T>(choices: Weighted<T>): Table<T> => {
  const cumulative = new Float64Array(choices.length);
  let total = 0;
  choices.forEach(([, w], i) => {
    total += Math.max(0, w);
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new RangeError("table: no choice has a positive weight");
  return { items: choices.map(([item]) => item), cumulative };
};

export interface Random {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** An integer in [min, max], both inclusive. */
  readonly int: (min: number, max: number) => number;
  /** true with probability p. */
  readonly chance: (p: number) => boolean;
  /** One item, uniformly. Throws on an empty list (a programming error). */
  readonly pick: <T>(items: readonly T[]) => T;
  /** One item, with probability proportional to its weight. */
  readonly weighted: <T>(choices: Weighted<T>) => T;
  /** One item of a prepared table, with probability proportional to its weight; O(log n). */
  readonly draw: <T>(t: Table<T>) => T;
  /** A shuffled copy (Fisher-Yates). */
  readonly shuffle: <T>(items: readonly T[]) => T[];
  /** An independent stream named `label`, derived from this generator's seed (not its state). */
  readonly fork: (label: string) => Random;
}

/** cyrb128: a string hash giving four well-mixed 32-bit words (public domain, bryc). */
export const hash128 = (text: string): readonly [number, number, number, number] => {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
};

/** sfc32 over the given state; returns floats in [0, 1). */
const sfc32 = (seed: readonly [number, number, number, number]): (() => number) => {
  let [a, b, c, d] = seed;
  const step = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: sfc32 mixes its state over a few rounds.
  for (let i = 0; i < 15; i++) step();
  return step;
};

/** A generator for `seed`; the same seed always gives the same sequence. */
export const createRandom = (seed: number | string): Random => {
  const key = String(seed);
  const next = sfc32(hash128(key));

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("pick: no items to choose from");
    return items[Math.floor(next() * items.length)] as T;
  };

  const weighted = <T>(choices: Weighted<T>): T => {
    let total = 0;
    for (const [, w] of choices) total += w;
    if (choices.length === 0 || !(total > 0)) throw new RangeError("weighted: no choice has a positive weight");
    let r = next() * total;
    for (const [item, w] of choices) {
      if (r < w) return item;
      r -= w;
    }
    // Rounding can leave r a hair above the last weight: take the last positive choice.
    for (let i = choices.length - 1; i >= 0; i--) if ((choices[i] as readonly [T, number])[1] > 0) return (choices[i] as readonly [T, number])[0];
    throw new RangeError("weighted: unreachable");
  };

  const draw = <T>(t: Table<T>): T => {
    const c = t.cumulative;
    const r = next() * (c[c.length - 1] as number);
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((c[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return t.items[lo] as T;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };

  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted,
    draw,
    shuffle,
    fork: (label) => createRandom(`${key}/${label}`),
  };
};
