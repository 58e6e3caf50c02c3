/**
 * The workers a cell (a group of interchangeable employers, ./market.ts)
 * holds during deferred acceptance: one min-heap per cell in shared typed
 * arrays, the worst held worker on top, so that a proposal is compared
 * with her in O(1) and replaces her in O(log capacity). A worker's key is
 * the cell's value of her and her priority packed into one number (value x
 * 2^32 + priority: values are small integers, priorities 32-bit); equal
 * keys go to the smaller worker index (id).
 */
export interface Heaps {
  readonly size: Int32Array;
  readonly start: Int32Array;
  readonly key: Float64Array;
  readonly worker: Int32Array;
}

/** Priorities are below this: a key is value x PRIORITY_SPAN + priority. */
export const PRIORITY_SPAN = 2 ** 32;

export const makeHeaps = (capacity: Int32Array): Heaps => {
  const start = new Int32Array(capacity.length + 1);
  for (let c = 0; c < capacity.length; c++) start[c + 1] = (start[c] as number) + (capacity[c] as number);
  const total = start[capacity.length] as number;
  return { size: new Int32Array(capacity.length), start, key: new Float64Array(total), worker: new Int32Array(total) };
};

/** Whether entry i ranks below entry j. */
const worse = (h: Heaps, i: number, j: number): boolean =>
  (h.key[i] as number) < (h.key[j] as number) || ((h.key[i] as number) === (h.key[j] as number) && (h.worker[i] as number) > (h.worker[j] as number));

const swap = (h: Heaps, i: number, j: number): void => {
  const k = h.key[i] as number;
  h.key[i] = h.key[j] as number;
  h.key[j] = k;
  const w = h.worker[i] as number;
  h.worker[i] = h.worker[j] as number;
  h.worker[j] = w;
};

const siftDown = (h: Heaps, base: number, n: number, from: number): void => {
  let i = from;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) return;
    const r = l + 1;
    const m = r < n && worse(h, base + r, base + l) ? r : l;
    if (!worse(h, base + m, base + i)) return;
    swap(h, base + m, base + i);
    i = m;
  }
};

export const push = (h: Heaps, c: number, key: number, worker: number): void => {
  const base = h.start[c] as number;
  let i = h.size[c] as number;
  h.size[c] = i + 1;
  h.key[base + i] = key;
  h.worker[base + i] = worker;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(h, base + i, base + parent)) return;
    swap(h, base + i, base + parent);
    i = parent;
  }
};

/** Removes the worst held worker of a cell and gives her index. */
export const popWorst = (h: Heaps, c: number): number => {
  const base = h.start[c] as number;
  const n = (h.size[c] as number) - 1;
  const out = h.worker[base] as number;
  swap(h, base, base + n);
  h.size[c] = n;
  siftDown(h, base, n, 0);
  return out;
};

/** Replaces the worst held worker of a full cell with a better one; gives the one turned away. */
export const replaceWorst = (h: Heaps, c: number, key: number, worker: number): number => {
  const base = h.start[c] as number;
  const out = h.worker[base] as number;
  h.key[base] = key;
  h.worker[base] = worker;
  siftDown(h, base, h.size[c] as number, 0);
  return out;
};

