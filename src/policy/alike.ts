/**
 * Employers alike under a diversity limit: one employer class for several
 * employers, exactly.
 *
 * A diversity limit caps each employer's workers from each training centre
 * (at most d_i from one centre, for employer i), so it used to give every
 * employer a class of its own: at 50,000 workers, 5,000 employer classes
 * instead of 1,300, and five times the arcs. Employers that agree in every
 * rule (the class key of ../model/build.ts without the id) and that no other
 * constraint names one by one (an employer quota, a legal limit that counts
 * some of its workers, groups kept with one employer) share a class when
 * their limits allow it, with the class's limit per centre the sum
 * D = sum_i d'_i of their own, d'_i = min(d_i, L_i) (L_i: the employer's
 * legal capacity; it never takes more than L_i from one centre either).
 *
 * Why that is exact. Let y_t be the class's workers from centre t. Members
 * can take them, each within its own limits (x_it <= d'_i, sum_t x_it <=
 * L_i, sum_i x_it = y_t), if and only if (Gale's supply-demand theorem, the
 * max-flow min-cut theorem on centres -> members) for every set A of
 * centres, sum_{t in A} y_t <= f(|A|), where f(m) = sum_i min(L_i, m d'_i).
 * The class has the constraints y_t <= D = f(1) and sum_t y_t <= sum_i L_i
 * (its capacity); they say exactly that the m largest y_t sum to at most
 * min(m D, sum_i L_i). So merging is exact where f(m) = min(m D, sum L) for
 * every m, and only there: f(m) = m D - sum_i max(0, m d'_i - L_i), which
 * falls below m D once some member has m > rho_i = L_i / d'_i and reaches
 * sum L only when every member has m >= rho_i. The members' rho_i must
 * therefore have no whole number strictly between two of them: they lie in
 * one interval [k, k + 1] (k a whole number). `alikeBuckets` puts employers
 * in as few such intervals as it can (the smallest rho first, then every
 * rho up to floor of it plus 1, and so on); each is a class. At maxShare 0.5
 * every rho is in [1, 3], so a rule class splits at most in two. An
 * employer with no legal capacity takes nothing and joins the first bucket.
 *
 * A soft limit (penalty p per worker over it, per employer and centre)
 * merges alike: the class pays p per worker over D from a centre. No split
 * does better (sum_i max(0, x_it - d'_i) >= max(0, y_t - D)), and one does
 * as well: meet min(y_t, D) within every member's limit as above (then every
 * member of a centre with workers over D is at its limit d'_i) and put the
 * rest where capacity is left, each one over a member's limit once. (A d'_i
 * lowered from d_i to L_i changes nothing: a member never takes more than
 * L_i.)
 *
 * Quotas (sector, field, prefecture), fairness floors, groups kept in one
 * prefecture and the legal limits that are capacities read only sums over
 * the class (its members share sector, field and prefecture), so they hold
 * in the class if and only if they hold for its members. Employers named by
 * an employer quota, with a legal limit that counts some of their workers,
 * or with groups kept with one employer keep a class of their own, and so
 * do employers whose slots start on several dates (their key holds their id).
 *
 * The class's placements are split among its members afterwards by
 * `splitAmong` (../result/disaggregate.ts): a small max-flow per class,
 * centres to members, which the argument above says always succeeds.
 */
import type { Employer, Instance } from "../input/instance.js";
import { legalCapacities } from "../rules/limits.js";
import type { Diversity } from "./types.js";

/** An employer's own diversity limit: at most `maxCount` of its workers from one centre, or `maxShare` of its slots rounded down, but at least 1. */
export const diversityCap = (diversity: Diversity, e: Employer): number =>
  Math.min(diversity.maxCount ?? Infinity, diversity.maxShare === null ? Infinity : Math.max(1, Math.floor(diversity.maxShare * e.slots)));

/** Per employer index, its limit from one centre as a class counts it: min(diversity limit, legal capacity). */
export const memberCaps = (instance: Instance): Int32Array => {
  const { diversity } = instance.policy;
  const legal = legalCapacities(instance);
  return Int32Array.from(instance.employers, (e, i) => Math.min(legal[i] as number, diversity === null ? (legal[i] as number) : diversityCap(diversity, e)));
};

/**
 * The employers `members` (indices, alike in every rule) in buckets that may
 * share a class, given per employer index its legal capacity L (`legal`)
 * and its limit d' from one centre (`caps`: `memberCaps`): each bucket's
 * ratios L / d' lie in one [k, k + 1]. Buckets in increasing k, members in
 * their given order; a bucket's k names it.
 */
export const alikeBuckets = (legal: ArrayLike<number>, caps: ArrayLike<number>, members: readonly number[]): { readonly k: number; readonly members: number[] }[] => {
  // Ratios as fractions L / d' (both whole, d' >= 1 where L >= 1); members without capacity go with the first bucket.
  const ratioed = members.filter((i) => (legal[i] as number) > 0);
  const sorted = [...ratioed].sort((a, b) => (legal[a] as number) * (caps[b] as number) - (legal[b] as number) * (caps[a] as number) || a - b);
  const bucketOf = new Map<number, number>();
  const ks: number[] = [];
  let k = -1;
  for (const i of sorted) {
    const l = legal[i] as number;
    const d = caps[i] as number;
    // In the current bucket while L / d' <= k + 1.
    if (k < 0 || l > (k + 1) * d) {
      k = Math.floor(l / d);
      ks.push(k);
    }
    bucketOf.set(i, k);
  }
  if (ks.length <= 1) return [{ k: ks[0] ?? 0, members: [...members] }];
  const first = ks[0] as number;
  return ks.map((b) => ({ k: b, members: members.filter((i) => (bucketOf.get(i) ?? first) === b) }));
};

/**
 * Splits a class's placements among its members: `y[t]` workers from centre
 * t, member i at most `caps[i]` from one centre and `capacities[i]` in all.
 * Within the caps where it can (a max-flow, centres to members: greedy
 * first, then augmenting paths), then, where a centre has more than the
 * caps' sum (a soft limit broken), the rest wherever capacity is left, in
 * member order. Returns x[t * members + i], or null when the members cannot
 * take the workers (the flows broke the class's constraints).
 */
export const splitAmong = (y: ArrayLike<number>, caps: ArrayLike<number>, capacities: ArrayLike<number>): Int32Array | null => {
  const T = y.length;
  const k = caps.length;
  const x = new Int32Array(T * k);
  const used = new Int32Array(k);
  let D = 0;
  for (let i = 0; i < k; i++) D += caps[i] as number;
  const left = new Int32Array(T);
  let open = 0;
  for (let t = 0; t < T; t++) {
    let need = Math.min(y[t] as number, D);
    for (let i = 0; i < k && need > 0; i++) {
      const a = Math.min(need, (caps[i] as number) - (x[t * k + i] as number), (capacities[i] as number) - (used[i] as number));
      if (a <= 0) continue;
      x[t * k + i] = (x[t * k + i] as number) + a;
      used[i] = (used[i] as number) + a;
      need -= a;
    }
    left[t] = need;
    open += need;
  }
  // Augmenting paths from every centre with workers left: centre -> member (below its cap) -> centre (that gave it some) ... -> member with capacity left.
  const from = new Int32Array(T + k);
  const queue = new Int32Array(T + k);
  while (open > 0) {
    from.fill(-2);
    let head = 0;
    let tail = 0;
    for (let t = 0; t < T; t++) {
      if ((left[t] as number) > 0) {
        from[t] = -1;
        queue[tail++] = t;
      }
    }
    let end = -1;
    while (head < tail && end < 0) {
      const u = queue[head++] as number;
      if (u < T) {
        for (let i = 0; i < k; i++) {
          if (from[T + i] !== -2 || (x[u * k + i] as number) >= (caps[i] as number)) continue;
          from[T + i] = u;
          if ((used[i] as number) < (capacities[i] as number)) {
            end = T + i;
            break;
          }
          queue[tail++] = T + i;
        }
      } else {
        const i = u - T;
        for (let t = 0; t < T; t++) {
          if (from[t] !== -2 || (x[t * k + i] as number) <= 0) continue;
          from[t] = u;
          queue[tail++] = t;
        }
      }
    }
    if (end < 0) return null;
    // The bottleneck, then the path applied.
    let amount = (capacities[end - T] as number) - (used[end - T] as number);
    for (let v = end; from[v] !== -1; v = from[v] as number) {
      const u = from[v] as number;
      amount = Math.min(amount, v >= T ? (caps[v - T] as number) - (x[u * k + v - T] as number) : (x[v * k + u - T] as number));
      if (from[u] === -1) amount = Math.min(amount, left[u] as number);
    }
    for (let v = end; from[v] !== -1; v = from[v] as number) {
      const u = from[v] as number;
      if (v >= T) x[u * k + v - T] = (x[u * k + v - T] as number) + amount;
      else x[v * k + u - T] = (x[v * k + u - T] as number) - amount;
      if (from[u] === -1) left[u] = (left[u] as number) - amount;
    }
    used[end - T] = (used[end - T] as number) + amount;
    open -= amount;
  }
  // Over the caps (a soft limit broken): the rest where capacity is left.
  for (let t = 0; t < T; t++) {
    let rest = (y[t] as number) - Math.min(y[t] as number, D);
    for (let i = 0; i < k && rest > 0; i++) {
      const a = Math.min(rest, (capacities[i] as number) - (used[i] as number));
      if (a <= 0) continue;
      x[t * k + i] = (x[t * k + i] as number) + a;
      used[i] = (used[i] as number) + a;
      rest -= a;
    }
    if (rest > 0) return null;
  }
  return x;
};

/** What splitting a merged class's placements among its members reads (../result/disaggregate.ts). */
export interface AlikeClasses {
  /** Per worker class, its training centre as a number 0..centres-1 (classes are split by centre under a diversity limit). */
  readonly centreOf: Int32Array;
  readonly centres: number;
  /** Per employer index, its limit from one centre as a class counts it (`memberCaps`). */
  readonly caps: Int32Array;
}

/** The split tables of a model with classes `classes`, or null when no employer class under a diversity limit has several members. */
export const alikeClasses = (instance: Instance, classes: { readonly workers: readonly { readonly members: readonly number[] }[]; readonly employers: readonly { readonly members: readonly number[] }[] }): AlikeClasses | null => {
  if (instance.policy.diversity === null || classes.employers.every((g) => g.members.length <= 1)) return null;
  const centreOfClass = classes.workers.map((g) => instance.workers[g.members[0] as number]?.trainingCentre ?? "");
  const names = [...new Set(centreOfClass)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(names.map((n, t) => [n, t]));
  return { centreOf: Int32Array.from(centreOfClass, (n) => index.get(n) as number), centres: names.length, caps: memberCaps(instance) };
};
