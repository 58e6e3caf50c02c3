/**
 * Regional caps as Kamada and Kojima's choice rule, written out from the
 * documented rule (src/stable/caps.ts) for tiny markets where every
 * employer is a group of its own: the tree of nested caps, targets shared
 * in proportion, spare places dealt in rounds; the whole employer side's
 * choice from a set of offers; and stability in the sense of matching with
 * contracts (Hatfield and Milgrom): the side keeps all it holds, and no
 * worker prefers an employer whose side would choose her offer.
 */
import type { EmployerInput, InstanceInput, WorkerInput } from "../../src/input/codecs.js";
import { eligible, employerValue, legalCapacity, regions, strict } from "./oracle.js";

/** Largest remainders, ties to the earlier; each share at most its weight. */
const share = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total >= sum) return [...weights];
  if (total <= 0 || sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = weights.map((_, i) => i).sort((a, b) => (exact[b] as number) - (out[b] as number) - ((exact[a] as number) - (out[a] as number)) || a - b);
  for (const i of order) if (left > 0 && (out[i] as number) < (weights[i] as number)) (out[i] = (out[i] as number) + 1), left--;
  return out;
};

interface Node {
  readonly employers: readonly EmployerInput[];
  readonly cap: number;
  readonly children: Node[];
  readonly leaf: EmployerInput | null;
  effective: number;
  target: number;
}

export interface CapsOracle {
  /** Capacities after rigid cuts for crossing caps. */
  readonly capacity: ReadonlyMap<string, number>;
  /** Targets per employer. */
  readonly target: ReadonlyMap<string, number>;
  /** The side's choice from a set of offers (worker id to employer id pairs). */
  readonly choose: (offers: readonly (readonly [string, string])[]) => Set<string>;
  /** Stable in the sense of matching with contracts. */
  readonly stable: (m: ReadonlyMap<string, string>) => boolean;
}

export const capsOracle = (input: InstanceInput): CapsOracle => {
  const byId = (a: EmployerInput, b: EmployerInput): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const capacity = new Map(input.employers.map((e) => [e.id, legalCapacity(input, e)]));
  const open = [...input.employers].filter((e) => (capacity.get(e.id) as number) > 0).sort(byId);
  const caps = regions(input).map((r, i) => ({ ...r, i, set: open.filter((e) => r.has(e)) }));
  caps.sort((a, b) => b.set.length - a.set.length || a.i - b.i);
  const nested: typeof caps = [];
  for (const c of caps) {
    const crosses = nested.some((n) => {
      const inside = c.set.filter((e) => n.set.includes(e)).length;
      return !(inside === 0 || inside === c.set.length || inside === n.set.length);
    });
    if (!crosses) nested.push(c);
    else {
      const cut = share(c.max, c.set.map((e) => capacity.get(e.id) as number));
      c.set.forEach((e, k) => capacity.set(e.id, Math.min(capacity.get(e.id) as number, cut[k] as number)));
    }
  }
  // The tree: each cap under the smallest earlier cap holding it; each employer under the smallest cap holding it.
  const nodes: Node[] = nested.map((c) => ({ employers: c.set, cap: c.max, children: [], leaf: null, effective: 0, target: 0 }));
  const root: Node = { employers: open, cap: Infinity, children: [], leaf: null, effective: 0, target: 0 };
  nodes.forEach((n, i) => {
    const holder = [...nodes.slice(0, i)].reverse().find((m) => n.employers.every((e) => m.employers.includes(e)));
    (holder ?? root).children.push(n);
  });
  for (const e of open) {
    const holder = [...nodes].reverse().find((m) => m.employers.includes(e));
    (holder ?? root).children.push({ employers: [e], cap: capacity.get(e.id) as number, children: [], leaf: e, effective: 0, target: 0 });
  }
  const first = (n: Node): string => [...n.employers].sort(byId)[0]?.id ?? "";
  const effective = (n: Node): number => {
    n.children.sort((a, b) => (first(a) < first(b) ? -1 : 1));
    n.effective = n.leaf !== null ? n.cap : Math.min(n.cap, n.children.reduce((s, c) => s + effective(c), 0));
    return n.effective;
  };
  effective(root);
  const targets = (n: Node): void => {
    const t = n === root ? n.children.map((c) => c.effective) : share(n.target, n.children.map((c) => c.effective));
    n.children.forEach((c, i) => {
      c.target = t[i] as number;
      targets(c);
    });
  };
  targets(root);
  const target = new Map<string, number>();
  const leaves = (n: Node): Node[] => (n.leaf !== null ? [n] : n.children.flatMap(leaves));
  for (const l of leaves(root)) target.set((l.leaf as EmployerInput).id, l.target);
  /** The round of a node's k-th worker beyond its target: the smallest r with sum over its employers of min(r, excess) >= k. */
  const round = (n: Node, k: number): number => {
    const excess = leaves(n).map((l) => (capacity.get((l.leaf as EmployerInput).id) as number) - l.target);
    for (let r = 1; ; r++) if (excess.reduce((s, x) => s + Math.min(r, Math.max(0, x)), 0) >= k) return r;
  };
  const workers = new Map(input.workers.map((w) => [w.id, w]));
  const { workerPrefers, employerPrefers } = strict(input);
  /** A node's chosen sequence from the offers. */
  const sequence = (n: Node, offers: readonly (readonly [string, string])[]): string[] => {
    if (n.leaf !== null) {
      const e = n.leaf;
      const here = offers
        .filter(([w, id]) => id === e.id && employerValue(input, workers.get(w) as WorkerInput, e) !== -Infinity)
        .map(([w]) => workers.get(w) as WorkerInput)
        .sort((a, b) => (employerPrefers(e, a, b) ? -1 : employerPrefers(e, b, a) ? 1 : 0));
      return here.slice(0, n.cap).map((w) => `${w.id}|${e.id}`);
    }
    const lists = n.children.map((c) => sequence(c, offers));
    const phase1 = lists.flatMap((l, i) => l.slice(0, (n.children[i] as Node).target));
    const phase2 = lists
      .flatMap((l, i) => l.slice((n.children[i] as Node).target).map((x, j) => ({ x, key: [round(n.children[i] as Node, j + 1), i, j] as const })))
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
      .map((y) => y.x);
    return [...phase1, ...phase2].slice(0, n === root ? Infinity : n.cap);
  };
  const choose = (offers: readonly (readonly [string, string])[]): Set<string> => new Set(sequence(root, offers));
  const employers = new Map(input.employers.map((e) => [e.id, e]));
  const stable = (m: ReadonlyMap<string, string>): boolean => {
    const held = [...m.entries()];
    if (choose(held).size !== held.length) return false;
    for (const w of input.workers) {
      const now = m.get(w.id);
      for (const e of open) {
        if (e.id === now || !eligible(w, e) || employerValue(input, w, e) === -Infinity) continue;
        if (!workerPrefers(w, e, now === undefined ? undefined : employers.get(now))) continue;
        if (choose([...held, [w.id, e.id]]).has(`${w.id}|${e.id}`)) return false;
      }
    }
    return true;
  };
  return { capacity, target, choose, stable };
};
