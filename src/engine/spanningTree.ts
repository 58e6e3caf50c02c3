/**
 * Spanning-tree surgery shared by the two network simplex engines
 * (./minCostFlow.ts, ./circulation.ts): when an entering arc replaces a
 * leaving one, cut the subtree the leaving arc held, re-root it at the
 * entering arc's end and graft it under the other end, keeping the preorder
 * thread, subtree sizes and last descendants right (Kennington and Helgason's
 * representation). Only the Int32 links live here; flows and potentials stay
 * in each engine, whose element kinds differ, so every call site here stays
 * monomorphic for V8.
 */

/** The tree links both engines keep, for nodes 0..n (the root included). */
export interface TreeLinks {
  readonly parent: Int32Array;
  /** The tree arc joining a node to its parent, and 1 when it points towards the parent. */
  readonly pred: Int32Array;
  readonly up: Uint8Array;
  /** Preorder successor and predecessor (circular), subtree size, last node of the subtree. */
  readonly thread: Int32Array;
  readonly rev: Int32Array;
  readonly size: Int32Array;
  readonly last: Int32Array;
}

/** Takes the subtree at `out` out of the preorder, and out of its old ancestors' sizes and ends. */
export const cut = (net: TreeLinks, out: number, join: number): void => {
  const { parent, thread, rev, size, last } = net;
  const moved = size[out]!;
  const end = last[out]!;
  const before = rev[out]!;
  const after = thread[end]!;
  thread[before] = after;
  rev[after] = before;
  for (let u = parent[out]!; u !== join; u = parent[u]!) size[u]! -= moved;
  for (let u = parent[out]!; u !== -1 && last[u] === end; u = parent[u]!) last[u] = before;
};

/**
 * Re-threads the cut subtree as rooted at `uIn`: for each node p_i on the
 * path uIn = p_0 .. p_k = out, its old subtree minus that of p_(i-1), which is
 * at most two runs of the old preorder. Returns the new last node. Reads only
 * old links: each piece's neighbours are saved before they are overwritten.
 */
export const rethread = (net: TreeLinks, uIn: number, out: number): number => {
  const { parent, thread, rev, last } = net;
  let prev = uIn;
  let prevRev = rev[uIn]!;
  let prevLast = last[uIn]!;
  let prevNext = thread[prevLast]!;
  let tail = prevLast;
  let node = parent[uIn]!;
  while (prev !== out) {
    const nodeRev = rev[node]!;
    const nodeLast = last[node]!;
    const nodeNext = nodeLast === prevLast ? prevNext : thread[nodeLast]!;
    const above = parent[node]!;
    thread[tail] = node;
    rev[node] = tail;
    tail = prevRev;
    if (nodeLast !== prevLast) {
      thread[tail] = prevNext;
      rev[prevNext] = tail;
      tail = nodeLast;
    }
    prev = node;
    prevRev = nodeRev;
    prevLast = nodeLast;
    prevNext = nodeNext;
    node = above;
  }
  return tail;
};

/**
 * Reverses the tree links on the path uIn .. out, hanging uIn from vIn by
 * the entering arc `e` (tail `eTail`); sizes and ends of the path follow.
 */
export const reversePath = (net: TreeLinks, e: number, eTail: number, uIn: number, vIn: number, out: number, end: number): void => {
  const { parent, pred, up, size, last } = net;
  const moved = size[out]!;
  let u = uIn;
  let newParent = vIn;
  let newPred = e;
  let newUp = eTail === uIn ? 1 : 0;
  let prevSize = 0;
  for (;;) {
    const oldParent = parent[u]!;
    const oldPred = pred[u]!;
    const oldUp = up[u]!;
    const oldSize = size[u]!;
    parent[u] = newParent;
    pred[u] = newPred;
    up[u] = newUp;
    size[u] = moved - prevSize;
    last[u] = end;
    if (u === out) return;
    prevSize = oldSize;
    newParent = u;
    newPred = oldPred;
    newUp = oldUp ^ 1;
    u = oldParent;
  }
};

/** Splices the segment uIn .. end into the preorder right after vIn, and grows vIn's ancestors. */
export const graft = (net: TreeLinks, uIn: number, vIn: number, end: number, join: number): void => {
  const { parent, thread, rev, size, last } = net;
  const moved = size[uIn]!;
  const afterV = thread[vIn]!;
  thread[vIn] = uIn;
  rev[uIn] = vIn;
  thread[end] = afterV;
  rev[afterV] = end;
  for (let w = vIn; w !== join; w = parent[w]!) size[w]! += moved;
  for (let w = vIn; w !== -1 && last[w] === vIn; w = parent[w]!) last[w] = end;
};
