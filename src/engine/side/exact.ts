/**
 * Proofs in exact arithmetic from a basis: an upper bound on the linear
 * program's optimum, and a certificate that it has no solution. The dual
 * simplex (./dual.ts) works in floating point; nothing it concludes prunes a
 * node until it is proved here, so rounding can cost a proof but never the
 * optimum.
 *
 * Bound (weak duality for boxed variables; Neumaier and Shcherbina's rigorous
 * bound, here in exact arithmetic): for ANY node prices phi (phi(root) = 0)
 * and side prices mu, with d_j = g_j + phi(head_j) - phi(tail_j) - mu . S_j,
 * every x meeting the rows and the bounds has
 *     g . x = mu . rhs + sum_j d_j x_j <= mu . rhs + sum_j max(d_j lower_j, d_j upper_j).
 * The prices used are those of the final basis, computed exactly: all the
 * data are integers, so pi and psi (sums of gains and coefficients along tree
 * paths) and W are integer, and mu = W^-T gamma_C is a fraction nu / D with
 * integer nu and D = det W, found by fraction-free elimination (Bareiss's
 * method in its Gauss-Jordan form, Montante's) in BigInt. Scaled by D, every
 * d_j and the whole bound are integers: computed in doubles where a
 * magnitude check shows every intermediate stays below 2^53 (so each
 * operation is exact), in BigInt otherwise. When the basis is optimal the
 * bound is the linear optimum; when the floating-point solve was slightly
 * off, it is a little higher, and still a bound.
 *
 * Infeasibility (Farkas for boxed variables): if for some direction r of
 * prices the same expression's slope, r_mu . rhs + sum_j max(e_j lower_j,
 * e_j upper_j) with e_j the reduced costs' rate of change, is negative, the
 * bound goes to minus infinity along r: no x exists. The direction is the
 * row of the basis inverse of the column the dual simplex could not bring
 * back into its bounds (both signs are tried), again exact.
 */
import { positionOf, sigmaOf, type Basis, type Factor } from "./basis.js";

/** num / den, den > 0. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** An exact bound and the side prices it was computed with (mu = nu / den): a child's bound can be read off them. */
export interface ExactBound extends Rational {
  readonly nu: readonly bigint[];
}

/** floor(num / den) for den > 0. */
export const floorOf = (r: Rational): bigint => {
  const q = r.num / r.den;
  return r.num < 0n && q * r.den !== r.num ? q - 1n : q;
};

const SAFE = 2 ** 53;

/**
 * Solves A^T y = rhs exactly for the k x k integer matrix given by columns
 * (`columns[c]` is column c of A, so row c of A^T): y = nu / det. Null when
 * singular.
 */
export const solveTransposed = (columns: readonly (readonly number[])[], rhs: readonly number[]): { readonly nu: bigint[]; readonly det: bigint } | null => {
  const k = rhs.length;
  // M = [A^T | rhs], row i = column i of A.
  const m: bigint[][] = [];
  for (let i = 0; i < k; i++) {
    const row = (columns[i] as readonly number[]).map((v) => BigInt(v));
    row.push(BigInt(rhs[i] as number));
    m.push(row);
  }
  let prev = 1n;
  for (let c = 0; c < k; c++) {
    let r = c;
    while (r < k && (m[r] as bigint[])[c] === 0n) r++;
    if (r === k) return null;
    if (r !== c) [m[r], m[c]] = [m[c] as bigint[], m[r] as bigint[]];
    const pivotRow = m[c] as bigint[];
    const pivot = pivotRow[c] as bigint;
    for (let i = 0; i < k; i++) {
      if (i === c) continue;
      const row = m[i] as bigint[];
      const factor = row[c] as bigint;
      for (let j = 0; j <= k; j++) {
        if (j === c) continue;
        row[j] = (pivot * (row[j] as bigint) - factor * (pivotRow[j] as bigint)) / prev;
      }
      row[c] = 0n;
    }
    prev = pivot;
  }
  // Every diagonal entry is now the determinant (of the rows as swapped); y_i = M[i][k] / det.
  const det = prev;
  const nu = m.map((row) => row[k] as bigint);
  return det < 0n ? { nu: nu.map((v) => -v), det: -det } : { nu, det };
};

const maxAbs = (xs: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, Math.abs(xs[i]!));
  return m;
};

/**
 * sum_r nu_r rhs_r + sum_j max(e_j lower_j, e_j upper_j) over every column,
 * where e_j = den * (g'_j + a(head_j) - a(tail_j)) - nu . S_j - (Psi(head_j)
 * - Psi(tail_j)), g'_j = `base(j)` (an integer), a a node value (integer),
 * Psi(v) = nu . psi(v): the bound (or slope) scaled by den. Exact.
 */
const scaledSum = (
  f: Factor,
  lower: Float64Array,
  upper: Float64Array,
  base: (j: number) => number,
  nodeValue: Float64Array,
  nu: readonly bigint[],
  den: bigint,
): bigint => {
  const { p, psi } = f;
  const { n, k, columns, tail, head, sideStart, sideRow, sideCoef, rhs } = p;
  const nuMax = nu.reduce((m, v) => (v < 0n ? (-v > m ? -v : m) : v > m ? v : m), 0n);
  const small = den < BigInt(SAFE) && nuMax < BigInt(SAFE);
  if (small) {
    const D = Number(den);
    const nuN = nu.map(Number);
    const numMax = Number(nuMax);
    let gMax = 0;
    let sMax = 0;
    for (let j = 0; j < columns; j++) {
      gMax = Math.max(gMax, Math.abs(base(j)));
      let s = 0;
      for (let e = sideStart[j]!; e < sideStart[j + 1]!; e++) s += Math.abs(sideCoef[e]!);
      sMax = Math.max(sMax, s);
    }
    // Every intermediate of an e_j is at most this: below 2^53, each operation on these integers is exact.
    const eMax = D * (gMax + 2 * maxAbs(nodeValue)) + numMax * sMax + 2 * numMax * k * maxAbs(psi);
    if (eMax < SAFE / 4) {
      const Psi = new Float64Array(n + 1);
      for (let v = 0; v <= n; v++) {
        let s = 0;
        for (let r = 0; r < k; r++) s += nuN[r]! * psi[v * k + r]!;
        Psi[v] = s;
      }
      let sum = 0;
      let size = 0;
      for (let r = 0; r < k; r++) {
        const term = nuN[r]! * rhs[r]!;
        sum += term;
        size += Math.abs(term);
      }
      for (let j = 0; j < columns; j++) {
        const h = head[j]!;
        const t = tail[j]!;
        let e = D * (base(j) + nodeValue[h]! - nodeValue[t]!) - (Psi[h]! - Psi[t]!);
        for (let q = sideStart[j]!; q < sideStart[j + 1]!; q++) e -= nuN[sideRow[q]!]! * sideCoef[q]!;
        const lo = e * lower[j]!;
        const hi = e * upper[j]!;
        const term = lo > hi ? lo : hi;
        sum += term;
        size += Math.abs(term);
      }
      // `size` bounds every product and partial sum (to within its own rounding): below 2^52, all were exact.
      if (size < SAFE / 2) return BigInt(sum);
    }
  }
  // The slow, always exact way.
  const Psi: bigint[] = [];
  for (let v = 0; v <= n; v++) {
    let s = 0n;
    for (let r = 0; r < k; r++) s += (nu[r] as bigint) * BigInt(psi[v * k + r]!);
    Psi.push(s);
  }
  let sum = 0n;
  for (let r = 0; r < k; r++) sum += (nu[r] as bigint) * BigInt(rhs[r]!);
  for (let j = 0; j < columns; j++) {
    const h = head[j]!;
    const t = tail[j]!;
    let e = den * (BigInt(base(j)) + BigInt(nodeValue[h]!) - BigInt(nodeValue[t]!)) - ((Psi[h] as bigint) - (Psi[t] as bigint));
    for (let q = sideStart[j]!; q < sideStart[j + 1]!; q++) e -= (nu[sideRow[q]!] as bigint) * BigInt(sideCoef[q]!);
    const lo = e * BigInt(lower[j]!);
    const hi = e * BigInt(upper[j]!);
    sum += lo > hi ? lo : hi;
  }
  return sum;
};

/** Whether the factor's potentials are integers small enough for exact sums (they should be: integer data). */
const integral = (f: Factor): boolean => {
  const { pi, psi } = f;
  for (let i = 0; i < pi.length; i++) if (!Number.isSafeInteger(pi[i]!)) return false;
  for (let i = 0; i < psi.length; i++) if (!Number.isSafeInteger(psi[i]!)) return false;
  return true;
};

/** The keys' sigma vectors as integer columns. */
const keyColumns = (f: Factor, basis: Basis): number[][] => {
  const k = f.p.k;
  const sigma = new Float64Array(k);
  const out: number[][] = [];
  for (let c = 0; c < k; c++) {
    sigmaOf(f, basis.keys[c]!, sigma);
    out.push(Array.from(sigma));
  }
  return out;
};

/**
 * An exact upper bound on the linear program under `lower` and `upper`,
 * from the prices of `basis` (factorised in `f`); null when the basis is
 * singular or the potentials are not integers (the proof is then unavailable,
 * never wrong).
 */
export const exactBound = (f: Factor, basis: Basis, lower: Float64Array, upper: Float64Array): ExactBound | null => {
  if (!integral(f)) return null;
  const { p, pi } = f;
  const { k, tail, head, gain } = p;
  const gamma: number[] = [];
  for (let c = 0; c < k; c++) {
    const j = basis.keys[c]!;
    gamma.push(gain[j]! + pi[head[j]!]! - pi[tail[j]!]!);
  }
  if (!gamma.every(Number.isSafeInteger)) return null;
  const solved = k === 0 ? { nu: [], det: 1n } : solveTransposed(keyColumns(f, basis), gamma);
  if (solved === null) return null;
  return { num: scaledSum(f, lower, upper, (j) => gain[j]!, pi, solved.nu, solved.det), den: solved.det, nu: solved.nu };
};

/**
 * The same bound with some columns' bounds changed (a child of the node
 * whose basis `f` holds): the prices are kept, so only the changed columns'
 * terms change. Weak duality holds for any prices, so this bounds the child
 * without solving it: a child whose region costs the family more than the
 * gap to the best plan is dropped unsolved. Exact (BigInt).
 */
export const boundWithChanges = (
  f: Factor,
  parent: ExactBound,
  lower: Float64Array,
  upper: Float64Array,
  changes: readonly { readonly column: number; readonly lower: number; readonly upper: number }[],
): Rational => {
  const { p, pi, psi } = f;
  const { k, tail, head, gain, sideStart, sideRow, sideCoef } = p;
  const { nu, den } = parent;
  // The last change of a column wins; each column counted once.
  const last = new Map<number, { lower: number; upper: number }>();
  for (const c of changes) last.set(c.column, c);
  let num = parent.num;
  for (const [j, box] of last) {
    const h = head[j]!;
    const t = tail[j]!;
    let e = den * (BigInt(gain[j]!) + BigInt(pi[h]!) - BigInt(pi[t]!));
    for (let r = 0; r < k; r++) e -= (nu[r] as bigint) * (BigInt(psi[h * k + r]!) - BigInt(psi[t * k + r]!));
    for (let q = sideStart[j]!; q < sideStart[j + 1]!; q++) e -= (nu[sideRow[q]!] as bigint) * BigInt(sideCoef[q]!);
    const term = (lo: number, hi: number): bigint => {
      const a = e * BigInt(lo);
      const b = e * BigInt(hi);
      return a > b ? a : b;
    };
    num += term(box.lower, box.upper) - term(lower[j]!, upper[j]!);
  }
  return { num, den };
};

/**
 * Whether the row of the basis inverse for `leaving` proves, exactly, that
 * no x meets the rows and the bounds `lower`, `upper` (see the module
 * comment). False means "not proved", not "feasible".
 */
export const certifyInfeasible = (f: Factor, basis: Basis, lower: Float64Array, upper: Float64Array, leaving: number): boolean => {
  if (!integral(f)) return false;
  const { p, pre, size, up, order } = f;
  const { n, k, tail, head } = p;
  const at = positionOf(f, basis, leaving);
  if (at < 0) return false;
  // delta: +-1 on the leaving tree column's subtree (0 everywhere for a key); the keys' crossing of that cut.
  const delta = new Float64Array(n + 1);
  const target: number[] = new Array<number>(k).fill(0);
  if (at >= n) target[at - n] = 1;
  else {
    const s = up[at] === 1 ? 1 : -1;
    for (let i = pre[at]!; i < pre[at]! + size[at]!; i++) delta[order[i]!] = s;
    for (let c = 0; c < k; c++) {
      const j = basis.keys[c]!;
      target[c] = delta[head[j]!]! - delta[tail[j]!]!;
    }
  }
  const solved = k === 0 ? { nu: [], det: 1n } : solveTransposed(keyColumns(f, basis), target);
  if (solved === null) return false;
  // alpha_j * det = det * (delta(head) - delta(tail)) - nu . S_j - (Psi(head) - Psi(tail)); the slope for direction s * (chi, tau).
  for (const s of [1n, -1n]) {
    const nu = solved.nu.map((v) => s * v);
    const nodes = delta.map((v) => Number(s) * v);
    if (scaledSum(f, lower, upper, () => 0, nodes, nu, solved.det) < 0n) return true;
  }
  return false;
};
