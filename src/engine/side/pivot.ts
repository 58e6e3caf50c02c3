/**
 * One pivot's structure on a basis (./basis.ts): the row of the basis
 * inverse for the leaving column (how every nonbasic column moves it; its
 * nonzero entries are read by ./row.ts), and the swap of the leaving column
 * for the entering one in the tree or among the keys.
 */
import { positionOf, sigmaOf, type Basis, type Factor } from "./basis.js";

/**
 * The row of the basis inverse for basic column `leaving`: fills `chi` (per
 * node) and `tau` (per side row) so that alpha_j = chi(head_j) -
 * chi(tail_j) - tau . S_j; see the module comment. `delta` is left holding
 * the subtree sign (s on the leaving tree column's subtree, 0 elsewhere; all
 * 0 for a key).
 */
export const inverseRow = (f: Factor, basis: Basis, leaving: number): void => {
  const { p, pre, size, up, winv, psi, chi, tau, delta } = f;
  const { n, k, tail, head } = p;
  const at = positionOf(f, basis, leaving);
  tau.fill(0);
  delta.fill(0);
  if (at >= n) {
    const c0 = at - n;
    for (let r = 0; r < k; r++) tau[r] = winv[c0 * k + r]!;
  } else {
    const v = at;
    const s = up[v] === 1 ? 1 : -1;
    const lo = pre[v]!;
    const hi = lo + size[v]!;
    for (let i = lo; i < hi; i++) delta[f.order[i]!] = s;
    for (let c = 0; c < k; c++) {
      const j = basis.keys[c]!;
      const dc = delta[head[j]!]! - delta[tail[j]!]!;
      if (dc === 0) continue;
      for (let r = 0; r < k; r++) tau[r]! += dc * winv[c * k + r]!;
    }
  }
  for (let u = 0; u <= n; u++) {
    let s = delta[u]!;
    for (let r = 0; r < k; r++) s -= tau[r]! * psi[u * k + r]!;
    chi[u] = s;
  }
};

/**
 * Swaps `leaving` (basic) for `entering` (nonbasic) in the basis'
 * structure: a key is replaced in place; a tree column is replaced by the
 * entering column when that reconnects the two halves of the tree (its
 * cycle crosses the cut), else by a key column that does (the one whose
 * coefficient in the entering column's representation is largest), which
 * the entering column replaces among the keys. Any such choice is a basis
 * when the pivot element is nonzero. Call after `inverseRow(leaving)`, whose
 * `delta` marks the cut. Returns false when nothing reconnects the tree
 * (the pivot element was zero: a bug upstream).
 */
export const swap = (f: Factor, basis: Basis, leaving: number, entering: number): boolean => {
  const { p, delta } = f;
  const { n, k, tail, head } = p;
  const at = positionOf(f, basis, leaving);
  if (at >= n) {
    basis.keys[at - n] = entering;
    return true;
  }
  const treeSlot = basis.tree.indexOf(leaving);
  if (treeSlot < 0) return false;
  if (delta[head[entering]!] !== delta[tail[entering]!]) {
    basis.tree[treeSlot] = entering;
    return true;
  }
  // beta = W^-1 sigma_entering: the keys' share of the entering column.
  const sigma = f.sigma;
  sigmaOf(f, entering, sigma);
  let best = -1;
  let bestSize = 0;
  for (let c = 0; c < k; c++) {
    const j = basis.keys[c]!;
    if (delta[head[j]!] === delta[tail[j]!]) continue;
    let beta = 0;
    for (let r = 0; r < k; r++) beta += f.winv[c * k + r]! * sigma[r]!;
    if (best < 0 || Math.abs(beta) > bestSize) {
      best = c;
      bestSize = Math.abs(beta);
    }
  }
  if (best < 0) return false;
  basis.tree[treeSlot] = basis.keys[best]!;
  basis.keys[best] = entering;
  return true;
};
