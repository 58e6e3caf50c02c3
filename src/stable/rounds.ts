/**
 * Flexible regional caps during deferred acceptance (./caps.ts): each cap
 * keeps a tournament tree over its children, keyed by how far each is
 * beyond its target (the round its last worker was dealt, then its place in
 * the fixed order), so that when a cap overflows, the last worker its rounds
 * dealt is found in O(depth x log children) and turned away.
 */
import type { CapTree } from "./caps.js";
import { popWorst, type Heaps } from "./heaps.js";

/** Tournament trees over each cap's children: which child is furthest beyond its target (latest round, then latest in order). */
export interface Rounds {
  readonly count: Float64Array;
  /** Per node, the offset of its tree in `keys` and its number of leaves (a power of two). */
  readonly offset: Int32Array;
  readonly leaves: Int32Array;
  readonly keys: Float64Array;
}

const ORDER_SPAN = 2 ** 20;

export const makeRounds = (tree: CapTree): Rounds => {
  const nodes = tree.root + 1;
  const offset = new Int32Array(nodes);
  const leaves = new Int32Array(nodes);
  let total = 0;
  for (let v = 0; v < nodes; v++) {
    const m = tree.children[v]?.length ?? 0;
    if (m === 0 || v === tree.root) continue;
    let size = 1;
    while (size < m) size *= 2;
    offset[v] = total;
    leaves[v] = size;
    total += 2 * size;
  }
  return { count: new Float64Array(nodes), offset, leaves, keys: new Float64Array(total).fill(-1) };
};

/** The key of `child` in its parent's tree: its round and order when beyond its target, -1 otherwise. */
const keyOf = (tree: CapTree, r: Rounds, child: number): number => {
  const beyond = (r.count[child] as number) - (tree.target[child] as number);
  return beyond <= 0 ? -1 : (tree.roundOf[child]?.[beyond - 1] as number) * ORDER_SPAN + (tree.precedence[child] as number);
};

const update = (tree: CapTree, r: Rounds, parent: number, child: number): void => {
  const base = r.offset[parent] as number;
  let i = (r.leaves[parent] as number) + (tree.precedence[child] as number);
  r.keys[base + i] = keyOf(tree, r, child);
  for (i >>= 1; i >= 1; i >>= 1) r.keys[base + i] = Math.max(r.keys[base + 2 * i] as number, r.keys[base + 2 * i + 1] as number);
};

/** The child of `parent` furthest beyond its target. */
const furthest = (tree: CapTree, r: Rounds, parent: number): number => {
  const base = r.offset[parent] as number;
  const n = r.leaves[parent] as number;
  let i = 1;
  while (i < n) i = (r.keys[base + 2 * i] as number) >= (r.keys[base + 2 * i + 1] as number) ? 2 * i : 2 * i + 1;
  return tree.children[parent]?.[i - n] as number;
};

/**
 * After cell c took one more worker: count it in every cap above, and where
 * a cap overflows, turn away its last dealt worker. Gives that worker, or -1.
 */
export const settle = (tree: CapTree, r: Rounds, h: Heaps, c: number): number => {
  r.count[c] = h.size[c] as number;
  let node = c;
  for (;;) {
    const parent = tree.parent[node] as number;
    if (parent === tree.root) return -1;
    update(tree, r, parent, node);
    r.count[parent] = (r.count[parent] as number) + 1;
    if ((r.count[parent] as number) <= (tree.cap[parent] as number)) {
      node = parent;
      continue;
    }
    // Overflow: back down from the cap to the furthest child, recursively, to a cell's worst worker.
    let at = parent;
    r.count[at] = (r.count[at] as number) - 1;
    for (;;) {
      const child = furthest(tree, r, at);
      if ((tree.children[child]?.length ?? 0) === 0) {
        const out = popWorst(h, child);
        r.count[child] = h.size[child] as number;
        update(tree, r, at, child);
        return out;
      }
      r.count[child] = (r.count[child] as number) - 1;
      update(tree, r, at, child);
      at = child;
    }
  }
};

