/**
 * Which policy constraints the network can carry, and which must be side
 * rows.
 *
 * The network of ../policyNetwork.ts holds, on each side, a laminar family
 * of sets (any two disjoint, or one inside the other: sector and field
 * quotas, per-employer caps, one family of fairness floors), and at each
 * employer class a laminar family of pair limits (diversity, slot starts). What crosses
 * (a sector quota and a prefecture quota over several prefectures; fairness
 * by training centre and by home province) is carried as side rows of the
 * network simplex with side constraints (./problem.ts), so fewer side rows
 * mean a smaller working basis: the network should keep as many of the
 * crossing sets as it can.
 *
 * That is a smallest vertex cover of the "crosses" graph (one vertex per
 * distinct set, weighted by its number of policies), hard in general; the
 * rule here is the greedy one: while two kept sets cross, move to the side
 * rows the set with the most crossings per policy (ties: more members, then
 * the later set). On the families jobmatch builds this is the cover one
 * would pick by hand: a sector quota crossing four prefecture bands goes,
 * the bands stay; of fairness by centre and by province, the family with
 * fewer sets goes. Singletons (a per-employer cap) cross nothing and always
 * stay. A scope that names a class twice (counted twice) is always a side
 * row, since a network arc counts a placement once.
 */
import { scopeArcs, type AssignmentModel, type PolicyConstraint } from "../../model/types.js";

export interface PolicySplit {
  /** Carried by the network: laminar on each side, diversity limits disjoint. */
  readonly network: readonly PolicyConstraint[];
  /** Carried as side rows, in model order. */
  readonly side: readonly PolicyConstraint[];
}

interface SetEntry {
  readonly members: ReadonlySet<number>;
  readonly policies: number[];
}

const crosses = (a: ReadonlySet<number>, b: ReadonlySet<number>): boolean => {
  if (a.size < 2 || b.size < 2) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inside = 0;
  for (const m of small) if (large.has(m)) inside++;
  return inside > 0 && inside < small.size;
};

/** Indices (into `policies`) of the sets the greedy cover moves to the side rows. */
const coverOf = (sets: readonly SetEntry[]): Set<number> => {
  // Only sets of two or more members can cross.
  const big = sets.map((s, i) => i).filter((i) => (sets[i] as SetEntry).members.size >= 2);
  const neighbours = new Map<number, Set<number>>(big.map((i) => [i, new Set<number>()]));
  for (let x = 0; x < big.length; x++) {
    for (let y = x + 1; y < big.length; y++) {
      const a = big[x] as number;
      const b = big[y] as number;
      if (crosses((sets[a] as SetEntry).members, (sets[b] as SetEntry).members)) {
        neighbours.get(a)?.add(b);
        neighbours.get(b)?.add(a);
      }
    }
  }
  const removed = new Set<number>();
  for (;;) {
    let best = -1;
    let bestScore = 0;
    for (const [i, ns] of neighbours) {
      if (removed.has(i) || ns.size === 0) continue;
      const entry = sets[i] as SetEntry;
      const score = ns.size / entry.policies.length;
      const better =
        best < 0 ||
        score > bestScore ||
        (score === bestScore && entry.members.size > (sets[best] as SetEntry).members.size) ||
        (score === bestScore && entry.members.size === (sets[best] as SetEntry).members.size && i > best);
      if (better) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0) break;
    removed.add(best);
    for (const n of neighbours.get(best) ?? []) neighbours.get(n)?.delete(best);
    neighbours.get(best)?.clear();
  }
  const out = new Set<number>();
  for (const i of removed) for (const p of (sets[i] as SetEntry).policies) out.add(p);
  return out;
};

/** Distinct member sets of the policies chosen by `pick`, each with the policies on it. */
const setsOf = (policies: readonly PolicyConstraint[], pick: (p: PolicyConstraint) => readonly number[] | null): SetEntry[] => {
  const byKey = new Map<string, SetEntry>();
  policies.forEach((p, i) => {
    const members = pick(p);
    if (members === null) return;
    const sorted = [...new Set(members)].sort((a, b) => a - b);
    const key = sorted.join(",");
    const entry = byKey.get(key) ?? { members: new Set(sorted), policies: [] };
    entry.policies.push(i);
    byKey.set(key, entry);
  });
  return [...byKey.values()];
};

const hasRepeats = (xs: readonly number[]): boolean => new Set(xs).size !== xs.length;

/** Splits the model's policies (see the module comment). Deterministic. */
export const splitPolicies = (model: AssignmentModel): PolicySplit => {
  const policies = model.policies ?? [];
  const side = new Set<number>();
  policies.forEach((p, i) => {
    if (p.scope.kind !== "pairs" && hasRepeats(p.scope.classes)) side.add(i);
  });
  const onSide = (kind: "workers" | "employers") => (p: PolicyConstraint): readonly number[] | null =>
    p.scope.kind === kind && !hasRepeats(p.scope.classes) ? p.scope.classes : null;
  for (const i of coverOf(setsOf(policies, onSide("workers")))) side.add(i);
  for (const i of coverOf(setsOf(policies, onSide("employers")))) side.add(i);
  // Pair limits (diversity, slot starts): the network routes each counted arc through the pair
  // nodes of one employer class, which must nest there; pair sets at different classes never meet.
  const byEmployer = new Map<number, PolicyConstraint[]>();
  const indexOfPolicy = new Map<PolicyConstraint, number>();
  policies.forEach((p, i) => {
    if (p.scope.kind !== "pairs") return;
    indexOfPolicy.set(p, i);
    byEmployer.set(p.scope.employer, [...(byEmployer.get(p.scope.employer) ?? []), p]);
  });
  for (const list of byEmployer.values()) {
    for (const k of coverOf(setsOf(list, (p) => (p.scope.kind === "pairs" ? scopeArcs(model, p.scope) : null)))) side.add(indexOfPolicy.get(list[k] as PolicyConstraint) as number);
  }
  return {
    network: policies.filter((_, i) => !side.has(i)),
    side: policies.filter((_, i) => side.has(i)),
  };
};
