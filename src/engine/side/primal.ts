/**
 * Primal values of a basis (./basis.ts): every nonbasic column at the bound
 * its state names, and the basic ones that balance every node and meet every
 * side row; from scratch (`primalValues`), or moved along one pivot's
 * entering column (`stepAlong`).
 */
import { sigmaOf, type Basis, type Factor } from "./basis.js";

/**
 * The primal values of every column into `x`: nonbasic columns at their
 * bound (`lower`, `upper`, by `basis.state`), then the tree and key columns
 * that balance every node and meet every side row.
 */
export const primalValues = (f: Factor, basis: Basis, lower: Float64Array, upper: Float64Array, x: Float64Array): void => {
  const { p, pred, winv } = f;
  const { n, k, columns, tail, head, sideStart, sideRow, sideCoef, rhs } = p;
  const { state } = basis;
  const b = f.nodeValue;
  b.fill(0);
  const q = new Float64Array(k);
  for (let r = 0; r < k; r++) q[r] = rhs[r]!;
  for (let j = 0; j < columns; j++) {
    if (state[j] === 0) continue;
    const v = state[j] === -1 ? upper[j]! : lower[j]!;
    x[j] = v;
    if (v === 0) continue;
    b[head[j]!]! += v;
    b[tail[j]!]! -= v;
    for (let e = sideStart[j]!; e < sideStart[j + 1]!; e++) q[sideRow[e]!]! -= sideCoef[e]! * v;
  }
  if (k > 0) {
    // Tree flows with the keys at 0, their side effect, then the keys that make it up.
    const e0 = new Float64Array(n + 1);
    e0.set(b);
    treeFlows(f, e0, x);
    for (let v = 0; v < n; v++) {
      const j = pred[v]!;
      const xv = x[j]!;
      if (xv === 0) continue;
      for (let e = sideStart[j]!; e < sideStart[j + 1]!; e++) q[sideRow[e]!]! -= sideCoef[e]! * xv;
    }
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let r = 0; r < k; r++) s += winv[c * k + r]! * q[r]!;
      const j = basis.keys[c]!;
      x[j] = s;
      b[head[j]!]! += s;
      b[tail[j]!]! -= s;
    }
  }
  treeFlows(f, b, x);
};

/** Tree flows that balance the node excesses `b` (consumed): bottom-up over the preorder. */
const treeFlows = (f: Factor, b: Float64Array, x: Float64Array): void => {
  const { p, order, parent, pred, up } = f;
  for (let i = p.n; i > 0; i--) {
    const u = order[i]!;
    const e = b[u]!;
    // The subtree's net inflow from outside the tree leaves by the tree column.
    x[pred[u]!] = up[u] === 1 ? e : -e;
    b[parent[u]!]! += e;
  }
};

/** Adds `amount` along the tree path from node `from` to node `to` (pushing that much flow from `from` to `to`). */
const pushAlong = (f: Factor, from: number, to: number, amount: number, x: Float64Array): void => {
  const { parent, pred, up, depth } = f;
  let a = from;
  let b = to;
  // From `from` up to the meeting point flow goes upwards; from there down to `to`.
  while (a !== b) {
    if (depth[a]! >= depth[b]!) {
      x[pred[a]!]! += up[a] === 1 ? amount : -amount;
      a = parent[a]!;
    } else {
      x[pred[b]!]! += up[b] === 1 ? -amount : amount;
      b = parent[b]!;
    }
  }
};

/**
 * Moves nonbasic column `entering` by `amount` and the basic columns with
 * it, keeping every node balanced and every side row met: the entering
 * column's flow returns through the tree (from its head to its tail), and
 * the keys take up its side effect (beta = -W^-1 sigma), each with its own
 * tree cycle. The incremental form of `primalValues`.
 */
export const stepAlong = (f: Factor, basis: Basis, entering: number, amount: number, x: Float64Array): void => {
  const { p, winv } = f;
  const { k, tail, head } = p;
  x[entering]! += amount;
  pushAlong(f, head[entering]!, tail[entering]!, amount, x);
  if (k === 0) return;
  const sigma = f.sigma;
  sigmaOf(f, entering, sigma);
  for (let c = 0; c < k; c++) {
    let beta = 0;
    for (let r = 0; r < k; r++) beta -= winv[c * k + r]! * sigma[r]!;
    if (beta === 0) continue;
    const j = basis.keys[c]!;
    const move = amount * beta;
    x[j]! += move;
    pushAlong(f, head[j]!, tail[j]!, move, x);
  }
};
