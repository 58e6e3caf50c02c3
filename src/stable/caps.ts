/**
 * Regional caps for the stable mechanisms: which of the policy's limits a
 * stable mechanism can honour, and how.
 *
 * A maximum quota (hard or soft: a mechanism cannot weigh a penalty, so it
 * keeps to every maximum) is a *regional cap*: at most so many workers in
 * the employers of a sector, a field or a prefecture. Kamada and Kojima
 * (2015, "Efficient matching under distributional constraints", AER) showed
 * that the rigid way of honouring such caps, lowering every employer's
 * capacity to a share of its region's cap (the Japan Residency Matching
 * Program's first design), wastes places and creates avoidable instability;
 * their *flexible* deferred acceptance lets each employer take workers up to
 * its share (its *target*) and then deals out the region's spare capacity
 * one worker per employer per round, in a fixed order. Kamada and Kojima
 * (2018, "Stability and strategy-proofness for matching with constraints: a
 * necessary and sufficient condition", Theoretical Economics) show that a
 * mechanism both stable and strategy-proof for workers exists exactly when
 * the caps form a hierarchy: any two are disjoint or one holds the other.
 *
 * So:
 * - caps that form a hierarchy with the larger ones (taken largest first,
 *   then in input order) are honoured flexibly: a tree of caps over the
 *   market's cells (./market.ts), targets shared out top down in proportion
 *   to legal capacity (largest remainders, ties by employer id);
 * - a cap that crosses one already taken (a sector cap and a prefecture cap
 *   over several prefectures) is honoured rigidly: its employers' capacities
 *   are lowered, in proportion, until it holds even when all are full;
 * - an employer's own maximum, and the law's limits on it (staff caps,
 *   acceptance plan, housing: ./limits.ts), lower that employer's capacity;
 * - a support organisation's legal capacity (from 2027-04-01) is a cap over
 *   its employers like a maximum quota, taken first among caps of its size
 *   (it comes before the policy's in the list), flexibly or rigidly as
 *   above: either way it is never exceeded;
 * - minimum quotas, fairness floors, diversity limits and groups are not
 *   honoured (./mechanism.ts says why); the result reports how they stand.
 *
 * Spare capacity in a capped region goes out in rounds; in round r, each
 * employer that can take more than its target takes its r-th worker beyond
 * it, sub-regions and groups of interchangeable employers taking as many
 * per round as they hold such employers, in the fixed order of their first
 * employer's id (`roundOf` tables below).
 */
import type { Employer } from "../input/instance.js";
import { employerLimits } from "../rules/limits.js";
import { inScope, legalRegions, quotaMaxLabel } from "./limits.js";
import type { Cell, Market } from "./market.js";
import { apportion } from "../numbers/apportion.js";

/** How the stable mechanism treats one limit of the policy. */
export interface CapHandling {
  readonly label: string;
  readonly source: string;
  readonly treatment: "flexible" | "rigid" | "employer-capacity" | "not-honoured";
  /** In words: why, and what happens. */
  readonly why: string;
}

/**
 * The tree of flexible caps. Nodes 0..cells-1 are the market's cells,
 * then one node per cap, then the root (no cap).
 */
export interface CapTree {
  readonly root: number;
  readonly parent: Int32Array;
  /** Each node's cap (Infinity for cells, bounded by their capacity elsewhere, and the root). */
  readonly cap: Float64Array;
  /** Each node's target: its share of its parent's cap. */
  readonly target: Float64Array;
  /** Each node's effective capacity: its cap, or what its employers can take if less. */
  readonly effective: Float64Array;
  /** Children of each internal node, in precedence order; empty for cells. */
  readonly children: readonly (readonly number[])[];
  /** A node's position among its siblings. */
  readonly precedence: Int32Array;
  /** roundOf[node][k - 1]: the round in which the node's k-th worker beyond its target is dealt out. */
  readonly roundOf: readonly Int32Array[];
  readonly labels: readonly string[];
}

export interface CapPlan {
  /** Per employer index: what the mechanism may fill (legal capacity, lowered by employer maxima and rigid caps). */
  readonly capacity: Int32Array;
  /** Per employer index: its target (its share of the flexible caps above it); its capacity where none is above it. */
  readonly target: Int32Array;
  /** The flexible caps, or null when there are none (or the caps are rigid). */
  readonly tree: CapTree | null;
  readonly handling: readonly CapHandling[];
}

/**
 * `total` shared out over `weights` in proportion, by largest remainder (ties to the earlier); each share at
 * most its weight. Below the weights' sum that is `apportion` (a proportional share is then below its weight,
 * so the remainder's unit never lifts it past); at or above it, every weight in full.
 */
export const shareOut = (total: number, weights: readonly number[]): number[] =>
  total >= weights.reduce((s, w) => s + w, 0) && total > 0 ? [...weights] : apportion(total, weights);

/** The round table of a set of employers' excesses over their targets: the round of the k-th worker beyond, k = 1..length. */
const roundTable = (excess: readonly number[], length: number): Int32Array => {
  const out = new Int32Array(Math.max(0, length));
  const sorted = [...excess].filter((x) => x > 0).sort((a, b) => a - b);
  let k = 0;
  let i = 0;
  for (let r = 1; k < out.length && i < sorted.length; r++) {
    while (i < sorted.length && (sorted[i] as number) < r) i++;
    const takers = sorted.length - i;
    for (let t = 0; t < takers && k < out.length; t++) out[k++] = r;
  }
  return out;
};

interface Region {
  readonly label: string;
  readonly source: string;
  readonly max: number;
  readonly cells: readonly number[];
}

/** The law's limits on one employer (../rules/limits.ts), in the order the handling lists them. */
const LEGAL_EMPLOYER_LIMITS: readonly (readonly [string, string])[] = [
  ["law.care-staff-cap", "nursing care: at most the Japanese etc. full-time care staff"],
  ["law.construction-staff-cap", "construction: at most the full-time staff"],
  ["law.acceptance-plan", "construction: at most the approved acceptance plan's headcount"],
  ["law.housing", "provided housing: its beds and living space"],
];

/** Whether two sorted cell lists are disjoint or nested. */
const laminar = (a: ReadonlySet<number>, b: readonly number[]): boolean => {
  let inside = 0;
  for (const c of b) if (a.has(c)) inside++;
  return inside === 0 || inside === b.length || inside === a.size;
};

/** What the mechanism does with the policy's limits; see the module comment. `mode` "rigid" turns every cap into lowered capacities. */
export const planCaps = (market: Market, mode: "flexible" | "rigid"): CapPlan => {
  const { instance, cells } = market;
  const { employers, policy } = instance;
  const capacity = Int32Array.from(market.capacityOf);
  const handling: CapHandling[] = [];

  const lawful = employers.flatMap((e) => employerLimits(e, instance).map((l) => l.source));
  for (const [source, what] of LEGAL_EMPLOYER_LIMITS) {
    if (lawful.includes(source)) handling.push({ label: `legal limits: ${what}`, source, treatment: "employer-capacity", why: "law, always on: the employer's capacity is lowered to the limit" });
  }
  const regions: Region[] = [];
  for (const l of legalRegions(instance)) {
    const members = new Set(l.employers);
    regions.push({ label: l.label, source: l.source, max: l.max, cells: cells.flatMap((c, i) => (members.has(c.members[0] as number) ? [i] : [])) });
  }
  for (const q of policy.quotas) {
    if (q.max !== null) {
      const label = quotaMaxLabel(q);
      if (q.scope === "employer") {
        employers.forEach((e, i) => {
          if (e.id === q.key) capacity[i] = Math.min(capacity[i] as number, q.max as number);
        });
        handling.push({ label, source: q.source, treatment: "employer-capacity", why: "the employer's capacity is lowered to the maximum" });
      } else {
        const inIt = cells.flatMap((c, i) => (inScope(instance, q, employers[c.members[0] as number] as Employer) ? [i] : []));
        regions.push({ label, source: q.source, max: q.max, cells: inIt });
      }
    }
    if (q.min !== null) {
      handling.push({
        label: `${q.scope} ${q.key}: at least ${q.min} placed`,
        source: q.source,
        treatment: "not-honoured",
        why: "a stable mechanism cannot promise a minimum: it would have to place workers where they or the employers would rather not be; the result says whether it is met",
      });
    }
  }

  // Regions largest first (then input order); one forming a hierarchy with those taken is a node of the tree.
  const ordered = regions.map((r, i) => ({ r, i })).sort((a, b) => b.r.cells.length - a.r.cells.length || a.i - b.i);
  const nested: Region[] = [];
  const taken: Set<number>[] = [];
  const crossing: Region[] = [];
  for (const { r } of ordered) {
    const crossed = nested.findIndex((f, j) => !laminar(taken[j] as Set<number>, r.cells));
    if (crossed < 0) {
      nested.push(r);
      taken.push(new Set(r.cells));
      handling.push(
        mode === "flexible"
          ? { label: r.label, source: r.source, treatment: "flexible", why: "a regional cap, honoured flexibly: employers fill up to their share of it, then share its spare places in rounds (Kamada and Kojima)" }
          : { label: r.label, source: r.source, treatment: "rigid", why: "honoured rigidly, as asked: every employer in it is held to its share of the cap" },
      );
    } else {
      crossing.push(r);
      handling.push({
        label: r.label,
        source: r.source,
        treatment: "rigid",
        why: `crosses ${(nested[crossed] as Region).label} (neither holds the other), and no mechanism is both stable and strategy-proof with caps that cross; honoured rigidly: every employer in it is held to its share of the cap`,
      });
    }
  }
  for (const r of crossing) {
    const members = r.cells.flatMap((c) => (cells[c] as Cell).members);
    const shares = shareOut(r.max, members.map((e) => capacity[e] as number));
    members.forEach((e, i) => (capacity[e] = Math.min(capacity[e] as number, shares[i] as number)));
  }

  if (policy.diversity !== null) {
    handling.push({ label: "diversity limit per training centre", source: "policy.diversity", treatment: "not-honoured", why: "not part of the mechanism; the result says where it is broken" });
  }
  for (const f of policy.fairness) {
    handling.push({ label: `fairness floor by ${f.by}`, source: f.source, treatment: "not-honoured", why: "a floor is a minimum, which a stable mechanism cannot promise; the result says where it is met" });
  }
  if (instance.workers.some((w) => w.group !== null)) {
    handling.push({
      label: "groups placed together",
      source: "workers[].group",
      treatment: "not-honoured",
      why: "with groups that must go together a stable plan may not exist (as with couples in the residency match); each member is placed alone, and the result says which groups were split",
    });
  }

  if (nested.length === 0) return { capacity, target: Int32Array.from(capacity), tree: null, handling };
  const tree = buildTree(market, nested, capacity);
  const target = employerTargets(market, tree, capacity);
  // Rigid: every employer held to its target, the same targets the flexible mechanism starts from.
  if (mode === "rigid") return { capacity: target, target, tree: null, handling };
  fillRounds(market, tree, capacity, target);
  return { capacity, target, tree, handling };
};

/** The tree of nested caps with caps, parents, children and effective capacities; targets and rounds are filled afterwards. */
const buildTree = (market: Market, nested: readonly Region[], capacity: Int32Array): CapTree => {
  const { cells } = market;
  const n = cells.length;
  const root = n + nested.length;
  const parent = new Int32Array(root + 1).fill(root);
  parent[root] = -1;
  const sets = nested.map((r) => new Set(r.cells));
  // A cell's parent is the smallest cap holding it; a cap's, the smallest cap before it holding it (caps are in decreasing size).
  nested.forEach((r, i) => {
    for (const c of r.cells) parent[c] = n + i;
  });
  nested.forEach((r, i) => {
    for (let j = i - 1; j >= 0; j--) {
      if (r.cells.every((c) => (sets[j] as Set<number>).has(c))) {
        parent[n + i] = n + j;
        break;
      }
    }
  });
  const children: number[][] = Array.from({ length: root + 1 }, () => []);
  for (let v = 0; v < root; v++) children[parent[v] as number]?.push(v);
  // Precedence among siblings: by the smallest employer index (id) under each.
  const firstEmployer = new Float64Array(root + 1).fill(Infinity);
  cells.forEach((c, i) => (firstEmployer[i] = c.members[0] as number));
  for (let v = root - 1; v >= n; v--) for (const ch of children[v] ?? []) firstEmployer[v] = Math.min(firstEmployer[v] as number, firstEmployer[ch] as number);
  for (const list of children) list.sort((a, b) => (firstEmployer[a] as number) - (firstEmployer[b] as number));
  const precedence = new Int32Array(root + 1);
  for (const list of children) list.forEach((v, i) => (precedence[v] = i));
  const cap = new Float64Array(root + 1).fill(Infinity);
  nested.forEach((r, i) => (cap[n + i] = r.max));
  const effective = new Float64Array(root + 1);
  cells.forEach((c, i) => {
    effective[i] = c.members.reduce((s, e) => s + (capacity[e] as number), 0);
    cap[i] = effective[i] as number;
  });
  // A cap's children are cells or later (smaller) caps, so going backwards visits children first; the root last.
  for (let v = root - 1; v >= n; v--) {
    const sum = (children[v] ?? []).reduce((s, ch) => s + (effective[ch] as number), 0);
    effective[v] = Math.min(cap[v] as number, sum);
  }
  effective[root] = (children[root] ?? []).reduce((s, ch) => s + (effective[ch] as number), 0);
  return {
    root,
    parent,
    cap,
    effective,
    target: new Float64Array(root + 1),
    children,
    precedence,
    roundOf: Array.from({ length: root + 1 }, () => new Int32Array(0)),
    labels: [...cells.map((_, i) => `cell ${i}`), ...nested.map((r) => r.label), "all"],
  };
};

/** Targets top down (the root's children keep their effective capacity); the employers' targets. */
const employerTargets = (market: Market, tree: CapTree, capacity: Int32Array): Int32Array => {
  const { cells } = market;
  const n = cells.length;
  const target = tree.target as Float64Array;
  target[tree.root] = tree.effective[tree.root] as number;
  for (const ch of tree.children[tree.root] ?? []) target[ch] = tree.effective[ch] as number;
  // Caps are in decreasing size, so a cap's parent cap comes before it.
  for (let v = n; v < tree.root; v++) {
    const kids = tree.children[v] ?? [];
    const shares = shareOut(target[v] as number, kids.map((ch) => tree.effective[ch] as number));
    kids.forEach((ch, i) => (target[ch] = shares[i] as number));
  }
  const employerTarget = Int32Array.from(capacity);
  cells.forEach((c, i) => {
    const shares = shareOut(target[i] as number, c.members.map((e) => capacity[e] as number));
    c.members.forEach((e, k) => (employerTarget[e] = shares[k] as number));
  });
  return employerTarget;
};

/** The round tables of every node under a cap: each employer's excess over its target, dealt one per round. */
const fillRounds = (market: Market, tree: CapTree, capacity: Int32Array, target: Int32Array): void => {
  const excessUnder: number[][] = Array.from({ length: tree.root + 1 }, () => []);
  market.cells.forEach((c, i) => {
    for (const e of c.members) {
      const x = (capacity[e] as number) - (target[e] as number);
      for (let v = i; v !== tree.root; v = tree.parent[v] as number) excessUnder[v]?.push(x);
    }
  });
  const rounds = tree.roundOf as Int32Array[];
  for (let v = 0; v < tree.root; v++) {
    if (tree.parent[v] !== tree.root) rounds[v] = roundTable(excessUnder[v] ?? [], (tree.effective[v] as number) - (tree.target[v] as number));
  }
};
