/**
 * Breaking ties: deferred acceptance needs strict preferences, and derived
 * preferences tie often (every worker of one profile looks the same to an
 * employer). One rule breaks them, the same whatever the order of the input:
 *
 * - an employer's tie between workers: by default the worker with the
 *   smaller id (code-unit order) first. With a seeded lottery, by a
 *   pseudo-random number per worker drawn from the seed and the worker's id:
 *   one number per worker for every employer (`single`: single tie-breaking,
 *   one lottery for the whole market), or one per worker and group of
 *   interchangeable employers (`multiple`: multiple tie-breaking, a lottery
 *   per employer). Single tie-breaking treats a worker alike everywhere;
 *   multiple gives an unlucky draw another chance elsewhere. Abdulkadiroglu,
 *   Pathak and Roth (2009, AER, New York City's high school match) found
 *   single tie-breaking better for those proposing (docs/SOURCES.md);
 * - a worker's tie between employers: the group of interchangeable
 *   employers (../stable/market.ts, a cell) whose first id is smaller first,
 *   then, inside a group, the smaller id (no lottery).
 *
 * A priority is a 32-bit number; higher wins the tie, and two equal draws
 * go to the smaller id, so the tie-broken lists are strict.
 */

/** How ties in employers' preferences are broken. */
export type TieBreak =
  | { readonly kind: "id" }
  | { readonly kind: "lottery"; readonly seed: string; readonly per: "single" | "multiple" };

export const ID_TIE_BREAK: TieBreak = { kind: "id" };

/** FNV-1a over the UTF-16 code units, then the murmur3 finaliser: 32 bits, the same in every runtime. */
export const hash32 = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
};

/** The murmur3 32-bit finaliser: a bijection on 32-bit integers that spreads every input bit. */
export const mix32 = (x: number): number => {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/**
 * Priorities for a market whose workers are sorted by id: `of(w, group)` is
 * worker w's priority at an employer group, an integer in 0..2^32-1 (higher
 * wins a tie); two equal draws go to the smaller id. `group` is the group's
 * salt (from `groupSalt`).
 */
export interface Priorities {
  readonly of: (worker: number, group: number) => number;
  /** Each worker's priority where it is the same at every employer group (id order, single lottery); null otherwise. */
  readonly fixed: Float64Array | null;
  /** The salt of an employer group, from its first employer's id. */
  readonly groupSalt: (firstEmployerId: string) => number;
  readonly rule: TieBreak;
}

/** Priorities for `workerIds` (sorted by id) under a rule; see the module comment. */
export const priorities = (workerIds: readonly string[], rule: TieBreak): Priorities => {
  const n = workerIds.length;
  if (rule.kind === "id") {
    const fixed = new Float64Array(n);
    for (let w = 0; w < n; w++) fixed[w] = n - 1 - w;
    return { of: (w) => fixed[w] as number, fixed, groupSalt: () => 0, rule };
  }
  const draw = new Float64Array(n);
  for (let w = 0; w < n; w++) draw[w] = hash32(`${rule.seed}\u0000${workerIds[w]}`);
  if (rule.per === "single") {
    // The draw, then the id (smaller first) for the rare equal draws: a permutation, so priorities are unique.
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (draw[b] as number) - (draw[a] as number) || a - b);
    const rank = new Float64Array(n);
    order.forEach((w, position) => (rank[w] = n - 1 - position));
    return { of: (w) => rank[w] as number, fixed: rank, groupSalt: () => 0, rule };
  }
  return {
    of: (w, group) => mix32(((draw[w] as number) ^ group) >>> 0),
    fixed: null,
    groupSalt: (firstEmployerId) => hash32(`${rule.seed}\u0001${firstEmployerId}`),
    rule,
  };
};
