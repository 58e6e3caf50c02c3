/**
 * A basis of the network with side rows (./problem.ts), primal partitioned:
 * a spanning tree of the network nodes and the root (one column per node)
 * plus k "key" columns, one per side row. Everything the simplex needs is
 * read off it:
 *
 * - tree: parent, the column to the parent (`pred`, with `up` = 1 when it
 *   points from child to parent), preorder and subtree sizes (so "u is in
 *   v's subtree" is pre[v] <= pre[u] < pre[v] + size[v]);
 * - potentials along the tree from the root: pi(v) = the gain of pushing one
 *   unit from v up to the root through the tree, and psi_r(v) the same for
 *   side row r's coefficients. Pushing a unit round column j's tree cycle
 *   (through j, then back from head to tail in the tree) gains
 *   gamma_j = g_j + pi(head) - pi(tail) and moves the side rows by
 *   sigma_j = S_j + psi(head) - psi(tail) (zero for tree columns);
 * - the working matrix W, whose column c is sigma of key c (k x k; the basis
 *   is nonsingular exactly when W is, since the tree part has determinant
 *   +-1), and its inverse;
 * - side prices mu with W^T mu = gamma of the keys, node prices
 *   phi = pi - mu . psi, and every column's reduced cost
 *   d_j = g_j - mu . S_j + phi(head) - phi(tail): what one more unit of x_j
 *   gains once the basis absorbs it (0 on basic columns);
 * - (./pivot.ts) the row of the basis inverse for a leaving basic column p,
 *   as node values chi and side values tau: x_p moves by
 *   alpha_pj = chi(head_j) - chi(tail_j) - tau . S_j per unit of x_j;
 *   (./primal.ts) the basic columns' values.
 * The tree, potentials and W^-1 are rebuilt from the basis at every pivot
 * (a pass over the nodes, and k^3 for the inverse): no error accumulates
 * from one pivot to the next; only the primal values are carried along a
 * pivot, and recomputed from the basis every hundred (./dual.ts).
 */
import type { SideProblem } from "./problem.js";

/** Which columns are basic, and where the others sit. */
export interface Basis {
  /** The tree: n columns, in no particular order. */
  readonly tree: Int32Array;
  /** The key columns, one per side row. */
  readonly keys: Int32Array;
  /** Per column: 0 basic, 1 at its lower bound, -1 at its upper bound. */
  readonly state: Int8Array;
}

export const copyBasis = (b: Basis): Basis => ({ tree: b.tree.slice(), keys: b.keys.slice(), state: b.state.slice() });

/** The factorisation of one basis, and scratch space reused from one pivot to the next. */
export interface Factor {
  readonly p: SideProblem;
  readonly parent: Int32Array;
  readonly pred: Int32Array;
  readonly up: Uint8Array;
  readonly order: Int32Array;
  readonly pre: Int32Array;
  readonly size: Int32Array;
  readonly pi: Float64Array;
  /** psi_r(v) at v * k + r. */
  readonly psi: Float64Array;
  /** W, column c at c * k. */
  readonly w: Float64Array;
  /** W^-1, row c at c * k. */
  readonly winv: Float64Array;
  readonly mu: Float64Array;
  readonly phi: Float64Array;
  /** Depth of each node below the root. */
  readonly depth: Int32Array;
  /** Scratch: adjacency of the tree, a cursor and a stack per node, node values. */
  readonly adjStart: Int32Array;
  readonly adj: Int32Array;
  readonly cursor: Int32Array;
  readonly stack: Int32Array;
  readonly nodeValue: Float64Array;
  readonly chi: Float64Array;
  readonly tau: Float64Array;
  readonly delta: Float64Array;
  /** Scratch, one entry per side row. */
  readonly sigma: Float64Array;
}

export const newFactor = (p: SideProblem): Factor => {
  const { n, k } = p;
  return {
    p,
    parent: new Int32Array(n + 1),
    pred: new Int32Array(n + 1),
    up: new Uint8Array(n + 1),
    order: new Int32Array(n + 1),
    pre: new Int32Array(n + 1),
    size: new Int32Array(n + 1),
    pi: new Float64Array(n + 1),
    psi: new Float64Array((n + 1) * k),
    w: new Float64Array(k * k),
    winv: new Float64Array(k * k),
    mu: new Float64Array(k),
    phi: new Float64Array(n + 1),
    depth: new Int32Array(n + 1),
    adjStart: new Int32Array(n + 2),
    adj: new Int32Array(2 * n),
    cursor: new Int32Array(n + 2),
    stack: new Int32Array(n + 1),
    nodeValue: new Float64Array(n + 1),
    chi: new Float64Array(n + 1),
    tau: new Float64Array(k),
    delta: new Float64Array(n + 1),
    sigma: new Float64Array(k),
  };
};

/**
 * Builds the tree arrays and potentials of `basis`; false when its tree
 * columns do not span the nodes (a singular basis: a bug upstream).
 */
const buildTree = (f: Factor, basis: Basis): boolean => {
  const { p, parent, pred, up, order, pre, size, pi, psi, adjStart, adj, cursor, stack, depth } = f;
  const { n, k, tail, head, gain, sideStart, sideRow, sideCoef } = p;
  const root = n;
  adjStart.fill(0);
  for (let i = 0; i < n; i++) {
    const j = basis.tree[i] as number;
    adjStart[(tail[j] as number) + 1]!++;
    adjStart[(head[j] as number) + 1]!++;
  }
  for (let v = 0; v <= n; v++) adjStart[v + 1]! += adjStart[v]!;
  for (let v = 0; v <= n; v++) cursor[v] = adjStart[v]!;
  for (let i = 0; i < n; i++) {
    const j = basis.tree[i] as number;
    adj[cursor[tail[j]!]!++] = j;
    adj[cursor[head[j]!]!++] = j;
  }
  // Depth first from the root: preorder, parents, potentials.
  pre.fill(-1);
  let count = 0;
  let top = 0;
  stack[top++] = root;
  parent[root] = -1;
  pred[root] = -1;
  pi[root] = 0;
  psi.fill(0, root * k, root * k + k);
  pre[root] = 0;
  depth[root] = 0;
  order[count++] = root;
  // Iterative depth-first search: preorder when a node is first reached.
  for (let v = 0; v <= n; v++) cursor[v] = adjStart[v]!;
  while (top > 0) {
    const v = stack[top - 1]!;
    if (cursor[v]! < adjStart[v + 1]!) {
      const j = adj[cursor[v]!++]!;
      const u = tail[j] === v ? head[j]! : tail[j]!;
      if (u === v || pre[u] !== -1) continue;
      parent[u] = v;
      pred[u] = j;
      depth[u] = depth[v]! + 1;
      const isUp = tail[j] === u ? 1 : 0;
      up[u] = isUp;
      pi[u] = pi[v]! + (isUp === 1 ? gain[j]! : -gain[j]!);
      const base = u * k;
      const from = v * k;
      for (let r = 0; r < k; r++) psi[base + r] = psi[from + r]!;
      for (let e = sideStart[j]!; e < sideStart[j + 1]!; e++) psi[base + sideRow[e]!]! += isUp === 1 ? sideCoef[e]! : -sideCoef[e]!;
      pre[u] = count;
      order[count++] = u;
      stack[top++] = u;
    } else {
      top--;
    }
  }
  if (count !== n + 1) return false;
  for (let i = n; i >= 0; i--) size[order[i]!] = 1;
  for (let i = n; i > 0; i--) {
    const u = order[i]!;
    size[parent[u]!]! += size[u]!;
  }
  return true;
};

/** sigma_j (the side rows moved by column j's tree cycle) into `out` (length k). */
export const sigmaOf = (f: Factor, j: number, out: Float64Array): void => {
  const { p, psi } = f;
  const { k, tail, head, sideStart, sideRow, sideCoef } = p;
  const h = head[j]! * k;
  const t = tail[j]! * k;
  for (let r = 0; r < k; r++) out[r] = psi[h + r]! - psi[t + r]!;
  for (let e = sideStart[j]!; e < sideStart[j + 1]!; e++) out[sideRow[e]!]! += sideCoef[e]!;
};

/** Inverts W into winv by Gauss-Jordan with partial pivoting; false when (numerically) singular. */
const invert = (f: Factor): boolean => {
  const { p, w, winv } = f;
  const k = p.k;
  if (k === 0) return true;
  // a: row-major copy of W (a[r * k + c] = W[r][c]); winv starts as the identity (row-major).
  const a = new Float64Array(k * k);
  let scale = 0;
  for (let c = 0; c < k; c++) for (let r = 0; r < k; r++) {
    a[r * k + c] = w[c * k + r]!;
    scale = Math.max(scale, Math.abs(w[c * k + r]!));
  }
  winv.fill(0);
  for (let r = 0; r < k; r++) winv[r * k + r] = 1;
  for (let c = 0; c < k; c++) {
    let best = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r * k + c]!) > Math.abs(a[best * k + c]!)) best = r;
    const pivot = a[best * k + c]!;
    if (Math.abs(pivot) <= 1e-11 * Math.max(1, scale)) return false;
    if (best !== c) {
      for (let i = 0; i < k; i++) {
        const t1 = a[c * k + i]!;
        a[c * k + i] = a[best * k + i]!;
        a[best * k + i] = t1;
        const t2 = winv[c * k + i]!;
        winv[c * k + i] = winv[best * k + i]!;
        winv[best * k + i] = t2;
      }
    }
    for (let i = 0; i < k; i++) {
      a[c * k + i]! /= pivot;
      winv[c * k + i]! /= pivot;
    }
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const factor = a[r * k + c]!;
      if (factor === 0) continue;
      for (let i = 0; i < k; i++) {
        a[r * k + i]! -= factor * a[c * k + i]!;
        winv[r * k + i]! -= factor * winv[c * k + i]!;
      }
    }
  }
  // winv is W^-1 in row-major: winv[r * k + c] = (W^-1)[r][c]; row c of W^-1 is at c * k, as the interface says.
  return true;
};

/**
 * Factorises `basis`: tree, potentials, W and its inverse, prices. False
 * when the basis is singular (numerically, for W).
 */
export const factorise = (f: Factor, basis: Basis): boolean => {
  const { p, w, mu, phi, pi, psi } = f;
  const { n, k, tail, head, gain } = p;
  if (!buildTree(f, basis)) return false;
  const sigma = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    sigmaOf(f, basis.keys[c]!, sigma);
    w.set(sigma, c * k);
  }
  if (!invert(f)) return false;
  // mu = W^-T gamma_C: mu_r = sum_c winv[c][r] gamma_c.
  mu.fill(0);
  for (let c = 0; c < k; c++) {
    const j = basis.keys[c]!;
    const gamma = gain[j]! + pi[head[j]!]! - pi[tail[j]!]!;
    if (gamma === 0) continue;
    for (let r = 0; r < k; r++) mu[r]! += f.winv[c * k + r]! * gamma;
  }
  for (let v = 0; v <= n; v++) {
    let s = pi[v]!;
    for (let r = 0; r < k; r++) s -= mu[r]! * psi[v * k + r]!;
    phi[v] = s;
  }
  return true;
};

/** Where basic column j sits: the node v (0..n-1) whose tree column it is, or n + c for key c; -1 if nonbasic. */
export const positionOf = (f: Factor, basis: Basis, j: number): number => {
  if (basis.state[j] !== 0) return -1;
  const { tail, head, n } = f.p;
  const t = tail[j]!;
  const h = head[j]!;
  if (t !== n && f.pred[t] === j) return t;
  if (h !== n && f.pred[h] === j) return h;
  const c = basis.keys.indexOf(j);
  return c < 0 ? -1 : n + c;
};

/** Column j's reduced cost under the factorised basis (not 0 for basic columns unless computed as such: call on nonbasic ones). */
export const reducedCost = (f: Factor, j: number): number => {
  const { p, mu, phi } = f;
  let v = p.gain[j]! + phi[p.head[j]!]! - phi[p.tail[j]!]!;
  for (let e = p.sideStart[j]!; e < p.sideStart[j + 1]!; e++) v -= mu[p.sideRow[e]!]! * p.sideCoef[e]!;
  return v;
};

/** Every column's reduced cost into `d` (0 on basic columns). */
export const reducedCosts = (f: Factor, basis: Basis, d: Float64Array): void => {
  const { p, mu, phi } = f;
  const { columns, tail, head, gain, sideStart, sideRow, sideCoef } = p;
  const { state } = basis;
  for (let j = 0; j < columns; j++) {
    if (state[j] === 0) {
      d[j] = 0;
      continue;
    }
    let v = gain[j]! + phi[head[j]!]! - phi[tail[j]!]!;
    for (let e = sideStart[j]!; e < sideStart[j + 1]!; e++) v -= mu[sideRow[e]!]! * sideCoef[e]!;
    d[j] = v;
  }
};
